// Reading «Обращения»: one getValues, columns by header, every row a typed AppealRecord; whatever
// cannot be understood is a Problem (Russian message and fix) and the cell is marked `invalid`, so
// no rule acts on it and the add-on never overwrites it.
import { APPEAL_CHANNELS, APPEAL_COL, APPEAL_HEADERS, APPEAL_RESULTS, type AppealRecord } from '../domain/appeals';
import { fromList } from '../domain/text';
import type { Problems } from './problems';
import { cellText, rowReader } from './row-reader';
import { TAB } from './schema';
import { type Cell, isBlankRow, readTable, type Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Columns without which no appeal rule can be applied. */
export const CORE_APPEAL_HEADERS: readonly string[] = [
  APPEAL_COL.number,
  APPEAL_COL.registered,
  APPEAL_COL.executor,
  APPEAL_COL.deadline,
  APPEAL_COL.answerDate,
];

export interface AppealBook {
  table: Table | null;
  appeals: AppealRecord[];
  /** False when the tab is missing or lacks a core column: nothing is filled, written or sent. */
  usable: boolean;
}

export function parseAppealRow(t: Table, r: Cell[], row: number, tz: string, problems: Problems): AppealRecord {
  const tab = TAB.appeals;
  const { invalid, get, add, date } = rowReader(t, tab, r, row, tz, problems);
  const listed = (h: string, list: readonly string[], what: string): string => {
    const raw = cellText(get(h));
    const v = fromList(raw, list);
    if (v === null) {
      add(h, raw, `${what} «${raw}» не из списка.`, `Выберите одно из значений: ${list.join(', ')}.`);
      return '';
    }
    return v;
  };
  const studyRaw = cellText(get(APPEAL_COL.needsStudy));
  const study = fromList(studyRaw, ['Да', 'Нет']);
  if (study === null)
    add(
      APPEAL_COL.needsStudy,
      studyRaw,
      `«Требует изучения»: ожидается «Да» или «Нет», а не «${studyRaw}».`,
      'Выберите «Да» или «Нет» (пусто — полный срок ответа).',
    );
  const historyCell = get(APPEAL_COL.history);
  return {
    row,
    number: cellText(get(APPEAL_COL.number)),
    registered: date(APPEAL_COL.registered),
    applicant: cellText(get(APPEAL_COL.applicant)).replace(/\s+/g, ' '),
    address: cellText(get(APPEAL_COL.address)),
    channel: listed(APPEAL_COL.channel, APPEAL_CHANNELS, 'Канал'),
    topic: cellText(get(APPEAL_COL.topic)),
    category: cellText(get(APPEAL_COL.category)).replace(/\s+/g, ' '),
    needsStudy: study === 'Да' ? true : study === 'Нет' ? false : null,
    executor: cellText(get(APPEAL_COL.executor)).replace(/\s+/g, ' '),
    deadline: date(APPEAL_COL.deadline),
    extendedTo: date(APPEAL_COL.extendedTo),
    measures: cellText(get(APPEAL_COL.measures)),
    answerDate: date(APPEAL_COL.answerDate),
    result: listed(APPEAL_COL.result, APPEAL_RESULTS, 'Результат'),
    repeated: false,
    duplicateOf: null,
    state: '',
    history: typeof historyCell === 'string' ? historyCell : cellText(historyCell),
    invalid,
  };
}

/**
 * Reads «Обращения» with one call and parses every row (what does not parse is a problem); the
 * rules between cells and rows are the register's (APPEAL_RULES, stage check: jobs/appeals.ts). A workbook without the tab has no appeals
 * (nothing reported: the tab comes with «Настроить таблицу»); a missing column is reported by name.
 */
export function readAppeals(ss: Spreadsheet, tz: string, problems: Problems): AppealBook {
  const t = readTable(ss, TAB.appeals);
  if (!t) return { table: null, appeals: [], usable: false };
  const missing = APPEAL_HEADERS.filter((h) => t.col(h) < 0);
  for (const h of missing) problems.missingColumn(TAB.appeals, h);
  const usable = !CORE_APPEAL_HEADERS.some((h) => missing.includes(h));
  const appeals: AppealRecord[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    appeals.push(parseAppealRow(t, r, i + 2, tz, problems));
  });
  return { table: t, appeals, usable };
}
