// Citizens' appeals in the daily check: one read of «Обращения»; blank «Срок» filled; «Повторное»,
// «Состояние», «История» recomputed and written where they changed (one span per run of adjacent
// columns, whatever the number of rows); reminders and overdue notices handed to the order digest
// (daily.ts), so each executor still gets ONE e-mail a day. Keys and «Журнал» as for orders.
import {
  APPEAL_COL,
  APPEAL_PHRASE,
  APPEAL_SYSTEM_HEADERS,
  type AppealNotice,
  type AppealRecord,
  appealDeadline,
  appealNotices,
  appealState,
  appealTermText,
  duplicatePhrase,
  joinedToFirst,
  parseAppealKey,
  repeatedCell,
} from '../domain/appeals';
import { appealDiscipline } from '../domain/appeals-report';
import { formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import { appendHistory, historyLine } from '../domain/history';
import type { Executor } from '../domain/order';
import { resolveRecipient } from '../domain/substitutes';
import type { AppealDigestItem } from '../mail/appeals';
import { type AppealBook, readAppeals } from '../workbook/appeals';
import { writePeopleCells } from '../workbook/orders';
import { TAB } from '../workbook/schema';
import { type Cell, contiguousRuns, formulaRows, safeText, type Table } from '../workbook/table';
import type { RunContext } from './context';
import { rollOverHistories } from './rollover';

export type AppealMode = 'daily' | 'refresh' | 'check';

/** One appeal notice as the digest takes it: who it is meant for, the item, its key, what to record. */
export interface AppealDigestEntry {
  /** ФИО of the executor (resolved to an address, or a substitute, by the digest). */
  person: string;
  item: AppealDigestItem;
  key: string;
  /** Called after the digest carrying it was sent. */
  onSent(email: string, name: string, onBehalfOf?: string): void;
}

export interface AppealRun {
  book: AppealBook;
  /** «История» as last written, by data index; finishAppeals writes the ones that changed since. */
  written: Map<number, string>;
  entries: AppealDigestEntry[];
  filled: number;
  /** Where rolled-over «История» lines go (issue 19). */
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tz: string;
}

// The digest of daily.ts and the summaries of reports.ts ask for this run's appeals here, so
// RunContext stays as it is.
const entriesByRun = new WeakMap<RunContext, AppealDigestEntry[]>();
const appealsByRun = new WeakMap<RunContext, AppealRecord[]>();

/** Section «Обращения» of a summary for [from, to]; undefined when the run read no appeals. */
export function appealSummaryFor(
  ctx: RunContext,
  period: { from: IsoDate; to: IsoDate },
): ReturnType<typeof appealDiscipline> | undefined {
  const appeals = appealsByRun.get(ctx);
  if (!appeals?.length) return undefined;
  return appealDiscipline(appeals, period.from, period.to, ctx.today, ctx.settings, ctx.calendar);
}

/** The appeal notices of this run's digest ([] when «Обращения» had none or was not prepared). */
export function appealDigestEntries(ctx: RunContext): AppealDigestEntry[] {
  return entriesByRun.get(ctx) ?? [];
}

/** «История» line of an appeal notice, built the same way after a send and when rebuilt from «Журнал». */
export function appealNoticeLine(
  day: IsoDate,
  kind: 'remind' | 'overdue',
  name: string,
  email: string,
  onBehalfOf?: string,
): string {
  return historyLine(day, `${APPEAL_PHRASE[kind]}: ${name} <${email}>${onBehalfOf ? ` (замещает ${onBehalfOf})` : ''}`);
}

function hasLine(history: string, line: string): boolean {
  const l = line.trim().toLowerCase();
  return history.split('\n').some((x) => x.trim().toLowerCase() === l);
}

/**
 * Writes the system columns' cells that differ from what was read: per run of adjacent columns,
 * one setValues over the rows from the first to the last change. Returns cells written.
 */
function writeChanged(t: Table, want: Map<string, Map<number, Cell>>): number {
  const byCol = new Map<number, Map<number, Cell>>();
  for (const [h, m] of want) {
    const c = t.col(h);
    if (c >= 0) byCol.set(c, m);
  }
  let cells = 0;
  for (const run of contiguousRuns([...byCol.keys()])) {
    let first = Number.POSITIVE_INFINITY;
    let last = -1;
    for (const c of run)
      for (const [i, v] of byCol.get(c) ?? []) {
        if (String(t.rows[i]?.[c] ?? '') === String(v)) continue;
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    if (last < 0) continue;
    const block: Cell[][] = [];
    for (let i = first; i <= last; i++)
      block.push(
        run.map((c) => {
          const v = byCol.get(c)?.get(i);
          const out = v === undefined ? (t.rows[i]?.[c] ?? '') : v;
          if (t.rows[i]) t.rows[i][c] = out;
          return out;
        }),
      );
    t.sheet.getRange(first + 2, run[0] + 1, block.length, run.length).setValues(block);
    cells += block.length * run.length;
  }
  return cells;
}

function recordLines(a: AppealRecord, today: IsoDate): void {
  const add: string[] = [];
  if (a.extendedTo) {
    const phrase = `${APPEAL_PHRASE.extended} ${formatRu(a.extendedTo)}`;
    if (!a.history.includes(phrase)) add.push(historyLine(today, phrase));
  }
  if (a.answerDate) {
    const phrase = `${APPEAL_PHRASE.answered} ${formatRu(a.answerDate)}`;
    if (!a.history.includes(phrase)) add.push(historyLine(today, phrase));
  }
  a.history = appendHistory(a.history, add);
}

/** Brings back the «История» lines of notices «Журнал» recorded but a stopped run did not write. */
function restoreLines(ctx: RunContext, appeals: AppealRecord[], byName: ReadonlyMap<string, Executor>): void {
  const byNumber = new Map<string, AppealRecord>();
  for (const a of appeals) if (a.number && !a.invalid.includes(APPEAL_COL.number)) byNumber.set(a.number, a);
  if (byNumber.size === 0) return;
  for (const { key: k, day, email } of ctx.journal.recordedNotices(ctx.tz, parseAppealKey)) {
    const a = byNumber.get(k.number);
    if (!a) continue;
    const r = resolveRecipient(a.executor, byName, day);
    const line =
      r.ok && r.recipient.email.toLowerCase() === email.toLowerCase()
        ? appealNoticeLine(day, k.kind, r.recipient.name, email, r.recipient.onBehalfOf?.name)
        : appealNoticeLine(day, k.kind, a.executor, email);
    if (!hasLine(a.history, line)) a.history = appendHistory(a.history, [line]);
  }
}

/** Fills blank «Срок» (003 п.113; a duplicate takes its first appeal's, 003 п.99); a formula cell is a problem instead. */
function fillDeadlines(
  ctx: RunContext,
  book: AppealRun['book'],
  t: Table,
  run: AppealRun,
  fills: Map<number, Cell>,
): void {
  const { today, settings: s, calendar: cal, tz } = ctx;
  const blank = book.appeals.filter((a) => !a.deadline && !a.invalid.includes(APPEAL_COL.deadline) && a.registered);
  const withFormula = formulaRows(
    t,
    APPEAL_COL.deadline,
    blank.map((a) => a.row - 2),
  );
  const byRow = new Map(book.appeals.map((a) => [a.row, a]));
  for (const a of blank) {
    if (withFormula.has(a.row - 2)) {
      a.invalid.push(APPEAL_COL.deadline);
      ctx.problems.add({
        tab: TAB.appeals,
        row: a.row,
        column: APPEAL_COL.deadline,
        value: '',
        message: 'В «Срок» формула, и её значение пустое: надстройка не заполняет ячейку с формулой.',
        fix: 'Исправьте формулу так, чтобы она давала дату, или замените её значением.',
      });
      continue;
    }
    // A duplicate's term is its first appeal's (003 п.99: it joins the first).
    const first = a.duplicateOf !== null ? byRow.get(a.duplicateOf) : undefined;
    const joined = first ? joinedToFirst(a, first).deadline : null;
    const d = joined ?? appealDeadline(a.registered as IsoDate, a.needsStudy, s, cal);
    a.deadline = d;
    const how = joined
      ? `как у обращения № ${first?.number || `строки ${first?.row}`}`
      : appealTermText(a.needsStudy, s);
    a.history = appendHistory(a.history, [historyLine(today, `${APPEAL_PHRASE.filled}: ${formatRu(d)} (${how})`)]);
    fills.set(a.row - 2, midnightInZone(d, tz));
    run.filled++;
  }
}

/**
 * Step of the daily check (and of «Проверить данные», mode 'check': validation only). Reads
 * «Обращения» once; problems go to ctx.problems before «Проверка данных» is written. In 'daily'
 * mode it fills blank «Срок», writes the system columns and leaves the day's notices for the digest.
 */
export function prepareAppeals(
  ctx: RunContext,
  executorByName: ReadonlyMap<string, Executor> | null,
  mode: AppealMode,
): AppealRun {
  const { today, settings: s, calendar: cal, tz } = ctx;
  const book = readAppeals(ctx.ss, tz, today, executorByName, ctx.problems);
  const run: AppealRun = { book, written: new Map(), entries: [], filled: 0, ss: ctx.ss, tz };
  const t = book.table;
  if (!t || !book.usable || mode === 'check') return run;
  const byName = executorByName ?? new Map<string, Executor>();

  const fills = new Map<number, Cell>();
  if (mode === 'daily') {
    fillDeadlines(ctx, book, t, run, fills);
    for (const a of book.appeals) recordLines(a, today);
    restoreLines(ctx, book.appeals, byName);
  }
  const rowOf = new Map(book.appeals.map((a) => [a.row, a]));
  const firstOf = (a: AppealRecord) => (a.duplicateOf !== null ? rowOf.get(a.duplicateOf) : undefined);
  for (const a of book.appeals) {
    const first = firstOf(a);
    // A duplicate reads as its first appeal: the same term and answer (003 п.99).
    a.state = appealState(first ? { ...a, ...joinedToFirst(a, first) } : a, today, s, cal);
    if (first && mode === 'daily') {
      const phrase = duplicatePhrase(first).replace(/ \(срок.*$/, '');
      if (!a.history.includes(phrase))
        a.history = appendHistory(a.history, [historyLine(today, duplicatePhrase(first))]);
    }
  }

  // System columns first, then people's «Срок»: a run stopped between them finds the line in
  // «История» and the cell blank, and fills it again with the same date.
  const want = new Map<string, Map<number, Cell>>();
  // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
  if (mode !== 'refresh') rollOverHistories(ctx.ss, ctx.tz, book.appeals);
  for (const h of mode === 'refresh' ? [APPEAL_COL.state, APPEAL_COL.repeated] : APPEAL_SYSTEM_HEADERS)
    want.set(h, new Map());
  for (const a of book.appeals) {
    const i = a.row - 2;
    want.get(APPEAL_COL.repeated)?.set(i, repeatedCell(a, firstOf(a)));
    want.get(APPEAL_COL.state)?.set(i, a.state);
    want.get(APPEAL_COL.history)?.set(i, safeText(a.history));
    run.written.set(i, a.history);
  }
  writeChanged(t, want);
  if (fills.size) writePeopleCells(t, new Map([[APPEAL_COL.deadline, fills]]));

  if (mode === 'daily') {
    const base = `${ctx.ss.getUrl()}#gid=${t.sheet.getSheetId()}&range=A`;
    for (const a of book.appeals)
      for (const n of appealNotices(a, today, s, cal, (k) => ctx.journal.has(k)))
        run.entries.push(entry(n, base, today));
    entriesByRun.set(ctx, run.entries);
    appealsByRun.set(ctx, book.appeals);
  }
  return run;
}

function entry(n: AppealNotice, base: string, today: IsoDate): AppealDigestEntry {
  const a = n.appeal;
  return {
    person: a.executor,
    key: n.key,
    item: {
      kind: n.kind,
      number: a.number,
      topic: a.topic,
      applicant: a.applicant,
      address: a.address,
      term: (a.extendedTo ?? a.deadline) as IsoDate,
      due: n.due,
      extended: !!a.extendedTo,
      link: `${base}${a.row}`,
    },
    onSent(email, name, onBehalfOf) {
      a.history = appendHistory(a.history, [appealNoticeLine(today, n.kind, name, email, onBehalfOf)]);
    },
  };
}

/** After the digest went out: writes «История» of the appeals whose notices were sent. */
export function finishAppeals(run: AppealRun): void {
  const t = run.book.table;
  if (!t) return;
  const m = new Map<number, Cell>();
  rollOverHistories(run.ss, run.tz, run.book.appeals);
  for (const a of run.book.appeals) {
    const i = a.row - 2;
    if (run.written.get(i) !== a.history) {
      m.set(i, safeText(a.history));
      run.written.set(i, a.history);
    }
  }
  if (m.size) writeChanged(t, new Map([[APPEAL_COL.history, m]]));
}
