// The Russian production calendar and working-day arithmetic.
// Labour Code art. 112 part 1 lists the non-working holidays; part 2 moves a holiday that falls on a
// weekend to the next working day (January holidays excepted, their days are moved by decree).
// The Government's yearly decree fixes the real transfers; «Календарь» carries it as rows, and any
// row overrides the rules: «Рабочий» makes a day working, «Нерабочий» makes it a day off.
import { addDays, daysBetween, type IsoDate, isIsoDate, isoOf, isoWeekday, yearOf } from './dates';

export type DayType = 'work' | 'off';
export interface CalendarEntry {
  date: IsoDate;
  type: DayType;
  basis?: string;
}

/** Art. 112 part 1 holidays as [month, day]. */
export const ART112_HOLIDAYS: readonly (readonly [number, number, string])[] = [
  [1, 1, 'Новогодние каникулы'],
  [1, 2, 'Новогодние каникулы'],
  [1, 3, 'Новогодние каникулы'],
  [1, 4, 'Новогодние каникулы'],
  [1, 5, 'Новогодние каникулы'],
  [1, 6, 'Новогодние каникулы'],
  [1, 7, 'Рождество Христово'],
  [1, 8, 'Новогодние каникулы'],
  [2, 23, 'День защитника Отечества'],
  [3, 8, 'Международный женский день'],
  [5, 1, 'Праздник Весны и Труда'],
  [5, 9, 'День Победы'],
  [6, 12, 'День России'],
  [11, 4, 'День народного единства'],
];

const D2025 = 'Постановление Правительства РФ № 1335 от 04.10.2024';
const D2026 = 'Постановление Правительства РФ № 1466 от 24.09.2025';

function holidaysOf(year: number, basis: string): CalendarEntry[] {
  return ART112_HOLIDAYS.map(([m, d, name]) => ({
    date: isoOf(year, m, d),
    type: 'off' as const,
    basis: `${name} (ст. 112 ТК РФ; ${basis})`,
  }));
}

/**
 * The decrees for 2025 and 2026 as the spec lists them: the art. 112 holidays plus each transfer.
 * These rows seed «Календарь»; people add the next year's decree when it is published.
 */
export const DECREE_ENTRIES: readonly CalendarEntry[] = [
  ...holidaysOf(2025, D2025),
  { date: '2025-05-02', type: 'off', basis: `Перенос с 04.01.2025 (${D2025})` },
  { date: '2025-12-31', type: 'off', basis: `Перенос с 05.01.2025 (${D2025})` },
  { date: '2025-05-08', type: 'off', basis: `Перенос с 23.02.2025 (${D2025})` },
  { date: '2025-06-13', type: 'off', basis: `Перенос с 08.03.2025 (${D2025})` },
  { date: '2025-11-01', type: 'work', basis: `Рабочая суббота, перенос на 03.11.2025 (${D2025})` },
  { date: '2025-11-03', type: 'off', basis: `Перенос с 01.11.2025 (${D2025})` },
  ...holidaysOf(2026, D2026),
  { date: '2026-01-09', type: 'off', basis: `Перенос с 03.01.2026 (${D2026})` },
  { date: '2026-12-31', type: 'off', basis: `Перенос с 04.01.2026 (${D2026})` },
  { date: '2026-03-09', type: 'off', basis: `08.03.2026 приходится на воскресенье (${D2026})` },
  { date: '2026-05-11', type: 'off', basis: `09.05.2026 приходится на субботу (${D2026})` },
];

export class WorkCalendar {
  private readonly overrides = new Map<IsoDate, DayType>();
  private readonly yearsWithRows = new Set<number>();
  private readonly offByYear = new Map<number, Set<IsoDate>>();
  /**
   * Working days from the first day of `origin` up to the first day of each year (exclusive),
   * computed lazily. Only differences are ever used, so the origin is the first year asked: a
   * fixed 1990 cost every new calendar 36 years of days before its first answer.
   */
  private readonly cumStart = new Map<number, number>();
  private origin: number | null = null;
  private readonly cumInYear = new Map<number, Uint16Array>();
  /** addWorkingDays results: every order asks the same few (date, n) questions. */
  private readonly addMemo = new Map<string, IsoDate>();

  constructor(entries: readonly CalendarEntry[] = DECREE_ENTRIES) {
    for (const e of entries) {
      this.overrides.set(e.date, e.type);
      this.yearsWithRows.add(yearOf(e.date));
    }
  }

  /** The rows of «Календарь» that fall in year y (real dates only: no other is ever asked about). */
  private overridesIn(y: number): [IsoDate, DayType][] {
    const out: [IsoDate, DayType][] = [];
    if (!this.yearsWithRows.has(y)) return out;
    for (const [d, t] of this.overrides) if (yearOf(d) === y && isIsoDate(d)) out.push([d, t]);
    return out;
  }

  /**
   * Working days in year y without a table of its days: Monday–Friday, less the rules' days off,
   * corrected by the rows. The years between two dates far apart (a typo «2206») cost this only.
   */
  private yearTotal(y: number): number {
    const table = this.cumInYear.get(y);
    if (table) return table[table.length - 1];
    const first = isoOf(y, 1, 1);
    const len = daysBetween(first, isoOf(y + 1, 1, 1));
    const w0 = isoWeekday(first);
    let n = 0;
    for (let i = 0; i < len; i++) if (((w0 - 1 + i) % 7) + 1 < 6) n++;
    const off = this.ruleOffDays(y);
    const rows = this.overridesIn(y);
    const byRow = new Set(rows.map(([d]) => d));
    for (const d of off) if (yearOf(d) === y && !byRow.has(d) && isoWeekday(d) < 6) n--;
    // A row decides its day: it replaces the Monday–Friday count (its rule day off was skipped above).
    for (const [d, t] of rows) n += (t === 'work' ? 1 : 0) - (isoWeekday(d) < 6 ? 1 : 0);
    return n;
  }

  /** Days off by the rules alone (weekends, art. 112 holidays and, for years without rows, part 2 transfers). */
  private ruleOffDays(year: number): Set<IsoDate> {
    let set = this.offByYear.get(year);
    if (set) return set;
    set = new Set<IsoDate>();
    for (const [m, d] of ART112_HOLIDAYS) set.add(isoOf(year, m, d));
    if (!this.yearsWithRows.has(year)) {
      // Art. 112 part 2: a holiday on a weekend gives the next working day off, except January's.
      for (const [m, d] of ART112_HOLIDAYS) {
        if (m === 1) continue;
        const h = isoOf(year, m, d);
        if (isoWeekday(h) < 6) continue;
        let next = addDays(h, 1);
        while (isoWeekday(next) >= 6 || set.has(next)) next = addDays(next, 1);
        set.add(next);
      }
    }
    this.offByYear.set(year, set);
    return set;
  }

  isWorkingDay(d: IsoDate): boolean {
    const o = this.overrides.get(d);
    if (o) return o === 'work';
    if (isoWeekday(d) >= 6) return false;
    return !this.ruleOffDays(yearOf(d)).has(d);
  }

  /** d itself when working, else the nearest working day before it. */
  workingOnOrBefore(d: IsoDate): IsoDate {
    let x = d;
    while (!this.isWorkingDay(x)) x = addDays(x, -1);
    return x;
  }

  /** d itself when working, else the nearest working day after it. */
  workingOnOrAfter(d: IsoDate): IsoDate {
    let x = d;
    while (!this.isWorkingDay(x)) x = addDays(x, 1);
    return x;
  }

  /**
   * The n-th working day after d (n > 0) or before d (n < 0); d itself for n = 0.
   * addWorkingDays(Friday, 1) = Monday.
   */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    const key = `${d}|${n}`;
    const hit = this.addMemo.get(key);
    if (hit !== undefined) return hit;
    let x = d;
    const step = n >= 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      x = addDays(x, step);
      if (this.isWorkingDay(x)) left--;
    }
    if (this.addMemo.size > 200_000) this.addMemo.clear();
    this.addMemo.set(key, x);
    return x;
  }

  /** Working days in (a, b]; negative when b is before a. workingDaysBetween(d, d) = 0. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.cum(b) - this.cum(a);
  }

  /** Working days in [year-01-01, d]. */
  private cum(d: IsoDate): number {
    const y = yearOf(d);
    const start = this.yearStartCum(y);
    return start + this.yearTable(y)[daysBetween(isoOf(y, 1, 1), d)];
  }

  private yearTable(y: number): Uint16Array {
    let t = this.cumInYear.get(y);
    if (t) return t;
    const first = isoOf(y, 1, 1);
    const len = daysBetween(first, isoOf(y + 1, 1, 1));
    t = new Uint16Array(len);
    let c = 0;
    let x = first;
    for (let i = 0; i < len; i++) {
      if (this.isWorkingDay(x)) c++;
      t[i] = c;
      x = addDays(x, 1);
    }
    this.cumInYear.set(y, t);
    return t;
  }

  private yearStartCum(y: number): number {
    const cached = this.cumStart.get(y);
    if (cached !== undefined) return cached;
    if (this.origin === null) {
      this.origin = y;
      this.cumStart.set(y, 0);
      return 0;
    }
    // From the nearest year already counted (the known years run unbroken through the origin).
    const step = y > this.origin ? -1 : 1;
    let k = y;
    while (!this.cumStart.has(k)) k += step;
    let v = this.cumStart.get(k) as number;
    while (k !== y) {
      if (step === -1) v += this.yearTotal(k++);
      else v -= this.yearTotal(--k);
      this.cumStart.set(k, v);
    }
    return v;
  }

  /** Number of working days in a year (2025: 247 by decree 1335). */
  workingDaysInYear(y: number): number {
    const t = this.yearTable(y);
    return t[t.length - 1];
  }
}
