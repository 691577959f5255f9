// Cell notes for bad input (spec «Bad input»: each problem is a row in «Проверка данных» «and a note
// on the cell») through the built bundle (dist/Code.js, `npm run build`) in the sandbox: the note
// appears on the bad cell, a person's own note on it survives (000 п.9: people write into the
// card), fixing the cell removes only our part, rows moved to «Архив» (000 п.14) do not leave the
// notes on the wrong orders, and the number of calls does not depend on the number of rows.
import { describe, expect, it } from 'vitest';
import type { DemoValue } from '../../src/local/demo/util';
import type { WorkbookModel } from '../../src/local/model';
import { MAX_ARCHIVE_RUNS } from '../../src/workbook/orders';
import { NOTE_MARKER } from '../../src/workbook/problem-notes';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { appendRows, d, header, makeBook, rowsOf, sheetOf, val } from './orders-helpers';

const TODAY = '2026-03-12'; // Thursday, a working day

/** 1-based sheet row of order № on «Поручения». */
function rowOf(wb: WorkbookModel, number: string): number {
  const s = sheetOf(wb, TAB.orders);
  const n = header(wb, TAB.orders).indexOf(ORDER_COL.number);
  const i = s.cells.findIndex((r, k) => k > 0 && String(val(r?.[n])) === number);
  if (i < 0) throw new Error(`no order ${number}`);
  return i + 1;
}

function cellOf(wb: WorkbookModel, number: string, column: string) {
  const s = sheetOf(wb, TAB.orders);
  const c = header(wb, TAB.orders).indexOf(column);
  const r = rowOf(wb, number) - 1;
  s.cells[r] = s.cells[r] ?? [];
  s.cells[r][c] = s.cells[r][c] ?? { v: null };
  return s.cells[r][c];
}

const noteOf = (wb: WorkbookModel, number: string, column: string) => cellOf(wb, number, column).note ?? '';

/** Every note of a tab carrying our marker, as «row:column». */
function ourNotes(wb: WorkbookModel, tab: string): string[] {
  const h = header(wb, tab);
  const out: string[] = [];
  sheetOf(wb, tab).cells.forEach((r, i) => {
    (r ?? []).forEach((c, j) => {
      if (c?.note?.split('\n').some((l) => l.startsWith(NOTE_MARKER))) out.push(`${i + 1}:${h[j]}`);
    });
  });
  return out;
}

/** Rows of «Проверка данных» about «Поручения» (its table starts under a title and a subtitle). */
function problemRows(wb: WorkbookModel): Record<string, string | number | boolean>[] {
  const grid = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => val(c)));
  const h = grid.findIndex((r) => r[0] === 'Лист');
  if (h < 0) throw new Error('no header on «Проверка данных»');
  const out: Record<string, string | number | boolean>[] = [];
  for (const r of grid.slice(h + 1)) {
    if (r[0] === '' || r[0] === undefined) break;
    out.push(Object.fromEntries(grid[h].map((name, i) => [String(name), r[i] ?? ''])));
  }
  return out.filter((r) => r['Лист'] === TAB.orders);
}

/** Everything people typed on «Поручения», to prove notes never change a value. */
function values(wb: WorkbookModel): unknown[] {
  return sheetOf(wb, TAB.orders).cells.map((r) => (r ?? []).map((c) => val(c)));
}

const order = (n: string, extra: Record<string, DemoValue> = {}): Record<string, DemoValue> => ({
  '№': n,
  Протокол: '1',
  Поручение: `Поручение ${n}`,
  Исполнитель: 'Петров П.П.',
  Срок: d('2026-03-20'),
  Статус: 'Список дел',
  ...extra,
});

describe('notes on bad cells (spec «Bad input»)', () => {
  it('a bad date gets a note; the person’s note survives; fixing the cell removes only ours', () => {
    const { sb, wb } = makeBook(TODAY);
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d(TODAY) }]);
    appendRows(wb, TAB.orders, [
      order('1-1'),
      order('1-2', { Срок: '31.02.2026' }),
      order('1-3', { Статус: 'Почти готово' }),
    ]);
    cellOf(wb, '1-2', ORDER_COL.deadline).note = 'уточнить у Иванова';
    cellOf(wb, '1-1', ORDER_COL.deadline).note = 'не трогать';
    const before = values(wb);

    sb.api('check');
    const bad = problemRows(wb).find((r) => r['Столбец'] === ORDER_COL.deadline);
    expect(bad?.['Строка']).toBe(rowOf(wb, '1-2'));
    const note = noteOf(wb, '1-2', ORDER_COL.deadline);
    expect(note.startsWith(`уточнить у Иванова\n\n${NOTE_MARKER} `)).toBe(true);
    expect(note).toContain(String(bad?.['Что не так']));
    expect(note).toContain(String(bad?.['Как исправить']));
    expect(noteOf(wb, '1-3', ORDER_COL.status).startsWith(NOTE_MARKER)).toBe(true);
    expect(noteOf(wb, '1-1', ORDER_COL.deadline)).toBe('не трогать');
    expect(values(wb)).toEqual(before);
    // No notes on generated tabs.
    expect(
      sheetOf(wb, TAB.problems)
        .cells.flat()
        .some((c) => c?.note),
    ).toBe(false);

    // The same problems again: nothing to write.
    sb.resetCounters();
    sb.api('check');
    expect(sb.calls['Range.setNotes'] ?? 0).toBe(0);
    expect(noteOf(wb, '1-2', ORDER_COL.deadline)).toBe(note);

    // People fix both cells (a date typed in, a status from the list).
    cellOf(wb, '1-2', ORDER_COL.deadline).v = { kind: 'date', iso: '2026-03-27' };
    cellOf(wb, '1-3', ORDER_COL.status).v = 'Список дел';
    sb.api('check');
    expect(problemRows(wb)).toEqual([]);
    expect(noteOf(wb, '1-2', ORDER_COL.deadline)).toBe('уточнить у Иванова');
    expect(noteOf(wb, '1-3', ORDER_COL.status)).toBe('');
    expect(noteOf(wb, '1-1', ORDER_COL.deadline)).toBe('не трогать');
    expect(ourNotes(wb, TAB.orders)).toEqual([]);
  });

  it('the daily check notes the cell too, and a later fix clears it', () => {
    const { sb, wb } = makeBook(TODAY);
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d(TODAY) }]);
    appendRows(wb, TAB.orders, [order('1-1'), order('1-2', { Срок: '31.02.2026' })]);
    sb.api('daily');
    expect(ourNotes(wb, TAB.orders)).toEqual([`${rowOf(wb, '1-2')}:${ORDER_COL.deadline}`]);
    cellOf(wb, '1-2', ORDER_COL.deadline).v = { kind: 'date', iso: '2026-03-27' };
    sb.api('daily');
    expect(ourNotes(wb, TAB.orders)).toEqual([]);
  });

  // 000 п.14: «Готово» cards are archived after 5 working days. The daily check writes
  // «Проверка данных» at step 1 and moves rows at step 5; the notes and the row numbers must end up
  // on the rows as they are after the move — with a few archived rows (rows deleted) and with many
  // scattered ones (the rows that stay are rewritten in place, see moveToArchive).
  it.each([
    ['a few rows archived', 3],
    ['many scattered rows archived', 45],
  ])('%s: notes and «Строка» follow the rows', (_what, archivedCount) => {
    const { sb, wb } = makeBook(TODAY);
    // The done orders come from an earlier meeting: a «Дата исполнения» before the protocol's date
    // is a data problem (spec «Поручения»), and «Внесено» on time keeps 000 п.7 quiet. Earlier
    // checks saw them executed («Состояние»), so their execution is not «задним числом» (000 п.13).
    appendRows(wb, TAB.protocols, [
      { '№': '1', Дата: d(TODAY) },
      { '№': '2', Дата: d('2026-01-30') },
    ]);
    const rows: Record<string, DemoValue>[] = [];
    for (let i = 0; i < archivedCount; i++) {
      rows.push(
        order(`2-${100 + i}`, {
          Протокол: '2',
          Статус: 'Готово',
          Срок: d('2026-02-10'),
          'Дата исполнения': d('2026-02-02'),
          Внесено: d('2026-01-30'),
          Состояние: 'Исполнено в срок',
        }),
      );
      rows.push(order(`1-${200 + i}`));
    }
    rows.splice(3, 0, order('1-2', { Срок: '31.02.2026' }));
    rows.push(order('1-3', { Статус: 'Почти готово' }));
    appendRows(wb, TAB.orders, rows);
    sb.api('daily');

    // Each archived row is its own run of rows: at most MAX_ARCHIVE_RUNS move in one run.
    expect(rowsOf(wb, TAB.archive)).toHaveLength(Math.min(archivedCount, MAX_ARCHIVE_RUNS));
    const r2 = rowOf(wb, '1-2');
    const r3 = rowOf(wb, '1-3');
    expect(ourNotes(wb, TAB.orders).sort()).toEqual(
      [`${r2}:${ORDER_COL.deadline}`, `${r3}:${ORDER_COL.status}`].sort(),
    );
    const listed = problemRows(wb).map((p) => `${p['Строка']}:${p['Столбец']}`);
    expect(listed).toContain(`${r2}:${ORDER_COL.deadline}`);
    expect(listed).toContain(`${r3}:${ORDER_COL.status}`);
    // The list was written again after the move, only where it changed: exactly these two rows,
    // at their rows after the move (a cell left from before the move would show an old row).
    expect(listed.sort()).toEqual([`${r2}:${ORDER_COL.deadline}`, `${r3}:${ORDER_COL.status}`].sort());

    // Next day, fixed: no note of ours left anywhere on the tab.
    cellOf(wb, '1-2', ORDER_COL.deadline).v = { kind: 'date', iso: '2026-03-27' };
    cellOf(wb, '1-3', ORDER_COL.status).v = 'Список дел';
    sb.setNow(new Date('2026-03-13T05:00:00Z'));
    sb.api('daily');
    expect(ourNotes(wb, TAB.orders)).toEqual([]);
  });

  it('calls do not grow with rows: 100 and 2 000 rows with the same problems', () => {
    const measure = (n: number, action: string) => {
      const { sb, wb } = makeBook(TODAY);
      appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d(TODAY) }]);
      const rows = [order('1-1', { Срок: '31.02.2026' }), order('1-2', { Статус: 'Почти готово' })];
      for (let i = 0; i < n; i++) rows.push(order(`1-${1000 + i}`));
      appendRows(wb, TAB.orders, rows);
      cellOf(wb, '1-1', ORDER_COL.deadline).note = 'своя заметка';
      sb.api('check'); // the first check writes the notes; the measured run then fixes one cell
      cellOf(wb, '1-2', ORDER_COL.status).v = 'Список дел';
      sb.resetCounters();
      sb.api(action);
      expect(ourNotes(wb, TAB.orders)).toEqual([`2:${ORDER_COL.deadline}`]);
      expect(noteOf(wb, '1-1', ORDER_COL.deadline).startsWith('своя заметка\n\n')).toBe(true);
      return {
        all: sb.spreadsheetCalls(),
        getNotes: sb.calls['Range.getNotes'] ?? 0,
        setNotes: sb.calls['Range.setNotes'] ?? 0,
      };
    };
    for (const action of ['check', 'daily']) {
      const small = measure(100, action);
      const big = measure(2000, action);
      expect(big).toEqual(small);
      expect(small.getNotes).toBeGreaterThan(0);
      expect(small.setNotes).toBeGreaterThan(0);
    }
  });
});
