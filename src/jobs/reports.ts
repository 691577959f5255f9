// «Отчёт: исполнение» and the weekly/monthly summaries of the daily check (step 6); «Отчёт: протокол»
// is jobs/report-protocol.ts. Each tab is read once; the rules are the pure functions of src/domain;
// each report tab is written whole by writeReportTab, so the number of Spreadsheet calls does not
// depend on the number of orders.
import type { WorkCalendar } from '../domain/calendar';
import { addDays, dateTimeRuInZone, type IsoDate, isoWeekday, midnightInZone } from '../domain/dates';
import {
  buildExecutionReport,
  type ExecutionReport,
  type ExecutorInfo,
  executorRowCells,
  formatCoefficient,
  type ReportOrder,
} from '../domain/execution-report';
import { isRolledOver, withArchivedLines } from '../domain/history-rollover';
import { LATE_TABLE_HEADERS, LATE_TABLE_TITLE, type LateRow, lateRowCells } from '../domain/late-reason';
import type { OrderRecord } from '../domain/order';
import { occurrenceOrders } from '../domain/periodic';
import { parsePeriod, previousMonthCode, previousWeekCode, quarterCode, yearCode } from '../domain/periods';
import type { ProtocolOrder } from '../domain/protocol-report';
import { composeSummary } from '../mail/summary';
import { archiveSinceFor } from '../workbook/archive-window';
import { readHistoryArchive } from '../workbook/history-archive';
import { type OrderBook, readOrderBook } from '../workbook/orders';
import { Problems } from '../workbook/problems';
import { writeReportTab } from '../workbook/report-tab';
import { EXECUTION_REPORT_HEADERS, OVERDUE_LIST_HEADERS, STATUS, TAB } from '../workbook/schema';
import type { Cell } from '../workbook/table';
import { appealSummaryFor } from './appeals';
import { openContext, type RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// ---------------------------------------------------------------- reading

/** One order of «Поручения» or «Архив» with what both reports need. */
interface LoadedOrder extends ReportOrder, ProtocolOrder {
  /** «Причина нарушения срока» (001 гл.8 п.2.3.2): the table «Исполнено с нарушением срока». */
  lateReason: string;
}

function toLoaded(r: OrderRecord, protocolDate: IsoDate | null): LoadedOrder {
  return {
    history: r.history,
    protocolDate,
    number: r.number,
    protocol: r.protocol,
    text: r.text,
    executor: r.executor,
    coExecutors: r.coExecutors.join('; '),
    // An unreadable «Срок» or «Дата исполнения» is null here; readOrderBook lists it as a problem.
    deadline: r.deadline,
    doneDate: r.doneDate,
    returned: r.status === STATUS.rework,
    status: r.status,
    progress: r.progress,
    state: r.state,
    extensions: r.extensions,
    returns: r.returns,
    lateReason: r.lateReason,
  };
}

interface Loaded {
  orders: LoadedOrder[];
  executors: ExecutorInfo[];
  book: OrderBook;
}

/** «Поручения», «Архив», «Исполнители», «Протоколы»: one read each. */
export function load(ctx: RunContext, given?: OrderBook, archiveSince?: IsoDate): Loaded {
  // The daily check passes the book it already read (the order tabs are the largest: reading them
  // again would double the run's cells). Problems of the order tabs belong to the daily check's
  // «Проверка данных»; a report run must not list them a second time.
  const book = given ?? readOrderBook({ ...ctx, problems: new Problems() }, { archiveSince });
  const orders = [...book.orders, ...book.archive].map((r) =>
    toLoaded(r, r.protocol ? (book.protocolByNumber.get(r.protocol)?.date ?? null) : null),
  );
  // A rolled-over «История» (issue 19) is read with its lines in «Архив истории», so a finished period
  // sees the events that moved there: one read of that tab, only when some order was rolled over.
  const rolled = orders.filter((o) => o.history && isRolledOver(o.history));
  const archived = readHistoryArchive(ctx.ss, ctx.tz, new Set(rolled.map((o) => o.number)));
  for (const o of rolled) o.history = withArchivedLines(o.history ?? '', archived.get(o.number) ?? []);
  return {
    orders,
    executors: book.executors.map((e) => ({ name: e.name, unit: e.unit })),
    book,
  };
}

// ---------------------------------------------------------------- «Отчёт: исполнение»

const COEFFICIENT_COL = EXECUTION_REPORT_HEADERS.length - 1;
export const UNIT_TABLE_CAPTION = 'По подразделениям';
const UNIT_HEADER = 'Подразделение';

export function generatedAt(ctx: RunContext): string {
  return dateTimeRuInZone(ctx.now, ctx.tz);
}

/** «… 2026 г.» already ends the sentence; anything else gets its full stop. */
export function endSentence(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

export function titleOf(base: string, ctx: RunContext): string {
  return ctx.settings.organization ? `${base} — ${ctx.settings.organization}` : base;
}

/** The notes under «Отчёт: исполнение»: how the coefficient and the terms are counted, what is left out. */
function executionNotes(report: ExecutionReport, late: readonly LateRow[]): string[] {
  const notes: string[] = [
    'Коэффициент исполнительской дисциплины = исполнено в срок ÷ (исполнено в срок + с нарушением срока + не исполнено, срок истёк + просрочено из прошлых периодов). Поручение «На доработке» считается неисполненным.',
  ];
  if (report.months.length)
    notes.unshift(
      `Коэффициент за период считается по месяцам (Ростов, гл.7 п.2.5.1): сумма исполненных в срок за каждый месяц ÷ сумма учтённых за каждый месяц (исполнено в срок, с нарушением, не исполнено, просрочено из прошлых периодов). Поручение, которое остаётся просроченным, учитывается в каждом месяце просрочки. Рядом — коэффициент каждого месяца; остальные столбцы считают каждое поручение за период один раз.`,
    );
  notes.push(
    'Срок — контрольная дата с учётом переноса с нерабочего дня на предыдущий рабочий (как в «Состоянии»). За закончившийся период берётся срок, действовавший на его последний день, и исполнение, отмеченное не позже этого дня.',
  );
  if (report.overdue.length === 0) notes.push('Просроченных поручений нет.');
  if (late.length === 0) notes.push('Исполненных с нарушением срока нет.');
  if (report.withoutDeadline > 0)
    notes.push(
      `Не учтено поручений без срока или с нечитаемым сроком: ${report.withoutDeadline} (см. «${TAB.problems}»).`,
    );
  return notes;
}

/** One bar per executor (not «Итого»), beside the table whose header is on `headerRow`. */
function addCoefficientChart(sheet: Sheet, headerRow: number, executors: number): void {
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(sheet.getRange(headerRow, 1, executors + 1, 1))
    .addRange(sheet.getRange(headerRow, COEFFICIENT_COL + 1, executors + 1, 1))
    .setPosition(headerRow, EXECUTION_REPORT_HEADERS.length + 2, 0, 0)
    .setOption('title', 'Коэффициент исполнительской дисциплины по исполнителям')
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(chart);
}

/** Writes «Отчёт: исполнение» for a built report and puts the chart beside the table. */
export function writeExecutionTab(ctx: RunContext, report: ExecutionReport, late: readonly LateRow[] = []): Sheet {
  // The coefficient is stored as a fraction shown with a «0.0%» format: 66.7 → 0.667 → «66,7 %».
  const asFraction = (c: number | string | null) => (typeof c === 'number' ? Math.round(c * 10) / 1000 : '');
  const monthHeaders = report.months.map((m) => `${m.label.replace(/ г\.$/, '')}, %`);
  const withMonths = (cells: Cell[], r: ExecutionReport['total']): Cell[] => {
    cells[cells.length - 1] = asFraction(r.coefficient);
    return [...cells, ...(r.monthly ?? []).map((c) => asFraction(c))];
  };
  const tableRows: Cell[][] = [...report.rows, report.total].map((r) => withMonths(executorRowCells(r), r));
  // «По подразделениям» (001 гл.7 п.2.5.1; 003 п.117): the same columns per unit.
  const unitRows: Cell[][] = [...report.units, report.unitTotal].map((r) =>
    withMonths([r.executor, ...executorRowCells(r).slice(2)], r),
  );
  const pct: Record<number, string> = { [COEFFICIENT_COL]: '0.0%' };
  for (let i = 0; i < monthHeaders.length; i++) pct[COEFFICIENT_COL + 1 + i] = '0.0%';
  const unitPct: Record<number, string> = {};
  for (const [k, v] of Object.entries(pct)) unitPct[Number(k) - 1] = v;
  const overdueRows: Cell[][] = report.overdue.map((o) => [
    o.number,
    o.text,
    o.executor,
    midnightInZone(o.deadline, ctx.tz),
    o.workingDaysOverdue,
  ]);
  const notes = executionNotes(report, late);
  const { sheet, tables } = writeReportTab(ctx.ss, TAB.reportExecution, {
    title: titleOf('Отчёт об исполнении поручений', ctx),
    subtitle: `Период: ${endSentence(report.period.label)} Сформировано ${generatedAt(ctx)}`,
    tables: [
      {
        headers: [...EXECUTION_REPORT_HEADERS, ...monthHeaders],
        rows: tableRows,
        formats: pct,
        boldRows: [tableRows.length - 1],
      },
      {
        caption: UNIT_TABLE_CAPTION,
        headers: [UNIT_HEADER, ...EXECUTION_REPORT_HEADERS.slice(2), ...monthHeaders],
        // The unit spans «Исполнитель» and «Подразделение» above: each figure under its own header.
        lead: 2,
        rows: unitRows,
        formats: unitPct,
        boldRows: [unitRows.length - 1],
      },
      {
        caption: 'Просроченные поручения',
        headers: OVERDUE_LIST_HEADERS,
        rows: overdueRows,
        formats: { 3: 'dd.MM.yyyy', 4: '0' },
      },
      // 001 гл.8 п.2.3.2, 003 п.193: late executions with the executor's explanation.
      { caption: LATE_TABLE_TITLE, headers: LATE_TABLE_HEADERS, rows: late.map(lateRowCells) },
    ],
    widths: { 1: 200, 2: 320, 3: 170, 4: 110, 5: 110, 6: 110, 7: 110, 8: 100, 9: 100, 10: 110, 11: 140 },
    notes,
  });
  if (report.rows.length > 0) addCoefficientChart(sheet, tables[0].headerRow, report.rows.length);
  return sheet;
}

export interface ExecutionOutcome {
  report: ExecutionReport;
  /** Null when the tab was not written (`write: false`). */
  sheet: Sheet | null;
  message: string;
}

/**
 * Builds and writes the report for a period code; throws a Russian message for a bad period.
 * `write: false` builds it only (a summary whose tab another report of the same run replaces).
 */
export function executionReport(
  ctx: RunContext,
  periodText: string,
  book?: OrderBook,
  opts: { write?: boolean } = {},
): ExecutionOutcome {
  const parsed = parsePeriod(periodText);
  if (!parsed.ok) throw new Error(parsed.error);
  // Only the part of «Архив» the period needs (issue 15): a year's report does not read past years.
  const data = load(ctx, book, archiveSinceFor(parsed.period.from));
  // A periodic order counts each reported occurrence in the period it was due (spec Round 3).
  const counted = data.orders.flatMap((o) => occurrenceOrders(o));
  const report = buildExecutionReport(counted, parsed.period, ctx.today, ctx.calendar, data.executors, {
    nonWorkingDeadline: ctx.settings.nonWorkingDeadline,
  });
  const sheet = opts.write === false ? null : writeExecutionTab(ctx, report, report.late);
  const t = report.total;
  const message =
    `«${TAB.reportExecution}» за период: ${endSentence(report.period.label)} Подлежало исполнению ${t.due}, исполнено в срок ${t.onTime}, ` +
    `с нарушением ${t.late}, просрочено ${t.overdue + t.carriedOver}; коэффициент ${formatCoefficient(t.coefficient)}.`;
  return { report, sheet, message };
}

/** Generates «Отчёт: исполнение» for a period ('2026-W10', '2026-03', '2026-Q1', '2026-H1', '2026', '2026-03-01..2026-03-15'); returns a Russian one-line summary. */
export function reportExecution(ss: Spreadsheet, period: string): string {
  const ctx = openContext(ss);
  const out = executionReport(ctx, period);
  ctx.journal.add({ action: 'Отчёт об исполнении', order: out.report.period.code, result: out.message });
  ctx.journal.flush();
  return out.message;
}

// ---------------------------------------------------------------- summaries (daily step 6)

/** The weekly report is due on «День еженедельного отчёта», or the first working day after it. */
export function weeklyDueDay(today: IsoDate, weekday: number, calendar: WorkCalendar): IsoDate {
  return calendar.workingOnOrAfter(addDays(today, weekday - isoWeekday(today)));
}

/** The monthly report is due on the first working day of the month. */
export function monthlyDueDay(today: IsoDate, calendar: WorkCalendar): IsoDate {
  return calendar.workingOnOrAfter(`${today.slice(0, 8)}01`);
}

/** Working days after the first working day of a month in which a missed monthly summary still goes out. */
export const MONTHLY_CATCH_UP_DAYS = 5;

export const SUMMARY_KEY = {
  week: (code: string) => `summary:week:${code}`,
  month: (code: string) => `summary:month:${code}`,
};

function tabLink(ctx: RunContext, sheet: Sheet): string {
  try {
    return `${ctx.ss.getUrl()}#gid=${sheet.getSheetId()}`;
  } catch {
    // A link is a convenience: a summary without it is still worth sending.
    return '';
  }
}

/** `tabFollows`: another summary of this run writes «Отчёт: исполнение» next (this one's tab would be replaced unseen). */
function sendSummary(
  ctx: RunContext,
  kind: 'week' | 'month',
  code: string,
  book?: OrderBook,
  tabFollows = false,
): void {
  const key = SUMMARY_KEY[kind](code);
  if (ctx.journal.has(key)) return;
  const action = kind === 'week' ? 'Еженедельная сводка' : 'Ежемесячная сводка';
  try {
    // The tab is written only when it stays: the month's summary of the same run replaces the
    // week's at once (≈ 38 000 cells at 50 000 orders written for nobody to see).
    const out = executionReport(ctx, code, book, { write: !tabFollows });
    const recipients = ctx.settings.summaryRecipients;
    if (!ctx.settings.mailEnabled || recipients.length === 0) {
      // Recorded under the key, so the report is not regenerated every day of the week.
      const why = !ctx.settings.mailEnabled
        ? 'рассылка выключена («Рассылка включена» = Нет)'
        : 'не заполнены «Получатели сводки» в «Настройках»';
      ctx.journal.add({ action, order: code, result: `отчёт сформирован, письмо не отправлено: ${why}`, keys: [key] });
      return;
    }
    const mail = composeSummary({
      report: out.report,
      recipients,
      organization: ctx.settings.organization,
      tabUrl: out.sheet ? tabLink(ctx, out.sheet) : '',
      generatedAt: generatedAt(ctx),
      appeals: appealSummaryFor(ctx, out.report.period),
      kind,
      today: ctx.today,
    });
    // Deferred or failed sends leave the key unrecorded: the next run of the week tries again.
    ctx.mailer.send(mail, { action, items: [code], keys: [key] });
  } catch (e) {
    ctx.journal.add({ action, order: code, result: `ошибка: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * Daily check step 6: on «День еженедельного отчёта» the previous ISO week (Kramatorsk 003 п.199,
 * Kyshtym 000 п.15), on the first working day of a month the previous month. A run later in the
 * same week/month catches up on a summary that was deferred; the journal key makes it once only.
 */
export function periodicReports(ctx: RunContext, book?: OrderBook): void {
  // A missed monthly summary is caught up only in the month's first working days: a workbook set
  // up mid-month should not open with last month's (empty) summary.
  const monthDue = monthlyDueDay(ctx.today, ctx.calendar);
  const month = lastMonthPeriod(ctx.today);
  const monthNow =
    ctx.today >= monthDue &&
    ctx.calendar.workingDaysBetween(monthDue, ctx.today) < MONTHLY_CATCH_UP_DAYS &&
    !ctx.journal.has(SUMMARY_KEY.month(month));
  // Both summaries write «Отчёт: исполнение»; when the month's follows in this run, the week's is
  // not written and its e-mail carries its figures without a link, which would open the month.
  if (ctx.today >= weeklyDueDay(ctx.today, ctx.settings.weeklyReportWeekday, ctx.calendar))
    sendSummary(ctx, 'week', lastWeekPeriod(ctx.today), book, monthNow);
  if (monthNow) sendSummary(ctx, 'month', month, book);
}

export function lastWeekPeriod(today: IsoDate): string {
  return previousWeekCode(today);
}
export function lastMonthPeriod(today: IsoDate): string {
  return previousMonthCode(today);
}
/** The quarter holding today (the menu's «за квартал»: the current quarter to date). */
export function quarterPeriod(today: IsoDate): string {
  return quarterCode(today);
}
/**
 * The menu's «за полугодие»: the last finished half-year (001 гл.7 п.2.5.1 assesses by half-year;
 * п.2.5.4 reports «по итогам» — of a finished one). In July: H1; in March: H2 of last year.
 */
export function halfYearPeriod(today: IsoDate): string {
  const y = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 6 ? `${y - 1}-H2` : `${y}-H1`;
}
/** The menu's «за год»: the last finished year (001 гл.7 п.2.5.4 «по итогам»). */
export function yearPeriod(today: IsoDate): string {
  return String(Number(today.slice(0, 4)) - 1);
}
/** The half-year holding today, to date (a separate menu item). */
export function currentHalfYearPeriod(today: IsoDate): string {
  return `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}
/** The year holding today, to date (a separate menu item). */
export function currentYearPeriod(today: IsoDate): string {
  return yearCode(today);
}
