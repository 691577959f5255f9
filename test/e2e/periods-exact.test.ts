// Closed periods never change (product.md «Round 3 additions»; issue #20 items 1–8) through the
// built bundle in the sandbox, as a controller would use it: people's edits on their own days (onEdit
// fires), the daily check each morning, «Отчёт: исполнение» for January generated before and after
// the events of 03.02. One workbook for the executor mode, one for the giver mode. The figures
// «before» are what the round-2 code gave on the same edits (worked out by hand in the comments).
// 2026: 12.01 Mon, 19.01 Mon, 20.01 Tue, 27.01 Tue, 02.02 Mon, 03.02 Tue, 04.02 Wed, 10.02 Tue.
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/local/model';
import type { Sandbox } from '../../src/local/sandbox/index';
import { EXECUTION_REPORT_HEADERS, ORDER_COL, TAB } from '../../src/workbook/schema';
import { tableOf } from '../helpers/report-xlsx';
import { appendRows, at, d, day, edit, makeBook, orderRow, rowsOf, setSetting, sheetOf, val } from './orders-helpers';

const IV = 'Иванов И.И.';
const order = (n: string, deadline: string) => ({
  '№': n,
  Протокол: '1',
  Поручение: `Поручение ${n}`,
  Исполнитель: IV,
  Срок: d(deadline),
  Статус: 'В процессе 0',
});

/** «Итого» of «Отчёт: исполнение» as [due, on time, late, overdue, extensions, returns, carried, coefficient]. */
function january(sb: Sandbox, period = '2026-01'): (string | number | boolean)[] {
  sb.api('report-execution', { period });
  const t = tableOf(sheetOf(sb.workbook, TAB.reportExecution), EXECUTION_REPORT_HEADERS[0]);
  const total = t.rows.find((r) => val(r[0]) === 'Итого') ?? [];
  return [2, 3, 4, 5, 7, 8, 9, 10].map((i) => val(total[i]));
}

/** «По подразделениям» of the last report as [unit, due, coefficient], and the executors' «Подразделение». */
function units(sb: Sandbox): {
  units: (string | number | boolean)[][];
  executorUnits: (string | number | boolean)[][];
} {
  const s = sheetOf(sb.workbook, TAB.reportExecution);
  const t = tableOf(s, EXECUTION_REPORT_HEADERS[0]);
  const ui = s.cells.findIndex((r) => val(r?.[0]) === 'По подразделениям');
  const u = tableOf(s, 'Подразделение', ui);
  return {
    units: u.rows.map((r) => [val(r[0]), val(r[2]), val(r[10])]),
    executorUnits: t.rows.filter((r) => val(r[0]) !== 'Итого').map((r) => [val(r[0]), val(r[1]), val(r[2])]),
  };
}

/** A cell of «Исполнители» typed over (no onEdit: the daily check records what it sees). */
function setUnit(wb: WorkbookModel, name: string, unit: string): void {
  const s = sheetOf(wb, TAB.executors);
  const h = (s.cells[0] ?? []).map((c) => String(val(c)));
  const r = s.cells.findIndex((row) => val(row?.[h.indexOf('ФИО')]) === name);
  s.cells[r][h.indexOf('Подразделение')] = { v: unit };
}

function problems(wb: WorkbookModel): string[] {
  const grid = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => String(val(c))));
  const h = grid.findIndex((r) => r[0] === 'Лист');
  return grid
    .slice(h + 1)
    .filter((r) => r[0] === TAB.orders)
    .map((r) => `${r[2]}: ${r[4]}`);
}

describe('January read at its end, generated on 02.02 and on 04.02 (issue #20 items 1–5, 7, 8)', () => {
  it('one workbook, edits on their own days: 20,0 % both times (round 2: 50,0 % → 66,7 %)', () => {
    const { sb, wb } = makeBook('2026-01-12');
    // Done orders stay in «Поручения» long enough to be returned on 03.02 (000 п.14 keeps 5 by default).
    setSetting(wb, 'Хранить в «Готово», рабочих дней', 15);
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-01-12'), Председатель: 'Глава' }]);
    appendRows(wb, TAB.orders, [
      order('1-1', '2026-01-20'), // item 1: done 19.01, returned 03.02
      order('1-2', '2026-01-23'), // item 2: overdue, «Срок» typed 27.02 on 03.02
      order('1-3', '2026-01-21'), // item 3: on 03.02 «Дата исполнения» 19.01, then «Готово»
      order('1-4', '2026-01-22'), // items 4–5: extension to 20.02 typed 27.01 evening, applied 28.01
      order('1-5', '2026-01-29'), // item 7: «В процессе 99» with «Дата исполнения» 28.01
      { '№': '1-6', Протокол: '1' }, // item 8: pre-numbered; filled in on 20.01
    ]);
    day(sb, '2026-01-12');
    expect(orderRow(wb, '1-6')[ORDER_COL.state]).toBe('Не заполнено');
    expect(orderRow(wb, '1-6')[ORDER_COL.enteredAt]).toBe('');
    sb.setNow(at('2026-01-15'));
    edit(sb, '1-4', ORDER_COL.requestedDate, d('2026-02-20'));
    edit(sb, '1-4', ORDER_COL.requestReason, 'ждём подрядчика');
    day(sb, '2026-01-15');
    sb.setNow(at('2026-01-19'));
    edit(sb, '1-1', ORDER_COL.status, 'Готово'); // 000 п.13: «Дата исполнения» 19.01 stamped
    day(sb, '2026-01-19');
    sb.setNow(at('2026-01-20'));
    edit(sb, '1-6', ORDER_COL.text, 'Поручение 1-6');
    edit(sb, '1-6', ORDER_COL.executor, IV);
    edit(sb, '1-6', ORDER_COL.deadline, d('2026-02-27'));
    // «Внесено» when the row became an order (round 2: never stamped — «Состояние» came first).
    expect(orderRow(wb, '1-6')[ORDER_COL.enteredAt]).toBe('2026-01-20');
    day(sb, '2026-01-20');
    // 000 п.7: a meeting of 12.01, entered 20.01 — late (round 2: never flagged).
    expect(problems(wb).some((p) => p.startsWith('Внесено: Поручение внесено позже срока: внесено 20.01.2026'))).toBe(
      true,
    );
    day(sb, '2026-01-27');
    sb.setNow(new Date('2026-01-27T15:00:00Z')); // the evening, after the morning's check
    edit(sb, '1-4', ORDER_COL.decision, 'Согласован');
    sb.setNow(at('2026-01-28'));
    edit(sb, '1-5', ORDER_COL.doneDate, d('2026-01-28'));
    edit(sb, '1-5', ORDER_COL.status, 'В процессе 99');
    day(sb, '2026-01-28');
    // Item 5: the decision's day is the day it was typed (round 2: 28.01, the next run's).
    expect(String(orderRow(wb, '1-4')[ORDER_COL.history])).toContain(
      '27.01.2026: перенос срока согласован: с 22.01.2026 на 20.02.2026',
    );
    // Item 4: after the term (22.01) — a data problem (001 гл.7 п.2.4.10).
    expect(problems(wb)).toContain(
      'Решение по переносу: Перенос согласован 27.01.2026 — после контрольной даты 22.01.2026: изменение срока доводится не менее чем за два дня до его истечения (Ростов, гл.7 п.2.4.10). В отчёте за период срока 22.01.2026 поручение учитывается как не исполненное в срок.',
    );
    day(sb, '2026-01-30');
    // Item 7: one definition of executed — «В процессе 99» with a date is overdue everywhere.
    expect(orderRow(wb, '1-5')[ORDER_COL.state]).toBe('Просрочено');
    expect(problems(wb)).toContain(
      'Дата исполнения: «Дата исполнения» заполнена, а «Статус» — «В процессе 99»: исполненным считается поручение со статусом «Готово» и датой исполнения.',
    );

    day(sb, '2026-02-02');
    // January: 1-1 on time; 1-2, 1-3 overdue; 1-4 overdue at its January term (changed too late);
    // 1-5 overdue; 1-6 due in February. 1/5 = 20,0 %. Round 2: 1-4 vanished and 1-5 counted on
    // time → 2/4 = 50,0 %.
    const before = january(sb);
    expect(before).toEqual([5, 1, 0, 4, 0, 0, 0, 0.2]);
    // «По подразделениям» (001 гл.7 п.2.5.1): all five in Иванов's unit at January's end.
    const unitsBefore = units(sb);
    expect(unitsBefore).toEqual({
      units: [
        ['ЖКХ', 5, 0.2],
        ['Итого', 5, 0.2],
      ],
      executorUnits: [[IV, 'ЖКХ', 5]],
    });

    // 03.02: 1-1 returned (000 п.14), 1-2 typed over to 27.02, 1-3 back-dated «Готово».
    sb.setNow(at('2026-02-03'));
    edit(sb, '1-1', ORDER_COL.status, 'На доработке');
    edit(sb, '1-2', ORDER_COL.deadline, d('2026-02-27'));
    edit(sb, '1-3', ORDER_COL.doneDate, d('2026-01-19'));
    edit(sb, '1-3', ORDER_COL.status, 'Готово');
    // …Иванов moves to «Экономика» in «Исполнители», and 1-2 is handed over to Петров (item 8: the
    // executors and units of a closed period).
    setUnit(wb, IV, 'Экономика');
    edit(sb, '1-2', ORDER_COL.executor, 'Петров П.П.');
    day(sb, '2026-02-03');
    expect(String(orderRow(wb, '1-2')[ORDER_COL.history])).toContain(
      '03.02.2026: исполнитель Петров П.П., подразделение «Экономика»',
    );
    expect(String(orderRow(wb, '1-3')[ORDER_COL.history])).toContain(
      '03.02.2026: исполнитель Иванов И.И., подразделение «Экономика»',
    );
    // Item 2: the typed «Срок» is an event: «История», one more «Переносов» (round 2: 0, no line).
    const o2 = orderRow(wb, '1-2');
    expect(o2[ORDER_COL.extensions]).toBe(1);
    expect(String(o2[ORDER_COL.history])).toContain('03.02.2026: срок изменён с 23.01.2026 на 27.02.2026');
    expect(problems(wb)).toContain(
      'Срок: Срок изменён 03.02.2026 с 23.01.2026 на 27.02.2026 — после контрольной даты 23.01.2026: изменение срока доводится не менее чем за два дня до его истечения (Ростов, гл.7 п.2.4.10). В отчёте за период срока 23.01.2026 поручение учитывается как не исполненное в срок.',
    );
    // Item 3: back-dated — a problem, counted from 03.02 (round 2: silent, January 100 % for it).
    expect(problems(wb)).toContain(
      'Дата исполнения: Дата исполнения задним числом: 19.01.2026 отмечена 03.02.2026, больше чем за 1 рабочий день до записи. Исполнение учитывается с 03.02.2026 — дня, когда сделана запись (Кыштым, п.13).',
    );
    expect(orderRow(wb, '1-3')[ORDER_COL.state]).toBe('Исполнено с нарушением срока');

    day(sb, '2026-02-04');
    // The same January. Round 2 (run on this scenario with the round-2 bundle): 1-1 returned → not
    // executed, «Возвратов» 1, 1-2 and 1-4 gone, 1-3 and 1-5 on time → [3, 2, 0, 1, 0, 1, 0] 66,7 %.
    expect(january(sb)).toEqual(before);
    // The executors and units as at January's end (before: «Экономика» 5, 20,0 % — the unit of 03.02 —
    // and 1-2 under Петров).
    expect(units(sb)).toEqual(unitsBefore);
    // February to date: 1-4 (20.02), 1-2 (27.02), 1-6 (27.02) running, «Переносов» 2 (1-4 approved,
    // 1-2 typed; 1-6's date typed before it was an order is no change); carried from January: 1-1
    // (returned), 1-5, and 1-3 executed 03.02 after its term (001 гл.7 п.2.5.2) → 0/3.
    // Round 2: «Переносов» 1 and 1 carried.
    expect(january(sb, '2026-02')).toEqual([3, 0, 0, 0, 2, 0, 3, 0]);
    // February is running: Иванов's unit as it is today.
    expect(units(sb).units[0]).toEqual(['Экономика', 3, 0]);
    expect(orderRow(wb, '1-6')[ORDER_COL.extensions]).toBe(0);
  });
});

describe('cancelled control in the giver mode (001 гл.7 п.2.4.15; issue #20 item 6)', () => {
  it('«Снято» on an order not executed: «Снято с контроля», no notices, January keeps it, February does not count it', () => {
    const { sb, wb } = makeBook('2026-01-12');
    setSetting(wb, 'Снятие с контроля', 'решением давшего поручение');
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-01-12'), Председатель: 'Глава' }]);
    appendRows(wb, TAB.orders, [order('1-1', '2026-01-20')]);
    day(sb, '2026-01-12');
    day(sb, '2026-01-21');
    expect(orderRow(wb, '1-1')[ORDER_COL.state]).toBe('Просрочено');
    day(sb, '2026-02-09');
    expect(january(sb)).toEqual([1, 0, 0, 1, 0, 0, 0, 0]);
    sb.setNow(at('2026-02-10'));
    edit(sb, '1-1', ORDER_COL.removal, 'Снято');
    const mails = sb.mails.length;
    day(sb, '2026-02-10');
    const o = orderRow(wb, '1-1');
    // Round 2: «Просрочено», overdue mail, counted overdue.
    expect(o[ORDER_COL.state]).toBe('Снято с контроля');
    expect(o[ORDER_COL.overdueDays]).toBe('');
    expect(String(o[ORDER_COL.history])).toContain(
      '10.02.2026: контроль отменён решением давшего поручение, поручение не исполнено',
    );
    day(sb, '2026-02-11');
    // No reminder or overdue notice; the decision itself reaches the executor once (п.2.4.15: «доводит
    // это решение до исполнителя в письменном виде»).
    const told = sb.mails.slice(mails).filter((m) => m.to === 'ivanov@adm.test');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('Контроль отменён решением давшего поручение');
    expect(told[0].body).not.toContain('просроч');
    // January keeps its figure; February counts nothing (round 2: carried over, 0 %).
    expect(january(sb)).toEqual([1, 0, 0, 1, 0, 0, 0, 0]);
    expect(january(sb, '2026-02')).toEqual([0, 0, 0, 0, 0, 0, 0, '']);
    // Then «Архив» as usual: 5 working days after 10.02 (000 п.14).
    day(sb, '2026-02-17');
    expect(orderRow(wb, '1-1', TAB.archive)[ORDER_COL.state]).toBe('Снято с контроля');
  });
});

describe('edits made where onEdit does not fire (an .xlsx edited in another program): the daily check records them', () => {
  it("«Срок» typed over and «Готово» with a date: the lines on the run's day, «Переносов» +1", () => {
    const { sb, wb } = makeBook('2026-01-12');
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-01-12'), Председатель: 'Глава' }]);
    appendRows(wb, TAB.orders, [order('1-1', '2026-01-20'), order('1-2', '2026-01-23'), { '№': '1-3', Протокол: '1' }]);
    day(sb, '2026-01-12');
    expect(orderRow(wb, '1-3')[ORDER_COL.state]).toBe('Не заполнено');
    const s = sheetOf(wb, TAB.orders);
    const h = (s.cells[0] ?? []).map((c) => String(val(c)));
    const at1 = (n: string) => s.cells.findIndex((r) => String(val(r?.[h.indexOf(ORDER_COL.number)])) === n);
    s.cells[at1('1-1')][h.indexOf(ORDER_COL.deadline)] = { v: { kind: 'date', iso: '2026-01-30' } };
    s.cells[at1('1-2')][h.indexOf(ORDER_COL.status)] = { v: 'Готово' };
    s.cells[at1('1-2')][h.indexOf(ORDER_COL.doneDate)] = { v: { kind: 'date', iso: '2026-01-15' } };
    s.cells[at1('1-3')][h.indexOf(ORDER_COL.text)] = { v: 'Поручение 1-3' };
    s.cells[at1('1-3')][h.indexOf(ORDER_COL.executor)] = { v: IV };
    day(sb, '2026-01-16');
    // The pre-numbered row became an order (its «Срок» was filled on 12.01): «Внесено» the run's
    // day (round 2: never — it had a «Состояние»), late for the meeting of 12.01 (000 п.7).
    expect(orderRow(wb, '1-3')[ORDER_COL.enteredAt]).toBe('2026-01-16');
    const o1 = orderRow(wb, '1-1');
    expect(o1[ORDER_COL.extensions]).toBe(1);
    expect(String(o1[ORDER_COL.history])).toContain('16.01.2026: срок изменён с 20.01.2026 на 30.01.2026');
    expect(String(orderRow(wb, '1-2')[ORDER_COL.history])).toContain(
      '16.01.2026: статус «Готово»\n16.01.2026: исполнение отмечено: дата исполнения 15.01.2026',
    );
    // 15.01 is 1 working day before 16.01: not back-dated, on time.
    expect(orderRow(wb, '1-2')[ORDER_COL.state]).toBe('Исполнено в срок');
    // A second run the same day records nothing again.
    const before = orderRow(wb, '1-1')[ORDER_COL.history];
    day(sb, '2026-01-16');
    expect(orderRow(wb, '1-1')[ORDER_COL.history]).toBe(before);
    expect(orderRow(wb, '1-1')[ORDER_COL.extensions]).toBe(1);
  });
});

describe('a «История» rolled over to «Архив истории» between two generations of January (issue 19 item 5 × #20)', () => {
  it('the events that moved are read back from «Архив истории»: 50,0 % on 02.02 and on 04.02', () => {
    const { sb, wb } = makeBook('2026-01-12');
    setSetting(wb, 'Хранить в «Готово», рабочих дней', 15); // returned on 03.02, still in «Поручения»
    appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-01-12'), Председатель: 'Глава' }]);
    appendRows(wb, TAB.orders, [order('1-1', '2026-01-20'), order('1-2', '2026-01-21')]);
    day(sb, '2026-01-12');
    sb.setNow(at('2026-01-19'));
    edit(sb, '1-1', ORDER_COL.status, 'Готово');
    day(sb, '2026-01-19');
    day(sb, '2026-02-02');
    // 1-1 on time (000 п.13: recorded 19.01, «Срок» 20.01), 1-2 overdue: 1 ÷ 2.
    const before = january(sb);
    expect(before).toEqual([2, 1, 0, 1, 0, 0, 0, 0.5]);
    // 03.02: 1-1 returned (000 п.14), then its «Готово» set and taken back on the page 600 times: a
    // story of events alone past 32 000 characters, so the roll-over must move events too.
    sb.setNow(at('2026-02-03'));
    edit(sb, '1-1', ORDER_COL.status, 'На доработке');
    const s = sheetOf(wb, TAB.orders);
    const h = (s.cells[0] ?? []).map((c) => String(val(c)));
    const r = s.cells.findIndex((row) => val(row?.[h.indexOf(ORDER_COL.number)]) === '1-1');
    const toggles = Array.from({ length: 600 }, () => '03.02.2026: статус «Готово»\n03.02.2026: статус «На доработке»');
    s.cells[r][h.indexOf(ORDER_COL.history)] = {
      v: `${val(s.cells[r][h.indexOf(ORDER_COL.history)])}\n${toggles.join('\n')}`,
    };
    day(sb, '2026-02-03');
    const cell = String(orderRow(wb, '1-1')[ORDER_COL.history]);
    expect(cell.startsWith('… ранние записи перенесены на лист «Архив истории»')).toBe(true);
    // The execution of 19.01 left the cell: read alone, January would count 1-1 overdue (0 %).
    expect(cell).not.toContain('исполнение отмечено');
    const archived = rowsOf(wb, 'Архив истории').filter((a) => a['№'] === '1-1');
    expect(archived.map((a) => a.Текст)).toContain('исполнение отмечено: дата исполнения 19.01.2026');
    day(sb, '2026-02-04');
    expect(january(sb)).toEqual(before);
  });
});
