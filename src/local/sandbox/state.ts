// Shared state of one sandbox: the clock, call counters, run limits, fault injection, and the
// vm context's own constructors (so values handed to the bundle belong to its realm).
import { performance } from 'node:perf_hooks';
import type { WorkbookModel } from '../model';
import type { SpreadsheetImpl } from './spreadsheet';
import { instantOfIso } from './tz';

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  at: Date;
}

export interface UiRecord {
  toasts: { msg: string; title?: string }[];
  /** Text of each Ui.alert ('title: prompt' when a title is given). */
  alerts: string[];
  /** Text of each Ui.prompt ('title: prompt' when a title is given). */
  prompts: string[];
  menus: { name: string; items: unknown[] }[];
  /** Sidebars and dialogs shown: kind 'sidebar' | 'modal' | 'modeless'. */
  dialogs: { kind: string; title?: string; html: string }[];
}

export type TriggerKind = 'simple' | 'installable' | 'menu' | 'time' | 'webapp' | 'api';

/** A web app deployment (appsscript.json «webapp»): whom it executes as, and who deployed it. */
export interface WebAppDeployment {
  executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  deployer: string;
}
/** ScriptApp.AuthMode of a run (reference/script/auth-mode). */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';
export type LockKind = 'script' | 'document' | 'user';

/** The account a sandbox acts as unless told otherwise (SandboxOptions.user). */
export const DEFAULT_USER = 'user@example.com';

/** Services whose calls count as Spreadsheet service calls. */
export const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'TextFinder',
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
  'Protection',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'RichTextValue',
  'RichTextValueBuilder',
]);

const SCOPE_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const SCOPE_SCRIPTAPP = 'https://www.googleapis.com/auth/script.scriptapp';
const SCOPE_UI = 'https://www.googleapis.com/auth/script.container.ui';
const SCOPE_SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const SCOPE_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

/** Calls that need a scope the manifest (appsscript.json oauthScopes) must list (reference/base/session «Authorization»). */
const NEEDS_SCOPE: Record<string, string> = {
  // currentonly covers the file the script runs in, reached by getActive*; opening by id — even
  // the container's own id — needs the full scope (apps-script/concepts/scopes; issue 26).
  'SpreadsheetApp.openById': SCOPE_SHEETS,
  'Session.getActiveUser': SCOPE_EMAIL,
  'Session.getEffectiveUser': SCOPE_EMAIL,
};

/** What a simple trigger may not call (guides/triggers#restrictions), with the scope it lacks. */
const SIMPLE_FORBIDDEN: Record<string, string> = {
  'MailApp.sendEmail': SCOPE_MAIL,
  'MailApp.getRemainingDailyQuota': SCOPE_MAIL,
  'ScriptApp.newTrigger': SCOPE_SCRIPTAPP,
  'ScriptApp.getProjectTriggers': SCOPE_SCRIPTAPP,
  'ScriptApp.getUserTriggers': SCOPE_SCRIPTAPP,
  'ScriptApp.deleteTrigger': SCOPE_SCRIPTAPP,
  'Ui.alert': SCOPE_UI,
  'Ui.prompt': SCOPE_UI,
  'Ui.showSidebar': SCOPE_UI,
  'Ui.showModalDialog': SCOPE_UI,
  'Ui.showModelessDialog': SCOPE_UI,
};

/** Never allowed: the add-on opens no file but its own (and that only by id, jobs/spreadsheet.ts). */
const ALWAYS_FORBIDDEN: Record<string, string> = {
  'SpreadsheetApp.openByUrl': SCOPE_SHEETS,
  'SpreadsheetApp.open': SCOPE_SHEETS,
  'SpreadsheetApp.create': SCOPE_SHEETS,
};

export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

/**
 * What AuthMode.NONE allows (reference/script/auth-mode: «does not allow access to any services that
 * require authorization»; workspace/add-ons/concepts/menus: in NONE only build the menu): the menu
 * and services that need no scope.
 */
const NONE_ALLOWED =
  /^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.|Session\.(getActiveUserLocale|getScriptTimeZone|getTimeZone)$|Utilities\.|Logger\.)/;

export interface Realm {
  Date: DateConstructor; // the context's real Date (not the clock wrapper)
  Error: ErrorConstructor;
  TypeError: ErrorConstructor;
  Function: FunctionConstructor;
  newArray: (n: number) => unknown[];
  newObject: () => Record<string, unknown>;
}

export interface StateOptions {
  workbook: WorkbookModel;
  now?: Date;
  realElapsed?: boolean;
  mailQuota?: number;
  failMailAt?: (n: number) => boolean;
  stopAfterCalls?: number;
  callCostMs?: number;
  lockHeldByOther?: boolean | LockKind[];
  prompts?: string[];
  alerts?: string[];
  user?: string;
  /** Session.getActiveUser is known in simple triggers too (the user shares the developer's domain). */
  sameDomain?: boolean;
  scriptTimeZone?: string;
  formatDateZoneOffsets?: Readonly<Record<string, number>>;
  /** The manifest's oauthScopes (undefined: not checked). */
  oauthScopes?: string[];
  /** How the web app is deployed (trigger 'webapp' runs). Default: executes as the accessing user. */
  webApp?: WebAppDeployment;
  webAppUrl?: string;
  /**
   * Google's guide to bound scripts: getActiveSpreadsheet() and its kin «are only available to bound
   * scripts run from the script editor, menu items, dialogs, sidebars, or triggers. When a bound
   * script is run as a web app or via the Apps Script API, these methods are not available.» True:
   * getActive()/getActiveSpreadsheet() return null in 'webapp' and 'api' runs (issue 26).
   */
  noActiveSpreadsheet?: boolean;
  /** When a write refused by a protection is reported: at the call (default) or at the next flush. */
  protectionErrorAt?: 'call' | 'flush';
}

export class SandboxState {
  readonly wb: WorkbookModel;
  realm!: Realm;
  readonly calls: Record<string, number> = {};
  // clock
  private base: number;
  private realStart: number;
  private virtual = 0;
  private readonly realElapsed: boolean;
  // runs
  running = 0;
  trigger: TriggerKind = 'menu';
  authMode: AuthModeName = 'FULL';
  /** The person at the keyboard (Session.getActiveUser) and the account the run acts as (getEffectiveUser). */
  activeUser = DEFAULT_USER;
  effectiveUser = DEFAULT_USER;
  /** The account using the spreadsheet between runs (SandboxOptions.user, Sandbox.setUser). */
  user = DEFAULT_USER;
  runStart = 0;
  runCalls = 0;
  killed: Error | null = null;
  silent = 0;
  /** Bumped whenever cells may have changed (invalidates last-row caches). */
  seq = 0;
  readonly opts: StateOptions;
  mailQuota: number;
  sendEmailCount = 0;
  readonly prompts: string[];
  readonly alerts: string[];
  lockHeld = new Set<string>();
  activeSheet: unknown = null;
  spreadsheet!: SpreadsheetImpl;
  uiObject: unknown = null;
  userObject: unknown = null;
  readonly ui: UiRecord = { toasts: [], alerts: [], prompts: [], menus: [], dialogs: [] };
  readonly logs: string[] = [];
  readonly mails: SentMail[] = [];
  private dateCache = new Map<string, number>();
  private dateCacheZone = '';

  constructor(opts: StateOptions) {
    this.opts = opts;
    this.wb = opts.workbook;
    this.base = (opts.now ?? new Date()).getTime();
    this.realStart = performance.now();
    this.realElapsed = opts.realElapsed !== false;
    this.mailQuota = opts.mailQuota ?? 100;
    this.prompts = [...(opts.prompts ?? [])];
    this.alerts = [...(opts.alerts ?? [])];
    this.user = opts.user ?? DEFAULT_USER;
    this.activeUser = this.user;
    this.effectiveUser = this.user;
  }

  /** Another execution holds this lock (SandboxOptions.lockHeldByOther). */
  lockTakenByOther(kind: LockKind): boolean {
    const o = this.opts.lockHeldByOther;
    return Array.isArray(o) ? o.includes(kind) : !!o;
  }

  now(): number {
    const real = this.realElapsed ? performance.now() - this.realStart : 0;
    return Math.floor(this.base + real + this.virtual);
  }

  setNow(ms: number): void {
    this.base = ms;
    this.realStart = performance.now();
    this.virtual = 0;
    if (this.running) this.runStart = ms;
  }

  advance(ms: number): void {
    this.virtual += ms;
  }

  /** An Apps Script exception in the bundle's realm (name 'Exception', as V8 Apps Script shows). */
  err(message: string): Error {
    const e = new this.realm.Error(message);
    Object.defineProperty(e, 'name', { value: 'Exception', configurable: true, writable: true });
    return e;
  }

  /** A protected write refused but not yet reported (protectionErrorAt: 'flush'). */
  pendingFlushError: Error | null = null;

  /** SpreadsheetApp.flush() and the run's end: the refusal Sheets held back is reported now. */
  reportPendingWrites(): void {
    const e = this.pendingFlushError;
    this.pendingFlushError = null;
    if (e) throw e;
  }

  /** getActive()/getActiveSpreadsheet() give null now (noActiveSpreadsheet, a web app or Apps Script API run). */
  get activeHidden(): boolean {
    return this.opts.noActiveSpreadsheet === true && (this.trigger === 'webapp' || this.trigger === 'api');
  }

  /** Called at the start of every service method. */
  tick(name: string): void {
    if (this.silent > 0) return;
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    const scopes = this.opts.oauthScopes;
    const needed = NEEDS_SCOPE[name];
    const unlisted = needed && scopes && !scopes.includes(needed) ? needed : undefined;
    const forbidden =
      ALWAYS_FORBIDDEN[name] ?? unlisted ?? (this.authMode !== 'FULL' ? SIMPLE_FORBIDDEN[name] : undefined);
    if (forbidden) throw this.err(`You do not have permission to call ${name}. Required permissions: ${forbidden}`);
    if (this.authMode === 'NONE' && this.running && !NONE_ALLOWED.test(name))
      throw this.err(`You do not have permission to call ${name}. Required permissions: ${SCOPE_SHEETS}.currentonly`);
    if (
      (this.trigger === 'time' || this.trigger === 'webapp' || this.trigger === 'api') &&
      name === 'SpreadsheetApp.getUi'
    )
      throw this.err('Cannot call SpreadsheetApp.getUi() from this context.');
    const cost = this.opts.callCostMs ?? 0;
    if (cost) this.virtual += cost;
    if (!this.running) return;
    if (this.killed) throw this.killed;
    this.runCalls++;
    const stopAfter = this.opts.stopAfterCalls;
    const limit = this.trigger === 'simple' ? 30_000 : 360_000;
    if ((stopAfter !== undefined && this.runCalls > stopAfter) || this.now() - this.runStart > limit) {
      this.killed = this.err(TIMEOUT_MESSAGE);
      throw this.killed;
    }
  }

  /** Runs `f` without counting the service calls it makes (internal delegation). */
  quiet<T>(f: () => T): T {
    this.silent++;
    try {
      return f();
    } finally {
      this.silent--;
    }
  }

  beginRun(trigger: TriggerKind, as: { authMode?: AuthModeName; owner?: string } = {}): void {
    this.running++;
    if (this.running > 1) return;
    this.trigger = trigger;
    this.authMode = as.authMode ?? (trigger === 'simple' ? 'LIMITED' : 'FULL');
    // An installable trigger runs as the account that made it (guides/triggers/installable «Restrictions»);
    // a web app deployed «execute as me» as its deployer (reference/base/session#getEffectiveUser()).
    const asDeployer = trigger === 'webapp' && this.opts.webApp?.executeAs === 'USER_DEPLOYING';
    this.effectiveUser = as.owner ?? (asDeployer ? (this.opts.webApp?.deployer ?? this.user) : this.user);
    this.activeUser = as.owner ?? this.user;
    this.runStart = this.now();
    this.runCalls = 0;
    this.killed = null;
    this.pendingFlushError = null;
    this.seq++;
  }

  endRun(): void {
    this.running--;
    if (this.running > 0) return;
    this.lockHeld.clear(); // Apps Script releases locks when the execution ends
    this.trigger = 'menu';
    this.authMode = 'FULL';
    this.effectiveUser = this.user;
    this.activeUser = this.user;
    this.seq++;
  }

  /** A date cell's instant in the spreadsheet's zone (cached per ISO text). */
  dateMs(iso: string): number {
    const tz = this.wb.timeZone;
    if (tz !== this.dateCacheZone) {
      this.dateCache.clear();
      this.dateCacheZone = tz;
    }
    let ms = this.dateCache.get(iso);
    if (ms === undefined) {
      ms = instantOfIso(iso, tz);
      if (this.dateCache.size > 100_000) this.dateCache.clear();
      this.dateCache.set(iso, ms);
    }
    return ms;
  }

  newDate(ms: number): Date {
    return new this.realm.Date(ms);
  }
}

/**
 * Replaces each public method of `cls` with one that first calls `this.st.tick('Label.method')`.
 * Methods whose names start with '_' and 'toString' are left alone.
 */
export function instrument(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    const key = `${label}.${name}`;
    const wrapped = function (this: { st: SandboxState }, ...args: unknown[]) {
      this.st.tick(key);
      return orig.apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
  Object.defineProperty(proto, 'toString', {
    value: () => label,
    configurable: true,
    writable: true,
    enumerable: false,
  });
}
