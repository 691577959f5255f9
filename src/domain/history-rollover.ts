// No cell the page or the daily check appends to grows past 40 000 characters (issue 19 item 5;
// Google Sheets refuses a cell of more than 50 000). When «История» or «Ход исполнения» of an order
// nears the bound, its oldest lines move to the tab «Архив истории» (№, date, text) and a first
// line says where they went; the newest stay, so the order's recent story reads as before.
// The events of «История» (order-events.ts: terms, «Статус», executions, returns, the unit) are the
// last to go: the notices around them move first, so the daily check, onEdit and the page, which read
// the cell alone, still see every event; a report of a finished period reads the cell together with
// its lines in «Архив истории» (withArchivedLines), in case events had to move too.
import { formatRu, type IsoDate } from './dates';
import { isEventLine } from './order-events';

/** No appended cell passes this many characters. */
export const MAX_APPENDED_CELL = 40_000;
/** Rolled over once past this: room for a day's lines, and under the 32 767 characters an .xlsx cell holds (local sandbox)… */
export const ROLL_OVER_AT = 32_000;
/** …down to about this many characters. */
export const ROLL_OVER_TO = 24_000;

export const ROLLED_OVER_LINE = '… ранние записи перенесены на лист «Архив истории»';

export interface MovedLine {
  /** The line's own day (its «ДД.ММ.ГГГГ: » prefix), null when it has none. */
  date: IsoDate | null;
  /** The line without that prefix. */
  text: string;
}

/** A line's day from its «ДД.ММ.ГГГГ: » prefix and the rest. */
export function splitDatedLine(line: string): MovedLine {
  const m = /^(\d{2})\.(\d{2})\.(\d{4}):\s?(.*)$/s.exec(line);
  return m ? { date: `${m[3]}-${m[2]}-${m[1]}` as IsoDate, text: m[4] } : { date: null, text: line };
}

/**
 * The cell's text after rolling over (unchanged when it is not past ROLL_OVER_AT) and the lines
 * moved out, oldest first: the oldest lines that are not events first, then, while the cell is still
 * over ROLL_OVER_TO, the oldest events. A single line longer than the whole bound is cut, not kept whole.
 */
export function rollOver(text: string): { text: string; moved: MovedLine[] } {
  if (text.length <= ROLL_OVER_AT) return { text, moved: [] };
  const lines = text.split('\n');
  if (lines[0] === ROLLED_OVER_LINE) lines.shift();
  let length = lines.reduce((n, l) => n + l.length + 1, 0);
  const gone = new Set<number>();
  const take = (keepEvents: boolean) => {
    // The newest line always stays.
    for (let i = 0; i < lines.length - 1 && length > ROLL_OVER_TO; i++) {
      if (gone.has(i) || (keepEvents && isEventLine(lines[i]))) continue;
      gone.add(i);
      length -= lines[i].length + 1;
    }
  };
  take(true);
  take(false);
  const moved = lines.filter((_, i) => gone.has(i));
  let kept = lines.filter((_, i) => !gone.has(i)).join('\n');
  if (kept.length > ROLL_OVER_TO) {
    moved.push(kept.slice(0, kept.length - ROLL_OVER_TO));
    kept = kept.slice(kept.length - ROLL_OVER_TO);
  }
  return {
    text: `${ROLLED_OVER_LINE}\n${kept}`,
    moved: moved.filter((l) => l.trim() !== '').map(splitDatedLine),
  };
}

/** True when the cell was rolled over (its older lines are in «Архив истории»). */
export function isRolledOver(text: string): boolean {
  return text.startsWith(ROLLED_OVER_LINE);
}

/**
 * The whole story of a rolled-over cell: its lines in «Архив истории» (oldest first, as the tab holds
 * them), then the cell without its first line. Events keep their order (the roll-over moves the
 * oldest events first); archived notices come before the cell's. A run stopped between writing the
 * archive and the cell rolls the same lines over again (jobs/rollover.ts): an archived block that
 * goes back in time and repeats, line for line, lines already taken is that repeat and is skipped.
 */
export function withArchivedLines(cell: string, archived: readonly MovedLine[]): string {
  const rest = isRolledOver(cell) ? cell.slice(cell.indexOf('\n') + 1) : cell;
  const taken: string[] = [];
  let latest = '';
  let match = -1; // while repeating: the index in `taken` the next line must equal
  for (const m of archived) {
    const line = m.date ? `${formatRu(m.date)}: ${m.text}` : m.text;
    const day = m.date ?? latest;
    if (match >= 0 && match < taken.length && taken[match] === line) {
      match++;
      continue;
    }
    match = -1;
    if (day < latest) {
      const k = taken.indexOf(line);
      if (k >= 0) {
        match = k + 1;
        continue;
      }
    }
    taken.push(line);
    if (day > latest) latest = day;
  }
  return [...taken, ...rest.split('\n')].filter((l) => l !== '').join('\n');
}
