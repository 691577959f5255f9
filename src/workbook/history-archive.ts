// «Архив истории» (issue 19): lines rolled over out of «История» / «Ход исполнения» (domain/
// history-rollover.ts), one a row: the order's №, the line's day, its text. Append-only: the tab is
// made on first use with its header, then rows go below the last in one setValues; nothing is read
// but the header, so the cost does not grow with the tab.
import { cellToIsoDate, midnightInZone } from '../domain/dates';
import type { MovedLine } from '../domain/history-rollover';
import { HISTORY_ARCHIVE_COL, TAB } from './schema';
import { type Cell, safeText } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HISTORY_ARCHIVE_HEADERS: readonly string[] = Object.values(HISTORY_ARCHIVE_COL);

export interface ArchivedLines {
  number: string;
  lines: readonly MovedLine[];
}

/** Appends the moved lines of each order; returns how many rows were written. */
export function appendHistoryArchive(ss: Spreadsheet, tz: string, batches: readonly ArchivedLines[]): number {
  const rows: Cell[][] = [];
  for (const b of batches)
    for (const l of b.lines)
      rows.push([safeText(b.number), l.date ? midnightInZone(l.date, tz) : '', safeText(l.text)]);
  if (!rows.length) return 0;
  let sheet = ss.getSheetByName(TAB.historyArchive);
  if (!sheet) {
    sheet = ss.insertSheet(TAB.historyArchive);
    sheet.getRange(1, 1, 1, HISTORY_ARCHIVE_HEADERS.length).setValues([[...HISTORY_ARCHIVE_HEADERS]]);
  }
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  sheet.getRange(start, 1, rows.length, HISTORY_ARCHIVE_HEADERS.length).setValues(rows);
  return rows.length;
}

/**
 * The archived lines of the orders `numbers`, oldest first per order, with one read of the tab (a
 * report reads it only when an order it counts was rolled over). Empty when the tab is absent.
 */
export function readHistoryArchive(
  ss: Spreadsheet,
  tz: string,
  numbers: ReadonlySet<string>,
): Map<string, MovedLine[]> {
  const out = new Map<string, MovedLine[]>();
  const sheet = numbers.size ? ss.getSheetByName(TAB.historyArchive) : null;
  if (!sheet) return out;
  const values = sheet.getDataRange().getValues();
  const h = (values[0] ?? []).map((c) => String(c).trim());
  const [n, d, t] = HISTORY_ARCHIVE_HEADERS.map((x) => h.indexOf(x));
  if (n < 0 || t < 0) return out;
  for (let r = 1; r < values.length; r++) {
    const number = String(values[r][n]).trim();
    if (!numbers.has(number)) continue;
    let lines = out.get(number);
    if (!lines) {
      lines = [];
      out.set(number, lines);
    }
    lines.push({ date: d < 0 ? null : cellToIsoDate(values[r][d], tz), text: String(values[r][t]) });
  }
  return out;
}
