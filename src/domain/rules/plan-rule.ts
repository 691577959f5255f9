// The rule interface of the plan register (docs/ARCHITECTURE.md «The three registers»): the
// «Эффективный регион» tabs — «План ЭР», «Проекты», «Обучение», «Критерии самооценки», «Самооценка»
// (seed 002) — read once per run as plain rows. The sibling of OrderRule: a rule is a pure function
// over one row of one tab (a row rule) or over the register as a whole (a register rule), and the
// day; it returns problems for «Проверка данных» and notices (reminders) and touches nothing.
// jobs/lean-register.ts applies PLAN_RULES: a run of row rules of one tab goes row by row, each row's
// rules in list order; a register rule runs once at its place in the list.
import type { IsoDate } from '../dates';
import type { BadStageCell, StageDates } from '../lean-stages';
import type { ParsedDeadline, PlanDeadline, ReminderKind } from '../plan-deadlines';
import type { TrainingRecord } from '../plan-facts';
import type { Problem } from '../problem';
import type { AnswerRowIn, AnswerStatus, CriteriaRowIn, RatingIssue } from '../rating';
import type { RowProblem, RuleDay, RunMode } from './rule';

/** A value as a cell holds it (the workbook's Cell). */
export type SheetValue = string | number | boolean | Date;

/** One measure of «План ЭР». */
export interface PlanItem {
  row: number;
  number: string;
  measure: string;
  unit: string;
  responsible: string;
  deadlineRaw: string;
  deadline: ParsedDeadline;
  emails: string[];
  badEmails: string[];
  /** «Цель YYYY» / «Факт YYYY» cells by year, '' where the column is absent. */
  target(year: number): SheetValue;
  fact(year: number): SheetValue;
  hasTargetColumn(year: number): boolean;
  hasFactColumn(year: number): boolean;
}

/** One project of «Проекты»: its cells by header, its stage dates and the cells that are not dates. */
export interface ProjectRow {
  row: number;
  get(header: string): SheetValue;
  dates: StageDates;
  bad: BadStageCell[];
  openYearRaw: SheetValue;
  openYear: number | null;
}

/** One row of «Обучение»: the record when its date reads, and the date cell as typed. */
export interface TrainingRow {
  row: number;
  record: TrainingRecord | null;
  rawDate: SheetValue;
}

/** A tab of the register: its rows and which headers it has. */
export interface RegisterTab<R> {
  rows: readonly R[];
  has(header: string): boolean;
}

/** The register as the job read it (null: no such tab). The job may read a tab only when a rule asks for it. */
export interface PlanRegister {
  readonly plan: RegisterTab<PlanItem> | null;
  readonly projects: RegisterTab<ProjectRow> | null;
  readonly training: RegisterTab<TrainingRow> | null;
  /** «Критерии самооценки» (the seeded check-list when the tab or its columns are gone: `fallback`). */
  readonly criteria: { rows: readonly CriteriaRowIn[]; fallback: boolean; issues: readonly RatingIssue[] };
  readonly answers: { rows: readonly AnswerRowIn[]; issues: readonly RatingIssue[] };
}

/** A reminder of a deadline of «План ЭР» (spec daily check step 6: 5 working days before and on the day). */
export interface PlanReminder {
  kind: 'plan';
  to: string[];
  number: string;
  measure: string;
  deadline: PlanDeadline;
  due: ReminderKind;
  key: string;
  /** «срок сегодня», «через N раб. дн.»… as the mail says it. */
  when: string;
}

/** The self-assessment reminder to the sector (002 Порядок п.4.1), or the «Журнал» line that none is needed. */
export type RatingNotice =
  | {
      kind: 'rating';
      year: number;
      key: string;
      /** The sector's address ('' when «Эл. почта контролёра» is blank: not sent, tried again). */
      to: string;
      due: IsoDate;
      /** «срок — сегодня» or «осталось рабочих дней: N». */
      when: string;
      status: AnswerStatus;
    }
  | { kind: 'rating-done'; year: number; key: string; known: number };

export type PlanNotice = PlanReminder | RatingNotice;

export interface PlanFacts {
  /** Whether a notice key is recorded in «Журнал» (sent before). */
  sent(key: string): boolean;
}

export interface PlanRuleResult<P> {
  problems?: readonly P[];
  notices?: readonly PlanNotice[];
}

interface RuleHead {
  name: string;
  stage: 'check' | 'notify';
  modes: readonly RunMode[];
}

type RowOf = { plan: PlanItem; projects: ProjectRow; training: TrainingRow };
export type PlanTabName = keyof RowOf;

/** A rule over one row of one tab; the facts carry the whole tab (e.g. to find a «№» used above). */
export type PlanRowRule<K extends PlanTabName = PlanTabName> = K extends PlanTabName
  ? RuleHead & {
      tab: K;
      apply(row: RowOf[K], day: RuleDay, facts: PlanFacts & { tab: RegisterTab<RowOf[K]> }): PlanRuleResult<RowProblem>;
    }
  : never;

/** A rule over the register as a whole (problems name their tab and row). */
export interface PlanRegisterRule extends RuleHead {
  tab?: undefined;
  apply(register: PlanRegister, day: RuleDay, facts: PlanFacts): PlanRuleResult<Problem>;
}

export type PlanRule = PlanRowRule | PlanRegisterRule;
