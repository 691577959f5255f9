// In-memory SpreadsheetApp (Node only): EmbeddedChart and its builder.
// Public methods are counted by `instrument` as 'Class.method'; internal delegation goes through `st.quiet`.
import type { ChartModel } from '../model';
import { quoteSheet } from './a1';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import { instrument, type SandboxState } from './state';

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
