// How a value written by a script becomes a stored cell, as Sheets does for setValue(s) in a
// ru_RU spreadsheet, and how a stored cell is shown (getDisplayValues).
import type { CellValue } from '../model';
import { formatJavaDate, instantOfIso } from './tz';

/** The outcome of writing one value: a plain value, or a formula (stored without '='). */
export interface Written {
  v: CellValue;
  formula?: string;
  numberFormat?: string;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim && y >= 1 && y <= 9999;
}

function dateCell(y: number, m: number, d: number, h?: number, mi?: number, s?: number): CellValue | null {
  if (!validYmd(y, m, d)) return null;
  const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (h === undefined || (h === 0 && !mi && !s)) return { kind: 'date', iso: date };
  if (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return null;
  return { kind: 'date', iso: `${date}T${pad2(h)}:${pad2(mi ?? 0)}:${pad2(s ?? 0)}` };
}

const INT = /^[+-]?\d+$/;
const DEC = /^[+-]?\d*,\d+$/;
const GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/;
const SCI = /^[+-]?\d+(?:,\d+)?[eE][+-]?\d+$/;
const PCT = /^([+-]?\d+(?:,\d+)?)\s?%$/;
const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DM = /^(\d{1,2})\.(\d{1,2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function num(s: string): number {
  return Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
}

/**
 * A string as if typed into a ru_RU sheet: '=…' is a formula; a leading apostrophe keeps the rest
 * as text; '123', '1,5', '1 234,5', '1,5E3', '5%' are numbers; '01.02.2026', '1.2.26',
 * '2026-02-01', '01.02.2026 10:30' are dates; '1.2' is 1 February of `currentYear` (ru_RU reads
 * day.month); '10:30' is a time; TRUE/FALSE/ИСТИНА/ЛОЖЬ are booleans; a string starting with
 * '+' or '-' that is none of these is a formula that fails to parse (#ERROR!), as when typed.
 * Everything else stays text.
 */
export function parseTyped(raw: string, currentYear: number): Written {
  if (raw === '') return { v: null };
  const c0 = raw.charCodeAt(0);
  if (c0 === 61 /* = */) return { v: null, formula: raw.slice(1) };
  if (c0 === 39 /* ' */) return { v: raw.slice(1) };
  // Fast path: only strings that start (after spaces) with a digit, sign, comma or T/F/И/Л can change.
  const s = raw.trim();
  if (s === '') return { v: raw };
  const f = s[0];
  if (!((f >= '0' && f <= '9') || f === '+' || f === '-' || f === ',')) {
    if (s.length > 6 || !/[tTfFИиЛл]/.test(f)) return { v: raw };
    const up = s.toUpperCase();
    if (up === 'TRUE' || up === 'ИСТИНА') return { v: true };
    if (up === 'FALSE' || up === 'ЛОЖЬ') return { v: false };
    return { v: raw };
  }
  if (INT.test(s) || DEC.test(s) || GROUPED.test(s) || SCI.test(s)) return { v: num(s) };
  const pct = PCT.exec(s);
  if (pct) return { v: num(pct[1]) / 100, numberFormat: '0%' };
  let m = DMY.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 30 ? 2000 : 1900;
    const d = dateCell(
      y,
      Number(m[2]),
      Number(m[1]),
      m[4] === undefined ? undefined : Number(m[4]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    );
    if (d) return { v: d };
    return { v: raw };
  }
  m = DM.exec(s);
  if (m) {
    const d = dateCell(currentYear, Number(m[2]), Number(m[1]));
    return d ? { v: d } : { v: raw };
  }
  m = ISO.exec(s);
  if (m) {
    const d = dateCell(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      m[4] === undefined ? undefined : Number(m[4]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    );
    return d ? { v: d } : { v: raw };
  }
  m = TIME.exec(s);
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    const sec = Number(m[3] ?? 0);
    if (h <= 23 && mi <= 59 && sec <= 59)
      return { v: { kind: 'date', iso: `1899-12-30T${pad2(h)}:${pad2(mi)}:${pad2(sec)}` } };
    return { v: raw };
  }
  if ((f === '+' || f === '-') && s.length > 1) return { v: '#ERROR!', formula: s };
  return { v: raw };
}

/** Number as Sheets shows it in ru_RU with the default (automatic) format or a simple one. */
export function displayNumber(n: number, fmt?: string): string {
  if (!Number.isFinite(n)) return String(n);
  if (fmt) {
    const pct = /^0(?:[.,](0+))?%$/.exec(fmt);
    if (pct) return ruDecimal((n * 100).toFixed(pct[1]?.length ?? 0)) + '%';
    const fixed = /^(#,##)?0(?:[.,](0+))?$/.exec(fmt);
    if (fixed) {
      const t = n.toFixed(fixed[2]?.length ?? 0);
      return ruDecimal(fixed[1] ? group(t) : t);
    }
  }
  const t =
    Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)
      ? n.toExponential().toUpperCase()
      : String(+n.toPrecision(15));
  return ruDecimal(t);
}

function group(t: string): string {
  const [i, d] = t.split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return d === undefined ? g : `${g}.${d}`;
}

function ruDecimal(t: string): string {
  return t.replace('.', ',');
}

/** Sheets date pattern (dd, mm, yyyy, hh, ss; mm after h is minutes) as a Java pattern. */
function sheetsToJava(fmt: string): string {
  let out = '';
  const re = /(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|\\.|.)/gi;
  let lastWasHour = false;
  for (const m of fmt.matchAll(re)) {
    const t = m[0];
    const l = t.toLowerCase();
    if (l.startsWith('"')) out += `'${t.slice(1, -1).replace(/'/g, "''")}'`;
    else if (t.startsWith('\\')) out += `'${t.slice(1)}'`;
    else if (l === 'yyyy' || l === 'yy') out += l;
    else if (l === 'mmmm') out += 'MMMM';
    else if (l === 'mmm') out += 'MMM';
    else if (l === 'mm' || l === 'm') out += lastWasHour ? l : l.toUpperCase();
    else if (l === 'dddd') out += 'EEEE';
    else if (l === 'ddd') out += 'EEE';
    else if (l === 'dd' || l === 'd') out += l;
    else if (l === 'hh' || l === 'h') out += l.toUpperCase();
    else if (l === 'ss' || l === 's') out += l;
    else if (l === 'am/pm') out += 'a';
    else if (/[A-Za-z]/.test(t)) out += `'${t}'`;
    else out += t === "'" ? "''" : t;
    if (l === 'hh' || l === 'h') lastWasHour = true;
    else if (/[a-z]/i.test(l)) lastWasHour = false;
  }
  return out;
}

/** A date cell as shown: 'dd.MM.yyyy' (ru_RU default), with ' H:mm:ss' when it has a time. */
export function displayDate(iso: string, tz: string, fmt?: string): string {
  const ms = instantOfIso(iso, tz);
  if (Number.isNaN(ms)) return iso;
  if (fmt && /[dmyhs]/i.test(fmt) && !/^[0#,.%]+$/.test(fmt)) return formatJavaDate(ms, tz, sheetsToJava(fmt));
  if (iso.startsWith('1899-12-30T')) return formatJavaDate(ms, tz, 'H:mm:ss');
  return formatJavaDate(ms, tz, iso.length > 10 ? 'dd.MM.yyyy H:mm:ss' : 'dd.MM.yyyy');
}
