// «Напомнить об ускорении» from the controller's page (spec Round 3; 001 гл.7 п.2.4.7–2.4.8): the
// same reminder as the menu's (jobs/speed-up.ts remindToSpeedUp, domain/speed-up.ts) on the row
// the card showed — found by «№», refused when changed since, the controller's only. The page costs
// the order's row, not the workbook: «Журнал» is not read (one a day is the rule's «История» test,
// under the script lock), the mail's line is appended to it.
import type { SpeedUpAction } from '../domain/control-page';
import { Mailer, type SendRecord } from '../mail/mailer';
import { appendJournalEntry } from '../workbook/journal';
import { executorsByName } from '../workbook/orders';
import { ORDER_COL } from '../workbook/schema';
import { colOrError, type Done, fullTable, rowCopy, STALE, sameVersion, writeRow } from './my-orders-actions';
import { findOrder, type OrdersTab, type PageBook } from './my-orders-book';
import { remindToSpeedUp } from './speed-up';

/** A mail's outcome goes to «Журнал» at once (a page action has no run to flush at its end). */
function pageMailer(book: PageBook): Mailer {
  const record = (e: SendRecord) => appendJournalEntry(book.ss, e);
  const { settings } = book.env;
  return new Mailer({
    enabled: settings.mailEnabled,
    recorder: { appendNow: record, add: record },
    // One message in a page action: no run budget to share.
    timeLeftMs: () => Number.POSITIVE_INFINITY,
    senderName: settings.organization ? `Контроль поручений — ${settings.organization}` : undefined,
  });
}

export function applySpeedUp(book: PageBook, a: SpeedUpAction): Done {
  if (!book.isController) return 'Напоминать об ускорении может только контролёр.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  if (!sameVersion(book, f, a.version)) return STALE;
  const t = fullTable(book);
  const hc = colOrError(t, ORDER_COL.history);
  if (typeof hc === 'string') return hc;
  const sheet = (book.orders as OrdersTab).sheet;
  const r = remindToSpeedUp(f.record, {
    today: book.env.today,
    settings: book.env.settings,
    calendar: book.env.calendar,
    executorByName: executorsByName(book.executors),
    mailer: pageMailer(book),
    sent: () => false,
    link: `${book.ss.getUrl()}#gid=${sheet.getSheetId()}&range=A${f.row}`,
  });
  if (!r.ok) return r.message;
  const next = rowCopy(t, f);
  next[hc] = r.history;
  writeRow(book, f, next);
  return {
    message: `${r.message} «Срок» не меняется: поручение остаётся просроченным.`,
    journal: `${r.message} — контролёр через страницу`,
  };
}
