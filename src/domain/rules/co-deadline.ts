// «Срок соисполнителям» (system; 003 п.80, 111, 133): the due date minus «Соисполнителям — за,
// рабочих дней до срока»; blank without co-executors.
import { coExecutorDeadline } from '../co-executors';
import type { OrderRule } from './rule';

export const coDeadline: OrderRule = {
  name: 'coDeadline',
  stage: 'state',
  modes: ['daily', 'notify'],
  apply(o, { settings: s, calendar: cal }) {
    const d = o.status === 'Готово' ? o.coDeadline : coExecutorDeadline(o, s, cal);
    return d === o.coDeadline ? {} : { fix: { set: { coDeadline: d } } };
  },
};
