// In-memory SpreadsheetApp (Node only): ConditionalFormatRule, its builder and BooleanCondition.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import { types } from 'node:util';
import type { ConditionalFormatModel } from '../model';
import { normColor, sigError } from './cells';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';
import { isoOfInstant } from './tz';

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
