// Escalation to the unit's head (spec Round 3; 004 п.4.1.4, 4.2.1): an order overdue «Эскалация
// руководителю через, рабочих дней» is mailed once to the head of its executor's unit
// («Подразделения»), in one message per head per day listing that unit's overdue orders.
import type { WorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import { dueDate } from './deadlines';
import { type Executor, normName } from './order';
import type { Settings } from './settings';
import { foldText } from './text';
import type { Unit } from './units';

type S = Pick<Settings, 'nonWorkingDeadline' | 'escalationDays'>;

export interface EscalationOrder {
  number: string;
  text: string;
  executor: string;
  deadline: IsoDate | null;
  status: string;
  state?: string;
  invalid: readonly string[];
}

/** The key «Журнал» records: one escalation per order, ever. */
export const escalationKey = (n: string) => `escalate:${n}`;

/** The key of «Журнал»'s line telling the controller that an order could not be escalated: once per order. */
export const unplacedKey = (n: string) => `escalate-unplaced:${n}`;

/** Working days the order is overdue today (0 when not overdue or executed). */
export function overdueDays(
  o: EscalationOrder,
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): number {
  if (!o.deadline || o.status === 'Готово' || o.invalid.includes('Срок') || o.state === 'Снято с контроля') return 0;
  const due = dueDate(o.deadline, s, cal);
  return due < today ? cal.workingDaysBetween(due, today) : 0;
}

/** True when the order is overdue at least `escalationDays` working days. */
export function escalationDue(o: EscalationOrder, today: IsoDate, s: S, cal: WorkCalendar): boolean {
  return !!o.number && !o.invalid.includes('№') && overdueDays(o, today, s, cal) >= s.escalationDays;
}

export interface EscalationDigest {
  unit: Unit;
  /** Orders newly escalated today: their keys are recorded when the message is sent. */
  keys: string[];
  /** Every overdue order of the unit, most overdue first. */
  overdue: { order: EscalationOrder; days: number }[];
}

/**
 * The messages to heads today: for each unit with an order newly due for escalation (not sent
 * before), one message with all of that unit's overdue orders. Orders whose executor has no unit,
 * or whose unit has no row, are returned in `unplaced` (the controller is told once: `unplacedKey`).
 */
export function escalationDigests(
  orders: readonly EscalationOrder[],
  executorByName: ReadonlyMap<string, Executor>,
  unitByName: ReadonlyMap<string, Unit>,
  today: IsoDate,
  s: S,
  cal: WorkCalendar,
  sent: (key: string) => boolean,
): { digests: EscalationDigest[]; unplaced: EscalationOrder[] } {
  const byUnit = new Map<string, EscalationDigest>();
  const unplaced: EscalationOrder[] = [];
  const unitOf = (o: EscalationOrder) => {
    const e = executorByName.get(normName(o.executor));
    return e?.unit ? unitByName.get(foldText(e.unit)) : undefined;
  };
  for (const o of orders) {
    const days = overdueDays(o, today, s, cal);
    if (days === 0) continue;
    const u = unitOf(o);
    const due = escalationDue(o, today, s, cal) && !sent(escalationKey(o.number));
    if (!u) {
      if (due && !sent(unplacedKey(o.number))) unplaced.push(o);
      continue;
    }
    let d = byUnit.get(foldText(u.name));
    if (!d) {
      d = { unit: u, keys: [], overdue: [] };
      byUnit.set(foldText(u.name), d);
    }
    d.overdue.push({ order: o, days });
    if (due) d.keys.push(escalationKey(o.number));
  }
  const digests = [...byUnit.values()].filter((d) => d.keys.length > 0);
  for (const d of digests) d.overdue.sort((a, b) => b.days - a.days || (a.order.number < b.order.number ? -1 : 1));
  return { digests, unplaced };
}
