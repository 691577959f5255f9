// Reading one data row of a people's tab by header: a cell, its text, a date; what cannot be
// understood is a Problem (Russian message and fix) and the column is marked `invalid`, so no rule
// acts on it and the add-on never overwrites it. Shared by «Поручения»/«Архив» and «Обращения».
import { cellToIsoDate, type IsoDate } from '../domain/dates';
import { cellText } from '../domain/text';
import type { Problems } from './problems';
import type { Cell, Table } from './table';

// Cell text is the domain's (the rules read the same text); re-exported for the tabs' readers.
export { cellText };

export interface RowReader {
  /** Columns found unreadable in this row. */
  invalid: string[];
  get(header: string): Cell;
  /** Records a problem with `column` and marks it invalid. */
  add(column: string, value: string, message: string, fix: string): void;
  /** A date cell: null when blank or unreadable (then a problem). */
  date(header: string): IsoDate | null;
}

export function rowReader(t: Table, tab: string, r: Cell[], row: number, tz: string, problems: Problems): RowReader {
  const invalid: string[] = [];
  const get = (h: string): Cell => {
    const c = t.col(h);
    return c >= 0 ? (r[c] ?? '') : '';
  };
  const add = (column: string, value: string, message: string, fix: string) => {
    invalid.push(column);
    problems.add({ tab, row, column, value, message, fix });
  };
  const date = (h: string): IsoDate | null => {
    const v = get(h);
    if (v === '') return null;
    const d = cellToIsoDate(v, tz);
    if (!d) add(h, cellText(v), `Не удалось прочитать дату «${cellText(v)}».`, 'Введите дату в виде ДД.ММ.ГГГГ.');
    return d;
  };
  return { invalid, get, add, date };
}
