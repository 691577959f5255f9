// Issue 24 item 8: Russian order of our own (domain/ru-order.ts) instead of Intl.Collator('ru'),
// whose data in Apps Script's V8 is not documented. The alphabet: а б в г д е ё ж з и й к л м н о п
// р с т у ф х ц ч ш щ ъ ы ь э ю я.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRu } from '../../src/domain/ru-order';

const sorted = (xs: string[]) => [...xs].sort(compareRu);

describe('compareRu', () => {
  it('the whole alphabet in order, «ё» right after «е» (code-point order puts it after «я»)', () => {
    const alphabet = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
    expect(sorted([...alphabet].reverse())).toEqual(alphabet);
    expect(sorted(['Ёлкин Ё.Ё.', 'Яковлев Я.Я.', 'Евдокимов Е.Е.', 'Жуков Ж.Ж.'])).toEqual([
      'Евдокимов Е.Е.',
      'Ёлкин Ё.Ё.',
      'Жуков Ж.Ж.',
      'Яковлев Я.Я.',
    ]);
    expect(sorted(['Семёнов', 'Семенова', 'Семенов'])).toEqual(['Семенов', 'Семенова', 'Семёнов']);
  });
  it('case does not matter: «иванов» and «Иванов» sit together, before «Петров»', () => {
    expect(sorted(['Петров', 'иванов', 'Ярцев', 'Иванова', 'абрамов'])).toEqual([
      'абрамов',
      'иванов',
      'Иванова',
      'Петров',
      'Ярцев',
    ]);
    expect(compareRu('ИВАНОВ', 'иванов')).not.toBe(0); // a total order: equal only when identical
    expect(Math.sign(compareRu('ИВАНОВ', 'Петров'))).toBe(-1);
  });
  it('numbers inside № compare as numbers; digits before letters; Cyrillic before Latin', () => {
    expect(sorted(['7-10', '7-2', '7-1', '10-1', 'П10', 'П2'])).toEqual(['7-1', '7-2', '7-10', '10-1', 'П2', 'П10']);
    expect(sorted(['Дороги', 'ЖКХ', '1 категория', 'IT-отдел'])).toEqual(['1 категория', 'Дороги', 'ЖКХ', 'IT-отдел']);
    expect(compareRu('007', '7')).not.toBe(0);
    expect(Math.sign(compareRu('П07', 'П8'))).toBe(-1);
  });
  it('is a total order: antisymmetric, transitive, zero only for the same string', () => {
    const text = fc.string({ unit: fc.constantFrom(...'аеёжЕЁяЯzZ 7-10.'), maxLength: 6 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(Math.sign(compareRu(a, b)) + Math.sign(compareRu(b, a))).toBe(0);
        expect(compareRu(a, b) === 0).toBe(a === b);
        if (compareRu(a, b) < 0 && compareRu(b, c) < 0) expect(compareRu(a, c)).toBeLessThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
