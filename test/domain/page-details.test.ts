// The card's details, the done list and taking «Готово» back the same day (issue 25 п.9).
import { describe, expect, it } from 'vitest';
import { controlChange } from '../../src/domain/control-page';
import type { OrderRecord, Protocol } from '../../src/domain/order';
import { doneItem, lastLines, orderDetails, protocolText, undoRefusal } from '../../src/domain/page-details';

const P: Protocol = { row: 2, number: 'П1', date: '2026-03-02', meeting: 'аппаратное', chair: 'Глава А.А.', link: '' };
const protocols = new Map([[P.number, P]]);

function rec(x: Partial<OrderRecord>): OrderRecord {
  return {
    tab: 'Поручения',
    row: 2,
    number: 'П1-6',
    protocol: 'П1',
    text: 'Сдать отчёт',
    executor: 'Иванов И.И.',
    coExecutors: [],
    urgency: '',
    deadline: '2026-03-12',
    status: 'Готово',
    progress: '',
    doneDate: '2026-03-10',
    requestedDate: null,
    requestReason: '',
    decision: '',
    approvedBy: '',
    removal: '',
    enteredAt: null,
    originalDeadline: null,
    extensions: 0,
    returns: 0,
    state: '',
    overdueDays: null,
    history: 'a\n\nb\nc\nd',
    archivedAt: null,
    periodicity: '',
    validUntil: null,
    interimDate: null,
    lateReason: '',
    coDeadline: null,
    invalid: [],
    ...x,
  };
}

describe('the card’s details', () => {
  it('names the protocol with its date and meeting; the last three «История» lines', () => {
    expect(protocolText('П1', P)).toBe('№ П1 от 02.03.2026, аппаратное');
    expect(protocolText('П9', undefined)).toBe('№ П9');
    expect(protocolText('', P)).toBe('');
    expect(lastLines('a\n\nb\nc\nd\n', 3)).toEqual(['b', 'c', 'd']);
    expect(orderDetails(rec({ coExecutors: ['Сидорова С.С.'] }), protocols)).toEqual({
      protocol: '№ П1 от 02.03.2026, аппаратное',
      coExecutors: ['Сидорова С.С.'],
      history: ['b', 'c', 'd'],
    });
  });
});

describe('«Отменить отметку»', () => {
  const today = '2026-03-10';
  it('is allowed the day «Готово» was set, before any removal decision', () => {
    expect(undoRefusal(rec({}), today)).toBeNull();
    expect(undoRefusal(rec({ doneDate: '2026-03-09' }), today)).toBe(
      'Отметку «Готово» можно отменить только в день, когда она сделана (09.03.2026): обратитесь к контролёру.',
    );
    expect(undoRefusal(rec({ removal: 'Снято' }), today)).toContain('уже решено «Снято»');
    expect(undoRefusal(rec({ status: 'В процессе 99' }), today)).toContain('не отмечено «Готово»');
  });
});

describe('the done list', () => {
  const today = '2026-03-10';
  it('holds orders done in the last 30 days, saying whether on time and whether it may be undone', () => {
    expect(doneItem(rec({}), 'v', today, protocols)).toMatchObject({
      doneDate: '10.03.2026',
      onTime: true,
      mayUndo: true,
      protocol: '№ П1 от 02.03.2026, аппаратное',
    });
    expect(doneItem(rec({ doneDate: '2026-02-08', deadline: '2026-02-01' }), 'v', today, protocols)).toMatchObject({
      onTime: false,
      mayUndo: false,
    });
    expect(doneItem(rec({ doneDate: '2026-02-07' }), 'v', today, protocols)).toBeNull();
    expect(doneItem(rec({ status: 'В процессе 99' }), 'v', today, protocols)).toBeNull();
    expect(doneItem(rec({ tab: 'Архив' }), 'v', today, protocols)?.mayUndo).toBe(false);
  });
});

describe('the controller’s new «Срок» (issue 25 п.10)', () => {
  it('is a date today or later, different from the current one; or a remark', () => {
    const o = { deadline: '2026-03-04', status: 'В процессе 0' };
    expect(controlChange({ deadline: '20.03.26' }, o, '2026-03-10')).toEqual({ change: { deadline: '2026-03-20' } });
    expect(controlChange({ deadline: '09.03.2026' }, o, '2026-03-10')).toEqual({
      error: 'Новый срок 09.03.2026 уже прошёл.',
      field: 'deadline',
    });
    expect(controlChange({ deadline: '04.03.2026' }, o, '2026-03-01')).toEqual({
      error: 'Ничего не изменено: впишите новый срок или запись о ходе исполнения.',
    });
    expect(controlChange({ note: ' по записке ' }, o, '2026-03-10')).toEqual({ change: { note: 'по записке' } });
  });
});
