// The annual self-assessment (issue 6, seed 002 «Порядок проведения самооценки» and its
// check-list): «Рейтинг самооценки» for a year, the checks of «Критерии самооценки» and
// «Самооценка» for «Проверка данных», and the reminder to the sector before 1 December.
// Each tab is read once; the report is one writeReportTab plus one chart, whatever the row count.

import { dateTimeRuInZone, formatRu, yearOf } from '../domain/dates';
import {
  type AnswerRowIn,
  answerStatus,
  CRITERION_NUMBERS,
  type CriteriaRowIn,
  checkSelfAssessment,
  computeRating,
  formatAllowed,
  type RatingIssue,
  type RatingResult,
  reminderPlan,
  reminderStage,
  selfAssessmentDueDate,
} from '../domain/rating';
import { SETTING } from '../domain/settings';
import { escapeHtml } from '../mail/html';
import type { Problems } from '../workbook/problems';
import { type ReportTable, writeReportTab } from '../workbook/report-tab';
import { CRITERIA_COL, PROBLEM_COL, PROJECT_COL, SELF_ASSESSMENT_COL, TAB } from '../workbook/schema';
import { criteriaSeedRows, scoreColumn } from '../workbook/specs/rating';
import { type Cell, isBlankRow, readTable, text } from '../workbook/table';
import type { RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Collects issues as plain data; both Problems and the report's warning table take them. */
type IssueSink = (i: RatingIssue) => void;

// ------------------------------------------------------------------ reading

/**
 * «Критерии самооценки» as plain rows. Without the tab (or its «Критерий»/«Балл»/«Коэффициент»
 * columns) the rating falls back to the check-list as seeded, and says so.
 */
function readCriteria(ss: Spreadsheet, sink: IssueSink): { rows: CriteriaRowIn[]; fallback: boolean } {
  const t = readTable(ss, TAB.criteria);
  const seeded = (): CriteriaRowIn[] =>
    criteriaSeedRows().map((r, i) => ({
      row: i + 2,
      criterion: r[0],
      name: r[1],
      cumulative: r[2],
      coefficient: r[3],
      score: r[4],
      description: r[5],
    }));
  const fix =
    'Выполните «Контроль поручений → Настроить таблицу»: лист и столбцы будут восстановлены, заполненное не изменится.';
  if (!t) {
    sink({
      tab: TAB.criteria,
      row: 0,
      column: '',
      value: '',
      message: `Нет листа «${TAB.criteria}»: рейтинг посчитан по чек-листу 002 с исходными коэффициентами.`,
      fix,
    });
    return { rows: seeded(), fallback: true };
  }
  const required = [CRITERIA_COL.criterion, CRITERIA_COL.score, CRITERIA_COL.coefficient];
  const missing = required.filter((h) => t.col(h) < 0);
  if (missing.length > 0) {
    for (const h of missing)
      sink({
        tab: TAB.criteria,
        row: 1,
        column: h,
        value: '',
        message: `На листе «${TAB.criteria}» нет столбца «${h}»: рейтинг посчитан по чек-листу 002 с исходными коэффициентами.`,
        fix,
      });
    return { rows: seeded(), fallback: true };
  }
  const c = (h: string) => t.col(h);
  const at = (r: Cell[], i: number): unknown => (i >= 0 ? r[i] : '');
  const rows = t.rows.map((r, i) => ({
    row: i + 2,
    criterion: at(r, c(CRITERIA_COL.criterion)),
    name: at(r, c(CRITERIA_COL.name)),
    cumulative: at(r, c(CRITERIA_COL.cumulative)),
    coefficient: at(r, c(CRITERIA_COL.coefficient)),
    score: at(r, c(CRITERIA_COL.score)),
    description: at(r, c(CRITERIA_COL.description)),
  }));
  return { rows, fallback: false };
}

/** «Самооценка» as plain rows; a missing «Кn» column leaves scores[n] undefined (reported once). */
function readAnswers(ss: Spreadsheet, sink: IssueSink): AnswerRowIn[] {
  const t = readTable(ss, TAB.selfAssessment);
  const fix = 'Выполните «Контроль поручений → Настроить таблицу» или верните заголовок в первую строку.';
  if (!t) {
    sink({
      tab: TAB.selfAssessment,
      row: 0,
      column: '',
      value: '',
      message: `Нет листа «${TAB.selfAssessment}»: оценивать некого.`,
      fix,
    });
    return [];
  }
  const yc = t.col(SELF_ASSESSMENT_COL.year);
  const oc = t.col(SELF_ASSESSMENT_COL.org);
  for (const [h, i] of [
    [SELF_ASSESSMENT_COL.year, yc],
    [SELF_ASSESSMENT_COL.org, oc],
  ] as const)
    if (i < 0)
      sink({
        tab: TAB.selfAssessment,
        row: 1,
        column: h,
        value: '',
        message: `На листе «${TAB.selfAssessment}» нет столбца «${h}»: рейтинг не построить.`,
        fix,
      });
  if (yc < 0 || oc < 0) return [];
  const scoreCols = CRITERION_NUMBERS.map((n) => [n, t.col(scoreColumn(n))] as const);
  for (const [n, i] of scoreCols)
    if (i < 0)
      sink({
        tab: TAB.selfAssessment,
        row: 1,
        column: scoreColumn(n),
        value: '',
        message: `На листе «${TAB.selfAssessment}» нет столбца «${scoreColumn(n)}»: баллы критерия ${n} не учитываются.`,
        fix,
      });
  return t.rows
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => !isBlankRow(r))
    .map(({ r, row }) => {
      const scores: Record<number, unknown> = {};
      for (const [n, i] of scoreCols) if (i >= 0) scores[n] = r[i];
      return { row, year: r[yc], org: r[oc], scores };
    });
}

/** «Проекты» «Организация (сокращённо)»: participants whoever has a lean project (002 Порядок п.3). */
function readProjectOrganisations(ss: Spreadsheet): string[] {
  const t = readTable(ss, TAB.projects);
  if (!t) return [];
  const c = t.col(PROJECT_COL.orgShort);
  if (c < 0) return [];
  return t.rows.map((r) => text(r[c])).filter(Boolean);
}

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

// ------------------------------------------------------------------ daily check

/** Daily step 1: problems in «Критерии самооценки», «Самооценка» (every year). */
export function validateRating(ctx: RunContext): void {
  const readIssues: RatingIssue[] = [];
  const sink: IssueSink = (i) => readIssues.push(i);
  const criteria = readCriteria(ctx.ss, sink);
  const answers = readAnswers(ctx.ss, sink);
  const issues = checkSelfAssessment(criteria.rows, answers);
  for (const i of readIssues) ctx.problems.add(i);
  for (const i of issues) if (!(criteria.fallback && i.tab === TAB.criteria)) ctx.problems.add(i);
}

const REMINDER_ACTION = 'Напоминание о самооценке';

/**
 * Daily step 6: the self-assessment is due «ежегодно до 01 декабря текущего года» (002 Порядок
 * п.4.1). The sector (the controller's address in «Настройки»: the spec has no separate sector
 * address) is reminded 10 and 5 working days before and on the day, with the organisations that
 * have no row for the year yet. Keys `rating:<year>:<10|5|0>` in «Журнал» make it idempotent.
 */
export function ratingReminders(ctx: RunContext): void {
  const year = yearOf(ctx.today);
  const plan = reminderPlan(year, ctx.calendar, ctx.settings.nonWorkingDeadline);
  const stage = reminderStage(ctx.today, plan);
  if (stage === null) return;
  const key = `rating:${year}:${stage}`;
  if (ctx.journal.has(key)) return;

  const answers = readAnswers(ctx.ss, () => undefined);
  const status = answerStatus(answers, year, readProjectOrganisations(ctx.ss));
  if (status.known.length > 0 && status.missing.length === 0) {
    ctx.journal.add({
      action: REMINDER_ACTION,
      order: `Самооценка ${year}`,
      result: `не требуется: все известные организации (${status.known.length}) заполнили самооценку за ${year} год`,
      keys: [key],
    });
    return;
  }
  const to = ctx.settings.controllerEmail;
  if (!to)
    ctx.problems.add({
      tab: TAB.settings,
      row: 0,
      column: SETTING.controllerEmail,
      value: '',
      message: `Напоминание о самооценке за ${year} год некому отправить: не указан адрес сектора (контролёра).`,
      fix: `Впишите адрес в «${SETTING.controllerEmail}» на листе «${TAB.settings}».`,
    });

  const left = ctx.calendar.workingDaysBetween(ctx.today, plan.due);
  const when = stage === 0 || left <= 0 ? 'срок — сегодня' : `осталось рабочих дней: ${left}`;
  const subject = `Самооценка за ${year} год: срок до ${formatRu(plan.due)} (${when})`;
  const intro = `Самооценку эффективности деятельности за ${year} год органы местного самоуправления и подведомственные организации представляют в сектор экономического развития ежегодно до ${formatRu(plan.due)} (Порядок проведения самооценки, п.4.1). ${when[0].toUpperCase()}${when.slice(1)}.`;
  const missingHead =
    status.known.length === 0
      ? `Участники прошлых лет не найдены (на листах «${TAB.selfAssessment}» и «${TAB.projects}»), поэтому список незаполнивших не составить.`
      : `Ещё не заполнили строку за ${year} год на листе «${TAB.selfAssessment}» (${status.missing.length}):`;
  const filledLine = status.filled.length
    ? `Уже заполнили (${status.filled.length}): ${status.filled.join(', ')}.`
    : `За ${year} год пока не заполнил никто.`;
  const outro = 'Рейтинг: меню «Контроль поручений → Бережливые проекты → Рейтинг самооценки».';
  const textBody = [intro, '', missingHead, ...status.missing.map((o) => `— ${o}`), '', filledLine, '', outro].join(
    '\n',
  );
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(missingHead)}</p>`,
    status.missing.length ? `<ul>${status.missing.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : '',
    `<p>${escapeHtml(filledLine)}</p>`,
    `<p>${escapeHtml(outro)}</p>`,
  ].join('\n');
  ctx.mailer.send(
    { to: to ? [to] : [], subject, text: textBody, html },
    { action: REMINDER_ACTION, items: [`Самооценка ${year}`], keys: [key] },
  );
}
