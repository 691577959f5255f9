// Writing demo rows straight into the in-memory workbook, by header text (after setup made the tabs).

import { normHeader } from '../../workbook/table';
import type { CellModel, CellValue, SheetModel, WorkbookModel } from '../model';

export type DemoValue = string | number | boolean | null | { date: string };

const norm = normHeader;

function toCell(v: DemoValue): CellModel {
  let cv: CellValue;
  if (v !== null && typeof v === 'object') cv = { kind: 'date', iso: v.date };
  else cv = v;
  return { v: cv };
}

export function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`Demo: no tab «${name}» — run setup first`);
  return s;
}

/** Appends rows given as {header: value}; unknown headers throw (a demo bug, not user input). */
export function appendRows(model: WorkbookModel, tab: string, rows: Record<string, DemoValue>[]): void {
  const sheet = sheetOf(model, tab);
  const header = (sheet.cells[0] ?? []).map((c) => norm(c.v));
  let last = sheet.cells.length;
  while (last > 1 && (sheet.cells[last - 1] ?? []).every((c) => c.v === null || c.v === '')) last--;
  for (const r of rows) {
    // Keep the formats setup gave the row (wrapped long-text columns, date formats).
    const before = sheet.cells[last] ?? [];
    const line: CellModel[] = header.map((_, i) => {
      const { formula: _f, ...format } = before[i] ?? { v: null };
      return { ...format, v: null };
    });
    for (const [h, v] of Object.entries(r)) {
      const i = header.indexOf(norm(h));
      if (i < 0) throw new Error(`Demo: no column «${h}» on «${tab}»`);
      line[i] = { ...line[i], ...toCell(v) };
    }
    sheet.cells[last++] = line;
  }
  sheet.cells.length = last;
  if (sheet.maxRows < last) sheet.maxRows = last + 100;
}
