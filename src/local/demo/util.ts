// Writing demo rows straight into the in-memory workbook, by header text (after setup made the tabs).

import { executedLine } from '../../domain/order-events';
import { ORDER_COL, STATUS } from '../../workbook/schema';
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

/**
 * A demo order done on an earlier day carries the «История» line onEdit writes when «Готово» is
 * set (domain/order-events): it was recorded the day it was done. Without it the first daily check
 * would take the execution as recorded today and list it as back-dated (000 п.13) — a false alarm.
 */
export function recordedOnItsDay(row: Record<string, DemoValue>): Record<string, DemoValue> {
  const done = row[ORDER_COL.doneDate];
  if (row[ORDER_COL.status] !== STATUS.done || done === null || typeof done !== 'object') return row;
  const line = executedLine(done.date, done.date);
  const before = row[ORDER_COL.history];
  return { ...row, [ORDER_COL.history]: typeof before === 'string' && before ? `${line}\n${before}` : line };
}
