import { describe, expect, it } from 'vitest';
import { contiguousRuns, isBlankRow, normHeader, safeCell, safeText } from '../../src/workbook/table';

describe('table helpers', () => {
  it('headers compare trimmed, case-insensitive, ё = е (spec: «The workbook»)', () => {
    expect(normHeader('  ПРОСРОЧКА,  раб. дн. ')).toBe(normHeader('Просрочка, раб. дн.'));
    expect(normHeader('Организация (сокращенно)')).toBe(normHeader('Организация (сокращённо)'));
  });
  it('groups columns into contiguous runs for one setValues each', () => {
    expect(contiguousRuns([5, 3, 4, 9, 10, 0])).toEqual([[0], [3, 4, 5], [9, 10]]);
    expect(contiguousRuns([-1, 2, 2])).toEqual([[2]]);
  });
  it('text that would become a formula is prefixed with an apostrophe (apps-script-facts: leading = + - @)', () => {
    for (const s of ['=1+1', '+7 999', '-5', '@user']) expect(safeText(s)).toBe(`'${s}`);
    expect(safeText('Подготовить отчёт')).toBe('Подготовить отчёт');
    // setValues parses strings as typed (apps-script-facts): «1.2» would become a date, «007» a number.
    for (const s of ['1.2', '007', '12-3', '01.02.2026', 'ИСТИНА', "'quoted"]) expect(safeText(s)).toBe(`'${s}`);
    expect(safeText('12-3 (доп.)')).toBe('12-3 (доп.)');
    expect(safeCell(5)).toBe(5);
  });
  it('a row of blanks is blank', () => {
    expect(isBlankRow(['', '', ''])).toBe(true);
    expect(isBlankRow(['', 0, ''])).toBe(false);
  });
});
