// Which notices are due today for an order, given what was already sent. The record of sent
// notices is «Журнал» column «Ключ» (written right after each send), so a key seen there is never
// sent again: across runs, machines and crashes. Kyshtym (000): п.8 the executor is e-mailed on
// assignment; п.10 a reminder before the control date; п.11 extension requests go to the
// specialist (controller); overdue orders are told once per control date.
import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import { dueDate, inReminderWindow, isLateRequest } from './deadlines';
import { type DecisionFact, decisionKey, recentDecisions } from './decision-notices';
import type { OrderRecord } from './order';
import { controlCancelled } from './removal';
import type { Settings } from './settings';

export type NoticeKind = 'new' | 'remind' | 'overdue' | 'extension' | 'decision';

export interface Notice {
  kind: NoticeKind;
  order: OrderRecord;
  /** Idempotency key recorded in «Журнал» when sent. */
  key: string;
  /** ФИО the notice is meant for; null = the controller («Эл. почта контролёра»). */
  person: string | null;
  role: 'executor' | 'coexecutor' | 'controller';
  /** The order's due date (after the non-working-day rule). */
  due: IsoDate;
  /** Extension notices: the day it was asked and whether after the cut-off (000 п.11). */
  requestDay?: IsoDate;
  late?: boolean;
  /** Decision notices: the decision told (issue 25 item 2). */
  decision?: DecisionFact;
  /** A line the digest adds under the order (control between the dates: the interim date, the co-executors' date). */
  note?: string;
}

export const noticeKey = {
  new: (n: string) => `new:${n}`,
  newCo: (n: string, person: string) => `new:${n}:соисп:${person}`,
  remind: (n: string, deadline: IsoDate) => `remind:${n}:${deadline}`,
  overdue: (n: string, deadline: IsoDate) => `overdue:${n}:${deadline}`,
  extension: (n: string, requested: IsoDate) => `ext:${n}:${requested}`,
};

export interface NoticeEnv {
  today: IsoDate;
  settings: Pick<Settings, 'remindDays' | 'extensionCutoffDays' | 'nonWorkingDeadline'> &
    Partial<Pick<Settings, 'removalMode'>>;
  calendar: WorkCalendar;
  sent: (key: string) => boolean;
  /** The day an extension was requested (from «История»), when known; otherwise today. */
  requestDay?: IsoDate | null;
  /** Only these kinds (e.g. «Отправить новые поручения» sends only 'new'). */
  kinds?: readonly NoticeKind[];
}

/**
 * Notices due today for one order of «Поручения». None for an order without a valid №,
 * executor or control date: those are data problems, reported elsewhere.
 */
export function dueNotices(o: OrderRecord, env: NoticeEnv): Notice[] {
  const out: Notice[] = [];
  if (!o.number || o.invalid.includes('№') || !o.executor || o.invalid.includes('Исполнитель') || !o.deadline)
    return out;
  const want = (k: NoticeKind) => !env.kinds || env.kinds.includes(k);
  const { today, calendar: cal, settings: s } = env;
  const due = dueDate(o.deadline, s, cal);
  // A cancelled control (001 гл.7 п.2.4.15) raises no notice.
  const open = o.status !== 'Готово' && !controlCancelled(o, s.removalMode);
  const push = (
    kind: NoticeKind,
    key: string,
    person: string | null,
    role: Notice['role'],
    extra: Partial<Notice> = {},
  ) => {
    if (!env.sent(key)) out.push({ kind, order: o, key, person, role, due, ...extra });
  };
  // The controller's decisions reach the executor, even on an order they closed (issue 25 item 2).
  if (want('decision'))
    for (const d of recentDecisions(o.history, today))
      push('decision', decisionKey(o.number, d), o.executor, 'executor', { decision: d });
  if (!open) return out;
  if (want('new')) {
    push('new', noticeKey.new(o.number), o.executor, 'executor');
    for (const co of o.coExecutors) push('new', noticeKey.newCo(o.number, co), co, 'coexecutor');
  }
  if (want('remind') && inReminderWindow(today, due, s.remindDays, cal))
    push('remind', noticeKey.remind(o.number, o.deadline), o.executor, 'executor');
  if (want('overdue') && today > due) push('overdue', noticeKey.overdue(o.number, o.deadline), o.executor, 'executor');
  if (want('extension') && o.requestedDate && !o.decision && !o.invalid.includes('Запрошенный срок')) {
    const requestDay = env.requestDay ?? today;
    push('extension', noticeKey.extension(o.number, o.requestedDate), null, 'controller', {
      requestDay,
      late: isLateRequest(requestDay, due, s.extensionCutoffDays, cal, o.enteredAt),
    });
  }
  return out;
}
