// Co-executors' reminders and overdue notices against «Срок соисполнителям» (003 п.80, 111, 133),
// in their own digests; the responsible executor's stay against «Срок».
import { coExecutorNotices } from '../co-executors';
import { formatRu } from '../dates';
import { dueDate } from '../deadlines';
import type { Notice } from '../notices';
import { NOTHING, type OrderRule } from './rule';

export const coExecutorReminders: OrderRule = {
  name: 'coExecutorReminders',
  stage: 'notify',
  modes: ['daily'],
  apply(o, { today, settings: s, calendar: cal }, facts) {
    if (!o.deadline || o.coExecutors.length === 0) return NOTHING;
    const due = dueDate(o.deadline, s, cal);
    const notices: Notice[] = coExecutorNotices(o, today, s, cal, facts.sent).map((c) => ({
      kind: c.kind,
      order: o,
      key: c.key,
      person: c.person,
      role: 'coexecutor',
      due,
      note:
        c.kind === 'remind'
          ? `Срок соисполнителям: ${formatRu(c.date)} — передайте свою часть ответственному исполнителю.`
          : `Срок соисполнителям ${formatRu(c.date)} прошёл — передайте свою часть ответственному исполнителю сегодня.`,
    }));
    return { notices };
  },
};
