// «Проверка данных»: one row per problem, rewritten whole on every check; says so when all is well.
import { dateTimeRuInZone } from '../domain/dates';
import type { Problems } from './problems';
import { writeReportTab } from './report-tab';
import { PROBLEM_COL, TAB } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBLEM_HEADERS: readonly string[] = Object.values(PROBLEM_COL);

/** `when` overrides the check's time as shown (the date self-check formats it with Google's own formatter). */
export function writeProblemsTab(ss: Spreadsheet, problems: Problems, now: Date, tz: string, when?: string): void {
  const list = problems.list;
  const shownWhen = when ?? dateTimeRuInZone(now, tz);
  writeReportTab(ss, TAB.problems, {
    title: 'Проверка данных',
    subtitle:
      list.length === 0
        ? `Проверено ${shownWhen}: проблем не найдено, все данные в порядке.`
        : `Проверено ${shownWhen}: найдено проблем — ${list.length}. Исправьте их на указанных листах; после следующей проверки список обновится.`,
    tables: [
      {
        headers: PROBLEM_HEADERS,
        rows: list.map((p) => [p.tab, p.row || '', p.column, p.value, p.message, p.fix]),
      },
    ],
    widths: { 1: 140, 2: 60, 3: 170, 4: 200, 5: 380, 6: 380 },
  });
}
