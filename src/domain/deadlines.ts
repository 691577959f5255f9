// Deadline rules. Sources: Rostov (001) гл.7 п.2.2.16 (terms of meeting orders count from the
// meeting date), п.2.2.18 («срочно» 3 days, «оперативно» 10 days), п.2.2.20 (one month when not
// set); гл.8 п.2.4.2 (a last day on a non-working day moves to the day before); Kramatorsk (003)
// п.158 (30 calendar days by default); Kyshtym (000) п.7, п.10, п.11, п.14.
import type { WorkCalendar } from './calendar';
import { addDays, addMonths, type IsoDate } from './dates';
import type { Settings } from './settings';

type DeadlineSettings = Pick<Settings, 'urgentDays' | 'operativeDays' | 'defaultTerm' | 'nonWorkingDeadline'>;

/** The control date of a date that may fall on a non-working day, per «Срок в нерабочий день». */
export function onWorkingDay(d: IsoDate, s: Pick<Settings, 'nonWorkingDeadline'>, cal: WorkCalendar): IsoDate {
  return s.nonWorkingDeadline === 'previous' ? cal.workingOnOrBefore(d) : d;
}

/**
 * Default «Срок» of an order whose cell is blank: «Срочно» → urgentDays, «Оперативно» →
 * operativeDays calendar days, otherwise defaultTerm, counted from `from` (the protocol date).
 */
export function defaultDeadline(from: IsoDate, urgency: string, s: DeadlineSettings, cal: WorkCalendar): IsoDate {
  let d: IsoDate;
  if (urgency === 'Срочно') d = addDays(from, s.urgentDays);
  else if (urgency === 'Оперативно') d = addDays(from, s.operativeDays);
  else if (s.defaultTerm.unit === 'month') d = addMonths(from, s.defaultTerm.n);
  else if (s.defaultTerm.unit === 'workday') d = cal.addWorkingDays(from, s.defaultTerm.n);
  else d = addDays(from, s.defaultTerm.n);
  return onWorkingDay(d, s, cal);
}

/** The day the order is actually due: «Срок» itself, or the working day before it (001 гл.8 п.2.4.2). */
export function dueDate(deadline: IsoDate, s: Pick<Settings, 'nonWorkingDeadline'>, cal: WorkCalendar): IsoDate {
  return onWorkingDay(deadline, s, cal);
}

/** First day of the reminder window: `remindDays` working days before the due date (000 п.10 «за сутки»). */
export function reminderStart(due: IsoDate, remindDays: number, cal: WorkCalendar): IsoDate {
  return cal.addWorkingDays(due, -remindDays);
}

/** True when today is inside the reminder window and the due date has not passed. */
export function inReminderWindow(today: IsoDate, due: IsoDate, remindDays: number, cal: WorkCalendar): boolean {
  return today <= due && today >= reminderStart(due, remindDays, cal);
}

/** Last day an extension may be asked for: `cutoffDays` working days before the due date (000 п.11). */
export function extensionCutoff(
  due: IsoDate,
  cutoffDays: number,
  cal: WorkCalendar,
  /** «Внесено» of the order (null when unknown): required, so no caller forgets it. */
  entered: IsoDate | null,
): IsoDate {
  const cutoff = cal.addWorkingDays(due, -cutoffDays);
  // Never before the order existed: one entered with its term already close (or past) may be asked
  // about on the day it was entered (issue 25 item 3: «прошёл 24.11» for an order of 04.12).
  return entered && entered > cutoff ? entered : cutoff;
}

/** An extension request made after the cut-off (000 п.11 «не позднее, чем за 3 рабочих дня»). */
export function isLateRequest(
  requestDay: IsoDate,
  due: IsoDate,
  cutoffDays: number,
  cal: WorkCalendar,
  entered: IsoDate | null,
): boolean {
  return requestDay > extensionCutoff(due, cutoffDays, cal, entered);
}

/** Last day to enter the orders of a meeting: `entryDays` working days after it (000 п.7). */
export function entryDeadline(meeting: IsoDate, entryDays: number, cal: WorkCalendar): IsoDate {
  return cal.addWorkingDays(meeting, entryDays);
}

export function isLateEntry(meeting: IsoDate, entered: IsoDate, entryDays: number, cal: WorkCalendar): boolean {
  return entered > entryDeadline(meeting, entryDays, cal);
}

/** The day a «Готово» order moves to «Архив»: `keepDays` working days after «Дата исполнения» (000 п.14). */
export function archiveDue(doneDate: IsoDate, keepDays: number, cal: WorkCalendar): IsoDate {
  return cal.addWorkingDays(doneDate, keepDays);
}
