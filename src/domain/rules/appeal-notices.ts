// The notices due today for one open appeal (domain/appeals.ts appealNotices): the reminder from
// «Напоминать об обращении за, рабочих дней» before the due day (003 п.117) and «срок истёк» after it,
// once per term (keys in «Журнал»). They ride in the executor's one digest of the day.
import { type AppealRecord, appealNotices } from '../appeals';
import type { AppealRule } from './appeal-rule';

export const appealNoticesRule: AppealRule = {
  name: 'appealNotices',
  stage: 'notify',
  modes: ['daily'],
  apply(a, { today, settings: s, calendar: cal }, { sent }) {
    return { notices: appealNotices(a as AppealRecord, today, s, cal, sent) };
  },
};
