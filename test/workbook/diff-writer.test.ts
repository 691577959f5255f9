// The writer of changed system cells (issue 15): only what changed is written, in a bounded
// number of runs, a row's counters and its «История» line in one call.
import { describe, expect, it } from 'vitest';
import { coalesceRuns, sameCell, writeChanged } from '../../src/workbook/diff-writer';
import { type Cell, makeTable } from '../../src/workbook/table';

function fakeSheet(grid: Cell[][]) {
  const writes: { row: number; col: number; values: Cell[][] }[] = [];
  const lists: { a1: string[]; value: Cell }[] = [];
  const order: string[] = [];
  const sheet = {
    getRangeList(a1: string[]) {
      return {
        setValue(value: Cell) {
          lists.push({ a1, value });
          order.push(`list ${a1.join(',')}`);
          for (const ref of a1) {
            const [, col, top, , bottom] = /^([A-Z]+)(\d+)(:[A-Z]+(\d+))?$/.exec(ref) ?? [];
            for (let r = Number(top); r <= Number(bottom ?? top); r++) grid[r - 1][col.charCodeAt(0) - 65] = value;
          }
        },
      };
    },
    getRange(row: number, col: number, rows: number, cols: number) {
      return {
        setValues(v: Cell[][]) {
          expect(v.length).toBe(rows);
          for (const r of v) expect(r.length).toBe(cols);
          writes.push({ row, col, values: v });
          order.push(`range R${row}C${col}`);
          v.forEach((r, i) => {
            r.forEach((x, j) => {
              grid[row - 1 + i][col - 1 + j] = x;
            });
          });
        },
      };
    },
  };
  return { sheet: sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, writes, lists, grid, order };
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
    const { sheet, writes, lists, grid: written, order } = fakeSheet(grid.map((r) => [...r]));
    const t = makeTable('Поручения', sheet, grid);
    return { t, writes, lists, written, order };
  }

  it('a column of few values (byValue): each value one RangeList over exactly its cells, however scattered', () => {
    const { t, writes, lists, written } = book(50_000);
    const next = (i: number, h: string) =>
      h === 'Состояние' && i % 1000 === 7 ? (i % 2000 === 7 ? 'Просрочено' : 'Срок наступает') : t.rows[i][t.col(h)];
    const r = writeChanged(t, ['Состояние'], 50_000, next, { byValue: ['Состояние'] });
    // 50 changed cells over 50 000 rows: two calls and 50 cells, not a span of 49 000.
    expect(r).toEqual({ changed: 50, written: 50, calls: 2 });
    expect(writes).toEqual([]);
    expect(lists.map((l) => [l.value, l.a1.length])).toEqual([
      ['Просрочено', 25],
      ['Срок наступает', 25],
    ]);
    expect(lists[0].a1.slice(0, 2)).toEqual(['C9', 'C2009']);
    for (let i = 0; i < 50_000; i++) expect(written[i + 1][2]).toBe(next(i, 'Состояние'));
    // Adjacent cells of one value are one range; the table holds what was written.
    const r2 = writeChanged(t, ['Состояние'], 50_000, (i, h) => (i >= 10 && i <= 12 ? 'На доработке' : next(i, h)), {
      byValue: ['Состояние'],
    });
    expect(r2.changed).toBe(3);
    expect(lists[2].a1).toEqual(['C12:C14']);
  });

  it("byValue goes last: a row's counter and line land before its «Состояние» (a cut between keeps the line)", () => {
    const { t, order, writes } = book(10);
    writeChanged(
      t,
      headers.slice(1),
      10,
      (i, h) =>
        i !== 4
          ? t.rows[i][t.col(h)]
          : h === 'Переносов'
            ? 1
            : h === 'История'
              ? 'строка 4\nисполнено'
              : h === 'Состояние'
                ? 'Исполнено в срок'
                : t.rows[i][t.col(h)],
      { together: ['Переносов', 'История'], byValue: ['Состояние'] },
    );
    // The counter and the line in one call (B6:D6), the state's RangeList after it.
    expect(order).toEqual(['range R6C2', 'list C6']);
    expect(writes[0].values).toEqual([[1, 'Исполнено в срок', 'строка 4\nисполнено']]);
  });

  it('byValue past its bound of values writes runs as before', () => {
    const { t, writes, lists } = book(100);
    const r = writeChanged(t, ['Состояние'], 100, (i) => `состояние ${i}`, { byValue: ['Состояние'] });
    expect(r.calls).toBe(1);
    expect(writes).toHaveLength(1);
    expect(lists).toEqual([]);
  });

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
