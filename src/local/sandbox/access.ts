// Who may write where: protections enforced for the run's account (reference/spreadsheet/protection).
// A protection that is warning-only, or whose editors were never set (the permissions then «mirror
// those of the spreadsheet itself», reference/spreadsheet/range#protect()), lets everyone through; the
// spreadsheet owner may always edit (protection#canEdit()). Anyone else's write throws, as in Sheets.
import type { ProtectionModel } from '../model';
import { contains, intersects, type Rect } from './a1';
import type { SandboxState } from './state';

export const MSG_PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

interface GuardedSheet {
  m: { protections: ProtectionModel[]; maxRows: number; maxColumns: number };
  _rectOf(a1: string): Rect;
}

/** Whether the run's account may edit what `p` protects. */
export function canEditProtection(st: SandboxState, p: ProtectionModel): boolean {
  if (p.warningOnly || !p.editors) return true;
  const me = st.effectiveUser;
  if (st.wb.owner && me === st.wb.owner) return true;
  return p.editors.includes(me);
}

/** The first protection on `sheet` that stops the run's account writing `rect`, if any. */
export function blockingProtection(st: SandboxState, sheet: GuardedSheet, rect: Rect): ProtectionModel | undefined {
  for (const p of sheet.m.protections) {
    if (canEditProtection(st, p)) continue;
    const pr = p.range ? sheet._rectOf(p.range) : { row: 1, col: 1, rows: sheet.m.maxRows, cols: sheet.m.maxColumns };
    if (!intersects(pr, rect)) continue;
    if (!p.range && (p.unprotectedRanges ?? []).some((u) => contains(sheet._rectOf(u), rect))) continue;
    return p;
  }
  return undefined;
}

/**
 * Wraps each named method of `cls` so that it first checks the rectangle `where(this, args)` against
 * the sheet's protections and throws Sheets' message when the run's account may not write there.
 */
export function guardWrites<T extends { st: SandboxState }>(
  cls: { prototype: object },
  names: readonly string[],
  where: (self: T, args: unknown[]) => { sheet: GuardedSheet; rect: Rect } | null,
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of names) {
    const orig = proto[name];
    if (typeof orig !== 'function') throw new Error(`guardWrites: no method ${name}`);
    const wrapped = function (this: T, ...args: unknown[]) {
      const w = where(this, args);
      if (w && blockingProtection(this.st, w.sheet, w.rect)) {
        // Sheets may report the refusal at the next flush instead (SandboxOptions.protectionErrorAt):
        // the write is dropped now and SpreadsheetApp.flush() (or the run's end) throws.
        if (this.st.opts.protectionErrorAt !== 'flush') throw this.st.err(MSG_PROTECTED);
        this.st.pendingFlushError ??= this.st.err(MSG_PROTECTED);
        return this;
      }
      return (orig as (...a: unknown[]) => unknown).apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { value: wrapped, configurable: true, writable: true, enumerable: false });
  }
}
