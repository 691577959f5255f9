// «Контроль плана ЭР» (постановление 1134-П, the plan of measures of «Эффективный регион»): each
// measure's target, fact and deadlines for a year.
import { dateInZone, dateTimeRuInZone, formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { deadlineState, deadlinesForYear, effectiveDeadline, type PlanDeadline } from '../domain/plan-deadlines';
import {
  COUNTED_FACTS,
  countProjectsImplemented,
  countTrainingsHeld,
  parseFact,
  parseTarget,
  planOutcome,
  type TrainingRecord,
} from '../domain/plan-facts';
import type { Settings } from '../domain/settings';
import { type PlanItem, readPlan, readProjects, readTraining } from '../workbook/lean-read';
import { Problems } from '../workbook/problems';
import { writeReportTab } from '../workbook/report-tab';
import { TAB } from '../workbook/schema';
import { type Cell, readTable, text } from '../workbook/table';
import { type RunContext, readCalendar, readSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function parseYear(year: string): number {
  const m = /^\s*(\d{4})\s*$/.exec(String(year ?? ''));
  const y = m ? Number(m[1]) : Number.NaN;
  if (!(y >= 2000 && y <= 2100))
    throw new Error(`Год «${year}» не распознан: укажите его четырьмя цифрами, например 2026.`);
  return y;
}

type Counted = Record<'projects' | 'trainings', number | null>;

/** Facts the add-on counts itself (COUNTED_FACTS): projects opened, trainings held in year `y`. */
function countedFacts(ss: Spreadsheet, tz: string, y: number, today: IsoDate): Counted {
  const projT = readTable(ss, TAB.projects);
  const trainT = readTable(ss, TAB.training);
  const counted: Counted = { projects: null, trainings: null };
  if (projT)
    // 002 План 1.1 «Реализация бережливых проектов»: closed (stage 9) in the year, by today.
    counted.projects = countProjectsImplemented(
      readProjects(projT, tz).map((p) => p.dates.start[8]),
      y,
      today,
    );
  if (trainT)
    counted.trainings = countTrainingsHeld(
      readTraining(trainT, tz)
        .map((r) => r.record)
        .filter((r): r is TrainingRecord => r !== null),
      y,
    );
  return counted;
}

interface PlanDay {
  y: number;
  today: IsoDate;
  tz: string;
  calendar: RunContext['calendar'];
  settings: Settings;
  counted: Counted;
}

/** One measure's row of the first table, its rows of the deadlines' table, and its notes. */
function measureRows(
  it: PlanItem,
  d: PlanDay,
): { row: Cell[]; deadlines: { date: IsoDate; row: Cell[] }[]; notes: string[] } {
  const { y } = d;
  const tp = parseTarget(it.target(y));
  const target = tp.ok ? tp.target : ({ kind: 'none' } as const);
  const source = COUNTED_FACTS[it.number];
  let fact: number | null;
  let from: string;
  if (source && d.counted[source] !== null) {
    fact = d.counted[source];
    from =
      source === 'projects'
        ? `подсчитано по листу «${TAB.projects}» (проекты, закрытые в году: «Этап 9»)`
        : `подсчитано по листу «${TAB.training}» (программа и дата)`;
  } else {
    fact = parseFact(it.fact(y));
    from = it.hasFactColumn(y) ? `«Факт ${y}»` : `нет столбца «Факт ${y}»`;
  }
  const dates = it.deadline.ok ? deadlinesForYear(it.deadline.rule, y) : [];
  const states = dates.map((x) => describeDeadline(x, d.today, d.calendar, d.settings.nonWorkingDeadline));
  const row: Cell[] = [
    it.number,
    it.measure,
    it.unit,
    tp.ok ? text(it.target(y)) : `${text(it.target(y))} (не понята)`,
    fact ?? '',
    from,
    planOutcome(target, fact),
    it.deadline.ok ? it.deadlineRaw : `${it.deadlineRaw || '—'} (срок не понят)`,
    dates.length
      ? dates.map((x, i) => `${formatRu(x.date)} — ${states[i]}`).join('\n')
      : it.deadline.ok
        ? 'без срока'
        : '',
    it.responsible,
  ];
  const deadlines = dates.map((x, i) => ({
    date: x.date,
    row: [it.number, it.measure, midnightInZone(x.date, d.tz), x.period, states[i]] as Cell[],
  }));
  const notes: string[] = [];
  if (!tp.ok) notes.push(`${it.number}: ${tp.message}`);
  if (!it.deadline.ok) notes.push(`${it.number}: ${it.deadline.message}`);
  return { row, deadlines, notes };
}

/** The two tables of «Контроль плана ЭР». */
function writePlanControl(ss: Spreadsheet, d: PlanDay, measures: Cell[][], dl: Cell[][], notes: string[]): void {
  const { y } = d;
  writeReportTab(ss, TAB.planControl, {
    title: `Контроль плана мероприятий «Эффективный регион» на ${y} год`,
    subtitle: `состояние на ${formatRu(d.today)} · сформирован ${dateTimeRuInZone(new Date(), d.tz)}${d.settings.organization ? ` · ${d.settings.organization}` : ''}`,
    tables: [
      {
        headers: [
          '№',
          'Мероприятие',
          'Единица измерения',
          `Цель ${y}`,
          `Факт ${y}`,
          'Откуда факт',
          'Выполнение',
          'Срок по плану',
          `Сроки ${y} и их состояние`,
          'Ответственные',
        ],
        rows: measures,
      },
      {
        caption: `Сроки в плане ${y} года`,
        headers: ['№', 'Мероприятие', 'Срок', 'За период', 'Состояние'],
        rows: dl,
        formats: { 2: 'dd.MM.yyyy' },
      },
    ],
    widths: { 2: 360, 6: 220, 8: 240, 9: 260, 10: 260 },
    notes,
  });
}

/** «Контроль плана ЭР» for a year 'YYYY'. */
export function planControl(ss: Spreadsheet, year: string): string {
  const y = parseYear(year);
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  const calendar = readCalendar(ss, tz, problems);
  const today = dateInZone(new Date(), tz);
  const planT = readTable(ss, TAB.plan);
  const d: PlanDay = { y, today, tz, calendar, settings, counted: countedFacts(ss, tz, y, today) };
  const notes: string[] = [];
  const measures: Cell[][] = [];
  const dl: { date: IsoDate; row: Cell[] }[] = [];
  if (!planT) notes.push(`Нет листа «${TAB.plan}»: выполните «Контроль поручений → Настроить таблицу».`);
  else {
    const items = readPlan(planT, tz);
    if (!items.length) notes.push(`Лист «${TAB.plan}» пуст.`);
    for (const it of items) {
      const m = measureRows(it, d);
      measures.push(m.row);
      dl.push(...m.deadlines);
      notes.push(...m.notes);
    }
  }
  dl.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const met = measures.filter((r) => r[6] === 'выполнено').length;
  const withTarget = measures.filter((r) => r[6] !== 'нет цели').length;
  writePlanControl(
    ss,
    d,
    measures,
    dl.map((x) => x.row),
    notes,
  );
  return `«${TAB.planControl}» на ${y} год: мероприятий — ${measures.length}, выполнено ${met} из ${withTarget} с целью.`;
}

function describeDeadline(
  d: PlanDeadline,
  today: IsoDate,
  cal: RunContext['calendar'],
  mode: 'previous' | 'keep',
): string {
  const due = effectiveDeadline(d.date, cal, mode);
  const state = deadlineState(due, today, cal);
  return due === d.date ? state : `${state} (${formatRu(d.date)} — нерабочий день, срок ${formatRu(due)})`;
}
