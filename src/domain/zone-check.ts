// The date self-check's instants and verdict (issue 13 item 4). Our zone arithmetic (dates.ts:
// dayjs's timezone plugin over Intl) is correct in Node but undocumented in Apps Script, where
// Utilities.formatDate (Java's zone data) is the documented way. Each run compares the two on a
// few instants before it computes a single date; the caller supplies Google's formatter.
import { addDays, dateInZone, dayjs, formatRu, midnightInZone } from './dates';

/** Utilities.formatDate's pattern (Java SimpleDateFormat) and the same fields in dayjs's tokens. */
export const ZONE_CHECK_PATTERN = 'yyyy-MM-dd HH:mm';
const DAYJS_PATTERN = 'YYYY-MM-DD HH:mm';

export interface ZoneProbe {
  /** What the instant is, in Russian (goes into «Журнал» on a mismatch). */
  label: string;
  instant: Date;
  /** The instant's wall time in the zone by our arithmetic, 'YYYY-MM-DD HH:mm'. */
  ours: string;
}

export interface ZoneMismatch {
  label: string;
  ours: string;
  google: string;
}

/**
 * The instants checked: now (today's date), midnight of the current month's first day and the
 * minute before it (a month boundary, built by midnightInZone, the way every date cell is
 * written), and two from 2013, when Moscow was UTC+4 all year (zone data without history shows +3).
 * Throws when Intl does not know the zone.
 */
export function zoneProbes(now: Date, tz: string): ZoneProbe[] {
  const today = dateInZone(now, tz);
  const first = `${today.slice(0, 8)}01`;
  const monthStart = midnightInZone(first, tz);
  const old = midnightInZone('2013-06-01', tz);
  const probes: [string, Date][] = [
    ['текущий момент', now],
    [`начало месяца ${formatRu(first)} 00:00`, monthStart],
    [`конец месяца ${formatRu(addDays(first, -1))} 23:59`, new Date(monthStart.getTime() - 60_000)],
    ['01.06.2013 00:00 (до 2014 г. Москва жила по UTC+4)', old],
    ['01.06.2013 12:00 UTC', new Date(Date.UTC(2013, 5, 1, 12, 0))],
  ];
  return probes.map(([label, instant]) => ({ label, instant, ours: dayjs(instant).tz(tz).format(DAYJS_PATTERN) }));
}

/** The probes where Google's reading differs from ours. */
export function zoneMismatches(probes: readonly ZoneProbe[], google: (instant: Date) => string): ZoneMismatch[] {
  const out: ZoneMismatch[] = [];
  for (const p of probes) {
    const g = String(google(p.instant));
    if (g !== p.ours) out.push({ label: p.label, ours: p.ours, google: g });
  }
  return out;
}

/** One Russian sentence naming the zone and the first disagreements. */
export function zoneMismatchText(tz: string, list: readonly ZoneMismatch[]): string {
  const shown = list
    .slice(0, 2)
    .map((m) => `${m.label}: у программы ${m.ours}, у Google ${m.google}`)
    .join('; ');
  const more = list.length > 2 ? `; и ещё ${list.length - 2}` : '';
  return `Расчёт дат в часовом поясе «${tz}» расходится с Google (Utilities.formatDate) — ${shown}${more}.`;
}
