// Deadline, state, repetition and notice rules of citizens' appeals, each with its passage:
// Kramatorsk (003) п.113, п.117, п.119, п.102; 59-ФЗ ст. 12; Rostov (001) гл.8 п.2.4.2.
import { describe, expect, it } from 'vitest';
import {
  APPEAL_STATE,
  type AppealRecord,
  appealDeadline,
  appealKey,
  appealKinds,
  appealNotices,
  appealState,
  joinedToFirst,
  openOn,
  repeatedCell,
  repeatedFlags,
} from '../../src/domain/appeals';
import { WorkCalendar } from '../../src/domain/calendar';
import { parseSettings } from '../../src/domain/settings';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;
const keep = { ...s, nonWorkingDeadline: 'keep' as const };

function appeal(fields: Partial<AppealRecord>): AppealRecord {
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
    deadline: '2026-03-04',
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

describe('settings of appeals (spec «Настройки»)', () => {
  it('defaults 30 / 15 / 3 and bad values reported', () => {
    expect([s.appealDays, s.appealShortDays, s.appealRemindDays]).toEqual([30, 15, 3]);
    const r = parseSettings([['Срок ответа на обращение, дней', 'месяц']], 'Europe/Moscow');
    expect(r.settings.appealDays).toBe(30);
    expect(r.issues.map((i) => i.param)).toEqual(['Срок ответа на обращение, дней']);
  });
});

describe('«Срок» of an appeal when blank (003 п.113; 59-ФЗ ст. 12)', () => {
  it('full term: 30 calendar days from registration (003 п.113 «не більше одного місяця», 59-ФЗ ст. 12)', () => {
    // Monday 02.02.2026 + 30 = Wednesday 04.03.2026.
    expect(appealDeadline('2026-02-02', true, s, cal)).toBe('2026-03-04');
    expect(appealDeadline('2026-02-02', null, s, cal)).toBe('2026-03-04');
  });
  it("«Требует изучения» = Нет: 15 days (003 п.113 «не пізніше п'ятнадцяти днів»)", () => {
    expect(appealDeadline('2026-02-02', false, s, cal)).toBe('2026-02-17');
  });
  it('a term on a day off moves to the working day before (001 гл.8 п.2.4.2), unless «без переноса»', () => {
    // Saturday 07.02.2026 + 30 = Monday 09.03.2026, a day off (08.03 on Sunday, decree 1466) → Friday 06.03.
    expect(appealDeadline('2026-02-07', true, s, cal)).toBe('2026-03-06');
    expect(appealDeadline('2026-02-07', true, keep, cal)).toBe('2026-03-09');
  });
  it('the settings change the terms', () => {
    expect(appealDeadline('2026-02-02', null, { ...s, appealDays: 20 }, cal)).toBe('2026-02-20');
  });
});

describe('«Состояние» of an appeal', () => {
  it('reminder window: 3 working days before the due day (003 п.117 «за 3 робочих дні»)', () => {
    const a = appeal({});
    // Due Wednesday 04.03.2026: 03.03, 02.03, 27.02 are the three working days before.
    expect(appealState(a, '2026-02-26', s, cal)).toBe(APPEAL_STATE.pending);
    expect(appealState(a, '2026-02-27', s, cal)).toBe(APPEAL_STATE.dueSoon);
    expect(appealState(a, '2026-03-04', s, cal)).toBe(APPEAL_STATE.dueSoon);
    expect(appealState(a, '2026-03-05', s, cal)).toBe(APPEAL_STATE.overdue);
  });
  it('an interim answer («Принятые меры» without «Дата ответа») does not close it (003 п.119)', () => {
    const a = appeal({ measures: 'Направлен запрос в МКУ, ответ промежуточный' });
    expect(appealState(a, '2026-03-05', s, cal)).toBe(APPEAL_STATE.overdue);
    expect(openOn(a, '2026-03-05')).toBe(true);
  });
  it('answered on time or late against the term in force', () => {
    expect(appealState(appeal({ answerDate: '2026-03-04' }), '2026-03-10', s, cal)).toBe(APPEAL_STATE.answeredOnTime);
    expect(appealState(appeal({ answerDate: '2026-03-05' }), '2026-03-10', s, cal)).toBe(APPEAL_STATE.answeredLate);
    expect(appealState(appeal({ answerDate: '2026-03-05', extendedTo: '2026-03-20' }), '2026-03-10', s, cal)).toBe(
      APPEAL_STATE.answeredOnTime,
    );
  });
  it('«Продлено до»: an additional term (003 п.113 «встановлюють додатковий необхідний термін»)', () => {
    const a = appeal({ extendedTo: '2026-03-20' });
    expect(appealState(a, '2026-03-05', s, cal)).toBe(APPEAL_STATE.extended);
    expect(appealState(a, '2026-03-17', s, cal)).toBe(APPEAL_STATE.dueSoon);
    expect(appealState(a, '2026-03-23', s, cal)).toBe(APPEAL_STATE.overdue);
  });
  it('no term: no state', () => {
    expect(appealState(appeal({ deadline: null }), '2026-03-05', s, cal)).toBe('');
  });
});

describe('«Повторное» and «Дублирующее» (003 п.99 «повторні — … з тих питань, які вже … розглянуті по суті»; п.102 «Перед реєстрацією листи перевіряються на повторність»)', () => {
  it('a repeat follows an answer; sent again before the answer it is a duplicate of the first', () => {
    const kinds = appealKinds([
      // Кузнецова/Дороги: row 5 first (01.02), answered 05.02.
      { row: 2, applicant: 'Кузнецова А.А.', category: 'Дороги', registered: '2026-02-03', answerDate: null },
      { row: 3, applicant: ' кузнецова  а.а. ', category: 'дороги', registered: '2026-02-10', answerDate: null },
      { row: 4, applicant: 'Кузнецова А.А.', category: 'ЖКХ', registered: '2026-02-11', answerDate: null },
      { row: 5, applicant: 'Кузнецова А.А.', category: 'Дороги', registered: '2026-02-01', answerDate: '2026-02-05' },
      { row: 6, applicant: '', category: 'Дороги', registered: '2026-02-12', answerDate: null },
      { row: 7, applicant: 'Петров', category: 'ЖКХ', registered: '2026-02-12', answerDate: null },
      { row: 8, applicant: 'Петров', category: 'ЖКХ', registered: '2026-02-12', answerDate: null },
    ]);
    // Row 2 (03.02) came before row 5's answer (05.02): it joins row 5. Row 3 (10.02) came after that
    // answer: a repeat, and the new first of the question. Row 8 the same day as row 7, both open: a
    // duplicate of row 7. Other applicant / category / no applicant: neither.
    expect(kinds).toEqual([
      { repeated: false, duplicateOf: 5 },
      { repeated: true, duplicateOf: null },
      { repeated: false, duplicateOf: null },
      { repeated: false, duplicateOf: null },
      { repeated: false, duplicateOf: null },
      { repeated: false, duplicateOf: null },
      { repeated: false, duplicateOf: 7 },
    ]);
    expect(
      repeatedFlags([
        { row: 2, applicant: 'А', category: 'Б', registered: '2026-02-01', answerDate: '2026-02-01' },
        { row: 3, applicant: 'А', category: 'Б', registered: '2026-02-02', answerDate: null },
        { row: 4, applicant: 'А', category: 'Б', registered: '2026-02-03', answerDate: null },
      ]),
    ).toEqual([false, true, false]);
  });
  it('a duplicate raises no notice of its own: it joins the first (003 п.99)', () => {
    const first = appeal({ row: 2, number: 'О-1' });
    const dup = appeal({ row: 3, number: 'О-2', duplicateOf: 2, deadline: '2026-03-05' });
    expect(appealNotices(dup, '2026-03-06', s, cal, () => false)).toEqual([]);
    expect(joinedToFirst(dup, first)).toEqual({ deadline: '2026-03-04', extendedTo: null, answerDate: null });
    expect(repeatedCell(dup, first)).toBe('Дублирующее (к № О-1)');
  });
});

describe('«Срок ответа на обращение» in months (003 п.113 «не більше одного місяця від дня їх надходження»)', () => {
  it('«1 месяц» is accepted: a calendar month from registration, then the non-working-day rule', () => {
    const r = parseSettings([['Срок ответа на обращение, дней', '1 месяц']], 'Europe/Moscow');
    expect(r.issues).toEqual([]);
    expect(r.settings.appealMonths).toBe(1);
    // 02.02.2026 + 1 month = 02.03.2026 (Monday); 31.01 + 1 month = 28.02 (Saturday) → 27.02 (Friday).
    expect(appealDeadline('2026-02-02', null, r.settings, cal)).toBe('2026-03-02');
    expect(appealDeadline('2026-01-31', true, r.settings, cal)).toBe('2026-02-27');
    // «Требует изучения» = Нет keeps the short term in days (п.113: не пізніше п'ятнадцяти днів).
    expect(appealDeadline('2026-02-02', false, r.settings, cal)).toBe('2026-02-17');
    expect(parseSettings([['Срок ответа на обращение, дней', '30 дней']], 'Europe/Moscow').settings).toMatchObject({
      appealDays: 30,
      appealMonths: 0,
    });
    const bad = parseSettings([['Срок ответа на обращение, дней', 'месяц']], 'Europe/Moscow');
    expect(bad.issues.map((i) => i.fix)).toEqual(['Укажите число дней от 1 до 365 (например, 30) или «1 месяц».']);
    expect(bad.settings.appealDays).toBe(30);
  });
});

describe('appeal notices: once per term (003 п.117), keys in «Журнал»', () => {
  const none = () => false;
  it('a reminder in the window, overdue after, nothing when answered', () => {
    const a = appeal({});
    expect(appealNotices(a, '2026-02-26', s, cal, none)).toEqual([]);
    expect(appealNotices(a, '2026-02-27', s, cal, none).map((n) => n.key)).toEqual([
      appealKey.remind('О-1', '2026-03-04'),
    ]);
    expect(appealNotices(a, '2026-03-05', s, cal, none).map((n) => n.key)).toEqual([
      appealKey.overdue('О-1', '2026-03-04'),
    ]);
    expect(appealNotices(appeal({ answerDate: '2026-03-05' }), '2026-03-06', s, cal, none)).toEqual([]);
  });
  it('a key already in «Журнал» is not sent again; a postponement is a new term', () => {
    const sent = new Set([appealKey.overdue('О-1', '2026-03-04')]);
    expect(appealNotices(appeal({}), '2026-03-06', s, cal, (k) => sent.has(k))).toEqual([]);
    const ext = appeal({ extendedTo: '2026-03-20' });
    expect(appealNotices(ext, '2026-03-17', s, cal, (k) => sent.has(k)).map((n) => n.key)).toEqual([
      appealKey.remind('О-1', '2026-03-20'),
    ]);
  });
  it('no notice without №, executor or term', () => {
    expect(appealNotices(appeal({ number: '' }), '2026-03-05', s, cal, none)).toEqual([]);
    expect(appealNotices(appeal({ executor: '' }), '2026-03-05', s, cal, none)).toEqual([]);
    expect(appealNotices(appeal({ deadline: null }), '2026-03-05', s, cal, none)).toEqual([]);
  });
});
