// The local Apps Script sandbox (Node only; never imported by src/main.ts): runs the built
// dist/Code.js in a vm context that holds only what Apps Script has, with in-memory services over
// a WorkbookModel. See docs/SANDBOX.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { types } from 'node:util';
import vm from 'node:vm';
import type { WorkbookModel } from '../model';
import { CacheServiceImpl } from './cache';
import {
  HtmlServiceImpl,
  LockServiceImpl,
  LoggerImpl,
  MailAppImpl,
  makeConsole,
  ownerOf,
  PropertiesServiceImpl,
  ScriptAppImpl,
  SessionImpl,
  UiImpl,
  UserImpl,
  UtilitiesImpl,
} from './services';
import { ChartsGlobal, SpreadsheetAppImpl, SpreadsheetImpl } from './spreadsheet';
import {
  type AuthModeName,
  type LockKind,
  type Realm,
  SandboxState,
  type SentMail,
  SPREADSHEET_CLASSES,
  type TriggerKind,
  type UiRecord,
  type WebAppDeployment,
} from './state';

export { MSG_PROTECTED } from './access';
export { ADDON_MENU, LOCK_TIMEOUT } from './services';
export { DEFAULT_USER, TIMEOUT_MESSAGE } from './state';
export type { AuthModeName, LockKind, SentMail, TriggerKind, UiRecord, WebAppDeployment };

export interface SandboxOptions {
  workbook: WorkbookModel; // mutated in place by the fake services
  code?: string; // bundle text; default: read dist/Code.js from the repo root
  now?: Date; // the sandbox clock's start instant (default: real now)
  mailQuota?: number; // MailApp.getRemainingDailyQuota() start value (default 100); each recipient decrements
  failMailAt?: (n: number) => boolean; // the n-th sendEmail call (1-based, over the sandbox's life) throws
  stopAfterCalls?: number; // after this many service calls in a run, the next call throws the timeout error
  callCostMs?: number; // simulated time each service call adds to the sandbox clock (default 0)
  /** Another execution holds these locks (true = all): tryLock fails / waitLock throws "Lock timeout...". */
  lockHeldByOther?: boolean | LockKind[];
  prompts?: string[]; // scripted answers to Ui.prompt, in order (then CANCEL)
  alerts?: string[]; // scripted buttons for Ui.alert ('OK','YES','NO','CANCEL')
  /** The account using the spreadsheet (Session.getActiveUser/getEffectiveUser; owns the triggers it makes). */
  user?: string;
  /** Extra: Session.getActiveUser is known in simple triggers too (same Workspace domain as the developer). */
  sameDomain?: boolean;
  /**
   * Extra: the web app's deployment for `trigger: 'webapp'` runs (doGet/doPost): USER_DEPLOYING runs as
   * `deployer` and hides the visitor's address; USER_ACCESSING runs as the visitor (`user`).
   */
  webApp?: WebAppDeployment;
  /** Extra: false freezes the clock between service calls (only callCostMs and sleep move it). Default true. */
  realElapsed?: boolean;
  /** Extra: the manifest's scopes (default: appsscript.json's oauthScopes); a call needing an unlisted one throws. */
  oauthScopes?: string[];
  /** Extra: Session.getScriptTimeZone() (default: appsscript.json's timeZone, else 'Europe/Moscow'). */
  scriptTimeZone?: string;
  /** Extra: HTML files for HtmlService.create…FromFile, by name without '.html' (default: read from dist/). */
  htmlFiles?: Record<string, string>;
  /**
   * Extra, a fault: zones Utilities.formatDate reads at this fixed offset from UTC (minutes), as if
   * Google's (Java) zone data disagreed with the Intl data the bundle's dayjs uses — e.g.
   * { 'Europe/Moscow': 180 } drops Moscow's UTC+4 of 2011–2014. For the date self-check's tests.
   */
  formatDateZoneOffsets?: Readonly<Record<string, number>>;
  /** Extra: ScriptApp.getService().getUrl(), the web app's deployed address (default: not deployed, null). */
  webAppUrl?: string;
  /**
   * getActive()/getActiveSpreadsheet() return null in web app and Apps Script API runs, as Google's
   * guide to bound scripts says (guides/bound). Default: KONTROL_NO_ACTIVE=1 in the environment.
   */
  noActiveSpreadsheet?: boolean;
  /**
   * A write refused by a protection throws at the call (default) or, as Sheets may do, at the next
   * SpreadsheetApp.flush() (or when the run ends): 'flush' (issue 24 item 7).
   */
  protectionErrorAt?: 'call' | 'flush';
}

export interface RunOptions {
  /**
   * simple = onOpen/onEdit simple-trigger restrictions and 30 s limit; time = a time-driven trigger
   * (no Ui); api = a function run through the Apps Script API's scripts.run (no Ui).
   */
  trigger?: 'simple' | 'installable' | 'menu' | 'time' | 'webapp' | 'api';
  /**
   * ScriptApp.AuthMode of the run (default LIMITED for simple, FULL otherwise). NONE: an add-on's
   * onOpen in a document where it was never used — only the menu may be built.
   */
  authMode?: AuthModeName;
}

export interface Sandbox {
  workbook: WorkbookModel;
  run(globalName: string, event?: unknown, opts?: RunOptions): unknown;
  /** Extra: a top-level function with several arguments (google.script.run passes any number). */
  invoke(globalName: string, args: unknown[], opts?: RunOptions): unknown;
  api(action: string, params?: Record<string, unknown>, opts?: RunOptions): unknown;
  setNow(d: Date): void;
  /** Extra: another account now uses the spreadsheet (the same document, another person). */
  setUser(email: string): void;
  /** Extra: the account using the spreadsheet now. */
  user(): string;
  /** Extra: fires an installable trigger by id: its handler runs as the trigger's owner ('time' or 'installable'). */
  fireTrigger(id: string): unknown;
  now(): Date;
  mails: SentMail[];
  calls: Record<string, number>;
  spreadsheetCalls(): number;
  mailCalls(): number;
  resetCounters(): void;
  ui: UiRecord;
  logs: string[];
  /** Extra: MailApp.getRemainingDailyQuota() now. */
  mailQuota(): number;
  /** Extra: an edit event as Apps Script builds it for a person's edit of one cell (source, range, value, oldValue…). */
  editEvent(sheetName: string, a1: string, extra?: { value?: string; oldValue?: string }): Record<string, unknown>;
  /** Extra: evaluates an expression in the bundle's context (tests and diagnostics). */
  evaluate(expression: string): unknown;
}

const here = dirname(fileURLToPath(import.meta.url));

function repoRoot(): string {
  let d = here;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'package.json'))) return d;
    d = dirname(d);
  }
  return process.cwd();
}

/** Builds the context's Date: `new Date()` and `Date.now()` read the sandbox clock. */
const DATE_SHIM = `(function (nowFn) {
  var R = Date;
  var D = function Date() {
    if (!new.target) return new R(nowFn()).toString();
    if (arguments.length === 0) return Reflect.construct(R, [nowFn()], new.target);
    return Reflect.construct(R, Array.prototype.slice.call(arguments), new.target);
  };
  D.prototype = R.prototype;
  D.now = function now() { return nowFn(); };
  D.parse = R.parse;
  D.UTC = R.UTC;
  Object.defineProperty(D, 'length', { value: 7 });
  Object.defineProperty(R.prototype, 'constructor', { value: D, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(globalThis, 'Date', { value: D, writable: true, configurable: true, enumerable: false });
  return R;
})`;

/**
 * The time fields of a time-driven event (guides/triggers/events «Time-driven events»): year, month,
 * day-of-month, day-of-week (1 = Monday), hour, minute, second, week-of-year and timezone.
 */
function clockEventFields(ms: number, timeZone: string): Record<string, unknown> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  const dow = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  // ISO week number of the wall date.
  const wall = Date.UTC(y, m - 1, d);
  const thursday = wall + (4 - dow) * 86_400_000;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday - yearStart) / 86_400_000 / 7) + 1;
  return {
    year: y,
    month: m,
    'day-of-month': d,
    'day-of-week': dow,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    'week-of-year': week,
    timezone: timeZone,
  };
}

/** Globals a fresh vm context has that Apps Script does not. */
const REMOVE = ['console', 'WebAssembly'];

/** CI runs the page, security and live-check suites a second time with KONTROL_NO_ACTIVE=1. */
export function noActiveByDefault(): boolean {
  return process.env.KONTROL_NO_ACTIVE === '1';
}

export function createSandbox(opts: SandboxOptions): Sandbox {
  const root = repoRoot();
  const distDir = join(root, 'dist');
  const code = opts.code ?? readFileSync(join(distDir, 'Code.js'), 'utf8');
  let manifest: { timeZone?: string; oauthScopes?: string[] } = {};
  try {
    manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  } catch {
    manifest = {};
  }
  const scriptTimeZone = opts.scriptTimeZone ?? manifest.timeZone;
  const st = new SandboxState({
    ...opts,
    scriptTimeZone: scriptTimeZone ?? 'Europe/Moscow',
    oauthScopes: opts.oauthScopes ?? manifest.oauthScopes,
    noActiveSpreadsheet: opts.noActiveSpreadsheet ?? noActiveByDefault(),
  });

  const ctx = vm.createContext({}, { name: 'Apps Script sandbox', codeGeneration: { strings: true, wasm: false } });
  vm.runInContext(`for (const k of ${JSON.stringify(REMOVE)}) delete globalThis[k];`, ctx);
  const RealDate = vm.runInContext(DATE_SHIM, ctx)(() => st.now()) as DateConstructor;
  const intrinsics = vm.runInContext(
    '({ Error: Error, TypeError: TypeError, Function: Function, newArray: function (n) { return new Array(n); }, newObject: function () { return {}; } })',
    ctx,
  ) as Omit<Realm, 'Date'>;
  st.realm = { ...intrinsics, Date: RealDate };

  st.spreadsheet = new SpreadsheetImpl(st);
  st.uiObject = new UiImpl(st);
  st.userObject = new UserImpl(st, opts.user ?? 'user@example.com');

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetAppImpl(st),
    MailApp: new MailAppImpl(st),
    ScriptApp: new ScriptAppImpl(st),
    PropertiesService: new PropertiesServiceImpl(st),
    CacheService: new CacheServiceImpl(st),
    LockService: new LockServiceImpl(st),
    Utilities: new UtilitiesImpl(st),
    Session: new SessionImpl(st),
    HtmlService: new HtmlServiceImpl(st, existsSync(distDir) ? distDir : null, opts.htmlFiles ?? {}),
    Logger: new LoggerImpl(st),
    Charts: ChartsGlobal,
    console: makeConsole(st),
  };
  for (const [k, v] of Object.entries(globals))
    Object.defineProperty(ctx, k, { value: v, writable: true, configurable: true, enumerable: false });

  const script = new vm.Script(code, { filename: 'Code.js' });
  st.beginRun('menu');
  try {
    script.runInContext(ctx);
  } finally {
    st.endRun();
  }

  /** Host values to the bundle's realm: plain objects, arrays and Dates are copied; others pass. */
  const toCtx = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (types.isDate(x)) return new RealDate((x as Date).getTime());
    if (Array.isArray(x)) {
      const a = st.realm.newArray(x.length);
      x.forEach((v, i) => {
        a[i] = toCtx(v);
      });
      return a;
    }
    const proto = Object.getPrototypeOf(x);
    if (proto === Object.prototype || proto === null) {
      const o = st.realm.newObject();
      for (const [k, v] of Object.entries(x)) o[k] = toCtx(v);
      return o;
    }
    return x;
  };

  const exec = (
    trigger: TriggerKind,
    f: () => unknown,
    as: { authMode?: AuthModeName; owner?: string } = {},
  ): unknown => {
    st.beginRun(trigger, as);
    try {
      const r = f();
      if (st.killed) throw st.killed;
      // Apps Script applies what is pending when the execution ends: a held-back refusal fails it.
      st.reportPendingWrites();
      return r;
    } catch (e) {
      if (st.killed) throw st.killed;
      throw e;
    } finally {
      st.endRun();
    }
  };

  const g = ctx as Record<string, unknown>;

  const sandbox: Sandbox = {
    workbook: opts.workbook,
    run(globalName, event, o) {
      const fn = g[globalName];
      if (typeof fn !== 'function') throw st.err(`Script function not found: ${globalName}`);
      const trigger = o?.trigger ?? 'menu';
      const authMode = o?.authMode ?? (trigger === 'simple' ? 'LIMITED' : 'FULL');
      const e = event === undefined ? undefined : toCtx(event);
      // guides/triggers/events: a trigger's event carries authMode (ScriptApp.AuthMode).
      if (e && typeof e === 'object' && trigger !== 'menu' && !('authMode' in e))
        (e as Record<string, unknown>).authMode = authMode;
      return exec(trigger, () => (fn as (e: unknown) => unknown)(e), { authMode });
    },
    fireTrigger(id) {
      const t = opts.workbook.triggers.find((x) => x.id === id);
      if (!t) throw new Error(`No trigger ${id}`);
      // A one-off clock trigger (clock-trigger-builder#after) runs once, not before its time: the
      // clock moves there. It stays listed until the script deletes it.
      if (t.at !== undefined) {
        if (t.fired) throw new Error(`Trigger ${id} is a one-off trigger that has already run`);
        if (st.now() < t.at) st.setNow(t.at);
        t.fired = true;
      }
      const fn = g[t.handler];
      if (typeof fn !== 'function') throw st.err(`Script function not found: ${t.handler}`);
      // guides/triggers/events: an installable trigger's event carries authMode and the triggerUid of
      // the trigger that fired; a time-driven one also the fire time's fields in the trigger's zone.
      const e = st.realm.newObject();
      e.authMode = 'FULL';
      e.triggerUid = t.id;
      if (t.type === 'CLOCK') Object.assign(e, clockEventFields(st.now(), t.timeZone ?? st.wb.timeZone));
      return exec(t.type === 'CLOCK' ? 'time' : 'installable', () => (fn as (e: unknown) => unknown)(e), {
        authMode: 'FULL',
        owner: ownerOf(t),
      });
    },
    setUser(email) {
      st.user = email;
      st.activeUser = email;
      st.effectiveUser = email;
    },
    user() {
      return st.user;
    },
    invoke(globalName, args, o) {
      const fn = g[globalName];
      if (typeof fn !== 'function') throw st.err(`Script function not found: ${globalName}`);
      const a = args.map(toCtx);
      return exec(o?.trigger ?? 'menu', () => (fn as (...x: unknown[]) => unknown)(...a));
    },
    api(action, params, o) {
      const k = g.__Kontrol as Record<string, unknown> | undefined;
      const api = k?.api as
        | ((a: string, p: unknown) => unknown)
        | { run?: (a: string, p: unknown) => unknown }
        | undefined;
      const p = toCtx(params ?? {});
      if (typeof api === 'function') return exec(o?.trigger ?? 'installable', () => api(action, p));
      if (api && typeof api.run === 'function') {
        const run = api.run.bind(api);
        return exec(o?.trigger ?? 'installable', () => run(action, p));
      }
      throw new Error('The bundle has no __Kontrol.api (export api from src/main.ts)');
    },
    setNow(d) {
      st.setNow(d.getTime());
    },
    now() {
      return new Date(st.now());
    },
    mails: st.mails,
    calls: st.calls,
    spreadsheetCalls() {
      let n = 0;
      for (const [k, v] of Object.entries(st.calls)) if (SPREADSHEET_CLASSES.has(k.slice(0, k.indexOf('.')))) n += v;
      return n;
    },
    mailCalls() {
      let n = 0;
      for (const [k, v] of Object.entries(st.calls)) if (k.startsWith('MailApp.')) n += v;
      return n;
    },
    resetCounters() {
      for (const k of Object.keys(st.calls)) delete st.calls[k];
    },
    ui: st.ui,
    logs: st.logs,
    mailQuota() {
      return st.mailQuota;
    },
    editEvent(sheetName, a1, extra) {
      return st.quiet(() => {
        const ss = st.spreadsheet;
        const sheet = ss.getSheetByName(sheetName);
        if (!sheet) throw new Error(`No sheet ${sheetName}`);
        const e = st.realm.newObject();
        e.source = ss;
        e.range = sheet.getRange(a1);
        e.authMode = 'LIMITED';
        e.user = new UserImpl(st, st.opts.sameDomain ? st.user : '');
        // No triggerUid: guides/triggers/events gives it to installable triggers only, not to the simple onEdit.
        if (extra?.value !== undefined) e.value = extra.value;
        if (extra?.oldValue !== undefined) e.oldValue = extra.oldValue;
        return e;
      });
    },
    evaluate(expression) {
      return vm.runInContext(expression, ctx);
    },
  };
  return sandbox;
}
