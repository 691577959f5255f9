// «Повторное» and «Дублирующее» (003 п.99, п.102): over the whole register, after the checks (an
// answer date found wrong counts as none): a repeat follows an answer to the same applicant on the
// same question; one sent again before the answer is a duplicate and joins the first open one
// (domain/appeals.ts appealKinds).
import { appealKinds } from '../appeals';
import type { AppealFields, AppealRegisterRule } from './appeal-rule';

export const appealKindsRule: AppealRegisterRule = {
  name: 'appealKinds',
  stage: 'check',
  modes: ['daily', 'refresh', 'check'],
  register: true,
  apply(appeals) {
    const kinds = appealKinds(appeals);
    const out = new Map<number, Partial<AppealFields>>();
    appeals.forEach((a, i) => {
      out.set(a.row, { repeated: kinds[i].repeated, duplicateOf: kinds[i].duplicateOf });
    });
    return out;
  },
};
