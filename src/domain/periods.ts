// Report periods as people type them: '2026-W10' (ISO week), '2026-03', '2026-Q1', '2026-H1'
// (Rostov 001 гл.7 п.2.5.1 assesses discipline by half-year), '2026' and '2026-03-01..2026-03-15'.
// Weekly, monthly and yearly summaries come from Kyshtym 000 п.15.
import {
  addDays,
  daysInMonth,
  formatRu,
  type IsoDate,
  isIsoDate,
  isoOf,
  isoWeekday,
  MONTH_NAMES_RU,
  yearOf,
} from './dates';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  /** Canonical code, e.g. '2026-W10', '2026-03', '2026-Q1', '2026-H2', '2026', '2026-03-01..2026-03-15'. */
  code: string;
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  /** Russian label, e.g. «1-й квартал 2026 г.». */
  label: string;
}

export type PeriodParse = { ok: true; period: Period } | { ok: false; error: string };

export const PERIOD_FORMATS_HINT =
  'Укажите период одним из способов: 2026-W10 (ISO-неделя), 2026-03 (месяц), 2026-Q1 (квартал), 2026-H1 (полугодие), 2026 (год) или 2026-03-01..2026-03-15 (даты с … по …).';

const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

/** Monday of ISO week 1: the week that holds 4 January (ISO 8601). */
export function isoWeekOneMonday(year: number): IsoDate {
  const jan4 = isoOf(year, 1, 4);
  return addDays(jan4, 1 - isoWeekday(jan4));
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(isoOf(year, 12, 28)).week;
}

/** ISO week-year and week number of a date (29.12.2025 → 2026, 1). */
export function isoWeekOf(d: IsoDate): { year: number; week: number } {
  // The Thursday of d's week decides the week-year.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const year = yearOf(thursday);
  const week = Math.floor(dayIndex(isoWeekOneMonday(year), thursday) / 7) + 1;
  return { year, week };
}

function dayIndex(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function weekCode(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function fail(input: string, why: string): PeriodParse {
  return { ok: false, error: `Период «${input}» не распознан: ${why}. ${PERIOD_FORMATS_HINT}` };
}

function yearOk(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A date on either side of a range: ISO 'YYYY-MM-DD' or ДД.ММ.ГГГГ. */
function rangeDate(s: string): IsoDate | null {
  const t = s.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) {
    const iso = isoOf(+m[3], +m[2], +m[1]);
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

/** Parses a period; never throws: a bad input gives a Russian error with the accepted forms. */
export function parsePeriod(input: string): PeriodParse {
  const raw = String(input ?? '');
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (!s) return fail(raw, 'пустое значение');

  let m = /^(\d{4})-?W(\d{1,2})$/.exec(s);
  if (m) {
    const year = +m[1];
    const week = +m[2];
    if (!yearOk(year)) return fail(raw, `год ${year} вне допустимого диапазона`);
    const weeks = isoWeeksInYear(year);
    if (week < 1 || week > weeks) return fail(raw, `в ${year} году недели с 1 по ${weeks}`);
    const from = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    const to = addDays(from, 6);
    const sameYear = yearOf(from) === year && yearOf(to) === year;
    return {
      ok: true,
      period: {
        kind: 'week',
        code: weekCode(year, week),
        from,
        to,
        // The year is named only when the week crosses into another calendar year.
        label: `неделя ${week}${sameYear ? '' : ` ${year} г.`} (${formatRu(from)}–${formatRu(to)})`,
      },
    };
  }

  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const year = +m[1];
    const month = +m[2];
    if (!yearOk(year)) return fail(raw, `год ${year} вне допустимого диапазона`);
    if (month < 1 || month > 12) return fail(raw, 'месяц должен быть от 01 до 12');
    return {
      ok: true,
      period: {
        kind: 'month',
        code: `${year}-${String(month).padStart(2, '0')}`,
        from: isoOf(year, month, 1),
        to: isoOf(year, month, daysInMonth(year, month)),
        label: `${MONTH_NAMES_RU[month - 1]} ${year} г.`,
      },
    };
  }

  m = /^(\d{4})-?[QК](\d)$/.exec(s);
  if (m) {
    const year = +m[1];
    const q = +m[2];
    if (!yearOk(year)) return fail(raw, `год ${year} вне допустимого диапазона`);
    if (q < 1 || q > 4) return fail(raw, 'квартал должен быть от 1 до 4');
    const lastMonth = q * 3;
    return {
      ok: true,
      period: {
        kind: 'quarter',
        code: `${year}-Q${q}`,
        from: isoOf(year, lastMonth - 2, 1),
        to: isoOf(year, lastMonth, daysInMonth(year, lastMonth)),
        label: `${q}-й квартал ${year} г.`,
      },
    };
  }

  m = /^(\d{4})-?[HП](\d)$/.exec(s);
  if (m) {
    const year = +m[1];
    const h = +m[2];
    if (!yearOk(year)) return fail(raw, `год ${year} вне допустимого диапазона`);
    if (h < 1 || h > 2) return fail(raw, 'полугодие должно быть 1 или 2');
    return {
      ok: true,
      period: {
        kind: 'half',
        code: `${year}-H${h}`,
        from: h === 1 ? isoOf(year, 1, 1) : isoOf(year, 7, 1),
        to: h === 1 ? isoOf(year, 6, 30) : isoOf(year, 12, 31),
        label: `${h}-е полугодие ${year} г.`,
      },
    };
  }

  m = /^(\d{4})$/.exec(s);
  if (m) {
    const year = +m[1];
    if (!yearOk(year)) return fail(raw, `год ${year} вне допустимого диапазона`);
    return {
      ok: true,
      period: {
        kind: 'year',
        code: String(year),
        from: isoOf(year, 1, 1),
        to: isoOf(year, 12, 31),
        label: `${year} г.`,
      },
    };
  }

  const parts = s.split(/\.\.|—|–/);
  if (parts.length === 2) {
    const from = rangeDate(parts[0]);
    const to = rangeDate(parts[1]);
    if (!from || !to) return fail(raw, 'даты пишутся как 2026-03-01 или 01.03.2026');
    if (!yearOk(yearOf(from)) || !yearOk(yearOf(to))) return fail(raw, 'год вне допустимого диапазона');
    if (from > to) return fail(raw, `начало ${formatRu(from)} позже конца ${formatRu(to)}`);
    return {
      ok: true,
      period: { kind: 'range', code: `${from}..${to}`, from, to, label: `${formatRu(from)}–${formatRu(to)}` },
    };
  }

  return fail(raw, 'неизвестный формат');
}

/** The ISO week before the one holding `today`, e.g. '2026-W10' on 09–15.03.2026. */
export function previousWeekCode(today: IsoDate): string {
  const w = isoWeekOf(addDays(today, -7));
  return weekCode(w.year, w.week);
}

/** The calendar month before the one holding `today`, e.g. '2026-02'. */
export function previousMonthCode(today: IsoDate): string {
  const y = yearOf(today);
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The quarter holding `today`, e.g. '2026-Q1'. */
export function quarterCode(today: IsoDate): string {
  return `${yearOf(today)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The year holding `today`, e.g. '2026'. */
export function yearCode(today: IsoDate): string {
  return String(yearOf(today));
}
