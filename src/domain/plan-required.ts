// Plans of measures for long orders (spec Round 3 «Планы мероприятий»): 001 гл.6 п.2.2.16 —
// «исполнение поручений … требует разработки планов мероприятий в следующих случаях: срок
// реализации управленческих решений более 30 календарных дней …». An order longer than «План
// мероприятий — для поручений дольше, дней» without a row in «Планы мероприятий» 5 working days
// after «Внесено» is a data problem.
import type { WorkCalendar } from './calendar';
import { daysBetween, formatRu, type IsoDate } from './dates';
import type { Settings } from './settings';

/** Working days after «Внесено» to present the plan (spec Round 3). */
export const PLAN_WITHIN_WORKING_DAYS = 5;

export interface PlanOrder {
  number: string;
  status: string;
  deadline: IsoDate | null;
  enteredAt: IsoDate | null;
  invalid: readonly string[];
}

/** The order's term in calendar days from the meeting (001 гл.7 п.2.2.16: terms count from it), else from «Внесено». */
export function termDays(o: PlanOrder, protocolDate: IsoDate | null): number | null {
  const from = protocolDate ?? o.enteredAt;
  return o.deadline && from ? daysBetween(from, o.deadline) : null;
}

/** The problem when the plan is due and missing; null otherwise. */
export function missingPlan(
  o: PlanOrder,
  protocolDate: IsoDate | null,
  stageCount: number,
  today: IsoDate,
  s: Pick<Settings, 'planLongerDays'>,
  cal: WorkCalendar,
): { message: string; fix: string } | null {
  if (stageCount > 0 || o.status === 'Готово' || !o.enteredAt || !o.number) return null;
  const days = termDays(o, protocolDate);
  if (days === null || days <= s.planLongerDays) return null;
  const last = cal.addWorkingDays(o.enteredAt, PLAN_WITHIN_WORKING_DAYS);
  if (today <= last) return null;
  return {
    message: `Срок поручения — ${days} дн. (дольше ${s.planLongerDays}), а плана мероприятий нет: его нужно было внести до ${formatRu(last)}.`,
    fix: 'Внесите этапы на лист «Планы мероприятий» с этим № поручения (Ростов, гл.6 п.2.2.16).',
  };
}
