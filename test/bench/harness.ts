// Runs one action of the built add-on in the sandbox on a fresh copy of a generated workbook and
// measures it: wall time, peak heap, service calls by method, cells moved, mails and recipients.
// Shared by the runner (test/bench/run.ts) and the CI smoke test (bench-smoke.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { BUILDERS, type Projection, project } from './cost';
import { addTodaysActivity, CONTROLLER_EMAIL, colOf, executorsOf, generateWorkbook, usedCells } from './generate';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Monday 1 June 2026: a working day, the weekly report day and the first working day of a month. */
export const BENCH_TODAY = '2026-06-01';
/** 08:20 in Moscow, when the daily trigger (hour 8) fires. */
export const BENCH_NOW = new Date('2026-06-01T05:20:00Z');
/** The previous working day (Friday): the warm-up daily check that leaves «Журнал» as a real run would. */
export const WARMUP_NOW = new Date('2026-05-29T05:20:00Z');
export const REPORT_PERIOD = '2026';

export type BenchAction = 'daily' | 'setup' | 'report' | 'page-load' | 'page-submit';
type BookAction = Exclude<BenchAction, 'page-load' | 'page-submit'>;
const API: Record<BookAction, [string, Record<string, unknown>]> = {
  daily: ['daily', {}],
  setup: ['setup', {}],
  report: ['report-execution', { period: REPORT_PERIOD }],
};
/** Who opens «Мои поручения»: the executor with the median number of orders, or the controller. */
export type PageRole = 'executor' | 'controller';
const WEB_APP_URL = 'https://script.google.com/macros/s/bench/exec';

/**
 * Service calls that are not a round trip to a Google server in Apps Script (run in-process). A Blob
 * the script made from its own data (Utilities.newBlob, gzip: the page's index) is bytes in memory.
 */
const LOCAL_SERVICES = /^(Utilities|Blob|Logger|console|Session)\./;
const SEND = /^(MailApp|GmailApp)\.sendEmail$/;
/**
 * Reading the coordinates of a Range the script already holds (a TextFinder's hit): a field of an
 * object returned by an earlier call, charged like one cell of a returned array, not as a round
 * trip (docs/PERFORMANCE.md, «Мои поручения»: the cost model).
 */
const COORDINATES = /^Range\.(getRow|getColumn|getNumRows|getNumColumns|getRowIndex|getColumnIndex|getA1Notation)$/;

export interface BenchRun {
  n: number;
  /** Rows in «Архив» of the prepared book. */
  archived: number;
  action: BenchAction;
  /** Page actions only: whose page. */
  role?: PageRole;
  /** Page actions only: rows of «Поручения» naming the person (executor or co-executor). */
  personOrders?: number;
  /** Page actions only: items on the page answered (orders + extension requests + removals). */
  pageItems?: number;
  ok: boolean;
  error?: string;
  ms: number;
  heapMB: number;
  spreadsheetCalls: number;
  /** Calls that are a round trip in Apps Script (Spreadsheet, Lock, Properties, …; not sendEmail). */
  serviceCalls: number;
  /** Of serviceCalls, those that only build an object (cost.ts BUILDERS). */
  builderCalls: number;
  /** Every counted call by 'Class.method'. */
  byMethod: Record<string, number>;
  /** Cells passed in value arrays (getValues, setValues, setBackgrounds, …). */
  cells: number;
  /** The same by 'Range.method «tab»'. */
  cellsByTarget: Record<string, number>;
  mailCalls: number;
  mailRecipients: number;
  projectedAppsScriptMs: number;
  /** The projection's parts: Sheets calls and cells, mail, the script's own JavaScript. */
  projected: Projection;
  samples?: number;
}

export interface Prepared {
  n: number;
  code: string;
  /** The used workbook as JSON: each run parses a fresh copy. */
  snapshot: string;
  rows: { orders: number; archive: number };
  cells: number;
  notes: string[];
  /** The executor with the median number of orders in «Поручения» (executor or co-executor). */
  pageExecutor: { email: string; name: string; orders: number };
}

// The sandbox's shape as src/local/sandbox/index.ts documents it (ARCHITECTURE «Local sandbox
// contract»); read defensively so a missing counter is reported, not a crash.
interface SandboxLike {
  api(action: string, params?: Record<string, unknown>): unknown;
  invoke?(name: string, args: unknown[], opts?: Record<string, unknown>): unknown;
  calls?: Record<string, number> | (() => Record<string, number>);
  spreadsheetCalls?: () => number;
  mailCalls?: () => number;
  mails?: { to: string; cc?: string; bcc?: string }[];
  workbook?: WorkbookModel;
}
type CreateSandbox = (opts: Record<string, unknown>) => SandboxLike;

let createSandboxFn: CreateSandbox | null = null;
async function sandboxFactory(): Promise<CreateSandbox> {
  if (!createSandboxFn) {
    const mod = (await import('../../src/local/sandbox/index')) as unknown as { createSandbox: CreateSandbox };
    createSandboxFn = mod.createSandbox;
  }
  return createSandboxFn;
}

let spreadsheetClasses: Set<string> | null = null;
async function isSpreadsheetCall(): Promise<(method: string) => boolean> {
  if (!spreadsheetClasses) {
    const st = (await import('../../src/local/sandbox/state')) as unknown as { SPREADSHEET_CLASSES: Set<string> };
    spreadsheetClasses = st.SPREADSHEET_CLASSES;
  }
  const set = spreadsheetClasses;
  return (m) => set.has(m.split('.')[0]);
}

/** The built bundle: dist/Code.js, or $BENCH_CODE (to compare two builds). */
export function codePath(): string {
  return process.env.BENCH_CODE ?? join(ROOT, 'dist', 'Code.js');
}

export function loadCode(): string {
  return readFileSync(codePath(), 'utf8');
}

// Peak heap is measured from a collected baseline; gc is exposed at run time so `tsx run.ts`
// needs no node flag.
let gcFn: (() => void) | null = null;
function gc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}

function heapMB(): number {
  return process.memoryUsage().heapUsed / 1048576;
}

function rowCount(wb: WorkbookModel, tab: string): number {
  const s = wb.sheets.find((x) => x.name === tab);
  if (!s) return 0;
  let last = s.cells.length;
  while (last > 1 && (s.cells[last - 1] ?? []).every((c) => !c || c.v === null || c.v === '')) last--;
  return Math.max(0, last - 1);
}

function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

/**
 * A used workbook of n orders: the bundle's own «Настроить таблицу» on an empty book (so every
 * tab, header, dropdown and protection is the add-on's), the generated history up to yesterday,
 * a warm-up daily check on the previous working day (so «Журнал» holds real idempotency keys and
 * the states are current), then today's news: a new protocol's orders, decisions, returns.
 */
export async function prepareWorkbook(
  n: number,
  opts: { seed?: number; code?: string; archive?: number; warmups?: number } = {},
): Promise<Prepared> {
  const code = opts.code ?? loadCode();
  const create = await sandboxFactory();
  const notes: string[] = [];
  let base: WorkbookModel | undefined = emptyWorkbook('Контроль поручений — нагрузочный тест', 'Europe/Moscow');
  try {
    const sb = create({ workbook: base, code, now: WARMUP_NOW, mailQuota: 1500 });
    await sb.api('setup', {});
    base = sb.workbook ?? base;
  } catch (e) {
    notes.push(
      `«Настроить таблицу» на пустой книге не удалась (${errorText(e)}): вкладки созданы генератором по schema.ts`,
    );
    base = undefined;
  }
  const { workbook } = generateWorkbook({ n, today: BENCH_TODAY, seed: opts.seed, base, archive: opts.archive });
  let wb = workbook;
  // BENCH_WARMUPS=2 adds Thursday's run before Friday's: the measured Monday then finds yesterday's
  // «Проверка данных» as in steady use, not the first run's list of a generated history.
  const warmups = Math.max(1, opts.warmups ?? (Number(process.env.BENCH_WARMUPS) || 1));
  const days = [WARMUP_NOW];
  for (let k = 1; k < warmups; k++) days.unshift(new Date(WARMUP_NOW.getTime() - k * 86_400_000));
  for (const day of days)
    try {
      const sb = create({ workbook: wb, code, now: day, mailQuota: 1500 });
      await sb.api('daily', {});
      wb = sb.workbook ?? wb;
    } catch (e) {
      notes.push(`пробная ежедневная проверка за ${day.toISOString().slice(0, 10)} не удалась (${errorText(e)})`);
    }
  if (warmups > 1) notes.push(`пробных проверок перед измеряемым днём — ${warmups}`);
  const today = addTodaysActivity(wb, { today: BENCH_TODAY, seed: opts.seed });
  notes.push(
    `новости дня: ${today.newOrders} новых поручений, ${today.decisions} решений по переносу, ${today.returned} возвратов, ${today.archiveDue} к архиву`,
  );
  return {
    n,
    code,
    pageExecutor: medianExecutor(wb),
    snapshot: JSON.stringify(wb),
    rows: { orders: rowCount(wb, TAB.orders), archive: rowCount(wb, TAB.archive) },
    cells: usedCells(wb),
    notes,
  };
}

/** The executor whose count of rows in «Поручения» (as executor or co-executor) is the median. */
export function medianExecutor(wb: WorkbookModel): { email: string; name: string; orders: number } {
  const people = executorsOf(wb);
  const orders = wb.sheets.find((x) => x.name === TAB.orders);
  const count = new Map<string, number>(people.map((e) => [e.name, 0]));
  if (orders) {
    const [ec, cc] = [colOf(orders, ORDER_COL.executor), colOf(orders, ORDER_COL.coExecutors)];
    for (const row of orders.cells.slice(1)) {
      const names = new Set([String(row?.[ec]?.v ?? '').trim()]);
      for (const c of String(row?.[cc]?.v ?? '').split(/[;,]/)) names.add(c.trim());
      for (const nm of names) if (count.has(nm)) count.set(nm, (count.get(nm) ?? 0) + 1);
    }
  }
  const ranked = people
    .filter((e) => e.email)
    .map((e) => ({ ...e, orders: count.get(e.name) ?? 0 }))
    .sort((a, b) => a.orders - b.orders || a.name.localeCompare(b.name));
  const m = ranked[Math.floor(ranked.length / 2)];
  return { email: m.email, name: m.name, orders: m.orders };
}

/** Cells in a 2-D array (a value matrix handed to or returned by a Range method), else 0. */
export function matrixCells(x: unknown): number {
  if (!Array.isArray(x) || x.length === 0 || !Array.isArray(x[0])) return 0;
  let n = 0;
  for (const row of x) n += Array.isArray(row) ? row.length : 0;
  return n;
}

// Cells moved by each call: the Range class's methods are wrapped once; a method that takes or
// returns a 2-D array (getValues, setValues, setBackgrounds, setNumberFormats, …) moves that many
// cells. Calls the sandbox makes internally (st.silent) are not the script's and are skipped.
// Heap is sampled on the same calls, since a synchronous run gives no other chance to look.
interface Meter {
  cells: number;
  /** Cells by 'Range.method «tab»', to see which read or write dominates. */
  byTarget: Record<string, number>;
  peakMB: number;
  active: boolean;
  /** Time spent in the sandbox's TextFinder.findAll (left out of the script's time). */
  finderMs: number;
}
const meter: Meter = { cells: 0, byTarget: {}, peakMB: 0, active: false, finderMs: 0 };
let rangeWrapped = false;
/** False when the sandbox's Range class could not be found: cells are then not counted (the runner says so). */
export let cellsMeasured = false;

async function wrapRangeClass(): Promise<void> {
  if (rangeWrapped) return;
  rangeWrapped = true;
  const mod = (await import('../../src/local/sandbox/spreadsheet')) as unknown as {
    RangeImpl?: { prototype: object };
    TextFinderImpl?: { prototype: object };
  };
  const proto = mod.RangeImpl?.prototype as Record<string, unknown> | undefined;
  if (!proto) return;
  // A TextFinder's findAll returns one Range per matching cell: each is charged as one cell moved.
  const finder = mod.TextFinderImpl?.prototype as Record<string, unknown> | undefined;
  const findAll = finder?.findAll as ((...a: unknown[]) => unknown[]) | undefined;
  if (finder && findAll)
    Object.defineProperty(finder, 'findAll', {
      configurable: true,
      writable: true,
      value: function (this: { st?: { silent?: number }; sh?: { m?: { name?: string } } }, ...args: unknown[]) {
        const t0 = performance.now();
        const out = findAll.apply(this, args);
        // The search runs on Google's side and is charged as the call (cost.ts): the sandbox's own
        // scan of the column is not the script's JavaScript.
        if (meter.active) meter.finderMs += performance.now() - t0;
        if (meter.active && !this.st?.silent && Array.isArray(out) && out.length) {
          meter.cells += out.length;
          const key = `TextFinder.findAll «${this.sh?.m?.name ?? '?'}»`;
          meter.byTarget[key] = (meter.byTarget[key] ?? 0) + out.length;
        }
        return out;
      },
    });
  cellsMeasured = true;
  // A RangeList write carries no array, but Google writes every cell it covers: setValue over 500
  // scattered cells is charged 500 cells, as the same cells in setValues would be (only formats
  // stay payload-free, as for a Range).
  const lists = (await import('../../src/local/sandbox/range-list')) as unknown as {
    RangeListImpl?: { prototype: object };
  };
  const listProto = lists.RangeListImpl?.prototype as Record<string, unknown> | undefined;
  for (const name of ['setValue', 'setFormula', 'setNote', 'clearNote', 'clear', 'clearContent']) {
    const orig = listProto?.[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!listProto || !orig) continue;
    Object.defineProperty(listProto, name, {
      configurable: true,
      writable: true,
      value: function (
        this: { st?: { silent?: number }; ranges?: { rows: number; cols: number; sh?: { m?: { name?: string } } }[] },
        ...args: unknown[]
      ) {
        const out = orig.apply(this, args);
        if (meter.active && !this.st?.silent && this.ranges?.length) {
          const moved = this.ranges.reduce((t, r) => t + r.rows * r.cols, 0);
          meter.cells += moved;
          const key = `RangeList.${name} «${this.ranges[0].sh?.m?.name ?? '?'}»`;
          meter.byTarget[key] = (meter.byTarget[key] ?? 0) + moved;
        }
        return out;
      },
    });
  }
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      ...desc,
      value: function (this: { st?: { silent?: number }; sh?: { m?: { name?: string } } }, ...args: unknown[]) {
        const out = orig.apply(this, args);
        if (meter.active && !this.st?.silent) {
          const moved = matrixCells(args[0]) + matrixCells(out);
          if (moved) {
            meter.cells += moved;
            const key = `Range.${name} «${this.sh?.m?.name ?? '?'}»`;
            meter.byTarget[key] = (meter.byTarget[key] ?? 0) + moved;
          }
          const h = heapMB();
          if (h > meter.peakMB) meter.peakMB = h;
        }
        return out;
      },
    });
  }
}

interface PageAnswer {
  ok: boolean;
  message: string;
  data?: {
    lists: {
      orders: { number: string; version: string; status: string }[];
      extensions: { number: string; version: string }[];
      removals?: unknown[];
    };
  };
}

/**
 * The page's step before the measured one (untimed): a link for the person, and for a submit the
 * page as loaded, to act on one of its items as the person would — the executor adds a progress
 * note to their first open order, the controller approves the first pending extension request.
 */
function pageStep(
  sb: SandboxLike,
  action: 'page-load' | 'page-submit',
  email: string,
  role: PageRole,
): () => PageAnswer {
  const link = String(sb.api('link', { email }));
  const token = decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
  const load = () => sb.invoke?.('myOrdersLoad', [token], { trigger: 'webapp' }) as PageAnswer;
  if (action === 'page-load') return load;
  const page = load();
  if (!page.ok || !page.data) throw new Error(`страница не открылась: ${page.message}`);
  const act =
    role === 'executor'
      ? (() => {
          const o = page.data.lists.orders[0];
          if (!o) throw new Error('у исполнителя нет открытых поручений');
          return { kind: 'order', number: o.number, version: o.version, progress: 'Подготовлен проект ответа' };
        })()
      : (() => {
          const x = page.data.lists.extensions[0];
          if (!x) throw new Error('нет запросов переноса, ожидающих решения');
          return { kind: 'extension', number: x.number, version: x.version, decision: 'Согласован' };
        })();
  return () => sb.invoke?.('myOrdersSubmit', [{ token, action: act }], { trigger: 'webapp' }) as PageAnswer;
}

/**
 * Runs one action on a fresh copy of the prepared workbook and measures it. Page actions run as a
 * web app (google.script.run) for `role`: the median executor (prep.pageExecutor) or the controller.
 */
export async function runAction(prep: Prepared, action: BenchAction, role?: PageRole): Promise<BenchRun> {
  const create = await sandboxFactory();
  const isSheets = await isSpreadsheetCall();
  const workbook = JSON.parse(prep.snapshot) as WorkbookModel;
  await wrapRangeClass();
  const sb = create({ workbook, code: prep.code, now: BENCH_NOW, mailQuota: 1500, webAppUrl: WEB_APP_URL });
  const page = action === 'page-load' || action === 'page-submit';
  const who = role ?? 'executor';
  let error: string | undefined;
  let pageItems: number | undefined;
  let run: () => unknown = () => {
    const [name, params] = API[action as BookAction];
    return sb.api(name, params);
  };
  if (page)
    try {
      const p = pageStep(sb, action, who === 'controller' ? CONTROLLER_EMAIL : prep.pageExecutor.email, who);
      run = () => {
        const r = p();
        if (!r?.ok) throw new Error(`страница ответила: ${r?.message ?? 'нет ответа'}`);
        const l = r.data?.lists;
        pageItems = l ? l.orders.length + l.extensions.length + (l.removals?.length ?? 0) : 0;
      };
    } catch (e) {
      error = errorText(e);
      run = () => undefined;
    }
  const before = snapshotCalls(sb);
  gc();
  const baseMB = heapMB();
  meter.cells = 0;
  meter.byTarget = {};
  meter.peakMB = baseMB;
  meter.finderMs = 0;
  meter.active = true;
  const t0 = performance.now();
  try {
    await run();
  } catch (e) {
    error = errorText(e);
  }
  const ms = performance.now() - t0;
  meter.active = false;
  const peak = Math.max(meter.peakMB, heapMB());
  const byMethod = diffCalls(before, snapshotCalls(sb));
  let spreadsheetCalls = 0;
  let serviceCalls = 0;
  let mailCalls = 0;
  let builderCalls = 0;
  for (const [m, k] of Object.entries(byMethod)) {
    if (BUILDERS.test(m)) builderCalls += k;
    if (SEND.test(m)) mailCalls += k;
    else if (COORDINATES.test(m)) {
      meter.cells += k;
      meter.byTarget[m] = (meter.byTarget[m] ?? 0) + k;
    } else if (!LOCAL_SERVICES.test(m)) serviceCalls += k;
    if (isSheets(m)) spreadsheetCalls += k;
  }
  const projected = project({
    serviceCalls,
    builderCalls,
    cells: meter.cells,
    mailCalls,
    localMs: Math.max(0, ms - meter.finderMs),
  });
  const mails = sb.mails ?? [];
  const addresses = (s?: string) => (s ? s.split(',').filter((x) => x.trim()).length : 0);
  const mailRecipients = mails.reduce((s, m) => s + addresses(m.to) + addresses(m.cc) + addresses(m.bcc), 0);
  return {
    n: prep.n,
    archived: prep.rows.archive,
    action,
    ...(page ? { role: who, personOrders: who === 'executor' ? prep.pageExecutor.orders : undefined, pageItems } : {}),
    ok: error === undefined,
    error,
    ms,
    heapMB: Math.round(peak),
    spreadsheetCalls,
    serviceCalls,
    builderCalls,
    byMethod,
    cells: meter.cells,
    cellsByTarget: { ...meter.byTarget },
    mailCalls,
    mailRecipients,
    projectedAppsScriptMs: projected.totalMs,
    projected,
  };
}

function snapshotCalls(sb: SandboxLike): Record<string, number> {
  const c = typeof sb.calls === 'function' ? sb.calls() : sb.calls;
  return { ...(c ?? {}) };
}

function diffCalls(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(b)) {
    const d = v - (a[k] ?? 0);
    if (d > 0) out[k] = d;
  }
  return out;
}
