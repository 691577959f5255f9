// Generated tabs («Отчёт: …», «Контроль плана ЭР», «Рейтинг самооценки», «Проверка данных»):
// rewritten whole, title row, a row saying for what period and when, then one or more tables.
// All text goes through safeCell so nothing people typed can become a formula; the whole tab is
// written with one setValues per table and protected with a warning.
import { columnLetter } from './a1';
import { type Cell, safeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReportTable {
  /** Optional caption row above the header (e.g. «Просроченные поручения»). */
  caption?: string;
  headers: readonly string[];
  rows: Cell[][];
  /** 0-based column → number format (e.g. 'dd.MM.yyyy', '0.0'). */
  formats?: Readonly<Record<number, string>>;
  /** Rows (0-based within rows) to show bold, e.g. «Итого». */
  boldRows?: readonly number[];
  /**
   * Sheet columns the first column spans (merged across), so a table under another lines its
   * figures up with the same sheet columns: «По подразделениям» (unit in A:B) under the executors'
   * table (executor in A, unit in B). Default 1.
   */
  lead?: number;
}

export interface ReportLayout {
  title: string;
  subtitle: string;
  tables: readonly ReportTable[];
  /** Pixels per column (1-based). */
  widths?: Readonly<Record<number, number>>;
  /** Lines under the tables (notes, warnings). */
  notes?: readonly string[];
  /**
   * Written over the old contents, what is left of them cleared after: a run stopped half-way leaves
   * the old or the new table readable, never a blank tab («Проверка данных»: a run the same day reads
   * the previous list back, workbook/moved-problems.ts). Costs two calls more than clearing first.
   */
  inPlace?: boolean;
}

export interface WrittenTable {
  /** 1-based sheet row of the table's header. */
  headerRow: number;
  firstDataRow: number;
  rowCount: number;
  width: number;
}

const HEADER_BG = '#d9e2f3';

function lead(t: ReportTable): number {
  return Math.max(1, t.lead ?? 1);
}

/** Pads a row of the table's logical columns to its sheet columns (blank cells after the first). */
function spread(t: ReportTable): (r: Cell[]) => Cell[] {
  const n = lead(t) - 1;
  return (r) => (n > 0 ? [r[0], ...new Array<Cell>(n).fill(''), ...r.slice(1)] : r);
}

/** A1 ranges of the runs of adjacent `true` columns, rows `top`..`bottom` (1-based). */
function columnRuns(flags: readonly Cell[], top: number, bottom: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < flags.length; c++) {
    if (flags[c] !== true) continue;
    let end = c;
    while (end + 1 < flags.length && flags[end + 1] === true) end++;
    out.push(`${columnLetter(c + 1)}${top}:${columnLetter(end + 1)}${bottom}`);
    c = end;
  }
  return out;
}

/** Every filled cell of the column is a number (a figure), and there is one. */
function isFigureColumn(rows: readonly Cell[][], c: number): boolean {
  let any = false;
  for (const r of rows) {
    const v = r[c];
    if (v === null || v === undefined || v === '' || v === '—') continue;
    if (typeof v !== 'number') return false;
    any = true;
  }
  return any;
}

export function writeReportTab(
  ss: Spreadsheet,
  name: string,
  layout: ReportLayout,
): { sheet: Sheet; tables: WrittenTable[] } {
  let sheet = ss.getSheetByName(name);
  if (!sheet) sheet = ss.insertSheet(name);
  else {
    // clear() keeps merged cells: a units table merged A:B last time must not swallow this time's rows.
    if (layout.tables.some((t) => lead(t) > 1)) sheet.getDataRange().breakApart();
    if (!layout.inPlace) sheet.clear();
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) p.remove();
  }
  const grid: Cell[][] = [[layout.title], [layout.subtitle], []];
  const written: WrittenTable[] = [];
  // Rows from here on belong to the table that starts there: each table's rows are written with
  // its own width (one setValues per table), not padded to the widest (issue 15: a 5-column list
  // of thousands of overdue orders padded to 11 columns moved twice the cells it holds).
  const starts: number[] = [0];
  layout.tables.forEach((t, i) => {
    if (i > 0) starts.push(grid.length);
    if (t.caption) grid.push([t.caption]);
    const headerRow = grid.length + 1;
    const pad = spread(t);
    grid.push(pad([...t.headers]));
    for (const r of t.rows) grid.push(pad(r.map((v) => (v === null || v === undefined ? '' : safeCell(v)))));
    written.push({
      headerRow,
      firstDataRow: headerRow + 1,
      rowCount: t.rows.length,
      width: t.headers.length + lead(t) - 1,
    });
    grid.push([]);
  });
  for (const n of layout.notes ?? []) grid.push([n]);
  const width = Math.max(1, ...grid.map((r) => r.length));
  const rowsNeeded = grid.length;
  // Each getMax… is a round trip: read once, so a growing report costs one call more, not three.
  // In place: the old contents' extent, read before they are written over (two calls, no cells).
  const oldRows = layout.inPlace ? sheet.getLastRow() : 0;
  const oldCols = layout.inPlace ? sheet.getLastColumn() : 0;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rowsNeeded) sheet.insertRowsAfter(maxRows, rowsNeeded - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const leftOver: string[] = [];
  starts.forEach((from, k) => {
    const to = k + 1 < starts.length ? starts[k + 1] : grid.length;
    const rows = grid.slice(from, to);
    const w = Math.max(1, ...rows.map((r) => r.length));
    const block = rows.map((r) => (r.length < w ? [...r, ...new Array<Cell>(w - r.length).fill('')] : r));
    sheet.getRange(from + 1, 1, block.length, w).setValues(block);
    const top = from + 1;
    const bottom = Math.min(to, oldRows);
    if (w < oldCols && top <= bottom) leftOver.push(`${columnLetter(w + 1)}${top}:${columnLetter(oldCols)}${bottom}`);
  });
  if (layout.inPlace) {
    // What the old contents held beyond the new: the rows below and the cells right of each block.
    if (oldRows > rowsNeeded) leftOver.push(`A${rowsNeeded + 1}:${columnLetter(Math.max(1, oldCols))}${oldRows}`);
    if (leftOver.length) sheet.getRangeList(leftOver).clearContent();
    sheet.clearFormats();
  }
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  const centredRanges: string[] = [];
  layout.tables.forEach((t, i) => {
    const w = written[i];
    sheet.getRange(w.headerRow, 1, 1, w.width).setFontWeight('bold').setBackground(HEADER_BG).setWrap(true);
    if (t.caption) sheet.getRange(w.headerRow - 1, 1).setFontWeight('bold');
    const shift = (col: number) => (col > 0 ? col + lead(t) - 1 : col);
    if (w.rowCount > 0)
      for (const [col, fmt] of Object.entries(t.formats ?? {}))
        sheet.getRange(w.firstDataRow, shift(Number(col)) + 1, w.rowCount, 1).setNumberFormat(fmt);
    for (const b of t.boldRows ?? []) sheet.getRange(w.firstDataRow + b, 1, 1, w.width).setFontWeight('bold');
    if (lead(t) > 1) sheet.getRange(w.headerRow, 1, w.rowCount + 1, lead(t)).mergeAcross();
    const centred = spread(t)(t.headers.map((_, c) => isFigureColumn(t.rows, c)));
    centredRanges.push(...columnRuns(centred, w.headerRow, w.headerRow + w.rowCount));
  });
  // A column of figures is centred, its header too: a right-aligned 3 in a wide column under a
  // left-aligned «К1» reads as the next column's (issue 25 item 11). One RangeList for the tab: an
  // array of alignments would move as many cells as the tab holds (the bench's «Проверка данных»
  // and «Отчёт: исполнение» at 50 000 orders: 280 000 cells a run), a RangeList moves none.
  if (centredRanges.length > 0) sheet.getRangeList(centredRanges).setHorizontalAlignment('center');
  for (const [col, px] of Object.entries(layout.widths ?? {})) sheet.setColumnWidth(Number(col), px);
  sheet.setFrozenRows(0);
  sheet
    .protect()
    .setDescription(`«${name}» формируется автоматически: изменения будут перезаписаны`)
    .setWarningOnly(true);
  return { sheet, tables: written };
}
