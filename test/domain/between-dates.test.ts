// Control between the dates (spec Round 3; issue 22): each rule against the passage it encodes.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { coExecutorDeadline, coExecutorNotices } from '../../src/domain/co-executors';
import { escalationDigests, escalationDue, escalationKey, unplacedKey } from '../../src/domain/escalation';
import { buildExecutionReport } from '../../src/domain/execution-report';
import { interimEvents, noteDays } from '../../src/domain/interim';
import { executedLate, missingLateReason } from '../../src/domain/late-reason';
import type { MeasureStage } from '../../src/domain/measure-plans';
import type { Executor } from '../../src/domain/order';
import { executedLine, statusLine, unitLine } from '../../src/domain/order-events';
import {
  lastSetTerm,
  nextOccurrence,
  normalizePeriodicity,
  occurrenceOrders,
  recordedOccurrences,
  reportedOccurrence,
} from '../../src/domain/periodic';
import { missingPlan } from '../../src/domain/plan-required';
import { parseSettings } from '../../src/domain/settings';
import { speedUp } from '../../src/domain/speed-up';
import { type Unit, unitIndex } from '../../src/domain/units';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;
const never = () => false;

describe('periodic orders (001 гл.6 п.2.2.15, 2.2.17; 003 п.45; non-working days 001 гл.8 п.2.4.2)', () => {
  it('«Периодичность» is one of three words, typed in any case', () => {
    expect(normalizePeriodicity(' ежемесячно ')).toBe('Ежемесячно');
    expect(normalizePeriodicity('')).toBe('');
    expect(normalizePeriodicity('раз в год')).toBeNull();
  });

  it('monthly from 10.04.2026: 10.05 is a Sunday → 08.05; the next keeps the 10th (10.06), no drift', () => {
    const o = { periodicity: 'Ежемесячно', deadline: '2026-04-10', originalDeadline: '2026-04-10', validUntil: null };
    expect(nextOccurrence(o, s, cal)).toEqual({ deadline: '2026-05-08', nominal: '2026-05-10' });
    expect(nextOccurrence({ ...o, deadline: '2026-05-08' }, s, cal)?.deadline).toBe('2026-06-10');
  });

  it('quarterly «до 10 числа місяця, наступного за звітним кварталом» (003 п.45): 10.07, 09.10 (10.10 Sat), 30.12.2026 (10.01.2027 after the New Year holidays and 31.12 off by decree 1466)', () => {
    const o = { periodicity: 'Ежеквартально', originalDeadline: '2026-04-10', validUntil: null };
    expect(nextOccurrence({ ...o, deadline: '2026-04-10' }, s, cal)?.deadline).toBe('2026-07-10');
    expect(nextOccurrence({ ...o, deadline: '2026-07-10' }, s, cal)?.deadline).toBe('2026-10-09');
    expect(nextOccurrence({ ...o, deadline: '2026-10-09' }, s, cal)?.deadline).toBe('2026-12-30');
    // «без переноса» keeps the date as scheduled.
    const keep = { ...s, nonWorkingDeadline: 'keep' as const };
    expect(nextOccurrence({ ...o, deadline: '2026-07-10' }, keep, cal)?.deadline).toBe('2026-10-10');
  });

  it('weekly «еженедельно в пятницу» (001 гл.6 п.2.2.15) until «Действует до»: after the last one, none', () => {
    const o = { periodicity: 'Еженедельно', originalDeadline: '2026-03-06', validUntil: '2026-03-20' };
    expect(nextOccurrence({ ...o, deadline: '2026-03-13' }, s, cal)?.deadline).toBe('2026-03-20');
    expect(nextOccurrence({ ...o, deadline: '2026-03-20' }, s, cal)).toBeNull();
  });

  it('a reported occurrence goes to «История», «Срок» moves on, «Статус» starts afresh; the report reads it back', () => {
    const o = blankOrder({
      number: '12-1',
      executor: 'Панова Н.К.',
      periodicity: 'Ежемесячно',
      status: 'Готово',
      deadline: '2026-04-10',
      originalDeadline: '2026-04-10',
      doneDate: '2026-04-13',
      lateReason: 'ждали данные; из района',
    });
    const p = reportedOccurrence(o, '2026-04-14', s, cal);
    expect(p).toMatchObject({ deadline: '2026-05-08', status: 'В процессе 0', doneDate: null, lateReason: '' });
    expect(p?.history).toEqual([
      '14.04.2026: исполнено повторение со сроком 10.04.2026, дата исполнения 13.04.2026, причина нарушения срока: ждали данные, из района; следующий срок 08.05.2026',
    ]);
    const history = p?.history.join('\n') ?? '';
    expect(recordedOccurrences(history)).toEqual([
      { deadline: '2026-04-10', doneDate: '2026-04-13', lateReason: 'ждали данные, из района' },
    ]);
    const counted = occurrenceOrders({ number: '12-1', deadline: '2026-05-08', doneDate: null, history });
    expect(counted.map((x) => [x.number, x.deadline, x.doneDate])).toEqual([
      ['12-1 (срок 10.04.2026)', '2026-04-10', '2026-04-13'],
      ['12-1', '2026-05-08', null],
    ]);
    // Handed to Орлов on 04.05: April's occurrence stays Панова's in April's report (issue 20 item 8:
    // a finished period names the executor of its end) — the occurrence keeps the order's
    // assignment lines, not its other events.
    const handed = [unitLine('2026-04-01', 'Панова Н.К.', ''), history, unitLine('2026-05-04', 'Орлов П.С.', '')].join(
      '\n',
    );
    const rows = occurrenceOrders({
      ...o,
      executor: 'Орлов П.С.',
      deadline: '2026-05-08',
      doneDate: null,
      history: handed,
    });
    expect(rows[0].history).toBe(
      [unitLine('2026-04-01', 'Панова Н.К.', ''), unitLine('2026-05-04', 'Орлов П.С.', '')].join('\n'),
    );
    const april = {
      kind: 'month' as const,
      code: '2026-04',
      from: '2026-04-01',
      to: '2026-04-30',
      label: 'апрель 2026 г.',
    };
    const r = buildExecutionReport(
      rows.map((x) => ({ ...x, returned: false })),
      april,
      '2026-05-05',
      cal,
      [],
      { nonWorkingDeadline: s.nonWorkingDeadline },
    );
    expect(r.rows.map((x) => [x.executor, x.due, x.late])).toEqual([['Панова Н.К.', 1, 1]]);
    expect(r.late.map((x) => [x.number, x.executor, x.reason])).toEqual([
      ['12-1 (срок 10.04.2026)', 'Панова Н.К.', 'ждали данные, из района'],
    ]);
    // The term the add-on last set is the next occurrence's: not read as a term typed over.
    expect(lastSetTerm(`01.03.2026: срок изменён с 01.04.2026 на 10.04.2026\n${history}`)).toBe('2026-05-08');
    // Not reported, not periodic, or the last occurrence: nothing (the order closes as usual).
    expect(reportedOccurrence({ ...o, status: 'В процессе 50' }, '2026-04-14', s, cal)).toBeNull();
    expect(reportedOccurrence({ ...o, periodicity: '' }, '2026-04-14', s, cal)).toBeNull();
    expect(reportedOccurrence({ ...o, validUntil: '2026-04-30' }, '2026-04-14', s, cal)).toBeNull();
  });
});

describe('late explanation (001 гл.8 п.2.3.2 «с приложенной объяснительной запиской»; 003 п.193)', () => {
  const late = blankOrder({
    number: '5',
    executor: 'Панова Н.К.',
    status: 'Готово',
    deadline: '2026-03-13',
    doneDate: '2026-03-17',
  });
  it('executed after the due date with no reason: a problem only once «в течение 2 рабочих дней» are over', () => {
    expect(executedLate(late, s, cal)).toBe(true);
    expect(missingLateReason(late, '2026-03-19', s, cal)).toBeNull();
    expect(missingLateReason(late, '2026-03-20', s, cal)?.message).toBe(
      'Исполнено 17.03.2026 — позже срока 13.03.2026, а причина нарушения срока не указана (нужно было до 19.03.2026).',
    );
    expect(missingLateReason({ ...late, lateReason: 'болезнь' }, '2026-03-20', s, cal)).toBeNull();
    expect(missingLateReason({ ...late, doneDate: '2026-03-13' }, '2026-03-20', s, cal)).toBeNull();
  });
  const march = {
    kind: 'month' as const,
    code: '2026-03',
    from: '2026-03-01',
    to: '2026-03-31',
    label: 'март 2026 г.',
  };
  // The order book's rows as the report reads them (jobs/reports: «На доработке» is `returned`).
  const report = (orders: (typeof late)[], today: string) =>
    buildExecutionReport(
      orders.map((o) => ({ ...o, returned: o.status === 'На доработке' })),
      march,
      today,
      cal,
      [],
      { nonWorkingDeadline: s.nonWorkingDeadline },
    );
  const lateOf = (orders: (typeof late)[], today: string) => report(orders, today).late;
  it('«Исполнено с нарушением срока»: №, executor, term, executed, working days late, reason', () => {
    const rows = lateOf(
      [
        { ...late, lateReason: 'болезнь' },
        { ...late, number: '6', doneDate: '2026-03-12' },
        { ...late, number: '7', deadline: '2026-03-08', doneDate: '2026-03-10' },
      ],
      '2026-04-01',
    );
    // № 7: 08.03.2026 is a Sunday → due 06.03 (Fri); 09.03 is off (decree 1466) → 10.03 is 1 working day late.
    expect(rows.map((r) => [r.number, r.deadline, r.doneDate, r.daysLate, r.reason])).toEqual([
      ['7', '2026-03-06', '2026-03-10', 1, ''],
      ['5', '2026-03-13', '2026-03-17', 2, 'болезнь'],
    ]);
  });
  it("the table lists exactly what the report counts late, under the executor of the period's end", () => {
    // № 5 was Панова's in March and handed to Орлов on 02.04: March keeps Панова (the events of its
    // end, as its executors' rows do); the table and the «с нарушением» figure agree.
    const handed = {
      ...late,
      executor: 'Орлов П.С.',
      history: [unitLine('2026-03-02', 'Панова Н.К.', 'Отдел контроля'), unitLine('2026-04-02', 'Орлов П.С.', '')].join(
        '\n',
      ),
    };
    const r = report([handed], '2026-04-03');
    expect(r.late.map((x) => [x.number, x.executor])).toEqual([['5', 'Панова Н.К.']]);
    expect(r.total.late).toBe(r.late.length);
    // Returned for rework after March: March still counts it late and lists it (000 п.14).
    const history = [
      handed.history,
      executedLine('2026-03-17', '2026-03-17'),
      statusLine('2026-04-03', 'На доработке'),
    ];
    const again = report([{ ...handed, status: 'На доработке', history: history.join('\n') }], '2026-04-04');
    expect([again.total.late, again.late.length]).toEqual([1, 1]);
  });
});

describe('escalation to the unit head (004 п.4.1.4, 4.2.1; «через 3 рабочих дня»)', () => {
  const ex = (name: string, unit: string): Executor => ({
    row: 2,
    name,
    position: '',
    unit,
    email: `${name[0]}@x.ru`,
    substitute: '',
    absentFrom: null,
    absentTo: null,
  });
  const executors = new Map([
    ['панова н.к.', ex('Панова Н.К.', 'Отдел контроля')],
    ['орлов п.с.', ex('Орлов П.С.', 'Нет такого')],
  ]);
  const units = unitIndex([{ row: 2, name: 'Отдел контроля', head: 'Глава О.О.', email: 'head@x.ru' } as Unit]);
  const o = (n: string, deadline: string, executor = 'Панова Н.К.') =>
    blankOrder({ number: n, executor, deadline, status: 'В процессе 50' });
  it("due at 3 working days overdue, once per order; the message lists all the unit's overdue orders", () => {
    const a = o('1', '2026-03-10');
    expect(escalationDue(a, '2026-03-12', s, cal)).toBe(false);
    expect(escalationDue(a, '2026-03-13', s, cal)).toBe(true);
    const orders = [a, o('2', '2026-03-12'), o('3', '2026-03-20'), o('4', '2026-03-05', 'Орлов П.С.')];
    const r = escalationDigests(orders, executors, units, '2026-03-13', s, cal, never);
    expect(r.digests).toHaveLength(1);
    expect(r.digests[0].unit.email).toBe('head@x.ru');
    expect(r.digests[0].keys).toEqual([escalationKey('1')]);
    expect(r.digests[0].overdue.map((x) => [x.order.number, x.days])).toEqual([
      ['1', 3],
      ['2', 1],
    ]);
    expect(r.unplaced.map((x) => x.number)).toEqual(['4']);
    // Sent once: the next day nothing new → no message.
    const sent = (k: string) => k === escalationKey('1') || k === escalationKey('4');
    expect(escalationDigests(orders, executors, units, '2026-03-16', s, cal, sent).digests).toEqual([]);
    // The controller is told once that № 4 has no unit to escalate to, not every run.
    const told = (k: string) => k === unplacedKey('4');
    expect(escalationDigests(orders, executors, units, '2026-03-13', s, cal, told).unplaced).toEqual([]);
  });
});

describe('interim dates (001 гл.7 п.3.3 «сроки промежуточного контроля»; stages of 001 гл.6 п.2.2.16)', () => {
  const o = blankOrder({
    number: '9',
    executor: 'Панова Н.К.',
    status: 'В процессе 0',
    deadline: '2026-04-30',
    interimDate: '2026-03-20',
    enteredAt: '2026-03-02',
    progress: '05.03.2026: собраны заявки',
  });
  const stage: MeasureStage = {
    row: 2,
    order: '9',
    measure: 'Смета',
    deadline: '2026-04-10',
    responsible: '',
    done: false,
  };
  it('a reminder the working day before; a line for the controller when it passes without a note since the previous one', () => {
    expect(noteDays(o.progress)).toEqual(['2026-03-05']);
    expect(interimEvents(o, [stage], '2026-03-19', s, cal, never).map((e) => e.kind)).toEqual(['remind']);
    // 23.03: the interim date passed, a note of 05.03 is after «Внесено» 02.03 → no line.
    expect(interimEvents(o, [stage], '2026-03-23', s, cal, never)).toEqual([]);
    // The stage of 10.04 passes with no note since 20.03 → the controller's line.
    const e = interimEvents(o, [stage], '2026-04-13', s, cal, never);
    expect(e.map((x) => [x.kind, x.at.what, x.since])).toEqual([['missed', 'Смета', '2026-03-20']]);
    expect(
      interimEvents(
        { ...o, progress: `${o.progress}\n01.04.2026: смета готова` },
        [stage],
        '2026-04-13',
        s,
        cal,
        never,
      ),
    ).toEqual([]);
    expect(interimEvents(o, [{ ...stage, done: true }], '2026-04-13', s, cal, never)).toEqual([]);
  });
});

describe("co-executors' date (003 п.80, 111, 133 «не менше, ніж за чотири робочих дні»)", () => {
  const o = blankOrder({
    number: '3',
    executor: 'Панова Н.К.',
    coExecutors: ['Орлов П.С.'],
    status: 'В процессе 0',
    deadline: '2026-03-20',
  });
  it('«Срок соисполнителям» = the due date minus 4 working days; reminder before, overdue after it', () => {
    expect(coExecutorDeadline(o, s, cal)).toBe('2026-03-16');
    expect(coExecutorDeadline({ ...o, coExecutors: [] }, s, cal)).toBeNull();
    expect(coExecutorNotices(o, '2026-03-13', s, cal, never).map((n) => [n.kind, n.person])).toEqual([
      ['remind', 'Орлов П.С.'],
    ]);
    expect(coExecutorNotices(o, '2026-03-17', s, cal, never).map((n) => n.kind)).toEqual(['overdue']);
    expect(coExecutorNotices(o, '2026-03-23', s, cal, never)).toEqual([]);
    // Given on 16.03 (the co-executors' date itself): no days of their own, no notices of their own.
    expect(coExecutorNotices({ ...o, enteredAt: '2026-03-16' }, '2026-03-16', s, cal, never)).toEqual([]);
    expect(coExecutorNotices({ ...o, enteredAt: '2026-03-16' }, '2026-03-17', s, cal, never)).toEqual([]);
  });
});

describe('plan of measures (001 гл.6 п.2.2.16 «срок реализации … более 30 календарных дней»)', () => {
  const o = blankOrder({
    number: '4',
    executor: 'Панова Н.К.',
    status: 'В процессе 0',
    deadline: '2026-05-15',
    enteredAt: '2026-03-02',
  });
  it('a long order without stages 5 working days after «Внесено» is a problem; 30 days or less is not', () => {
    expect(missingPlan(o, '2026-03-02', 0, '2026-03-10', s, cal)).toBeNull();
    expect(missingPlan(o, '2026-03-02', 0, '2026-03-11', s, cal)?.message).toMatch(
      /^Срок поручения — 74 дн\. \(дольше 30\), а плана мероприятий нет: его нужно было внести до 10\.03\.2026/,
    );
    expect(missingPlan(o, '2026-03-02', 2, '2026-03-11', s, cal)).toBeNull();
    expect(missingPlan({ ...o, deadline: '2026-04-01' }, '2026-03-02', 0, '2026-03-11', s, cal)).toBeNull();
  });
});

describe('speed-up reminder (001 гл.7 п.2.4.7–2.4.8 «не более 10 дней от даты поступления напоминания»)', () => {
  const o = blankOrder({ number: '8', executor: 'Панова Н.К.', status: 'В процессе 50', deadline: '2026-03-06' });
  it('an overdue order: expected in 10 days (on a working day), once a day; not for one not overdue', () => {
    const r = speedUp(o, '2026-03-11', s, cal);
    expect(r).toMatchObject({
      ok: true,
      expected: '2026-03-20',
      line: '11.03.2026: напоминание об ускорении: исполнить не позднее 20.03.2026',
    });
    const again = speedUp({ ...o, history: r.ok ? r.line : '' }, '2026-03-11', s, cal);
    expect(again).toEqual({ ok: false, reason: 'Напоминание об ускорении по № 8 сегодня уже отправлено.' });
    expect(speedUp(o, '2026-03-05', s, cal)).toMatchObject({ ok: false });
    // 10 days from 12.03 is 22.03, a Sunday → 20.03.
    expect(speedUp(o, '2026-03-12', s, cal)).toMatchObject({ ok: true, expected: '2026-03-20' });
  });
});

describe('what «Мои поручения» shows of it (spec Round 3; the same rules)', () => {
  it("the occurrence being reported, the interim and co-executors' dates, and the late reason asked after the term", async () => {
    const { betweenDates } = await import('../../src/domain/page-between');
    const o = blankOrder({
      periodicity: 'Ежемесячно',
      deadline: '2026-05-10',
      validUntil: '2026-06-30',
      interimDate: '2026-05-04',
      coDeadline: '2026-04-30',
    });
    expect(betweenDates(o, '2026-04-20', s, cal)).toEqual({
      occurrence: 'Ежемесячно: отчёт за срок 08.05.2026 (до 30.06.2026)',
      interim: 'Промежуточный срок: 04.05.2026',
      coDeadline: 'Срок соисполнителям: 30.04.2026',
      askLateReason: false,
      lateReason: '',
    });
    expect(betweenDates(o, '2026-05-11', s, cal)).toMatchObject({ interim: '', askLateReason: true });
  });

  it('«Готово» after the term without «Причина нарушения срока» is refused by the server as by the page (001 гл.8 п.2.3.2)', async () => {
    const { orderChange } = await import('../../src/domain/my-orders');
    const env = { today: '2026-03-10', settings: s, calendar: cal };
    const o = blankOrder({ number: '5', deadline: '2026-03-06', status: 'В процессе 0' });
    const a = { kind: 'order' as const, number: '5', version: 'v', status: 'Готово' };
    expect(orderChange(a, o, env)).toEqual({
      error:
        'Срок (06.03.2026) прошёл: укажите причину нарушения срока и принятые меры — без неё отметку «Готово» не сохранить.',
      field: 'lateReason',
    });
    expect(orderChange({ ...a, lateReason: ' Поздно пришли данные ' }, o, env)).toEqual({
      change: { status: 'Готово', lateReason: 'Поздно пришли данные' },
    });
    // Written in the sheet before, or on time: nothing asked.
    expect(orderChange(a, { ...o, lateReason: 'есть' }, env)).toEqual({ change: { status: 'Готово' } });
    expect(orderChange(a, { ...o, deadline: '2026-03-10' }, env)).toEqual({ change: { status: 'Готово' } });
  });

  it('a page note’s author is read back from «История»; old lines (no author, a status by the page) still read (003 п.80, 111, 133)', async () => {
    const { parseEvents, noteLine } = await import('../../src/domain/order-events');
    const { coExecutorNotes } = await import('../../src/domain/co-executors');
    expect(noteLine('2026-03-10', 'Орлова О.О. <orlova@adm.test>')).toBe(
      '10.03.2026: запись о ходе исполнения добавлена через страницу: Орлова О.О. <orlova@adm.test>',
    );
    const history = [
      '02.03.2026: статус «В процессе 0» отмечен через страницу: Белова Б.Б. <belova@adm.test>',
      '01.03.2026: запись о ходе исполнения добавлена через страницу: Сидорова С.С. <sidorova@adm.test>',
      '05.03.2026: запись о ходе исполнения добавлена через страницу',
      '06.03.2026: запись о ходе исполнения добавлена через страницу: petrov@adm.test',
      noteLine('2026-03-10', 'Орлова О.О. <Orlova@adm.test>'),
    ].join('\n');
    expect(parseEvents(history)).toEqual([
      { day: '2026-03-02', kind: 'status', status: 'В процессе 0' },
      { day: '2026-03-01', kind: 'note', name: 'Сидорова С.С.', email: 'sidorova@adm.test' },
      { day: '2026-03-05', kind: 'note', name: '', email: '' },
      { day: '2026-03-06', kind: 'note', name: '', email: 'petrov@adm.test' },
      { day: '2026-03-10', kind: 'note', name: 'Орлова О.О.', email: 'orlova@adm.test' },
    ]);
    // Since «Внесено» 02.03: Сидорова's note of 01.03 is before the order; Петров signed by address only.
    const o = { coExecutors: ['Орлова О.О.', 'Сидорова С.С.', 'Петров П.П.'], history, enteredAt: '2026-03-02' };
    expect(coExecutorNotes(o, new Map([['петров п.п.', 'petrov@adm.test']]))).toEqual([
      { name: 'Орлова О.О.', noted: '2026-03-10' },
      { name: 'Сидорова С.С.', noted: null },
      { name: 'Петров П.П.', noted: '2026-03-06' },
    ]);
    expect(coExecutorNotes({ ...o, enteredAt: null })[1]).toEqual({ name: 'Сидорова С.С.', noted: '2026-03-01' });
    // Typed into the sheet by Петров (onEdit names the editor by address): his, dated the day typed.
    const typed = noteLine('2026-03-12', 'petrov@adm.test', 'sheet');
    expect(typed).toBe('12.03.2026: запись о ходе исполнения добавлена в таблице: petrov@adm.test');
    expect(parseEvents(typed)).toEqual([{ day: '2026-03-12', kind: 'note', name: '', email: 'petrov@adm.test' }]);
    const both = { ...o, history: `${history}\n${typed}` };
    expect(coExecutorNotes(both, new Map([['петров п.п.', 'petrov@adm.test']]))[2]).toEqual({
      name: 'Петров П.П.',
      noted: '2026-03-12',
    });
  });
});
