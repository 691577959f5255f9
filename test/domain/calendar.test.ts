import { describe, expect, it } from 'vitest';
import { DECREE_ENTRIES, WorkCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';

// Spec «Календарь» (../shared/spec/product.md): the 2025 decree No. 1335 and 2026 decree No. 1466,
// Labour Code art. 112 parts 1–2. Seed 000 п.7, п.11, п.14 count in working days.
const cal = new WorkCalendar();

describe('production calendar', () => {
  it('2025 has 247 working days (decree No. 1335 of 04.10.2024)', () => {
    expect(cal.workingDaysInYear(2025)).toBe(247);
  });
  it('2026 has 247 working days (decree No. 1466 of 24.09.2025)', () => {
    expect(cal.workingDaysInYear(2026)).toBe(247);
  });
  it('2025 transfers: 02.05, 08.05, 13.06, 03.11, 31.12 off; Saturday 01.11 worked', () => {
    for (const d of ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'])
      expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2025-11-01')).toBe(true);
  });
  it('2026: 08.03 on Sunday gives 09.03 off; 09.05 on Saturday gives 11.05 off; 09.01 and 31.12 off', () => {
    for (const d of ['2026-03-08', '2026-03-09', '2026-05-09', '2026-05-11', '2026-01-09', '2026-12-31'])
      expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2026-03-10')).toBe(true);
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
  });
  it('a year without rows moves a weekend holiday to the next working day (art. 112 part 2), not January', () => {
    // 2027: 01.05 Saturday → Monday 03.05 off; 09.05 Sunday → Monday 10.05 off;
    // 12.06 Saturday → Monday 14.06 off.
    expect(cal.isWorkingDay('2027-05-03')).toBe(false);
    expect(cal.isWorkingDay('2027-05-04')).toBe(true);
    expect(cal.isWorkingDay('2027-05-10')).toBe(false);
    expect(cal.isWorkingDay('2027-06-14')).toBe(false);
    // 2028-01-01 is Saturday: no transfer for January holidays; 10.01.2028 (Monday) is working.
    expect(cal.isWorkingDay('2028-01-10')).toBe(true);
  });
  it('rows of the tab override the rules both ways', () => {
    const c = new WorkCalendar([
      { date: '2030-01-14', type: 'off' },
      { date: '2030-01-12', type: 'work' },
    ]);
    expect(c.isWorkingDay('2030-01-14')).toBe(false);
    expect(c.isWorkingDay('2030-01-12')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('adds across a weekend and the March 2026 holidays', () => {
    // Fri 06.03.2026 + 1 working day: 07–08 weekend, 09 off → Tue 10.03.
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-10', -1)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
  });
  it('000 п.11: 3 working days before Thursday 12.03.2026 is Friday 06.03 (09.03 off)', () => {
    // 12.03 (Thu) → 11 (Wed) 1, 10 (Tue) 2, 09 off, 08–07 weekend, 06 (Fri) 3.
    expect(cal.addWorkingDays('2026-03-12', -3)).toBe('2026-03-06');
  });
  it('counts working days in (a, b] and is antisymmetric', () => {
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-12')).toBe(3);
    expect(cal.workingDaysBetween('2026-03-12', '2026-03-06')).toBe(-3);
    expect(cal.workingDaysBetween('2026-03-12', '2026-03-12')).toBe(0);
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(247);
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(247);
    // Counted from the first year a calendar is asked about: a later question about an earlier year agrees.
    const fresh = new WorkCalendar();
    expect(fresh.workingDaysBetween('2026-03-06', '2026-03-12')).toBe(3);
    expect(fresh.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(247);
    expect(fresh.workingDaysBetween('1999-12-31', '2026-03-12')).toBe(
      cal.workingDaysBetween('1999-12-31', '2026-03-12'),
    );
  });
  it('moves a date to the nearest working day before or after it', () => {
    expect(cal.workingOnOrBefore('2026-03-09')).toBe('2026-03-06');
    expect(cal.workingOnOrAfter('2026-03-07')).toBe('2026-03-10');
    expect(cal.workingOnOrBefore('2026-03-10')).toBe('2026-03-10');
  });
});

describe('working days between dates years apart', () => {
  // Counted year by year from the rules and rows, not day by day: the same as counting each day.
  const rows = [
    ...DECREE_ENTRIES,
    { date: '2031-06-14', type: 'work' as const }, // a working Saturday
    { date: '2031-06-16', type: 'off' as const },
    { date: '2031-03-08', type: 'off' as const }, // a row on a rule's day off changes nothing
  ];
  const byDays = (c: WorkCalendar, a: string, b: string) => {
    let n = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (c.isWorkingDay(d)) n++;
    return n;
  };
  it('agrees with counting every day, whichever year is asked first', () => {
    for (const first of ['2026-03-02', '1995-05-05', '2040-01-01']) {
      const c = new WorkCalendar(rows);
      c.workingDaysBetween(first, first);
      for (const [a, b] of [
        ['1994-12-31', '2026-03-12'],
        ['2025-12-31', '2031-12-31'],
        ['2029-02-28', '2045-11-05'],
      ])
        expect([first, a, b, c.workingDaysBetween(a, b)]).toEqual([first, a, b, byDays(c, a, b)]);
    }
  });
});
