// 000 п.7: orders are entered within «Внести поручения — в течение, рабочих дней» after the
// meeting. Judged on «Внесено» and nothing else (not on mail sent: mail may be off).
import { ORDER_COL } from '../contract';
import { formatRu } from '../dates';
import { entryDeadline, isLateEntry } from '../deadlines';
import { NOTHING, type OrderRule } from './rule';

export const lateEntry: OrderRule = {
  name: 'lateEntry',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { settings: s, calendar: cal }, { protocol: p }) {
    if (!p?.date || !o.enteredAt || !isLateEntry(p.date, o.enteredAt, s.entryDays, cal)) return NOTHING;
    return {
      problems: [
        {
          column: ORDER_COL.enteredAt,
          value: formatRu(o.enteredAt),
          message: `Поручение внесено позже срока: внесено ${formatRu(o.enteredAt)}, совещание ${formatRu(p.date)}, внести нужно было не позднее ${formatRu(entryDeadline(p.date, s.entryDays, cal))}.`,
          fix: `Вносите поручения в течение ${s.entryDays} раб. дн. после совещания.`,
        },
      ],
    };
  },
};
