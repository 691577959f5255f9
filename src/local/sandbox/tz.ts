// Time-zone arithmetic for the sandbox (Node only): zone offsets cached per hour, wall time ↔
// instant, and Java SimpleDateFormat patterns as Utilities.formatDate understands them.

const HOUR = 3_600_000;

interface ZoneCache {
  fmt: Intl.DateTimeFormat;
  offsets: Map<number, number>;
}
const zones = new Map<string, ZoneCache>();

function zone(tz: string): ZoneCache {
  let z = zones.get(tz);
  if (!z) {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    z = { fmt, offsets: new Map() };
    zones.set(tz, z);
  }
  return z;
}

/** True when `tz` is a zone Intl knows (IANA name or a fixed 'GMT+3' style). */
export function isValidZone(tz: string): boolean {
  try {
    zone(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at instant `ms`, in milliseconds (wall = ms + offset). */
export function offsetAt(tz: string, ms: number): number {
  const z = zone(tz);
  const bucket = Math.floor(ms / HOUR);
  const hit = z.offsets.get(bucket);
  if (hit !== undefined) return hit;
  const t = bucket * HOUR;
  const parts = z.fmt.formatToParts(new Date(t));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
    }
  }
  if (bc) y = 1 - y;
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, 0);
  const off = wall.getTime() - t;
  if (z.offsets.size > 200_000) z.offsets.clear();
  z.offsets.set(bucket, off);
  return off;
}

/** The instant at which the wall clock of `tz` shows the given fields (month 1-based). */
export function wallToInstant(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  const wall = t.getTime();
  let guess = wall - offsetAt(tz, wall);
  const o2 = offsetAt(tz, guess);
  guess = wall - o2;
  // In a spring-forward gap the wall time does not exist: keep the later reading, as Sheets does.
  return guess;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  offsetMs: number;
}

export function wallOf(ms: number, tz: string): WallTime {
  const off = offsetAt(tz, ms);
  const w = new Date(ms + off);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    ms: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
    offsetMs: off,
  };
}

const pad = (n: number, w: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
};

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss' for the wall time of `ms` in `tz` (seconds precision). */
export function isoOfInstant(ms: number, tz: string): string {
  const w = wallOf(ms, tz);
  const date = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return date;
  return `${date}T${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
}

const ISO_RE = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** Instant of a naive ISO date(-time) read as wall time in `tz`; NaN when malformed. */
export function instantOfIso(iso: string, tz: string): number {
  const m = ISO_RE.exec(iso);
  if (!m) return Number.NaN;
  return wallToInstant(
    tz,
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number((m[7] ?? '0').padEnd(3, '0')),
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offMs: number, colon: boolean, hoursOnly = false): string {
  const sign = offMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offMs) / 60_000);
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  if (hoursOnly) return `${sign}${hh}${total % 60 ? mm : ''}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/**
 * Java SimpleDateFormat, English names, as Utilities.formatDate does
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 * Letters: G y Y M L d D E u a H k K h m s S z Z X; text in single quotes; '' is a quote.
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallOf(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern[j];
        j++;
      }
      if (j >= pattern.length) throw new Error(`Illegal pattern: unterminated quote in "${pattern}"`);
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        if (n >= 4) out += MONTHS[w.month - 1];
        else if (n === 3) out += MONTHS[w.month - 1].slice(0, 3);
        else out += pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D': {
        const start = Date.UTC(w.year, 0, 1);
        const day = Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 86_400_000) + 1;
        out += pad(day, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, n);
        break;
      case 'z':
        out += `GMT${offsetText(w.offsetMs, true)}`;
        break;
      case 'Z':
        out += offsetText(w.offsetMs, false);
        break;
      case 'X':
        if (w.offsetMs === 0) out += 'Z';
        else out += n === 1 ? offsetText(w.offsetMs, false, true) : offsetText(w.offsetMs, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
