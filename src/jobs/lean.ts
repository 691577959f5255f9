// PLACEHOLDER until the lean programme module lands (issue 5): signatures other modules call.
import type { RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** «Отчёт: бережливые проекты» for 'YYYY-Qn'; returns a Russian one-line summary. */
export function reportLean(_ss: Spreadsheet, _quarter: string): string {
  throw new Error('Квартальный отчёт ещё не реализован');
}
/** «Контроль плана ЭР» for a year 'YYYY'. */
export function planControl(_ss: Spreadsheet, _year: string): string {
  throw new Error('Контроль плана ещё не реализован');
}
/** Daily step 1: problems in «План ЭР», «Проекты», «Обучение». */
export function validateLean(_ctx: RunContext): void {}
/** Daily step 6: plan deadline reminders (idempotent). */
export function leanReminders(_ctx: RunContext): void {}
