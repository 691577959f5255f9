// «Напомнить об ускорении» (spec Round 3; 001 гл.7 п.2.4.7–2.4.8): the controller's reminder to
// the executor of an overdue order — from the menu on the selected row, from `kontrol run
// speed-up --order N` — mails the executor the expected date, writes «История» (one per order per
// day: the domain rule refuses a second) and «Журнал». «Срок» does not move: the order stays
// overdue in every figure.
import { formatRu } from '../domain/dates';
import { dueDate } from '../domain/deadlines';
import { appendHistory } from '../domain/history';
import { speedUp } from '../domain/speed-up';
import { resolveRecipient } from '../domain/substitutes';
import { composeSpeedUp } from '../mail/between-dates';
import { readOrderBook } from '../workbook/orders';
import { ORDER_COL, TAB } from '../workbook/schema';
import { safeCell } from '../workbook/table';
import { openContext } from './context';
import { lockSpreadsheet } from './lock';
import { rollOverTexts } from './rollover';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Напоминание об ускорении';

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
    const r = speedUp(o, ctx.today, ctx.settings, ctx.calendar);
    if (!r.ok) return `${TITLE}: ${r.reason}`;
    if (ctx.journal.has(r.key)) return `${TITLE}: по № ${n} сегодня уже отправлено.`;
    const to = resolveRecipient(o.executor, book.executorByName, ctx.today);
    if (!to.ok) return `${TITLE}: не отправлено — ${to.reason}.`;
    const t = book.ordersTable;
    const hc = t ? t.col(ORDER_COL.history) : -1;
    if (!t || hc < 0) return `${TITLE}: на листе «${TAB.orders}» нет столбца «${ORDER_COL.history}».`;
    const mail = composeSpeedUp({
      to: to.recipient.email,
      name: to.recipient.name,
      organization: ctx.settings.organization,
      number: o.number,
      text: o.text,
      due: dueDate(o.deadline as string, ctx.settings, ctx.calendar),
      expected: r.expected,
      onBehalfOf: to.recipient.onBehalfOf?.name,
      link: `${ss.getUrl()}#gid=${t.sheet.getSheetId()}&range=A${o.row}`,
    });
    const outcome = ctx.mailer.send(mail, { action: TITLE, items: [o.number], keys: [r.key] });
    if (outcome !== 'sent') {
      ctx.journal.flush();
      return `${TITLE}: письмо по № ${n} не отправлено (${outcome === 'skipped' ? 'рассылка выключена' : 'см. «Журнал»'}).`;
    }
    // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
    const [h] = rollOverTexts(ss, ctx.tz, [{ number: o.number, text: appendHistory(o.history, [r.line]) }]);
    t.sheet.getRange(o.row, hc + 1).setValue(safeCell(h.text));
    const msg = `${TITLE}: № ${n} — письмо ${to.recipient.email}, исполнить не позднее ${formatRu(r.expected)}.`;
    ctx.journal.add({ action: TITLE, order: n, result: msg });
    ctx.journal.flush();
    return msg;
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
