// In-memory SpreadsheetApp (Node only): Range.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import { types } from 'node:util';
import type { CellModel, ProtectionModel } from '../model';
import { intersects, type Rect, rectToA1 } from './a1';
import { guardWrites } from './access';
import { applyWritten, cellAt, cellFor, isEmptyCell, isInt, MSG_COORDS, normColor, rowFor, sigError } from './cells';
import { DataValidationImpl, sameSpec } from './data-validation';
import { ProtectionImpl } from './protection';
import { RichTextValueImpl } from './rich-text';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';
import { TextFinderImpl } from './text-finder';
import { isoOfInstant, wallOf } from './tz';
import { displayDate, displayNumber, parseTyped, type Written } from './values';

// ---------------------------------------------------------------- Range

export type ClearOpts = {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
};

/** Google Sheets' limit of characters in one cell (Sheets Help «Files you can store in Google Drive»: 50 000 per cell). */
export const CELL_LIMIT = 50_000;
export const MSG_CELL_LIMIT = 'Your input contains more than the maximum of 50000 characters in a single cell.';

export class RangeImpl {
  constructor(
    readonly st: SandboxState,
    readonly sh: SheetImpl,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
    /** The A1 text with open ends when the range was made from one ('A2:A'). */
    readonly open?: string,
  ) {}

  _rect(): Rect {
    return { row: this.row, col: this.col, rows: this.rows, cols: this.cols };
  }
  _a1(): string {
    return this.open ?? rectToA1(this._rect());
  }
  /** Calls f(cell, r0, c0) for each cell, creating cells when `create`. */
  private _each(create: boolean, f: (c: CellModel, r: number, c0: number) => void): void {
    const m = this.sh.m;
    for (let r = 0; r < this.rows; r++) {
      const r0 = this.row - 1 + r;
      if (!create) {
        const row = m.cells[r0];
        if (!row) continue;
        for (let c = 0; c < this.cols; c++) {
          const cell = row[this.col - 1 + c];
          if (cell) f(cell, r, c);
        }
        continue;
      }
      const row = rowFor(m, r0);
      for (let c = 0; c < this.cols; c++) f(cellFor(row, this.col - 1 + c), r, c);
    }
    this.st.seq++;
  }
  private _grid<T>(get: (c: CellModel | undefined) => T): T[][] {
    const m = this.sh.m;
    const newArray = this.st.realm.newArray;
    const out = newArray(this.rows) as T[][];
    const c0 = this.col - 1;
    for (let r = 0; r < this.rows; r++) {
      const row = m.cells[this.row - 1 + r];
      const line = newArray(this.cols) as T[];
      for (let c = 0; c < this.cols; c++) line[c] = get(row ? row[c0 + c] : undefined);
      out[r] = line;
    }
    return out;
  }
  private _checkGrid(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data)) throw sigError(this.st, 'Range', method, [data]);
    if (data.length !== this.rows)
      throw this.st.err(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`,
      );
    for (const row of data) {
      if (!Array.isArray(row)) throw sigError(this.st, 'Range', method, [data]);
      if (row.length !== this.cols)
        throw this.st.err(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.cols}.`,
        );
    }
    return data as unknown[][];
  }
  private _writer(): (x: unknown) => Written {
    const tz = this.st.wb.timeZone;
    const year = wallOf(this.st.now(), tz).year;
    return (x: unknown): Written => {
      if (x === null || x === undefined) return { v: null };
      switch (typeof x) {
        case 'string':
          // Google Sheets holds at most 50 000 characters in a cell and refuses a longer write.
          if (x.length > CELL_LIMIT) throw this.st.err(MSG_CELL_LIMIT);
          return parseTyped(x, year);
        case 'number':
          return Number.isFinite(x) ? { v: x } : { v: Number.isNaN(x) ? '#NUM!' : String(x) };
        case 'boolean':
          return { v: x };
      }
      if (types.isDate(x)) {
        const ms = (x as Date).getTime();
        if (Number.isNaN(ms)) return { v: null };
        return { v: { kind: 'date', iso: isoOfInstant(ms, tz) } };
      }
      if (x instanceof RichTextValueImpl) return { v: x.text };
      return parseTyped(String(x), year);
    };
  }
  private _read = (c: CellModel | undefined): unknown => {
    if (!c) return '';
    const v = c.v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') return this.st.newDate(this.st.dateMs(v.iso));
    return v;
  };
  private _display = (c: CellModel | undefined): string => {
    if (!c) return '';
    const v = c.v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') return displayDate(v.iso, this.st.wb.timeZone, c.numberFormat);
    if (typeof v === 'number') return displayNumber(v, c.numberFormat);
    if (typeof v === 'boolean') return v ? 'ИСТИНА' : 'ЛОЖЬ';
    return v;
  };

  // values
  getValues() {
    return this._grid(this._read);
  }
  getValue() {
    return this._read(cellAt(this.sh.m, this.row - 1, this.col - 1));
  }
  getDisplayValues() {
    return this._grid(this._display);
  }
  getDisplayValue() {
    return this._display(cellAt(this.sh.m, this.row - 1, this.col - 1));
  }
  setValues(values: unknown[][]) {
    const data = this._checkGrid(values, 'setValues');
    const w = this._writer();
    this._each(true, (cell, r, c) => applyWritten(cell, w(data[r][c])));
    return this;
  }
  setValue(value: unknown) {
    const w = this._writer()(value);
    this._each(true, (cell) => applyWritten(cell, w));
    return this;
  }
  getFormulas() {
    return this._grid((c) => (c?.formula !== undefined ? `=${c.formula}` : ''));
  }
  getFormula() {
    const c = cellAt(this.sh.m, this.row - 1, this.col - 1);
    return c?.formula !== undefined ? `=${c.formula}` : '';
  }
  setFormulas(f: string[][]) {
    const data = this._checkGrid(f, 'setFormulas');
    const w = this._writer();
    this._each(true, (cell, r, c) => {
      const x = data[r][c];
      applyWritten(cell, typeof x === 'string' && x !== '' && !x.startsWith('=') ? { v: null, formula: x } : w(x));
    });
    return this;
  }
  setFormula(f: string) {
    const x = String(f);
    const w: Written = x.startsWith('=') ? { v: null, formula: x.slice(1) } : { v: null, formula: x };
    this._each(true, (cell) => applyWritten(cell, w));
    return this;
  }
  isBlank() {
    let blank = true;
    this._each(false, (c) => {
      if (!isEmptyCell(c)) blank = false;
    });
    return blank;
  }

  // formats
  private _setAll<K extends keyof CellModel>(key: K, value: CellModel[K] | undefined): this {
    this._each(value !== undefined, (cell) => {
      if (value === undefined) delete cell[key];
      else cell[key] = value;
    });
    return this;
  }
  private _setGrid<K extends keyof CellModel>(
    key: K,
    data: unknown,
    method: string,
    conv: (x: unknown) => CellModel[K] | undefined,
  ): this {
    const g = this._checkGrid(data, method);
    this._each(true, (cell, r, c) => {
      const v = conv(g[r][c]);
      if (v === undefined) delete cell[key];
      else cell[key] = v;
    });
    return this;
  }
  setBackground(c: string | null) {
    return this._setAll('background', normColor(c));
  }
  setBackgrounds(g: string[][]) {
    return this._setGrid('background', g, 'setBackgrounds', normColor);
  }
  setBackgroundRGB(r: number, g: number, b: number) {
    const h = (n: number) =>
      Math.max(0, Math.min(255, n | 0))
        .toString(16)
        .padStart(2, '0');
    return this._setAll('background', `#${h(r)}${h(g)}${h(b)}`);
  }
  getBackground() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.background ?? '#ffffff';
  }
  getBackgrounds() {
    return this._grid((c) => c?.background ?? '#ffffff');
  }
  setFontWeight(w: string | null) {
    return this._setAll('fontWeight', w === 'bold' ? 'bold' : w === 'normal' ? 'normal' : undefined);
  }
  setFontWeights(g: string[][]) {
    return this._setGrid('fontWeight', g, 'setFontWeights', (w) =>
      w === 'bold' ? 'bold' : w === 'normal' ? 'normal' : undefined,
    );
  }
  getFontWeight() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.fontWeight ?? 'normal';
  }
  getFontWeights() {
    return this._grid((c) => c?.fontWeight ?? 'normal');
  }
  setFontColor(c: string | null) {
    return this._setAll('fontColor', normColor(c));
  }
  setFontColors(g: string[][]) {
    return this._setGrid('fontColor', g, 'setFontColors', normColor);
  }
  getFontColor() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.fontColor ?? '#000000';
  }
  getFontColors() {
    return this._grid((c) => c?.fontColor ?? '#000000');
  }
  setNumberFormat(f: string) {
    return this._setAll('numberFormat', f === null || f === undefined ? undefined : String(f));
  }
  setNumberFormats(g: string[][]) {
    return this._setGrid('numberFormat', g, 'setNumberFormats', (f) =>
      f === null || f === undefined || f === '' ? undefined : String(f),
    );
  }
  getNumberFormat() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.numberFormat ?? 'General';
  }
  getNumberFormats() {
    return this._grid((c) => c?.numberFormat ?? 'General');
  }
  setNote(n: string | null) {
    return this._setAll('note', n === null || n === undefined || n === '' ? undefined : String(n));
  }
  setNotes(g: string[][]) {
    return this._setGrid('note', g, 'setNotes', (n) =>
      n === null || n === undefined || n === '' ? undefined : String(n),
    );
  }
  clearNote() {
    return this._setAll('note', undefined);
  }
  getNote() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.note ?? '';
  }
  getNotes() {
    return this._grid((c) => c?.note ?? '');
  }
  setWrap(b: boolean) {
    return this._setAll('wrap', b ? true : undefined);
  }
  setWraps(g: boolean[][]) {
    return this._setGrid('wrap', g, 'setWraps', (b) => (b ? true : undefined));
  }
  setWrapStrategy(s: string) {
    return this._setAll('wrap', s === 'WRAP' ? true : undefined);
  }
  getWrap() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.wrap === true;
  }
  setHorizontalAlignment(a: string | null) {
    return this._setAll('horizontalAlignment', a ? String(a) : undefined);
  }
  setHorizontalAlignments(g: string[][]) {
    return this._setGrid('horizontalAlignment', g, 'setHorizontalAlignments', (a) => (a ? String(a) : undefined));
  }
  getHorizontalAlignment() {
    return cellAt(this.sh.m, this.row - 1, this.col - 1)?.horizontalAlignment ?? 'general';
  }
  setVerticalAlignment(_a: string) {
    return this;
  }
  setVerticalAlignments(_a: unknown) {
    return this;
  }
  setFontSize(_n: number) {
    return this;
  }
  setFontSizes(_n: unknown) {
    return this;
  }
  setFontFamily(_f: string) {
    return this;
  }
  setFontStyle(_s: string) {
    return this;
  }
  setFontLine(_s: string) {
    return this;
  }
  setTextRotation(_d: number) {
    return this;
  }
  setBorder(..._a: unknown[]) {
    return this;
  }
  setShowHyperlink(_b: boolean) {
    return this;
  }

  // rich text
  setRichTextValue(v: RichTextValueImpl) {
    if (!(v instanceof RichTextValueImpl)) throw sigError(this.st, 'Range', 'setRichTextValue', [v]);
    this._each(true, (cell) => {
      applyWritten(cell, { v: v.text === '' ? null : v.text });
      if (v.link) cell.link = v.link;
    });
    return this;
  }
  setRichTextValues(g: RichTextValueImpl[][]) {
    const data = this._checkGrid(g, 'setRichTextValues');
    this._each(true, (cell, r, c) => {
      const v = data[r][c];
      if (!(v instanceof RichTextValueImpl)) throw sigError(this.st, 'Range', 'setRichTextValues', [g]);
      applyWritten(cell, { v: v.text === '' ? null : v.text });
      if (v.link) cell.link = v.link;
    });
    return this;
  }
  private _rich = (c: CellModel | undefined): RichTextValueImpl | null => {
    if (!c || (c.v !== null && typeof c.v === 'object' && !c.link))
      return c ? null : new RichTextValueImpl(this.st, '', null);
    return new RichTextValueImpl(this.st, this._display(c), c.link ?? null);
  };
  getRichTextValue() {
    return this._rich(cellAt(this.sh.m, this.row - 1, this.col - 1));
  }
  getRichTextValues() {
    return this._grid(this._rich);
  }

  // validation
  setDataValidation(rule: DataValidationImpl | null) {
    if (rule !== null && !(rule instanceof DataValidationImpl))
      throw sigError(this.st, 'Range', 'setDataValidation', [rule]);
    this.sh._clearValidations(this._rect());
    if (rule) this.sh.m.validations.push({ range: this._a1(), ...rule.spec });
    return this;
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]) {
    const data = this._checkGrid(rules, 'setDataValidations');
    this.sh._clearValidations(this._rect());
    for (let c = 0; c < this.cols; c++) {
      let start = 0;
      for (let r = 1; r <= this.rows; r++) {
        const a = data[start][c] as DataValidationImpl | null;
        const b = r < this.rows ? (data[r][c] as DataValidationImpl | null) : undefined;
        const same = b !== undefined && (a === b || (a !== null && b !== null && sameSpec(a.spec, b.spec)));
        if (same) continue;
        if (a) {
          if (!(a instanceof DataValidationImpl)) throw sigError(this.st, 'Range', 'setDataValidations', [rules]);
          const range = rectToA1({ row: this.row + start, col: this.col + c, rows: r - start, cols: 1 });
          this.sh.m.validations.push({ range, ...a.spec });
        }
        start = r;
      }
    }
    return this;
  }
  getDataValidation() {
    return this.sh._validationAt(this.row, this.col);
  }
  getDataValidations() {
    const out = this.st.realm.newArray(this.rows) as unknown[][];
    for (let r = 0; r < this.rows; r++) {
      const line = this.st.realm.newArray(this.cols);
      for (let c = 0; c < this.cols; c++) line[c] = this.sh._validationAt(this.row + r, this.col + c);
      out[r] = line;
    }
    return out;
  }
  clearDataValidations() {
    this.sh._clearValidations(this._rect());
    return this;
  }

  // clearing
  clear(opts?: ClearOpts) {
    const o = opts ?? {};
    const some = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!some || o.contentsOnly) this.st.quiet(() => this.clearContent());
    if (!some || o.formatOnly) this.st.quiet(() => this.clearFormat());
    if (o.validationsOnly) this.sh._clearValidations(this._rect());
    if (o.commentsOnly) this.st.quiet(() => this.clearNote());
    return this;
  }
  clearContent() {
    this._each(false, (cell) => {
      cell.v = null;
      if (cell.formula !== undefined) delete cell.formula;
      if (cell.link !== undefined) delete cell.link;
    });
    return this;
  }
  clearFormat() {
    this._each(false, (cell) => {
      for (const k of ['background', 'fontWeight', 'fontColor', 'numberFormat', 'wrap', 'horizontalAlignment'] as const)
        if (cell[k] !== undefined) delete cell[k];
    });
    return this;
  }

  // geometry
  /** reference/spreadsheet/range#createTextFinder(String): a finder over this range's cells. */
  createTextFinder(findText: string) {
    return new TextFinderImpl(this.st, this.sh, this._rect(), findText);
  }
  getRow() {
    return this.row;
  }
  getRowIndex() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getColumnIndex() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.col + this.cols - 1;
  }
  getA1Notation() {
    return rectToA1(this._rect());
  }
  getSheet() {
    return this.sh;
  }
  getGridId() {
    return this.sh._id();
  }
  getCell(r: number, c: number) {
    if (!isInt(r) || !isInt(c) || r < 1 || c < 1 || r > this.rows || c > this.cols)
      throw this.st.err('Cell reference out of range');
    return new RangeImpl(this.st, this.sh, this.row + r - 1, this.col + c - 1, 1, 1);
  }
  offset(dr: number, dc: number, nr?: number, nc?: number) {
    return this.st.quiet(() => this.sh.getRange(this.row + dr, this.col + dc, nr ?? this.rows, nc ?? this.cols));
  }
  activate() {
    this.st.activeSheet = this.sh.m;
    return this;
  }
  protect() {
    const m: ProtectionModel = { range: this._a1(), description: '', warningOnly: false };
    this.sh.m.protections.push(m);
    return new ProtectionImpl(this.st, this.sh, m);
  }
  merge() {
    this.sh._merges().push(rectToA1(this._rect()));
    return this;
  }
  mergeAcross() {
    for (let r = 0; r < this.rows; r++)
      this.sh._merges().push(rectToA1({ row: this.row + r, col: this.col, rows: 1, cols: this.cols }));
    return this;
  }
  mergeVertically() {
    for (let c = 0; c < this.cols; c++)
      this.sh._merges().push(rectToA1({ row: this.row, col: this.col + c, rows: this.rows, cols: 1 }));
    return this;
  }
  breakApart() {
    const me = this._rect();
    const m = this.sh.m;
    if (m.merges) m.merges = m.merges.filter((a) => !intersects(this.sh._rectOf(a), me));
    return this;
  }
  isPartOfMerge() {
    const me = this._rect();
    return (this.sh.m.merges ?? []).some((a) => intersects(this.sh._rectOf(a), me));
  }
  sort(spec: unknown) {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : (s as { column: number; ascending?: boolean }),
    );
    const m = this.sh.m;
    const rows: CellModel[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row = rowFor(m, this.row - 1 + r);
      const part: CellModel[] = [];
      for (let c = 0; c < this.cols; c++) part.push(cellFor(row, this.col - 1 + c));
      rows.push(part);
    }
    const key = (c: CellModel): [number, number | string | boolean] => {
      const v = c.v;
      if (v === null || v === '') return [3, 0];
      if (typeof v === 'number') return [0, v];
      if (typeof v === 'object') return [0, this.st.dateMs(v.iso) / 86_400_000 + 25_569];
      if (typeof v === 'boolean') return [2, v];
      return [1, v.toLowerCase()];
    };
    rows.sort((a, b) => {
      for (const s of specs) {
        const i = s.column - this.col;
        const [ta, va] = key(a[i]);
        const [tb, vb] = key(b[i]);
        if (ta === 3 || tb === 3) {
          if (ta !== tb) return ta === 3 ? 1 : -1;
          continue;
        }
        let d = ta - tb;
        if (d === 0) d = typeof va === 'string' ? String(va).localeCompare(String(vb), 'ru') : Number(va) - Number(vb);
        if (d !== 0) return s.ascending === false ? -d : d;
      }
      return 0;
    });
    for (let r = 0; r < this.rows; r++) {
      const row = m.cells[this.row - 1 + r];
      for (let c = 0; c < this.cols; c++) row[this.col - 1 + c] = rows[r][c];
    }
    this.st.seq++;
    return this;
  }
  copyTo(dest: RangeImpl, opts?: unknown) {
    if (!(dest instanceof RangeImpl)) throw sigError(this.st, 'Range', 'copyTo', [dest]);
    const o = (typeof opts === 'object' && opts ? opts : {}) as ClearOpts;
    const pasteType = typeof opts === 'string' ? opts : undefined;
    const valuesOnly = o.contentsOnly || pasteType === 'PASTE_VALUES';
    const formatOnly = o.formatOnly || pasteType === 'PASTE_FORMAT';
    const dm = dest.sh.m;
    if (dest.row + this.rows - 1 > dm.maxRows || dest.col + this.cols - 1 > dm.maxColumns)
      throw this.st.err(MSG_COORDS);
    const src: (CellModel | undefined)[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: (CellModel | undefined)[] = [];
      for (let c = 0; c < this.cols; c++) {
        const cell = cellAt(this.sh.m, this.row - 1 + r, this.col - 1 + c);
        line.push(cell ? structuredClone(cell) : undefined);
      }
      src.push(line);
    }
    for (let r = 0; r < this.rows; r++) {
      const row = rowFor(dm, dest.row - 1 + r);
      for (let c = 0; c < this.cols; c++) {
        const s = src[r][c] ?? { v: null };
        const cell = cellFor(row, dest.col - 1 + c);
        if (valuesOnly) {
          cell.v = s.v;
          if (s.formula !== undefined) cell.formula = s.formula;
          else delete cell.formula;
        } else if (formatOnly) {
          const { v: _v, formula: _f, note: _n, link: _l, ...fmt } = s;
          Object.assign(cell, fmt);
        } else row[dest.col - 1 + c] = s;
      }
    }
    this.st.seq++;
  }
  insertCheckboxes(..._a: unknown[]) {
    this.sh._clearValidations(this._rect());
    this.sh.m.validations.push({ range: this._a1(), kind: 'other', criteria: 'CHECKBOX', allowInvalid: false });
    this._each(true, (cell) => {
      if (cell.v === null || cell.v === '') cell.v = false;
    });
    return this;
  }
}
instrument(RangeImpl, 'Range');

/** Range methods that change the sheet: refused where a protection stops the run's account. */
const RANGE_WRITES = [
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'setBackground',
  'setBackgrounds',
  'setBackgroundRGB',
  'setFontWeight',
  'setFontWeights',
  'setFontColor',
  'setFontColors',
  'setNumberFormat',
  'setNumberFormats',
  'setNote',
  'setNotes',
  'clearNote',
  'setWrap',
  'setWraps',
  'setWrapStrategy',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'setVerticalAlignments',
  'setFontSize',
  'setFontSizes',
  'setFontFamily',
  'setFontStyle',
  'setFontLine',
  'setTextRotation',
  'setBorder',
  'setShowHyperlink',
  'setRichTextValue',
  'setRichTextValues',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'clear',
  'clearContent',
  'clearFormat',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'sort',
  'insertCheckboxes',
] as const;
guardWrites<RangeImpl>(RangeImpl, RANGE_WRITES, (r) => ({ sheet: r.sh, rect: r._rect() }));
