import { cellText, foldText } from '../domain/text';

// Thin, batched access to one tab: one getValues per read, columns found by header text, writes
// grouped into contiguous blocks. Everything above this layer works on plain arrays.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Cell = string | number | boolean | Date;

/** Header text as we compare it: trimmed, case-insensitive, ё = е, inner spaces collapsed. */
export function normHeader(h: unknown): string {
  return foldText(String(h ?? ''));
}

export interface Table {
  name: string;
  sheet: Sheet;
  /** Row 1 as read. */
  header: Cell[];
  /** Data rows (row 2 onwards) as read; rows[i] is sheet row i + 2. */
  rows: Cell[][];
  /** Width of the read block. */
  width: number;
  /** Sheet row of rows[0] when only a tail was read (see archive-window.ts); 2 when absent. */
  firstRow?: number;
  /** 0-based index of a header, or -1. */
  col(header: string): number;
}

export function makeTable(name: string, sheet: Sheet, values: Cell[][]): Table {
  const header = values[0] ?? [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normHeader(h);
    if (k && !index.has(k)) index.set(k, i);
  });
  const rows = values.slice(1);
  // Callers look columns up inside row loops; normalising the same header text 50 000 times showed
  // in the benchmark, so each distinct text is normalised once.
  const looked = new Map<string, number>();
  return {
    name,
    sheet,
    header,
    rows,
    width: header.length,
    col: (h: string) => {
      let c = looked.get(h);
      if (c === undefined) {
        c = index.get(normHeader(h)) ?? -1;
        looked.set(h, c);
      }
      return c;
    },
  };
}

/** Reads a whole tab with one call; null when the tab does not exist. */
export function readTable(ss: Spreadsheet, name: string): Table | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues() as Cell[][];
  // An empty sheet's data range is A1 with ''.
  return makeTable(name, sheet, values);
}

/** True when a data row has nothing in it (people leave blank rows between entries). */
export function isBlankRow(row: Cell[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** Cell as trimmed text ('' for blank). Dates become ISO text; callers parse dates separately. */
export function text(v: Cell | undefined): string {
  return cellText(v);
}

/**
 * Splits sorted 0-based column indexes into runs of adjacent columns, so each run is written
 * with one setValues.
 */
export function contiguousRuns(cols: number[]): number[][] {
  const sorted = [...new Set(cols)].filter((c) => c >= 0).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * Writes whole columns of data rows (sheet rows 2 … rows.length + 1) for the given headers,
 * one setValues per run of adjacent columns. `get(row, header)` supplies each value.
 * Only the named columns are touched: people's cells in between are never rewritten.
 */
export function writeColumns(
  table: Table,
  headers: string[],
  rowCount: number,
  get: (rowIndex: number, header: string) => Cell,
): number {
  if (rowCount === 0) return 0;
  const byCol = new Map<number, string>();
  for (const h of headers) {
    const c = table.col(h);
    if (c >= 0) byCol.set(c, h);
  }
  let calls = 0;
  for (const run of contiguousRuns([...byCol.keys()])) {
    const block: Cell[][] = [];
    for (let r = 0; r < rowCount; r++) block.push(run.map((c) => get(r, byCol.get(c) as string)));
    table.sheet.getRange(2, run[0] + 1, rowCount, run.length).setValues(block);
    calls++;
  }
  return calls;
}

/**
 * Writes the cells of `want` (header → 0-based row → value) that differ from what was read (system
 * columns: every cell of a row span is the add-on's): per run of adjacent columns,
 * one setValues over the rows from the first to the last change. Returns cells written.
 */
export function writeChangedCells(t: Table, want: Map<string, Map<number, Cell>>): number {
  const byCol = new Map<number, Map<number, Cell>>();
  for (const [h, m] of want) {
    const c = t.col(h);
    if (c >= 0) byCol.set(c, m);
  }
  let cells = 0;
  for (const run of contiguousRuns([...byCol.keys()])) {
    let first = Number.POSITIVE_INFINITY;
    let last = -1;
    for (const c of run)
      for (const [i, v] of byCol.get(c) ?? []) {
        if (String(t.rows[i]?.[c] ?? '') === String(v)) continue;
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    if (last < 0) continue;
    const block: Cell[][] = [];
    for (let i = first; i <= last; i++)
      block.push(
        run.map((c) => {
          const v = byCol.get(c)?.get(i);
          const out = v === undefined ? (t.rows[i]?.[c] ?? '') : v;
          if (t.rows[i]) t.rows[i][c] = out;
          return out;
        }),
      );
    t.sheet.getRange(first + 2, run[0] + 1, block.length, run.length).setValues(block);
    cells += block.length * run.length;
  }
  return cells;
}

/**
 * Makes text safe to write with setValues, which parses strings as if typed: a leading = + - @
 * would become a formula, digits-and-separators a number or date («1.2» → 1 February), TRUE/ЛОЖЬ a
 * boolean, and a leading apostrophe would be eaten. A leading apostrophe keeps the text as it is.
 */
export function safeText(v: string): string {
  if (/^[=+\-@']/.test(v)) return `'${v}`;
  if (/^\s*\d[\d\s.,:/%eE-]*$/.test(v)) return `'${v}`;
  if (/^\s*(true|false|истина|ложь)\s*$/i.test(v)) return `'${v}`;
  return v;
}

/** safeText for any cell value (non-strings pass through). */
export function safeCell(v: Cell): Cell {
  return typeof v === 'string' ? safeText(v) : v;
}

/**
 * 0-based rows of `blanks` whose cell in `header` holds a formula (its value is blank, e.g.
 * =ЕСЛИ(…;"";…)): the cell is the people's and is never filled. One getFormulas over the span of
 * the blank cells, whatever the number of rows.
 */
export function formulaRows(t: Table, header: string, blanks: readonly number[]): Set<number> {
  const out = new Set<number>();
  const c = t.col(header);
  if (c < 0 || blanks.length === 0) return out;
  const first = blanks.reduce((a, b) => Math.min(a, b));
  const last = blanks.reduce((a, b) => Math.max(a, b));
  const f = t.sheet.getRange(first + 2, c + 1, last - first + 1, 1).getFormulas();
  for (const i of blanks) if (f[i - first]?.[0]) out.add(i);
  return out;
}
