// Helpers of the appeals e2e tests: rows of «Обращения» by №, the appeal rows of «Проверка данных».
import { APPEAL_COL } from '../../src/domain/appeals';
import type { WorkbookModel } from '../../src/local/model';
import { TAB } from '../../src/workbook/schema';
import { rowsOf, sheetOf } from './orders-helpers';

/** Rows of «Проверка данных» about «Обращения» (its table starts under the title rows) as «row column». */
export function appealProblems(wb: WorkbookModel): string[] {
  const cells = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => (c?.v ?? '') as unknown));
  const h = cells.findIndex((r) => r[0] === 'Лист');
  if (h < 0) return [];
  const col = (name: string) => cells[h].indexOf(name);
  return cells
    .slice(h + 1)
    .filter((r) => r[col('Лист')] === TAB.appeals)
    .map((r) => `${r[col('Строка')]} ${r[col('Столбец')]}`);
}

export function appealOf(wb: WorkbookModel, n: string) {
  const r = rowsOf(wb, TAB.appeals).find((x) => String(x[APPEAL_COL.number]) === n);
  if (!r) throw new Error(`no appeal ${n}`);
  return r;
}
