// «Отчёт: обращения» (004 Приложение 1 «Отчёт 1») through the bundle: the four groups side by side
// as in the form, the category table with the index, and the emergency mail (004 п.1.3: index
// above 3,00) to «Получатели сводки» once per category and day, whoever generates the report.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { TAB } from '../../src/workbook/schema';
import { appendRows, d, makeBook, setSetting, sheetOf, val } from './orders-helpers';

describe('«Отчёт: обращения»', () => {
  it('form of «Отчёт 1», index, «аварийная ситуация» mailed once; the previous working day by default', () => {
    const { sb, wb } = makeBook('2026-03-17');
    setSetting(wb, 'Получатели сводки', 'glava@adm.test');
    const rows = [];
    for (let i = 1; i <= 28; i++)
      rows.push({
        '№': `И-${i}`,
        'Дата регистрации': d(addDays('2026-03-16', -i)),
        Заявитель: `Ж${i}`,
        Тема: 'т',
        Категория: 'Дороги',
        Исполнитель: 'Иванов И.И.',
        'Принятые меры': 'ответ',
        'Дата ответа': d(addDays('2026-03-16', -i)),
      });
    for (let i = 1; i <= 4; i++)
      rows.push({
        '№': `Д-${i}`,
        'Дата регистрации': d('2026-03-16'),
        Заявитель: i === 4 ? 'Ж1' : `Водитель ${i}`,
        Адрес: 'Можайское ш., 10',
        Тема: 'Провал дороги',
        Категория: 'Дороги',
        Исполнитель: 'Иванов И.И.',
        'Принятые меры': i === 1 ? 'Выставлено ограждение' : '',
      });
    appendRows(wb, TAB.appeals, rows);
    const msg = String(sb.api('report-appeals'));
    expect(msg).toContain('за 16.03.2026');
    expect(msg).toContain('аварийная ситуация: «Дороги»');
    const cells = sheetOf(wb, TAB.reportAppeals).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    const flat = cells.flat();
    expect(flat).toContain('Новые — 3 (+2)');
    expect(flat).toContain('Повторные — 1 (+1)');
    expect(flat).toContain('№ Д-1: Провал дороги, Можайское ш., 10');
    expect(flat).toContain('Выставлено ограждение');
    const cat = cells.find((r) => r[0] === 'Дороги');
    expect(cat?.slice(0, 5)).toEqual(['Дороги', '4', '1', '4', 'аварийная ситуация']);
    expect(sb.mails.map((m) => `${m.to} | ${m.subject}`)).toEqual([
      'glava@adm.test | Аварийная ситуация: «Дороги» — индекс 4,00 за 16.03.2026',
    ]);
    expect(sb.mails[0].body).toContain('поступило обращений: 4');
    // Again, and from the daily check the same morning: no second mail for the same category and day.
    sb.api('report-appeals', { date: '2026-03-16' });
    sb.api('daily');
    expect(sb.mails.filter((m) => m.subject.startsWith('Аварийная'))).toHaveLength(1);
    // A day with no emergency, chosen by date.
    expect(String(sb.api('report-appeals', { date: '2026-03-10' }))).not.toContain('аварийная');
    expect(() => sb.api('report-appeals', { date: '16.03.2026' })).toThrow(/ГГГГ-ММ-ДД/);
  });
});
