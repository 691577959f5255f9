// In-memory SpreadsheetApp (Node only): Sheet.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.
import type { CellModel, DataValidationModel, SheetModel } from '../model';
import { contains, intersects, parseA1, type Rect, rectToA1, refToA1, refToRect, shiftRef, subtract } from './a1';
import { guardWrites } from './access';
import { isEmptyCell, isInt, MSG_COORDS, normColor, sigError } from './cells';
import { EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './chart';
import { ConditionalFormatRuleImpl } from './conditional-format';
import { DataValidationImpl, dvSpecOf } from './data-validation';
import { ProtectionImpl } from './protection';
import { type ClearOpts, RangeImpl } from './range';
import { RangeListImpl } from './range-list';
import { instrument, type SandboxState } from './state';
import { TextFinderImpl } from './text-finder';

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
  /**
   * reference/spreadsheet/sheet#getRangeList(String): «the RangeList collection representing the
   * ranges in the same sheet specified by a non-empty list of A1 notations»; its getRanges()
   * (reference/spreadsheet/range-list#getRanges()) gives them back in that order. Building it reads
   * no cell: the page reads scattered rows through it (workbook/find-rows.ts › readRowsAt).
   */
  getRangeList(a1s: string[]) {
    if (!Array.isArray(a1s)) throw sigError(this.st, 'Sheet', 'getRangeList', [a1s]);
    return new RangeListImpl(
      this.st,
      this.st.quiet(() => a1s.map((a) => this.getRange(a) as RangeImpl)),
    );
  }
  /** reference/spreadsheet/sheet#createTextFinder(String): a finder over the sheet's data range. */
  createTextFinder(findText: string) {
    const e = this._extent();
    return new TextFinderImpl(
      this.st,
      this,
      { row: 1, col: 1, rows: Math.max(1, e.lastRow), cols: Math.max(1, e.lastCol) },
      findText,
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

const wholeSheet = (s: SheetImpl): Rect => ({ row: 1, col: 1, rows: s.m.maxRows, cols: s.m.maxColumns });
guardWrites<SheetImpl>(SheetImpl, ['clear', 'clearContents', 'clearFormats', 'clearNotes', 'sort'], (s) => ({
  sheet: s,
  rect: wholeSheet(s),
}));
guardWrites<SheetImpl>(SheetImpl, ['deleteRows', 'deleteRow'], (s, a) => ({
  sheet: s,
  rect: { row: Number(a[0]), col: 1, rows: a[1] === undefined ? 1 : Number(a[1]), cols: s.m.maxColumns },
}));
guardWrites<SheetImpl>(SheetImpl, ['appendRow'], (s, a) => ({
  sheet: s,
  rect: {
    row: s.st.quiet(() => s.getLastRow()) + 1,
    col: 1,
    rows: 1,
    cols: Array.isArray(a[0]) ? Math.max(1, a[0].length) : 1,
  },
}));
