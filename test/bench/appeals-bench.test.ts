// Citizens' appeals in the daily check at size (issue 16, «Done when»): Spreadsheet calls and cells
// of a daily check with N appeals beside N orders, against the same book without appeals. Calls
// must not grow with rows (spec «Quality bars»). The 1 000 + 1 000 / 10 000 + 10 000 figures are a
// soak run (SOAK=1, a minute of CPU); CI checks 300 against 600 appeals beside 1 000 orders.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { addAppeals } from './appeals-bench-data';
import { type BenchRun, codePath, type Prepared, prepareWorkbook, runAction, WARMUP_NOW } from './harness';

/** The prepared book with `n` appeals, after a warm-up daily check the working day before. */
function withAppeals(prep: Prepared, n: number): Prepared {
  const wb = JSON.parse(prep.snapshot) as WorkbookModel;
  addAppeals(wb, n);
  const sb = createSandbox({ workbook: wb, code: prep.code, now: WARMUP_NOW, mailQuota: 1500, realElapsed: false });
  sb.api('daily');
  return { ...prep, snapshot: JSON.stringify(wb) };
}

const sheetsOnly = (r: BenchRun) =>
  Object.fromEntries(
    Object.entries(r.byMethod).filter(([m]) => !/^(MailApp|GmailApp|Utilities|Logger|console|Session)\./.test(m)),
  );

describe('appeals in the daily check: calls flat in rows', () => {
  it('300 and 600 appeals beside 1 000 orders: the same Spreadsheet calls, method by method', async () => {
    if (!existsSync(codePath())) throw new Error(`${codePath()} не найден: выполните npm run build`);
    const prep = await prepareWorkbook(1000);
    const a = await runAction(withAppeals(prep, 300), 'daily');
    const b = await runAction(withAppeals(prep, 600), 'daily');
    expect([a.ok, b.ok, a.error, b.error]).toEqual([true, true, undefined, undefined]);
    const diff = (x: BenchRun, y: BenchRun) => {
      const sx = sheetsOnly(x);
      const sy = sheetsOnly(y);
      return [...new Set([...Object.keys(sx), ...Object.keys(sy)])]
        .filter((k) => sx[k] !== sy[k])
        .map((k) => `${k}: ${sx[k]} → ${sy[k]}`);
    };
    expect(diff(a, b)).toEqual([]);
  }, 180_000);
});

describe.skipIf(!process.env.SOAK)('appeals at size (SOAK=1)', () => {
  it('1 000 + 1 000 and 10 000 + 10 000: calls and cells, with and without appeals', async () => {
    const lines: string[] = [];
    const runs: BenchRun[] = [];
    for (const n of [1000, 10000]) {
      const prep = await prepareWorkbook(n);
      // The same warm-up for both, so only the appeals differ.
      const base = await runAction(withAppeals(prep, 0), 'daily');
      const with_ = await runAction(withAppeals(prep, n), 'daily');
      runs.push(base, with_);
      const appealCells = Object.entries(with_.cellsByTarget)
        .filter(([k]) => k.includes('Обращения'))
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      lines.push(
        `${n} поручений: без обращений — вызовов ${base.spreadsheetCalls}, ячеек ${base.cells}, ${Math.round(base.ms)} мс; ` +
          `с ${n} обращениями — вызовов ${with_.spreadsheetCalls}, ячеек ${with_.cells}, ${Math.round(with_.ms)} мс, писем ${with_.mailCalls} (обращения: ${appealCells})`,
      );
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    // What appeals add to a daily check does not grow with rows: the orders' own calls differ between
    // the two generated books (their news), so the increments are compared. A few calls of slack:
    // one digest more or less (its «Журнал» row) between the books.
    const added = (i: number) => runs[i + 1].spreadsheetCalls - runs[i].spreadsheetCalls;
    expect(Math.abs(added(2) - added(0))).toBeLessThanOrEqual(5);
  }, 600_000);
});
