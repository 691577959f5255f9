// The xlsx bridge: loads a WorkbookModel from an .xlsx file and saves it back (exceljs).
// What an .xlsx cannot hold — charts, protections (description, warning-only), script/document
// properties, installed triggers, the sheets' grid size — goes into a side file
// `<name>.kontrol.json` beside the workbook, written and read together with it.
// Node only: never bundled into Code.js.
import { existsSync, statSync } from 'node:fs';
import { chmod, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnLetter, columnNumber } from '../workbook/a1';
import type {
  CellModel,
  CellValue,
  ChartModel,
  ConditionalFormatModel,
  DataValidationModel,
  ProtectionModel,
  SheetModel,
  WorkbookModel,
} from './model';
import { emptySheet } from './model';
import { addCharts } from './xlsx-charts';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
const SETTINGS_TAB = 'Настройки';
const DATE_FORMAT = 'dd.mm.yyyy';
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm:ss';
/** Pixels per Excel width unit (the width of '0' in the default 11 pt font). */
const PX_PER_CHAR = 7;

/** A problem with the workbook file, worded for a person (one line, Russian). */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
}

/** Side file beside the workbook: `demo.xlsx` → `demo.kontrol.json`. */
export function sideFilePath(xlsxPath: string): string {
  const ext = extname(xlsxPath);
  return join(dirname(xlsxPath), `${basename(xlsxPath, ext)}.kontrol.json`);
}

interface SideFile {
  kontrol: 1;
  name: string;
  locale: string;
  properties: WorkbookModel['properties'];
  triggers: WorkbookModel['triggers'];
  id?: string;
  owner?: string;
  sheets: Record<string, SideSheet>;
}

/**
 * Per sheet: what xlsx cannot hold, plus the validations and conditional formats in full, which
 * restore the details xlsx drops (criteria, open-ended ranges, order) for the rules still present.
 */
interface SideSheet {
  maxRows: number;
  maxColumns: number;
  /** The widths the sheet set (xlsx stores every used column's, Sheets' 100 px for the rest). */
  columnWidths?: Record<number, number>;
  protections: ProtectionModel[];
  charts: ChartModel[];
  sheetId?: number;
  validations?: DataValidationModel[];
  conditionalFormats?: ConditionalFormatModel[];
  merges?: string[];
}

// ---------------------------------------------------------------- A1 helpers

export { columnLetter };

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** 'A2:C', 'B:B', 'A1', '2:5' → a bounded rectangle (1-based) within a maxRows × maxCols grid. */
function parseA1(a1: string, maxRows: number, maxCols: number): Rect | null {
  const s = a1.replace(/\$/g, '').trim();
  const part = /^([A-Za-z]*)(\d*)$/;
  const [a, b = a] = s.split(':');
  const m1 = part.exec(a);
  const m2 = part.exec(b);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return null;
  const c1 = m1[1] ? columnNumber(m1[1]) : 1;
  const r1 = m1[2] ? Number(m1[2]) : 1;
  const c2 = m2[1] ? columnNumber(m2[1]) : Math.max(maxCols, c1);
  const r2 = m2[2] ? Number(m2[2]) : Math.max(maxRows, r1);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

function rectA1(r: Rect): string {
  const tl = `${columnLetter(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${columnLetter(r.c2)}${r.r2}`;
}

/** A range in another tab ('Исполнители!A2:A') as an absolute xlsx reference. */
/** 'Лист'!A1:B2 → the tab name (quotes undone; '' when there is none) and the range. */
function splitSheetRef(ref: string): { sheetName: string; range: string; hasSheet: boolean } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheetName: '', range: ref, hasSheet: false };
  const sheetName = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return { sheetName, range: ref.slice(bang + 1), hasSheet: true };
}

function sheetRangeToXlsx(ref: string, model: WorkbookModel): string {
  const { sheetName, range, hasSheet } = splitSheetRef(ref);
  const target = model.sheets.find((s) => s.name === sheetName);
  const rect = parseA1(range, target?.maxRows ?? 1000, target?.maxColumns ?? 26);
  if (!rect) return ref;
  const abs = `$${columnLetter(rect.c1)}$${rect.r1}:$${columnLetter(rect.c2)}$${rect.r2}`;
  return hasSheet ? `'${toXlsxSheetName(sheetName).replace(/'/g, "''")}'!${abs}` : abs;
}

function sheetRangeFromXlsx(ref: string): string {
  const { sheetName, range, hasSheet } = splitSheetRef(ref);
  const plain = range.replace(/\$/g, '');
  return hasSheet ? `${fromXlsxSheetName(sheetName)}!${plain}` : plain;
}

// ---------------------------------------------------------------- colours

function toArgb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  return `FF${hex.toUpperCase()}`;
}

function fromArgb(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = c?.argb;
  if (typeof argb !== 'string') return undefined;
  const hex = argb.length === 8 ? argb.slice(2) : argb;
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toLowerCase()}` : undefined;
}

// ---------------------------------------------------------------- dates

/** exceljs gives an xlsx date as a Date whose UTC components are the zone-less date-time. */
function dateToCell(d: Date): CellValue {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const r = new Date(Math.round(t / 1000) * 1000).toISOString(); // serials carry float noise
  const date = r.slice(0, 10);
  const time = r.slice(11, 19);
  return { kind: 'date', iso: time === '00:00:00' ? date : `${date}T${time}` };
}

function cellToDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return new Date(Number.NaN);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

function isDateValue(v: CellValue): v is { kind: 'date'; iso: string } {
  return typeof v === 'object' && v !== null && v.kind === 'date';
}

// ---------------------------------------------------------------- load

function plainText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in (v as object)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  }
  return String(v);
}

function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return dateToCell(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('richText' in o) return plainText(o);
  }
  return String(v);
}

function readCell(cell: ExcelJS.Cell): CellModel | null {
  // A merged cell other than the top-left one shows the master's value: it holds none itself.
  const raw = cell.type === ExcelJS.ValueType.Merge ? null : (cell.value as unknown);
  const out: CellModel = { v: null };
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = cell.formula ?? (o.formula as string | undefined);
      if (f) out.formula = String(f).replace(/^=/, '');
      out.v = scalar(o.result);
    } else if ('hyperlink' in o) {
      out.v = plainText(o.text);
      out.link = String(o.hyperlink);
    } else {
      out.v = scalar(raw);
    }
  } else {
    out.v = scalar(raw);
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = fromArgb(fill.fgColor) ?? fromArgb(fill.bgColor);
    if (bg) out.background = bg;
  }
  if (cell.font?.bold) out.fontWeight = 'bold';
  const fc = fromArgb(cell.font?.color);
  if (fc) out.fontColor = fc;
  if (cell.numFmt) out.numberFormat = cell.numFmt;
  // Top-aligned wrapping is the bridge's own, for print (wrapsInPrint): not the sheet's format.
  if (cell.alignment?.wrapText && cell.alignment.vertical !== 'top') out.wrap = true;
  const h = cell.alignment?.horizontal as string | undefined;
  if (h && h !== 'general') out.horizontalAlignment = h;
  const note = cell.note as unknown;
  if (note) {
    out.note =
      typeof note === 'string'
        ? note
        : ((note as ExcelJS.Comment).texts ?? []).map((t) => (typeof t === 'string' ? t : t.text)).join('');
  }
  const empty = out.v === null && Object.keys(out).length === 1;
  return empty ? null : out;
}

/** Splits a set of cells (row,col keys) into rectangles, top-left first. */
function rectangles(cells: Set<string>): Rect[] {
  const pts = [...cells].map((k) => k.split(',').map(Number) as [number, number]);
  pts.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const left = new Set(cells);
  const out: Rect[] = [];
  for (const [r, c] of pts) {
    if (!left.has(`${r},${c}`)) continue;
    let r2 = r;
    while (left.has(`${r2 + 1},${c}`)) r2++;
    let c2 = c;
    const colFull = (cc: number) => {
      for (let rr = r; rr <= r2; rr++) if (!left.has(`${rr},${cc}`)) return false;
      return true;
    };
    while (colFull(c2 + 1)) c2++;
    for (let rr = r; rr <= r2; rr++) for (let cc = c; cc <= c2; cc++) left.delete(`${rr},${cc}`);
    out.push({ r1: r, c1: c, r2, c2 });
  }
  return out;
}

/**
 * exceljs expands every range of a <dataValidation sqref> into single cells as it parses (a column
 * of 1 000 rows is 1 000 map entries, ~80 000 for a new workbook): most of the time of every
 * `kontrol` call went into that, into regrouping the cells below, and into their garbage. Its
 * parser here keeps each range whole instead; the order of the elements is kept for the rare file
 * whose ranges overlap, where a later element wins the shared cells, as exceljs had it.
 */
const validationOrder = new WeakMap<object, number>();
let validationsSeen = 0;
{
  const DataValidationsXform = createRequire(import.meta.url)(
    'exceljs/lib/xlsx/xform/sheet/data-validations-xform.js',
  ) as { prototype: { parseClose(this: DvXform, name: string): boolean } };
  const parseClose = DataValidationsXform.prototype.parseClose;
  DataValidationsXform.prototype.parseClose = function (this: DvXform, name: string): boolean {
    if (name !== 'dataValidation') return parseClose.call(this, name);
    const dv = this._dataValidation;
    if (!dv.formulae?.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    validationOrder.set(dv, validationsSeen++);
    for (const addr of this._address.split(/\s+/g)) this.model[addr] = dv;
    return true;
  };
}
interface DvXform {
  _dataValidation: { formulae?: unknown[]; operator?: unknown };
  _address: string;
  model: Record<string, unknown>;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

function readValidations(ws: ExcelJS.Worksheet): DataValidationModel[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  const parts: { rect: Rect; dv: ExcelJS.DataValidation }[] = [];
  const groups = new Map<ExcelJS.DataValidation, Rect[]>();
  for (const [addr, dv] of Object.entries(model)) {
    let rects = groups.get(dv);
    if (!rects) {
      rects = [];
      groups.set(dv, rects);
    }
    const rect = parseA1(addr, 1, 1);
    if (rect && /\d$/.test(addr)) {
      rects.push(rect);
      parts.push({ rect, dv });
    }
  }
  // Shared cells belong to the element that came last: only then are the ranges split into cells.
  let shared = false;
  for (let i = 0; i < parts.length && !shared; i++)
    for (let j = i + 1; j < parts.length && !shared; j++)
      shared = parts[i].dv !== parts[j].dv && overlaps(parts[i].rect, parts[j].rect);
  const owner = new Map<string, ExcelJS.DataValidation>();
  if (shared) {
    const ordered = [...parts].sort((a, b) => (validationOrder.get(a.dv) ?? 0) - (validationOrder.get(b.dv) ?? 0));
    for (const { rect, dv } of ordered)
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) owner.set(`${r},${c}`, dv);
  }
  const out: DataValidationModel[] = [];
  for (const [dv, rects] of groups) {
    const rule = validationFromXlsx(dv);
    if (!rule) continue;
    let merged: Rect[];
    if (!shared && rects.length === 1) merged = rects;
    else {
      const set = new Set<string>();
      for (const rect of rects)
        for (let r = rect.r1; r <= rect.r2; r++)
          for (let c = rect.c1; c <= rect.c2; c++) if (!shared || owner.get(`${r},${c}`) === dv) set.add(`${r},${c}`);
      merged = rectangles(set);
    }
    for (const rect of merged) out.push({ range: rectA1(rect), ...rule });
  }
  return out;
}

function validationFromXlsx(dv: ExcelJS.DataValidation): Omit<DataValidationModel, 'range'> | null {
  if (!dv || (dv.type as string) === 'any') return null;
  const allowInvalid = !dv.showErrorMessage || (dv.errorStyle !== undefined && dv.errorStyle !== 'stop');
  const rule: Omit<DataValidationModel, 'range'> = { kind: 'other', allowInvalid };
  if (dv.prompt) rule.helpText = dv.prompt;
  const f = dv.formulae?.[0];
  if (dv.type === 'list') {
    rule.kind = 'list';
    const s = String(f ?? '');
    if (/^".*"$/s.test(s)) {
      rule.values = s
        .slice(1, -1)
        .replace(/""/g, '"')
        .split(',')
        .map((x) => x.trim());
    } else {
      rule.sourceRange = sheetRangeFromXlsx(s.replace(/^=/, ''));
    }
  } else if (dv.type === 'date') {
    rule.kind = 'date';
  } else if (dv.type === 'decimal' || dv.type === 'whole') {
    rule.kind = 'number';
  } else if (dv.type === 'custom' && f !== undefined) {
    rule.formula = `=${String(f).replace(/^=/, '')}`;
  }
  return rule;
}

function readConditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormatModel[] {
  const out: ConditionalFormatModel[] = [];
  const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of cfs ?? []) {
    const ranges = String(cf.ref).split(/\s+/).filter(Boolean);
    for (const rule of cf.rules) {
      const r = rule as ExcelJS.ConditionalFormattingRule & { formulae?: unknown[]; operator?: string };
      const m: ConditionalFormatModel = { ranges: [...ranges] };
      const f = r.formulae?.[0];
      if (r.type === 'expression' && f !== undefined) m.formula = `=${String(f).replace(/^=/, '')}`;
      else if (r.type === 'cellIs' && r.operator === 'equal' && /^".*"$/s.test(String(f)))
        m.textEqualTo = String(f).slice(1, -1).replace(/""/g, '"');
      else continue;
      const fill = r.style?.fill as ExcelJS.FillPattern | undefined;
      const bg = fill?.type === 'pattern' ? (fromArgb(fill.bgColor) ?? fromArgb(fill.fgColor)) : undefined;
      if (bg) m.background = bg;
      const fc = fromArgb(r.style?.font?.color);
      if (fc) m.fontColor = fc;
      out.push(m);
    }
  }
  return out;
}

// Excel forbids : \ / ? * [ ] in tab names, and «Отчёт: исполнение» has a colon. In the file each
// is stored as a look-alike character and turned back on load, so the add-on sees the real name.
const XLSX_NAME_SWAPS: readonly [string, string][] = [
  [':', '\u2236'],
  ['\\', '\u29f5'],
  ['/', '\u2215'],
  ['?', '\uff1f'],
  ['*', '\u2217'],
  ['[', '\uff3b'],
  [']', '\uff3d'],
];
export function toXlsxSheetName(name: string): string {
  let out = name;
  for (const [a, b] of XLSX_NAME_SWAPS) out = out.split(a).join(b);
  return out;
}
export function fromXlsxSheetName(name: string): string {
  let out = name;
  for (const [a, b] of XLSX_NAME_SWAPS) out = out.split(b).join(a);
  return out;
}

function readSheet(ws: ExcelJS.Worksheet): SheetModel {
  const sheet = emptySheet(fromXlsxSheetName(ws.name));
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellModel[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const c = readCell(cell);
      if (c) cells[col - 1] = c;
    });
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = { v: null };
    sheet.cells[rowNumber - 1] = cells;
  });
  for (let i = 0; i < sheet.cells.length; i++) if (!sheet.cells[i]) sheet.cells[i] = [];
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  sheet.maxRows = Math.max(sheet.maxRows, sheet.cells.length, ws.rowCount);
  sheet.maxColumns = Math.max(sheet.maxColumns, width, ws.columnCount);
  const view = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  if (view?.ySplit) sheet.frozenRows = view.ySplit;
  if (view?.xSplit) sheet.frozenColumns = view.xSplit;
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {});
  if (merges.length) sheet.merges = merges.map((m) => m.range);
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.width) sheet.columnWidths[i + 1] = Math.round(col.width * PX_PER_CHAR);
  });
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
  const tab = fromArgb(ws.properties?.tabColor);
  if (tab) sheet.tabColor = tab;
  sheet.validations = readValidations(ws);
  sheet.conditionalFormats = readConditionalFormats(ws);
  return sheet;
}

/** The «Настройки» row «Часовой пояс» (columns found by header), when it names a real zone. */
export function zoneFromSettings(model: WorkbookModel): string | null {
  const s = model.sheets.find((x) => x.name.trim().toLowerCase() === SETTINGS_TAB.toLowerCase());
  if (!s?.cells[0]) return null;
  const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  const header = s.cells[0].map((c) => norm(c?.v ?? null));
  const pi = header.indexOf('параметр');
  const vi = header.indexOf('значение');
  if (pi < 0 || vi < 0) return null;
  for (const row of s.cells.slice(1)) {
    if (norm(row?.[pi]?.v ?? null) !== 'часовой пояс') continue;
    const zone = row[vi]?.v;
    if (typeof zone !== 'string' || !zone.trim()) return null;
    return isTimeZone(zone.trim()) ? zone.trim() : null;
  }
  return null;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function lockFileOf(path: string): string | null {
  const dir = dirname(path);
  const base = basename(path);
  for (const f of [`~$${base}`, `.~lock.${base}#`]) if (existsSync(join(dir, f))) return f;
  return null;
}

function fileError(path: string, e: unknown, doing: 'открыть' | 'сохранить'): WorkbookFileError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new WorkbookFileError(`Файл не найден: ${path}`);
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')
    return new WorkbookFileError(`Не удалось ${doing} ${path}: файл занят другой программой или нет прав (${code})`);
  const msg = String((e as Error)?.message ?? e).split('\n')[0];
  return new WorkbookFileError(`Не удалось ${doing} ${path}: файл повреждён или это не книга .xlsx (${msg})`);
}

function normRange(a1: string, s: SheetModel): string {
  const r = parseA1(a1, s.maxRows, s.maxColumns);
  return r ? rectA1(r) : a1;
}

function validationKey(dv: DataValidationModel, model: WorkbookModel, s: SheetModel): string {
  const list = dv.kind === 'list' ? (dv.sourceRange ? sheetRangeToXlsx(dv.sourceRange, model) : dv.values) : null;
  return JSON.stringify([normRange(dv.range, s), dv.kind, list ?? null, dv.allowInvalid, dv.helpText ?? null]);
}

function conditionalKey(cf: ConditionalFormatModel, s: SheetModel): string {
  return JSON.stringify([
    cf.ranges.map((r) => normRange(r, s)),
    cf.formula ?? null,
    cf.textEqualTo ?? null,
    cf.background ?? null,
    cf.fontColor ?? null,
  ]);
}

/**
 * The side file's rules, in their order, for each rule the xlsx still has (same key) and for each
 * rule xlsx cannot hold at all; then the xlsx's own rules that the side file does not know.
 */
function restore<T>(fromXlsx: T[], fromSide: T[] | undefined, key: (x: T) => string, sideOnly: (x: T) => boolean): T[] {
  if (!fromSide?.length) return fromXlsx;
  const left = new Map<string, number>();
  for (const x of fromXlsx) left.set(key(x), (left.get(key(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of fromSide) {
    const k = key(x);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      out.push(x);
    } else if (sideOnly(x)) out.push(x);
  }
  for (const x of fromXlsx) {
    const k = key(x);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      out.push(x);
    }
  }
  return out;
}

export async function loadXlsx(path: string): Promise<WorkbookModel> {
  if (!existsSync(path)) throw new WorkbookFileError(`Файл не найден: ${path}`);
  const lock = lockFileOf(path);
  if (lock)
    throw new WorkbookFileError(
      `Книга ${path} открыта в другой программе (есть ${lock}): закройте её; если программа закрыта, удалите ${lock}`,
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw fileError(path, e, 'открыть');
  }
  let side: Partial<SideFile> = {};
  const sidePath = sideFilePath(path);
  if (existsSync(sidePath)) {
    try {
      side = JSON.parse(await readFile(sidePath, 'utf8')) as SideFile;
    } catch (e) {
      throw new WorkbookFileError(`Файл ${sidePath} повреждён: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const model: WorkbookModel = {
    name: side.name ?? basename(path, extname(path)),
    timeZone: DEFAULT_TIME_ZONE,
    locale: side.locale ?? 'ru_RU',
    sheets: wb.worksheets.map(readSheet),
    properties: {
      script: { ...side.properties?.script },
      document: { ...side.properties?.document },
      user: { ...side.properties?.user },
    },
    triggers: side.triggers ?? [],
  };
  if (side.id !== undefined) model.id = side.id;
  if (side.owner !== undefined) model.owner = side.owner;
  for (const sheet of model.sheets) {
    const extra = side.sheets?.[sheet.name];
    if (!extra) continue;
    sheet.maxRows = Math.max(extra.maxRows ?? 0, sheet.cells.length);
    sheet.maxColumns = Math.max(extra.maxColumns ?? 0, ...sheet.cells.map((r) => r.length));
    sheet.protections = extra.protections ?? [];
    sheet.charts = extra.charts ?? [];
    if (extra.sheetId !== undefined) sheet.sheetId = extra.sheetId;
    // Sheets' 100 px the save gave an unsized column comes back unsized (a person's resize stays).
    if (extra.columnWidths)
      for (const [c, px] of Object.entries(sheet.columnWidths))
        if (!(c in extra.columnWidths) && px === SHEETS_COLUMN_PX) delete sheet.columnWidths[Number(c)];
    const keyOf = (dv: DataValidationModel) => validationKey(dv, model, sheet);
    sheet.validations = restore(sheet.validations, extra.validations, keyOf, () => false);
    const cfKey = (cf: ConditionalFormatModel) => conditionalKey(cf, sheet);
    sheet.conditionalFormats = restore(
      sheet.conditionalFormats,
      extra.conditionalFormats,
      cfKey,
      (cf) => cf.formula === undefined && cf.textEqualTo === undefined,
    );
    if (extra.merges && sheet.merges) {
      const norm = (a: string[]) =>
        a
          .map((x) => normRange(x, sheet))
          .sort()
          .join(' ');
      if (norm(extra.merges) === norm(sheet.merges)) sheet.merges = extra.merges;
    }
  }
  model.timeZone = zoneFromSettings(model) ?? DEFAULT_TIME_ZONE;
  return model;
}

// ---------------------------------------------------------------- save

const XLSX_HORIZONTAL = new Set(['left', 'center', 'right', 'fill', 'justify', 'centerContinuous', 'distributed']);

function writeCell(cell: ExcelJS.Cell, c: CellModel): void {
  const v = c.v;
  const value: ExcelJS.CellValue = isDateValue(v) ? cellToDate(v.iso) : (v as ExcelJS.CellValue);
  if (c.formula) {
    cell.value = { formula: c.formula.replace(/^=/, ''), result: value ?? undefined } as ExcelJS.CellFormulaValue;
  } else if (c.link) {
    cell.value = { text: v === null ? c.link : isDateValue(v) ? v.iso : String(v), hyperlink: c.link };
  } else {
    cell.value = value;
  }
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  else if (isDateValue(v)) cell.numFmt = v.iso.length > 10 ? DATE_TIME_FORMAT : DATE_FORMAT;
  if (c.background) {
    const argb = toArgb(c.background);
    if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (c.fontWeight === 'bold') font.bold = true;
  const fc = toArgb(c.fontColor);
  if (fc) font.color = { argb: fc };
  if (Object.keys(font).length) cell.font = font;
  const horizontal = XLSX_HORIZONTAL.has(c.horizontalAlignment ?? '') ? c.horizontalAlignment : undefined;
  if (c.wrap || horizontal)
    cell.alignment = {
      ...(c.wrap ? { wrapText: true } : {}),
      ...(horizontal ? { horizontal: horizontal as ExcelJS.Alignment['horizontal'] } : {}),
    };
  if (c.note) cell.note = c.note;
}

function validationToXlsx(dv: DataValidationModel, model: WorkbookModel): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: dv.allowInvalid ? 'warning' : 'stop',
    ...(dv.helpText ? { showInputMessage: true, prompt: dv.helpText } : {}),
  } as const;
  switch (dv.kind) {
    case 'list': {
      if (dv.sourceRange) return { ...base, type: 'list', formulae: [sheetRangeToXlsx(dv.sourceRange, model)] };
      const list = (dv.values ?? []).map((x) => x.replace(/"/g, '""')).join(',');
      return { ...base, type: 'list', formulae: [`"${list}"`] };
    }
    case 'date':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'number':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-1e15] };
    default:
      return { ...base, type: 'custom', formulae: [(dv.formula ?? '=TRUE').replace(/^=/, '')] };
  }
}

/** Points per line of 10 pt text, and the average width of a character in pixels (Cyrillic, Arial 10). */
const LINE_PT = 13;
const CHAR_PX = 6.6;

function lineChars(s: SheetModel, col: number): number {
  // Words break early: a line holds about nine tenths of what its width would by characters.
  return Math.max(4, Math.floor((0.9 * ((s.columnWidths[col] ?? SHEETS_COLUMN_PX) - 8)) / CHAR_PX));
}

/**
 * Whether a cell is written wrapped. Its own wrap (Range.setWrap) first; and on the bridge's own
 * account, long text in a column sized for it (≥ 150 px) that would be cut off by the next cell or
 * run off the page as the last column: a viewer shows it as Sheets users read it in the cell
 * editor, in full, instead of over its neighbours («История»). Rows above the table header (titles)
 * keep running across.
 */
function wrapsInPrint(
  row: CellModel[],
  i: number,
  s: SheetModel,
  r: number,
  firstDataRow: number,
  width: number,
): boolean {
  const c = row[i];
  if (c?.wrap) return true;
  if (r + 1 < firstDataRow || typeof c?.v !== 'string') return false;
  if ((s.columnWidths[i + 1] ?? SHEETS_COLUMN_PX) < 150) return false;
  if (!c.v.includes('\n') && c.v.length <= lineChars(s, i + 1)) return false;
  const next = row[i + 1];
  // The sheet's last used column runs off the page; elsewhere only text the next cell would cut.
  return i === width - 1 || (next !== undefined && next.v !== null && next.v !== '');
}

/**
 * How many lines the row's wrapped text takes in its columns: Sheets grows a row to fit wrapped
 * text, but an .xlsx viewer keeps the stored height, so the bridge stores what Sheets would show.
 */
function wrappedLines(row: CellModel[], wrapped: boolean[], s: SheetModel): number {
  let most = 1;
  row.forEach((c, i) => {
    if (!wrapped[i] || c.v === null || c.v === '' || typeof c.v === 'object') return;
    const perLine = lineChars(s, i + 1);
    const bold = c.fontWeight === 'bold' ? 1.1 : 1;
    let n = 0;
    for (const part of String(c.v).split('\n')) n += Math.max(1, Math.ceil((part.length * bold) / perLine));
    most = Math.max(most, n);
  });
  return most;
}

/** Sheets' width of a column nobody sized (Sheet.getColumnWidth of a new sheet). */
const SHEETS_COLUMN_PX = 100;

/** The row of a generated tab's first table header: bold with a background, below the title. */
function headerRowOf(s: SheetModel): number {
  for (let r = 1; r < Math.min(s.cells.length, 12); r++) {
    const first = s.cells[r]?.[0];
    if (first?.fontWeight === 'bold' && first.background) return r + 1;
  }
  return 0;
}

/**
 * Print settings, which Apps Script cannot set (Sheets asks them at print time): landscape A4,
 * one page wide, the header rows on every page, margins, the tab's name on top and page numbers.
 */
function printSetup(ws: ExcelJS.Worksheet, s: SheetModel): void {
  const titleRows = s.frozenRows > 0 ? s.frozenRows : headerRowOf(s);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows > 0 ? { printTitlesRow: `${titleRows === s.frozenRows ? 1 : titleRows}:${titleRows}` } : {}),
  };
  const title = s.name.replace(/&/g, '&&');
  ws.headerFooter = { oddHeader: `&C&B${title}`, oddFooter: '&Cстр. &P из &N' };
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetModel, model: WorkbookModel): void {
  const ws = wb.addWorksheet(toXlsxSheetName(s.name), {
    state: s.hidden ? 'hidden' : 'visible',
    properties: s.tabColor ? { tabColor: { argb: toArgb(s.tabColor) } } : {},
    views:
      s.frozenRows > 0 || (s.frozenColumns ?? 0) > 0
        ? [{ state: 'frozen', xSplit: s.frozenColumns ?? 0, ySplit: s.frozenRows }]
        : [],
  });
  // Sheets shows a column nobody sized at 100 px; xlsx viewers would use their own 64 px, too
  // narrow for ДД.ММ.ГГГГ («###»), so every used column gets its Sheets width.
  const used = Math.max(0, ...s.cells.map((r) => r?.length ?? 0));
  for (let c = 1; c <= used; c++) ws.getColumn(c).width = (s.columnWidths[c] ?? SHEETS_COLUMN_PX) / PX_PER_CHAR;
  for (const [col, px] of Object.entries(s.columnWidths)) {
    ws.getColumn(Number(col)).width = px / PX_PER_CHAR;
  }
  if (!s.hidden) printSetup(ws, s);
  const firstDataRow = (s.frozenRows || headerRowOf(s)) + 1;
  s.cells.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const xr = ws.getRow(r + 1);
    const wrapped = row.map((_, i) => wrapsInPrint(row, i, s, r, firstDataRow, used));
    const lines = wrappedLines(row, wrapped, s);
    if (lines > 1) xr.height = Math.min(409, lines * LINE_PT + 3);
    row.forEach((c, i) => {
      if (!c || (c.v === null && Object.keys(c).length === 1)) return;
      const cell = xr.getCell(i + 1);
      writeCell(cell, c);
      if (wrapped[i] && !c.wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
      // A tall row reads from its top line across (the sheet keeps no vertical alignment to lose).
      else if (lines > 1 && r + 1 >= firstDataRow && !c.wrap)
        cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' };
    });
  });
  for (const m of s.merges ?? []) {
    const rect = parseA1(m, s.maxRows, s.maxColumns);
    try {
      if (rect && (rect.r1 !== rect.r2 || rect.c1 !== rect.c2)) ws.mergeCellsWithoutStyle(rectA1(rect));
    } catch {
      // overlapping merges cannot exist in Sheets; skip rather than lose the workbook
    }
  }
  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const dv of s.validations) {
    const rect = parseA1(dv.range, s.maxRows, s.maxColumns);
    const rule = validationToXlsx(dv, model);
    if (rect && rule) dvModel[rectA1(rect)] = rule;
  }
  let priority = 1;
  for (const cf of s.conditionalFormats) {
    const ref = cf.ranges
      .map((a1) => parseA1(a1, s.maxRows, s.maxColumns))
      .filter((x): x is Rect => x !== null)
      .map(rectA1)
      .join(' ');
    if (!ref) continue;
    const style: Partial<ExcelJS.Style> = {};
    const bg = toArgb(cf.background);
    if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
    const fc = toArgb(cf.fontColor);
    if (fc) style.font = { color: { argb: fc } };
    if (cf.formula) {
      ws.addConditionalFormatting({
        ref,
        rules: [{ type: 'expression', priority: priority++, formulae: [cf.formula.replace(/^=/, '')], style }],
      });
    } else if (cf.textEqualTo !== undefined) {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'cellIs',
            operator: 'equal',
            priority: priority++,
            formulae: [`"${cf.textEqualTo.replace(/"/g, '""')}"`],
            style,
          },
        ],
      });
    }
  }
}

/** A temporary file beside `path` holding `data`, with the mode of the file it will replace. */
async function writeTemp(path: string, data: Buffer | string): Promise<string> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    // The renamed file keeps the permissions a person gave the old one.
    if (existsSync(path)) await chmod(tmp, statSync(path).mode & 0o7777);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  return tmp;
}

/** Writes data to a temporary file in the same folder, then renames it over `path`. */
export async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const tmp = await writeTemp(path, data);
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function saveXlsx(model: WorkbookModel, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Контроль поручений';
  wb.title = model.name;
  for (const s of model.sheets) writeSheet(wb, s, model);
  const side: SideFile = {
    kontrol: 1,
    name: model.name,
    locale: model.locale,
    properties: model.properties,
    triggers: model.triggers,
    ...(model.id !== undefined ? { id: model.id } : {}),
    ...(model.owner !== undefined ? { owner: model.owner } : {}),
    sheets: Object.fromEntries(
      model.sheets.map((s): [string, SideSheet] => [
        s.name,
        {
          maxRows: s.maxRows,
          maxColumns: s.maxColumns,
          columnWidths: s.columnWidths,
          protections: s.protections,
          charts: s.charts,
          ...(s.sheetId !== undefined ? { sheetId: s.sheetId } : {}),
          ...(s.validations.length ? { validations: s.validations } : {}),
          ...(s.conditionalFormats.length ? { conditionalFormats: s.conditionalFormats } : {}),
          ...(s.merges?.length ? { merges: s.merges } : {}),
        },
      ]),
    ),
  };
  const lock = lockFileOf(path);
  if (lock) throw new WorkbookFileError(`Книга ${path} открыта в другой программе (есть ${lock}): закройте её`);
  try {
    // Both files are written in full before either replaces its old self, so a failed write
    // (disk full, no rights) leaves the workbook and its side file as they were.
    // With charts the zip is written twice (exceljs, then the chart parts): the first time
    // uncompressed, so the file is compressed once.
    const charted = model.sheets.some((x) => x.charts.length > 0);
    const written = await wb.xlsx.writeBuffer(
      charted ? ({ zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>) : undefined,
    );
    const buf = await addCharts(
      Buffer.from(written),
      model.sheets.map((sheet) => ({ sheet, xlsxName: toXlsxSheetName(sheet.name) })),
    );
    const tmps: string[] = [];
    try {
      tmps.push(await writeTemp(sideFilePath(path), `${JSON.stringify(side, null, 2)}\n`));
      tmps.push(await writeTemp(path, buf));
    } catch (e) {
      await Promise.all(tmps.map((t) => unlink(t).catch(() => {})));
      throw e;
    }
    await rename(tmps[0], sideFilePath(path));
    await rename(tmps[1], path);
  } catch (e) {
    throw fileError(path, e, 'сохранить');
  }
}
