// «Мои поручения» for the controller (issue 25 п.10): everyone's overdue orders (TextFinder on
// «Состояние», re-judged as read), a search by «№» or text and/or executor (TextFinder), only those
// rows read page-wide; and a new «Срок» and/or a remark in «Ход исполнения» from the page, written
// as the controller would type them in the sheet — the same onEdit fills for an edited «Срок»
// («Первоначальный срок» kept), one «История» line with who did it.
import {
  byDueAsc,
  type ControlAction,
  type ControlItem,
  controlChange,
  controlItem,
  SEARCH_LIMIT,
} from '../domain/control-page';
import { formatRu, midnightInZone } from '../domain/dates';
import { appendHistory, historyLine } from '../domain/history';
import type { PageData } from '../domain/my-orders';
import { recordEvents } from '../domain/order-event-rules';
import { noteLine } from '../domain/order-events';
import { byDoneDesc } from '../domain/page-details';
import { columnOf, findFirstRows, findRowsByValue } from '../workbook/find-rows';
import { LIST_KEYS } from '../workbook/page-index';
import { ORDER_COL, STATE } from '../workbook/schema';
import { colOrError, type Done, fullTable, rowCopy, STALE, sameVersion, writeRow } from './my-orders-actions';
import { archivedDone } from './my-orders-archive';
import {
  CONTROLLER_LIST_MAX,
  findOrder,
  groupRecords,
  type OrdersTab,
  type PageBook,
  pageData,
  protocolsNamed,
  versionOf,
  who,
} from './my-orders-book';
import { LIST_MARGIN, listRows } from './my-orders-index';
import { withStages } from './my-orders-plans';
import { editFills } from './onedit';

/** The controller's search from the page: «№» or words of «Поручение», and/or one «Исполнитель». */
export interface PageSearch {
  query: string;
  executor: string;
}

/** Rows matching a search: «№» (whole cell) or the text (anywhere in «Поручение»), within one executor's. */
function searchRows(o: OrdersTab, q: PageSearch): number[] {
  const query = q.query.trim();
  const executor = q.executor.trim();
  let rows: number[] | null = null;
  if (query) {
    const byNumber = findRowsByValue(o.sheet, columnOf(o.header, ORDER_COL.number), [query]);
    const byText = findRowsByValue(o.sheet, columnOf(o.header, ORDER_COL.text), [query], { whole: false });
    rows = [...new Set([...byNumber, ...byText])];
  }
  if (executor) {
    const his = new Set(findRowsByValue(o.sheet, columnOf(o.header, ORDER_COL.executor), [executor]));
    rows = rows ? rows.filter((r) => his.has(r)) : [...his];
  }
  return (rows ?? []).sort((a, b) => a - b);
}

/** The page's data; for the controller with the overdue list, the executors' names and a search's finds. */
export function pageDataFor(
  book: PageBook,
  email: string,
  search: PageSearch | null = null,
  withArchive = false,
): PageData {
  const page = withStages(book, pageData(book, email));
  // Done orders already moved to «Архив» belong to the 30 days too (a № seen on «Поручения» wins).
  // Read on the page's load only: an action changes nothing there, and the page keeps what it had.
  const seen = new Set((page.lists.done ?? []).map((x) => x.number));
  const archived = withArchive ? archivedDone(book, email).filter((x) => !seen.has(x.number)) : [];
  const data = archived.length
    ? { ...page, lists: { ...page.lists, done: [...(page.lists.done ?? []), ...archived].sort(byDoneDesc) } }
    : page;
  const o = book.orders;
  if (!book.isController || !o) return data;
  // As the requests: at most CONTROLLER_LIST_MAX rows read, in the sheet's order.
  const overdueRows = findFirstRows(
    o.sheet,
    columnOf(o.header, ORDER_COL.state),
    [STATE.overdue],
    CONTROLLER_LIST_MAX + LIST_MARGIN,
  );
  // The overdue orders unchanged since the daily check come from its index (jobs/my-orders-index.ts).
  const first = overdueRows.rows.slice(0, CONTROLLER_LIST_MAX);
  const overdue = listRows(book, o, [LIST_KEYS.overdue], first, overdueRows.rows);
  const all = search ? searchRows(o, search) : [];
  // The newest matches (lowest on the sheet) when there are more than a phone screen holds.
  const found = new Set(all.slice(-SEARCH_LIMIT));
  const records = groupRecords(book, o, { overdue, found: { read: [...found], indexed: [] } });
  const protocolOf = protocolsNamed(
    book,
    records.map((x) => x.r.protocol),
  );
  const late: ControlItem[] = [];
  const finds: ControlItem[] = [];
  for (const { row, r, of } of records) {
    const x = controlItem(r, versionOf(o, row, book.tz), book.env, book.executors, protocolOf);
    if (x && of.has('overdue') && x.state === STATE.overdue) late.push(x);
    // A copy: google.script.run refuses an answer holding one object twice (the sandbox as Google).
    if (x && of.has('found')) finds.push({ ...x, coExecutors: [...x.coExecutors] });
  }
  late.sort(byDueAsc);
  const cut =
    overdueRows.total > CONTROLLER_LIST_MAX
      ? `Показаны просроченные из первых ${CONTROLLER_LIST_MAX} строк (всего ${overdueRows.total}): остальные — на листе «Поручения», «Состояние» = «Просрочено».`
      : '';
  return {
    ...data,
    ...(cut ? { notice: [data.notice, cut].filter(Boolean).join(' ') } : {}),
    executorNames: [...new Set(book.executors.map((e) => e.name).filter(Boolean))],
    search: search ? { ...search, total: all.length } : undefined,
    lists: { ...data.lists, overdue: late, found: search ? finds : undefined },
  };
}

export function applyControl(book: PageBook, email: string, a: ControlAction): Done {
  if (!book.isController) return 'Менять срок со страницы может только контролёр.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  if (!sameVersion(book, f, a.version)) return STALE;
  const { env, tz } = book;
  const c = controlChange(a, f.record, env.today);
  if ('error' in c) return c.error;
  const t = fullTable(book);
  const next = rowCopy(t, f);
  const edited: number[] = [];
  const done: string[] = [];
  if (c.change.deadline) {
    const dc = colOrError(t, ORDER_COL.deadline);
    if (typeof dc === 'string') return dc;
    // onEdit keeps the first «Срок» typed when «Первоначальный срок» is blank; here the first one is
    // the date being replaced, so it is the one kept (the daily check would have recorded it).
    const oc = t.col(ORDER_COL.originalDeadline);
    if (oc >= 0 && f.record.deadline && String(next[oc] ?? '') === '') next[oc] = midnightInZone(f.record.deadline, tz);
    next[dc] = midnightInZone(c.change.deadline, tz);
    edited.push(dc);
    done.push(`срок изменён на ${formatRu(c.change.deadline)}`);
  }
  if (c.change.note) {
    const pc = colOrError(t, ORDER_COL.progress);
    if (typeof pc === 'string') return pc;
    next[pc] = appendHistory(String(next[pc] ?? ''), [historyLine(env.today, c.change.note)]);
    done.push('запись о ходе исполнения добавлена');
  }
  for (const fill of editFills({ header: t.header, rows: [next], editedCols: edited }, env.today, tz)) {
    const fc = t.col(fill.header);
    if (fc >= 0) next[fc] = fill.value;
  }
  const hc = t.col(ORDER_COL.history);
  const was = f.record.deadline ? formatRu(f.record.deadline) : '—';
  // The remark's author (the remark itself is in «Ход исполнения»), as an executor's (order-events noteLine).
  if (c.change.note && hc >= 0)
    next[hc] = appendHistory(String(next[hc] ?? ''), [noteLine(env.today, who(book, email))]);
  if (c.change.deadline && hc >= 0) {
    // The term event as the daily check and onEdit record it («срок изменён с … на …», one more in
    // «Переносов»: domain/order-event-rules.ts), then who made it.
    const original = f.record.originalDeadline ?? f.record.deadline;
    const fix = recordEvents({ ...f.record, originalDeadline: original, deadline: c.change.deadline }, env.today);
    const line = historyLine(env.today, `срок изменён контролёром через страницу: ${who(book, email)}`);
    next[hc] = appendHistory(String(next[hc] ?? ''), [...fix.history, line]);
    const xc = t.col(ORDER_COL.extensions);
    if (fix.extensions !== undefined && xc >= 0) next[xc] = fix.extensions;
  }
  writeRow(book, f, next);
  return {
    message: `№ ${f.record.number}: ${done.join('; ')}.`,
    journal: `${c.change.deadline ? `срок ${was} → ${formatRu(c.change.deadline)}` : ''}${c.change.deadline && c.change.note ? '; ' : ''}${c.change.note ? `ход исполнения: ${c.change.note}` : ''} — контролёр через страницу`,
  };
}
