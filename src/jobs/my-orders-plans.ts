// «Мои поручения»: the stages of the person's orders' plans of measures (spec Round 3 «Планы
// мероприятий»; 001 гл.6 п.2.2.16), shown on each card with their dates. «Планы мероприятий» is not
// read whole: its rows naming the shown orders' «№» are found by TextFinder (workbook/find-rows.ts)
// and only those are read; a workbook without stages costs the tab's lookup and nothing more.
import { cellToIsoDate } from '../domain/dates';
import type { PageData } from '../domain/my-orders';
import { stageItems } from '../domain/page-between';
import { foldText } from '../domain/text';
import { columnOf, findRowsByValue, readHeader, readRowsAt } from '../workbook/find-rows';
import { MEASURE_PLAN_COL, TAB } from '../workbook/schema';
import { MEASURE_DONE } from '../workbook/specs/between-dates';
import type { PageBook } from './my-orders-book';

interface Stage {
  order: string;
  measure: string;
  deadline: string | null;
  responsible: string;
  done: boolean;
}

/** The stages of orders № `numbers`, by №, each list in the tab's order. */
function stagesOf(book: PageBook, numbers: readonly string[]): Map<string, Stage[]> {
  const out = new Map<string, Stage[]>();
  const sheet = numbers.length ? book.ss.getSheetByName(TAB.measurePlans) : null;
  if (!sheet || sheet.getLastRow() < 2) return out;
  const header = readHeader(sheet);
  const col = (h: string) => columnOf(header, h) - 1;
  const [oc, mc, dc, rc, xc] = [
    MEASURE_PLAN_COL.order,
    MEASURE_PLAN_COL.measure,
    MEASURE_PLAN_COL.deadline,
    MEASURE_PLAN_COL.responsible,
    MEASURE_PLAN_COL.done,
  ].map(col);
  if (oc < 0) return out;
  const wanted = new Set(numbers);
  const rows = readRowsAt(sheet, findRowsByValue(sheet, oc + 1, numbers), header.length);
  for (const [, r] of [...rows].sort((a, b) => a[0] - b[0])) {
    const order = String(r[oc] ?? '').trim();
    // A hit is re-checked as read (find-rows.ts): the № must be the order's, whole.
    if (!wanted.has(order)) continue;
    const text = (c: number) => (c >= 0 ? String(r[c] ?? '').trim() : '');
    const list = out.get(order) ?? [];
    list.push({
      order,
      measure: text(mc),
      deadline: dc >= 0 ? cellToIsoDate(r[dc], book.tz) : null,
      responsible: text(rc).replace(/\s+/g, ' '),
      done: foldText(text(xc)) === foldText(MEASURE_DONE.done),
    });
    out.set(order, list);
  }
  return out;
}

/** The page's data with each open order's plan stages (on the card's `between`). */
export function withStages(book: PageBook, data: PageData): PageData {
  const orders = data.lists.orders;
  const plans = stagesOf(
    book,
    orders.map((o) => o.number),
  );
  if (plans.size === 0) return data;
  const today = book.env.today;
  return {
    ...data,
    lists: {
      ...data.lists,
      orders: orders.map((o) => {
        const stages = plans.get(o.number);
        return stages && o.between ? { ...o, between: { ...o.between, stages: stageItems(stages, today) } } : o;
      }),
    },
  };
}
