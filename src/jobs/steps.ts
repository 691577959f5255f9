// How a run's steps start and fail: under the spreadsheet's locks, and a step's failure written to
// «Журнал» without stopping the run.
import type { RunContext } from './context';
import { lockSpreadsheet } from './lock';
import { blockedMessage, flushOrJournal, isProtectionError } from './protected';

const LOCK_WAIT_MS = 10_000;

/** Runs `fn` under the spreadsheet's locks (jobs/lock.ts); when another run holds one, logs and returns without work. */
export function withLock(what: string, fn: () => string): string {
  const locks = lockSpreadsheet(LOCK_WAIT_MS);
  if (!locks) {
    const msg = `${what}: уже выполняется другой запуск, этот пропущен.`;
    console.log(msg);
    return msg;
  }
  try {
    return fn();
  } finally {
    flushOrJournal(what);
    locks.release();
  }
}

/** Calls another module's step; its failure is logged and never stops the daily check. */
export function guarded(ctx: RunContext, action: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (isProtectionError(e)) ctx.journal.add({ action, result: blockedMessage(ctx.ss) });
    else ctx.journal.add({ action, result: `ошибка: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * Runs a step that writes; a write refused by a protection ends that step (as a cut would: the
 * steps are safe to stop at any call) with a «Журнал» line naming the range, and the run goes on.
 * Other errors pass.
 */
export function writeStep(ctx: RunContext, action: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!isProtectionError(e)) throw e;
    ctx.journal.add({ action, result: blockedMessage(ctx.ss) });
  }
}
