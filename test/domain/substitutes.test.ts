import { describe, expect, it } from 'vitest';
import { type Executor, normName } from '../../src/domain/order';
import { isAbsent, resolveRecipient } from '../../src/domain/substitutes';

const ex = (name: string, email: string, p: Partial<Executor> = {}): Executor => ({
  row: 2,
  name,
  position: '',
  unit: '',
  email,
  substitute: '',
  absentFrom: null,
  absentTo: null,
  ...p,
});
const people = [
  ex('Иванов И.И.', 'ivanov@adm.ru', { substitute: 'Сидорова С.С.', absentFrom: '2026-03-10', absentTo: '2026-03-20' }),
  ex('Сидорова С.С.', 'sidorova@adm.ru'),
  ex('Петров П.П.', '', { substitute: 'Нет Такого', absentFrom: '2026-03-01' }),
];
const byName = new Map(people.map((e) => [normName(e.name), e]));

describe('substitutes (spec «Исполнители»: mail of an absent executor goes to the substitute named by ФИО)', () => {
  it('absence is inclusive; an open end has no limit', () => {
    expect(isAbsent(people[0], '2026-03-09')).toBe(false);
    expect(isAbsent(people[0], '2026-03-10')).toBe(true);
    expect(isAbsent(people[0], '2026-03-20')).toBe(true);
    expect(isAbsent(people[0], '2026-03-21')).toBe(false);
    expect(isAbsent(people[2], '2027-01-01')).toBe(true);
  });
  it('while absent, the substitute receives it with the absent person named', () => {
    const r = resolveRecipient('иванов  и.и.', byName, '2026-03-12');
    expect(r.ok && r.recipient.email).toBe('sidorova@adm.ru');
    expect(r.ok && r.recipient.onBehalfOf?.name).toBe('Иванов И.И.');
    const back = resolveRecipient('Иванов И.И.', byName, '2026-03-21');
    expect(back.ok && back.recipient.email).toBe('ivanov@adm.ru');
    expect(back.ok && back.recipient.onBehalfOf).toBeUndefined();
  });
  it('unknown person, or no address and no usable substitute → a reason, not a throw', () => {
    expect(resolveRecipient('Кто-то', byName, '2026-03-12').ok).toBe(false);
    const r = resolveRecipient('Петров П.П.', byName, '2026-03-12');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/нет адреса/);
  });
});
