// Bad input (spec «Bad input»): columns reordered, an extra column, a required column deleted, and
// each bad kind — unparseable date, unknown executor, duplicate №, status outside the list,
// protocol № that does not exist, extension request after the cut-off (000 п.11). No exception
// escapes, every problem is a row of «Проверка данных», no cell people wrote is changed.
import { describe, expect, it } from 'vitest';
import { sheetOf } from '../../src/local/demo/util';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { appendRows, d, day, header, makeBook, rowsOf, val } from './orders-helpers';

const PEOPLE_COLS = [
  ORDER_COL.number,
  ORDER_COL.protocol,
  ORDER_COL.text,
  ORDER_COL.executor,
  ORDER_COL.coExecutors,
  ORDER_COL.status,
  ORDER_COL.deadline,
  ORDER_COL.doneDate,
  ORDER_COL.requestedDate,
  'Примечание',
];

function peopleCells(wb: Parameters<typeof rowsOf>[0]) {
  return rowsOf(wb, TAB.orders).map((r) => PEOPLE_COLS.map((c) => r[c]));
}

describe('bad input in «Поручения»', () => {
  it('reordered + extra column: every bad kind reported, people cells unchanged', () => {
    const { sb, wb } = makeBook('2026-03-12');
    const s = sheetOf(wb, TAB.orders);
    // Reorder: swap «Исполнитель» and «Статус», add «Примечание» in the middle.
    const h = header(wb, TAB.orders);
    const i = h.indexOf(ORDER_COL.executor);
    const j = h.indexOf(ORDER_COL.status);
    [s.cells[0][i], s.cells[0][j]] = [s.cells[0][j], s.cells[0][i]];
    s.cells[0].splice(3, 0, { v: 'Примечание' });
    s.cells[0].length = Math.min(s.cells[0].length, s.maxColumns);
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-03-02') }]);
    // Entered on the meeting's day: without «Внесено» the check stamps today (cfdfb3a), and then the
    // entry is late (000 п.7) and the request not (b11eed5: the cut-off is never before «Внесено»).
    appendRows(wb, TAB.orders, [
      {
        '№': '1-1',
        Протокол: '1',
        Внесено: d('2026-03-02'),
        Поручение: 'дата',
        Исполнитель: 'Иванов И.И.',
        Срок: '31.02.2026',
        Статус: 'Список дел',
        Примечание: '=не формула',
      },
      {
        '№': '1-2',
        Протокол: '1',
        Внесено: d('2026-03-02'),
        Поручение: 'кто',
        Исполнитель: 'Неизвестный Н.Н.',
        Срок: d('2026-03-20'),
        Статус: 'Список дел',
      },
      {
        '№': '1-2',
        Протокол: '1',
        Внесено: d('2026-03-02'),
        Поручение: 'дубль',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-20'),
        Статус: 'Список дел',
      },
      {
        '№': '1-4',
        Протокол: '1',
        Внесено: d('2026-03-02'),
        Поручение: 'статус',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-20'),
        Статус: 'Почти готово',
      },
      {
        '№': '1-5',
        Протокол: '99',
        Внесено: d('2026-03-02'),
        Поручение: 'протокол',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-20'),
        Статус: 'Список дел',
      },
      {
        '№': '1-6',
        Протокол: '1',
        Внесено: d('2026-03-02'),
        Поручение: 'поздно',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-13'),
        Статус: 'Список дел',
        'Запрошенный срок': d('2026-03-27'),
      },
    ]);
    const before = peopleCells(wb);
    expect(() => day(sb, '2026-03-12')).not.toThrow();
    expect(peopleCells(wb)).toEqual(before);
    const problems = sheetOf(wb, TAB.problems)
      .cells.map((r) => r.map((c) => String(val(c))).join(' | '))
      .join('\n');
    expect(problems).toMatch(/Поручения \| 2 \| Срок \| 31\.02\.2026 \| Не удалось прочитать дату/);
    expect(problems).toMatch(
      /Поручения \| 3 \| Исполнитель \| Неизвестный Н\.Н\. \| Исполнитель «Неизвестный Н\.Н\.» не найден/,
    );
    expect(problems).toMatch(/Поручения \| 4 \| № \| 1-2 \| № «1-2» уже есть/);
    expect(problems).toMatch(/Поручения \| 5 \| Статус \| Почти готово \| Статус «Почти готово» не из списка/);
    expect(problems).toMatch(/Поручения \| 6 \| Протокол \| 99 \| Протокола № «99» нет/);
    expect(problems).toMatch(
      /Поручения \| 7 \| Запрошенный срок \| 27\.03\.2026 \| Запрос переноса сделан 12\.03\.2026 — позже срока подачи/,
    );
    expect(problems).not.toMatch(/Внесено/);
    // The duplicate and the unknown executor get no mail; the others do.
    expect(sb.mails.some((m) => /Неизвестн/.test(m.body) || m.body.includes('дубль'))).toBe(false);
  });

  it('a required column deleted: reported by name, nothing sent or filled, no exception', () => {
    const { sb, wb } = makeBook('2026-03-12');
    appendRows(wb, TAB.orders, [{ '№': '', Поручение: 'без срока', Исполнитель: 'Иванов И.И.', Статус: 'Список дел' }]);
    const s = sheetOf(wb, TAB.orders);
    const c = header(wb, TAB.orders).indexOf(ORDER_COL.deadline);
    for (const r of s.cells) r?.splice(c, 1);
    const before = JSON.stringify(s.cells.map((r) => r.map(val)));
    expect(() => day(sb, '2026-03-12')).not.toThrow();
    const problems = sheetOf(wb, TAB.problems)
      .cells.map((r) => r.map((x) => String(val(x))).join(' | '))
      .join('\n');
    expect(problems).toMatch(/На листе «Поручения» нет обязательного столбца «Срок»/);
    expect(sb.mails.filter((m) => m.to !== 'control@adm.test')).toEqual([]);
    const h = header(wb, TAB.orders);
    const peopleIdx = h
      .map((x, i) =>
        ['Состояние', 'Просрочка, раб. дн.', 'История', 'Переносов', 'Возвратов', 'Первоначальный срок'].includes(x)
          ? -1
          : i,
      )
      .filter((i) => i >= 0);
    const now = s.cells.map((r) => r.map(val));
    const was = JSON.parse(before) as unknown[][];
    for (const i of peopleIdx) expect(now.map((r) => r[i] ?? '')).toEqual(was.map((r) => r[i] ?? ''));
  });
});
