// «Отчёт: исполнение»: execution discipline of a period, per responsible executor.
// Rostov 001 гл.7 п.2.5.1–2.5.2: the coefficient is documents executed on time ÷ all control
// documents due in the period, the overdue ones of past periods counted again as overdue.
// Kyshtym 000 п.13: an order is done when the execution record was made by the deadline;
// 000 п.14: a returned order («На доработке») counts as not executed.
// The control date is the due date «Состояние» uses (001 гл.8 п.2.4.2). A period that has ended
// shows the same figures whenever generated: the control date in force at its end (an extension
// approved later, recorded in «История», does not move it) and only executions recorded by its end.
// Periods of whole months are assessed month by month (001 гл.7 п.2.5.1).
import type { WorkCalendar } from './calendar';
import { addDays, daysInMonth, type IsoDate, isoOf, MONTH_NAMES_RU } from './dates';
import { dueDate } from './deadlines';
import type { LateRow } from './late-reason';
import {
  countedDoneDate,
  type OrderAt,
  orderAtPrepared,
  type PreparedEvents,
  parseEvents,
  prepareEvents,
  recordedExecutorAt,
  recordedUnitAt,
} from './order-events';
import type { Period } from './periods';
import { compareRu } from './ru-order';
import type { Settings } from './settings';
import { foldText } from './text';

/** The few facts of an order the report needs (read from «Поручения» and «Архив»). */
export interface ReportOrder {
  number: string;
  text: string;
  /** Responsible executor as written in «Исполнитель» ('' when blank). */
  executor: string;
  /** Current control date; null when blank or unreadable (such orders cannot be classified). */
  deadline: IsoDate | null;
  /** «Дата исполнения»: the date the execution record was made. */
  doneDate: IsoDate | null;
  /** True when «Статус» is «На доработке»: not executed whatever «Дата исполнения» says. */
  returned: boolean;
  extensions: number;
  returns: number;
  /** «История»: approved extensions with their days (for the control date in force at a day). */
  history?: string;
  /** Date of the order's protocol: an execution before it does not count. */
  protocolDate?: IsoDate | null;
  /** «Причина нарушения срока» (listed beside a late execution). */
  lateReason?: string;
  /**
   * «Статус» as written: executed means «Готово» with a valid «Дата исполнения» (product.md «one
   * definition of executed»). Absent (older callers): «Готово» when there is a «Дата исполнения»
   * and the order is not returned.
   */
  status?: string;
}

export type OrderClass = 'onTime' | 'late' | 'overdue' | 'running';

export interface ExecutorRow {
  executor: string;
  unit: string;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  running: number;
  extensions: number;
  returns: number;
  carriedOver: number;
  /** Percent with one decimal (66.7), null when the divisor is 0. */
  coefficient: number | null;
  /** Whole-month periods: each month's coefficient, in the order of `ExecutionReport.months`. */
  monthly?: (number | null)[];
}

export interface OverdueItem {
  number: string;
  text: string;
  executor: string;
  deadline: IsoDate;
  /** Working days in (deadline, today]. */
  workingDaysOverdue: number;
}

export interface ExecutionReport {
  period: Period;
  today: IsoDate;
  rows: ExecutorRow[];
  total: ExecutorRow;
  overdue: OverdueItem[];
  /** Orders left out because «Срок» is blank or unreadable. */
  withoutDeadline: number;
  /** «По подразделениям»: the same columns per «Подразделение» (001 гл.7 п.2.5.1; 003 п.117). */
  units: ExecutorRow[];
  unitTotal: ExecutorRow;
  /** The months of a whole-month period (month by month, 001 гл.7 п.2.5.1); empty otherwise. */
  months: Period[];
  /**
   * «Исполнено с нарушением срока»: exactly the executions counted late above, with the executor
   * of the executor's row they were counted in (for a finished period, the one of its end), by term.
   */
  late: LateRow[];
}

export const NO_UNIT = 'Подразделение не указано';

export interface ReportRules {
  nonWorkingDeadline: Settings['nonWorkingDeadline'];
}

/** The months a period of whole calendar months consists of; [] for weeks and other ranges. */
export function wholeMonths(period: Period): Period[] {
  if (period.from.slice(8) !== '01') return [];
  const y2 = Number(period.to.slice(0, 4));
  const m2 = Number(period.to.slice(5, 7));
  if (Number(period.to.slice(8)) !== daysInMonth(y2, m2)) return [];
  const out: Period[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  while (y < y2 || (y === y2 && m <= m2)) {
    out.push({
      kind: 'month',
      code: `${y}-${String(m).padStart(2, '0')}`,
      from: isoOf(y, m, 1),
      to: isoOf(y, m, daysInMonth(y, m)),
      label: `${MONTH_NAMES_RU[m - 1]} ${y} г.`,
    });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * «Срок» in force at the end of `day`: every change of term after it (typed over or approved, their
 * lines in «История») is undone, latest first. An unreadable line is ignored.
 */
export function deadlineInForce(deadline: IsoDate | null, history: string | undefined, day: IsoDate): IsoDate | null {
  if (!history || !deadline) return deadline;
  let d: IsoDate | null = deadline;
  const terms = parseEvents(history).filter((e) => e.kind === 'term');
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i];
    if (t.kind !== 'term' || t.day <= day) break;
    d = t.from;
  }
  return d;
}

/** The facts of one order as of a period: due date in force, execution counted, the cut-off day. */
interface AsOf {
  due: IsoDate | null;
  done: IsoDate | null;
  /** Orders due before this day and not executed are overdue. */
  cut: IsoDate;
  /** Control dates of terms changed too late (order-events termChangedLate): each counts in its period. */
  missed: IsoDate[];
  /** The control was cancelled by the period's end (or today): the order is not counted (001 гл.7 п.2.4.15). */
  cancelled: boolean;
  extensions: number;
  returns: number;
}

function statusOf(o: ReportOrder): string {
  if (o.status !== undefined) return o.status;
  if (o.returned) return 'На доработке';
  return o.doneDate ? 'Готово' : '';
}

/**
 * How an order stands for `period` generated on `today`, from its events in «История»
 * (order-events.ts): a period that has ended is read at its last day — the term in force then, the
 * execution recorded by then (a back-dated «Дата исполнения» counts from the day it was recorded),
 * returns and cancellations made by then, «Переносов» and «Возвратов» as they were —, so it reads the
 * same whenever generated. A running period is read as today. An execution in the future or before
 * the protocol date does not count.
 */
export function asOf(o: ReportOrder, period: Period, today: IsoDate, calendar: WorkCalendar, rules: ReportRules): AsOf {
  const ended = period.to < today;
  const cut = ended ? addDays(period.to, 1) : today;
  const last = ended ? period.to : today;
  const dueOf = (t: IsoDate) => dueDate(t, rules, calendar);
  const status = statusOf(o);
  const p = prepared(o, calendar, dueOf);
  const at: OrderAt = orderAtPrepared({ deadline: o.deadline, doneDate: o.doneDate, status }, p, last);
  let done = at.done;
  if (!ended) {
    // Running: the row as it is — «Готово» with its date, counted from the day it was recorded.
    done = null;
    if (status === 'Готово' && o.doneDate && o.doneDate <= today) {
      let rec: IsoDate | null = null;
      for (const e of p.events) if (e.kind === 'executed' && e.doneDate === o.doneDate) rec = e.day;
      done = !p.hasExec ? o.doneDate : countedDoneDate(o.doneDate, rec ?? today, calendar);
    }
  }
  if (done && (done > last || (o.protocolDate && done < o.protocolDate))) done = null;
  const deadline = ended ? at.deadline : o.deadline;
  const later = (k: 'term' | 'returned') => (ended ? p.events.filter((e) => e.kind === k && e.day > last).length : 0);
  return {
    due: deadline ? dueOf(deadline) : null,
    done,
    cut,
    missed: at.missedTerms.map(dueOf),
    cancelled: at.cancelledOn !== null,
    extensions: Math.max(0, o.extensions - later('term')),
    returns: Math.max(0, o.returns - later('returned')),
  };
}

// A report reads each order at several days (its period, each month): the events once per order.
const preparedByOrder = new WeakMap<ReportOrder, PreparedEvents>();
function prepared(o: ReportOrder, cal: WorkCalendar, due: (t: IsoDate) => IsoDate): PreparedEvents {
  let p = preparedByOrder.get(o);
  if (!p) {
    p = prepareEvents(o.history ?? '', cal, due);
    preparedByOrder.set(o, p);
  }
  return p;
}

/** A row of «Исполнители»: «ФИО» and «Подразделение». */
export interface ExecutorInfo {
  name: string;
  unit: string;
}

export const NO_EXECUTOR = 'Исполнитель не указан';
export const TOTAL_LABEL = 'Итого';

/**
 * An order counts as executed only with «Готово» and a «Дата исполнения» (000 п.13–14; product.md
 * «one definition of executed»): a returned one, or one with a date but another status, does not.
 */
export function executedOn(o: ReportOrder): IsoDate | null {
  return statusOf(o) === 'Готово' ? o.doneDate : null;
}

/**
 * Class of an order whose control date lies in the period, as of the day of generation:
 * executed on time (record on or before «Срок»), late (after it), not executed and overdue
 * (control date before today), or still running.
 */
export function classifyOrder(o: ReportOrder & { deadline: IsoDate }, today: IsoDate): OrderClass {
  return classifyAt(o.deadline, executedOn(o), today);
}

function classifyAt(due: IsoDate, done: IsoDate | null, cut: IsoDate): OrderClass {
  if (done) return done <= due ? 'onTime' : 'late';
  return due < cut ? 'overdue' : 'running';
}

/** Control date before the period and still not executed on its first day (001 гл.7 п.2.5.2). */
export function isCarriedOver(o: ReportOrder, period: Period): boolean {
  return carriedAt(o.deadline, executedOn(o), period);
}

function carriedAt(due: IsoDate | null, done: IsoDate | null, period: Period): boolean {
  if (!due || due >= period.from) return false;
  return done === null || done >= period.from;
}

/** on time ÷ (on time + late + overdue + overdue from past periods), percent, one decimal. */
export function disciplineCoefficient(
  r: Pick<ExecutorRow, 'onTime' | 'late' | 'overdue' | 'carriedOver'>,
): number | null {
  const divisor = r.onTime + r.late + r.overdue + r.carriedOver;
  if (divisor === 0) return null;
  return Math.round((r.onTime / divisor) * 1000) / 10;
}

function emptyRow(executor: string, unit: string): ExecutorRow {
  return {
    executor,
    unit,
    due: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    running: 0,
    extensions: 0,
    returns: 0,
    carriedOver: 0,
    coefficient: null,
  };
}

// Russian order of our own (ru-order.ts): Apps Script's ICU data is not documented.
export { compareRu } from './ru-order';

/** A name as compared between tabs (see foldText). */
export const normName = foldText;

/** Per order and period: the executor's row counters (block counts for the period). */
function tally(
  orders: readonly ReportOrder[],
  period: Period,
  today: IsoDate,
  calendar: WorkCalendar,
  rules: ReportRules,
  rowFor: (o: ReportOrder) => ExecutorRow[],
  overdue: OverdueItem[] | null,
  late: LateRow[] | null = null,
): number {
  let withoutDeadline = 0;
  for (const o of orders) {
    if (!o.deadline) {
      withoutDeadline++;
      continue;
    }
    const a = asOf(o, period, today, calendar, rules);
    // Cancelled control (001 гл.7 п.2.4.15): not counted from that day on; earlier periods keep it.
    if (!a.due || a.cancelled) continue;
    const d = a.due;
    // A term changed too late still counts in its period, as not executed on time (001 гл.7 п.2.4.10).
    for (const m of a.missed) {
      if (m === d || m < period.from || m > period.to) continue;
      const cls = classifyAt(m, a.done, a.cut);
      for (const r of rowFor(o)) {
        r.due++;
        r[cls]++;
      }
      if (cls === 'overdue' && overdue) overdue.push(overdueItem(o, m, today, calendar, rowFor(o)[0].executor));
      if (cls === 'late' && late && a.done) late.push(lateItem(o, m, a.done, calendar, rowFor(o)[0].executor));
    }
    if (d >= period.from && d <= period.to) {
      const cls = classifyAt(d, a.done, a.cut);
      for (const r of rowFor(o)) {
        r.due++;
        r[cls]++;
        r.extensions += a.extensions;
        r.returns += a.returns;
      }
      if (cls === 'overdue' && overdue) overdue.push(overdueItem(o, d, today, calendar, rowFor(o)[0].executor));
      if (cls === 'late' && late && a.done) late.push(lateItem(o, d, a.done, calendar, rowFor(o)[0].executor));
    } else if (carriedAt(d, a.done, period)) {
      for (const r of rowFor(o)) r.carriedOver++;
      // Listed only while still open: one executed during the period is no longer overdue.
      if (overdue && a.done === null && d < a.cut)
        overdue.push(overdueItem(o, d, today, calendar, rowFor(o)[0].executor));
    }
  }
  return withoutDeadline;
}

/**
 * Builds the report. `executors` are the rows of «Исполнители»: a name written in another case or
 * spacing is shown as «Исполнители» spells it, with its «Подразделение».
 * Executors appear in alphabetical order, then «Итого»; the overdue list holds every order not
 * executed whose control date has passed (in the period or carried over), most overdue first.
 * For a period of whole months the coefficient is Σ on time ÷ Σ counted month by month (001 гл.7
 * п.2.5.1), each month's beside it; the other columns count each order once for the period.
 */
export function buildExecutionReport(
  orders: readonly ReportOrder[],
  period: Period,
  today: IsoDate,
  calendar: WorkCalendar,
  executors: readonly ExecutorInfo[] = [],
  rules: ReportRules = { nonWorkingDeadline: 'previous' },
): ExecutionReport {
  const known = new Map<string, ExecutorInfo>();
  for (const e of executors) if (e.name.trim() && !known.has(normName(e.name))) known.set(normName(e.name), e);
  // The executor and unit at the period's end as «История» records them (order-events
  // recordedExecutorAt, recordedUnitAt), so a finished period keeps its rows after «Исполнитель» or
  // «Исполнители» is edited; a running period, or an order with no such line, reads them as they are.
  const ended = period.to < today;
  const dueOf = (t: IsoDate) => dueDate(t, rules, calendar);
  const whoMemo = new Map<ReportOrder, { executor: string; unit: string }>();
  const whoOf = (o: ReportOrder) => {
    let w = whoMemo.get(o);
    if (w === undefined) {
      const ev = ended ? prepared(o, calendar, dueOf).events : [];
      const executor = (ended ? recordedExecutorAt(ev, period.to) : null) ?? o.executor.trim();
      const rec = ended ? recordedUnitAt(ev, period.to) : null;
      w = { executor, unit: rec ?? known.get(normName(executor))?.unit.trim() ?? '' };
      whoMemo.set(o, w);
    }
    return w;
  };
  const executorOf = (o: ReportOrder) => whoOf(o).executor;
  const execKey = (o: ReportOrder) => (executorOf(o) ? normName(executorOf(o)) : '');
  const unitOf = (o: ReportOrder): string => whoOf(o).unit;
  const unitKey = (o: ReportOrder) => foldText(unitOf(o));
  const newExecRow = (o: ReportOrder): ExecutorRow => {
    const k = known.get(execKey(o));
    return k ? emptyRow(k.name.trim(), unitOf(o)) : emptyRow(executorOf(o) || NO_EXECUTOR, unitOf(o));
  };
  const newUnitRow = (o: ReportOrder): ExecutorRow => emptyRow(unitOf(o) || NO_UNIT, '');
  /** Rows keyed by executor and by unit, for one pass. */
  const pass = () => {
    const byExecutor = new Map<string, ExecutorRow>();
    const byUnit = new Map<string, ExecutorRow>();
    const get = (m: Map<string, ExecutorRow>, k: string, make: () => ExecutorRow) => {
      let r = m.get(k);
      if (!r) {
        r = make();
        m.set(k, r);
      }
      return r;
    };
    const rowFor = (o: ReportOrder) => [
      get(byExecutor, execKey(o), () => newExecRow(o)),
      get(byUnit, unitKey(o), () => newUnitRow(o)),
    ];
    return { byExecutor, byUnit, rowFor };
  };

  const main = pass();
  const overdue: OverdueItem[] = [];
  const late: LateRow[] = [];
  const withoutDeadline = tally(orders, period, today, calendar, rules, main.rowFor, overdue, late);

  const sortRows = (list: ExecutorRow[], last: string) =>
    list.sort((a, b) => {
      if (a.executor === last) return 1;
      if (b.executor === last) return -1;
      return compareRu(a.executor, b.executor);
    });
  const rows = sortRows([...main.byExecutor.values()], NO_EXECUTOR);
  const units = sortRows([...main.byUnit.values()], NO_UNIT);
  const total = sumRows(rows, TOTAL_LABEL);
  const unitTotal = sumRows(units, TOTAL_LABEL);
  for (const r of [...rows, ...units, total, unitTotal]) r.coefficient = disciplineCoefficient(r);

  // 001 гл.7 п.2.5.1: «отношение суммы исполненных в срок документов к сумме общего количества
  // контрольных документов, учтенных по каждому месяцу этого периода».
  const months = wholeMonths(period);
  if (months.length > 1) {
    // A month that has not begun counts nothing (its carried-over orders are not yet counted).
    const perMonth = months.map((m) => {
      const p = pass();
      if (m.from <= today) tally(orders, m, today, calendar, rules, p.rowFor, null);
      return p;
    });
    const monthly = (target: ExecutorRow, pick: (p: ReturnType<typeof pass>) => ExecutorRow | undefined) => {
      let onTime = 0;
      let counted = 0;
      target.monthly = perMonth.map((p) => {
        const r = pick(p);
        if (!r) return null;
        onTime += r.onTime;
        counted += r.onTime + r.late + r.overdue + r.carriedOver;
        return disciplineCoefficient(r);
      });
      target.coefficient = counted === 0 ? null : Math.round((onTime / counted) * 1000) / 10;
    };
    for (const [k, r] of main.byExecutor) monthly(r, (p) => p.byExecutor.get(k));
    for (const [k, r] of main.byUnit) monthly(r, (p) => p.byUnit.get(k));
    monthly(total, (p) => sumRows([...p.byExecutor.values()], TOTAL_LABEL));
    monthly(unitTotal, (p) => sumRows([...p.byUnit.values()], TOTAL_LABEL));
  }
  overdue.sort(
    (a, b) =>
      b.workingDaysOverdue - a.workingDaysOverdue ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
      compareRu(a.number, b.number),
  );
  return {
    period,
    today,
    rows,
    total,
    overdue,
    withoutDeadline,
    units,
    unitTotal,
    months: months.length > 1 ? months : [],
    late: late.sort((a, b) =>
      a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : compareRu(a.number, b.number),
    ),
  };
}

function lateItem(o: ReportOrder, due: IsoDate, done: IsoDate, calendar: WorkCalendar, executor: string): LateRow {
  return {
    number: o.number,
    executor,
    deadline: due,
    doneDate: done,
    daysLate: calendar.workingDaysBetween(due, done),
    reason: o.lateReason ?? '',
  };
}

function sumRows(rows: readonly ExecutorRow[], label: string): ExecutorRow {
  const t = emptyRow(label, '');
  for (const r of rows) {
    t.due += r.due;
    t.onTime += r.onTime;
    t.late += r.late;
    t.overdue += r.overdue;
    t.running += r.running;
    t.extensions += r.extensions;
    t.returns += r.returns;
    t.carriedOver += r.carriedOver;
  }
  return t;
}

function overdueItem(
  o: ReportOrder,
  deadline: IsoDate,
  today: IsoDate,
  calendar: WorkCalendar,
  executor: string,
): OverdueItem {
  return {
    number: o.number,
    text: o.text,
    executor,
    deadline,
    workingDaysOverdue: Math.max(0, calendar.workingDaysBetween(deadline, today)),
  };
}

/** The table rows in EXECUTION_REPORT_HEADERS order (coefficient as a percent number or ''). */
export function executorRowCells(r: ExecutorRow): (string | number)[] {
  return [
    r.executor,
    r.unit,
    r.due,
    r.onTime,
    r.late,
    r.overdue,
    r.running,
    r.extensions,
    r.returns,
    r.carriedOver,
    r.coefficient === null ? '' : r.coefficient,
  ];
}

/** «66,7 %» or «—» for the texts of summaries. */
export function formatCoefficient(c: number | null): string {
  return c === null ? '—' : `${c.toFixed(1).replace('.', ',')} %`;
}
