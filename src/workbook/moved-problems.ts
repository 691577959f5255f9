// Problems of the rows the daily check moves to «Архив» (000 п.14). «Архив» is not checked, so a
// problem found in a row the same run judged for the first time and then moved (entered late,
// executed back-dated: 000 п.7, п.13) exists only in that run. The list written with the move says
// where each went — «Поручение № 5-4 перенесено на лист «Архив» 02.03.2026.» — and a run the same
// day (a re-run after a stop, a second run, the menu's «Проверить данные») carries those rows of
// the previous list forward, at their places, while the order is in «Архив» (archived that day)
// and not in «Поручения». The next day they drop out: the list is the day's check.
import { formatRu, type IsoDate } from '../domain/dates';
import { cellText } from '../domain/text';
import type { Problem } from './problems';
import { PROBLEM_COL, TAB } from './schema';
import { type Cell, normHeader } from './table';

/** The sentence a problem of a moved row ends with: its «№» and the day of the move. */
export function movedSuffix(number: string, day: IsoDate): string {
  return `Поручение № ${number} перенесено на лист «${TAB.archive}» ${formatRu(day)}.`;
}

const MOVED = new RegExp(`Поручение № (.+) перенесено на лист «${TAB.archive}» (\\d\\d\\.\\d\\d\\.\\d{4})\\.$`);

/** «№» and day (ДД.ММ.ГГГГ) of a moved row's problem (null for any other problem). */
export function movedOf(message: string): { number: string; day: string } | null {
  const m = MOVED.exec(message);
  return m ? { number: m[1], day: m[2] } : null;
}

/** A problem of a moved row in the previous list, with its place there (0-based). */
export interface CarriedProblem {
  index: number;
  problem: Problem;
}

/**
 * The rows of a previous «Проверка данных» (its values as read) that are problems of an order moved
 * to «Архив» on `today` which `carry` accepts (in «Архив» since today, not in «Поручения»).
 */
export function carriedProblems(
  values: readonly (readonly Cell[])[],
  today: IsoDate,
  carry: (number: string) => boolean,
): CarriedProblem[] {
  const names = Object.values(PROBLEM_COL).map(normHeader);
  for (let h = 0; h < values.length; h++) {
    const idx = names.map((n) => values[h].map(normHeader).indexOf(n));
    if (idx.some((i) => i < 0)) continue;
    const out: CarriedProblem[] = [];
    for (let r = h + 1; r < values.length; r++) {
      const [tab, row, column, value, message, fix] = idx.map((i) => cellText(values[r][i] ?? ''));
      if (tab.trim() === '') break; // the blank row that ends the table
      const moved = movedOf(message);
      if (tab !== TAB.orders || row.trim() !== '' || !moved || moved.day !== formatRu(today) || !carry(moved.number))
        continue;
      out.push({ index: r - h - 1, problem: { tab, row: 0, column, value, message, fix } });
    }
    return out;
  }
  return [];
}

/** Puts the carried problems back at their places (ascending), past the end when the list is shorter. */
export function insertCarried(list: Problem[], carried: readonly CarriedProblem[]): void {
  for (const c of [...carried].sort((a, b) => a.index - b.index))
    list.splice(Math.min(c.index, list.length), 0, c.problem);
}
