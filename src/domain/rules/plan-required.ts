// A long order needs its plan of measures (001 гл.6 п.2.2.16): a problem when «Планы мероприятий»
// has no row for it 5 working days after «Внесено».
import { ORDER_COL } from '../contract';
import { missingPlan } from '../plan-required';
import { NOTHING, type OrderRule } from './rule';

export const planRequired: OrderRule = {
  name: 'planRequired',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { today, settings: s, calendar: cal }, facts) {
    if (facts.stages === undefined) return NOTHING;
    const m = missingPlan(o, facts.protocol?.date ?? null, facts.stages.length, today, s, cal);
    if (!m) return NOTHING;
    return { problems: [{ column: ORDER_COL.deadline, value: o.number, message: m.message, fix: m.fix }] };
  },
};
