// Step 2 for one order (domain/decisions.ts step2Patch): a blank «Срок» filled (001 гл.7
// п.2.2.16–2.2.20, 003 п.158), «Первоначальный срок», the controller's decision on an extension
// (000 п.11–12), a return for rework counted once (000 п.14). «Отправить новые поручения» only fills
// blanks: decisions wait for the daily check.
import { step2Patch } from '../decisions';
import type { OrderFields, OrderRule } from './rule';

export const decisions: OrderRule = {
  name: 'decisions',
  stage: 'fill',
  modes: ['daily', 'notify'],
  apply(o, day, facts) {
    const { patch: p, issues } = step2Patch(o, {
      approver: o.approvedBy || facts.protocol?.chair || '',
      today: day.today,
      settings: day.settings,
      calendar: day.calendar,
      protocolDate: facts.protocol?.date ?? null,
      fillOnly: day.mode === 'notify',
    });
    const set: Partial<OrderFields> = {};
    if (p.deadline !== undefined) set.deadline = p.deadline;
    if (p.originalDeadline !== undefined) set.originalDeadline = p.originalDeadline;
    if (p.extensions !== undefined) set.extensions = p.extensions;
    if (p.returns !== undefined) set.returns = p.returns;
    if (p.clearRequest) Object.assign(set, { requestedDate: null, requestReason: '', decision: '' });
    if (p.clearDoneDate) set.doneDate = null;
    const decided = p.extensions !== undefined || p.clearRequest || p.returns !== undefined;
    return { fix: { set, history: p.history }, problems: issues, decisions: decided ? 1 : 0 };
  },
};
