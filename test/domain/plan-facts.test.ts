import { describe, expect, it } from 'vitest';
import {
  COUNTED_FACTS,
  countProjectsImplemented,
  countProjectsOpened,
  countTrainingsHeld,
  normMeasureNumber,
  parseFact,
  parseTarget,
  planOutcome,
} from '../../src/domain/plan-facts';

// Seed 002, постановление 1134-П, «План мероприятий»: targets «не менее 1» (1.1, 1.2, 3.1), «не менее 3»
// (2.1), «по мере необходимости» (2.2, 2.3); 3.2–3.4 carry deadline phrases in the target columns.
describe('plan targets and facts', () => {
  it('«не менее N» and numbers are minimums; the seed’s line break «не менее \\n1» too', () => {
    expect(parseTarget('не менее 1')).toEqual({ ok: true, target: { kind: 'min', n: 1 } });
    expect(parseTarget('не менее \n3')).toEqual({ ok: true, target: { kind: 'min', n: 3 } });
    expect(parseTarget(2)).toEqual({ ok: true, target: { kind: 'min', n: 2 } });
    expect(parseTarget('4')).toEqual({ ok: true, target: { kind: 'min', n: 4 } });
  });
  it('«по мере необходимости», deadline phrases and blanks have no number', () => {
    for (const v of [
      'по мере необходимости',
      'по мере необходи\nмости',
      'не позднее 25 декабря',
      'ежеквартально, до 10 числа следующего месяца',
      '',
      '—',
    ])
      expect(parseTarget(v)).toEqual({ ok: true, target: { kind: 'none' } });
  });
  it('anything else is a problem', () => {
    const p = parseTarget('много');
    expect(p.ok).toBe(false);
  });
  it('outcome: met when the fact reaches the minimum; blank fact is not met; no target is «нет цели»', () => {
    expect(planOutcome({ kind: 'min', n: 3 }, 3)).toBe('выполнено');
    expect(planOutcome({ kind: 'min', n: 3 }, 2)).toBe('не выполнено');
    expect(planOutcome({ kind: 'min', n: 1 }, null)).toBe('не выполнено');
    expect(planOutcome({ kind: 'none' }, 5)).toBe('нет цели');
  });
  it('typed facts: numbers and numeric text', () => {
    expect(parseFact(2)).toBe(2);
    expect(parseFact(' 2,5 ')).toBe(2.5);
    expect(parseFact('')).toBeNull();
    expect(parseFact('два')).toBeNull();
    expect(parseFact(-1)).toBeNull();
  });
  it('measure numbers normalise «1.1.», « 1.1 », 1.1', () => {
    expect(normMeasureNumber('1.1.')).toBe('1.1');
    expect(normMeasureNumber(' 1.1 ')).toBe('1.1');
    expect(normMeasureNumber(1.1)).toBe('1.1');
  });
});

describe('facts counted from other tabs: 1.1 projects opened, 2.1 trainings held', () => {
  it('1.1 and 2.1 are counted', () => {
    expect(COUNTED_FACTS['1.1']).toBe('projects');
    expect(COUNTED_FACTS['2.1']).toBe('trainings');
  });
  it('projects opened in the year', () => {
    expect(countProjectsOpened([2025, 2026, 2026, null, 2027], 2026)).toBe(2);
  });
  it('1.1 «Реализация бережливых проектов» (002 План 1.1): projects closed (Этап 9) in the year by today, not opened', () => {
    const closed = ['2025-12-31', '2026-01-01', '2026-03-31', '2026-11-30', null];
    // On 03.04.2026: 01.01 and 31.03 are implemented; 30.11 is still a plan; 2025 is another year.
    expect(countProjectsImplemented(closed, 2026, '2026-04-03')).toBe(2);
    expect(countProjectsImplemented(closed, 2026, '2026-12-31')).toBe(3);
  });
  it('trainings held: one programme on one date is one training however many attended', () => {
    const rs = [
      { program: 'Основы', date: '2026-02-10' },
      { program: 'основы ', date: '2026-02-10' },
      { program: 'Основы', date: '2026-05-10' },
      { program: 'Картирование', date: '2026-05-10' },
      { program: 'Основы', date: '2025-12-10' },
    ];
    expect(countTrainingsHeld(rs, 2026)).toBe(3);
    expect(countTrainingsHeld(rs, 2025)).toBe(1);
  });
});
