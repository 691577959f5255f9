// Issue 3, first «Done when»: ONE .xlsx walked through three weeks of working days (02.03–20.03.2026)
// with the `kontrol` command line itself — `run daily FILE --today …` each morning at 08:00 and
// people's edits as `edit FILE --sheet … --cell … --value … --today …` at 07:30 (onEdit fires as a
// simple trigger). The e-mails are read back from the .eml files the CLI writes to --outbox.
// 08.03.2026 is a Sunday, so 09.03 is off (decree No. 1466): the run that day only refreshes states.
// Setup data (settings, executors, protocols, orders) is typed straight into the .xlsx between CLI
// calls, as a person working in the file would. Expected values are worked out by hand below from
// the seed rules (000 = Kyshtym, 001 = Rostov).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/domain/settings';
import type { WorkbookModel } from '../../src/local/model';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { type Eml, kontrol, newMails, orderCell } from './cli-walk-helpers';
import { appendRows, d, header, orderRow, PEOPLE, rowsOf, setSetting, sheetOf, val } from './orders-helpers';

const SUMMARY_TO = 'glava@adm.test, zam@adm.test';

/** Protocol 5 of Monday 02.03.2026, entered the same morning (000 п.7: within 1 working day). */
function enterProtocol5(wb: WorkbookModel): void {
  setSetting(wb, SETTING.controllerEmail, 'control@adm.test');
  setSetting(wb, SETTING.summaryRecipients, SUMMARY_TO);
  // The economic sector types the commission's coefficient for criterion 3 (002 gives none); without
  // it «Проверка данных» would hold that one warning every day and mail the controller about it.
  const crit = sheetOf(wb, TAB.criteria);
  const ch = header(wb, TAB.criteria);
  for (const row of crit.cells.slice(1))
    if (String(val(row?.[ch.indexOf('Критерий')])) === '3') row[ch.indexOf('Коэффициент')] = { v: 0.5 };
  appendRows(wb, TAB.executors, PEOPLE);
  appendRows(wb, TAB.protocols, [{ '№': '5', Дата: d('2026-03-02'), Совещание: 'аппаратное', Председатель: 'Глава' }]);
  const o = (n: string, text: string, executor: string, deadline: string | null, extra = {}) => ({
    ...(n ? { '№': n } : {}),
    Протокол: '5',
    Поручение: text,
    Исполнитель: executor,
    ...(deadline ? { Срок: d(deadline) } : {}),
    Статус: 'Список дел',
    ...extra,
  });
  appendRows(wb, TAB.orders, [
    o('5-1', 'Отчёт о ремонте дорог', 'Иванов И.И.', '2026-03-06', { Соисполнители: 'Петров П.П.' }),
    o('5-2', 'План по весеннему паводку', 'Петров П.П.', '2026-03-09'), // Monday 09.03 is off
    o('5-3', 'Проект постановления', 'Иванов И.И.', '2026-03-13'),
    o('5-4', 'Сверка реестра', 'Петров П.П.', '2026-03-16'),
    o('', 'Справка по школам', 'Сидорова С.С.', null, { Срочность: 'Срочно' }), // № and «Срок» left blank
    o('5-6', 'Ответ прокуратуре', 'Сидорова С.С.', '2026-03-11'),
  ]);
}

/** Protocol 6 of Tuesday 10.03.2026 (the meeting moved off the holiday), its order typed on 11.03. */
function enterProtocol6(wb: WorkbookModel): void {
  appendRows(wb, TAB.protocols, [{ '№': '6', Дата: d('2026-03-10'), Совещание: 'оперативное', Председатель: 'Глава' }]);
  appendRows(wb, TAB.orders, [
    {
      Протокол: '6',
      Поручение: 'Уборка территории после зимы',
      Исполнитель: 'Иванов И.И.',
      Соисполнители: 'Сидорова С.С.',
      Срочность: 'Оперативно',
      Статус: 'Список дел',
    },
  ]);
}

type Edit = [order: string, column: string, typed: string];
const S = ORDER_COL.status;
/** What people type each morning before the check (executors move statuses; the controller decides). */
const EDITS: Record<string, Edit[]> = {
  '2026-03-03': [['5-1', S, 'В процессе 0']],
  '2026-03-04': [
    ['5-1', S, 'В процессе 50'],
    // 000 п.11: cut-off for «Срок» 13.03 is 3 working days before = 10.03; asked 04.03 → in time.
    ['5-3', ORDER_COL.requestedDate, '20.03.2026'],
    ['5-3', ORDER_COL.requestReason, 'ждём заключение юристов'],
    ['5-5', S, 'Готово'], // onEdit stamps «Дата исполнения» 04.03
  ],
  '2026-03-05': [
    ['5-1', S, 'В процессе 99'],
    ['5-3', ORDER_COL.decision, 'Согласован'], // 000 п.12: the new date is entered after approval
  ],
  '2026-03-06': [['5-1', S, 'Готово']],
  '2026-03-10': [['5-6', S, 'Готово']],
  '2026-03-11': [
    ['5-6', S, 'На доработке'], // the controller returns it (000 п.14)
    ['5-2', S, 'Готово'], // late: due 06.03
  ],
  '2026-03-12': [
    // «Срок» 16.03: cut-off 11.03 (13, 12, 11 back), asked 12.03 → late (000 п.11).
    ['5-4', ORDER_COL.requestedDate, '27.03.2026'],
    ['5-4', ORDER_COL.requestReason, 'нет ответа из Росреестра'],
  ],
  '2026-03-13': [
    ['5-4', ORDER_COL.decision, 'Отклонён'],
    ['5-6', S, 'Готово'],
  ],
  '2026-03-16': [['5-4', S, 'В процессе 50']],
  '2026-03-17': [['6-1', S, 'В процессе 50']],
  '2026-03-20': [['5-3', S, 'Готово']],
};

const WALK = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map(
  (x) => `2026-03-${x}`,
);

/**
 * E-mails each day as «to | subject», sorted. Reminder = 1 working day before the due day
 * (000 п.10 «за сутки»); a «Срок» on a non-working day is due the working day before (001 гл.8
 * п.2.4.2); overdue told on the first run after the due day; the weekly summary on Monday or the
 * first working day after it, the monthly one on the month's first working day (000 п.15).
 */
const MAILS: Record<string, string[]> = {
  '2026-03-02': [
    `${SUMMARY_TO} | Исполнение поручений: неделя 9 (23.02.2026–01.03.2026)`,
    `${SUMMARY_TO} | Исполнение поручений: февраль 2026 г.`,
    'ivanov@adm.test | Поручения: 2 новых', // 5-1, 5-3 (000 п.8)
    'petrov@adm.test | Поручения: 3 новых', // 5-2, 5-4 and 5-1 as co-executor
    'sidorova@adm.test | Поручения: 2 новых', // 5-5 (№ and «Срок» 02.03 + 3 days filled), 5-6
  ],
  '2026-03-03': [],
  '2026-03-04': ['control@adm.test | Поручения: 1 запрос переноса'], // 5-3 (000 п.11)
  '2026-03-05': [
    // Issue 25 item 2: the executor hears the decision in the next digest (000 п.11–12).
    'ivanov@adm.test | Поручения: 1 — срок наступает, 1 решение по поручению', // 5-1 due Fri 06.03; 5-3 extended
    'petrov@adm.test | Поручения: 1 — срок наступает', // 5-2: 09.03 off → due 06.03
  ],
  '2026-03-06': [], // 5-1 done this morning, 5-2 already reminded for this date
  '2026-03-09': [], // holiday: no mail at all
  '2026-03-10': [
    `${SUMMARY_TO} | Исполнение поручений: неделя 10 (02.03.2026–08.03.2026)`, // Monday 09.03 off
    'petrov@adm.test | Поручения: 1 просрочено', // 5-2
  ],
  '2026-03-11': [
    'ivanov@adm.test | Поручения: 1 новое', // 6-1: № 6-1, «Срок» 10.03 + 10 days = 20.03
    'sidorova@adm.test | Поручения: 1 новое, 1 — срок наступает, 1 решение по поручению', // 6-1 co-executor; 5-6 returned (000 п.14), due today
  ],
  '2026-03-12': [
    'control@adm.test | Поручения: 1 запрос переноса, 1 проблема в данных', // 5-4, late request
    'sidorova@adm.test | Поручения: 1 просрочено', // 5-6: returned = not executed (000 п.14)
  ],
  '2026-03-13': [
    'petrov@adm.test | Поручения: 1 — срок наступает, 1 решение по поручению', // 5-4 due Mon 16.03, request refused
    // 6-1 as co-executor: «Срок соисполнителям» 16.03 = «Срок» 20.03 less 4 working days (003 п.80,
    // spec Round 3 «Срок соисполнителям»), reminded the working day before (000 п.10).
    'sidorova@adm.test | Поручения: 1 — срок наступает',
  ],
  '2026-03-16': [
    // 5-2 done 11.03 after its term 06.03 and no «Причина нарушения срока» by 13.03 (2 working days,
    // 001 гл.8 п.2.3.2, spec Round 3): a data problem, its line to the controller.
    'control@adm.test | Поручения: 1 проблема в данных',
    `${SUMMARY_TO} | Исполнение поручений: неделя 11 (09.03.2026–15.03.2026)`,
  ],
  '2026-03-17': [
    'petrov@adm.test | Поручения: 1 просрочено', // 5-4
    'sidorova@adm.test | Поручения: 1 просрочено', // 6-1 as co-executor: «Срок соисполнителям» 16.03 passed
  ],
  // 5-6 done 13.03 after its term 11.03, no reason by 17.03: with 5-2's, two problems (5-2 goes to
  // «Архив» after the mail, step 5).
  '2026-03-18': ['control@adm.test | Поручения: 2 проблемы в данных'],
  '2026-03-19': [
    // The list changed: 5-2 and its problem went to «Архив» on 18.03, 5-6's stands (a fixed or gone
    // problem is news to the controller too: problems-fingerprint test).
    'control@adm.test | Поручения: 1 проблема в данных',
    'ivanov@adm.test | Поручения: 2 — срок наступает', // 5-3 (extended to 20.03) and 6-1
  ],
  '2026-03-20': [], // 5-3 done this morning; 6-1 already reminded
};

/**
 * «№ Состояние [+просрочка]» of every row of «Поручения» after each day's check. Done = «Дата
 * исполнения» ≤ «Срок» (000 п.13); «Готово» rows move to «Архив» 5 working days after «Дата
 * исполнения» (000 п.14): 5-5 04.03 → 12.03 (not 11.03: 09.03 is off), 5-1 06.03 → 16.03,
 * 5-2 11.03 → 18.03, 5-6 13.03 → 20.03.
 */
const RUN = 'На исполнении';
const SOON = 'Срок наступает';
const ON_TIME = 'Исполнено в срок';
const LATE = 'Исполнено с нарушением срока';
const STATES: Record<string, string[]> = {
  '2026-03-02': ['5-1 ' + RUN, '5-2 ' + RUN, '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + RUN, '5-6 ' + RUN],
  '2026-03-03': ['5-1 ' + RUN, '5-2 ' + RUN, '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + RUN, '5-6 ' + RUN],
  '2026-03-04': ['5-1 ' + RUN, '5-2 ' + RUN, '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + ON_TIME, '5-6 ' + RUN],
  '2026-03-05': ['5-1 ' + SOON, '5-2 ' + SOON, '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + ON_TIME, '5-6 ' + RUN],
  '2026-03-06': ['5-1 ' + ON_TIME, '5-2 ' + SOON, '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + ON_TIME, '5-6 ' + RUN],
  // Past the due day 06.03 but no working day has passed since: overdue by 0 working days.
  '2026-03-09': ['5-1 ' + ON_TIME, '5-2 Просрочено +0', '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + ON_TIME, '5-6 ' + RUN],
  '2026-03-10': ['5-1 ' + ON_TIME, '5-2 Просрочено +1', '5-3 ' + RUN, '5-4 ' + RUN, '5-5 ' + ON_TIME, '5-6 ' + ON_TIME],
  '2026-03-11': [
    '5-1 ' + ON_TIME,
    '5-2 ' + LATE,
    '5-3 ' + RUN,
    '5-4 ' + RUN,
    '5-5 ' + ON_TIME,
    '5-6 На доработке',
    '6-1 ' + RUN,
  ],
  '2026-03-12': ['5-1 ' + ON_TIME, '5-2 ' + LATE, '5-3 ' + RUN, '5-4 ' + RUN, '5-6 На доработке +1', '6-1 ' + RUN],
  '2026-03-13': ['5-1 ' + ON_TIME, '5-2 ' + LATE, '5-3 ' + RUN, '5-4 ' + SOON, '5-6 ' + LATE, '6-1 ' + RUN],
  '2026-03-16': ['5-2 ' + LATE, '5-3 ' + RUN, '5-4 ' + SOON, '5-6 ' + LATE, '6-1 ' + RUN],
  '2026-03-17': ['5-2 ' + LATE, '5-3 ' + RUN, '5-4 Просрочено +1', '5-6 ' + LATE, '6-1 ' + RUN],
  '2026-03-18': ['5-3 ' + RUN, '5-4 Просрочено +2', '5-6 ' + LATE, '6-1 ' + RUN],
  '2026-03-19': ['5-3 ' + SOON, '5-4 Просрочено +3', '5-6 ' + LATE, '6-1 ' + SOON],
  '2026-03-20': ['5-3 ' + ON_TIME, '5-4 Просрочено +4', '6-1 ' + SOON],
};

function states(wb: WorkbookModel): string[] {
  return rowsOf(wb, TAB.orders).map((r) => {
    const over = r[ORDER_COL.overdueDays];
    return `${r[ORDER_COL.number]} ${r[ORDER_COL.state]}${over === '' ? '' : ` +${over}`}`;
  });
}

const line = (m: Eml) => `${m.to} | ${m.subject}`;

describe('kontrol CLI: three weeks of one workbook (000 п.7–15, 001 гл.8 п.2.4.2)', () => {
  it('mails to whom each day, states, system columns, «История», «Журнал», «Архив»; a second run sends nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-walk-'));
    const file = join(dir, 'Контроль.xlsx');
    const outbox = join(dir, 'почта');
    await kontrol(['init', file, '--today', '2026-03-02', '--time', '07:00']);
    let wb = await loadXlsx(file);
    enterProtocol5(wb);
    await saveXlsx(wb, file);

    const seen = new Set<string>();
    const mails: Record<string, Eml[]> = {};
    const outs: Record<string, string> = {};
    // The workbook each run wrote (the next command reads the file itself; the end is read back below).
    const daily = async (day: string) => {
      const r = await kontrol(['run', 'daily', file, '--today', day, '--outbox', outbox]);
      if (!r.saved) throw new Error(`run daily ${day}: книга не сохранена`);
      return { out: r.out, mails: newMails(outbox, seen), wb: r.saved };
    };
    for (const day of WALK) {
      if (day === '2026-03-11') {
        enterProtocol6(wb);
        await saveXlsx(wb, file);
      }
      // Rows move only in the daily check, so addresses from the last load hold for the morning's edits.
      for (const [n, column, typed] of EDITS[day] ?? []) {
        const cell = orderCell(wb, n, column);
        await kontrol([
          'edit',
          file,
          '--sheet',
          TAB.orders,
          '--cell',
          cell,
          '--value',
          typed,
          '--today',
          day,
          '--time',
          '07:30',
        ]);
      }
      const r = await daily(day);
      outs[day] = r.out;
      mails[day] = r.mails;
      wb = r.wb;
      expect({ day, mails: r.mails.map(line).sort() }).toEqual({ day, mails: MAILS[day] });
      expect({ day, states: states(wb) }).toEqual({ day, states: STATES[day] });
      expect(r.out).toContain(`Писем: ${MAILS[day].length}`);

      if (day === '2026-03-02' || day === '2026-03-11') {
        // The same day again (a person pressing «Запустить ежедневную проверку сейчас»): nothing is
        // sent, no decision is applied twice (5-6 keeps «Возвратов» 1), the orders are unchanged.
        const again = await daily(day);
        expect(again.mails).toEqual([]);
        expect(again.out).toContain('Писем: 0');
        expect(rowsOf(again.wb, TAB.orders)).toEqual(rowsOf(wb, TAB.orders));
        wb = again.wb;
      }
    }

    // The file as the last run left it: the same states, and what the rest of the test reads.
    const last = wb;
    wb = await loadXlsx(file);
    expect(states(wb)).toEqual(STATES['2026-03-20']);
    expect(rowsOf(wb, TAB.orders)).toEqual(rowsOf(last, TAB.orders));
    expect(outs['2026-03-09']).toMatch(/09\.03\.2026: нерабочий день, обновлены только состояния/);

    // What the mails say (read from the .eml text part).
    const text = (day: string, to: string) => mails[day].find((m) => m.to === to)?.text ?? '';
    expect(text('2026-03-02', 'petrov@adm.test')).toContain(
      '№ 5-1. Отчёт о ремонте дорог\n  Срок: 06.03.2026\n  Вы соисполнитель; ответственный исполнитель: Иванов И.И.',
    );
    expect(text('2026-03-02', 'sidorova@adm.test')).toContain('№ 5-5. Справка по школам\n  Срок: 05.03.2026');
    expect(text('2026-03-04', 'control@adm.test')).toContain(
      '№ 5-3. Проект постановления\n  Срок: 13.03.2026\n  Исполнитель: Иванов И.И.\n  Запрошенный срок: 20.03.2026\n  Обоснование: ждём заключение юристов\n  Запрос сделан: 04.03.2026\n',
    );
    // The reminder names the day it is really due, not the holiday typed in «Срок».
    expect(text('2026-03-05', 'petrov@adm.test')).toContain(
      '№ 5-2. План по весеннему паводку\n  Срок: 06.03.2026 (в таблице 09.03.2026 — нерабочий день)',
    );
    expect(text('2026-03-10', 'petrov@adm.test')).toContain('Просрочка: 1 раб. дн.');
    expect(text('2026-03-12', 'control@adm.test')).toContain(
      'Запрос сделан: 12.03.2026 — ПОЗЖЕ установленного срока подачи запроса',
    );
    expect(text('2026-03-19', 'ivanov@adm.test')).toMatch(/№ 5-3\. .*\n {2}Срок: 20\.03\.2026[\s\S]*№ 6-1\. /);

    // System columns and «История» of the orders still open.
    const o3 = orderRow(wb, '5-3');
    expect([
      o3[ORDER_COL.deadline],
      o3[ORDER_COL.originalDeadline],
      o3[ORDER_COL.extensions],
      o3[ORDER_COL.returns],
      o3[ORDER_COL.doneDate],
      o3[ORDER_COL.requestedDate],
      o3[ORDER_COL.requestReason],
      o3[ORDER_COL.decision],
    ]).toEqual(['2026-03-20', '2026-03-13', 1, 0, '2026-03-20', '', '', '']);
    expect(o3[ORDER_COL.history]).toBe(
      [
        // The executor and unit, recorded the day the order is first seen (#20 item 8: closed periods keep them).
        '02.03.2026: исполнитель Иванов И.И., подразделение «ЖКХ»',
        '02.03.2026: уведомление о поручении отправлено: Иванов И.И. <ivanov@adm.test>',
        '04.03.2026: запрошен перенос срока на 20.03.2026',
        '04.03.2026: запрос переноса передан контролёру: контролёр <control@adm.test>',
        // onEdit dates the decision the day it is typed (001 гл.7 п.2.4.10; round 3).
        '05.03.2026: решение по переносу «Согласован» внесено',
        // «Кем согласован перенос» blank: the protocol's «Председатель» (001 гл.7 п.2.4.2).
        '05.03.2026: перенос срока согласован: с 13.03.2026 на 20.03.2026 (обоснование: ждём заключение юристов); согласовал: Глава',
        '05.03.2026: исполнителю сообщено решение: Иванов И.И. <ivanov@adm.test>',
        '19.03.2026: напоминание о сроке отправлено: Иванов И.И. <ivanov@adm.test>',
        // «Готово» and the execution recorded on the day of the edit (000 п.13; round 3).
        '20.03.2026: статус «Готово»',
        '20.03.2026: исполнение отмечено: дата исполнения 20.03.2026',
      ].join('\n'),
    );
    const o4 = orderRow(wb, '5-4');
    expect([
      o4[ORDER_COL.deadline],
      o4[ORDER_COL.originalDeadline],
      o4[ORDER_COL.extensions],
      o4[ORDER_COL.status],
      o4[ORDER_COL.requestedDate],
      o4[ORDER_COL.requestReason],
      o4[ORDER_COL.decision],
    ]).toEqual(['2026-03-16', '2026-03-16', 0, 'В процессе 50', '', '', '']);
    expect(o4[ORDER_COL.history]).toBe(
      [
        // The executor and unit, recorded the day the order is first seen (#20 item 8: closed periods keep them).
        '02.03.2026: исполнитель Петров П.П., подразделение «Экономика»',
        '02.03.2026: уведомление о поручении отправлено: Петров П.П. <petrov@adm.test>',
        '12.03.2026: запрошен перенос срока на 27.03.2026',
        '12.03.2026: запрос переноса передан контролёру: контролёр <control@adm.test>',
        '13.03.2026: решение по переносу «Отклонён» внесено',
        '13.03.2026: перенос срока на 27.03.2026 отклонён (обоснование: нет ответа из Росреестра); срок остаётся 16.03.2026',
        '13.03.2026: исполнителю сообщено решение: Петров П.П. <petrov@adm.test>',
        '13.03.2026: напоминание о сроке отправлено: Петров П.П. <petrov@adm.test>',
        '17.03.2026: уведомление о просрочке отправлено: Петров П.П. <petrov@adm.test>',
      ].join('\n'),
    );
    const o61 = orderRow(wb, '6-1');
    expect([o61[ORDER_COL.deadline], o61[ORDER_COL.originalDeadline], o61[ORDER_COL.status]]).toEqual([
      '2026-03-20',
      '2026-03-20',
      'В процессе 50',
    ]);
    expect(String(o61[ORDER_COL.history]).split('\n').slice(0, 2)).toEqual([
      '11.03.2026: № не был указан, присвоен 6-1',
      '11.03.2026: срок не был указан, установлен 20.03.2026: «Оперативно», от даты протокола 10.03.2026',
    ]);

    // «Архив»: whole rows, in the order they left, each with the day it left.
    const archive = rowsOf(wb, TAB.archive);
    expect(
      archive.map((r) => [r[ORDER_COL.number], r[ORDER_COL.doneDate], r[ORDER_COL.state], r['Дата архивации']]),
    ).toEqual([
      ['5-5', '2026-03-04', ON_TIME, '2026-03-12'],
      ['5-1', '2026-03-06', ON_TIME, '2026-03-16'],
      ['5-2', '2026-03-11', LATE, '2026-03-18'],
      ['5-6', '2026-03-13', LATE, '2026-03-20'],
    ]);
    const a1 = orderRow(wb, '5-1', TAB.archive);
    expect([a1[ORDER_COL.protocol], a1[ORDER_COL.coExecutors], a1[ORDER_COL.text], a1[ORDER_COL.status]]).toEqual([
      '5',
      'Петров П.П.',
      'Отчёт о ремонте дорог',
      'Готово',
    ]);
    const a6 = orderRow(wb, '5-6', TAB.archive);
    expect([a6[ORDER_COL.returns], a6[ORDER_COL.extensions], a6[ORDER_COL.deadline]]).toEqual([1, 0, '2026-03-11']);
    expect(a6[ORDER_COL.history]).toBe(
      [
        // The executor and unit, recorded the day the order is first seen (#20 item 8: closed periods keep them).
        '02.03.2026: исполнитель Сидорова С.С., подразделение «Образование»',
        '02.03.2026: уведомление о поручении отправлено: Сидорова С.С. <sidorova@adm.test>',
        '10.03.2026: статус «Готово»',
        '10.03.2026: исполнение отмечено: дата исполнения 10.03.2026',
        '11.03.2026: статус «На доработке»',
        '11.03.2026: возвращено на доработку (снята дата исполнения 10.03.2026)',
        '11.03.2026: исполнителю сообщено решение: Сидорова С.С. <sidorova@adm.test>',
        '11.03.2026: напоминание о сроке отправлено: Сидорова С.С. <sidorova@adm.test>',
        '12.03.2026: уведомление о просрочке отправлено: Сидорова С.С. <sidorova@adm.test>',
        '13.03.2026: статус «Готово»',
        '13.03.2026: исполнение отмечено: дата исполнения 13.03.2026',
        '20.03.2026: перенесено в архив',
      ].join('\n'),
    );
    expect(
      String(orderRow(wb, '5-5', TAB.archive)[ORDER_COL.history])
        .split('\n')
        .slice(0, 2),
    ).toEqual([
      '02.03.2026: № не был указан, присвоен 5-5',
      '02.03.2026: срок не был указан, установлен 05.03.2026: «Срочно», от даты протокола 02.03.2026',
    ]);

    // «Журнал»: every notice and summary key once, exactly those the mails above carried.
    const log = rowsOf(wb, TAB.log);
    const keys = log.flatMap((r) => String(r.Ключ).split('\n')).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    // The problems key is a fingerprint of the list (mailed when the list changes): each list once,
    // shown by the day it was mailed.
    const shown = log.flatMap((r) =>
      String(r.Ключ)
        .split('\n')
        .filter(Boolean)
        .map((k) => (k.startsWith('problems:') ? `problems:<список ${r.Время}>` : k)),
    );
    expect(shown.sort()).toEqual(
      [
        'new:5-1',
        'new:5-1:соисп:Петров П.П.',
        'new:5-2',
        'new:5-3',
        'new:5-4',
        'new:5-5',
        'new:5-6',
        'summary:week:2026-W09',
        'summary:month:2026-02',
        'ext:5-3:2026-03-20',
        'remind:5-1:2026-03-06',
        'remind:5-2:2026-03-09',
        'overdue:5-2:2026-03-09',
        'summary:week:2026-W10',
        'new:6-1',
        'new:6-1:соисп:Сидорова С.С.',
        'remind:5-6:2026-03-11',
        'ext:5-4:2026-03-27',
        'problems:<список 2026-03-12>',
        'problems-day:2026-03-12', // at most one problems mail a day
        'problems:<список 2026-03-16>', // 5-2 without its late reason
        'problems-day:2026-03-16',
        'problems:<список 2026-03-18>', // and 5-6's
        'problems-day:2026-03-18',
        'problems:<список 2026-03-19>', // 5-2's gone with it to «Архив»
        'problems-day:2026-03-19',
        // 6-1's co-executor against «Срок соисполнителям» 16.03 (003 п.80).
        'remind:6-1:соисп:Сидорова С.С.:2026-03-16',
        'overdue:6-1:соисп:Сидорова С.С.:2026-03-16',
        'overdue:5-6:2026-03-11',
        'remind:5-4:2026-03-16',
        'summary:week:2026-W11',
        'overdue:5-4:2026-03-16',
        'remind:5-3:2026-03-20',
        'remind:6-1:2026-03-20',
        // Issue 25 item 2: each decision told to its executor once.
        'decision:5-3:approved:2026-03-05',
        'decision:5-6:returned:2026-03-11',
        'decision:5-4:refused:2026-03-13',
      ].sort(),
    );
    const sent = log.filter((r) => r.Результат === 'отправлено');
    expect(sent).toHaveLength(Object.values(MAILS).flat().length);
    expect(sent.map((r) => `${r.Время} ${r.Получатели}`).sort()).toEqual(
      Object.entries(MAILS)
        .flatMap(([day, list]) => list.map((m) => `${day} ${m.split(' | ')[0]}`))
        .sort(),
    );
    const runs = log.filter((r) => r.Действие === 'Ежедневная проверка');
    expect(runs.map((r) => r.Время)).toEqual([...WALK, '2026-03-02', '2026-03-11'].sort());
    expect(runs.filter((r) => /нерабочий день/.test(String(r.Результат))).map((r) => r.Время)).toEqual(['2026-03-09']);
    expect(rowsOf(wb, TAB.orders).length + archive.length).toBe(7);
  }, 90_000);
});
