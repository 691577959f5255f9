// «Отчёт: исполнение»: execution discipline of a period, per responsible executor.
// Rostov 001 гл.7 п.2.5.1–2.5.2: the coefficient is documents executed on time ÷ all control
// documents due in the period, the overdue ones of past periods counted again as overdue.
// Kyshtym 000 п.13: an order is done when the execution record was made by the deadline;
// 000 п.14: a returned order («На доработке») counts as not executed.
import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import type { Period } from './periods';
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
}

/** A row of «Исполнители»: «ФИО» and «Подразделение». */
export interface ExecutorInfo {
  name: string;
  unit: string;
}

export const NO_EXECUTOR = 'Исполнитель не указан';
export const TOTAL_LABEL = 'Итого';

/** An order counts as executed only with a «Дата исполнения» and not returned (000 п.13–14). */
export function executedOn(o: ReportOrder): IsoDate | null {
  return o.returned ? null : o.doneDate;
}

/**
 * Class of an order whose control date lies in the period, as of the day of generation:
 * executed on time (record on or before «Срок»), late (after it), not executed and overdue
 * (control date before today), or still running.
 */
export function classifyOrder(o: ReportOrder & { deadline: IsoDate }, today: IsoDate): OrderClass {
  const done = executedOn(o);
  if (done) return done <= o.deadline ? 'onTime' : 'late';
  return o.deadline < today ? 'overdue' : 'running';
}

/** Control date before the period and still not executed on its first day (001 гл.7 п.2.5.2). */
export function isCarriedOver(o: ReportOrder, period: Period): boolean {
  if (!o.deadline || o.deadline >= period.from) return false;
  const done = executedOn(o);
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

// One collator for all comparisons: localeCompare with a locale argument builds one per call.
let collator: Intl.Collator | null = null;
export function compareRu(a: string, b: string): number {
  if (!collator) collator = new Intl.Collator('ru', { numeric: true });
  return collator.compare(a, b);
}

/** A name as compared between tabs (see foldText). */
export const normName = foldText;

/**
 * Builds the report. `executors` are the rows of «Исполнители»: a name written in another case or
 * spacing is shown as «Исполнители» spells it, with its «Подразделение».
 * Executors appear in alphabetical order, then «Итого»; the overdue list holds every order not
 * executed whose control date has passed (in the period or carried over), most overdue first.
 */
export function buildExecutionReport(
  orders: readonly ReportOrder[],
  period: Period,
  today: IsoDate,
  calendar: WorkCalendar,
  executors: readonly ExecutorInfo[] = [],
): ExecutionReport {
  const byExecutor = new Map<string, ExecutorRow>();
  const known = new Map<string, ExecutorInfo>();
  for (const e of executors) if (e.name.trim() && !known.has(normName(e.name))) known.set(normName(e.name), e);
  const rowFor = (name: string): ExecutorRow => {
    const key = name.trim() ? normName(name) : '';
    let r = byExecutor.get(key);
    if (!r) {
      const k = known.get(key);
      r = k ? emptyRow(k.name.trim(), k.unit.trim()) : emptyRow(name.trim() || NO_EXECUTOR, '');
      byExecutor.set(key, r);
    }
    return r;
  };
  const overdue: OverdueItem[] = [];
  let withoutDeadline = 0;
  for (const o of orders) {
    if (!o.deadline) {
      withoutDeadline++;
      continue;
    }
    const d = o.deadline;
    if (d >= period.from && d <= period.to) {
      const r = rowFor(o.executor);
      const cls = classifyOrder({ ...o, deadline: d }, today);
      r.due++;
      r[cls]++;
      r.extensions += o.extensions;
      r.returns += o.returns;
      if (cls === 'overdue') overdue.push(overdueItem(o, d, today, calendar, r.executor));
    } else if (isCarriedOver(o, period)) {
      const r = rowFor(o.executor);
      r.carriedOver++;
      // Listed only while still open: one executed during the period is no longer overdue.
      if (executedOn(o) === null && d < today) overdue.push(overdueItem(o, d, today, calendar, r.executor));
    }
  }
  const rows = [...byExecutor.values()].sort((a, b) => {
    if (a.executor === NO_EXECUTOR) return 1;
    if (b.executor === NO_EXECUTOR) return -1;
    return compareRu(a.executor, b.executor);
  });
  const total = emptyRow(TOTAL_LABEL, '');
  for (const r of rows) {
    r.coefficient = disciplineCoefficient(r);
    total.due += r.due;
    total.onTime += r.onTime;
    total.late += r.late;
    total.overdue += r.overdue;
    total.running += r.running;
    total.extensions += r.extensions;
    total.returns += r.returns;
    total.carriedOver += r.carriedOver;
  }
  total.coefficient = disciplineCoefficient(total);
  overdue.sort(
    (a, b) =>
      b.workingDaysOverdue - a.workingDaysOverdue ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) ||
      compareRu(a.number, b.number),
  );
  return { period, today, rows, total, overdue, withoutDeadline };
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
