// Co-executors' own date (spec Round 3 «Срок соисполнителям»): 003 п.80, 111, 133 — «співвиконавці
// не менше, ніж за чотири робочих дні до закінчення терміну … зобов'язані надати відповідальному
// виконавцю … всі необхідні матеріали» (п.159: three days for documents). The system column holds
// the term minus «Соисполнителям — за, рабочих дней до срока»; co-executors' reminders and their
// overdue notice are against it.
import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import { dueDate, inReminderWindow } from './deadlines';
import { normName } from './order';
import { parseEvents } from './order-events';
import type { Settings } from './settings';

type S = Pick<Settings, 'nonWorkingDeadline' | 'coExecutorDays' | 'remindDays'>;

/** «Срок соисполнителям»: `coExecutorDays` working days before the due date; null without co-executors or term. */
export function coExecutorDeadline(
  o: { deadline: IsoDate | null; coExecutors: readonly string[]; invalid: readonly string[] },
  s: Pick<Settings, 'nonWorkingDeadline' | 'coExecutorDays'>,
  cal: WorkCalendar,
): IsoDate | null {
  if (!o.deadline || o.coExecutors.length === 0 || o.invalid.includes('Срок')) return null;
  return cal.addWorkingDays(dueDate(o.deadline, s, cal), -s.coExecutorDays);
}

export const coKey = {
  remind: (n: string, co: string, d: IsoDate) => `remind:${n}:соисп:${co}:${d}`,
  overdue: (n: string, co: string, d: IsoDate) => `overdue:${n}:соисп:${co}:${d}`,
};

export interface CoNotice {
  kind: 'remind' | 'overdue';
  person: string;
  key: string;
  date: IsoDate;
}

/** Co-executors' notices due today: a reminder in the window before their date, an overdue notice after it. */
export function coExecutorNotices(
  o: {
    number: string;
    status: string;
    deadline: IsoDate | null;
    coExecutors: readonly string[];
    enteredAt?: IsoDate | null;
    invalid: readonly string[];
  },
  today: IsoDate,
  s: S,
  cal: WorkCalendar,
  sent: (key: string) => boolean,
): CoNotice[] {
  const date = coExecutorDeadline(o, s, cal);
  if (!date || !o.number || o.status === 'Готово' || o.invalid.includes('№')) return [];
  // An order given on or after its co-executors' date leaves them no days of their own: they work
  // to the term, with the responsible executor's notices.
  if (o.enteredAt && date <= o.enteredAt) return [];
  const out: CoNotice[] = [];
  const due = dueDate(o.deadline as IsoDate, s, cal);
  for (const person of o.coExecutors) {
    if (inReminderWindow(today, date, s.remindDays, cal)) {
      const key = coKey.remind(o.number, person, date);
      if (!sent(key)) out.push({ kind: 'remind', person, key, date });
    } else if (today > date && today <= due) {
      const key = coKey.overdue(o.number, person, date);
      if (!sent(key)) out.push({ kind: 'overdue', person, key, date });
    }
  }
  return out;
}

/** A co-executor and the day of their last note since the order was given (null: none since). */
export interface CoNoted {
  name: string;
  noted: IsoDate | null;
}

/**
 * Which co-executors have added a progress note since the order was given (issue 22 item 6; 003 п.80,
 * 111, 133: their part goes to the responsible executor): the note lines the page writes with their
 * author («История», order-events.ts noteLine), on or after «Внесено» (every one when it is unknown).
 * A note typed straight into the sheet has no author and is not counted for anyone. `emails` gives
 * each co-executor's address (by normName), so a note signed by address alone still counts.
 */
export function coExecutorNotes(
  o: { coExecutors: readonly string[]; history: string; enteredAt: IsoDate | null },
  emails: ReadonlyMap<string, string> = new Map(),
): CoNoted[] {
  const notes = parseEvents(o.history).filter(
    (e): e is Extract<typeof e, { kind: 'note' }> => e.kind === 'note' && (!o.enteredAt || e.day >= o.enteredAt),
  );
  return o.coExecutors.map((name) => {
    const key = normName(name);
    const email = (emails.get(key) ?? '').toLowerCase();
    const mine = notes.filter((e) => (e.name && normName(e.name) === key) || (email && e.email === email));
    return { name, noted: mine.length ? mine[mine.length - 1].day : null };
  });
}
