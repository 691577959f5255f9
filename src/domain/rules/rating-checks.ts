// «Критерии самооценки» and «Самооценка» (002 Порядок проведения самооценки and its check-list):
// what reading found (a missing tab or column) and checkSelfAssessment's problems for every year —
// a score outside the criterion's levels, a coefficient that is not a number … With the seeded
// check-list as fallback its own row numbers mean nothing on the sheet: those are left out.
import { TAB } from '../contract';
import { checkSelfAssessment } from '../rating';
import type { PlanRegisterRule } from './plan-rule';

export const ratingChecks: PlanRegisterRule = {
  name: 'ratingChecks',
  stage: 'check',
  modes: ['daily', 'check'],
  apply({ criteria, answers }) {
    const issues = checkSelfAssessment(criteria.rows, answers.rows);
    return {
      problems: [
        ...criteria.issues,
        ...answers.issues,
        ...issues.filter((i) => !(criteria.fallback && i.tab === TAB.criteria)),
      ],
    };
  },
};
