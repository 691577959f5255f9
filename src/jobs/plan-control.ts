// «Контроль плана ЭР» (постановление 1134-П, the plan of measures of «Эффективный регион»): each
// measure's target, fact and deadlines for a year.
import { dateInZone, dateTimeRuInZone, formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { type CountedFacts, measureControl, type PlanControlDay } from '../domain/plan-control';
import { countProjectsImplemented, countTrainingsHeld, type TrainingRecord } from '../domain/plan-facts';
import type { Settings } from '../domain/settings';
import { type PlanItem, readPlan, readProjects, readTraining } from '../workbook/lean-read';
import { Problems } from '../workbook/problems';
import { writeReportTab } from '../workbook/report-tab';
import { TAB } from '../workbook/schema';
import { type Cell, readTable } from '../workbook/table';
import { readCalendar, readSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function parseYear(year: string): number {
  const m = /^\s*(\d{4})\s*$/.exec(String(year ?? ''));
  const y = m ? Number(m[1]) : Number.NaN;
  if (!(y >= 2000 && y <= 2100))
    throw new Error(`Год «${year}» не распознан: укажите его четырьмя цифрами, например 2026.`);
  return y;
}

/** Facts the add-on counts itself (COUNTED_FACTS): projects opened, trainings held in year `y`. */
function countedFacts(ss: Spreadsheet, tz: string, y: number, today: IsoDate): CountedFacts {
  const projT = readTable(ss, TAB.projects);
  const trainT = readTable(ss, TAB.training);
  const counted: CountedFacts = { projects: null, trainings: null };
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

interface PlanDay extends PlanControlDay {
  tz: string;
  settings: Settings;
}

/** One measure's row of the first table and its rows of the deadlines' table (domain/plan-control.ts judges). */
function measureRows(
  it: PlanItem,
  d: PlanDay,
): { row: Cell[]; deadlines: { date: IsoDate; row: Cell[] }[]; notes: string[] } {
  const m = measureControl(it, d);
  const row: Cell[] = [
    m.number,
    m.measure,
    m.unit,
    m.target,
    m.fact ?? '',
    m.from,
    m.outcome,
    m.deadlineText,
    m.datesText,
    m.responsible,
  ];
  const deadlines = m.deadlines.map((x) => ({
    date: x.date,
    row: [m.number, m.measure, midnightInZone(x.date, d.tz), x.period, x.state] as Cell[],
  }));
  return { row, deadlines, notes: m.notes };
}

/** The two tables of «Контроль плана ЭР». */
function writePlanControl(ss: Spreadsheet, d: PlanDay, measures: Cell[][], dl: Cell[][], notes: string[]): void {
  const { year: y } = d;
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
  const d: PlanDay = {
    year: y,
    today,
    tz,
    calendar,
    settings,
    nonWorkingDeadline: settings.nonWorkingDeadline,
    counted: countedFacts(ss, tz, y, today),
  };
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
