// Shared helpers of the reliability suites (issue 8): the built bundle, a set-up base workbook,
// tab builders over the plain WorkbookModel, snapshots of people's cells and the spec's allowed
// exceptions, and «Журнал» readers. Everything runs the real dist/Code.js in the sandbox.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellToIsoDate } from '../../src/domain/dates';
import {
  type CellModel,
  type CellValue,
  cloneModel,
  emptySheet,
  emptyWorkbook,
  type SheetModel,
  type WorkbookModel,
} from '../../src/local/model';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/local/sandbox/index';
import { instantOfIso } from '../../src/local/sandbox/tz';
import { JOURNAL_KEY_COL } from '../../src/workbook/journal';
import {
  ARCHIVE_EXTRA_COL,
  DECISION,
  LOG_COL,
  ORDER_COL,
  ORDER_SYSTEM_HEADERS,
  STATUS,
  TAB,
} from '../../src/workbook/schema';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');

/** SOAK=1 (npm run test:soak) runs every property longer. */
export const SOAK = process.env.SOAK === '1' || process.env.SOAK === 'true';
export const runs = (ci: number, soak: number): number => (SOAK ? soak : ci);

let cachedCode: string | null = null;
export function loadCode(): string {
  if (cachedCode) return cachedCode;
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  cachedCode = readFileSync(CODE_PATH, 'utf8');
  return cachedCode;
}

/** The sandbox clock at a wall time in the spreadsheet's zone. */
export function wallClock(isoDateTime: string, tz: string): Date {
  return new Date(instantOfIso(isoDateTime, tz));
}

export function sandbox(workbook: WorkbookModel, opts: Partial<SandboxOptions> & { at?: string } = {}): Sandbox {
  const { at, ...rest } = opts;
  return createSandbox({
    workbook,
    code: loadCode(),
    now: wallClock(at ?? '2026-03-02T08:20:00', workbook.timeZone),
    realElapsed: false,
    ...rest,
  });
}

const baseCache = new Map<string, WorkbookModel>();
/** A workbook after «Настроить таблицу» on an empty book (cached per zone; callers get a copy). */
export function setUpWorkbook(tz = 'Europe/Moscow'): WorkbookModel {
  let wb = baseCache.get(tz);
  if (!wb) {
    wb = emptyWorkbook('Контроль поручений', tz);
    sandbox(wb).api('setup');
    baseCache.set(tz, wb);
  }
  return cloneModel(wb);
}

export function sheet(wb: WorkbookModel, name: string): SheetModel {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`нет листа «${name}»`);
  return s;
}

export function hasSheet(wb: WorkbookModel, name: string): boolean {
  return wb.sheets.some((x) => x.name === name);
}

/** A test cell: plain value, { date } for a date cell, { f, v } for a formula with its cached value. */
export type TestCell = string | number | boolean | null | { date: string } | { f: string; v?: CellValue };

export function toCell(c: TestCell): CellModel {
  if (c === null || typeof c !== 'object') return { v: c === '' ? null : c };
  if ('date' in c) return { v: { kind: 'date', iso: c.date } };
  return { v: c.v ?? null, formula: c.f };
}

/** Replaces a tab's contents (header + rows), creating the tab when absent. Keeps its other settings. */
export function setTab(
  wb: WorkbookModel,
  name: string,
  header: readonly TestCell[],
  rows: readonly TestCell[][],
): SheetModel {
  let s = wb.sheets.find((x) => x.name === name);
  if (!s) {
    s = emptySheet(name);
    wb.sheets.push(s);
  }
  s.cells = [header.map(toCell), ...rows.map((r) => r.map(toCell))];
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  s.maxColumns = Math.max(s.maxColumns, width);
  s.maxRows = Math.max(s.maxRows, s.cells.length + 10);
  return s;
}

/** Appends rows under a tab's header, by header text. */
export function appendByHeader(wb: WorkbookModel, name: string, rows: readonly Record<string, TestCell>[]): void {
  const s = sheet(wb, name);
  const header = headerOf(s);
  for (const r of rows) {
    const unknown = Object.keys(r).filter((h) => !header.includes(h));
    if (unknown.length) throw new Error(`«${name}»: нет столбцов ${unknown.join(', ')}`);
    s.cells.push(header.map((h) => toCell(r[h] ?? null)));
  }
  s.maxRows = Math.max(s.maxRows, s.cells.length + 10);
}

export function headerOf(s: SheetModel): string[] {
  return (s.cells[0] ?? []).map((c) => String(c?.v ?? '').trim());
}

/** A stored value compared as people see it: dates at midnight equal their date, '' equals null. */
export function norm(c: CellModel | undefined): string {
  if (!c) return 'null|';
  let v: CellValue = c.v === '' || c.v === undefined ? null : c.v;
  if (v && typeof v === 'object' && v.kind === 'date')
    v = { kind: 'date', iso: v.iso.replace(/T00:00:00(\.000)?$/, '') };
  return `${JSON.stringify(v)}|${c.formula ?? ''}`;
}

export function isBlankCell(c: CellModel | undefined): boolean {
  return !c || ((c.v === null || c.v === '' || c.v === undefined) && !c.formula);
}

/** Rows of a tab keyed by the value of an id column (people's own extra column). */
export function rowsById(s: SheetModel, idHeader: string): Map<string, Map<string, CellModel | undefined>> {
  const header = headerOf(s);
  const idc = header.indexOf(idHeader);
  const out = new Map<string, Map<string, CellModel | undefined>>();
  if (idc < 0) return out;
  for (const r of s.cells.slice(1)) {
    const id = r?.[idc]?.v;
    if (typeof id !== 'string' || !id) continue;
    if (out.has(id)) throw new Error(`«${s.name}»: строка ${id} встречается дважды`);
    const m = new Map<string, CellModel | undefined>();
    header.forEach((h, i) => {
      if (h) m.set(h.toLowerCase(), r[i]);
    });
    out.set(id, m);
  }
  return out;
}

/** Ids (values of the id column) in a tab, with repeats. */
export function idsIn(s: SheetModel | undefined, idHeader: string): string[] {
  if (!s) return [];
  const idc = headerOf(s).indexOf(idHeader);
  if (idc < 0) return [];
  return s.cells
    .slice(1)
    .map((r) => r?.[idc]?.v)
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

const listKey = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
/** A cell's text matched to one of the list's values as the add-on does; null when none. */
function listValue(c: CellModel | undefined, values: readonly string[]): string | null {
  const v = c?.v;
  if (typeof v !== 'string') return null;
  return values.find((x) => listKey(x) === listKey(v)) ?? null;
}

const SYSTEM = new Set([...ORDER_SYSTEM_HEADERS, ARCHIVE_EXTRA_COL.archivedAt].map((h) => h.toLowerCase()));
const L = (h: string) => h.toLowerCase();

function isoOfCell(c: CellModel | undefined, tz: string): string | null {
  if (!c || c.v === null) return null;
  if (typeof c.v === 'object') return c.v.iso.slice(0, 10);
  return cellToIsoDate(c.v, tz);
}

/**
 * People's cells of one order row before → after (in «Поручения» or «Архив»), with the spec's
 * exceptions only: a blank «№»/«Срок» filled; a decided extension request cleared (an approved
 * one moving «Срок» to «Запрошенный срок»); «Дата исполнения» of a returned order cleared.
 * Returns the differences that are not allowed.
 */
export function forbiddenChanges(
  id: string,
  before: Map<string, CellModel | undefined>,
  after: Map<string, CellModel | undefined>,
  tz: string,
): string[] {
  const bad: string[] = [];
  const get = (m: Map<string, CellModel | undefined>, h: string) => m.get(L(h));
  // A decision typed in another case or with extra spaces is still that decision.
  const decision = listValue(get(before, ORDER_COL.decision), [DECISION.approved, DECISION.refused]);
  const decided = decision !== null;
  const requestCleared =
    decided &&
    isBlankCell(get(after, ORDER_COL.requestedDate)) &&
    isBlankCell(get(after, ORDER_COL.requestReason)) &&
    isBlankCell(get(after, ORDER_COL.decision));
  const requestHeaders = new Set([ORDER_COL.requestedDate, ORDER_COL.requestReason, ORDER_COL.decision].map(L));
  for (const [h, b] of before) {
    if (SYSTEM.has(h) || !h) continue;
    const a = after.get(h);
    if (!after.has(h)) {
      if (!isBlankCell(b)) bad.push(`${id}: столбец «${h}» потерян (было ${norm(b)})`);
      continue;
    }
    if (norm(a) === norm(b)) continue;
    // A formula the add-on wrote back (a row moved to «Архив») is kept as a formula; the sandbox does
    // not evaluate formulas, so only its text can be compared.
    if (a?.formula !== undefined && a.formula === b?.formula && a.v === null) continue;
    if ((h === L(ORDER_COL.number) || h === L(ORDER_COL.deadline)) && isBlankCell(b)) continue;
    if (requestHeaders.has(h) && requestCleared) continue;
    if (h === L(ORDER_COL.deadline) && requestCleared && decision === DECISION.approved) {
      const want = isoOfCell(get(before, ORDER_COL.requestedDate), tz);
      if (want && isoOfCell(a, tz) === want) continue;
    }
    if (
      h === L(ORDER_COL.doneDate) &&
      isBlankCell(a) &&
      listValue(get(before, ORDER_COL.status), [STATUS.rework]) === STATUS.rework
    )
      continue;
    bad.push(`${id}: «${h}» было ${norm(b)}, стало ${norm(a)}`);
  }
  return bad;
}

/** Positional snapshot of a tab's cells (rows × cols as read), for tabs whose rows never move. */
export function grid(s: SheetModel): string[][] {
  return s.cells.map((r) => (r ?? []).map((c) => norm(c)));
}

/** Cells of `before` that differ in `after` (after may be larger: added rows/columns are fine). */
export function changedCells(name: string, before: string[][], after: string[][]): string[] {
  const out: string[] = [];
  before.forEach((row, r) => {
    row.forEach((v, c) => {
      const a = after[r]?.[c] ?? norm(undefined);
      if (a !== v && !(v === norm(undefined) && a === norm(undefined)))
        out.push(`${name}!R${r + 1}C${c + 1}: ${v} → ${a}`);
    });
  });
  return out;
}

export interface JournalRow {
  action: string;
  order: string;
  recipients: string;
  result: string;
  keys: string[];
}

export function journalRows(wb: WorkbookModel): JournalRow[] {
  if (!hasSheet(wb, TAB.log)) return [];
  const s = sheet(wb, TAB.log);
  const h = headerOf(s);
  const at = (r: CellModel[], name: string) => {
    const i = h.indexOf(name);
    return i < 0 ? '' : String(r[i]?.v ?? '');
  };
  return s.cells
    .slice(1)
    .filter((r) => r?.some((c) => !isBlankCell(c)))
    .map((r) => ({
      action: at(r, LOG_COL.action),
      order: at(r, LOG_COL.order),
      recipients: at(r, LOG_COL.recipients),
      result: at(r, LOG_COL.result),
      keys: at(r, JOURNAL_KEY_COL).split('\n').filter(Boolean),
    }));
}

/** Keys recorded with each sent message, in «Журнал» order. */
export function sentKeys(wb: WorkbookModel): string[][] {
  return journalRows(wb)
    .filter((r) => r.keys.length > 0)
    .map((r) => r.keys);
}

/** Every cell's text of a tab (values as strings, formulas prefixed with '='). */
export function tabTexts(wb: WorkbookModel, name: string): { v: string; formula?: string; at: string }[] {
  if (!hasSheet(wb, name)) return [];
  const out: { v: string; formula?: string; at: string }[] = [];
  sheet(wb, name).cells.forEach((row, r) => {
    (row ?? []).forEach((c, i) => {
      if (!c) return;
      const v = c.v === null || c.v === undefined ? '' : typeof c.v === 'object' ? c.v.iso : String(c.v);
      if (v || c.formula) out.push({ v, formula: c.formula, at: `${name}!R${r + 1}C${i + 1}` });
    });
  });
  return out;
}

/** Runs an api action and returns the thrown error's message (or null), never throwing itself. */
export function tryApi(sb: Sandbox, action: string, params: Record<string, unknown> = {}): string | null {
  try {
    sb.api(action, params);
    return null;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  }
}

/**
 * «Проверка данных» as people read it: every row's cells as text, the check's time of day left out
 * («Проверено 02.03.2026 05:00» → «Проверено 02.03.2026»: a re-run writes it later the same day).
 */
export function problemsShown(wb: WorkbookModel): string[][] {
  if (!hasSheet(wb, TAB.problems)) return [];
  const out = sheet(wb, TAB.problems).cells.map((r) =>
    (r ?? []).map((c) => {
      const v = c?.v;
      const s = v === null || v === undefined ? '' : typeof v === 'object' ? v.iso : String(v);
      return s.replace(/(\d\d\.\d\d\.\d{4}) \d\d:\d\d/g, '$1');
    }),
  );
  for (const r of out) while (r.length && r[r.length - 1] === '') r.pop();
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The controller's daily list of problems as mailed: its content keys («problems:<n>-<hash>») in «Журнал». */
export function mailedProblemLists(wb: WorkbookModel): string[] {
  return [
    ...new Set(
      sentKeys(wb)
        .flat()
        .filter((k) => k.startsWith('problems:')),
    ),
  ].sort();
}
