// onEdit (simple trigger: no mail, 30 s, not fired by script edits). On «Поручения» it records what
// a person just did, so the daily check and the reports see it: «Готово» stamps «Дата исполнения»
// (000 п.13: done when the execution record is made before the deadline), the first «Срок» goes to
// «Первоначальный срок», an extension request (000 п.11) is dated in «История», and «Внесено» is
// stamped when the row is first filled in (000 п.7).
// Two reads at most (the header row and the edited rows); writes only the cells it fills.
import { cellToIsoDate, dateInZone, formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { ORDER_COL, STATUS, TAB } from '../workbook/schema';
import { type Cell, normHeader } from '../workbook/table';
import { dateSelfCheck } from './date-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The fields of the simple-trigger event we use. */
export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  source?: Spreadsheet;
  value?: unknown;
  oldValue?: unknown;
}

/** One cell to fill: 0-based offset of the edited row and the header it belongs to. */
export interface EditFill {
  row: number;
  header: string;
  value: Cell;
}

export interface EditedRows {
  /** Header of «Поручения» (row 1). */
  header: Cell[];
  /** The edited rows, full width of the header. */
  rows: Cell[][];
  /** 0-based columns the person edited. */
  editedCols: number[];
}

function blank(v: Cell | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Russian line for «История» about an extension request made on `today`. */
export function requestHistoryLine(today: IsoDate, requested: Cell, tz: string): string {
  const iso = cellToIsoDate(requested, tz);
  const shown = iso ? formatRu(iso) : String(requested).trim();
  return `${formatRu(today)}: запрошен перенос срока на ${shown}`;
}

/**
 * What onEdit writes for an edit of «Поручения», as a plain function of the rows read. Only blank
 * cells are filled (and «История» is appended to), so an edit never overwrites what a person wrote.
 */
export function editFills(edit: EditedRows, today: IsoDate, tz: string): EditFill[] {
  const idx = new Map<string, number>();
  edit.header.forEach((h, i) => {
    const k = normHeader(h);
    if (k && !idx.has(k)) idx.set(k, i);
  });
  const col = (h: string) => idx.get(normHeader(h)) ?? -1;
  const edited = new Set(edit.editedCols);
  const status = col(ORDER_COL.status);
  const done = col(ORDER_COL.doneDate);
  const deadline = col(ORDER_COL.deadline);
  const original = col(ORDER_COL.originalDeadline);
  const requested = col(ORDER_COL.requestedDate);
  const history = col(ORDER_COL.history);
  const text = col(ORDER_COL.text);
  const executor = col(ORDER_COL.executor);
  const entered = col(ORDER_COL.enteredAt);
  const state = col(ORDER_COL.state);
  const fills: EditFill[] = [];
  edit.rows.forEach((r, i) => {
    // «Внесено»: the day the row is first filled in (000 п.7 is judged on it). A row with a
    // «Состояние» was seen by a daily check before: not a new row, its entry day is unknown.
    const filled = (text >= 0 && !blank(r[text])) || (executor >= 0 && !blank(r[executor]));
    if (entered >= 0 && filled && blank(r[entered]) && (state < 0 || blank(r[state])))
      fills.push({ row: i, header: ORDER_COL.enteredAt, value: midnightInZone(today, tz) });
    if (status >= 0 && done >= 0 && edited.has(status)) {
      const s = normHeader(r[status]);
      if (s === normHeader(STATUS.done) && blank(r[done]))
        fills.push({ row: i, header: ORDER_COL.doneDate, value: midnightInZone(today, tz) });
    }
    if (deadline >= 0 && original >= 0 && edited.has(deadline) && !blank(r[deadline]) && blank(r[original])) {
      // Only a real date is recorded; a bad one is the daily check's «Проверка данных» business.
      const d = cellToIsoDate(r[deadline], tz);
      if (d) fills.push({ row: i, header: ORDER_COL.originalDeadline, value: midnightInZone(d, tz) });
    }
    if (requested >= 0 && history >= 0 && edited.has(requested) && !blank(r[requested])) {
      const line = requestHistoryLine(today, r[requested], tz);
      const old = blank(r[history]) ? '' : String(r[history]);
      // The same request typed twice on one day is one event.
      if (!old.split('\n').includes(line))
        fills.push({ row: i, header: ORDER_COL.history, value: old ? `${old}\n${line}` : line });
    }
  });
  return fills;
}

/** Groups fills of one column into runs of adjacent rows, one setValues each. */
function writeFills(sheet: Sheet, firstRow: number, colOf: (h: string) => number, fills: EditFill[]): void {
  const byHeader = new Map<string, EditFill[]>();
  for (const f of fills) byHeader.set(f.header, [...(byHeader.get(f.header) ?? []), f]);
  for (const [h, list] of byHeader) {
    const c = colOf(h) + 1;
    list.sort((a, b) => a.row - b.row);
    let run: EditFill[] = [];
    const flush = () => {
      if (run.length === 0) return;
      sheet.getRange(firstRow + run[0].row, c, run.length, 1).setValues(run.map((f) => [f.value]));
      run = [];
    };
    for (const f of list) {
      if (run.length > 0 && run[run.length - 1].row !== f.row - 1) flush();
      run.push(f);
    }
    flush();
  }
}

/** The onEdit handler: ignores other tabs and the header row; never throws on people's data. */
export function handleEdit(e: EditEvent): number {
  if (!e?.range) return 0;
  const sheet = e.range.getSheet();
  if (sheet.getName() !== TAB.orders) return 0;
  const firstEdited = e.range.getRow();
  const lastEdited = firstEdited + e.range.getNumRows() - 1;
  const first = Math.max(firstEdited, 2);
  if (lastEdited < first) return 0;
  const lastCol = sheet.getLastColumn();
  if (lastCol === 0) return 0;
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[];
  const norm = header.map(normHeader);
  const c0 = e.range.getColumn() - 1;
  const editedCols: number[] = [];
  for (let c = c0; c < c0 + e.range.getNumColumns(); c++) editedCols.push(c);
  const watched = [
    ORDER_COL.status,
    ORDER_COL.deadline,
    ORDER_COL.requestedDate,
    ORDER_COL.text,
    ORDER_COL.executor,
  ].map((h) => norm.indexOf(normHeader(h)));
  if (!watched.some((c) => c >= 0 && editedCols.includes(c))) return 0;
  const rows = sheet.getRange(first, 1, lastEdited - first + 1, lastCol).getValues() as Cell[][];
  const ss = e.source ?? SpreadsheetApp.getActive();
  const tz = ss.getSpreadsheetTimeZone() || 'Europe/Moscow';
  const now = new Date();
  const today = dateInZone(now, tz);
  const fills = editFills({ header, rows, editedCols }, today, tz);
  // The date self-check only when a date is about to be written (no Spreadsheet call, five
  // Utilities.formatDate): on a mismatch nothing is stamped. onEdit, a simple trigger run on every
  // edit, does not write «Журнал»/«Проверка данных»: the next daily check or menu action records it.
  if (fills.length === 0) return 0;
  const stop = dateSelfCheck(tz, now);
  if (stop) {
    console.error(`onEdit: даты не проставлены. ${stop}`);
    return 0;
  }
  writeFills(sheet, first, (h) => norm.indexOf(normHeader(h)), fills);
  return fills.length;
}
