// In-memory SpreadsheetApp over a WorkbookModel (Node only). Every public method of every class
// here is counted by `instrument` as 'Class.method'. Internal delegation goes through `st.quiet`.
import { types } from 'node:util';
import type {
  CellModel,
  ChartModel,
  ConditionalFormatModel,
  DataValidationModel,
  ProtectionModel,
  SheetModel,
} from '../model';
import { emptySheet } from '../model';
import {
  type A1Ref,
  contains,
  intersects,
  parseA1,
  quoteSheet,
  type Rect,
  rectToA1,
  refToA1,
  refToRect,
  shiftRef,
  subtract,
} from './a1';
import { instrument, type SandboxState } from './state';
import { isoOfInstant, wallOf } from './tz';
import { displayDate, displayNumber, parseTyped, type Written } from './values';

// ---------------------------------------------------------------- enums

const enumOf = <T extends string>(...names: T[]): Record<T, T> => {
  const o = {} as Record<T, T>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
};

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'CUSTOM_FORMULA',
);

export const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREE_MAP',
  'WATERFALL',
);

const ProtectionType = enumOf('RANGE', 'SHEET');
const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
const BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
const Dimension = enumOf('COLUMNS', 'ROWS');
const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');
const RelativeDate = enumOf('TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR');
const CopyPasteType = enumOf(
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
);

// ---------------------------------------------------------------- helpers

const MSG_COORDS = 'The coordinates of the range are outside the dimensions of the sheet.';

function isEmptyCell(c: CellModel | undefined): boolean {
  return !c || ((c.v === null || c.v === '' || c.v === undefined) && !c.formula);
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'Object[]';
  if (types.isDate(x)) return 'Date';
  const t = typeof x;
  if (t === 'string') return 'String';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'Boolean';
  if (t === 'undefined') return 'undefined';
  return (x as object).constructor?.name && (x as object).constructor.name !== 'Object'
    ? String((x as object).toString?.() ?? 'Object')
    : 'Object';
}

function sigError(st: SandboxState, cls: string, method: string, args: unknown[]): Error {
  return st.err(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function normColor(c: unknown): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).trim().toLowerCase();
  const named: Record<string, string> = {
    white: '#ffffff',
    black: '#000000',
    red: '#ff0000',
    green: '#008000',
    blue: '#0000ff',
    yellow: '#ffff00',
    gray: '#808080',
    grey: '#808080',
    orange: '#ffa500',
  };
  if (named[s]) return named[s];
  if (/^#[0-9a-f]{3}$/.test(s)) return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
  return s;
}

function cellAt(m: SheetModel, r0: number, c0: number): CellModel | undefined {
  const row = m.cells[r0];
  return row ? row[c0] : undefined;
}

function rowFor(m: SheetModel, r0: number): CellModel[] {
  const cells = m.cells;
  while (cells.length <= r0) cells.push([]);
  let row = cells[r0];
  if (!row) {
    row = [];
    cells[r0] = row;
  }
  return row;
}

function cellFor(row: CellModel[], c0: number): CellModel {
  while (row.length < c0) row.push({ v: null });
  let c = row[c0];
  if (!c) {
    c = { v: null };
    row[c0] = c;
  }
  return c;
}

function applyWritten(cell: CellModel, w: Written): void {
  cell.v = w.v;
  if (w.formula !== undefined) cell.formula = w.formula;
  else if (cell.formula !== undefined) delete cell.formula;
  if (cell.link !== undefined) delete cell.link;
  if (w.numberFormat && !cell.numberFormat) cell.numberFormat = w.numberFormat;
}

// ---------------------------------------------------------------- data validation

type DvSpec = Omit<DataValidationModel, 'range'>;

function dvSpecOf(m: DataValidationModel): DvSpec {
  const { range: _r, ...spec } = m;
  return spec;
}

function sameSpec(a: DvSpec, b: DvSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class DataValidationBuilderImpl {
  constructor(
    readonly st: SandboxState,
    public spec: DvSpec = { kind: 'other', allowInvalid: true },
  ) {}
  private _set(kind: DvSpec['kind'], criteria: string, extra: Partial<DvSpec> = {}): this {
    const { allowInvalid, helpText } = this.spec;
    this.spec = { kind, criteria, allowInvalid, ...(helpText !== undefined ? { helpText } : {}), ...extra };
    return this;
  }
  private _date(d: unknown): string {
    if (!types.isDate(d)) throw this.st.err('Invalid argument: date');
    return isoOfInstant((d as Date).getTime(), this.st.wb.timeZone);
  }
  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values)) throw sigError(this.st, 'DataValidationBuilder', 'requireValueInList', [values]);
    return this._set('list', 'VALUE_IN_LIST', { values: values.map(String), args: [showDropdown !== false] });
  }
  requireValueInRange(range: RangeImpl, showDropdown = true) {
    if (!(range instanceof RangeImpl)) throw sigError(this.st, 'DataValidationBuilder', 'requireValueInRange', [range]);
    return this._set('list', 'VALUE_IN_RANGE', {
      sourceRange: `${quoteSheet(range.sh.m.name)}!${range._a1()}`,
      args: [showDropdown !== false],
    });
  }
  requireDate() {
    return this._set('date', 'DATE_IS_VALID_DATE');
  }
  requireDateAfter(d: Date) {
    return this._set('date', 'DATE_AFTER', { args: [this._date(d)] });
  }
  requireDateBefore(d: Date) {
    return this._set('date', 'DATE_BEFORE', { args: [this._date(d)] });
  }
  requireDateOnOrAfter(d: Date) {
    return this._set('date', 'DATE_ON_OR_AFTER', { args: [this._date(d)] });
  }
  requireDateOnOrBefore(d: Date) {
    return this._set('date', 'DATE_ON_OR_BEFORE', { args: [this._date(d)] });
  }
  requireDateEqualTo(d: Date) {
    return this._set('date', 'DATE_EQUAL_TO', { args: [this._date(d)] });
  }
  requireDateBetween(a: Date, b: Date) {
    return this._set('date', 'DATE_BETWEEN', { args: [this._date(a), this._date(b)] });
  }
  requireNumberBetween(a: number, b: number) {
    return this._set('number', 'NUMBER_BETWEEN', { args: [Number(a), Number(b)] });
  }
  requireNumberNotBetween(a: number, b: number) {
    return this._set('number', 'NUMBER_NOT_BETWEEN', { args: [Number(a), Number(b)] });
  }
  requireNumberEqualTo(n: number) {
    return this._set('number', 'NUMBER_EQUAL_TO', { args: [Number(n)] });
  }
  requireNumberGreaterThan(n: number) {
    return this._set('number', 'NUMBER_GREATER_THAN', { args: [Number(n)] });
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this._set('number', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', { args: [Number(n)] });
  }
  requireNumberLessThan(n: number) {
    return this._set('number', 'NUMBER_LESS_THAN', { args: [Number(n)] });
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this._set('number', 'NUMBER_LESS_THAN_OR_EQUAL_TO', { args: [Number(n)] });
  }
  requireTextContains(t: string) {
    return this._set('other', 'TEXT_CONTAINS', { args: [String(t)] });
  }
  requireTextEqualTo(t: string) {
    return this._set('other', 'TEXT_EQUAL_TO', { args: [String(t)] });
  }
  requireTextIsEmail() {
    return this._set('other', 'TEXT_IS_VALID_EMAIL');
  }
  requireTextIsUrl() {
    return this._set('other', 'TEXT_IS_VALID_URL');
  }
  requireFormulaSatisfied(f: string) {
    return this._set('other', 'CUSTOM_FORMULA', { args: [String(f)], formula: String(f) });
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    const args =
      checked === undefined ? [] : unchecked === undefined ? [String(checked)] : [String(checked), String(unchecked)];
    return this._set('other', 'CHECKBOX', { args });
  }
  withCriteria(criteria: string, args: unknown[]) {
    const kind = criteria.startsWith('DATE')
      ? 'date'
      : criteria.startsWith('NUMBER')
        ? 'number'
        : criteria.startsWith('VALUE')
          ? 'list'
          : 'other';
    return this._set(kind, criteria, { args: (args ?? []) as (string | number | boolean)[] });
  }
  setAllowInvalid(b: boolean) {
    this.spec = { ...this.spec, allowInvalid: !!b };
    return this;
  }
  setHelpText(t: string) {
    this.spec = { ...this.spec, helpText: String(t) };
    return this;
  }
  getAllowInvalid() {
    return this.spec.allowInvalid;
  }
  getHelpText() {
    return this.spec.helpText ?? '';
  }
  getCriteriaType() {
    return this.spec.criteria ?? null;
  }
  build() {
    if (!this.spec.criteria) throw this.st.err('You must specify a criteria type for the data validation rule.');
    return new DataValidationImpl(this.st, { ...this.spec });
  }
}

export class DataValidationImpl {
  constructor(
    readonly st: SandboxState,
    readonly spec: DvSpec,
  ) {}
  getCriteriaType() {
    return (
      this.spec.criteria ??
      (this.spec.kind === 'list'
        ? this.spec.sourceRange
          ? 'VALUE_IN_RANGE'
          : 'VALUE_IN_LIST'
        : this.spec.kind === 'date'
          ? 'DATE_IS_VALID_DATE'
          : this.spec.kind === 'number'
            ? 'NUMBER_BETWEEN'
            : 'CUSTOM_FORMULA')
    );
  }
  getCriteriaValues() {
    const s = this.spec;
    const crit = this.getCriteriaType();
    if (crit === 'VALUE_IN_LIST') return [s.values ?? [], s.args?.[0] ?? true];
    if (crit === 'VALUE_IN_RANGE') {
      const range = s.sourceRange
        ? this.st.quiet(() => this.st.spreadsheet._rangeByA1(s.sourceRange as string, null))
        : null;
      return [range, s.args?.[0] ?? true];
    }
    return (s.args ?? []).map((a) =>
      typeof a === 'string' && s.kind === 'date' ? this.st.newDate(this.st.dateMs(a)) : a,
    );
  }
  getAllowInvalid() {
    return this.spec.allowInvalid;
  }
  getHelpText() {
    return this.spec.helpText ?? '';
  }
  copy() {
    return new DataValidationBuilderImpl(this.st, { ...this.spec });
  }
}
instrument(DataValidationBuilderImpl, 'DataValidationBuilder');
instrument(DataValidationImpl, 'DataValidation');

// ---------------------------------------------------------------- conditional formats

export class ConditionalFormatRuleBuilderImpl {
  constructor(
    readonly st: SandboxState,
    public m: ConditionalFormatModel = { ranges: [] },
  ) {}
  private _cond(condition: string, values: unknown[]): this {
    const { formula: _f, textEqualTo: _t, condition: _c, values: _v, ...rest } = this.m;
    this.m = { ...rest, condition, values: values as (string | number)[] };
    return this;
  }
  whenFormulaSatisfied(f: string) {
    const { textEqualTo: _t, condition: _c, values: _v, ...rest } = this.m;
    this.m = { ...rest, formula: String(f), condition: 'CUSTOM_FORMULA' };
    return this;
  }
  whenTextEqualTo(t: string) {
    const { formula: _f, condition: _c, values: _v, ...rest } = this.m;
    this.m = { ...rest, textEqualTo: String(t), condition: 'TEXT_EQUAL_TO' };
    return this;
  }
  whenTextContains(t: string) {
    return this._cond('TEXT_CONTAINS', [String(t)]);
  }
  whenTextDoesNotContain(t: string) {
    return this._cond('TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  whenTextStartsWith(t: string) {
    return this._cond('TEXT_STARTS_WITH', [String(t)]);
  }
  whenTextEndsWith(t: string) {
    return this._cond('TEXT_ENDS_WITH', [String(t)]);
  }
  whenCellEmpty() {
    return this._cond('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this._cond('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number) {
    return this._cond('NUMBER_GREATER_THAN', [Number(n)]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this._cond('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]);
  }
  whenNumberLessThan(n: number) {
    return this._cond('NUMBER_LESS_THAN', [Number(n)]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this._cond('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]);
  }
  whenNumberEqualTo(n: number) {
    return this._cond('NUMBER_EQUAL_TO', [Number(n)]);
  }
  whenNumberBetween(a: number, b: number) {
    return this._cond('NUMBER_BETWEEN', [Number(a), Number(b)]);
  }
  whenDateBefore(d: unknown) {
    return this._cond('DATE_BEFORE', [
      types.isDate(d) ? isoOfInstant((d as Date).getTime(), this.st.wb.timeZone) : String(d),
    ]);
  }
  whenDateAfter(d: unknown) {
    return this._cond('DATE_AFTER', [
      types.isDate(d) ? isoOfInstant((d as Date).getTime(), this.st.wb.timeZone) : String(d),
    ]);
  }
  whenDateEqualTo(d: unknown) {
    return this._cond('DATE_EQUAL_TO', [
      types.isDate(d) ? isoOfInstant((d as Date).getTime(), this.st.wb.timeZone) : String(d),
    ]);
  }
  setBackground(c: string | null) {
    this.m = { ...this.m, background: normColor(c) };
    if (this.m.background === undefined) delete this.m.background;
    return this;
  }
  setFontColor(c: string | null) {
    this.m = { ...this.m, fontColor: normColor(c) };
    if (this.m.fontColor === undefined) delete this.m.fontColor;
    return this;
  }
  setBold(b: boolean) {
    this.m = { ...this.m, bold: !!b };
    return this;
  }
  setItalic(_b: boolean) {
    return this;
  }
  setUnderline(_b: boolean) {
    return this;
  }
  setStrikethrough(_b: boolean) {
    return this;
  }
  setRanges(ranges: RangeImpl[]) {
    if (!Array.isArray(ranges)) throw sigError(this.st, 'ConditionalFormatRuleBuilder', 'setRanges', [ranges]);
    this.m = { ...this.m, ranges: ranges.map((r) => r._a1()) };
    this._sheet = ranges[0]?.sh ?? this._sheet;
    return this;
  }
  _sheet: SheetImpl | null = null;
  getRanges() {
    return this.m.ranges.map((a) => this.st.quiet(() => (this._sheet ?? this.st.spreadsheet._active()).getRange(a)));
  }
  build() {
    return new ConditionalFormatRuleImpl(this.st, { ...this.m, ranges: [...this.m.ranges] }, this._sheet);
  }
}

export class ConditionalFormatRuleImpl {
  constructor(
    readonly st: SandboxState,
    readonly m: ConditionalFormatModel,
    readonly sheet: SheetImpl | null,
  ) {}
  getRanges() {
    return this.m.ranges.map((a) => this.st.quiet(() => (this.sheet ?? this.st.spreadsheet._active()).getRange(a)));
  }
  getBooleanCondition() {
    return new BooleanConditionImpl(this.st, this.m);
  }
  copy() {
    const b = new ConditionalFormatRuleBuilderImpl(this.st, { ...this.m, ranges: [...this.m.ranges] });
    b._sheet = this.sheet;
    return b;
  }
}

export class BooleanConditionImpl {
  constructor(
    readonly st: SandboxState,
    readonly m: ConditionalFormatModel,
  ) {}
  getCriteriaType() {
    return (
      this.m.condition ??
      (this.m.formula ? 'CUSTOM_FORMULA' : this.m.textEqualTo !== undefined ? 'TEXT_EQUAL_TO' : null)
    );
  }
  getCriteriaValues() {
    if (this.m.formula !== undefined) return [this.m.formula];
    if (this.m.textEqualTo !== undefined) return [this.m.textEqualTo];
    return [...(this.m.values ?? [])];
  }
  getBackground() {
    return this.m.background ?? null;
  }
  getFontColor() {
    return this.m.fontColor ?? null;
  }
  getBold() {
    return this.m.bold ?? null;
  }
}
instrument(ConditionalFormatRuleBuilderImpl, 'ConditionalFormatRuleBuilder');
instrument(ConditionalFormatRuleImpl, 'ConditionalFormatRule');
instrument(BooleanConditionImpl, 'BooleanCondition');

// ---------------------------------------------------------------- protection

export class ProtectionImpl {
  constructor(
    readonly st: SandboxState,
    readonly sheet: SheetImpl,
    readonly m: ProtectionModel,
  ) {}
  setDescription(d: string) {
    this.m.description = String(d ?? '');
    return this;
  }
  getDescription() {
    return this.m.description;
  }
  setWarningOnly(b: boolean) {
    this.m.warningOnly = !!b;
    return this;
  }
  isWarningOnly() {
    return this.m.warningOnly;
  }
  getProtectionType() {
    return this.m.range ? 'RANGE' : 'SHEET';
  }
  getRange() {
    return this.st.quiet(() => (this.m.range ? this.sheet.getRange(this.m.range) : this.sheet._whole()));
  }
  remove() {
    const list = this.sheet.m.protections;
    const i = list.indexOf(this.m);
    if (i >= 0) list.splice(i, 1);
  }
  setUnprotectedRanges(ranges: RangeImpl[]) {
    this.m.unprotectedRanges = (ranges ?? []).map((r) => r._a1());
    return this;
  }
  getUnprotectedRanges() {
    return (this.m.unprotectedRanges ?? []).map((a) => this.st.quiet(() => this.sheet.getRange(a)));
  }
  addEditor(_u: unknown) {
    return this;
  }
  addEditors(_u: unknown) {
    return this;
  }
  removeEditor(_u: unknown) {
    return this;
  }
  removeEditors(_u: unknown) {
    return this;
  }
  getEditors() {
    return this.st.realm.newArray(0);
  }
  canEdit() {
    return true;
  }
  setDomainEdit(_b: boolean) {
    return this;
  }
  canDomainEdit() {
    return true;
  }
}
instrument(ProtectionImpl, 'Protection');

// ---------------------------------------------------------------- charts

export class EmbeddedChartBuilderImpl {
  constructor(
    readonly st: SandboxState,
    readonly sheet: SheetImpl,
    public m: ChartModel = { type: 'COLUMN', ranges: [], anchorRow: 1, anchorColumn: 1 },
    readonly target: ChartModel | null = null,
  ) {}
  setChartType(t: string) {
    this.m.type = String(t);
    return this;
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asAreaChart() {
    return this.setChartType('AREA');
  }
  asTableChart() {
    return this.setChartType('TABLE');
  }
  addRange(r: RangeImpl) {
    this.m.ranges.push(`${quoteSheet(r.sh.m.name)}!${r._a1()}`);
    return this;
  }
  removeRange(r: RangeImpl) {
    const a = `${quoteSheet(r.sh.m.name)}!${r._a1()}`;
    this.m.ranges = this.m.ranges.filter((x) => x !== a);
    return this;
  }
  clearRanges() {
    this.m.ranges = [];
    return this;
  }
  setPosition(row: number, col: number, _ox?: number, _oy?: number) {
    this.m.anchorRow = row;
    this.m.anchorColumn = col;
    return this;
  }
  setOption(k: string, v: unknown) {
    if (k === 'title') this.m.title = String(v);
    else this.m.options = { ...(this.m.options ?? {}), [k]: v };
    return this;
  }
  setTitle(t: string) {
    this.m.title = String(t);
    return this;
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(p: unknown) {
    return this.setOption('legend.position', String(p));
  }
  setXAxisTitle(t: string) {
    return this.setOption('hAxis.title', t);
  }
  setYAxisTitle(t: string) {
    return this.setOption('vAxis.title', t);
  }
  setColors(c: string[]) {
    return this.setOption('colors', c);
  }
  setNumHeaders(n: number) {
    return this.setOption('numHeaders', n);
  }
  getChartType() {
    return this.m.type;
  }
  getRanges() {
    return this.m.ranges.map((a) => this.st.quiet(() => this.st.spreadsheet._rangeByA1(a, this.sheet)));
  }
  build() {
    return new EmbeddedChartImpl(this.st, this.sheet, structuredClone(this.m), this.target);
  }
}

export class EmbeddedChartImpl {
  constructor(
    readonly st: SandboxState,
    readonly sheet: SheetImpl,
    readonly m: ChartModel,
    /** The stored chart this object stands for (null until inserted). */
    public stored: ChartModel | null,
  ) {}
  getType() {
    return this.m.type;
  }
  getRanges() {
    return this.m.ranges.map((a) => this.st.quiet(() => this.st.spreadsheet._rangeByA1(a, this.sheet)));
  }
  getOptions() {
    const m = this.m;
    return { get: (k: string) => (k === 'title' ? (m.title ?? null) : (m.options?.[k] ?? null)) };
  }
  getChartId() {
    const i = this.sheet.m.charts.indexOf(this.stored as ChartModel);
    return i >= 0 ? i + 1 : null;
  }
  getContainerInfo() {
    const m = this.m;
    return {
      getAnchorRow: () => m.anchorRow,
      getAnchorColumn: () => m.anchorColumn,
      getOffsetX: () => 0,
      getOffsetY: () => 0,
    };
  }
  modify() {
    return new EmbeddedChartBuilderImpl(this.st, this.sheet, structuredClone(this.m), this.stored);
  }
}
instrument(EmbeddedChartBuilderImpl, 'EmbeddedChartBuilder');
instrument(EmbeddedChartImpl, 'EmbeddedChart');

// ---------------------------------------------------------------- rich text

export class RichTextValueBuilderImpl {
  text = '';
  link: string | null = null;
  constructor(readonly st: SandboxState) {}
  setText(t: string) {
    this.text = String(t);
    return this;
  }
  setLinkUrl(a: unknown, b?: unknown, c?: unknown) {
    this.link = c !== undefined ? (c === null ? null : String(c)) : a === null ? null : String(a);
    void b;
    return this;
  }
  setTextStyle(..._a: unknown[]) {
    return this;
  }
  build() {
    return new RichTextValueImpl(this.st, this.text, this.link);
  }
}

export class RichTextValueImpl {
  constructor(
    readonly st: SandboxState,
    readonly text: string,
    readonly link: string | null,
  ) {}
  getText() {
    return this.text;
  }
  getLinkUrl(..._a: unknown[]) {
    return this.link;
  }
  getRuns() {
    const a = this.st.realm.newArray(1);
    a[0] = this;
    return a;
  }
  getStartIndex() {
    return 0;
  }
  getEndIndex() {
    return this.text.length;
  }
  copy() {
    const b = new RichTextValueBuilderImpl(this.st);
    b.text = this.text;
    b.link = this.link;
    return b;
  }
}
instrument(RichTextValueBuilderImpl, 'RichTextValueBuilder');
instrument(RichTextValueImpl, 'RichTextValue');

export class TextStyleBuilderImpl {
  constructor(readonly st: SandboxState) {}
  setBold(_b: boolean) {
    return this;
  }
  setItalic(_b: boolean) {
    return this;
  }
  setUnderline(_b: boolean) {
    return this;
  }
  setForegroundColor(_c: string) {
    return this;
  }
  setFontSize(_n: number) {
    return this;
  }
  setFontFamily(_f: string) {
    return this;
  }
  build() {
    return { st: this.st };
  }
}
instrument(TextStyleBuilderImpl, 'TextStyleBuilder');

// ---------------------------------------------------------------- Range

type ClearOpts = {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
};

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

export class RangeListImpl {
  constructor(
    readonly st: SandboxState,
    readonly ranges: RangeImpl[],
  ) {}
  private _all(f: (r: RangeImpl) => void): this {
    this.st.quiet(() => {
      for (const r of this.ranges) f(r);
    });
    return this;
  }
  getRanges() {
    const a = this.st.realm.newArray(this.ranges.length);
    this.ranges.forEach((r, i) => {
      a[i] = r;
    });
    return a;
  }
  setBackground(c: string | null) {
    return this._all((r) => r.setBackground(c));
  }
  setFontWeight(w: string | null) {
    return this._all((r) => r.setFontWeight(w));
  }
  setFontColor(c: string | null) {
    return this._all((r) => r.setFontColor(c));
  }
  setNumberFormat(f: string) {
    return this._all((r) => r.setNumberFormat(f));
  }
  setValue(v: unknown) {
    return this._all((r) => r.setValue(v));
  }
  setWrap(b: boolean) {
    return this._all((r) => r.setWrap(b));
  }
  setHorizontalAlignment(a: string) {
    return this._all((r) => r.setHorizontalAlignment(a));
  }
  setNote(n: string | null) {
    return this._all((r) => r.setNote(n));
  }
  setDataValidation(v: DataValidationImpl | null) {
    return this._all((r) => r.setDataValidation(v));
  }
  clearDataValidations() {
    return this._all((r) => r.clearDataValidations());
  }
  clear(o?: ClearOpts) {
    return this._all((r) => r.clear(o));
  }
  clearContent() {
    return this._all((r) => r.clearContent());
  }
  clearFormat() {
    return this._all((r) => r.clearFormat());
  }
  setFontSize(_n: number) {
    return this;
  }
  activate() {
    return this;
  }
}
instrument(RangeListImpl, 'RangeList');

// ---------------------------------------------------------------- Sheet

export class SheetImpl {
  constructor(
    readonly st: SandboxState,
    readonly m: SheetModel,
  ) {}
  private _cache = { seq: -1, lastRow: 0, lastCol: 0 };

  _id(): number {
    return this.st.spreadsheet._sheetId(this.m);
  }
  _rectOf(a1: string): Rect {
    const ref = parseA1(a1);
    if (!ref) return { row: 1, col: 1, rows: 0, cols: 0 };
    return refToRect(ref, this.m.maxRows, this.m.maxColumns);
  }
  _merges(): string[] {
    if (!this.m.merges) this.m.merges = [];
    return this.m.merges;
  }
  _whole(): RangeImpl {
    return new RangeImpl(this.st, this, 1, 1, this.m.maxRows, this.m.maxColumns);
  }
  _clearValidations(rect: Rect): void {
    const out: DataValidationModel[] = [];
    for (const v of this.m.validations) {
      const vr = this._rectOf(v.range);
      if (!intersects(vr, rect)) {
        out.push(v);
        continue;
      }
      for (const piece of subtract(vr, rect)) out.push({ ...v, range: rectToA1(piece) });
    }
    this.m.validations = out;
  }
  _validationAt(row: number, col: number): DataValidationImpl | null {
    const vs = this.m.validations;
    const me: Rect = { row, col, rows: 1, cols: 1 };
    for (let i = vs.length - 1; i >= 0; i--)
      if (contains(this._rectOf(vs[i].range), me)) return new DataValidationImpl(this.st, dvSpecOf(vs[i]));
    return null;
  }
  private _extent(): { lastRow: number; lastCol: number } {
    const c = this._cache;
    if (c.seq === this.st.seq) return c;
    const cells = this.m.cells;
    let lastRow = 0;
    let lastCol = 0;
    for (let r = cells.length - 1; r >= 0; r--) {
      const row = cells[r];
      if (!row) continue;
      for (let k = row.length - 1; k >= 0; k--) {
        if (!isEmptyCell(row[k])) {
          if (lastRow === 0) lastRow = r + 1;
          if (k + 1 > lastCol) lastCol = k + 1;
          break;
        }
      }
    }
    c.seq = this.st.seq;
    c.lastRow = Math.min(lastRow, this.m.maxRows);
    c.lastCol = Math.min(lastCol, this.m.maxColumns);
    return c;
  }
  /** Moves every stored A1 reference of this sheet for an insert/delete of rows or columns. */
  private _shift(dim: 'row' | 'col', at: number, delta: number): void {
    const mv = (a1: string): string | null => {
      const ref = parseA1(a1);
      if (!ref) return a1;
      const out = shiftRef(ref, dim, at, delta);
      return out ? refToA1(out) : null;
    };
    const m = this.m;
    m.validations = m.validations.flatMap((v) => {
      const r = mv(v.range);
      return r ? [{ ...v, range: r }] : [];
    });
    m.conditionalFormats = m.conditionalFormats.flatMap((f) => {
      const ranges = f.ranges.map(mv).filter((x): x is string => x !== null);
      return ranges.length ? [{ ...f, ranges }] : [];
    });
    m.protections = m.protections.filter((p) => {
      if (!p.range) return true;
      const r = mv(p.range);
      if (r) p.range = r;
      return r !== null;
    });
    if (m.merges) m.merges = m.merges.map(mv).filter((x): x is string => x !== null);
    if (dim === 'row' && delta > 0 && m.frozenRows >= at) m.frozenRows += delta;
    if (dim === 'col') {
      const widths: Record<number, number> = {};
      for (const [k, w] of Object.entries(m.columnWidths)) {
        const c = Number(k);
        if (c < at) widths[c] = w;
        else if (delta > 0) widths[c + delta] = w;
        else if (c >= at - delta) widths[c + delta] = w;
      }
      m.columnWidths = widths;
    }
    this.st.seq++;
  }
  private _insertRows(before: number, n: number): this {
    if (!isInt(before) || !isInt(n) || n < 1 || before < 1 || before > this.m.maxRows + 1)
      throw this.st.err('Those rows are out of bounds.');
    const i = before - 1;
    if (i < this.m.cells.length) {
      const fresh: CellModel[][] = [];
      for (let k = 0; k < n; k++) fresh.push([]);
      this.m.cells = this.m.cells.slice(0, i).concat(fresh, this.m.cells.slice(i));
    }
    this.m.maxRows += n;
    this._shift('row', before, n);
    return this;
  }
  private _insertCols(before: number, n: number): this {
    if (!isInt(before) || !isInt(n) || n < 1 || before < 1 || before > this.m.maxColumns + 1)
      throw this.st.err('Those columns are out of bounds.');
    const i = before - 1;
    for (const row of this.m.cells) {
      if (!row || row.length <= i) continue;
      const fresh: CellModel[] = [];
      for (let k = 0; k < n; k++) fresh.push({ v: null });
      row.splice(i, 0, ...fresh);
    }
    this.m.maxColumns += n;
    this._shift('col', before, n);
    return this;
  }

  getName() {
    return this.m.name;
  }
  setName(name: string) {
    const n = String(name);
    if (this.st.wb.sheets.some((s) => s !== this.m && s.name.toLowerCase() === n.toLowerCase()))
      throw this.st.err(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.m.name = n;
    return this;
  }
  getSheetId() {
    return this._id();
  }
  getSheetName() {
    return this.m.name;
  }
  getIndex() {
    return this.st.wb.sheets.indexOf(this.m) + 1;
  }
  getParent() {
    return this.st.spreadsheet;
  }
  getType() {
    return 'GRID';
  }
  activate() {
    this.st.activeSheet = this.m;
    return this;
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown) {
    if (typeof a === 'string' && b === undefined) {
      const ref = parseA1(a);
      if (!ref) throw this.st.err('Range not found');
      const r = refToRect(ref, this.m.maxRows, this.m.maxColumns);
      if (r.row + r.rows - 1 > this.m.maxRows || r.col + r.cols - 1 > this.m.maxColumns) throw this.st.err(MSG_COORDS);
      const isOpen = ref.r1 === null || ref.r2 === null || ref.c1 === null || ref.c2 === null;
      return new RangeImpl(
        this.st,
        this,
        r.row,
        r.col,
        r.rows,
        r.cols,
        isOpen ? refToA1({ ...ref, sheet: undefined }) : undefined,
      );
    }
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (!isInt(a) || !isInt(b) || (c !== undefined && !isInt(c)) || (d !== undefined && !isInt(d)))
      throw sigError(this.st, 'Sheet', 'getRange', args);
    const row = Math.trunc(a);
    const col = Math.trunc(b);
    const rows = c === undefined ? 1 : Math.trunc(c as number);
    const cols = d === undefined ? 1 : Math.trunc(d as number);
    if (row < 1) throw this.st.err('The starting row of the range is too small.');
    if (col < 1) throw this.st.err('The starting column of the range is too small.');
    if (rows < 1) throw this.st.err('The number of rows in the range must be at least 1.');
    if (cols < 1) throw this.st.err('The number of columns in the range must be at least 1.');
    if (row + rows - 1 > this.m.maxRows || col + cols - 1 > this.m.maxColumns) throw this.st.err(MSG_COORDS);
    return new RangeImpl(this.st, this, row, col, rows, cols);
  }
  getRangeList(a1s: string[]) {
    if (!Array.isArray(a1s)) throw sigError(this.st, 'Sheet', 'getRangeList', [a1s]);
    return new RangeListImpl(
      this.st,
      this.st.quiet(() => a1s.map((a) => this.getRange(a) as RangeImpl)),
    );
  }
  getDataRange() {
    const e = this._extent();
    return new RangeImpl(this.st, this, 1, 1, Math.max(1, e.lastRow), Math.max(1, e.lastCol));
  }
  getLastRow() {
    return this._extent().lastRow;
  }
  getLastColumn() {
    return this._extent().lastCol;
  }
  getMaxRows() {
    return this.m.maxRows;
  }
  getMaxColumns() {
    return this.m.maxColumns;
  }
  insertRowsAfter(after: number, n: number) {
    return this._insertRows(after + 1, n);
  }
  insertRowAfter(after: number) {
    return this._insertRows(after + 1, 1);
  }
  insertRowsBefore(before: number, n: number) {
    return this._insertRows(before, n);
  }
  insertRowBefore(before: number) {
    return this._insertRows(before, 1);
  }
  insertRows(index: number, n = 1) {
    this._insertRows(index, n);
  }
  deleteRows(start: number, n: number) {
    if (!isInt(start) || !isInt(n) || start < 1 || n < 1 || start + n - 1 > this.m.maxRows)
      throw this.st.err('Those rows are out of bounds.');
    if (this.m.maxRows - n <= this.m.frozenRows)
      throw this.st.err('Sorry, it is not possible to delete all non-frozen rows.');
    if (start - 1 < this.m.cells.length) this.m.cells.splice(start - 1, n);
    this.m.maxRows -= n;
    if (this.m.frozenRows >= start) this.m.frozenRows = Math.max(start - 1, this.m.frozenRows - n);
    this._shift('row', start, -n);
  }
  deleteRow(r: number) {
    return this.st.quiet(() => this.deleteRows(r, 1));
  }
  insertColumnsAfter(after: number, n: number) {
    return this._insertCols(after + 1, n);
  }
  insertColumnAfter(after: number) {
    return this._insertCols(after + 1, 1);
  }
  insertColumnsBefore(before: number, n: number) {
    return this._insertCols(before, n);
  }
  insertColumnBefore(before: number) {
    return this._insertCols(before, 1);
  }
  insertColumns(index: number, n = 1) {
    this._insertCols(index, n);
  }
  deleteColumns(start: number, n: number) {
    if (!isInt(start) || !isInt(n) || start < 1 || n < 1 || start + n - 1 > this.m.maxColumns)
      throw this.st.err('Those columns are out of bounds.');
    if (n >= this.m.maxColumns) throw this.st.err('Sorry, it is not possible to delete all columns.');
    for (const row of this.m.cells) if (row && row.length >= start) row.splice(start - 1, n);
    this.m.maxColumns -= n;
    this._shift('col', start, -n);
  }
  deleteColumn(c: number) {
    return this.st.quiet(() => this.deleteColumns(c, 1));
  }
  appendRow(values: unknown[]) {
    if (!Array.isArray(values)) throw sigError(this.st, 'Sheet', 'appendRow', [values]);
    const row = this._extent().lastRow + 1;
    if (row > this.m.maxRows) this.m.maxRows = row;
    if (values.length > this.m.maxColumns) this.m.maxColumns = values.length;
    if (values.length === 0) return this;
    const ctxRow = this.st.realm.newArray(values.length);
    values.forEach((v, i) => {
      ctxRow[i] = v;
    });
    this.st.quiet(() => (this.getRange(row, 1, 1, values.length) as RangeImpl).setValues([ctxRow]));
    return this;
  }
  setFrozenRows(n: number) {
    if (!isInt(n) || n < 0 || n > this.m.maxRows) throw sigError(this.st, 'Sheet', 'setFrozenRows', [n]);
    this.m.frozenRows = n;
  }
  getFrozenRows() {
    return this.m.frozenRows;
  }
  setFrozenColumns(n: number) {
    this.m.frozenColumns = n;
  }
  getFrozenColumns() {
    return this.m.frozenColumns ?? 0;
  }
  setColumnWidth(col: number, w: number) {
    this.m.columnWidths[col] = w;
    return this;
  }
  setColumnWidths(start: number, n: number, w: number) {
    for (let c = start; c < start + n; c++) this.m.columnWidths[c] = w;
    return this;
  }
  getColumnWidth(col: number) {
    return this.m.columnWidths[col] ?? 100;
  }
  autoResizeColumn(_c: number) {
    return this;
  }
  autoResizeColumns(_c: number, _n: number) {
    return this;
  }
  setRowHeight(_r: number, _h: number) {
    return this;
  }
  setRowHeights(_r: number, _n: number, _h: number) {
    return this;
  }
  getRowHeight(_r: number) {
    return 21;
  }
  hideColumns(_c: number, _n?: number) {}
  showColumns(_c: number, _n?: number) {}
  hideRows(_r: number, _n?: number) {}
  showRows(_r: number, _n?: number) {}
  hideSheet() {
    this.m.hidden = true;
    return this;
  }
  showSheet() {
    this.m.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.m.hidden === true;
  }
  setTabColor(c: string | null) {
    const col = normColor(c);
    if (col === undefined) delete this.m.tabColor;
    else this.m.tabColor = col;
    return this;
  }
  getTabColor() {
    return this.m.tabColor ?? null;
  }
  clear(opts?: ClearOpts) {
    const o = opts ?? {};
    if (!o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly) {
      this.m.cells = [];
      this.st.seq++;
      return this;
    }
    this.st.quiet(() => this._whole().clear(o));
    return this;
  }
  clearContents() {
    this.st.quiet(() => this._whole().clearContent());
    return this;
  }
  clearFormats() {
    this.st.quiet(() => this._whole().clearFormat());
    return this;
  }
  clearNotes() {
    this.st.quiet(() => this._whole().clearNote());
    return this;
  }
  protect() {
    let m = this.m.protections.find((p) => !p.range);
    if (!m) {
      m = { description: '', warningOnly: false };
      this.m.protections.push(m);
    }
    return new ProtectionImpl(this.st, this, m);
  }
  getProtections(type: string) {
    const list = this.m.protections.filter((p) => (type === 'SHEET' ? !p.range : type === 'RANGE' ? !!p.range : false));
    if (type !== 'SHEET' && type !== 'RANGE') throw sigError(this.st, 'Sheet', 'getProtections', [type]);
    const a = this.st.realm.newArray(list.length);
    list.forEach((p, i) => {
      a[i] = new ProtectionImpl(this.st, this, p);
    });
    return a;
  }
  getConditionalFormatRules() {
    const list = this.m.conditionalFormats;
    const a = this.st.realm.newArray(list.length);
    list.forEach((f, i) => {
      a[i] = new ConditionalFormatRuleImpl(this.st, structuredClone(f), this);
    });
    return a;
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleImpl[]) {
    if (!Array.isArray(rules)) throw sigError(this.st, 'Sheet', 'setConditionalFormatRules', [rules]);
    for (const r of rules)
      if (!(r instanceof ConditionalFormatRuleImpl))
        throw sigError(this.st, 'Sheet', 'setConditionalFormatRules', [rules]);
    this.m.conditionalFormats = rules.map((r) => structuredClone(r.m));
  }
  clearConditionalFormatRules() {
    this.m.conditionalFormats = [];
  }
  newChart() {
    return new EmbeddedChartBuilderImpl(this.st, this);
  }
  insertChart(chart: EmbeddedChartImpl) {
    if (!(chart instanceof EmbeddedChartImpl)) throw sigError(this.st, 'Sheet', 'insertChart', [chart]);
    const stored = structuredClone(chart.m);
    this.m.charts.push(stored);
    chart.stored = stored;
  }
  updateChart(chart: EmbeddedChartImpl) {
    if (!(chart instanceof EmbeddedChartImpl)) throw sigError(this.st, 'Sheet', 'updateChart', [chart]);
    const i = chart.stored ? this.m.charts.indexOf(chart.stored) : -1;
    if (i < 0) throw this.st.err('The chart does not exist in this sheet.');
    const stored = structuredClone(chart.m);
    this.m.charts[i] = stored;
    chart.stored = stored;
  }
  removeChart(chart: EmbeddedChartImpl) {
    if (!(chart instanceof EmbeddedChartImpl)) throw sigError(this.st, 'Sheet', 'removeChart', [chart]);
    const i = chart.stored ? this.m.charts.indexOf(chart.stored) : -1;
    if (i >= 0) this.m.charts.splice(i, 1);
  }
  getCharts() {
    const list = this.m.charts;
    const a = this.st.realm.newArray(list.length);
    list.forEach((c, i) => {
      a[i] = new EmbeddedChartImpl(this.st, this, structuredClone(c), c);
    });
    return a;
  }
  sort(column: number, ascending = true) {
    const start = this.m.frozenRows + 1;
    const e = this._extent();
    if (e.lastRow < start) return this;
    this.st.quiet(() =>
      (this.getRange(start, 1, e.lastRow - start + 1, Math.max(1, e.lastCol)) as RangeImpl).sort({ column, ascending }),
    );
    return this;
  }
}
instrument(SheetImpl, 'Sheet');

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
    return this.st.user();
  }
  getEditors() {
    const a = this.st.realm.newArray(1);
    a[0] = this.st.user();
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
  getActive() {
    return this.st.spreadsheet;
  }
  getActiveSpreadsheet() {
    return this.st.spreadsheet;
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
  flush() {}
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
  openById(_id: string) {
    return null;
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

export type { A1Ref };
