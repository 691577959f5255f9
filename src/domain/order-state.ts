// «Состояние» and «Просрочка, раб. дн.» of an order. Kyshtym (000) п.13: done when the execution
// record was made by the control date («Дата исполнения» ≤ «Срок», the day itself included: «до
// указанного срока»); п.14: a returned order counts as not executed; п.10: the reminder window
// before the control date. The control date is the due date after the non-working-day rule (001
// гл.8 п.2.4.2), the same one the reports use. In the «решением давшего поручение» mode (001 гл.7
// п.2.4.15, п.2.4.17; 003 п.199) «Готово» waits for «Снято».
import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import { dueDate, inReminderWindow } from './deadlines';
import { countedExecution } from './order-events';
import { awaitsRemoval, controlCancelled } from './removal';
import type { Settings } from './settings';
import { type OrderState, REMOVAL, STATE, STATUS } from './vocabulary';

export interface StateInput {
  executor: string;
  deadline: IsoDate | null;
  status: string;
  doneDate: IsoDate | null;
  /** «Снятие с контроля» ('' when blank or the column is absent). */
  removal?: string;
  /** Date of the order's protocol, when known: an execution before it is a data problem. */
  protocolDate?: IsoDate | null;
  /** «История»: a back-dated «Дата исполнения» counts from the day it was recorded (000 п.13). */
  history?: string;
}

type StateSettings = Pick<Settings, 'remindDays' | 'nonWorkingDeadline'> & Partial<Pick<Settings, 'removalMode'>>;

/**
 * «Дата исполнения» that counts: not after `today` (a future date is a typing error) and not
 * before the protocol date. Otherwise the order is not counted as executed until it is fixed.
 */
export function validDoneDate(
  doneDate: IsoDate | null,
  today: IsoDate,
  protocolDate: IsoDate | null | undefined,
): IsoDate | null {
  if (!doneDate || doneDate > today) return null;
  if (protocolDate && doneDate < protocolDate) return null;
  return doneDate;
}

/**
 * The state on `today`. A «Готово» order without «Дата исполнения» is judged as done today (the
 * day it is seen), and the missing date is reported separately; one with a future date or a date
 * before the protocol is judged as not executed (reported too).
 */
export function orderState(o: StateInput, today: IsoDate, s: StateSettings, cal: WorkCalendar): OrderState {
  if (!o.executor || !o.deadline) return STATE.incomplete;
  if (controlCancelled({ status: o.status, removal: o.removal ?? '' }, s.removalMode)) return STATE.cancelled;
  const due = dueDate(o.deadline, s, cal);
  const mode = s.removalMode ?? 'executor';
  const badDate = o.doneDate !== null && validDoneDate(o.doneDate, today, o.protocolDate) === null;
  if (o.status === STATUS.done && !badDate) {
    if (awaitsRemoval({ status: o.status, removal: o.removal ?? '' }, mode)) return STATE.awaitingRemoval;
    const done = o.doneDate ? countedExecution(o.history ?? '', o.doneDate, cal) : today;
    return done <= due ? STATE.doneOnTime : STATE.doneLate;
  }
  if (o.status === STATUS.rework || (mode === 'giver' && o.removal === REMOVAL.notRemoved)) return STATE.rework;
  if (today > due) return STATE.overdue;
  if (inReminderWindow(today, due, s.remindDays, cal)) return STATE.dueSoon;
  return STATE.running;
}

/** Working days past the due date for an open order; null when done, not due yet or no date. */
export function overdueWorkingDays(
  o: StateInput,
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'> & Partial<Pick<Settings, 'removalMode'>>,
  cal: WorkCalendar,
): number | null {
  if (!o.deadline) return null;
  if (controlCancelled({ status: o.status, removal: o.removal ?? '' }, s.removalMode)) return null;
  if (o.status === STATUS.done && (o.doneDate === null || validDoneDate(o.doneDate, today, o.protocolDate) !== null))
    return null;
  const due = dueDate(o.deadline, s, cal);
  if (today <= due) return null;
  return cal.workingDaysBetween(due, today);
}
