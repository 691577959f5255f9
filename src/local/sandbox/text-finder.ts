// In-memory SpreadsheetApp (Node only): TextFinder, as Range.createTextFinder and
// Sheet.createTextFinder make it. Copied from developers.google.com/apps-script/reference/spreadsheet/text-finder:
// - the search looks at each cell's displayed value (a formula's result, not its text, unless
//   matchFormulaText(true)); by default case-insensitive (matchCase) and a partial match
//   (matchEntireCell); useRegularExpression(true) reads the text as a regular expression (Sheets
//   uses RE2: only its subset of JavaScript's syntax is meant — no look-around, no back-references);
// - findAll() returns Range[] — every matching cell, each a one-cell Range — and findNext() /
//   findPrevious() the next / previous one (null when there is none), getCurrentMatch() the last found;
// - startFrom(range) starts the search just after that cell.
// Order of the matches: row by row, left to right (how Sheets' own Find walks a range; the page
// does not say). Public methods are counted by `instrument` as 'TextFinder.method'. The replace
// methods are not modelled (the add-on never replaces text): they throw.
import type { CellModel } from '../model';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';
import { displayDate, displayNumber } from './values';

export class TextFinderImpl {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private diacritics = false;
  private current: { row: number; col: number } | null = null;

  constructor(
    readonly st: SandboxState,
    readonly sh: SheetImpl,
    /** The searched block, 1-based inclusive (a Sheet's finder searches its data range). */
    readonly scope: { row: number; col: number; rows: number; cols: number },
    readonly findText: string,
  ) {
    if (typeof findText !== 'string' || findText === '')
      throw st.err('Invalid argument: findText (the text to find cannot be empty).');
  }

  matchCase(b: boolean) {
    this.caseSensitive = !!b;
    return this;
  }
  matchEntireCell(b: boolean) {
    this.entireCell = !!b;
    return this;
  }
  useRegularExpression(b: boolean) {
    this.regex = !!b;
    return this;
  }
  matchFormulaText(b: boolean) {
    this.formulaText = !!b;
    return this;
  }
  ignoreDiacritics(b: boolean) {
    this.diacritics = !!b;
    return this;
  }
  startFrom(range: RangeImpl) {
    this.current = { row: range.row, col: range.col };
    return this;
  }

  private _test(): (s: string) => boolean {
    const fold = (s: string) => (this.diacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s);
    const flags = this.caseSensitive ? 'u' : 'iu';
    const body = this.regex ? this.findText : this.findText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let re: RegExp;
    try {
      re = new RegExp(this.entireCell ? `^(?:${body})$` : body, flags);
    } catch {
      throw this.st.err(`Invalid argument: ${this.findText} is not a valid regular expression.`);
    }
    return (s) => re.test(fold(s));
  }

  /** Every matching cell of the scope, row by row (blank cells never match). */
  private _matches(): { row: number; col: number }[] {
    const test = this._test();
    const { row, col, rows, cols } = this.scope;
    const out: { row: number; col: number }[] = [];
    const cells = this.sh.m.cells;
    const tz = this.st.wb.timeZone;
    for (let r = 0; r < rows; r++) {
      const line = cells[row - 1 + r];
      if (!line) continue;
      for (let c = 0; c < cols; c++) {
        const cell = line[col - 1 + c];
        const text = cell ? this._text(cell, tz) : '';
        if (text !== '' && test(text)) out.push({ row: row + r, col: col + c });
      }
    }
    return out;
  }

  /** What the search looks at: the displayed value (as getDisplayValues shows it), or the formula's text. */
  private _text(cell: CellModel, tz: string): string {
    if (this.formulaText && cell.formula) return `=${cell.formula}`;
    const v = cell.v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'object') return displayDate(v.iso, tz, cell.numberFormat);
    if (typeof v === 'number') return displayNumber(v, cell.numberFormat);
    return v ? 'ИСТИНА' : 'ЛОЖЬ';
  }

  private _range(m: { row: number; col: number }): RangeImpl {
    return this.st.quiet(() => this.sh.getRange(m.row, m.col)) as RangeImpl;
  }

  findAll() {
    const all = this._matches();
    const a = this.st.realm.newArray(all.length) as RangeImpl[];
    all.forEach((m, i) => {
      a[i] = this._range(m);
    });
    if (all.length) this.current = all[all.length - 1];
    return a;
  }
  findNext() {
    const all = this._matches();
    const at = this.current;
    const next = at ? all.find((m) => m.row > at.row || (m.row === at.row && m.col > at.col)) : all[0];
    if (!next) return null;
    this.current = next;
    return this._range(next);
  }
  findPrevious() {
    const all = this._matches();
    const at = this.current;
    const prev = at
      ? [...all].reverse().find((m) => m.row < at.row || (m.row === at.row && m.col < at.col))
      : undefined;
    if (!prev) return null;
    this.current = prev;
    return this._range(prev);
  }
  getCurrentMatch() {
    return this.current ? this._range(this.current) : null;
  }
  replaceAllWith(_text: string): number {
    throw this.st.err('TextFinder.replaceAllWith is not modelled in the sandbox.');
  }
  replaceWith(_text: string): number {
    throw this.st.err('TextFinder.replaceWith is not modelled in the sandbox.');
  }
}

instrument(TextFinderImpl, 'TextFinder');
