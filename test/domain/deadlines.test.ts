import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import {
  archiveDue,
  defaultDeadline,
  dueDate,
  extensionCutoff,
  inReminderWindow,
  isLateEntry,
  isLateRequest,
} from '../../src/domain/deadlines';
import { parseSettings } from '../../src/domain/settings';

const cal = new WorkCalendar();
const defaults = parseSettings([], 'Europe/Moscow').settings;
const keep = { ...defaults, nonWorkingDeadline: 'keep' as const };

describe('default control date from «Срочность», counted from the protocol date (001 гл.7 п.2.2.16)', () => {
  it('«Срочно»: 3 days (001 гл.7 п.2.2.18)', () => {
    // Protocol Tuesday 03.03.2026 → Friday 06.03.2026.
    expect(defaultDeadline('2026-03-03', 'Срочно', defaults, cal)).toBe('2026-03-06');
  });
  it('«Оперативно»: 10 days (001 гл.7 п.2.2.18)', () => {
    // 02.03.2026 + 10 = Thursday 12.03.2026.
    expect(defaultDeadline('2026-03-02', 'Оперативно', defaults, cal)).toBe('2026-03-12');
  });
  it('no mark: one month (001 гл.7 п.2.2.20)', () => {
    expect(defaultDeadline('2026-02-10', '', defaults, cal)).toBe('2026-03-10');
  });
  it('«30 дней» setting: 30 calendar days (003 п.158)', () => {
    const s = parseSettings([['Срок по умолчанию', '30 дней']], 'Europe/Moscow').settings;
    expect(s.defaultTerm).toEqual({ unit: 'day', n: 30 });
    // 02.02.2026 + 30 = 04.03.2026 (Wednesday).
    expect(defaultDeadline('2026-02-02', '', s, cal)).toBe('2026-03-04');
  });
  it('a default date on a non-working day moves to the working day before (001 гл.8 п.2.4.2)', () => {
    // 09.02.2026 + 1 month = Monday 09.03.2026, a day off (08.03 on Sunday) → Friday 06.03.2026.
    expect(defaultDeadline('2026-02-09', '', defaults, cal)).toBe('2026-03-06');
    expect(defaultDeadline('2026-02-09', '', keep, cal)).toBe('2026-03-09');
  });
});

describe('due date of a control date on a non-working day (001 гл.8 п.2.4.2, setting «Срок в нерабочий день»)', () => {
  it('Sunday 08.03.2026 and Monday 09.03.2026 are due on Friday 06.03.2026', () => {
    expect(dueDate('2026-03-08', defaults, cal)).toBe('2026-03-06');
    expect(dueDate('2026-03-09', defaults, cal)).toBe('2026-03-06');
    expect(dueDate('2026-03-10', defaults, cal)).toBe('2026-03-10');
  });
  it('«без переноса» keeps the date', () => {
    expect(dueDate('2026-03-09', keep, cal)).toBe('2026-03-09');
  });
});

describe('reminder window (000 п.10: «за сутки до контрольной даты»)', () => {
  it('one working day before: a Tuesday 10.03.2026 date is reminded on Friday 06.03 (09.03 off), not on Thursday 05.03', () => {
    expect(inReminderWindow('2026-03-06', '2026-03-10', 1, cal)).toBe(true);
    expect(inReminderWindow('2026-03-10', '2026-03-10', 1, cal)).toBe(true);
    expect(inReminderWindow('2026-03-05', '2026-03-10', 1, cal)).toBe(false);
    expect(inReminderWindow('2026-03-11', '2026-03-10', 1, cal)).toBe(false);
  });
  // «Напоминать за, рабочих дней» set to 3: the window the appeals' reminder uses (003 п.117 «за 3 робочих
  // дні до настання терміну» is about appeals; for orders 000 п.10 says «за сутки», the default 1).
  it('a window of three working days (the appeals reminder of 003 п.117 uses the same rule): 10.03.2026 → from 04.03', () => {
    expect(inReminderWindow('2026-03-04', '2026-03-10', 3, cal)).toBe(true);
    expect(inReminderWindow('2026-03-03', '2026-03-10', 3, cal)).toBe(false);
  });
});

describe('extension cut-off (000 п.11: не позднее, чем за 3 рабочих дня до контрольной даты)', () => {
  it('control date Friday 13.03.2026 → last day Tuesday 10.03.2026', () => {
    expect(extensionCutoff('2026-03-13', 3, cal, null)).toBe('2026-03-10');
    expect(isLateRequest('2026-03-10', '2026-03-13', 3, cal, null)).toBe(false);
    expect(isLateRequest('2026-03-11', '2026-03-13', 3, cal, null)).toBe(true);
  });
  it('counts over the 09.03.2026 holiday: control date Wednesday 11.03 → last day Thursday 05.03', () => {
    expect(extensionCutoff('2026-03-11', 3, cal, null)).toBe('2026-03-05');
    expect(isLateRequest('2026-03-06', '2026-03-11', 3, cal, null)).toBe(true);
  });
  // Issue 25 item 3: an order entered 04.12.2026 with «Срок» 27.11 (born overdue) cannot have had
  // its cut-off on 24.11, before it existed; its first request, made the day it was entered, is in time.
  it('never before the day the order was entered (000 п.11 counts from an order that exists)', () => {
    expect(extensionCutoff('2026-11-27', 3, cal, null)).toBe('2026-11-24');
    expect(extensionCutoff('2026-11-27', 3, cal, '2026-12-04')).toBe('2026-12-04');
    expect(isLateRequest('2026-12-04', '2026-11-27', 3, cal, '2026-12-04')).toBe(false);
    expect(isLateRequest('2026-12-07', '2026-11-27', 3, cal, '2026-12-04')).toBe(true);
    // An order entered in good time keeps the regulation's cut-off.
    expect(extensionCutoff('2026-03-13', 3, cal, '2026-03-02')).toBe('2026-03-10');
  });
});

describe('late entry of an order (000 п.7: в течение одного рабочего дня с момента проведения совещания)', () => {
  it('meeting Friday 06.03.2026: entry on Tuesday 10.03 is in time (09.03 off), Wednesday 11.03 is late', () => {
    expect(isLateEntry('2026-03-06', '2026-03-10', 1, cal)).toBe(false);
    expect(isLateEntry('2026-03-06', '2026-03-11', 1, cal)).toBe(true);
  });
});

describe('archive due (000 п.14: в колонке «Готово» в течение 5 рабочих дней)', () => {
  it('done Wednesday 04.03.2026 → archived on Thursday 12.03.2026 (09.03 off)', () => {
    expect(archiveDue('2026-03-04', 5, cal)).toBe('2026-03-12');
  });
});
