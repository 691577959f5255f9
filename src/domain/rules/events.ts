// The events the reports read a finished period from (spec Round 3 «Periods never change once
// closed»; domain/order-event-rules.ts): a «Срок» typed over (one more «Переносов»), «Статус», the
// execution recorded — unless onEdit dated them already. Not while an approval is being applied (its
// «Срок» may still be the old one after a stopped run).
import { recordEvents } from '../order-event-rules';
import { DECISION } from '../vocabulary';
import { NOTHING, type OrderFields, type OrderRule } from './rule';

export const events: OrderRule = {
  name: 'events',
  stage: 'fill',
  modes: ['daily'],
  apply(o, day) {
    if (o.decision === DECISION.approved) return NOTHING;
    const ev = recordEvents(o, day.today);
    const set: Partial<OrderFields> = {};
    if (ev.extensions !== undefined) set.extensions = ev.extensions;
    if (ev.originalDeadline !== undefined) set.originalDeadline = ev.originalDeadline;
    return { fix: { set, history: ev.history } };
  },
};
