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
});
