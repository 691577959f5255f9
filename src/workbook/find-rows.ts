// Finding rows without reading the tab (issue 23): Sheets searches a column on its side with a
// TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder) and returns only
// the matching cells, whose row numbers we take; then only those rows are read, in runs of adjacent
// rows, and only as wide as the caller needs. A page that shows a person's orders thus costs their
// orders, not the workbook (docs/PERFORMANCE.md, «Мои поручения»).
//
// What a hit means: the cell's displayed text matched when Sheets searched. Rows can move or change
// between the search and the read (people sort, insert, type), so a caller re-checks every row it
// read — the «№» it acts on, the person named in it — and never trusts a hit alone.
import { columnLetter } from './a1';
import { type Cell, normHeader } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A gap of this many cells between two wanted rows is read rather than split into a second read:
 * in the cost model a run costs one call (its getValues, 7 ms: the Ranges of all runs are built
 * by one getRangeList + getRanges, see readRowsAt) and a cell 0.05 ms, so 140 cells cost as much
 * as one more run.
 */
export const JOIN_GAP_CELLS = 140;

/** A text as a pattern that matches it the way foldText compares: any case (the finder's default), ё = е, any run of spaces. */
function loosePattern(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[её]/gi, '[её]'))
    .join('\\s+');
}

/**
 * Sheet rows (2 … last) whose cell in `column` (1-based) shows one of `values` — the whole cell
 * (`whole`, default) or anywhere in it (e.g. one name among «Соисполнители»). Compared as foldText
 * does (case, ё/е, spaces); one TextFinder.findAll for all the values. Sorted, no repeats; [] when
 * there is nothing to look for or the tab has no data rows.
 *
 * For the «Мои поручения» page and its features: the person's rows by «Исполнитель» (whole) and
 * «Соисполнители» (partial), the controller's by «Состояние» or «Решение по переносу», one order by «№».
 */
export function findRowsByValue(
  sheet: Sheet,
  column: number,
  values: readonly string[],
  opts: { whole?: boolean; from?: number } = {},
): number[] {
  const wanted = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (wanted.length === 0 || column < 1) return [];
  const body = `(?:${wanted.map(loosePattern).join('|')})`;
  return findRows(sheet, column, opts.whole === false ? body : `\\s*${body}\\s*`, opts.whole !== false, opts.from);
}

/** Sheet rows (2 … last) whose cell in `column` (1-based) is not blank (e.g. «Запрошенный срок»). */
export function findNonBlankRows(sheet: Sheet, column: number): number[] {
  if (column < 1) return [];
  return findRows(sheet, column, '\\S', false);
}

/**
 * The first `limit` rows (in the sheet's order) of findRowsByValue — or of findNonBlankRows when
 * `values` is null — and how many there are in all: only the rows kept have their row number read,
 * so a long list (everyone's overdue orders) costs its count, not a call per hit.
 */
export function findFirstRows(
  sheet: Sheet,
  column: number,
  values: readonly string[] | null,
  limit: number,
  opts: { whole?: boolean } = {},
): { rows: number[]; total: number } {
  if (column < 1) return { rows: [], total: 0 };
  let regex = '\\S';
  let whole = false;
  if (values) {
    const wanted = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (wanted.length === 0) return { rows: [], total: 0 };
    const body = `(?:${wanted.map(loosePattern).join('|')})`;
    whole = opts.whole !== false;
    regex = whole ? `\\s*${body}\\s*` : body;
  }
  const hits = finderHits(sheet, column, regex, whole);
  const rows = hits.slice(0, Math.max(0, limit)).map((h) => h.getRow());
  return { rows: [...new Set(rows)].sort((a, b) => a - b), total: hits.length };
}

function findRows(sheet: Sheet, column: number, regex: string, whole: boolean, from = 2): number[] {
  const rows = finderHits(sheet, column, regex, whole, from).map((h) => h.getRow());
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** One TextFinder.findAll over the column from row `from` (2) down: the matching cells, row by row. */
function finderHits(
  sheet: Sheet,
  column: number,
  regex: string,
  whole: boolean,
  from = 2,
): GoogleAppsScript.Spreadsheet.Range[] {
  // The column from row 2 down, open-ended («D2:D»): no call to learn where the data ends.
  const letter = columnLetter(column);
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(`${letter}${Math.max(2, Math.trunc(from))}:${letter}`);
  } catch {
    return []; // a grid of one row: no data rows to search
  }
  const finder = range.createTextFinder(regex).useRegularExpression(true);
  // A partial match is the finder's default: the option is set only for a whole-cell one.
  return (whole ? finder.matchEntireCell(true) : finder).findAll();
}

/**
 * Runs of rows to read: adjacent rows together, and two runs joined when the rows between them
 * cost less than another read (JOIN_GAP_CELLS at this width).
 */
export function rowRuns(rows: readonly number[], width: number): { first: number; count: number }[] {
  const sorted = [...new Set(rows)].filter((r) => r >= 1).sort((a, b) => a - b);
  const maxGap = Math.floor(JOIN_GAP_CELLS / Math.max(1, width));
  const runs: { first: number; count: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - (last.first + last.count) <= maxGap) last.count = r - last.first + 1;
    else runs.push({ first: r, count: 1 });
  }
  return runs;
}

/**
 * The cells of `rows` (sheet rows within the sheet, e.g. hits of findRowsByValue), columns
 * 1 … width, one getValues per run (rowRuns). One run: getRange + getValues. Several: their Ranges
 * come from one Sheet.getRangeList(A1 notations) + RangeList.getRanges()
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String),
 * …/range-list#getRanges()) — two calls that build Ranges from the script's own arguments, instead
 * of a getRange per run — and each Range's getValues is the run's one round trip (a RangeList has
 * no getValues). Scattered rows thus cost one call each, not two.
 */
export function readRowsAt(sheet: Sheet, rows: readonly number[], width: number): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>();
  if (width < 1) return out;
  const wanted = new Set(rows);
  const runs = rowRuns(rows, width);
  if (runs.length === 0) return out;
  const last = columnLetter(width);
  const ranges =
    runs.length === 1
      ? [sheet.getRange(runs[0].first, 1, runs[0].count, width)]
      : sheet.getRangeList(runs.map((r) => `A${r.first}:${last}${r.first + r.count - 1}`)).getRanges();
  runs.forEach((run, k) => {
    const values = ranges[k].getValues() as Cell[][];
    values.forEach((v, i) => {
      if (wanted.has(run.first + i)) out.set(run.first + i, v);
    });
  });
  return out;
}

/**
 * Row 1 of a tab («1:1», as wide as the grid), trailing blanks cut: the header the rows above are
 * read against, with one call pair and no call to learn the width.
 */
export function readHeader(sheet: Sheet): Cell[] {
  const row = (sheet.getRange('1:1').getValues()[0] ?? []) as Cell[];
  let width = row.length;
  while (width > 0 && (row[width - 1] === '' || row[width - 1] === null || row[width - 1] === undefined)) width--;
  return row.slice(0, width);
}

/** 1-based column of a header in `header`, or 0 (compared as normHeader does). */
export function columnOf(header: readonly Cell[], name: string): number {
  const n = normHeader(name);
  return header.findIndex((h) => normHeader(h) === n) + 1;
}
