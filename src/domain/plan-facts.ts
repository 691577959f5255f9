// Targets and facts of «План ЭР» (seed 002, постановление 1134-П, «План мероприятий»: «не менее 1»,
// «не менее 3», «по мере необходимости»). Two facts are counted from other tabs; the rest are typed.
import { type IsoDate, yearOf } from './dates';
import { foldText } from './text';

export type Target = { kind: 'min'; n: number } | { kind: 'none' };
export type ParsedTarget = { ok: true; target: Target } | { ok: false; message: string; fix: string };

const squeeze = foldText;

function num(s: string): number | null {
  const t = s.replace(/\s+/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * A yearly target: a number or «не менее N» is a minimum; «по мере необходимости», a deadline
 * phrase (the seed writes 3.2–3.4's deadlines in the target columns) or blank means no number.
 */
export function parseTarget(v: unknown): ParsedTarget {
  if (v === '' || v === null || v === undefined) return { ok: true, target: { kind: 'none' } };
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return { ok: true, target: { kind: 'min', n: v } };
  const s = squeeze(String(v));
  if (s === '-' || s === '—' || s === '–') return { ok: true, target: { kind: 'none' } };
  const m = /^(?:не менее|не меньше|от|≥|>=)?\s*(\d+(?:[.,]\d+)?)\s*(?:ед\.?|единиц[аы]?)?$/.exec(s);
  if (m) return { ok: true, target: { kind: 'min', n: num(m[1]) as number } };
  if (/^по мере\s*необходи\s*мости$/.test(s) || /^(не позднее|до|ежегодно|ежеквартально|ежемесячно)/.test(s))
    return { ok: true, target: { kind: 'none' } };
  return {
    ok: false,
    message: `Не удалось понять цель «${String(v).trim()}».`,
    fix: 'Напишите число или «не менее N»; если числа нет — «по мере необходимости».',
  };
}

/** A typed fact: a non-negative number (text «3» or «2,5» too); null when blank or not a number. */
export function parseFact(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  return num(v.trim());
}

export const OUTCOME = { met: 'выполнено', notMet: 'не выполнено', noTarget: 'нет цели' } as const;
export type Outcome = (typeof OUTCOME)[keyof typeof OUTCOME];

/** Met when the fact reaches the minimum; a blank fact is not met. */
export function planOutcome(target: Target, fact: number | null): Outcome {
  if (target.kind === 'none') return OUTCOME.noTarget;
  return fact !== null && fact >= target.n ? OUTCOME.met : OUTCOME.notMet;
}

/** «1.1», «1.1.», « 1.1 » → «1.1»; a number cell 1.1 too. */
export function normMeasureNumber(v: unknown): string {
  return String(v ?? '')
    .trim()
    .replace(/\s+/g, '')
    .replace(/,/g, '.')
    .replace(/\.$/, '');
}

/** Measures whose fact the add-on counts, and from where. */
export const COUNTED_FACTS: Readonly<Record<string, 'projects' | 'trainings'>> = {
  '1.1': 'projects',
  '2.1': 'trainings',
};

/** Lean projects opened in the year (by their opening year). */
export function countProjectsOpened(openingYears: readonly (number | null)[], year: number): number {
  return openingYears.filter((y) => y === year).length;
}

/**
 * Measure 1.1 «Реализация бережливых проектов … единиц» (002 План 1.1): projects implemented in the
 * year — closed («Этап 9 Закрытие проекта», Приложение 1 «Сроки» п.9) in it, on or before `today`
 * (a closing date still ahead is a plan, not a fact). Opening a project is not implementing it.
 */
export function countProjectsImplemented(
  closingDates: readonly (IsoDate | null)[],
  year: number,
  today: IsoDate,
): number {
  return closingDates.filter((d) => d !== null && yearOf(d) === year && d <= today).length;
}

export interface TrainingRecord {
  program: string;
  date: IsoDate;
}

/**
 * Measure 2.1 counts trainings held («единиц»), not people: «Обучение» has a row per person
 * trained, so one programme on one date is one training however many attended.
 */
export function countTrainingsHeld(records: readonly TrainingRecord[], year: number): number {
  const seen = new Set<string>();
  for (const r of records)
    if (yearOf(r.date) === year) seen.add(`${r.program.trim().toLowerCase().replace(/\s+/g, ' ')}|${r.date}`);
  return seen.size;
}
