// Control between the dates, a month end to end (issue 22 «Tests»): March 2026 in the sandbox with
// the real bundle, each item on its own days, then «Отчёт: исполнение» for 2026-03 through `kontrol`
// with hand-worked figures. Passages: periodic 001 гл.6 п.2.2.15, 2.2.17, 003 п.45; non-working
// day 001 гл.8 п.2.4.2 (09.03.2026 off by decree 1466); interim 001 гл.7 п.3.3; late reason 001
// гл.8 п.2.3.2, 003 п.193; speed-up 001 гл.7 п.2.4.7–2.4.8; escalation 004 п.4.1.4, 4.2.1;
// co-executors 003 п.80, 111, 133; plan of measures 001 гл.6 п.2.2.16.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { inProcess, sheet, tableOf, val } from '../helpers/report-xlsx';
import { appendRows, d, day, edit, makeBook, orderRow } from './orders-helpers';

const O = ORDER_COL;

describe('a month of control between the dates (March 2026)', () => {
  it('periodic, interim, late reasons, speed-up, escalation once, co-executors, plan; the month report by hand', async () => {
    const { sb, wb } = makeBook('2026-03-02');
    appendRows(wb, TAB.units, [
      { Подразделение: 'ЖКХ', Руководитель: 'Петров П.П.', 'Эл. почта': 'head.zhkh@adm.test' },
    ]);
    appendRows(wb, TAB.protocols, [
      { '№': '1', Дата: d('2026-03-02'), Совещание: 'аппаратное', Председатель: 'Глава' },
    ]);
    const base = { Протокол: '1', Статус: 'Список дел' };
    appendRows(wb, TAB.orders, [
      // Monthly, its first term 09.03.2026 a day off → due Friday 06.03.
      {
        ...base,
        '№': '1-1',
        Поручение: 'Сведения о ремонте дорог',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-09'),
        Периодичность: 'Ежемесячно',
        'Действует до': d('2026-06-30'),
      },
      // Weekly «еженедельно в пятницу» until 27.03: three occurrences in March.
      {
        ...base,
        '№': '1-2',
        Поручение: 'Информация о паводке',
        Исполнитель: 'Сидорова С.С.',
        Срок: d('2026-03-13'),
        Периодичность: 'Еженедельно',
        'Действует до': d('2026-03-27'),
      },
      {
        ...base,
        '№': '1-4',
        Поручение: 'Подготовка к паводку',
        Исполнитель: 'Иванов И.И.',
        Срок: d('2026-03-31'),
        'Промежуточный срок': d('2026-03-16'),
      },
      { ...base, '№': '1-5', Поручение: 'Справка по школам', Исполнитель: 'Петров П.П.', Срок: d('2026-03-11') },
      { ...base, '№': '1-6', Поручение: 'Отчёт по субсидиям', Исполнитель: 'Сидорова С.С.', Срок: d('2026-03-12') },
      { ...base, '№': '1-7', Поручение: 'Вывоз снега', Исполнитель: 'Иванов И.И.', Срок: d('2026-03-05') },
      {
        ...base,
        '№': '1-8',
        Поручение: 'Смета на освещение',
        Исполнитель: 'Петров П.П.',
        Соисполнители: 'Сидорова С.С.',
        Срок: d('2026-03-20'),
      },
      {
        ...base,
        '№': '1-9',
        Поручение: 'Программа благоустройства',
        Исполнитель: 'Сидорова С.С.',
        Срок: d('2026-05-29'),
      },
    ]);
    const mailsFrom = (n: number) => sb.mails.slice(n);
    const to = <T extends { to: string }>(ms: T[], addr: string) => ms.filter((m) => m.to.includes(addr));
    // «Проверка данных»: title, subtitle, then the table whose 5th column is «Что не так».
    const problemText = () => {
      const s = sheet(wb, TAB.problems);
      if (!s.cells.some((r) => val(r?.[0]) === 'Лист')) return '';
      return tableOf(s, 'Лист')
        .rows.map((r) => String(val(r[4])))
        .join('\n');
    };

    day(sb, '2026-03-02');
    expect(orderRow(wb, '1-8')[O.coDeadline]).toBe('2026-03-16'); // 20.03 − 4 working days (003 п.80)
    sb.setNow(new Date('2026-03-05T12:00:00Z'));
    edit(sb, '1-1', O.status, 'Готово'); // the first monthly occurrence, on time
    // Rolled over at once by onEdit, through the daily check's own function (rules/periodic.ts):
    // the occurrence in «История», «Срок» to 09.04, «Статус» afresh — and nothing left for the check.
    expect(orderRow(wb, '1-1')).toMatchObject({
      [O.deadline]: '2026-04-09',
      [O.status]: 'В процессе 0',
      [O.doneDate]: '',
    });
    const rolled = String(orderRow(wb, '1-1')[O.history]);
    expect(rolled.split('\n').slice(-4)).toEqual([
      '05.03.2026: статус «Готово»',
      '05.03.2026: исполнение отмечено: дата исполнения 05.03.2026',
      '05.03.2026: исполнено повторение со сроком 09.03.2026, дата исполнения 05.03.2026; следующий срок 09.04.2026',
      '05.03.2026: статус «В процессе 0»',
    ]);
    day(sb, '2026-03-05');
    day(sb, '2026-03-06');
    expect(String(orderRow(wb, '1-1')[O.history])).toBe(rolled);
    // The occurrence went to «История», «Срок» to 09.04, «Статус» afresh (spec Round 3 «Периодичность»).
    expect(orderRow(wb, '1-1')).toMatchObject({
      [O.deadline]: '2026-04-09',
      [O.status]: 'В процессе 0',
      [O.doneDate]: '',
    });
    expect(String(orderRow(wb, '1-1')[O.history])).toContain(
      'исполнено повторение со сроком 09.03.2026, дата исполнения 05.03.2026; следующий срок 09.04.2026',
    );
    day(sb, '2026-03-10');
    // The move to the next occurrence is not a term typed over: no «Переносов» (events, spec Round 3).
    expect(orderRow(wb, '1-1')[O.extensions]).toBe(0);
    expect(String(orderRow(wb, '1-1')[O.history])).not.toMatch(/срок изменён/);
    // 1-9: 88 days from the meeting, no plan 5 working days after «Внесено» 02.03 (10.03) → from 11.03.
    expect(problemText()).not.toMatch(/плана мероприятий нет/);
    let n = sb.mails.length;
    day(sb, '2026-03-11');
    expect(problemText()).toMatch(/Срок поручения — 88 дн\. \(дольше 30\), а плана мероприятий нет/);
    // 1-7 overdue 3 working days (06, 10, 11 — 09.03 is off): its unit's head is told, once.
    const esc = to(mailsFrom(n), 'head.zhkh@adm.test').filter((m) => m.subject.startsWith('Просроченные поручения'));
    expect(esc).toHaveLength(1);
    expect(esc[0].body).toContain(
      '№ 1-7. Вывоз снега — исполнитель Иванов И.И., срок 05.03.2026, просрочка 3 раб. дн. (новое)',
    );
    sb.setNow(new Date('2026-03-12T12:00:00Z'));
    edit(sb, '1-5', O.status, 'Готово'); // late, no reason ever
    n = sb.mails.length;
    day(sb, '2026-03-12');
    expect(mailsFrom(n).filter((m) => m.subject.startsWith('Просроченные поручения'))).toHaveLength(0);
    // Speed-up (menu or `kontrol run speed-up`): expected 22.03 (Sunday) → 20.03; «Срок» stays.
    const su = String(sb.api('speed-up', { order: '1-7' }));
    expect(su).toContain('исполнить не позднее 20.03.2026');
    expect(String(sb.api('speed-up', { order: '1-7' }))).toContain('сегодня уже отправлено');
    expect(
      to(sb.mails, 'ivanov@adm.test').filter((m) => m.subject.startsWith('Напоминание об ускорении')),
    ).toHaveLength(1);
    expect(orderRow(wb, '1-7')[O.deadline]).toBe('2026-03-05');
    sb.setNow(new Date('2026-03-13T12:00:00Z'));
    edit(sb, '1-6', O.status, 'Готово'); // late, with a reason
    edit(sb, '1-6', O.lateReason, 'не было данных от района');
    edit(sb, '1-2', O.status, 'Готово'); // weekly occurrence 1, on time
    n = sb.mails.length;
    day(sb, '2026-03-13');
    // The day before the interim date and before the co-executors' date: one digest each.
    const iv = to(mailsFrom(n), 'ivanov@adm.test');
    expect(iv).toHaveLength(1);
    expect(iv[0].body).toContain('Промежуточный срок: 16.03.2026 (промежуточный срок)');
    const sd = to(mailsFrom(n), 'sidorova@adm.test');
    expect(sd).toHaveLength(1);
    expect(sd[0].body).toContain('Срок соисполнителям: 16.03.2026');
    day(sb, '2026-03-16');
    expect(orderRow(wb, '1-2')[O.deadline]).toBe('2026-03-20');
    n = sb.mails.length;
    day(sb, '2026-03-17');
    // 1-5: 2 working days for the reason are over (13, 16) → a problem; 1-4's interim date passed without a note.
    expect(problemText()).toMatch(
      /Исполнено 12\.03\.2026 — позже срока 11\.03\.2026, а причина нарушения срока не указана/,
    );
    expect(problemText()).toMatch(
      /Промежуточный срок 16\.03\.2026 \(промежуточный срок\) прошёл, а записи о ходе исполнения после 02\.03\.2026 нет/,
    );
    expect(problemText()).not.toMatch(/12\.03\.2026 — позже срока 12\.03/);
    expect(to(mailsFrom(n), 'sidorova@adm.test')[0]?.body).toContain('Срок соисполнителям 16.03.2026 прошёл');
    expect(to(mailsFrom(n), 'control@adm.test')).toHaveLength(1); // the problems' line
    sb.setNow(new Date('2026-03-19T12:00:00Z'));
    edit(sb, '1-8', O.status, 'Готово');
    day(sb, '2026-03-19');
    sb.setNow(new Date('2026-03-23T12:00:00Z'));
    edit(sb, '1-2', O.status, 'Готово'); // weekly occurrence 2, late, with a reason
    // Late and no reason yet: typed in the sheet, the roll-over waits for it (rules/periodic.ts).
    expect(orderRow(wb, '1-2')).toMatchObject({ [O.deadline]: '2026-03-20', [O.status]: 'Готово' });
    edit(sb, '1-2', O.lateReason, 'паводок, выезд на место');
    expect(String(orderRow(wb, '1-2')[O.history])).toContain(
      '23.03.2026: исполнено повторение со сроком 20.03.2026, дата исполнения 23.03.2026, причина нарушения срока: паводок, выезд на место; следующий срок 27.03.2026',
    );
    day(sb, '2026-03-23');
    day(sb, '2026-03-24');
    expect(orderRow(wb, '1-2')).toMatchObject({
      [O.deadline]: '2026-03-27',
      [O.status]: 'В процессе 0',
      [O.lateReason]: '',
    });
    sb.setNow(new Date('2026-03-27T12:00:00Z'));
    edit(sb, '1-2', O.status, 'Готово'); // the last occurrence: closes as usual
    day(sb, '2026-03-27');
    sb.setNow(new Date('2026-03-30T12:00:00Z'));
    edit(sb, '1-4', O.status, 'Готово');
    day(sb, '2026-03-30');
    expect(orderRow(wb, '1-2')).toMatchObject({
      [O.deadline]: '2026-03-27',
      [O.status]: 'Готово',
      [O.state]: 'Исполнено в срок',
    });
    // Escalation went once in the whole month.
    expect(sb.mails.filter((m) => m.subject.startsWith('Просроченные поручения'))).toHaveLength(1);

    // The month's report through `kontrol` on the saved workbook, generated 01.04.2026.
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-between-'));
    const file = join(dir, 'Контроль.xlsx');
    await saveXlsx(wb, file);
    await inProcess().ok('run', 'report-execution', file, '--period', '2026-03', '--today', '2026-04-01');
    const rep = sheet(await loadXlsx(file), TAB.reportExecution);
    const main = tableOf(rep, 'Исполнитель');
    const fig = main.rows.map((r) => r.slice(0, 11).map((c) => (typeof val(c) === 'number' ? val(c) : String(val(c)))));
    // Hand-worked (spec «Отчёт: исполнение»; each occurrence in the period it was due):
    //   Иванов: 1-4 on time, 1-7 overdue (the speed-up does not save it)          → 1 of 2 = 50,0 %
    //   Петров: 1-1 (06.03) on time, 1-5 late, 1-8 on time                        → 2 of 3 = 66,7 %
    //   Сидорова: 1-2 13.03 on time, 20.03 late, 27.03 on time; 1-6 late          → 2 of 4 = 50,0 %
    //   Итого 9: 5 on time, 3 late, 1 overdue                                      → 5 of 9 = 55,6 %
    expect(fig.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[10]])).toEqual([
      ['Иванов И.И.', 2, 1, 0, 1, 0, 0.5],
      ['Петров П.П.', 3, 2, 1, 0, 0, 0.667],
      ['Сидорова С.С.', 4, 2, 2, 0, 0, 0.5],
      ['Итого', 9, 5, 3, 1, 0, 0.556],
    ]);
    const late = tableOf(rep, '№', main.headerRow + main.rows.length + 1);
    const lateTable = (() => {
      // The table under the caption «Исполнено с нарушением срока».
      const i = rep.cells.findIndex((r) => val(r?.[0]) === 'Исполнено с нарушением срока');
      return tableOf(rep, '№', i + 1);
    })();
    expect(late).toBeDefined();
    expect(lateTable.header.map((c) => val(c))).toEqual([
      '№',
      'Исполнитель',
      'Срок',
      'Исполнено',
      'Просрочка, раб. дн.',
      'Причина нарушения срока',
    ]);
    expect(lateTable.rows.map((r) => r.slice(0, 6).map((c) => String(val(c))))).toEqual([
      ['1-5', 'Петров П.П.', '11.03.2026', '12.03.2026', '1', 'не указана'],
      ['1-6', 'Сидорова С.С.', '12.03.2026', '13.03.2026', '1', 'не было данных от района'],
      ['1-2 (срок 20.03.2026)', 'Сидорова С.С.', '20.03.2026', '23.03.2026', '1', 'паводок, выезд на место'],
    ]);
  }, 60_000);
});
