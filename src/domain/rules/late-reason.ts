// «Причина нарушения срока» missing after «Объяснение нарушения срока — в течение, рабочих дней»
// (001 гл.8 п.2.3.2; 003 п.193): a problem, so the controller's mail carries its line.
import { ORDER_COL } from '../contract';
import { missingLateReason } from '../late-reason';
import { NOTHING, type OrderRule } from './rule';

export const lateReason: OrderRule = {
  name: 'lateReason',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { today, settings: s, calendar: cal }) {
    const m = missingLateReason(o, today, s, cal);
    if (!m) return NOTHING;
    return { problems: [{ column: ORDER_COL.lateReason, value: '', message: m.message, fix: m.fix }] };
  },
};
