// `kontrol` — the add-on on one machine, without a Google account (spec «Running it»): loads an
// .xlsx, runs the built dist/Code.js in the local Apps Script sandbox, saves the workbook in place
// and writes the e-mails as .eml files (or sends them by SMTP). Node only.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CalendarEntry, DECREE_ENTRIES, WorkCalendar } from '../domain/calendar';
import { cellToIsoDate, dateInZone, dayjs, formatRu } from '../domain/dates';
import { ACTIONS, type Action } from '../jobs/actions';
import { addDemoData } from './demo/index';
import { type DeliverResult, deliverMails } from './eml';
import { type CellModel, type CellValue, emptySheet, emptyWorkbook, type WorkbookModel } from './model';
import type { Sandbox } from './sandbox/index';
import { parseTyped, type Written } from './sandbox/values';
import { columnLetter, DEFAULT_TIME_ZONE, loadXlsx, saveXlsx, WorkbookFileError, zoneFromSettings } from './xlsx';

export { ACTIONS, type Action };

const ACTION_TITLES: Record<Action, string> = {
  setup: 'Настроить таблицу',
  daily: 'Ежедневная проверка',
  notify: 'Разослать уведомления',
  check: 'Проверить данные',
  'report-execution': 'Отчёт: исполнение',
  'report-protocol': 'Отчёт: протокол',
  'report-lean': 'Отчёт: бережливые проекты',
  'plan-control': 'Контроль плана ЭР',
  rating: 'Рейтинг самооценки',
};

export const USAGE = `Контроль поручений на одном компьютере (без Google):
  kontrol init FILE.xlsx [--demo] [--today YYYY-MM-DD]   создать книгу («Настроить таблицу»); --demo — с примером данных
  kontrol run ACTION FILE.xlsx [--today YYYY-MM-DD] [--time HH:MM] [--outbox DIR] [--smtp URL]
          [--period P] [--quarter YYYY-Qn] [--year YYYY] [--protocol N] [--user EMAIL]
      ACTION: ${ACTIONS.join(' | ')}
  kontrol edit FILE.xlsx --sheet NAME --cell A1 --value V [--today YYYY-MM-DD] [--time HH:MM] [--user EMAIL]
                                                         правка ячейки человеком: вызывает onEdit
  kontrol demo [FILE.xlsx]                               пример: создать demo.xlsx и выполнить ежедневную проверку`;

/** A problem worded for a person: printed as one line, exit code 1 (2 for a usage error). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Real time (tests pin it). */
  now?: () => Date;
  /** Path of the built bundle; default dist/Code.js of this package (or $KONTROL_CODE). */
  codePath?: string;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

// ---------------------------------------------------------------- options

const CLOCK = { today: { type: 'string' }, time: { type: 'string' } } as const;
const MAIL = { outbox: { type: 'string' }, smtp: { type: 'string' } } as const;
/** --user EMAIL: the Google account the action runs as (installable triggers and protections are per account). */
const USER = { user: { type: 'string' } } as const;
const OPTIONS = {
  init: { demo: { type: 'boolean' }, ...CLOCK },
  run: {
    ...CLOCK,
    ...MAIL,
    ...USER,
    period: { type: 'string' },
    quarter: { type: 'string' },
    year: { type: 'string' },
    protocol: { type: 'string' },
  },
  edit: { sheet: { type: 'string' }, cell: { type: 'string' }, value: { type: 'string' }, ...CLOCK, ...USER },
  demo: { ...CLOCK, ...MAIL },
} as const;
type Command = keyof typeof OPTIONS;
type Values = Record<string, string | boolean | undefined>;

function parse(command: Command, args: string[]): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new CliError(`Неизвестный параметр ${unknown[1]} для «kontrol ${command}»`, 2);
    const noValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (noValue) throw new CliError(`Параметру ${noValue[1].split(',').pop()?.trim()} нужно значение`, 2);
    throw new CliError(`Неверные параметры: ${msg.split('\n')[0]}`, 2);
  }
}

function str(v: Values, k: string): string | undefined {
  const x = v[k];
  return typeof x === 'string' ? x : undefined;
}

/** Validates --today/--time now; the instant is computed once the workbook's zone is known. */
export function checkClock(today?: string, time?: string): void {
  if (today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(today) && dayjs(today, 'YYYY-MM-DD', true).isValid()))
    throw new CliError(`Неверная дата --today ${today}: нужна ГГГГ-ММ-ДД, например 2025-03-14`, 2);
  if (time !== undefined && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time))
    throw new CliError(`Неверное время --time ${time}: нужно ЧЧ:ММ, например 08:00`, 2);
}

/** The sandbox clock: --today at --time (default 08:00) in the spreadsheet's zone, else real time. */
export function clockFor(tz: string, realNow: Date, today?: string, time?: string): Date {
  if (today === undefined && time === undefined) return realNow;
  const day = today ?? dateInZone(realNow, tz);
  const [h, m] = (time ?? '08:00').split(':').map(Number);
  return dayjs
    .tz(`${day} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, 'YYYY-MM-DD HH:mm', tz)
    .toDate();
}

// ---------------------------------------------------------------- bundle and sandbox

function bundlePath(io: CliIo): string {
  return io.codePath ?? process.env.KONTROL_CODE ?? fileURLToPath(new URL('../../dist/Code.js', import.meta.url));
}

function loadBundle(io: CliIo): string {
  const p = bundlePath(io);
  if (!existsSync(p)) throw new CliError(`Нет собранного ${p}: выполните npm run build`);
  return readFileSync(p, 'utf8');
}

async function sandboxFor(workbook: WorkbookModel, code: string, now: Date, user?: string): Promise<Sandbox> {
  // Imported when needed, so usage errors answer at once.
  const { createSandbox } = await import('./sandbox/index');
  return createSandbox({ workbook, code, now, ...(user ? { user } : {}) });
}

/** --user must look like an e-mail address. */
export function checkUser(user?: string): string | undefined {
  if (user !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(user))
    throw new CliError(`Неверный адрес --user ${user}: нужен e-mail, например controller@admin.example`, 2);
  return user;
}

function uiText(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return [o.title, o.message ?? o.prompt ?? o.text].filter((s) => typeof s === 'string' && s).join(': ');
  }
  return String(x);
}

// ---------------------------------------------------------------- workbook helpers

function isXlsxPath(file: string): void {
  if (extname(file).toLowerCase() !== '.xlsx') throw new CliError(`Ожидается файл .xlsx, а не ${file}`, 2);
}

async function load(file: string): Promise<WorkbookModel> {
  if (!existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
  try {
    return await loadXlsx(file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(e.message);
    throw e;
  }
}

async function save(model: WorkbookModel, file: string): Promise<void> {
  try {
    await saveXlsx(model, file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(e.message);
    throw e;
  }
}

function sheetByName(model: WorkbookModel, name: string) {
  const n = name.trim().toLowerCase();
  return model.sheets.find((s) => s.name.trim().toLowerCase() === n);
}

function headerIndex(cells: CellModel[][], header: string): number {
  return (cells[0] ?? []).findIndex(
    (c) => typeof c?.v === 'string' && c.v.trim().toLowerCase() === header.toLowerCase(),
  );
}

/** Rows with anything in them below the header of «Проверка данных»; null when there is no such tab. */
export function problemsCount(model: WorkbookModel): number | null {
  const s = sheetByName(model, 'Проверка данных');
  if (!s) return null;
  // The tab opens with a title, a subtitle and the table header «Лист | Строка | …»; count below it.
  const header = s.cells.findIndex((row) => String(row?.[0]?.v ?? '').trim() === 'Лист');
  if (header < 0) return 0;
  return s.cells.slice(header + 1).filter((row) => (row ?? []).some((c) => c && c.v !== null && c.v !== '')).length;
}

/** Whether `iso` is a working day by the production calendar and the workbook's «Календарь». */
export function isWorkingDay(model: WorkbookModel, iso: string): boolean {
  const entries: CalendarEntry[] = [...DECREE_ENTRIES];
  const cal = sheetByName(model, 'Календарь');
  if (cal) {
    const di = headerIndex(cal.cells, 'Дата');
    const ti = headerIndex(cal.cells, 'Тип');
    if (di >= 0 && ti >= 0) {
      for (const row of cal.cells.slice(1)) {
        const v = row?.[di]?.v ?? null;
        const d = v && typeof v === 'object' ? v.iso.slice(0, 10) : cellToIsoDate(v, model.timeZone);
        const t = String(row?.[ti]?.v ?? '')
          .trim()
          .toLowerCase();
        if (d && (t === 'рабочий' || t === 'нерабочий'))
          entries.push({ date: d, type: t === 'рабочий' ? 'work' : 'off' });
      }
    }
  }
  return new WorkCalendar(entries).isWorkingDay(iso);
}

/** Is this the add-on's workbook (so `init` may run setup on it again)? */
function isKontrolWorkbook(model: WorkbookModel): boolean {
  return ['Поручения', 'Настройки'].every((n) => sheetByName(model, n));
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const w = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 10 || m100 >= 20) ? few : many;
  return `${n} ${w}`;
}

function shown(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

// ---------------------------------------------------------------- typed values (edit)

/** What a person's typing makes of a text in a ru_RU sheet (the sandbox's rule), with a date format for a date. */
export function typedValue(text: string, currentYear: number): Written {
  const w = parseTyped(text, currentYear);
  if (w.v !== null && typeof w.v === 'object' && !w.numberFormat)
    return { ...w, numberFormat: w.v.iso.length > 10 ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy' };
  return w;
}

/** e.value / e.oldValue of an edit event: Apps Script gives them as strings (dates as serials). */
function eventString(v: CellValue): string | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const [date, time = '00:00:00'] = v.iso.split('T');
    const days = dayjs.utc(date).diff(dayjs.utc('1899-12-30'), 'day');
    const [h, m, sec = '0'] = time.split(':');
    return String(days + (Number(h) * 3600 + Number(m) * 60 + Number(sec)) / 86400);
  }
  return String(v);
}

function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) throw new CliError(`Неверная ячейка --cell ${a1}: нужен адрес одной ячейки, например H5`, 2);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function sameValue(a: CellModel | undefined, b: CellModel | undefined): boolean {
  return JSON.stringify([a?.v ?? null, a?.formula ?? null]) === JSON.stringify([b?.v ?? null, b?.formula ?? null]);
}

function showValue(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return 'пусто';
  if (typeof v === 'object') return formatRu(v.iso.slice(0, 10)) + (v.iso.length > 10 ? ` ${v.iso.slice(11, 16)}` : '');
  if (typeof v === 'boolean') return v ? 'ИСТИНА' : 'ЛОЖЬ';
  return `«${v}»`;
}

// ---------------------------------------------------------------- commands

interface RunReport {
  action: Action;
  file: string;
  now: Date;
  timeZone: string;
  result: unknown;
  delivery: DeliverResult;
  problems: number | null;
  messages: string[];
  outbox: string;
  smtp?: string;
}

function printRun(io: CliIo, r: RunReport): void {
  io.out(
    `Действие: ${r.action} («${ACTION_TITLES[r.action]}»), ${dayjs(r.now).tz(r.timeZone).format('DD.MM.YYYY HH:mm')} (${r.timeZone})`,
  );
  if (typeof r.result === 'string' && r.result.trim()) io.out(`Итог: ${r.result.trim()}`);
  for (const m of r.messages) io.out(`Сообщение: ${m}`);
  const { sent, written, failed } = r.delivery;
  if (r.smtp) {
    io.out(`Писем отправлено через ${r.smtp}: ${sent}`);
    if (failed.length)
      io.out(`Не отправлено ${failed.length} (сохранены в ${shown(r.outbox)}): ${failed.slice(0, 3).join('; ')}`);
  } else if (written.length) {
    io.out(`Писем: ${written.length}, записаны в ${shown(r.outbox)}${'/'}`);
  } else {
    io.out('Писем: 0');
  }
  if (r.problems !== null) io.out(`Проверка данных: ${plural(r.problems, 'проблема', 'проблемы', 'проблем')}`);
  io.out(`Книга сохранена: ${shown(r.file)}`);
}

async function runAction(
  io: CliIo,
  action: Action,
  file: string,
  opts: {
    today?: string;
    time?: string;
    outbox?: string;
    smtp?: string;
    params?: Record<string, unknown>;
    user?: string;
  },
  preloaded?: WorkbookModel,
): Promise<RunReport> {
  const model = preloaded ?? (await load(file));
  const code = loadBundle(io);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), opts.today, opts.time);
  const sb = await sandboxFor(model, code, now, opts.user);
  let result: unknown;
  let failure: unknown;
  try {
    result = await sb.api(action, opts.params ?? {});
  } catch (e) {
    failure = e;
  }
  // As in Google Sheets, what the script wrote and sent before an error stays.
  const workbook = sb.workbook ?? model;
  const outbox = resolve(opts.outbox ?? join(dirname(file), 'outbox'));
  const delivery = await deliverMails(sb.mails ?? [], { outbox, smtp: opts.smtp, timeZone: workbook.timeZone });
  await save(workbook, file);
  if (failure) {
    const msg = String((failure as Error)?.message ?? failure)
      .split('\n')[0]
      .replace(/\.\s*$/, '');
    throw new CliError(`Действие ${action} завершилось ошибкой: ${msg} (книга сохранена)`);
  }
  const messages = [...(sb.ui?.alerts ?? []), ...(sb.ui?.toasts ?? [])].map(uiText).filter(Boolean);
  return {
    action,
    file,
    now,
    timeZone: workbook.timeZone,
    result,
    delivery,
    problems: problemsCount(workbook),
    messages,
    outbox,
    smtp: opts.smtp,
  };
}

function runParams(v: Values): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const period = str(v, 'period');
  const quarter = str(v, 'quarter');
  const year = str(v, 'year');
  const protocol = str(v, 'protocol');
  if (period !== undefined) params.period = period;
  if (quarter !== undefined) {
    if (!/^\d{4}-Q[1-4]$/i.test(quarter))
      throw new CliError(`Неверный квартал --quarter ${quarter}: нужно ГГГГ-Qn, например 2025-Q1`, 2);
    params.quarter = quarter.toUpperCase();
  }
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new CliError(`Неверный год --year ${year}: нужно ГГГГ`, 2);
    params.year = Number(year);
  }
  if (protocol !== undefined) params.protocol = protocol;
  return params;
}

async function cmdRun(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parse('run', args);
  const [action, file, ...extra] = positionals;
  if (!action) throw new CliError(`Укажите действие: kontrol run ACTION FILE.xlsx (ACTION: ${ACTIONS.join(' | ')})`, 2);
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new CliError(`Неизвестное действие «${action}»: допустимы ${ACTIONS.join(', ')}`, 2);
  if (!file) throw new CliError('Укажите файл: kontrol run ACTION FILE.xlsx', 2);
  if (extra.length) throw new CliError(`Лишние аргументы: ${extra.join(' ')}`, 2);
  checkClock(str(values, 'today'), str(values, 'time'));
  const params = runParams(values);
  isXlsxPath(file);
  const report = await runAction(io, action as Action, resolve(file), {
    user: checkUser(str(values, 'user')),
    today: str(values, 'today'),
    time: str(values, 'time'),
    outbox: str(values, 'outbox'),
    smtp: str(values, 'smtp'),
    params,
  });
  printRun(io, report);
  return 0;
}

/** A new spreadsheet as Google makes it: one empty «Лист1». */
function newWorkbook(file: string): WorkbookModel {
  const wb = emptyWorkbook(basename(file, extname(file)), DEFAULT_TIME_ZONE);
  wb.sheets.push(emptySheet('Лист1'));
  return wb;
}

/** Creates (or re-sets-up) a workbook; returns what it did in a line. */
export async function initWorkbook(
  io: CliIo,
  file: string,
  opts: { demo?: boolean; today?: string; time?: string },
): Promise<string> {
  const exists = existsSync(file);
  const model = exists ? await load(file) : newWorkbook(file);
  if (exists && !isKontrolWorkbook(model))
    throw new CliError(`Файл ${shown(file)} уже есть и это не книга «Контроль поручений» — укажите другое имя`);
  const code = loadBundle(io);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), opts.today, opts.time);
  const sb = await sandboxFor(model, code, now);
  await sb.api('setup', {});
  const wb = sb.workbook ?? model;
  // Google's new spreadsheet has «Лист1»; once setup made the real tabs, an untouched one goes.
  const blank = wb.sheets.findIndex((s) => s.name === 'Лист1' && s.cells.every((r) => !r?.some((c) => c?.v !== null)));
  if (!exists && blank >= 0 && wb.sheets.length > 1) wb.sheets.splice(blank, 1);
  const zone = zoneFromSettings(wb);
  if (zone) wb.timeZone = zone;
  let demo = false;
  if (opts.demo && !exists) {
    addDemoData(wb, dateInZone(now, wb.timeZone));
    demo = true;
  }
  await save(wb, file);
  if (exists)
    return `Книга ${shown(file)} уже была: «Настроить таблицу» выполнена снова${opts.demo ? ' (пример данных не добавлен, чтобы не задвоить строки)' : ''}`;
  return `Создана книга ${shown(file)}${demo ? ' с примером данных' : ''}`;
}

async function cmdInit(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parse('init', args);
  const [file, ...extra] = positionals;
  if (!file) throw new CliError('Укажите файл: kontrol init FILE.xlsx [--demo]', 2);
  if (extra.length) throw new CliError(`Лишние аргументы: ${extra.join(' ')}`, 2);
  isXlsxPath(file);
  checkClock(str(values, 'today'), str(values, 'time'));
  const line = await initWorkbook(io, resolve(file), {
    demo: values.demo === true,
    today: str(values, 'today'),
    time: str(values, 'time'),
  });
  io.out(line);
  return 0;
}

async function cmdEdit(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parse('edit', args);
  const [fileArg, ...extra] = positionals;
  if (!fileArg) throw new CliError('Укажите файл: kontrol edit FILE.xlsx --sheet NAME --cell A1 --value V', 2);
  if (extra.length) throw new CliError(`Лишние аргументы: ${extra.join(' ')}`, 2);
  const sheetName = str(values, 'sheet');
  const a1 = str(values, 'cell');
  const text = str(values, 'value');
  if (sheetName === undefined || a1 === undefined || text === undefined)
    throw new CliError('Нужны --sheet NAME, --cell A1 и --value V', 2);
  checkClock(str(values, 'today'), str(values, 'time'));
  const user = checkUser(str(values, 'user'));
  const { row, col } = parseCell(a1);
  isXlsxPath(fileArg);
  const file = resolve(fileArg);
  const model = await load(file);
  const code = loadBundle(io);
  const sheet = sheetByName(model, sheetName);
  if (!sheet)
    throw new CliError(`Нет листа «${sheetName}»; есть: ${model.sheets.map((s) => `«${s.name}»`).join(', ')}`);
  const before = structuredClone(model);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), str(values, 'today'), str(values, 'time'));
  // The person's typing goes straight into the cell (as in the Sheets UI), then onEdit fires.
  const typed = typedValue(text, Number(dateInZone(now, model.timeZone).slice(0, 4)));
  while (sheet.cells.length < row) sheet.cells.push([]);
  const cells = sheet.cells[row - 1];
  while (cells.length < col) cells.push({ v: null });
  const old = cells[col - 1];
  const next: CellModel = { ...old, v: typed.v };
  delete next.formula;
  if (typed.formula) next.formula = typed.formula;
  if (typed.numberFormat && !old.numberFormat) next.numberFormat = typed.numberFormat;
  cells[col - 1] = next;
  sheet.maxRows = Math.max(sheet.maxRows, row);
  sheet.maxColumns = Math.max(sheet.maxColumns, col);
  const sb = await sandboxFor(model, code, now, user);
  let failure: unknown;
  try {
    const event = sb.editEvent(sheet.name, `${columnLetter(col)}${row}`, {
      value: typed.formula ? undefined : eventString(typed.v),
      oldValue: eventString(old.v),
    });
    await sb.run('onEdit', event, { trigger: 'simple' });
  } catch (e) {
    failure = e;
  }
  const wb = sb.workbook ?? model;
  await save(wb, file);
  io.out(`Ячейка ${sheet.name}!${columnLetter(col)}${row}: ${showValue(typed.v)} (было ${showValue(old.v)})`);
  if (failure) {
    throw new CliError(`onEdit завершился ошибкой: ${String((failure as Error)?.message ?? failure).split('\n')[0]}`);
  }
  const changed = changedCells(before, wb).filter((c) => c !== `${sheet.name}!${columnLetter(col)}${row}`);
  io.out(
    changed.length
      ? `onEdit изменил ${plural(changed.length, 'ячейку', 'ячейки', 'ячеек')}: ${changed.slice(0, 8).join(', ')}${changed.length > 8 ? ', …' : ''}`
      : 'onEdit ничего не изменил',
  );
  io.out(`Книга сохранена: ${shown(file)}`);
  return 0;
}

/** Addresses whose value or formula differs between two states of a workbook. */
export function changedCells(a: WorkbookModel, b: WorkbookModel): string[] {
  const out: string[] = [];
  for (const sb of b.sheets) {
    const sa = a.sheets.find((s) => s.name === sb.name);
    const rows = Math.max(sa?.cells.length ?? 0, sb.cells.length);
    for (let r = 0; r < rows; r++) {
      const ra = sa?.cells[r] ?? [];
      const rb = sb.cells[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++)
        if (!sameValue(ra[c], rb[c])) out.push(`${sb.name}!${columnLetter(c + 1)}${r + 1}`);
    }
  }
  return out;
}

async function cmdDemo(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parse('demo', args);
  const [fileArg = 'demo.xlsx', ...extra] = positionals;
  if (extra.length) throw new CliError(`Лишние аргументы: ${extra.join(' ')}`, 2);
  isXlsxPath(fileArg);
  const today = str(values, 'today');
  const time = str(values, 'time');
  checkClock(today, time);
  const file = resolve(fileArg);
  if (!existsSync(file)) io.out(await initWorkbook(io, file, { demo: true, today, time }));
  else io.out(`Книга ${shown(file)} уже есть — работаю с ней (удалите её, чтобы начать с чистого примера)`);
  const model = await load(file);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), today, time);
  const day = dateInZone(now, model.timeZone);
  if (!isWorkingDay(model, day))
    io.out(`Сегодня, ${formatRu(day)}, нерабочий день: проверка только обновит состояния, письма не рассылаются`);
  const report = await runAction(
    io,
    'daily',
    file,
    {
      today: today ?? day,
      time: time ?? dayjs(now).tz(model.timeZone).format('HH:mm'),
      outbox: str(values, 'outbox'),
      smtp: str(values, 'smtp'),
    },
    model,
  );
  printRun(io, report);
  io.out('');
  io.out('Где смотреть:');
  io.out(`  книга:  ${shown(file)} — вкладки «Поручения» (столбец «Состояние»), «Проверка данных», «Журнал»`);
  io.out(`  письма: ${shown(report.outbox)}/ — файлы .eml открываются почтовой программой`);
  io.out(`  снова:  npx kontrol run daily ${shown(file)} --today ГГГГ-ММ-ДД`);
  return 0;
}

/** The CLI: returns the exit code; prints one line on a problem. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await cmdInit(io, rest);
      case 'run':
        return await cmdRun(io, rest);
      case 'edit':
        return await cmdEdit(io, rest);
      case 'demo':
        return await cmdDemo(io, rest);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(USAGE);
        return 2;
      default:
        throw new CliError(`Неизвестная команда «${command}»: init, run, edit или demo (kontrol help)`, 2);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`kontrol: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof WorkbookFileError) {
      io.err(`kontrol: ${e.message}`);
      return 1;
    }
    io.err(`kontrol: внутренняя ошибка: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    if (process.env.KONTROL_DEBUG) io.err(String((e as Error)?.stack ?? ''));
    return 1;
  }
}
