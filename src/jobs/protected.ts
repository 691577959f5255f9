// Writes Sheets refuses: a range or sheet protected so that only its editors may change it, when
// the account the run acts as (the daily check: its trigger's owner) is not one of them
// (reference/spreadsheet/protection). Such a step becomes one «Журнал» line naming the protected
// ranges, and the run goes on with its other steps.

import { appendJournalEntry } from '../workbook/journal';
import { openSpreadsheet } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets' refusal of a write to a protected range (its English text, or the Russian one). */
export function isProtectionError(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /protected cell or object|защищ[её]нн\S* (ячейк|диапазон|объект|лист)/i.test(m);
}

/** The protections this account may not edit: «Лист»!A1:B5, or «Лист» (весь лист). */
export function blockedRanges(ss: Spreadsheet): string[] {
  const out: string[] = [];
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  for (const sh of ss.getSheets()) {
    const name = sh.getName();
    for (const p of sh.getProtections(SHEET)) if (!p.canEdit()) out.push(`«${name}» (весь лист)`);
    for (const p of sh.getProtections(RANGE)) if (!p.canEdit()) out.push(`«${name}»!${p.getRange().getA1Notation()}`);
  }
  return out;
}

/** The «Журнал» text for a refused write. */
export function blockedMessage(ss: Spreadsheet): string {
  const who = Session.getEffectiveUser().getEmail() || 'этой учётной записи';
  const ranges = blockedRanges(ss);
  const what = ranges.length ? ranges.join(', ') : 'защищённый диапазон';
  return `не записано: ${what} — защищено, а запуск идёт от имени ${who}, которого нет среди редакторов защиты. Добавьте ${who} в редакторы (Данные → Защитить листы и диапазоны) или выберите «Показывать предупреждение»; остальные шаги проверки продолжены.`;
}

/**
 * SpreadsheetApp.flush() for the end of a run. Sheets may report a write refused by a protection
 * at the next flush rather than at the call (issue 24 item 7); then the step that made it has
 * already finished, so the refusal becomes its «Журнал» line here instead of failing the whole run.
 */
export function flushOrJournal(action: string): void {
  try {
    SpreadsheetApp.flush();
  } catch (e) {
    if (!isProtectionError(e)) throw e;
    const ss = openSpreadsheet();
    appendJournalEntry(ss, { action, result: blockedMessage(ss) });
    SpreadsheetApp.flush();
  }
}
