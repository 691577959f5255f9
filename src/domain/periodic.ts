// Periodic orders (spec Round 3 «Периодичность», «Действует до»): an order repeated every week,
// month or quarter until a last day — 001 гл.6 п.2.2.15, 2.2.17 (information «еженедельно в пятницу
// до 12-00», «еженедельно в понедельник»), 003 п.45 («щоквартально до 10 числа місяця, наступного
// за звітним кварталом»). «Срок» holds the current occurrence's control date; the occurrences
// keep the day of the first one («Первоначальный срок»), so a 31st or a day moved off a holiday
// never drifts; the non-working-day rule (001 гл.8 п.2.4.2) is applied to each occurrence.
import type { WorkCalendar } from './calendar';
import { addDays, addMonths, type IsoDate } from './dates';
import { onWorkingDay } from './deadlines';
import { assignmentLines } from './order-events';
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

// «История» line of a reported occurrence: the report of a period reads it back (occurrenceOrders).
const OCCURRENCE_WHAT = 'исполнено повторение со сроком';
const OCCURRENCE_RE =
  /^\s*\d{2}\.\d{2}\.\d{4}: исполнено повторение со сроком (\d{2})\.(\d{2})\.(\d{4}), дата исполнения (\d{2})\.(\d{2})\.(\d{4})(?:, причина нарушения срока: (.*?))?; следующий срок/;

/** Statuses a new occurrence starts from (spec: «Статус» back to «В процессе 0»). */
export const OCCURRENCE_RESTART_STATUS = 'В процессе 0';

export interface OccurrencePatch {
  deadline: IsoDate;
  status: string;
  doneDate: null;
  lateReason: '';
  history: string[];
}

/**
 * A periodic order reported («Готово» with a valid «Дата исполнения»): the occurrence goes to
 * «История», «Срок» moves to the next occurrence and «Статус» starts afresh. Null when the order is
 * not periodic, not reported, or the reported occurrence was its last (then it closes as usual).
 */
export function reportedOccurrence(
  o: {
    periodicity: string;
    status: string;
    deadline: IsoDate | null;
    doneDate: IsoDate | null;
    originalDeadline: IsoDate | null;
    validUntil: IsoDate | null;
    lateReason: string;
    invalid: readonly string[];
  },
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): OccurrencePatch | null {
  if (o.status !== 'Готово' || !o.doneDate || !o.deadline || o.doneDate > today) return null;
  if (o.invalid.includes('Дата исполнения') || o.invalid.includes('Срок') || o.invalid.includes('Действует до'))
    return null;
  const next = nextOccurrence(o, s, cal);
  if (!next) return null;
  const reason = o.lateReason.trim().replace(/\s+/g, ' ').replace(/;/g, ',');
  const late = o.doneDate > onWorkingDay(o.deadline, s, cal);
  const line = `${ru(today)}: ${OCCURRENCE_WHAT} ${ru(o.deadline)}, дата исполнения ${ru(o.doneDate)}${late && reason ? `, причина нарушения срока: ${reason}` : ''}; следующий срок ${ru(next.deadline)}`;
  return {
    deadline: next.deadline,
    status: OCCURRENCE_RESTART_STATUS,
    doneDate: null,
    lateReason: '',
    history: [line],
  };
}

export interface ReportedOccurrence {
  deadline: IsoDate;
  doneDate: IsoDate;
  lateReason: string;
}

/** The occurrences recorded in «История», oldest first. */
export function recordedOccurrences(history: string): ReportedOccurrence[] {
  const out: ReportedOccurrence[] = [];
  for (const l of history.split('\n')) {
    const m = OCCURRENCE_RE.exec(l);
    if (m)
      out.push({ deadline: `${m[3]}-${m[2]}-${m[1]}`, doneDate: `${m[6]}-${m[5]}-${m[4]}`, lateReason: m[7] ?? '' });
  }
  return out;
}

/**
 * A periodic order as the report counts it (spec: every occurrence counts in the period it was due):
 * one entry per recorded occurrence (№ «12-1 (срок 10.04.2026)», executed on its day) and the order
 * itself for the occurrence in force. A one-off order is itself alone.
 */
export function occurrenceOrders<
  T extends { number: string; deadline: IsoDate | null; doneDate: IsoDate | null; history?: string },
>(o: T): T[] {
  const past = o.history ? recordedOccurrences(o.history) : [];
  if (past.length === 0) return [o];
  return [
    ...past.map((p) => ({
      ...o,
      number: `${o.number} (срок ${ru(p.deadline)})`,
      deadline: p.deadline,
      doneDate: p.doneDate,
      // The occurrence was reported («Готово» with its date): executed, whatever the row says now.
      status: 'Готово',
      returned: false,
      extensions: 0,
      returns: 0,
      // Its own events are the occurrence line's; of the order's, only who executed it and their unit
      // (a finished period names the executor of its end, execution-report whoOf).
      history: assignmentLines(o.history ?? ''),
      lateReason: p.lateReason,
    })),
    o,
  ];
}

function ru(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

const TERM_LINE =
  /^\s*\d{2}\.\d{2}\.\d{4}:\s*(?:срок изменён|перенос срока согласован): с \S+ на (\d{2})\.(\d{2})\.(\d{4})/;
const NEXT_LINE = /; следующий срок (\d{2})\.(\d{2})\.(\d{4})\s*$/;

/**
 * «Срок» as the add-on last set it: the last line of «История» that set a term — a term typed over
 * or approved (order-events.ts), or a reported occurrence's «следующий срок» — so moving a periodic
 * order to its next occurrence is never read as a term typed over (not one more «Переносов»).
 * Null when no line set one.
 */
export function lastSetTerm(history: string): IsoDate | null {
  // A one-off order (no occurrence line) costs one test: the events' own reading applies.
  if (!history.includes(OCCURRENCE_WHAT)) return null;
  let last: IsoDate | null = null;
  for (const l of history.split('\n')) {
    const m = TERM_LINE.exec(l) ?? (OCCURRENCE_RE.test(l) ? NEXT_LINE.exec(l) : null);
    if (m) last = `${m[3]}-${m[2]}-${m[1]}`;
  }
  return last;
}
