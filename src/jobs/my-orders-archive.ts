// «Исполненные за 30 дней» beyond «Поручения» (issue 25 п.9): a done order moves to «Архив» a few
// working days after «Дата исполнения», so the list also takes the person's rows of «Архив» — found
// by TextFinder over «Исполнитель» and «Соисполнители» (workbook/find-rows.ts), only the newest
// ARCHIVE_DONE_ROWS of them read (rows are appended as they are archived), page-wide. The search
// covers only the tail archived since 31 days ago (workbook/archive-window.ts › tailStart): an order
// done in the last 30 days was archived on or after its «Дата исполнения», so years of «Архив»
// above the tail cost nothing.

import { addDays } from '../domain/dates';
import { roleFor } from '../domain/my-orders';
import { normName } from '../domain/order';
import { DONE_DAYS, type DoneItem, doneItem } from '../domain/page-details';
import { tailStart } from '../workbook/archive-window';
import { columnOf, findRowsByValue, readHeader, readRowsAt } from '../workbook/find-rows';
import { parseOrderRow } from '../workbook/orders';
import { Problems } from '../workbook/problems';
import { ORDER_COL, TAB } from '../workbook/schema';
import { makeTable } from '../workbook/table';
import { PAGE_COLUMNS, type PageBook, peopleOf, protocolsNamed } from './my-orders-book';

/** The newest rows of a person's in «Архив» read for the done list: 30 days hold fewer than this. */
export const ARCHIVE_DONE_ROWS = 40;

/** The person's orders in «Архив» done in the last 30 days; nothing to take back there. */
export function archivedDone(book: PageBook, email: string): DoneItem[] {
  const sheet = book.ss.getSheetByName(TAB.archive);
  if (!sheet) return [];
  const { mine, absent } = peopleOf(book, email);
  const names = book.executors
    .filter((e) => mine.has(normName(e.name)) || absent.has(normName(e.name)))
    .map((e) => e.name);
  if (names.length === 0) return [];
  const header = readHeader(sheet);
  const ec = columnOf(header, ORDER_COL.executor);
  const cc = columnOf(header, ORDER_COL.coExecutors);
  if (ec < 1) return [];
  const lastRow = sheet.getLastRow();
  const from = tailStart(sheet, header, lastRow, addDays(book.env.today, -DONE_DAYS - 1), book.tz);
  if (from > lastRow) return [];
  const rows = [
    ...new Set([
      ...findRowsByValue(sheet, ec, names, { from }),
      ...findRowsByValue(sheet, cc, names, { whole: false, from }),
    ]),
  ]
    .sort((a, b) => a - b)
    .slice(-ARCHIVE_DONE_ROWS);
  const width = Math.min(header.length, Math.max(1, ...PAGE_COLUMNS.map((h) => columnOf(header, h))));
  const t = makeTable(TAB.archive, sheet, [header.slice(0, width)]);
  const records = [...readRowsAt(sheet, rows, width)].map(([n, row]) =>
    parseOrderRow(t, TAB.archive, row, n, book.tz, new Problems()),
  );
  const protocolOf = protocolsNamed(
    book,
    records.map((r) => r.protocol),
  );
  const out: DoneItem[] = [];
  for (const r of records) {
    if (!r.number || !roleFor(r, mine, absent)) continue;
    const item = doneItem(r, '', book.env.today, protocolOf, false);
    if (item) out.push(item);
  }
  return out;
}
