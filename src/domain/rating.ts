// The annual self-assessment rating of seed 002: «Порядок проведения самооценки» (Приложение № 3
// к Положению, п.4.1–4.2) and its «Чек-лист критериев» (Приложение № 1 к Порядку). Every
// organisation scores itself once a year on eight criteria; the total is Σ score × coefficient
// («оценка вычисляется как сумма весовых коэффициентов по критериям»). Pure: plain rows in, plain
// results out; the workbook layer reads the tabs and writes the report.
//
// Decisions the source leaves open (each is shown to people, never applied silently):
// - A criterion whose coefficient is blank (criterion 3 in the source) or unreadable is left out
//   of every organisation's total. Its scores are still shown, the weighted cells stay blank and
//   a warning says so. Leaving it out for everyone keeps the ranking fair; inventing a weight
//   (1, or 0) would be a rule the commission never approved.
// - A score outside the criterion's levels (e.g. 4 for criterion 1, 1 for criterion 4) or a
//   missing score adds nothing to the total; the row is marked and listed as a problem. The source
//   says all criteria must be scored («необходимо оценить все направления деятельности»), so such
//   a total is shown as incomplete, but still ranked, so nobody disappears from the list.
// - A second row of the same organisation in one year is not counted: the first row (top-most)
//   is, and the duplicate is listed with both row numbers.
// - Ranks use the standard competition convention («1, 1, 3»): equal totals share the better
//   place and the next place is skipped, so a rank always says how many organisations scored
//   more (rank − 1), as in sports tables and official ratings.

import type { WorkCalendar } from './calendar';
import { type IsoDate, isoOf } from './dates';
import type { Problem } from './problem';
import { compareRu } from './ru-order';
import { foldText } from './text';

export const CRITERIA_TAB = 'Критерии самооценки';
export const ANSWERS_TAB = 'Самооценка';
/** Criteria К1…К8 of the check-list. */
export const CRITERION_NUMBERS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** A problem in people's data (domain/problem), the row «Проверка данных» shows. */
export type RatingIssue = Problem;

/** One row of «Критерии самооценки» as read (cell values as they are). */
export interface CriteriaRowIn {
  row: number;
  criterion: unknown;
  name: unknown;
  cumulative: unknown;
  coefficient: unknown;
  score: unknown;
  description: unknown;
}

export interface CriterionLevel {
  score: number;
  description: string;
  row: number;
}

export interface Criterion {
  n: number;
  name: string;
  cumulative: boolean;
  /** null when blank, unreadable or ambiguous: the criterion is left out of the totals. */
  coefficient: number | null;
  /** Why the coefficient is null (for the report), '' when it is set. */
  coefficientNote: string;
  /** Allowed scores, ascending. */
  allowed: number[];
  levels: CriterionLevel[];
  /** First sheet row of the criterion. */
  row: number;
}

/** One row of «Самооценка» as read; scores[n] is the «Кn» cell, undefined when that column is missing. */
export interface AnswerRowIn {
  row: number;
  year: unknown;
  org: unknown;
  scores: Readonly<Record<number, unknown>>;
}

export type ScoreStatus = 'ok' | 'missing' | 'invalid' | 'noCoefficient' | 'noCriterion';

export interface ScoreCell {
  n: number;
  /** The cell as typed, for display. */
  raw: string;
  /** The score when it is one of the allowed levels. */
  score: number | null;
  /** score × coefficient, null when it does not enter the total. */
  weighted: number | null;
  status: ScoreStatus;
}

export interface OrgResult {
  org: string;
  row: number;
  cells: ScoreCell[];
  total: number;
  rank: number;
  /** Every criterion scored with an allowed level. */
  complete: boolean;
  /** Short Russian remarks for the row («К1: балл 4 недопустим (0–3)»). */
  notes: string[];
}

export interface RatingResult {
  year: number;
  criteria: Criterion[];
  /** Sorted by rank, then by name. */
  orgs: OrgResult[];
  /** Criteria-level and row-level problems concerning this year. */
  issues: RatingIssue[];
}

// ------------------------------------------------------------------ cell helpers

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function isBlank(v: unknown): boolean {
  return str(v) === '';
}

/** A number from a cell: 0.3, «0,3», « 2 ». NaN when it is not one. */
export function cellNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v !== 'string') return Number.NaN;
  const s = v.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Rounds away binary noise (0.3 × 3 = 0.8999…) so equal totals compare equal. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Organisation name as compared: case, spaces, ё and quotes do not matter. */
export function orgKey(name: string): string {
  return foldText(name.replace(/[«»"„“”']/g, ''));
}

/** «0, 1, 2, 3» or «0–3» for a run of consecutive scores. */
export function formatAllowed(allowed: readonly number[]): string {
  if (allowed.length === 0) return '—';
  const consecutive = allowed.every((s, i) => i === 0 || s === allowed[i - 1] + 1);
  if (consecutive && allowed.length > 2) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return allowed.join(', ');
}

/** A number as people read it: «0,3». */
export function formatRuNumber(x: number): string {
  return String(round4(x)).replace('.', ',');
}

// ------------------------------------------------------------------ criteria

/** «Критерии самооценки»' headers (the workbook contract): the rating rules own them; workbook/schema re-exports them. */
export const CRITERIA_COL = {
  criterion: 'Критерий',
  name: 'Наименование',
  cumulative: 'Накопительный',
  coefficient: 'Коэффициент',
  score: 'Балл',
  description: 'Описание уровня',
} as const;
const COL = CRITERIA_COL;

/**
 * Reads «Критерии самооценки»: one row per level. Name, «Накопительный» and «Коэффициент» may be
 * written in one row of the criterion (as seeded: its first row) or repeated in all of them.
 */
export function parseCriteria(rows: readonly CriteriaRowIn[]): { criteria: Criterion[]; issues: RatingIssue[] } {
  const issues: RatingIssue[] = [];
  const issue = (row: number, column: string, value: string, message: string, fix: string) =>
    issues.push({ tab: CRITERIA_TAB, row, column, value, message, fix });
  const byN = new Map<number, { rows: CriteriaRowIn[]; levels: CriterionLevel[] }>();

  for (const r of rows) {
    const cells = [r.criterion, r.name, r.cumulative, r.coefficient, r.score, r.description];
    if (cells.every(isBlank)) continue;
    const n = cellNumber(r.criterion);
    if (!Number.isInteger(n) || !CRITERION_NUMBERS.includes(n)) {
      issue(
        r.row,
        COL.criterion,
        str(r.criterion),
        isBlank(r.criterion)
          ? 'Не указан номер критерия: строка не учитывается.'
          : `Номер критерия «${str(r.criterion)}» не из чек-листа (1–8): строка не учитывается.`,
        'Укажите номер критерия от 1 до 8 (002, Приложение № 1 к Порядку).',
      );
      continue;
    }
    let g = byN.get(n);
    if (!g) {
      g = { rows: [], levels: [] };
      byN.set(n, g);
    }
    g.rows.push(r);
    if (isBlank(r.score)) {
      // A row with only the criterion's name/coefficient (a heading row) is fine.
      if (!isBlank(r.description))
        issue(
          r.row,
          COL.score,
          '',
          `У уровня критерия ${n} не указан балл: уровень не учитывается.`,
          'Укажите балл уровня (целое число от 0 до 4).',
        );
      continue;
    }
    const s = cellNumber(r.score);
    if (!Number.isInteger(s) || s < 0 || s > 4) {
      issue(
        r.row,
        COL.score,
        str(r.score),
        `Балл уровня критерия ${n} должен быть целым числом от 0 до 4 (002, «Подсчёт результата»).`,
        'Исправьте балл.',
      );
      continue;
    }
    if (g.levels.some((l) => l.score === s)) {
      const first = g.levels.find((l) => l.score === s) as CriterionLevel;
      issue(
        r.row,
        COL.score,
        String(s),
        `Балл ${s} критерия ${n} уже описан в строке ${first.row}.`,
        'Удалите повторяющуюся строку уровня.',
      );
      continue;
    }
    g.levels.push({ score: s, description: str(r.description), row: r.row });
  }

  const criteria: Criterion[] = [];
  for (const n of CRITERION_NUMBERS) {
    const g = byN.get(n);
    if (!g) {
      issue(
        0,
        COL.criterion,
        String(n),
        `На листе нет критерия ${n}: его баллы (К${n}) не проверяются и в итог не входят.`,
        'Выполните «Настроить таблицу» (вернёт недостающие строки) или добавьте уровни критерия вручную.',
      );
      continue;
    }
    const first = g.rows[0];
    const names = g.rows.map((r) => str(r.name)).filter(Boolean);
    const cumulative = g.rows.some((r) => /^(да|yes|true|истина)$/i.test(str(r.cumulative)));
    const coefCells = g.rows.filter((r) => !isBlank(r.coefficient));
    let coefficient: number | null = null;
    let coefficientNote = '';
    const values: number[] = [];
    for (const r of coefCells) {
      const c = cellNumber(r.coefficient);
      if (!Number.isFinite(c) || c < 0)
        issue(
          r.row,
          COL.coefficient,
          str(r.coefficient),
          `Коэффициент критерия ${n} «${str(r.coefficient)}» не число (или отрицательный).`,
          'Впишите неотрицательное число, например 0,5.',
        );
      else values.push(round4(c));
    }
    const distinct = [...new Set(values)];
    if (distinct.length === 1 && values.length === coefCells.length) coefficient = distinct[0];
    else if (distinct.length > 1) {
      coefficientNote = `разные коэффициенты (${distinct.map(formatRuNumber).join('; ')})`;
      issue(
        coefCells[0].row,
        COL.coefficient,
        distinct.map(formatRuNumber).join('; '),
        `У критерия ${n} в разных строках разные коэффициенты: критерий не входит в итог рейтинга.`,
        'Оставьте один коэффициент (в первой строке критерия или одинаковый во всех его строках).',
      );
    } else if (coefCells.length > 0) {
      coefficientNote = 'коэффициент не прочитан';
    } else {
      coefficientNote = 'коэффициент не задан';
      issue(
        first.row,
        COL.coefficient,
        '',
        `У критерия ${n} не задан коэффициент: баллы по нему показаны, но в итог рейтинга не входят${n === 3 ? ' (в чек-листе 002, Приложение № 1 к Порядку, коэффициент критерия 3 не указан)' : ''}.`,
        'Впишите коэффициент, утверждённый комиссией, в столбец «Коэффициент» (например, 0,5): рейтинг пересчитается при следующем формировании.',
      );
    }
    const levels = [...g.levels].sort((a, b) => a.score - b.score);
    if (levels.length === 0)
      issue(
        first.row,
        COL.score,
        '',
        `У критерия ${n} нет ни одного уровня с баллом: его баллы не проверяются и в итог не входят.`,
        'Добавьте строки уровней с баллами.',
      );
    criteria.push({
      n,
      name: names[0] ?? '',
      cumulative,
      coefficient: levels.length === 0 ? null : coefficient,
      coefficientNote: levels.length === 0 ? 'нет уровней' : coefficientNote,
      allowed: levels.map((l) => l.score),
      levels,
      row: first.row,
    });
  }
  return { criteria, issues };
}

// ------------------------------------------------------------------ answers and rating

/** «Год» cell → year, or null. */
export function parseYear(v: unknown): number | null {
  const n = cellNumber(typeof v === 'string' ? v.replace(/\s*(г\.?|год)$/i, '') : v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

/**
 * Standard competition ranks for totals in the given order: equal totals share the better rank,
 * the next rank is skipped (10, 10, 7 → 1, 1, 3).
 */
export function competitionRanks(totals: readonly number[]): number[] {
  // 1 + how many totals are greater: the first place of its value among the totals sorted down
  // (sorted once — comparing every pair was quadratic in the organisations).
  const rounded = totals.map(round4);
  if (!rounded.every(Number.isFinite)) return rounded.map((t) => 1 + rounded.filter((o) => o > t).length);
  const down = [...rounded].sort((a, b) => b - a);
  const first = new Map<number, number>();
  down.forEach((t, i) => {
    if (!first.has(t)) first.set(t, i + 1);
  });
  return rounded.map((t) => first.get(t) as number);
}

interface Checked {
  row: AnswerRowIn;
  year: number | null;
  org: string;
}

function scoreRow(
  a: AnswerRowIn,
  org: string,
  year: number,
  criteria: readonly Criterion[],
  issues: RatingIssue[],
): OrgResult {
  const byN = new Map(criteria.map((c) => [c.n, c]));
  const cells: ScoreCell[] = [];
  const notes: string[] = [];
  let total = 0;
  let complete = true;
  for (const n of CRITERION_NUMBERS) {
    const c = byN.get(n);
    const rawValue = a.scores[n];
    const raw = str(rawValue);
    const column = `К${n}`;
    if (rawValue === undefined) {
      // The column itself is missing: reported once by the caller, not per row.
      cells.push({ n, raw: '', score: null, weighted: null, status: 'missing' });
      complete = false;
      notes.push(`${column}: нет столбца`);
      continue;
    }
    if (raw === '') {
      cells.push({ n, raw, score: null, weighted: null, status: 'missing' });
      complete = false;
      notes.push(`${column}: балл не указан`);
      issues.push({
        tab: ANSWERS_TAB,
        row: a.row,
        column,
        value: '',
        message: `Не указан балл по критерию ${n} у «${org}» за ${year} год: итог неполный (по Порядку нужно оценить все направления деятельности).`,
        fix: `Выберите балл из списка${c ? ` (${formatAllowed(c.allowed)})` : ''}; если критерий не выполняется — 0.`,
      });
      continue;
    }
    if (!c) {
      cells.push({ n, raw, score: null, weighted: null, status: 'noCriterion' });
      notes.push(`${column}: критерия нет на листе «${CRITERIA_TAB}»`);
      continue;
    }
    const s = cellNumber(rawValue);
    if (!Number.isInteger(s) || !c.allowed.includes(s)) {
      cells.push({ n, raw, score: null, weighted: null, status: 'invalid' });
      complete = false;
      notes.push(`${column}: балл ${raw} недопустим (${formatAllowed(c.allowed)}), в итог не входит`);
      issues.push({
        tab: ANSWERS_TAB,
        row: a.row,
        column,
        value: raw,
        message: `Балл «${raw}» по критерию ${n} у «${org}» за ${year} год недопустим: у этого критерия уровни ${formatAllowed(c.allowed)}. В итог рейтинга не входит.`,
        fix: `Выберите балл из списка (${formatAllowed(c.allowed)}).`,
      });
      continue;
    }
    if (c.coefficient === null) {
      cells.push({ n, raw, score: s, weighted: null, status: 'noCoefficient' });
      continue;
    }
    const w = round4(s * c.coefficient);
    total += w;
    cells.push({ n, raw, score: s, weighted: w, status: 'ok' });
  }
  return { org, row: a.row, cells, total: round4(total), rank: 0, complete, notes };
}

/** Rows with content, with the year and organisation read; unreadable ones reported. */
function classify(answers: readonly AnswerRowIn[], issues: RatingIssue[]): Checked[] {
  const out: Checked[] = [];
  for (const a of answers) {
    const scoreCells = CRITERION_NUMBERS.map((n) => a.scores[n]);
    if ([a.year, a.org, ...scoreCells].every(isBlank)) continue;
    const year = parseYear(a.year);
    const org = str(a.org);
    if (year === null)
      issues.push({
        tab: ANSWERS_TAB,
        row: a.row,
        column: 'Год',
        value: str(a.year),
        message: isBlank(a.year)
          ? `Не указан год${org ? ` у «${org}»` : ''}: строка не входит ни в один рейтинг.`
          : `Год «${str(a.year)}» не прочитан: строка не входит ни в один рейтинг.`,
        fix: 'Укажите год самооценки четырьмя цифрами, например 2026.',
      });
    if (!org)
      issues.push({
        tab: ANSWERS_TAB,
        row: a.row,
        column: 'Организация',
        value: '',
        message: 'Не указана организация: строка не входит в рейтинг.',
        fix: 'Впишите название организации так же, как в прошлые годы.',
      });
    out.push({ row: a, year, org });
  }
  return out;
}

function rateYear(
  criteria: readonly Criterion[],
  rows: readonly Checked[],
  year: number,
): { orgs: OrgResult[]; issues: RatingIssue[] } {
  const issues: RatingIssue[] = [];
  const seen = new Map<string, number>();
  const orgs: OrgResult[] = [];
  for (const c of rows) {
    if (c.year !== year || !c.org) continue;
    const key = orgKey(c.org);
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      issues.push({
        tab: ANSWERS_TAB,
        row: c.row.row,
        column: 'Организация',
        value: c.org,
        message: `«${c.org}» уже есть за ${year} год в строке ${firstRow}: в рейтинг входит строка ${firstRow}, эта — нет.`,
        fix: 'Удалите лишнюю строку или перенесите верные баллы в одну строку.',
      });
      continue;
    }
    seen.set(key, c.row.row);
    orgs.push(scoreRow(c.row, c.org, year, criteria, issues));
  }
  const ranks = competitionRanks(orgs.map((o) => o.total));
  orgs.forEach((o, i) => {
    o.rank = ranks[i];
  });
  orgs.sort((a, b) => a.rank - b.rank || compareRu(a.org, b.org));
  return { orgs, issues };
}

/**
 * The rating of one year: per organisation each criterion's score and score × coefficient, the
 * total and the rank; with every problem of the criteria and of the rows that concern this year
 * (rows whose year cannot be read are included: they may belong to it).
 */
export function computeRating(
  criteriaRows: readonly CriteriaRowIn[],
  answers: readonly AnswerRowIn[],
  year: number,
): RatingResult {
  const { criteria, issues } = parseCriteria(criteriaRows);
  const rowIssues: RatingIssue[] = [];
  const rows = classify(answers, rowIssues);
  const yearOfRow = new Map(rows.map((c) => [c.row.row, c.year]));
  const own = rowIssues.filter((i) => yearOfRow.get(i.row) === null || yearOfRow.get(i.row) === year);
  const r = rateYear(criteria, rows, year);
  return { year, criteria, orgs: r.orgs, issues: [...issues, ...own, ...r.issues] };
}

/** Every problem of «Критерии самооценки» and of all rows of «Самооценка» (all years): the daily check's step 1. */
export function checkSelfAssessment(
  criteriaRows: readonly CriteriaRowIn[],
  answers: readonly AnswerRowIn[],
): RatingIssue[] {
  const { criteria, issues } = parseCriteria(criteriaRows);
  const rows = classify(answers, issues);
  const years = [...new Set(rows.map((c) => c.year).filter((y): y is number => y !== null))].sort();
  for (const y of years) issues.push(...rateYear(criteria, rows, y).issues);
  return issues;
}

// ------------------------------------------------------------------ reminders (002 п.4.1)

/** The self-assessment goes to the economic development sector «ежегодно до 01 декабря текущего года». */
export function selfAssessmentDueDate(year: number): IsoDate {
  return isoOf(year, 12, 1);
}

/** Working days before the due date on which the sector is reminded; 0 = on the day. */
export const REMINDER_STAGES: readonly number[] = [10, 5, 0];

export interface ReminderPlan {
  /** The due date after the non-working-day rule of «Настройки». */
  due: IsoDate;
  /** Stage → the day its reminder is due. */
  days: Record<number, IsoDate>;
}

export function reminderPlan(
  year: number,
  calendar: WorkCalendar,
  nonWorkingDeadline: 'previous' | 'keep',
): ReminderPlan {
  const source = selfAssessmentDueDate(year);
  const due = nonWorkingDeadline === 'previous' ? calendar.workingOnOrBefore(source) : source;
  return {
    due,
    days: {
      10: calendar.addWorkingDays(due, -10),
      5: calendar.addWorkingDays(due, -5),
      0: calendar.workingOnOrBefore(due),
    },
  };
}

/**
 * The reminder stage that is due on `today`, or null: the latest stage whose day has come and the
 * due date has not passed. A run missed on the exact day is caught up by the next run (the
 * caller's «Журнал» key stops a second message for the same stage).
 */
export function reminderStage(today: IsoDate, plan: ReminderPlan): number | null {
  if (today > plan.due) return null;
  for (const s of [...REMINDER_STAGES].sort((a, b) => a - b)) if (today >= plan.days[s]) return s;
  return null;
}

export interface AnswerStatus {
  /** Organisations expected to answer: earlier years' rows plus the extra names. */
  known: string[];
  /** Organisations with a row for the year (as spelled there). */
  filled: string[];
  /** Known organisations without a row for the year. */
  missing: string[];
}

/**
 * Who has and who has not answered for `year`. Expected are the organisations that answered in
 * any earlier year (not only the previous one: skipping a year does not make an organisation
 * leave the programme) plus the extra names given (the job passes «Проекты» «Организация
 * (сокращённо)»: whoever runs a lean project takes part, 002 Порядок п.3). Names match ignoring
 * case, spaces, ё and quotes; the latest earlier spelling is shown.
 */
export function answerStatus(
  answers: readonly AnswerRowIn[],
  year: number,
  extraNames: readonly string[] = [],
): AnswerStatus {
  const filled = new Map<string, string>();
  const known = new Map<string, string>();
  const earlier: { year: number; org: string }[] = [];
  for (const a of answers) {
    const y = parseYear(a.year);
    const org = str(a.org);
    if (y === null || !org) continue;
    if (y === year) {
      if (!filled.has(orgKey(org))) filled.set(orgKey(org), org);
    } else if (y < year) earlier.push({ year: y, org });
  }
  earlier.sort((a, b) => b.year - a.year);
  for (const e of earlier) if (!known.has(orgKey(e.org))) known.set(orgKey(e.org), e.org);
  for (const n of extraNames) {
    const t = str(n);
    if (t && !known.has(orgKey(t))) known.set(orgKey(t), t);
  }
  return {
    known: [...known.values()],
    filled: [...filled.values()],
    missing: [...known.entries()].filter(([k]) => !filled.has(k)).map(([, name]) => name),
  };
}
