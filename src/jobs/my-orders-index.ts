// «Мои поручения» from the index (issue 23): which rows of a list need reading. The rows of a list
// are found by TextFinder as before — the person's by their names in «Исполнитель» /
// «Соисполнители», the controller's by «Запрошенный срок», «Состояние», «Статус» —; the list's entry
// of the index (workbook/page-index.ts, rebuilt by each daily check after its writes) gives the
// cells of the orders unchanged since. An entry's order is taken only when
//   - the entry was built against today's header (columns not moved or renamed since);
//   - its «№» was not logged since the build (onEdit logs every row a person edits, the page's
//     actions the rows they write or find changed);
//   - and the «№» of all the orders taken are found — one TextFinder per list — exactly once each,
//     all in rows of the list now (a row deleted, a «№» typed twice or over, a row that left the
//     list: the count or the rows differ, and every row of the list is read as before).
// Rows are matched by «№», not by position: a sort or an inserted row moves an order with its
// cells. Everything else — a row that joined the list since, an order logged — is read, as is
// every row when there is no valid entry.
import { normName } from '../domain/order';
import { columnOf, findFirstRows } from '../workbook/find-rows';
import {
  ALL,
  headerKey,
  type IndexEntry,
  type IndexedOrder,
  LIST_KEYS,
  readListEntries,
  readPageEdits,
  readPageIndex,
} from '../workbook/page-index';
import { ORDER_COL } from '../workbook/schema';
import type { OrdersTab, PageBook } from './my-orders-book';

export interface ListRows {
  /** Sheet rows of the list to read. */
  read: number[];
  /** Orders taken from the index (cells null: done before the last 30 days, nothing to show). */
  indexed: IndexedOrder[];
}

interface Loaded {
  /** By normName of the key. */
  entries: Map<string, IndexEntry>;
  /** Keys looked for (normName), found or not. */
  tried: Set<string>;
  /** «№» logged since the build; null until an entry is found (then read once). */
  edited: Set<string> | null;
}

/**
 * A list of fewer rows is read as before: the index costs a search and a read of its own, its log
 * and a search over «№» (≈ 12 calls), more than reading a few rows (a call each).
 */
export const INDEX_MIN_ROWS = 8;

/** One read of the index and of its log per page action (the book lives for one request). */
const loaded = new WeakMap<PageBook, Loaded>();

function load(book: PageBook, keys: readonly string[]): Loaded {
  const have = loaded.get(book);
  if (have && keys.every((k) => have.tried.has(normName(k)))) return have;
  // The controller's lists are read together, at their fixed rows; people's entries by a search.
  const lists: string[] = book.isController ? Object.values(LIST_KEYS) : [];
  const wanted = [...new Set([...keys, ...lists])].filter((k) => !have?.tried.has(normName(k)));
  const isList = (k: string) => lists.includes(k);
  const people = wanted.filter((k) => !isList(k));
  const all = new Map([
    ...(have?.entries ?? []),
    ...(wanted.some(isList) ? readListEntries(book.ss, lists) : []),
    ...(people.length ? readPageIndex(book.ss, people) : []),
  ]);
  // Every entry is built by the same run; the oldest stamp counts should two ever differ.
  const oldest = Math.min(...[...all.values()].map((e) => e.built));
  const out: Loaded = {
    entries: all,
    tried: new Set([...(have?.tried ?? []), ...wanted.map(normName)]),
    edited: have?.edited ?? (all.size ? readPageEdits(book.ss, oldest) : null),
  };
  loaded.set(book, out);
  return out;
}

/**
 * A controller's list is its first CONTROLLER_LIST_MAX rows: a row that joined it above them (a
 * request typed since) pushes the entry's last orders down by one. Its entry's orders may be
 * found this many rows further down the list and still count.
 */
export const LIST_MARGIN = 40;

/**
 * Of a list's rows `rows` (found now by the caller's TextFinder), those the index cannot vouch for,
 * and the orders it can. `keys`: the entries the list is made of (the person's names and the
 * colleagues' they stand in for, or one LIST_KEYS). `within`: the rows the entry's orders must be
 * found in (`rows`, or for a controller's list its first CONTROLLER_LIST_MAX + LIST_MARGIN rows).
 */
export function listRows(
  book: PageBook,
  o: OrdersTab,
  keys: readonly string[],
  rows: readonly number[],
  within: readonly number[] = rows,
): ListRows {
  const all: ListRows = { read: [...rows], indexed: [] };
  if (rows.length < INDEX_MIN_ROWS || keys.length === 0) return all;
  const { entries, edited } = load(book, keys);
  if (!edited) return all;
  const header = headerKey(o.pageTable.header);
  const valid = keys.map((k) => entries.get(normName(k))).filter((e): e is IndexEntry => !!e && e.header === header);
  if (valid.length === 0 || edited.has(ALL)) return all;
  const byNumber = new Map<string, IndexedOrder>();
  for (const e of valid) for (const x of e.orders) if (!edited.has(x.number)) byNumber.set(x.number, x);
  const nc = columnOf(o.header, ORDER_COL.number);
  if (byNumber.size === 0 || nc < 1) return all;
  const found = findFirstRows(o.sheet, nc, [...byNumber.keys()], Number.MAX_SAFE_INTEGER);
  const inList = new Set(within);
  if (found.total !== byNumber.size || found.rows.length !== found.total || found.rows.some((r) => !inList.has(r)))
    return all;
  const taken = new Set(found.rows);
  return { read: rows.filter((r) => !taken.has(r)), indexed: [...byNumber.values()] };
}
