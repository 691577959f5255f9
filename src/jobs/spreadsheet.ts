// «The spreadsheet» for every entry point (issue 26): the one place the add-on gets its workbook.
//
// Google's guide to container-bound scripts (developers.google.com/apps-script/guides/bound,
// «Special methods»): getActiveSpreadsheet() and its kin «are only available to bound scripts run
// from the script editor, menu items, dialogs, sidebars, or triggers. When a bound script is run as
// a web app or via the Apps Script API, these methods are not available.» People who build bound
// web apps report both outcomes, so: the active spreadsheet where Google gives one, else the id
// that «Настроить таблицу» recorded in the script's properties (the pattern of Google's own
// form-to-sheet sample: setup stores getActiveSpreadsheet().getId(), doPost opens it by id).
//
// Scope: `spreadsheets.currentonly` covers the file the script runs in, reached through
// getActive*; SpreadsheetApp.openById needs the full `spreadsheets` scope even for the container's
// own id (apps-script/concepts/scopes; guides/services/authorization «@OnlyCurrentDoc»: the
// narrow dialog asks «only for access to files in which the add-on or script is used»). So the
// manifest lists both, and openById is reached only where Google gave no active spreadsheet.
//
// A copy of the spreadsheet carries its bound script and the script's properties with it: there
// the active spreadsheet and the recorded id differ. Then nothing is written to the other file:
// one «Журнал» line in the open one and a refusal saying to run «Настроить таблицу» here.
import { appendJournalEntry } from '../workbook/journal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script property: the id of the spreadsheet «Настроить таблицу» was run in. */
export const SPREADSHEET_ID_PROP = 'kontrol.spreadsheetId';

export const NOT_SET_UP =
  'Дополнение не знает своей таблицы: откройте таблицу и выполните «Контроль поручений → Настроить таблицу».';

export function mismatchText(recorded: string, active: string): string {
  return `Дополнение настроено для другой таблицы (записан идентификатор ${recorded}, открыта ${active}; так бывает в копии таблицы). В чужую таблицу ничего не записано. Чтобы работать с этой, выполните здесь «Контроль поручений → Настроить таблицу».`;
}

function recordedId(): string {
  return (PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID_PROP) ?? '').trim();
}

/**
 * The spreadsheet for this run. `adopt` (setup from the menu or the API): the active spreadsheet
 * becomes the recorded one, with a «Журнал» line when it replaces another. Throws a Russian
 * message when there is none or the two disagree.
 */
export function openSpreadsheet(opts: { adopt?: boolean } = {}): Spreadsheet {
  const active = SpreadsheetApp.getActive();
  const recorded = recordedId();
  if (active) {
    const id = active.getId();
    if (recorded === id) return active;
    if (!recorded || opts.adopt) {
      PropertiesService.getScriptProperties().setProperty(SPREADSHEET_ID_PROP, id);
      if (recorded)
        appendJournalEntry(active, {
          action: 'Настроить таблицу',
          result: `Дополнение теперь работает с этой таблицей (${id}); прежде — с ${recorded}.`,
        });
      return active;
    }
    const text = mismatchText(recorded, id);
    appendJournalEntry(active, { action: 'Открытие таблицы', result: text });
    throw new Error(text);
  }
  if (!recorded) throw new Error(NOT_SET_UP);
  try {
    return SpreadsheetApp.openById(recorded);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Не удалось открыть таблицу ${recorded} (${why.split('\n')[0]}). Проверьте, что у владельца развёртывания есть к ней доступ и что манифест дополнения содержит область https://www.googleapis.com/auth/spreadsheets.`,
    );
  }
}
