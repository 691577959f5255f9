// «Проверка данных»: one row per problem, rewritten whole on every check; says so when all is well.
// A second write in the same run (rows moved to «Архив» renumber the problems below them) writes
// only the cells that changed: the list's length and order stay, so those are a few «Строка» and
// «Что не так» cells, not the whole list again (issue 23: 32 748 cells at 50 000 orders).
import { dateTimeRuInZone } from '../domain/dates';
import { coalesceRuns, MAX_WRITE_RUNS, sameCell } from './diff-writer';
import type { Problems } from './problems';
import { writeReportTab } from './report-tab';
import { PROBLEM_COL, TAB } from './schema';
import { type Cell, safeCell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBLEM_HEADERS: readonly string[] = Object.values(PROBLEM_COL);

/** What this run last wrote to «Проверка данных», per Problems object (a run has one). */
interface Written {
  ss: Spreadsheet;
  subtitle: string;
  firstDataRow: number;
  rows: Cell[][];
}
const written = new WeakMap<Problems, Written>();

function problemRows(problems: Problems): Cell[][] {
  return problems.list.map((p) => [p.tab, p.row || '', p.column, p.value, p.message, p.fix]);
}

/**
 * Only the cells of `next` that differ from `last` (same number of rows), in runs per column (at
 * most MAX_WRITE_RUNS calls). Returns false when the shapes differ and the tab must be rewritten.
 */
function writeChangedRows(last: Written, next: Cell[][]): boolean {
  if (next.length !== last.rows.length) return false;
  const sheet = last.ss.getSheetByName(TAB.problems);
  if (!sheet) return false;
  const changed = new Map<number, number[]>();
  for (let i = 0; i < next.length; i++)
    for (let c = 0; c < next[i].length; c++) {
      if (sameCell(next[i][c], last.rows[i][c])) continue;
      const rows = changed.get(c) ?? [];
      rows.push(i);
      changed.set(c, rows);
    }
  for (const run of coalesceRuns(changed, MAX_WRITE_RUNS)) {
    const block: Cell[][] = [];
    for (let i = run.from; i <= run.to; i++) block.push([safeCell(next[i][run.key] ?? '')]);
    sheet.getRange(last.firstDataRow + run.from, run.key + 1, block.length, 1).setValues(block);
  }
  return true;
}

/** `when` overrides the check's time as shown (the date self-check formats it with Google's own formatter). */
export function writeProblemsTab(ss: Spreadsheet, problems: Problems, now: Date, tz: string, when?: string): void {
  const list = problems.list;
  const shownWhen = when ?? dateTimeRuInZone(now, tz);
  const subtitle =
    list.length === 0
      ? `Проверено ${shownWhen}: проблем не найдено, все данные в порядке.`
      : `Проверено ${shownWhen}: найдено проблем — ${list.length}. Исправьте их на указанных листах; после следующей проверки список обновится.`;
  const rows = problemRows(problems);
  const last = written.get(problems);
  if (last && last.ss === ss && last.subtitle === subtitle && writeChangedRows(last, rows)) {
    last.rows = rows;
    return;
  }
  const { tables } = writeReportTab(ss, TAB.problems, {
    title: 'Проверка данных',
    subtitle,
    tables: [{ headers: PROBLEM_HEADERS, rows }],
    widths: { 1: 140, 2: 60, 3: 170, 4: 200, 5: 380, 6: 380 },
    inPlace: true,
  });
  written.set(problems, { ss, subtitle, firstDataRow: tables[0].firstDataRow, rows });
}
