// The benchmark as a quick CI check (issue 7, «Done when»; spec «Quality bars»: the number of
// Spreadsheet service calls of the daily check must not grow with the number of rows; issue 15:
// within 2 %). N = 1 000
// against N = 2 000 is enough to see a per-row call; the full 1 000 / 10 000 / 50 000 run is
// `npm run bench`. Runs the real dist/Code.js (npm test builds it first).
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOIN_GAP_CELLS } from '../../src/workbook/find-rows';
import {
  type BenchAction,
  type BenchRun,
  codePath,
  type PageRole,
  type Prepared,
  prepareWorkbook,
  runAction,
} from './harness';

const ACTIONS: BenchAction[] = ['daily', 'setup', 'report'];
/** «Мои поручения» (issue 23): the median executor's and the controller's page, loaded and acted on. */
const PAGES: ['page-load' | 'page-submit', PageRole][] = [
  ['page-load', 'executor'],
  ['page-submit', 'executor'],
  ['page-load', 'controller'],
  ['page-submit', 'controller'],
];
const pageKey = (a: string, role: string, n: number) => `${a}/${role}/${n}`;

describe('benchmark smoke: calls do not grow with the workbook', () => {
  const runs = new Map<string, BenchRun>();
  const prepared = new Map<number, Prepared>();

  beforeAll(async () => {
    if (!existsSync(codePath())) throw new Error(`${codePath()} не найден: выполните npm run build`);
    for (const n of [1000, 2000]) {
      const prep = await prepareWorkbook(n);
      prepared.set(n, prep);
      for (const a of ACTIONS) runs.set(`${a}/${n}`, await runAction(prep, a));
      for (const [a, role] of PAGES) runs.set(pageKey(a, role, n), await runAction(prep, a, role));
    }
  }, 120_000);

  // The page reads «Поручения» only in the person's rows (found by TextFinder; «Протоколы» only in
  // the rows of the requests' protocols): the cells of every other tab are the same at 1 000 and
  // 2 000 orders; the executor's rest stays within a bound per row their page needs — a row's
  // width, its hit and row number, and at most one joined gap (JOIN_GAP_CELLS) — never near one
  // read of the tab; the controller's capped lists stay level.
  for (const [a, role] of PAGES)
    it(`${a} (${role}): cells flat from 1 000 to 2 000 orders beyond the person's own rows`, () => {
      const [small, big] = [1000, 2000].map((n) => runs.get(pageKey(a, role, n)) as BenchRun);
      expect([small.ok, big.ok, small.error, big.error]).toEqual([true, true, undefined, undefined]);
      const fixed = (r: BenchRun) =>
        Object.entries(r.cellsByTarget)
          .filter(([k]) => /«(Настройки|Календарь|Исполнители|Обращения|Журнал)»/.test(k))
          .reduce((t, [, v]) => t + v, 0);
      const own = (r: BenchRun) => r.cells - fixed(r);
      expect(fixed(big)).toBe(fixed(small));
      if (role === 'controller') {
        // The controller's lists (requests, everyone's overdue orders) read at most
        // CONTROLLER_LIST_MAX rows each: both sizes past it, the cells stay level.
        expect(own(big), `${a}: ${own(small)} → ${own(big)}`).toBeLessThanOrEqual(own(small) * 1.25);
        expect(own(big)).toBeLessThan(2000 * 27 * 0.25);
        return;
      }
      for (const [n, r] of [
        [1000, small],
        [2000, big],
      ] as const) {
        // Rows the executor's page needs: their own and the «№» of the order changed.
        const rows = (r.personOrders ?? 0) + 1;
        const perRow = 32 + 2 + JOIN_GAP_CELLS;
        expect(own(r), `${a} ${role} на ${n}`).toBeLessThanOrEqual(2 * 32 + perRow * rows);
        expect(own(r), `${a} ${role} на ${n}: далеко от одного чтения «Поручения»`).toBeLessThan(n * 15 * 0.2);
      }
    });

  it('the generated books have the orders asked for (warm-up archives only a few)', () => {
    for (const [n, p] of prepared) {
      expect(p.rows.orders).toBeGreaterThan(n * 0.9);
      expect(p.rows.archive).toBeGreaterThanOrEqual(n / 10);
    }
  });

  for (const a of ACTIONS) {
    it(`${a}: finishes without an error on 1 000 and 2 000 orders`, () => {
      for (const n of [1000, 2000]) {
        const r = runs.get(`${a}/${n}`) as BenchRun;
        expect(r.error ?? '', `${a} на ${n}`).toBe('');
        expect(r.ok).toBe(true);
        expect(r.spreadsheetCalls).toBeGreaterThan(0);
      }
    });

    it(`${a}: the same Spreadsheet methods, and calls within 2 %, for 1 000 and 2 000 orders`, () => {
      const small = runs.get(`${a}/1000`) as BenchRun;
      const big = runs.get(`${a}/2000`) as BenchRun;
      // Equal counts of two failed runs would prove nothing.
      expect([small.ok, big.ok]).toEqual([true, true]);
      const sheets = (r: BenchRun) =>
        Object.fromEntries(
          Object.entries(r.byMethod).filter(([m]) => !/^(MailApp|GmailApp|Utilities|Logger|console|Session)\./.test(m)),
        );
      // The writers of changed cells make a bounded number of runs (issue 15): a small book may
      // need a few fewer, never more per row.
      expect(Object.keys(sheets(big)).sort()).toEqual(Object.keys(sheets(small)).sort());
      // The search for the tail of «Архив» (archive-window.ts) adds a call pair per doubling of the
      // rows it looks through: a handful of calls, whatever the tab's size.
      expect(Math.abs(big.spreadsheetCalls - small.spreadsheetCalls)).toBeLessThanOrEqual(
        Math.max(6, Math.ceil(0.02 * small.spreadsheetCalls)),
      );
    });
  }

  it('daily: notices are due on the benchmark day and go out as digests, one per recipient at most', () => {
    const r = runs.get('daily/2000') as BenchRun;
    expect(r.mailCalls).toBeGreaterThan(0);
    // 200 executors + controller + summary recipients bound the digests (spec step 4).
    expect(r.mailCalls).toBeLessThanOrEqual(200 + 1 + 3 + 5);
  });

  it('report: a year on 2 000 orders projects well inside the 6-minute limit', () => {
    const r = runs.get('report/2000') as BenchRun;
    // The report reads «Поручения» (≈ 19 cells per order) at least once: the cell meter works.
    expect(r.cells).toBeGreaterThan(2000 * 19);
    expect(r.projectedAppsScriptMs).toBeGreaterThan(0);
    expect(r.projectedAppsScriptMs).toBeLessThan(60_000);
  });
});
