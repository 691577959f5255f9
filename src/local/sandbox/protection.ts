// In-memory SpreadsheetApp (Node only): Protection of a range or a sheet.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.
import type { ProtectionModel } from '../model';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';

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
