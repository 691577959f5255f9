// «История»: one line per event, «ДД.ММ.ГГГГ: что произошло». onEdit and the daily check both
// write here; the daily check also reads back the day an extension was requested.
import { cellToIsoDate, formatRu, type IsoDate } from './dates';

export function historyLine(day: IsoDate, what: string): string {
  return `${formatRu(day)}: ${what}`;
}

export function appendHistory(history: string, lines: readonly string[]): string {
  if (lines.length === 0) return history;
  const h = history.replace(/\s+$/, '');
  return h ? `${h}\n${lines.join('\n')}` : lines.join('\n');
}

/** The phrase the daily check and onEdit use for a request; found again by requestDayFromHistory. */
export function requestLine(day: IsoDate, requested: IsoDate): string {
  return historyLine(day, `запрошен перенос срока на ${formatRu(requested)}`);
}

/**
 * The day the extension to `requested` was asked for, from the latest «запрош… перенос … <date>»
 * line of «История»; null when no line mentions it.
 */
export function requestDayFromHistory(history: string, requested: IsoDate): IsoDate | null {
  const want = formatRu(requested);
  const lines = history.split('\n').reverse();
  for (const l of lines) {
    const m = /^\s*(\d{2}\.\d{2}\.\d{4})/.exec(l);
    if (!m) continue;
    if (/запрош\S*\s+перенос/i.test(l) && l.includes(want)) return cellToIsoDate(m[1], 'UTC');
  }
  return null;
}

/** True when «История» records a return for rework. */
export function hasReturnLine(history: string): boolean {
  return /возвращено на доработку/i.test(history);
}
