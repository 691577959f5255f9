// «Мои поручения»: what a page action reads (the book: settings, calendar, executors, «Поручения»,
// «Протоколы» for the controller), the page's data built from it, and an order found by «№».
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
import { parseOrderRow, readExecutors, readProtocols } from '../workbook/orders';
import { Problems } from '../workbook/problems';
import { rowVersionOf } from '../workbook/row-version';
import { ORDER_COL, ORDER_SYSTEM_HEADERS, TAB } from '../workbook/schema';
import { type Cell, isBlankRow, normHeader, readTable, type Table } from '../workbook/table';
import { appealItems } from './appeals-page';
import { readCalendar, readSettings } from './context';
import { todayIn } from './links';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PageResponse {
  ok: boolean;
  message: string;
  /** The page as it is now (after the change); absent when the link does not verify. */
  data?: PageData;
  token?: string;
  /** A link that does not open the page: the Russian error page's text, and no data. */
  linkError?: { title: string; text: string };
}

export interface PageBook {
  ss: Spreadsheet;
  tz: string;
  env: PageEnv;
  table: Table | null;
  executors: Executor[];
  /** Read only for the controller (the chair decides extensions by default). */
  protocols: Protocol[] | null;
}

export function openBook(ss: Spreadsheet, email: string): PageBook {
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  const calendar = readCalendar(ss, tz, problems);
  const today = todayIn(tz);
  const ctx = { ss, tz, problems };
  const executors = readExecutors(ctx) ?? [];
  const isController = !!settings.controllerEmail && settings.controllerEmail.toLowerCase() === email.toLowerCase();
  return {
    ss,
    tz,
    env: { today, settings, calendar },
    table: readTable(ss, TAB.orders),
    executors,
    protocols: isController ? (readProtocols(ctx) ?? []) : null,
  };
}

export function versionOf(t: Table, row: Cell[], tz: string): string {
  return rowVersionOf(t, row, tz, ORDER_SYSTEM_HEADERS);
}

function parse(book: PageBook, i: number): OrderRecord {
  const t = book.table as Table;
  return parseOrderRow(t, TAB.orders, t.rows[i], i + 2, book.tz, new Problems());
}

/** The person's names (normName) and the absent colleagues they stand in for today. */
export function peopleOf(book: PageBook, email: string): { mine: Set<string>; absent: Map<string, string> } {
  const mine = new Set(namesOf(email, book.executors).map((e) => normName(e.name)));
  return { mine, absent: absentColleagues(mine, book.executors, book.env.today) };
}

interface Lists {
  orders: OrderItem[];
  extensions: ExtensionItem[];
  removals: RemovalItem[];
}

/** The person's open orders and, for the controller, the requests and removals to decide. */
function orderLists(book: PageBook, mine: ReadonlySet<string>, absent: ReadonlyMap<string, string>): Lists {
  const { env } = book;
  const out: Lists = { orders: [], extensions: [], removals: [] };
  const t = book.table;
  if (!t) return out;
  const chairOf = new Map((book.protocols ?? []).map((p) => [p.number, p.chair]));
  // Names as compared (normName); a row whose names contain none of them is not parsed at all.
  const needles = [...mine, ...absent.keys()].filter(Boolean);
  const ec = t.col(ORDER_COL.executor);
  const cc = t.col(ORDER_COL.coExecutors);
  const rc = t.col(ORDER_COL.requestedDate);
  const sc = t.col(ORDER_COL.status);
  const done = (r: Cell[]) => sc >= 0 && normHeader(r[sc]) === normHeader('Готово');
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    // Cheap test first: only the person's rows (and, for the controller, rows with a request) are parsed.
    const names = `${ec >= 0 ? String(r[ec] ?? '') : ''};${cc >= 0 ? String(r[cc] ?? '') : ''}`;
    const hay = needles.length > 0 ? normName(names) : '';
    const maybeMine = needles.some((n) => hay.includes(n));
    const maybeRequest = book.protocols !== null && rc >= 0 && r[rc] !== '';
    const maybeRemoval = book.protocols !== null && env.settings.removalMode === 'giver' && done(r);
    if (!maybeMine && !maybeRequest && !maybeRemoval) return;
    const o = parse(book, i);
    if (!o.number || o.invalid.includes(ORDER_COL.number)) return;
    const version = versionOf(t, r, book.tz);
    if (maybeMine && o.status !== 'Готово') {
      const who = roleFor(o, mine, absent);
      const item = who && orderItem(o, who, version, env);
      if (item) out.orders.push(item);
    }
    if (maybeRequest && o.requestedDate) {
      const day = requestDayFromHistory(o.history, o.requestedDate) ?? env.today;
      const x = extensionItem(o, day, chairOf.get(o.protocol) ?? '', version, env);
      if (x) out.extensions.push(x);
    }
    if (maybeRemoval) {
      const x = removalItem(o, version, env);
      if (x) out.removals.push(x);
    }
  });
  out.orders.sort(byDue);
  return out;
}

export function pageData(book: PageBook, email: string): PageData {
  const { env } = book;
  const me = namesOf(email, book.executors);
  const { mine, absent } = peopleOf(book, email);
  const { orders, extensions, removals } = orderLists(book, mine, absent);
  return {
    email,
    name: me[0]?.name ?? '',
    organization: env.settings.organization,
    today: formatRu(env.today),
    isController: book.protocols !== null,
    lists: { orders, extensions, removals, appeals: appealItems(book.ss, book.tz, env, mine, absent) },
    removalMode: env.settings.removalMode,
  };
}

export interface Found {
  index: number;
  record: OrderRecord;
}

/** The one row of «Поручения» with this «№», or the page's refusal. */
export function findOrder(book: PageBook, number: string): Found | { error: string } {
  const t = book.table;
  if (!t) return { error: `Нет листа «${TAB.orders}».` };
  const nc = t.col(ORDER_COL.number);
  if (nc < 0) return { error: `На листе «${TAB.orders}» нет столбца «${ORDER_COL.number}».` };
  const hits: number[] = [];
  t.rows.forEach((r, i) => {
    const v = r[nc];
    const n = typeof v === 'number' && Number.isInteger(v) ? String(v) : String(v ?? '').trim();
    if (n && n === number) hits.push(i);
  });
  if (hits.length === 0)
    return {
      error: `Поручения № ${number} больше нет на листе «${TAB.orders}» (оно перенесено в архив или удалено). Обновите страницу.`,
    };
  if (hits.length > 1)
    return { error: `№ ${number} повторяется в таблице: сообщите контролёру. Изменение не сохранено.` };
  return { index: hits[0], record: parse(book, hits[0]) };
}

/** «Иванов И.И. <ivanov@…>», or the address alone. */
export function who(book: PageBook, email: string): string {
  const name = namesOf(email, book.executors)[0]?.name;
  return name ? `${name} <${email}>` : email;
}
