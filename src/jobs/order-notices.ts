// Step 4's sending: the notices the rules found (and the appeals' entries, and the controller's
// «Проверка данных» line) grouped into one digest per address, sent through ctx.mailer, and each sent
// notice's line added to «История» (in memory; the caller writes it).
import type { IsoDate } from '../domain/dates';
import { extensionCutoff } from '../domain/deadlines';
import { appendHistory } from '../domain/history';
import type { Notice } from '../domain/notices';
import { problemsFingerprint } from '../domain/problem';
import type { RunMode } from '../domain/rules/rule';
import { resolveRecipient } from '../domain/substitutes';
import { composeDigest, type DigestItem } from '../mail/compose';
import type { OrderBook } from '../workbook/orders';
import { TAB } from '../workbook/schema';
import { type AppealDigestEntry, appealDigestEntries } from './appeals';
import type { RunContext } from './context';
import { linkMaker, webAppUrl } from './links';
import { noticeHistoryLine } from './notice-lines';

interface Digest {
  to: string;
  name: string;
  items: DigestItem[];
  keys: string[];
  notices: Notice[];
  appeals: AppealDigestEntry[];
}

/** One digest per address (case-insensitive), in the order addresses first appear. */
class Digests {
  readonly byAddress = new Map<string, Digest>();
  for(email: string, name: string): Digest {
    const k = email.trim().toLowerCase();
    let d = this.byAddress.get(k);
    if (!d) {
      d = { to: email.trim(), name, items: [], keys: [], notices: [], appeals: [] };
      this.byAddress.set(k, d);
    }
    return d;
  }
}

/**
 * The keys of the controller's «Проверка данных» line, or null when it is not due: the controller
 * hears about problems when the list changes, not every day the same list stands (a standing warning
 * such as a blank rating coefficient would otherwise mail daily), and at most once a day (a rerun
 * waits until tomorrow; the menu's «Проверить данные» still shows the list on request).
 */
function problemsKeys(ctx: RunContext, mode: RunMode): string[] | null {
  const keys = [`problems:${problemsFingerprint(ctx.problems.list)}`, `problems-day:${ctx.today}`];
  const due =
    mode === 'daily' &&
    ctx.problems.list.length > 0 &&
    !!ctx.settings.controllerEmail &&
    !keys.some((k) => ctx.journal.has(k));
  return due ? keys : null;
}

function digestItem(ctx: RunContext, n: Notice, link: string, row: number, onBehalfOf: string | undefined): DigestItem {
  const { settings: s, calendar: cal } = ctx;
  const o = n.order;
  return {
    kind: n.kind,
    number: o.number,
    text: o.text,
    executor: o.executor,
    coExecutors: o.coExecutors,
    deadline: o.deadline as IsoDate,
    due: n.due,
    link,
    row,
    role: n.role,
    onBehalfOf,
    requestedDate: o.requestedDate,
    requestReason: o.requestReason,
    requestDay: n.requestDay,
    late: n.late,
    overdueDays: o.overdueDays,
    removalByGiver: s.removalMode === 'giver',
    cutoff: extensionCutoff(n.due, s.extensionCutoffDays, cal, o.enteredAt),
    decision: n.decision,
    note: n.note,
  };
}

/** Puts each notice in its recipient's digest; returns how many could not be addressed. */
function addNotices(
  ctx: RunContext,
  book: OrderBook,
  notices: readonly Notice[],
  digests: Digests,
  url: string,
  rowNow: (row: number) => number,
): number {
  const s = ctx.settings;
  const rowLink = `${url}#gid=${book.ordersTable!.sheet.getSheetId()}&range=A`;
  let noAddress = 0;
  let noController = 0;
  for (const n of notices) {
    let d: Digest;
    let onBehalfOf: string | undefined;
    if (n.person === null) {
      if (!s.controllerEmail) {
        noController++;
        continue;
      }
      d = digests.for(s.controllerEmail, '');
    } else {
      const r = resolveRecipient(n.person, book.executorByName, ctx.today);
      if (!r.ok) {
        noAddress++;
        continue;
      }
      onBehalfOf = r.recipient.onBehalfOf?.name;
      d = digests.for(r.recipient.email, r.recipient.name);
    }
    const row = rowNow(n.order.row);
    d.items.push(digestItem(ctx, n, `${rowLink}${row}`, row, onBehalfOf));
    d.keys.push(n.key);
    d.notices.push(n);
  }
  if (noController)
    ctx.journal.add({
      action: 'Запрос переноса',
      result: `не отправлено: не указана «Эл. почта контролёра» на листе «Настройки» (запросов: ${noController})`,
    });
  return noAddress + noController;
}

/** Puts each appeal's entry in its executor's digest; returns how many could not be addressed. */
function addAppeals(ctx: RunContext, book: OrderBook, entries: readonly AppealDigestEntry[], digests: Digests): number {
  let notSent = 0;
  for (const x of entries) {
    const r = resolveRecipient(x.person, book.executorByName, ctx.today);
    if (!r.ok) {
      notSent++;
      continue;
    }
    const d = digests.for(r.recipient.email, r.recipient.name);
    d.appeals.push({ ...x, item: { ...x.item, onBehalfOf: r.recipient.onBehalfOf?.name } });
    d.keys.push(x.key);
  }
  return notSent;
}

/** Sends each digest; a sent one writes its notices' lines into «История» and tells the appeals. */
function sendDigests(
  ctx: RunContext,
  book: OrderBook,
  digests: Digests,
  mode: RunMode,
  problemsLink: string | null,
): { sent: number; notSent: number } {
  const s = ctx.settings;
  const pageLink = linkMaker(webAppUrl(), ctx.today, s.linkDays);
  let sent = 0;
  let notSent = 0;
  for (const d of digests.byAddress.values()) {
    const withProblems = problemsLink !== null && d.to.toLowerCase() === s.controllerEmail.toLowerCase();
    const mail = composeDigest({
      to: d.to,
      name: d.name,
      organization: s.organization,
      today: ctx.today,
      items: d.items,
      pageLink: pageLink(d.to),
      problems: withProblems ? { count: ctx.problems.list.length, link: problemsLink } : undefined,
      appeals: d.appeals.map((x) => x.item),
    });
    const items = [...new Set(d.items.map((i) => i.number)), ...d.appeals.map((x) => `обращение ${x.item.number}`)];
    const action = mode === 'notify' ? 'Новые поручения' : 'Ежедневная рассылка';
    if (ctx.mailer.send(mail, { action, items, keys: d.keys }) !== 'sent') {
      notSent += d.items.length + d.appeals.length;
      continue;
    }
    sent++;
    for (const x of d.appeals) x.onSent(d.to, d.name, x.item.onBehalfOf);
    for (const n of d.notices)
      n.order.history = appendHistory(n.order.history, [noticeHistoryLine(book, n.kind, n.person, d.to, ctx.today)]);
  }
  return { sent, notSent };
}

/** Step 4: one digest per recipient; returns the messages sent and the notices that did not go. */
export function sendNotices(
  ctx: RunContext,
  book: OrderBook,
  mode: RunMode,
  notices: readonly Notice[],
  rowNow: (row: number) => number = (row) => row,
): { sent: number; notSent: number } {
  const problems = problemsKeys(ctx, mode);
  // Citizens' appeals due soon or overdue (jobs/appeals.ts) ride in the same digest.
  const appealEntries = appealDigestEntries(ctx);
  if (notices.length === 0 && appealEntries.length === 0 && !problems) return { sent: 0, notSent: 0 };
  const url = ctx.ss.getUrl();
  const digests = new Digests();
  const unaddressed =
    addNotices(ctx, book, notices, digests, url, rowNow) + addAppeals(ctx, book, appealEntries, digests);
  let problemsLink: string | null = null;
  if (problems) {
    const ps = ctx.ss.getSheetByName(TAB.problems);
    problemsLink = ps ? `${url}#gid=${ps.getSheetId()}` : url;
    digests.for(ctx.settings.controllerEmail, '').keys.push(...problems);
  }
  const r = sendDigests(ctx, book, digests, mode, problemsLink);
  return { sent: r.sent, notSent: r.notSent + unaddressed };
}
