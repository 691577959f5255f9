// The daily check keeps «Мои поручения»'s index (workbook/page-index.ts, issue 23): before it writes
// «Поручения» the old entries stop counting; after its writes (and «Архив»'s deletions) each person's
// entry is rebuilt from the rows it holds in memory — the rows as read, with every cell it wrote —
// so a page load reads again only the rows changed since. No extra read of «Поручения».
import { addDays, cellToIsoDate, type IsoDate } from '../domain/dates';
import { normName, splitNames } from '../domain/order';
import { DONE_DAYS } from '../domain/page-details';
import type { OrderBook } from '../workbook/orders';
import { normalizeStatus } from '../workbook/orders';
import {
  headerKey,
  type IndexEntry,
  type IndexedOrder,
  invalidatePageIndex,
  numberText,
  writePageIndex,
} from '../workbook/page-index';
import { ORDER_COL, STATUS } from '../workbook/schema';
import type { Cell, Table } from '../workbook/table';
import type { RunContext } from './context';
import { pageWidthOf } from './my-orders-book';

/**
 * The build's stamp is this much before the run started: a person's edit logged by a clock a little
 * behind the run's is still counted as after the build (it is read again: the safe side).
 */
export const BUILD_MARGIN_MS = 5 * 60_000;

/** Before the daily check writes «Поручения»: no entry counts until rebuilt. */
export function pageIndexStale(ctx: RunContext): void {
  invalidatePageIndex(ctx.ss);
}

/** The people's entries from the rows in memory; `gone` are 0-based rows deleted since (archived). */
export function pageEntries(
  t: Table,
  book: OrderBook,
  gone: readonly number[],
  today: IsoDate,
  tz: string,
  built: number,
): IndexEntry[] {
  const header = t.header;
  const width = Math.min(pageWidthOf(header), Math.max(1, header.length));
  const col = (h: string) => t.col(h);
  const [nc, ec, cc, sc, dc] = [
    ORDER_COL.number,
    ORDER_COL.executor,
    ORDER_COL.coExecutors,
    ORDER_COL.status,
    ORDER_COL.doneDate,
  ].map(col);
  if (nc < 0 || ec < 0) return [];
  const deleted = new Set(gone);
  // A «№» found more than once (a mistake the check reports) is never taken from the index.
  const seen = new Map<string, number>();
  t.rows.forEach((r, i) => {
    if (deleted.has(i)) return;
    const n = normName(numberText(r[nc]));
    if (n) seen.set(n, (seen.get(n) ?? 0) + 1);
  });
  const since = addDays(today, -DONE_DAYS);
  const byName = new Map<string, IndexedOrder[]>(book.executors.map((e) => [normName(e.name), []]));
  t.rows.forEach((r, i) => {
    if (deleted.has(i)) return;
    const number = numberText(r[nc]);
    if (!number || seen.get(normName(number)) !== 1) return;
    const done = sc >= 0 && normalizeStatus(String(r[sc] ?? '')) === STATUS.done;
    const doneDate = done && dc >= 0 ? cellToIsoDate(r[dc] as Cell, tz) : null;
    const cells = doneDate && doneDate < since ? null : r.slice(0, width).map((c) => (c ?? '') as Cell);
    const names = new Set([
      normName(String(r[ec] ?? '')),
      ...splitNames(String(cc >= 0 ? (r[cc] ?? '') : '')).map(normName),
    ]);
    for (const n of names) byName.get(n)?.push({ number, cells });
  });
  const key = headerKey(header.slice(0, width));
  const names = new Map(book.executors.map((e) => [normName(e.name), e.name]));
  return [...byName].map(([n, orders]) => ({ name: names.get(n) ?? n, built, header: key, orders }));
}

/** After the daily check's writes: every person's entry written anew. Returns the characters written. */
export function rebuildPageIndex(ctx: RunContext, book: OrderBook, gone: readonly number[]): number {
  const t = book.ordersTable;
  if (!t || !book.ordersUsable) return 0;
  const built = ctx.now.getTime() - BUILD_MARGIN_MS;
  return writePageIndex(ctx.ss, pageEntries(t, book, gone, ctx.today, ctx.tz, built), built);
}
