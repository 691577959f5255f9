// Applies the domain's order rules (src/domain/rules, ORDER_RULES) to «Поручения» read once: each
// rule's fix goes into the record (the next rule sees it) and, for people's columns, into the cells
// to write; its problems into «Проверка данных»; its notices into the run's list. Nothing here
// decides anything: the rules do.
import { midnightInZone } from '../domain/dates';
import { stagesByOrder } from '../domain/measure-plans';
import type { Notice } from '../domain/notices';
import type { OrderRecord } from '../domain/order';
import { rulesFor } from '../domain/rules/index';
import {
  applyFix,
  type OrderFacts,
  type OrderFields,
  type PEOPLE_FIELDS,
  type RuleDay,
  type RuleStage,
  type RunMode,
} from '../domain/rules/rule';
import type { OrderBook } from '../workbook/orders';
import { ORDER_COL, TAB } from '../workbook/schema';
import type { Cell, Table } from '../workbook/table';
import type { RunContext } from './context';

type PeopleField = (typeof PEOPLE_FIELDS)[number];

/** The people's column a fix's field writes. */
const PEOPLE_COLUMN: Record<PeopleField, string> = {
  number: ORDER_COL.number,
  deadline: ORDER_COL.deadline,
  status: ORDER_COL.status,
  doneDate: ORDER_COL.doneDate,
  requestedDate: ORDER_COL.requestedDate,
  requestReason: ORDER_COL.requestReason,
  decision: ORDER_COL.decision,
  removal: ORDER_COL.removal,
  lateReason: ORDER_COL.lateReason,
};

const DATE_FIELDS: ReadonlySet<string> = new Set(['deadline', 'doneDate', 'requestedDate']);

/** People's cells the rules set, by header and 0-based row; written once at the end (writePeopleCells). */
export class PeopleCells {
  readonly changes = new Map<string, Map<number, Cell>>();
  constructor(private readonly t: Table) {}

  put(o: OrderRecord, field: keyof OrderFields, tz: string): void {
    const h = PEOPLE_COLUMN[field as PeopleField];
    const c = this.t.col(h);
    if (c < 0) return;
    const v = o[field];
    const cell: Cell = DATE_FIELDS.has(field) ? (v ? midnightInZone(v as string, tz) : '') : ((v as Cell) ?? '');
    let m = this.changes.get(h);
    if (!m) {
      m = new Map();
      this.changes.set(h, m);
    }
    m.set(o.row - 2, cell);
    this.t.rows[o.row - 2][c] = cell;
  }
}

/** What the rules of one run produced, beyond the records themselves. */
export interface RuleRun {
  cells: PeopleCells | null;
  /** «№» in use: the numbering rule's facts; each number a rule assigns joins it. */
  numbersInUse: Set<string>;
  notices: Notice[];
  decisions: number;
}

export function newRuleRun(cells: PeopleCells | null = null): RuleRun {
  return { cells, numbersInUse: new Set(), notices: [], decisions: 0 };
}

/** Applies the rules of `stage` for a run of `mode` to every order of «Поручения», each rule in list order. */
export function runStage(ctx: RunContext, book: OrderBook, stage: RuleStage, mode: RunMode, run: RuleRun): void {
  const rules = rulesFor(stage, mode);
  if (rules.length === 0) return;
  const day: RuleDay = { today: ctx.today, settings: ctx.settings, calendar: ctx.calendar, mode };
  const sent = (k: string) => ctx.journal.has(k);
  const stages = stagesByOrder(book.stages);
  for (const o of book.orders) {
    const facts: OrderFacts = {
      protocol: book.protocolByNumber.get(o.protocol) ?? null,
      executorByName: book.executorByName,
      numbersInUse: run.numbersInUse,
      sent,
      stages: stages.get(o.number) ?? [],
    };
    for (const rule of rules) {
      const r = rule.apply(o, day, facts);
      for (const f of applyFix(o, r.fix)) run.cells?.put(o, f, ctx.tz);
      if (r.fix?.set?.number) run.numbersInUse.add(r.fix.set.number);
      for (const p of r.problems ?? []) ctx.problems.add({ tab: TAB.orders, row: o.row, ...p });
      if (r.notices) run.notices.push(...r.notices);
      run.decisions += r.decisions ?? 0;
    }
  }
}
