// A measure with dates and no «Эл. почта ответственного» is reminded to the controller (spec daily
// check step 6); with neither address nobody would be: one line for the tab, not one per measure —
// a fresh workbook has no addresses yet.
import { PLAN_COL, TAB } from '../contract';
import { isEmail } from '../settings';
import type { PlanRegisterRule } from './plan-rule';

export const planUnaddressed: PlanRegisterRule = {
  name: 'planUnaddressed',
  stage: 'check',
  modes: ['daily', 'check'],
  apply({ plan }, { settings }) {
    if (!plan || isEmail(settings.controllerEmail)) return {};
    const unaddressed = plan.rows
      .filter((it) => it.deadline.ok && it.deadline.rule.kind !== 'none' && !it.emails.length && !it.badEmails.length)
      .map((it) => it.number || `строка ${it.row}`);
    if (!unaddressed.length) return {};
    return {
      problems: [
        {
          tab: TAB.plan,
          row: 0,
          column: PLAN_COL.email,
          value: '',
          message: `Некому напоминать о сроках мероприятий ${unaddressed.join(', ')}: нет ни «${PLAN_COL.email}», ни «Эл. почта контролёра».`,
          fix: `Впишите «${PLAN_COL.email}» в строки плана или «Эл. почта контролёра» в «Настройки».`,
        },
      ],
    };
  },
};
