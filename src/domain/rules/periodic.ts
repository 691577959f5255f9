// A reported occurrence of a periodic order (domain/periodic.ts; 001 гл.6 п.2.2.15, 2.2.17; 003
// п.45): «История» gets the occurrence, «Срок» the next one, «Статус» «В процессе 0»; «Дата
// исполнения» and «Причина нарушения срока» are cleared for the new occurrence (their values are in
// the line). After the last occurrence nothing happens here: the order closes as usual.
// The same function rolls an occurrence over at once when it is reported — «Готово» on the page
// (jobs/my-orders-actions.ts) or typed in the sheet (jobs/onedit.ts) — so the daily check after it
// finds nothing more to do (issue 22 item 1).
import type { WorkCalendar } from '../calendar';
import { ORDER_COL } from '../contract';
import type { IsoDate } from '../dates';
import { appendHistory } from '../history';
import { executedLate } from '../late-reason';
import type { OrderRecord } from '../order';
import { recordEvents } from '../order-event-rules';
import { reportedOccurrence } from '../periodic';
import type { Settings } from '../settings';
import { NOTHING, type OrderRule } from './rule';

export interface OccurrenceRollOver {
  set: { deadline: IsoDate; status: string; doneDate: null; lateReason: '' };
  /** The occurrence's line, then the new «Статус» as the events record it (order-event-rules.ts). */
  history: string[];
}

/**
 * The order after its reported occurrence: the next «Срок», «Статус» afresh and the lines for
 * «История» — the occurrence and the status event of the new one, so no later check records it
 * again. Null when nothing rolls over (not periodic, not reported, the last occurrence).
 */
export function rollOverOccurrence(
  o: OrderRecord,
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): OccurrenceRollOver | null {
  if (o.invalid.includes(ORDER_COL.status) || o.invalid.includes(ORDER_COL.periodicity)) return null;
  const p = reportedOccurrence(o, today, s, cal);
  if (!p) return null;
  const set = { deadline: p.deadline, status: p.status, doneDate: null, lateReason: '' as const };
  const after = { ...o, ...set, history: appendHistory(o.history, p.history) };
  return { set, history: [...p.history, ...recordEvents(after, today).history] };
}

/**
 * True when a reported occurrence was late and «Причина нарушения срока» is still blank: typed in
 * the sheet, the roll-over at once waits for the reason (typed next, it goes into the occurrence's
 * line) — the daily check rolls it over as before. The page asks for the reason with «Готово».
 */
export function occurrenceAwaitsReason(
  o: OrderRecord,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): boolean {
  return !!o.periodicity && executedLate(o, s, cal) && o.lateReason.trim() === '';
}

export const periodic: OrderRule = {
  name: 'periodic',
  stage: 'fill',
  modes: ['daily'],
  apply(o, { today, settings: s, calendar: cal }) {
    const r = rollOverOccurrence(o, today, s, cal);
    return r ? { fix: { set: r.set, history: r.history } } : NOTHING;
  },
};
