// PLACEHOLDER until the self-assessment module lands (issue 6): signatures other modules call.
import type { RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** «Рейтинг самооценки» for a year 'YYYY'; returns a Russian one-line summary. */
export function ratingReport(_ss: Spreadsheet, _year: string): string {
  throw new Error('Рейтинг самооценки ещё не реализован');
}
/** Daily step 1: problems in «Критерии самооценки», «Самооценка». */
export function validateRating(_ctx: RunContext): void {}
/** Daily step 6: self-assessment due-date reminders (idempotent). */
export function ratingReminders(_ctx: RunContext): void {}
