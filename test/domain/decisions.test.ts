import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { nextOrderNumber, step2Patch } from '../../src/domain/decisions';
import { requestDayFromHistory, requestLine } from '../../src/domain/history';
import type { OrderRecord } from '../../src/domain/order';
import { parseSettings } from '../../src/domain/settings';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
const settings = parseSettings([], 'Europe/Moscow').settings;
const env = { today: '2026-03-10', settings, calendar: cal, protocolDate: '2026-03-03' };
const order = (p: Partial<OrderRecord> = {}): OrderRecord =>
  blankOrder({
    number: '5-1',
    protocol: '5',
    text: 'т',
    executor: 'Иванов И.И.',
    deadline: '2026-03-12',
    status: 'В процессе 50',
    originalDeadline: '2026-03-12',
    ...p,
  });

describe('step 2 decisions (000 п.11–12, п.14)', () => {
  it('approved: «Срок» := «Запрошенный срок», +1 «Переносов», request cleared, written to «История» (000 п.12)', () => {
    const { patch } = step2Patch(
      order({ decision: 'Согласован', requestedDate: '2026-03-20', requestReason: 'ждём данные' }),
      env,
    );
    expect(patch.deadline).toBe('2026-03-20');
    expect(patch.extensions).toBe(1);
    expect(patch.clearRequest).toBe(true);
    expect(patch.history.join('\n')).toMatch(
      /^10\.03\.2026: перенос срока согласован: с 12\.03\.2026 на 20\.03\.2026 \(обоснование: ждём данные\)/,
    );
  });
  it('refused: request cleared, «Срок» unchanged, «История» says so', () => {
    const { patch } = step2Patch(order({ decision: 'Отклонён', requestedDate: '2026-03-20' }), env);
    expect(patch.deadline).toBeUndefined();
    expect(patch.extensions).toBeUndefined();
    expect(patch.clearRequest).toBe(true);
    expect(patch.history[0]).toMatch(/перенос срока на 20\.03\.2026 отклонён/);
  });
  it('approved without a new date: an issue, nothing changed', () => {
    const { patch, issues } = step2Patch(order({ decision: 'Согласован' }), env);
    expect(patch.clearRequest).toBeUndefined();
    expect(issues[0].message).toMatch(/новый срок не указан/);
  });
  it('returned («На доработке»): +1 «Возвратов», «Дата исполнения» cleared, once (000 п.14)', () => {
    const first = step2Patch(order({ status: 'На доработке', doneDate: '2026-03-09' }), env).patch;
    expect(first.returns).toBe(1);
    expect(first.clearDoneDate).toBe(true);
    // Next run: date cleared and the return is in «История» → not counted again.
    const again = step2Patch(
      order({ status: 'На доработке', returns: 1, history: first.history.join('\n') }),
      env,
    ).patch;
    expect(again.returns).toBeUndefined();
    // Done again and returned again → a second return.
    const second = step2Patch(
      order({ status: 'На доработке', returns: 1, doneDate: '2026-03-16', history: first.history.join('\n') }),
      env,
    ).patch;
    expect(second.returns).toBe(2);
  });
  it('blank «Срок» filled from «Срочность» and the protocol date, recorded in «История» (001 гл.7 п.2.2.18)', () => {
    const { patch } = step2Patch(order({ deadline: null, originalDeadline: null, urgency: 'Срочно' }), env);
    expect(patch.deadline).toBe('2026-03-06');
    expect(patch.originalDeadline).toBe('2026-03-06');
    expect(patch.history[0]).toMatch(/установлен 06\.03\.2026: «Срочно», от даты протокола 03\.03\.2026/);
  });
  it('an unreadable «Срок» is never overwritten', () => {
    const { patch } = step2Patch(order({ deadline: null, invalid: ['Срок'] }), env);
    expect(patch.deadline).toBeUndefined();
  });
  it('fill-only mode leaves decisions for the daily check', () => {
    const { patch } = step2Patch(order({ decision: 'Согласован', requestedDate: '2026-03-20' }), {
      ...env,
      fillOnly: true,
    });
    expect(patch.deadline).toBeUndefined();
  });
});

describe('numbers and «История»', () => {
  it('blank № → «<№ протокола>-<n>» with the next free n', () => {
    expect(nextOrderNumber('5', new Set(['5-1', '5-2', '6-1']))).toBe('5-3');
    expect(nextOrderNumber('', new Set())).toBe('б/п-1');
  });
  it('the request day is read back from «История»', () => {
    const h = `01.03.2026: уведомление о поручении отправлено\n${requestLine('2026-03-04', '2026-03-20')}`;
    expect(requestDayFromHistory(h, '2026-03-20')).toBe('2026-03-04');
    expect(requestDayFromHistory(h, '2026-03-21')).toBeNull();
  });
});
