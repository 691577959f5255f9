// Each measure of «План ЭР» has its own «№» (002 План мероприятий: 1.1, 2.1, 3.4 …): the reminders
// and their keys in «Журнал» name it, so a blank or repeated «№» is a problem.
import { PLAN_COL } from '../contract';
import type { PlanItem, PlanRowRule } from './plan-rule';
import { firstRowsByNumber } from './rule';

/** The first row of each «№» of the tab (computed once per list of rows). */
const firstRows = new WeakMap<readonly PlanItem[], Map<string, number>>();
function firstRowOf(rows: readonly PlanItem[], number: string): number | undefined {
  let m = firstRows.get(rows);
  if (!m) {
    m = firstRowsByNumber(rows);
    firstRows.set(rows, m);
  }
  return m.get(number);
}

export const planNumber: PlanRowRule<'plan'> = {
  name: 'planNumber',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'plan',
  apply(it, _day, { tab }) {
    if (!it.number)
      return {
        problems: [
          {
            column: PLAN_COL.number,
            value: '',
            message: 'Не указан № мероприятия: без него напоминания о сроке не отправляются.',
            fix: 'Впишите номер, например 3.4.',
          },
        ],
      };
    const first = firstRowOf(tab.rows, it.number);
    if (first === undefined || first === it.row) return {};
    return {
      problems: [
        {
          column: PLAN_COL.number,
          value: it.number,
          message: `№ ${it.number} уже есть в строке ${first}.`,
          fix: 'Дайте мероприятиям разные номера.',
        },
      ],
    };
  },
};
