// 000 п.11: an extension is asked for no later than «Запрос переноса — не позднее, рабочих дней до
// срока» before the term. A later request is still decided by the controller, and is a data problem.
import { ORDER_COL } from '../contract';
import { formatRu } from '../dates';
import { dueDate, extensionCutoff, isLateRequest } from '../deadlines';
import { requestDayOf } from './request-day';
import { NOTHING, type OrderRule } from './rule';

export const lateRequest: OrderRule = {
  name: 'lateRequest',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { today, settings: s, calendar: cal }) {
    const day = requestDayOf(o, today);
    if (!day || !o.requestedDate || !o.deadline) return NOTHING;
    const due = dueDate(o.deadline, s, cal);
    if (!isLateRequest(day, due, s.extensionCutoffDays, cal, o.enteredAt)) return NOTHING;
    return {
      problems: [
        {
          column: ORDER_COL.requestedDate,
          value: formatRu(o.requestedDate),
          message: `Запрос переноса сделан ${formatRu(day)} — позже срока подачи: не позднее ${formatRu(extensionCutoff(due, s.extensionCutoffDays, cal, o.enteredAt))} (за ${s.extensionCutoffDays} раб. дн. до срока ${formatRu(due)}).`,
          fix: 'Контролёр решает по запросу («Решение по переносу»); впредь подавайте запрос раньше.',
        },
      ],
    };
  },
};
