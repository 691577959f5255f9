// The rules over «Обращения» (src/domain/rules/appeal-*.ts, APPEAL_RULES): each a pure function over
// one appeal and the day, checked directly with its passage. Dates by hand on the 2026 calendar:
// 02.02.2026 is a Monday; +30 days is Wednesday 04.03.2026, +15 days Tuesday 17.02.2026.
import { describe, expect, it } from 'vitest';
import { APPEAL_COL, APPEAL_STATE, type AppealRecord } from '../../src/domain/appeals';
import { WorkCalendar } from '../../src/domain/calendar';
import {
  appealAnswer,
  appealDistrust,
  appealNumberUnique,
  appealParties,
  appealRegistration,
  appealTermDates,
} from '../../src/domain/rules/appeal-checks';
import { appealDeadlineFill, needsDeadline } from '../../src/domain/rules/appeal-deadline';
import { appealDuplicateLine } from '../../src/domain/rules/appeal-duplicate';
import { appealEmergencies } from '../../src/domain/rules/appeal-emergency';
import { appealKindsRule } from '../../src/domain/rules/appeal-kinds';
import { appealEventLines } from '../../src/domain/rules/appeal-lines';
import { appealNoticesRule } from '../../src/domain/rules/appeal-notices';
import { appealRestoredLines, recordedByAppeal } from '../../src/domain/rules/appeal-restore';
import { type AppealFacts, applyAppealFix } from '../../src/domain/rules/appeal-rule';
import { appealStateRule } from '../../src/domain/rules/appeal-state';
import { APPEAL_REPORT_RULES, APPEAL_RULES, rulesFor } from '../../src/domain/rules/index';
import { firstRowsByNumber, type RuleDay } from '../../src/domain/rules/rule';
import { parseSettings } from '../../src/domain/settings';

const settings = parseSettings([], 'Europe/Moscow').settings;
const calendar = new WorkCalendar();
const day = (today: string, mode: RuleDay['mode'] = 'daily'): RuleDay => ({ today, settings, calendar, mode });
const facts = (f: Partial<AppealFacts> = {}): AppealFacts => ({
  first: null,
  executorByName: new Map(),
  firstRowOf: () => undefined,
  sent: () => false,
  recorded: [],
  deadlineFormula: false,
  ...f,
});
function appeal(fields: Partial<AppealRecord> = {}): AppealRecord {
  return {
    row: 2,
    number: 'О-1',
    registered: '2026-02-02',
    applicant: 'Кузнецова А.А.',
    address: 'ул. Ленина, 1',
    channel: '',
    topic: 'Яма во дворе',
    category: 'Дороги',
    needsStudy: null,
    executor: 'Иванов И.И.',
    deadline: null,
    extendedTo: null,
    measures: '',
    answerDate: null,
    result: '',
    repeated: false,
    duplicateOf: null,
    state: '',
    history: '',
    invalid: [],
    ...fields,
  };
}

describe('the appeal rule list', () => {
  it('checks (every run), then fills, states and notifies (the daily check); a non-working day also states', () => {
    const checks = [
      'appealRegistration',
      'appealParties',
      'appealTermDates',
      'appealAnswer',
      'appealDistrust',
      'appealNumberUnique',
      'appealKinds',
    ];
    for (const mode of ['daily', 'refresh', 'check'] as const)
      expect(rulesFor('check', mode, APPEAL_RULES).map((r) => r.name)).toEqual(checks);
    expect(rulesFor('fill', 'daily', APPEAL_RULES).map((r) => r.name)).toEqual([
      'appealDeadline',
      'appealEventLines',
      'appealRestoredLines',
    ]);
    expect(rulesFor('state', 'daily', APPEAL_RULES).map((r) => r.name)).toEqual(['appealState', 'appealDuplicateLine']);
    expect(rulesFor('notify', 'daily', APPEAL_RULES).map((r) => r.name)).toEqual(['appealNotices']);
    expect(rulesFor('state', 'refresh', APPEAL_RULES).map((r) => r.name)).toEqual(['appealState']);
    expect(APPEAL_RULES.filter((r) => r.stage !== 'check' && r.modes.includes('check'))).toEqual([]);
    expect(new Set(APPEAL_RULES.map((r) => r.name)).size).toBe(APPEAL_RULES.length);
  });
});

describe('the checks of one appeal: a cell found wrong is a problem and is trusted by no later rule', () => {
  const today = day('2026-03-10');
  it('«№», «Дата регистрации» (003 п.102: registered first; not in the future)', () => {
    const r = appealRegistration.apply(appeal({ number: '', registered: '2026-03-11' }), today, facts());
    expect(r.problems?.map((p) => p.column)).toEqual([APPEAL_COL.number, APPEAL_COL.registered]);
    expect(r.fix?.set?.invalid).toEqual([APPEAL_COL.number, APPEAL_COL.registered]);
    expect(appealRegistration.apply(appeal(), today, facts())).toEqual({});
  });

  it('applicant, topic, category (a repeat is recognised by them, 003 п.99) and an executor of «Исполнители»', () => {
    const r = appealParties.apply(appeal({ applicant: '', executor: 'Никто Н.Н.' }), today, facts());
    expect(r.problems?.map((p) => p.column)).toEqual([APPEAL_COL.applicant, APPEAL_COL.executor]);
    // The menu's «Отчёт 1» reads no «Исполнители»: an unknown executor is not judged there.
    expect(appealParties.apply(appeal({ executor: 'Никто Н.Н.' }), today, facts({ executorByName: null }))).toEqual({});
  });

  it('«Продлено до» after «Срок» (003 п.113); «Дата ответа» not ahead, with «Принятые меры» (003 п.119)', () => {
    const late = appeal({ deadline: '2026-03-04', extendedTo: '2026-03-04' });
    expect(appealTermDates.apply(late, today, facts()).problems?.map((p) => p.column)).toEqual([APPEAL_COL.extendedTo]);
    const ahead = appeal({ answerDate: '2026-03-12' });
    const r = appealAnswer.apply(ahead, today, facts());
    // The date ahead is the problem; «Принятые меры» is not asked of an answer that is not one.
    expect(r.problems?.map((p) => p.column)).toEqual([APPEAL_COL.answerDate]);
    applyAppealFix(ahead, r.fix);
    expect(appealDistrust.apply(ahead, today, facts()).fix?.set).toEqual({ answerDate: null });
    const bare = appealAnswer.apply(appeal({ answerDate: '2026-03-09' }), today, facts());
    expect(bare.problems?.map((p) => p.column)).toEqual([APPEAL_COL.measures]);
    const result = appealAnswer.apply(appeal({ result: 'Разъяснено' }), today, facts());
    expect(result.problems?.[0].message).toContain('п.119');
  });

  it('a «№» used in a row above is a problem on the later row', () => {
    const rows = firstRowsByNumber([appeal({ row: 2 }), appeal({ row: 5 })]);
    const f = facts({ firstRowOf: (n) => rows.get(n) });
    expect(appealNumberUnique.apply(appeal({ row: 2 }), today, f)).toEqual({});
    expect(appealNumberUnique.apply(appeal({ row: 5 }), today, f).problems?.[0].message).toBe(
      '№ «О-1» уже есть в строке 2.',
    );
  });

  it('appealKinds: a repeat after an answer, a duplicate before one (003 п.99)', () => {
    const rows = [
      appeal({ row: 2, registered: '2026-02-02', answerDate: '2026-02-10' }),
      appeal({ row: 3, registered: '2026-02-20' }),
      appeal({ row: 4, registered: '2026-02-25' }),
    ];
    const set = appealKindsRule.apply(rows, today);
    expect([...set.values()]).toEqual([
      { repeated: false, duplicateOf: null },
      { repeated: true, duplicateOf: null },
      { repeated: false, duplicateOf: 3 },
    ]);
  });
});

describe('appealDeadline: a blank «Срок» (003 п.113; 59-ФЗ ст. 12; 003 п.99)', () => {
  it("30 days from registration, or 15 when «Требует изучения» = Нет (003 п.113 «не пізніше п'ятнадцяти днів»)", () => {
    const full = appealDeadlineFill.apply(appeal(), day('2026-02-03'), facts());
    expect(full.fix?.set).toEqual({ deadline: '2026-03-04' });
    expect(full.fix?.history).toEqual(['03.02.2026: срок ответа заполнен: 04.03.2026 (30 дн. от регистрации)']);
    const short = appealDeadlineFill.apply(appeal({ needsStudy: false }), day('2026-02-03'), facts());
    expect(short.fix?.set).toEqual({ deadline: '2026-02-17' });
  });

  it('a duplicate takes its first appeal’s term (003 п.99)', () => {
    const first = appeal({ row: 3, number: 'О-0', deadline: '2026-02-20' });
    const r = appealDeadlineFill.apply(appeal({ duplicateOf: 3 }), day('2026-02-03'), facts({ first }));
    expect(r.fix?.set).toEqual({ deadline: '2026-02-20' });
    expect(r.fix?.history?.[0]).toContain('как у обращения № О-0');
  });

  it('a formula in the cell is a problem, never overwritten; a filled or unregistered appeal is left alone', () => {
    const r = appealDeadlineFill.apply(appeal(), day('2026-02-03'), facts({ deadlineFormula: true }));
    expect(r.fix?.set).toEqual({ invalid: [APPEAL_COL.deadline] });
    expect(r.problems?.[0].column).toBe(APPEAL_COL.deadline);
    expect(appealDeadlineFill.apply(appeal({ deadline: '2026-03-01' }), day('2026-02-03'), facts())).toEqual({});
    expect(needsDeadline(appeal({ registered: null }))).toBe(false);
  });
});

describe('appealEventLines: «История» of an extension (003 п.113) and an answer (003 п.119), once', () => {
  it('adds each line once', () => {
    const a = appeal({ deadline: '2026-03-04', extendedTo: '2026-03-20', answerDate: '2026-03-18' });
    const r = appealEventLines.apply(a, day('2026-03-19'), facts());
    expect(r.fix?.history).toEqual(['19.03.2026: срок продлён до 20.03.2026', '19.03.2026: дан ответ 18.03.2026']);
    applyAppealFix(a, r.fix);
    expect(appealEventLines.apply(a, day('2026-03-20'), facts())).toEqual({});
  });
});

describe('appealRestoredLines: a notice «Журнал» recorded gets its «История» line back (spec «Idempotent»)', () => {
  it('adds the line of each recorded notice that is missing, and only those', () => {
    const recorded = [
      { kind: 'remind' as const, day: '2026-02-27', email: 'ivanov@example.org' },
      { kind: 'remind' as const, day: '2026-02-27', email: 'ivanov@example.org' },
    ];
    const r = appealRestoredLines.apply(appeal(), day('2026-03-02'), facts({ recorded }));
    expect(r.fix?.history).toEqual([
      '27.02.2026: напоминание о сроке ответа отправлено: Иванов И.И. <ivanov@example.org>',
    ]);
  });

  it('«Журнал»’s notices go to the row of their «№» (a «№» marked repeated is nobody’s)', () => {
    const key = (n: string) => ({ key: { kind: 'overdue' as const, number: n }, day: '2026-03-05', email: 'a@b.c' });
    const rows = recordedByAppeal(
      [appeal({ row: 2, number: 'О-1' }), appeal({ row: 3, number: 'О-2', invalid: [APPEAL_COL.number] })],
      [key('О-1'), key('О-2'), key('О-9')],
    );
    expect([...rows.keys()]).toEqual([2]);
  });
});

describe('appealState: «Состояние» (003 п.117, п.119, п.113; a duplicate as its first, п.99)', () => {
  it('«Срок наступает» within 3 working days, «Просрочено» after, «Отвечено в срок» on «Дата ответа» only', () => {
    const a = appeal({ deadline: '2026-03-04' });
    expect(appealStateRule.apply(a, day('2026-02-20'), facts()).fix?.set).toEqual({ state: APPEAL_STATE.pending });
    expect(appealStateRule.apply(a, day('2026-03-03'), facts()).fix?.set).toEqual({ state: APPEAL_STATE.dueSoon });
    expect(appealStateRule.apply(a, day('2026-03-05'), facts()).fix?.set).toEqual({ state: APPEAL_STATE.overdue });
    const interim = appeal({ deadline: '2026-03-04', measures: 'Выезд назначен' });
    expect(appealStateRule.apply(interim, day('2026-03-05'), facts()).fix?.set).toEqual({
      state: APPEAL_STATE.overdue,
    });
    const answered = appeal({ deadline: '2026-03-04', answerDate: '2026-03-02', state: APPEAL_STATE.answeredOnTime });
    expect(appealStateRule.apply(answered, day('2026-03-05'), facts())).toEqual({});
  });

  it('a duplicate is answered when its first is (003 п.99)', () => {
    const first = appeal({ row: 3, deadline: '2026-03-04', answerDate: '2026-03-02' });
    const r = appealStateRule.apply(
      appeal({ duplicateOf: 3, deadline: '2026-03-04' }),
      day('2026-03-05'),
      facts({ first }),
    );
    expect(r.fix?.set).toEqual({ state: APPEAL_STATE.answeredOnTime });
  });
});

describe('appealDuplicateLine: a duplicate says which appeal it joins, once (003 п.99)', () => {
  it('writes the line with the first’s «№» and term, then nothing', () => {
    const first = appeal({ row: 3, number: 'О-0', deadline: '2026-03-04' });
    const dup = appeal({ duplicateOf: 3 });
    const r = appealDuplicateLine.apply(dup, day('2026-02-10'), facts({ first }));
    expect(r.fix?.history).toEqual([
      '10.02.2026: дублирующее: присоединено к обращению № О-0 (срок ответа — 04.03.2026)',
    ]);
    applyAppealFix(dup, r.fix);
    expect(appealDuplicateLine.apply(dup, day('2026-02-11'), facts({ first }))).toEqual({});
  });
});

describe('appealNotices: the reminder 3 working days before (003 п.117) and «срок истёк», once per term', () => {
  it('reminds inside the window, tells overdue after, and never twice', () => {
    const a = appeal({ deadline: '2026-03-04' });
    expect(appealNoticesRule.apply(a, day('2026-03-03'), facts()).notices?.map((n) => n.key)).toEqual([
      'appeal-remind:О-1:2026-03-04',
    ]);
    expect(appealNoticesRule.apply(a, day('2026-03-05'), facts()).notices?.map((n) => n.kind)).toEqual(['overdue']);
    expect(appealNoticesRule.apply(a, day('2026-03-05'), facts({ sent: () => true })).notices).toEqual([]);
    expect(appealNoticesRule.apply(a, day('2026-02-20'), facts()).notices).toEqual([]);
  });
});

describe('appealEmergencies: «Отчёт 1», a category’s index over 3,00 is an emergency (004 п.1.3), mailed once (004 п.3.1)', () => {
  const report = {
    day: '2026-03-02',
    groups: [],
    categories: [
      { category: 'Дороги', day: 7, average: 1.5, index: 4.67, newCategory: false, emergency: true },
      { category: 'Свет', day: 3, average: 1, index: 3, newCategory: false, emergency: false },
    ],
  };
  it('names each emergency category of the day with its key, and not again once «Журнал» has it', () => {
    const list = APPEAL_REPORT_RULES.flatMap((r) => r.apply(report, { sent: () => false }));
    expect(list).toEqual([
      {
        day: '2026-03-02',
        category: 'Дороги',
        count: 7,
        average: 1.5,
        index: 4.67,
        key: 'appeal-emergency:2026-03-02:дороги',
      },
    ]);
    expect(appealEmergencies.apply(report, { sent: (k) => k === list[0].key })).toEqual([]);
  });
});
