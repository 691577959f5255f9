// Step 1's output: the other registers' checks, «Проверка данных» rewritten and the notes on the
// problem cells; and the menu «Проверить данные», which runs the same checks and nothing else.
import { dateTimeRuInZone } from '../domain/dates';
import { carriedProblems, insertCarried } from '../workbook/moved-problems';
import type { OrderBook } from '../workbook/orders';
import { readOrderBook } from '../workbook/orders';
import {
  MAX_NOTE_CELLS,
  type NotedCell,
  notedCellsOf,
  readProblemsValues,
  writeProblemNotes,
} from '../workbook/problem-notes';
import { writeProblemsTab } from '../workbook/problems-tab';
import { TAB } from '../workbook/schema';
import type { Cell } from '../workbook/table';
import { prepareAppeals } from './appeals';
import { openContext, type RunContext } from './context';
import { validateLean } from './lean-checks';
import { newRuleRun, runStage } from './order-pipeline';
import { validateRating } from './rating';
import { guarded, writeStep } from './steps';

/** Notes on the problem cells (spec «Bad input»); a failure is logged and never stops the run. */
export function problemNotes(ctx: RunContext, previous: readonly NotedCell[], onlyTab?: string): void {
  guarded(ctx, 'Примечания к ячейкам', () => {
    const r = writeProblemNotes(ctx.ss, ctx.problems.list, previous, onlyTab);
    if (r.skipped.length)
      ctx.journal.add({
        action: 'Примечания к ячейкам',
        result: `примечания не обновлены на листах ${r.skipped.map((t) => `«${t}»`).join(', ')}: больше ${MAX_NOTE_CELLS} ячеек; проблемы — на листе «${TAB.problems}»`,
      });
  });
}

/**
 * Problems of orders moved to «Архив» today, from the list as it was (moved-problems.ts): «Архив» is
 * not checked, so a run the same day would lose them. Not an order still in «Поручения» (a move
 * stopped half-way: the row there is judged again).
 */
function carryMoved(ctx: RunContext, book: OrderBook, previous: Cell[][]): void {
  const inOrders = new Set(book.orders.map((o) => o.number).filter(Boolean));
  const movedToday = new Set(book.archive.filter((o) => o.archivedAt === ctx.today).map((o) => o.number));
  insertCarried(
    ctx.problems.list,
    carriedProblems(previous, ctx.today, (n) => movedToday.has(n) && !inOrders.has(n)),
  );
}

/**
 * «Проверка данных» rewritten from ctx.problems (with the problems of orders moved to «Архив» today
 * carried forward), then the notes on the cells (old notes read first).
 */
export function writeProblems(ctx: RunContext, book: OrderBook | null): void {
  const previous = readProblemsValues(ctx.ss);
  if (book) carryMoved(ctx, book, previous);
  const noted = notedCellsOf(previous); // before the rewrite: the cells that carry our notes
  writeStep(ctx, 'Проверка данных', () => writeProblemsTab(ctx.ss, ctx.problems, ctx.now, ctx.tz));
  problemNotes(ctx, noted);
}

/** The orders' check rules, then the lean plan's and the self-assessment's checks. */
export function checkRegisters(ctx: RunContext, book: OrderBook, mode: 'daily' | 'check'): void {
  runStage(ctx, book, 'check', mode, newRuleRun());
  guarded(ctx, 'Проверка бережливых проектов', () => validateLean(ctx, mode));
  guarded(ctx, 'Проверка самооценки', () => validateRating(ctx, mode));
}

/** Menu «Проверить данные»: step 1 only — validate every tab and rewrite «Проверка данных». */
export function checkData(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const ctx = openContext(ss);
  const book = readOrderBook(ctx);
  checkRegisters(ctx, book, 'check');
  guarded(ctx, 'Проверка обращений', () => prepareAppeals(ctx, book.executorByName, 'check'));
  writeProblems(ctx, book);
  const n = ctx.problems.list.length;
  const msg =
    n === 0
      ? `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: проблем не найдено.`
      : `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: найдено проблем — ${n}, список на листе «${TAB.problems}».`;
  ctx.journal.add({ action: 'Проверка данных', result: msg });
  ctx.journal.flush();
  return msg;
}
