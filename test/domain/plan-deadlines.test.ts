import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import {
  type DeadlineRule,
  deadlineState,
  deadlinesBetween,
  deadlinesForYear,
  effectiveDeadline,
  parseDeadlinePhrase,
  reminderDue,
  reminderKey,
} from '../../src/domain/plan-deadlines';

// Seed 002: постановление 1134-П, «План мероприятий» 3.2 «не позднее 25 декабря», 3.3 «не позднее
// 1 марта», 3.4 «ежеквартально, до 10 числа следующего месяца», 2.2–2.3 «по мере необходимости»
// (2.2 breaks the word across lines: «необходи мости»), 3.1 «…, ежегодно»; Приложение 3 «Порядок»
// п.4.1 «ежегодно до 01 декабря текущего года»; spec «План ЭР» adds «ежегодно до 1 декабря».
const cal = new WorkCalendar();

function rule(phrase: string): DeadlineRule {
  const p = parseDeadlinePhrase(phrase);
  if (!p.ok) throw new Error(`not parsed: ${phrase}: ${p.message}`);
  return p.rule;
}
const dates2026 = (phrase: string) => deadlinesForYear(rule(phrase), 2026).map((d) => d.date);

describe('deadline phrases of the plan → dates of a year', () => {
  it('002 план 3.2 «не позднее 25 декабря» → 25.12', () => {
    expect(dates2026('не позднее 25 декабря')).toEqual(['2026-12-25']);
  });
  it('002 план 3.3 «не позднее 1 марта» → 01.03', () => {
    expect(dates2026('не позднее 1 марта')).toEqual(['2026-03-01']);
  });
  it('002 план 3.4 «ежеквартально, до 10 числа следующего месяца» → the four reports of the year’s quarters, IV’s in January', () => {
    const ds = deadlinesForYear(rule('ежеквартально, до 10 числа следующего месяца'), 2026);
    expect(ds.map((d) => d.date)).toEqual(['2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10']);
    expect(ds.map((d) => d.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(ds[0].period).toBe('за I квартал 2026 г.');
    // 10.01.2026 is the report for IV quarter 2025: it belongs to the 2025 column.
    expect(dates2026('ежеквартально, до 10 числа следующего месяца')).not.toContain('2026-01-10');
    const ds2025 = deadlinesForYear(rule('ежеквартально, до 10 числа следующего месяца'), 2025);
    expect(ds2025[ds2025.length - 1].date).toBe('2026-01-10');
  });
  it('002 Порядок п.4.1 «ежегодно до 01 декабря текущего года» and spec «ежегодно до 1 декабря» → 01.12', () => {
    expect(dates2026('ежегодно до 01 декабря текущего года')).toEqual(['2026-12-01']);
    expect(dates2026('ежегодно до 1 декабря')).toEqual(['2026-12-01']);
  });
  it('002 план 3.1 «ежегодно» (a yearly amount, no date given) → by 31.12', () => {
    expect(dates2026('ежегодно')).toEqual(['2026-12-31']);
  });
  it('002 план 2.2–2.3 «по мере необходимости» → no deadline, including the seed’s line break «необходи мости»', () => {
    expect(dates2026('по мере необходимости')).toEqual([]);
    expect(rule('по мере необходи\nмости')).toEqual({ kind: 'none' });
    expect(rule('\nпо мере \nнеобходимости ')).toEqual({ kind: 'none' });
  });
  it('case, spacing and punctuation do not matter', () => {
    expect(dates2026('НЕ  ПОЗДНЕЕ 25 ДЕКАБРЯ.')).toEqual(['2026-12-25']);
    expect(dates2026(' Не позднее\u00a025 декабря ')).toEqual(['2026-12-25']);
    expect(dates2026('Ежеквартально до 10-го числа следующего месяца')).toHaveLength(4);
    expect(dates2026('ежеквартально, не позднее 10 числа месяца, следующего за отчётным кварталом')[0]).toBe(
      '2026-04-10',
    );
    expect(dates2026('до 25.12')).toEqual(['2026-12-25']);
  });
  it('monthly phrases give twelve dates, December’s in January', () => {
    const ds = dates2026('ежемесячно, до 5 числа следующего месяца');
    expect(ds).toHaveLength(12);
    expect(ds[0]).toBe('2026-02-05');
    expect(ds[11]).toBe('2027-01-05');
  });
  it('anything else is a problem with a Russian message and a fix', () => {
    for (const bad of [
      '',
      '   ',
      'до конца года',
      '25 декабря',
      'не позднее 32 декабря',
      'не позднее 30 февраля',
      'не позднее 25 дек',
      'ежеквартально',
      'ежеквартально, до 31 числа следующего месяца',
      'ежегодно до 1 декабрь',
      '=HYPERLINK("x")',
    ]) {
      const p = parseDeadlinePhrase(bad);
      expect(p.ok, bad).toBe(false);
      if (!p.ok) {
        expect(p.message).toMatch(/[а-я]/);
        expect(p.fix).toContain('не позднее 25 декабря');
      }
    }
  });
  it('deadlinesBetween picks dates from every year’s plan that fall in the window', () => {
    const r = rule('ежеквартально, до 10 числа следующего месяца');
    expect(deadlinesBetween(r, '2026-01-01', '2026-04-30').map((d) => d.date)).toEqual(['2026-01-10', '2026-04-10']);
  });
});

describe('reminders 5 working days before and on the day (spec daily check step 6)', () => {
  it('Q1 2026 report due 10.04.2026 (Friday): early reminder on 03.04.2026, on the day on 10.04.2026, nothing else', () => {
    const due: Record<string, number> = {};
    for (let d = '2026-03-01'; d <= '2026-04-20'; d = addDays(d, 1)) {
      if (!cal.isWorkingDay(d)) continue;
      const k = reminderDue('2026-04-10', d, cal);
      if (k !== null) due[d] = k;
    }
    // Between the two the early reminder stays due (catch-up); the journal key stops a repeat.
    expect(due['2026-04-03']).toBe(5);
    expect(due['2026-04-10']).toBe(0);
    expect(Object.keys(due).sort()).toEqual([
      '2026-04-03',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10',
    ]);
    expect(reminderDue('2026-04-10', '2026-04-02', cal)).toBeNull();
    expect(reminderDue('2026-04-10', '2026-04-13', cal)).toBeNull();
  });
  it('a deadline on a day off is reminded on the working day before: 01.03.2026 (Sunday) → 27.02; early 19.02 (23.02 is a holiday)', () => {
    expect(reminderDue('2026-03-01', '2026-02-27', cal)).toBe(0);
    expect(reminderDue('2026-03-01', '2026-02-19', cal)).toBe(5);
    expect(reminderDue('2026-03-01', '2026-02-18', cal)).toBeNull();
  });
  it('keys are plan:<№>:<date>:<5|0>', () => {
    expect(reminderKey('3.4', '2026-04-10', 5)).toBe('plan:3.4:2026-04-10:5');
    expect(reminderKey('3.4', '2026-04-10', 0)).toBe('plan:3.4:2026-04-10:0');
  });
});

describe('deadline state for «Контроль плана ЭР»', () => {
  it('прошёл / сегодня / через N раб. дн.', () => {
    expect(deadlineState('2026-04-10', '2026-04-13', cal)).toBe('прошёл');
    expect(deadlineState('2026-04-10', '2026-04-10', cal)).toBe('сегодня');
    expect(deadlineState('2026-04-10', '2026-04-03', cal)).toBe('через 5 раб. дн.');
  });
  it('«Срок в нерабочий день» = предыдущий рабочий moves 01.03.2026 to 27.02.2026; «без переноса» keeps it', () => {
    expect(effectiveDeadline('2026-03-01', cal, 'previous')).toBe('2026-02-27');
    expect(effectiveDeadline('2026-03-01', cal, 'keep')).toBe('2026-03-01');
    expect(deadlineState('2026-03-01', '2026-02-27', cal)).toMatch(/нерабочий день/);
  });
});
