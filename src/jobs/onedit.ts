// onEdit (simple trigger: no mail, 30 s, not fired by script edits). On «Поручения» it records what
// a person just did, so the daily check and the reports see it: «Готово» stamps «Дата исполнения»
// (000 п.13: done when the execution record is made before the deadline), the first «Срок» goes to
// «Первоначальный срок», an extension request (000 п.11) is dated in «История», and «Внесено» is
// stamped when the row becomes an order (000 п.7). The events a finished period is read from are
// dated here, on the day of the edit (domain/order-events.ts): a «Срок» typed over («срок изменён с …
// на …», one more in «Переносов»), a change of «Статус», the execution recorded, the day the
// controller typed «Решение по переносу» (001 гл.7 п.2.4.10: a change of term is judged by its day).
// Two reads at most (the header row and the edited rows); writes only the cells it fills. Once the
// daily check has built «Мои поручения»'s index, also one appendRow to its log of the edited rows'
// «№» (logEditedRows, from the same read).
import type { WorkCalendar } from '../domain/calendar';
import { cellToIsoDate, dateInZone, formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { appendHistory, decisionDayFromHistory, decisionTypedLine } from '../domain/history';
import { judgedBefore, knownTerm } from '../domain/order-event-rules';
import {
  executedLine,
  executionRecorded,
  lastRecordedStatus,
  noteLine,
  statusEventNeeded,
  statusLine,
  termTypedLine,
} from '../domain/order-events';
import { occurrenceAwaitsReason, rollOverOccurrence } from '../domain/rules/periodic';
import type { Settings } from '../domain/settings';
import { fromList } from '../domain/text';
import { DECISION, STATUSES, URGENCY } from '../domain/vocabulary';
import { parseOrderRow } from '../workbook/orders';
import { ALL, EDITS_TAB, logPageEdits, MAX_LOGGED, numberText } from '../workbook/page-index';
import { Problems } from '../workbook/problems';
import { ORDER_COL, STATUS, TAB } from '../workbook/schema';
import { type Cell, makeTable, normHeader } from '../workbook/table';
import { readCalendar, readSettings } from './context';
import { dateSelfCheck } from './date-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The fields of the simple-trigger event we use. */
export interface EditEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  source?: Spreadsheet;
  value?: unknown;
  oldValue?: unknown;
  /**
   * The person who edited (reference/spreadsheet/… «Event objects», onEdit: `user`, «if available
   * (depending on a complex set of security restrictions)»): an address only within the deployer's
   * Workspace domain, else blank.
   */
  user?: { getEmail(): string };
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
  /** Who edited, when Google says (EditEvent.user): a note typed into «Ход исполнения» is theirs. */
  author?: string;
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

/** The columns editFills reads, by header («Поручения» as people arranged it); -1 when absent. */
const EDIT_COLUMNS = {
  status: ORDER_COL.status,
  done: ORDER_COL.doneDate,
  deadline: ORDER_COL.deadline,
  original: ORDER_COL.originalDeadline,
  requested: ORDER_COL.requestedDate,
  history: ORDER_COL.history,
  text: ORDER_COL.text,
  executor: ORDER_COL.executor,
  entered: ORDER_COL.enteredAt,
  state: ORDER_COL.state,
  urgency: ORDER_COL.urgency,
  decision: ORDER_COL.decision,
  extensions: ORDER_COL.extensions,
  progress: ORDER_COL.progress,
} as const;

function editColumns(header: readonly Cell[]): Record<keyof typeof EDIT_COLUMNS, number> {
  const idx = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normHeader(h);
    if (k && !idx.has(k)) idx.set(k, i);
  });
  const out = {} as Record<keyof typeof EDIT_COLUMNS, number>;
  for (const k of Object.keys(EDIT_COLUMNS) as (keyof typeof EDIT_COLUMNS)[])
    out[k] = idx.get(normHeader(EDIT_COLUMNS[k])) ?? -1;
  return out;
}

/**
 * What onEdit writes for an edit of «Поручения», as a plain function of the rows read. Only blank
 * cells are filled (and «История» is appended to), so an edit never overwrites what a person wrote.
 */
export function editFills(edit: EditedRows, today: IsoDate, tz: string): EditFill[] {
  const c = editColumns(edit.header);
  const { status, done, deadline, original, requested, history, text, executor, entered, state } = c;
  const { urgency, decision, extensions, progress } = c;
  const edited = new Set(edit.editedCols);
  const fills: EditFill[] = [];
  edit.rows.forEach((r, i) => {
    const has = (c: number) => c >= 0 && !blank(r[c]);
    const old = history >= 0 && !blank(r[history]) ? String(r[history]) : '';
    const lines: string[] = [];
    const add = (line: string) => {
      // The same event typed twice on one day is one event.
      if (!old.split('\n').includes(line) && !lines.includes(line)) lines.push(line);
    };
    // «Внесено»: the day the row becomes an order — text, executor, and a control date or an
    // urgency (000 п.7 is judged on it; a pre-numbered or half-filled row is not one yet). A row a
    // daily check judged complete before («Состояние» other than «Не заполнено») keeps it blank:
    // its entry day is unknown.
    const isOrder =
      has(text) && has(executor) && (has(deadline) || fromList(String(r[urgency] ?? ''), Object.values(URGENCY)));
    const seen = state >= 0 && !blank(r[state]) && judgedBefore(String(r[state]));
    if (entered >= 0 && isOrder && blank(r[entered]) && !seen)
      fills.push({ row: i, header: ORDER_COL.enteredAt, value: midnightInZone(today, tz) });
    const doneIso = done >= 0 ? cellToIsoDate(r[done], tz) : null;
    const statusNow = status >= 0 ? fromList(String(r[status] ?? '').trim(), STATUSES) : null;
    if (status >= 0 && edited.has(status) && statusNow) {
      if (statusNow === STATUS.done && done >= 0 && blank(r[done]))
        fills.push({ row: i, header: ORDER_COL.doneDate, value: midnightInZone(today, tz) });
      if (statusEventNeeded(lastRecordedStatus(old), statusNow)) add(statusLine(today, statusNow));
    }
    // The execution recorded today: «Готово» set, or its «Дата исполнения» typed (000 п.13).
    if (statusNow === STATUS.done && (edited.has(status) || edited.has(done))) {
      const d = doneIso ?? (blank(r[done]) ? today : null);
      if (d && d <= today && !executionRecorded(old, d)) add(executedLine(today, d));
    }
    if (deadline >= 0 && edited.has(deadline) && has(deadline)) {
      // Only a real date is recorded; a bad one is the daily check's «Проверка данных» business.
      const d = cellToIsoDate(r[deadline], tz);
      const first = original >= 0 ? cellToIsoDate(r[original], tz) : null;
      if (d && original >= 0 && blank(r[original]))
        fills.push({ row: i, header: ORDER_COL.originalDeadline, value: midnightInZone(d, tz) });
      // Typed over once the order is under control: an event, one more «Переносов».
      const known = knownTerm({ history: old, originalDeadline: first });
      if (d && known && d !== known && seen) {
        add(termTypedLine(today, known, d));
        if (extensions >= 0)
          fills.push({ row: i, header: ORDER_COL.extensions, value: (Number(r[extensions]) || 0) + 1 });
      }
    }
    if (requested >= 0 && edited.has(requested) && has(requested)) add(requestHistoryLine(today, r[requested], tz));
    if (decision >= 0 && edited.has(decision)) {
      const dec = fromList(String(r[decision] ?? '').trim(), Object.values(DECISION));
      if (dec && decisionDayFromHistory(old, dec) === null) add(decisionTypedLine(today, dec));
    }
    // A note typed into «Ход исполнения» by someone Google names (003 п.80, 111, 133: the responsible
    // executor's page shows which co-executors have noted since «Внесено»). Unnamed: no line — a note
    // counts for no one rather than for a guess.
    if (progress >= 0 && edited.has(progress) && has(progress) && edit.author)
      add(noteLine(today, edit.author, 'sheet'));
    if (history >= 0 && lines.length)
      fills.push({ row: i, header: ORDER_COL.history, value: old ? `${old}\n${lines.join('\n')}` : lines.join('\n') });
  });
  return fills;
}

/** `fills` with each (row, header) of `more` replacing its earlier value. */
function mergeFills(fills: EditFill[], more: EditFill[]): EditFill[] {
  const key = (f: EditFill) => `${f.row}\u0001${f.header}`;
  const later = new Set(more.map(key));
  return [...fills.filter((f) => !later.has(key(f))), ...more];
}

/** True when the edited row is a periodic order now marked «Готово» (it rolls over, rollOverOccurrence). */
export function reportsOccurrence(header: readonly Cell[], row: readonly Cell[]): boolean {
  const norm = header.map(normHeader);
  const pc = norm.indexOf(normHeader(ORDER_COL.periodicity));
  const sc = norm.indexOf(normHeader(ORDER_COL.status));
  return pc >= 0 && sc >= 0 && !blank(row[pc]) && fromList(String(row[sc] ?? '').trim(), STATUSES) === STATUS.done;
}

/**
 * A reported occurrence of a periodic order rolled over at once (issue 22 item 1), through the
 * daily check's own function (domain/rules/periodic.ts rollOverOccurrence): the cells to write for
 * row `i` (0-based among the edited) — «Срок», «Статус», «Дата исполнения», «Причина нарушения
 * срока» and «История» — after `fills` (what the edit itself fills). [] when nothing rolls over.
 */
export function occurrenceFills(
  sheet: Sheet,
  header: Cell[],
  row: readonly Cell[],
  at: { i: number; sheetRow: number; fills: readonly EditFill[] },
  env: { today: IsoDate; tz: string; settings: Pick<Settings, 'nonWorkingDeadline'>; calendar: WorkCalendar },
  opts: { waitForReason?: boolean } = {},
): EditFill[] {
  const norm = header.map(normHeader);
  const cells = [...row];
  while (cells.length < header.length) cells.push('');
  for (const f of at.fills) {
    const c = norm.indexOf(normHeader(f.header));
    if (f.row === at.i && c >= 0) cells[c] = f.value;
  }
  const t = makeTable(TAB.orders, sheet, [header]);
  const o = parseOrderRow(t, TAB.orders, cells, at.sheetRow, env.tz, new Problems());
  if (opts.waitForReason && occurrenceAwaitsReason(o, env.settings, env.calendar)) return [];
  const r = rollOverOccurrence(o, env.today, env.settings, env.calendar);
  if (!r) return [];
  const has = (h: string) => norm.indexOf(normHeader(h)) >= 0;
  const out: EditFill[] = [
    { row: at.i, header: ORDER_COL.deadline, value: midnightInZone(r.set.deadline, env.tz) },
    { row: at.i, header: ORDER_COL.status, value: r.set.status },
    { row: at.i, header: ORDER_COL.doneDate, value: '' },
    { row: at.i, header: ORDER_COL.lateReason, value: '' },
    { row: at.i, header: ORDER_COL.history, value: appendHistory(o.history, r.history) },
  ];
  return out.filter((f) => has(f.header));
}

/** onEdit's roll-over of the edited rows that report an occurrence; «Настройки» and «Календарь» read only then. */
function withOccurrences(
  ss: Spreadsheet,
  sheet: Sheet,
  edit: EditedRows & { first: number },
  fills: EditFill[],
  today: IsoDate,
  tz: string,
): EditFill[] {
  // «Готово», its date, or the reason a late occurrence waits for.
  const norm = edit.header.map(normHeader);
  const watched = [ORDER_COL.status, ORDER_COL.doneDate, ORDER_COL.lateReason].map((h) => norm.indexOf(normHeader(h)));
  if (!edit.editedCols.some((c) => watched.includes(c))) return fills;
  const rows = edit.rows.map((r, i) => ({ r, i })).filter(({ r }) => reportsOccurrence(edit.header, r));
  if (rows.length === 0) return fills;
  const problems = new Problems();
  const env = { today, tz, settings: readSettings(ss, problems), calendar: readCalendar(ss, tz, problems) };
  let out = fills;
  for (const { r, i } of rows)
    out = mergeFills(
      out,
      occurrenceFills(sheet, edit.header, r, { i, sheetRow: edit.first + i, fills: out }, env, { waitForReason: true }),
    );
  return out;
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

/**
 * «Мои поручения»'s index (workbook/page-index.ts): the «№» of every row a person edits — any
 * column — go to «Правки страницы», so the page reads those rows again instead of trusting the
 * index. A single «№» typed over also logs the number it replaced (a multi-cell paste over «№» loses
 * them: the page then finds the old «№» gone and reads every row). `rows`: the edited rows as
 * handleEdit read them (null past MAX_LOGGED rows: everything is logged). One appendRow.
 */
function logEditedRows(e: EditEvent, ss: Spreadsheet, norm: string[], rows: Cell[][] | null): void {
  const nc = norm.indexOf(normHeader(ORDER_COL.number));
  if (nc < 0 || !rows) {
    logPageEdits(ss, [ALL]);
    return;
  }
  const numbers = rows.map((r) => numberText(r[nc]));
  const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1 && e.range.getColumn() === nc + 1;
  if (single && e.oldValue !== undefined) numbers.push(numberText(e.oldValue as Cell));
  logPageEdits(ss, numbers.length ? numbers : [ALL]);
}

/** The editor's address when the event gives one ('' otherwise; never throws). */
function editorEmail(e: EditEvent): string {
  try {
    return (e.user?.getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
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
  const author = editorEmail(e);
  const watched = [
    ORDER_COL.status,
    ORDER_COL.deadline,
    ORDER_COL.requestedDate,
    ORDER_COL.text,
    ORDER_COL.executor,
    ORDER_COL.urgency,
    ORDER_COL.doneDate,
    ORDER_COL.decision,
    // A late occurrence of a periodic order rolls over when its reason is typed (withOccurrences).
    ORDER_COL.lateReason,
    // A note's author, when Google names the editor (editFills).
    ...(author ? [ORDER_COL.progress] : []),
  ].map((h) => norm.indexOf(normHeader(h)));
  const acts = watched.some((c) => c >= 0 && editedCols.includes(c));
  const ss = e.source ?? SpreadsheetApp.getActive();
  // Once the daily check has built the page's index, every edit is logged (logEditedRows).
  const logs = ss.getSheetByName(EDITS_TAB) !== null;
  if (!acts && !logs) return 0;
  const count = lastEdited - first + 1;
  // One read of the edited rows serves both the log («№») and the rules.
  const rows = acts || count <= MAX_LOGGED ? (sheet.getRange(first, 1, count, lastCol).getValues() as Cell[][]) : null;
  if (logs) logEditedRows(e, ss, norm, rows);
  if (!acts || !rows) return 0;
  const tz = ss.getSpreadsheetTimeZone() || 'Europe/Moscow';
  const now = new Date();
  const today = dateInZone(now, tz);
  const fills = withOccurrences(
    ss,
    sheet,
    { header, rows, editedCols, first },
    editFills({ header, rows, editedCols, author }, today, tz),
    today,
    tz,
  );
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
