// An order is never notified twice for the same event and control date: the daily check run twice
// a day sends nothing the second time; a run whose mail service throws after the second message,
// re-run, sends each notice exactly once; rows in «Поручения» + «Архив» are conserved throughout.
import { describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_RUNS } from '../../src/workbook/orders';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { appendRows, d, day, makeBook, rowsOf } from './orders-helpers';

function seed(wb: Parameters<typeof appendRows>[0]) {
  appendRows(wb, TAB.protocols, [{ '№': '3', Дата: d('2026-03-02') }]);
  appendRows(wb, TAB.orders, [
    {
      '№': '3-1',
      Протокол: '3',
      Поручение: 'а',
      Исполнитель: 'Иванов И.И.',
      Срок: d('2026-03-20'),
      Статус: 'Список дел',
    },
    {
      '№': '3-2',
      Протокол: '3',
      Поручение: 'б',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-03-20'),
      Статус: 'Список дел',
    },
    {
      '№': '3-3',
      Протокол: '3',
      Поручение: 'в',
      Исполнитель: 'Сидорова С.С.',
      Срок: d('2026-03-20'),
      Статус: 'Список дел',
    },
    {
      '№': '3-4',
      Протокол: '3',
      Поручение: 'г',
      Исполнитель: 'Иванов И.И.',
      Срок: d('2026-03-03'),
      Статус: 'Готово',
      'Дата исполнения': d('2026-02-20'),
    },
  ]);
}
const total = (wb: Parameters<typeof rowsOf>[0]) => rowsOf(wb, TAB.orders).length + rowsOf(wb, TAB.archive).length;

describe('idempotent notices (spec «Daily check» step 4; keys in «Журнал»)', () => {
  it('twice on the same day: the second run sends nothing and changes no order cell', () => {
    const { sb, wb } = makeBook('2026-03-03');
    seed(wb);
    day(sb, '2026-03-03');
    const first = sb.mails.length;
    expect(first).toBeGreaterThanOrEqual(3);
    const before = JSON.stringify(rowsOf(wb, TAB.orders));
    day(sb, '2026-03-03');
    expect(sb.mails.length).toBe(first);
    expect(JSON.stringify(rowsOf(wb, TAB.orders))).toBe(before);
    expect(total(wb)).toBe(4);
  });

  it('mail throws after the 2nd message; the re-run sends each notice exactly once, no row lost', () => {
    const { sb, wb } = makeBook('2026-03-03', { failMailAt: (n) => n >= 3 && n <= 4 });
    seed(wb);
    const r1 = day(sb, '2026-03-03');
    expect(r1).toMatch(/не отправлено/);
    expect(total(wb)).toBe(4);
    day(sb, '2026-03-03');
    day(sb, '2026-03-03');
    const news = sb.mails
      .filter((m) => /новое|новых/.test(m.subject))
      .map((m) => m.to)
      .sort();
    expect(news).toEqual(['ivanov@adm.test', 'petrov@adm.test', 'sidorova@adm.test']);
    // Archive move of 3-4 (done 20.02, 5 working days passed) happened once.
    expect(rowsOf(wb, TAB.archive).map((r) => r[ORDER_COL.number])).toEqual(['3-4']);
    expect(total(wb)).toBe(4);
    const failed = rowsOf(wb, TAB.log).filter((r) => /ошибка отправки/.test(String(r.Результат)));
    expect(failed.length).toBe(2);
  });

  it('scattered rows to archive: each run of rows deleted whole, the rest kept in order (000 п.14)', () => {
    const { sb, wb } = makeBook('2026-03-12');
    appendRows(
      wb,
      TAB.orders,
      Array.from({ length: 14 }, (_, i) => ({
        '№': `9-${i + 1}`,
        Поручение: `п${i + 1}`,
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-30'),
        Статус: i % 2 ? 'Готово' : 'В процессе 50',
        'Дата исполнения': i % 2 ? d('2026-03-02') : null,
      })),
    );
    sb.resetCounters();
    day(sb, '2026-03-12');
    expect(rowsOf(wb, TAB.orders).map((r) => r[ORDER_COL.number])).toEqual([
      '9-1',
      '9-3',
      '9-5',
      '9-7',
      '9-9',
      '9-11',
      '9-13',
    ]);
    expect(rowsOf(wb, TAB.archive).map((r) => r[ORDER_COL.number])).toEqual([
      '9-2',
      '9-4',
      '9-6',
      '9-8',
      '9-10',
      '9-12',
      '9-14',
    ]);
    expect(rowsOf(wb, TAB.orders).map((r) => r[ORDER_COL.text])).toEqual(['п1', 'п3', 'п5', 'п7', 'п9', 'п11', 'п13']);
    // Seven separate runs of rows: one deleteRows each, so notes and formats go with their rows.
    expect(sb.calls['Sheet.deleteRows']).toBe(7);
  });

  it('more runs of rows than one run may delete: the first MAX_ARCHIVE_RUNS now, the rest next time', () => {
    const { sb, wb } = makeBook('2026-03-12');
    appendRows(
      wb,
      TAB.orders,
      Array.from({ length: 2 * (MAX_ARCHIVE_RUNS + 5) }, (_, i) => ({
        '№': `9-${i + 1}`,
        Поручение: `п${i + 1}`,
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-30'),
        Статус: i % 2 ? 'Готово' : 'В процессе 50',
        'Дата исполнения': i % 2 ? d('2026-03-02') : null,
      })),
    );
    const before = rowsOf(wb, TAB.orders).length + rowsOf(wb, TAB.archive).length;
    sb.resetCounters();
    day(sb, '2026-03-12');
    expect(sb.calls['Sheet.deleteRows']).toBe(MAX_ARCHIVE_RUNS);
    const moved = (n: number) => Array.from({ length: n }, (_, k) => `9-${2 * k + 2}`);
    expect(rowsOf(wb, TAB.archive).map((r) => r[ORDER_COL.number])).toEqual(moved(MAX_ARCHIVE_RUNS));
    sb.resetCounters();
    day(sb, '2026-03-13');
    expect(sb.calls['Sheet.deleteRows']).toBe(5);
    expect(rowsOf(wb, TAB.archive).map((r) => r[ORDER_COL.number])).toEqual(moved(MAX_ARCHIVE_RUNS + 5));
    expect(rowsOf(wb, TAB.orders).length + rowsOf(wb, TAB.archive).length).toBe(before);
  });
});
