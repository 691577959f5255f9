// Appeals, exactly (product.md «Round 3 additions», issue #20 items 9–12), through the built bundle:
// a repeat only after an answer and a duplicate before one (003 п.99, п.102), «Отчёт 1» for every
// calendar day — a weekend reported by Monday (004 п.2.2.1.1 «за предыдущие сутки»), a new category's
// spike judged against a zero baseline (004 п.1.3; README «Индекс новой категории»), and «Срок ответа
// на обращение» of «1 месяц» (003 п.113 «не більше одного місяця від дня їх надходження»).
import { describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import { addDays } from '../../src/domain/dates';
import type { DemoValue } from '../../src/local/demo/util';
import { TAB } from '../../src/workbook/schema';
import { appealOf } from './appeals-helpers';
import { appendRows, d, day, makeBook, setSetting, sheetOf, val } from './orders-helpers';

const appeal = (n: string, reg: string, applicant: string, category: string, more: Record<string, DemoValue> = {}) => ({
  '№': n,
  'Дата регистрации': d(reg),
  Заявитель: applicant,
  Тема: 'т',
  Категория: category,
  Исполнитель: 'Иванов И.И.',
  ...more,
});

describe('appeals, exactly (issue #20 items 9–12)', () => {
  it('repeat after an answer, duplicate before one, «1 месяц», a weekend and a new category reported by Monday', () => {
    const { sb, wb } = makeBook('2026-03-13');
    setSetting(wb, 'Получатели сводки', 'glava@adm.test');
    setSetting(wb, 'Срок ответа на обращение, дней', '1 месяц');
    // Background «Дороги»: one a day 17.02–13.03 (answered the same day), then Кузнецова's three.
    const bg = [];
    for (let i = 2; i <= 26; i++) {
      const r = addDays('2026-03-15', -i);
      bg.push(appeal(`Ф-${i}`, r, `Житель ${i}`, 'Дороги', { 'Дата ответа': d(r) }));
    }
    appendRows(wb, TAB.appeals, [
      ...bg,
      appeal('О-1', '2026-03-02', 'Кузнецова А.А.', 'Дороги', { 'Дата ответа': d('2026-03-10') }),
      appeal('О-2', '2026-03-12', 'Кузнецова А.А.', 'Дороги'),
      appeal('О-3', '2026-03-13', 'кузнецова а.а.', 'Дороги'),
    ]);
    day(sb, '2026-03-13');
    // 003 п.99/п.102: О-2 came after О-1 was answered (10.03) — «Повторное»; О-3 came while О-2 is
    // open — «Дублирующее», joining О-2: the same term, the same state. Before: О-2 and О-3 both «Да».
    expect(appealOf(wb, 'О-2')[APPEAL_COL.repeated]).toBe('Да');
    expect(appealOf(wb, 'О-3')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-2)');
    // «1 месяц» (003 п.113): 12.03 + 1 month = 12.04.2026, a Sunday → Friday 10.04.2026.
    expect(appealOf(wb, 'О-2')[APPEAL_COL.deadline]).toBe('2026-04-10');
    expect(String(appealOf(wb, 'О-2')[APPEAL_COL.history])).toContain(
      'срок ответа заполнен: 10.04.2026 (1 мес. от регистрации)',
    );
    expect(appealOf(wb, 'О-3')[APPEAL_COL.deadline]).toBe('2026-04-10');
    expect(String(appealOf(wb, 'О-3')[APPEAL_COL.history])).toContain(
      'дублирующее: присоединено к обращению № О-2 (срок ответа — 10.04.2026)',
    );

    // The weekend: twelve «Отопление» (none before) and one «Связь» on Saturday; ten «Дороги» on
    // Sunday against 28 in the 28 days before (average 1,00).
    appendRows(wb, TAB.appeals, [
      appeal('Ф-1', '2026-03-14', 'Житель 1', 'Дороги', { 'Дата ответа': d('2026-03-14') }),
      ...Array.from({ length: 12 }, (_, i) => appeal(`Т-${i + 1}`, '2026-03-14', `Жилец ${i + 1}`, 'Отопление')),
      appeal('С-1', '2026-03-14', 'Абонент', 'Связь'),
      ...Array.from({ length: 10 }, (_, i) => appeal(`Д-${i + 1}`, '2026-03-15', `Водитель ${i + 1}`, 'Дороги')),
    ]);
    const before = sb.mails.length;
    // Before the fix, Monday's «Отчёт 1» covered Friday 13.03 only: no emergency, the weekend never seen.
    const monday = day(sb, '2026-03-16');
    expect(monday).toContain('Ежедневная проверка');
    const cells = sheetOf(wb, TAB.reportAppeals).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    expect(cells[0][0]).toBe('Отчёт: обращения — оперативная информация за 13.03.2026–15.03.2026');
    const captions = cells.map((r) => r[0]).filter((x) => x.startsWith('По категориям'));
    expect(captions).toEqual([
      'По категориям — 13.03.2026',
      'По категориям — 14.03.2026',
      'По категориям — 15.03.2026',
    ]);
    const catRow = (after: string, name: string) => {
      const from = cells.findIndex((r) => r[0] === `По категориям — ${after}`);
      return cells
        .slice(from)
        .find((r) => r[0] === name)
        ?.slice(0, 5);
    };
    // 14.03: a new category of twelve is an emergency (12 ÷ 1,00); a single first «Связь» is not.
    expect(catRow('14.03.2026', 'Отопление')).toEqual(['Отопление', '12', '0', '12', 'аварийная ситуация']);
    expect(catRow('14.03.2026', 'Связь')).toEqual(['Связь', '1', '0', '1', 'штатный режим (нет обращений за 28 дней)']);
    // 15.03: ten «Дороги»; the 28 days before hold Ф-1…Ф-26, О-1, О-2 (О-3 joins О-2): 28 → 1,00 a day.
    expect(catRow('15.03.2026', 'Дороги')).toEqual(['Дороги', '10', '1', '10', 'аварийная ситуация']);
    // Friday 13.03: Ф-2 alone (О-3 is a duplicate and counts with О-2).
    expect(catRow('13.03.2026', 'Дороги')?.slice(0, 2)).toEqual(['Дороги', '1']);
    // Groups per day: 13.03 Ф-2 new, О-3 joins О-2 (not a repeat of the day); 14.03 Ф-1, twelve
    // «Отопление», «Связь»; 15.03 ten «Дороги».
    expect(cells.filter((r) => r[0].startsWith('Новые')).map((r) => `${r[0]} | ${r[2]}`)).toEqual([
      'Новые — 1 (0) | Повторные — 0 (−1)',
      'Новые — 14 (+13) | Повторные — 0 (0)',
      'Новые — 10 (−4) | Повторные — 0 (0)',
    ]);
    expect(
      sb.mails
        .slice(before)
        .filter((m) => m.subject.startsWith('Аварийная'))
        .map((m) => `${m.to} | ${m.subject}`),
    ).toEqual([
      'glava@adm.test | Аварийная ситуация: «Отопление» — индекс 12,00 за 14.03.2026',
      'glava@adm.test | Аварийная ситуация: «Дороги» — индекс 10,00 за 15.03.2026',
    ]);
    // Tuesday: Monday alone; no emergency mailed again.
    const n = sb.mails.length;
    day(sb, '2026-03-17');
    expect(sheetOf(wb, TAB.reportAppeals).cells[0][0]?.v).toBe(
      'Отчёт: обращения — оперативная информация за 16.03.2026',
    );
    expect(sb.mails.slice(n).filter((m) => m.subject.startsWith('Аварийная'))).toEqual([]);

    // О-2 answered on 17.03; Кузнецова writes again on 18.03: now a repeat, no longer a duplicate.
    const s = sheetOf(wb, TAB.appeals);
    const h = (s.cells[0] ?? []).map((c) => String(val(c)));
    const r2 = s.cells.findIndex((r) => String(val(r?.[0])) === 'О-2');
    s.cells[r2][h.indexOf(APPEAL_COL.answerDate)] = { v: { kind: 'date', iso: '2026-03-17' } };
    appendRows(wb, TAB.appeals, [appeal('О-4', '2026-03-18', 'Кузнецова А.А.', 'Дороги')]);
    day(sb, '2026-03-18');
    expect(appealOf(wb, 'О-4')[APPEAL_COL.repeated]).toBe('Да');
    expect(appealOf(wb, 'О-3')[APPEAL_COL.state]).toBe('Отвечено в срок');
    expect(appealOf(wb, 'О-3')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-2)');
  });
});
