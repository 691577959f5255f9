// Three weeks of working days (02.03–20.03.2026, with 09.03 off: 08.03 falls on Sunday, decree
// No. 1466) through the built bundle in the sandbox: `api('daily')` each morning, people's edits
// through onEdit. Asserts which mails went to whom each day, the states, system columns,
// «История», «Журнал» and the moves to «Архив». Rules: 000 п.7–14, 001 гл.7 п.2.2.18, гл.8 п.2.4.2.
import { describe, expect, it } from 'vitest';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { appendRows, d, day, edit, makeBook, orderRow, rowsOf } from './orders-helpers';

describe('three-week walk (000 п.7–14)', () => {
  it('mails, states, extensions, return, archive', () => {
    const { sb, wb } = makeBook('2026-03-02');
    appendRows(wb, TAB.protocols, [
      { '№': '7', Дата: d('2026-03-02'), Совещание: 'оперативное', Председатель: 'Глава' },
    ]);
    appendRows(wb, TAB.orders, [
      {
        '№': '7-1',
        Протокол: '7',
        Поручение: 'Отчёт о ремонте дорог',
        Исполнитель: 'Иванов И.И.',
        Соисполнители: 'Петров П.П.',
        Срок: d('2026-03-06'),
        Статус: 'Список дел',
      },
      {
        '№': '7-2',
        Протокол: '7',
        Поручение: 'План по весеннему паводку',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-09'),
        Статус: 'Список дел',
      },
      {
        Протокол: '7',
        Поручение: 'Срочная справка <по школам>',
        Исполнитель: 'Сидорова С.С.',
        Срочность: 'Срочно',
        Статус: 'Список дел',
      },
      {
        '№': '7-4',
        Протокол: '7',
        Поручение: 'Проект постановления',
        Исполнитель: 'Иванов И.И.',
        Срок: d('2026-03-13'),
        Статус: 'Список дел',
      },
      {
        '№': '7-5',
        Протокол: '7',
        Поручение: 'Сверка реестра',
        Исполнитель: 'Петров П.П.',
        Срок: d('2026-03-16'),
        Статус: 'Список дел',
      },
      {
        '№': '7-6',
        Протокол: '7',
        Поручение: 'Ответ прокуратуре',
        Исполнитель: 'Сидорова С.С.',
        Срок: d('2026-03-11'),
        Статус: 'Список дел',
      },
    ]);
    const log: string[] = [];
    let seen = 0;
    const run = (iso: string) => {
      const r = day(sb, iso);
      for (const m of sb.mails.slice(seen)) log.push(`${iso} ${m.to} | ${m.subject}`);
      seen = sb.mails.length;
      return r;
    };
    const edits: Record<string, () => void> = {
      '2026-03-03': () => {
        edit(sb, '7-4', ORDER_COL.requestedDate, d('2026-03-20'));
        edit(sb, '7-4', ORDER_COL.requestReason, 'ждём заключение юристов');
      },
      '2026-03-04': () => {
        edit(sb, '7-4', ORDER_COL.decision, 'Согласован');
        edit(sb, '7-3', ORDER_COL.status, 'Готово');
      },
      '2026-03-05': () => edit(sb, '7-1', ORDER_COL.status, 'В процессе 50'),
      '2026-03-10': () => edit(sb, '7-6', ORDER_COL.status, 'Готово'),
      '2026-03-11': () => edit(sb, '7-6', ORDER_COL.status, 'На доработке'),
      '2026-03-12': () => edit(sb, '7-5', ORDER_COL.requestedDate, d('2026-03-27')),
      '2026-03-13': () => {
        edit(sb, '7-5', ORDER_COL.decision, 'Отклонён');
        edit(sb, '7-6', ORDER_COL.status, 'Готово');
      },
    };
    const results: Record<string, string> = {};
    for (let i = 2; i <= 20; i++) {
      const iso = `2026-03-${String(i).padStart(2, '0')}`;
      sb.setNow(new Date(`${iso}T04:00:00Z`));
      edits[iso]?.();
      results[iso] = run(iso);
    }
    // Mails with orders in them (the controller's problem-only digests depend on other tabs' checks).
    expect(log.filter((l) => !/^\S+ \S+ \| Поручения: \d+ проблем\S* в данных$/.test(l))).toEqual([
      '2026-03-02 ivanov@adm.test | Поручения: 2 новых', // 7-1, 7-4 (000 п.8)
      '2026-03-02 petrov@adm.test | Поручения: 3 новых', // 7-2, 7-5, and 7-1 as co-executor
      '2026-03-02 sidorova@adm.test | Поручения: 2 новых', // 7-3 (№ and «Срок» filled), 7-6
      '2026-03-03 control@adm.test | Поручения: 1 запрос переноса', // 7-4 (000 п.11); the standing problem was mailed on 02.03 and has not changed
      // Issue 25 item 2: the executor hears the controller's decision the run after it (000 п.11–12).
      '2026-03-04 ivanov@adm.test | Поручения: 1 решение по поручению', // 7-4 approved to 20.03
      '2026-03-05 ivanov@adm.test | Поручения: 1 — срок наступает', // 7-1 due Fri 06.03 (000 п.10)
      '2026-03-05 petrov@adm.test | Поручения: 1 — срок наступает', // 7-2: 09.03 off → due 06.03 (001 гл.8 п.2.4.2)
      '2026-03-10 ivanov@adm.test | Поручения: 1 просрочено', // first run after 06.03
      '2026-03-10 petrov@adm.test | Поручения: 1 просрочено',
      '2026-03-11 sidorova@adm.test | Поручения: 1 — срок наступает, 1 решение по поручению', // 7-6 returned (000 п.14), due today
      '2026-03-12 control@adm.test | Поручения: 1 запрос переноса, 2 проблемы в данных', // 7-5 late request
      '2026-03-12 sidorova@adm.test | Поручения: 1 просрочено',
      '2026-03-13 petrov@adm.test | Поручения: 1 — срок наступает, 1 решение по поручению', // 7-5 due Mon 16.03; its extension refused
      '2026-03-17 petrov@adm.test | Поручения: 1 просрочено',
      '2026-03-19 ivanov@adm.test | Поручения: 1 — срок наступает', // 7-4 after extension to 20.03
    ]);
    expect(results['2026-03-09']).toMatch(/нерабочий день/);
    const o1 = orderRow(wb, '7-1');
    expect([o1[ORDER_COL.state], o1[ORDER_COL.overdueDays]]).toEqual(['Просрочено', 9]);
    const o4 = orderRow(wb, '7-4');
    expect([
      o4[ORDER_COL.deadline],
      o4[ORDER_COL.originalDeadline],
      o4[ORDER_COL.extensions],
      o4[ORDER_COL.requestedDate],
      o4[ORDER_COL.decision],
    ]).toEqual(['2026-03-20', '2026-03-13', 1, '', '']);
    expect(String(o4[ORDER_COL.history])).toContain(
      '04.03.2026: перенос срока согласован: с 13.03.2026 на 20.03.2026 (обоснование: ждём заключение юристов)',
    );
    const o5 = orderRow(wb, '7-5');
    expect([o5[ORDER_COL.deadline], o5[ORDER_COL.extensions], o5[ORDER_COL.requestedDate]]).toEqual([
      '2026-03-16',
      0,
      '',
    ]);
    expect(String(o5[ORDER_COL.history])).toContain('13.03.2026: перенос срока на 27.03.2026 отклонён');
    // Archive: 7-3 done 04.03 → 12.03, 7-6 done again 13.03 → 20.03 (000 п.14: 5 working days).
    const a3 = orderRow(wb, '7-3', TAB.archive);
    expect([a3[ORDER_COL.protocol], a3[ORDER_COL.deadline], a3[ORDER_COL.state], a3['Дата архивации']]).toEqual([
      '7',
      '2026-03-05',
      'Исполнено в срок',
      '2026-03-12',
    ]);
    const a6 = orderRow(wb, '7-6', TAB.archive);
    expect([a6[ORDER_COL.returns], a6[ORDER_COL.state], a6['Дата архивации']]).toEqual([
      1,
      'Исполнено с нарушением срока',
      '2026-03-20',
    ]);
    expect(String(a6[ORDER_COL.history])).toContain(
      '11.03.2026: возвращено на доработку (снята дата исполнения 10.03.2026)',
    );
    expect(rowsOf(wb, TAB.orders).length + rowsOf(wb, TAB.archive).length).toBe(6);
    // «Журнал» holds each sent notice's key.
    const keys = rowsOf(wb, TAB.log)
      .flatMap((r) => String(r.Ключ).split('\n'))
      .filter(Boolean);
    for (const k of [
      'new:7-1',
      'new:7-1:соисп:Петров П.П.',
      'remind:7-1:2026-03-06',
      'overdue:7-1:2026-03-06',
      'ext:7-4:2026-03-20',
      'remind:7-4:2026-03-20',
    ])
      expect(keys).toContain(k);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
