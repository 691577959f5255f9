// In-memory SpreadsheetApp (Node only): DataValidation and its builder.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import { types } from 'node:util';
import type { DataValidationModel } from '../model';
import { quoteSheet } from './a1';
import { sigError } from './cells';
import { RangeImpl } from './range';
import { instrument, type SandboxState } from './state';
import { isoOfInstant } from './tz';

// ---------------------------------------------------------------- data validation

export type DvSpec = Omit<DataValidationModel, 'range'>;

export function dvSpecOf(m: DataValidationModel): DvSpec {
  const { range: _r, ...spec } = m;
  return spec;
}

export function sameSpec(a: DvSpec, b: DvSpec): boolean {
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
