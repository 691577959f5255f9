// Events of an order in «История» and periods read from them (product.md «Periods never change once
// closed»; issue #20 items 1–4, 6–8). Every figure is worked out by hand in the comments. 2026:
// 20.01 Tue, 23.01 Fri, 27.01 Tue, 02.02 Mon, 03.02 Tue, 04.02 Wed.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { buildExecutionReport, type ReportOrder } from '../../src/domain/execution-report';
import {
  cancelledLine,
  countedDoneDate,
  executedLine,
  executionRecorded,
  isBackdated,
  lastRecordedStatus,
  lastRecordedTerm,
  orderAt,
  parseEvents,
  recordedUnitAt,
  statusLine,
  termChangedLate,
  termTypedLine,
  unitLine,
} from '../../src/domain/order-events';
import { type Period, parsePeriod } from '../../src/domain/periods';
import type { OrderFacts } from '../../src/domain/rules/rule';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
function period(s: string): Period {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(r.error);
  return r.period;
}
function order(p: Partial<ReportOrder>): ReportOrder {
  return {
    number: '1',
    text: 'Поручение',
    executor: 'Иванов И.И.',
    deadline: null,
    doneDate: null,
    returned: false,
    extensions: 0,
    returns: 0,
    status: 'В процессе 0',
    history: '',
    ...p,
  };
}
/** January's total row as [due, onTime, late, overdue, extensions, returns, coefficient]. */
function figures(orders: ReportOrder[], p: string, today: string) {
  const t = buildExecutionReport(orders, period(p), today, cal).total;
  return [t.due, t.onTime, t.late, t.overdue, t.extensions, t.returns, t.coefficient];
}
// An order overdue in January whatever happens to the others (the 50 % of issue item 1).
const overdueJan = order({ number: '2', deadline: '2026-01-21' });

describe('«История» events: written and parsed back exactly (one module)', () => {
  it('every line the add-on writes is read back as its event', () => {
    const h = [
      termTypedLine('2026-02-03', '2026-01-23', '2026-02-27'),
      '27.01.2026: перенос срока согласован: с 20.01.2026 на 20.02.2026 (обоснование: нет подрядчика); согласовал: Глава',
      statusLine('2026-01-19', 'Готово'),
      executedLine('2026-01-19', '2026-01-19'),
      '03.02.2026: возвращено на доработку (снята дата исполнения 19.01.2026)',
      '04.02.2026: напоминание о сроке отправлено: Иванов И.И. <iv@a.ru>',
      cancelledLine('2026-02-10'),
    ].join('\n');
    expect(parseEvents(h)).toEqual([
      { day: '2026-02-03', kind: 'term', from: '2026-01-23', to: '2026-02-27', how: 'typed' },
      { day: '2026-01-27', kind: 'term', from: '2026-01-20', to: '2026-02-20', how: 'approved', approver: 'Глава' },
      { day: '2026-01-19', kind: 'status', status: 'Готово' },
      { day: '2026-01-19', kind: 'executed', doneDate: '2026-01-19' },
      { day: '2026-02-03', kind: 'returned' },
      { day: '2026-02-10', kind: 'cancelled' },
    ]);
    expect(termTypedLine('2026-02-03', '2026-01-23', '2026-02-27')).toBe(
      '03.02.2026: срок изменён с 23.01.2026 на 27.02.2026',
    );
    expect(lastRecordedTerm(h)).toBe('2026-02-20');
    expect(lastRecordedStatus(h)).toBe('Готово');
    expect(executionRecorded(h, '2026-01-19')).toBe(false);
    expect(executionRecorded(executedLine('2026-01-19', '2026-01-19'), '2026-01-19')).toBe(true);
  });
});

describe('item 8 — a closed period keeps the executor and unit of its end (001 гл.7 п.2.5.1 counts by unit; product.md)', () => {
  const IV = 'Иванов И.И.';
  // «Исполнители» today: Иванов moved to «Экономика» on 03.02; Петров took 1 over on 05.02.
  const executors = [
    { name: IV, unit: 'Экономика' },
    { name: 'Петров П.П.', unit: 'Финансы' },
  ];
  const o = order({
    deadline: '2026-01-20',
    history: [unitLine('2026-01-12', IV, 'ЖКХ'), unitLine('2026-02-03', IV, 'Экономика')].join('\n'),
  });
  const unitsOf = (orders: ReportOrder[], p: string, today: string) =>
    buildExecutionReport(orders, period(p), today, cal, executors).units.map((r) => [r.executor, r.due]);
  const rowsOf = (orders: ReportOrder[], p: string, today: string) =>
    buildExecutionReport(orders, period(p), today, cal, executors).rows.map((r) => [r.executor, r.unit, r.due]);
  it('recorded in «История»: January under Иванов, «ЖКХ» whenever generated (before: «Экономика» after 03.02, Петров after 05.02)', () => {
    expect(unitLine('2026-01-12', IV, 'ЖКХ')).toBe('12.01.2026: исполнитель Иванов И.И., подразделение «ЖКХ»');
    expect(parseEvents(unitLine('2026-01-12', IV, ''))).toEqual([
      { day: '2026-01-12', kind: 'unit', unit: '', executor: IV },
    ]);
    expect(parseEvents(unitLine('2026-01-12', IV, 'Территориальный отдел «Северный»'))).toEqual([
      { day: '2026-01-12', kind: 'unit', unit: 'Территориальный отдел «Северный»', executor: IV },
    ]);
    // The unit alone, as written for a few hours before the executor was recorded with it.
    expect(parseEvents('12.01.2026: подразделение исполнителя «ЖКХ»')).toEqual([
      { day: '2026-01-12', kind: 'unit', unit: 'ЖКХ', executor: null },
    ]);
    expect(recordedUnitAt(o.history ?? '', '2026-01-31')).toBe('ЖКХ');
    expect(recordedUnitAt(o.history ?? '', '2026-02-03')).toBe('Экономика');
    expect(unitsOf([o], '2026-01', '2026-02-04')).toEqual([['ЖКХ', 1]]);
    // The executor's own row says the same unit as the units table.
    expect(rowsOf([o], '2026-01', '2026-02-04')).toEqual([[IV, 'ЖКХ', 1]]);
    // Reassigned to Петров on 05.02: January stays Иванов's; February (running) is Петров's.
    const moved = {
      ...o,
      executor: 'Петров П.П.',
      history: `${o.history}\n${unitLine('2026-02-05', 'Петров П.П.', 'Финансы')}`,
    };
    expect(rowsOf([moved], '2026-01', '2026-02-06')).toEqual([[IV, 'ЖКХ', 1]]);
    expect(rowsOf([{ ...moved, deadline: '2026-02-20' }], '2026-02', '2026-02-06')).toEqual([
      ['Петров П.П.', 'Финансы', 1],
    ]);
    // A running period reads «Исполнители» as it is.
    expect(unitsOf([{ ...o, deadline: '2026-02-20' }], '2026-02', '2026-02-04')).toEqual([['Экономика', 1]]);
    // Recorded first after the period (an order from before these lines): the earliest known.
    const late = order({ deadline: '2026-01-20', history: unitLine('2026-02-05', IV, 'ЖКХ') });
    expect(unitsOf([late], '2026-01', '2026-02-06')).toEqual([['ЖКХ', 1]]);
    // No line at all: today's reading.
    expect(unitsOf([order({ deadline: '2026-01-20' })], '2026-01', '2026-02-06')).toEqual([['Экономика', 1]]);
  });
  it('the daily check records them once, and again when either changes (order-event-rules unitEvent)', async () => {
    const { unitEvent } = await import('../../src/domain/order-event-rules');
    const row = {
      text: 'Поручение',
      executor: 'иванов и.и.',
      deadline: '2026-01-20' as const,
      urgency: '',
      history: '',
    };
    const iv = (unit: string) => ({ name: IV, unit });
    expect(unitEvent(row, iv('ЖКХ'), '2026-01-12')).toBe('12.01.2026: исполнитель Иванов И.И., подразделение «ЖКХ»');
    const recorded = { ...row, history: '12.01.2026: исполнитель Иванов И.И., подразделение «ЖКХ»' };
    expect(unitEvent(recorded, iv('жкх '), '2026-01-13')).toBeNull();
    expect(unitEvent(recorded, iv(''), '2026-02-03')).toBe(
      '03.02.2026: исполнитель Иванов И.И., подразделение не указано',
    );
    expect(unitEvent(recorded, { name: 'Петров П.П.', unit: 'ЖКХ' }, '2026-02-03')).toBe(
      '03.02.2026: исполнитель Петров П.П., подразделение «ЖКХ»',
    );
    // The unit alone (no executor on record): recorded again with the executor.
    expect(unitEvent({ ...row, history: '12.01.2026: подразделение исполнителя «ЖКХ»' }, iv('ЖКХ'), '2026-01-13')).toBe(
      '13.01.2026: исполнитель Иванов И.И., подразделение «ЖКХ»',
    );
    // Not in «Исполнители» (nothing known) or not yet an order: nothing recorded.
    expect(unitEvent(recorded, null, '2026-02-03')).toBeNull();
    expect(unitEvent({ ...row, text: '' }, iv('ЖКХ'), '2026-01-12')).toBeNull();
  });
});

describe('item 1 — a return after the period does not change it (000 п.14; product.md)', () => {
  it('January generated on 02.02 and on 04.02 after a return on 03.02: 50 % both times (before: 50 % → 0 %)', () => {
    const done = order({
      deadline: '2026-01-20',
      doneDate: '2026-01-19',
      status: 'Готово',
      history: [statusLine('2026-01-19', 'Готово'), executedLine('2026-01-19', '2026-01-19')].join('\n'),
    });
    // on time 1 ÷ (1 + overdue 1) = 50 %.
    expect(figures([done, overdueJan], '2026-01', '2026-02-02')).toEqual([2, 1, 0, 1, 0, 0, 50]);
    const returned = order({
      ...done,
      doneDate: null,
      status: 'На доработке',
      returned: true,
      returns: 1,
      history: `${done.history}\n03.02.2026: возвращено на доработку (снята дата исполнения 19.01.2026)`,
    });
    expect(figures([returned, overdueJan], '2026-01', '2026-02-04')).toEqual([2, 1, 0, 1, 0, 0, 50]);
    // February carries it over from January (001 гл.7 п.2.5.2): counted, not on time → 0 %.
    expect(figures([returned], '2026-02', '2026-03-02')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('item 2 — «Срок» typed over is an event (000 п.12; 001 гл.7 п.2.4.10)', () => {
  it('23.01 overdue, typed 27.02 on 03.02: January keeps it overdue, «Переносов» 0 there (before: it vanished)', () => {
    const o = order({
      deadline: '2026-02-27',
      extensions: 1,
      history: termTypedLine('2026-02-03', '2026-01-23', '2026-02-27'),
    });
    expect(figures([o], '2026-01', '2026-02-04')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    // February: due 27.02 under the new term, «Переносов» 1.
    expect(figures([o], '2026-02', '2026-02-10').slice(0, 5)).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('item 3 — a back-dated «Дата исполнения» counts from the day it was recorded (000 п.13)', () => {
  it('nothing by 20.01; on 03.02 «Дата исполнения» 19.01 and «Готово»: January stays 0 % (before: 0 → 100 %)', () => {
    expect(isBackdated('2026-01-19', '2026-02-03', cal)).toBe(true);
    // 1 working day before is not back-dated: recorded Monday 02.02 for Friday 30.01.
    expect(isBackdated('2026-01-30', '2026-02-02', cal)).toBe(false);
    expect(countedDoneDate('2026-01-19', '2026-02-03', cal)).toBe('2026-02-03');
    const before = order({ deadline: '2026-01-20' });
    expect(figures([before], '2026-01', '2026-02-02')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    const after = order({
      deadline: '2026-01-20',
      doneDate: '2026-01-19',
      status: 'Готово',
      history: [statusLine('2026-02-03', 'Готово'), executedLine('2026-02-03', '2026-01-19')].join('\n'),
    });
    expect(figures([after], '2026-01', '2026-02-04')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    // Read at 03.02 it is executed, from 03.02 — late against 20.01.
    expect(orderAt({ ...after, status: 'Готово', history: after.history ?? '' }, '2026-02-03', cal).done).toBe(
      '2026-02-03',
    );
  });
});

describe('item 4 — a late change of term does not save its period (001 гл.7 п.2.4.10 «не менее чем за два дня до его истечения», п.2.5.1–2.5.2)', () => {
  const approved = (on: string) =>
    order({
      deadline: '2026-02-20',
      extensions: 1,
      history: `${on.split('-').reverse().join('.')}: перенос срока согласован: с 20.01.2026 на 20.02.2026`,
    });
  it('due 20.01, extension to 20.02 approved 27.01: January 1 due, overdue (before: 0 due, «—»)', () => {
    expect(termChangedLate('2026-01-27', '2026-01-20', cal)).toBe(true);
    expect(figures([approved('2026-01-27')], '2026-01', '2026-02-04')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    // February counts the new term once more (running on 10.02).
    expect(figures([approved('2026-01-27')], '2026-02', '2026-02-10').slice(0, 5)).toEqual([1, 0, 0, 0, 1]);
  });
  it('approved 19.01 (1 working day before) does not save January; 16.01 (2 working days: 19.01, 20.01) does', () => {
    expect(termChangedLate('2026-01-19', '2026-01-20', cal)).toBe(true);
    expect(termChangedLate('2026-01-16', '2026-01-20', cal)).toBe(false);
    expect(figures([approved('2026-01-19')], '2026-01', '2026-02-04')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(figures([approved('2026-01-16')], '2026-01', '2026-02-04')).toEqual([0, 0, 0, 0, 0, 0, null]);
  });
});

describe('item 6 — cancelled control (001 гл.7 п.2.4.15): not counted from that day, earlier periods keep it', () => {
  it('due 20.01, not executed, control cancelled 10.02: January overdue as before; February does not carry it', () => {
    const o = order({ deadline: '2026-01-20', history: cancelledLine('2026-02-10') });
    expect(figures([o], '2026-01', '2026-03-02')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    const feb = buildExecutionReport([o], period('2026-02'), '2026-03-02', cal).total;
    // Before: carried over from January into February (001 гл.7 п.2.5.2) and listed overdue.
    expect([feb.carriedOver, feb.coefficient]).toEqual([0, null]);
  });
});

describe('item 7 — one definition of executed: «Готово» with a valid «Дата исполнения»', () => {
  it('«В процессе 99» with «Дата исполнения» 11.03, «Срок» 12.03: March counts it overdue (before: «Исполнено в срок»)', () => {
    const o = order({ deadline: '2026-03-12', doneDate: '2026-03-11', status: 'В процессе 99' });
    expect(figures([o], '2026-03', '2026-04-01')).toEqual([1, 0, 0, 1, 0, 0, 0]);
  });
});

describe("orders from before the upgrade keep today's reading", () => {
  it('no execution or status lines: «Готово» with its date counts as it did', () => {
    const o = order({ deadline: '2026-01-20', doneDate: '2026-01-19', status: 'Готово' });
    expect(figures([o], '2026-01', '2026-02-04')).toEqual([1, 1, 0, 0, 0, 0, 100]);
    expect(orderAt({ ...o, status: 'Готово', history: '' }, '2026-01-31', cal).done).toBe('2026-01-19');
  });
});

describe('item 6 — «Снято с контроля» in the giver mode (001 гл.7 п.2.4.15)', () => {
  it('«Снято» on an order not executed: state «Снято с контроля», no overdue days, no notices, the line once, archived after', async () => {
    const { orderState, overdueWorkingDays } = await import('../../src/domain/order-state');
    const { removalPatch, archiveDay } = await import('../../src/domain/removal');
    const { dueNotices } = await import('../../src/domain/notices');
    const { parseSettings } = await import('../../src/domain/settings');
    const s = { ...parseSettings([], 'Europe/Moscow').settings, removalMode: 'giver' as const };
    const o = {
      executor: 'Иванов И.И.',
      deadline: '2026-01-20',
      status: 'В процессе 50',
      doneDate: null,
      removal: 'Снято',
    };
    // Before: «Просрочено» and an overdue notice.
    expect(orderState({ ...o, removal: '' }, '2026-02-10', s, cal)).toBe('Просрочено');
    expect(orderState(o, '2026-02-10', s, cal)).toBe('Снято с контроля');
    expect(overdueWorkingDays(o, '2026-02-10', s, cal)).toBeNull();
    // The executor mode keeps the old reading: «Снято» means nothing there.
    expect(orderState(o, '2026-02-10', { ...s, removalMode: 'executor' }, cal)).toBe('Просрочено');
    const p = removalPatch({ ...o, returns: 0, history: '' }, '2026-02-10', 'giver');
    expect(p.history).toEqual([cancelledLine('2026-02-10')]);
    expect(removalPatch({ ...o, returns: 0, history: p.history[0] }, '2026-02-11', 'giver').history).toEqual([]);
    const rec = blankOrder({ ...o, number: '1', history: p.history[0] });
    // No reminder or overdue notice; only the decision itself, told once (п.2.4.15: «доводит это
    // решение до исполнителя»).
    const n = dueNotices(rec, { today: '2026-02-10', settings: s, calendar: cal, sent: () => false });
    expect(n.map((x) => [x.kind, x.key])).toEqual([['decision', 'decision:1:cancelled:2026-02-10']]);
    // «Архив» as usual: 5 working days after the day of the cancellation (000 п.14).
    expect(archiveDay(rec, 'giver', 5, cal)).toBe('2026-02-17');
  });
});

describe('what the daily check records and checks (domain/order-event-rules)', () => {
  it('a «Срок» typed over on an order under control: the line and +1 «Переносов»; before control: a correction', async () => {
    const { recordEvents } = await import('../../src/domain/order-event-rules');
    const o = blankOrder({
      deadline: '2026-02-27',
      originalDeadline: '2026-01-23',
      state: 'Просрочено',
      status: 'В процессе 0',
    });
    const fix = recordEvents(o, '2026-02-03');
    expect(fix).toEqual({ history: ['03.02.2026: срок изменён с 23.01.2026 на 27.02.2026'], extensions: 1 });
    // Recorded (by onEdit or a run): nothing again.
    expect(recordEvents({ ...o, history: fix.history[0], extensions: 1 }, '2026-02-04')).toEqual({ history: [] });
    // Not yet under control: «Первоначальный срок» follows the corrected date, no change of term.
    expect(recordEvents({ ...o, state: '' }, '2026-02-03')).toEqual({ history: [], originalDeadline: '2026-02-27' });
  });
  it('«Статус» and the execution, each once; a row from before the upgrade keeps its own date', async () => {
    const { recordEvents } = await import('../../src/domain/order-event-rules');
    const o = blankOrder({ deadline: '2026-01-20', status: 'Готово', doneDate: '2026-01-19', state: 'На исполнении' });
    expect(recordEvents(o, '2026-02-03').history).toEqual([
      '03.02.2026: статус «Готово»',
      '03.02.2026: исполнение отмечено: дата исполнения 19.01.2026',
    ]);
    // Seen executed before the upgrade (state «Исполнено в срок», no lines): recorded on its own day.
    expect(recordEvents({ ...o, state: 'Исполнено в срок' }, '2026-02-03').history).toEqual([
      '03.02.2026: статус «Готово»',
      '19.01.2026: исполнение отмечено: дата исполнения 19.01.2026',
    ]);
    // Steps of progress are no event of the periods; «Готово» taken back is.
    expect(recordEvents(blankOrder({ status: 'В процессе 50', state: 'На исполнении' }), '2026-02-03').history).toEqual(
      [],
    );
    const undone = blankOrder({ status: 'В процессе 99', history: statusLine('2026-02-02', 'Готово') });
    expect(recordEvents(undone, '2026-02-03').history).toEqual(['03.02.2026: статус «В процессе 99»']);
  });
  it('problems: typed over after the term (001 гл.7 п.2.4.10), back-dated (000 п.13), a date without «Готово»', async () => {
    const { eventProblems } = await import('../../src/domain/order-event-rules');
    const id = (t: string) => t;
    const typed = blankOrder({
      history: termTypedLine('2026-02-03', '2026-01-23', '2026-02-27'),
      status: 'В процессе 0',
    });
    expect(eventProblems(typed, '2026-02-03', cal, id).map((p) => p.message)).toEqual([
      'Срок изменён 03.02.2026 с 23.01.2026 на 27.02.2026 — после контрольной даты 23.01.2026: изменение срока доводится не менее чем за два дня до его истечения (Ростов, гл.7 п.2.4.10). В отчёте за период срока 23.01.2026 поручение учитывается как не исполненное в срок.',
    ]);
    // Listed by the first check after it, not for ever.
    expect(eventProblems(typed, '2026-02-05', cal, id)).toEqual([]);
    const back = blankOrder({
      status: 'Готово',
      doneDate: '2026-01-19',
      history: executedLine('2026-02-03', '2026-01-19'),
    });
    expect(eventProblems(back, '2026-02-04', cal, id).map((p) => [p.column, p.message.slice(0, 30)])).toEqual([
      ['Дата исполнения', 'Дата исполнения задним числом:'],
    ]);
    const undone = blankOrder({ status: 'В процессе 99', doneDate: '2026-03-11' });
    expect(eventProblems(undone, '2026-03-13', cal, id).map((p) => p.message)).toEqual([
      '«Дата исполнения» заполнена, а «Статус» — «В процессе 99»: исполненным считается поручение со статусом «Готово» и датой исполнения.',
    ]);
  });
  it('«Внесено» when the row becomes an order: text, executor, a control date or an urgency', async () => {
    const { entersToday } = await import('../../src/domain/order-event-rules');
    expect(entersToday(blankOrder({ number: '5-1', state: 'Не заполнено' }))).toBe(false);
    expect(entersToday(blankOrder({ text: 'т', executor: 'И', state: 'Не заполнено' }))).toBe(false);
    expect(entersToday(blankOrder({ text: 'т', executor: 'И', deadline: '2026-03-20', state: 'Не заполнено' }))).toBe(
      true,
    );
    expect(entersToday(blankOrder({ text: 'т', executor: 'И', urgency: 'Срочно' }))).toBe(true);
    expect(entersToday(blankOrder({ text: 'т', executor: 'И', urgency: 'Срочно', state: 'На исполнении' }))).toBe(
      false,
    );
  });
});

describe('item 8 — an approval with nobody on record (001 гл.7 п.2.4.2: the term is changed by the one who set it)', () => {
  it('«Кем согласован перенос» blank and no «Председатель»: a data problem (round 2: silent) at every check, not only the one that applied it; the decision day typed is kept', async () => {
    const { step2Patch } = await import('../../src/domain/decisions');
    const { approverOnRecord } = await import('../../src/domain/rules/approver');
    const { parseSettings } = await import('../../src/domain/settings');
    const s = parseSettings([], 'Europe/Moscow').settings;
    const o = blankOrder({
      number: '1',
      deadline: '2026-03-20',
      originalDeadline: '2026-03-20',
      requestedDate: '2026-03-27',
      decision: 'Согласован',
      history: '10.03.2026: запрошен перенос срока на 27.03.2026\n13.03.2026: решение по переносу «Согласован» внесено',
    });
    const env = { today: '2026-03-16', settings: s, calendar: cal, protocolDate: null };
    const r = step2Patch(o, { ...env, approver: '' });
    // Item 5: dated 13.03, the day it was typed, not 16.03 (the run's).
    expect(r.patch.history).toEqual(['13.03.2026: перенос срока согласован: с 20.03.2026 на 27.03.2026']);
    // The problem is the check rule's, read from that line: the run that applied the decision lists
    // it, and so does every later check (a re-run after a stop, «Проверить данные») until someone is
    // named — before, a second run the same day lost it (the decision was consumed).
    const day = { today: '2026-03-16', settings: s, calendar: cal, mode: 'daily' as const };
    const facts: OrderFacts = {
      protocol: null,
      executorByName: new Map(),
      numbersInUse: new Set<string>(),
      sent: () => false,
    };
    const applied = { ...o, decision: '', requestedDate: null, history: `${o.history}\n${r.patch.history[0]}` };
    const problems = (x: typeof o, f = facts) =>
      (approverOnRecord.apply(x, day, f).problems ?? []).map((p) => p.message);
    expect(problems(applied)).toEqual([
      'Перенос срока на 27.03.2026 согласован, но не указано, кем: нет ни «Кем согласован перенос», ни «Председателя» протокола (Ростов, гл.7 п.2.4.2: срок меняет тот, кто его установил).',
    ]);
    expect(problems({ ...applied, approvedBy: 'Глава' })).toEqual([]);
    const chaired = {
      ...facts,
      protocol: { row: 2, number: '7', date: '2026-03-02', meeting: '', chair: 'Глава', link: '' },
    };
    expect(problems(applied, chaired)).toEqual([]);
    // Named in the line itself (the approver known when it was applied): nothing to list.
    const named = step2Patch(o, { ...env, approver: 'Глава' }).patch.history[0];
    expect(named).toBe('13.03.2026: перенос срока согласован: с 20.03.2026 на 27.03.2026; согласовал: Глава');
    expect(problems({ ...applied, history: `${o.history}\n${named}` })).toEqual([]);
    expect(step2Patch(o, { ...env, approver: '' }).issues).toEqual([]);
  });
  it('an approval 1 working day before the term is a problem (001 гл.7 п.2.4.10); 2 working days before is not', async () => {
    const { step2Patch } = await import('../../src/domain/decisions');
    const { parseSettings } = await import('../../src/domain/settings');
    const s = parseSettings([], 'Europe/Moscow').settings;
    const o = blankOrder({ number: '1', deadline: '2026-03-20', requestedDate: '2026-03-27', decision: 'Согласован' });
    const env = { settings: s, calendar: cal, protocolDate: null, approver: 'Глава' };
    // 19.03 (Thu) → 20.03 (Fri): 1 working day. Round 2: silent.
    expect(step2Patch(o, { ...env, today: '2026-03-19' }).issues.map((i) => i.message.slice(0, 62))).toEqual([
      'Перенос согласован 19.03.2026 — менее чем за 2 рабочих дня до ',
    ]);
    expect(step2Patch(o, { ...env, today: '2026-03-18' }).issues).toEqual([]);
  });
});

describe('events and the roll-over to «Архив истории» (issue 19 item 5; a finished period reads every event)', () => {
  it('the roll-over moves notices before events; a report reads the cell with its archived lines, a repeat once', async () => {
    const { rollOver, withArchivedLines, ROLL_OVER_AT, ROLLED_OVER_LINE } = await import(
      '../../src/domain/history-rollover'
    );
    const notice = (i: number) => `0${1 + (i % 9)}.01.2026: напоминание о сроке отправлено ${'—'.repeat(80)} ${i}`;
    const story = [
      unitLine('2026-01-02', 'Иванов И.И.', 'ЖКХ'),
      ...Array.from({ length: 200 }, (_, i) => notice(i)),
      statusLine('2026-01-19', 'Готово'),
      executedLine('2026-01-19', '2026-01-19'),
      ...Array.from({ length: 200 }, (_, i) => notice(i + 200)),
    ].join('\n');
    expect(story.length).toBeGreaterThan(ROLL_OVER_AT);
    const r = rollOver(story);
    // Every event stays in the cell (the daily check, onEdit and the page read the cell alone).
    expect(parseEvents(r.text)).toEqual(parseEvents(story));
    expect(r.moved.every((m) => m.text.startsWith('напоминание'))).toBe(true);
    // Read back: every line, and the events in their order (the archived notices come first).
    const back = withArchivedLines(r.text, r.moved);
    expect(parseEvents(back)).toEqual(parseEvents(story));
    expect(back.split('\n').sort()).toEqual(story.split('\n').sort());
    // Events alone past the bound: the oldest events move too, and are read back from the archive.
    const toggles = Array.from({ length: 600 }, () => [
      statusLine('2026-02-03', 'На доработке'),
      statusLine('2026-02-03', 'Готово'),
    ]).flat();
    const heavy = [statusLine('2026-01-19', 'Готово'), executedLine('2026-01-19', '2026-01-19'), ...toggles].join('\n');
    const h = rollOver(heavy);
    expect(h.text.startsWith(ROLLED_OVER_LINE)).toBe(true);
    expect(h.moved[1]).toEqual({ date: '2026-01-19', text: 'исполнение отмечено: дата исполнения 19.01.2026' });
    expect(withArchivedLines(h.text, h.moved)).toBe(heavy);
    // A run stopped between the archive and the cell rolls the same lines over again: read once.
    expect(withArchivedLines(h.text, [...h.moved, ...h.moved])).toBe(heavy);
    // The same event twice on a day (set, taken back, set again) is not a repeat.
    const again = [
      statusLine('2026-02-03', 'Готово'),
      statusLine('2026-02-03', 'В процессе 50'),
      statusLine('2026-02-03', 'Готово'),
    ];
    expect(
      withArchivedLines(
        `${ROLLED_OVER_LINE}\n${again[2]}`,
        again.slice(0, 2).map((l) => ({ date: '2026-02-03', text: l.slice(12) })),
      ),
    ).toBe(again.join('\n'));
  });
});
