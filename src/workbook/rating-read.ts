// Reading the self-assessment's tabs (seed 002 «Порядок проведения самооценки» and its check-list):
// «Критерии самооценки» and «Самооценка» as plain rows for the rating and the plan register's rules;
// what is missing is an issue, never a throw.
import { type AnswerRowIn, CRITERION_NUMBERS, type CriteriaRowIn, type RatingIssue } from '../domain/rating';
import { CRITERIA_COL, SELF_ASSESSMENT_COL, TAB } from './schema';
import { criteriaSeedRows, scoreColumn } from './specs/rating';
import { type Cell, isBlankRow, readTable } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** «Критерии самооценки» as seeded, as the rows readCriteria gives (sheet rows from 2). */
export function criteriaSeedRecords(): CriteriaRowIn[] {
  return criteriaSeedRows().map((r, i) => ({
    row: i + 2,
    criterion: r[0],
    name: r[1],
    cumulative: r[2],
    coefficient: r[3],
    score: r[4],
    description: r[5],
  }));
}

/** Collects issues as plain data; both Problems and the report's warning table take them. */
export type IssueSink = (i: RatingIssue) => void;

/**
 * «Критерии самооценки» as plain rows. Without the tab (or its «Критерий»/«Балл»/«Коэффициент»
 * columns) the rating falls back to the check-list as seeded, and says so.
 */
export function readCriteria(ss: Spreadsheet, sink: IssueSink): { rows: CriteriaRowIn[]; fallback: boolean } {
  const t = readTable(ss, TAB.criteria);
  const seeded = criteriaSeedRecords;
  const fix =
    'Выполните «Контроль поручений → Настроить таблицу»: лист и столбцы будут восстановлены, заполненное не изменится.';
  if (!t) {
    sink({
      tab: TAB.criteria,
      row: 0,
      column: '',
      value: '',
      message: `Нет листа «${TAB.criteria}»: рейтинг посчитан по чек-листу 002 с исходными коэффициентами.`,
      fix,
    });
    return { rows: seeded(), fallback: true };
  }
  const required = [CRITERIA_COL.criterion, CRITERIA_COL.score, CRITERIA_COL.coefficient];
  const missing = required.filter((h) => t.col(h) < 0);
  if (missing.length > 0) {
    for (const h of missing)
      sink({
        tab: TAB.criteria,
        row: 1,
        column: h,
        value: '',
        message: `На листе «${TAB.criteria}» нет столбца «${h}»: рейтинг посчитан по чек-листу 002 с исходными коэффициентами.`,
        fix,
      });
    return { rows: seeded(), fallback: true };
  }
  const c = (h: string) => t.col(h);
  const at = (r: Cell[], i: number): unknown => (i >= 0 ? r[i] : '');
  const rows = t.rows.map((r, i) => ({
    row: i + 2,
    criterion: at(r, c(CRITERIA_COL.criterion)),
    name: at(r, c(CRITERIA_COL.name)),
    cumulative: at(r, c(CRITERIA_COL.cumulative)),
    coefficient: at(r, c(CRITERIA_COL.coefficient)),
    score: at(r, c(CRITERIA_COL.score)),
    description: at(r, c(CRITERIA_COL.description)),
  }));
  return { rows, fallback: false };
}

/** «Самооценка» as plain rows; a missing «Кn» column leaves scores[n] undefined (reported once). */
export function readAnswers(ss: Spreadsheet, sink: IssueSink): AnswerRowIn[] {
  const t = readTable(ss, TAB.selfAssessment);
  const fix = 'Выполните «Контроль поручений → Настроить таблицу» или верните заголовок в первую строку.';
  if (!t) {
    sink({
      tab: TAB.selfAssessment,
      row: 0,
      column: '',
      value: '',
      message: `Нет листа «${TAB.selfAssessment}»: оценивать некого.`,
      fix,
    });
    return [];
  }
  const yc = t.col(SELF_ASSESSMENT_COL.year);
  const oc = t.col(SELF_ASSESSMENT_COL.org);
  for (const [h, i] of [
    [SELF_ASSESSMENT_COL.year, yc],
    [SELF_ASSESSMENT_COL.org, oc],
  ] as const)
    if (i < 0)
      sink({
        tab: TAB.selfAssessment,
        row: 1,
        column: h,
        value: '',
        message: `На листе «${TAB.selfAssessment}» нет столбца «${h}»: рейтинг не построить.`,
        fix,
      });
  if (yc < 0 || oc < 0) return [];
  const scoreCols = CRITERION_NUMBERS.map((n) => [n, t.col(scoreColumn(n))] as const);
  for (const [n, i] of scoreCols)
    if (i < 0)
      sink({
        tab: TAB.selfAssessment,
        row: 1,
        column: scoreColumn(n),
        value: '',
        message: `На листе «${TAB.selfAssessment}» нет столбца «${scoreColumn(n)}»: баллы критерия ${n} не учитываются.`,
        fix,
      });
  return t.rows
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => !isBlankRow(r))
    .map(({ r, row }) => {
      const scores: Record<number, unknown> = {};
      for (const [n, i] of scoreCols) if (i >= 0) scores[n] = r[i];
      return { row, year: r[yc], org: r[oc], scores };
    });
}
