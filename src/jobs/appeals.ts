// Citizens' appeals in the daily check, the register «Обращения»: read once → APPEAL_RULES
// (src/domain/rules, stage by stage: fill, state) → write the diff («Повторное», «Состояние»,
// «История», one span per run of adjacent columns, then blank «Срок» filled) → the notify rules'
// reminders and overdue notices handed to the order digest (order-notices.ts), so each executor still
// gets ONE e-mail a day. Keys and «Журнал» as for orders. Nothing here decides: the rules do.
import {
  APPEAL_COL,
  APPEAL_SYSTEM_HEADERS,
  type AppealNotice,
  type AppealRecord,
  appealNoticeLine,
  appealTerm,
  parseAppealKey,
  repeatedCell,
} from '../domain/appeals';
import { appealDiscipline } from '../domain/appeals-report';
import { type IsoDate, midnightInZone } from '../domain/dates';
import { appendHistory } from '../domain/history';
import type { Executor } from '../domain/order';
import { needsDeadline } from '../domain/rules/appeal-deadline';
import { recordedByAppeal } from '../domain/rules/appeal-restore';
import { type AnyAppealRule, type AppealFacts, type AppealRule, applyAppealFix } from '../domain/rules/appeal-rule';
import { APPEAL_RULES, rulesFor } from '../domain/rules/index';
import { firstRowsByNumber, type RuleDay } from '../domain/rules/rule';
import type { AppealDigestItem } from '../mail/appeals';
import { type AppealBook, readAppeals } from '../workbook/appeals';
import { writePeopleCells } from '../workbook/orders';
import { TAB } from '../workbook/schema';
import { type Cell, formulaRows, safeText, type Table, writeChangedCells } from '../workbook/table';
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

/**
 * Applies the rules of `stage` for a run of `mode`: to every appeal each rule in list order, then the
 * stage's register rules. `filled` hears of each blank «Срок» a rule filled.
 */
function runAppealStage(
  ctx: RunContext,
  appeals: AppealRecord[],
  stage: AnyAppealRule['stage'],
  mode: AppealMode,
  facts: (a: AppealRecord) => AppealFacts,
  filled?: (a: AppealRecord) => void,
): AppealNotice[] {
  const day: RuleDay = { today: ctx.today, settings: ctx.settings, calendar: ctx.calendar, mode };
  const notices: AppealNotice[] = [];
  const rules = rulesFor(stage, mode, APPEAL_RULES);
  const each = rules.filter((r): r is AppealRule => !r.register);
  for (const a of each.length ? appeals : [])
    for (const rule of each) {
      const r = rule.apply(a, day, facts(a));
      if (applyAppealFix(a, r.fix)) filled?.(a);
      for (const p of r.problems ?? []) ctx.problems.add({ tab: TAB.appeals, row: a.row, ...p });
      if (r.notices) notices.push(...r.notices);
    }
  const byRow = new Map(appeals.map((a) => [a.row, a]));
  for (const rule of rules)
    if (rule.register) for (const [row, set] of rule.apply(appeals, day)) Object.assign(byRow.get(row) ?? {}, set);
  return notices;
}

/** What every appeal rule may read: its first (a duplicate's), the executors, «№» above, «Журнал». */
function baseFacts(
  ctx: RunContext,
  appeals: readonly AppealRecord[],
  byName: ReadonlyMap<string, Executor> | null,
): (a: AppealRecord) => AppealFacts {
  const rowOf = new Map(appeals.map((a) => [a.row, a]));
  const firstRows = firstRowsByNumber(appeals);
  const sent = (k: string) => ctx.journal.has(k);
  return (a) => ({
    first: a.duplicateOf !== null ? (rowOf.get(a.duplicateOf) ?? null) : null,
    executorByName: byName,
    firstRowOf: (n) => firstRows.get(n),
    sent,
    recorded: [],
    deadlineFormula: false,
  });
}

/** The daily run's facts besides: the notices «Журнал» recorded, formulas in blank «Срок» (one getFormulas). */
function dailyFacts(
  ctx: RunContext,
  book: AppealBook,
  t: Table,
  base: (a: AppealRecord) => AppealFacts,
): (a: AppealRecord) => AppealFacts {
  const blank = book.appeals.filter(needsDeadline).map((a) => a.row - 2);
  const formulas = formulaRows(t, APPEAL_COL.deadline, blank);
  const recorded = recordedByAppeal(book.appeals, ctx.journal.recordedNotices(ctx.tz, parseAppealKey));
  return (a) => ({ ...base(a), recorded: recorded.get(a.row) ?? [], deadlineFormula: formulas.has(a.row - 2) });
}

/**
 * «Обращения» read once and checked: the parse (workbook/appeals.ts), then APPEAL_RULES' check stage
 * (problems; cells found wrong marked; «Повторное» / «Дублирующее»). The daily check, «Проверить
 * данные» and «Отчёт 1» read the register the same way.
 */
export function readAppealRegister(
  ctx: RunContext,
  executorByName: ReadonlyMap<string, Executor> | null,
  mode: AppealMode,
): AppealBook {
  const book = readAppeals(ctx.ss, ctx.tz, ctx.problems);
  runAppealStage(ctx, book.appeals, 'check', mode, baseFacts(ctx, book.appeals, executorByName));
  return book;
}

/**
 * Step of the daily check (and of «Проверить данные», mode 'check': the checks only). Reads the
 * register once; problems go to ctx.problems before «Проверка данных» is written. In 'daily' mode
 * it fills blank «Срок», writes the system columns and leaves the day's notices for the digest.
 */
export function prepareAppeals(
  ctx: RunContext,
  executorByName: ReadonlyMap<string, Executor> | null,
  mode: AppealMode,
): AppealRun {
  const book = readAppealRegister(ctx, executorByName, mode);
  const run: AppealRun = { book, written: new Map(), entries: [], filled: 0, ss: ctx.ss, tz: ctx.tz };
  const t = book.table;
  if (!t || !book.usable || mode === 'check') return run;
  const base = baseFacts(ctx, book.appeals, executorByName);
  const facts = mode === 'daily' ? dailyFacts(ctx, book, t, base) : base;
  const fills = new Map<number, Cell>();
  const filled = (a: AppealRecord) => {
    if (!a.deadline) return;
    fills.set(a.row - 2, midnightInZone(a.deadline, ctx.tz));
    run.filled++;
  };
  runAppealStage(ctx, book.appeals, 'fill', mode, facts, filled);
  runAppealStage(ctx, book.appeals, 'state', mode, facts);
  writeAppeals(ctx, run, mode, fills);
  if (mode === 'daily') {
    const base = `${ctx.ss.getUrl()}#gid=${t.sheet.getSheetId()}&range=A`;
    for (const n of runAppealStage(ctx, book.appeals, 'notify', mode, facts))
      run.entries.push(entry(n, base, ctx.today));
    entriesByRun.set(ctx, run.entries);
    appealsByRun.set(ctx, book.appeals);
  }
  return run;
}

/**
 * The write: system columns first, then people's «Срок» (a run stopped between them finds the line
 * in «История» and the cell blank, and fills it again with the same date); only changed cells.
 */
function writeAppeals(ctx: RunContext, run: AppealRun, mode: AppealMode, fills: Map<number, Cell>): void {
  const { appeals, table: t } = run.book;
  if (!t) return;
  // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
  if (mode !== 'refresh') rollOverHistories(ctx.ss, ctx.tz, appeals);
  const want = new Map<string, Map<number, Cell>>();
  for (const h of mode === 'refresh' ? [APPEAL_COL.state, APPEAL_COL.repeated] : APPEAL_SYSTEM_HEADERS)
    want.set(h, new Map());
  const rowOf = new Map(appeals.map((a) => [a.row, a]));
  for (const a of appeals) {
    const i = a.row - 2;
    const first = a.duplicateOf !== null ? rowOf.get(a.duplicateOf) : undefined;
    want.get(APPEAL_COL.repeated)?.set(i, repeatedCell(a, first));
    want.get(APPEAL_COL.state)?.set(i, a.state);
    want.get(APPEAL_COL.history)?.set(i, safeText(a.history));
    run.written.set(i, a.history);
  }
  writeChangedCells(t, want);
  if (fills.size) writePeopleCells(t, new Map([[APPEAL_COL.deadline, fills]]));
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
      term: appealTerm(a) as IsoDate,
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
  if (m.size) writeChangedCells(t, new Map([[APPEAL_COL.history, m]]));
}
