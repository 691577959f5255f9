// People's formulas in «Поручения» through the daily check (spec «The workbook»: people's cells are
// never changed, except a blank «№»/«Срок» filled and a row moved whole to «Архив» — 000 п.14, done
// orders archived after 5 working days). A formula whose value is empty is not a blank cell; a row
// moved to «Архив» keeps its formulas as formulas. The reads stay one per column or span, whatever
// the number of rows.
import { describe, expect, it } from 'vitest';
import type { CellModel, WorkbookModel } from '../../src/local/model';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { appendRows, d, day, header, makeBook, rowsOf, sheetOf } from './orders-helpers';

/** The cell of order `number`'s row (found by «Поручение» text `text`) in `column`. */
function cellOf(wb: WorkbookModel, tab: string, text: string, column: string): CellModel | undefined {
  const h = header(wb, tab);
  const t = h.indexOf(ORDER_COL.text);
  const c = h.indexOf(column);
  const row = sheetOf(wb, tab).cells.find((r, i) => i > 0 && r?.[t]?.v === text);
  return row?.[c];
}

function setCell(wb: WorkbookModel, text: string, column: string, cell: CellModel): void {
  const h = header(wb, TAB.orders);
  const t = h.indexOf(ORDER_COL.text);
  const c = h.indexOf(column);
  const row = sheetOf(wb, TAB.orders).cells.find((r, i) => i > 0 && r?.[t]?.v === text);
  if (!row || c < 0) throw new Error(`no ${text} / ${column}`);
  row[c] = cell;
}

const EMPTY_IF = 'IF(1=1;"";"x")';

describe('a blank «№»/«Срок» given by a formula is never filled', () => {
  it('formula cells keep their formula and are reported; plain blanks next to them are filled', () => {
    const { sb, wb } = makeBook('2026-03-02');
    appendRows(wb, TAB.protocols, [{ '№': '7', Дата: d('2026-02-27') }]);
    appendRows(wb, TAB.orders, [
      {
        Протокол: '7',
        Поручение: 'формула в №',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-20'),
        Статус: 'Список дел',
      },
      { '№': '7-5', Протокол: '7', Поручение: 'формула в сроке', Исполнитель: 'Петров П.П.', Статус: 'Список дел' },
      { Протокол: '7', Поручение: 'пустые', Исполнитель: 'Петров П.П.', Срочность: 'Срочно', Статус: 'Список дел' },
    ]);
    setCell(wb, 'формула в №', ORDER_COL.number, { v: '', formula: EMPTY_IF });
    setCell(wb, 'формула в сроке', ORDER_COL.deadline, { v: '', formula: EMPTY_IF });
    day(sb, '2026-03-02');

    // Value and formula as people left them (the problem's note on the cell aside).
    for (const [text, column] of [
      ['формула в №', ORDER_COL.number],
      ['формула в сроке', ORDER_COL.deadline],
    ]) {
      const c = cellOf(wb, TAB.orders, text, column);
      expect({ v: c?.v, formula: c?.formula }, column).toEqual({ v: '', formula: EMPTY_IF });
    }
    // The plain blanks are filled as before: №, and «Срок» from «Срочно» and the protocol date.
    const plain = rowsOf(wb, TAB.orders).find((r) => r[ORDER_COL.text] === 'пустые');
    expect(plain?.[ORDER_COL.number]).toBe('7-1');
    expect(plain?.[ORDER_COL.deadline]).toBe('2026-03-02');
    expect(
      String(rowsOf(wb, TAB.orders).find((r) => r[ORDER_COL.text] === 'формула в №')?.[ORDER_COL.history]),
    ).not.toMatch(/присвоен/);
    // Each formula cell is a problem with a Russian message and fix.
    const problems = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => String(c?.v ?? '')).join(' | '));
    expect(problems.filter((p) => /формула, и её значение пустое/.test(p))).toHaveLength(2);
    // One getFormulas per column over the blank cells' span.
    expect(sb.calls['Range.getFormulas'] ?? 0).toBeLessThanOrEqual(2);
  });
});

describe('a row moved to «Архив» keeps its formulas (000 п.14)', () => {
  function book(moved: number) {
    const { sb, wb } = makeBook('2026-03-12');
    appendRows(
      wb,
      TAB.orders,
      Array.from({ length: 2 * moved }, (_, i) => ({
        '№': `9-${i + 1}`,
        Поручение: `п${i + 1}`,
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-30'),
        Статус: i % 2 ? 'Готово' : 'В процессе 50',
        'Дата исполнения': i % 2 ? d('2026-03-02') : null,
      })),
    );
    // Every row carries a formula in «Ход исполнения»: moved rows and the rows that stay.
    for (let i = 0; i < 2 * moved; i++)
      setCell(wb, `п${i + 1}`, ORDER_COL.progress, { v: `итог ${i + 1}`, formula: `CONCATENATE("итог ";${i + 1})` });
    sb.resetCounters();
    day(sb, '2026-03-12');
    return { sb, wb };
  }

  for (const moved of [1, 7])
    it(`${moved === 1 ? 'one row' : 'scattered rows (compacted)'}: formulas of moved rows and of rows that stay are formulas`, () => {
      const { sb, wb } = book(moved);
      const archived = rowsOf(wb, TAB.archive).map((r) => String(r[ORDER_COL.text]));
      expect(archived).toHaveLength(moved);
      for (const text of archived) {
        const n = Number(text.slice(1));
        expect(cellOf(wb, TAB.archive, text, ORDER_COL.progress)?.formula, text).toBe(`CONCATENATE("итог ";${n})`);
      }
      const staying = rowsOf(wb, TAB.orders).map((r) => String(r[ORDER_COL.text]));
      expect(staying).toHaveLength(moved);
      for (const text of staying)
        expect(cellOf(wb, TAB.orders, text, ORDER_COL.progress)?.formula, text).toBe(
          `CONCATENATE("итог ";${Number(text.slice(1))})`,
        );
      // One read of formulas for the move, however many rows move.
      expect(sb.calls['Range.getFormulas']).toBe(1);
    });
});
