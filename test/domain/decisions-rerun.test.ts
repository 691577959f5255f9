// Step 2 finished by a re-run after a cut (Apps Script stops a run at 6 minutes, between any two
// calls). The daily check writes the system columns («Первоначальный срок», «Переносов»,
// «Возвратов», «История») first and people's cells after, in the order «№», «Срок», «Дата
// исполнения», «Запрошенный срок», «Обоснование переноса», «Решение по переносу»; whatever prefix
// of that landed, the re-run must end where one clean run ends. Seeds: 000 п.11–12 (extension
// decided by the controller), п.14 (return for rework counts once), 001 гл.7 п.2.2.18 (blank «Срок»).
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { assignNumber, type OrderPatch, step2Patch } from '../../src/domain/decisions';
import { appendHistory } from '../../src/domain/history';
import type { OrderRecord } from '../../src/domain/order';
import { parseSettings } from '../../src/domain/settings';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
const settings = parseSettings([], 'Europe/Moscow').settings;
const env = { today: '2026-03-02', settings, calendar: cal, protocolDate: '2026-02-27' };

const order = (p: Partial<OrderRecord> = {}): OrderRecord =>
  blankOrder({
    number: '6-2',
    protocol: '6',
    text: 'т',
    executor: 'Петрова А.С.',
    deadline: '2026-03-16',
    status: 'В процессе 50',
    ...p,
  });

/** The system columns of a patch written, people's cells not. */
function systemWritten(o: OrderRecord, p: OrderPatch): OrderRecord {
  return {
    ...o,
    originalDeadline: o.originalDeadline ?? p.originalDeadline ?? null,
    extensions: p.extensions ?? o.extensions,
    returns: p.returns ?? o.returns,
    history: appendHistory(o.history, p.history),
  };
}

/** People's cells of a patch, the first `n` of them in the order the daily check writes them. */
const PEOPLE_STEPS = ['deadline', 'doneDate', 'requestedDate', 'requestReason', 'decision'] as const;
function peopleWritten(o: OrderRecord, p: OrderPatch, n: number): OrderRecord {
  const r = { ...o };
  for (const step of PEOPLE_STEPS.slice(0, n)) {
    if (step === 'deadline' && p.deadline !== undefined) r.deadline = p.deadline;
    if (step === 'doneDate' && p.clearDoneDate) r.doneDate = null;
    if (step === 'requestedDate' && p.clearRequest) r.requestedDate = null;
    if (step === 'requestReason' && p.clearRequest) r.requestReason = '';
    if (step === 'decision' && p.clearRequest) r.decision = '';
  }
  return r;
}

/** One whole run: the patch computed and every cell written. */
function run(o: OrderRecord): OrderRecord {
  const { patch } = step2Patch(o, env);
  return peopleWritten(systemWritten(o, patch), patch, PEOPLE_STEPS.length);
}

/** A run stopped after the system columns and `n` people's columns, then a whole run. */
function cutThenRun(o: OrderRecord, n: number): OrderRecord {
  const { patch } = step2Patch(o, env);
  return run(peopleWritten(systemWritten(o, patch), patch, n));
}

const cases: [string, OrderRecord][] = [
  [
    'approved extension (000 п.12)',
    order({
      requestedDate: '2026-03-31',
      requestReason: 'ждём контрольные цифры',
      decision: 'Согласован',
      history: '26.02.2026: запрошен перенос срока на 31.03.2026',
    }),
  ],
  [
    'refused extension (000 п.11)',
    order({ deadline: '2026-03-13', requestedDate: '2026-03-27', requestReason: 'объём', decision: 'Отклонён' }),
  ],
  ['refused without a requested date', order({ deadline: '2026-03-13', decision: 'Отклонён' })],
  ['return for rework (000 п.14)', order({ status: 'На доработке', doneDate: '2026-02-27', returns: 1 })],
  ['blank «Срок» filled (001 гл.7 п.2.2.18)', order({ deadline: null, urgency: 'Срочно' })],
];

describe('a cut after the system columns and any prefix of people’s cells, then a re-run', () => {
  for (const [name, o] of cases)
    it(`${name}: the same end state as one clean run, for every cut`, () => {
      const clean = run(o);
      // The clean run did something (else the comparison proves nothing).
      expect(clean).not.toEqual(o);
      for (let n = 0; n <= PEOPLE_STEPS.length; n++) expect(cutThenRun(o, n), `cut after ${n}`).toEqual(clean);
    });

  it('an approval is counted once: «Переносов» 1, «Первоначальный срок» the old date, one line', () => {
    const [, o] = cases[0];
    const end = cutThenRun(o, 1); // «Срок» moved, the request still there
    expect(end.extensions).toBe(1);
    expect(end.deadline).toBe('2026-03-31');
    expect(end.originalDeadline).toBe('2026-03-16');
    expect(end.history.match(/согласован/g)).toHaveLength(1);
    expect(end.history).toMatch(/с 16\.03\.2026 на 31\.03\.2026/);
  });

  it('a new request after a decision is decided again, not taken for the old one', () => {
    const decided = run(cases[0][1]);
    const again = order({
      ...decided,
      requestedDate: '2026-04-15',
      requestReason: 'ещё нужно время',
      decision: 'Согласован',
      history: appendHistory(decided.history, ['10.03.2026: запрошен перенос срока на 15.04.2026']),
    });
    const end = run(again);
    expect(end.extensions).toBe(2);
    expect(end.deadline).toBe('2026-04-15');
  });
});

describe('blank «№» (spec «Daily check» step 2)', () => {
  it('a № recorded in «История» but not written is assigned again, without a second line', () => {
    const first = assignNumber({ protocol: '7', history: '' }, new Set(['7-2']), '2026-03-02');
    expect(first).toEqual({ number: '7-1', line: '02.03.2026: № не был указан, присвоен 7-1' });
    const again = assignNumber({ protocol: '7', history: first.line as string }, new Set(['7-2']), '2026-03-02');
    expect(again).toEqual({ number: '7-1', line: null });
  });
  it('a recorded № taken by another row meanwhile: the next free one, with its line', () => {
    const r = assignNumber(
      { protocol: '7', history: '02.03.2026: № не был указан, присвоен 7-1' },
      new Set(['7-1']),
      '2026-03-03',
    );
    expect(r).toEqual({ number: '7-2', line: '03.03.2026: № не был указан, присвоен 7-2' });
  });
});
