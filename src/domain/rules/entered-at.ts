// «Внесено» (spec Round 3 «Внесено»; 000 п.7 judges the entry on it): stamped when the row becomes an
// order — text, executor, and a control date (possibly just filled) or an urgency — if onEdit did
// not; a row seen complete before «Внесено» existed keeps it blank (domain/order-event-rules
// entersToday), so lateEntry does not judge it.
import { entersToday } from '../order-event-rules';
import { NOTHING, type OrderRule } from './rule';

export const enteredAt: OrderRule = {
  name: 'enteredAt',
  stage: 'fill',
  modes: ['daily', 'notify'],
  apply(o, day) {
    return entersToday(o) ? { fix: { set: { enteredAt: day.today } } } : NOTHING;
  },
};
