// The daily check's order rules (src/domain/rules): each a pure function over one order and the day.
// Dates worked out by hand on the 2026 calendar (no holidays in the weeks used): 03.03.2026 is a
// Tuesday.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import type { Protocol } from '../../src/domain/order';
import { ORDER_RULES, rulesFor } from '../../src/domain/rules/index';
import { lateEntry } from '../../src/domain/rules/late-entry';
import { lateRequest } from '../../src/domain/rules/late-request';
import { numbering } from '../../src/domain/rules/numbering';
import { requestDay, requestDayOf } from '../../src/domain/rules/request-day';
import { applyFix, type OrderFacts, type RuleDay } from '../../src/domain/rules/rule';
import { parseSettings } from '../../src/domain/settings';
import { blankOrder } from './fixtures';

const settings = parseSettings([], 'Europe/Moscow').settings;
const calendar = new WorkCalendar();
const day = (today: string, mode: RuleDay['mode'] = 'daily'): RuleDay => ({ today, settings, calendar, mode });
const protocol = (date: string): Protocol => ({ row: 2, number: '7', date, meeting: '', chair: 'Глава', link: '' });
const facts = (p: Partial<OrderFacts> = {}): OrderFacts => ({
  protocol: null,
  executorByName: new Map(),
  numbersInUse: new Set(),
  sent: () => false,
  ...p,
});

describe('the rule list', () => {
  it('runs the fill rules in order: events, removal, «№», step 2, «Внесено», the unit, the request day', () => {
    expect(rulesFor('fill', 'daily').map((r) => r.name)).toEqual([
      'events',
      'removalDecision',
      'numbering',
      'decisions',
      'enteredAt',
      // The executor's unit once the row is an order, and again when it changes (issue 20 item 8).
      'unit',
      // A reported occurrence of a periodic order moves on after the decisions (issue 22).
      'periodic',
      'requestDay',
    ]);
    // «Отправить новые поручения» decides nothing on removal (the daily check does).
    expect(rulesFor('fill', 'notify').map((r) => r.name)).not.toContain('removalDecision');
    // A non-working day only refreshes «Состояние».
    expect(ORDER_RULES.filter((r) => r.modes.includes('refresh')).map((r) => r.name)).toEqual(['state']);
    // + control between the dates (issue 22): the late reason, the plan of measures, a missed interim date.
    expect(rulesFor('check', 'check').map((r) => r.name)).toEqual([
      'lateRequest',
      'approverOnRecord',
      'eventProblems',
      'lateEntry',
      'lateReason',
      'planRequired',
      'interimMissed',
    ]);
  });

  it('every rule has a unique name', () => {
    const names = ORDER_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('applyFix', () => {
  it('sets the fields, appends «История», and names only the people’s fields it set', () => {
    const o = blankOrder({ history: '01.03.2026: внесено' });
    const written = applyFix(o, {
      set: { number: '7-1', extensions: 1, requestedDate: null },
      history: ['03.03.2026: № присвоен'],
    });
    expect(o.number).toBe('7-1');
    expect(o.extensions).toBe(1);
    expect(o.history).toBe('01.03.2026: внесено\n03.03.2026: № присвоен');
    expect(written).toEqual(['number', 'requestedDate']);
  });
});

describe('000 п.11: a request for an extension no later than 3 working days before the term', () => {
  // Term Friday 13.03.2026: the cut-off is Tuesday 10.03 (11, 12, 13 are the 3 working days).
  const o = blankOrder({ number: '7-1', executor: 'Иванов И.И.', deadline: '2026-03-13', requestedDate: '2026-03-20' });

  it('the first run that sees a request writes its day; later runs read it from «История»', () => {
    const r = requestDay.apply(o, day('2026-03-11'), facts());
    expect(r.fix?.history).toEqual(['11.03.2026: запрошен перенос срока на 20.03.2026']);
    const seen = { ...o, history: r.fix!.history!.join('\n') };
    expect(requestDay.apply(seen, day('2026-03-12'), facts())).toEqual({});
    expect(requestDayOf(seen, '2026-03-12')).toBe('2026-03-11');
  });

  it('asked on 10.03 is on time; on 11.03 it is a problem naming the cut-off', () => {
    const onTime = { ...o, history: '10.03.2026: запрошен перенос срока на 20.03.2026' };
    expect(lateRequest.apply(onTime, day('2026-03-11'), facts()).problems ?? []).toEqual([]);
    const late = { ...o, history: '11.03.2026: запрошен перенос срока на 20.03.2026' };
    const [p] = lateRequest.apply(late, day('2026-03-11'), facts()).problems ?? [];
    expect(p.column).toBe('Запрошенный срок');
    expect(p.message).toContain('не позднее 10.03.2026');
  });

  it('a decided request is not judged again', () => {
    const decided = { ...o, decision: 'Согласован', history: '11.03.2026: запрошен перенос срока на 20.03.2026' };
    expect(lateRequest.apply(decided, day('2026-03-11'), facts())).toEqual({});
  });
});

describe('000 п.7: orders are entered within one working day of the meeting', () => {
  it('judged on «Внесено» against the protocol’s date', () => {
    const o = (enteredAt: string) => blankOrder({ protocol: '7', enteredAt });
    const p = facts({ protocol: protocol('2026-03-03') });
    expect(lateEntry.apply(o('2026-03-04'), day('2026-03-05'), p)).toEqual({});
    const [late] = lateEntry.apply(o('2026-03-05'), day('2026-03-05'), p).problems ?? [];
    expect(late.column).toBe('Внесено');
    expect(late.message).toContain('не позднее 04.03.2026');
    // No protocol date, no «Внесено»: nothing to judge.
    expect(lateEntry.apply(o('2026-03-05'), day('2026-03-05'), facts())).toEqual({});
  });
});

describe('numbering', () => {
  it('gives a blank «№» the protocol’s next free number; a row that is not an order gets none', () => {
    const o = blankOrder({ protocol: '7', text: 'Подготовить справку' });
    const r = numbering.apply(o, day('2026-03-03'), facts({ numbersInUse: new Set(['7-1']) }));
    expect(r.fix?.set?.number).toBe('7-2');
    expect(r.fix?.history?.[0]).toContain('присвоен 7-2');
    expect(numbering.apply(blankOrder({ protocol: '7' }), day('2026-03-03'), facts())).toEqual({});
  });
});
