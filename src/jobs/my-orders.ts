// «Мои поручения» on the server (spec «Мои поручения»): the web app's doGet/doPost, the functions
// the page calls through google.script.run, the sidebar and «Отозвать ссылки». Every call verifies
// the signed link first; every change runs under the document lock, re-reads the row it changes
// (found by «№», never by position), refuses a row changed since the page loaded, applies the
// same fills onEdit makes (editFills: «Дата исполнения», the request's «История» line) and appends
// one «Журнал» line. Calls per action do not depend on the number of orders: one read per tab used,
// a few single-cell writes, one appended «Журнал» row.
//
// Which spreadsheet: the script is bound to it, and a bound script's web app reaches its container
// with SpreadsheetApp.getActive() (developers.google.com/apps-script/guides/bound: bound scripts
// «refer to their parent file without referring to the file's ID»). We do not store an id at setup:
// opening by id would need the full `spreadsheets` scope instead of `spreadsheets.currentonly`.

import type { AppealAction } from '../domain/appeals-page';
import { formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { historyLine, requestDayFromHistory } from '../domain/history';
import { linkProblemText } from '../domain/links';
import {
  absentColleagues,
  byDue,
  type ExtensionAction,
  type ExtensionItem,
  extensionItem,
  namesOf,
  type OrderAction,
  type OrderItem,
  orderChange,
  orderChangeText,
  orderItem,
  PAGE_DECISIONS,
  PAGE_REMOVALS,
  type PageAction,
  type PageData,
  type PageEnv,
  type RemovalAction,
  type RemovalItem,
  removalItem,
  roleFor,
} from '../domain/my-orders';
import { type Executor, normName, type OrderRecord, type Protocol } from '../domain/order';
import { escapeHtml } from '../mail/html';
import { appendJournalEntry } from '../workbook/journal';
import { parseOrderRow, readExecutors, readProtocols } from '../workbook/orders';
import { Problems } from '../workbook/problems';
import { rowVersionOf } from '../workbook/row-version';
import { ORDER_COL, ORDER_SYSTEM_HEADERS, TAB } from '../workbook/schema';
import { type Cell, isBlankRow, normHeader, readTable, safeCell, type Table } from '../workbook/table';
import { appealItems, applyAppeal } from './appeals-page';
import { readCalendar, readSettings } from './context';
import { dateSelfCheck } from './date-check';
import { rotateLinkSecret, signLink, todayIn, verifyLink } from './links';
import { lockSpreadsheet } from './lock';
import { editFills } from './onedit';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const PAGE_TITLE = 'Мои поручения';
/** The page file built by scripts/build.mjs (src/web/ → dist/MyOrders.html). */
export const PAGE_FILE = 'MyOrders';
const LOCK_WAIT_MS = 20_000;
/** The sidebar's link lives one day: it is made afresh each time the menu item is clicked. */
const SIDEBAR_LINK_DAYS = 1;

export interface PageResponse {
  ok: boolean;
  message: string;
  /** The page as it is now (after the change); absent when the link does not verify. */
  data?: PageData;
  token?: string;
  /** A link that does not open the page: the Russian error page's text, and no data. */
  linkError?: { title: string; text: string };
}

// ---------------------------------------------------------------- reading

interface PageBook {
  ss: Spreadsheet;
  tz: string;
  env: PageEnv;
  table: Table | null;
  executors: Executor[];
  /** Read only for the controller (the chair decides extensions by default). */
  protocols: Protocol[] | null;
}

function openBook(ss: Spreadsheet, email: string): PageBook {
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

function versionOf(t: Table, row: Cell[], tz: string): string {
  return rowVersionOf(t, row, tz, ORDER_SYSTEM_HEADERS);
}

function parse(book: PageBook, i: number): OrderRecord {
  const t = book.table as Table;
  return parseOrderRow(t, TAB.orders, t.rows[i], i + 2, book.tz, new Problems());
}

function pageData(book: PageBook, email: string): PageData {
  const { env } = book;
  const me = namesOf(email, book.executors);
  const mine = new Set(me.map((e) => normName(e.name)));
  const absent = absentColleagues(mine, book.executors, env.today);
  const orders: OrderItem[] = [];
  const extensions: ExtensionItem[] = [];
  const removals: RemovalItem[] = [];
  const t = book.table;
  const chairOf = new Map((book.protocols ?? []).map((p) => [p.number, p.chair]));
  // Names as compared (normName); a row whose names contain none of them is not parsed at all.
  const needles = [...mine, ...absent.keys()].filter(Boolean);
  if (t) {
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
        if (item) orders.push(item);
      }
      if (maybeRequest && o.requestedDate) {
        const day = requestDayFromHistory(o.history, o.requestedDate) ?? env.today;
        const x = extensionItem(o, day, chairOf.get(o.protocol) ?? '', version, env);
        if (x) extensions.push(x);
      }
      if (maybeRemoval) {
        const x = removalItem(o, version, env);
        if (x) removals.push(x);
      }
    });
  }
  orders.sort(byDue);
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

// ---------------------------------------------------------------- writing

interface Found {
  index: number;
  record: OrderRecord;
}

function findOrder(book: PageBook, number: string): Found | { error: string } {
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
function who(book: PageBook, email: string): string {
  const name = namesOf(email, book.executors)[0]?.name;
  return name ? `${name} <${email}>` : email;
}

const STALE = 'Поручение изменилось с тех пор, как страница была загружена. Обновите страницу и повторите.';

/** Writes the cells of row `i` that differ from `next`; one getRange/setValue per changed cell. */
function writeRow(t: Table, i: number, next: Cell[]): number {
  let n = 0;
  next.forEach((v, c) => {
    const old = t.rows[i][c] ?? '';
    const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : old === v;
    if (same) return;
    t.sheet.getRange(i + 2, c + 1).setValue(safeCell(v));
    n++;
  });
  t.rows[i] = next;
  return n;
}

function colOrError(t: Table, header: string): number | string {
  const c = t.col(header);
  return c >= 0 ? c : `На листе «${TAB.orders}» нет столбца «${header}»: изменение не сохранено.`;
}

function applyOrder(book: PageBook, email: string, a: OrderAction): { message: string; journal: string } | string {
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = book.table as Table;
  const { env, tz } = book;
  const mine = new Set(namesOf(email, book.executors).map((e) => normName(e.name)));
  if (!roleFor(f.record, mine, absentColleagues(mine, book.executors, env.today)))
    return `Поручение № ${a.number} не ваше: изменить его нельзя.`;
  if (versionOf(t, t.rows[f.index], tz) !== a.version) return STALE;
  const r = f.record;
  const c = orderChange(a, r, env);
  if ('error' in c) return c.error as string;
  const ch = c.change;
  const next = [...t.rows[f.index]];
  while (next.length < t.width) next.push('');
  const edited: number[] = [];
  if (ch.status) {
    const sc = colOrError(t, ORDER_COL.status);
    if (typeof sc === 'string') return sc;
    next[sc] = ch.status;
    edited.push(sc);
  }
  if (ch.note) {
    const pc = colOrError(t, ORDER_COL.progress);
    if (typeof pc === 'string') return pc;
    const old = String(next[pc] ?? '').replace(/\s+$/, '');
    const line = historyLine(env.today, ch.note);
    next[pc] = old ? `${old}\n${line}` : line;
  }
  if (ch.request) {
    const qc = colOrError(t, ORDER_COL.requestedDate);
    if (typeof qc === 'string') return qc;
    const rc = colOrError(t, ORDER_COL.requestReason);
    if (typeof rc === 'string') return rc;
    next[qc] = midnightInZone(ch.request.date, tz);
    next[rc] = ch.request.reason;
    // A new request replaces a decided one only through the daily check; here the cell is blank or undecided.
    edited.push(qc, rc);
  }
  // The same fills onEdit makes for the same edit typed in the sheet.
  for (const fill of editFills({ header: t.header, rows: [next], editedCols: edited }, env.today, tz)) {
    const fc = t.col(fill.header);
    if (fc >= 0) next[fc] = fill.value;
  }
  // A status set on the page is also an event of «История», with who set it (the sheet's own edit
  // history shows who typed a status; the page's writes all come from one account).
  const hc = t.col(ORDER_COL.history);
  if (ch.status && hc >= 0) {
    const line = historyLine(env.today, `статус «${ch.status}» отмечен через страницу: ${who(book, email)}`);
    const old = String(next[hc] ?? '').replace(/\s+$/, '');
    next[hc] = old ? `${old}\n${line}` : line;
  }
  writeRow(t, f.index, next);
  const parts: string[] = [];
  if (ch.status) parts.push(`статус «${ch.status}» сохранён`);
  if (ch.note) parts.push('запись о ходе исполнения добавлена');
  if (ch.request)
    parts.push(
      ch.request.late
        ? `запрос переноса на ${formatRu(ch.request.date)} принят, но подан позже срока подачи (не позднее ${formatRu(ch.request.cutoff)}): контролёр увидит его как поздний`
        : `запрос переноса на ${formatRu(ch.request.date)} передан контролёру`,
    );
  const msg = `№ ${r.number}: ${parts.join('; ')}.`;
  return { message: msg.charAt(0).toUpperCase() + msg.slice(1), journal: orderChangeText(ch) };
}

function applyExtension(book: PageBook, a: ExtensionAction): { message: string; journal: string } | string {
  if (book.protocols === null) return 'Решать по запросам переноса может только контролёр.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = book.table as Table;
  if (versionOf(t, t.rows[f.index], book.tz) !== a.version) return STALE;
  const r = f.record;
  if (!r.requestedDate || r.decision)
    return `По № ${r.number} нет запроса переноса, ожидающего решения. Обновите страницу.`;
  const decision = String(a.decision ?? '').trim();
  if (!(PAGE_DECISIONS as readonly string[]).includes(decision))
    return 'Выберите решение: «Согласован» или «Отклонён».';
  const decidedBy = String(a.decidedBy ?? '').trim();
  if (decidedBy.length > 200) return '«Кем согласован перенос» слишком длинно.';
  const dc = colOrError(t, ORDER_COL.decision);
  if (typeof dc === 'string') return dc;
  const next = [...t.rows[f.index]];
  while (next.length < t.width) next.push('');
  next[dc] = decision;
  const bc = t.col(ORDER_COL.approvedBy);
  if (bc >= 0 && decidedBy) next[bc] = decidedBy;
  writeRow(t, f.index, next);
  const who = decidedBy ? ` (решение: ${decidedBy})` : '';
  return {
    message: `№ ${r.number}: перенос на ${formatRu(r.requestedDate)} — «${decision}»${who}. Срок изменится при ближайшей ежедневной проверке.`,
    journal: `решение по переносу на ${formatRu(r.requestedDate)}: «${decision}»${who} — через страницу`,
  };
}

function applyRemoval(book: PageBook, a: RemovalAction): { message: string; journal: string } | string {
  if (book.protocols === null) return 'Снимать с контроля может только контролёр.';
  if (book.env.settings.removalMode !== 'giver')
    return 'В «Настройках» поручения снимаются с контроля по отметке исполнителя: решение не нужно.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = book.table as Table;
  if (versionOf(t, t.rows[f.index], book.tz) !== a.version) return STALE;
  const r = f.record;
  if (r.status !== 'Готово' || r.removal) return `№ ${r.number} не ждёт снятия с контроля. Обновите страницу.`;
  const decision = String(a.decision ?? '').trim();
  if (!(PAGE_REMOVALS as readonly string[]).includes(decision)) return 'Выберите решение: «Снято» или «Не снято».';
  const c = colOrError(t, ORDER_COL.removal);
  if (typeof c === 'string') return c;
  const next = [...t.rows[f.index]];
  while (next.length < t.width) next.push('');
  next[c] = decision;
  writeRow(t, f.index, next);
  const then =
    decision === 'Снято' ? 'поручение снято с контроля' : 'поручение вернётся на доработку при ежедневной проверке';
  return {
    message: `№ ${r.number}: «${decision}» — ${then}.`,
    journal: `снятие с контроля: «${decision}» — через страницу`,
  };
}

/** «Принятые меры» / «Дата ответа» of one of the person's appeals (jobs/appeals-page.ts). */
function appealAction(book: PageBook, email: string, a: AppealAction): { message: string; journal: string } | string {
  const mine = new Set(namesOf(email, book.executors).map((e) => normName(e.name)));
  return applyAppeal(
    book.ss,
    book.tz,
    book.env,
    mine,
    absentColleagues(mine, book.executors, book.env.today),
    a,
    who(book, email),
  );
}

/** One «Журнал» row, appended (no read of the log: it only grows). */
function appendJournal(ss: Spreadsheet, who: string, order: string, result: string): void {
  appendJournalEntry(ss, { action: 'Мои поручения', order, recipients: who, result });
}

// ---------------------------------------------------------------- entry points

function linkError(token: unknown, today: IsoDate): PageResponse | string {
  const v = verifyLink(token, today);
  if (v.ok) return v.email;
  const p = linkProblemText(v.reason);
  return { ok: false, message: p.title, linkError: p };
}

/** The zone's today before the book is read: the link check needs it and «Настройки» may not exist. */
function spreadsheetToday(ss: Spreadsheet): IsoDate {
  return todayIn(ss.getSpreadsheetTimeZone() || 'Europe/Moscow');
}

/**
 * The date self-check (jobs/date-check.ts) before the page shows or changes anything: every date on
 * it (days left, the cut-off, stamps) is zone arithmetic. Nothing is recorded from the page; the
 * next daily check or menu action records the mismatch.
 */
function datesError(ss: Spreadsheet): PageResponse | null {
  const reason = dateSelfCheck(ss.getSpreadsheetTimeZone() || 'Europe/Moscow');
  if (!reason) return null;
  return {
    ok: false,
    message: `Страница временно не работает: даты в таблице не удаётся рассчитать надёжно (${reason}) Сообщите специалисту по контролю.`,
  };
}

/** google.script.run: the page as it is now, for a reload. */
export function pageLoad(token: unknown): PageResponse {
  const ss = SpreadsheetApp.getActive();
  const email = linkError(token, spreadsheetToday(ss));
  if (typeof email !== 'string') return email;
  const dates = datesError(ss);
  if (dates) return dates;
  return { ok: true, message: '', data: pageData(openBook(ss, email), email), token: String(token) };
}

/** google.script.run (and doPost): one action from the page, under the spreadsheet's locks. */
export function pageSubmit(req: unknown): PageResponse {
  const body = (req && typeof req === 'object' ? req : {}) as { token?: unknown; action?: PageAction };
  const ss = SpreadsheetApp.getActive();
  const email = linkError(body.token, spreadsheetToday(ss));
  if (typeof email !== 'string') return email;
  const dates = datesError(ss);
  if (dates) return dates;
  const a = body.action;
  if (!a || (a.kind !== 'order' && a.kind !== 'extension' && a.kind !== 'removal' && a.kind !== 'appeal'))
    return { ok: false, message: 'Непонятный запрос страницы.' };
  // A web app has no document lock (reference/lock/lock-service): the script lock, which the daily
  // check also takes, keeps a page action and a run apart (jobs/lock.ts).
  const locks = lockSpreadsheet(LOCK_WAIT_MS);
  if (!locks)
    return {
      ok: false,
      message: 'Таблица сейчас занята (идёт проверка или другое изменение). Повторите через минуту.',
    };
  try {
    const book = openBook(ss, email);
    const done =
      a.kind === 'appeal'
        ? appealAction(book, email, a)
        : a.kind === 'order'
          ? applyOrder(book, email, a)
          : a.kind === 'extension'
            ? applyExtension(book, a)
            : applyRemoval(book, a);
    if (typeof done === 'string')
      return { ok: false, message: done, data: pageData(book, email), token: String(body.token) };
    appendJournal(ss, who(book, email), String(a.number), done.journal);
    SpreadsheetApp.flush();
    return { ok: true, message: done.message, data: pageData(book, email), token: String(body.token) };
  } finally {
    locks.release();
  }
}

/** JSON inside <script type="application/json">: nothing in it can close the element or start markup. */
export function jsonForScript(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page with its first data in it (no second round trip on a phone). */
export function renderPage(boot: PageResponse): HtmlOutput {
  const t = HtmlService.createTemplateFromFile(PAGE_FILE);
  t.boot = jsonForScript(boot);
  return t
    .evaluate()
    .setTitle(PAGE_TITLE)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1')
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT);
}

/** The Russian error page: what happened and what to do, and no data. */
export function renderLinkError(p: { title: string; text: string }): HtmlOutput {
  const html =
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><style>' +
    'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px 16px;color:#1f2328;background:#f6f8fa}' +
    'main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}' +
    'h1{font-size:1.25rem;margin:0 0 8px;color:#b42318}</style></head><body><main role="alert" data-link-error>' +
    `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></main></body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(`${PAGE_TITLE}: ${p.title}`)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

interface WebEvent {
  parameter?: Record<string, string>;
}

/** doGet: the page for the link's person, or the error page. */
export function webGet(e: WebEvent | undefined): HtmlOutput {
  const token = e?.parameter?.t;
  const r = pageLoad(token);
  if (r.linkError) return renderLinkError(r.linkError);
  return renderPage(r);
}

/**
 * doPost: the same action sent as a plain form (the page works without google.script.run, e.g.
 * from a mail client's browser that blocks the frame's script); answers with the page again.
 */
export function webPost(e: WebEvent | undefined): HtmlOutput {
  const p = e?.parameter ?? {};
  const action: PageAction =
    p.kind === 'extension'
      ? {
          kind: 'extension',
          number: p.number ?? '',
          version: p.version ?? '',
          decision: p.decision ?? '',
          decidedBy: p.decidedBy,
        }
      : p.kind === 'removal'
        ? { kind: 'removal', number: p.number ?? '', version: p.version ?? '', decision: p.decision ?? '' }
        : {
            kind: 'order',
            number: p.number ?? '',
            version: p.version ?? '',
            status: p.status,
            progress: p.progress,
            requestedDate: p.requestedDate,
            reason: p.reason,
          };
  const r = pageSubmit({ token: p.t, action });
  if (r.linkError) return renderLinkError(r.linkError);
  return renderPage(r);
}

/** Menu «Мои поручения»: the same page in a sidebar for the signed-in user. */
export function showMyOrdersSidebar(): string | null {
  const ss = SpreadsheetApp.getActive();
  const email = Session.getActiveUser().getEmail();
  if (!email)
    throw new Error(
      'не удалось узнать ваш адрес Google (так бывает, когда таблицу открыли под другим аккаунтом). Откройте страницу по ссылке из письма.',
    );
  const token = signLink(email, spreadsheetToday(ss), SIDEBAR_LINK_DAYS);
  const r = pageLoad(token);
  if (r.linkError) throw new Error(r.linkError.text);
  SpreadsheetApp.getUi().showSidebar(renderPage(r));
  return null;
}

/** Menu «Отозвать ссылки»: every link sent so far stops opening the page. */
export function revokeLinks(ss: Spreadsheet): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Отозвать ссылки',
    'Все личные ссылки на «Мои поручения», отправленные до сих пор, перестанут открываться. Новые ссылки придут с ближайшими письмами. Продолжить?',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return null;
  rotateLinkSecret();
  appendJournal(ss, Session.getActiveUser().getEmail(), '', 'все личные ссылки отозваны');
  return 'Ссылки отозваны: прежние ссылки из писем больше не открывают «Мои поручения».';
}
