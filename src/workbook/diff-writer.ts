// Writes only the cells that changed (issue 15). The daily check used to rewrite every system
// column of «Поручения» whole (300 000 cells at 50 000 orders) when a few thousand had changed.
// Here each column's changed rows are found by comparing with what was read, grouped into runs of
// adjacent rows, and the runs of all columns are merged, smallest gap first, until there are at
// most `maxRuns` of them and no gap is cheaper to rewrite than a call (see coalesceRuns). Each run
// is one getRange + setValues; a gap inside a merged run is written back with its own value, so
// only system cells (the add-on's) may go through this writer, never people's.
import { columnLetter } from './a1';
import { type Cell, safeCell, type Table } from './table';

/** Cost model of docs/PERFORMANCE.md: a call ≈ 7 ms, a cell ≈ 0.05 ms, so a call ≈ 140 cells. */
export const CELLS_PER_CALL = 140;
/** At most this many runs (each a getRange + setValues) per writeChanged: calls stay bounded. */
export const MAX_WRITE_RUNS = 12;
/** At most this many runs of rows whose counters changed (a day's decisions and returns). */
export const MAX_ROW_RUNS = 48;
/** A `byValue` column is written one RangeList per value up to this many values (a vocabulary). */
export const MAX_VALUE_GROUPS = 12;

/** A run of rows [from, to] (0-based, inclusive) of one key (a column, a tab…). */
export interface Run<K> {
  key: K;
  from: number;
  to: number;
}

/**
 * Runs covering every index in `byKey`, at most `maxRuns` of them in all keys together: adjacent
 * indexes form a run, then the smallest gaps (in cells: gap rows × `width(key)`) are filled first,
 * and any gap of fewer than `gapCells` cells is filled whatever the count, since a call costs more.
 */
export function coalesceRuns<K>(
  byKey: ReadonlyMap<K, readonly number[]>,
  maxRuns: number,
  gapCells = CELLS_PER_CALL,
  width: (key: K) => number = () => 1,
): Run<K>[] {
  const runs: Run<K>[] = [];
  for (const [key, idx] of byKey) {
    const sorted = [...new Set(idx)].sort((a, b) => a - b);
    for (const i of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.to >= i - 1) last.to = Math.max(last.to, i);
      else runs.push({ key, from: i, to: i });
    }
  }
  // Gaps between consecutive runs of one key, cheapest first; a gap is filled when it is cheaper
  // than a call or while there are more than maxRuns runs.
  const gaps: { at: number; cells: number }[] = [];
  for (let k = 1; k < runs.length; k++)
    if (runs[k].key === runs[k - 1].key)
      gaps.push({ at: k, cells: (runs[k].from - runs[k - 1].to - 1) * width(runs[k].key) });
  gaps.sort((a, b) => a.cells - b.cells);
  const fill = new Set<number>();
  let count = runs.length;
  for (const g of gaps) {
    if (count <= maxRuns && g.cells >= gapCells) break;
    fill.add(g.at);
    count--;
  }
  const out: Run<K>[] = [];
  runs.forEach((r, k) => {
    if (fill.has(k)) out[out.length - 1].to = r.to;
    else out.push({ ...r });
  });
  return out;
}

function isDate(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** True when two cell values are the same as a sheet would show them. */
export function sameCell(a: Cell | undefined | null, b: Cell | undefined | null): boolean {
  const x = a ?? '';
  const y = b ?? '';
  // Dates by tag, not instanceof: a value read may come from another realm (the local sandbox).
  const xd = isDate(x);
  const yd = isDate(y);
  if (xd || yd) return xd && yd && (x as Date).getTime() === (y as Date).getTime();
  if (x === y) return true;
  // Text written with a leading apostrophe (safeText) reads back without it.
  if (typeof x === 'string' && typeof y === 'string') return x.startsWith("'") ? x.slice(1) === y : false;
  return false;
}

export interface DiffResult {
  /** Cells that differed from what was read. */
  changed: number;
  /** Cells written (changed cells plus the gaps merged into runs). */
  written: number;
  /** setValues calls. */
  calls: number;
}

/**
 * Writes column `headers` of data rows 0 … rowCount − 1 where `next(row, header)` differs from
 * `table.rows` (as read, or as last written through this function), and updates `table.rows` so a
 * second call writes only what changed since the first. Each column's runs are written on their
 * own, except `together` (counters, then the line column last): a row whose counters changed has
 * them and its line written in one call (they land together, so a run cut between two calls never
 * leaves a line without its count). Only system columns: a merged gap is rewritten with its
 * current value.
 */
export function writeChanged(
  table: Table,
  headers: readonly string[],
  rowCount: number,
  next: (rowIndex: number, header: string) => Cell,
  opts: { together?: readonly string[]; maxRuns?: number; byValue?: readonly string[] } = {},
): DiffResult {
  const cols = new Map<number, string>();
  for (const h of headers) {
    const c = table.col(h);
    if (c >= 0) cols.set(c, h);
  }
  const togetherCols = new Set((opts.together ?? []).map((h) => table.col(h)).filter((c) => cols.has(c)));
  // Keys: one per column, and -1 for the columns written together.
  const changedRows = new Map<number, number[]>();
  const values = new Map<number, Map<number, Cell>>();
  let changed = 0;
  const together = new Set<number>();
  for (const [c, h] of cols) {
    const rows: number[] = [];
    const m = new Map<number, Cell>();
    for (let i = 0; i < rowCount; i++) {
      const v = next(i, h);
      if (sameCell(v, table.rows[i]?.[c])) continue;
      m.set(i, v);
      rows.push(i);
    }
    if (rows.length === 0) continue;
    values.set(c, m);
    changed += rows.length;
    changedRows.set(c, rows);
  }
  // Rows whose counters changed: those cells and the row's «История» (the last of `together`)
  // go in one call. A row whose line alone changed is written in its column's runs.
  const lineCol = togetherCols.size ? table.col((opts.together ?? [])[(opts.together ?? []).length - 1]) : -1;
  for (const c of togetherCols) {
    if (c === lineCol) continue;
    for (const i of changedRows.get(c) ?? []) together.add(i);
    changedRows.delete(c);
  }
  if (together.size) {
    // The line of a counters row goes only with its counters, never ahead of them.
    const lines = changedRows.get(lineCol)?.filter((i) => !together.has(i));
    if (lines?.length) changedRows.set(lineCol, lines);
    else changedRows.delete(lineCol);
    changedRows.set(-1, [...together]);
  }
  const result: DiffResult = { changed, written: 0, calls: 0 };
  if (changed === 0) return result;
  // byValue columns go last: a derived column («Состояние») must not land before the line it is
  // derived from (a row's execution line goes with its counters, first) — a run cut in between
  // would leave a done state with no execution recorded, which the re-run reads as a legacy row.
  const byValue = (opts.byValue ?? [])
    .map((h) => table.col(h))
    .filter((c) => changedRows.has(c) && !togetherCols.has(c));
  for (const c of byValue) changedRows.delete(c);
  const cell = (i: number, c: number): Cell => {
    const m = values.get(c);
    return m?.has(i) ? (m.get(i) as Cell) : safeCell(table.rows[i]?.[c] ?? '');
  };
  // Gaps are weighed in cells (a counters row spans several columns); only the bound merges runs,
  // so the number of calls is the bound once a day's changes are scattered, at any size.
  const spanWidth = togetherCols.size ? Math.max(...togetherCols) - Math.min(...togetherCols) + 1 : 1;
  const rowRuns = changedRows.get(-1);
  changedRows.delete(-1);
  // Counters rows (a day's decisions and returns, a few dozen, scattered) have their own bound: a
  // gap there costs the span's width in cells, so merging them would cost more than the calls.
  const runs = [
    ...(rowRuns ? coalesceRuns(new Map([[-1, rowRuns]]), MAX_ROW_RUNS, 1, () => spanWidth) : []),
    ...coalesceRuns(changedRows, opts.maxRuns ?? MAX_WRITE_RUNS, 1),
  ];
  for (const run of runs) {
    let left = run.key;
    let right = run.key;
    if (run.key < 0) {
      // The columns of the together set that changed in this run (a span: only system columns lie
      // between them — callers pass adjacent system columns).
      left = Infinity;
      for (const c of togetherCols) {
        if (c === lineCol) continue;
        const m = values.get(c);
        if (!m) continue;
        for (let i = run.from; i <= run.to; i++)
          if (m.has(i)) {
            left = Math.min(left, c);
            right = Math.max(right, c);
            break;
          }
      }
    }
    if (run.key < 0 && lineCol >= 0) {
      left = Math.min(left, lineCol);
      right = Math.max(right, lineCol);
    }
    // Only the columns passed (system columns) are written: where people's columns lie inside the
    // span (columns reordered by hand), it is cut around them, the line's segment last, so a cut
    // run never leaves a line ahead of its counters (as writeColumns did before).
    for (const [from, to] of systemSegments(left, right, cols, lineCol)) {
      const block: Cell[][] = [];
      for (let i = run.from; i <= run.to; i++) {
        const r: Cell[] = [];
        for (let c = from; c <= to; c++) r.push(cell(i, c));
        block.push(r);
      }
      table.sheet.getRange(run.from + 2, from + 1, block.length, to - from + 1).setValues(block);
      result.calls++;
      result.written += block.length * (to - from + 1);
    }
  }
  for (const c of byValue) {
    const m = values.get(c) as Map<number, Cell>;
    if (!writeByValue(table, c, m, result)) writeRuns(table, c, m, result);
  }
  for (const [c, vals] of values)
    for (const [i, v] of vals) {
      const row = table.rows[i];
      if (row) row[c] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
    }
  return result;
}

/**
 * A column of few values («Состояние»: its vocabulary) has its changed cells written one value at a
 * time, each value with one RangeList.setValue over exactly the cells that take it: a day's few
 * hundred state changes scattered over 50 000 rows cost a few calls and their own cells, not a
 * span of 40 000 (issue 23; RangeList: developers.google.com/apps-script/reference/spreadsheet/
 * range-list, setValue). False (nothing written) past MAX_VALUE_GROUPS values or for a non-text,
 * non-number value: the column is written in runs of its own (writeRuns), still last.
 */
function writeByValue(table: Table, c: number, changed: ReadonlyMap<number, Cell>, result: DiffResult): boolean {
  const groups = new Map<string, { value: Cell; rows: number[] }>();
  for (const [i, v] of changed) {
    if (typeof v !== 'string' && typeof v !== 'number') return false;
    const k = `${typeof v}:${v}`;
    const g = groups.get(k) ?? { value: v, rows: [] };
    g.rows.push(i);
    groups.set(k, g);
    if (groups.size > MAX_VALUE_GROUPS) return false;
  }
  const letter = columnLetter(c + 1);
  for (const g of groups.values()) {
    const a1: string[] = [];
    for (const run of coalesceRuns(new Map([[c, g.rows]]), Number.POSITIVE_INFINITY, 1)) {
      const [top, bottom] = [run.from + 2, run.to + 2];
      a1.push(top === bottom ? `${letter}${top}` : `${letter}${top}:${letter}${bottom}`);
    }
    table.sheet.getRangeList(a1).setValue(safeCell(g.value));
    result.calls++;
    result.written += g.rows.length;
  }
  return true;
}

/** One column's changed cells in runs (at most MAX_WRITE_RUNS; a gap written back as it is). */
function writeRuns(table: Table, c: number, changed: ReadonlyMap<number, Cell>, result: DiffResult): void {
  for (const run of coalesceRuns(new Map([[c, [...changed.keys()]]]), MAX_WRITE_RUNS, 1)) {
    const block: Cell[][] = [];
    for (let i = run.from; i <= run.to; i++)
      block.push([changed.has(i) ? (changed.get(i) as Cell) : safeCell(table.rows[i]?.[c] ?? '')]);
    table.sheet.getRange(run.from + 2, c + 1, block.length, 1).setValues(block);
    result.calls++;
    result.written += block.length;
  }
}

/** Maximal runs of columns of `cols` within [left, right]; the one holding `lineCol` last. */
function systemSegments(
  left: number,
  right: number,
  cols: ReadonlyMap<number, string>,
  lineCol: number,
): [number, number][] {
  const segs: [number, number][] = [];
  for (let c = left; c <= right; c++) {
    if (!cols.has(c)) continue;
    const last = segs[segs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else segs.push([c, c]);
  }
  const withLine = segs.findIndex(([a, b]) => a <= lineCol && lineCol <= b);
  if (withLine >= 0 && withLine < segs.length - 1) segs.push(...segs.splice(withLine, 1));
  return segs;
}
