// The page's index (issue 23): what «Мои поручения» needs of each person's rows of «Поручения»,
// kept by the daily check, so a page load reads only the rows that changed since — not one row per
// order. Two hidden tabs of the add-on's own:
//
// - «Индекс страницы»: one row per person of «Исполнители»: their ФИО, the build's stamp, the
//   page's header it was built against (a hash), then the JSON of their orders, gzipped + base64
//   (packEntry) — [«№», the row's cells up to the page's last column with «История» as far as the
//   page reads it, its row then] for each row naming them, or [«№», 0, row] for an
//   order done before the last 30 days (the page shows nothing of it); and one row per list of the
//   controller's («#Запрошенный срок», «#Просрочено», «#Готово»: the first CONTROLLER_LIST_MAX
//   rows of each, in the sheet's order, as the page's TextFinder lists them). Written whole by the
//   daily check after its writes.
// - «Правки страницы»: one row per change since: [when (ms), the «№» changed, one a line]. onEdit
//   appends the «№» of every row a person edits, the page's actions the row they wrote, a refused
//   stale action the row it found changed. `*` means «every row». The daily check drops the lines
//   older than its build.
//
// Whether an entry still holds is decided by the page at each load (jobs/my-orders-index.ts): an
// order whose «№» was logged since the build is read again, and the «№» of the others must each be
// found exactly once, in a row that still names the person — else the rows are read as before.
// docs/PERFORMANCE.md «Мои поручения» says what each kind of change does to it.
import { rowVersion } from '../domain/my-orders';
import { normName } from '../domain/order';
import { findRowsByValue, readRowsAt } from './find-rows';
import { ORDER_COL, STATE, STATUS } from './schema';
import type { Cell } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INDEX_TAB = 'Индекс страницы';
/** The controller's lists kept in the index, by key (the column searched, or what it must say). */
export const LIST_KEYS = {
  requests: `#${ORDER_COL.requestedDate}`,
  overdue: `#${STATE.overdue}`,
  removals: `#${STATUS.done}`,
} as const;
export const EDITS_TAB = 'Правки страницы';
const INDEX_HEADER = ['ФИО', 'Построен', 'Столбцы', 'Поручения'];
const EDITS_HEADER = ['Когда', '№'];
/** A cell holds at most 50 000 characters (Sheets' limit); entries are cut into pieces below it. */
const CHUNK = 45_000;
/** The first character of every piece of an entry's JSON (see entryRow). */
const PIECE = '~';
/** The most characters one setValues of the index carries. */
const WRITE_CHARS = 10_000_000;
/** A log line naming more rows than this says `*` (every row): a big paste is not listed. */
export const MAX_LOGGED = 200;
export const ALL = '*';

/**
 * A cell as JSON: a date (from any realm) on a whole minute as [minutes since 1970] (10 characters
 * where {d: ms} takes 19: most of the index's dates are days), any other as {d: ms}; the rest as it
 * is. No cell is an array or an object, so neither is taken for a value.
 */
function enc(v: Cell): unknown {
  if (Object.prototype.toString.call(v) !== '[object Date]') return v;
  const ms = (v as Date).getTime();
  return ms % 60_000 === 0 ? [ms / 60_000] : { d: ms };
}

function dec(v: unknown): Cell {
  if (Array.isArray(v) && typeof v[0] === 'number') return new Date(v[0] * 60_000);
  if (v && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'number')
    return new Date((v as { d: number }).d);
  return (v ?? '') as Cell;
}

/** «№» as the page compares it: a whole number as its digits, else the trimmed text. */
export function numberText(v: Cell | undefined): string {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (v === undefined || v === null || Object.prototype.toString.call(v) === '[object Date]') return '';
  return String(v).trim();
}

/** An order in an entry: its «№», its cells (null when the page shows nothing of it), its row then. */
export interface IndexedOrder {
  number: string;
  cells: Cell[] | null;
  /** The sheet row it was in when the index was built: only to keep a list in the sheet's order. */
  row: number;
}

export interface IndexEntry {
  name: string;
  built: number;
  /** The page's header (headerKey of row 1 up to the page's last column) the cells were read against. */
  header: string;
  orders: IndexedOrder[];
}

/**
 * The header as an entry stores it: its length and two 32-bit hashes of its JSON (forwards and
 * backwards), not the JSON itself — ≈ 600 characters an entry, 120 000 a build for 200 people.
 */
export function headerKey(header: readonly Cell[]): string {
  const json = JSON.stringify(header.map(enc));
  // A letter first: Sheets would parse «601:12:45» typed into a cell as a duration.
  return `h${json.length}.${rowVersion([json])}.${rowVersion([[...json].reverse().join('')])}`;
}

/**
 * An entry's JSON gzipped and base64-encoded (developers.google.com/apps-script/reference/utilities/
 * utilities#gzip(BlobSource), #base64Encode(Byte)): the daily check writes the index whole every
 * day, and its JSON (the same words, dates and names over and over) packs to a quarter or less.
 * Kept as JSON when that is not shorter (a short entry). The text starts with «H4sI» (gzip's first
 * bytes), never with «[» as JSON does: parseEntry tells them apart.
 */
export function packEntry(json: string): string {
  if (json.length < 400) return json;
  const packed = Utilities.base64Encode(Utilities.gzip(Utilities.newBlob(json)).getBytes());
  return packed.length < json.length ? packed : json;
}

function unpackEntry(text: string): string {
  if (!text || text.startsWith('[')) return text;
  return Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(text), 'application/x-gzip')).getDataAsString();
}

/** One tab row of the index: ФИО, stamp, header, the JSON (packed by `pack`) cut into cells. */
export function entryRow(e: IndexEntry, pack: (json: string) => string = (json) => json): Cell[] {
  const json = pack(JSON.stringify(e.orders.map((o) => [o.number, o.cells ? o.cells.map(enc) : 0, o.row])));
  // Each piece starts with PIECE: a piece cut before «=» would be a formula, before «'» would lose
  // it (Sheets takes a leading apostrophe as «text»), so no piece starts with the JSON itself.
  // A cut never splits a surrogate pair (a lone half would not survive the cell).
  const pieces: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(json.length, i + CHUNK);
    const c = json.charCodeAt(end - 1);
    if (end < json.length && c >= 0xd800 && c <= 0xdbff) end--;
    pieces.push(PIECE + json.slice(i, end));
    i = end;
  }
  return [e.name, e.built, e.header, ...pieces];
}

/** An entry from its tab row (entryRow's inverse); null when it is not one (a cell typed over). */
export function parseEntry(row: readonly Cell[]): IndexEntry | null {
  const built = row[1];
  if (typeof built !== 'number' || !Number.isFinite(built)) return null;
  try {
    const json = row
      .slice(3)
      .map((c) => (typeof c === 'string' && c.startsWith(PIECE) ? c.slice(PIECE.length) : ''))
      .join('');
    const raw = JSON.parse(unpackEntry(json) || '[]') as [string, unknown[] | 0, number][];
    return {
      name: String(row[0] ?? ''),
      built,
      header: String(row[2] ?? ''),
      orders: raw.map(([number, cells, row]) => ({
        number: String(number),
        cells: cells ? cells.map(dec) : null,
        row: Number(row) || 0,
      })),
    };
  } catch {
    return null; // a cell typed over by a person: the entry does not count
  }
}

function hiddenTab(ss: Spreadsheet, name: string, header: string[]): Sheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    sheet.hideSheet();
  }
  return sheet;
}

/**
 * Writes the whole index (the daily check, after its writes to «Поручения»): the old rows cleared,
 * the entries in one setValues. Then drops the log lines older than `built` (the log is appended
 * in time order). Returns the characters written (the cost model counts cells; docs say both).
 */
export function writePageIndex(ss: Spreadsheet, entries: readonly IndexEntry[], built: number): number {
  const sheet = hiddenTab(ss, INDEX_TAB, INDEX_HEADER);
  const rows = entries.map((e) => entryRow(e, packEntry));
  const width = Math.max(INDEX_HEADER.length, ...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, Math.max(1, sheet.getLastColumn())).clearContent();
  // At most WRITE_CHARS characters per setValues: one call below a few thousand orders, a few at
  // 50 000 (Sheets takes the whole array in one request; a smaller request is the safer one).
  let from = 0;
  while (from < block.length) {
    let to = from;
    let chars = 0;
    while (to < block.length && (to === from || chars + rowChars(rows[to]) <= WRITE_CHARS))
      chars += rowChars(rows[to++]);
    sheet.getRange(2 + from, 1, to - from, width).setValues(block.slice(from, to));
    from = to;
  }
  const log = hiddenTab(ss, EDITS_TAB, EDITS_HEADER);
  const logLast = log.getLastRow();
  if (logLast > 1) {
    const when = log.getRange(2, 1, logLast - 1, 1).getValues() as Cell[][];
    let old = 0;
    while (old < when.length && typeof when[old][0] === 'number' && (when[old][0] as number) < built) old++;
    if (old > 0) log.deleteRows(2, old);
  }
  return rows.reduce((s, r) => s + rowChars(r), 0);
}

function rowChars(r: readonly Cell[]): number {
  return r.reduce((t: number, c) => t + String(c).length, 0);
}

/**
 * The daily check is about to write «Поручения»: every entry stops counting until it writes the
 * index again (a run cut in between leaves no entry older than its writes). One call when the
 * index exists.
 */
export function invalidatePageIndex(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(INDEX_TAB);
  if (sheet) sheet.getRange('B2:B').clearContent();
}

/**
 * The entries of these people (ФИО as in «Исполнители»), by normName: one TextFinder over the
 * index's first column and one read of the rows found. Empty when there is no index.
 */
export function readPageIndex(ss: Spreadsheet, names: readonly string[]): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  const sheet = names.length ? ss.getSheetByName(INDEX_TAB) : null;
  if (!sheet) return out;
  const rows = findRowsByValue(sheet, 1, names);
  if (rows.length === 0) return out;
  const width = Math.max(INDEX_HEADER.length, sheet.getLastColumn());
  const wanted = new Set(names.map(normName));
  for (const row of readRowsAt(sheet, rows, width).values()) {
    const e = parseEntry(row);
    if (e && wanted.has(normName(e.name)) && !out.has(normName(e.name))) out.set(normName(e.name), e);
  }
  return out;
}

/**
 * The controller's lists' entries, which the daily check writes first (rows 2 … 1 + their count):
 * one read, no search; by normName of the key. An entry that is not where it should be is left
 * out (the page then reads the list's rows).
 */
export function readListEntries(ss: Spreadsheet, keys: readonly string[]): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  const sheet = keys.length ? ss.getSheetByName(INDEX_TAB) : null;
  if (!sheet) return out;
  const wanted = new Set(keys.map(normName));
  const rows = sheet.getRange(
    2,
    1,
    Object.keys(LIST_KEYS).length,
    Math.max(INDEX_HEADER.length, sheet.getLastColumn()),
  );
  for (const row of rows.getValues() as Cell[][]) {
    const e = parseEntry(row);
    if (e && wanted.has(normName(e.name))) out.set(normName(e.name), e);
  }
  return out;
}

/** The «№» logged since `since` (ms); ALL among them when a line said every row. */
export function readPageEdits(ss: Spreadsheet, since: number): Set<string> {
  const out = new Set<string>();
  const sheet = ss.getSheetByName(EDITS_TAB);
  if (!sheet) return new Set([ALL]); // no log: nothing can be trusted
  const values = sheet.getDataRange().getValues() as Cell[][];
  for (const [when, numbers] of values.slice(1)) {
    // A line without a readable time counts: better read again than miss a change.
    if (typeof when === 'number' && when < since) continue;
    for (const n of String(numbers ?? '').split('\n')) if (n.trim()) out.add(n.trim());
  }
  return out;
}

/**
 * Appends one log line for rows changed outside the daily check (onEdit, the page's actions):
 * their «№» (ALL past MAX_LOGGED). One appendRow, atomic in Sheets, so two edits at once both land;
 * nothing when there is no index (nothing to keep fresh).
 */
export function logPageEdits(ss: Spreadsheet, numbers: readonly string[], now = Date.now()): void {
  const list = [...new Set(numbers.map((n) => n.trim()).filter(Boolean))];
  if (list.length === 0) return;
  const sheet = ss.getSheetByName(EDITS_TAB);
  if (!sheet) return;
  sheet.appendRow([now, list.length > MAX_LOGGED ? ALL : list.join('\n')]);
}
