// `kontrol` — the add-on on one machine, without a Google account (spec «On one machine»): loads an
// .xlsx, runs the built dist/Code.js in the local Apps Script sandbox, saves the workbook in place,
// then delivers the e-mails (.eml files in the outbox, or SMTP). Node only.
//
// Adding to the command line is a table entry: a run action in RUN_ACTIONS (its title, options and
// help), an option in OPTIONS (its value, help and what it becomes), a command in COMMANDS.
// Exit codes (spec): 0 done; 1 the action failed and the workbook is as it was; 2 a bad command line.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ACTIONS, type Action } from '../domain/actions';
import { addDays, dateInZone, dayjs, formatRu } from '../domain/dates';
import { PERIOD_FORMATS_HINT, parsePeriod } from '../domain/periods';
import {
  CliError,
  changedCells,
  checkClock,
  clockFor,
  ensureWritableDir,
  eventString,
  isKontrolWorkbook,
  isWorkingDay,
  osReason,
  parseCell,
  plural,
  problemsCount,
  refuseReadOnly,
  sheetByName,
  shown,
  showValue,
  typedValue,
} from './cli-workbook';
import { addDemoData } from './demo/index';
import { flushQueue, type QueueResult, stageMails } from './eml';
import { type CellModel, cloneModel, emptySheet, emptyWorkbook, type WorkbookModel } from './model';
import type { Sandbox } from './sandbox/index';
import { columnLetter, DEFAULT_TIME_ZONE, loadXlsx, saveXlsx, WorkbookFileError, zoneFromSettings } from './xlsx';

export { ACTIONS, type Action, CliError, changedCells, checkClock, clockFor, isWorkingDay, problemsCount, typedValue };

// ---------------------------------------------------------------- the tables

/** A command-line option: how it is written, what it means, and the api parameter it becomes (if any). */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's form in help, e.g. YYYY-MM-DD. */
  value?: string;
  help: string;
  /** Checks the value (CliError exit 2) and returns what the bundle's api gets as params[key]. */
  param?: { key: string; parse?: (v: string) => unknown };
}

export const OPTIONS = {
  today: {
    type: 'string',
    value: 'YYYY-MM-DD',
    help: 'день часов песочницы, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию — сегодня)',
  },
  time: { type: 'string', value: 'HH:MM', help: 'время часов песочницы в поясе книги (по умолчанию 08:00)' },
  outbox: { type: 'string', value: 'DIR', help: 'папка писем .eml и очереди (по умолчанию outbox/ рядом с книгой)' },
  smtp: { type: 'string', value: 'URL', help: 'отправлять письма через SMTP, например smtp://127.0.0.1:2525' },
  period: {
    type: 'string',
    value: 'P',
    help: `период отчёта. ${PERIOD_FORMATS_HINT} Можно и 01.03.2026-15.03.2026`,
    param: { key: 'period', parse: checkPeriod },
  },
  quarter: {
    type: 'string',
    value: 'YYYY-Qn',
    help: 'квартал, например 2026-Q1 (по умолчанию текущий)',
    param: { key: 'quarter', parse: parseQuarter },
  },
  year: {
    type: 'string',
    value: 'YYYY',
    help: 'год, например 2026 (по умолчанию текущий)',
    param: { key: 'year', parse: parseYear },
  },
  protocol: { type: 'string', value: 'N', help: 'номер протокола', param: { key: 'protocol' } },
  order: { type: 'string', value: 'N', help: '№ поручения', param: { key: 'order' } },
  date: {
    type: 'string',
    value: 'YYYY-MM-DD',
    help: 'день отчёта по обращениям, ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (по умолчанию предыдущий рабочий день)',
    param: { key: 'date', parse: parseDate },
  },
  force: { type: 'boolean', help: 'превратить в книгу «Контроль поручений» чужую книгу (добавит вкладки и столбцы)' },
  demo: { type: 'boolean', help: 'добавить пример данных' },
  sheet: { type: 'string', value: 'NAME', help: 'вкладка' },
  cell: { type: 'string', value: 'A1', help: 'адрес одной ячейки' },
  value: { type: 'string', value: 'V', help: 'что человек вводит в ячейку (даты ДД.ММ.ГГГГ)' },
  user: {
    type: 'string',
    value: 'EMAIL',
    help: 'учётная запись Google, от имени которой действие (триггеры и защиты у каждой свои); serve: напечатать её личную ссылку',
  },
  'base-url': {
    type: 'string',
    value: 'URL',
    help: 'адрес kontrol serve для личных ссылок «Мои поручения» в письмах, например http://127.0.0.1:8080/',
  },
  port: {
    type: 'string',
    value: 'PORT',
    help: 'порт kontrol serve на 127.0.0.1 (по умолчанию 8080; 0 — любой свободный)',
  },
} satisfies Record<string, OptionSpec>;
export type OptionName = keyof typeof OPTIONS;

/** A run action: the menu item it stands for, the options it takes beyond CLOCK and MAIL, a line of help. */
interface ActionSpec {
  title: string;
  options: readonly OptionName[];
  help: string;
}

export const RUN_ACTIONS: Record<Action, ActionSpec> = {
  setup: { title: 'Настроить таблицу', options: ['force'], help: 'создать или обновить вкладки, столбцы и правила' },
  daily: { title: 'Ежедневная проверка', options: [], help: 'состояния, просрочки, письма исполнителям и сводки' },
  notify: { title: 'Разослать уведомления', options: [], help: 'письма о новых поручениях сейчас' },
  check: { title: 'Проверить данные', options: [], help: 'заполнить «Проверка данных»' },
  'report-execution': {
    title: 'Отчёт: исполнение',
    options: ['period'],
    help: 'отчёт об исполнении за период (по умолчанию прошлый месяц)',
  },
  'report-protocol': { title: 'Отчёт: протокол', options: ['protocol'], help: 'исполнение поручений одного протокола' },
  'report-lean': { title: 'Отчёт: бережливые проекты', options: ['quarter'], help: 'проекты ЭР за квартал' },
  'plan-control': { title: 'Контроль плана ЭР', options: ['year'], help: 'план «Эффективного региона» за год' },
  rating: { title: 'Рейтинг самооценки', options: ['year'], help: 'рейтинг самооценки за год' },
  'report-appeals': {
    title: 'Отчёт: обращения',
    options: ['date'],
    help: '«Отчёт 1» по обращениям за день, индекс категорий, аварийная ситуация — письмо получателям сводки',
  },
  'speed-up': {
    title: 'Напомнить об ускорении',
    options: ['order'],
    help: 'письмо исполнителю просроченного поручения: исполнить в течение «Напоминание об ускорении, дней» (Ростов, гл.7 п.2.4.7–2.4.8)',
  },
  enable: {
    title: 'Включить автоматическую проверку',
    options: [],
    help: 'ежедневная проверка от имени --user (одна на книгу: кто её ведёт, записано в книге)',
  },
  disable: {
    title: 'Выключить автоматическую проверку',
    options: [],
    help: 'выключить её может только тот, кто её ведёт',
  },
};

const CLOCK: readonly OptionName[] = ['today', 'time'];
const MAIL: readonly OptionName[] = ['outbox', 'smtp'];

interface CommandSpec {
  args: string;
  /** Options it takes (for `run`, plus those of the chosen action). */
  options: readonly OptionName[];
  help: string;
  /** Takes the arguments after the command; parses them with parseFor (run: with its action's options). */
  run: (io: CliIo, args: string[]) => Promise<number>;
}

const COMMANDS: Record<string, CommandSpec> = {
  init: {
    args: 'FILE.xlsx',
    options: ['demo', ...CLOCK],
    help: 'создать книгу («Настроить таблицу»); --demo — с примером данных',
    run: cmdInit,
  },
  run: {
    args: 'ACTION FILE.xlsx',
    options: [...CLOCK, ...MAIL, 'user', 'base-url'],
    help: 'выполнить действие меню над книгой; письма уходят после сохранения книги',
    run: cmdRun,
  },
  edit: {
    args: 'FILE.xlsx',
    options: ['sheet', 'cell', 'value', ...CLOCK, 'user'],
    help: 'правка ячейки человеком: вызывает onEdit',
    run: cmdEdit,
  },
  send: {
    args: 'FILE.xlsx',
    options: MAIL,
    help: 'доставить письма, ждущие в очереди outbox/queue',
    run: cmdSend,
  },
  serve: {
    args: 'FILE.xlsx',
    options: ['port', 'base-url', ...CLOCK, 'user', ...MAIL],
    help: '«Мои поручения» на этом компьютере (127.0.0.1); книга сохраняется после каждого изменения на странице',
    run: cmdServe,
  },
  demo: {
    args: '[FILE.xlsx]',
    options: [...CLOCK, ...MAIL],
    help: 'пример: создать demo.xlsx (если нет) и выполнить ежедневную проверку',
    run: cmdDemo,
  },
};

// ---------------------------------------------------------------- io

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Real time (tests pin it). */
  now?: () => Date;
  /** Path of the built bundle; default dist/Code.js of this package (or $KONTROL_CODE). */
  codePath?: string;
  /** Saves the workbook (tests make it fail); default saveXlsx. */
  save?: (model: WorkbookModel, file: string) => Promise<void>;
  /** `serve` stops when this aborts (tests); otherwise on Ctrl+C. */
  signal?: AbortSignal;
}

// Output piped into `head` ends quietly: once the reader has gone, the rest is not written.
let stdoutClosed = false;
let stdoutGuarded = false;
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') stdoutClosed = true;
      else throw e;
    });
}

const defaultIo: CliIo = {
  out: (s) => {
    if (!stdoutClosed) process.stdout.write(`${s}\n`);
  },
  err: (s) => {
    if (!stdoutClosed) process.stderr.write(`${s}\n`);
  },
};

// ---------------------------------------------------------------- help

function optionUsage(name: OptionName): string {
  const o: OptionSpec = OPTIONS[name];
  return o.value ? `[--${name} ${o.value}]` : `[--${name}]`;
}

function optionLines(names: readonly OptionName[]): string[] {
  return names.map((n) => {
    const o: OptionSpec = OPTIONS[n];
    return `    --${n}${o.value ? ` ${o.value}` : ''}`.padEnd(26) + o.help;
  });
}

function commandLine(name: string): string {
  const c = COMMANDS[name];
  return `  kontrol ${name} ${c.args} ${c.options.map(optionUsage).join(' ')}`.trimEnd();
}

export function usage(): string {
  const actionOptions = [...new Set(Object.values(RUN_ACTIONS).flatMap((a) => a.options))];
  const all = [...new Set([...Object.values(COMMANDS).flatMap((c) => c.options), ...actionOptions])];
  return [
    'Контроль поручений на одном компьютере (без Google):',
    ...Object.keys(COMMANDS).flatMap((n) => [commandLine(n), `      ${COMMANDS[n].help}`]),
    '',
    'Действия run (ACTION):',
    ...(Object.keys(RUN_ACTIONS) as Action[]).map(
      (a) =>
        `  ${a.padEnd(18)}«${RUN_ACTIONS[a].title}»${RUN_ACTIONS[a].options.length ? ` ${RUN_ACTIONS[a].options.map(optionUsage).join(' ')}` : ''} — ${RUN_ACTIONS[a].help}`,
    ),
    '',
    'Параметры:',
    ...optionLines(all),
    '',
    'Коды выхода: 0 — сделано; 1 — действие не выполнено, книга осталась как была; 2 — ошибка в командной строке.',
    'Подробнее: npx kontrol help КОМАНДА или npx kontrol help ACTION (в папке проекта; после npm link — просто kontrol)',
  ].join('\n');
}

function helpFor(topic: string): string {
  if (COMMANDS[topic]) {
    const c = COMMANDS[topic];
    const lines = [commandLine(topic), `  ${c.help}`, '', 'Параметры:', ...optionLines(c.options)];
    if (topic === 'run')
      lines.push(
        '',
        'ACTION:',
        ...(Object.keys(RUN_ACTIONS) as Action[]).map((a) => `  ${a} — ${RUN_ACTIONS[a].help}`),
      );
    return lines.join('\n');
  }
  if ((ACTIONS as readonly string[]).includes(topic)) {
    const a = RUN_ACTIONS[topic as Action];
    const names = [...COMMANDS.run.options, ...a.options];
    return [
      `  kontrol run ${topic} FILE.xlsx ${names.map(optionUsage).join(' ')}`,
      `  «${a.title}»: ${a.help}`,
      '',
      'Параметры:',
      ...optionLines(names),
    ].join('\n');
  }
  throw new CliError(
    `Нет справки о «${topic}»: команды ${Object.keys(COMMANDS).join(', ')}; действия ${ACTIONS.join(', ')}`,
    2,
  );
}

// ---------------------------------------------------------------- parsing

type Values = Record<string, string | boolean | undefined>;
interface Parsed {
  values: Values;
  positionals: string[];
}

function parse(command: string, names: readonly OptionName[], args: string[]): Parsed {
  const options = Object.fromEntries(names.map((n) => [n, { type: OPTIONS[n].type }]));
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    const values = r.values as Values;
    // A person types dates as on paper (ДД.ММ.ГГГГ); the rest of the CLI works in ISO.
    for (const k of ['today', 'date'] as const) if (typeof values[k] === 'string') values[k] = isoFromRu(values[k]);
    return { values, positionals: r.positionals };
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown)
      throw new CliError(`Неизвестный параметр ${unknown[1]} для «kontrol ${command}» (kontrol help ${command})`, 2);
    const noValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    if (noValue) throw new CliError(`Параметру ${noValue[1].split(',').pop()?.trim()} нужно значение`, 2);
    throw new CliError(`Неверные параметры: ${msg.split('\n')[0]}`, 2);
  }
}

function parseFor(command: string, args: string[]): Parsed {
  return parse(command, COMMANDS[command].options, args);
}

function str(v: Values, k: OptionName): string | undefined {
  const x = v[k];
  return typeof x === 'string' ? x : undefined;
}

/** 04.12.2026 → 2026-12-04; anything else as it was (checked later with its own message). */
export function isoFromRu(v: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : v;
}

/** A bad --period is a command-line error (exit 2) before the workbook is opened. */
function checkPeriod(p: string): string {
  const r = parsePeriod(p);
  if (!r.ok)
    throw new CliError(`Неверный период --period ${p}: ${r.error.replace(/^Период «[^»]*» не распознан: /, '')}`, 2);
  return p;
}

function parseQuarter(q: string): string {
  if (!/^\d{4}-Q[1-4]$/i.test(q))
    throw new CliError(`Неверный квартал --quarter ${q}: нужно ГГГГ-Qn, например 2025-Q1`, 2);
  return q.toUpperCase();
}

function parseDate(d: string): string {
  if (!(/^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs(d, 'YYYY-MM-DD', true).isValid()))
    throw new CliError(`Неверная дата --date ${d}: нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 16.03.2026`, 2);
  return d;
}

function parseYear(y: string): number {
  if (!/^\d{4}$/.test(y)) throw new CliError(`Неверный год --year ${y}: нужно ГГГГ`, 2);
  return Number(y);
}

/** The api parameters of the given options (each checked by its table entry). */
function apiParams(values: Values, names: readonly OptionName[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const n of names) {
    const spec: OptionSpec = OPTIONS[n];
    const v = values[n];
    if (!spec.param || v === undefined) continue;
    params[spec.param.key] = spec.param.parse && typeof v === 'string' ? spec.param.parse(v) : v;
  }
  return params;
}

function onePositional(command: string, positionals: string[], optional = false): string | undefined {
  const [file, ...extra] = positionals;
  if (!file && !optional) throw new CliError(`Укажите файл: kontrol ${command} ${COMMANDS[command].args}`, 2);
  if (extra.length) throw new CliError(`Лишние аргументы: ${extra.join(' ')}`, 2);
  if (file) isXlsxPath(file);
  return file;
}

// ---------------------------------------------------------------- bundle, sandbox, files

function bundlePath(io: CliIo): string {
  return io.codePath ?? process.env.KONTROL_CODE ?? fileURLToPath(new URL('../../dist/Code.js', import.meta.url));
}

function loadBundle(io: CliIo): string {
  const p = bundlePath(io);
  if (!existsSync(p)) throw new CliError(`Нет собранного ${p}: выполните npm run build`);
  return readFileSync(p, 'utf8');
}

async function sandboxFor(
  workbook: WorkbookModel,
  code: string,
  now: Date,
  user?: string,
  webAppUrl?: string,
): Promise<Sandbox> {
  // Imported when needed, so usage errors answer at once.
  const { createSandbox } = await import('./sandbox/index');
  return createSandbox({ workbook, code, now, ...(user ? { user } : {}), ...(webAppUrl ? { webAppUrl } : {}) });
}

/** --base-url: the address of `kontrol serve` that personal links in e-mails point to. */
export function checkBaseUrl(raw?: string): string | undefined {
  if (raw === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new CliError(`Неверный адрес --base-url ${raw}: нужен адрес вида http://127.0.0.1:8080/`, 2);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new CliError(`Неверный адрес --base-url ${raw}: нужен http:// или https://`, 2);
  return u.toString();
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

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split('\n')[0]
    .replace(/\.\s*$/, '');
}

function isXlsxPath(file: string): void {
  if (extname(file).toLowerCase() !== '.xlsx') throw new CliError(`Ожидается файл .xlsx, а не ${file}`, 2);
}

async function load(file: string): Promise<WorkbookModel> {
  if (!existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
  try {
    const model = await loadXlsx(file);
    // Links in the e-mails open this file (issue 25 item 5), not a docs.google.com address.
    model.url = pathToFileURL(file).href;
    return model;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(e.message);
    throw e;
  }
}

/** Loads a workbook that `run`/`edit` may change: ours, and writable (`run setup --force` takes a foreign one). */
async function loadOwn(file: string, command: string, force = false): Promise<WorkbookModel> {
  if (!existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
  refuseReadOnly(file);
  const model = await load(file);
  if (!force && !isKontrolWorkbook(model))
    throw new CliError(
      `${shown(file)} — не книга «Контроль поручений» (нет вкладок «Поручения» и «Настройки» с их столбцами): ${command} её не меняет; превратить её в такую книгу — npx kontrol run setup ${shown(file)} --force`,
    );
  return model;
}

async function save(io: CliIo, model: WorkbookModel, file: string): Promise<void> {
  try {
    await (io.save ?? saveXlsx)(model, file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new CliError(`${e.message}; письма не отправлены`);
    throw new CliError(`Не удалось сохранить книгу ${shown(file)}: ${osReason(e)}; письма не отправлены`);
  }
}

function defaultOutbox(file: string, outbox?: string): string {
  return resolve(outbox ?? join(dirname(file), 'outbox'));
}

// ---------------------------------------------------------------- run

interface RunReport {
  action: Action;
  file: string;
  now: Date;
  timeZone: string;
  result: unknown;
  delivery: QueueResult;
  problems: number | null;
  messages: string[];
  outbox: string;
  smtp?: string;
}

function printDelivery(io: CliIo, d: QueueResult, outbox: string, smtp?: string): void {
  if (smtp) io.out(`Писем отправлено через ${smtp}: ${d.sent}`);
  else if (d.written.length) io.out(`Писем: ${d.written.length}, записаны в ${shown(outbox)}/`);
  else io.out('Писем: 0');
  if (d.waiting)
    io.out(
      `Ждут в очереди ${shown(join(outbox, 'queue'))}: ${d.waiting} (${d.failed.slice(0, 2).join('; ')}); отправить: npx kontrol send FILE.xlsx --smtp URL`,
    );
  if (d.unconfirmed)
    io.out(
      `В очереди ${d.unconfirmed} писем прерванного запуска (*.staged): их книга могла не сохраниться, они не отправляются`,
    );
}

function printRun(io: CliIo, r: RunReport): void {
  io.out(
    `Действие: ${r.action} («${RUN_ACTIONS[r.action].title}»), ${dayjs(r.now).tz(r.timeZone).format('DD.MM.YYYY HH:mm')} (${r.timeZone})`,
  );
  if (typeof r.result === 'string' && r.result.trim()) io.out(`Итог: ${r.result.trim()}`);
  for (const m of r.messages) io.out(`Сообщение: ${m}`);
  printDelivery(io, r.delivery, r.outbox, r.smtp);
  if (r.problems !== null) io.out(`Проверка данных: ${plural(r.problems, 'проблема', 'проблемы', 'проблем')}`);
  io.out(`Книга сохранена: ${shown(r.file)}`);
}

/**
 * Runs an action on a loaded workbook. On an error nothing is saved and nothing sent (exit 1, the
 * file as it was). Otherwise: mails staged in the queue → workbook saved → mails committed → queue
 * delivered (this run's and any left waiting).
 */
async function runAction(
  io: CliIo,
  action: Action,
  file: string,
  model: WorkbookModel,
  opts: {
    today?: string;
    time?: string;
    outbox?: string;
    smtp?: string;
    params?: Record<string, unknown>;
    user?: string;
    baseUrl?: string;
  },
): Promise<RunReport> {
  const code = loadBundle(io);
  const outbox = defaultOutbox(file, opts.outbox);
  ensureWritableDir(outbox, 'для писем');
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), opts.today, opts.time);
  const sb = await sandboxFor(model, code, now, opts.user, opts.baseUrl);
  let result: unknown;
  try {
    result = await sb.api(action, opts.params ?? {});
  } catch (e) {
    throw new CliError(`Действие ${action} не выполнено: ${firstLine(e)}; книга не изменена, письма не отправлены`);
  }
  const workbook = sb.workbook ?? model;
  const staged = await stageMails(sb.mails ?? [], outbox).catch((e) => {
    throw new CliError(`Не удалось записать письма в ${shown(outbox)}: ${osReason(e)}; книга не изменена`);
  });
  try {
    await save(io, workbook, file);
  } catch (e) {
    await staged.discard();
    throw e;
  }
  await staged.commit();
  const delivery = await deliver(outbox, opts.smtp, workbook.timeZone);
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

async function deliver(outbox: string, smtp: string | undefined, timeZone: string): Promise<QueueResult> {
  try {
    return await flushQueue(outbox, { smtp, timeZone });
  } catch (e) {
    throw new CliError(`Письма не доставлены из очереди ${shown(join(outbox, 'queue'))}: ${osReason(e)}`);
  }
}

async function cmdRun(io: CliIo, args: string[]): Promise<number> {
  // The action decides which options are allowed, so it is read first.
  const action = args.find((a) => !a.startsWith('-'));
  if (!action) throw new CliError(`Укажите действие: kontrol run ACTION FILE.xlsx (ACTION: ${ACTIONS.join(' | ')})`, 2);
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new CliError(`Неизвестное действие «${action}»: допустимы ${ACTIONS.join(', ')}`, 2);
  const spec = RUN_ACTIONS[action as Action];
  const names = [...COMMANDS.run.options, ...spec.options];
  const { values, positionals } = parse(`run ${action}`, names, args);
  const file = onePositional('run', positionals.slice(1)) as string;
  checkClock(str(values, 'today'), str(values, 'time'));
  const user = checkUser(str(values, 'user'));
  const baseUrl = checkBaseUrl(str(values, 'base-url'));
  const params = apiParams(values, spec.options);
  const path = resolve(file);
  const model = await loadOwn(path, `run ${action}`, action === 'setup' && values.force === true);
  const report = await runAction(io, action as Action, path, model, {
    user,
    baseUrl,
    today: str(values, 'today'),
    time: str(values, 'time'),
    outbox: str(values, 'outbox'),
    smtp: str(values, 'smtp'),
    params,
  });
  printRun(io, report);
  return 0;
}

async function cmdSend(io: CliIo, args: string[]): Promise<number> {
  const p = parseFor('send', args);
  const file = resolve(onePositional('send', p.positionals) as string);
  if (!existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
  const outbox = defaultOutbox(file, str(p.values, 'outbox'));
  ensureWritableDir(outbox, 'для писем');
  const model = await load(file);
  const smtp = str(p.values, 'smtp');
  const d = await deliver(outbox, smtp, model.timeZone);
  printDelivery(io, d, outbox, smtp);
  if (d.waiting) throw new CliError(`Не доставлено ${d.waiting}: письма остались в очереди`);
  return 0;
}

async function cmdServe(io: CliIo, args: string[]): Promise<number> {
  const p = parseFor('serve', args);
  const file = resolve(onePositional('serve', p.positionals) as string);
  const portRaw = str(p.values, 'port') ?? '8080';
  if (!/^\d{1,5}$/.test(portRaw) || Number(portRaw) > 65535)
    throw new CliError(`Неверный порт --port ${portRaw}: нужно число от 0 до 65535`, 2);
  const today = str(p.values, 'today');
  const time = str(p.values, 'time');
  checkClock(today, time);
  const baseUrl = checkBaseUrl(str(p.values, 'base-url'));
  const user = checkUser(str(p.values, 'user'));
  await loadOwn(file, 'serve');
  const code = loadBundle(io);
  const { startServe } = await import('./serve');
  const served = await startServe({
    file,
    code,
    port: Number(portRaw),
    baseUrl,
    user,
    outbox: defaultOutbox(file, str(p.values, 'outbox')),
    smtp: str(p.values, 'smtp'),
    now: (m) => clockFor(m.timeZone, (io.now ?? (() => new Date()))(), today, time),
    log: (line) => io.out(line),
  }).catch((e) => {
    throw new CliError(`Не удалось запустить сервер: ${osReason(e)}`);
  });
  io.out(`«Мои поручения»: ${served.url} (только этот компьютер; Ctrl+C — остановить)`);
  io.out(`Книга: ${shown(file)} — сохраняется после каждого изменения на странице`);
  if (user) io.out(`Личная ссылка для ${user}: ${await served.linkFor(user)}`);
  else
    io.out(
      `Личные ссылки приходят в письмах: npx kontrol run daily ${shown(file)} --base-url ${baseUrl ?? served.url}`,
    );
  await new Promise<void>((done) => {
    if (io.signal) io.signal.addEventListener('abort', () => done(), { once: true });
    else {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    }
  });
  await served.close();
  io.out('Сервер остановлен.');
  return 0;
}

// ---------------------------------------------------------------- init, edit, demo

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
  if (exists) refuseReadOnly(file);
  const model = exists ? await load(file) : newWorkbook(file);
  if (exists && !isKontrolWorkbook(model))
    throw new CliError(`Файл ${shown(file)} уже есть и это не книга «Контроль поручений» — укажите другое имя`);
  const code = loadBundle(io);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), opts.today, opts.time);
  const sb = await sandboxFor(model, code, now);
  try {
    await sb.api('setup', {});
  } catch (e) {
    throw new CliError(
      `«Настроить таблицу» не выполнена: ${firstLine(e)}; ${exists ? 'книга не изменена' : 'книга не создана'}`,
    );
  }
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
  await save(io, wb, file);
  if (exists)
    return `Книга ${shown(file)} уже была: «Настроить таблицу» выполнена снова${opts.demo ? ' (пример данных не добавлен, чтобы не задвоить строки)' : ''}`;
  return `Создана книга ${shown(file)}${demo ? ' с примером данных' : ''}`;
}

async function cmdInit(io: CliIo, args: string[]): Promise<number> {
  const p = parseFor('init', args);
  const file = onePositional('init', p.positionals) as string;
  checkClock(str(p.values, 'today'), str(p.values, 'time'));
  io.out(
    await initWorkbook(io, resolve(file), {
      demo: p.values.demo === true,
      today: str(p.values, 'today'),
      time: str(p.values, 'time'),
    }),
  );
  return 0;
}

async function cmdEdit(io: CliIo, args: string[]): Promise<number> {
  const p = parseFor('edit', args);
  const fileArg = onePositional('edit', p.positionals) as string;
  const sheetName = str(p.values, 'sheet');
  const a1 = str(p.values, 'cell');
  const text = str(p.values, 'value');
  if (sheetName === undefined || a1 === undefined || text === undefined)
    throw new CliError('Нужны --sheet NAME, --cell A1 и --value V', 2);
  checkClock(str(p.values, 'today'), str(p.values, 'time'));
  const user = checkUser(str(p.values, 'user'));
  const { row, col } = parseCell(a1);
  const file = resolve(fileArg);
  const model = await loadOwn(file, 'edit');
  const code = loadBundle(io);
  const sheet = sheetByName(model, sheetName);
  if (!sheet)
    throw new CliError(`Нет листа «${sheetName}»; есть: ${model.sheets.map((s) => `«${s.name}»`).join(', ')}`);
  const before = cloneModel(model);
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), str(p.values, 'today'), str(p.values, 'time'));
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
  try {
    const event = sb.editEvent(sheet.name, `${columnLetter(col)}${row}`, {
      value: typed.formula ? undefined : eventString(typed.v),
      oldValue: eventString(old.v),
    });
    await sb.run('onEdit', event, { trigger: 'simple' });
  } catch (e) {
    throw new CliError(`onEdit завершился ошибкой: ${firstLine(e)}; книга не изменена`);
  }
  const wb = sb.workbook ?? model;
  await save(io, wb, file);
  io.out(`Ячейка ${sheet.name}!${columnLetter(col)}${row}: ${showValue(typed.v)} (было ${showValue(old.v)})`);
  const changed = changedCells(before, wb).filter((c) => c !== `${sheet.name}!${columnLetter(col)}${row}`);
  io.out(
    changed.length
      ? `onEdit изменил ${plural(changed.length, 'ячейку', 'ячейки', 'ячеек')}: ${changed.slice(0, 8).join(', ')}${changed.length > 8 ? ', …' : ''}`
      : 'onEdit ничего не изменил',
  );
  io.out(`Книга сохранена: ${shown(file)}`);
  return 0;
}

async function cmdDemo(io: CliIo, args: string[]): Promise<number> {
  const p = parseFor('demo', args);
  const fileArg = onePositional('demo', p.positionals, true) ?? 'demo.xlsx';
  const today = str(p.values, 'today');
  const time = str(p.values, 'time');
  checkClock(today, time);
  const file = resolve(fileArg);
  if (!existsSync(file)) io.out(await initWorkbook(io, file, { demo: true, today, time }));
  else io.out(`Книга ${shown(file)} уже есть — работаю с ней (удалите её, чтобы начать с чистого примера)`);
  const model = await loadOwn(file, 'demo');
  const now = clockFor(model.timeZone, (io.now ?? (() => new Date()))(), today, time);
  const day = dateInZone(now, model.timeZone);
  if (!isWorkingDay(model, day))
    io.out(`Сегодня, ${formatRu(day)}, нерабочий день: проверка только обновит состояния, письма не рассылаются`);
  const report = await runAction(io, 'daily', file, model, {
    today: today ?? day,
    time: time ?? dayjs(now).tz(model.timeZone).format('HH:mm'),
    outbox: str(p.values, 'outbox'),
    smtp: str(p.values, 'smtp'),
  });
  printRun(io, report);
  io.out('');
  io.out('Где смотреть:');
  io.out(`  книга:  ${shown(file)} — вкладки «Поручения» (столбец «Состояние»), «Проверка данных», «Журнал»`);
  io.out(`  письма: ${shown(report.outbox)}/ — файлы .eml открываются почтовой программой`);
  io.out(`  снова:  npx kontrol run daily ${shown(file)} --today ДД.ММ.ГГГГ`);
  if (!isWorkingDay(model, day)) {
    // A newcomer on a weekend sees no mail: name the day that shows the whole check.
    let next = addDays(day, 1);
    for (let i = 0; i < 30 && !isWorkingDay(model, next); i++) next = addDays(next, 1);
    io.out(`  рассылка: npx kontrol run daily ${shown(file)} --today ${formatRu(next)} — ближайший рабочий день`);
  }
  return 0;
}

// ---------------------------------------------------------------- main

/** The CLI: returns the exit code; prints one line on a problem. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) guardStdout();
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(usage());
      return 2;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      if (rest.length > 1) throw new CliError(`Лишние аргументы: ${rest.slice(1).join(' ')}`, 2);
      io.out(rest[0] ? helpFor(rest[0]) : usage());
      return 0;
    }
    const spec = COMMANDS[command];
    if (!spec)
      throw new CliError(`Неизвестная команда «${command}»: ${Object.keys(COMMANDS).join(', ')} (kontrol help)`, 2);
    if (rest.includes('--help') || rest.includes('-h')) {
      const action = command === 'run' ? rest.find((a) => (ACTIONS as readonly string[]).includes(a)) : undefined;
      io.out(helpFor(action ?? command));
      return 0;
    }
    return await spec.run(io, rest);
  } catch (e) {
    if (e instanceof CliError || e instanceof WorkbookFileError) {
      io.err(`kontrol: ${e.message}`);
      return e instanceof CliError ? e.exitCode : 1;
    }
    io.err(`kontrol: внутренняя ошибка: ${firstLine(e)}`);
    if (process.env.KONTROL_DEBUG) io.err(String((e as Error)?.stack ?? ''));
    return 1;
  }
}
