// Bad input in every column of control between the dates (spec Round 3 «Control between the
// dates»; spec «Bad input»: each a row in «Проверка данных», the rest of the work goes on).
// Sources of the columns: 001 гл.6 п.2.2.15–2.2.17, гл.7 п.3.3, гл.8 п.2.3.2; 003 п.45, 80, 193;
// 004 п.4.1.4. Read through the real workbook layer in the sandbox.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CellValue, emptySheet, emptyWorkbook, type SheetModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { EXECUTOR_COL, MEASURE_PLAN_COL, ORDER_COL, ORDER_HEADERS, TAB, UNIT_COL } from '../../src/workbook/schema';
import { bundleEntry } from '../helpers/bundle';

const code = bundleEntry(
  `
  import { readOrderBook } from './src/workbook/orders';
  import { Problems } from './src/workbook/problems';
  export const api = {
    run() {
      const problems = new Problems();
      const book = readOrderBook({ ss: SpreadsheetApp.getActive(), tz: 'Europe/Moscow', today: '2026-03-10', problems });
      return JSON.stringify({ orders: book.orders, units: book.units, stages: book.stages, problems: problems.list });
    },
  };
  `,
  join(__dirname, '../..'),
);

const d = (iso: string): CellValue => ({ kind: 'date', iso });
function sheet(name: string, rows: CellValue[][]): SheetModel {
  const s = emptySheet(name);
  s.cells = rows.map((r) => r.map((v) => ({ v })));
  s.maxColumns = Math.max(26, ...rows.map((r) => r.length));
  return s;
}
function order(fields: Record<string, CellValue>): CellValue[] {
  return ORDER_HEADERS.map((h) => fields[h] ?? null);
}

describe('control between the dates: bad input gets its Russian problem row', () => {
  it('every new column of «Поручения», «Подразделения» and «Планы мероприятий»', () => {
    const wb = emptyWorkbook();
    wb.sheets.push(
      sheet(TAB.executors, [
        Object.values(EXECUTOR_COL),
        ['Панова Н.К.', '', 'Отдел контроля', 'panova@example.ru', '', null, null],
        ['Орлов П.С.', '', 'Неведомый отдел', 'orlov@example.ru', '', null, null],
      ]),
      sheet(TAB.protocols, [['№', 'Дата', 'Совещание', 'Председатель', 'Ссылка']]),
      sheet(TAB.orders, [
        [...ORDER_HEADERS],
        order({
          '№': '1',
          Поручение: 'a',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          Периодичность: 'раз в год',
        }),
        order({
          '№': '2',
          Поручение: 'b',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          'Действует до': d('2026-12-31'),
        }),
        order({
          '№': '3',
          Поручение: 'c',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          Периодичность: 'ежемесячно',
          'Действует до': d('2026-03-01'),
        }),
        order({
          '№': '4',
          Поручение: 'd',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          'Промежуточный срок': d('2026-03-25'),
        }),
        order({
          '№': '5',
          Поручение: 'e',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          'Промежуточный срок': 'скоро',
        }),
        order({
          '№': '6',
          Поручение: 'f',
          Исполнитель: 'Панова Н.К.',
          Срок: d('2026-03-20'),
          'Срок соисполнителям': 'xx',
        }),
      ]),
      sheet(TAB.archive, [[...ORDER_HEADERS, 'Дата архивации']]),
      sheet(TAB.units, [
        Object.values(UNIT_COL),
        ['Отдел контроля', 'Панова Н.К.', 'не-адрес'],
        ['отдел КОНТРОЛЯ', 'Панова Н.К.', 'boss@example.ru'],
        ['', 'Панова Н.К.', 'boss@example.ru'],
        ['Финансы', 'Сидоров А.А.', 'fin@example.ru'],
      ]),
      sheet(TAB.measurePlans, [
        Object.values(MEASURE_PLAN_COL),
        ['1', 'Этап 1', d('2026-03-05'), 'Панова Н.К.', 'Выполнено'],
        ['1', 'Этап 2', d('2026-04-05'), 'Панова Н.К.', ''],
        ['99', 'Этап', d('2026-03-05'), 'Панова Н.К.', ''],
        ['1', '', 'завтра', 'Никто Н.Н.', 'готово'],
      ]),
    );
    const out = JSON.parse(String(createSandbox({ workbook: wb, code }).api('run')));
    const at = (tab: string, row: number, column: string) =>
      out.problems.filter(
        (p: { tab: string; row: number; column: string }) => p.tab === tab && p.row === row && p.column === column,
      );
    const one = (tab: string, row: number, column: string) => {
      const l = at(tab, row, column);
      expect(l, `${tab}!${row} ${column}`).toHaveLength(1);
      return l[0].message as string;
    };
    expect(one(TAB.orders, 2, ORDER_COL.periodicity)).toMatch(/^Периодичность «раз в год» не из списка/);
    expect(out.orders[0].periodicity).toBe('');
    expect(out.orders[2].periodicity).toBe('Ежемесячно');
    expect(one(TAB.orders, 3, ORDER_COL.validUntil)).toMatch(/«Периодичность» пуста/);
    expect(one(TAB.orders, 4, ORDER_COL.validUntil)).toMatch(/раньше срока 20\.03\.2026/);
    expect(one(TAB.orders, 5, ORDER_COL.interimDate)).toMatch(/не раньше срока поручения 20\.03\.2026/);
    expect(one(TAB.orders, 6, ORDER_COL.interimDate)).toMatch(/Не удалось прочитать дату «скоро»/);
    expect(one(TAB.orders, 7, ORDER_COL.coDeadline)).toMatch(/Не удалось прочитать дату/);
    expect(one(TAB.units, 2, UNIT_COL.email)).toMatch(/не похож на адрес/);
    expect(one(TAB.units, 3, UNIT_COL.unit)).toMatch(/уже есть в строке 2/);
    expect(one(TAB.units, 4, UNIT_COL.unit)).toMatch(/Не указано название/);
    // A head who is not an executor is fine: the escalation goes to the row's address.
    expect(at(TAB.units, 5, UNIT_COL.head)).toEqual([]);
    expect(one(TAB.executors, 3, EXECUTOR_COL.unit)).toMatch(/«Неведомый отдел» нет на листе «Подразделения»/);
    expect(one(TAB.measurePlans, 3, MEASURE_PLAN_COL.deadline)).toMatch(/позже срока поручения 20\.03\.2026/);
    expect(one(TAB.measurePlans, 4, MEASURE_PLAN_COL.order)).toMatch(/Поручения № «99» нет/);
    expect(one(TAB.measurePlans, 5, MEASURE_PLAN_COL.measure)).toMatch(/Не указано мероприятие/);
    expect(one(TAB.measurePlans, 5, MEASURE_PLAN_COL.deadline)).toMatch(/Не удалось прочитать дату «завтра»/);
    expect(one(TAB.measurePlans, 5, MEASURE_PLAN_COL.responsible)).toMatch(/«Никто Н\.Н\.» не найден/);
    expect(one(TAB.measurePlans, 5, MEASURE_PLAN_COL.done)).toMatch(/Отметка «готово» не из списка/);
    // Each message is Russian and comes with a fix; the good rows are read.
    for (const p of out.problems) expect(p.fix, p.message).toMatch(/[А-Яа-я]/);
    expect(out.units.map((u: { name: string }) => u.name)).toEqual(['Отдел контроля', 'Финансы']);
    expect(out.stages.filter((s: { done: boolean }) => s.done)).toHaveLength(1);
    expect(out.stages).toHaveLength(4);
  });

  it('a workbook made before round 3 (no new columns, no new tabs) gets no problem from them', () => {
    const wb = emptyWorkbook();
    const old = ORDER_HEADERS.filter(
      (h) =>
        ![
          ORDER_COL.periodicity,
          ORDER_COL.validUntil,
          ORDER_COL.interimDate,
          ORDER_COL.lateReason,
          ORDER_COL.coDeadline,
        ].includes(h as never),
    );
    wb.sheets.push(
      sheet(TAB.executors, [
        Object.values(EXECUTOR_COL),
        ['Панова Н.К.', '', 'Отдел', 'panova@example.ru', '', null, null],
      ]),
      sheet(TAB.protocols, [['№', 'Дата', 'Совещание', 'Председатель', 'Ссылка']]),
      sheet(TAB.orders, [
        old,
        old.map((h) => ({ '№': '1', Поручение: 'a', Исполнитель: 'Панова Н.К.', Срок: d('2026-03-20') })[h] ?? null),
      ]),
      sheet(TAB.archive, [[...old, 'Дата архивации']]),
    );
    const out = JSON.parse(String(createSandbox({ workbook: wb, code }).api('run')));
    expect(out.problems).toEqual([]);
    expect(out.orders[0]).toMatchObject({
      periodicity: '',
      validUntil: null,
      interimDate: null,
      lateReason: '',
      coDeadline: null,
    });
  });

  // Issue 25 item 6: an order nobody executes reaches «Проверка данных» (and so the controller's mail).
  it('an order without an executor is a problem row; a blank row and a done one are not', () => {
    const wb = emptyWorkbook();
    wb.sheets.push(
      sheet(TAB.executors, [Object.values(EXECUTOR_COL), ['Панова Н.К.', '', '', 'panova@example.ru', '', null, null]]),
      sheet(TAB.protocols, [['№', 'Дата', 'Совещание', 'Председатель', 'Ссылка']]),
      sheet(TAB.orders, [
        [...ORDER_HEADERS],
        order({ '№': '13-4', Поручение: 'Рассмотреть обращение', Срок: d('2026-03-20') }),
        order({ '№': '13-5', Поручение: 'Исполнено давно', Статус: 'Готово', Срок: d('2026-03-02') }),
        order({ '№': '13-6', Поручение: 'Есть исполнитель', Исполнитель: 'Панова Н.К.', Срок: d('2026-03-20') }),
        order({}),
      ]),
    );
    const out = JSON.parse(String(createSandbox({ workbook: wb, code }).api('run')));
    const rows = out.problems.filter((p: { column: string }) => p.column === ORDER_COL.executor);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tab: TAB.orders, row: 2 });
    expect(rows[0].message).toBe(
      'У поручения № 13-4 не указан исполнитель: «Не заполнено», письма по нему никому не уходят.',
    );
  });
});
