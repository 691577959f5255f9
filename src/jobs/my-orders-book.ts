// «Мои поручения»: what a page action reads and the page's data built from it. The settings,
// calendar and executors are read whole (small tabs); «Поручения» is never read whole: the
// person's rows are found by TextFinder over «Исполнитель» and «Соисполнители», the controller's by
// «Запрошенный срок» (and «Статус» = «Готово» when the one who gave the order removes it from
// control), and only those rows are read, only as wide as the page's columns; «Протоколы» only in
// the rows of the protocols those orders name (workbook/find-rows.ts; docs/PERFORMANCE.md «Мои
// поручения»). Every row read is re-checked (the person named in it, its «№»), so a stale hit
// shows nothing it should not.
import { formatRu } from '../domain/dates';
import { requestDayFromHistory } from '../domain/history';
import {
  absentColleagues,
  byDue,
  type ExtensionItem,
  extensionItem,
  namesOf,
  type OrderItem,
  orderItem,
  type PageData,
  type PageEnv,
  type RemovalItem,
  removalItem,
  roleFor,
} from '../domain/my-orders';
import { type Executor, normName, type OrderRecord, type Protocol } from '../domain/order';
import { byDoneDesc, type DoneItem, doneItem } from '../domain/page-details';
import { rightsOf } from '../domain/rights';
import { columnOf, findFirstRows, findRowsByValue, readHeader, readRowsAt } from '../workbook/find-rows';
import { parseOrderRow, protocolsFrom, readExecutors } from '../workbook/orders';
import { LIST_KEYS } from '../workbook/page-index';
import { Problems } from '../workbook/problems';
import { rowVersionOf } from '../workbook/row-version';
import { ORDER_COL, ORDER_SYSTEM_HEADERS, PROTOCOL_COL, STATUS, TAB } from '../workbook/schema';
import { type Cell, makeTable, type Table } from '../workbook/table';
import { appealItems } from './appeals-page';
import { readCalendar, readSettings } from './context';
import { todayIn } from './links';
import { LIST_MARGIN, type ListRows, listRows } from './my-orders-index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface PageResponse {
  ok: boolean;
  message: string;
  /** The page as it is now (after the change); absent when the link does not verify. */
  data?: PageData;
  token?: string;
  /** A link that does not open the page: the Russian error page's text, and no data. */
  linkError?: { title: string; text: string };
}

/** «Поручения» as the page sees it: its header, and how wide the page reads a row. */
export interface OrdersTab {
  sheet: Sheet;
  header: Cell[];
  /** Columns 1 … pageWidth hold every people's column the page shows, checks or changes. */
  pageWidth: number;
  /** The header cut to pageWidth: rows read for the page are parsed and versioned against it. */
  pageTable: Table;
}

export interface PageBook {
  ss: Spreadsheet;
  tz: string;
  env: PageEnv;
  orders: OrdersTab | null;
  executors: Executor[];
  /** True for the controller (settings' «Эл. почта контролёра»). */
  isController: boolean;
}

/**
 * The columns the page shows, checks or changes. A row is read from column 1 to the last of them
 * (columns between are read too: one block per row); a feature that shows another column adds it
 * here. Columns after it (round 3's appended ones, people's own) are read only in the one row an
 * action changes.
 */
export const PAGE_COLUMNS: readonly string[] = [
  ORDER_COL.number,
  ORDER_COL.protocol,
  ORDER_COL.text,
  ORDER_COL.executor,
  ORDER_COL.coExecutors,
  ORDER_COL.urgency,
  ORDER_COL.deadline,
  ORDER_COL.status,
  ORDER_COL.progress,
  ORDER_COL.doneDate,
  ORDER_COL.requestedDate,
  ORDER_COL.requestReason,
  ORDER_COL.decision,
  ORDER_COL.approvedBy,
  ORDER_COL.removal,
  // The card's last lines of «История» (domain/page-details.ts); a request's day (controller).
  ORDER_COL.history,
  // Control between the dates (domain/page-between.ts): the occurrence, the interim and
  // co-executors' dates, the late reason asked with a late «Готово».
  ORDER_COL.periodicity,
  ORDER_COL.validUntil,
  ORDER_COL.interimDate,
  ORDER_COL.lateReason,
  ORDER_COL.coDeadline,
];

/**
 * The page's width in a header: the last of PAGE_COLUMNS, within the header (the index is built as
 * wide: jobs/page-index-build.ts).
 */
export function pageWidthOf(header: readonly Cell[]): number {
  return Math.min(Math.max(1, ...PAGE_COLUMNS.map((h) => columnOf(header, h))), Math.max(1, header.length));
}

function ordersTab(ss: Spreadsheet): OrdersTab | null {
  const sheet = ss.getSheetByName(TAB.orders);
  if (!sheet) return null;
  const header = readHeader(sheet);
  const pageWidth = pageWidthOf(header);
  return { sheet, header, pageWidth, pageTable: makeTable(TAB.orders, sheet, [header.slice(0, pageWidth)]) };
}

export function openBook(ss: Spreadsheet, email: string): PageBook {
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  const calendar = readCalendar(ss, tz, problems);
  const today = todayIn(tz);
  const executors = readExecutors({ ss, tz, problems }) ?? [];
  const isController = !!settings.controllerEmail && settings.controllerEmail.toLowerCase() === email.toLowerCase();
  return {
    ss,
    tz,
    env: { today, settings, calendar },
    orders: ordersTab(ss),
    executors,
    isController,
  };
}

/**
 * The version of a row the page saw: its people's columns up to pageWidth (workbook/row-version.ts),
 * the same whether the row was read page-wide (a load) or whole (the action that changes it).
 */
export function versionOf(o: OrdersTab, row: readonly Cell[], tz: string): string {
  return rowVersionOf(o.pageTable, row.slice(0, o.pageWidth), tz, ORDER_SYSTEM_HEADERS);
}

/** A row as a record; `full` is a whole row (read with the header's width), else a page-wide one. */
export function parseRow(book: PageBook, row: Cell[], sheetRow: number, full: boolean): OrderRecord {
  const o = book.orders as OrdersTab;
  const t = full ? makeTable(TAB.orders, o.sheet, [o.header]) : o.pageTable;
  return parseOrderRow(t, TAB.orders, row, sheetRow, book.tz, new Problems());
}

/** The person's names (normName) and the absent colleagues they stand in for today. */
export function peopleOf(book: PageBook, email: string): { mine: Set<string>; absent: Map<string, string> } {
  const mine = new Set(namesOf(email, book.executors).map((e) => normName(e.name)));
  return { mine, absent: absentColleagues(mine, book.executors, book.env.today) };
}

interface Lists {
  notice?: string;
  orders: OrderItem[];
  done: DoneItem[];
  extensions: ExtensionItem[];
  removals: RemovalItem[];
}

/** Rows naming one of `names` as executor (whole cell) or among the co-executors. */
function personRows(o: OrdersTab, names: string[]): number[] {
  const ec = columnOf(o.header, ORDER_COL.executor);
  const cc = columnOf(o.header, ORDER_COL.coExecutors);
  return [...findRowsByValue(o.sheet, ec, names), ...findRowsByValue(o.sheet, cc, names, { whole: false })];
}

/**
 * The controller's lists read at most this many rows each (requests, removals), in the sheet's
 * order: a phone page of hundreds of requests is not read anyway, and the page costs what it
 * shows. The page says how many rows with a request there are and where the rest is.
 */
export const CONTROLLER_LIST_MAX = 80;

interface ControllerRows {
  requests: number[];
  removals: number[];
  /** The lists' rows further down (LIST_MARGIN): where an indexed order may have moved. */
  within: { requests: number[]; removals: number[] };
  /** Rows found beyond CONTROLLER_LIST_MAX (not read). */
  more: { requests: number; removals: number; totalRequests: number; totalRemovals: number };
}

/** The controller's candidate rows: with a request, and (removal by the giver) marked «Готово». */
function controllerRows(book: PageBook, o: OrdersTab): ControllerRows {
  const max = CONTROLLER_LIST_MAX + LIST_MARGIN;
  const requests = findFirstRows(o.sheet, columnOf(o.header, ORDER_COL.requestedDate), null, max);
  const giver = book.env.settings.removalMode === 'giver';
  const removals = giver
    ? findFirstRows(o.sheet, columnOf(o.header, ORDER_COL.status), [STATUS.done], max)
    : { rows: [], total: 0 };
  return {
    requests: requests.rows.slice(0, CONTROLLER_LIST_MAX),
    removals: removals.rows.slice(0, CONTROLLER_LIST_MAX),
    within: { requests: requests.rows, removals: removals.rows },
    more: {
      requests: Math.max(0, requests.total - CONTROLLER_LIST_MAX),
      removals: Math.max(0, removals.total - CONTROLLER_LIST_MAX),
      totalRequests: requests.total,
      totalRemovals: removals.total,
    },
  };
}

/** What the controller is told when a list was cut (Russian, one sentence each). */
function cutNotice(more: ControllerRows['more']): string | undefined {
  const parts: string[] = [];
  if (more.requests > 0)
    parts.push(
      `Показаны запросы переноса из первых ${CONTROLLER_LIST_MAX} строк с «${ORDER_COL.requestedDate}» (всего таких строк ${more.totalRequests}): остальные появятся здесь, когда по этим будет решение, или решите их на листе «${TAB.orders}» в столбце «${ORDER_COL.decision}».`,
    );
  if (more.removals > 0)
    parts.push(
      `Показаны поручения из первых ${CONTROLLER_LIST_MAX} строк со статусом «${STATUS.done}» (всего ${more.totalRemovals}): остальные — на листе «${TAB.orders}», столбец «${ORDER_COL.removal}».`,
    );
  return parts.length ? parts.join(' ') : undefined;
}

/** Up to this many rows «Протоколы» is read whole (≈ 840 cells: the price of the search's 6 calls). */
const SMALL_PROTOCOLS = 120;

/**
 * «Протоколы» by «№», only the protocols named: their rows found by «№» and read (every card names
 * its protocol; the chair decides a request by default, 001 7.2.4.2) — not the whole tab.
 */
export function protocolsNamed(book: PageBook, numbers: readonly string[]): Map<string, Protocol> {
  const wanted = [...new Set(numbers.filter(Boolean))];
  const sheet = wanted.length ? book.ss.getSheetByName(TAB.protocols) : null;
  if (!sheet) return new Map();
  // A small tab (a year of meetings) is read whole: its cells cost less than a search's calls.
  const last = sheet.getLastRow();
  let t: Table;
  if (last <= SMALL_PROTOCOLS) {
    t = makeTable(TAB.protocols, sheet, sheet.getDataRange().getValues() as Cell[][]);
  } else {
    const header = readHeader(sheet);
    const nc = columnOf(header, PROTOCOL_COL.number);
    if (nc < 1) return new Map();
    const rows = readRowsAt(sheet, findRowsByValue(sheet, nc, wanted), header.length);
    t = makeTable(TAB.protocols, sheet, [header, ...rows.values()]);
  }
  const found = protocolsFrom(t, { tz: book.tz, problems: new Problems() });
  return new Map(found.map((p) => [p.number, p]));
}

interface Row {
  sheetRow: number;
  row: Cell[];
  r: OrderRecord;
}

/** The rows the page needs, read page-wide (the last page column is «История»), as records in sheet order. */
export function readRecords(book: PageBook, o: OrdersTab, rows: Iterable<number>): Row[] {
  return [...readRowsAt(o.sheet, [...new Set(rows)], o.pageWidth)]
    .sort((a, b) => a[0] - b[0])
    .map(([sheetRow, row]) => ({ sheetRow, row, r: parseRow(book, row, sheetRow, false) }));
}

/**
 * The records of several lists: each list's indexed orders as they are in the index, the rows left
 * to read read once for all; each record says which lists it is in. In the sheet's order (an
 * indexed order at its row when the index was built), as the lists were before the index.
 */
export function groupRecords<K extends string>(
  book: PageBook,
  o: OrdersTab,
  groups: Record<K, ListRows>,
): (Row & { of: Set<K>; at: number })[] {
  const keys = Object.keys(groups) as K[];
  const out: (Row & { of: Set<K>; at: number })[] = [];
  for (const k of keys)
    for (const x of groups[k].indexed)
      if (x.cells)
        out.push({ sheetRow: 0, row: x.cells, r: parseRow(book, x.cells, 0, false), of: new Set([k]), at: x.row });
  const reading = keys.map((k) => new Set(groups[k].read));
  for (const x of readRecords(
    book,
    o,
    reading.flatMap((s) => [...s]),
  ))
    out.push({ ...x, of: new Set(keys.filter((_, i) => reading[i].has(x.sheetRow))), at: x.sheetRow });
  return out.sort((a, b) => a.at - b.at);
}

/** The person's open orders and done ones (30 days), and for the controller the requests and removals. */
function orderLists(book: PageBook, mine: ReadonlySet<string>, absent: ReadonlyMap<string, string>): Lists {
  const { env } = book;
  const out: Lists = { orders: [], done: [], extensions: [], removals: [] };
  const o = book.orders;
  if (!o) return out;
  const names = book.executors
    .filter((e) => mine.has(normName(e.name)) || absent.has(normName(e.name)))
    .map((e) => e.name);
  const own = personRows(o, names);
  const ctl = book.isController ? controllerRows(book, o) : null;
  // Each list's rows the index vouches for are not read (jobs/my-orders-index.ts); the rest are.
  const groups = {
    mine: listRows(book, o, names, own),
    request: listRows(book, o, [LIST_KEYS.requests], ctl?.requests ?? [], ctl?.within.requests),
    removal: listRows(book, o, [LIST_KEYS.removals], ctl?.removals ?? [], ctl?.within.removals),
  };
  const records = groupRecords(book, o, groups);
  const protocolOf = protocolsNamed(
    book,
    records.map((x) => x.r.protocol),
  );
  for (const { row, r, of } of records) {
    if (!r.number || r.invalid.includes(ORDER_COL.number)) continue;
    const version = versionOf(o, row, book.tz);
    const who = of.has('mine') ? roleFor(r, mine, absent) : null;
    const item = who && r.status !== STATUS.done ? orderItem(r, who, version, env, protocolOf) : null;
    if (item) out.orders.push(item);
    const done =
      who && r.status === STATUS.done
        ? doneItem(r, version, env.today, protocolOf, rightsOf(who, r.executor).status)
        : null;
    if (done) out.done.push(done);
    const day = of.has('request') && r.requestedDate ? requestDayFromHistory(r.history, r.requestedDate) : null;
    const x =
      of.has('request') && r.requestedDate
        ? extensionItem(r, day ?? env.today, protocolOf.get(r.protocol)?.chair ?? '', version, env)
        : null;
    if (x) out.extensions.push(x);
    const rm = of.has('removal') ? removalItem(r, version, env) : null;
    if (rm) out.removals.push(rm);
  }
  out.orders.sort(byDue);
  out.done.sort(byDoneDesc);
  out.notice = ctl ? cutNotice(ctl.more) : undefined;
  return out;
}

export function pageData(book: PageBook, email: string): PageData {
  const { env } = book;
  const me = namesOf(email, book.executors);
  const { mine, absent } = peopleOf(book, email);
  const { orders, done, extensions, removals, notice } = orderLists(book, mine, absent);
  return {
    email,
    name: me[0]?.name ?? '',
    organization: env.settings.organization,
    today: formatRu(env.today),
    isController: book.isController,
    lists: { orders, extensions, removals, appeals: appealItems(book.ss, book.tz, env, mine, absent), done },
    removalMode: env.settings.removalMode,
    ...(notice ? { notice } : {}),
  };
}

export interface Found {
  /** Sheet row. */
  row: number;
  /** The whole row as read now (the header's width). */
  cells: Cell[];
  record: OrderRecord;
}

/** The one row of «Поручения» with this «№» (found by TextFinder, re-checked as read), or the page's refusal. */
export function findOrder(book: PageBook, number: string): Found | { error: string } {
  const o = book.orders;
  if (!o) return { error: `Нет листа «${TAB.orders}».` };
  const nc = columnOf(o.header, ORDER_COL.number);
  if (nc < 1) return { error: `На листе «${TAB.orders}» нет столбца «${ORDER_COL.number}».` };
  const rows = readRowsAt(o.sheet, number ? findRowsByValue(o.sheet, nc, [number]) : [], o.header.length);
  const numberOf = (v: Cell | undefined) =>
    typeof v === 'number' && Number.isInteger(v) ? String(v) : String(v ?? '').trim();
  const hits = [...rows].filter(([, cells]) => numberOf(cells[nc - 1]) === number);
  if (hits.length === 0)
    return {
      error: `Поручения № ${number} больше нет на листе «${TAB.orders}» (оно перенесено в архив или удалено). Обновите страницу.`,
    };
  if (hits.length > 1)
    return { error: `№ ${number} повторяется в таблице: сообщите контролёру. Изменение не сохранено.` };
  const [row, cells] = hits[0];
  return { row, cells, record: parseRow(book, cells, row, true) };
}

/** «Иванов И.И. <ivanov@…>», or the address alone. */
export function who(book: PageBook, email: string): string {
  const name = namesOf(email, book.executors)[0]?.name;
  return name ? `${name} <${email}>` : email;
}
