// The writer of changed system cells (issue 15): only what changed is written, in a bounded
// number of runs, a row's counters and its «История» line in one call.
import { describe, expect, it } from 'vitest';
import { coalesceRuns, sameCell, writeChanged } from '../../src/workbook/diff-writer';
import { type Cell, makeTable } from '../../src/workbook/table';

function fakeSheet(grid: Cell[][]) {
  const writes: { row: number; col: number; values: Cell[][] }[] = [];
  const sheet = {
    getRange(row: number, col: number, rows: number, cols: number) {
      return {
        setValues(v: Cell[][]) {
          expect(v.length).toBe(rows);
          for (const r of v) expect(r.length).toBe(cols);
          writes.push({ row, col, values: v });
          v.forEach((r, i) => {
            r.forEach((x, j) => {
              grid[row - 1 + i][col - 1 + j] = x;
            });
          });
        },
      };
    },
  };
  return { sheet: sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, writes };
}

describe('coalesceRuns', () => {
  it('adjacent rows are one run; past the bound the smallest gaps are filled first', () => {
    const runs = coalesceRuns(new Map([[1, [1, 2, 3, 10, 11, 50, 52, 200]]]), 3, 1);
    expect(runs.map((r) => [r.from, r.to])).toEqual([
      [1, 11],
      [50, 52],
      [200, 200],
    ]);
  });
  it('gaps cheaper than a call are filled whatever the count; runs of different keys never merge', () => {
    const runs = coalesceRuns(
      new Map([
        [1, [1, 5]],
        [2, [6]],
      ]),
      10,
    );
    expect(runs.map((r) => [r.key, r.from, r.to])).toEqual([
      [1, 1, 5],
      [2, 6, 6],
    ]);
  });
});

describe('writeChanged', () => {
  const headers = ['№', 'Переносов', 'Состояние', 'История'];
  function book(n: number) {
    const grid: Cell[][] = [headers];
    for (let i = 0; i < n; i++) grid.push([`1-${i}`, 0, 'В работе', `строка ${i}`]);
    const { sheet, writes } = fakeSheet(grid.map((r) => [...r]));
    const t = makeTable('Поручения', sheet, grid);
    return { t, writes };
  }

  it('writes nothing when nothing changed, and only the changed cells otherwise', () => {
    const { t, writes } = book(1000);
    const same = writeChanged(t, headers.slice(1), 1000, (i, h) => t.rows[i][t.col(h)]);
    expect(same).toEqual({ changed: 0, written: 0, calls: 0 });
    const r = writeChanged(t, ['Состояние'], 1000, (i, h) => (i === 500 ? 'Просрочено' : t.rows[i][t.col(h)]));
    expect(r).toEqual({ changed: 1, written: 1, calls: 1 });
    expect(writes).toEqual([{ row: 502, col: 3, values: [['Просрочено']] }]);
    // The table now holds what was written: the same value again is no change.
    expect(writeChanged(t, ['Состояние'], 1000, (i, h) => (i === 500 ? 'Просрочено' : t.rows[i][t.col(h)])).calls).toBe(
      0,
    );
  });

  it('a row whose counter changed gets its line in the same call; a line alone goes in its column', () => {
    const { t, writes } = book(100);
    writeChanged(
      t,
      headers.slice(1),
      100,
      (i, h) => {
        if (i === 10 && h === 'Переносов') return 1;
        if ((i === 10 || i === 60) && h === 'История') return `строка ${i}\nновая`;
        return t.rows[i][t.col(h)];
      },
      { together: ['Переносов', 'История'] },
    );
    const row10 = writes.filter((w) => w.row === 12);
    expect(row10).toHaveLength(1);
    expect(row10[0]).toEqual({ row: 12, col: 2, values: [[1, 'В работе', 'строка 10\nновая']] });
    expect(writes.filter((w) => w.row === 62)).toEqual([{ row: 62, col: 4, values: [['строка 60\nновая']] }]);
  });

  it('scattered changes: calls stay bounded, every change lands, other cells keep their values', () => {
    const { t, writes } = book(5000);
    const want = (i: number) => (i % 37 === 0 ? 'Просрочено' : 'В работе');
    const r = writeChanged(t, ['Состояние'], 5000, (i) => want(i));
    expect(r.calls).toBeLessThanOrEqual(12);
    expect(r.changed).toBe(Math.ceil(5000 / 37));
    const grid: Cell[][] = [];
    for (const w of writes)
      w.values.forEach((v, k) => {
        grid[w.row - 2 + k] = v;
      });
    const wrong = grid.flatMap((v, i) => (v && v[0] !== want(i) ? [i] : []));
    expect(wrong).toEqual([]);
  });

  it('dates compare by instant; text read back without its apostrophe is the same', () => {
    expect(sameCell(new Date(5), new Date(5))).toBe(true);
    expect(sameCell(new Date(5), new Date(6))).toBe(false);
    expect(sameCell("'=1+1", '=1+1')).toBe(true);
    expect(sameCell(0, '')).toBe(false);
  });
});
