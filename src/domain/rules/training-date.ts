// «Обучение»: a training is counted in the plan's measure 2.1 (002 План 2.1 «обучение … бережливому
// производству») by its date; a row without a readable date is not counted, and says so.
import { TRAINING_COL } from '../contract';
import { cellText } from '../text';
import type { PlanRowRule } from './plan-rule';

export const trainingDate: PlanRowRule<'training'> = {
  name: 'trainingDate',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'training',
  apply(r, _day, { tab }) {
    if (r.record || !tab.has(TRAINING_COL.date)) return {};
    return {
      problems: [
        {
          column: TRAINING_COL.date,
          value: cellText(r.rawDate),
          message:
            r.rawDate === ''
              ? 'Не указана дата обучения — запись не войдёт в подсчёт (мероприятие 2.1).'
              : 'Не удалось прочитать дату обучения.',
          fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
        },
      ],
    };
  },
};
