// A daily check that nears its time budget stops between steps and finishes in a follow-up run the
// same day (issue 15). Every step is idempotent on its own («Журнал» keys, decisions in «История»,
// docs/RELIABILITY.md), so the checkpoint only saves time: it lists the steps done today, and a
// lost or stale checkpoint means a step runs again and does nothing twice.
//
// The follow-up is ONE one-off clock trigger, `timeBased().after(ms)`
// (developers.google.com/apps-script/reference/script/clock-trigger-builder#after: «the minimum
// duration after the current time that the trigger runs»). A one-off trigger stays in the project's
// trigger list after it fires until deleted, and counts toward the 20 triggers per user per script
// (guides/triggers/installable «Restrictions», guides/services/quotas), so dailyFollowUp deletes
// its own first. Where a trigger cannot be made (the trigger quota; an add-on may use time-driven
// triggers at most once an hour, guides/triggers/installable «Time-driven triggers»), the next
// scheduled daily run finishes the work.

import type { IsoDate } from '../domain/dates';
import type { RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const FOLLOW_UP_HANDLER = 'dailyFollowUp';
/** Document property: JSON {date, done} — the steps of today's daily check already done. */
export const RESUME_PROP = 'kontrol.dailyResume';
/** The follow-up starts at least this long after the stop (clock-trigger-builder#after). */
export const FOLLOW_UP_AFTER_MS = 60_000;
/**
 * A step is not started with less than this left of the run's budget (SOFT_LIMIT_MS, 4.5 min of
 * Apps Script's 6): a step then has at least 2.5 min before the hard limit. The mailer's own brake
 * (20 s, src/mail/mailer.ts) stops the mail inside a step.
 */
export const STEP_RESERVE_MS = 60_000;

/** The daily check's steps on a working day, in order. */
export const DAILY_STEPS = [
  'appeals',
  'orders',
  'appeals-finish',
  'appeals-report',
  'reports',
  'lean',
  'rating',
] as const;
export type DailyStep = (typeof DAILY_STEPS)[number];

/** What the «Журнал» line calls each step. */
export const STEP_TITLE: Record<DailyStep, string> = {
  appeals: 'обращения',
  orders: 'поручения и уведомления',
  'appeals-finish': '«История» обращений',
  'appeals-report': '«Отчёт 1» по обращениям',
  reports: 'периодические отчёты',
  lean: 'напоминания по плану ЭР',
  rating: 'напоминания по самооценке',
};

export interface Checkpoint {
  date: IsoDate;
  done: DailyStep[];
  /** The stopped run's budget when it was not the default (tests): the follow-up keeps it. */
  budgetMs?: number;
}

export function parseCheckpoint(raw: string | null | undefined): Checkpoint | null {
  if (!raw) return null;
  try {
    const x = JSON.parse(raw) as { date?: unknown; done?: unknown };
    if (typeof x.date !== 'string' || !Array.isArray(x.done)) return null;
    const done = x.done.filter((s): s is DailyStep => (DAILY_STEPS as readonly string[]).includes(String(s)));
    const b = (x as { budgetMs?: unknown }).budgetMs;
    return typeof b === 'number' && b > 0
      ? { date: x.date as IsoDate, done, budgetMs: b }
      : { date: x.date as IsoDate, done };
  } catch {
    return null;
  }
}

/**
 * One run's progress through the steps: what was done today before (the checkpoint), what this run
 * did, and where it stopped.
 */
export class DailyProgress {
  readonly done: Set<DailyStep>;
  /** A checkpoint (of any day) was found: it is removed when the day's work is finished. */
  readonly hadCheckpoint: boolean;
  /** This run continues today's earlier run. */
  readonly resumed: boolean;
  /** The step this run stopped before (or inside, when the mail was deferred for time). */
  stoppedAt: DailyStep | null = null;
  private ranAny = false;
  private readonly doneBefore: number;
  private readonly budgetMs?: number;

  /** `raw`: the checkpoint property as read before the run's context was opened (readCheckpoint). */
  constructor(
    private readonly ctx: RunContext,
    raw: string | null,
    budgetMs?: number,
  ) {
    this.budgetMs = budgetMs;
    const cp = parseCheckpoint(raw);
    this.hadCheckpoint = raw !== null && raw !== undefined;
    // A checkpoint from another day is ignored: today's check starts from the first step.
    this.resumed = !!cp && cp.date === ctx.today;
    this.done = new Set(this.resumed && cp ? cp.done : []);
    this.doneBefore = this.done.size;
  }

  pending(step: DailyStep): boolean {
    return !this.done.has(step);
  }

  /**
   * Runs `fn` as `step` unless it was done earlier today (and `force` is not set) or the run has
   * stopped. The first step a run makes always runs, so every follow-up makes progress; a later one
   * is not started with less than STEP_RESERVE_MS of the budget left. A step whose mail was
   * deferred for time is not done: the run stops after it and the follow-up does it again (its
   * sent messages are in «Журнал» and are not sent twice).
   */
  step(step: DailyStep, fn: () => void, force = false): void {
    if (this.stoppedAt) return;
    if (!force && this.done.has(step)) return;
    if (this.ranAny && this.ctx.timeLeftMs() < STEP_RESERVE_MS) {
      this.stoppedAt = step;
      return;
    }
    const late = this.ctx.mailer.counts.late;
    fn();
    // A step done earlier and run again for its data does not count: the first step left always runs.
    if (!this.done.has(step)) this.ranAny = true;
    if (this.ctx.mailer.counts.late > late) this.stoppedAt = step;
    else this.done.add(step);
  }

  /** Steps not done yet, by name, for the «Журнал» line. */
  left(): string {
    return DAILY_STEPS.filter((s) => !this.done.has(s))
      .map((s) => STEP_TITLE[s])
      .join(', ');
  }

  /**
   * The run stopped: records the checkpoint and schedules the follow-up; returns the tail of the
   * «Журнал» line (Russian) saying what is left and when it continues.
   */
  suspend(): string {
    const cp: Checkpoint = { date: this.ctx.today, done: DAILY_STEPS.filter((s) => this.done.has(s)) };
    if (this.budgetMs) cp.budgetMs = this.budgetMs;
    PropertiesService.getDocumentProperties().setProperty(RESUME_PROP, JSON.stringify(cp));
    // A run that finished no step and sent nothing would be repeated as it is by a follow-up.
    const progressed = this.done.size > this.doneBefore || this.ctx.mailer.counts.sent > 0;
    const when = progressed
      ? scheduleFollowUp(this.ctx.ss)
      : 'этот запуск не успел ничего завершить, поэтому работу закончит следующая ежедневная проверка';
    return `. Проверка не завершена: мало времени до предела выполнения (6 мин); осталось: ${this.left()} — ${when}`;
  }

  /** The day's work is finished: the checkpoint and any follow-up trigger left are removed. */
  finish(): void {
    if (!this.hadCheckpoint) return;
    PropertiesService.getDocumentProperties().deleteProperty(RESUME_PROP);
    // A person's run finished the work before the follow-up fired: it would only find nothing to do.
    deleteFollowUpTriggers(this.ctx.ss);
  }
}

/**
 * This account's dailyFollowUp triggers (a fired one-off stays listed): getProjectTriggers(), as in
 * jobs/triggers.ts — a clock trigger is not among getUserTriggers(spreadsheet).
 */
function followUpTriggers(_ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === FOLLOW_UP_HANDLER);
}

export function deleteFollowUpTriggers(ss: Spreadsheet): number {
  const mine = followUpTriggers(ss);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

/**
 * Makes the one follow-up trigger unless one is pending; never throws. Returns the Russian words
 * for when the work continues.
 */
export function scheduleFollowUp(ss: Spreadsheet): string {
  try {
    if (followUpTriggers(ss).length > 0) return 'продолжение уже запланировано в дополнительном запуске';
    ScriptApp.newTrigger(FOLLOW_UP_HANDLER).timeBased().after(FOLLOW_UP_AFTER_MS).create();
    return `продолжение в дополнительном запуске примерно через ${Math.round(FOLLOW_UP_AFTER_MS / 60_000)} мин`;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return `дополнительный запуск создать не удалось (${why}); работу закончит следующая ежедневная проверка`;
  }
}

/** The checkpoint property as stored (null: none); one read, before the run's context opens. */
export function readCheckpoint(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(RESUME_PROP);
}
