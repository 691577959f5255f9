// «Отчёт 1» (004 Приложение 1): a category whose index passes 3,00 is an emergency (004 п.1.3) and
// «Получатели сводки» are told at once (004 п.3.1) — once per category and day (key
// `appeal-emergency:<day>:<category>` in «Журнал»).
import { appealKey } from '../appeals';
import type { AppealReportRule } from './appeal-rule';

export const appealEmergencies: AppealReportRule = {
  name: 'appealEmergencies',
  apply(r, { sent }) {
    return r.categories
      .filter((c) => c.emergency && c.index !== null)
      .map((c) => ({
        day: r.day,
        category: c.category,
        count: c.day,
        average: c.average,
        index: c.index as number,
        key: appealKey.emergency(r.day, c.category),
      }))
      .filter((e) => !sent(e.key));
  },
};
