// The daily check keeps «Мои поручения»'s index (workbook/page-index.ts, issue 23): before it writes
// «Поручения» the old entries stop counting; after its writes (and «Архив»'s deletions) each person's
// entry is rebuilt from the rows it holds in memory — the rows as read, with every cell it wrote —
// so a page load reads again only the rows changed since. No extra read of «Поручения».
import { addDays, cellToIsoDate, type IsoDate } from '../domain/dates';
import { normName, splitNames } from '../domain/order';
import { DONE_DAYS } from '../domain/page-details';
import { pageHistory } from '../domain/page-history';
import type { OrderBook } from '../workbook/orders';
import { normalizeStatus } from '../workbook/orders';
import {
  headerKey,
  type IndexEntry,
  type IndexedOrder,
  invalidatePageIndex,
  LIST_KEYS,
  numberText,
  writePageIndex,
} from '../workbook/page-index';
import { ORDER_COL, STATE, STATUS } from '../workbook/schema';
import type { Cell, Table } from '../workbook/table';
import type { RunContext } from './context';
import { CONTROLLER_LIST_MAX, pageWidthOf } from './my-orders-book';

/**
 * The build's stamp is this much before the run started: a person's edit logged by a clock a little
 * behind the run's is still counted as after the build (it is read again: the safe side).
 */
export const BUILD_MARGIN_MS = 5 * 60_000;

/** Before the daily check writes «Поручения»: no entry counts until rebuilt. */
export function pageIndexStale(ctx: RunContext): void {
  invalidatePageIndex(ctx.ss);
}

/** The rows as the sheet holds them now: those after a deleted (archived) one moved up. */
function sheetNow(t: Table, gone: readonly number[]): { row: number; cells: Cell[] }[] {
  const deleted = new Set(gone);
  const rows: { row: number; cells: Cell[] }[] = [];
  t.rows.forEach((r, i) => {
    if (!deleted.has(i)) rows.push({ row: rows.length + 2, cells: r });
  });
  return rows;
}

/** How often each «№» occurs (normName): one found more than once is never taken from the index. */
function numberCounts(rows: readonly { cells: Cell[] }[], nc: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { cells } of rows) {
    const n = normName(numberText(cells[nc]));
    if (n) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  return seen;
}

/**
 * The entries from the rows in memory: one per person of «Исполнители», and one per controller's
 * list (its first CONTROLLER_LIST_MAX hits in the sheet's order, as findFirstRows gives them).
 * `gone` are 0-based rows deleted since (archived).
 */
export function pageEntries(
  t: Table,
  book: OrderBook,
  gone: readonly number[],
  env: { today: IsoDate; tz: string; built: number; giver: boolean },
): IndexEntry[] {
  const header = t.header;
  const width = pageWidthOf(header);
  const col = (h: string) => t.col(h);
  const [nc, ec, cc, sc, dc, rc, stc, hc] = [
    ORDER_COL.number,
    ORDER_COL.executor,
    ORDER_COL.coExecutors,
    ORDER_COL.status,
    ORDER_COL.doneDate,
    ORDER_COL.requestedDate,
    ORDER_COL.state,
    ORDER_COL.history,
  ].map(col);
  if (nc < 0 || ec < 0) return [];
  const rows = sheetNow(t, gone);
  const seen = numberCounts(rows, nc);
  const unique = (cells: Cell[]) => {
    const number = numberText(cells[nc]);
    return number && seen.get(normName(number)) === 1 ? number : '';
  };
  // «История» only as far as the page uses it (domain/page-history.ts): most of an entry's volume.
  const page = (cells: Cell[]) =>
    cells.slice(0, width).map((c, i) => (i === hc && typeof c === 'string' ? pageHistory(c) : ((c ?? '') as Cell)));
  const since = addDays(env.today, -DONE_DAYS);
  const byName = new Map<string, IndexedOrder[]>(book.executors.map((e) => [normName(e.name), []]));
  const lists = new Map<string, IndexedOrder[]>([
    [LIST_KEYS.requests, []],
    [LIST_KEYS.overdue, []],
    ...(env.giver ? ([[LIST_KEYS.removals, []]] as [string, IndexedOrder[]][]) : []),
  ]);
  const listHas = (key: string, cells: Cell[]): boolean => {
    if (key === LIST_KEYS.requests) return rc >= 0 && /\S/.test(String(cells[rc] ?? ''));
    if (key === LIST_KEYS.overdue) return stc >= 0 && normName(String(cells[stc] ?? '')) === normName(STATE.overdue);
    return sc >= 0 && normName(String(cells[sc] ?? '')) === normName(STATUS.done);
  };
  const counted = new Map<string, number>();
  for (const { row, cells } of rows) {
    const number = unique(cells);
    // A row's page cells are made once, for its lists and its people alike.
    let shown: Cell[] | undefined;
    const shownCells = () => (shown ??= page(cells));
    for (const [key, list] of lists) {
      if ((counted.get(key) ?? 0) >= CONTROLLER_LIST_MAX || !listHas(key, cells)) continue;
      counted.set(key, (counted.get(key) ?? 0) + 1);
      if (number) list.push({ number, cells: shownCells(), row });
    }
    if (!number) continue;
    const done = sc >= 0 && normalizeStatus(String(cells[sc] ?? '')) === STATUS.done;
    const doneDate = done && dc >= 0 ? cellToIsoDate(cells[dc] as Cell, env.tz) : null;
    const order = { number, cells: doneDate && doneDate < since ? null : shownCells(), row };
    const names = new Set([
      normName(String(cells[ec] ?? '')),
      ...splitNames(String(cc >= 0 ? (cells[cc] ?? '') : '')).map(normName),
    ]);
    for (const n of names) byName.get(n)?.push(order);
  }
  const key = headerKey(header.slice(0, width));
  const names = new Map(book.executors.map((e) => [normName(e.name), e.name]));
  // The controller's lists first: the page reads them at rows 2… without a search (readListEntries).
  return [...lists, ...byName].map(([n, orders]) => ({
    name: names.get(n) ?? n,
    built: env.built,
    header: key,
    orders,
  }));
}

/** After the daily check's writes: every person's entry written anew. Returns the characters written. */
export function rebuildPageIndex(ctx: RunContext, book: OrderBook, gone: readonly number[]): number {
  const t = book.ordersTable;
  if (!t || !book.ordersUsable) return 0;
  const built = ctx.now.getTime() - BUILD_MARGIN_MS;
  const giver = ctx.settings.removalMode === 'giver';
  try {
    return writePageIndex(ctx.ss, pageEntries(t, book, gone, { today: ctx.today, tz: ctx.tz, built, giver }), built);
  } catch (err) {
    // The index stays as pageIndexStale left it (no entry counts): the page reads the rows. The
    // daily check's own work is done and must not be reported as failed for the page's sake.
    console.error(`Индекс страницы не записан: ${err instanceof Error ? err.message : String(err)}`);
    return 0;
  }
}
