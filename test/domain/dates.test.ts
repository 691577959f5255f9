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

describe('calendar arithmetic without a Date per step', () => {
  // The reference is what these functions did with a Date at UTC noon: every day of 1999–2031,
  // the century years around 29.02, and what is not a real date (Date rolls 30.02 over; the rest is invalid).
  const noon = (d: string) => new Date(`${d}T12:00:00Z`);
  const byDate = (d: string, n: number) => {
    const t = noon(d);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  const attempt = (f: () => unknown) => {
    try {
      return f();
    } catch (e) {
      return (e as Error).name;
    }
  };
  it('agrees with Date for addDays, daysBetween and isoWeekday', () => {
    const days: string[] = [];
    for (let d = '1999-01-01'; d <= '2031-12-31'; d = byDate(d, 1)) days.push(d);
    days.push(
      '1900-02-28',
      '1900-03-01',
      '2100-02-28',
      '2100-03-01',
      '0000-01-01',
      '9999-12-31',
      '2026-02-30',
      '2026-02-31',
      '2026-04-31',
      '2026-13-01',
      '2026-1-1',
      'abc',
    );
    const diffs: string[] = [];
    for (const d of days) {
      const w = noon(d).getUTCDay();
      if (!Object.is(isoWeekday(d), w === 0 ? 7 : w)) diffs.push(`isoWeekday ${d}`);
      for (const n of [-366, -1, 1, 3, 29, 400])
        if (attempt(() => addDays(d, n)) !== attempt(() => byDate(d, n))) diffs.push(`addDays ${d} ${n}`);
      const between = Math.round((noon(d).getTime() - noon('2026-03-02').getTime()) / 86_400_000);
      if (!Object.is(daysBetween('2026-03-02', d), between)) diffs.push(`daysBetween ${d}`);
    }
    expect(diffs).toEqual([]);
    expect(Number.isNaN(isoWeekday('abc'))).toBe(true);
    expect(addDays('2026-02-30', 1)).toBe('2026-03-03');
  });
});
