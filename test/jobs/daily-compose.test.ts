// The digest of the daily check (spec «Daily check» step 4): one mail per recipient, Russian,
// subject with the counts, every field escaped in HTML, each order with №, text, date, row link.
import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestItem, digestSubject } from '../../src/mail/compose';

const item = (p: Partial<DigestItem>): DigestItem => ({
  kind: 'new',
  number: '7-1',
  text: 'Справка <b>по школам</b> & садам',
  executor: 'Иванов И.И.',
  coExecutors: [],
  deadline: '2026-03-06',
  link: 'https://docs.google.com/spreadsheets/d/x/edit#gid=5&range=A2',
  role: 'executor',
  ...p,
});

describe('digest mail', () => {
  it('subject states the counts', () => {
    const items = [item({}), item({ number: '7-2' }), item({ kind: 'remind' }), item({ kind: 'overdue' })];
    expect(digestSubject(items)).toBe('Поручения: 2 новых, 1 — срок наступает, 1 просрочено');
    expect(digestSubject([item({})])).toBe('Поручения: 1 новое');
  });
  it('HTML escapes people text; text part has №, text, ДД.ММ.ГГГГ and the row link', () => {
    const m = composeDigest({
      to: 'a@b.ru',
      name: 'Сидорова С.С.',
      organization: 'Администрация',
      today: '2026-03-02',
      items: [item({ onBehalfOf: 'Иванов И.И.' })],
    });
    expect(m.html).not.toContain('<b>по школам</b>');
    expect(m.html).toContain('Справка &lt;b&gt;по школам&lt;/b&gt; &amp; садам');
    expect(m.text).toContain('№ 7-1. Справка <b>по школам</b> & садам');
    expect(m.text).toContain('Срок: 06.03.2026');
    expect(m.text).toContain('#gid=5&range=A2');
    expect(m.text).toContain('замещающий: Иванов И.И. отсутствует');
    expect(m.to).toEqual(['a@b.ru']);
  });
  it('the mail knows the removal mode (001 гл.7 п.2.4.15; 003 п.199): «Готово» does not close the order', () => {
    const mail = (removalByGiver: boolean) =>
      composeDigest({
        to: 'a@b.ru',
        name: 'Иванов И.И.',
        organization: '',
        today: '2026-03-02',
        items: [item({ removalByGiver })],
      });
    expect(mail(true).text).toContain('пока его не снимет давший поручение');
    expect(mail(false).text).not.toContain('давший поручение');
  });

  // Issue 25 item 5: executors work from the page; the row links are for those who edit the sheet.
  it('an executor with a page: the page first, no row link per order, the rows once at the end for sheet users', () => {
    const m = composeDigest({
      to: 'a@b.ru',
      name: 'Иванов И.И.',
      organization: '',
      today: '2026-03-02',
      pageLink: 'https://script.google.com/macros/s/X/exec?t=abc',
      items: [item({ row: 7 }), item({ kind: 'overdue', row: 7 }), item({ number: '7-2', row: 9 })],
    });
    const text = m.text;
    expect(text.indexOf('https://script.google.com/macros/s/X/exec?t=abc')).toBeLessThan(text.indexOf('№ 7-1'));
    expect(text).not.toContain('Строка в таблице');
    expect(text).toContain('на странице «Мои поручения»');
    const tail = text.slice(text.indexOf('Для тех, кто работает в самой таблице'));
    expect(tail.match(/№ 7-1 \(лист «Поручения», строка 7\): https:\/\/docs/g)).toHaveLength(1);
    expect(tail).toContain('№ 7-2 (лист «Поручения», строка 9)');
    expect(m.html.indexOf('открыть «Мои поручения»')).toBeLessThan(m.html.indexOf('№ 7-1'));
  });
  it('the controller (who edits the sheet) and an executor without a page get the row with each order', () => {
    for (const p of [{ role: 'controller' as const, pageLink: 'https://x/exec' }, { role: 'executor' as const }]) {
      const m = composeDigest({
        to: 'k@b.ru',
        name: '',
        organization: '',
        today: '2026-03-02',
        ...(p.pageLink ? { pageLink: p.pageLink } : {}),
        items: [item({ kind: p.role === 'controller' ? 'extension' : 'new', role: p.role, row: 5 })],
      });
      expect(m.text).toContain('Строка в таблице (лист «Поручения», строка 5): https://docs.google.com/');
      expect(m.text).not.toContain('Для тех, кто работает в самой таблице');
    }
  });

  // Issue 25 item 3: entered 04.12 with «Срок» 27.11 — new and overdue at once is one entry.
  it('an order born overdue is listed once, under «Срок исполнения истёк», saying it is new', () => {
    const m = composeDigest({
      to: 'a@b.ru',
      name: 'Иванов И.И.',
      organization: '',
      today: '2026-12-04',
      items: [
        item({ kind: 'new', deadline: '2026-11-27', cutoff: '2026-12-04' }),
        item({ kind: 'overdue', deadline: '2026-11-27', overdueDays: 5, cutoff: '2026-12-04' }),
      ],
    });
    expect(m.text.match(/№ 7-1\./g)).toHaveLength(1);
    expect(m.text).toContain('Срок исполнения истёк (1):');
    expect(m.text).not.toContain('Новые поручения');
    expect(m.text).toContain('Новое поручение: вы получаете его впервые, а срок уже истёк.');
    expect(m.text).toContain('перенос срока можно запросить до 04.12.2026');
    expect(m.subject).toBe('Поручения: 1 просрочено');
  });

  // Issue 25 item 2: the executor reads the decision and what to do next.
  it('a decision: its own section first, the decision in words and the next step', () => {
    const m = composeDigest({
      to: 'a@b.ru',
      name: 'Иванов И.И.',
      organization: '',
      today: '2026-03-06',
      items: [
        item({
          kind: 'decision',
          deadline: '2026-03-20',
          decision: { type: 'approved', day: '2026-03-06', what: '', newDeadline: '2026-03-20' },
        }),
        item({ number: '7-2', kind: 'decision', decision: { type: 'refused', day: '2026-03-05', what: '' } }),
      ],
    });
    expect(m.subject).toBe('Поручения: 2 решения по поручениям');
    expect(m.text).toContain('Решения контролёра по вашим поручениям (2):');
    expect(m.text).toContain('  Перенос срока согласован: новый срок 20.03.2026. (06.03.2026)');
    expect(m.text).toContain('  Что сделать: исполните к 20.03.2026 и отметьте «Готово».');
    expect(m.text).toContain('  Перенос срока отклонён: срок не изменился. (05.03.2026)');
    expect(m.html).toContain('<b>Перенос срока согласован: новый срок 20.03.2026.</b>');
  });
});
