// What «Мои поручения» shows of control between the dates (spec Round 3), as plain texts the page
// prints: the occurrence of a periodic order being reported (001 гл.6 п.2.2.17; 003 п.45), the
// interim date (001 гл.7 п.3.3), the co-executors' own date (003 п.80) and whether «Готово» now
// would be late, so the page asks for «Причина нарушения срока» (001 гл.8 п.2.3.2).
import type { WorkCalendar } from './calendar';
import { coExecutorNotes } from './co-executors';
import { formatRu, type IsoDate } from './dates';
import { dueDate } from './deadlines';
import type { OrderRecord } from './order';
import type { Settings } from './settings';

export interface BetweenDates {
  /** «Ежемесячно: отчёт за срок 09.04.2026 (до 30.06.2026)»; '' for a one-off order. */
  occurrence: string;
  /** «Промежуточный срок: 16.03.2026»; '' when none is ahead. */
  interim: string;
  /** «Срок соисполнителям: 16.03.2026»; '' without co-executors. */
  coDeadline: string;
  /** «Готово» today would be after the term: the page asks for the reason. */
  askLateReason: boolean;
  lateReason: string;
  /** The stages of the order's plan of measures (001 гл.6 п.2.2.16), in the tab's order; absent when none. */
  stages?: StageItem[];
  /**
   * For the responsible executor: which co-executors have added a note since the order was given
   * (co-executors.ts coExecutorNotes) — `since` ДД.ММ.ГГГГ ('' when «Внесено» is unknown), each
   * co-executor with the day of their last note ('' for none).
   */
  coNotes?: { since: string; rows: { name: string; noted: string }[] };
}

/** The card's «co-executors' notes» of the responsible executor; absent without co-executors. */
export function coNotesItem(
  o: Pick<OrderRecord, 'coExecutors' | 'history' | 'enteredAt'>,
): BetweenDates['coNotes'] | undefined {
  if (o.coExecutors.length === 0) return undefined;
  return {
    since: o.enteredAt ? formatRu(o.enteredAt) : '',
    rows: coExecutorNotes(o).map((x) => ({ name: x.name, noted: x.noted ? formatRu(x.noted) : '' })),
  };
}

/** One stage of «Планы мероприятий» as the card shows it. */
export interface StageItem {
  measure: string;
  /** ДД.ММ.ГГГГ, '' when not given. */
  date: string;
  responsible: string;
  done: boolean;
  /** Not done and its date has passed. */
  overdue: boolean;
}

/** The card's stages of a plan of measures: each stage's date is an interim control date (001 гл.7 п.3.3). */
export function stageItems(
  stages: readonly { measure: string; deadline: IsoDate | null; responsible: string; done: boolean }[],
  today: IsoDate,
): StageItem[] {
  return stages.map((x) => ({
    measure: x.measure,
    date: x.deadline ? formatRu(x.deadline) : '',
    responsible: x.responsible,
    done: x.done,
    overdue: !x.done && !!x.deadline && x.deadline < today,
  }));
}

export function betweenDates(
  o: Pick<OrderRecord, 'periodicity' | 'validUntil' | 'deadline' | 'interimDate' | 'coDeadline' | 'lateReason'>,
  today: IsoDate,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): BetweenDates {
  const due = o.deadline ? dueDate(o.deadline, s, cal) : null;
  return {
    occurrence:
      o.periodicity && o.deadline
        ? `${o.periodicity}: отчёт за срок ${formatRu(due ?? o.deadline)}${o.validUntil ? ` (до ${formatRu(o.validUntil)})` : ''}`
        : '',
    interim: o.interimDate && o.interimDate >= today ? `Промежуточный срок: ${formatRu(o.interimDate)}` : '',
    coDeadline: o.coDeadline ? `Срок соисполнителям: ${formatRu(o.coDeadline)}` : '',
    askLateReason: due !== null && today > due,
    lateReason: o.lateReason,
  };
}
