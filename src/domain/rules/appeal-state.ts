// «Состояние» of an appeal (003 п.117 «Срок наступает» 3 working days before; п.119 only «Дата
// ответа» closes it; п.113 «Продлено»); a duplicate reads as its first appeal — the same term and
// answer (003 п.99). A non-working day's refresh runs it too.
import { type AppealRecord, appealState, joinedToFirst } from '../appeals';
import type { AppealRule } from './appeal-rule';

export const appealStateRule: AppealRule = {
  name: 'appealState',
  stage: 'state',
  modes: ['daily', 'refresh'],
  apply(a, { today, settings: s, calendar: cal }, { first }) {
    const judged = first ? { ...a, ...joinedToFirst(a as AppealRecord, first) } : a;
    const state = appealState(judged, today, s, cal);
    return state === a.state ? {} : { fix: { set: { state } } };
  },
};
