// The non-spreadsheet Apps Script services of the sandbox: Ui, MailApp, ScriptApp,
// PropertiesService, LockService, Utilities, Session, HtmlService, Logger, console.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { types } from 'node:util';
import type { WorkbookModel } from '../model';
import { BlobImpl, gzipBlob, ungzipBlob } from './blob';
import { DEFAULT_USER, instrument, type LockKind, type SandboxState } from './state';
import { formatJavaDate, isValidZone } from './tz';

const enumOf = <T extends string>(...names: T[]): Record<T, T> => {
  const o = {} as Record<T, T>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
};

function sig(st: SandboxState, what: string, args: unknown[]): Error {
  const t = (x: unknown) =>
    x === null
      ? 'null'
      : Array.isArray(x)
        ? 'Object[]'
        : types.isDate(x)
          ? 'Date'
          : typeof x === 'string'
            ? 'String'
            : typeof x === 'object'
              ? 'Object'
              : typeof x;
  return st.err(`The parameters (${args.map(t).join(',')}) don't match the method signature for ${what}.`);
}

// ---------------------------------------------------------------- Ui

const Button = enumOf('OK', 'CANCEL', 'YES', 'NO', 'CLOSE');
const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

type MenuItem = { caption: string; functionName: string } | { separator: true } | { caption: string; items: unknown[] };

export class MenuImpl {
  readonly items: MenuItem[] = [];
  constructor(
    readonly st: SandboxState,
    readonly name: string,
  ) {}
  addItem(caption: string, functionName: string) {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator() {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuImpl) {
    if (!(menu instanceof MenuImpl)) throw sig(this.st, 'Menu.addSubMenu', [menu]);
    this.items.push({ caption: menu.name, items: menu.items });
    return this;
  }
  addToUi() {
    const menus = this.st.ui.menus;
    const i = menus.findIndex((m) => m.name === this.name);
    const rec = { name: this.name, items: [...this.items] };
    if (i >= 0) menus[i] = rec;
    else menus.push(rec);
  }
}

export class PromptResponseImpl {
  constructor(
    readonly st: SandboxState,
    readonly text: string,
    readonly button: string,
  ) {}
  getResponseText() {
    return this.text;
  }
  getSelectedButton() {
    return this.button;
  }
}

/** Name of the add-on menu (Extensions › …) in `ui.menus`. */
export const ADDON_MENU = '(add-on)';

export class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(readonly st: SandboxState) {}
  private _args(a: unknown, b: unknown, c: unknown): { text: string; buttons: string } {
    if (c !== undefined) return { text: `${String(a)}: ${String(b)}`, buttons: String(c) };
    if (b !== undefined && typeof b === 'string' && b in ButtonSet) return { text: String(a), buttons: b };
    if (b !== undefined) return { text: `${String(a)}: ${String(b)}`, buttons: 'OK' };
    return { text: String(a), buttons: 'OK' };
  }
  createMenu(name: string) {
    return new MenuImpl(this.st, String(name));
  }
  createAddonMenu() {
    return new MenuImpl(this.st, ADDON_MENU);
  }
  /** The next scripted button (SandboxOptions.alerts), else the set's first button (OK or YES). */
  alert(a: unknown, b?: unknown, c?: unknown) {
    const { text, buttons } = this._args(a, b, c);
    this.st.ui.alerts.push(text);
    const next = this.st.alerts.shift();
    if (next !== undefined) return next;
    return buttons.startsWith('YES') ? Button.YES : Button.OK;
  }
  /** The next scripted answer (SandboxOptions.prompts) with OK (or YES); none left → CANCEL/CLOSE and ''. */
  prompt(a: unknown, b?: unknown, c?: unknown) {
    const { text, buttons } = this._args(a, b, c);
    this.st.ui.prompts.push(text);
    const next = this.st.prompts.shift();
    if (next === undefined)
      return new PromptResponseImpl(
        this.st,
        '',
        buttons === 'OK_CANCEL' || buttons === 'YES_NO_CANCEL' ? Button.CANCEL : Button.CLOSE,
      );
    return new PromptResponseImpl(this.st, String(next), buttons.startsWith('YES') ? Button.YES : Button.OK);
  }
  showSidebar(html: HtmlOutputImpl) {
    this.st.ui.dialogs.push({ kind: 'sidebar', title: html?.title, html: String(html?.content ?? html) });
  }
  showModalDialog(html: HtmlOutputImpl, title: string) {
    this.st.ui.dialogs.push({ kind: 'modal', title: String(title), html: String(html?.content ?? html) });
  }
  showModelessDialog(html: HtmlOutputImpl, title: string) {
    this.st.ui.dialogs.push({ kind: 'modeless', title: String(title), html: String(html?.content ?? html) });
  }
}
instrument(MenuImpl, 'Menu');
instrument(PromptResponseImpl, 'PromptResponse');
instrument(UiImpl, 'Ui');

// ---------------------------------------------------------------- MailApp

const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

function addresses(s: unknown): string[] {
  if (s === undefined || s === null || s === '') return [];
  return String(s)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const m = /<([^>]+)>\s*$/.exec(x);
      return m ? m[1].trim() : x;
    });
}

export class MailAppImpl {
  constructor(readonly st: SandboxState) {}
  getRemainingDailyQuota() {
    return this.st.mailQuota;
  }
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const st = this.st;
    let msg: Record<string, unknown>;
    if (a !== null && typeof a === 'object' && b === undefined) msg = { ...(a as Record<string, unknown>) };
    else if (typeof d === 'string') msg = { to: a, replyTo: b, subject: c, body: d };
    else if (typeof a === 'string' && b !== undefined && c !== undefined)
      msg = { ...((d as Record<string, unknown>) ?? {}), to: a, subject: b, body: c };
    else
      throw sig(
        st,
        'MailApp.sendEmail',
        [a, b, c, d].filter((x) => x !== undefined),
      );
    st.sendEmailCount++;
    const to = addresses(msg.to);
    const cc = addresses(msg.cc);
    const bcc = addresses(msg.bcc);
    const all = [...to, ...cc, ...bcc];
    if (st.opts.failMailAt?.(st.sendEmailCount)) throw st.err(`Invalid email: ${to[0] ?? String(msg.to ?? '')}`);
    if (all.length === 0) throw st.err('Failed to send email: no recipient');
    for (const x of all) if (!EMAIL_RE.test(x)) throw st.err(`Invalid email: ${x}`);
    if (all.length > 50) throw st.err('Limit Exceeded: Email Recipients Per Message.');
    if (all.length > st.mailQuota) throw st.err('Service invoked too many times for one day: email.');
    st.mailQuota -= all.length;
    const sent: (typeof st.mails)[number] = {
      to: to.join(','),
      subject: String(msg.subject ?? ''),
      body: String(msg.body ?? ''),
      at: new Date(st.now()),
    };
    if (cc.length) sent.cc = cc.join(',');
    if (bcc.length) sent.bcc = bcc.join(',');
    if (msg.htmlBody !== undefined) sent.htmlBody = String(msg.htmlBody);
    if (msg.name !== undefined) sent.name = String(msg.name);
    if (msg.replyTo !== undefined) sent.replyTo = String(msg.replyTo);
    st.mails.push(sent);
  }
}
instrument(MailAppImpl, 'MailApp');

// ---------------------------------------------------------------- ScriptApp

const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
const TRIGGER_LIMIT = 20;

type TriggerModel = WorkbookModel['triggers'][number];

/** The account that owns a trigger (an old side file has none: the default user made it). */
export function ownerOf(t: TriggerModel): string {
  return t.owner ?? DEFAULT_USER;
}

/** Triggers the run's account sees: only its own (guides/triggers/installable «Restrictions»). */
function ownTriggers(st: SandboxState): TriggerModel[] {
  return st.wb.triggers.filter((t) => ownerOf(t) === st.effectiveUser);
}

export class TriggerImpl {
  constructor(
    readonly st: SandboxState,
    readonly m: TriggerModel,
  ) {}
  getHandlerFunction() {
    return this.m.handler;
  }
  getEventType() {
    return this.m.type;
  }
  getUniqueId() {
    return this.m.id;
  }
  getTriggerSource() {
    return this.m.type === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }
  getTriggerSourceId() {
    return this.m.type === 'CLOCK' ? null : this.st.quiet(() => this.st.spreadsheet.getId());
  }
}

function createTrigger(st: SandboxState, m: Omit<TriggerModel, 'id'>): TriggerImpl {
  const list = st.wb.triggers;
  // guides/services/quotas: 20 triggers per user per script.
  if (ownTriggers(st).length >= TRIGGER_LIMIT)
    throw st.err(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  // Trigger.getUniqueId() on Google is a long decimal string (guides/triggers/events shows
  // 4034124084959907503), not a small counter: nothing guessable, which dailyRun's guard relies on.
  const ids = new Set(list.map((t) => t.id));
  let id = '';
  do id = BigInt(`0x${randomUUID().replace(/-/g, '').slice(0, 15)}`).toString();
  while (ids.has(id));
  const t: TriggerModel = { id, ...m, owner: st.effectiveUser };
  list.push(t);
  return new TriggerImpl(st, t);
}

export class ClockTriggerBuilderImpl {
  readonly m: Omit<TriggerModel, 'id'>;
  constructor(
    readonly st: SandboxState,
    handler: string,
  ) {
    this.m = { handler, type: 'CLOCK' };
  }
  everyDays(n: number) {
    if (!Number.isInteger(n) || n < 1) throw this.st.err('Invalid argument: n');
    this.m.everyDays = n;
    return this;
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw this.st.err('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    this.m.everyHours = n;
    return this;
  }
  everyWeeks(_n: number) {
    return this;
  }
  onWeekDay(_d: string) {
    return this;
  }
  atHour(h: number) {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw this.st.err('Invalid argument: hour');
    this.m.atHour = h;
    return this;
  }
  nearMinute(_m: number) {
    return this;
  }
  /**
   * reference/script/clock-trigger-builder#after(Integer): a one-off trigger that runs once, no
   * sooner than `ms` after now. After it runs it stays in the trigger list (and counts toward the 20
   * per user) until deleted (guides/triggers/installable); fireTrigger runs it once.
   */
  after(ms: number) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw sig(this.st, 'ClockTriggerBuilder.after', [ms]);
    this.m.at = this.st.now() + Math.floor(ms);
    return this;
  }
  /** reference/script/clock-trigger-builder#at(Date): a one-off trigger at that instant. */
  at(d: Date) {
    const ms = Object.prototype.toString.call(d) === '[object Date]' ? d.getTime() : Number.NaN;
    if (!Number.isFinite(ms)) throw sig(this.st, 'ClockTriggerBuilder.at', [d]);
    this.m.at = ms;
    return this;
  }
  inTimezone(tz: string) {
    if (!isValidZone(String(tz))) throw this.st.err(`Invalid argument: timezone`);
    this.m.timeZone = String(tz);
    return this;
  }
  create() {
    // A one-off trigger has no recurrence; the page documents no mix of the two.
    if (this.m.at !== undefined && (this.m.everyDays || this.m.everyHours || this.m.atHour !== undefined))
      throw this.st.err('Sandbox: a one-off clock trigger (after/at) cannot also recur (everyDays/everyHours/atHour).');
    return createTrigger(this.st, { ...this.m });
  }
}

export class SpreadsheetTriggerBuilderImpl {
  private type: TriggerModel['type'] | null = null;
  constructor(
    readonly st: SandboxState,
    readonly handler: string,
  ) {}
  onOpen() {
    this.type = 'ON_OPEN';
    return this;
  }
  onEdit() {
    this.type = 'ON_EDIT';
    return this;
  }
  onChange() {
    throw this.st.err(
      'Sandbox: onChange triggers are not modelled (WorkbookModel.triggers has CLOCK, ON_OPEN, ON_EDIT).',
    );
  }
  onFormSubmit() {
    throw this.st.err('Sandbox: onFormSubmit triggers are not modelled.');
  }
  create() {
    if (!this.type) throw this.st.err('Trigger event type is not set.');
    return createTrigger(this.st, { handler: this.handler, type: this.type });
  }
}

export class TriggerBuilderImpl {
  constructor(
    readonly st: SandboxState,
    readonly handler: string,
  ) {}
  timeBased() {
    return new ClockTriggerBuilderImpl(this.st, this.handler);
  }
  forSpreadsheet(_ss: unknown) {
    return new SpreadsheetTriggerBuilderImpl(this.st, this.handler);
  }
}

export class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly WeekDay = WeekDay;
  constructor(readonly st: SandboxState) {}
  private _list(keep: (t: WorkbookModel['triggers'][number]) => boolean = () => true) {
    const list = ownTriggers(this.st).filter(keep);
    const a = this.st.realm.newArray(list.length);
    list.forEach((t, i) => {
      a[i] = new TriggerImpl(this.st, t);
    });
    return a;
  }
  newTrigger(handler: string) {
    if (typeof handler !== 'string') throw sig(this.st, 'ScriptApp.newTrigger', [handler]);
    return new TriggerBuilderImpl(this.st, handler);
  }
  /** reference/script/script-app#getProjectTriggers(): the current project's triggers of the current user. */
  getProjectTriggers() {
    return this._list();
  }
  /**
   * reference/script/script-app#getUserTriggers(Spreadsheet): «Gets all installable triggers owned by
   * this user in the given spreadsheet, for this script or add-on only» — triggers whose source is
   * the spreadsheet (onOpen, onEdit…). A clock trigger has no source spreadsheet, so it is not
   * among them (issue 24 item 6); the product lists its triggers with getProjectTriggers(). The
   * sandbox holds one spreadsheet: anything else is a signature error.
   */
  getUserTriggers(x: unknown) {
    if (x !== this.st.spreadsheet) throw sig(this.st, 'ScriptApp.getUserTriggers', [x]);
    return this._list((t) => t.type !== 'CLOCK');
  }
  deleteTrigger(t: TriggerImpl) {
    if (!(t instanceof TriggerImpl)) throw sig(this.st, 'ScriptApp.deleteTrigger', [t]);
    // Another account's trigger is invisible, so it cannot be handed here; if it is, nothing happens.
    if (ownerOf(t.m) !== this.st.effectiveUser) return;
    const list = this.st.wb.triggers;
    const i = list.findIndex((x) => x.id === t.m.id);
    if (i >= 0) list.splice(i, 1);
  }
  getScriptId() {
    return 'local-sandbox-script';
  }
  /** The web app's Service: getUrl() is the deployed address, null when not deployed (reference/script/service). */
  getService() {
    return new ServiceImpl(this.st);
  }
  getOAuthToken() {
    return 'local-sandbox-oauth-token';
  }
  getAuthorizationInfo(_mode: string) {
    return {
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
      getAuthorizationUrl: () => null,
    };
  }
}
export class ServiceImpl {
  constructor(readonly st: SandboxState) {}
  getUrl() {
    return this.st.opts.webAppUrl ?? null;
  }
  isEnabled() {
    return this.st.opts.webAppUrl !== undefined;
  }
}
instrument(ServiceImpl, 'Service');
instrument(TriggerImpl, 'Trigger');
instrument(ClockTriggerBuilderImpl, 'ClockTriggerBuilder');
instrument(SpreadsheetTriggerBuilderImpl, 'SpreadsheetTriggerBuilder');
instrument(TriggerBuilderImpl, 'TriggerBuilder');
instrument(ScriptAppImpl, 'ScriptApp');

// ---------------------------------------------------------------- PropertiesService

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class PropertiesImpl {
  constructor(
    readonly st: SandboxState,
    readonly kind: 'script' | 'document' | 'user',
  ) {}
  private _store(): Record<string, string> {
    if (!this.st.wb.properties) this.st.wb.properties = { script: {}, document: {}, user: {} };
    const p = this.st.wb.properties;
    if (!p[this.kind]) p[this.kind] = {};
    return p[this.kind];
  }
  private _check(store: Record<string, string>, key: string, value: string): void {
    if (Buffer.byteLength(value) > VALUE_LIMIT) throw this.st.err('Argument too large: value');
    let total = Buffer.byteLength(key) + Buffer.byteLength(value);
    for (const [k, v] of Object.entries(store)) if (k !== key) total += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (total > STORE_LIMIT)
      throw this.st.err('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  getProperty(key: string) {
    const v = this._store()[String(key)];
    return v === undefined ? null : v;
  }
  setProperty(key: string, value: unknown) {
    const store = this._store();
    const v = String(value);
    this._check(store, String(key), v);
    store[String(key)] = v;
    return this;
  }
  deleteProperty(key: string) {
    delete this._store()[String(key)];
    return this;
  }
  getProperties() {
    const o = this.st.realm.newObject();
    Object.assign(o, this._store());
    return o;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers?: boolean) {
    const store = this._store();
    if (deleteAllOthers) for (const k of Object.keys(store)) delete store[k];
    for (const [k, v] of Object.entries(props ?? {})) {
      this._check(store, k, String(v));
      store[k] = String(v);
    }
    return this;
  }
  getKeys() {
    const keys = Object.keys(this._store());
    const a = this.st.realm.newArray(keys.length);
    keys.forEach((k, i) => {
      a[i] = k;
    });
    return a;
  }
  deleteAllProperties() {
    const store = this._store();
    for (const k of Object.keys(store)) delete store[k];
    return this;
  }
}

export class PropertiesServiceImpl {
  constructor(readonly st: SandboxState) {}
  getScriptProperties() {
    return new PropertiesImpl(this.st, 'script');
  }
  getDocumentProperties() {
    return new PropertiesImpl(this.st, 'document');
  }
  getUserProperties() {
    return new PropertiesImpl(this.st, 'user');
  }
}
instrument(PropertiesImpl, 'Properties');
instrument(PropertiesServiceImpl, 'PropertiesService');

// ---------------------------------------------------------------- LockService

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockImpl {
  constructor(
    readonly st: SandboxState,
    readonly kind: LockKind,
  ) {}
  tryLock(ms: number) {
    if (this.st.lockHeld.has(this.kind)) return true;
    if (this.st.lockTakenByOther(this.kind)) {
      this.st.advance(Math.max(0, Number(ms) || 0));
      return false;
    }
    this.st.lockHeld.add(this.kind);
    return true;
  }
  waitLock(ms: number) {
    if (this.st.lockHeld.has(this.kind)) return;
    if (this.st.lockTakenByOther(this.kind)) {
      this.st.advance(Math.max(0, Number(ms) || 0));
      throw this.st.err(LOCK_TIMEOUT);
    }
    this.st.lockHeld.add(this.kind);
  }
  releaseLock() {
    this.st.lockHeld.delete(this.kind);
  }
  hasLock() {
    return this.st.lockHeld.has(this.kind);
  }
}

/**
 * reference/lock/lock-service: the script lock is one for every user and every document of the
 * script (an add-on's every spreadsheet); the document lock only for the current document; the
 * user lock only for the current user. `lockHeldByOther: ['script']` is another document's run.
 */
export class LockServiceImpl {
  constructor(readonly st: SandboxState) {}
  getScriptLock() {
    return new LockImpl(this.st, 'script');
  }
  /** null outside a containing document's context: a standalone script or a web app. */
  getDocumentLock() {
    if (this.st.trigger === 'webapp') return null;
    return new LockImpl(this.st, 'document');
  }
  getUserLock() {
    return new LockImpl(this.st, 'user');
  }
}
instrument(LockImpl, 'Lock');
instrument(LockServiceImpl, 'LockService');

// ---------------------------------------------------------------- Utilities

/** Java's TimeZone.getTimeZone: IANA names and GMT±h[:mm]; anything else is GMT. */
export function javaZone(tz: string): string {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (m) {
    const mins = Number(m[3] ?? 0);
    if (mins === 0) return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
    return `${m[1]}${m[2].padStart(2, '0')}:${String(mins).padStart(2, '0')}`;
  }
  return isValidZone(tz) ? tz : 'UTC';
}

/** 'Etc/GMT-3' for 180 minutes (POSIX sign): Node 20's Intl knows no '+03:00' zones, so whole hours only. */
function fixedOffsetZone(minutes: number): string {
  if (!Number.isInteger(minutes / 60)) throw new Error(`formatDateZoneOffsets: ${minutes} is not whole hours`);
  const h = minutes / 60;
  return h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
}

function toSignedBytes(st: SandboxState, buf: Buffer): number[] {
  const a = st.realm.newArray(buf.length) as number[];
  for (let i = 0; i < buf.length; i++) a[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return a;
}

function fromData(data: unknown, charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === 'US_ASCII' ? 'ascii' : 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  return Buffer.from(String(data), 'utf8');
}

const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
const Charset = enumOf('US_ASCII', 'UTF_8');

export class UtilitiesImpl {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  constructor(readonly st: SandboxState) {}
  formatDate(date: Date, tz: string, pattern: string) {
    if (!types.isDate(date) || typeof tz !== 'string' || typeof pattern !== 'string')
      throw sig(this.st, 'Utilities.formatDate', [date, tz, pattern]);
    // Our own path to the wall time (tz.ts: offsets from Intl.formatToParts in Node's realm, Java
    // pattern letters), not the bundle's dayjs; `formatDateZoneOffsets` injects a disagreement.
    const fixed = this.st.opts.formatDateZoneOffsets?.[tz];
    const zoneId = fixed === undefined ? javaZone(tz) : fixedOffsetZone(fixed);
    try {
      return formatJavaDate((date as Date).getTime(), zoneId, pattern);
    } catch (e) {
      throw this.st.err((e as Error).message);
    }
  }
  sleep(ms: number) {
    const n = Number(ms);
    if (!Number.isFinite(n) || n < 0) throw sig(this.st, 'Utilities.sleep', [ms]);
    if (n > 300_000) throw this.st.err('Argument too large: milliseconds');
    this.st.advance(n);
  }
  getUuid() {
    return randomUUID();
  }
  base64Encode(data: unknown, charset?: string) {
    return fromData(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: string) {
    return fromData(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(s: string) {
    return toSignedBytes(this.st, Buffer.from(String(s), 'base64'));
  }
  base64DecodeWebSafe(s: string) {
    return toSignedBytes(this.st, Buffer.from(String(s).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: unknown, contentType?: string, name?: string) {
    return new BlobImpl(this.st, fromData(data), contentType ?? null, name ?? null);
  }
  /** reference/utilities/utilities#gzip(BlobSource) — sandbox/blob.ts. */
  gzip(blob: unknown, name?: string) {
    return gzipBlob(this.st, blob, name);
  }
  /** reference/utilities/utilities#ungzip(BlobSource) — sandbox/blob.ts. */
  ungzip(blob: unknown) {
    return ungzipBlob(this.st, blob);
  }
  computeDigest(alg: string, data: unknown, charset?: string) {
    const map: Record<string, string> = {
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    };
    const a = map[alg];
    if (!a) throw this.st.err(`Unsupported digest algorithm: ${alg}`);
    return toSignedBytes(this.st, createHash(a).update(fromData(data, charset)).digest());
  }
  /** HMAC-SHA256 of value under key (strings as UTF-8, or byte arrays): signed bytes, as Apps Script returns. */
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string) {
    if (value === undefined || key === undefined || value === null || key === null)
      throw sig(this.st, 'Utilities.computeHmacSha256Signature', [value, key]);
    return toSignedBytes(
      this.st,
      createHmac('sha256', fromData(key, charset)).update(fromData(value, charset)).digest(),
    );
  }
  formatString(template: string, ...args: unknown[]) {
    let i = 0;
    return String(template).replace(/%(-?\d*)(?:\.(\d+))?([sdfi%])/g, (_m, _w, prec, t) => {
      if (t === '%') return '%';
      const v = args[i++];
      if (t === 'd' || t === 'i') return String(Math.trunc(Number(v)));
      if (t === 'f') return Number(v).toFixed(prec === undefined ? 6 : Number(prec));
      return String(v);
    });
  }
}
instrument(UtilitiesImpl, 'Utilities');

// ---------------------------------------------------------------- Session

export class UserImpl {
  constructor(
    readonly st: SandboxState,
    readonly email: string,
  ) {}
  getEmail() {
    return this.email;
  }
  getUserLoginId() {
    return this.email;
  }
}

export class SessionImpl {
  constructor(readonly st: SandboxState) {}
  /**
   * reference/base/session#getActiveUser(): blank where the script may run without the user's
   * authorization (a simple onOpen/onEdit, AuthMode LIMITED or NONE) and in a web app executing as
   * its deployer, unless the user shares the developer's Workspace domain (SandboxOptions.sameDomain).
   */
  getActiveUser() {
    const st = this.st;
    const asDeployer = st.trigger === 'webapp' && st.opts.webApp?.executeAs === 'USER_DEPLOYING';
    const hidden = (st.authMode !== 'FULL' || asDeployer) && !st.opts.sameDomain;
    return new UserImpl(this.st, hidden ? '' : this.st.activeUser);
  }
  /** reference/base/session#getEffectiveUser(): under an installable trigger, the trigger's creator. */
  getEffectiveUser() {
    return new UserImpl(this.st, this.st.effectiveUser);
  }
  getScriptTimeZone() {
    return this.st.opts.scriptTimeZone ?? 'Europe/Moscow';
  }
  getTimeZone() {
    return this.getScriptTimeZone();
  }
  getActiveUserLocale() {
    return (this.st.wb.locale ?? 'ru_RU').split('_')[0];
  }
  getTemporaryActiveUserKey() {
    return createHash('sha256').update(`key:${this.st.activeUser}`).digest('base64');
  }
}
instrument(UserImpl, 'User');
instrument(SessionImpl, 'Session');

// ---------------------------------------------------------------- HtmlService

const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
/**
 * The only meta tags HtmlOutput.addMetaTag accepts (reference/html/html-output#addMetaTag: «Only
 * specific meta tags are permitted: apple-mobile-web-app-capable, google-site-verification,
 * mobile-web-app-capable, and viewport.»).
 */
const META_TAGS = ['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable', 'google-site-verification'];

export class HtmlOutputImpl {
  title = '';
  width = 0;
  height = 0;
  constructor(
    readonly st: SandboxState,
    public content: string,
  ) {}
  setTitle(t: string) {
    this.title = String(t);
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = Number(w);
    return this;
  }
  getWidth() {
    return this.width;
  }
  setHeight(h: number) {
    this.height = Number(h);
    return this;
  }
  getHeight() {
    return this.height;
  }
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = String(c);
    return this;
  }
  append(c: string) {
    this.content += String(c);
    return this;
  }
  appendUntrusted(c: string) {
    this.content += escapeHtml(String(c));
    return this;
  }
  clear() {
    this.content = '';
    return this;
  }
  setSandboxMode(_m: string) {
    return this;
  }
  xFrameOptions = 'DEFAULT';
  setXFrameOptionsMode(m: string) {
    if (m !== XFrameOptionsMode.ALLOWALL && m !== XFrameOptionsMode.DEFAULT)
      throw sig(this.st, 'HtmlOutput.setXFrameOptionsMode', [m]);
    this.xFrameOptions = String(m);
    return this;
  }
  /**
   * Meta tags reach a web app's page only this way: tags written in the HTML are ignored (the page
   * runs in an iframe), and only these names are accepted (reference/html/html-output#addMetaTag).
   */
  readonly metaTags: { name: string; content: string }[] = [];
  addMetaTag(n: string, c: string) {
    const name = String(n);
    if (!META_TAGS.includes(name)) throw this.st.err(`Invalid argument: ${name}`);
    this.metaTags.push({ name, content: String(c) });
    return this;
  }
  getMetaTags() {
    const a = this.st.realm.newArray(this.metaTags.length);
    this.metaTags.forEach((m, i) => {
      a[i] = { getName: () => m.name, getContent: () => m.content };
    });
    return a;
  }
  setFaviconUrl(_u: string) {
    return this;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** HtmlTemplate with <? code ?>, <?= escaped ?>, <?!= raw ?> scriptlets, run in the bundle's realm. */
export class HtmlTemplateImpl {
  [key: string]: unknown;
  constructor(
    readonly st: SandboxState,
    readonly _source: string,
  ) {}
  getRawContent() {
    return this._source;
  }
  getCode() {
    return compileTemplate(this._source);
  }
  evaluate() {
    const code = compileTemplate(this._source);
    const fn = this.st.realm.Function('__t', '__esc', code) as (t: unknown, esc: (s: unknown) => string) => string;
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (k !== 'st' && k !== '_source') vars[k] = this[k];
    return new HtmlOutputImpl(
      this.st,
      fn(vars, (s) => escapeHtml(String(s))),
    );
  }
}

function compileTemplate(src: string): string {
  let code = "var __o = ''; with (__t) {\n";
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    code += `__o += ${JSON.stringify(src.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__o += __esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__o += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__o += ${JSON.stringify(src.slice(last))};\n} return __o;`;
  return code;
}

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    readonly st: SandboxState,
    readonly htmlDir: string | null,
    readonly files: Record<string, string>,
  ) {}
  private _file(name: string): string {
    const n = String(name).replace(/\.html$/, '');
    if (this.files[n] !== undefined) return this.files[n];
    if (this.htmlDir) {
      const p = join(this.htmlDir, `${n}.html`);
      if (existsSync(p)) return readFileSync(p, 'utf8');
    }
    throw this.st.err(`No HTML file named ${n} was found.`);
  }
  createHtmlOutput(html?: unknown) {
    return new HtmlOutputImpl(this.st, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(name: string) {
    return new HtmlOutputImpl(this.st, this._file(name));
  }
  createTemplate(html: string) {
    return new HtmlTemplateImpl(this.st, String(html));
  }
  createTemplateFromFile(name: string) {
    return new HtmlTemplateImpl(this.st, this._file(name));
  }
}
instrument(HtmlOutputImpl, 'HtmlOutput');
instrument(HtmlTemplateImpl, 'HtmlTemplate');
instrument(HtmlServiceImpl, 'HtmlService');

// ---------------------------------------------------------------- Logger, console

function show(x: unknown): string {
  if (typeof x === 'string') return x;
  if (types.isDate(x)) return (x as Date).toString();
  if (x instanceof Error || types.isNativeError(x)) return (x as Error).stack ?? String(x);
  if (x !== null && typeof x === 'object') {
    try {
      return JSON.stringify(x);
    } catch {
      return String(x);
    }
  }
  return String(x);
}

function formatLog(args: unknown[]): string {
  if (args.length > 1 && typeof args[0] === 'string' && /%[sdifoOj]/.test(args[0])) {
    let i = 1;
    const head = (args[0] as string).replace(/%([sdifoOj%])/g, (m, t) =>
      t === '%' ? '%' : i < args.length ? show(args[i++]) : m,
    );
    return [head, ...args.slice(i).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class LoggerImpl {
  constructor(readonly st: SandboxState) {}
  log(...args: unknown[]) {
    this.st.logs.push(formatLog(args));
    return this;
  }
  getLog() {
    return this.st.logs.join('\n');
  }
  clear() {
    this.st.logs.length = 0;
  }
}
instrument(LoggerImpl, 'Logger');

export function makeConsole(st: SandboxState): Record<string, (...a: unknown[]) => void> {
  const push =
    (prefix: string) =>
    (...args: unknown[]) => {
      st.logs.push(prefix + formatLog(args));
    };
  const timers = new Map<string, number>();
  return {
    log: push(''),
    info: push(''),
    warn: push('WARN: '),
    error: push('ERROR: '),
    time: (label = 'default') => {
      timers.set(String(label), st.now());
    },
    timeEnd: (label = 'default') => {
      const t = timers.get(String(label));
      if (t !== undefined) st.logs.push(`${String(label)}: ${st.now() - t}ms`);
    },
  };
}
