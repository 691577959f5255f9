// Notes on the cells «Проверка данных» points at (spec «Bad input»: «… each is a row in «Проверка
// данных» (and a note on the cell)»). Our text is a set of lines starting with NOTE_MARKER, appended
// after a blank line to whatever note people keep on the cell; only those lines are ever removed.
// Calls: one header read per tab and one getNotes (+ one setNotes when something changed) per
// (tab, column) with problems now or at the previous check — never a call per problem or per row.
import type { Problem } from './problems';
import { PROBLEM_COL, TAB } from './schema';
import { type Cell, normHeader } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NOTE_MARKER = '⚠ Контроль поручений:';
/**
 * At most this many (tab, column) pairs are synced per run: each costs up to four calls, so a
 * workbook with problems everywhere still stays far from the 6-minute limit. Pairs over the cap
 * get no note this run (their rows in «Проверка данных» stay); see selectNoteColumns for the order.
 */
export const MAX_NOTE_COLUMNS = 30;
/** A note is a hint, not the list: «Проверка данных» has the full text. */
const MAX_LINES_PER_CELL = 5;
const MAX_LINE_CHARS = 500;

/** Tabs the add-on rewrites whole (or only appends to): a note there would be lost or misleading. */
const NO_NOTE_TABS: ReadonlySet<string> = new Set<string>([
  TAB.reportExecution,
  TAB.reportProtocol,
  TAB.reportLean,
  TAB.planControl,
  TAB.rating,
  TAB.problems,
  TAB.log,
]);

/** A cell a problem pointed at: tab name, sheet row (≥ 2), header text. */
export interface NotedCell {
  tab: string;
  row: number;
  column: string;
}

// ---------------------------------------------------------------- pure: note text

export function isOurLine(line: string): boolean {
  return line.startsWith(NOTE_MARKER);
}

export function hasOurNote(note: string): boolean {
  return note.split('\n').some(isOurLine);
}

/** One problem as one line of a note: «⚠ Контроль поручений: <message> <fix>». */
export function noteLine(p: Pick<Problem, 'message' | 'fix'>): string {
  const body = `${p.message} ${p.fix}`.replace(/\s+/g, ' ').trim();
  const line = `${NOTE_MARKER} ${body}`;
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line;
}

/**
 * People's part of a note: our lines removed, and with each run of them the one blank line we put
 * before it. Text people wrote before or after our lines is kept exactly.
 */
export function stripOurNote(note: string): string {
  const lines = note.split('\n');
  const kept: string[] = [];
  let leading = false; // our lines opened the note: the blank line people put after them goes too
  for (let i = 0; i < lines.length; i++) {
    if (!isOurLine(lines[i])) {
      if (!(leading && kept.length === 0 && lines[i] === '')) kept.push(lines[i]);
      leading = false;
      continue;
    }
    if (kept.length === 0) leading = true;
    const startsRun = i === 0 || !isOurLine(lines[i - 1]);
    if (startsRun && kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  }
  return kept.join('\n');
}

/** People's part of `note` followed by our lines (after a blank line); only people's part when `lines` is empty. */
export function mergeNote(note: string, lines: readonly string[]): string {
  const base = stripOurNote(note);
  if (lines.length === 0) return base;
  const block = lines.join('\n');
  return base === '' ? block : `${base}\n\n${block}`;
}

// ---------------------------------------------------------------- pure: which cells, which columns

/** Rows of the previous «Проверка данных» (title, subtitle, header «Лист | Строка | Столбец | …», rows). */
export function parseProblemRows(values: readonly (readonly Cell[])[]): NotedCell[] {
  const want = [PROBLEM_COL.tab, PROBLEM_COL.row, PROBLEM_COL.column].map(normHeader);
  for (let h = 0; h < values.length; h++) {
    const names = values[h].map(normHeader);
    const idx = want.map((w) => names.indexOf(w));
    if (idx.some((i) => i < 0)) continue;
    const [tc, rc, cc] = idx;
    const out: NotedCell[] = [];
    for (let r = h + 1; r < values.length; r++) {
      const tab = String(values[r][tc] ?? '').trim();
      if (tab === '') break; // the blank row that ends the table
      const row = Number(String(values[r][rc] ?? '').trim());
      const column = String(values[r][cc] ?? '').trim();
      if (Number.isInteger(row) && row >= 2 && column) out.push({ tab, row, column });
    }
    return out;
  }
  return [];
}

/**
 * After rows `deletedRows` (sheet rows) of `tab` were deleted, problems below them point at the row
 * where their data now is; a problem on a deleted row loses its row (it has gone to «Архив»).
 * Returns true when any problem changed.
 */
export function shiftProblemRows(problems: Problem[], tab: string, deletedRows: readonly number[]): boolean {
  if (deletedRows.length === 0) return false;
  const deleted = [...new Set(deletedRows)].sort((a, b) => a - b);
  const gone = new Set(deleted);
  let changed = false;
  for (const p of problems) {
    if (p.tab !== tab || p.row < 2) continue;
    if (gone.has(p.row)) {
      p.row = 0;
      p.message = `${p.message} Строка перенесена на лист «${TAB.archive}».`;
      changed = true;
      continue;
    }
    let above = 0;
    while (above < deleted.length && deleted[above] < p.row) above++;
    if (above > 0) {
      p.row -= above;
      changed = true;
    }
  }
  return changed;
}

export interface NoteColumn {
  tab: string;
  /** Header text as the problem named it (found on the tab with normHeader). */
  column: string;
  /** Sheet row → our lines for that cell; rows absent here lose our lines. */
  lines: Map<number, string[]>;
}

function noteable(tab: string, row: number, column: string): boolean {
  return !NO_NOTE_TABS.has(tab) && Number.isInteger(row) && row >= 2 && column.trim() !== '';
}

/**
 * The (tab, column) pairs to sync: those with problems now and those that had them at the previous
 * check. Over `cap`, pairs that only need clearing come first: a stale warning on a fixed cell
 * would never be cleared later (the next check no longer lists it), while a pair left without its
 * note now is still listed and gets it once there is room.
 */
export function selectNoteColumns(
  problems: readonly Problem[],
  previous: readonly NotedCell[],
  cap: number = MAX_NOTE_COLUMNS,
): { columns: NoteColumn[]; skipped: number } {
  const key = (tab: string, column: string) => `${tab}\u0000${normHeader(column)}`;
  const current = new Map<string, NoteColumn>();
  for (const p of problems) {
    if (!noteable(p.tab, p.row, p.column)) continue;
    const k = key(p.tab, p.column);
    let c = current.get(k);
    if (!c) {
      c = { tab: p.tab, column: p.column, lines: new Map() };
      current.set(k, c);
    }
    const lines = c.lines.get(p.row) ?? [];
    const line = noteLine(p);
    if (!lines.includes(line)) lines.push(line);
    c.lines.set(p.row, lines);
  }
  for (const c of current.values())
    for (const [row, lines] of c.lines)
      if (lines.length > MAX_LINES_PER_CELL) {
        const more = lines.length - (MAX_LINES_PER_CELL - 1);
        c.lines.set(row, [
          ...lines.slice(0, MAX_LINES_PER_CELL - 1),
          `${NOTE_MARKER} и ещё проблем — ${more}, см. лист «${TAB.problems}».`,
        ]);
      }
  const staleOnly = new Map<string, NoteColumn>();
  for (const n of previous) {
    if (!noteable(n.tab, n.row, n.column)) continue;
    const k = key(n.tab, n.column);
    if (!current.has(k) && !staleOnly.has(k)) staleOnly.set(k, { tab: n.tab, column: n.column, lines: new Map() });
  }
  const all = [...staleOnly.values(), ...current.values()];
  return { columns: all.slice(0, Math.max(0, cap)), skipped: Math.max(0, all.length - Math.max(0, cap)) };
}

/**
 * New notes for one column, given its notes from `firstRow` down: cells with lines get them merged,
 * other cells lose our lines, people's notes elsewhere are untouched. Returns the smallest span
 * that changed (one setNotes), or null when nothing did.
 */
export function planColumnNotes(
  notes: readonly string[],
  firstRow: number,
  lines: ReadonlyMap<number, readonly string[]>,
): { row: number; notes: string[] } | null {
  const next = notes.slice();
  let first = -1;
  let last = -1;
  for (let i = 0; i < notes.length; i++) {
    const old = notes[i];
    const want = lines.get(firstRow + i);
    const v = want ? mergeNote(old, want) : hasOurNote(old) ? stripOurNote(old) : old;
    if (v === old) continue;
    next[i] = v;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { row: firstRow + first, notes: next.slice(first, last + 1) };
}

// ---------------------------------------------------------------- workbook

/**
 * The cells the current «Проверка данных» points at, with one read of that tab. Call it before
 * writeProblemsTab rewrites the tab: these are the cells that may carry our notes from last time.
 */
export function readNotedCells(ss: Spreadsheet): NotedCell[] {
  const sheet = ss.getSheetByName(TAB.problems);
  if (!sheet) return [];
  return parseProblemRows(sheet.getDataRange().getValues() as Cell[][]);
}

export interface NotesResult {
  /** (tab, column) pairs read. */
  columns: number;
  /** Cells whose note changed. */
  cells: number;
  /** Pairs left out by MAX_NOTE_COLUMNS. */
  skipped: number;
}

/**
 * Puts a note on every cell a problem points at and removes our lines from cells that no longer
 * have a problem. Only notes change, never values. `onlyTab` limits the sync to one tab (after rows
 * of that tab moved).
 */
export function writeProblemNotes(
  ss: Spreadsheet,
  problems: readonly Problem[],
  previous: readonly NotedCell[],
  onlyTab?: string,
): NotesResult {
  const keep = (t: string) => onlyTab === undefined || t === onlyTab;
  const { columns, skipped } = selectNoteColumns(
    problems.filter((p) => keep(p.tab)),
    previous.filter((n) => keep(n.tab)),
  );
  const byTab = new Map<string, NoteColumn[]>();
  for (const c of columns) byTab.set(c.tab, [...(byTab.get(c.tab) ?? []), c]);
  const result: NotesResult = { columns: 0, cells: 0, skipped };
  for (const [tab, cols] of byTab) {
    const sheet = ss.getSheetByName(tab);
    if (!sheet) continue;
    const maxRows = sheet.getMaxRows();
    const lastCol = sheet.getLastColumn();
    if (maxRows < 2 || lastCol < 1) continue;
    const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[];
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      const k = normHeader(h);
      if (k && !index.has(k)) index.set(k, i + 1);
    });
    for (const c of cols) {
      const col = index.get(normHeader(c.column));
      if (col === undefined) continue;
      // The whole data column, not just the rows listed: rows deleted (archive, people) or sorted
      // since the last check carried our notes elsewhere, and those must be found to be cleared.
      const notes = sheet
        .getRange(2, col, maxRows - 1, 1)
        .getNotes()
        .map((r) => String(r[0] ?? ''));
      result.columns++;
      const plan = planColumnNotes(notes, 2, c.lines);
      if (!plan) continue;
      sheet.getRange(plan.row, col, plan.notes.length, 1).setNotes(plan.notes.map((n) => [n]));
      result.cells += plan.notes.filter((n, i) => n !== notes[plan.row - 2 + i]).length;
    }
  }
  return result;
}
