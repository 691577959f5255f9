// A blank «Срок» of an appeal is filled from its registration: the full term (003 п.113 «не більше
// одного місяця»; 59-ФЗ ст. 12 «30 дней»), 15 days when «Требует изучения» = Нет (003 п.113), moved
// off a non-working day (001 гл.8 п.2.4.2); a duplicate takes its first appeal's term (003 п.99).
// A formula in the cell is a problem instead: the add-on never overwrites a formula.
import {
  APPEAL_COL,
  APPEAL_PHRASE,
  type AppealRecord,
  appealDeadline,
  appealTermText,
  joinedToFirst,
} from '../appeals';
import { formatRu, type IsoDate } from '../dates';
import { historyLine } from '../history';
import type { AppealRule } from './appeal-rule';

/** True when the appeal's «Срок» is blank and can be filled (the job asks for formulas in these rows only). */
export function needsDeadline(a: Pick<AppealRecord, 'deadline' | 'invalid' | 'registered'>): boolean {
  return !a.deadline && !a.invalid.includes(APPEAL_COL.deadline) && !!a.registered;
}

export const appealDeadlineFill: AppealRule = {
  name: 'appealDeadline',
  stage: 'fill',
  modes: ['daily'],
  apply(a, { today, settings: s, calendar: cal }, { first, deadlineFormula }) {
    if (!needsDeadline(a)) return {};
    if (deadlineFormula)
      return {
        fix: { set: { invalid: [...a.invalid, APPEAL_COL.deadline] } },
        problems: [
          {
            column: APPEAL_COL.deadline,
            value: '',
            message: 'В «Срок» формула, и её значение пустое: надстройка не заполняет ячейку с формулой.',
            fix: 'Исправьте формулу так, чтобы она давала дату, или замените её значением.',
          },
        ],
      };
    const joined = first ? joinedToFirst(a as AppealRecord, first).deadline : null;
    const d = joined ?? appealDeadline(a.registered as IsoDate, a.needsStudy, s, cal);
    const how = joined
      ? `как у обращения № ${first?.number || `строки ${first?.row}`}`
      : appealTermText(a.needsStudy, s);
    return {
      fix: { set: { deadline: d }, history: [historyLine(today, `${APPEAL_PHRASE.filled}: ${formatRu(d)} (${how})`)] },
    };
  },
};
