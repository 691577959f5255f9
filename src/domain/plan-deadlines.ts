// «Срок» of «План ЭР» is free text in the phrases of seed 002 (постановление 1134-П, «План
// мероприятий» 3.2–3.4; Приложение 3 «Порядок» п.4.1). This turns a phrase into concrete dates for
// a year, and says which reminder (5 working days before, or on the day) is due on a date.
import type { WorkCalendar } from './calendar';
import { daysInMonth, formatRu, type IsoDate, isoOf, MONTH_NAMES_RU } from './dates';

export type DeadlineRule =
  /** «по мере необходимости»: no deadline. */
  | { kind: 'none' }
  /** «не позднее 25 декабря», «ежегодно до 1 декабря», «ежегодно» (= до 31 декабря). */
  | { kind: 'yearly'; month: number; day: number }
  /** «ежеквартально, до 10 числа следующего месяца»: the day of the month after each quarter. */
  | { kind: 'quarterly'; day: number }
  /** «ежемесячно, до 5 числа следующего месяца». */
  | { kind: 'monthly'; day: number };

export type ParsedDeadline = { ok: true; rule: DeadlineRule } | { ok: false; message: string; fix: string };

const MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTH_RE = MONTHS_GEN.join('|');

/** Phrases the parser knows, for the «Как исправить» text. */
export const DEADLINE_EXAMPLES: readonly string[] = [
  'не позднее 25 декабря',
  'ежегодно до 1 декабря',
  'ежеквартально, до 10 числа следующего месяца',
  'ежемесячно, до 5 числа следующего месяца',
  'ежегодно',
  'по мере необходимости',
];

const FIX = `Напишите срок одной из фраз: ${DEADLINE_EXAMPLES.map((p) => `«${p}»`).join(', ')}.`;

// Spacing and punctuation are dropped before matching: the seed itself breaks «необходи-мости»
// across lines and writes «01 декабря» and «1 декабря» alike.
function squeeze(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0,.;:«»"()–—-]+/g, '');
}

const RE_NONE = /^(померенеобходимости|понеобходимости)$/;
const RE_YEAR_END = /^(ежегодно|втечениегода)$/;
const RE_YEARLY = new RegExp(`^(?:ежегодно)?(?:непозднее|до)(\\d{1,2})(?:го)?(${MONTH_RE})(?:текущегогода|г|года)?$`);
const RE_YEARLY_NUM = /^(?:ежегодно)?(?:непозднее|до)(\d{2})(\d{2})$/; // «до 25.12» after squeeze → «до2512»
const RE_QUARTERLY =
  /^ежеквартально(?:непозднее|до)(\d{1,2})(?:го)?числа(?:следующегомесяца|месяцаследующегозаотчетнымкварталом|следующегозаотчетнымкварталоммесяца)$/;
const RE_MONTHLY = /^ежемесячно(?:непозднее|до)(\d{1,2})(?:го)?числа(?:следующегомесяца|месяцаследующегозаотчетным)$/;

/** Understands the plan's deadline phrases, case- and spacing-tolerant. */
export function parseDeadlinePhrase(phrase: string): ParsedDeadline {
  const raw = String(phrase ?? '').trim();
  if (!raw) return { ok: false, message: 'Срок мероприятия не указан.', fix: FIX };
  const s = squeeze(raw);
  if (RE_NONE.test(s)) return { ok: true, rule: { kind: 'none' } };
  if (RE_YEAR_END.test(s)) return { ok: true, rule: { kind: 'yearly', month: 12, day: 31 } };
  let m = RE_YEARLY.exec(s);
  if (m) return yearly(Number(m[1]), MONTHS_GEN.indexOf(m[2]) + 1, raw);
  m = RE_YEARLY_NUM.exec(s);
  if (m) return yearly(Number(m[1]), Number(m[2]), raw);
  m = RE_QUARTERLY.exec(s) ?? RE_MONTHLY.exec(s);
  if (m) {
    const day = Number(m[1]);
    // Day 29–31 does not exist in every month; the plan's phrases use the 10th.
    if (day < 1 || day > 28)
      return {
        ok: false,
        message: `В сроке «${raw}» число ${day} есть не в каждом месяце.`,
        fix: `Укажите число от 1 до 28. ${FIX}`,
      };
    return { ok: true, rule: s.startsWith('ежекварт') ? { kind: 'quarterly', day } : { kind: 'monthly', day } };
  }
  return { ok: false, message: `Не удалось понять срок «${raw}».`, fix: FIX };
}

function yearly(day: number, month: number, raw: string): ParsedDeadline {
  // 29 февраля is refused: it would vanish in three years of four.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2025, month))
    return { ok: false, message: `В сроке «${raw}» нет такой даты.`, fix: FIX };
  return { ok: true, rule: { kind: 'yearly', month, day } };
}

export interface PlanDeadline {
  /** The date the phrase names. */
  date: IsoDate;
  /** The period reported on, e.g. «за I квартал 2026 г.»; '' for a yearly deadline. */
  period: string;
  /** For a quarterly deadline, the quarter reported on as 'YYYY-Qn'. */
  quarter?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/**
 * The deadlines of a year's plan. A periodic deadline belongs to the year of the period it reports
 * on: the 2026 column covers the reports for I–IV quarters of 2026, so its dates are 10.04.2026,
 * 10.07.2026, 10.10.2026 and 10.01.2027 (the IV quarter's report is due in January of the next
 * year); 10.01.2026 belongs to 2025. Sorted by date.
 */
export function deadlinesForYear(rule: DeadlineRule, year: number): PlanDeadline[] {
  switch (rule.kind) {
    case 'none':
      return [];
    case 'yearly':
      return [{ date: isoOf(year, rule.month, rule.day), period: '' }];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({
        date: q === 4 ? isoOf(year + 1, 1, rule.day) : isoOf(year, q * 3 + 1, rule.day),
        period: `за ${ROMAN[q - 1]} квартал ${year} г.`,
        quarter: `${year}-Q${q}`,
      }));
    case 'monthly':
      return MONTH_NAMES_RU.map((name, i) => ({
        date: i === 11 ? isoOf(year + 1, 1, rule.day) : isoOf(year, i + 2, rule.day),
        period: `за ${name} ${year} г.`,
      }));
  }
}

/** Deadlines whose date lies in [from, to], from the plans of every year that can hold one. */
export function deadlinesBetween(rule: DeadlineRule, from: IsoDate, to: IsoDate): PlanDeadline[] {
  const y0 = Number(from.slice(0, 4)) - 1;
  const y1 = Number(to.slice(0, 4));
  const out: PlanDeadline[] = [];
  for (let y = y0; y <= y1; y++)
    for (const d of deadlinesForYear(rule, y)) if (d.date >= from && d.date <= to) out.push(d);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Working days before a deadline when the first reminder goes (spec, daily check step 6). */
export const PLAN_REMIND_DAYS = 5;

export type ReminderKind = 5 | 0;

/**
 * Which reminder is due on `today` for a deadline. The daily check runs on working days only, so
 * «on the day» means the deadline itself or, when it falls on a day off, the working day before
 * it; «5 days before» is five working days before that. A run that was missed catches up: the
 * early reminder is due from its day until the on-the-day one, which is due until the deadline.
 */
export function reminderDue(deadline: IsoDate, today: IsoDate, cal: WorkCalendar): ReminderKind | null {
  const onDay = cal.workingOnOrBefore(deadline);
  const early = cal.addWorkingDays(onDay, -PLAN_REMIND_DAYS);
  if (today >= onDay && today <= deadline) return 0;
  if (today >= early && today < onDay) return 5;
  return null;
}

/** The idempotency key of one reminder: `plan:<№>:<date>:<5|0>`. */
export function reminderKey(number: string, deadline: IsoDate, kind: ReminderKind): string {
  return `plan:${number}:${deadline}:${kind}`;
}

/**
 * The date a deadline is really due: a day off moves it to the working day before when
 * «Срок в нерабочий день» is «предыдущий рабочий» (Rostov 8.2.4.2), else it stays.
 */
export function effectiveDeadline(date: IsoDate, cal: WorkCalendar, nonWorking: 'previous' | 'keep'): IsoDate {
  return nonWorking === 'previous' ? cal.workingOnOrBefore(date) : date;
}

/** «прошёл», «сегодня», «через N раб. дн.» for a deadline seen from today. */
export function deadlineState(due: IsoDate, today: IsoDate, cal: WorkCalendar): string {
  if (due < today) return 'прошёл';
  if (due === today) return 'сегодня';
  const n = cal.workingDaysBetween(today, due);
  // A deadline on a day off right after today has no working day in between.
  return n > 0 ? `через ${n} раб. дн.` : `в ближайший нерабочий день (${formatRu(due)})`;
}
