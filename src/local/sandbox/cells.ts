// In-memory SpreadsheetApp (Node only): Cell-level helpers shared by Range, Sheet and friends.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import { types } from 'node:util';
import type { CellModel, SheetModel } from '../model';
import type { SandboxState } from './state';
import type { Written } from './values';

// ---------------------------------------------------------------- helpers

export const MSG_COORDS = 'The coordinates of the range are outside the dimensions of the sheet.';

export function isEmptyCell(c: CellModel | undefined): boolean {
  return !c || ((c.v === null || c.v === '' || c.v === undefined) && !c.formula);
}

export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'Object[]';
  if (types.isDate(x)) return 'Date';
  const t = typeof x;
  if (t === 'string') return 'String';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'Boolean';
  if (t === 'undefined') return 'undefined';
  return (x as object).constructor?.name && (x as object).constructor.name !== 'Object'
    ? String((x as object).toString?.() ?? 'Object')
    : 'Object';
}

export function sigError(st: SandboxState, cls: string, method: string, args: unknown[]): Error {
  return st.err(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

export function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function normColor(c: unknown): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).trim().toLowerCase();
  const named: Record<string, string> = {
    white: '#ffffff',
    black: '#000000',
    red: '#ff0000',
    green: '#008000',
    blue: '#0000ff',
    yellow: '#ffff00',
    gray: '#808080',
    grey: '#808080',
    orange: '#ffa500',
  };
  if (named[s]) return named[s];
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return s;
}

export function cellAt(m: SheetModel, r0: number, c0: number): CellModel | undefined {
  const row = m.cells[r0];
  return row ? row[c0] : undefined;
}

export function rowFor(m: SheetModel, r0: number): CellModel[] {
  const cells = m.cells;
  while (cells.length <= r0) cells.push([]);
  let row = cells[r0];
  if (!row) {
    row = [];
    cells[r0] = row;
  }
  return row;
}

export function cellFor(row: CellModel[], c0: number): CellModel {
  while (row.length < c0) row.push({ v: null });
  let c = row[c0];
  if (!c) {
    c = { v: null };
    row[c0] = c;
  }
  return c;
}

export function applyWritten(cell: CellModel, w: Written): void {
  cell.v = w.v;
  if (w.formula !== undefined) cell.formula = w.formula;
  else if (cell.formula !== undefined) delete cell.formula;
  if (cell.link !== undefined) delete cell.link;
  if (w.numberFormat && !cell.numberFormat) cell.numberFormat = w.numberFormat;
}
