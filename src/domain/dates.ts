// Calendar dates as ISO strings 'YYYY-MM-DD': comparable with < and ===, free of time zones.
// Every rule in src/domain works on these; only the workbook layer converts cell Dates to them,
// always in the spreadsheet's zone (a Sheets date cell is midnight in that zone).
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import isoWeek from 'dayjs/plugin/isoWeek';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.extend(isoWeek);

export { dayjs };

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): s is IsoDate {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Builds an IsoDate from parts (month 1–12); no validation beyond padding. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Arithmetic on UTC noon of the date: pure calendar maths, no zone or DST involved.
function toUtc(d: IsoDate): Date {
  return new Date(`${d}T12:00:00Z`);
}
function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

// The working-day calendar steps through years of days: a Date per step cost most of a daily check
// (and more in the sandbox, whose Date is Apps Script's shim). A real date 0000–9999 is counted as
// days since 1970-01-01 with Hinnant's civil-calendar formulas; anything else takes the Date path.
function dayNumber(d: IsoDate): number | null {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return null;
  const y = digits(d, 0, 4);
  const m = digits(d, 5, 7);
  const day = digits(d, 8, 10);
  if (y < 0 || m < 1 || m > 12 || day < 1 || day > monthLength(y, m)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
function monthLength(y: number, m: number): number {
  if (m !== 2) return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}
function isoOfDayNumber(n: number): IsoDate | null {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y < 0 || y > 9999 ? null : isoOf(y, m, day);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const dn = Number.isInteger(n) ? dayNumber(d) : null;
  const fast = dn === null ? null : isoOfDayNumber(dn + n);
  if (fast !== null) return fast;
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** Adds calendar months; the 31st into a shorter month gives that month's last day. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(ny, nm);
  return isoOf(ny, nm, Math.min(day, last));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const na = dayNumber(a);
  const nb = dayNumber(b);
  if (na !== null && nb !== null) return nb - na;
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  const n = dayNumber(d);
  // 1970-01-01 was a Thursday.
  const w = n === null ? toUtc(d).getUTCDay() : (((n + 4) % 7) + 7) % 7;
  return w === 0 ? 7 : w;
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Month names in the nominative, January first (labels such as «март 2026 г.»). */
export const MONTH_NAMES_RU: readonly string[] = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** ДД.ММ.ГГГГ, the form users see. */
export function formatRu(d: IsoDate): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

/** ММ.ГГ, as «Дата закрытия (мм.гг.)» of the quarterly lean report. */
export function formatMonthYearShort(d: IsoDate): string {
  return `${d.slice(5, 7)}.${d.slice(2, 4)}`;
}

// Zone conversion goes through Intl and is slow; a workbook holds few distinct dates (tens of
// thousands of cells share a few hundred days), so results are memoised per zone and instant.
const zoneCache = new Map<string, Map<number, IsoDate>>();
const ZONE_CACHE_LIMIT = 100_000;

/** The calendar date of an instant in a time zone. */
export function dateInZone(instant: Date, tz: string): IsoDate {
  const t = instant.getTime();
  let byZone = zoneCache.get(tz);
  if (!byZone) {
    byZone = new Map();
    zoneCache.set(tz, byZone);
  }
  const hit = byZone.get(t);
  if (hit !== undefined) return hit;
  const d = dayjs(instant).tz(tz).format('YYYY-MM-DD');
  if (byZone.size >= ZONE_CACHE_LIMIT) byZone.clear();
  byZone.set(t, d);
  return d;
}

/** Date and time of an instant in a zone, 'ДД.ММ.ГГГГ ЧЧ:ММ'. */
export function dateTimeRuInZone(instant: Date, tz: string): string {
  return dayjs(instant).tz(tz).format('DD.MM.YYYY HH:mm');
}

/** The hour (0–23) of an instant in a zone. */
export function hourInZone(instant: Date, tz: string): number {
  return dayjs(instant).tz(tz).hour();
}

const midnightCache = new Map<string, number>();

/** Midnight of a calendar date in a zone, as the Date a Sheets date cell holds. */
export function midnightInZone(d: IsoDate, tz: string): Date {
  const key = `${tz}|${d}`;
  let t = midnightCache.get(key);
  if (t === undefined) {
    t = dayjs.tz(d, tz).valueOf();
    if (midnightCache.size >= ZONE_CACHE_LIMIT) midnightCache.clear();
    midnightCache.set(key, t);
  }
  // A fresh Date each time: callers may hand it to Apps Script, which must not share one object.
  return new Date(t);
}

/**
 * A cell value as a calendar date: a Date (taken in the sheet's zone), a Sheets serial number,
 * or text in ДД.ММ.ГГГГ / ГГГГ-ММ-ДД and close variants. Returns null for anything else;
 * blank cells are the caller's business (check `=== ''` first).
 */
export function cellToIsoDate(v: unknown, tz: string): IsoDate | null {
  if (
    v instanceof Date ||
    (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]')
  ) {
    const t = (v as Date).getTime();
    if (Number.isNaN(t)) return null;
    return dateInZone(v as Date, tz);
  }
  if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 2_958_466) {
    // Sheets/Excel serial: day 0 = 1899-12-30.
    return addDays('1899-12-30', Math.floor(v));
  }
  if (typeof v === 'string') return textToIsoDate(v);
  return null;
}

/** Date typed as text: ДД.ММ.ГГГГ (and Д.М.ГГГГ, ДД.ММ.ГГ, ДД/ММ/ГГГГ), ГГГГ-ММ-ДД, an optional «г.». */
export function textToIsoDate(v: string): IsoDate | null {
  const s = v.trim().replace(/\s*г\.?$/u, '');
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoOf(y, Number(m[2]), Number(m[1]));
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}
