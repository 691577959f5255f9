// The weekly plan of measures (004 п.4.1.1, Приложение 2 «Таблица 2. Дорожная карта»): orders that
// carry «Результат выполнения», «Показатель выполнения», «Оценка выполнения», «Дата начала работ»
// (optional columns, recognised when present) print «Отчёт: протокол» in the form's eight columns.
import { describe, expect, it } from 'vitest';
import { TAB } from '../../src/workbook/schema';
import { appendRows, d, makeBook, sheetOf, val } from './orders-helpers';

describe('«Отчёт: протокол» of a plan of measures (004 Приложение 2)', () => {
  it('prints the roadmap form; a protocol without roadmap cells keeps the usual form', () => {
    const { sb, wb } = makeBook('2026-03-10');
    const orders = sheetOf(wb, TAB.orders);
    const head = orders.cells[0];
    for (const h of ['Результат выполнения', 'Показатель выполнения', 'Оценка выполнения', 'Дата начала работ'])
      head.push({ v: h });
    // The sheet is as wide as its headers (a person adding columns adds them to the grid).
    orders.maxColumns = Math.max(orders.maxColumns, head.length);
    appendRows(wb, TAB.protocols, [
      { '№': 'П-11', Дата: d('2026-03-09'), Совещание: 'оперативное', Председатель: 'Руководитель МЦУР' },
      { '№': '12', Дата: d('2026-03-09'), Совещание: 'аппаратное' },
    ]);
    appendRows(wb, TAB.orders, [
      {
        '№': 'П-11-1',
        Протокол: 'П-11',
        Поручение: 'Ямочный ремонт по адресам из обращений',
        Исполнитель: 'Иванов И.И.',
        Срок: d('2026-03-20'),
        Статус: 'В процессе 50',
        'Результат выполнения': 'Снижение жалоб по категории «Дороги»',
        'Показатель выполнения': 'обращений в неделю',
        'Оценка выполнения': '=не более 5',
        'Дата начала работ': d('2026-03-10'),
      },
      {
        '№': 'П-11-2',
        Протокол: 'П-11',
        Поручение: 'Проверка подрядчика',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-13'),
        Статус: 'Список дел',
      },
      {
        '№': '12-1',
        Протокол: '12',
        Поручение: 'Обычное поручение',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-31'),
      },
    ]);
    sb.api('report-protocol', { protocol: 'П-11' });
    const cells = sheetOf(wb, TAB.reportProtocol).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    const h = cells.findIndex((r) => r[0] === '№');
    expect(cells[h]).toEqual([
      '№',
      'Мероприятие',
      'Результат выполнения',
      'Показатель выполнения',
      'Оценка выполнения',
      'Дата начала работ',
      'Дата завершения работ',
      'Ответственный исполнитель',
    ]);
    expect(cells[h + 1]).toEqual([
      'П-11-1',
      'Ямочный ремонт по адресам из обращений',
      'Снижение жалоб по категории «Дороги»',
      'обращений в неделю',
      '=не более 5',
      '2026-03-10',
      '2026-03-20',
      'Иванов И.И.',
    ]);
    expect(cells[h + 2].slice(0, 2)).toEqual(['П-11-2', 'Проверка подрядчика']);
    expect(cells[h - 1][0]).toContain('Таблица 2. Дорожная карта');
    // Text that looks like a formula stays text.
    const formulas = sheetOf(wb, TAB.reportProtocol)
      .cells.flat()
      .filter((c) => c?.formula);
    expect(formulas).toEqual([]);

    sb.api('report-protocol', { protocol: '12' });
    const usual = sheetOf(wb, TAB.reportProtocol).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    expect(usual.find((r) => r[0] === '№')).toContain('Примечание');
  });
});
