import { describe, expect, it } from 'vitest';
import { problemsFingerprint } from '../../src/domain/problem';

const p = (row: number, message = 'Не удалось прочитать дату.') => ({ tab: 'Поручения', row, column: 'Срок', message });

describe('the controller hears about problems when the list changes (spec: «the daily list of problems»)', () => {
  it('the same list in any order gives the same fingerprint', () => {
    expect(problemsFingerprint([p(3), p(5)])).toBe(problemsFingerprint([p(5), p(3)]));
  });
  it('a new, fixed or changed problem changes it', () => {
    const base = problemsFingerprint([p(3), p(5)]);
    expect(problemsFingerprint([p(3)])).not.toBe(base);
    expect(problemsFingerprint([p(3), p(5), p(7)])).not.toBe(base);
    expect(problemsFingerprint([p(3), p(5, 'Другая ошибка.')])).not.toBe(base);
  });
  it('the same problems moved up a row (an order above went to «Архив») are not news', () => {
    expect(problemsFingerprint([p(2, 'Причина не указана.')])).toBe(problemsFingerprint([p(3, 'Причина не указана.')]));
    expect(problemsFingerprint([p(2), p(4)])).toBe(problemsFingerprint([p(3), p(5)]));
  });
});
