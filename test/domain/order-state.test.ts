import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { orderState, overdueWorkingDays } from '../../src/domain/order-state';
import { parseSettings } from '../../src/domain/settings';
import { STATES } from '../../src/workbook/schema';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;
const base = {
  executor: 'Иванов И.И.',
  deadline: '2026-03-12',
  status: 'В процессе 50',
  doneDate: null as string | null,
};

describe('«Состояние» (spec list; 000 п.13–14)', () => {
  it('no executor or no control date → «Не заполнено»', () => {
    expect(orderState({ ...base, executor: '' }, '2026-03-02', s, cal)).toBe('Не заполнено');
    expect(orderState({ ...base, deadline: null }, '2026-03-02', s, cal)).toBe('Не заполнено');
  });
  it('open before the window → «На исполнении»; inside → «Срок наступает»; after → «Просрочено» (000 п.10)', () => {
    expect(orderState(base, '2026-03-10', s, cal)).toBe('На исполнении');
    expect(orderState(base, '2026-03-11', s, cal)).toBe('Срок наступает');
    expect(orderState(base, '2026-03-12', s, cal)).toBe('Срок наступает');
    expect(orderState(base, '2026-03-13', s, cal)).toBe('Просрочено');
  });
  it('done when «Дата исполнения» ≤ «Срок» (000 п.13), late otherwise', () => {
    expect(orderState({ ...base, status: 'Готово', doneDate: '2026-03-12' }, '2026-03-20', s, cal)).toBe(
      'Исполнено в срок',
    );
    expect(orderState({ ...base, status: 'Готово', doneDate: '2026-03-13' }, '2026-03-20', s, cal)).toBe(
      'Исполнено с нарушением срока',
    );
  });
  it('a control date on Sunday 08.03.2026 is due Friday 06.03: done on 07.03 is late (001 гл.8 п.2.4.2)', () => {
    expect(
      orderState({ ...base, deadline: '2026-03-08', status: 'Готово', doneDate: '2026-03-07' }, '2026-03-10', s, cal),
    ).toBe('Исполнено с нарушением срока');
  });
  it('returned for rework → «На доработке», counted as not executed (000 п.14)', () => {
    const st = orderState({ ...base, status: 'На доработке', doneDate: null }, '2026-03-20', s, cal);
    expect(st).toBe('На доработке');
    expect(overdueWorkingDays({ ...base, status: 'На доработке' }, '2026-03-16', s, cal)).toBe(2);
  });
  it('every value is one of the spec list', () => {
    for (const day of ['2026-03-01', '2026-03-11', '2026-03-20'])
      for (const status of ['', 'Список дел', 'Готово', 'На доработке'])
        expect(STATES).toContain(
          orderState({ ...base, status, doneDate: status === 'Готово' ? '2026-03-05' : null }, day, s, cal),
        );
  });
});

describe('«Просрочка, раб. дн.»', () => {
  it('working days past the control date, skipping 09.03.2026 (000 п.13)', () => {
    const o = { ...base, deadline: '2026-03-05' };
    expect(overdueWorkingDays(o, '2026-03-05', s, cal)).toBeNull();
    expect(overdueWorkingDays(o, '2026-03-06', s, cal)).toBe(1);
    expect(overdueWorkingDays(o, '2026-03-10', s, cal)).toBe(2);
  });
  it('none for a done order', () => {
    expect(overdueWorkingDays({ ...base, deadline: '2026-03-05', status: 'Готово' }, '2026-03-10', s, cal)).toBeNull();
  });
});
