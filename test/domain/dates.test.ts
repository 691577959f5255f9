import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  cellToIsoDate,
  dateInZone,
  daysBetween,
  formatMonthYearShort,
  formatRu,
  isIsoDate,
  isoWeekday,
  midnightInZone,
} from '../../src/domain/dates';

describe('calendar dates', () => {
  it('validates ISO dates, including leap days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('01.02.2026')).toBe(false);
  });
  it('adds days and months; the 31st into February gives its last day', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
  });
  it('ISO weekday: 09.03.2026 is a Monday, 08.03.2026 a Sunday', () => {
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });
  it('formats as ДД.ММ.ГГГГ and ММ.ГГ', () => {
    expect(formatRu('2026-03-09')).toBe('09.03.2026');
    expect(formatMonthYearShort('2026-03-09')).toBe('03.26');
  });
});

describe('cells to calendar dates in the spreadsheet zone', () => {
  it('a date cell is midnight in the sheet zone: same calendar day in every zone', () => {
    for (const tz of [
      'Europe/Kaliningrad',
      'Europe/Moscow',
      'Asia/Yekaterinburg',
      'Asia/Novokuznetsk',
      'Pacific/Kiritimati',
    ]) {
      const cell = midnightInZone('2026-03-09', tz);
      expect(cellToIsoDate(cell, tz)).toBe('2026-03-09');
    }
  });
  it('the same instant is a different calendar day in different zones', () => {
    const instant = new Date('2026-03-09T20:30:00Z');
    expect(dateInZone(instant, 'Europe/Moscow')).toBe('2026-03-09');
    expect(dateInZone(instant, 'Asia/Novokuznetsk')).toBe('2026-03-10');
  });
  it('reads text in ДД.ММ.ГГГГ and ISO forms, and Sheets serial numbers', () => {
    expect(cellToIsoDate('09.03.2026', 'Europe/Moscow')).toBe('2026-03-09');
    expect(cellToIsoDate(' 9.3.2026 ', 'Europe/Moscow')).toBe('2026-03-09');
    expect(cellToIsoDate('2026-03-09', 'Europe/Moscow')).toBe('2026-03-09');
    expect(cellToIsoDate('09.03.2026 г.', 'Europe/Moscow')).toBe('2026-03-09');
    expect(cellToIsoDate(46090, 'Europe/Moscow')).toBe('2026-03-09');
  });
  it('rejects what is not a date', () => {
    for (const v of ['', 'завтра', '31.02.2026', '2026-02-30', 'abc', true, -5, new Date(Number.NaN)]) {
      expect(cellToIsoDate(v, 'Europe/Moscow')).toBeNull();
    }
  });
});
