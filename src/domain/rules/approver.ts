// 001 гл.7 п.2.4.2: the term is changed by the one who set it. An approved extension with neither
// «Кем согласован перенос» nor the protocol's «Председатель» has nobody on record (round 3: a data
// problem, no longer silent). Read from the approval's line in «История», not from the decision being
// applied, so the problem is listed by every check until someone is named — a re-run after a stop, a
// second run the same day and «Проверить данные» included (before: only by the run that applied it).
import { ORDER_COL } from '../contract';
import { formatRu } from '../dates';
import { lastApproval } from '../order-events';
import { NOTHING, type OrderRule } from './rule';

export const approverOnRecord: OrderRule = {
  name: 'approverOnRecord',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, _day, facts) {
    if (o.approvedBy.trim() || facts.protocol?.chair?.trim()) return NOTHING;
    const a = lastApproval(o.history);
    if (!a || a.approver) return NOTHING;
    return {
      problems: [
        {
          column: ORDER_COL.approvedBy,
          value: '',
          message: `Перенос срока на ${formatRu(a.to)} согласован, но не указано, кем: нет ни «Кем согласован перенос», ни «Председателя» протокола (Ростов, гл.7 п.2.4.2: срок меняет тот, кто его установил).`,
          fix: 'Впишите, кто согласовал перенос, или «Председателя» в строке протокола на листе «Протоколы».',
        },
      ],
    };
  },
};
