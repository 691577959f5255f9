// The «История» line of each notice sent: written right after the digest goes, and rebuilt from
// «Журнал» when a run stopped in between (the key was recorded, the line was not).
import type { IsoDate } from '../domain/dates';
import { appendHistory, hasNoticeLine, noticeLine, parseNoticeKey } from '../domain/history';
import type { NoticeKind } from '../domain/notices';
import type { OrderRecord } from '../domain/order';
import { resolveRecipient } from '../domain/substitutes';
import type { OrderBook } from '../workbook/orders';
import { ORDER_COL } from '../workbook/schema';
import type { RunContext } from './context';

/**
 * The «История» line of a notice sent on `day` to `email`, meant for `person` (null: the
 * controller). Built the same way right after a send and when rebuilt from «Журнал», so a line lost
 * to a cut comes back word for word.
 */
export function noticeHistoryLine(
  book: OrderBook,
  kind: NoticeKind,
  person: string | null,
  email: string,
  day: IsoDate,
): string {
  if (person === null) return noticeLine(day, kind, 'контролёр', email);
  const r = resolveRecipient(person, book.executorByName, day);
  if (r.ok && r.recipient.email.trim().toLowerCase() === email.trim().toLowerCase())
    return noticeLine(day, kind, r.recipient.name, email, r.recipient.onBehalfOf?.name);
  return noticeLine(day, kind, person, email);
}

/**
 * Adds to «История» (in memory) the notice lines of messages recorded in «Журнал» that «История»
 * lacks: a run stopped after a send and before «История» was written keeps the key (so nothing is
 * sent again) and loses only the line; this brings it back. Rows of «Архив» are left as they are.
 */
export function restoreNoticeLines(ctx: RunContext, book: OrderBook): void {
  const byNumber = new Map<string, OrderRecord>();
  for (const o of book.orders)
    if (o.number && !o.invalid.includes(ORDER_COL.number) && !byNumber.has(o.number)) byNumber.set(o.number, o);
  if (byNumber.size === 0) return;
  for (const { key: k, day, email } of ctx.journal.recordedNotices(ctx.tz, parseNoticeKey)) {
    const o = byNumber.get(k.number);
    if (!o || hasNoticeLine(o.history, day, k.kind, email)) continue;
    const person = k.kind === 'extension' ? null : (k.coExecutor ?? o.executor);
    o.history = appendHistory(o.history, [noticeHistoryLine(book, k.kind, person, email, day)]);
  }
}
