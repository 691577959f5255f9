// A1 notation for the sandbox: parsing (with open-ended rows/columns), formatting, rectangles.

export interface Rect {
  row: number; // 1-based
  col: number;
  rows: number;
  cols: number;
}

/** A1 reference with possibly open ends: 'A2:A' has r2 = null; 'A:C' has r1 = r2 = null. */
export interface A1Ref {
  sheet?: string;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

import { columnLetter as colToLetters, columnNumber as lettersToCol } from '../../workbook/a1';

export { colToLetters, lettersToCol };

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(p: string): { c: number | null; r: number | null } | null {
  const m = PART.exec(p.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { c: m[1] ? lettersToCol(m[1]) : null, r: m[2] ? Number(m[2]) : null };
}

/** Splits "'My sheet'!A1:B2" / "Sheet!A1" / "A1"; null when not A1 notation. */
export function parseA1(text: string): A1Ref | null {
  let s = text.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    sheet = s.slice(0, bang);
    s = s.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const [a, b, extra] = s.split(':');
  if (extra !== undefined || !a) return null;
  const p1 = parsePart(a);
  if (!p1) return null;
  if (b === undefined) {
    if (p1.c === null || p1.r === null) return null;
    return { sheet, r1: p1.r, c1: p1.c, r2: p1.r, c2: p1.c };
  }
  const p2 = parsePart(b);
  if (!p2) return null;
  // 'A:C' (columns), '2:5' (rows), 'A2:C' (open rows), 'A2:5'? (open columns)
  return { sheet, r1: p1.r, c1: p1.c, r2: p2.r, c2: p2.c };
}

/** Resolves open ends against a sheet's size. */
export function refToRect(ref: A1Ref, maxRows: number, maxCols: number): Rect {
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? (ref.r1 !== null && ref.c2 === null && ref.c1 === null ? ref.r1 : maxRows);
  const c2 = ref.c2 ?? (ref.c1 !== null && ref.r2 === null && ref.r1 === null ? ref.c1 : maxCols);
  const rTop = Math.min(r1, r2);
  const cLeft = Math.min(c1, c2);
  return { row: rTop, col: cLeft, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function rectToA1(r: Rect): string {
  const a = `${colToLetters(r.col)}${r.row}`;
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${colToLetters(r.col + r.cols - 1)}${r.row + r.rows - 1}`;
}

export function refToA1(ref: A1Ref): string {
  const p = (c: number | null, r: number | null) => `${c === null ? '' : colToLetters(c)}${r === null ? '' : r}`;
  const a = p(ref.c1, ref.r1);
  const b = p(ref.c2, ref.r2);
  return a === b && ref.r1 !== null && ref.c1 !== null ? a : `${a}:${b}`;
}

/** Sheet name as a formula/range prefix: quoted when it has anything but letters, digits, '_'. */
export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** a minus b as up to four rectangles (top, bottom, left, right bands). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  const aBottom = a.row + a.rows;
  const bBottom = b.row + b.rows;
  const aRight = a.col + a.cols;
  const bRight = b.col + b.cols;
  if (b.row > a.row) out.push({ row: a.row, col: a.col, rows: b.row - a.row, cols: a.cols });
  if (bBottom < aBottom) out.push({ row: bBottom, col: a.col, rows: aBottom - bBottom, cols: a.cols });
  const midTop = Math.max(a.row, b.row);
  const midRows = Math.min(aBottom, bBottom) - midTop;
  if (b.col > a.col) out.push({ row: midTop, col: a.col, rows: midRows, cols: b.col - a.col });
  if (bRight < aRight) out.push({ row: midTop, col: bRight, rows: midRows, cols: aRight - bRight });
  return out;
}

/**
 * Moves a reference when rows (dim 'row') or columns are inserted (delta > 0, before index `at`)
 * or deleted (delta < 0, the |delta| lines starting at `at`). Returns null when the reference is
 * deleted entirely. Open ends stay open.
 */
export function shiftRef(ref: A1Ref, dim: 'row' | 'col', at: number, delta: number): A1Ref | null {
  const k1 = dim === 'row' ? 'r1' : 'c1';
  const k2 = dim === 'row' ? 'r2' : 'c2';
  const s = ref[k1];
  const e = ref[k2];
  if (s === null && e === null) return ref;
  const out: A1Ref = { ...ref };
  if (delta > 0) {
    if (s !== null && s >= at) out[k1] = s + delta;
    if (e !== null && e >= at && (s === null || s < at || s >= at)) out[k2] = e + delta;
    return out;
  }
  const n = -delta;
  const delEnd = at + n - 1;
  const map = (x: number, isStart: boolean): number | null => {
    if (x < at) return x;
    if (x > delEnd) return x - n;
    return isStart ? at : at - 1; // inside the deleted block
  };
  const ns = s === null ? null : map(s, true);
  const ne = e === null ? null : map(e, false);
  if (ns !== null && ne !== null && ne < ns) return null;
  out[k1] = ns;
  out[k2] = ne;
  return out;
}
