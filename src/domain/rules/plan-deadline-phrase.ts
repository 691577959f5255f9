// «Срок» of a measure is a phrase of 002 План мероприятий («ежегодно», «ежеквартально, до 10 числа
// следующего месяца», «до 01.12.2026» …): one the add-on does not understand is a problem, since no
// reminder can be computed from it.
import { PLAN_COL } from '../contract';
import type { PlanRowRule } from './plan-rule';

export const planDeadlinePhrase: PlanRowRule<'plan'> = {
  name: 'planDeadlinePhrase',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'plan',
  apply(it, _day, { tab }) {
    if (!tab.has(PLAN_COL.deadline) || it.deadline.ok) return {};
    return {
      problems: [
        { column: PLAN_COL.deadline, value: it.deadlineRaw, message: it.deadline.message, fix: it.deadline.fix },
      ],
    };
  },
};
