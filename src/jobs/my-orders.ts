// «Мои поручения» on the server (spec «Мои поручения»): the web app's doGet/doPost, the functions
// the page calls through google.script.run, the sidebar and «Отозвать ссылку…» / «Отозвать все
// ссылки». Every call verifies
// the signed link first; every change runs under the spreadsheet's locks and appends one «Журнал»
// line. What is read: my-orders-book.ts; the actions: my-orders-actions.ts; the HTML:
// my-orders-render.ts.
//
// Which spreadsheet: jobs/spreadsheet.ts › openSpreadsheet — the active one where Google gives it,
// else the id «Настроить таблицу» recorded (guides/bound: no active spreadsheet in a web app).

import type { SearchAction } from '../domain/control-page';
import type { IsoDate } from '../domain/dates';
import { linkProblemText } from '../domain/links';
import type { PageAction } from '../domain/my-orders';
import { isEmail } from '../domain/settings';
import { appendJournalEntry } from '../workbook/journal';
import { dateSelfCheck } from './date-check';
import { revokeLinksOf, rotateLinkSecret, signLink, todayIn, verifyLink } from './links';
import { lockSpreadsheet } from './lock';
import { applyPageAction } from './my-orders-actions';
import { openBook, type PageResponse, who } from './my-orders-book';
import { pageDataFor as pageData } from './my-orders-control';
import { pageGate, rateAlreadyOver } from './my-orders-gate';
import { renderLinkError, renderPage } from './my-orders-render';

export type { PageResponse } from './my-orders-book';
export { jsonForScript, PAGE_FILE, PAGE_TITLE, renderLinkError, renderPage } from './my-orders-render';

import { openSpreadsheet } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

const LOCK_WAIT_MS = 20_000;
/** The sidebar's link lives one day: it is made afresh each time the menu item is clicked. */
const SIDEBAR_LINK_DAYS = 1;

/** One «Журнал» row, appended (no read of the log: it only grows). */
function appendJournal(ss: Spreadsheet, who: string, order: string, result: string): void {
  appendJournalEntry(ss, { action: 'Мои поручения', order, recipients: who, result });
}

// ---------------------------------------------------------------- entry points

/** The link's person (and its day of issue), or the error page's response. */
function linkError(token: unknown, today: () => IsoDate): PageResponse | { email: string; issued: IsoDate | null } {
  const v = verifyLink(token, today);
  if (v.ok) return { email: v.email, issued: v.issued };
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

/** The page's Russian refusal when openSpreadsheet cannot give the spreadsheet (not set up, a copy, no access). */
function noSpreadsheet(err: unknown): PageResponse {
  return {
    ok: false,
    message: `Страница не может открыть таблицу. ${err instanceof Error ? err.message : String(err)}`,
  };
}

/**
 * The page's spreadsheet for a link: the link first (a malformed or forged token costs no
 * spreadsheet call, issue 19), then the spreadsheet and the date self-check; or the refusal.
 */
function openForLink(token: unknown): PageResponse | { ss: Spreadsheet; email: string; issued: IsoDate | null } {
  let opened: Spreadsheet | null = null;
  const open = (): Spreadsheet => {
    opened = opened ?? openSpreadsheet();
    return opened;
  };
  let link: ReturnType<typeof linkError>;
  let ss: Spreadsheet;
  try {
    link = linkError(token, () => spreadsheetToday(open()));
    if (!('email' in link)) return link;
    ss = open();
  } catch (err) {
    return noSpreadsheet(err);
  }
  const dates = datesError(ss);
  if (dates) return dates;
  return { ss, email: link.email, issued: link.issued };
}

/** google.script.run: the page as it is now, for a reload. */
export function pageLoad(token: unknown): PageResponse {
  const opened = openForLink(token);
  if (!('ss' in opened)) return opened;
  const { ss, email } = opened;
  const data = pageData(openBook(ss, email), email, null, true);
  return { ok: true, message: data.notice ?? '', data, token: String(token) };
}

/** google.script.run (and doPost): one action from the page, under the spreadsheet's locks. */
export function pageSubmit(req: unknown): PageResponse {
  const body = (req && typeof req === 'object' ? req : {}) as { token?: unknown; action?: PageAction };
  const opened = openForLink(body.token);
  if (!('ss' in opened)) return opened;
  const { ss, email, issued } = opened;
  const a = body.action;
  if (!a || !['order', 'extension', 'removal', 'appeal', 'undo', 'control', 'search', 'speedup'].includes(a.kind))
    return { ok: false, message: 'Непонятный запрос страницы.' };
  // An address over its hourly limit is refused before the lock and the book (issue 19).
  const flood = rateAlreadyOver(email);
  if (flood) return { ok: false, message: flood };
  // A search reads and changes nothing: no lock, no «Журнал» line.
  if (a.kind === 'search') return searchAnswer(ss, email, a, String(body.token));
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
    const refused = pageGate(book, email, issued, a);
    const done = refused ?? applyPageAction(book, email, a);
    if (typeof done === 'string')
      return { ok: false, message: done, data: pageData(book, email), token: String(body.token) };
    appendJournal(ss, who(book, email), String(a.number), done.journal);
    SpreadsheetApp.flush();
    return { ok: true, message: done.message, data: pageData(book, email), token: String(body.token) };
  } finally {
    locks.release();
  }
}

/** The controller's search (issue 25 п.10): the page with what was found. */
function searchAnswer(ss: Spreadsheet, email: string, a: SearchAction, token: string): PageResponse {
  const book = openBook(ss, email);
  if (!book.isController) return { ok: false, message: 'Искать по всем поручениям может только контролёр.' };
  const q = { query: String(a.query ?? '').slice(0, 200), executor: String(a.executor ?? '').slice(0, 200) };
  if (!q.query.trim() && !q.executor.trim())
    return { ok: false, message: 'Введите № или слова из текста поручения, или выберите исполнителя.' };
  const data = pageData(book, email, q);
  const n = data.search?.total ?? 0;
  const shown = data.lists.found?.length ?? 0;
  const message =
    n === 0 ? 'Ничего не найдено.' : n > shown ? `Найдено ${n}; показаны ${shown} последних.` : `Найдено: ${n}.`;
  return { ok: true, message, data, token };
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
            lateReason: p.lateReason,
          };
  const r = pageSubmit({ token: p.t, action });
  if (r.linkError) return renderLinkError(r.linkError);
  return renderPage(r);
}

/** Menu «Мои поручения»: the same page in a sidebar for the signed-in user. */
export function showMyOrdersSidebar(): string | null {
  const ss = openSpreadsheet();
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

/** Menu «Отозвать ссылку…»: the links of one address stop opening the page; the others' keep working. */
export function revokeOnePersonsLinks(ss: Spreadsheet): string | null {
  const ui = SpreadsheetApp.getUi();
  const r = ui.prompt(
    'Отозвать ссылку',
    'Адрес электронной почты сотрудника, чьи личные ссылки на «Мои поручения» должны перестать открываться (например, ссылка переслана или телефон потерян). Ссылки остальных продолжат работать; новую ссылку сотрудник получит с ближайшим письмом.',
    ui.ButtonSet.OK_CANCEL,
  );
  if (r.getSelectedButton() !== ui.Button.OK) return null;
  const email = r.getResponseText().trim().toLowerCase();
  if (!isEmail(email)) throw new Error(`«${email}» не похоже на адрес электронной почты.`);
  revokeLinksOf(email);
  appendJournal(ss, Session.getActiveUser().getEmail(), '', `личные ссылки ${email} отозваны`);
  return `Ссылки ${email} отозваны: прежние ссылки этого сотрудника больше не открывают «Мои поручения».`;
}

/** Menu «Отозвать все ссылки»: every link sent so far stops opening the page. */
export function revokeLinks(ss: Spreadsheet): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Отозвать все ссылки',
    'Все личные ссылки на «Мои поручения», отправленные до сих пор, перестанут открываться. Новые ссылки придут с ближайшими письмами. Продолжить?',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return null;
  rotateLinkSecret();
  appendJournal(ss, Session.getActiveUser().getEmail(), '', 'все личные ссылки отозваны');
  return 'Ссылки отозваны: прежние ссылки из писем больше не открывают «Мои поручения».';
}
