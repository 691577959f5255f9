// «Обращения» through the built bundle in the sandbox: «Настроить таблицу» makes the tab, the daily
// check fills blank «Срок» (003 п.113), computes «Повторное», «Состояние», «История», and puts the
// appeals due soon (003 п.117: 3 working days before) or overdue into the executor's ONE daily
// e-mail, each once (keys in «Журнал»), an interim answer keeping the appeal open (003 п.119).
import { describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import { TAB } from '../../src/workbook/schema';
import { appealOf, appealProblems } from './appeals-helpers';
import { appendRows, d, day, header, makeBook, rowsOf, setSetting, sheetOf } from './orders-helpers';

describe('«Обращения» made by «Настроить таблицу»', () => {
  it('headers of the spec, dropdowns, dates, system columns, settings', () => {
    const { wb } = makeBook('2026-02-02');
    expect(header(wb, TAB.appeals)).toEqual([
      '№',
      'Дата регистрации',
      'Заявитель',
      'Адрес',
      'Канал',
      'Тема',
      'Категория',
      'Требует изучения',
      'Исполнитель',
      'Срок',
      'Продлено до',
      'Принятые меры',
      'Дата ответа',
      'Результат',
      'Повторное',
      'Состояние',
      'История',
    ]);
    const s = sheetOf(wb, TAB.appeals);
    const rules = JSON.stringify(s.validations ?? s);
    expect(rules).toContain('Добродел');
    expect(rules).toContain('Не поддержано');
    // Rows coloured by «Состояние» (column P), as «Поручения» are.
    const formats = JSON.stringify(s.conditionalFormats);
    expect(formats).toContain('=$P2=\\"Просрочено\\"');
    expect(formats).toContain('=$P2=\\"Продлено\\"');
    expect(s.conditionalFormats).toHaveLength(5);
    const settings = rowsOf(wb, TAB.settings).map((r) => [r['Параметр'], r['Значение']]);
    expect(settings).toContainEqual(['Срок ответа на обращение, дней', 30]);
    expect(settings).toContainEqual(['Срок ответа без дополнительного изучения, дней', 15]);
    expect(settings).toContainEqual(['Напоминать об обращении за, рабочих дней', 3]);
  });
});

describe('appeals in the daily check', () => {
  it('fills «Срок», marks repeats, reminds and tells overdue once, in the one daily e-mail', () => {
    const { sb, wb } = makeBook('2026-02-02');
    setSetting(wb, 'Напоминать за, рабочих дней', 1);
    setSetting(wb, 'Получатели сводки', 'glava@adm.test');
    appendRows(wb, TAB.orders, [
      { '№': '1', Поручение: 'Отчёт', Исполнитель: 'Иванов И.И.', Срок: d('2026-03-03'), Статус: 'Список дел' },
    ]);
    appendRows(wb, TAB.appeals, [
      {
        '№': 'О-1',
        'Дата регистрации': d('2026-02-02'),
        Заявитель: 'Кузнецова А.А.',
        Адрес: 'ул. Ленина, 1',
        Канал: 'письмо',
        Тема: 'Яма во дворе',
        Категория: 'Дороги',
        'Требует изучения': 'Да',
        Исполнитель: 'Иванов И.И.',
        'Принятые меры': 'Запрошена информация у подрядчика',
      },
      {
        '№': 'О-2',
        'Дата регистрации': d('2026-02-02'),
        Заявитель: 'Орлов О.О.',
        Тема: 'Справка о составе семьи',
        Категория: 'Документы',
        'Требует изучения': 'Нет',
        Исполнитель: 'Петров П.П.',
      },
      {
        '№': 'О-3',
        'Дата регистрации': d('2026-02-02'),
        Заявитель: 'кузнецова а.а.',
        Тема: 'Та же яма',
        Категория: 'Дороги',
        Исполнитель: 'Иванов И.И.',
      },
    ]);
    day(sb, '2026-02-02');
    expect(appealOf(wb, 'О-1')[APPEAL_COL.deadline]).toBe('2026-03-04');
    expect(appealOf(wb, 'О-2')[APPEAL_COL.deadline]).toBe('2026-02-17');
    // Sent again before О-1 was answered: a duplicate joining О-1, with its term (003 п.99, round 3).
    expect(appealOf(wb, 'О-3')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-1)');
    expect(appealOf(wb, 'О-3')[APPEAL_COL.deadline]).toBe('2026-03-04');
    expect(appealOf(wb, 'О-1')[APPEAL_COL.repeated]).toBe('');
    expect(appealOf(wb, 'О-1')[APPEAL_COL.state]).toBe('На рассмотрении');
    expect(String(appealOf(wb, 'О-1')[APPEAL_COL.history])).toContain('срок ответа заполнен: 04.03.2026');
    expect(sb.mails.filter((m) => m.subject.startsWith('Обращения'))).toEqual([]);

    // 12.02: three working days before 17.02 → Петров reminded, once.
    day(sb, '2026-02-12');
    const m1 = sb.mails.filter((m) => m.to === 'petrov@adm.test');
    expect(m1.map((m) => m.subject)).toEqual(['Обращения: 1 — срок наступает']);
    expect(m1[0].body).toContain('Обращение № О-2. Справка о составе семьи');
    expect(m1[0].body).toContain('Срок ответа: 17.02.2026');
    day(sb, '2026-02-13');
    expect(sb.mails.filter((m) => m.to === 'petrov@adm.test')).toHaveLength(1);
    expect(appealOf(wb, 'О-2')[APPEAL_COL.state]).toBe('Срок наступает');
    expect(String(appealOf(wb, 'О-2')[APPEAL_COL.history])).toContain(
      '12.02.2026: напоминание о сроке ответа отправлено: Петров П.П. <petrov@adm.test>',
    );

    // 18.02: overdue on the first run after; 19.02 nothing again.
    day(sb, '2026-02-18');
    day(sb, '2026-02-19');
    const m2 = sb.mails.filter((m) => m.to === 'petrov@adm.test');
    expect(m2.map((m) => m.subject)).toEqual(['Обращения: 1 — срок наступает', 'Обращения: 1 просрочено']);
    expect(appealOf(wb, 'О-2')[APPEAL_COL.state]).toBe('Просрочено');

    // 27.02: three working days before 04.03 — Иванов's appeal О-1 (its duplicate О-3 rides with
    // it, no notice of its own); on 02.03 only his order (due 03.03, reminded 1 working day
    // before): the appeal was reminded already.
    const before = sb.mails.length;
    day(sb, '2026-02-27');
    const iv = sb.mails.slice(before).filter((m) => m.to === 'ivanov@adm.test');
    expect(iv.map((m) => m.subject)).toEqual(['Обращения: 1 — срок наступает']);
    // The weekly summary for 16.02–22.02 (caught up on 27.02: no run since the Monday) has its
    // section «Обращения»: О-2 was due 17.02 and is not answered (003 п.117 «в розрізі виконавців»).
    const week = sb.mails.find((m) => m.to === 'glava@adm.test' && m.subject.includes('неделя 8'));
    expect(week?.body).toContain('Обращения граждан со сроком ответа в этом периоде:');
    expect(week?.body).toContain('— Петров П.П.: в срок — 0, с нарушением срока — 0, просрочено — 1');
    expect(week?.htmlBody).toContain('<h3>Обращения</h3>');
    const b2 = sb.mails.length;
    day(sb, '2026-03-02');
    const iv2 = sb.mails.slice(b2).filter((m) => m.to === 'ivanov@adm.test');
    expect(iv2).toHaveLength(1);
    expect(iv2[0].subject).toBe('Поручения: 1 — срок наступает');
    // Interim answer: О-1 has «Принятые меры», no «Дата ответа» → still overdue after 04.03 (003 п.119);
    // its duplicate О-3 reads the same.
    const b3 = sb.mails.length;
    day(sb, '2026-03-05');
    expect(appealOf(wb, 'О-1')[APPEAL_COL.state]).toBe('Просрочено');
    expect(appealOf(wb, 'О-3')[APPEAL_COL.state]).toBe('Просрочено');
    const iv3 = sb.mails.slice(b3).filter((m) => m.to === 'ivanov@adm.test');
    expect(iv3.map((m) => m.subject)).toEqual(['Поручения: 1 просрочено; обращения: 1 просрочено']);
    expect(iv3[0].body).toContain('Обращения: срок ответа истёк (1):');
    const journal = rowsOf(wb, TAB.log).flatMap((r) => String(r['Ключ']).split('\n'));
    expect(journal).toContain('appeal-overdue:О-1:2026-03-04');
    expect(journal).not.toContain('appeal-overdue:О-3:2026-03-04');
  });

  it('every bad input is a row in «Проверка данных» and the run goes on', () => {
    const { sb, wb } = makeBook('2026-03-02');
    appendRows(wb, TAB.appeals, [
      {
        '№': 'О-1',
        'Дата регистрации': 'вчера',
        Заявитель: 'А',
        Тема: 'т',
        Категория: 'к',
        Канал: 'голубь',
        'Требует изучения': 'может быть',
        Исполнитель: 'Неизвестный Н.Н.',
        Срок: 'скоро',
        'Продлено до': '31.02.2026',
        'Дата ответа': 'никогда',
        Результат: 'Отказано',
      },
      {
        '№': 'О-1',
        'Дата регистрации': d('2026-03-10'),
        Срок: d('2026-03-01'),
        'Продлено до': d('2026-02-27'),
        'Дата ответа': d('2026-03-05'),
      },
      { Заявитель: 'Б', 'Дата регистрации': d('2026-02-20'), Результат: 'Разъяснено', Исполнитель: 'Петров П.П.' },
    ]);
    const msg = day(sb, '2026-03-02');
    expect(msg).toContain('Ежедневная проверка');
    const probs = appealProblems(wb);
    for (const p of [
      '2 Дата регистрации',
      '2 Канал',
      '2 Требует изучения',
      '2 Исполнитель',
      '2 Срок',
      '2 Продлено до',
      '2 Дата ответа',
      '2 Результат',
      '3 №',
      '3 Дата регистрации',
      '3 Заявитель',
      '3 Тема',
      '3 Категория',
      '3 Исполнитель',
      '3 Срок',
      '3 Продлено до',
      '3 Дата ответа',
      '4 №',
      '4 Результат',
    ])
      expect(probs).toContain(p);
    // Nothing people wrote was changed: the unreadable «Срок» stays as typed.
    expect(appealOf(wb, 'О-1')[APPEAL_COL.deadline]).toBe('скоро');
  });
});
