// «Мои поручения» from the index (issue 23): which of the person's rows need reading. The person's
// rows are found by TextFinder as before (their names in «Исполнитель» / «Соисполнители»); their
// entries of the index (workbook/page-index.ts, rebuilt by each daily check after its writes) give
// the cells of the orders unchanged since. An entry's order is taken only when
//   - the entry was built against today's header (columns not moved or renamed since);
//   - its «№» was not logged since the build (onEdit logs every row a person edits, the page's
//     actions the rows they write or find changed);
//   - and the «№» of all the orders taken are found — one TextFinder — exactly once each, all in
//     rows that name the person now (a row deleted, a «№» typed twice or over, rows of another
//     script: the count or the rows differ, and every row is read as before).
// Rows are matched by «№», not by position: a sort or an inserted row moves an order with its
// cells. Everything else — a row the person joined since, an order logged — is read, as is every
// row when there is no valid entry.
import { columnOf, findFirstRows } from '../workbook/find-rows';
import { ALL, headerKey, type IndexedOrder, readPageEdits, readPageIndex } from '../workbook/page-index';
import { ORDER_COL } from '../workbook/schema';
import type { OrdersTab, PageBook } from './my-orders-book';

export interface OwnRows {
  /** Sheet rows of the person's to read. */
  read: number[];
  /** Orders taken from the index (cells null: done before the last 30 days, nothing to show). */
  indexed: IndexedOrder[];
}

/** Of the person's rows `own` (found by their `names`), those the index cannot vouch for, and the orders it can. */
export function ownRows(book: PageBook, o: OrdersTab, names: readonly string[], own: readonly number[]): OwnRows {
  const all = { read: [...own], indexed: [] };
  if (own.length === 0) return all;
  const key = headerKey(o.pageTable.header);
  const entries = [...readPageIndex(book.ss, names).values()].filter((e) => e.header === key);
  if (entries.length === 0) return all;
  const edited = readPageEdits(book.ss, Math.min(...entries.map((e) => e.built)));
  if (edited.has(ALL)) return all;
  const byNumber = new Map<string, IndexedOrder>();
  for (const e of entries) for (const x of e.orders) if (!edited.has(x.number)) byNumber.set(x.number, x);
  const nc = columnOf(o.header, ORDER_COL.number);
  if (byNumber.size === 0 || nc < 1) return all;
  const found = findFirstRows(o.sheet, nc, [...byNumber.keys()], Number.MAX_SAFE_INTEGER);
  const mine = new Set(own);
  if (found.total !== byNumber.size || found.rows.length !== found.total || found.rows.some((r) => !mine.has(r)))
    return all;
  const taken = new Set(found.rows);
  return { read: own.filter((r) => !taken.has(r)), indexed: [...byNumber.values()] };
}
