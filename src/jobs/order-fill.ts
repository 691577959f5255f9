// Step 2 of the daily check (and of «Отправить новые поручения»): what the fill rules need from the
// workbook besides the register — the numbers in use, and blank «№»/«Срок» cells that hold people's
// formulas (never filled) — then the fill rules themselves.
import type { IsoDate } from '../domain/dates';
import type { OrderRecord } from '../domain/order';
import { wantsNumber } from '../domain/rules/numbering';
import type { RunMode } from '../domain/rules/rule';
import { dailyArchiveSince, olderArchiveNumbers } from '../workbook/archive-window';
import type { OrderBook } from '../workbook/orders';
import { ORDER_COL, TAB } from '../workbook/schema';
import { formulaRows, type Table } from '../workbook/table';
import type { RunContext } from './context';
import { type RuleRun, runStage } from './order-pipeline';

/** «№» taken in «Поручения» and «Архив»; only the tail of «Архив» was read, so older numbers are read when a blank «№» may need them. */
function numbersInUse(book: OrderBook, today: IsoDate): Set<string> {
  const used = new Set<string>([...book.orders, ...book.archive].map((o) => o.number).filter(Boolean));
  const since = dailyArchiveSince(today);
  const olderProtocol = (o: OrderRecord) => {
    const d = book.protocolByNumber.get(o.protocol)?.date;
    return !(d && d >= since);
  };
  if (book.archiveTable && book.orders.some((o) => wantsNumber(o) && olderProtocol(o)))
    for (const n of olderArchiveNumbers(book.archiveTable)) used.add(n);
  return used;
}

/** A blank «№»/«Срок» given by a formula is not blank: people's formula, never overwritten (a problem instead). */
function markFormulaCells(ctx: RunContext, book: OrderBook, t: Table): void {
  const wantsDeadline = (o: OrderRecord) => !o.deadline && !o.invalid.includes(ORDER_COL.deadline);
  for (const [header, wants] of [
    [ORDER_COL.number, wantsNumber],
    [ORDER_COL.deadline, wantsDeadline],
  ] as const) {
    const blank = book.orders.filter(wants);
    const withFormula = formulaRows(
      t,
      header,
      blank.map((o) => o.row - 2),
    );
    const isDeadline = header === ORDER_COL.deadline;
    for (const o of blank)
      if (withFormula.has(o.row - 2)) {
        o.invalid.push(header);
        ctx.problems.add({
          tab: TAB.orders,
          row: o.row,
          column: header,
          value: '',
          message: `В «${header}» формула, и её значение пустое: надстройка не заполняет ячейку с формулой${isDeadline ? ', срок не определён — напоминаний и контроля срока нет' : ', письма по поручению без № не отправляются'}.`,
          fix: `Исправьте формулу так, чтобы она давала ${isDeadline ? 'дату' : 'номер'}, или замените её значением.`,
        });
      }
  }
}

/** Step 2: the fill rules over «Поручения»; returns how many blank «№»/«Срок» rows were filled. */
export function fillStep(ctx: RunContext, book: OrderBook, t: Table, mode: RunMode, run: RuleRun): number {
  for (const n of numbersInUse(book, ctx.today)) run.numbersInUse.add(n);
  markFormulaCells(ctx, book, t);
  const before = book.orders.map((o) => ({ number: o.number, deadline: o.deadline }));
  runStage(ctx, book, 'fill', mode, run);
  return book.orders.filter((o, i) => (!before[i].number && o.number) || (!before[i].deadline && o.deadline)).length;
}
