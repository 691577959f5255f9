// «История» of an appeal records its term's extension (003 п.113: «Продлено до») and its answer
// («Дата ответа», 003 п.119), once each: a line is added when its phrase is not there yet.
import { APPEAL_PHRASE } from '../appeals';
import { formatRu } from '../dates';
import { historyLine } from '../history';
import type { AppealRule } from './appeal-rule';

export const appealEventLines: AppealRule = {
  name: 'appealEventLines',
  stage: 'fill',
  modes: ['daily'],
  apply(a, { today }) {
    const add: string[] = [];
    if (a.extendedTo) {
      const phrase = `${APPEAL_PHRASE.extended} ${formatRu(a.extendedTo)}`;
      if (!a.history.includes(phrase)) add.push(historyLine(today, phrase));
    }
    if (a.answerDate) {
      const phrase = `${APPEAL_PHRASE.answered} ${formatRu(a.answerDate)}`;
      if (!a.history.includes(phrase)) add.push(historyLine(today, phrase));
    }
    return add.length ? { fix: { history: add } } : {};
  },
};
