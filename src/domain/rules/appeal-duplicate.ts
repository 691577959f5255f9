// A duplicate (sent again before the first was answered) joins its first appeal (003 п.99): its
// «История» says so once, with the first's «№» and term.
import { duplicatePhrase } from '../appeals';
import { historyLine } from '../history';
import type { AppealRule } from './appeal-rule';

export const appealDuplicateLine: AppealRule = {
  name: 'appealDuplicateLine',
  stage: 'state',
  modes: ['daily'],
  apply(a, { today }, { first }) {
    if (!first) return {};
    const phrase = duplicatePhrase(first).replace(/ \(срок.*$/, '');
    return a.history.includes(phrase) ? {} : { fix: { history: [historyLine(today, duplicatePhrase(first))] } };
  },
};
