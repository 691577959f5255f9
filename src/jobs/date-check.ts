// The date self-check at the start of a run (issue 13 item 4): our zone arithmetic against
// Utilities.formatDate in the spreadsheet's zone. On a mismatch nothing date-dependent runs: the
// run records one «Журнал» line and one «Проверка данных» row and stops with a Russian message.
// Cost: five Utilities.formatDate calls per run, none per row; the zone it reads is handed to the
// run's readSettings (takeCheckedZone), so no Spreadsheet call is added.
import { type ZoneProbe, zoneMismatches, zoneMismatchText, zoneProbes } from '../domain/zone-check';
import { Journal } from '../workbook/journal';
import { Problems } from '../workbook/problems';
import { writeProblemsTab } from '../workbook/problems-tab';
import { SETTINGS_COL, TAB } from '../workbook/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DATE_CHECK_ACTION = 'Проверка расчёта дат';

const GOOGLE_PATTERN = 'yyyy-MM-dd HH:mm';

/** Null when our dates agree with Google's in `tz`; otherwise the Russian reason. */
export function dateSelfCheck(tz: string, now: Date = new Date()): string | null {
  let probes: ZoneProbe[];
  try {
    probes = zoneProbes(now, tz);
  } catch (err) {
    // Our arithmetic cannot read the zone (Intl without it): as much a mismatch as a wrong hour.
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return `Расчёт дат в часовом поясе «${tz}» недоступен: ${why}.`;
  }
  // Google's side is not caught: a failing service fails the run like any other service call.
  const list = zoneMismatches(probes, (d) => Utilities.formatDate(d, tz, GOOGLE_PATTERN));
  return list.length ? zoneMismatchText(tz, list) : null;
}

// The zone the check just read, handed to the run's first readSettings so the check costs no
// Spreadsheet call of its own. Set only for the run that passed the check; the entry point
// forgets it when the run ends (the sandbox keeps one global scope across runs; Apps Script does not).
let checkedZone: string | null = null;

/** The zone the self-check read in this run, once (the next call reads the spreadsheet again). */
export function takeCheckedZone(): string | null {
  const z = checkedZone;
  checkedZone = null;
  return z;
}

export function forgetCheckedZone(): void {
  checkedZone = null;
}

/**
 * Runs the self-check for the action `title`; on a mismatch records it («Журнал», «Проверка
 * данных») and returns the message people see, else null. Recording failures are swallowed: the
 * run stops either way.
 */
export function guardDates(ss: Spreadsheet, title: string): string | null {
  const tz = ss.getSpreadsheetTimeZone() || 'Europe/Moscow';
  const now = new Date();
  const reason = dateSelfCheck(tz, now);
  if (!reason) {
    checkedZone = tz;
    return null;
  }
  const message = `${title}: выполнение остановлено. ${reason} Сроки, просрочка, отчёты и письма не пересчитывались, чтобы не записать неверные даты.`;
  try {
    const journal = Journal.open(ss);
    journal.add({ action: DATE_CHECK_ACTION, result: message });
    journal.flush();
  } catch (err) {
    console.error(`${DATE_CHECK_ACTION}: «Журнал» не записан: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const problems = new Problems();
    problems.add({
      tab: TAB.settings,
      row: 0,
      column: SETTINGS_COL.value,
      value: tz,
      message: reason,
      fix: 'Проверьте часовой пояс таблицы (Файл → Настройки); если он верен, сообщите разработчику: даты не будут пересчитываться, пока расчёт не совпадёт с Google.',
    });
    // The time comes from Google's formatter: ours is what just failed.
    const when = Utilities.formatDate(now, tz, 'dd.MM.yyyy HH:mm');
    writeProblemsTab(ss, problems, now, tz, when);
  } catch (err) {
    console.error(
      `${DATE_CHECK_ACTION}: «Проверка данных» не записана: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return message;
}
