// Step 4: the notices due today for one order (domain/notices.ts: new order 000 п.8, reminder
// before the term, overdue, extension request to the controller 000 п.11). Each carries the key
// «Журнал» records when sent, so none goes twice. «Отправить новые поручения» sends only new ones.
import { dueNotices } from '../notices';
import { requestDayOf } from './request-day';
import type { OrderRule } from './rule';

export const notices: OrderRule = {
  name: 'notices',
  stage: 'notify',
  modes: ['daily', 'notify'],
  apply(o, day, facts) {
    return {
      notices: dueNotices(o, {
        today: day.today,
        settings: day.settings,
        calendar: day.calendar,
        sent: facts.sent,
        requestDay: requestDayOf(o, day.today),
        kinds: day.mode === 'notify' ? ['new'] : undefined,
      }),
    };
  },
};
