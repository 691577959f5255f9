// The daily check (spec «Daily check»): the skeleton and nothing else. Open the context (lock,
// clock, budget, checkpoint) → per register read once and apply its rules (src/domain/rules/index.ts:
// APPEAL_RULES in jobs/appeals.ts, ORDER_RULES in jobs/orders-step.ts, PLAN_RULES in
// jobs/lean-checks.ts) → write the diff → send the notices → «Журнал». Each step is a checkpoint (jobs/follow-up.ts): a run near its budget stops
// and a follow-up finishes, nothing twice and nothing lost.
import { formatRu } from '../domain/dates';
import { dailyArchiveSince } from '../workbook/archive-window';
import { type OrderBook, readOrderBook } from '../workbook/orders';
import { type AppealRun, finishAppeals, prepareAppeals } from './appeals';
import { appealsReportFrom, reportDays } from './appeals-report';
import { openContext, type RunContext } from './context';
import { appealSummary, notifySummary, summary } from './daily-summary';
import { DailyProgress, parseCheckpoint, readCheckpoint } from './follow-up';
import { leanReminders, ratingReminders } from './lean-checks';
import { newOutcome, processOrders } from './orders-step';
import { periodicReports } from './reports';
import { guarded, withLock, writeStep } from './steps';

export { checkData } from './check-step';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The daily check's options: the run's budget (tests make it small) and whether it is a follow-up. */
export interface DailyOptions {
  softLimitMs?: number;
  /** dailyFollowUp: do nothing unless today's check stopped and left a checkpoint. */
  followUp?: boolean;
}

/** Writes the run's line to «Журнал» (and every queued line) and returns it. */
function journalled(ctx: RunContext, action: string, msg: string): string {
  ctx.journal.add({ action, result: msg });
  ctx.journal.flush();
  return msg;
}

/** A non-working day: only «Состояние» and «Просрочка» (orders and appeals) are refreshed. */
function refreshDay(ctx: RunContext): string {
  const book = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
  guarded(ctx, 'Обращения', () => prepareAppeals(ctx, book.executorByName, 'refresh'));
  writeStep(ctx, 'Поручения', () => processOrders(ctx, book, 'refresh'));
  const msg = `Ежедневная проверка ${formatRu(ctx.today)}: нерабочий день, обновлены только состояния поручений.`;
  return journalled(ctx, 'Ежедневная проверка', msg);
}

/** A working day's registers, each a step of `progress`; returns the run's line. */
function workingDay(ctx: RunContext, progress: DailyProgress): string {
  // Read once, and only when a step left needs it.
  let bookRead: OrderBook | null = null;
  const book = () => {
    if (!bookRead) bookRead = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
    return bookRead;
  };
  let appeals = null as AppealRun | null;
  // The appeals' rows ride in the orders' digest and feed «Отчёт 1»: read again while any of
  // those is left (prepareAppeals is idempotent and restores notice lines from «Журнал»).
  const appealsNeeded = (['appeals', 'orders', 'appeals-finish', 'appeals-report'] as const).some((s) =>
    progress.pending(s),
  );
  if (appealsNeeded)
    progress.step(
      'appeals',
      () =>
        guarded(ctx, 'Обращения', () => {
          appeals = prepareAppeals(ctx, book().executorByName, 'daily');
        }),
      true,
    );
  const o = newOutcome();
  progress.step('orders', () => writeStep(ctx, 'Поручения', () => processOrders(ctx, book(), 'daily', o)));
  const run = appeals as AppealRun | null;
  progress.step('appeals-finish', () => {
    if (run) guarded(ctx, 'Обращения', () => finishAppeals(run));
  });
  // «Отчёт 1» each working morning for every day since the last one (004 п.2.2.1.1), from the rows already read.
  progress.step('appeals-report', () => {
    if (run?.book.appeals.length)
      guarded(ctx, 'Отчёт по обращениям', () => {
        appealsReportFrom(ctx, run.book.appeals, reportDays(ctx));
      });
  });
  progress.step('reports', () => guarded(ctx, 'Периодические отчёты', () => periodicReports(ctx, book())));
  progress.step('lean', () => guarded(ctx, 'Напоминания по плану ЭР', () => leanReminders(ctx)));
  progress.step('rating', () => guarded(ctx, 'Напоминания по самооценке', () => ratingReminders(ctx)));
  const title = progress.resumed ? 'Ежедневная проверка (продолжение)' : 'Ежедневная проверка';
  return summary(title, ctx, o, appealSummary(appeals));
}

/**
 * The daily check; on a non-working day only «Состояние» and «Просрочка» are refreshed. On a
 * working day the steps run in order (jobs/follow-up.ts): one that would start too near the run's
 * budget, or whose mail was deferred for time, stops the run with a checkpoint and a follow-up.
 */
export function runDaily(ss: Spreadsheet, opts: DailyOptions = {}): string {
  return withLock('Ежедневная проверка', () => {
    const raw = readCheckpoint();
    // A follow-up keeps the budget its day's run was given (tests make it small).
    const budgetMs = opts.softLimitMs ?? parseCheckpoint(raw)?.budgetMs;
    const ctx = openContext(ss, { softLimitMs: budgetMs });
    if (!ctx.calendar.isWorkingDay(ctx.today)) {
      if (opts.followUp) return 'Продолжать нечего: сегодня нерабочий день.';
      return refreshDay(ctx);
    }
    const progress = new DailyProgress(ctx, raw, budgetMs);
    if (opts.followUp && !progress.resumed) return 'Продолжать нечего: сегодняшняя проверка завершена.';
    let msg = workingDay(ctx, progress);
    // The steps' writes and sent keys are in the workbook already (each step writes its own; the
    // mailer records every send at once), so the checkpoint may say they are done.
    if (progress.stoppedAt) msg = `${msg.replace(/\.$/, '')}${progress.suspend()}.`;
    else progress.finish();
    return journalled(ctx, 'Ежедневная проверка', msg);
  });
}

/** Menu «Отправить новые поручения исполнителям»: fills blank №/Срок and sends the new-order notices now. */
export function notifyNew(ss: Spreadsheet): string {
  return withLock('Отправка новых поручений', () => {
    const ctx = openContext(ss);
    const book = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
    const o = newOutcome();
    writeStep(ctx, 'Поручения', () => processOrders(ctx, book, 'notify', o));
    return journalled(ctx, 'Отправить новые поручения', notifySummary(ctx, o));
  });
}
