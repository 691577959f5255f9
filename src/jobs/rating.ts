// The annual self-assessment (issue 6, seed 002 «Порядок проведения самооценки» and its
// check-list): «Рейтинг самооценки» for a year, the checks of «Критерии самооценки» and
// «Самооценка» for «Проверка данных», and the reminder to the sector before 1 December.
// Each tab is read once; the report is one writeReportTab plus one chart, whatever the row count.

import { dateTimeRuInZone, formatRu } from '../domain/dates';
import {
  CRITERION_NUMBERS,
  computeRating,
  formatAllowed,
  type RatingIssue,
  type RatingResult,
  selfAssessmentDueDate,
} from '../domain/rating';
import type { Problems } from '../workbook/problems';
import { type IssueSink, readAnswers, readCriteria } from '../workbook/rating-read';
import { type ReportTable, writeReportTab } from '../workbook/report-tab';
import { PROBLEM_COL, TAB } from '../workbook/schema';
import { scoreColumn } from '../workbook/specs/rating';
import type { Cell } from '../workbook/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ------------------------------------------------------------------ the report

const WEIGHTED_SUFFIX = ' × коэф.';

/** Header names of the main table (tests and the chart find columns by them). */
export const RATING_HEADERS = {
  rank: 'Место',
  org: 'Организация',
  total: 'Итого',
  notes: 'Замечания',
  score: (n: number) => scoreColumn(n),
  weighted: (n: number) => `${scoreColumn(n)}${WEIGHTED_SUFFIX}`,
} as const;

function mainTable(r: RatingResult): ReportTable {
  const headers = [
    RATING_HEADERS.rank,
    RATING_HEADERS.org,
    ...CRITERION_NUMBERS.map(RATING_HEADERS.score),
    ...CRITERION_NUMBERS.map(RATING_HEADERS.weighted),
    RATING_HEADERS.total,
    RATING_HEADERS.notes,
  ];
  const rows: Cell[][] = r.orgs.map((o) => [
    o.rank,
    o.org,
    ...o.cells.map((c): Cell => (c.score !== null ? c.score : c.raw)),
    ...o.cells.map((c): Cell => (c.weighted !== null ? c.weighted : '')),
    o.total,
    [...(o.complete ? [] : ['итог неполный']), ...o.notes].join('; '),
  ]);
  const formats: Record<number, string> = {};
  for (let i = 0; i <= CRITERION_NUMBERS.length; i++) formats[2 + CRITERION_NUMBERS.length + i] = '0.0#';
  return { headers, rows, formats };
}

function coefficientTable(r: RatingResult): ReportTable {
  return {
    caption: 'Коэффициенты (с листа «Критерии самооценки»)',
    headers: ['Критерий', 'Наименование', 'Накопительный', 'Коэффициент', 'Допустимые баллы', 'Входит в итог'],
    rows: r.criteria.map((c) => [
      c.n,
      c.name,
      c.cumulative ? 'Да' : 'Нет',
      c.coefficient !== null ? c.coefficient : '',
      formatAllowed(c.allowed),
      c.coefficient !== null ? 'Да' : `Нет: ${c.coefficientNote}`,
    ]),
  };
}

function warningsTable(issues: readonly RatingIssue[]): ReportTable {
  return {
    caption: 'Предупреждения',
    headers: Object.values(PROBLEM_COL),
    rows: issues.map((i) => [i.tab, i.row || '', i.column, i.value, i.message, i.fix]),
  };
}

/**
 * «Рейтинг самооценки» for a year 'YYYY'; returns a Russian one-line summary. The warnings are
 * written into the tab and, when `problems` is given, added to it for «Проверка данных».
 */
export function ratingReport(ss: Spreadsheet, year: string, problems?: Problems): string {
  const y = /^\s*\d{4}\s*$/.test(String(year)) ? Number(year) : Number.NaN;
  if (!Number.isInteger(y) || y < 2000 || y > 2100)
    return `Год «${year}» не понят: укажите год четырьмя цифрами, например 2026.`;
  const tz = ss.getSpreadsheetTimeZone() || 'Europe/Moscow';
  const readIssues: RatingIssue[] = [];
  const sink: IssueSink = (i) => readIssues.push(i);
  const criteria = readCriteria(ss, sink);
  const answers = readAnswers(ss, sink);
  const r = computeRating(criteria.rows, answers, y);
  // With the fallback check-list, its own row numbers mean nothing on the sheet: keep only read issues.
  const issues = [...readIssues, ...(criteria.fallback ? r.issues.filter((i) => i.tab !== TAB.criteria) : r.issues)];
  if (problems) for (const i of issues) problems.add(i);

  const excluded = r.criteria.filter((c) => c.coefficient === null);
  const notes: string[] = [
    'Итог = Σ (балл × коэффициент) по критериям (002, Приложение № 1 к Порядку, «Подсчёт результата»). Равные итоги делят место, следующее место пропускается (1, 1, 3).',
  ];
  if (excluded.length > 0)
    notes.push(
      `Внимание: ${excluded.map((c) => `критерий ${c.n} (${c.coefficientNote})`).join(', ')} не входит в итог ни у одной организации — баллы показаны, взвешенные ячейки пусты. Впишите коэффициент на листе «${TAB.criteria}» и сформируйте рейтинг снова.`,
    );
  if (r.orgs.some((o) => !o.complete))
    notes.push(
      'Строки с пометкой «итог неполный»: недопустимый или пропущенный балл в итог не входит (см. «Предупреждения»).',
    );
  if (r.orgs.length === 0) notes.push(`За ${y} год на листе «${TAB.selfAssessment}» нет ни одной строки.`);

  const due = selfAssessmentDueDate(y);
  const tables: ReportTable[] = [mainTable(r), coefficientTable(r)];
  if (issues.length > 0) tables.push(warningsTable(issues));
  const width = 2 + 2 * CRITERION_NUMBERS.length + 2;
  const { sheet, tables: written } = writeReportTab(ss, TAB.rating, {
    title: `Рейтинг самооценки за ${y} год`,
    subtitle: `Самооценка за ${y} год (срок представления — до ${formatRu(due)}, 002, Порядок п.4.1). Сформировано ${dateTimeRuInZone(new Date(), tz)}. Организаций: ${r.orgs.length}; предупреждений: ${issues.length}.`,
    tables,
    notes,
    widths: { 1: 80, 2: 260, 3: 115, 4: 105, 5: 110, [width]: 420 },
  });

  const main = written[0];
  if (main.rowCount > 0) {
    // Column chart of totals beside the table: organisation names as categories, «Итого» as values.
    const totalCol = 2 + 2 * CRITERION_NUMBERS.length + 1;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(main.headerRow, 2, main.rowCount + 1, 1))
      .addRange(sheet.getRange(main.headerRow, totalCol, main.rowCount + 1, 1))
      .setPosition(main.headerRow, width + 2, 0, 0)
      .setOption('title', `Итог самооценки за ${y} год`)
      .setOption('legend', { position: 'none' })
      .build();
    sheet.insertChart(chart);
  }
  const leaders = r.orgs.filter((o) => o.rank === 1).map((o) => o.org);
  return `Рейтинг самооценки за ${y} год: организаций — ${r.orgs.length}${leaders.length ? `, первое место — ${leaders.join(', ')}` : ''}; предупреждений — ${issues.length}.`;
}

// The daily check's rules over these tabs are the plan register's (jobs/lean-checks.ts, RATING_RULES).
export { ratingReminders, validateRating } from './lean-checks';
