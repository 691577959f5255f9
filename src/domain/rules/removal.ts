// The decision of the one who gave the order on its removal from control (001 гл.7 п.2.4.15; 003
// п.199), applied before the rest of step 2 (domain/removal.ts decides; this rule only shapes it).
import { ORDER_COL } from '../contract';
import { removalPatch } from '../removal';
import { NOTHING, type OrderFields, type OrderRule } from './rule';

export const removalDecision: OrderRule = {
  name: 'removalDecision',
  stage: 'fill',
  modes: ['daily'],
  apply(o, day) {
    if (o.invalid.includes(ORDER_COL.removal) || o.invalid.includes(ORDER_COL.status)) return NOTHING;
    const p = removalPatch(o, day.today, day.settings.removalMode);
    const set: Partial<OrderFields> = {};
    if (p.status !== undefined) set.status = p.status;
    if (p.clearDoneDate) set.doneDate = null;
    if (p.returns !== undefined) set.returns = p.returns;
    if (p.removal !== undefined && p.removal !== o.removal) set.removal = p.removal;
    return { fix: { set, history: p.history }, decisions: p.history.length > 0 ? 1 : 0 };
  },
};
