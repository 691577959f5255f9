// «Отчёт: исполнение» on a hand-built fixture. Every expected number is worked out by hand in the
// comments, not computed by the code under test.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import {
  buildExecutionReport,
  classifyOrder,
  disciplineCoefficient,
  type ExecutorRow,
  executorRowCells,
  formatCoefficient,
  isCarriedOver,
  NO_EXECUTOR,
  type ReportOrder,
} from '../../src/domain/execution-report';
import { type Period, parsePeriod } from '../../src/domain/periods';

function period(s: string): Period {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(r.error);
  return r.period;
}
function order(p: Partial<ReportOrder> & Pick<ReportOrder, 'number' | 'executor'>): ReportOrder {
  return {
    text: `Поручение ${p.number}`,
    deadline: null,
    doneDate: null,
    returned: false,
    extensions: 0,
    returns: 0,
    ...p,
  };
}

const IV = 'Иванов И.И.';
const PE = 'Петрова А.С.';
const SI = 'Сидоров П.П.';
// «Исполнители»; «петрова а.с.» in П-1 is matched case- and space-insensitively and shown as spelt here.
const units = [
  { name: IV, unit: 'Отдел экономики' },
  { name: PE, unit: 'Юридический отдел' },
  { name: SI, unit: 'Отдел ЖКХ' },
  { name: 'Козлов К.К.', unit: 'Отдел культуры' }, // no orders: no row
];

// Period 2026-Q1 = 01.01.2026–31.03.2026, generated on Friday 20.03.2026.
const Q1 = period('2026-Q1');
const TODAY = '2026-03-20';

const FIXTURE: ReportOrder[] = [
  // Иванов
  order({ number: 'И-1', executor: IV, deadline: '2026-02-10', doneDate: '2026-02-09' }), // on time
  order({ number: 'И-2', executor: IV, deadline: '2026-02-20', doneDate: '2026-02-25', extensions: 1 }), // late
  order({ number: 'И-3', executor: IV, deadline: '2026-03-10' }), // overdue: 10.03 < 20.03
  order({ number: 'И-4', executor: IV, deadline: '2026-03-27', extensions: 2 }), // running, extended twice
  order({ number: 'И-5', executor: IV, deadline: '2026-01-20', doneDate: '2026-01-19' }), // archived, on time
  order({ number: 'И-6', executor: IV, deadline: '2025-12-15' }), // carried over, still open
  // Петрова
  order({ number: 'П-1', executor: ' петрова  а.с.', deadline: '2026-03-05', doneDate: '2026-03-05' }), // on time (same day, 000 п.13)
  order({ number: 'П-2', executor: PE, deadline: '2026-02-27', doneDate: '2026-02-26', returned: true, returns: 1 }), // returned → not executed, overdue (000 п.14)
  order({ number: 'П-3', executor: PE, deadline: '2025-12-25', doneDate: '2026-01-15' }), // carried over, executed in the period
  order({ number: 'П-4', executor: PE, deadline: '2025-12-10', doneDate: '2025-12-09' }), // before the period and done: not counted
  order({ number: 'П-5', executor: PE, deadline: '2026-04-10' }), // after the period: not counted
  order({ number: 'П-6', executor: PE, deadline: '2026-03-20' }), // due today: still running
  // Сидоров
  order({ number: 'С-1', executor: SI, deadline: '2026-01-30', doneDate: '2026-02-02', returns: 1 }), // archived, late, once returned
  order({ number: 'С-2', executor: SI, deadline: '2026-03-31', doneDate: '2026-03-18', extensions: 1 }), // on time, early
  order({ number: 'С-3', executor: SI }), // no control date: left out
  order({ number: 'С-4', executor: SI, text: '=SUM(A1)', deadline: '2026-03-02' }), // overdue
  order({ number: 'С-5', executor: SI, deadline: '2025-11-28', doneDate: '2025-11-27', returned: true, returns: 2 }), // carried over, returned
  // no executor
  order({ number: 'Х-1', executor: ' ', deadline: '2026-03-11' }), // overdue
];

const cal = new WorkCalendar();

describe('classification (000 п.13–14, 001 гл.7 п.2.5.2)', () => {
  it('on time when «Дата исполнения» ≤ «Срок», late after it', () => {
    expect(classifyOrder({ ...FIXTURE[0], deadline: '2026-02-10' }, TODAY)).toBe('onTime');
    expect(classifyOrder({ ...FIXTURE[6], deadline: '2026-03-05' }, TODAY)).toBe('onTime');
    expect(classifyOrder({ ...FIXTURE[1], deadline: '2026-02-20' }, TODAY)).toBe('late');
  });
  it('a returned order counts as not executed even with a «Дата исполнения» (000 п.14)', () => {
    expect(classifyOrder({ ...FIXTURE[7], deadline: '2026-02-27' }, TODAY)).toBe('overdue');
  });
  it('not executed: overdue when the control date is before the day of generation, else running', () => {
    expect(classifyOrder({ ...FIXTURE[2], deadline: '2026-03-10' }, TODAY)).toBe('overdue');
    expect(classifyOrder({ ...FIXTURE[11], deadline: '2026-03-20' }, TODAY)).toBe('running');
  });
  it('carried over: control date before the period and not executed when it began', () => {
    expect(isCarriedOver(FIXTURE[5], Q1)).toBe(true); // open
    expect(isCarriedOver(FIXTURE[8], Q1)).toBe(true); // done 15.01.2026, after the start
    expect(isCarriedOver(FIXTURE[9], Q1)).toBe(false); // done 09.12.2025
    expect(isCarriedOver(FIXTURE[16], Q1)).toBe(true); // returned
    expect(
      isCarriedOver(order({ number: 'x', executor: IV, deadline: '2025-12-31', doneDate: '2026-01-01' }), Q1),
    ).toBe(true); // done on the first day: still open when it began
    expect(
      isCarriedOver(order({ number: 'x', executor: IV, deadline: '2025-12-30', doneDate: '2025-12-31' }), Q1),
    ).toBe(false);
  });
});

describe('coefficient (001 гл.7 п.2.5.1: on time ÷ all due, with past overdue)', () => {
  it('one decimal, blank (null) when the divisor is zero', () => {
    expect(disciplineCoefficient({ onTime: 2, late: 1, overdue: 1, carriedOver: 1 })).toBe(40); // 2/5
    expect(disciplineCoefficient({ onTime: 1, late: 0, overdue: 1, carriedOver: 1 })).toBe(33.3); // 1/3 = 33.33…
    expect(disciplineCoefficient({ onTime: 2, late: 0, overdue: 1, carriedOver: 0 })).toBe(66.7); // 2/3 = 66.66…
    expect(disciplineCoefficient({ onTime: 0, late: 0, overdue: 0, carriedOver: 0 })).toBeNull();
    expect(formatCoefficient(66.7)).toBe('66,7 %');
    expect(formatCoefficient(null)).toBe('—');
  });
});

describe('buildExecutionReport on the fixture, 2026-Q1 on 20.03.2026', () => {
  const rep = buildExecutionReport(FIXTURE, Q1, TODAY, cal, units);
  const row = (name: string): ExecutorRow => {
    const r = rep.rows.find((x) => x.executor === name);
    if (!r) throw new Error(`no row ${name}`);
    return r;
  };

  it('executors in alphabetical order, «Исполнитель не указан» last, units from «Исполнители»', () => {
    expect(rep.rows.map((r) => [r.executor, r.unit])).toEqual([
      [IV, 'Отдел экономики'],
      [PE, 'Юридический отдел'],
      [SI, 'Отдел ЖКХ'],
      [NO_EXECUTOR, ''],
    ]);
  });

  it('Иванов: due 5 (И-1…И-5) = 2 on time (И-1, И-5) + 1 late (И-2) + 1 overdue (И-3) + 1 running (И-4); 3 extensions (1 + 2); 1 carried (И-6)', () => {
    expect(executorRowCells(row(IV)).slice(0, 10)).toEqual([IV, 'Отдел экономики', 5, 2, 1, 1, 1, 3, 0, 1]);
  });
  it('Петрова: due 3 (П-1, П-2, П-6) = 1 on time + 0 late + 1 overdue (returned П-2) + 1 running (П-6); 1 return; 1 carried (П-3)', () => {
    expect(executorRowCells(row(PE)).slice(0, 10)).toEqual([PE, 'Юридический отдел', 3, 1, 0, 1, 1, 0, 1, 1]);
  });
  it('Сидоров: due 3 (С-1, С-2, С-4) = 1 on time (С-2) + 1 late (С-1) + 1 overdue (С-4) + 0 running; 1 extension; 1 return (С-1; С-5 is not in the period); 1 carried (С-5)', () => {
    expect(executorRowCells(row(SI)).slice(0, 10)).toEqual([SI, 'Отдел ЖКХ', 3, 1, 1, 1, 0, 1, 1, 1]);
  });
  it('no executor: 1 due, 1 overdue, 0/1 = 0.0 %', () => {
    expect(executorRowCells(row(NO_EXECUTOR))).toEqual([NO_EXECUTOR, '', 1, 0, 0, 1, 0, 0, 0, 0, 0]);
  });
  it('«Итого»: due 5+3+3+1 = 12; on time 4; late 2; overdue 4; running 2; extensions 4; returns 2; carried 3', () => {
    expect(executorRowCells(rep.total).slice(0, 10)).toEqual(['Итого', '', 12, 4, 2, 4, 2, 4, 2, 3]);
    // The quarter's coefficient is month by month (001 гл.7 п.2.5.1): see execution-report-months.test.ts.
  });
  it('each due order is exactly one of the four classes', () => {
    for (const r of [...rep.rows, rep.total]) expect(r.onTime + r.late + r.overdue + r.running).toBe(r.due);
  });
  it('the order without a control date is left out and counted', () => {
    expect(rep.withoutDeadline).toBe(1);
  });

  it('overdue list, most overdue first, in working days after «Срок» up to 20.03.2026 (decree 1335/1466 calendar)', () => {
    // С-5 from 28.11.2025: Dec 2025 1–5, 8–12, 15–19, 22–26, 29–30 = 22 (31.12 off by decree);
    //   Jan 2026 12–16, 19–23, 26–30 = 15 (1–9 off); Feb 2–6, 9–13, 16–20, 24–27 = 19 (23.02 off);
    //   Mar 2–6, 10–13, 16–20 = 14 (09.03 off) → 22 + 15 + 19 + 14 = 70.
    // И-6 from 15.12.2025: Dec 16–19, 22–26, 29–30 = 11 → 11 + 15 + 19 + 14 = 59.
    // П-2 from 27.02.2026: March = 14. С-4 from 02.03: 3–6, 10–13, 16–20 = 13.
    // И-3 from 10.03: 11–13, 16–20 = 8. Х-1 from 11.03: 12–13, 16–20 = 7.
    // П-3 (carried over but executed on 15.01) is not listed.
    expect(rep.overdue.map((o) => [o.number, o.deadline, o.workingDaysOverdue])).toEqual([
      ['С-5', '2025-11-28', 70],
      ['И-6', '2025-12-15', 59],
      ['П-2', '2026-02-27', 14],
      ['С-4', '2026-03-02', 13],
      ['И-3', '2026-03-10', 8],
      ['Х-1', '2026-03-11', 7],
    ]);
    expect(rep.overdue.find((o) => o.number === 'С-4')?.text).toBe('=SUM(A1)');
    expect(rep.overdue.find((o) => o.number === 'Х-1')?.executor).toBe(NO_EXECUTOR);
  });
});

describe('other periods on the same fixture', () => {
  it('week 2026-W10 (02.03–08.03), generated 20.03: П-1 on time, С-4 overdue, three carried over', () => {
    // In the week: П-1 (05.03, on time), С-4 (02.03, open → overdue). Carried over (Срок < 02.03 and
    // open on 02.03): И-6, П-2 (returned), С-5 (returned). П-3 was done 15.01, С-1 02.02, И-2 25.02.
    const rep = buildExecutionReport(FIXTURE, period('2026-W10'), TODAY, cal, units);
    expect(rep.rows.map((r) => [r.executor, r.due, r.onTime, r.overdue, r.carriedOver])).toEqual([
      [IV, 0, 0, 0, 1],
      [PE, 1, 1, 0, 1],
      [SI, 1, 0, 1, 1],
    ]);
    // total: on time 1 ÷ (1 + 0 + 1 + 3) = 20.0 %
    expect(rep.total.coefficient).toBe(20);
  });
  it('an executor with only running orders has a blank coefficient', () => {
    const rep = buildExecutionReport(
      [order({ number: '1', executor: IV, deadline: '2026-03-27' })],
      Q1,
      TODAY,
      cal,
      units,
    );
    expect(rep.rows[0].coefficient).toBeNull();
    expect(executorRowCells(rep.rows[0])[10]).toBe('');
    expect(rep.total.coefficient).toBeNull();
  });
  it('an empty period gives no rows and a blank total', () => {
    const rep = buildExecutionReport(FIXTURE, period('2030'), '2030-06-01', cal, units);
    // In 2030 every order of the fixture is before the period; the still-open ones are carried over:
    // И-3, И-4, И-6, П-2, П-5, П-6, С-4, С-5, Х-1 = 9, none executed → 0 %.
    expect(rep.total.due).toBe(0);
    expect(rep.total.carriedOver).toBe(9);
    expect(rep.total.coefficient).toBe(0);
    const none = buildExecutionReport([], period('2026-W10'), TODAY, cal, units);
    expect(none.rows).toEqual([]);
    expect(none.total.coefficient).toBeNull();
  });
});
