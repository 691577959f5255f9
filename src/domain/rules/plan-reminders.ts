// Before each deadline of «План ЭР» the responsible are reminded (spec daily check step 6): 5
// working days before and on the day (a day off: the working day before, 001 гл.8 п.2.4.2), each
// once (keys `plan:<№>:<date>:<5|0>` in «Журнал»), a missed run caught up; e.g. 002 План 3.4
// «ежеквартально, до 10 числа следующего месяца». To «Эл. почта ответственного», or the controller.
import { addDays, formatRu, type IsoDate } from '../dates';
import { deadlinesBetween, type PlanDeadline, type ReminderKind, reminderDue, reminderKey } from '../plan-deadlines';
import { isEmail } from '../settings';
import type { PlanReminder, PlanRowRule } from './plan-rule';
import type { RuleDay } from './rule';

/** How far ahead deadlines are looked up: 5 working days fit in 30 calendar days even over the New Year. */
const LOOKAHEAD_DAYS = 30;

/** «срок сегодня», «срок … — нерабочий день, сегодня последний рабочий» or «через N раб. дн.». */
export function reminderWhen(d: PlanDeadline, kind: ReminderKind, today: IsoDate, cal: RuleDay['calendar']): string {
  if (kind === 0)
    return d.date === today ? 'срок сегодня' : `срок ${formatRu(d.date)} — нерабочий день, сегодня последний рабочий`;
  return `через ${cal.workingDaysBetween(today, cal.workingOnOrBefore(d.date))} раб. дн.`;
}

export const planReminders: PlanRowRule<'plan'> = {
  name: 'planReminders',
  stage: 'notify',
  modes: ['daily'],
  tab: 'plan',
  apply(it, { today, calendar, settings }, { sent }) {
    // The daily check mails on working days only; the windows below already cover days off.
    if (!calendar.isWorkingDay(today) || !it.number || !it.deadline.ok) return {};
    const to = it.emails.length ? it.emails : isEmail(settings.controllerEmail) ? [settings.controllerEmail] : [];
    if (!to.length) return {};
    const notices: PlanReminder[] = [];
    for (const d of deadlinesBetween(it.deadline.rule, today, addDays(today, LOOKAHEAD_DAYS))) {
      const due = reminderDue(d.date, today, calendar);
      if (due === null) continue;
      const key = reminderKey(it.number, d.date, due);
      if (sent(key)) continue;
      const when = reminderWhen(d, due, today, calendar);
      notices.push({ kind: 'plan', to, number: it.number, measure: it.measure, deadline: d, due, key, when });
    }
    return { notices };
  },
};
