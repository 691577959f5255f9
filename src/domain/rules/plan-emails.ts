// «Эл. почта ответственного» takes one or more addresses (comma or semicolon); one that is not an
// address is a problem — the reminder would not reach that person (spec daily check step 6).
import { PLAN_COL } from '../contract';
import type { PlanRowRule } from './plan-rule';

export const planEmails: PlanRowRule<'plan'> = {
  name: 'planEmails',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'plan',
  apply: (it) => ({
    problems: it.badEmails.map((e) => ({
      column: PLAN_COL.email,
      value: e,
      message: `«${e}» не похоже на адрес эл. почты.`,
      fix: 'Исправьте адрес; несколько адресов разделяйте запятой.',
    })),
  }),
};
