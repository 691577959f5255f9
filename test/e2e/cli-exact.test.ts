// Issue #20 «Tests»: every item as a hand-worked case through `kontrol` — one .xlsx, January–February
// 2026, people's edits on their own days (typed into the file, recorded by that day's `run daily`, or
// `kontrol edit` where onEdit must date them), `run daily --today …`, and `run report-execution
// --period 2026-01` generated before and after each event. Each order has its own executor, so each
// item reads as its own row of «Отчёт: исполнение». The figures «round 2» are what the code before
// #20 gave (test/e2e/periods-exact.test.ts ran the same edits with the round-2 bundle).
// Kept lean: 14 kontrol calls, several people's edits typed into the file before one run (about 11 s
// on a quiet machine: 23,6 s measured beside cli-walk's 89 s on a loaded one, which takes 42 s quiet).
// 2026: 12.01 Mon, 19.01 Mon, 23.01 Fri, 26.01 Mon, 28.01 Wed, 30.01 Fri, 31.01 Sat, 01.02 Sun,
// 02.02 Mon, 03.02 Tue, 04.02 Wed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import type { DemoValue } from '../../src/local/demo/util';
import type { WorkbookModel } from '../../src/local/model';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { EXECUTION_REPORT_HEADERS, ORDER_COL, TAB } from '../../src/workbook/schema';
import { tableOf } from '../helpers/report-xlsx';
import { appealOf } from './appeals-helpers';
import { kontrol, newMails, orderCell } from './cli-walk-helpers';
import { appendRows, d, orderRow, rowsOf, setSetting, sheetOf, val } from './orders-helpers';

// One executor per item: item n is order 1-n of «Исполнитель» EX[n].
const EX = [
  '',
  'Андреев А.А.',
  'Борисов Б.Б.',
  'Васильев В.В.',
  'Григорьев Г.Г.',
  'Дмитриев Д.Д.',
  'Егоров Е.Е.',
  'Жуков Ж.Ж.',
];
const MAIL = ['', 'andreev', 'borisov', 'vasiliev', 'grigoriev', 'dmitriev', 'egorov', 'zhukov'];
const UNIT = ['', 'ЖКХ', 'Экономика', 'Образование', 'Транспорт', 'Финансы', 'Культура', 'Спорт'];

const order = (n: number, deadline: string) => ({
  '№': `1-${n}`,
  Протокол: '1',
  Поручение: `Поручение 1-${n}`,
  Исполнитель: EX[n],
  Срок: d(deadline),
  Статус: 'В процессе 0',
});
const appeal = (n: string, reg: string, applicant: string, category: string, more: Record<string, DemoValue> = {}) => ({
  '№': n,
  'Дата регистрации': d(reg),
  Заявитель: applicant,
  Тема: 'обращение',
  Категория: category,
  Исполнитель: EX[1],
  ...more,
});

/** A cell of a row found by its first column, typed into the file (no onEdit: the next run records it). */
function type(wb: WorkbookModel, tab: string, key: string, column: string, v: DemoValue): void {
  const s = sheetOf(wb, tab);
  const h = (s.cells[0] ?? []).map((c) => String(val(c)));
  const r = s.cells.findIndex((row, i) => i > 0 && String(val(row?.[0])) === key);
  if (r < 0 || h.indexOf(column) < 0) throw new Error(`no ${column} of ${key} in ${tab}`);
  s.cells[r][h.indexOf(column)] = v !== null && typeof v === 'object' ? { v: { kind: 'date', iso: v.date } } : { v };
}

type Row = (string | number | boolean)[];
/** «Отчёт: исполнение» as read from the saved file: per executor [due, on time, late, overdue, running, «Переносов», «Возвратов», carried, coefficient]; units [unit, due, coefficient]. */
function report(wb: WorkbookModel): { rows: Record<string, Row>; units: Row[] } {
  const s = sheetOf(wb, TAB.reportExecution);
  const t = tableOf(s, EXECUTION_REPORT_HEADERS[0]);
  const rows: Record<string, Row> = {};
  for (const r of t.rows) rows[String(val(r[0]))] = r.slice(2, 11).map(val);
  const ui = s.cells.findIndex((r) => val(r?.[0]) === 'По подразделениям');
  const units = tableOf(s, 'Подразделение', ui).rows.map((r) => [val(r[0]), val(r[2]), val(r[10])]);
  return { rows, units };
}

function problems(wb: WorkbookModel): string[] {
  const grid = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => String(val(c))));
  const h = grid.findIndex((r) => r[0] === 'Лист');
  return grid.slice(h + 1).map((r) => `${r[0]} ${r[1]} ${r[2]}: ${r[4]}`);
}

describe('kontrol over one workbook: #20 items 1–12 before and after each event', () => {
  it('orders (items 1–8) and appeals (items 9–12), January generated before and after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-exact-'));
    const file = join(dir, 'Контроль.xlsx');
    const outbox = join(dir, 'почта');
    const seen = new Set<string>();
    // The workbook as the last call left it: typing into the file starts from it (no second read).
    let last: WorkbookModel | null = null;
    const run = async (action: string, today: string, ...more: string[]) => {
      const r = await kontrol(['run', action, file, '--today', today, '--outbox', outbox, ...more]);
      last = await loadXlsx(file);
      return { out: r.out, wb: last, mails: newMails(outbox, seen) };
    };
    const typeInto = async (edits: (wb: WorkbookModel) => void) => {
      const wb = last ?? (await loadXlsx(file));
      edits(wb);
      await saveXlsx(wb, file);
      last = wb;
    };
    /** `kontrol edit` of an order's cell: onEdit fires, as when a person types it in Sheets. */
    const edit = async (n: string, column: string, value: string, today: string, time: string) => {
      const wb = last ?? (await loadXlsx(file));
      await kontrol([
        'edit',
        file,
        '--sheet',
        TAB.orders,
        '--cell',
        orderCell(wb, n, column),
        '--value',
        value,
        '--today',
        today,
        '--time',
        time,
      ]);
      last = null;
    };
    const january = async (today: string) => report((await run('report-execution', today, '--period', '2026-01')).wb);

    await kontrol(['init', file, '--today', '2026-01-12', '--time', '07:00']);
    await typeInto((wb) => {
      setSetting(wb, 'Эл. почта контролёра', 'control@adm.test');
      setSetting(wb, 'Получатели сводки', 'glava@adm.test');
      // 001 гл.7 п.2.4.15: the one who gave the order cancels its control (item 6).
      setSetting(wb, 'Снятие с контроля', 'решением давшего поручение');
      // 000 п.14 keeps done orders 5 working days; 1-1 must still be there to be returned on 03.02.
      setSetting(wb, 'Хранить в «Готово», рабочих дней', 15);
      // 003 п.113 «не більше одного місяця» (item 12).
      setSetting(wb, 'Срок ответа на обращение, дней', '1 месяц');
      appendRows(
        wb,
        TAB.executors,
        EX.slice(1).map((name, i) => ({
          ФИО: name,
          Должность: 'начальник отдела',
          Подразделение: UNIT[i + 1],
          'Эл. почта': `${MAIL[i + 1]}@adm.test`,
        })),
      );
      appendRows(wb, TAB.protocols, [{ '№': '1', Дата: d('2026-01-12'), Председатель: 'Глава' }]);
      appendRows(wb, TAB.orders, [
        order(1, '2026-01-20'), // item 1: «Готово» 19.01, returned 03.02
        order(2, '2026-01-23'), // item 2: overdue, «Срок» typed 27.02 on 03.02
        order(3, '2026-01-21'), // item 3: on 03.02 «Дата исполнения» 19.01 and «Готово»
        order(4, '2026-01-22'), // item 4: overdue 23.01, extension to 20.02 approved after
        order(5, '2026-02-03'), // item 5: extension approved Friday 30.01 in the evening
        order(6, '2026-01-20'), // item 6: «Снято» on 03.02, not executed
        order(7, '2026-01-29'), // item 7: «В процессе 99» with «Дата исполнения» 28.01
      ]);
      // Item 9: Кузнецова's first appeal, answered 16.01.
      appendRows(wb, TAB.appeals, [
        appeal('О-1', '2026-01-12', 'Кузнецова А.А.', 'Дороги', { 'Дата ответа': d('2026-01-16') }),
      ]);
    });
    await run('daily', '2026-01-12');

    // Item 1: «Готово» typed on 19.01 — onEdit stamps «Дата исполнения» and records the execution that day (000 п.13).
    await edit('1-1', ORDER_COL.status, 'Готово', '2026-01-19', '10:00');

    // Item 9: О-2 on 20.01, after О-1 was answered; О-3 on 21.01, while О-2 is open.
    await typeInto((w) =>
      appendRows(w, TAB.appeals, [
        appeal('О-2', '2026-01-20', 'Кузнецова А.А.', 'Дороги'),
        appeal('О-3', '2026-01-21', 'кузнецова а.а.', 'Дороги'),
      ]),
    );
    let r = await run('daily', '2026-01-23');
    // 003 п.99, п.102: a repeat follows an answer; sent again before it — a duplicate of the first
    // (round 2: О-2 and О-3 both «Да»).
    expect(appealOf(r.wb, 'О-2')[APPEAL_COL.repeated]).toBe('Да');
    expect(appealOf(r.wb, 'О-3')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-2)');
    // Item 12, «1 месяц» (003 п.113): 20.01 + 1 month = Friday 20.02.2026; the duplicate shares it.
    expect(appealOf(r.wb, 'О-2')[APPEAL_COL.deadline]).toBe('2026-02-20');
    expect(appealOf(r.wb, 'О-3')[APPEAL_COL.deadline]).toBe('2026-02-20');
    // Item 4's overdue notice: 1-4 due 22.01, told on 23.01.
    expect(orderRow(r.wb, '1-4')[ORDER_COL.state]).toBe('Просрочено');
    expect(r.mails.map((m) => m.to)).toContain(`${MAIL[4]}@adm.test`);

    // January to date on 26.01 (running): 1-1 on time; 1-2, 1-3, 1-4, 1-6 overdue; 1-7 running.
    const jan26 = await january('2026-01-26');
    expect(jan26.rows[EX[4]]).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(jan26.rows[EX[7]]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, '']);

    // 27.01: the controller approves 1-4's extension to 20.02 (typed in the file, recorded by the
    // 28.01 run — after the term either way). 28.01: 1-7 «Дата исполнения» 28.01, «В процессе 99»;
    // 1-5 asks for 20.02. О-2 answered 26.01; О-4 on 27.01 — now a repeat.
    await typeInto((w) => {
      type(w, TAB.orders, '1-4', ORDER_COL.requestedDate, d('2026-02-20'));
      type(w, TAB.orders, '1-4', ORDER_COL.requestReason, 'ждём подрядчика');
      type(w, TAB.orders, '1-4', ORDER_COL.decision, 'Согласован');
      type(w, TAB.orders, '1-7', ORDER_COL.doneDate, d('2026-01-28'));
      type(w, TAB.orders, '1-7', ORDER_COL.status, 'В процессе 99');
      type(w, TAB.orders, '1-5', ORDER_COL.requestedDate, d('2026-02-20'));
      type(w, TAB.orders, '1-5', ORDER_COL.requestReason, 'нужны данные Росстата');
      type(w, TAB.appeals, 'О-2', APPEAL_COL.answerDate, d('2026-01-26'));
      appendRows(w, TAB.appeals, [appeal('О-4', '2026-01-27', 'Кузнецова А.А.', 'Дороги')]);
    });
    r = await run('daily', '2026-01-28');
    expect(appealOf(r.wb, 'О-4')[APPEAL_COL.repeated]).toBe('Да');
    expect(appealOf(r.wb, 'О-3')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-2)');
    // Item 4: an approval after the term (001 гл.7 п.2.4.10) — a data problem.
    expect(
      problems(r.wb).some((p) => p.includes('Перенос согласован 28.01.2026 — после контрольной даты 22.01.2026')),
    ).toBe(true);

    r = await run('daily', '2026-01-30');
    // Item 7: one definition of executed — «В процессе 99» with a date, past «Срок» 29.01: overdue, told so.
    expect(orderRow(r.wb, '1-7')[ORDER_COL.state]).toBe('Просрочено');
    expect(r.mails.map((m) => m.to)).toContain(`${MAIL[7]}@adm.test`);

    // Item 5: the decision typed on Friday 30.01 at 18:00 (onEdit watches «Решение по переносу»).
    await edit('1-5', ORDER_COL.decision, 'Согласован', '2026-01-30', '18:00');
    // The weekend's appeals (item 10, 11): twelve «Отопление» on Saturday (none before) and one «Связь».
    await typeInto((w) =>
      appendRows(w, TAB.appeals, [
        ...Array.from({ length: 12 }, (_, i) => appeal(`Т-${i + 1}`, '2026-01-31', `Жилец ${i + 1}`, 'Отопление')),
        appeal('С-1', '2026-02-01', 'Абонент', 'Связь'),
      ]),
    );
    r = await run('daily', '2026-02-02');
    // Item 5: the day of the decision is the day typed, 2 working days before 03.02 (02.02, 03.02) —
    // in time, no problem (round 2: recorded 02.02 by this run, 1 working day before: too late).
    expect(String(orderRow(r.wb, '1-5')[ORDER_COL.history])).toContain(
      '30.01.2026: перенос срока согласован: с 03.02.2026 на 20.02.2026',
    );
    expect(problems(r.wb).filter((p) => p.includes('контрольной даты 03.02.2026'))).toEqual([]);
    // Item 10 (004 п.2.2.1.1 «за предыдущие сутки»): Monday's «Отчёт 1» covers Friday to Sunday
    // (round 2: Friday only, the weekend never reported).
    const cells = sheetOf(r.wb, TAB.reportAppeals).cells.map((x) => (x ?? []).map((c) => String(val(c))));
    expect(cells[0][0]).toBe('Отчёт: обращения — оперативная информация за 30.01.2026–01.02.2026');
    const catRow = (date: string, name: string) =>
      cells
        .slice(cells.findIndex((x) => x[0] === `По категориям — ${date}`))
        .find((x) => x[0] === name)
        ?.slice(0, 5);
    // Item 11 (004 п.1.3; README «Индекс новой категории»): twelve in a new category — an emergency
    // (round 2: index «—», none); a single first «Связь» is not.
    expect(catRow('31.01.2026', 'Отопление')).toEqual(['Отопление', '12', '0', '12', 'аварийная ситуация']);
    expect(catRow('01.02.2026', 'Связь')).toEqual(['Связь', '1', '0', '1', 'штатный режим (нет обращений за 28 дней)']);
    expect(r.mails.filter((m) => m.subject.startsWith('Аварийная')).map((m) => `${m.to} | ${m.subject}`)).toEqual([
      'glava@adm.test | Аварийная ситуация: «Отопление» — индекс 12,00 за 31.01.2026',
    ]);

    // January on 02.02, finished: before the events of 03.02.
    const before = await january('2026-02-02');
    expect(before.rows).toEqual({
      [EX[1]]: [1, 1, 0, 0, 0, 0, 0, 0, 1], // on time
      [EX[2]]: [1, 0, 0, 1, 0, 0, 0, 0, 0],
      [EX[3]]: [1, 0, 0, 1, 0, 0, 0, 0, 0],
      // Item 4: the term 22.01 changed after it still counts in January, overdue (round 2: 0 due, «—»).
      [EX[4]]: [1, 0, 0, 1, 0, 0, 0, 0, 0],
      [EX[6]]: [1, 0, 0, 1, 0, 0, 0, 0, 0],
      // Item 7: not executed (round 2: «Исполнено в срок»).
      [EX[7]]: [1, 0, 0, 1, 0, 0, 0, 0, 0],
      Итого: [6, 1, 0, 5, 0, 0, 0, 0, 0.167],
    });
    expect(before.units[0]).toEqual([UNIT[1], 1, 1]);

    // 03.02, typed in the file and recorded by the run: 1-1 returned (000 п.14); 1-2 «Срок» typed
    // over to 27.02; 1-3 «Дата исполнения» 19.01 and «Готово»; 1-6 «Снято»; Андреев moves to «Финансы»
    // and takes 1-7 over from Жуков (item 8).
    await typeInto((w) => {
      type(w, TAB.orders, '1-1', ORDER_COL.status, 'На доработке');
      type(w, TAB.orders, '1-1', ORDER_COL.doneDate, '');
      type(w, TAB.orders, '1-2', ORDER_COL.deadline, d('2026-02-27'));
      type(w, TAB.orders, '1-3', ORDER_COL.doneDate, d('2026-01-19'));
      type(w, TAB.orders, '1-3', ORDER_COL.status, 'Готово');
      type(w, TAB.orders, '1-6', ORDER_COL.removal, 'Снято');
      type(w, TAB.executors, EX[1], 'Подразделение', 'Финансы');
      type(w, TAB.orders, '1-7', ORDER_COL.executor, EX[1]); // 1-7 handed over to Андреев
    });
    r = await run('daily', '2026-02-03');
    // Item 2 (000 п.12; 001 гл.7 п.2.4.10): the typed «Срок» is an event — «История», «Переносов» +1, a problem.
    expect(String(orderRow(r.wb, '1-2')[ORDER_COL.history])).toContain(
      '03.02.2026: срок изменён с 23.01.2026 на 27.02.2026',
    );
    expect(orderRow(r.wb, '1-2')[ORDER_COL.extensions]).toBe(1);
    // Item 3 (000 п.13): back-dated — a problem, counted from 03.02, not archived today.
    expect(
      problems(r.wb).some((p) => p.includes('Дата исполнения задним числом: 19.01.2026 отмечена 03.02.2026')),
    ).toBe(true);
    // (In the giver mode a done order waits for «Снято» before «Архив».)
    expect(orderRow(r.wb, '1-3')[ORDER_COL.state]).toBe('Ожидает снятия с контроля');
    // Item 6 (001 гл.7 п.2.4.15): «Снято с контроля», no overdue days.
    expect(orderRow(r.wb, '1-6')[ORDER_COL.state]).toBe('Снято с контроля');
    expect(orderRow(r.wb, '1-6')[ORDER_COL.overdueDays]).toBe('');

    // January on 04.02: the same figures, executors and units (round 2: 1-1 0 %, 1-2 and 1-4 gone, 1-3
    // and 1-7 on time, Андреев under «Финансы»; before this last commits: 1-7 under Андреев).
    const after = await january('2026-02-04');
    expect(after).toEqual(before);
    // February to date: 1-6 cancelled is not carried (round 2: carried, overdue); 1-3 carried,
    // executed 03.02 after its term; 1-5 due 20.02 by an extension approved in time (round 2: its
    // 03.02 term counted as not executed on time).
    const feb = report((await run('report-execution', '2026-02-04', '--period', '2026-02')).wb);
    expect(feb.rows[EX[6]]).toBeUndefined();
    expect(feb.rows[EX[3]]).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(feb.rows[EX[5]]).toEqual([1, 0, 0, 0, 1, 1, 0, 0, '']);
    // Running: Андреев's unit as it is today.
    expect(feb.units.map((u) => u[0])).toContain('Финансы');
    expect(rowsOf(r.wb, TAB.orders).length).toBe(7);
  }, 120_000);
});
