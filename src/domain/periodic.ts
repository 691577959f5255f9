// Periodic orders (spec Round 3 «Периодичность», «Действует до»): an order repeated every week,
// month or quarter until a last day — 001 гл.6 п.2.2.15, 2.2.17 (information «еженедельно в пятницу
// до 12-00», «еженедельно в понедельник»), 003 п.45 («щоквартально до 10 числа місяця, наступного
// за звітним кварталом»). «Срок» holds the current occurrence's control date; the occurrences
// keep the day of the first one («Первоначальный срок»), so a 31st or a day moved off a holiday
// never drifts; the non-working-day rule (001 гл.8 п.2.4.2) is applied to each occurrence.
import type { WorkCalendar } from './calendar';
import { addDays, addMonths, type IsoDate } from './dates';
import { onWorkingDay } from './deadlines';
import type { Settings } from './settings';
import { fromList } from './text';

export const PERIODICITY = {
  weekly: 'Еженедельно',
  monthly: 'Ежемесячно',
  quarterly: 'Ежеквартально',
} as const;
export const PERIODICITIES: readonly string[] = Object.values(PERIODICITY);

/** «Периодичность» as typed → the list's word, '' for blank, null when not understood. */
export function normalizePeriodicity(raw: string): string | null {
  return fromList(raw, PERIODICITIES);
}

/** The k-th occurrence (k ≥ 0) counted from `anchor`, before the non-working-day rule. */
export function nthOccurrence(anchor: IsoDate, periodicity: string, k: number): IsoDate {
  if (periodicity === PERIODICITY.weekly) return addDays(anchor, 7 * k);
  if (periodicity === PERIODICITY.monthly) return addMonths(anchor, k);
  if (periodicity === PERIODICITY.quarterly) return addMonths(anchor, 3 * k);
  return anchor;
}

export interface NextOccurrence {
  /** The next occurrence's control date, the non-working-day rule applied. */
  deadline: IsoDate;
  /** The same before the rule (the calendar day of the schedule). */
  nominal: IsoDate;
}

/**
 * The occurrence after the one whose control date is `current`: the first scheduled day (from
 * `anchor`, «Первоначальный срок») whose control date is after `current`. Null when the order is
 * not periodic, or that day is after «Действует до» (the reported occurrence was the last).
 */
export function nextOccurrence(
  o: { periodicity: string; deadline: IsoDate | null; originalDeadline: IsoDate | null; validUntil: IsoDate | null },
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): NextOccurrence | null {
  if (!o.periodicity || !o.deadline || !PERIODICITIES.includes(o.periodicity)) return null;
  const anchor = o.originalDeadline && o.originalDeadline <= o.deadline ? o.originalDeadline : o.deadline;
  const currentDue = onWorkingDay(o.deadline, s, cal);
  // Weekly: at most ~5 300 steps over a century; monthly/quarterly far fewer.
  for (let k = 1; k < 6000; k++) {
    const nominal = nthOccurrence(anchor, o.periodicity, k);
    const deadline = onWorkingDay(nominal, s, cal);
    if (deadline <= currentDue || nominal <= o.deadline) continue;
    if (o.validUntil && nominal > o.validUntil) return null;
    return { deadline, nominal };
  }
  return null;
}
