// The order-control tabs «Настроить таблицу» creates (spec «The workbook»): their headers, system
// columns, dates, dropdowns and seeded reference data. Tab and header names come from schema.ts.
import { DECREE_ENTRIES } from '../../domain/calendar';
import { midnightInZone } from '../../domain/dates';
import { PERIODICITIES } from '../../domain/periodic';
import { defaultSettingsRows, SETTING, WEEKDAYS_RU } from '../../domain/settings';
import { REMOVAL_MODE } from '../../domain/vocabulary';
import { HISTORY_ARCHIVE_HEADERS } from '../history-archive';
import { JOURNAL_HEADERS } from '../journal';
import { PROBLEM_HEADERS } from '../problems-tab';
import {
  ARCHIVE_EXTRA_COL,
  ARCHIVE_HEADERS,
  CALENDAR_COL,
  DAY_TYPE,
  DECISION,
  EXECUTOR_COL,
  HISTORY_ARCHIVE_COL,
  ORDER_COL,
  ORDER_HEADERS,
  ORDER_SYSTEM_HEADERS,
  PROTOCOL_COL,
  REMOVAL_VALUES,
  SETTINGS_COL,
  STATUSES,
  TAB,
  URGENCY,
} from '../schema';
import type { ListRule, TabSpec } from '../tabspec';

/** Third column of «Настройки»: what each parameter means (the seed's third cell). */
export const SETTINGS_NOTE_COL = 'Пояснение';

/** Dropdowns on single «Значение» cells of «Настройки», by «Параметр». */
export const SETTINGS_CHOICES: Readonly<Record<string, readonly string[]>> = {
  [SETTING.mailEnabled]: ['Да', 'Нет'],
  [SETTING.weeklyReportDay]: WEEKDAYS_RU,
  [SETTING.nonWorkingDeadline]: ['предыдущий рабочий', 'без переноса'],
  [SETTING.removalMode]: Object.values(REMOVAL_MODE),
};

const ORDER_DATE_HEADERS = [
  ORDER_COL.deadline,
  ORDER_COL.doneDate,
  ORDER_COL.requestedDate,
  ORDER_COL.originalDeadline,
  ORDER_COL.enteredAt,
  ORDER_COL.validUntil,
  ORDER_COL.interimDate,
  ORDER_COL.coDeadline,
];

const ORDER_LISTS: readonly ListRule[] = [
  { header: ORDER_COL.status, values: STATUSES },
  { header: ORDER_COL.protocol, fromTab: { tab: TAB.protocols, header: PROTOCOL_COL.number } },
  { header: ORDER_COL.executor, fromTab: { tab: TAB.executors, header: EXECUTOR_COL.name } },
  { header: ORDER_COL.urgency, values: Object.values(URGENCY) },
  { header: ORDER_COL.decision, values: Object.values(DECISION) },
  { header: ORDER_COL.removal, values: REMOVAL_VALUES },
  { header: ORDER_COL.periodicity, values: PERIODICITIES },
];

const ORDER_WIDTHS: Readonly<Record<string, number>> = {
  [ORDER_COL.number]: 70,
  [ORDER_COL.protocol]: 80,
  [ORDER_COL.text]: 360,
  [ORDER_COL.executor]: 170,
  [ORDER_COL.coExecutors]: 170,
  [ORDER_COL.progress]: 260,
  [ORDER_COL.requestReason]: 220,
  [ORDER_COL.approvedBy]: 170,
  [ORDER_COL.state]: 150,
  [ORDER_COL.history]: 320,
  // The rest sized for their ДД.ММ.ГГГГ dates and wrapped two-line headers.
  [ORDER_COL.urgency]: 100,
  [ORDER_COL.deadline]: 100,
  [ORDER_COL.status]: 130,
  [ORDER_COL.doneDate]: 100,
  [ORDER_COL.requestedDate]: 110,
  [ORDER_COL.decision]: 120,
  [ORDER_COL.originalDeadline]: 120,
  [ORDER_COL.extensions]: 90,
  [ORDER_COL.returns]: 90,
  [ORDER_COL.overdueDays]: 100,
  [ORDER_COL.periodicity]: 130,
  [ORDER_COL.validUntil]: 110,
  [ORDER_COL.interimDate]: 120,
  [ORDER_COL.lateReason]: 260,
  [ORDER_COL.coDeadline]: 130,
};

export const CORE_TAB_SPECS: TabSpec[] = [
  {
    name: TAB.settings,
    headers: [SETTINGS_COL.param, SETTINGS_COL.value, SETTINGS_NOTE_COL],
    seed: (ctx) => defaultSettingsRows(ctx.timeZone).map((r) => [...r]),
    widths: { [SETTINGS_COL.param]: 300, [SETTINGS_COL.value]: 260, [SETTINGS_NOTE_COL]: 520 },
  },
  {
    name: TAB.executors,
    headers: Object.values(EXECUTOR_COL),
    dateHeaders: [EXECUTOR_COL.absentFrom, EXECUTOR_COL.absentTo],
    lists: [{ header: EXECUTOR_COL.substitute, fromTab: { tab: TAB.executors, header: EXECUTOR_COL.name } }],
    widths: {
      [EXECUTOR_COL.name]: 220,
      [EXECUTOR_COL.position]: 220,
      [EXECUTOR_COL.unit]: 200,
      [EXECUTOR_COL.email]: 200,
      [EXECUTOR_COL.substitute]: 220,
    },
  },
  {
    name: TAB.protocols,
    headers: Object.values(PROTOCOL_COL),
    dateHeaders: [PROTOCOL_COL.date],
    lists: [{ header: PROTOCOL_COL.meeting, values: ['оперативное', 'аппаратное', 'коллегия'] }],
    widths: { [PROTOCOL_COL.meeting]: 160, [PROTOCOL_COL.chair]: 200, [PROTOCOL_COL.link]: 260 },
  },
  {
    name: TAB.orders,
    headers: ORDER_HEADERS,
    systemHeaders: ORDER_SYSTEM_HEADERS,
    dateHeaders: ORDER_DATE_HEADERS,
    lists: ORDER_LISTS,
    widths: ORDER_WIDTHS,
  },
  {
    name: TAB.archive,
    headers: ARCHIVE_HEADERS,
    systemHeaders: [...ORDER_SYSTEM_HEADERS, ARCHIVE_EXTRA_COL.archivedAt],
    dateHeaders: [...ORDER_DATE_HEADERS, ARCHIVE_EXTRA_COL.archivedAt],
    widths: ORDER_WIDTHS,
  },
  {
    name: TAB.calendar,
    headers: Object.values(CALENDAR_COL),
    dateHeaders: [CALENDAR_COL.date],
    lists: [{ header: CALENDAR_COL.type, values: Object.values(DAY_TYPE) }],
    seed: (ctx) =>
      DECREE_ENTRIES.map((e) => [
        midnightInZone(e.date, ctx.timeZone),
        e.type === 'work' ? DAY_TYPE.work : DAY_TYPE.off,
        e.basis ?? '',
      ]),
    widths: { [CALENDAR_COL.date]: 100, [CALENDAR_COL.type]: 110, [CALENDAR_COL.basis]: 520 },
  },
];

/** Service tabs, placed after every feature's tabs. */
export const SERVICE_TAB_SPECS: TabSpec[] = [
  { name: TAB.problems, headers: PROBLEM_HEADERS, generated: true },
  // Issue 19: lines rolled over out of «История» / «Ход исполнения»; written only by the add-on.
  {
    name: TAB.historyArchive,
    headers: HISTORY_ARCHIVE_HEADERS,
    systemHeaders: HISTORY_ARCHIVE_HEADERS,
    dateHeaders: [HISTORY_ARCHIVE_COL.date],
    widths: { [HISTORY_ARCHIVE_COL.number]: 90, [HISTORY_ARCHIVE_COL.date]: 100, [HISTORY_ARCHIVE_COL.text]: 640 },
  },
  // «Журнал» is written only by the add-on: every column is a system column.
  {
    name: TAB.log,
    headers: JOURNAL_HEADERS,
    systemHeaders: JOURNAL_HEADERS,
    // Wide enough that «Ежедневная рассылка», an address and the keys (one a line) print whole.
    widths: {
      [JOURNAL_HEADERS[0]]: 160,
      [JOURNAL_HEADERS[1]]: 190,
      [JOURNAL_HEADERS[2]]: 120,
      [JOURNAL_HEADERS[3]]: 220,
      [JOURNAL_HEADERS[4]]: 400,
      [JOURNAL_HEADERS[5]]: 320,
    },
  },
];
