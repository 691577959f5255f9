// No cell the page or the daily check appends to grows past 40 000 characters (issue 19 item 5;
// Google Sheets refuses a cell of more than 50 000). When «История» or «Ход исполнения» of an order
// nears the bound, its oldest lines move to the tab «Архив истории» (№, date, text) and a first
// line says where they went; the newest stay, so the order's recent story reads as before.
import type { IsoDate } from './dates';

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
 * moved out, oldest first. A single line longer than the whole bound is cut, not kept whole.
 */
export function rollOver(text: string): { text: string; moved: MovedLine[] } {
  if (text.length <= ROLL_OVER_AT) return { text, moved: [] };
  const lines = text.split('\n');
  if (lines[0] === ROLLED_OVER_LINE) lines.shift();
  const moved: string[] = [];
  let length = lines.reduce((n, l) => n + l.length + 1, 0);
  while (lines.length > 1 && length > ROLL_OVER_TO) {
    const l = lines.shift() as string;
    moved.push(l);
    length -= l.length + 1;
  }
  let kept = lines.join('\n');
  if (kept.length > ROLL_OVER_TO) {
    moved.push(kept.slice(0, kept.length - ROLL_OVER_TO));
    kept = kept.slice(kept.length - ROLL_OVER_TO);
  }
  return {
    text: `${ROLLED_OVER_LINE}\n${kept}`,
    moved: moved.filter((l) => l.trim() !== '').map(splitDatedLine),
  };
}
