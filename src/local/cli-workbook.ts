// Helpers of the `kontrol` command line that read or guard a workbook file: the sandbox clock,
// problem counts, working days, typed values of an edit, changed cells, and the checks made before
// a workbook is touched (a «Контроль поручений» workbook, writable). Node only.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { type CalendarEntry, DECREE_ENTRIES, WorkCalendar } from '../domain/calendar';
import { cellToIsoDate, dateInZone, dayjs, formatRu } from '../domain/dates';
import { plural as wordFor } from '../domain/text';
import type { CellModel, CellValue, WorkbookModel } from './model';
import { parseTyped, type Written } from './sandbox/values';
import { columnLetter } from './xlsx';

/** A problem worded for a person: printed as one line, exit code 1 (2 for a usage error). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Validates --today/--time now; the instant is computed once the workbook's zone is known. */
export function checkClock(today?: string, time?: string): void {
  if (today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(today) && dayjs(today, 'YYYY-MM-DD', true).isValid()))
    throw new CliError(`Неверная дата --today ${today}: нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 14.03.2025`, 2);
  if (time !== undefined && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time))
    throw new CliError(`Неверное время --time ${time}: нужно ЧЧ:ММ, например 08:00`, 2);
}

/** The sandbox clock: --today at --time (default 08:00) in the spreadsheet's zone, else real time. */
export function clockFor(tz: string, realNow: Date, today?: string, time?: string): Date {
  if (today === undefined && time === undefined) return realNow;
  const day = today ?? dateInZone(realNow, tz);
  const [h, m] = (time ?? '08:00').split(':').map(Number);
  return dayjs
    .tz(`${day} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, 'YYYY-MM-DD HH:mm', tz)
    .toDate();
}

export function shown(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

/** «5 поручений»: the number and its word (domain/text plural). */
export function plural(n: number, one: string, few: string, many: string): string {
  return `${n} ${wordFor(n, one, few, many)}`;
}

// ---------------------------------------------------------------- guards

/**
 * Read-only as a person means it: no write bit at all (what `chmod a-w` and a file manager's
 * «только чтение» set), or no write access for this user. Root passes access(W_OK) on any file,
 * so the mode bits are checked too.
 */
export function isReadOnly(path: string): boolean {
  const st = statSync(path);
  if ((st.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

export function refuseReadOnly(file: string): void {
  if (existsSync(file) && isReadOnly(file))
    throw new CliError(`Книга ${shown(file)} только для чтения: снимите запрет записи, если её можно менять`);
}

/** The folder for e-mail exists (made if absent) and can be written to; else one Russian line. */
export function ensureWritableDir(dir: string, what: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`Не удалось создать папку ${what} ${shown(dir)}: ${osReason(e)}`);
  }
  if (!statSync(dir).isDirectory()) throw new CliError(`${shown(dir)} — не папка: укажите папку ${what}`);
  if (isReadOnly(dir))
    throw new CliError(
      `Папка ${what} ${shown(dir)} только для чтения: разрешите запись или укажите другую (--outbox DIR)`,
    );
}

/** An operating-system error in Russian words. */
export function osReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'нет прав на запись',
    EPERM: 'нет прав на запись',
    EROFS: 'диск только для чтения',
    ENOSPC: 'нет места на диске',
    ENOTDIR: 'в пути есть файл вместо папки',
    ENOENT: 'нет такой папки',
    EEXIST: 'файл уже существует',
  };
  return (code && words[code]) || String((e as Error)?.message ?? e).split('\n')[0];
}

export function sheetByName(model: WorkbookModel, name: string) {
  const n = name.trim().toLowerCase();
  return model.sheets.find((s) => s.name.trim().toLowerCase() === n);
}

/** Is this the add-on's workbook («Поручения» and «Настройки» with their headers)? */
export function isKontrolWorkbook(model: WorkbookModel): boolean {
  const orders = sheetByName(model, 'Поручения');
  const settings = sheetByName(model, 'Настройки');
  if (!orders || !settings) return false;
  // A foreign «Поручения» of someone's own is not ours: ours has «№» and «Срок» among its headers.
  const headers = orders.cells
    .slice(0, 5)
    .flat()
    .map((c) => String(c?.v ?? '').trim());
  return headers.includes('Срок') && (headers.includes('№') || headers.includes('Исполнитель'));
}

function headerIndex(cells: CellModel[][], header: string): number {
  return (cells[0] ?? []).findIndex(
    (c) => typeof c?.v === 'string' && c.v.trim().toLowerCase() === header.toLowerCase(),
  );
}

/** Rows with anything in them below the header of «Проверка данных»; null when there is no such tab. */
export function problemsCount(model: WorkbookModel): number | null {
  const s = sheetByName(model, 'Проверка данных');
  if (!s) return null;
  // The tab opens with a title, a subtitle and the table header «Лист | Строка | …»; count below it.
  const header = s.cells.findIndex((row) => String(row?.[0]?.v ?? '').trim() === 'Лист');
  if (header < 0) return 0;
  return s.cells.slice(header + 1).filter((row) => (row ?? []).some((c) => c && c.v !== null && c.v !== '')).length;
}

/** Whether `iso` is a working day by the production calendar and the workbook's «Календарь». */
export function isWorkingDay(model: WorkbookModel, iso: string): boolean {
  const entries: CalendarEntry[] = [...DECREE_ENTRIES];
  const cal = sheetByName(model, 'Календарь');
  if (cal) {
    const di = headerIndex(cal.cells, 'Дата');
    const ti = headerIndex(cal.cells, 'Тип');
    if (di >= 0 && ti >= 0) {
      for (const row of cal.cells.slice(1)) {
        const v = row?.[di]?.v ?? null;
        const d = v && typeof v === 'object' ? v.iso.slice(0, 10) : cellToIsoDate(v, model.timeZone);
        const t = String(row?.[ti]?.v ?? '')
          .trim()
          .toLowerCase();
        if (d && (t === 'рабочий' || t === 'нерабочий'))
          entries.push({ date: d, type: t === 'рабочий' ? 'work' : 'off' });
      }
    }
  }
  return new WorkCalendar(entries).isWorkingDay(iso);
}

// ---------------------------------------------------------------- typed values (edit)

/** What a person's typing makes of a text in a ru_RU sheet (the sandbox's rule), with a date format for a date. */
export function typedValue(text: string, currentYear: number): Written {
  const w = parseTyped(text, currentYear);
  if (w.v !== null && typeof w.v === 'object' && !w.numberFormat)
    return { ...w, numberFormat: w.v.iso.length > 10 ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy' };
  return w;
}

/** e.value / e.oldValue of an edit event: Apps Script gives them as strings (dates as serials). */
export function eventString(v: CellValue): string | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const [date, time = '00:00:00'] = v.iso.split('T');
    const days = dayjs.utc(date).diff(dayjs.utc('1899-12-30'), 'day');
    const [h, m, sec = '0'] = time.split(':');
    return String(days + (Number(h) * 3600 + Number(m) * 60 + Number(sec)) / 86400);
  }
  return String(v);
}

export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) throw new CliError(`Неверная ячейка --cell ${a1}: нужен адрес одной ячейки, например H5`, 2);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function sameValue(a: CellModel | undefined, b: CellModel | undefined): boolean {
  // Called for every cell of the workbook after each edit: strings and numbers compare as they are.
  if ((a?.formula ?? null) !== (b?.formula ?? null)) return false;
  const x = a?.v ?? null;
  const y = b?.v ?? null;
  if (x === y) return true;
  return typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y);
}

export function showValue(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return 'пусто';
  if (typeof v === 'object') return formatRu(v.iso.slice(0, 10)) + (v.iso.length > 10 ? ` ${v.iso.slice(11, 16)}` : '');
  if (typeof v === 'boolean') return v ? 'ИСТИНА' : 'ЛОЖЬ';
  return `«${v}»`;
}

/** Addresses whose value or formula differs between two states of a workbook. */
export function changedCells(a: WorkbookModel, b: WorkbookModel): string[] {
  const out: string[] = [];
  for (const sb of b.sheets) {
    const sa = a.sheets.find((s) => s.name === sb.name);
    const rows = Math.max(sa?.cells.length ?? 0, sb.cells.length);
    for (let r = 0; r < rows; r++) {
      const ra = sa?.cells[r] ?? [];
      const rb = sb.cells[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++)
        if (!sameValue(ra[c], rb[c])) out.push(`${sb.name}!${columnLetter(c + 1)}${r + 1}`);
    }
  }
  return out;
}
