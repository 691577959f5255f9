// A reported occurrence of a periodic order (domain/periodic.ts; 001 гл.6 п.2.2.15, 2.2.17; 003
// п.45): «История» gets the occurrence, «Срок» the next one, «Статус» «В процессе 0»; «Дата
// исполнения» and «Причина нарушения срока» are cleared for the new occurrence (their values are in
// the line). After the last occurrence nothing happens here: the order closes as usual.
import { ORDER_COL } from '../contract';
import { reportedOccurrence } from '../periodic';
import { NOTHING, type OrderRule } from './rule';

export const periodic: OrderRule = {
  name: 'periodic',
  stage: 'fill',
  modes: ['daily'],
  apply(o, { today, settings: s, calendar: cal }) {
    if (o.invalid.includes(ORDER_COL.status) || o.invalid.includes(ORDER_COL.periodicity)) return NOTHING;
    const p = reportedOccurrence(o, today, s, cal);
    if (!p) return NOTHING;
    return {
      fix: {
        set: { deadline: p.deadline, status: p.status, doneDate: null, lateReason: '' },
        history: p.history,
      },
    };
  },
};
