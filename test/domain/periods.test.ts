import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/domain/dates';
import {
  isoWeekOf,
  isoWeeksInYear,
  type Period,
  parsePeriod,
  previousMonthCode,
  previousWeekCode,
  quarterCode,
  yearCode,
} from '../../src/domain/periods';

function ok(s: string): Period {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.error}`);
  return r.period;
}
function err(s: string): string {
  const r = parsePeriod(s);
  if (r.ok) throw new Error(`expected ${s} to fail, got ${r.period.from}..${r.period.to}`);
  return r.error;
}

describe('ISO weeks (weekly summaries, 000 п.15; Monday analysis, 003 п.199)', () => {
  it('2026-W10 is Monday 02.03.2026 to Sunday 08.03.2026', () => {
    const p = ok('2026-W10');
    expect([p.kind, p.code, p.from, p.to]).toEqual(['week', '2026-W10', '2026-03-02', '2026-03-08']);
    expect(p.label).toBe('неделя 10 (02.03.2026–08.03.2026)');
  });
  it('2026-W01 starts on 29.12.2025: the week holding 4 January', () => {
    const p = ok('2026-W01');
    expect([p.from, p.to]).toEqual(['2025-12-29', '2026-01-04']);
    expect(p.label).toBe('неделя 1 2026 г. (29.12.2025–04.01.2026)');
  });
  it('2020 has 53 weeks; 2020-W53 ends on 03.01.2021', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    const p = ok('2020-W53');
    expect([p.from, p.to]).toEqual(['2020-12-28', '2021-01-03']);
  });
  it('2026 begins on a Thursday, so it has 53 weeks: 2026-W53 is 28.12.2026–03.01.2027', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    const p = ok('2026-W53');
    expect([p.from, p.to]).toEqual(['2026-12-28', '2027-01-03']);
  });
  it('2025 has 52 weeks, so 2025-W53 is an error; so is week 0', () => {
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(err('2025-W53')).toContain('в 2025 году недели с 1 по 52');
    expect(err('2025-W00')).toContain('в 2025 году недели с 1 по 52');
  });
  it('2026-W52 ends on 27.12.2026; 2027 has 52 weeks and 2027-W01 starts on 04.01.2027', () => {
    expect(ok('2026-W52').to).toBe('2026-12-27');
    expect(ok('2027-W01').from).toBe('2027-01-04');
    expect(isoWeeksInYear(2027)).toBe(52);
  });
  it('isoWeekOf agrees with parsePeriod on every day of 2019–2027', () => {
    for (let d = '2019-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      const w = isoWeekOf(d);
      const p = ok(`${w.year}-W${String(w.week).padStart(2, '0')}`);
      expect(d >= p.from && d <= p.to).toBe(true);
      expect(isoWeekday(p.from)).toBe(1);
    }
  });
  it('accepts lower case and no leading zero', () => {
    expect(ok(' 2026-w9 ').code).toBe('2026-W09');
  });
});

describe('months, quarters, half-years, years', () => {
  it('2026-02 is February, 28 days', () => {
    const p = ok('2026-02');
    expect([p.kind, p.from, p.to, p.label]).toEqual(['month', '2026-02-01', '2026-02-28', 'февраль 2026 г.']);
  });
  it('2024-02 has 29 days', () => {
    expect(ok('2024-02').to).toBe('2024-02-29');
  });
  it('2026-Q1 is 01.01–31.03 «1-й квартал 2026 г.»; Q4 ends 31.12', () => {
    const p = ok('2026-Q1');
    expect([p.kind, p.from, p.to, p.label]).toEqual(['quarter', '2026-01-01', '2026-03-31', '1-й квартал 2026 г.']);
    const q4 = ok('2026-q4');
    expect([q4.from, q4.to]).toEqual(['2026-10-01', '2026-12-31']);
  });
  it('half-years (Rostov 001 гл.7 п.2.5.1 assesses by half-year): H1 01.01–30.06, H2 01.07–31.12', () => {
    const h1 = ok('2026-H1');
    expect([h1.kind, h1.from, h1.to, h1.label]).toEqual(['half', '2026-01-01', '2026-06-30', '1-е полугодие 2026 г.']);
    const h2 = ok('2026-H2');
    expect([h2.from, h2.to, h2.label]).toEqual(['2026-07-01', '2026-12-31', '2-е полугодие 2026 г.']);
  });
  it('2026 is the whole year', () => {
    const p = ok('2026');
    expect([p.kind, p.from, p.to, p.label]).toEqual(['year', '2026-01-01', '2026-12-31', '2026 г.']);
  });
});

describe('custom ranges', () => {
  it('2026-03-01..2026-03-15', () => {
    const p = ok('2026-03-01..2026-03-15');
    expect([p.kind, p.from, p.to, p.label]).toEqual(['range', '2026-03-01', '2026-03-15', '01.03.2026–15.03.2026']);
  });
  it('accepts ДД.ММ.ГГГГ and spaces', () => {
    const p = ok('01.03.2026 .. 15.03.2026');
    expect([p.from, p.to]).toEqual(['2026-03-01', '2026-03-15']);
  });
  it('a one-day range is allowed', () => {
    const p = ok('2026-03-05..2026-03-05');
    expect(p.from).toBe(p.to);
  });
});

describe('bad input gives a Russian error with the accepted forms, never a throw', () => {
  for (const bad of [
    '',
    'март',
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-Q0',
    '2026-H3',
    '2026-02-30..2026-03-01',
    '2026-03-15..2026-03-01',
    '26-03',
    '1800',
    '2026-W10-1',
    'null',
  ]) {
    it(`«${bad}»`, () => {
      const e = err(bad);
      expect(e).toMatch(/^Период «.*» не распознан: /);
      expect(e).toContain('2026-W10');
      expect(e).toContain('2026-03-01..2026-03-15');
    });
  }
  it('names the reason', () => {
    expect(err('2026-13')).toContain('месяц должен быть от 01 до 12');
    expect(err('2026-Q5')).toContain('квартал должен быть от 1 до 4');
    expect(err('2026-H3')).toContain('полугодие должно быть 1 или 2');
    expect(err('2026-03-15..2026-03-01')).toContain('начало 15.03.2026 позже конца 01.03.2026');
    expect(err('2026-02-30..2026-03-01')).toContain('даты пишутся как');
  });
});

describe('the periods of the menu and the daily check', () => {
  it('previous ISO week: on Monday 09.03.2026 it is 2026-W10; on 05.01.2026 it is 2026-W01', () => {
    expect(previousWeekCode('2026-03-09')).toBe('2026-W10');
    expect(previousWeekCode('2026-03-15')).toBe('2026-W10');
    expect(previousWeekCode('2026-01-05')).toBe('2026-W01');
    expect(previousWeekCode('2026-01-02')).toBe('2025-W52');
    expect(previousWeekCode('2021-01-04')).toBe('2020-W53');
  });
  it('previous month across a year boundary', () => {
    expect(previousMonthCode('2026-03-02')).toBe('2026-02');
    expect(previousMonthCode('2026-01-12')).toBe('2025-12');
  });
  it('quarter and year holding a date', () => {
    expect(quarterCode('2026-03-31')).toBe('2026-Q1');
    expect(quarterCode('2026-04-01')).toBe('2026-Q2');
    expect(quarterCode('2026-12-31')).toBe('2026-Q4');
    expect(yearCode('2026-07-01')).toBe('2026');
  });
});
