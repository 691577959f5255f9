// One run's shared state: the spreadsheet, its zone, "today" in that zone, settings, the
// production calendar, the problems found so far, «Журнал» and the mailer. Built with one read of
// «Настройки» and one of «Календарь».
import { type CalendarEntry, DECREE_ENTRIES, WorkCalendar } from '../domain/calendar';
import { cellToIsoDate, dateInZone, formatRu, type IsoDate } from '../domain/dates';
import { parseSettings, type Settings } from '../domain/settings';
import { Mailer } from '../mail/mailer';
import { Journal } from '../workbook/journal';
import { Problems } from '../workbook/problems';
import { CALENDAR_COL, DAY_TYPE, SETTINGS_COL, TAB } from '../workbook/schema';
import { normHeader, readTable, text } from '../workbook/table';
import { takeCheckedZone } from './date-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script stops a run at 6 minutes; we stop starting new work well before. */
export const RUN_LIMIT_MS = 6 * 60 * 1000;
export const SOFT_LIMIT_MS = 4.5 * 60 * 1000;

export interface RunContext {
  ss: Spreadsheet;
  tz: string;
  now: Date;
  today: IsoDate;
  settings: Settings;
  calendar: WorkCalendar;
  problems: Problems;
  journal: Journal;
  mailer: Mailer;
  startedMs: number;
  timeLeftMs(): number;
}

export function readSettings(ss: Spreadsheet, problems: Problems): Settings {
  // The date self-check has just read the zone at the start of this run: no second call.
  const zone = takeCheckedZone() ?? (ss.getSpreadsheetTimeZone() || 'Europe/Moscow');
  const t = readTable(ss, TAB.settings);
  const pairs: [string, unknown][] = [];
  const rowOf = new Map<string, number>();
  if (!t) problems.missingTab(TAB.settings);
  else {
    const p = t.col(SETTINGS_COL.param);
    const v = t.col(SETTINGS_COL.value);
    if (p < 0) problems.missingColumn(TAB.settings, SETTINGS_COL.param);
    if (v < 0) problems.missingColumn(TAB.settings, SETTINGS_COL.value);
    if (p >= 0 && v >= 0)
      t.rows.forEach((r, i) => {
        pairs.push([text(r[p]), r[v]]);
        const key = normHeader(r[p]);
        if (key && !rowOf.has(key)) rowOf.set(key, i + 2);
      });
  }
  const { settings, issues } = parseSettings(pairs, zone);
  // In Google Sheets the spreadsheet's own zone wins over the «Часовой пояс» row.
  settings.timeZone = zone;
  // The problem points at the parameter's «Значение» cell, so it can carry a note there.
  for (const i of issues)
    problems.add({
      tab: TAB.settings,
      row: rowOf.get(normHeader(i.param)) ?? 0,
      column: SETTINGS_COL.value,
      value: i.value,
      message: `«${i.param}»: ${i.message}`,
      fix: i.fix,
    });
  return settings;
}

export function readCalendar(ss: Spreadsheet, tz: string, problems: Problems): WorkCalendar {
  const t = readTable(ss, TAB.calendar);
  if (!t) return new WorkCalendar(DECREE_ENTRIES);
  const dc = t.col(CALENDAR_COL.date);
  const tc = t.col(CALENDAR_COL.type);
  if (dc < 0 || tc < 0) {
    if (dc < 0) problems.missingColumn(TAB.calendar, CALENDAR_COL.date);
    if (tc < 0) problems.missingColumn(TAB.calendar, CALENDAR_COL.type);
    return new WorkCalendar(DECREE_ENTRIES);
  }
  const entries: CalendarEntry[] = [];
  t.rows.forEach((r, i) => {
    const rawDate = r[dc];
    const rawType = text(r[tc]).toLowerCase();
    if (rawDate === '' && rawType === '') return;
    const d = cellToIsoDate(rawDate, tz);
    const row = i + 2;
    if (!d) {
      problems.add({
        tab: TAB.calendar,
        row,
        column: CALENDAR_COL.date,
        value: text(rawDate),
        message: 'Не удалось прочитать дату.',
        fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
      });
      return;
    }
    const type =
      rawType === DAY_TYPE.off.toLowerCase() ? 'off' : rawType === DAY_TYPE.work.toLowerCase() ? 'work' : null;
    if (!type) {
      problems.add({
        tab: TAB.calendar,
        row,
        column: CALENDAR_COL.type,
        value: text(r[tc]),
        message: `Тип дня ${formatRu(d)} должен быть «Нерабочий» или «Рабочий».`,
        fix: 'Выберите значение из списка.',
      });
      return;
    }
    entries.push({ date: d, type });
  });
  return new WorkCalendar(entries);
}

export function openContext(ss: Spreadsheet, opts: { softLimitMs?: number } = {}): RunContext {
  const startedMs = Date.now();
  const now = new Date();
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  const calendar = readCalendar(ss, tz, problems);
  const journal = Journal.open(ss);
  const limit = opts.softLimitMs ?? SOFT_LIMIT_MS;
  const timeLeftMs = () => limit - (Date.now() - startedMs);
  const mailer = new Mailer({
    enabled: settings.mailEnabled,
    recorder: journal,
    timeLeftMs,
    senderName: settings.organization ? `Контроль поручений — ${settings.organization}` : undefined,
  });
  return {
    ss,
    tz,
    now,
    today: dateInZone(now, tz),
    settings,
    calendar,
    problems,
    journal,
    mailer,
    startedMs,
    timeLeftMs,
  };
}
