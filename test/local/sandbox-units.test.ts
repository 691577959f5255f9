// Helpers of the local sandbox: typed-input parsing, A1 references, zone arithmetic.
import { describe, expect, it } from 'vitest';
import { parseA1, refToA1, refToRect, shiftRef, subtract } from '../../src/local/sandbox/a1';
import { formatJavaDate, instantOfIso, isoOfInstant } from '../../src/local/sandbox/tz';
import { displayDate, displayNumber, parseTyped } from '../../src/local/sandbox/values';

describe('parseTyped (a string as if typed into a ru_RU sheet)', () => {
  it.each([
    ['', { v: null }],
    ['=A1', { v: null, formula: 'A1' }],
    ["'=A1", { v: '=A1' }],
    ["'12", { v: '12' }],
    ['42', { v: 42 }],
    ['-7', { v: -7 }],
    ['1,25', { v: 1.25 }],
    ['1 234,5', { v: 1234.5 }],
    ['1,5E3', { v: 1500 }],
    ['50%', { v: 0.5, numberFormat: '0%' }],
    ['31.12.2025', { v: { kind: 'date', iso: '2025-12-31' } }],
    ['1.2.26', { v: { kind: 'date', iso: '2026-02-01' } }],
    ['01.02.2026 10:30', { v: { kind: 'date', iso: '2026-02-01T10:30:00' } }],
    ['3.4', { v: { kind: 'date', iso: '2026-04-03' } }],
    ['2026-02-01', { v: { kind: 'date', iso: '2026-02-01' } }],
    ['10:30', { v: { kind: 'date', iso: '1899-12-30T10:30:00' } }],
    ['31.02.2026', { v: '31.02.2026' }],
    ['1.5.7', { v: '1.5.7' }],
    ['истина', { v: true }],
    ['FALSE', { v: false }],
    ['+7 900 000-00-00', { v: '#ERROR!', formula: '+7 900 000-00-00' }],
    ['-', { v: '-' }],
    ['Приказ № 5', { v: 'Приказ № 5' }],
    ['12/3', { v: '12/3' }],
  ])('%j', (text, want) => {
    expect(parseTyped(text, 2026)).toEqual(want);
  });
});

describe('display', () => {
  it('numbers and dates as a ru_RU sheet shows them', () => {
    expect(displayNumber(1234.5)).toBe('1234,5');
    expect(displayNumber(0.125, '0%')).toBe('13%');
    expect(displayNumber(1234.5, '#,##0.00')).toBe('1\u00a0234,50');
    expect(displayDate('2026-02-01', 'Europe/Moscow')).toBe('01.02.2026');
    expect(displayDate('2026-02-01T09:05:00', 'Europe/Moscow', 'dd.mm.yyyy hh:mm')).toBe('01.02.2026 09:05');
  });
});

describe('A1', () => {
  it('parses sheet-qualified, open-ended and column references', () => {
    expect(parseA1("'Мой лист'!B2:C")).toEqual({ sheet: 'Мой лист', r1: 2, c1: 2, r2: null, c2: 3 });
    expect(refToRect(parseA1('A:B')!, 100, 26)).toEqual({ row: 1, col: 1, rows: 100, cols: 2 });
    expect(refToRect(parseA1('AA10')!, 100, 30)).toEqual({ row: 10, col: 27, rows: 1, cols: 1 });
    expect(parseA1('not a range')).toBeNull();
  });

  it('shifts references for inserted and deleted rows', () => {
    const ref = parseA1('H2:H10')!;
    expect(refToA1(shiftRef(ref, 'row', 5, 3)!)).toBe('H2:H13'); // inserted inside
    expect(refToA1(shiftRef(ref, 'row', 1, 1)!)).toBe('H3:H11'); // inserted above
    expect(refToA1(shiftRef(ref, 'row', 11, 5)!)).toBe('H2:H10'); // inserted below
    expect(refToA1(shiftRef(ref, 'row', 3, -2)!)).toBe('H2:H8'); // deleted inside
    expect(shiftRef(parseA1('H4:H5')!, 'row', 3, -5)).toBeNull(); // deleted entirely
    expect(refToA1(shiftRef(parseA1('H2:H')!, 'row', 1, 1)!)).toBe('H3:H');
  });

  it('subtracts rectangles', () => {
    const a = { row: 2, col: 1, rows: 9, cols: 1 };
    expect(subtract(a, { row: 5, col: 1, rows: 1, cols: 1 })).toEqual([
      { row: 2, col: 1, rows: 3, cols: 1 },
      { row: 6, col: 1, rows: 5, cols: 1 },
    ]);
  });
});

describe('zones', () => {
  it('wall time ↔ instant across a DST change', () => {
    expect(new Date(instantOfIso('2026-03-29T12:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
    expect(new Date(instantOfIso('2026-03-28T12:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T11:00:00.000Z',
    );
    expect(isoOfInstant(Date.parse('2026-10-24T22:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(formatJavaDate(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin', 'HH:mm XXX z')).toBe(
      '02:00 +02:00 GMT+02:00',
    );
  });
});
