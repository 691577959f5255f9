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
  executorByName: ReadonlyMap<string, Executor>;
  /** Whether a notice key is recorded in «Журнал» (sent before). */
  sent(key: string): boolean;
  /** The notices «Журнал» recorded for this appeal's «№» (to restore their «История» lines). */
  recorded: readonly RecordedAppealNotice[];
  /** The blank «Срок» cell holds a formula (the job asked only rows where needsDeadline is true). */
  deadlineFormula: boolean;
}

/** Fields of an appeal a rule changes; «Срок» is the only people's column among them. */
export type AppealFields = Pick<AppealRecord, 'deadline' | 'state' | 'invalid'>;

export interface AppealRuleResult {
  fix?: { set?: Partial<AppealFields>; history?: readonly string[] };
  notices?: readonly AppealNotice[];
  problems?: readonly RowProblem[];
}

export interface AppealRule {
  name: string;
  /** fill — before the write (blank «Срок», «История»); state — «Состояние»; notify — after it. */
  stage: Exclude<RuleStage, 'check'>;
  /** The runs that apply it: the daily check, a non-working day's refresh («Проверить данные» only reads). */
  modes: readonly RunMode[];
  apply(a: Readonly<AppealRecord>, day: RuleDay, facts: AppealFacts): AppealRuleResult;
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
