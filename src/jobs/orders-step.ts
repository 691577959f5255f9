// The orders' register in the daily check (spec «Daily check» steps 1–5): «Поручения» read once,
// the rules applied stage by stage (src/domain/rules), then the writes — only changed cells, in an
// order a run stopped at any call can finish — the notices, and the rows due for «Архив».
// Highlighting: rows are coloured by the conditional formatting on «Состояние» that «Настроить
// таблицу» installs, so writing «Состояние» is the refresh; no setBackgrounds here (it would also
// wipe colours people gave their cells).
import { midnightInZone } from '../domain/dates';
import { ARCHIVE_WHAT, appendHistory, endsWithArchiveLine, historyLine } from '../domain/history';
import type { OrderRecord } from '../domain/order';
import { archiveDay } from '../domain/removal';
import type { RunMode } from '../domain/rules/rule';
import { writeChanged } from '../workbook/diff-writer';
import { firstRuns, MAX_ARCHIVE_RUNS, moveToArchive, type OrderBook, writePeopleCells } from '../workbook/orders';
import { shiftProblemRows } from '../workbook/problem-notes';
import { writeProblemsTab } from '../workbook/problems-tab';
import { ORDER_COL, ORDER_SYSTEM_HEADERS, TAB } from '../workbook/schema';
import { type Cell, safeText, type Table } from '../workbook/table';
import { checkRegisters, problemNotes, writeProblems } from './check-step';
import type { RunContext } from './context';
import { sendEscalations } from './escalation';
import { restoreNoticeLines } from './notice-lines';
import { fillStep } from './order-fill';
import { sendNotices } from './order-notices';
import { newRuleRun, PeopleCells, type RuleRun, runStage } from './order-pipeline';
import { pageIndexStale, rebuildPageIndex } from './page-index-build';
import { rollOverHistories } from './rollover';
import { writeStep } from './steps';

/** People's cells the daily check may write, in the order written. */
const PEOPLE_WRITE_ORDER: readonly string[] = [
  ORDER_COL.number,
  ORDER_COL.deadline,
  ORDER_COL.status,
  ORDER_COL.doneDate,
  ORDER_COL.lateReason,
  ORDER_COL.requestedDate,
  ORDER_COL.requestReason,
  ORDER_COL.decision,
  // Last, like «Решение по переносу»: a run stopped before it leaves the decision visible.
  ORDER_COL.removal,
];

/** A row's step-2 counters and its «История» line: written in one call (see writeChanged). */
const LINE_AND_COUNTERS: readonly string[] = [
  ORDER_COL.originalDeadline,
  ORDER_COL.extensions,
  ORDER_COL.returns,
  ORDER_COL.history,
];

export interface Outcome {
  decisions: number;
  filled: number;
  messages: number;
  notSent: number;
  archived: number;
  /** Rows due for «Архив» left for the next run (more than MAX_ARCHIVE_RUNS runs of rows). */
  archiveDeferred: number;
}

export function newOutcome(): Outcome {
  return { decisions: 0, filled: 0, messages: 0, notSent: 0, archived: 0, archiveDeferred: 0 };
}

/** The system cell of header `h` for order `o` (`current` when the add-on leaves it as it is). */
function systemValue(o: OrderRecord, h: string, current: Cell, tz: string): Cell {
  switch (h) {
    case ORDER_COL.enteredAt:
      return o.enteredAt && !o.invalid.includes(h) ? midnightInZone(o.enteredAt, tz) : current;
    case ORDER_COL.originalDeadline:
      return o.originalDeadline && !o.invalid.includes(h) ? midnightInZone(o.originalDeadline, tz) : current;
    case ORDER_COL.extensions:
      return o.invalid.includes(h) ? current : o.extensions;
    case ORDER_COL.returns:
      return o.invalid.includes(h) ? current : o.returns;
    case ORDER_COL.state:
      return o.state;
    case ORDER_COL.overdueDays:
      return o.overdueDays ?? '';
    case ORDER_COL.history:
      return safeText(o.history);
    case ORDER_COL.coDeadline:
      return o.invalid.includes(h) ? current : o.coDeadline ? midnightInZone(o.coDeadline, tz) : '';
    default:
      return current;
  }
}

/** Writes the given system columns from the records: only the cells that changed since the read (or the last write). */
function systemWriter(book: OrderBook, t: Table, tz: string): (headers: string[]) => void {
  const byIdx = new Map<number, OrderRecord>();
  for (const o of book.orders) byIdx.set(o.row - 2, o);
  return (headers) =>
    writeChanged(
      t,
      headers,
      t.rows.length,
      (i, h) => {
        const current = t.rows[i][t.col(h)] ?? '';
        const o = byIdx.get(i);
        return o ? systemValue(o, h, current, tz) : current;
      },
      { together: LINE_AND_COUNTERS, byValue: [ORDER_COL.state] },
    );
}

/**
 * Step 5 (choice): rows «Готово» for keepDoneDays working days (000 п.14; in the «решением давшего
 * поручение» mode from «Снято») go to «Архив», a bounded number of row runs per run. The line is not
 * added again to a row a stopped run was moving. Returns the 0-based rows.
 */
function chooseArchive(ctx: RunContext, book: OrderBook, out: Outcome): number[] {
  const { settings: s, calendar: cal, today } = ctx;
  const due = book.orders.filter((o) => {
    if (!o.number || o.invalid.includes(ORDER_COL.number)) return false;
    const day = archiveDay(o, s.removalMode, s.keepDoneDays, cal);
    return day !== null && today >= day;
  });
  const chosen = new Set(
    firstRuns(
      due.map((o) => o.row - 2),
      MAX_ARCHIVE_RUNS,
    ),
  );
  const rows: number[] = [];
  for (const o of due) {
    if (!chosen.has(o.row - 2)) continue;
    if (!endsWithArchiveLine(o.history)) o.history = appendHistory(o.history, [historyLine(today, ARCHIVE_WHAT)]);
    rows.push(o.row - 2);
  }
  out.archiveDeferred = due.length - rows.length;
  return rows;
}

/**
 * Moves the chosen rows to «Архив». «Проверка данных» is written first as it is after the move: the
 * rows below moved up, and a moved row's problems said to be in «Архив» with its «№» and the day —
 * so a run stopped anywhere in the move finds them there the same day (moved-problems.ts), and one
 * stopped before the rows were deleted judges them again where they still are. Notes after the move
 * (they move with their rows).
 */
function archiveRows(ctx: RunContext, book: OrderBook, t: Table, rows: number[], out: Outcome): void {
  if (!rows.length || !book.archiveTable) return;
  const chosen = new Set(rows.map((i) => i + 2));
  const moved = new Map(book.orders.filter((o) => chosen.has(o.row)).map((o) => [o.row, o.number]));
  const shifted = shiftProblemRows(ctx.problems.list, TAB.orders, moved, ctx.today);
  if (shifted) writeStep(ctx, 'Проверка данных', () => writeProblemsTab(ctx.ss, ctx.problems, ctx.now, ctx.tz));
  const archived = new Set(book.archive.map((o) => o.number).filter(Boolean));
  out.archived = moveToArchive(t, book.archiveTable, rows, midnightInZone(ctx.today, ctx.tz), archived);
  // Notes moved with their rows: only the cells whose lines changed are looked at.
  if (shifted) problemNotes(ctx, ctx.problems.list, TAB.orders);
}

/**
 * The writes, in an order that a run stopped at any call can finish: the system columns first
 * (counters, «История» with the lines of step 2), then people's cells; a re-run that finds a
 * change's line in «История» only finishes its cells (step2Patch, assignNumber). Notices after
 * that: their keys go to «Журнал» at once, their lines to «История» below, and restoreNoticeLines
 * brings back the lines of a run stopped in between.
 */
function writeAndNotify(
  ctx: RunContext,
  book: OrderBook,
  t: Table,
  mode: RunMode,
  run: RuleRun,
  out: Outcome,
  toArchive: readonly number[],
): void {
  const writeSystem = systemWriter(book, t, ctx.tz);
  // «Внесено» before «Состояние»: the stamp rule skips a row that has a «Состояние», so a run cut
  // after that write and before this one would leave the row without its entry day for good.
  // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
  if (mode !== 'refresh') rollOverHistories(ctx.ss, ctx.tz, book.orders);
  if (mode !== 'refresh') writeSystem([ORDER_COL.enteredAt]);
  writeSystem(mode === 'refresh' ? [ORDER_COL.state, ORDER_COL.overdueDays] : [...ORDER_SYSTEM_HEADERS]);
  // «Решение по переносу» last: a run stopped before it leaves the decision visible, and the
  // decision's line in «История» tells the re-run to finish clearing, not to decide again.
  const changes = run.cells?.changes;
  if (changes?.size)
    writePeopleCells(t, new Map(PEOPLE_WRITE_ORDER.filter((h) => changes.has(h)).map((h) => [h, changes.get(h)!])));
  if (!book.ordersUsable || mode === 'refresh') return;
  // Step 4: notices, one digest per recipient; then their lines in «История».
  const before = book.orders.map((o) => o.history);
  runStage(ctx, book, 'notify', mode, run);
  // Links name the rows as they will be once this run's archiving has moved rows up (issue 25 item 1).
  const leaving = toArchive.map((i) => i + 2);
  const rowNow = (row: number) => row - leaving.filter((r) => r < row).length;
  const r = sendNotices(ctx, book, mode, run.notices, rowNow);
  out.messages = r.sent;
  // 004 п.4.1.4: the unit heads' own message, once per order.
  if (mode === 'daily') out.messages += sendEscalations(ctx, book);
  out.notSent += r.notSent;
  if (book.orders.some((o, i) => o.history !== before[i])) {
    rollOverHistories(ctx.ss, ctx.tz, book.orders);
    writeSystem([ORDER_COL.history]);
  }
}

/** The orders' register: fill (step 2), check (step 1), state (step 3), writes, notices (4), «Архив» (5). */
export function processOrders(ctx: RunContext, book: OrderBook, mode: RunMode, out: Outcome = newOutcome()): Outcome {
  const t = book.ordersTable;
  const usable = book.ordersUsable && t !== null;
  const run = newRuleRun(t ? new PeopleCells(t) : null);
  // «Мои поручения»'s index stops counting until rebuilt below, after every write (issue 23).
  if (usable) pageIndexStale(ctx);
  if (usable && mode !== 'refresh') {
    out.filled += fillStep(ctx, book, t, mode, run);
    out.decisions += run.decisions;
    // Lines of notices a stopped run sent but could not write to «История» (keys are in «Журнал»).
    restoreNoticeLines(ctx, book);
  }
  if (mode === 'daily') {
    checkRegisters(ctx, book, 'daily');
    writeProblems(ctx, book);
  }
  runStage(ctx, book, 'state', mode, run);
  const toArchive = usable && mode === 'daily' && book.archiveTable ? chooseArchive(ctx, book, out) : [];
  if (!t) return out;
  const late = ctx.mailer.counts.late;
  writeAndNotify(ctx, book, t, mode, run, out, toArchive);
  // Mail deferred for time: the follow-up repeats this step (jobs/follow-up.ts). The rows stay until
  // then, so it judges them — and mails the controller — as one clean run would: a row gone to
  // «Архив» is no longer checked, and its problems (a back-dated execution recorded today, say)
  // would drop out of the list. Their «История» keeps the archive line; the follow-up moves them.
  if (ctx.mailer.counts.late > late) out.archiveDeferred += toArchive.length;
  else archiveRows(ctx, book, t, toArchive, out);
  if (usable) rebuildPageIndex(ctx, book, out.archived ? toArchive : []);
  return out;
}
