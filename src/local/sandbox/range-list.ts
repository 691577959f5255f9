// In-memory SpreadsheetApp (Node only): RangeList.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.

import type { DataValidationImpl } from './data-validation';
import type { ClearOpts, RangeImpl } from './range';
import { instrument, type SandboxState } from './state';

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
