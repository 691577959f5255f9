// A blank «№» gets the protocol's next free number (spec «Поручения» «№»): the number a stopped run
// recorded in «История» first, so a re-run finishes the same number.
import { ORDER_COL } from '../contract';
import { assignNumber } from '../decisions';
import type { OrderRecord } from '../order';
import { NOTHING, type OrderRule } from './rule';

/** A row that is an order (text or executor) with a blank, readable «№». */
export function wantsNumber(o: Readonly<OrderRecord>): boolean {
  return !o.number && !o.invalid.includes(ORDER_COL.number) && !!(o.text || o.executor);
}

export const numbering: OrderRule = {
  name: 'numbering',
  stage: 'fill',
  modes: ['daily', 'notify'],
  apply(o, day, facts) {
    if (!wantsNumber(o)) return NOTHING;
    const a = assignNumber(o, facts.numbersInUse, day.today);
    return { fix: { set: { number: a.number }, history: a.line ? [a.line] : [] } };
  },
};
