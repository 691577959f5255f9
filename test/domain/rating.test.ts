import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import {
  type AnswerRowIn,
  answerStatus,
  type CriteriaRowIn,
  cellNumber,
  checkSelfAssessment,
  competitionRanks,
  computeRating,
  formatAllowed,
  orgKey,
  parseCriteria,
  parseYear,
  reminderPlan,
  reminderStage,
  round4,
} from '../../src/domain/rating';
import { criteriaSeedRecords } from '../../src/workbook/rating-read';
import { CRITERIA_SEED } from '../../src/workbook/specs/rating';

// Seed 002: «Порядок проведения самооценки» (Приложение № 3 к Положению) п.4.1–4.2 and its
// «Чек-лист критериев» (Приложение № 1 к Порядку) with «Подсчет результата»: the total is the sum
// of score × coefficient; criterion 3 has no coefficient in the source.

/** «Критерии самооценки» as seeded, sheet rows from 2; `edit` changes cells by [row, field]. */
function criteriaRows(edit: (rows: CriteriaRowIn[]) => void = () => undefined): CriteriaRowIn[] {
  const rows = criteriaSeedRecords();
  edit(rows);
  return rows;
}
/** The first sheet row of criterion n in the seeded tab. */
function firstRowOf(rows: CriteriaRowIn[], n: number): CriteriaRowIn {
  return rows.find((r) => r.criterion === n) as CriteriaRowIn;
}

function answer(row: number, year: unknown, org: string, k: unknown[]): AnswerRowIn {
  const scores: Record<number, unknown> = {};
  k.forEach((v, i) => {
    scores[i + 1] = v;
  });
  return { row, year, org, scores };
}

// Coefficients of the source: К1 1 · К2 0,3 · К3 — · К4 0,5 · К5 0,9 · К6 0,5 · К7 0,6 · К8 0,4.
const ANSWERS: AnswerRowIn[] = [
  answer(2, 2025, 'Администрация', [1, 1, 0, 0, 1, 0, 0, 0]),
  answer(3, 2025, 'Отдел культуры', [1, 0, 0, 0, 0, 0, 0, 1]),
  // A: 1×3 + 0,3×3 + (К3 3: no coefficient) + 0,5×3 + 0,9×3 + 0,5×2 + 0,6×3 + 0,4×4
  //    = 3 + 0,9 + 1,5 + 2,7 + 1 + 1,8 + 1,6 = 12,5
  answer(4, 2026, 'Администрация', [3, 3, 3, 3, 3, 2, 3, 4]),
  // B: 1×2 + 0,3×1 + (К3 0) + 0,5×2 + 0,9×2 + 0,5×1 + 0,6×2 + 0,4×2
  //    = 2 + 0,3 + 1 + 1,8 + 0,5 + 1,2 + 0,8 = 7,6
  answer(5, 2026, 'УО', [2, 1, 0, 2, 2, 1, 2, 2]),
  // C: 1×1 + 0,3×3 + (К3 3) + 0,5×3 + 0,9×2 + 0,5×0 + 0,6×2 + 0,4×3
  //    = 1 + 0,9 + 1,5 + 1,8 + 0 + 1,2 + 1,2 = 7,6 — a tie with B
  answer(6, '2026', 'УСЗН', ['1', '3', '3', '3', '2', '0', '2', '3']),
  // D: К1 = 4 is not a level of criterion 1 (0–3): left out.
  //    0,3×1 + (К3 1) + 0,5×2 + 0,9×2 + 0,5×1 + 0,6×1 + 0,4×1 = 0,3 + 1 + 1,8 + 0,5 + 0,6 + 0,4 = 4,6
  answer(7, 2026, 'ФУ', [4, 1, 1, 2, 2, 1, 1, 1]),
  // E: К4 = 1 is not a level of criterion 4 (0, 2, 3); К6 missing.
  //    1×2 + 0,3×2 + (К3 2) + 0,9×1 + 0,6×1 + 0,4×0 = 2 + 0,6 + 0,9 + 0,6 + 0 = 4,1
  answer(8, 2026, 'КУМИ', [2, 2, 2, 1, 1, '', 1, 0]),
  // A second row of B in the same year (other case and spaces): not counted.
  answer(9, 2026, ' уо ', [3, 3, 3, 3, 3, 2, 3, 4]),
];

describe('check-list (002 Приложение № 1 к Порядку)', () => {
  it('the seed has the levels and coefficients of the source', () => {
    const { criteria, issues } = parseCriteria(criteriaRows());
    expect(criteria.map((c) => c.allowed)).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3],
      [0, 2, 3],
      [0, 1, 2, 3],
      [0, 1, 2],
      [0, 1, 2, 3],
      [0, 1, 2, 3, 4],
    ]);
    expect(criteria.map((c) => c.coefficient)).toEqual([1, 0.3, null, 0.5, 0.9, 0.5, 0.6, 0.4]);
    // Criteria marked * (cumulative effect): 1, 2, 5.
    expect(criteria.filter((c) => c.cumulative).map((c) => c.n)).toEqual([1, 2, 5]);
    // Only the blank coefficient of criterion 3 is a problem, on the row where it belongs.
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      tab: 'Критерии самооценки',
      row: firstRowOf(criteriaRows(), 3).row,
      column: 'Коэффициент',
    });
    expect(issues[0].message).toMatch(/критерия 3 не задан коэффициент.*не входят/);
  });

  it('uses what people put in the tab: an edited coefficient (text «0,7»), a repeated coefficient, an edited description', () => {
    const rows = criteriaRows((rs) => {
      firstRowOf(rs, 7).coefficient = '0,7';
      for (const r of rs.filter((x) => x.criterion === 2)) r.coefficient = 0.3;
      rs[0].description = 'Своя формулировка';
    });
    const { criteria, issues } = parseCriteria(rows);
    expect(criteria[6].coefficient).toBe(0.7);
    expect(criteria[1].coefficient).toBe(0.3);
    expect(criteria[0].levels[0].description).toBe('Своя формулировка');
    expect(issues.map((i) => i.row)).toEqual([firstRowOf(rows, 3).row]);
  });

  it('different coefficients in one criterion, a bad coefficient and a bad level are problems; the criterion leaves the total', () => {
    const rows = criteriaRows((rs) => {
      rs.filter((x) => x.criterion === 4)[1].coefficient = 0.6; // first row has 0,5
      firstRowOf(rs, 6).coefficient = 'половина';
      rs.filter((x) => x.criterion === 8)[4].score = 5;
    });
    const { criteria, issues } = parseCriteria(rows);
    expect(criteria[3].coefficient).toBeNull();
    expect(criteria[3].coefficientNote).toMatch(/разные коэффициенты/);
    expect(criteria[5].coefficient).toBeNull();
    expect(criteria[7].allowed).toEqual([0, 1, 2, 3]);
    const msgs = issues.map((i) => i.message).join('\n');
    expect(msgs).toMatch(/критерия 4 в разных строках разные коэффициенты/);
    expect(msgs).toMatch(/«половина» не число/);
    expect(msgs).toMatch(/от 0 до 4/);
  });

  it('a criterion deleted from the tab is reported, never silently dropped', () => {
    const rows = criteriaRows().filter((r) => r.criterion !== 6);
    const { criteria, issues } = parseCriteria(rows);
    expect(criteria.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(issues.some((i) => /нет критерия 6/.test(i.message))).toBe(true);
  });
});

describe('rating (002 «Подсчет результата»: Σ балл × коэффициент)', () => {
  it('totals and ranks with the source coefficients: criterion 3 out of every total, 1 / 2 / 2 / 4 / 5', () => {
    const r = computeRating(criteriaRows(), ANSWERS, 2026);
    expect(r.orgs.map((o) => [o.rank, o.org, o.total])).toEqual([
      [1, 'Администрация', 12.5],
      [2, 'УО', 7.6],
      [2, 'УСЗН', 7.6],
      [4, 'ФУ', 4.6],
      [5, 'КУМИ', 4.1],
    ]);
    const a = r.orgs[0];
    expect(a.cells.map((c) => c.weighted)).toEqual([3, 0.9, null, 1.5, 2.7, 1, 1.8, 1.6]);
    expect(a.cells[2]).toMatchObject({ score: 3, status: 'noCoefficient' });
    expect(a.complete).toBe(true);
    const d = r.orgs.find((o) => o.org === 'ФУ');
    expect(d?.cells[0]).toMatchObject({ raw: '4', score: null, weighted: null, status: 'invalid' });
    expect(d?.complete).toBe(false);
    const e = r.orgs.find((o) => o.org === 'КУМИ');
    expect(e?.cells[3].status).toBe('invalid');
    expect(e?.cells[5].status).toBe('missing');
    expect(e?.notes.join('; ')).toMatch(/К4: балл 1 недопустим \(0, 2, 3\).*К6: балл не указан/);
  });

  it('every warning is a problem with row and column: blank coefficient, invalid scores, missing score, duplicate', () => {
    const r = computeRating(criteriaRows(), ANSWERS, 2026);
    const brief = r.issues.map((i) => `${i.tab}|${i.row}|${i.column}|${i.value}`);
    expect(brief).toEqual([
      'Критерии самооценки|10|Коэффициент|',
      'Самооценка|7|К1|4',
      'Самооценка|8|К4|1',
      'Самооценка|8|К6|',
      'Самооценка|9|Организация|уо',
    ]);
    expect(r.issues[4].message).toMatch(/в рейтинг входит строка 5/);
    for (const i of r.issues) expect(i.fix).not.toBe('');
  });

  it('after the commission fills in criterion 3 (0,5) the totals and ranks change: 1 / 2 / 3 / 4 / 4', () => {
    const rows = criteriaRows((rs) => {
      firstRowOf(rs, 3).coefficient = 0.5;
    });
    // A 12,5 + 0,5×3 = 14; C 7,6 + 0,5×3 = 9,1; B 7,6 + 0,5×0 = 7,6;
    // D 4,6 + 0,5×1 = 5,1; E 4,1 + 0,5×2 = 5,1 — now D and E tie (sorted by name).
    const r = computeRating(rows, ANSWERS, 2026);
    expect(r.orgs.map((o) => [o.rank, o.org, o.total])).toEqual([
      [1, 'Администрация', 14],
      [2, 'УСЗН', 9.1],
      [3, 'УО', 7.6],
      [4, 'КУМИ', 5.1],
      [4, 'ФУ', 5.1],
    ]);
    expect(r.issues.some((i) => i.tab === 'Критерии самооценки')).toBe(false);
  });

  it('another year is rated on its own rows', () => {
    // 2025: Администрация 1 + 0,3 + 0,9 = 2,2; Отдел культуры 1 + 0,4 = 1,4.
    const r = computeRating(criteriaRows(), ANSWERS, 2025);
    expect(r.orgs.map((o) => [o.rank, o.org, o.total])).toEqual([
      [1, 'Администрация', 2.2],
      [2, 'Отдел культуры', 1.4],
    ]);
  });

  it('rows without a readable year or organisation are reported, not rated', () => {
    const rows = [
      answer(2, '', 'Без года', [1, 1, 1, 0, 1, 1, 1, 1]),
      answer(3, 'двадцать шестой', 'X', []),
      answer(4, 2026, '', [1]),
    ];
    const r = computeRating(criteriaRows(), rows, 2026);
    expect(r.orgs).toEqual([]);
    expect(r.issues.filter((i) => i.tab === 'Самооценка').map((i) => `${i.row}|${i.column}`)).toEqual([
      '2|Год',
      '3|Год',
      '4|Организация',
    ]);
  });

  it('checkSelfAssessment reports every year’s rows, each problem once', () => {
    const rows = [...ANSWERS, answer(10, 2025, 'ФУ', [0, 0, 0, 4, 0, 0, 0, 0])];
    const issues = checkSelfAssessment(criteriaRows(), rows);
    expect(issues.map((i) => `${i.row}|${i.column}`)).toEqual([
      '10|Коэффициент',
      '10|К4',
      '7|К1',
      '8|К4',
      '8|К6',
      '9|Организация',
    ]);
  });
});

describe('helpers', () => {
  it('competition ranks: equal totals share the better place, the next is skipped', () => {
    expect(competitionRanks([10, 10, 7])).toEqual([1, 1, 3]);
    expect(competitionRanks([3, 5, 5, 5, 1])).toEqual([4, 1, 1, 1, 5]);
    // Ranks of many organisations at once (sorted once, not every pair compared): as counted by hand.
    const many = Array.from({ length: 500 }, (_, i) => ((i * 37) % 101) / 10 + 0.00001);
    expect(competitionRanks(many)).toEqual(many.map((t) => 1 + many.filter((o) => round4(o) > round4(t)).length));
    expect(competitionRanks([0.3 * 3, 0.9, Number.NaN, 2])).toEqual([2, 2, 1, 1]);
    // 0,3 × 3 computed in floating point is 0,8999…: still equal to 0,9.
    expect(competitionRanks([0.3 * 3, 0.9])).toEqual([1, 1]);
  });
  it('reads numbers, years, names and levels as people type them', () => {
    expect(cellNumber('0,3')).toBe(0.3);
    expect(cellNumber(' 2 ')).toBe(2);
    expect(cellNumber('два')).toBeNaN();
    expect(parseYear('2026 г.')).toBe(2026);
    expect(parseYear(26)).toBeNull();
    expect(orgKey(' МБУ  «ЦКС» ')).toBe(orgKey('мбу "цкс"'));
    expect(formatAllowed([0, 2, 3])).toBe('0, 2, 3');
    expect(formatAllowed([0, 1, 2, 3, 4])).toBe('0–4');
  });
  it('the seed keeps eight criteria', () => {
    expect(CRITERIA_SEED.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('reminder before 1 December (002 Порядок п.4.1)', () => {
  const cal = new WorkCalendar();
  it('2026: due Tuesday 01.12; 10 working days before is 17.11, 5 is 24.11', () => {
    const p = reminderPlan(2026, cal, 'previous');
    expect(p).toEqual({ due: '2026-12-01', days: { 10: '2026-11-17', 5: '2026-11-24', 0: '2026-12-01' } });
    expect(reminderStage('2026-11-16', p)).toBeNull();
    expect(reminderStage('2026-11-17', p)).toBe(10);
    expect(reminderStage('2026-11-23', p)).toBe(10);
    expect(reminderStage('2026-11-24', p)).toBe(5);
    expect(reminderStage('2026-11-30', p)).toBe(5);
    expect(reminderStage('2026-12-01', p)).toBe(0);
    expect(reminderStage('2026-12-02', p)).toBeNull();
  });
  it('2024: 01.12 is a Sunday — «предыдущий рабочий» moves the due date to Friday 29.11', () => {
    expect(reminderPlan(2024, cal, 'previous')).toEqual({
      due: '2024-11-29',
      days: { 10: '2024-11-15', 5: '2024-11-22', 0: '2024-11-29' },
    });
    // «без переноса»: counted back from Sunday 01.12; the on-the-day reminder goes on Friday.
    expect(reminderPlan(2024, cal, 'keep')).toEqual({
      due: '2024-12-01',
      days: { 10: '2024-11-18', 5: '2024-11-25', 0: '2024-11-29' },
    });
  });
  it('organisations known from earlier years and «Проекты», matched loosely; who has not answered', () => {
    const s = answerStatus(ANSWERS, 2026, ['Отдел культуры', 'МБУ «ЦКС»', 'фу']);
    expect(s.known).toEqual(['Администрация', 'Отдел культуры', 'МБУ «ЦКС»', 'фу']);
    expect(s.filled).toEqual(['Администрация', 'УО', 'УСЗН', 'ФУ', 'КУМИ']);
    expect(s.missing).toEqual(['Отдел культуры', 'МБУ «ЦКС»']);
  });
});
