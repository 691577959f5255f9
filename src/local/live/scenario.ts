// The live check's scenario (issue 13 item 5): the steps run both through the Apps Script API on a
// the prepared project's Google spreadsheet and in the sandbox, then compared cell by cell. Each step is one call
// of `kontrolLiveStep` (LIVE_HELPER_JS), an extra file pushed beside Code.js only in the prepared
// project: it reaches the bundle's `__Kontrol.api` (no stub of its own, so scripts.run cannot call
// it directly), writes seed rows by header and reports the run's clock and trigger count.
import { SETTING } from '../../domain/settings';
import { TAB } from '../../workbook/schema';

/** A seed cell: text, a number, or a calendar date (written as midnight in the spreadsheet's zone). */
export type SeedValue = string | number | { date: string };

export type LiveCall =
  | { kind: 'api'; action: string; params?: Record<string, string> }
  | { kind: 'menu'; fn: 'menuEnableTrigger' | 'menuDisableTrigger' }
  | { kind: 'setting'; param: string; value: string }
  | { kind: 'rows'; tab: string; rows: Record<string, SeedValue>[] };

export interface LiveStep {
  id: string;
  /** What the step does, in Russian (printed by `npm run live-check`). */
  title: string;
  call: LiveCall;
}

/** What kontrolLiveStep returns (as JSON text): the run's start instant, its summary or error, triggers after it. */
export interface StepOutcome {
  now: string;
  /** Session.getEffectiveUser's e-mail: the sandbox runs as the same account. */
  user: string;
  result: string;
  error: string;
  triggers: number;
}

const d = (iso: string) => ({ date: iso });

const EXECUTORS: Record<string, SeedValue>[] = [
  { ФИО: 'Иванов И.И.', Должность: 'заместитель главы', Подразделение: 'ЖКХ', 'Эл. почта': 'ivanov@example.com' },
  { ФИО: 'Петров П.П.', Должность: 'начальник отдела', Подразделение: 'Экономика', 'Эл. почта': 'petrov@example.com' },
  {
    ФИО: 'Сидорова С.С.',
    Должность: 'начальник управления',
    Подразделение: 'Образование',
    'Эл. почта': 'sidorova@example.com',
    Замещающий: 'Петров П.П.',
    'Отсутствует с': d('2026-03-16'),
    'Отсутствует по': d('2026-03-20'),
  },
];

const PROTOCOLS: Record<string, SeedValue>[] = [
  { '№': '7', Дата: d('2026-03-02'), Совещание: 'оперативное', Председатель: 'Глава' },
  { '№': '8', Дата: d('2026-03-10'), Совещание: 'по благоустройству', Председатель: 'Глава' },
];

// March 2026: done on time, done late, overdue, in progress, an extension asked and approved, one
// returned for rework, one without № and deadline (filled by the check), one with a bad date.
const ORDERS: Record<string, SeedValue>[] = [
  {
    '№': '7-1',
    Протокол: '7',
    Поручение: 'Отчёт о ремонте дорог',
    Исполнитель: 'Иванов И.И.',
    Срок: d('2026-03-06'),
    Статус: 'Готово',
    'Дата исполнения': d('2026-03-05'),
  },
  {
    '№': '7-2',
    Протокол: '7',
    Поручение: 'План по весеннему паводку',
    Исполнитель: 'Петров П.П.',
    Срок: d('2026-03-10'),
    Статус: 'Готово',
    'Дата исполнения': d('2026-03-12'),
  },
  {
    '№': '7-3',
    Протокол: '7',
    Поручение: 'Сверка реестра муниципального имущества',
    Исполнитель: 'Сидорова С.С.',
    Соисполнители: 'Иванов И.И.',
    Срок: d('2026-03-13'),
    Статус: 'В процессе 50',
  },
  {
    '№': '7-4',
    Протокол: '7',
    Поручение: 'Проект постановления о субботнике',
    Исполнитель: 'Иванов И.И.',
    Срок: d('2026-03-20'),
    Статус: 'В процессе 0',
    'Запрошенный срок': d('2026-03-27'),
    'Обоснование переноса': 'ждём согласования прокуратуры',
    'Решение по переносу': 'Согласован',
  },
  {
    '№': '8-1',
    Протокол: '8',
    Поручение: 'Ответ на обращение жителей ул. Ленина',
    Исполнитель: 'Петров П.П.',
    Срок: d('2026-03-16'),
    Статус: 'На доработке',
  },
  { Протокол: '8', Поручение: 'Справка о детских площадках', Исполнитель: 'Сидорова С.С.', Статус: 'Список дел' },
  {
    '№': '8-3',
    Протокол: '8',
    Поручение: 'Смета на освещение парка',
    Исполнитель: 'Иванов И.И.',
    Срок: '31.02.2026',
    Статус: 'Список дел',
  },
];

/** The scenario, in order: setup, a seeded slice of March 2026, mail off, the checks, a monthly report, the trigger on and off. */
export const LIVE_SCENARIO: readonly LiveStep[] = [
  { id: 'setup', title: 'Настроить таблицу', call: { kind: 'api', action: 'setup' } },
  {
    id: 'mail-off',
    title: `«${SETTING.mailEnabled}» = Нет`,
    call: { kind: 'setting', param: SETTING.mailEnabled, value: 'Нет' },
  },
  {
    id: 'controller',
    title: `«${SETTING.controllerEmail}»`,
    call: { kind: 'setting', param: SETTING.controllerEmail, value: 'control@example.com' },
  },
  { id: 'executors', title: 'Исполнители', call: { kind: 'rows', tab: TAB.executors, rows: EXECUTORS } },
  { id: 'protocols', title: 'Протоколы марта 2026', call: { kind: 'rows', tab: TAB.protocols, rows: PROTOCOLS } },
  { id: 'orders', title: 'Поручения марта 2026', call: { kind: 'rows', tab: TAB.orders, rows: ORDERS } },
  { id: 'check', title: 'Проверить данные', call: { kind: 'api', action: 'check' } },
  { id: 'daily', title: 'Ежедневная проверка (письма выключены)', call: { kind: 'api', action: 'daily' } },
  {
    id: 'report-month',
    title: 'Отчёт об исполнении за март 2026',
    call: { kind: 'api', action: 'report-execution', params: { period: '2026-03' } },
  },
  { id: 'trigger-on', title: 'Включить автоматическую проверку', call: { kind: 'menu', fn: 'menuEnableTrigger' } },
  { id: 'trigger-off', title: 'Выключить автоматическую проверку', call: { kind: 'menu', fn: 'menuDisableTrigger' } },
];

/** The global scripts.run calls (defined by LIVE_HELPER_JS). */
export const LIVE_STEP_FUNCTION = 'kontrolLiveStep';

/** The global that resets the prepared project before the scenario (defined by LIVE_HELPER_JS). */
export const LIVE_RESET_FUNCTION = 'kontrolLiveReset';

/** The one sheet both sides start from: a new Google spreadsheet in ru_RU has one empty «Лист1». */
export const START_SHEET = 'Лист1';

/** What kontrolLiveReset returns (as JSON text). */
export interface ResetOutcome {
  /** Whether SpreadsheetApp.getActive() gave the container in this scripts.run (issue 26). */
  active: boolean;
  id: string;
  name: string;
  timeZone: string;
  error: string;
}

export function parseReset(raw: unknown): ResetOutcome {
  try {
    const o = JSON.parse(String(raw)) as Partial<ResetOutcome>;
    return {
      active: o.active === true,
      id: String(o.id ?? ''),
      name: String(o.name ?? ''),
      timeZone: String(o.timeZone ?? ''),
      error: String(o.error ?? ''),
    };
  } catch {
    return { active: false, id: '', name: '', timeZone: '', error: `непонятный ответ: ${String(raw).slice(0, 200)}` };
  }
}

/**
 * The helper file (plain ES2019, Apps Script V8 and the sandbox alike). Seed dates become midnight
 * in the spreadsheet's zone, the offset read through Utilities.formatDate('Z'): the same instant a
 * date typed into the sheet holds.
 */
export const LIVE_HELPER_JS = `// Контроль поручений — live check helper: pushed only into the live check's prepared project.
// The add-on's spreadsheet: the active one where Google gives it, else the id setup recorded (as
// src/jobs/spreadsheet.ts does; guides/bound: no active spreadsheet via the Apps Script API).
function kontrolLiveSpreadsheet_() {
  return SpreadsheetApp.getActive() || SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty('kontrol.spreadsheetId'));
}

// Before the scenario: the project as the user prepared it — no triggers, no properties, one empty
// «${START_SHEET}» in the spreadsheet's zone — and the spreadsheet recorded as the add-on's own, as
// «Настроить таблицу» from the menu records it. Reports whether getActive() gave the container.
function ${LIVE_RESET_FUNCTION}(id, timeZone) {
  var out = { active: false, id: '', name: '', timeZone: '', error: '' };
  try {
    var active = SpreadsheetApp.getActive();
    out.active = active !== null;
    var ss = active || SpreadsheetApp.openById(id);
    if (ss.getId() !== id) throw new Error('активная таблица ' + ss.getId() + ' — не та, к которой привязан проект (' + id + ')');
    ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
    PropertiesService.getScriptProperties().deleteAllProperties();
    PropertiesService.getDocumentProperties().deleteAllProperties();
    PropertiesService.getUserProperties().deleteAllProperties();
    var keep = ss.insertSheet();
    ss.getSheets().forEach(function (s) { if (s.getSheetId() !== keep.getSheetId()) ss.deleteSheet(s); });
    keep.setName('${START_SHEET}');
    ss.setSpreadsheetTimeZone(timeZone);
    PropertiesService.getScriptProperties().setProperty('kontrol.spreadsheetId', ss.getId());
    out.id = ss.getId();
    out.name = ss.getName();
    out.timeZone = ss.getSpreadsheetTimeZone();
  } catch (e) {
    out.error = String((e && e.message) || e).split('\\n')[0];
  }
  return JSON.stringify(out);
}

function ${LIVE_STEP_FUNCTION}(step) {
  var out = { now: new Date().toISOString(), user: '', result: '', error: '', triggers: 0 };
  try {
    out.user = Session.getEffectiveUser().getEmail();
  } catch (e) {
    out.user = '';
  }
  try {
    var ss = kontrolLiveSpreadsheet_();
    var call = step.call;
    if (call.kind === 'api') out.result = String(__Kontrol.api.run(call.action, call.params || {}));
    // scripts.run has no UI, and a menu global refuses to act without one (src/entry/guard.ts):
    // the trigger switches go through the api, the same jobs the menu items run.
    else if (call.kind === 'menu' && call.fn === 'menuEnableTrigger') out.result = String(__Kontrol.api.run('enable', {}));
    else if (call.kind === 'menu' && call.fn === 'menuDisableTrigger') out.result = String(__Kontrol.api.run('disable', {}));
    else if (call.kind === 'setting') kontrolLiveSetting_(ss, call.param, call.value);
    else if (call.kind === 'rows') kontrolLiveRows_(ss, call.tab, call.rows);
    else throw new Error('unknown step ' + JSON.stringify(call));
  } catch (e) {
    out.error = String((e && e.message) || e).split('\\n')[0];
  }
  try {
    out.triggers = ScriptApp.getProjectTriggers().length;
  } catch (e) {
    out.triggers = -1;
  }
  return JSON.stringify(out);
}

function kontrolLiveNorm_(v) {
  return String(v).replace(/\\s+/g, ' ').trim().toLowerCase();
}

function kontrolLiveDate_(ss, iso) {
  var tz = ss.getSpreadsheetTimeZone();
  var p = iso.split('-');
  var wall = Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  var t = wall;
  for (var i = 0; i < 2; i++) {
    var z = Utilities.formatDate(new Date(t), tz, 'Z');
    var off = (z.charAt(0) === '-' ? -1 : 1) * (Number(z.substr(1, 2)) * 60 + Number(z.substr(3, 2))) * 60000;
    t = wall - off;
  }
  return new Date(t);
}

function kontrolLiveSetting_(ss, param, value) {
  var sheet = ss.getSheetByName('${TAB.settings}');
  var values = sheet.getDataRange().getValues();
  var head = values[0].map(kontrolLiveNorm_);
  var p = head.indexOf(kontrolLiveNorm_('Параметр'));
  var v = head.indexOf(kontrolLiveNorm_('Значение'));
  for (var r = 1; r < values.length; r++)
    if (kontrolLiveNorm_(values[r][p]) === kontrolLiveNorm_(param)) {
      sheet.getRange(r + 1, v + 1).setValue(value);
      return;
    }
  throw new Error('no setting ' + param);
}

function kontrolLiveRows_(ss, tab, rows) {
  var sheet = ss.getSheetByName(tab);
  var values = sheet.getDataRange().getValues();
  var head = values[0].map(kontrolLiveNorm_);
  var cols = [];
  rows.forEach(function (row) {
    Object.keys(row).forEach(function (h) {
      var c = head.indexOf(kontrolLiveNorm_(h));
      if (c < 0) throw new Error('no column ' + h + ' on ' + tab);
      if (cols.indexOf(c) < 0) cols.push(c);
    });
  });
  var last = 1;
  for (var r = 1; r < values.length; r++)
    if (cols.some(function (c) { return values[r][c] !== ''; })) last = r + 1;
  cols.forEach(function (c) {
    var block = rows.map(function (row) {
      var h = Object.keys(row).filter(function (k) { return head.indexOf(kontrolLiveNorm_(k)) === c; })[0];
      var x = h === undefined ? '' : row[h];
      return [x !== null && typeof x === 'object' ? kontrolLiveDate_(ss, x.date) : x];
    });
    sheet.getRange(last + 1, c + 1, rows.length, 1).setValues(block);
  });
}
`;

/** The manifest pushed with the prepared project: ours plus the block scripts.run needs. */
export function liveManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  // developers.google.com/apps-script/manifest#ExecutionApi: who may call scripts.run.
  return { ...manifest, executionApi: { access: 'MYSELF' } };
}

/** Parses kontrolLiveStep's answer; anything else becomes an error outcome. */
export function parseOutcome(raw: unknown): StepOutcome {
  try {
    const o = JSON.parse(String(raw)) as Partial<StepOutcome>;
    return {
      now: String(o.now ?? ''),
      user: String(o.user ?? ''),
      result: String(o.result ?? ''),
      error: String(o.error ?? ''),
      triggers: Number(o.triggers ?? -1),
    };
  } catch {
    return { now: '', user: '', result: '', error: `непонятный ответ: ${String(raw).slice(0, 200)}`, triggers: -1 };
  }
}
