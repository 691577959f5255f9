// The executor and their unit recorded with the order's events (spec Round 3 «Periods never change once
// closed»; domain/order-event-rules.ts unitEvent): a finished period's executors and «По
// подразделениям» are read at its end, not after a later edit of «Исполнители» or of «Исполнитель».

import { normName } from '../order';
import { unitEvent } from '../order-event-rules';
import { NOTHING, type OrderRule } from './rule';

export const unit: OrderRule = {
  name: 'unit',
  stage: 'fill',
  modes: ['daily'],
  apply(o, day, facts) {
    const e = o.executor.trim() ? facts.executorByName.get(normName(o.executor)) : undefined;
    const line = unitEvent(o, e ? { name: e.name, unit: e.unit } : null, day.today);
    return line ? { fix: { history: [line] } } : NOTHING;
  },
};
