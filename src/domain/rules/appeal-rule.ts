// The rule interface of «Обращения», the sibling of rule.ts's OrderRule (docs/ARCHITECTURE.md «The
// three registers»). An appeal rule is a pure function over one appeal (as the earlier rules of
// APPEAL_RULES left it), the day and the facts the job read around it (its first appeal when it is a
// duplicate, «Журнал»). It returns a fix (fields and «История» lines), notices and problems; it never
// touches a cell, a mailer or a clock: jobs/appeals.ts applies the fix, writes only the changed cells,
// hands the notices to the day's digest and records the problems.
import type { AppealNotice, AppealNoticeKind, AppealRecord } from '../appeals';
import type { AppealDayReport } from '../appeals-report';
import type { IsoDate } from '../dates';
import { appendHistory } from '../history';
import type { Executor } from '../order';
import type { RowProblem, RuleDay, RuleStage, RunMode } from './rule';

/** A notice «Журнал» recorded for this appeal (its number), with the day and the address it went to. */
export interface RecordedAppealNotice {
  kind: AppealNoticeKind;
  day: IsoDate;
  email: string;
}

export interface AppealFacts {
  /** The first appeal a duplicate joins (003 п.99), as the earlier rules left it; null otherwise. */
  first: AppealRecord | null;
  /** «Исполнители» by normName; null when the run did not read them (the menu's «Отчёт 1»). */
  executorByName: ReadonlyMap<string, Executor> | null;
  /** The first sheet row that has this «№» (a later row with it is a repeated «№»). */
  firstRowOf(number: string): number | undefined;
  /** Whether a notice key is recorded in «Журнал» (sent before). */
  sent(key: string): boolean;
  /** The notices «Журнал» recorded for this appeal's «№» (to restore their «История» lines). */
  recorded: readonly RecordedAppealNotice[];
  /** The blank «Срок» cell holds a formula (the job asked only rows where needsDeadline is true). */
  deadlineFormula: boolean;
}

/** Fields of an appeal a rule changes; «Срок» is the only people's column among them. */
export type AppealFields = Pick<
  AppealRecord,
  'deadline' | 'state' | 'invalid' | 'answerDate' | 'extendedTo' | 'repeated' | 'duplicateOf'
>;

export interface AppealRuleResult {
  fix?: { set?: Partial<AppealFields>; history?: readonly string[] };
  notices?: readonly AppealNotice[];
  problems?: readonly RowProblem[];
}

export interface AppealRule {
  name: string;
  /**
   * check — what is wrong in the row (problems; a cell found wrong is marked `invalid` and no later
   * rule trusts it); fill — before the write (blank «Срок», «История»); state — «Состояние»;
   * notify — after the write.
   */
  stage: RuleStage;
  /** The runs that apply it: the daily check, a non-working day's refresh, «Проверить данные». */
  modes: readonly RunMode[];
  register?: undefined;
  apply(a: Readonly<AppealRecord>, day: RuleDay, facts: AppealFacts): AppealRuleResult;
}

/**
 * A rule over the whole register (e.g. which appeals repeat or duplicate which, 003 п.99): it runs
 * after the stage's rules over each appeal and returns the fields to set, by sheet row.
 */
export interface AppealRegisterRule {
  name: string;
  stage: RuleStage;
  modes: readonly RunMode[];
  register: true;
  apply(appeals: readonly Readonly<AppealRecord>[], day: RuleDay): ReadonlyMap<number, Partial<AppealFields>>;
}

export type AnyAppealRule = AppealRule | AppealRegisterRule;

/** A check's problem on a cell that also marks the cell `invalid` (no later rule trusts it). */
export function invalidCell(a: Pick<AppealRecord, 'invalid'>, found: RowProblem[]): AppealRuleResult {
  if (found.length === 0) return {};
  const invalid = [...a.invalid];
  for (const p of found) if (!invalid.includes(p.column)) invalid.push(p.column);
  return { fix: { set: { invalid } }, problems: found };
}

/** Applies a fix to the appeal (the next rule sees it); true when it set «Срок», a people's cell to write. */
export function applyAppealFix(a: AppealRecord, fix: AppealRuleResult['fix']): boolean {
  if (!fix) return false;
  Object.assign(a, fix.set ?? {});
  if (fix.history?.length) a.history = appendHistory(a.history, fix.history);
  return fix.set?.deadline !== undefined;
}

/** A category of the day's «Отчёт 1» in «аварийная ситуация», to be mailed once (004 п.1.3, п.3.1). */
export interface AppealEmergency {
  day: IsoDate;
  category: string;
  count: number;
  average: number;
  index: number;
  key: string;
}

/** A rule over one day's «Отчёт 1» of the register (domain/appeals-report.ts appealDayReport). */
export interface AppealReportRule {
  name: string;
  apply(report: AppealDayReport, facts: Pick<AppealFacts, 'sent'>): readonly AppealEmergency[];
}
