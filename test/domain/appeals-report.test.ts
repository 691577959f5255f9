// «Отчёт 1» of 004 Приложение 1: groups Новые / Повторные / Отложенные / Просроченные with their
// change against the day before (004 п.2.1.3), and the category index with its emergency mark
// (004 п.1.3: «индекс категории больше 3,00»).
import { describe, expect, it } from 'vitest';
import type { AppealRecord } from '../../src/domain/appeals';
import { appealDayReport, groupsOf } from '../../src/domain/appeals-report';
import { WorkCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import { parseSettings } from '../../src/domain/settings';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;

type Row = Parameters<typeof groupsOf>[0];
function row(f: Partial<AppealRecord>): Row {
  return {
    number: 'О',
    registered: '2026-03-10',
    topic: 'Яма',
    address: 'ул. Ленина, 1',
    measures: '',
    category: 'Дороги',
    repeated: false,
    deadline: '2026-04-09',
    extendedTo: null,
    answerDate: null,
    ...f,
  };
}

describe('groups of «Отчёт 1» (004 Приложение 1; п.2.1.3 отложенные / просроченные / повторные)', () => {
  it('new and repeated by registration day; postponed and overdue while open', () => {
    expect(groupsOf(row({}), '2026-03-10', s, cal)).toEqual(['Новые']);
    expect(groupsOf(row({ repeated: true }), '2026-03-10', s, cal)).toEqual(['Повторные']);
    expect(groupsOf(row({ registered: '2026-02-01', extendedTo: '2026-04-01' }), '2026-03-10', s, cal)).toEqual([
      'Отложенные (Продлено)',
    ]);
    expect(groupsOf(row({ registered: '2026-02-01', deadline: '2026-03-03' }), '2026-03-10', s, cal)).toEqual([
      'Просроченные',
    ]);
    // An interim answer does not close (003 п.119); «Дата ответа» does, from that day on.
    const answered = row({
      registered: '2026-02-01',
      deadline: '2026-03-03',
      measures: 'ответ дан',
      answerDate: '2026-03-10',
    });
    expect(groupsOf(answered, '2026-03-10', s, cal)).toEqual([]);
    expect(groupsOf(answered, '2026-03-06', s, cal)).toEqual(['Просроченные']);
  });
  it('each group counts and changes against the day before, with «Проблема» = Тема, Адрес', () => {
    const r = appealDayReport(
      [
        row({ number: '1', registered: '2026-03-10' }),
        row({ number: '2', registered: '2026-03-10', repeated: true, address: '' }),
        row({ number: '3', registered: '2026-03-09' }),
        row({ number: '4', registered: '2026-03-09' }),
        row({ number: '5', registered: '2026-02-01', deadline: '2026-03-06', measures: 'запрос подрядчику' }),
      ],
      '2026-03-10',
      s,
      cal,
    );
    const g = Object.fromEntries(r.groups.map((x) => [x.name, [x.count, x.change]]));
    expect(g).toEqual({
      Новые: [1, -1],
      Повторные: [1, 1],
      'Отложенные (Продлено)': [0, 0],
      Просроченные: [1, 0],
    });
    expect(r.groups[0].lines).toEqual([{ number: '1', problem: 'Яма, ул. Ленина, 1', measures: '' }]);
    expect(r.groups[1].lines[0].problem).toBe('Яма');
    expect(r.groups[3].lines[0].measures).toBe('запрос подрядчику');
  });
});

describe('category index (004 п.1.3: «индекс категории больше 3,00» — аварийная ситуация)', () => {
  const day = '2026-03-10';
  const window = (category: string, perDay: number) =>
    Array.from({ length: 28 * perDay }, (_, i) => row({ category, registered: addDays(day, -1 - (i % 28)) }));
  const onDay = (category: string, n: number) => Array.from({ length: n }, () => row({ category, registered: day }));
  it('index = day ÷ 28-day average; 4,00 is an emergency, 3,00 is not', () => {
    const r = appealDayReport(
      [...window('Дороги', 1), ...onDay('Дороги', 4), ...window('ЖКХ', 1), ...onDay('ЖКХ', 3), ...onDay('Новая', 2)],
      day,
      s,
      cal,
    );
    const c = Object.fromEntries(r.categories.map((x) => [x.category, [x.day, x.average, x.index, x.emergency]]));
    expect(c['Дороги']).toEqual([4, 1, 4, true]);
    expect(c['ЖКХ']).toEqual([3, 1, 3, false]);
    // No appeal in the 28 days before: judged against one appeal a day (README «Индекс новой
    // категории»): two are 2,00, no mark.
    expect(c['Новая']).toEqual([2, 0, 2, false]);
    expect(r.categories[0].category).toBe('Дороги');
  });
  it('a zero baseline (004 п.1.3 read for a new category): twelve on one day is an emergency, a single first one is not', () => {
    const r = appealDayReport(
      [...onDay('Отопление', 12), ...onDay('Благоустройство', 1), ...onDay('Связь', 3), ...onDay('Свет', 4)],
      day,
      s,
      cal,
    );
    const c = Object.fromEntries(r.categories.map((x) => [x.category, [x.day, x.index, x.newCategory, x.emergency]]));
    expect(c).toEqual({
      Отопление: [12, 12, true, true],
      Свет: [4, 4, true, true],
      Связь: [3, 3, true, false],
      Благоустройство: [1, 1, true, false],
    });
    expect(r.categories[0].category).toBe('Отопление');
  });
  it('a duplicate joins its first appeal (003 п.99): not in the groups, not in the category count', () => {
    const r = appealDayReport([row({ number: '1' }), row({ number: '2', duplicateOf: 2 })], '2026-03-10', s, cal);
    expect(r.groups[0].count).toBe(1);
    expect(r.categories[0].day).toBe(1);
  });
  it('3,01 is above 3,00', () => {
    // 100 appeals in 28 days (3,5714…/day) and 11 on the day → 3,08.
    const many = Array.from({ length: 100 }, (_, i) => row({ category: 'К', registered: addDays(day, -1 - (i % 28)) }));
    const r = appealDayReport([...many, ...onDay('К', 11)], day, s, cal);
    expect(r.categories[0].index).toBe(3.08);
    expect(r.categories[0].emergency).toBe(true);
  });
});

describe('«Обращения» in the weekly summary (003 п.117: discipline «в розрізі виконавців»)', () => {
  it('per executor: answered on time, late, overdue — by the due day of the term in force', async () => {
    const { appealDiscipline } = await import('../../src/domain/appeals-report');
    const a = (executor: string, deadline: string, answerDate: string | null, extendedTo: string | null = null) => ({
      executor,
      deadline,
      extendedTo,
      answerDate,
    });
    const r = appealDiscipline(
      [
        a('Иванов', '2026-03-10', '2026-03-10'),
        a('Иванов', '2026-03-11', '2026-03-12'),
        a('Петров', '2026-03-12', null),
        a('Петров', '2026-03-13', null), // due on the last day, today is that day: still running
        a('Петров', '2026-03-02', null, '2026-03-12'), // postponed into the week, not answered
        a('Сидорова', '2026-03-20', null), // due after the week
      ],
      '2026-03-09',
      '2026-03-15',
      '2026-03-13',
      s,
      cal,
    );
    expect(r.rows).toEqual([
      { executor: 'Петров', onTime: 0, late: 0, overdue: 2 },
      { executor: 'Иванов', onTime: 1, late: 1, overdue: 0 },
    ]);
    expect(r.total).toEqual({ executor: 'Итого', onTime: 1, late: 1, overdue: 2 });
  });
});
