// In-memory SpreadsheetApp (Node only): Protection of a range or a sheet.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.
import type { ProtectionModel } from '../model';
import { canEditProtection, MSG_PROTECTED } from './access';
import type { RangeImpl } from './range';
import { UserImpl } from './services';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';

function emailOf(u: unknown): string {
  return u instanceof UserImpl ? u.email : String(u);
}

// ---------------------------------------------------------------- protection

export class ProtectionImpl {
  constructor(
    readonly st: SandboxState,
    readonly sheet: SheetImpl,
    readonly m: ProtectionModel,
  ) {}
  setDescription(d: string) {
    this._mine();
    this.m.description = String(d ?? '');
    return this;
  }
  getDescription() {
    return this.m.description;
  }
  setWarningOnly(b: boolean) {
    this._mine();
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
    this._mine();
    const list = this.sheet.m.protections;
    const i = list.indexOf(this.m);
    if (i >= 0) list.splice(i, 1);
  }
  setUnprotectedRanges(ranges: RangeImpl[]) {
    this._mine();
    this.m.unprotectedRanges = (ranges ?? []).map((r) => r._a1());
    return this;
  }
  getUnprotectedRanges() {
    return (this.m.unprotectedRanges ?? []).map((a) => this.st.quiet(() => this.sheet.getRange(a)));
  }
  /** The editors as set, or (never set) the spreadsheet's: its owner and the run's account. */
  private _editors(): string[] {
    if (this.m.editors) return this.m.editors;
    return [...new Set([this.st.wb.owner, this.st.effectiveUser].filter((x): x is string => !!x))];
  }
  private _mine(): void {
    if (!canEditProtection(this.st, this.m)) throw this.st.err(MSG_PROTECTED);
  }
  addEditor(u: unknown) {
    return this.addEditors([u]);
  }
  addEditors(us: unknown) {
    this._mine();
    const add = (Array.isArray(us) ? us : [us]).map(emailOf);
    this.m.editors = [...new Set([...this._editors(), ...add])];
    return this;
  }
  removeEditor(u: unknown) {
    return this.removeEditors([u]);
  }
  removeEditors(us: unknown) {
    this._mine();
    const drop = new Set((Array.isArray(us) ? us : [us]).map(emailOf));
    // protection#removeEditors: the owner and the current user are never removed.
    const keep = new Set([this.st.wb.owner, this.st.effectiveUser]);
    this.m.editors = this._editors().filter((e) => !drop.has(e) || keep.has(e));
    return this;
  }
  getEditors() {
    const list = this._editors();
    const a = this.st.realm.newArray(list.length);
    list.forEach((e, i) => {
      a[i] = new UserImpl(this.st, e);
    });
    return a;
  }
  canEdit() {
    return canEditProtection(this.st, this.m);
  }
  setDomainEdit(_b: boolean) {
    return this;
  }
  canDomainEdit() {
    return true;
  }
}
instrument(ProtectionImpl, 'Protection');
