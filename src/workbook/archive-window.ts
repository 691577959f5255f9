// The part of «Архив» a run needs, found without reading the tab whole (issue 15). The add-on
// appends rows to «Архив» in the order it archives them, so «Дата архивации» grows down the tab:
// the rows archived since a day are the tail. The tail's start is found by reading only the
// «Дата архивации» column, from the bottom up, in chunks that double (64, 128, 256 … rows), until a
// date before the day shows; then the tail is read whole with one call. Cells and calls depend on
// how many rows were archived since that day, not on how many years «Архив» holds.
import { addDays, addMonths, cellToIsoDate, type IsoDate } from '../domain/dates';
import { ARCHIVE_EXTRA_COL, ORDER_COL, TAB } from './schema';
import { type Cell, makeTable, normHeader, type Table, text } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FIRST_CHUNK = 64;
/** Up to this many rows «Архив» is read whole (a few calls cost more than its cells). */
const SMALL_ROWS = 2 * FIRST_CHUNK;

/**
 * How far before a period's first day archived rows are still read. A report counts an order by
 * its «Срок»; one done (and archived) well before its «Срок» can fall in a later period. Orders
 * done more than this before a period that holds their «Срок», and archived before it, are not
 * counted (stated in docs/PERFORMANCE.md).
 */
export const ARCHIVE_MARGIN_MONTHS = 3;

/** The first day whose archived rows a report of a period starting `from` reads. */
export function archiveSinceFor(from: IsoDate): IsoDate {
  return addMonths(from, -ARCHIVE_MARGIN_MONTHS);
}

/** The daily check's: the weekly and monthly summaries look back at most a month and a week. */
export function dailyArchiveSince(today: IsoDate): IsoDate {
  const monthStart = `${today.slice(0, 8)}01` as IsoDate;
  return archiveSinceFor(addDays(addMonths(monthStart, -1), -7));
}

/**
 * The first row of «Архив» archived on or after `since` (lastRow + 1 when none; 2 when the tab
 * has no «Дата архивации» column or every row is that recent): «Дата архивации» read bottom-up in
 * chunks that double (64, 128, 256 … rows) until a date before `since` shows. `header` is row 1.
 */
export function tailStart(sheet: Sheet, header: readonly Cell[], lastRow: number, since: IsoDate, tz: string): number {
  const dateCol = header.findIndex((h) => normHeader(h) === normHeader(ARCHIVE_EXTRA_COL.archivedAt));
  if (dateCol < 0) return 2;
  let hi = lastRow;
  let chunk = FIRST_CHUNK;
  while (hi >= 2) {
    const lo = Math.max(2, hi - chunk + 1);
    const dates = sheet.getRange(lo, dateCol + 1, hi - lo + 1, 1).getValues() as Cell[][];
    for (let k = dates.length - 1; k >= 0; k--) {
      const d = cellToIsoDate(dates[k][0], tz);
      if (d && d < since) return lo + k + 1;
    }
    hi = lo - 1;
    chunk *= 2;
  }
  return 2;
}

export interface ArchiveTail {
  table: Table;
  /** True when rows above the tail were not read. */
  partial: boolean;
}

/**
 * «Архив» from the first row archived on or after `since` to the last row (header included); the
 * whole tab when it has no «Дата архивации» column. Table.firstRow says where its rows start. Rows
 * without a readable date do not stop the search (people may have typed rows in).
 */
export function readArchiveTail(ss: Spreadsheet, since: IsoDate, tz: string): ArchiveTail | null {
  const sheet = ss.getSheetByName(TAB.archive);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastCol = Math.max(1, sheet.getLastColumn());
  if (lastRow < 2) {
    const header = lastRow < 1 ? [''] : (sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[]);
    return { table: makeTable(TAB.archive, sheet, [header]), partial: false };
  }
  if (lastRow <= SMALL_ROWS) {
    // A small «Архив» is read whole with one call: the search would cost more calls than cells.
    const all = sheet.getRange(1, 1, lastRow, lastCol).getValues() as Cell[][];
    return { table: makeTable(TAB.archive, sheet, all), partial: false };
  }
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[];
  const start = tailStart(sheet, header, lastRow, since, tz);
  const rows = start <= lastRow ? (sheet.getRange(start, 1, lastRow - start + 1, lastCol).getValues() as Cell[][]) : [];
  const table = makeTable(TAB.archive, sheet, [header, ...rows]);
  table.firstRow = start;
  return { table, partial: start > 2 };
}

/**
 * «№» of the rows of «Архив» above a partial tail (one getValues of that column): read only when a
 * number is to be given to an order whose protocol may have orders archived before the tail.
 */
export function olderArchiveNumbers(archive: Table): string[] {
  const first = archive.firstRow ?? 2;
  const c = archive.col(ORDER_COL.number);
  if (first <= 2 || c < 0) return [];
  const v = archive.sheet.getRange(2, c + 1, first - 2, 1).getValues() as Cell[][];
  return v.map((r) => (typeof r[0] === 'number' && Number.isInteger(r[0]) ? String(r[0]) : text(r[0]))).filter(Boolean);
}
