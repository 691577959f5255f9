// The sandbox's TextFinder (reference/spreadsheet/text-finder) and the workbook layer's row finder
// built on it (src/workbook/find-rows.ts, issue 23): what a search returns, its options, and that
// finding a person's rows reads none of the others.
import { describe, expect, it } from 'vitest';
import { type CellModel, emptySheet, emptyWorkbook } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { findFirstRows, findNonBlankRows, findRowsByValue, readRowsAt, rowRuns } from '../../src/workbook/find-rows';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/text-finder';

function sandbox(rows: (string | number | null)[][]) {
  const wb = emptyWorkbook();
  const sh = emptySheet('Поручения');
  sh.cells = rows.map((r) => r.map((v): CellModel => ({ v })));
  wb.sheets.push(sh);
  return createSandbox({
    workbook: wb,
    code: 'function f() {}',
    now: new Date('2026-03-02T06:00:00Z'),
    realElapsed: false,
  });
}

const ROWS = [
  ['№', 'Исполнитель', 'Соисполнители', 'Запрошенный срок'],
  ['П1-1', 'Иванов И.И.', '', ''],
  ['П1-2', 'Петров П.П.', 'Иванов  И.И.; Сидорова С.С.', '20.03.2026'],
  ['П1-3', 'иванов и.и.', '', null],
  ['П1-4', 'Иванова И.И.', 'Петров П.П.', ''],
  ['П1-5', 'Сидорова С.С.', 'Ёлкина Е.Е.', ''],
  [12, 'Петров П.П.', '', ''],
];

describe(`TextFinder in the sandbox (${REF})`, () => {
  const sb = sandbox(ROWS);
  const probe = (expr: string) =>
    sb.evaluate(`(function () { var sh = SpreadsheetApp.getActive().getSheetByName('Поручения'); return ${expr}; })()`);

  it('findAll returns one-cell Ranges of every match, row by row; partial and case-insensitive by default', () => {
    expect(
      probe(
        "sh.getRange('B2:C7').createTextFinder('иванов').findAll().map(function (r) { return r.getA1Notation(); })",
      ),
    ).toEqual(['B2', 'C3', 'B4', 'B5']);
  });

  it('matchEntireCell, matchCase and regular expressions narrow it; a number is found by its displayed text', () => {
    const a1 = (tf: string) => probe(`${tf}.findAll().map(function (r) { return r.getA1Notation(); })`);
    expect(a1("sh.getRange('B2:B7').createTextFinder('Иванов И.И.').matchEntireCell(true)")).toEqual(['B2', 'B4']);
    expect(a1("sh.getRange('B2:B7').createTextFinder('Иванов И.И.').matchEntireCell(true).matchCase(true)")).toEqual([
      'B2',
    ]);
    expect(a1("sh.getRange('A2:A7').createTextFinder('П1-[24]').useRegularExpression(true)")).toEqual(['A3', 'A5']);
    expect(a1("sh.getRange('A2:A7').createTextFinder('12').matchEntireCell(true)")).toEqual(['A7']);
    expect(a1("sh.createTextFinder('Сидорова С.С.')")).toEqual(['C3', 'B6']);
  });

  it('findNext walks the matches and ends with null; startFrom starts after a cell; an empty text is refused', () => {
    expect(
      probe(
        "(function () { var tf = sh.getRange('B2:B7').createTextFinder('Петров'); var a = tf.findNext().getA1Notation(); var b = tf.findNext().getA1Notation(); return [a, b, tf.findNext(), tf.getCurrentMatch().getA1Notation()]; })()",
      ),
    ).toEqual(['B3', 'B7', null, 'B7']);
    expect(
      probe("sh.getRange('B2:B7').createTextFinder('Петров').startFrom(sh.getRange('B3')).findNext().getA1Notation()"),
    ).toBe('B7');
    expect(() => probe("sh.getRange('B2:B7').createTextFinder('')")).toThrow(/findText/);
  });
});

describe('findRowsByValue / readRowsAt (src/workbook/find-rows.ts)', () => {
  const sb = sandbox(ROWS);
  const sheet = sb.evaluate(
    "SpreadsheetApp.getActive().getSheetByName('Поручения')",
  ) as GoogleAppsScript.Spreadsheet.Sheet;

  it('finds whole cells as foldText compares them (case, ё/е, spaces), or a name among several', () => {
    expect(findRowsByValue(sheet, 2, ['Иванов И.И.'])).toEqual([2, 4]);
    expect(findRowsByValue(sheet, 3, ['Иванов И.И.'], { whole: false })).toEqual([3]);
    expect(findRowsByValue(sheet, 3, ['Елкина Е.Е.'], { whole: false })).toEqual([6]);
    expect(findRowsByValue(sheet, 2, ['Петров П.П.', 'Сидорова С.С.'])).toEqual([3, 6, 7]);
    expect(findRowsByValue(sheet, 1, ['12'])).toEqual([7]);
    expect(findRowsByValue(sheet, 2, [])).toEqual([]);
    expect(findRowsByValue(sheet, 2, ['И.И. (', 'a|b'])).toEqual([]); // regex characters are text
    expect(findNonBlankRows(sheet, 4)).toEqual([3]);
    // `from`: only the rows from there down are searched (the tail of «Архив»).
    expect(findRowsByValue(sheet, 2, ['Иванов И.И.'], { from: 3 })).toEqual([4]);
    expect(findRowsByValue(sheet, 2, ['Иванов И.И.'], { from: 5000 })).toEqual([]);
  });

  it('scattered runs cost one getValues each: their Ranges come from one getRangeList + getRanges', () => {
    const long = sandbox(Array.from({ length: 300 }, (_, i) => [`П1-${i + 1}`, i % 2 ? 'Иванов И.И.' : '']));
    const sh = long.evaluate("SpreadsheetApp.getActive().getSheetByName('Поручения')") as typeof sheet;
    const before = { ...long.calls };
    const near = readRowsAt(sh, [2, 7], 2); // a gap of 4 rows × 2 columns is read, not split
    const far = readRowsAt(sh, [2, 150, 299], 2); // three runs
    const d = (m: string) => (long.calls[m] ?? 0) - (before[m] ?? 0);
    expect([...near.keys()]).toEqual([2, 7]);
    expect([...far.entries()]).toEqual([
      [2, ['П1-2', 'Иванов И.И.']],
      [150, ['П1-150', 'Иванов И.И.']],
      [299, ['П1-299', '']],
    ]);
    expect([d('Sheet.getRange'), d('Sheet.getRangeList'), d('RangeList.getRanges'), d('Range.getValues')]).toEqual([
      1, 1, 1, 4,
    ]);
  });

  it('findFirstRows keeps the first rows of a long list and counts them all', () => {
    expect(findFirstRows(sheet, 2, ['Петров П.П.', 'Сидорова С.С.'], 2)).toEqual({ rows: [3, 6], total: 3 });
    expect(findFirstRows(sheet, 3, null, 1)).toEqual({ rows: [3], total: 3 });
    expect(findFirstRows(sheet, 2, [], 5)).toEqual({ rows: [], total: 0 });
  });

  it('reads only the rows asked for, adjacent ones and short gaps in one read', () => {
    const got = readRowsAt(sheet, [2, 4, 7], 2);
    expect([...got.keys()]).toEqual([2, 4, 7]);
    expect(got.get(4)).toEqual(['П1-3', 'иванов и.и.']);
    expect(rowRuns([2, 3, 4, 9], 1)).toEqual([{ first: 2, count: 8 }]);
    expect(rowRuns([2, 3, 4, 500], 2)).toEqual([
      { first: 2, count: 3 },
      { first: 500, count: 1 },
    ]);
    expect(rowRuns([10, 2, 3, 3], 140)).toEqual([
      { first: 2, count: 2 },
      { first: 10, count: 1 },
    ]);
  });
});
