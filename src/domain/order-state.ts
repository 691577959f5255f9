// «Состояние» and «Просрочка, раб. дн.» of an order. Kyshtym (000) п.13: done when the execution
// record was made by the control date («Дата исполнения» ≤ «Срок»); п.14: a returned order counts
// as not executed; п.10: the reminder window before the control date.

import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import { dueDate, inReminderWindow } from './deadlines';
import type { Settings } from './settings';
import { type OrderState, STATE } from './vocabulary';

export interface StateInput {
  executor: string;
  deadline: IsoDate | null;
  status: string;
  doneDate: IsoDate | null;
}

type StateSettings = Pick<Settings, 'remindDays' | 'nonWorkingDeadline'>;

/**
 * The state on `today`. A «Готово» order without «Дата исполнения» is judged as done today (the
 * day it is seen), and the missing date is reported separately.
 */
export function orderState(o: StateInput, today: IsoDate, s: StateSettings, cal: WorkCalendar): OrderState {
  if (!o.executor || !o.deadline) return STATE.incomplete;
  const due = dueDate(o.deadline, s, cal);
  if (o.status === 'Готово') {
    const done = o.doneDate ?? today;
    return done <= due ? STATE.doneOnTime : STATE.doneLate;
  }
  if (o.status === 'На доработке') return STATE.rework;
  if (today > due) return STATE.overdue;
  if (inReminderWindow(today, due, s.remindDays, cal)) return STATE.dueSoon;
  return STATE.running;
}

/** Working days past the due date for an open order; null when done, not due yet or no date. */
export function overdueWorkingDays(
  o: StateInput,
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): number | null {
  if (!o.deadline || o.status === 'Готово') return null;
  const due = dueDate(o.deadline, s, cal);
  if (today <= due) return null;
  return cal.workingDaysBetween(due, today);
}
