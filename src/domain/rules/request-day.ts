// The day an extension was asked for (000 п.11: no later than the cut-off before the term): the
// first run that sees a pending request writes «запрошен перенос срока на …» into «История» (unless
// onEdit or the page did), and every later rule reads the day from that line.
import type { IsoDate } from '../dates';
import { requestDayFromHistory, requestLine } from '../history';
import type { OrderRecord } from '../order';
import { NOTHING, type OrderRule } from './rule';

/** The day a pending extension request was made (today when «История» has no line yet); null without one. */
export function requestDayOf(o: Readonly<OrderRecord>, today: IsoDate): IsoDate | null {
  if (!o.requestedDate || o.decision) return null;
  return requestDayFromHistory(o.history, o.requestedDate) ?? today;
}

export const requestDay: OrderRule = {
  name: 'requestDay',
  stage: 'fill',
  modes: ['daily', 'notify'],
  apply(o, day) {
    if (!o.requestedDate || o.decision || requestDayFromHistory(o.history, o.requestedDate)) return NOTHING;
    return { fix: { history: [requestLine(day.today, o.requestedDate)] } };
  },
};
