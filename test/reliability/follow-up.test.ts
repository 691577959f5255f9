// Issue 15: a daily check that nears its time budget stops between steps (or when the mailer
// defers for time), records a checkpoint and makes ONE one-off trigger (dailyFollowUp,
// ScriptApp.newTrigger(…).timeBased().after(60 000),
// developers.google.com/apps-script/reference/script/clock-trigger-builder#after); the follow-ups,
// fired in the sandbox until none is left, finish the day. The end state equals one clean run:
// the same cells, the same «Журнал» keys, every message once; never two follow-up triggers; none
// left afterwards (a fired one-off trigger stays listed until deleted, guides/triggers/installable).
//
// The clock: each service call costs CALL_MS of sandbox time (realElapsed false), so a budget is a
// number of calls. A step is not started with less than STEP_RESERVE_MS (60 s) left and a message
// not with less than 20 s (src/mail/mailer.ts): with budget 60 s + k calls, a run starts no step
// after k calls and no message after k + 160 calls (40 s); Apps Script's 6 minutes are 1 440 calls. The test sets each run's budget through the
// checkpoint (the follow-up keeps its day's budget), so it can cut wherever it wants.

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DAILY_STEPS, type DailyStep, RESUME_PROP } from '../../src/jobs/follow-up';
import type { WorkbookModel } from '../../src/local/model';
import { createSandbox, type SentMail } from '../../src/local/sandbox/index';
import { INDEX_TAB } from '../../src/workbook/page-index';
import { TAB } from '../../src/workbook/schema';
import { addAppeals } from '../bench/appeals-bench-data';
import { BENCH_NOW, loadCode, prepareWorkbook } from '../bench/harness';
import { journalRows, SOAK, sentKeys } from './harness';

/** A few hundred orders in CI; the 50 000 under SOAK=1 (npm run test:soak: minutes). */
const N = SOAK ? 50_000 : 300;
const T = SOAK ? 3_600_000 : 30_000;
const CALL_MS = 250;
const RESERVE_MS = 60_000;
const budget = (calls: number) => RESERVE_MS + calls * CALL_MS;

vi.setConfig({ testTimeout: T, hookTimeout: T });

let code: string;
let base: string;
let clean: { wb: WorkbookModel; mails: SentMail[] };

function sandboxAt(wb: WorkbookModel, now: Date, callCostMs = CALL_MS) {
  return createSandbox({ workbook: wb, code, now, realElapsed: false, callCostMs, mailQuota: 1500 });
}

const followUps = (wb: WorkbookModel) => wb.triggers.filter((t) => t.handler === 'dailyFollowUp');
const checkpoint = (wb: WorkbookModel) => {
  const raw = wb.properties.document[RESUME_PROP];
  return raw ? (JSON.parse(raw) as { date: string; done: DailyStep[]; budgetMs?: number }) : null;
};

/** Every tab but «Журнал» (its times and run lines differ by design), as text. */
function cellsOf(wb: WorkbookModel): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const s of wb.sheets) {
    if (s.name === TAB.log) continue;
    // «Проверка данных» and the reports state when they were written («Проверено …», «Сформировано
    // …»): by the run that wrote them, minutes later in a chain, so the time of day is left out.
    out[s.name] = s.cells.map((r) =>
      (r ?? []).map((c) =>
        c?.v === null || c?.v === undefined ? '' : String(c.v).replace(/(\d\d\.\d\d\.\d{4}) \d\d:\d\d/g, '$1'),
      ),
    );
    while (out[s.name].length && out[s.name][out[s.name].length - 1].every((v) => v === '')) out[s.name].pop();
    // «Мои поручения»'s index says when it was built (ms, column «Построен»): by the run that built
    // it, as the reports' times above; every other cell of it must match.
    if (s.name === INDEX_TAB) for (const r of out[s.name].slice(1)) r[1] = '';
  }
  return out;
}

const lastLine = (wb: WorkbookModel) => journalRows(wb).slice(-1)[0]?.result ?? '';
const keysOf = (wb: WorkbookModel) => sentKeys(wb).flat().sort();
const mailSig = (m: SentMail) => `${m.to}|${m.cc ?? ''}|${m.subject}`;

interface Chain {
  wb: WorkbookModel;
  mails: SentMail[];
  runs: number;
  /** Where each stopped run stopped: the first step left, «+mail» when the mailer deferred for time. */
  stops: string[];
  maxPendingTriggers: number;
}

/**
 * The day's run with budget `first` calls, then every follow-up trigger fired in turn (each a new
 * execution, at the trigger's time) with the budget `next(first step left)` calls.
 */
function chain(first: number, next: (left: DailyStep) => number): Chain {
  const wb = JSON.parse(base) as WorkbookModel;
  const mails: SentMail[] = [];
  const stops: string[] = [];
  let maxPendingTriggers = 0;
  let runs = 0;
  const afterRun = (journalBefore: number) => {
    runs++;
    maxPendingTriggers = Math.max(maxPendingTriggers, followUps(wb).filter((t) => !t.fired).length);
    const cp = checkpoint(wb);
    if (!cp) return;
    const left = DAILY_STEPS.find((s) => !cp.done.includes(s)) as DailyStep;
    const late = journalRows(wb)
      .slice(journalBefore)
      .some((r) => /отложено: мало времени/.test(r.result));
    stops.push(late ? `${left}+mail` : left);
    cp.budgetMs = budget(next(left));
    wb.properties.document[RESUME_PROP] = JSON.stringify(cp);
  };
  let before = journalRows(wb).length;
  const sb = sandboxAt(wb, BENCH_NOW);
  sb.api('daily', { budgetMs: budget(first) }, { trigger: 'time' });
  mails.push(...sb.mails);
  afterRun(before);
  let start = BENCH_NOW.getTime();
  let now = sb.now().getTime();
  for (let guard = 0; guard < 60; guard++) {
    const t = followUps(wb).find((x) => !x.fired);
    if (!t) break;
    // Made by the run that just ended, at least a minute after it started, at most after it ended.
    expect(t.at, 'a one-off trigger: after(60 000)').toBeGreaterThanOrEqual(start + 60_000);
    expect(t.at).toBeLessThanOrEqual(now + 60_000);
    start = Math.max(now, t.at ?? now);
    before = journalRows(wb).length;
    const f = sandboxAt(wb, new Date(now));
    f.fireTrigger(t.id);
    mails.push(...f.mails);
    now = f.now().getTime();
    afterRun(before);
  }
  return { wb, mails, runs, stops, maxPendingTriggers };
}

function expectSameAsClean(c: Chain): void {
  expect(checkpoint(c.wb), 'the checkpoint is removed when the day is done').toBeNull();
  expect(followUps(c.wb), 'no follow-up trigger left').toEqual([]);
  expect(c.maxPendingTriggers).toBeLessThanOrEqual(1);
  expect(keysOf(c.wb)).toEqual(keysOf(clean.wb));
  expect(c.mails.map(mailSig).sort()).toEqual(clean.mails.map(mailSig).sort());
  const got = cellsOf(c.wb);
  const want = cellsOf(clean.wb);
  for (const name of Object.keys(want)) expect(got[name], `лист «${name}»`).toEqual(want[name]);
}

beforeAll(async () => {
  code = loadCode();
  const prep = await prepareWorkbook(N, { code });
  const wb = JSON.parse(prep.snapshot) as WorkbookModel;
  addAppeals(wb, 60);
  base = JSON.stringify(wb);
  const c = JSON.parse(base) as WorkbookModel;
  // The clean run: the default budget, no cost per call (nothing near the limit).
  const sb = sandboxAt(c, BENCH_NOW, 0);
  sb.api('daily', {}, { trigger: 'time' });
  clean = { wb: c, mails: [...sb.mails] };
}, T);

describe('a daily check near its budget finishes in follow-up runs the same day', () => {
  it('the clean run (default budget) needs no follow-up', () => {
    expect(checkpoint(clean.wb)).toBeNull();
    expect(followUps(clean.wb)).toEqual([]);
    expect(clean.mails.length).toBeGreaterThan(100);
  });

  // One step per run where a step is short; the orders' and the summaries' steps get room for
  // their reads and some mail, so their mail is cut by the mailer's brake.
  const roomy = (s: DailyStep) => (s === 'orders' ? 240 : s === 'reports' ? 120 : 1);
  const stopsSeen = new Set<string>();

  it('every step cut: each stop, then follow-ups until done, equals one clean run', () => {
    const c = chain(1, roomy);
    for (const s of c.stops) stopsSeen.add(s);
    console.log(`follow-up chain: ${c.runs} runs, stops: ${c.stops.join(', ')}`);
    expectSameAsClean(c);
  });

  it('a uniform small budget for the whole day also ends as one clean run', () => {
    const c = chain(300, () => 300);
    for (const s of c.stops) stopsSeen.add(s);
    console.log(`uniform chain: ${c.runs} runs, stops: ${c.stops.join(', ')}`);
    expectSameAsClean(c);
  });

  it('a second run the same day keeps «Проверка данных» (the problems of rows it moved to «Архив» too) and mails nothing', () => {
    const wb = JSON.parse(JSON.stringify(clean.wb)) as WorkbookModel;
    const sb = sandboxAt(wb, new Date(BENCH_NOW.getTime() + 3_600_000), 0);
    sb.api('daily', {}, { trigger: 'time' });
    expect(sb.mails.map(mailSig)).toEqual([]);
    const want = cellsOf(clean.wb)[TAB.problems];
    expect(want.some((r) => / перенесено на лист «Архив» /.test(r[4] ?? ''))).toBe(true);
    expect(cellsOf(wb)[TAB.problems]).toEqual(want);
  });

  it('every step was cut at least once (before it, or in its mail)', () => {
    const cut = new Set([...stopsSeen].map((s) => s.replace('+mail', '')));
    // 'appeals' is the first step: a run always makes its first step, so it is never cut before.
    for (const s of DAILY_STEPS.slice(1)) expect(cut.has(s), `перед «${s}»`).toBe(true);
    expect(stopsSeen.has('orders+mail'), 'в рассылке по поручениям').toBe(true);
  });
});

describe('the follow-up and its trigger', () => {
  it('a second stop while a follow-up is pending makes no second trigger', () => {
    const wb = JSON.parse(base) as WorkbookModel;
    // The second run (a person's, say) resumes and stops in the orders' mail.
    for (const k of [1, 240]) sandboxAt(wb, BENCH_NOW).api('daily', { budgetMs: budget(k) }, { trigger: 'time' });
    expect(followUps(wb).length).toBe(1);
    expect(lastLine(wb)).toMatch(/продолжение уже запланировано/);
  });

  it('when no trigger can be made (20 per user), the stop says so and the next run finishes the day', () => {
    const wb = JSON.parse(base) as WorkbookModel;
    for (let i = 0; i < 20; i++) wb.triggers.push({ id: `x${i}`, handler: 'other', type: 'CLOCK', everyDays: 1 });
    sandboxAt(wb, BENCH_NOW).api('daily', { budgetMs: budget(1) }, { trigger: 'time' });
    expect(followUps(wb)).toEqual([]);
    expect(lastLine(wb)).toMatch(
      /дополнительный запуск создать не удалось .*too many triggers.*работу закончит следующая ежедневная проверка/,
    );
    expect(checkpoint(wb)?.done).toEqual(['appeals']);
    // The next run (here the same day, default budget) resumes from the checkpoint.
    const mails: SentMail[] = [];
    const sb = sandboxAt(wb, new Date(BENCH_NOW.getTime() + 3_600_000), 0);
    sb.api('daily', {}, { trigger: 'time' });
    mails.push(...sb.mails);
    wb.triggers.splice(0);
    expectSameAsClean({ wb, mails, runs: 2, stops: [], maxPendingTriggers: 0 });
    expect(lastLine(wb)).toMatch(/^Ежедневная проверка \(продолжение\)/);
  });

  it('a checkpoint of another day is ignored: the whole check runs and the checkpoint goes', () => {
    const wb = JSON.parse(base) as WorkbookModel;
    wb.properties.document[RESUME_PROP] = JSON.stringify({ date: '2026-05-29', done: [...DAILY_STEPS] });
    const sb = sandboxAt(wb, BENCH_NOW, 0);
    sb.api('daily', {}, { trigger: 'time' });
    expectSameAsClean({ wb, mails: [...sb.mails], runs: 1, stops: [], maxPendingTriggers: 0 });
  });

  it('a follow-up with nothing left deletes its own trigger and does nothing', () => {
    const wb = JSON.parse(base) as WorkbookModel;
    const sb = sandboxAt(wb, BENCH_NOW, 0);
    sb.evaluate(`ScriptApp.newTrigger('dailyFollowUp').timeBased().after(60000).create()`);
    const rows = journalRows(wb).length;
    const t = followUps(wb)[0];
    expect(sb.fireTrigger(t.id)).toMatch(/Продолжать нечего/);
    expect(followUps(wb)).toEqual([]);
    expect(journalRows(wb).length).toBe(rows);
    expect(sb.mails).toEqual([]);
  });
});
