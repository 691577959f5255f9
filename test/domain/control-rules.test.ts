// The control rules of issue 12, each on a hand-worked case citing its passage. Every expected
// number is worked out in the comments, not computed by the code under test.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { dueDate, isLateEntry } from '../../src/domain/deadlines';
import { step2Patch } from '../../src/domain/decisions';
import { buildExecutionReport, deadlineInForce, NO_UNIT, type ReportOrder } from '../../src/domain/execution-report';
import { orderState, validDoneDate } from '../../src/domain/order-state';
import { type Period, parsePeriod } from '../../src/domain/periods';
import { archiveDay, awaitsRemoval, isCompleted, removalPatch } from '../../src/domain/removal';
import { parseSettings } from '../../src/domain/settings';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;
const giver = { ...s, removalMode: 'giver' as const };

function period(code: string): Period {
  const r = parsePeriod(code);
  if (!r.ok) throw new Error(r.error);
  return r.period;
}
function order(p: Partial<ReportOrder> & Pick<ReportOrder, 'number'>): ReportOrder {
  return {
    text: `Поручение ${p.number}`,
    executor: 'Иванов И.И.',
    deadline: null,
    doneDate: null,
    returned: false,
    extensions: 0,
    returns: 0,
    ...p,
  };
}
const staff = [
  { name: 'Иванов И.И.', unit: 'Отдел экономики' },
  { name: 'Петрова А.С.', unit: 'Юридический отдел' },
];

describe('001 гл.7 п.2.5.1: a period of whole months is assessed month by month', () => {
  // А: «Срок» Thu 15.01.2026, done 14.01 → on time in January.
  // Б: «Срок» Tue 20.01.2026, never done → January: overdue; February and March: overdue from a
  //    past period (п.2.5.2: «как просроченные, … документы с истекшими сроками исполнения за
  //    прошедший период»).
  // Months: Jan 1/(1+1) = 50 %; Feb 0/1 = 0 %; Mar 0/1 = 0 %.
  // Quarter: Σ on time ÷ Σ counted = (1+0+0)/(2+1+1) = 1/4 = 25 % (one block would say 1/2 = 50 %).
  const orders = [
    order({ number: 'А', deadline: '2026-01-15', doneDate: '2026-01-14' }),
    order({ number: 'Б', deadline: '2026-01-20' }),
  ];
  const rep = buildExecutionReport(orders, period('2026-Q1'), '2026-04-10', cal, staff);
  it('a quarter where an order stays overdue for three months: 25 %, each month beside it', () => {
    expect(rep.total.coefficient).toBe(25);
    expect(rep.months.map((m) => m.code)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rep.total.monthly).toEqual([50, 0, 0]);
    expect(rep.rows[0].coefficient).toBe(25);
  });
  it('the other columns count each order once for the quarter', () => {
    expect([rep.total.due, rep.total.onTime, rep.total.overdue, rep.total.carriedOver]).toEqual([2, 1, 1, 0]);
  });
  it('2026-H1 is six months; a week keeps the one-block formula', () => {
    const h1 = buildExecutionReport(orders, period('2026-H1'), '2026-07-10', cal, staff);
    // Jan 1/2; Feb–Jun 0/1 each → 1/(2+5) = 14.3 %.
    expect(h1.months).toHaveLength(6);
    expect(h1.total.coefficient).toBe(14.3);
    const w = buildExecutionReport(orders, period('2026-W03'), '2026-04-10', cal, staff);
    expect(w.months).toEqual([]);
  });
  it('«По подразделениям» (001 гл.7 п.2.5.1; 003 п.117): the same columns per unit', () => {
    const mixed = [
      ...orders,
      order({ number: 'В', executor: 'Петрова А.С.', deadline: '2026-02-10', doneDate: '2026-02-10' }),
      order({ number: 'Г', executor: 'Неизвестный', deadline: '2026-02-11' }),
    ];
    const r = buildExecutionReport(mixed, period('2026-02'), '2026-03-10', cal, staff);
    // February: Отдел экономики — Б carried over: 0/1 = 0 %; Юридический отдел — В on time (same
    // day, 000 п.13): 1/1 = 100 %; no unit — Г overdue: 0/1 = 0 %.
    expect(r.units.map((u) => [u.executor, u.due, u.onTime, u.overdue, u.carriedOver, u.coefficient])).toEqual([
      ['Отдел экономики', 0, 0, 0, 1, 0],
      ['Юридический отдел', 1, 1, 0, 0, 100],
      [NO_UNIT, 1, 0, 1, 0, 0],
    ]);
    expect(r.unitTotal.coefficient).toBe(33.3);
  });
});

describe('001 гл.8 п.2.4.2: one due date everywhere (a control date on a non-working day is due the working day before)', () => {
  it('«Срок» Sunday 01.03.2026 is due Friday 27.02: it counts in February, not March', () => {
    const o = order({ number: 'Д', deadline: '2026-03-01' });
    expect(dueDate('2026-03-01', s, cal)).toBe('2026-02-27');
    const feb = buildExecutionReport([o], period('2026-02'), '2026-03-10', cal, staff);
    const mar = buildExecutionReport([o], period('2026-03'), '2026-03-10', cal, staff);
    expect([feb.total.due, feb.total.overdue]).toEqual([1, 1]);
    expect(mar.total.due).toBe(0);
    expect(mar.total.carriedOver).toBe(1);
  });
  it('«Срок» Friday 01.05.2026 (a holiday, art. 112) is due Thursday 30.04: April', () => {
    const o = order({ number: 'Е', deadline: '2026-05-01', doneDate: '2026-04-30' });
    const apr = buildExecutionReport([o], period('2026-04'), '2026-05-12', cal, staff);
    expect([apr.total.due, apr.total.onTime]).toEqual([1, 1]);
  });
  it('«Срок» Sunday 08.03.2026 done Saturday 07.03: late in the report and in «Состояние» alike', () => {
    const o = order({ number: 'Ж', deadline: '2026-03-08', doneDate: '2026-03-07' });
    const rep = buildExecutionReport([o], period('2026-03'), '2026-03-20', cal, staff);
    expect(rep.total.late).toBe(1);
    const st = orderState(
      { executor: 'Иванов И.И.', deadline: '2026-03-08', status: 'Готово', doneDate: '2026-03-07' },
      '2026-03-20',
      s,
      cal,
    );
    expect(st).toBe('Исполнено с нарушением срока');
  });
});

describe('a closed period shows the same figures whenever it is generated', () => {
  // «Срок» 20.02.2026, not executed. On 02.03 the controller approves an extension to 20.03
  // («История»: «02.03.2026: перенос срока согласован: с 20.02.2026 на 20.03.2026»).
  const before = order({ number: 'З', deadline: '2026-02-20' });
  const after = order({
    number: 'З',
    deadline: '2026-03-20',
    extensions: 1,
    history: '02.03.2026: перенос срока согласован: с 20.02.2026 на 20.03.2026; согласовал: Глава',
  });
  it('an extension approved after the control date: February generated again shows the same figures', () => {
    const first = buildExecutionReport([before], period('2026-02'), '2026-03-02', cal, staff);
    const again = buildExecutionReport([after], period('2026-02'), '2026-03-10', cal, staff);
    expect([first.total.due, first.total.overdue, first.total.coefficient]).toEqual([1, 1, 0]);
    expect([again.total.due, again.total.overdue, again.total.coefficient]).toEqual([1, 1, 0]);
    expect(deadlineInForce('2026-03-20', after.history, '2026-02-28')).toBe('2026-02-20');
    expect(deadlineInForce('2026-03-20', after.history, '2026-03-02')).toBe('2026-03-20');
  });
  it('an execution recorded after the period ends counts as «Не исполнено, срок истёк» in it', () => {
    const done = order({ number: 'И', deadline: '2026-02-20', doneDate: '2026-03-05' });
    const feb = buildExecutionReport([done], period('2026-02'), '2026-03-10', cal, staff);
    expect([feb.total.late, feb.total.overdue]).toEqual([0, 1]);
    // In March's own report (not ended) it is an order of a past period executed in March.
    const mar = buildExecutionReport([done], period('2026-03'), '2026-03-10', cal, staff);
    expect(mar.total.carriedOver).toBe(1);
  });
});

describe('a future «Дата исполнения» or one before the protocol is a data problem, not an execution', () => {
  it('a future date: not executed in «Состояние» nor in the report', () => {
    expect(validDoneDate('2026-03-25', '2026-03-10', null)).toBeNull();
    expect(validDoneDate('2026-02-01', '2026-03-10', '2026-02-05')).toBeNull();
    expect(validDoneDate('2026-03-10', '2026-03-10', '2026-02-05')).toBe('2026-03-10');
    const st = orderState(
      { executor: 'Иванов И.И.', deadline: '2026-03-06', status: 'Готово', doneDate: '2026-03-25' },
      '2026-03-10',
      s,
      cal,
    );
    expect(st).toBe('Просрочено');
    const o = order({ number: 'К', deadline: '2026-03-06', doneDate: '2026-03-25' });
    const rep = buildExecutionReport([o], period('2026-03'), '2026-03-10', cal, staff);
    expect([rep.total.onTime, rep.total.late, rep.total.overdue]).toEqual([0, 0, 1]);
  });
});

describe('000 п.7: the entry rule reads «Внесено» and nothing else', () => {
  it('an order typed the afternoon after the meeting (mail off) is entered in time', () => {
    // Meeting Tue 03.03.2026; «в течение одного рабочего дня» → by Wed 04.03; typed Wed afternoon.
    expect(isLateEntry('2026-03-03', '2026-03-04', 1, cal)).toBe(false);
    expect(isLateEntry('2026-03-03', '2026-03-05', 1, cal)).toBe(true);
  });
});

describe('removal from control: 001 гл.7 п.2.4.15, п.2.4.17; 003 п.199', () => {
  const done = blankOrder({
    executor: 'Иванов И.И.',
    deadline: '2026-03-20',
    status: 'Готово',
    doneDate: '2026-03-10',
    history: '',
  });
  it('default mode (000 п.13–14): «Готово» closes the order; no waiting', () => {
    expect(awaitsRemoval(done, 'executor')).toBe(false);
    expect(isCompleted(done, 'executor')).toBe(true);
    expect(orderState(done, '2026-03-10', s, cal)).toBe('Исполнено в срок');
    // 5 working days after 10.03.2026 → 17.03.2026.
    expect(archiveDay(done, 'executor', 5, cal)).toBe('2026-03-17');
  });
  it('giver mode: «Готово» → «Ожидает снятия с контроля»; no archive before «Снято»', () => {
    expect(orderState(done, '2026-03-10', giver, cal)).toBe('Ожидает снятия с контроля');
    expect(archiveDay(done, 'giver', 5, cal)).toBeNull();
  });
  it('«Снято» completes the order; the archive delay counts from the day of «Снято»', () => {
    const p = removalPatch({ ...done, removal: 'Снято' }, '2026-03-12', 'giver');
    expect(p.history).toEqual(['12.03.2026: снято с контроля']);
    const removed = { ...done, removal: 'Снято', history: p.history.join('\n') };
    expect(orderState(removed, '2026-03-12', giver, cal)).toBe('Исполнено в срок');
    // 5 working days after Thu 12.03.2026 → Thu 19.03.2026 (not 17.03 from «Дата исполнения»).
    expect(archiveDay(removed, 'giver', 5, cal)).toBe('2026-03-19');
    // Applied again (a re-run): nothing new.
    expect(removalPatch(removed, '2026-03-13', 'giver').history).toEqual([]);
  });
  it('«Не снято» is a return for rework (000 п.14), counted once', () => {
    const p = removalPatch({ ...done, removal: 'Не снято' }, '2026-03-12', 'giver');
    expect(p).toEqual({
      status: 'На доработке',
      removal: '',
      clearDoneDate: true,
      returns: 1,
      history: ['12.03.2026: не снято с контроля, возвращено на доработку (снята дата исполнения 10.03.2026)'],
    });
    // A run stopped after «История» was written: the cells are finished, nothing counted again.
    const again = removalPatch({ ...done, removal: 'Не снято', history: p.history[0] }, '2026-03-12', 'giver');
    expect(again.returns).toBeUndefined();
    expect(again.status).toBe('На доработке');
    // In the default mode the column is ignored.
    expect(removalPatch({ ...done, removal: 'Не снято' }, '2026-03-12', 'executor')).toEqual({ history: [] });
  });
});

describe('001 гл.7 п.2.4.2, п.2.4.10: who approved an extension, and a decision after the control date', () => {
  const o = blankOrder({
    executor: 'Иванов И.И.',
    deadline: '2026-02-20',
    originalDeadline: '2026-02-20',
    requestedDate: '2026-03-20',
    decision: 'Согласован',
  });
  it('the approver goes to «История»; after the control date the decision is listed as a problem', () => {
    const late = step2Patch(o, {
      today: '2026-03-02',
      settings: s,
      calendar: cal,
      protocolDate: null,
      approver: 'Глава',
    });
    expect(late.patch.history[0]).toBe(
      '02.03.2026: перенос срока согласован: с 20.02.2026 на 20.03.2026; согласовал: Глава',
    );
    expect(late.patch.deadline).toBe('2026-03-20');
    expect(late.issues.map((i) => i.message).join()).toContain('п.2.4.10');
    const inTime = step2Patch(o, {
      today: '2026-02-16',
      settings: s,
      calendar: cal,
      protocolDate: null,
      approver: 'Глава',
    });
    expect(inTime.issues).toEqual([]);
  });
});
