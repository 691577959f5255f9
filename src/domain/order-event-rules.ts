// What the daily check records and checks about an order's events (order-events.ts), as pure
// functions the daily pipeline calls for each order of «Поручения»:
// - recordEvents (fill): a «Срок» typed over is an event — «срок изменён с … на …», one more in
//   «Переносов» (product.md; 001 гл.7 п.2.4.10) —; «Готово» set or taken back is recorded with its day;
//   an execution («Готово» with «Дата исполнения») is recorded with the day it is seen (000 п.13).
//   onEdit records the same lines on the day of the edit; a line already there is not written again.
// - eventProblems (check): a term changed fewer than 2 working days before it or after it, a
//   back-dated «Дата исполнения», a «Дата исполнения» without «Готово».

import type { WorkCalendar } from './calendar';
import { ORDER_COL } from './contract';
import { formatRu, type IsoDate } from './dates';
import { recordedDeadline } from './history';
import type { OrderRecord } from './order';
import {
  executedLine,
  executionRecorded,
  hasExecutionEvents,
  isBackdated,
  lastRecordedAssignment,
  lastRecordedStatus,
  lastRecordedTerm,
  type OrderEvent,
  parseEvents,
  statusEventNeeded,
  statusLine,
  termChangedLate,
  termTypedLine,
  unitLine,
} from './order-events';
import { lastSetTerm } from './periodic';
import type { Problem } from './problem';
import { foldText } from './text';
import { STATE, STATUS } from './vocabulary';

export type RowProblem = Omit<Problem, 'tab' | 'row'>;

type EventFields = Pick<
  OrderRecord,
  'deadline' | 'originalDeadline' | 'status' | 'doneDate' | 'state' | 'history' | 'extensions' | 'invalid'
>;

/**
 * The «Срок» the add-on last knew: the last term event, else «Первоначальный срок» (the first term,
 * typed or filled; corrected while the row was not yet an order), else the one it filled.
 */
export function knownTerm(
  o: Pick<OrderRecord, 'history' | 'originalDeadline'>,
  events: readonly OrderEvent[] = parseEvents(o.history),
): IsoDate | null {
  // A periodic order's move to its next occurrence sets the term too (periodic.ts), not a typed change.
  return lastSetTerm(o.history) ?? lastRecordedTerm(events) ?? o.originalDeadline ?? recordedDeadline(o.history);
}

/**
 * True when the row is an order (product.md round 3 «Внесено»): text, executor, and a control date
 * or an urgency — not a pre-numbered or half-filled row. «Внесено» is stamped then (000 п.7).
 */
export function isOrderRow(o: Pick<OrderRecord, 'text' | 'executor' | 'deadline' | 'urgency'>): boolean {
  return !!o.text.trim() && !!o.executor.trim() && (!!o.deadline || !!o.urgency);
}

/**
 * True when a daily check has judged the row a complete order («Состояние» set, other than «Не
 * заполнено»): it is under control, so a «Срок» typed over is a change of term, and an unknown
 * «Внесено» stays blank. onEdit and the daily check ask the same question here.
 */
export function judgedBefore(state: string): boolean {
  const s = state.trim();
  return !!s && s !== STATE.incomplete;
}

/**
 * «Внесено» to stamp today: the row became an order and no check judged it complete before (its
 * «Состояние» blank or «Не заполнено»: a row seen complete before «Внесено» existed keeps it blank).
 */
export function entersToday(
  o: Pick<OrderRecord, 'text' | 'executor' | 'deadline' | 'urgency' | 'enteredAt' | 'state' | 'invalid'>,
): boolean {
  return !o.enteredAt && !judgedBefore(o.state) && !o.invalid.includes(ORDER_COL.enteredAt) && isOrderRow(o);
}

const SEEN_DONE: readonly string[] = [STATE.doneOnTime, STATE.doneLate, STATE.awaitingRemoval];

export interface EventFix {
  /** Lines for «История», in order. */
  history: string[];
  /** New «Переносов» when a typed change was recorded. */
  extensions?: number;
  /** «Первоначальный срок» corrected: the date was typed over before any check put the order under control. */
  originalDeadline?: IsoDate;
}

/**
 * The event lines the order needs on `today` (nothing when all are recorded). A row from before
 * the upgrade is not given lines for what it was: its first «Статус» line comes with «Готово» or a
 * change, and an execution it already showed as executed is recorded on its own date.
 */
export function recordEvents(o: EventFields, today: IsoDate): EventFix {
  const fix: EventFix = { history: [] };
  const events = parseEvents(o.history);
  const known = knownTerm(o, events);
  if (o.deadline && known && o.deadline !== known && !o.invalid.includes(ORDER_COL.deadline)) {
    // Not yet under control (no check judged it): a corrected date, not a change of term.
    if (!judgedBefore(o.state) && !lastRecordedTerm(events)) fix.originalDeadline = o.deadline;
    else {
      fix.history.push(termTypedLine(today, known, o.deadline));
      fix.extensions = o.extensions + 1;
    }
  }
  const status = o.invalid.includes(ORDER_COL.status) ? '' : o.status;
  if (statusEventNeeded(lastRecordedStatus(events), status)) fix.history.push(statusLine(today, status));
  if (
    status === STATUS.done &&
    o.doneDate &&
    !o.invalid.includes(ORDER_COL.doneDate) &&
    o.doneDate <= today &&
    !executionRecorded(events, o.doneDate)
  ) {
    const legacy = SEEN_DONE.includes(o.state) && !hasExecutionEvents(events);
    fix.history.push(executedLine(legacy ? o.doneDate : today, o.doneDate));
  }
  return fix;
}

/**
 * The executor-and-unit line the order needs on `today`: its executor as «Исполнители» names them
 * (`known`, null when the executor is not there — nothing known, nothing recorded) with their
 * «Подразделение», when «История» records none yet, or another executor or unit. Recorded for orders
 * only (isOrderRow), so a finished period keeps the executor and unit of its end (order-events
 * recordedExecutorAt, recordedUnitAt).
 */
export function unitEvent(
  o: Pick<OrderRecord, 'text' | 'executor' | 'deadline' | 'urgency' | 'history'>,
  known: { name: string; unit: string } | null,
  today: IsoDate,
): string | null {
  if (known === null || !isOrderRow(o)) return null;
  const last = lastRecordedAssignment(o.history);
  const same =
    last !== null &&
    last.executor !== null &&
    foldText(last.executor) === foldText(known.name) &&
    foldText(last.unit) === foldText(known.unit);
  return same ? null : unitLine(today, known.name, known.unit);
}

/**
 * Problems of the order's events: a «Срок» typed over too late to save its period (001 гл.7
 * п.2.4.10), listed by the first check after it (an approval's is listed by the decision step); a
 * back-dated «Дата исполнения» (000 п.13) and a «Дата исполнения» without «Готово» (one definition
 * of executed), listed while they stand.
 */
export function eventProblems(
  o: Pick<OrderRecord, 'status' | 'doneDate' | 'history' | 'invalid'>,
  today: IsoDate,
  cal: WorkCalendar,
  due: (term: IsoDate) => IsoDate,
): RowProblem[] {
  const out: RowProblem[] = [];
  const events = parseEvents(o.history);
  const since = cal.addWorkingDays(today, -1);
  for (const e of events) {
    if (e.kind !== 'term' || e.how !== 'typed' || !e.from || e.from === e.to || e.day < since) continue;
    const d = due(e.from);
    if (!termChangedLate(e.day, d, cal)) continue;
    out.push({
      column: ORDER_COL.deadline,
      value: formatRu(e.to),
      message: `Срок изменён ${formatRu(e.day)} с ${formatRu(e.from)} на ${formatRu(e.to)} — ${e.day > d ? 'после контрольной даты' : 'менее чем за 2 рабочих дня до контрольной даты'} ${formatRu(d)}: изменение срока доводится не менее чем за два дня до его истечения (Ростов, гл.7 п.2.4.10). В отчёте за период срока ${formatRu(d)} поручение учитывается как не исполненное в срок.`,
      fix: 'Впредь меняйте срок заранее (перенос — через «Запрошенный срок» и решение контролёра); это сообщение исчезнет при следующей проверке.',
    });
  }
  if (o.doneDate && !o.invalid.includes(ORDER_COL.doneDate)) {
    if (o.status !== STATUS.done && o.status !== STATUS.rework && !o.invalid.includes(ORDER_COL.status))
      out.push({
        column: ORDER_COL.doneDate,
        value: formatRu(o.doneDate),
        message: `«Дата исполнения» заполнена, а «Статус» — «${o.status || 'пусто'}»: исполненным считается поручение со статусом «Готово» и датой исполнения.`,
        fix: 'Если поручение исполнено, поставьте «Готово»; если нет — очистите «Дата исполнения».',
      });
    const rec = events.filter((e) => e.kind === 'executed' && e.doneDate === o.doneDate).pop();
    if (o.status === STATUS.done && rec?.kind === 'executed' && isBackdated(rec.doneDate, rec.day, cal))
      out.push({
        column: ORDER_COL.doneDate,
        value: formatRu(o.doneDate),
        message: `Дата исполнения задним числом: ${formatRu(o.doneDate)} отмечена ${formatRu(rec.day)}, больше чем за 1 рабочий день до записи. Исполнение учитывается с ${formatRu(rec.day)} — дня, когда сделана запись (Кыштым, п.13).`,
        fix: 'Отмечайте «Готово» в день исполнения.',
      });
  }
  return out;
}
