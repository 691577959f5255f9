// The daily check's rules over «Поручения», in the order they run (src/domain/rules/rule.ts says
// what a rule is; src/jobs/order-pipeline.ts applies them). A new rule is one line here, at its stage.
import { coDeadline } from './co-deadline';
import { coExecutorReminders } from './co-executors';
import { decisions } from './decisions';
import { enteredAt } from './entered-at';
import { eventProblems } from './event-problems';
import { events } from './events';
import { interimMissed, interimReminders } from './interim';
import { lateEntry } from './late-entry';
import { lateReason } from './late-reason';
import { lateRequest } from './late-request';
import { notices } from './notices';
import { numbering } from './numbering';
import { periodic } from './periodic';
import { planRequired } from './plan-required';
import { removalDecision } from './removal';
import { requestDay } from './request-day';
import type { OrderRule, RuleStage, RunMode } from './rule';
import { state } from './state';

export const ORDER_RULES: readonly OrderRule[] = [
  // fill (step 2): the events onEdit missed, the removal decision, then «№», «Срок» and the
  // extension and return decisions, «Внесено» once the row is an order, the day of a pending request.
  events,
  removalDecision,
  numbering,
  decisions,
  enteredAt,
  periodic,
  requestDay,
  // check (step 1's rule problems)
  lateRequest,
  eventProblems,
  lateEntry,
  lateReason,
  planRequired,
  interimMissed,
  // state (step 3)
  state,
  coDeadline,
  // notify (step 4)
  notices,
  coExecutorReminders,
  interimReminders,
];

/** The rules of one stage that a run of `mode` applies, in list order. */
export function rulesFor(stage: RuleStage, mode: RunMode, rules: readonly OrderRule[] = ORDER_RULES): OrderRule[] {
  return rules.filter((r) => r.stage === stage && r.modes.includes(mode));
}
