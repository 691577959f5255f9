// «Проверка данных» is written in place (report-tab.ts inPlace): a run stopped after any call of the
// rewrite leaves the old list or the new one readable — never a blank tab — because a run the same
// day reads the previous list back for the problems of orders moved to «Архив» (moved-problems.ts).
// Spec «Bad input»; quality bar «Idempotent … after a crash at any point … loses nothing».
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { bundleEntry } from '../helpers/bundle';

const code = bundleEntry(
  `
  import { carriedProblems } from './src/workbook/moved-problems';
  import { readProblemsValues } from './src/workbook/problem-notes';
  import { Problems } from './src/workbook/problems';
  import { writeProblemsTab } from './src/workbook/problems-tab';
  export const api = {
    run(action, p) {
      const ss = SpreadsheetApp.getActive();
      if (action === 'write') {
        const problems = new Problems();
        for (const x of JSON.parse(p.list)) problems.add(x);
        writeProblemsTab(ss, problems, new Date('2026-03-02T05:00:00Z'), 'Europe/Moscow');
        return '';
      }
      // The moved rows' problems the next run would carry forward.
      return JSON.stringify(carriedProblems(readProblemsValues(ss), '2026-03-02', () => true).map((c) => c.problem.message));
    },
  };
  `,
  join(__dirname, '../..'),
);

const moved = (n: string) => ({
  tab: 'Поручения',
  row: 0,
  column: 'Внесено',
  value: '02.03.2026',
  message: `Поручение внесено позже срока. Поручение № ${n} перенесено на лист «Архив» 02.03.2026.`,
  fix: 'Вносите вовремя.',
});
const other = (row: number) => ({
  tab: 'Поручения',
  row,
  column: 'Срок',
  value: 'x',
  message: 'Не удалось прочитать дату.',
  fix: 'Введите дату.',
});

function run(wb: WorkbookModel, action: string, list: unknown[] = [], stopAfterCalls?: number): string | null {
  const sb = createSandbox({ workbook: wb, code, realElapsed: false, stopAfterCalls });
  try {
    return String(sb.api(action, { list: JSON.stringify(list) }));
  } catch {
    return null;
  }
}

/** Every cell as people see it (value and format; a blank cell and no cell alike). */
function shown(wb: WorkbookModel): string[][] {
  const rows = (wb.sheets.find((s) => s.name === 'Проверка данных')?.cells ?? []).map((r) =>
    (r ?? []).map((c) => {
      const { v, ...format } = c ?? { v: null };
      const f = Object.entries(format).filter(([, x]) => x !== undefined && x !== null && x !== '');
      return v === null && f.length === 0 ? '' : JSON.stringify([v, Object.fromEntries(f)]);
    }),
  );
  for (const r of rows) while (r.length && r[r.length - 1] === '') r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

describe('«Проверка данных» rewritten in place', () => {
  const old = [other(3), moved('5-4'), other(7), other(8), other(9), moved('5-6')];
  const next = [other(3), moved('5-4'), moved('5-6')];

  it('a stop after any call leaves the old or the new list readable; finished, the tab is as if written afresh', () => {
    const base = emptyWorkbook();
    run(base, 'write', old);
    const fresh = emptyWorkbook();
    run(fresh, 'write', next);
    const seen = new Set<string>();
    let k = 0;
    for (; k < 60; k++) {
      const wb = structuredClone(base);
      const done = run(wb, 'write', next, k) !== null;
      const carried = run(wb, 'read');
      seen.add(String(carried));
      expect(carried, `k=${k}`).toBe(JSON.stringify([moved('5-4').message, moved('5-6').message]));
      if (done) {
        expect(shown(wb)).toEqual(shown(fresh));
        break;
      }
    }
    expect(k, 'the write finished within the probe').toBeLessThan(60);
    expect(k).toBeGreaterThan(5);
  });
});
