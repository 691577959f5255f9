// «Напомнить об ускорении» (spec Round 3; 001 гл.7 п.2.4.7–2.4.8): the controller's reminder to
// the executor of an overdue order — from the menu on the selected row, from `kontrol run
// speed-up --order N`, and from the controller's page (jobs/my-orders-speed-up.ts) — mails the
// executor the expected date, writes «История» (one per order per day: the domain rule refuses a
// second) and «Журнал». «Срок» does not move: the order stays overdue in every figure. The menu and
// the page differ only in how they find the row and write its cell: both go through remindToSpeedUp.
import type { WorkCalendar } from '../domain/calendar';
import { formatRu, type IsoDate } from '../domain/dates';
import { dueDate } from '../domain/deadlines';
import { appendHistory } from '../domain/history';
import type { Executor, OrderRecord } from '../domain/order';
import type { Settings } from '../domain/settings';
import { speedUp } from '../domain/speed-up';
import { resolveRecipient } from '../domain/substitutes';
import { composeSpeedUp } from '../mail/between-dates';
import type { Mailer } from '../mail/mailer';
import { readOrderBook } from '../workbook/orders';
import { logPageEdits } from '../workbook/page-index';
import { ORDER_COL, TAB } from '../workbook/schema';
import { safeCell } from '../workbook/table';
import { openContext } from './context';
import { lockSpreadsheet } from './lock';
import { rollOverTexts } from './rollover';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Напоминание об ускорении';

/** What the reminder needs around the order: the day, the rules' settings, who is who, the mail. */
export interface SpeedUpEnv {
  today: IsoDate;
  settings: Pick<Settings, 'speedUpDays' | 'nonWorkingDeadline' | 'organization'>;
  calendar: WorkCalendar;
  executorByName: ReadonlyMap<string, Executor>;
  mailer: Mailer;
  /** True when «Журнал» already records the key (the menu reads it; the page relies on «История»). */
  sent: (key: string) => boolean;
  /** The row's address for the mail. */
  link: string;
}

export type SpeedUpResult = { ok: true; history: string; message: string } | { ok: false; message: string };

/**
 * The reminder for order `o`: the domain rule (speed-up.ts) decides, the executor (or the substitute
 * of an absent one) is mailed, and the order's «История» after it is returned for the caller to
 * write — nothing is written when the mail did not go.
 */
export function remindToSpeedUp(o: OrderRecord, env: SpeedUpEnv): SpeedUpResult {
  const n = o.number;
  const r = speedUp(o, env.today, env.settings, env.calendar);
  if (!r.ok) return { ok: false, message: `${TITLE}: ${r.reason}` };
  if (env.sent(r.key)) return { ok: false, message: `${TITLE}: по № ${n} сегодня уже отправлено.` };
  const to = resolveRecipient(o.executor, env.executorByName, env.today);
  if (!to.ok) return { ok: false, message: `${TITLE}: не отправлено — ${to.reason}.` };
  const mail = composeSpeedUp({
    to: to.recipient.email,
    name: to.recipient.name,
    organization: env.settings.organization,
    number: o.number,
    text: o.text,
    due: dueDate(o.deadline as string, env.settings, env.calendar),
    expected: r.expected,
    onBehalfOf: to.recipient.onBehalfOf?.name,
    link: env.link,
  });
  const outcome = env.mailer.send(mail, { action: TITLE, items: [o.number], keys: [r.key] });
  if (outcome !== 'sent')
    return {
      ok: false,
      message: `${TITLE}: письмо по № ${n} не отправлено (${outcome === 'skipped' ? 'рассылка выключена' : 'см. «Журнал»'}).`,
    };
  return {
    ok: true,
    history: appendHistory(o.history, [r.line]),
    message: `${TITLE}: № ${n} — письмо ${to.recipient.email}, исполнить не позднее ${formatRu(r.expected)}.`,
  };
}

/** Sends the reminder for order № `number`; returns a Russian one-line result (a refusal says why). */
export function speedUpOrder(ss: Spreadsheet, number: string): string {
  const n = number.trim();
  if (!n) return `${TITLE}: не указан № поручения.`;
  const locks = lockSpreadsheet(10_000);
  if (!locks) return `${TITLE}: уже выполняется другой запуск, повторите через минуту.`;
  try {
    const ctx = openContext(ss);
    const book = readOrderBook(ctx);
    const o = book.orders.find((x) => x.number === n);
    if (!o) {
      const archived = book.archive.some((x) => x.number === n);
      return `${TITLE}: поручения № ${n} нет на листе «${TAB.orders}»${archived ? ' (оно в «Архиве»)' : ''}.`;
    }
    const t = book.ordersTable;
    const hc = t ? t.col(ORDER_COL.history) : -1;
    if (!t || hc < 0) return `${TITLE}: на листе «${TAB.orders}» нет столбца «${ORDER_COL.history}».`;
    const r = remindToSpeedUp(o, {
      ...ctx,
      executorByName: book.executorByName,
      sent: (k) => ctx.journal.has(k),
      link: `${ss.getUrl()}#gid=${t.sheet.getSheetId()}&range=A${o.row}`,
    });
    if (!r.ok) {
      ctx.journal.flush();
      return r.message;
    }
    // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
    const [h] = rollOverTexts(ss, ctx.tz, [{ number: o.number, text: r.history }]);
    t.sheet.getRange(o.row, hc + 1).setValue(safeCell(h.text));
    logPageEdits(ss, [o.number]); // «Мои поручения»'s index: this row changed (workbook/page-index.ts)
    ctx.journal.add({ action: TITLE, order: n, result: r.message });
    ctx.journal.flush();
    return r.message;
  } finally {
    SpreadsheetApp.flush();
    locks.release();
  }
}

/** The menu: the order on the selected row of «Поручения». */
export function speedUpSelected(ss: Spreadsheet): string {
  const sheet = ss.getActiveSheet();
  if (sheet.getName() !== TAB.orders) return `${TITLE}: выделите строку поручения на листе «${TAB.orders}».`;
  const row = ss.getActiveRange()?.getRow() ?? 0;
  if (row < 2) return `${TITLE}: выделите строку поручения (не заголовок).`;
  const header = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).trim().toLowerCase());
  const c = header.indexOf(ORDER_COL.number.toLowerCase());
  if (c < 0) return `${TITLE}: на листе нет столбца «${ORDER_COL.number}».`;
  const n = String(sheet.getRange(row, c + 1).getValue() ?? '').trim();
  return speedUpOrder(ss, n);
}
