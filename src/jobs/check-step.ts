// Step 1's output: the other registers' checks, «Проверка данных» rewritten and the notes on the
// problem cells; and the menu «Проверить данные», which runs the same checks and nothing else.
import { dateTimeRuInZone } from '../domain/dates';
import type { OrderBook } from '../workbook/orders';
import { readOrderBook } from '../workbook/orders';
import { MAX_NOTE_CELLS, type NotedCell, readNotedCells, writeProblemNotes } from '../workbook/problem-notes';
import { writeProblemsTab } from '../workbook/problems-tab';
import { TAB } from '../workbook/schema';
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

/** «Проверка данных» rewritten from ctx.problems, then the notes on the cells (old notes read first). */
export function writeProblems(ctx: RunContext): void {
  const noted = readNotedCells(ctx.ss); // before the rewrite: the cells that carry our notes
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
  writeProblems(ctx);
  const n = ctx.problems.list.length;
  const msg =
    n === 0
      ? `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: проблем не найдено.`
      : `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: найдено проблем — ${n}, список на листе «${TAB.problems}».`;
  ctx.journal.add({ action: 'Проверка данных', result: msg });
  ctx.journal.flush();
  return msg;
}
