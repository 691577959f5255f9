// Dates typed on a phone (issue 25 п.8): one rule for the page's own check and the server's.
import { describe, expect, it } from 'vitest';
import { parseTypedDate, requestProblem } from '../../src/domain/page-date';

describe('parseTypedDate', () => {
  it.each([
    ['18.12.2026', '2026-12-18'],
    ['18122026', '2026-12-18'],
    ['181226', '2026-12-18'],
    ['18.12.26', '2026-12-18'],
    ['18/12/2026', '2026-12-18'],
    ['18-12-2026', '2026-12-18'],
    ['18,12,2026', '2026-12-18'],
    [' 8.3.2026 г.', '2026-03-08'],
    ['2026-12-18', '2026-12-18'],
    ['29.02.2028', '2028-02-29'],
  ])('reads «%s» as %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toEqual({ iso });
  });

  it('says in Russian why a date cannot be read, naming what was typed', () => {
    expect(parseTypedDate('31.11.2026')).toEqual({
      error: 'Не удалось прочитать дату «31.11.2026»: такого дня нет — в ноябре 2026 г. 30 дн.',
    });
    expect(parseTypedDate('29.02.2026')).toMatchObject({ error: expect.stringContaining('в феврале 2026 г. 28 дн.') });
    expect(parseTypedDate('18.13.2026')).toMatchObject({ error: expect.stringContaining('месяца 13 нет') });
    expect(parseTypedDate('1812202')).toMatchObject({ error: expect.stringContaining('например 18.12.2026') });
    expect(parseTypedDate('завтра')).toMatchObject({
      error: expect.stringMatching(/^Не удалось прочитать дату «завтра»/),
    });
    expect(parseTypedDate('')).toEqual({ error: 'Укажите дату в виде ДД.ММ.ГГГГ.' });
  });
});

describe('requestProblem: an extension request, checked before it is sent', () => {
  const today = '2026-03-10';
  const deadline = '2026-03-20';
  it('points at the field that is wrong', () => {
    expect(requestProblem('', '', today, deadline, 1000)).toBeNull();
    expect(requestProblem('', 'нет данных', today, deadline, 1000)).toEqual({
      field: 'requestedDate',
      error: 'Укажите новый срок в виде ДД.ММ.ГГГГ.',
    });
    expect(requestProblem('09.03.2026', 'x', today, deadline, 1000)).toEqual({
      field: 'requestedDate',
      error: 'Новый срок 09.03.2026 должен быть позже сегодняшнего дня.',
    });
    expect(requestProblem('20032026', 'x', today, deadline, 1000)).toEqual({
      field: 'requestedDate',
      error: 'Новый срок 20.03.2026 должен быть позже текущего срока 20.03.2026.',
    });
    expect(requestProblem('01.04.26', ' ', today, deadline, 1000)).toEqual({
      field: 'reason',
      error: 'Укажите обоснование переноса.',
    });
    expect(requestProblem('01.04.26', 'ждём', today, deadline, 1000)).toBeNull();
  });
});
