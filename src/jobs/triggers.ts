// «Включить/Выключить автоматическую проверку»: one time-driven trigger for dailyRun at «Час
// ежедневной проверки» in the spreadsheet's zone. Existing triggers are looked up by handler first
// (an add-on may hold one trigger of each kind per document), so enabling twice never makes two.

import { Problems } from '../workbook/problems';
import { readSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_HANDLER = 'dailyRun';
/** Document property remembering the hour the trigger was made for (Trigger has no getter for it). */
export const TRIGGER_HOUR_PROP = 'kontrol.dailyTriggerHour';

function dailyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

function hourText(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

/** Installs (or moves to the configured hour) the daily trigger; returns a Russian summary. */
export function enableTrigger(ss: Spreadsheet): string {
  const settings = readSettings(ss, new Problems());
  const hour = settings.dailyHour;
  const tz = ss.getSpreadsheetTimeZone() || settings.timeZone;
  const props = PropertiesService.getDocumentProperties();
  const existing = dailyTriggers();
  if (existing.length === 1 && props.getProperty(TRIGGER_HOUR_PROP) === String(hour))
    return `Автоматическая проверка уже включена: ежедневно в ${hourText(hour)}–${hourText((hour + 1) % 24)} (${tz}).`;
  // A stale hour or duplicates left by an older version: replace them by exactly one.
  for (const t of existing) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(tz).create();
  props.setProperty(TRIGGER_HOUR_PROP, String(hour));
  // Apps Script starts an hourly trigger at a random minute within the hour.
  return `Автоматическая проверка включена: ежедневно в ${hourText(hour)}–${hourText((hour + 1) % 24)} (${tz}). Час меняется в «Настройках» → «Час ежедневной проверки», затем включите проверку ещё раз.`;
}

/** Removes every dailyRun trigger; returns a Russian summary. */
export function disableTrigger(_ss: Spreadsheet): string {
  const existing = dailyTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  PropertiesService.getDocumentProperties().deleteProperty(TRIGGER_HOUR_PROP);
  return existing.length > 0 ? 'Автоматическая проверка выключена.' : 'Автоматическая проверка и так была выключена.';
}
