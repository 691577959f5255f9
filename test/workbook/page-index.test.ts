// «Мои поручения»'s index (workbook/page-index.ts): an entry survives the cells it is cut into —
// dates, a piece that would start with «=» or «'» (a formula; Sheets' text marker), a character
// outside the BMP across a cut.
import { describe, expect, it } from 'vitest';
import { entryRow, type IndexEntry, parseEntry } from '../../src/workbook/page-index';

describe('index entries in cells', () => {
  it('round-trips through its row, whatever the cuts fall on', () => {
    // The JSON has 18 characters before the text: the cut at 45 000 sweeps over «=», «'» and 💡.
    for (let lead = 44_976; lead <= 44_986; lead++) {
      const long = `${'я'.repeat(lead)}='💡 «Готово»`;
      const e: IndexEntry = {
        name: 'Иванов И.И.',
        built: 1_780_000_000_000,
        header: '["№","Поручение"]',
        orders: [
          {
            number: 'П1-1',
            cells: [
              'П1-1',
              long,
              new Date(Date.UTC(2026, 2, 10)),
              3,
              true,
              new Date(Date.UTC(2026, 2, 10, 9, 30, 15, 7)),
            ],
            row: 7,
          },
          { number: '12', cells: null, row: 9 },
        ],
      };
      const row = entryRow(e);
      for (const piece of row.slice(3)) {
        expect(String(piece).startsWith('~')).toBe(true);
        expect(String(piece).length).toBeLessThanOrEqual(45_001);
        expect(/[\uD800-\uDBFF]$/.test(String(piece))).toBe(false);
      }
      expect(parseEntry(row)).toEqual(e);
    }
  });

  it('a day is stored in minutes, a date with seconds in ms; an entry of the older form still reads', () => {
    const day = new Date(Date.UTC(2026, 2, 10));
    const e: IndexEntry = {
      name: 'Иванов И.И.',
      built: 1,
      header: 'h',
      orders: [{ number: '1', cells: [day], row: 2 }],
    };
    expect(entryRow(e)[3]).toBe(`~[["1",[[${day.getTime() / 60_000}]],2]]`);
    expect(parseEntry(['Иванов И.И.', 1, 'h', `~[["1",[{"d":${day.getTime()}}],2]]`])).toEqual(e);
  });

  it('an entry typed over, or without its build time, does not count', () => {
    expect(parseEntry(['Иванов И.И.', '', '[]', '~[]'])).toBeNull();
    expect(parseEntry(['Иванов И.И.', 5, '[]', '~[["П1-1"'])).toBeNull();
  });
});
