// PLACEHOLDER until the reports module lands (issue 4): signatures other modules call.
import type { IsoDate } from '../domain/dates';
import type { RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Generates «Отчёт: исполнение» for a period ('2026-W10', '2026-03', '2026-Q1', '2026-H1', '2026', '2026-03-01..2026-03-15'); returns a Russian one-line summary. */
export function reportExecution(_ss: Spreadsheet, _period: string): string {
  throw new Error('Отчёт об исполнении ещё не реализован');
}
/** Generates «Отчёт: протокол» for protocol №. */
export function reportProtocol(_ss: Spreadsheet, _protocol: string): string {
  throw new Error('Отчёт по протоколу ещё не реализован');
}
/** Daily check step 6: weekly/monthly summaries on their days (idempotent). */
export function periodicReports(_ctx: RunContext): void {}
export function lastWeekPeriod(_today: IsoDate): string {
  throw new Error('not yet');
}
export function lastMonthPeriod(_today: IsoDate): string {
  throw new Error('not yet');
}
export function quarterPeriod(_today: IsoDate): string {
  throw new Error('not yet');
}
export function yearPeriod(_today: IsoDate): string {
  throw new Error('not yet');
}
