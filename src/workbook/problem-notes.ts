// Notes on the cells «Проверка данных» points at (spec «Bad input»: «… each is a row in «Проверка
// данных» (and a note on the cell)»). Our text is a set of lines starting with NOTE_MARKER, appended
// after a blank line to whatever note people keep on the cell; only those lines are ever removed.
// Calls: per tab with problems now or at the previous check, one header read, then per window of
// rows where a problem is or was (at most MAX_NOTE_WINDOWS per tab, more only when more columns have
// problems) one getNotes and at most one setNotes, through the same Range — never a call per
// problem or per row. Rows people
// sorted or deleted since the previous check carry our old notes where we no longer look: those
// stay until a problem points there again (issue 15 traded that for not reading every row's notes).
// A cell whose lines are the same as at the previous check (its text is in the previous list) is
// not read at all: a note of ours a person deleted by hand comes back only when its lines change.

import type { IsoDate } from '../domain/dates';
import { CELLS_PER_CALL, coalesceRuns } from './diff-writer';
import { movedSuffix } from './moved-problems';
import type { Problem } from './problems';
import { PROBLEM_COL, TAB } from './schema';
import { type Cell, normHeader } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NOTE_MARKER = '⚠ Контроль поручений:';
/**
 * A tab whose notes block (rows × columns from the first to the last column with problems) is
 * larger than this is left without notes this run: one getNotes of it would take seconds. 50 000
 * orders × all 19 columns of «Поручения» fit.
 */
export const MAX_NOTE_CELLS = 1_500_000;
/**
 * Windows of rows whose notes are read per tab (each a getNotes, and a setNotes when it changed):
 * the rows where a problem is or was, adjacent rows joined, the smallest gaps filled first.
 */
export const MAX_NOTE_WINDOWS = 8;
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
  /** The problem's text as listed (readNotedCells): the cell's note then holds its line already. */
  message?: string;
  fix?: string;
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
 * After rows `moved` (sheet row → its «№») of `tab` were deleted on `day`, problems below them point
 * at the row where their data now is; a problem on a deleted row loses its row and says where the
 * order went (moved-problems.ts: a run the same day keeps it listed). True when any problem changed.
 */
export function shiftProblemRows(
  problems: Problem[],
  tab: string,
  moved: ReadonlyMap<number, string>,
  day: IsoDate,
): boolean {
  if (moved.size === 0) return false;
  const deleted = [...moved.keys()].sort((a, b) => a - b);
  let changed = false;
  for (const p of problems) {
    if (p.tab !== tab || p.row < 2) continue;
    const number = moved.get(p.row);
    if (number !== undefined) {
      p.row = 0;
      p.message = `${p.message} ${movedSuffix(number, day)}`;
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
 * The (tab, column) pairs to sync: those with problems now (with their lines per row) and those
 * that had them at the previous check (no lines: our notes there go).
 */
export function selectNoteColumns(problems: readonly Problem[], previous: readonly NotedCell[]): NoteColumn[] {
  const key = (tab: string, column: string) => `${tab}\u0000${normHeader(column)}`;
  const columns = new Map<string, NoteColumn>();
  const columnFor = (tab: string, column: string): NoteColumn => {
    const k = key(tab, column);
    let c = columns.get(k);
    if (!c) {
      c = { tab, column, lines: new Map() };
      columns.set(k, c);
    }
    return c;
  };
  for (const p of problems) {
    if (!noteable(p.tab, p.row, p.column)) continue;
    const c = columnFor(p.tab, p.column);
    const lines = c.lines.get(p.row) ?? [];
    const line = noteLine(p);
    if (!lines.includes(line)) lines.push(line);
    c.lines.set(p.row, lines);
  }
  for (const c of columns.values())
    for (const [row, lines] of c.lines)
      if (lines.length > MAX_LINES_PER_CELL) {
        const more = lines.length - (MAX_LINES_PER_CELL - 1);
        c.lines.set(row, [
          ...lines.slice(0, MAX_LINES_PER_CELL - 1),
          `${NOTE_MARKER} и ещё проблем — ${more}, см. лист «${TAB.problems}».`,
        ]);
      }
  for (const n of previous) if (noteable(n.tab, n.row, n.column)) columnFor(n.tab, n.column);
  return [...columns.values()];
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

/**
 * New notes for a block of a tab (rows from `firstRow`, columns from `firstCol`, both 1-based):
 * each column in `lines` is planned as by planColumnNotes, the other columns of the block are left
 * as read. Returns the smallest rectangle that changed (one setNotes), or null.
 */
export function planBlockNotes(
  notes: readonly (readonly string[])[],
  firstRow: number,
  firstCol: number,
  lines: ReadonlyMap<number, ReadonlyMap<number, readonly string[]>>,
): { row: number; col: number; notes: string[][] } | null {
  const next = notes.map((r) => r.slice());
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const [col, rows] of lines) {
    const j = col - firstCol;
    const plan = planColumnNotes(
      notes.map((r) => r[j] ?? ''),
      firstRow,
      rows,
    );
    if (!plan) continue;
    const i0 = plan.row - firstRow;
    plan.notes.forEach((n, k) => {
      next[i0 + k][j] = n;
    });
    top = Math.min(top, i0);
    bottom = Math.max(bottom, i0 + plan.notes.length - 1);
    left = Math.min(left, j);
    right = Math.max(right, j);
  }
  if (bottom < 0) return null;
  return {
    row: firstRow + top,
    col: firstCol + left,
    notes: next.slice(top, bottom + 1).map((r) => r.slice(left, right + 1)),
  };
}

// ---------------------------------------------------------------- workbook

/**
 * The current «Проверка данных» as read, with one call ([] when the tab is missing). Read it before
 * writeProblemsTab rewrites the tab: notedCellsOf gives the cells that may carry our notes from last time.
 */
export function readProblemsValues(ss: Spreadsheet): Cell[][] {
  const sheet = ss.getSheetByName(TAB.problems);
  return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : [];
}

/** The cells a previous «Проверка данных» (its values) pointed at, with each problem's text. */
export function notedCellsOf(values: readonly (readonly Cell[])[]): NotedCell[] {
  const cells = parseProblemRows(values);
  // With each problem's text, a cell whose lines are the same today needs no reading (issue 15).
  const texts = parseProblemTexts(values);
  cells.forEach((c, i) => {
    const t = texts[i];
    if (t && t.tab === c.tab && t.row === c.row && t.column === c.column) Object.assign(c, t);
  });
  return cells;
}

/** parseProblemRows with «Что не так» and «Как исправить»; [] when the list lacks them. */
export function parseProblemTexts(values: readonly (readonly Cell[])[]): NotedCell[] {
  const want = [PROBLEM_COL.message, PROBLEM_COL.fix].map(normHeader);
  for (let h = 0; h < values.length; h++) {
    const names = values[h].map(normHeader);
    const [mc, fc] = want.map((w) => names.indexOf(w));
    if (mc < 0 || fc < 0) continue;
    const cells = parseProblemRows(values.slice(h));
    // parseProblemRows keeps rows in order, skipping whole-tab rows: match them the same way.
    const out: NotedCell[] = [];
    let k = 0;
    for (let r = h + 1; r < values.length && k < cells.length; r++) {
      const c = cells[k];
      if (String(values[r][names.indexOf(normHeader(PROBLEM_COL.tab))] ?? '').trim() === '') break;
      const row = Number(String(values[r][names.indexOf(normHeader(PROBLEM_COL.row))] ?? '').trim());
      const column = String(values[r][names.indexOf(normHeader(PROBLEM_COL.column))] ?? '').trim();
      if (row !== c.row || column !== c.column) continue;
      out.push({ ...c, message: String(values[r][mc] ?? ''), fix: String(values[r][fc] ?? '') });
      k++;
    }
    return out;
  }
  return [];
}

export interface NotesResult {
  /** Tabs whose notes were read. */
  tabs: number;
  /** Cells whose note changed. */
  cells: number;
  /** Tabs left without notes by MAX_NOTE_CELLS. */
  skipped: string[];
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
  const columns = selectNoteColumns(
    problems.filter((p) => keep(p.tab)),
    previous.filter((n) => keep(n.tab)),
  );
  const byTab = new Map<string, NoteColumn[]>();
  for (const c of columns) byTab.set(c.tab, [...(byTab.get(c.tab) ?? []), c]);
  const result: NotesResult = { tabs: 0, cells: 0, skipped: [] };
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
    const lines = new Map<number, Map<number, string[]>>();
    // Rows to look at, per column: where a problem is now or was at the previous check. Only those
    // cells can carry our note (issue 15: reading every row's notes was half a million cells).
    const rowsOf = new Map<number, number[]>();
    const look = (col: number, row: number) => {
      if (row < 2 || row > maxRows) return;
      const r = rowsOf.get(col) ?? [];
      r.push(row - 2);
      rowsOf.set(col, r);
    };
    for (const c of cols) {
      const col = index.get(normHeader(c.column));
      if (col === undefined) continue;
      const rows = lines.get(col) ?? new Map<number, string[]>();
      for (const [row, l] of c.lines)
        if (row <= maxRows) {
          rows.set(row, [...(rows.get(row) ?? []), ...l]);
          look(col, row);
        }
      lines.set(col, rows);
    }
    for (const n of previous) {
      if (n.tab !== tab || !keep(n.tab)) continue;
      const col = index.get(normHeader(n.column));
      if (col !== undefined && lines.has(col)) look(col, n.row);
    }
    // A cell whose lines are the ones the previous list gave it already carries them: not read.
    const before = new Map<string, string>();
    if (previous.every((n) => n.message !== undefined))
      for (const c of selectNoteColumns(
        previous
          .filter((n) => n.tab === tab && keep(n.tab))
          .map((n) => ({ ...n, value: '', message: n.message ?? '', fix: n.fix ?? '' })),
        [],
      )) {
        const col = index.get(normHeader(c.column));
        if (col !== undefined) for (const [row, l] of c.lines) before.set(`${col}:${row}`, l.join('\n'));
      }
    if (before.size)
      for (const [col, rows] of rowsOf) {
        const now = lines.get(col);
        const kept = rows.filter((i) => {
          const l = now?.get(i + 2);
          return !(l && before.get(`${col}:${i + 2}`) === l.join('\n'));
        });
        if (kept.length) rowsOf.set(col, kept);
        else rowsOf.delete(col);
      }
    if (lines.size === 0) continue;
    const windows = coalesceRuns(rowsOf, MAX_NOTE_WINDOWS);
    const cellsToRead = windows.reduce((s, w) => s + w.to - w.from + 1, 0);
    if (cellsToRead > MAX_NOTE_CELLS) {
      result.skipped.push(tab);
      continue;
    }
    result.tabs++;
    for (const w of windows) {
      const range = sheet.getRange(w.from + 2, w.key, w.to - w.from + 1, 1);
      const notes = (range.getNotes() as string[][]).map((r) => String(r[0] ?? ''));
      const plan = planColumnNotes(notes, w.from + 2, lines.get(w.key) ?? new Map());
      if (!plan) continue;
      // Written through the Range just read (one call fewer) unless the changed span is smaller
      // than the window by more than a call's worth of cells (a window's ends are cells whose
      // lines change, so it rarely is).
      if (notes.length - plan.notes.length <= CELLS_PER_CALL) {
        const whole = notes.slice();
        plan.notes.forEach((n, i) => {
          whole[plan.row - w.from - 2 + i] = n;
        });
        range.setNotes(whole.map((n) => [n]));
      } else sheet.getRange(plan.row, w.key, plan.notes.length, 1).setNotes(plan.notes.map((n) => [n]));
      plan.notes.forEach((n, i) => {
        if (n !== notes[plan.row - w.from - 2 + i]) result.cells++;
      });
    }
  }
  return result;
}
