// «Журнал»: append-only log of what the add-on did. It is also the durable record of sent
// messages: each sent message's idempotency keys go into «Ключ» right after the send, so a
// re-run (or a run after a crash) never sends the same notice twice.
import { cellToIsoDate, type IsoDate } from '../domain/dates';
import { LOG_COL, TAB } from './schema';
import { type Cell, normHeader, readTable, safeText } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const JOURNAL_KEY_COL = 'Ключ';
export const JOURNAL_HEADERS: readonly string[] = [
  LOG_COL.time,
  LOG_COL.action,
  LOG_COL.order,
  LOG_COL.recipients,
  LOG_COL.result,
  JOURNAL_KEY_COL,
];

export interface JournalEntry {
  action: string;
  order?: string;
  recipients?: string;
  result: string;
  keys?: readonly string[];
}

/** The «Журнал» row that recorded a key: when, and to whom the message went. */
export interface KeyRecord {
  time: Cell;
  recipients: string;
}

/** Column of each of JOURNAL_HEADERS in `header` (-1 when absent). */
function journalColumns(header: readonly Cell[]): number[] {
  return JOURNAL_HEADERS.map((h) => header.findIndex((x) => normHeader(x) === normHeader(h)));
}

/** One «Журнал» row for `e` in the layout `colIndex` (journalColumns); text never becomes a formula. */
function journalRow(colIndex: readonly number[], e: JournalEntry, time: Date): Cell[] {
  const r: Cell[] = new Array(Math.max(...colIndex) + 1).fill('');
  const vals: Cell[] = [
    time,
    safeText(e.action),
    safeText(e.order ?? ''),
    safeText(e.recipients ?? ''),
    safeText(e.result),
    (e.keys ?? []).join('\n'),
  ];
  colIndex.forEach((c, i) => {
    if (c >= 0) r[c] = vals[i];
  });
  return r;
}

/**
 * Appends one entry without reading the log (its header row only): for a page action, which needs
 * no keys and should not read a log that only grows. Nothing when «Журнал» is absent or empty.
 */
export function appendJournalEntry(ss: Spreadsheet, e: JournalEntry): void {
  const sheet = ss.getSheetByName(TAB.log);
  const width = sheet ? sheet.getLastColumn() : 0;
  if (!sheet || width === 0) return;
  const colIndex = journalColumns(sheet.getRange(1, 1, 1, width).getValues()[0]);
  if (colIndex.every((c) => c < 0)) return;
  sheet.appendRow(journalRow(colIndex, e, new Date()));
}

export class Journal {
  private readonly keys = new Set<string>();
  private readonly records = new Map<string, KeyRecord>();
  private readonly pending: Cell[][] = [];
  private nextRow: number;
  private readonly colIndex: number[];

  private constructor(
    private readonly sheet: Sheet,
    header: Cell[],
    rows: Cell[][],
    private readonly clock: () => Date,
  ) {
    this.colIndex = journalColumns(header);
    const k = this.colIndex[5];
    const [tc, , , rc] = this.colIndex;
    if (k >= 0)
      for (const r of rows)
        for (const key of String(r[k] ?? '').split('\n'))
          if (key) {
            this.keys.add(key);
            this.records.set(key, {
              time: tc >= 0 ? (r[tc] ?? '') : '',
              recipients: rc >= 0 ? String(r[rc] ?? '') : '',
            });
          }
    this.nextRow = rows.length + 2;
  }

  /** Reads «Журнал» once (creating it with its headers when absent). */
  static open(ss: Spreadsheet, clock: () => Date = () => new Date()): Journal {
    const t = readTable(ss, TAB.log);
    if (t?.header.some((h) => String(h).trim() !== '')) {
      const missing = JOURNAL_HEADERS.filter((h) => t.col(h) < 0);
      if (missing.length === 0) return new Journal(t.sheet, t.header, t.rows, clock);
      // Repair: add the missing headers to the right; old rows keep their cells.
      const start = t.width + 1;
      t.sheet.getRange(1, start, 1, missing.length).setValues([missing as string[]]);
      return new Journal(t.sheet, [...t.header, ...missing], t.rows, clock);
    }
    const sheet = t ? t.sheet : ss.insertSheet(TAB.log);
    sheet.getRange(1, 1, 1, JOURNAL_HEADERS.length).setValues([JOURNAL_HEADERS as string[]]);
    sheet.setFrozenRows(1);
    return new Journal(sheet, [...JOURNAL_HEADERS], [], clock);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * The recorded keys that `parse` understands, each with the day it was recorded (in `tz`) and its
   * first recipient; keys with neither are skipped. Used to bring back «История» lines a stopped run
   * did not write.
   */
  *recordedNotices<K>(
    tz: string,
    parse: (key: string) => K | null,
  ): Generator<{ key: K; day: IsoDate; email: string }> {
    for (const [raw, rec] of this.records) {
      const key = parse(raw);
      if (!key) continue;
      const day = cellToIsoDate(rec.time, tz);
      const email = rec.recipients.split(',')[0]?.trim() ?? '';
      if (day && email) yield { key, day, email };
    }
  }

  private remember(e: JournalEntry): void {
    const time = this.clock();
    for (const k of e.keys ?? []) {
      this.keys.add(k);
      this.records.set(k, { time, recipients: e.recipients ?? '' });
    }
  }

  private row(e: JournalEntry): Cell[] {
    return journalRow(this.colIndex, e, this.clock());
  }

  /** The sheet's row count, read once: appendNow runs once per sent message. */
  private maxRows = -1;

  private ensureRows(last: number): void {
    if (this.maxRows < 0) this.maxRows = this.sheet.getMaxRows();
    if (last > this.maxRows) {
      const add = Math.max(last - this.maxRows, 100);
      this.sheet.insertRowsAfter(this.maxRows, add);
      this.maxRows += add;
    }
  }

  /** Writes one entry now (one call): used right after a message is sent. */
  appendNow(e: JournalEntry): void {
    this.flush();
    const r = this.row(e);
    this.ensureRows(this.nextRow);
    this.sheet.getRange(this.nextRow, 1, 1, r.length).setValues([r]);
    this.nextRow++;
    this.remember(e);
  }

  /** Queues an entry; written with the next flush in one block. */
  add(e: JournalEntry): void {
    this.pending.push(this.row(e));
    this.remember(e);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const width = Math.max(...this.pending.map((r) => r.length));
    const block = this.pending.map((r) => (r.length < width ? [...r, ...new Array(width - r.length).fill('')] : r));
    this.ensureRows(this.nextRow + block.length - 1);
    this.sheet.getRange(this.nextRow, 1, block.length, width).setValues(block);
    this.nextRow += block.length;
    this.pending.length = 0;
  }
}

/**
 * When the daily check last ran here: the newest «Журнал» row of `action` whose result is not a
 * skip, among the last `tail` rows (read from the bottom, one call). null when there is none.
 */
export function lastRunAt(ss: Spreadsheet, action: string, tail = 400): Date | null {
  const sheet = ss.getSheetByName(TAB.log);
  if (!sheet) return null;
  const last = sheet.getLastRow();
  if (last < 2) return null;
  const from = Math.max(2, last - tail + 1);
  const width = Math.max(1, sheet.getLastColumn());
  const [header, ...rows] = [
    ...sheet.getRange(1, 1, 1, width).getValues(),
    ...sheet.getRange(from, 1, last - from + 1, width).getValues(),
  ];
  const col = (h: string) => header.findIndex((x) => normHeader(x) === normHeader(h));
  const [t, a, r] = [col(LOG_COL.time), col(LOG_COL.action), col(LOG_COL.result)];
  if (t < 0 || a < 0) return null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (String(row[a]).trim() !== action || /пропущена/.test(String(row[r] ?? ''))) continue;
    if (row[t] instanceof Date) return row[t] as Date;
  }
  return null;
}
