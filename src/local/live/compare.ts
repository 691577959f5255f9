// The live check's comparison: the spreadsheet read back from Google (Sheets API values.batchGet,
// UNFORMATTED_VALUE with SERIAL_NUMBER dates, and FORMULA) against the sandbox's workbook in the
// same shape, cell by cell, and the steps' outcomes; every difference as one Russian line.
import type { CellValue, WorkbookModel } from '../model';
import type { LiveStep, StepOutcome } from './scenario';

export type ApiCell = string | number | boolean;

/** One tab as the Sheets API returns it: rows of values (trailing blanks trimmed), and the same with formulas. */
export interface TabGrid {
  values: ApiCell[][];
  formulas: ApiCell[][];
}

/** Tabs by name, in the spreadsheet's order. */
export type Grid = Map<string, TabGrid>;

export interface Difference {
  tab: string;
  /** A1 address, or '' for a whole tab / a step. */
  cell: string;
  header: string;
  google: string;
  sandbox: string;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A naive 'YYYY-MM-DD[THH:mm:ss]' as a Sheets serial number (days since 30.12.1899, wall time). */
export function serialOfIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return Number.NaN;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return (t - SERIAL_EPOCH) / DAY_MS;
}

function apiValue(v: CellValue): ApiCell {
  if (v === null) return '';
  if (typeof v === 'object') return serialOfIso(v.iso);
  return v;
}

/** Drops trailing blank cells of each row and trailing blank rows, as values.batchGet does. */
export function trimGrid(rows: readonly (readonly ApiCell[])[]): ApiCell[][] {
  const out = rows.map((r) => {
    let n = r.length;
    while (n > 0 && (r[n - 1] === '' || r[n - 1] === null || r[n - 1] === undefined)) n--;
    return r.slice(0, n).map((c) => (c === null || c === undefined ? '' : c));
  });
  let n = out.length;
  while (n > 0 && out[n - 1].length === 0) n--;
  return out.slice(0, n);
}

/** The sandbox's workbook in the Sheets API's shape. */
export function gridOfWorkbook(wb: WorkbookModel): Grid {
  const g: Grid = new Map();
  for (const s of wb.sheets) {
    const values = s.cells.map((r) => (r ?? []).map((c) => apiValue(c?.v ?? null)));
    const formulas = s.cells.map((r) =>
      (r ?? []).map((c) => (c?.formula !== undefined ? `=${c.formula}` : apiValue(c?.v ?? null))),
    );
    g.set(s.name, { values: trimGrid(values), formulas: trimGrid(formulas) });
  }
  return g;
}

export function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Columns whose values are the moment of writing: a run on Google takes seconds, the sandbox's clock stands. */
const CLOCK_HEADERS = new Set(['время']);
const CLOCK_TOLERANCE_DAYS = 10 / 1440;

/** «… 01.12.2026 22:10 …» → «… 01.12.2026 ЧЧ:ММ …»: the minute a report was made may differ; the date may not. */
export function maskClock(s: string): string {
  return s.replace(/(\d{2}\.\d{2}\.\d{4}),? \d{1,2}:\d{2}(?::\d{2})?/g, '$1 ЧЧ:ММ');
}

function shown(v: ApiCell | undefined): string {
  if (v === undefined || v === '') return '(пусто)';
  if (typeof v === 'string') return `«${v.length > 120 ? `${v.slice(0, 117)}…` : v}»`;
  return String(v);
}

function sameValue(a: ApiCell | undefined, b: ApiCell | undefined, clock: boolean): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (typeof x === 'number' && typeof y === 'number')
    return Math.abs(x - y) <= (clock ? CLOCK_TOLERANCE_DAYS : 1e-9 * Math.max(1, Math.abs(x)));
  if (typeof x === 'string' && typeof y === 'string') return maskClock(x) === maskClock(y);
  return x === y;
}

/** Cell-by-cell differences, Google's tabs first; a formula in the sandbox is compared as a formula. */
export function compareGrids(google: Grid, sandbox: Grid): Difference[] {
  const out: Difference[] = [];
  for (const name of google.keys())
    if (!sandbox.has(name)) out.push({ tab: name, cell: '', header: '', google: 'лист есть', sandbox: 'листа нет' });
  for (const name of sandbox.keys())
    if (!google.has(name)) out.push({ tab: name, cell: '', header: '', google: 'листа нет', sandbox: 'лист есть' });
  for (const [name, g] of google) {
    const s = sandbox.get(name);
    if (!s) continue;
    const header = (g.values[0] ?? s.values[0] ?? []).map((h) => String(h));
    const rows = Math.max(g.values.length, s.values.length);
    for (let r = 0; r < rows; r++) {
      const gr = g.values[r] ?? [];
      const sr = s.values[r] ?? [];
      const cols = Math.max(gr.length, sr.length, (s.formulas[r] ?? []).length);
      for (let c = 0; c < cols; c++) {
        const sf = s.formulas[r]?.[c];
        const formula = typeof sf === 'string' && sf.startsWith('=');
        const gv = formula ? g.formulas[r]?.[c] : gr[c];
        const sv = formula ? sf : sr[c];
        const h = r > 0 ? (header[c] ?? '') : '';
        if (sameValue(gv, sv, CLOCK_HEADERS.has(h.trim().toLowerCase()))) continue;
        out.push({ tab: name, cell: `${columnLetter(c)}${r + 1}`, header: h, google: shown(gv), sandbox: shown(sv) });
      }
    }
  }
  return out;
}

/** The steps' own outcomes: summary text (minutes masked), error, the number of triggers after. */
export function compareOutcomes(
  steps: readonly LiveStep[],
  google: readonly StepOutcome[],
  sandbox: readonly StepOutcome[],
): Difference[] {
  const out: Difference[] = [];
  steps.forEach((st, i) => {
    const g = google[i];
    const s = sandbox[i];
    if (!g || !s) return;
    const tab = `шаг «${st.title}»`;
    const pairs: [string, string, string][] = [
      ['итог', g.result, s.result],
      ['ошибка', g.error, s.error],
      ['триггеров', String(g.triggers), String(s.triggers)],
    ];
    for (const [what, a, b] of pairs)
      if (maskClock(a) !== maskClock(b)) out.push({ tab, cell: '', header: what, google: shown(a), sandbox: shown(b) });
  });
  return out;
}

/** One Russian line per difference. */
export function differenceLine(d: Difference): string {
  if (!d.cell && !d.header) return `Лист «${d.tab}»: в Google — ${d.google}, в песочнице — ${d.sandbox}.`;
  if (!d.cell) return `${d.tab}, ${d.header}: Google — ${d.google}, песочница — ${d.sandbox}.`;
  const where = `«${d.tab}»!${d.cell}${d.header ? ` («${d.header}»)` : ''}`;
  return `${where}: Google — ${d.google}, песочница — ${d.sandbox}.`;
}
