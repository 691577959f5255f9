// Late changes of term (001 гл.7 п.2.4.10: fewer than 2 working days before the term in force, or
// after it), back-dated or undone executions (000 п.13): problems read from the order's events in
// «История» (domain/order-event-rules.ts eventProblems).
import { dueDate } from '../deadlines';
import { eventProblems as problemsOf } from '../order-event-rules';
import type { OrderRule } from './rule';

export const eventProblems: OrderRule = {
  name: 'eventProblems',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { today, settings: s, calendar: cal }) {
    return { problems: problemsOf(o, today, cal, (t) => dueDate(t, s, cal)) };
  },
};
