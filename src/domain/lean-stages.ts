// Lean project stages (seed 002, Приложение 1 «Паспорт бережливого проекта», «Сроки» 1–10) and the
// quarterly report's selection (002, Приложение 2). Pure: plain data in, plain data out.
import { cellToIsoDate, formatMonthYearShort, formatRu, type IsoDate, isoOf, yearOf } from './dates';

/** «Проекты»' headers (the workbook contract, spec «Проекты»): the stage rules own them. */
export const PROJECT_COL = {
  participant: 'Участник реализации программы',
  direction: 'Направление',
  name: 'Название проекта',
  customer: 'Заказчик',
  process: 'Процесс',
  leader: 'Руководитель проекта',
  contacts: 'Телефон, почта',
  team: 'Команда',
  orgShort: 'Организация (сокращённо)',
  openYear: 'Год открытия',
  passportLink: 'Паспорт (ссылка)',
  presentationLink: 'Презентация (ссылка)',
  significance: 'Показатель значимости, балл',
  goal: 'Цель',
  currentValue: 'Текущий показатель',
  targetValue: 'Целевой показатель',
  stage1: 'Этап 1',
  stage2Start: 'Этап 2 начало',
  stage2End: 'Этап 2 окончание',
  stage3Start: 'Этап 3 начало',
  stage3End: 'Этап 3 окончание',
  stage4Start: 'Этап 4 начало',
  stage4End: 'Этап 4 окончание',
  stage5Start: 'Этап 5 начало',
  stage5End: 'Этап 5 окончание',
  stage6Start: 'Этап 6 начало',
  stage6End: 'Этап 6 окончание',
  stage7Start: 'Этап 7 начало',
  stage7End: 'Этап 7 окончание',
  stage8Start: 'Этап 8 начало',
  stage8End: 'Этап 8 окончание',
  stage9: 'Этап 9',
  stage10: 'Этап 10',
} as const;

export const STAGE_NAMES: readonly string[] = [
  'Согласование паспорта проекта',
  'Картирование текущего состояния',
  'Анализ проблем и потерь',
  'Составление карты целевого состояния',
  'Разработка плана мероприятий',
  'Защита плана мероприятий перед заказчиком',
  'Внедрение улучшений',
  'Мониторинг результатов',
  'Закрытие проекта',
  'Мониторинг стабильности достигнутых результатов',
];
export const STAGE_NONE = 'Паспорт не согласован';

/** The passport's ten stages: 1, 9, 10 have one date; 2–8 a start and an end. */
export interface StageColumns {
  stage: number;
  start: string;
  end?: string;
}

export const STAGE_COLUMNS: readonly StageColumns[] = [
  { stage: 1, start: PROJECT_COL.stage1 },
  { stage: 2, start: PROJECT_COL.stage2Start, end: PROJECT_COL.stage2End },
  { stage: 3, start: PROJECT_COL.stage3Start, end: PROJECT_COL.stage3End },
  { stage: 4, start: PROJECT_COL.stage4Start, end: PROJECT_COL.stage4End },
  { stage: 5, start: PROJECT_COL.stage5Start, end: PROJECT_COL.stage5End },
  { stage: 6, start: PROJECT_COL.stage6Start, end: PROJECT_COL.stage6End },
  { stage: 7, start: PROJECT_COL.stage7Start, end: PROJECT_COL.stage7End },
  { stage: 8, start: PROJECT_COL.stage8Start, end: PROJECT_COL.stage8End },
  { stage: 9, start: PROJECT_COL.stage9 },
  { stage: 10, start: PROJECT_COL.stage10 },
];

/** Every header that holds a stage date, in passport order. */
export const STAGE_HEADERS: readonly string[] = STAGE_COLUMNS.flatMap((c) => (c.end ? [c.start, c.end] : [c.start]));

/** Stage dates of one project; index 0 = stage 1. null = blank (or unreadable, reported apart). */
export interface StageDates {
  start: (IsoDate | null)[];
  end: (IsoDate | null)[];
}

export function emptyStageDates(): StageDates {
  return { start: new Array(10).fill(null), end: new Array(10).fill(null) };
}

/** A stage cell that could not be read as a date. */
export interface BadStageCell {
  header: string;
  value: string;
}

/**
 * Reads the stage cells of one row. `get(header)` gives the raw cell ('' for blank or a missing
 * column). Unreadable cells are returned in `bad` and count as blank for the stage.
 */
export function readStageDates(
  get: (header: string) => unknown,
  tz: string,
): { dates: StageDates; bad: BadStageCell[] } {
  const dates = emptyStageDates();
  const bad: BadStageCell[] = [];
  const read = (h: string): IsoDate | null => {
    const v = get(h);
    if (v === '' || v === null || v === undefined) return null;
    const d = cellToIsoDate(v, tz);
    if (!d) bad.push({ header: h, value: String(v) });
    return d;
  };
  for (const c of STAGE_COLUMNS) {
    dates.start[c.stage - 1] = read(c.start);
    if (c.end) dates.end[c.stage - 1] = read(c.end);
  }
  return { dates, bad };
}

/**
 * The current stage on date d: the highest-numbered stage whose start (or single date) is on or
 * before d; 0 before stage 1 (spec «Проекты»). Blank stages are skipped, not a stop.
 */
export function currentStage(dates: StageDates, d: IsoDate): number {
  for (let i = 9; i >= 0; i--) {
    const s = dates.start[i];
    if (s && s <= d) return i + 1;
  }
  return 0;
}

/** «5. Разработка плана мероприятий», or «Паспорт не согласован» for 0. */
export function stageLabel(stage: number): string {
  if (stage < 1 || stage > 10) return STAGE_NONE;
  return `${stage}. ${STAGE_NAMES[stage - 1]}`;
}

export interface StageIssue {
  /** The header of the cell at fault. */
  header: string;
  value: IsoDate;
  message: string;
  fix: string;
}

/**
 * Stage dates out of order: a stage that starts after a later stage starts (compared with the
 * next stage that has a date, so a blank stage in between hides nothing), and an end before its
 * own start.
 */
export function stageOrderIssues(dates: StageDates): StageIssue[] {
  const issues: StageIssue[] = [];
  for (let i = 0; i < 10; i++) {
    const s = dates.start[i];
    const e = dates.end[i];
    const col = STAGE_COLUMNS[i];
    if (s && e && e < s && col.end)
      issues.push({
        header: col.end,
        value: e,
        message: `Этап ${i + 1} заканчивается (${formatRu(e)}) раньше, чем начинается (${formatRu(s)}).`,
        fix: `Исправьте «${col.start}» или «${col.end}».`,
      });
    if (!s) continue;
    for (let j = i + 1; j < 10; j++) {
      const next = dates.start[j];
      if (!next) continue;
      if (s > next)
        issues.push({
          header: col.start,
          value: s,
          message: `Этап ${i + 1} начинается (${formatRu(s)}) позже этапа ${j + 1} (${formatRu(next)}): этапы паспорта идут по порядку.`,
          fix: `Проверьте даты «${col.start}» и «${STAGE_COLUMNS[j].start}».`,
        });
      break;
    }
  }
  return issues;
}

/** «Дата закрытия (мм.гг.)»: the «Этап 9» date as ММ.ГГ, '' when not set. */
export function closingMonth(dates: StageDates): string {
  const d = dates.start[8];
  return d ? formatMonthYearShort(d) : '';
}

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
  /** «I квартал 2026 г.» */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function quarterOf(year: number, q: 1 | 2 | 3 | 4): Quarter {
  const start = isoOf(year, (q - 1) * 3 + 1, 1);
  const endDay = [31, 30, 30, 31][q - 1];
  const end = isoOf(year, q * 3, endDay);
  return { year, q, start, end, label: `${ROMAN[q - 1]} квартал ${year} г.` };
}

/** 'YYYY-Qn' (also «2026 Q1», «2026-К1», any case); null for anything else. */
export function parseQuarter(s: string): Quarter | null {
  const m = /^\s*(\d{4})\s*[-–—]?\s*[QКK]\s*([1-4])\s*$/iu.exec(String(s ?? ''));
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return quarterOf(year, Number(m[2]) as 1 | 2 | 3 | 4);
}

/** «Год открытия» as a year: 2026, '2026', '2026 г.'; a date cell gives its year. */
export function parseOpenYear(v: unknown, tz: string): number | null {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100) return v;
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})\s*(г\.?|год)?\s*$/iu.exec(v);
    if (m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100) return Number(m[1]);
  }
  const d = cellToIsoDate(v, tz);
  return d && typeof v !== 'number' ? yearOf(d) : null;
}

/** The year a project opened: «Год открытия», else the year of «Этап 1», else null. */
export function openingYear(openYear: number | null, dates: StageDates): number | null {
  if (openYear !== null) return openYear;
  const s1 = dates.start[0];
  return s1 ? yearOf(s1) : null;
}

/**
 * Whether a project belongs in a quarter's report (spec «Отчёт: бережливые проекты»): open at any
 * time in the quarter — opened in or before the quarter's year, and not closed («Этап 9») before
 * the quarter began. A project with no known opening year is left out (validation reports it).
 */
export function inQuarterReport(openYear: number | null, dates: StageDates, q: Quarter): boolean {
  const y = openingYear(openYear, dates);
  if (y === null || y > q.year) return false;
  const closed = dates.start[8];
  return !(closed && closed < q.start);
}
