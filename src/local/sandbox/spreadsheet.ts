// In-memory SpreadsheetApp (Node only): Spreadsheet and SpreadsheetApp.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import { emptySheet, type SheetModel } from '../model';
import type { A1Ref } from './a1';
import { parseA1 } from './a1';
import { isInt, sigError } from './cells';
import { ConditionalFormatRuleBuilderImpl } from './conditional-format';
import { DataValidationBuilderImpl } from './data-validation';
import {
  BooleanCriteria,
  BorderStyle,
  ChartType,
  CopyPasteType,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from './enums';
import type { RangeImpl } from './range';
import { RichTextValueBuilderImpl, TextStyleBuilderImpl } from './rich-text';
import { UserImpl } from './services';
import { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';

// ---------------------------------------------------------------- Spreadsheet

export class SpreadsheetImpl {
  private ids = new WeakMap<SheetModel, number>();
  private wrappers = new WeakMap<SheetModel, SheetImpl>();
  private nextId = 1;
  constructor(readonly st: SandboxState) {}

  _sheet(m: SheetModel): SheetImpl {
    let s = this.wrappers.get(m);
    if (!s) {
      s = new SheetImpl(this.st, m);
      this.wrappers.set(m, s);
    }
    return s;
  }
  _sheetId(m: SheetModel): number {
    if (m.sheetId !== undefined) return m.sheetId;
    let id = this.ids.get(m);
    if (id === undefined) {
      const i = this.st.wb.sheets.indexOf(m);
      id = i === 0 ? 0 : 100_000 + this.nextId++;
      if (i === 0 && this.st.wb.sheets.some((s) => s !== m && s.sheetId === 0)) id = 100_000 + this.nextId++;
      m.sheetId = id;
      this.ids.set(m, id);
    }
    return id;
  }
  _active(): SheetImpl {
    const wb = this.st.wb;
    let m = this.st.activeSheet as SheetModel | null;
    if (!m || !wb.sheets.includes(m)) m = wb.sheets.find((s) => !s.hidden) ?? wb.sheets[0];
    if (!m) throw this.st.err('The spreadsheet has no sheets.');
    return this._sheet(m);
  }
  _byName(name: string): SheetModel | undefined {
    return this.st.wb.sheets.find((s) => s.name === name);
  }
  /** 'Sheet!A1:B2' (or plain A1 on `dflt`, else the active sheet) as a Range. */
  _rangeByA1(a1: string, dflt: SheetImpl | null): RangeImpl {
    const ref = parseA1(a1);
    if (!ref) throw this.st.err('Range not found');
    let sheet = dflt ?? this._active();
    if (ref.sheet !== undefined) {
      const m = this._byName(ref.sheet);
      if (!m) throw this.st.err('Range not found');
      sheet = this._sheet(m);
    }
    const bang = a1.lastIndexOf('!');
    return sheet.getRange(bang >= 0 ? a1.slice(bang + 1) : a1) as RangeImpl;
  }

  getId() {
    return this.st.wb.id ?? 'local-sandbox-spreadsheet';
  }
  getUrl() {
    // A local book links to its own file (kontrol sets wb.url); a test's book to the Google form.
    if (this.st.wb.url) return this.st.wb.url;
    return `https://docs.google.com/spreadsheets/d/${this.getId()}/edit`;
  }
  getName() {
    return this.st.wb.name;
  }
  rename(n: string) {
    this.st.wb.name = String(n);
  }
  getSpreadsheetTimeZone() {
    return this.st.wb.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.st.wb.timeZone = String(tz);
  }
  getSpreadsheetLocale() {
    return this.st.wb.locale;
  }
  setSpreadsheetLocale(l: string) {
    this.st.wb.locale = String(l);
  }
  getSheetByName(name: string) {
    const m = this._byName(String(name));
    return m ? this._sheet(m) : null;
  }
  getSheetById(id: number) {
    const m = this.st.wb.sheets.find((s) => this._sheetId(s) === id);
    return m ? this._sheet(m) : null;
  }
  getSheets() {
    const list = this.st.wb.sheets;
    const a = this.st.realm.newArray(list.length);
    list.forEach((m, i) => {
      a[i] = this._sheet(m);
    });
    return a;
  }
  getNumSheets() {
    return this.st.wb.sheets.length;
  }
  insertSheet(a?: unknown, b?: unknown, _c?: unknown) {
    const wb = this.st.wb;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (isInt(b)) index = b;
    } else if (isInt(a)) index = a;
    if (name === undefined) {
      let k = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name === `Лист${k}`)) k++;
      name = `Лист${k}`;
    }
    if (wb.sheets.some((s) => s.name.toLowerCase() === (name as string).toLowerCase()))
      throw this.st.err(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const m = emptySheet(name);
    m.sheetId = 100_000 + this.nextId++;
    const i = index === undefined ? wb.sheets.length : Math.max(0, Math.min(wb.sheets.length, index));
    wb.sheets.splice(i, 0, m);
    this.st.activeSheet = m;
    return this._sheet(m);
  }
  deleteSheet(sheet: SheetImpl) {
    if (!(sheet instanceof SheetImpl)) throw sigError(this.st, 'Spreadsheet', 'deleteSheet', [sheet]);
    const wb = this.st.wb;
    const i = wb.sheets.indexOf(sheet.m);
    if (i < 0) throw this.st.err('Sheet not found');
    if (wb.sheets.length === 1) throw this.st.err("You can't remove all the sheets in a document.");
    wb.sheets.splice(i, 1);
    if (this.st.activeSheet === sheet.m) this.st.activeSheet = null;
  }
  getActiveSheet() {
    return this._active();
  }
  setActiveSheet(sheet: SheetImpl) {
    if (!(sheet instanceof SheetImpl)) throw sigError(this.st, 'Spreadsheet', 'setActiveSheet', [sheet]);
    this.st.activeSheet = sheet.m;
    return sheet;
  }
  moveActiveSheet(pos: number) {
    const wb = this.st.wb;
    const m = this._active().m;
    wb.sheets.splice(wb.sheets.indexOf(m), 1);
    wb.sheets.splice(Math.max(0, Math.min(wb.sheets.length, pos - 1)), 0, m);
  }
  getActiveRange() {
    return null;
  }
  getActiveCell() {
    return this.st.quiet(() => this._active().getRange(1, 1));
  }
  getRange(a1: string) {
    if (typeof a1 !== 'string') throw sigError(this.st, 'Spreadsheet', 'getRange', [a1]);
    return this._rangeByA1(a1, null);
  }
  getRangeByName(_n: string) {
    return null;
  }
  getNamedRanges() {
    return this.st.realm.newArray(0);
  }
  toast(msg: unknown, title?: unknown, _timeout?: number) {
    const t: { msg: string; title?: string } = { msg: String(msg ?? '') };
    if (title !== undefined && title !== null) t.title = String(title);
    this.st.ui.toasts.push(t);
  }
  getOwner() {
    return new UserImpl(this.st, this.st.wb.owner ?? this.st.user);
  }
  getEditors() {
    const list = [...new Set([this.st.wb.owner ?? this.st.user, this.st.user])];
    const a = this.st.realm.newArray(list.length);
    list.forEach((e, i) => {
      a[i] = new UserImpl(this.st, e);
    });
    return a;
  }
  addEditor(_u: unknown) {
    return this;
  }
}
instrument(SpreadsheetImpl, 'Spreadsheet');

export class SpreadsheetAppImpl {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;
  readonly RelativeDate = RelativeDate;
  readonly CopyPasteType = CopyPasteType;
  constructor(readonly st: SandboxState) {}
  // null in a web app or Apps Script API run when the sandbox copies the bound-scripts guide
  // (state.ts › noActiveSpreadsheet): «Returns the currently active spreadsheet, or null if there is none.»
  getActive() {
    return this.st.activeHidden ? null : this.st.spreadsheet;
  }
  getActiveSpreadsheet() {
    return this.st.activeHidden ? null : this.st.spreadsheet;
  }
  getActiveSheet() {
    return this.st.quiet(() => this.st.spreadsheet._active());
  }
  getActiveRange() {
    return null;
  }
  setActiveSheet(s: SheetImpl) {
    this.st.activeSheet = s.m;
    return s;
  }
  getUi() {
    return this.st.uiObject;
  }
  /** Applies pending changes; a write Sheets refused late is reported here (protectionErrorAt: 'flush'). */
  flush() {
    this.st.reportPendingWrites();
  }
  newDataValidation() {
    return new DataValidationBuilderImpl(this.st);
  }
  newConditionalFormatRule() {
    return new ConditionalFormatRuleBuilderImpl(this.st);
  }
  newRichTextValue() {
    return new RichTextValueBuilderImpl(this.st);
  }
  newTextStyle() {
    return new TextStyleBuilderImpl(this.st);
  }
  /** Only the sandbox's own spreadsheet exists; any other id is refused (text approximate). */
  openById(id: string) {
    if (String(id) !== this.st.quiet(() => this.st.spreadsheet.getId()))
      throw this.st.err('You do not have permission to access the requested document.');
    return this.st.spreadsheet;
  }
  openByUrl(_u: string) {
    return null;
  }
  open(_f: unknown) {
    return null;
  }
  create(_n: string) {
    return null;
  }
}
instrument(SpreadsheetAppImpl, 'SpreadsheetApp');

export const ChartsGlobal = Object.freeze({ ChartType });

// One import path for the whole service (index.ts, the bench harness).
export * from './chart';
export * from './conditional-format';
export * from './data-validation';
export * from './enums';
export * from './protection';
export * from './range';
export * from './range-list';
export * from './rich-text';
export * from './sheet';
export * from './text-finder';
export type { A1Ref };
