// The daily check (spec «Daily check» steps 1–7), «Отправить новые поручения исполнителям» and
// «Проверить данные». Each tab is read once; writes are contiguous blocks; mail goes through
// ctx.mailer, which records each notice's key in «Журнал» right after the send.
// Highlighting: rows are coloured by the conditional formatting on «Состояние» that «Настроить
// таблицу» installs, so writing «Состояние» is the refresh; no setBackgrounds here (it would also
// wipe colours people gave their cells).

import { dateTimeRuInZone, formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { dueDate, entryDeadline, extensionCutoff, isLateEntry, isLateRequest } from '../domain/deadlines';
import { assignNumber, type OrderPatch, step2Patch } from '../domain/decisions';
import {
  ARCHIVE_WHAT,
  appendHistory,
  endsWithArchiveLine,
  hasNoticeLine,
  historyLine,
  noticeLine,
  parseNoticeKey,
  requestDayFromHistory,
  requestLine,
} from '../domain/history';
import { dueNotices, type Notice, type NoticeKind } from '../domain/notices';
import type { OrderRecord } from '../domain/order';
import { entersToday, eventProblems, recordEvents } from '../domain/order-event-rules';
import { orderState, overdueWorkingDays } from '../domain/order-state';
import { archiveDay, type RemovalPatch, removalPatch } from '../domain/removal';
import { resolveRecipient } from '../domain/substitutes';
import { composeDigest, type DigestItem } from '../mail/compose';
import { dailyArchiveSince, olderArchiveNumbers } from '../workbook/archive-window';
import { writeChanged } from '../workbook/diff-writer';
import {
  firstRuns,
  MAX_ARCHIVE_RUNS,
  moveToArchive,
  type OrderBook,
  readOrderBook,
  writePeopleCells,
} from '../workbook/orders';
import {
  MAX_NOTE_CELLS,
  type NotedCell,
  readNotedCells,
  shiftProblemRows,
  writeProblemNotes,
} from '../workbook/problem-notes';
import { writeProblemsTab } from '../workbook/problems-tab';
import { DECISION, ORDER_COL, ORDER_SYSTEM_HEADERS, TAB } from '../workbook/schema';
import { type Cell, safeText, type Table } from '../workbook/table';
import { type AppealDigestEntry, type AppealRun, appealDigestEntries, finishAppeals, prepareAppeals } from './appeals';
import { appealsReportFrom, reportDays } from './appeals-report';
import { openContext, type RunContext } from './context';
import { DailyProgress, parseCheckpoint, readCheckpoint } from './follow-up';
import { leanReminders, validateLean } from './lean';
import { linkMaker, webAppUrl } from './links';
import { lockSpreadsheet } from './lock';
import { blockedMessage, flushOrJournal, isProtectionError } from './protected';
import { ratingReminders, validateRating } from './rating';
import { periodicReports } from './reports';
import { rollOverHistories } from './rollover';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10_000;

/** Runs `fn` under the spreadsheet's locks (jobs/lock.ts); when another run holds one, logs and returns without work. */
function withLock(what: string, fn: () => string): string {
  const locks = lockSpreadsheet(LOCK_WAIT_MS);
  if (!locks) {
    const msg = `${what}: уже выполняется другой запуск, этот пропущен.`;
    console.log(msg);
    return msg;
  }
  try {
    return fn();
  } finally {
    flushOrJournal(what);
    locks.release();
  }
}

/** Calls another module's step; its failure is logged and never stops the daily check. */
function guarded(ctx: RunContext, action: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (isProtectionError(e)) ctx.journal.add({ action, result: blockedMessage(ctx.ss) });
    else ctx.journal.add({ action, result: `ошибка: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * Runs a step that writes; a write refused by a protection ends that step (as a cut would: the
 * steps are safe to stop at any call) with a «Журнал» line naming the range, and the run goes on.
 * Other errors pass.
 */
function writeStep(ctx: RunContext, action: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!isProtectionError(e)) throw e;
    ctx.journal.add({ action, result: blockedMessage(ctx.ss) });
  }
}

type Mode = 'daily' | 'notify' | 'refresh';

/** People's cells the daily check may write, in the order written (see processOrders). */
const PEOPLE_WRITE_ORDER: readonly string[] = [
  ORDER_COL.number,
  ORDER_COL.deadline,
  ORDER_COL.status,
  ORDER_COL.doneDate,
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

interface Outcome {
  decisions: number;
  filled: number;
  messages: number;
  notSent: number;
  archived: number;
  /** Rows due for «Архив» left for the next run (more than MAX_ARCHIVE_RUNS runs of rows). */
  archiveDeferred: number;
}

/**
 * The «История» line of a notice sent on `day` to `email`, meant for `person` (null: the
 * controller). Built the same way right after a send and when rebuilt from «Журнал», so a line lost
 * to a cut comes back word for word.
 */
function noticeHistoryLine(
  book: OrderBook,
  kind: NoticeKind,
  person: string | null,
  email: string,
  day: IsoDate,
): string {
  if (person === null) return noticeLine(day, kind, 'контролёр', email);
  const r = resolveRecipient(person, book.executorByName, day);
  if (r.ok && r.recipient.email.trim().toLowerCase() === email.trim().toLowerCase())
    return noticeLine(day, kind, r.recipient.name, email, r.recipient.onBehalfOf?.name);
  return noticeLine(day, kind, person, email);
}

/**
 * Adds to «История» (in memory) the notice lines of messages recorded in «Журнал» that «История»
 * lacks: a run stopped after a send and before «История» was written keeps the key (so nothing is
 * sent again) and loses only the line; this brings it back. Rows of «Архив» are left as they are.
 */
function restoreNoticeLines(ctx: RunContext, book: OrderBook): void {
  const byNumber = new Map<string, OrderRecord>();
  for (const o of book.orders)
    if (o.number && !o.invalid.includes(ORDER_COL.number) && !byNumber.has(o.number)) byNumber.set(o.number, o);
  if (byNumber.size === 0) return;
  for (const { key: k, day, email } of ctx.journal.recordedNotices(ctx.tz, parseNoticeKey)) {
    const o = byNumber.get(k.number);
    if (!o || hasNoticeLine(o.history, day, k.kind, email)) continue;
    const person = k.kind === 'extension' ? null : (k.coExecutor ?? o.executor);
    o.history = appendHistory(o.history, [noticeHistoryLine(book, k.kind, person, email, day)]);
  }
}

/**
 * 0-based rows of `blanks` whose cell in `header` holds a formula (its value is blank, e.g.
 * =ЕСЛИ(…;"";…)): the cell is the people's and is never filled. One getFormulas over the span of
 * the blank cells, whatever the number of rows.
 */
function formulaRows(t: Table, header: string, blanks: number[]): Set<number> {
  const out = new Set<number>();
  const c = t.col(header);
  if (c < 0 || blanks.length === 0) return out;
  const first = blanks.reduce((a, b) => Math.min(a, b));
  const last = blanks.reduce((a, b) => Math.max(a, b));
  const f = t.sheet.getRange(first + 2, c + 1, last - first + 1, 1).getFormulas();
  for (const i of blanks) if (f[i - first]?.[0]) out.add(i);
  return out;
}

/** Order problems found by rules (not by parsing): late extension requests (000 п.11), late entry (000 п.7). */
function ruleProblems(ctx: RunContext, book: OrderBook, requestDays: Map<OrderRecord, IsoDate>): void {
  const { settings: s, calendar: cal, today } = ctx;
  for (const o of book.orders) {
    if (o.requestedDate && !o.decision && o.deadline) {
      const day = requestDays.get(o) ?? today;
      const due = dueDate(o.deadline, s, cal);
      if (isLateRequest(day, due, s.extensionCutoffDays, cal, o.enteredAt))
        ctx.problems.add({
          tab: TAB.orders,
          row: o.row,
          column: ORDER_COL.requestedDate,
          value: formatRu(o.requestedDate),
          message: `Запрос переноса сделан ${formatRu(day)} — позже срока подачи: не позднее ${formatRu(extensionCutoff(due, s.extensionCutoffDays, cal, o.enteredAt))} (за ${s.extensionCutoffDays} раб. дн. до срока ${formatRu(due)}).`,
          fix: 'Контролёр решает по запросу («Решение по переносу»); впредь подавайте запрос раньше.',
        });
    }
    // Late changes of term, back-dated or undone executions (domain/order-event-rules).
    for (const p of eventProblems(o, today, cal, (t) => dueDate(t, s, cal)))
      ctx.problems.add({ tab: TAB.orders, row: o.row, ...p });
    // 000 п.7: judged on «Внесено» and nothing else (not on mail sent: mail may be off).
    const p = book.protocolByNumber.get(o.protocol);
    if (p?.date && o.enteredAt && isLateEntry(p.date, o.enteredAt, s.entryDays, cal))
      ctx.problems.add({
        tab: TAB.orders,
        row: o.row,
        column: ORDER_COL.enteredAt,
        value: formatRu(o.enteredAt),
        message: `Поручение внесено позже срока: внесено ${formatRu(o.enteredAt)}, совещание ${formatRu(p.date)}, внести нужно было не позднее ${formatRu(entryDeadline(p.date, s.entryDays, cal))}.`,
        fix: `Вносите поручения в течение ${s.entryDays} раб. дн. после совещания.`,
      });
  }
}

/** Notes on the problem cells (spec «Bad input»); a failure is logged and never stops the run. */
function problemNotes(ctx: RunContext, previous: readonly NotedCell[], onlyTab?: string): void {
  guarded(ctx, 'Примечания к ячейкам', () => {
    const r = writeProblemNotes(ctx.ss, ctx.problems.list, previous, onlyTab);
    if (r.skipped.length)
      ctx.journal.add({
        action: 'Примечания к ячейкам',
        result: `примечания не обновлены на листах ${r.skipped.map((t) => `«${t}»`).join(', ')}: больше ${MAX_NOTE_CELLS} ячеек; проблемы — на листе «${TAB.problems}»`,
      });
  });
}

function applyPatch(o: OrderRecord, p: OrderPatch, put: (header: string, v: Cell) => void, tz: string): void {
  if (p.number !== undefined) {
    o.number = p.number;
    put(ORDER_COL.number, p.number);
  }
  if (p.deadline !== undefined) {
    o.deadline = p.deadline;
    put(ORDER_COL.deadline, midnightInZone(p.deadline, tz));
  }
  if (p.originalDeadline !== undefined) o.originalDeadline = p.originalDeadline;
  if (p.extensions !== undefined) o.extensions = p.extensions;
  if (p.returns !== undefined) o.returns = p.returns;
  if (p.clearRequest) {
    o.requestedDate = null;
    o.requestReason = '';
    o.decision = '';
    put(ORDER_COL.requestedDate, '');
    put(ORDER_COL.requestReason, '');
    put(ORDER_COL.decision, '');
  }
  if (p.clearDoneDate) {
    o.doneDate = null;
    put(ORDER_COL.doneDate, '');
  }
  o.history = appendHistory(o.history, p.history);
}

/** Applies the removal decision (001 гл.7 п.2.4.15; 003 п.199) before the rest of step 2. */
function applyRemoval(o: OrderRecord, p: RemovalPatch, put: (header: string, v: Cell) => void): boolean {
  if (p.status !== undefined) {
    o.status = p.status;
    put(ORDER_COL.status, p.status);
  }
  if (p.clearDoneDate) {
    o.doneDate = null;
    put(ORDER_COL.doneDate, '');
  }
  if (p.returns !== undefined) o.returns = p.returns;
  if (p.removal !== undefined && p.removal !== o.removal) {
    o.removal = p.removal;
    put(ORDER_COL.removal, p.removal);
  }
  o.history = appendHistory(o.history, p.history);
  return p.history.length > 0;
}

function newOutcome(): Outcome {
  return { decisions: 0, filled: 0, messages: 0, notSent: 0, archived: 0, archiveDeferred: 0 };
}

function processOrders(ctx: RunContext, book: OrderBook, mode: Mode, out: Outcome = newOutcome()): Outcome {
  const t = book.ordersTable;
  const { today, settings: s, calendar: cal, tz } = ctx;
  const usable = book.ordersUsable && t !== null;

  // Step 2: fill blanks, record the first control date, apply decisions.
  const changes = new Map<string, Map<number, Cell>>();
  const requestDays = new Map<OrderRecord, IsoDate>();
  if (usable && mode !== 'refresh') {
    const used = new Set<string>([...book.orders, ...book.archive].map((o) => o.number).filter(Boolean));
    // A blank «№»/«Срок» given by a formula is not blank: people's formula, never overwritten.
    const wantsNumber = (o: OrderRecord) =>
      !o.number && !o.invalid.includes(ORDER_COL.number) && !!(o.text || o.executor);
    // Only the tail of «Архив» was read: a protocol older than it may have numbered orders above it.
    const since = dailyArchiveSince(today);
    if (
      book.archiveTable &&
      book.orders.some((o) => {
        const d = book.protocolByNumber.get(o.protocol)?.date;
        return wantsNumber(o) && !(d && d >= since);
      })
    )
      for (const n of olderArchiveNumbers(book.archiveTable)) used.add(n);
    const wantsDeadline = (o: OrderRecord) => !o.deadline && !o.invalid.includes(ORDER_COL.deadline);
    for (const [header, wants] of [
      [ORDER_COL.number, wantsNumber],
      [ORDER_COL.deadline, wantsDeadline],
    ] as const) {
      const blank = book.orders.filter(wants);
      const withFormula = formulaRows(
        t,
        header,
        blank.map((o) => o.row - 2),
      );
      for (const o of blank)
        if (withFormula.has(o.row - 2)) {
          o.invalid.push(header);
          ctx.problems.add({
            tab: TAB.orders,
            row: o.row,
            column: header,
            value: '',
            message: `В «${header}» формула, и её значение пустое: надстройка не заполняет ячейку с формулой${header === ORDER_COL.deadline ? ', срок не определён — напоминаний и контроля срока нет' : ', письма по поручению без № не отправляются'}.`,
            fix: `Исправьте формулу так, чтобы она давала ${header === ORDER_COL.deadline ? 'дату' : 'номер'}, или замените её значением.`,
          });
        }
    }
    for (const o of book.orders) {
      const idx = o.row - 2;
      const put = (h: string, v: Cell) => {
        if (t.col(h) < 0) return;
        let m = changes.get(h);
        if (!m) {
          m = new Map();
          changes.set(h, m);
        }
        m.set(idx, v);
        t.rows[idx][t.col(h)] = v;
      };
      // «Внесено»: the first run that sees the row filled in stamps it, if onEdit did not. A row
      // that already has a «Состояние» was seen by an earlier run (before «Внесено» existed): its
      // entry day is unknown, so it stays blank and the entry rule does not judge it.
      // Events the reports read a finished period from (domain/order-event-rules): a «Срок» typed
      // over, «Статус», the execution recorded — unless onEdit dated them already. Not while an
      // approval is being applied (its «Срок» may still be the old one after a stopped run).
      if (mode === 'daily' && o.decision !== DECISION.approved) {
        const ev = recordEvents(o, today);
        if (ev.extensions !== undefined) o.extensions = ev.extensions;
        if (ev.originalDeadline !== undefined) o.originalDeadline = ev.originalDeadline;
        o.history = appendHistory(o.history, ev.history);
      }
      if (mode === 'daily' && !o.invalid.includes(ORDER_COL.removal) && !o.invalid.includes(ORDER_COL.status))
        if (applyRemoval(o, removalPatch(o, today, s.removalMode), put)) out.decisions++;
      const protocol = book.protocolByNumber.get(o.protocol);
      const protocolDate = protocol?.date ?? null;
      const { patch, issues } = step2Patch(o, {
        approver: o.approvedBy || protocol?.chair || '',
        today,
        settings: s,
        calendar: cal,
        protocolDate,
        fillOnly: mode === 'notify',
      });
      if (wantsNumber(o)) {
        const a = assignNumber(o, used, today);
        patch.number = a.number;
        used.add(a.number);
        if (a.line) patch.history.unshift(a.line);
      }
      const filledDeadline = !o.deadline && patch.deadline !== undefined;
      if (patch.extensions !== undefined || patch.clearRequest || patch.returns !== undefined) out.decisions++;
      if (patch.number !== undefined || filledDeadline) out.filled++;
      applyPatch(o, patch, put, tz);
      // «Внесено»: when the row becomes an order (text, executor, a control date or an urgency),
      // if onEdit did not stamp it.
      if (entersToday(o)) o.enteredAt = today;
      for (const i of issues) ctx.problems.add({ tab: TAB.orders, row: o.row, ...i });
      if (o.requestedDate && !o.decision) {
        const known = requestDayFromHistory(o.history, o.requestedDate);
        if (!known) o.history = appendHistory(o.history, [requestLine(today, o.requestedDate)]);
        requestDays.set(o, known ?? today);
      }
    }
  }
  // Lines of notices a stopped run sent but could not write to «История» (keys are in «Журнал»).
  if (usable && mode !== 'refresh') restoreNoticeLines(ctx, book);

  // Step 1 (output): rule problems, the other modules' checks, «Проверка данных».
  if (mode === 'daily') {
    ruleProblems(ctx, book, requestDays);
    guarded(ctx, 'Проверка бережливых проектов', () => validateLean(ctx));
    guarded(ctx, 'Проверка самооценки', () => validateRating(ctx));
    const noted = readNotedCells(ctx.ss); // before the rewrite: the cells that carry our notes
    writeStep(ctx, 'Проверка данных', () => writeProblemsTab(ctx.ss, ctx.problems, ctx.now, tz));
    problemNotes(ctx, noted);
  }

  // Step 3: states.
  for (const o of book.orders) {
    const st = { ...o, protocolDate: book.protocolByNumber.get(o.protocol)?.date ?? null };
    o.state = orderState(st, today, s, cal);
    o.overdueDays = overdueWorkingDays(st, today, s, cal);
  }

  // Step 5 (choice): rows «Готово» for keepDoneDays working days go to «Архив». The line is not
  // added again to a row a stopped run was moving.
  const toArchive: number[] = [];
  if (usable && mode === 'daily' && book.archiveTable) {
    // 000 п.14; in the «решением давшего поручение» mode the delay counts from «Снято».
    const due = book.orders.filter((o) => {
      if (!o.number || o.invalid.includes(ORDER_COL.number)) return false;
      const day = archiveDay(o, s.removalMode, s.keepDoneDays, cal);
      return day !== null && today >= day;
    });
    // A bounded number of row runs per run; the others move on the next run.
    const chosen = new Set(
      firstRuns(
        due.map((o) => o.row - 2),
        MAX_ARCHIVE_RUNS,
      ),
    );
    for (const o of due) {
      if (!chosen.has(o.row - 2)) continue;
      if (!endsWithArchiveLine(o.history)) o.history = appendHistory(o.history, [historyLine(today, ARCHIVE_WHAT)]);
      toArchive.push(o.row - 2);
    }
    out.archiveDeferred = due.length - toArchive.length;
  }

  // Writes, in an order that a run stopped at any call can finish: the system columns first
  // (counters, «История» with the lines of step 2), then people's cells; a re-run that finds a
  // change's line in «История» only finishes its cells (step2Patch, assignNumber). Notices after
  // that: their keys go to «Журнал» at once, their lines to «История» below, and restoreNoticeLines
  // brings back the lines of a run stopped in between.
  if (t) {
    const byIdx = new Map<number, OrderRecord>();
    for (const o of book.orders) byIdx.set(o.row - 2, o);
    const value = (o: OrderRecord, h: string, current: Cell): Cell => {
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
        default:
          return current;
      }
    };
    // Only the cells that changed since the read (or since the first write below) are written.
    const writeSystem = (headers: string[]) =>
      writeChanged(
        t,
        headers,
        t.rows.length,
        (i, h) => {
          const current = t.rows[i][t.col(h)] ?? '';
          const o = byIdx.get(i);
          return o ? value(o, h, current) : current;
        },
        { together: LINE_AND_COUNTERS },
      );
    // «Внесено» before «Состояние»: the stamp rule above skips a row that has a «Состояние», so a run
    // cut after that write and before this one would leave the row without its entry day for good.
    // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
    if (mode !== 'refresh') rollOverHistories(ctx.ss, tz, book.orders);
    if (mode !== 'refresh') writeSystem([ORDER_COL.enteredAt]);
    writeSystem(mode === 'refresh' ? [ORDER_COL.state, ORDER_COL.overdueDays] : [...ORDER_SYSTEM_HEADERS]);
    // «Решение по переносу» last: a run stopped before it leaves the decision visible, and the
    // decision's line in «История» tells the re-run to finish clearing, not to decide again.
    if (changes.size)
      writePeopleCells(t, new Map(PEOPLE_WRITE_ORDER.filter((h) => changes.has(h)).map((h) => [h, changes.get(h)!])));

    // Step 4: notices, one digest per recipient; then their lines in «История».
    if (usable && mode !== 'refresh') {
      const before = book.orders.map((o) => o.history);
      // Links name the rows as they will be once this run's archiving has moved rows up (issue 25 item 1).
      const leaving = toArchive.map((i) => i + 2);
      out.messages = sendNotices(
        ctx,
        book,
        mode,
        requestDays,
        out,
        (row) => row - leaving.filter((r) => r < row).length,
      );
      if (book.orders.some((o, i) => o.history !== before[i])) {
        rollOverHistories(ctx.ss, tz, book.orders);
        writeSystem([ORDER_COL.history]);
      }
    }

    if (toArchive.length && book.archiveTable) {
      const archived = new Set(book.archive.map((o) => o.number).filter(Boolean));
      out.archived = moveToArchive(t, book.archiveTable, toArchive, midnightInZone(today, tz), archived);
      // Rows below the archived ones moved up: point «Проверка данных» and the notes at where each
      // row is now.
      const deletedRows = out.archived ? toArchive.map((i) => i + 2) : [];
      if (shiftProblemRows(ctx.problems.list, TAB.orders, deletedRows)) {
        writeStep(ctx, 'Проверка данных', () => writeProblemsTab(ctx.ss, ctx.problems, ctx.now, tz));
        // Notes moved with their rows: only the cells whose lines changed are looked at.
        problemNotes(ctx, ctx.problems.list, TAB.orders);
      }
    }
  }
  return out;
}

function sendNotices(
  ctx: RunContext,
  book: OrderBook,
  mode: Mode,
  requestDays: Map<OrderRecord, IsoDate>,
  out: Outcome,
  rowNow: (row: number) => number = (row) => row,
): number {
  const t = book.ordersTable!;
  const { today, settings: s, calendar: cal } = ctx;
  const kinds: NoticeKind[] | undefined = mode === 'notify' ? ['new'] : undefined;
  const notices: Notice[] = [];
  for (const o of book.orders)
    notices.push(
      ...dueNotices(o, {
        today,
        settings: s,
        calendar: cal,
        sent: (k) => ctx.journal.has(k),
        requestDay: requestDays.get(o) ?? null,
        kinds,
      }),
    );

  // The controller hears about problems when the list changes, not every day the same list stands
  // (a standing warning such as a blank rating coefficient would otherwise mail daily).
  // And at most once a day: a second run the same day (a rerun, a correction) waits until tomorrow;
  // the menu's «Проверить данные» still shows the list on request.
  const problemsKey = `problems:${problemsFingerprint(ctx.problems.list)}`;
  const problemsDayKey = `problems-day:${today}`;
  const wantProblems =
    mode === 'daily' &&
    ctx.problems.list.length > 0 &&
    !!s.controllerEmail &&
    !ctx.journal.has(problemsKey) &&
    !ctx.journal.has(problemsDayKey);
  // Citizens' appeals due soon or overdue (jobs/appeals.ts) ride in the same digest.
  const appealEntries = appealDigestEntries(ctx);
  if (notices.length === 0 && appealEntries.length === 0 && !wantProblems) return 0;

  const base = `${ctx.ss.getUrl()}#gid=`;
  const pageLink = linkMaker(webAppUrl(), today, s.linkDays);
  const gid = t.sheet.getSheetId();
  interface Digest {
    to: string;
    name: string;
    items: DigestItem[];
    keys: string[];
    notices: { n: Notice; onBehalfOf?: string }[];
    appeals: AppealDigestEntry[];
  }
  const digests = new Map<string, Digest>();
  const digestFor = (email: string, name: string): Digest => {
    const k = email.trim().toLowerCase();
    let d = digests.get(k);
    if (!d) {
      d = { to: email.trim(), name, items: [], keys: [], notices: [], appeals: [] };
      digests.set(k, d);
    }
    return d;
  };
  let noController = 0;
  for (const n of notices) {
    let d: Digest;
    let onBehalfOf: string | undefined;
    if (n.person === null) {
      if (!s.controllerEmail) {
        noController++;
        continue;
      }
      d = digestFor(s.controllerEmail, '');
    } else {
      const r = resolveRecipient(n.person, book.executorByName, today);
      if (!r.ok) {
        out.notSent++;
        continue;
      }
      onBehalfOf = r.recipient.onBehalfOf?.name;
      d = digestFor(r.recipient.email, r.recipient.name);
    }
    const o = n.order;
    d.items.push({
      kind: n.kind,
      number: o.number,
      text: o.text,
      executor: o.executor,
      coExecutors: o.coExecutors,
      deadline: o.deadline as IsoDate,
      due: n.due,
      link: `${base}${gid}&range=A${rowNow(o.row)}`,
      row: rowNow(o.row),
      role: n.role,
      onBehalfOf,
      requestedDate: o.requestedDate,
      requestReason: o.requestReason,
      requestDay: n.requestDay,
      late: n.late,
      overdueDays: o.overdueDays,
      removalByGiver: s.removalMode === 'giver',
      cutoff: extensionCutoff(n.due, s.extensionCutoffDays, cal, o.enteredAt),
      decision: n.decision,
    });
    d.keys.push(n.key);
    d.notices.push({ n, onBehalfOf });
  }
  for (const x of appealEntries) {
    const r = resolveRecipient(x.person, book.executorByName, today);
    if (!r.ok) {
      out.notSent++;
      continue;
    }
    const d = digestFor(r.recipient.email, r.recipient.name);
    d.appeals.push({ ...x, item: { ...x.item, onBehalfOf: r.recipient.onBehalfOf?.name } });
    d.keys.push(x.key);
  }
  if (noController) {
    out.notSent += noController;
    ctx.journal.add({
      action: 'Запрос переноса',
      result: `не отправлено: не указана «Эл. почта контролёра» на листе «Настройки» (запросов: ${noController})`,
    });
  }
  let problemsLink = '';
  if (wantProblems) {
    const ps = ctx.ss.getSheetByName(TAB.problems);
    problemsLink = ps ? `${base}${ps.getSheetId()}` : ctx.ss.getUrl();
    digestFor(s.controllerEmail, '').keys.push(problemsKey, problemsDayKey);
  }
  let sent = 0;
  for (const d of digests.values()) {
    const isController = d.to.toLowerCase() === s.controllerEmail.toLowerCase();
    const withProblems = isController && wantProblems;
    const mail = composeDigest({
      to: d.to,
      name: d.name,
      organization: s.organization,
      today,
      items: d.items,
      pageLink: pageLink(d.to),
      problems: withProblems ? { count: ctx.problems.list.length, link: problemsLink } : undefined,
      appeals: d.appeals.map((x) => x.item),
    });
    const items = [...new Set(d.items.map((i) => i.number)), ...d.appeals.map((x) => `обращение ${x.item.number}`)];
    const result = ctx.mailer.send(mail, {
      action: mode === 'notify' ? 'Новые поручения' : 'Ежедневная рассылка',
      items,
      keys: d.keys,
    });
    if (result !== 'sent') {
      out.notSent += d.items.length + d.appeals.length;
      continue;
    }
    sent++;
    for (const x of d.appeals) x.onSent(d.to, d.name, x.item.onBehalfOf);
    for (const { n } of d.notices)
      n.order.history = appendHistory(n.order.history, [noticeHistoryLine(book, n.kind, n.person, d.to, today)]);
  }
  return sent;
}

function summary(what: string, ctx: RunContext, o: Outcome, extra = ''): string {
  const parts = [
    `проблем в данных — ${ctx.problems.list.length}`,
    `решений применено — ${o.decisions}`,
    `заполнено пустых «№»/«Срок» — ${o.filled}`,
    `писем по поручениям — ${o.messages}`,
  ];
  const c = ctx.mailer.counts;
  // Everything the run mailed (notices, summaries, plan and self-assessment reminders).
  if (c.sent !== o.messages) parts.push(`всего писем отправлено — ${c.sent}`);
  if (c.deferred) parts.push(`отложено писем — ${c.deferred}`);
  if (o.notSent) parts.push(`уведомлений не отправлено — ${o.notSent} (см. «Журнал»)`);
  parts.push(`в архив — ${o.archived}`);
  if (o.archiveDeferred) parts.push(`ещё ${o.archiveDeferred} — в архив при следующей проверке`);
  return `${what} ${formatRu(ctx.today)}: ${parts.join('; ')}${extra}.`;
}

/** The appeals' part of the daily check's one-line summary. */
function appealSummary(run: AppealRun | null): string {
  if (!run || run.book.appeals.length === 0) return '';
  const parts = [`обращений — ${run.book.appeals.length}`];
  if (run.filled) parts.push(`заполнено сроков ответа — ${run.filled}`);
  if (run.entries.length) parts.push(`напоминаний и просрочек по обращениям — ${run.entries.length}`);
  return `; ${parts.join('; ')}`;
}

/** The daily check's options: the run's budget (tests make it small) and whether it is a follow-up. */
export interface DailyOptions {
  softLimitMs?: number;
  /** dailyFollowUp: do nothing unless today's check stopped and left a checkpoint. */
  followUp?: boolean;
}

/**
 * The daily check; on a non-working day only «Состояние» and «Просрочка» are refreshed. On a
 * working day the steps run in order (jobs/follow-up.ts): one that would start too near the run's
 * budget, or whose mail was deferred for time, stops the run with a checkpoint and a follow-up.
 */
export function runDaily(ss: Spreadsheet, opts: DailyOptions = {}): string {
  return withLock('Ежедневная проверка', () => {
    const raw = readCheckpoint();
    // A follow-up keeps the budget its day's run was given (tests make it small).
    const budgetMs = opts.softLimitMs ?? parseCheckpoint(raw)?.budgetMs;
    const ctx = openContext(ss, { softLimitMs: budgetMs });
    if (!ctx.calendar.isWorkingDay(ctx.today)) {
      if (opts.followUp) return 'Продолжать нечего: сегодня нерабочий день.';
      const book = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
      guarded(ctx, 'Обращения', () => prepareAppeals(ctx, book.executorByName, 'refresh'));
      writeStep(ctx, 'Поручения', () => processOrders(ctx, book, 'refresh'));
      const msg = `Ежедневная проверка ${formatRu(ctx.today)}: нерабочий день, обновлены только состояния поручений.`;
      ctx.journal.add({ action: 'Ежедневная проверка', result: msg });
      ctx.journal.flush();
      return msg;
    }
    const progress = new DailyProgress(ctx, raw, budgetMs);
    if (opts.followUp && !progress.resumed) return 'Продолжать нечего: сегодняшняя проверка завершена.';
    // Read once, and only when a step left needs it.
    let bookRead: OrderBook | null = null;
    const book = () => {
      if (!bookRead) bookRead = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
      return bookRead;
    };
    let appeals = null as AppealRun | null;
    // The appeals' rows ride in the orders' digest and feed «Отчёт 1»: read again while any of
    // those is left (prepareAppeals is idempotent and restores notice lines from «Журнал»).
    const appealsNeeded = (['appeals', 'orders', 'appeals-finish', 'appeals-report'] as const).some((s) =>
      progress.pending(s),
    );
    if (appealsNeeded)
      progress.step(
        'appeals',
        () =>
          guarded(ctx, 'Обращения', () => {
            appeals = prepareAppeals(ctx, book().executorByName, 'daily');
          }),
        true,
      );
    const o = newOutcome();
    progress.step('orders', () => writeStep(ctx, 'Поручения', () => processOrders(ctx, book(), 'daily', o)));
    const run = appeals as AppealRun | null;
    progress.step('appeals-finish', () => {
      if (run) guarded(ctx, 'Обращения', () => finishAppeals(run));
    });
    // «Отчёт 1» each working morning for every day since the last one (004 п.2.2.1.1), from the rows already read.
    progress.step('appeals-report', () => {
      if (run?.book.appeals.length)
        guarded(ctx, 'Отчёт по обращениям', () => {
          appealsReportFrom(ctx, run.book.appeals, reportDays(ctx));
        });
    });
    progress.step('reports', () => guarded(ctx, 'Периодические отчёты', () => periodicReports(ctx, book())));
    progress.step('lean', () => guarded(ctx, 'Напоминания по плану ЭР', () => leanReminders(ctx)));
    progress.step('rating', () => guarded(ctx, 'Напоминания по самооценке', () => ratingReminders(ctx)));
    const title = progress.resumed ? 'Ежедневная проверка (продолжение)' : 'Ежедневная проверка';
    let msg = summary(title, ctx, o, appealSummary(appeals));
    // The steps' writes and sent keys are in the workbook already (each step writes its own; the
    // mailer records every send at once), so the checkpoint may say they are done.
    if (progress.stoppedAt) msg = `${msg.replace(/\.$/, '')}${progress.suspend()}.`;
    else progress.finish();
    ctx.journal.add({ action: 'Ежедневная проверка', result: msg });
    ctx.journal.flush();
    return msg;
  });
}

/** Menu «Отправить новые поручения исполнителям»: fills blank №/Срок and sends the new-order notices now. */
export function notifyNew(ss: Spreadsheet): string {
  return withLock('Отправка новых поручений', () => {
    const ctx = openContext(ss);
    const book = readOrderBook(ctx, { archiveSince: dailyArchiveSince(ctx.today) });
    const o = newOutcome();
    writeStep(ctx, 'Поручения', () => processOrders(ctx, book, 'notify', o));
    const msg = `Новые поручения ${formatRu(ctx.today)}: писем отправлено — ${o.messages}${o.notSent ? `, не отправлено уведомлений — ${o.notSent} (см. «Журнал»)` : ''}; заполнено пустых «№»/«Срок» — ${o.filled}.`;
    ctx.journal.add({ action: 'Отправить новые поручения', result: msg });
    ctx.journal.flush();
    return msg;
  });
}

/** Menu «Проверить данные»: step 1 only — validate every tab and rewrite «Проверка данных». */
export function checkData(ss: Spreadsheet): string {
  const ctx = openContext(ss);
  const book = readOrderBook(ctx);
  const requestDays = new Map<OrderRecord, IsoDate>();
  for (const o of book.orders)
    if (o.requestedDate && !o.decision)
      requestDays.set(o, requestDayFromHistory(o.history, o.requestedDate) ?? ctx.today);
  ruleProblems(ctx, book, requestDays);
  guarded(ctx, 'Проверка бережливых проектов', () => validateLean(ctx));
  guarded(ctx, 'Проверка самооценки', () => validateRating(ctx));
  guarded(ctx, 'Проверка обращений', () => prepareAppeals(ctx, book.executorByName, 'check'));
  const noted = readNotedCells(ctx.ss); // before the rewrite: the cells that carry our notes
  writeStep(ctx, 'Проверка данных', () => writeProblemsTab(ctx.ss, ctx.problems, ctx.now, ctx.tz));
  problemNotes(ctx, noted);
  const n = ctx.problems.list.length;
  const msg =
    n === 0
      ? `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: проблем не найдено.`
      : `Проверка данных ${dateTimeRuInZone(ctx.now, ctx.tz)}: найдено проблем — ${n}, список на листе «${TAB.problems}».`;
  ctx.journal.add({ action: 'Проверка данных', result: msg });
  ctx.journal.flush();
  return msg;
}

/** A short fingerprint of a list of problems (FNV-1a over their sorted descriptions). */
export function problemsFingerprint(
  list: readonly { tab: string; row: number; column: string; message: string }[],
): string {
  const text = list
    .map((p) => `${p.tab}|${p.row}|${p.column}|${p.message}`)
    .sort()
    .join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${list.length}-${h.toString(16)}`;
}
