// «Мои поручения» lists the person's citizens' appeals (spec «Мои поручения»: «lists the person's
// open orders … and appeals») with «Принятые меры» and «Дата ответа» as actions; an interim answer
// keeps the appeal open (003 п.119), «Дата ответа» closes it; a changed row is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { TAB } from '../../src/workbook/schema';
import { appealOf } from '../e2e/appeals-helpers';
import { at } from '../e2e/orders-helpers';
import { buildBook, IVANOV, TODAY, XSS } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const d = (iso: string): DemoValue => ({ date: iso });

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

interface Item {
  number: string;
  version: string;
  state: string;
  onBehalfOf: string;
  measures: string;
}
const load = (sb: Sandbox, token: string) =>
  (sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as { data: { lists: { appeals: Item[] } } }).data.lists
    .appeals;
const submit = (sb: Sandbox, token: string, action: Record<string, unknown>) =>
  sb.invoke('myOrdersSubmit', [{ token, action: { kind: 'appeal', ...action } }], { trigger: 'webapp' }) as {
    ok: boolean;
    message: string;
    data: { lists: { appeals: Item[] } };
  };

describe('appeals on «Мои поручения»', () => {
  // 70 more of Сидорова's: «Обращения» past 60 rows is no longer read whole, only Иванов's rows
  // (found by TextFinder, issue 23) — the same list, the same versions as the submit reads.
  for (const others of [0, 70])
    it(`lists own and substituted appeals, saves measures (interim), then «Дата ответа» closes it (${others} other appeals)`, () => {
      const { wb } = buildBook();
      appendRows(
        wb,
        TAB.appeals,
        Array.from({ length: others }, (_, i) => ({
          '№': `О-${100 + i}`,
          'Дата регистрации': d('2026-02-20'),
          Заявитель: 'Смирнов',
          Тема: 'Другое',
          Категория: 'ЖКХ',
          Исполнитель: 'Сидорова С.С.',
          Срок: d('2026-03-27'),
        })),
      );
      appendRows(wb, TAB.appeals, [
        {
          '№': 'О-1',
          'Дата регистрации': d('2026-02-20'),
          Заявитель: 'Кузнецова',
          Тема: `${XSS}Яма у школы`,
          Категория: 'Дороги',
          Исполнитель: 'Иванов И.И.',
          Срок: d('2026-03-12'),
        },
        {
          '№': 'О-2',
          'Дата регистрации': d('2026-02-25'),
          Заявитель: 'Орлов',
          Тема: 'Свет во дворе',
          Категория: 'ЖКХ',
          Исполнитель: 'Петров П.П.',
          Срок: d('2026-03-27'),
        },
        {
          '№': 'О-3',
          'Дата регистрации': d('2026-02-25'),
          Заявитель: 'Белов',
          Тема: 'Чужое',
          Категория: 'ЖКХ',
          Исполнитель: 'Сидорова С.С.',
          Срок: d('2026-03-27'),
        },
      ]);
      const sb = createSandbox({
        workbook: wb,
        code,
        now: at(TODAY),
        realElapsed: false,
        webAppUrl: 'http://127.0.0.1:8080/',
      });
      const token = tokenFor(sb, IVANOV);
      let list = load(sb, token);
      expect(list.map((x) => [x.number, x.state, x.onBehalfOf])).toEqual([
        ['О-1', 'Срок наступает', ''],
        ['О-2', 'На рассмотрении', 'Петров П.П.'],
      ]);
      const v1 = list[0].version;
      let r = submit(sb, token, { number: 'О-1', version: v1, measures: 'Подрядчик выехал, ремонт 15.03' });
      expect(r.ok, r.message).toBe(true);
      expect(r.message).toContain('промежуточный ответ не снимает обращение с контроля');
      expect(appealOf(wb, 'О-1')[APPEAL_COL.measures]).toBe('Подрядчик выехал, ремонт 15.03');
      expect(String(appealOf(wb, 'О-1')[APPEAL_COL.history])).toContain('принятые меры записаны через страницу');
      list = r.data.lists.appeals;
      expect(list.map((x) => x.number)).toEqual(['О-1', 'О-2']);
      // The old version is refused: the row changed.
      expect(submit(sb, token, { number: 'О-1', version: v1, answerDate: '10.03.2026' }).ok).toBe(false);
      // Bad dates are refused with a Russian message.
      const v2 = list[0].version;
      expect(submit(sb, token, { number: 'О-1', version: v2, answerDate: '11.03.2026' }).message).toContain(
        'позже сегодняшнего',
      );
      expect(submit(sb, token, { number: 'О-1', version: v2, answerDate: 'завтра' }).message).toContain('ДД.ММ.ГГГГ');
      r = submit(sb, token, { number: 'О-1', version: v2, answerDate: '10.03.2026' });
      expect(r.ok, r.message).toBe(true);
      expect(appealOf(wb, 'О-1')[APPEAL_COL.answerDate]).toBe('2026-03-10');
      expect(r.data.lists.appeals.map((x) => x.number)).toEqual(['О-2']);
      // Not hers: Сидорова's appeal cannot be changed by Иванов.
      expect(submit(sb, token, { number: 'О-3', version: 'x', measures: 'м' }).message).toContain('не ваше');
      // «Журнал» records who did it, «через страницу».
      const journal = JSON.stringify(wb.sheets.find((s) => s.name === TAB.log)?.cells);
      expect(journal).toContain('дата ответа 10.03.2026 — через страницу');
    });
});
