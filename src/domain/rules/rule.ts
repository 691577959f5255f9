// The rule interface of the daily check's pipeline (docs/ARCHITECTURE.md «The daily check»).
//
// A rule is a pure function over one order and the day: it reads the order (as the earlier rules of
// the list left it) and returns what should change — a fix of the order's fields and «История»
// lines, notices to send, problems for «Проверка данных» — and nothing else. It never touches a
// cell, a mailer or a clock: the job (src/jobs/order-pipeline.ts) applies the fix to the record,
// writes only the changed cells, sends the notices and records the problems.
//
// Adding a rule: one file in src/domain/rules/ exporting an `OrderRule`, its test beside the other
// domain tests (citing the seed), and one line in ORDER_RULES (src/domain/rules/index.ts) at the
// stage it belongs to. Stages run in this order for the whole register, each stage's rules in list
// order for every order:
//   fill   — step 2: the add-on fills blanks and applies people's decisions (writes cells);
//   check  — step 1's rule problems (problems only; the menu «Проверить данные» runs them too);
//   state  — step 3: «Состояние», «Просрочка» (system columns);
//   notify — step 4: the notices due today (the job groups them into one digest per person).
import type { WorkCalendar } from '../calendar';
import type { IsoDate } from '../dates';
import { appendHistory } from '../history';
import type { MeasureStage } from '../measure-plans';
import type { Notice } from '../notices';
import type { Executor, OrderRecord, Protocol } from '../order';
import type { Problem } from '../problem';
import type { Settings } from '../settings';

/** Which run applies the rules: the daily check, the menu «Отправить новые поручения», a non-working day's refresh, «Проверить данные». */
export type RunMode = 'daily' | 'notify' | 'refresh' | 'check';

export type RuleStage = 'fill' | 'check' | 'state' | 'notify';

/** The day a rule judges: the same for every order of one run. */
export interface RuleDay {
  today: IsoDate;
  settings: Settings;
  calendar: WorkCalendar;
  mode: RunMode;
}

/** What the job read around one order (other tabs, «Журнал»), as plain data. */
export interface OrderFacts {
  /** The order's row in «Протоколы», when it has one. */
  protocol: Protocol | null;
  executorByName: ReadonlyMap<string, Executor>;
  /** «№» already taken in «Поручения» and «Архив» (the job adds each number it assigns). */
  numbersInUse: ReadonlySet<string>;
  /** Whether a notice key is recorded in «Журнал» (sent before). */
  sent(key: string): boolean;
  /** The order's rows in «Планы мероприятий» (001 гл.6 п.2.2.16), when the job read them. */
  stages?: readonly MeasureStage[];
}

/**
 * Fields of an order a rule changes. People's columns among them are written only when a rule sets
 * them (see PEOPLE_FIELDS); the system columns are written from the record when they changed.
 */
export type OrderFields = Pick<
  OrderRecord,
  | 'number'
  | 'deadline'
  | 'status'
  | 'doneDate'
  | 'requestedDate'
  | 'requestReason'
  | 'decision'
  | 'removal'
  | 'enteredAt'
  | 'originalDeadline'
  | 'extensions'
  | 'returns'
  | 'state'
  | 'overdueDays'
  | 'lateReason'
  | 'coDeadline'
>;

export interface OrderFix {
  set?: Partial<OrderFields>;
  /** Lines appended to «История», in order. */
  history?: readonly string[];
}

/** A problem in the order's row: the job adds the tab and the row. */
export type RowProblem = Omit<Problem, 'tab' | 'row'>;

export interface RuleResult {
  fix?: OrderFix;
  notices?: readonly Notice[];
  problems?: readonly RowProblem[];
  /** Decisions applied (an extension, a return, a removal): counted in the run's summary. */
  decisions?: number;
}

export interface OrderRule {
  /** Short English name, for tests and the architecture doc. */
  name: string;
  stage: RuleStage;
  /** The runs that apply it. */
  modes: readonly RunMode[];
  apply(order: Readonly<OrderRecord>, day: RuleDay, facts: OrderFacts): RuleResult;
}

/** The first sheet row of each «№» of a register (a later row with it repeats the «№»: appeals, «План ЭР»). */
export function firstRowsByNumber(rows: readonly { row: number; number: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (r.number && !m.has(r.number)) m.set(r.number, r.row);
  return m;
}

/** Nothing to do. */
export const NOTHING: RuleResult = {};

/** People's columns among OrderFields: a fix that sets one writes that cell. */
export const PEOPLE_FIELDS = [
  'number',
  'deadline',
  'status',
  'doneDate',
  'requestedDate',
  'requestReason',
  'decision',
  'removal',
  'lateReason',
] as const satisfies readonly (keyof OrderFields)[];

/**
 * Applies a fix to the record (the next rule sees it); returns the people's fields it set, for the
 * job to write.
 */
export function applyFix(o: OrderRecord, fix: OrderFix | undefined): (keyof OrderFields)[] {
  if (!fix) return [];
  const set = fix.set ?? {};
  const written: (keyof OrderFields)[] = [];
  for (const k of Object.keys(set) as (keyof OrderFields)[]) {
    (o as unknown as Record<string, unknown>)[k] = set[k];
    if ((PEOPLE_FIELDS as readonly string[]).includes(k)) written.push(k);
  }
  if (fix.history?.length) o.history = appendHistory(o.history, fix.history);
  return written;
}
