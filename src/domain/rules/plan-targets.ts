// «Цель YYYY» and «Факт YYYY» of a measure (002 План мероприятий, columns «2025 … 2027»): a target
// must read as «не менее N», a number or «—»; a fact as a number — except the facts the add-on
// counts itself (COUNTED_FACTS: 1.1 projects, 2.1 trainings), whose cell it does not read.
import { PLAN_YEARS } from '../contract';
import { COUNTED_FACTS, parseFact, parseTarget } from '../plan-facts';
import { cellText } from '../text';
import type { PlanRowRule } from './plan-rule';
import type { RowProblem } from './rule';

export const planTargets: PlanRowRule<'plan'> = {
  name: 'planTargets',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'plan',
  apply(it) {
    const problems: RowProblem[] = [];
    for (const y of PLAN_YEARS) {
      if (it.hasTargetColumn(y)) {
        const tp = parseTarget(it.target(y));
        if (!tp.ok)
          problems.push({ column: `Цель ${y}`, value: cellText(it.target(y)), message: tp.message, fix: tp.fix });
      }
      const f = it.fact(y);
      if (it.hasFactColumn(y) && f !== '' && parseFact(f) === null && !COUNTED_FACTS[it.number])
        problems.push({
          column: `Факт ${y}`,
          value: cellText(f),
          message: 'Факт должен быть числом.',
          fix: 'Впишите число, например 2.',
        });
    }
    return { problems };
  },
};
