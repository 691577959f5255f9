// Interim control dates (spec Round 3 «Промежуточный срок» and each stage of «Планы мероприятий»):
// 001 гл.7 п.3.3 — the main executor sets «сроки промежуточного контроля»; 001 гл.6 п.2.2.17 —
// information on progress is placed by set days. A reminder before each interim date; when one
// passes without a progress note since the previous one, a line for the controller. Not in the
// coefficient.
import type { WorkCalendar } from './calendar';
import { type IsoDate, textToIsoDate } from './dates';
import { inReminderWindow } from './deadlines';
import type { MeasureStage } from './measure-plans';
import type { Settings } from './settings';

export interface InterimDate {
  date: IsoDate;
  /** What it is: «промежуточный срок» or the stage's «Мероприятие». */
  what: string;
}

export interface InterimOrder {
  number: string;
  status: string;
  deadline: IsoDate | null;
  interimDate: IsoDate | null;
  progress: string;
  enteredAt: IsoDate | null;
  invalid: readonly string[];
}

export const interimKey = {
  remind: (n: string, d: IsoDate) => `interim:${n}:${d}`,
  missed: (n: string, d: IsoDate) => `interim-missed:${n}:${d}`,
};

/** The order's interim dates, soonest first: «Промежуточный срок» and its plan's stages not marked done. */
export function interimDates(o: InterimOrder, stages: readonly MeasureStage[] = []): InterimDate[] {
  const out: InterimDate[] = [];
  if (o.interimDate && !o.invalid.includes('Промежуточный срок'))
    out.push({ date: o.interimDate, what: 'промежуточный срок' });
  for (const s of stages) if (s.deadline && !s.done) out.push({ date: s.deadline, what: s.measure || 'этап плана' });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Days of the progress notes («ДД.ММ.ГГГГ: текст» lines of «Ход исполнения»). */
export function noteDays(progress: string): IsoDate[] {
  const out: IsoDate[] = [];
  for (const l of progress.split('\n')) {
    const m = /^\s*(\d{2}\.\d{2}\.\d{4})\s*:/.exec(l);
    const d = m ? textToIsoDate(m[1]) : null;
    if (d) out.push(d);
  }
  return out;
}

export interface InterimEvent {
  kind: 'remind' | 'missed';
  key: string;
  at: InterimDate;
  /** For 'missed': the day after which a note was expected. */
  since?: IsoDate | null;
}

/**
 * What is due today for an open order's interim dates: a reminder to the executor inside the
 * reminder window before each date; a line to the controller for each date that has passed with no
 * progress note dated after the previous interim date (or «Внесено») and on or before it.
 */
export function interimEvents(
  o: InterimOrder,
  stages: readonly MeasureStage[],
  today: IsoDate,
  s: Pick<Settings, 'remindDays'>,
  cal: WorkCalendar,
  sent: (key: string) => boolean,
): InterimEvent[] {
  if (o.status === 'Готово' || !o.number) return [];
  const notes = noteDays(o.progress);
  const out: InterimEvent[] = [];
  let previous: IsoDate | null = o.enteredAt;
  for (const at of interimDates(o, stages)) {
    if (o.deadline && at.date >= o.deadline) continue;
    const day = cal.workingOnOrBefore(at.date);
    if (inReminderWindow(today, day, s.remindDays, cal)) {
      const key = interimKey.remind(o.number, at.date);
      if (!sent(key)) out.push({ kind: 'remind', key, at });
    } else if (today > at.date) {
      const since = previous;
      const noted = notes.some((n) => (!since || n > since) && n <= at.date);
      const key = interimKey.missed(o.number, at.date);
      if (!noted && !sent(key)) out.push({ kind: 'missed', key, at, since });
    }
    previous = at.date;
  }
  return out;
}
