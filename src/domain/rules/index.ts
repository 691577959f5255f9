// The daily check's rules, per register (docs/ARCHITECTURE.md «The three registers»): over
// «Поручения», «Обращения» and the plan, each list in the order it runs (src/domain/rules/rule.ts says
// what a rule is; src/jobs/order-pipeline.ts applies them). A new rule is one line here, at its stage.
import {
  appealAnswer,
  appealDistrust,
  appealNumberUnique,
  appealParties,
  appealRegistration,
  appealTermDates,
} from './appeal-checks';
import { appealDeadlineFill } from './appeal-deadline';
import { appealDuplicateLine } from './appeal-duplicate';
import { appealEmergencies } from './appeal-emergency';
import { appealKindsRule } from './appeal-kinds';
import { appealEventLines } from './appeal-lines';
import { appealNoticesRule } from './appeal-notices';
import { appealRestoredLines } from './appeal-restore';
import type { AnyAppealRule, AppealReportRule } from './appeal-rule';
import { appealStateRule } from './appeal-state';
import { approverOnRecord } from './approver';
import { coDeadline } from './co-deadline';
import { coExecutorReminders } from './co-executors';
import { decisions } from './decisions';
import { enteredAt } from './entered-at';
import { eventProblems } from './event-problems';
import { events } from './events';
import { interimMissed, interimReminders } from './interim';
import { lateEntry } from './late-entry';
import { lateReason } from './late-reason';
import { lateRequest } from './late-request';
import { planColumns, projectColumns, trainingColumns } from './lean-tabs';
import { notices } from './notices';
import { numbering } from './numbering';
import { periodic } from './periodic';
import { planDeadlinePhrase } from './plan-deadline-phrase';
import { planEmails } from './plan-emails';
import { planNumber } from './plan-number';
import { planReminders } from './plan-reminders';
import { planRequired } from './plan-required';
import type { PlanRule } from './plan-rule';
import { planTargets } from './plan-targets';
import { planUnaddressed } from './plan-unaddressed';
import { projectDateCells, projectOpenYear, projectStageOrder } from './project-dates';
import { ratingChecks } from './rating-checks';
import { ratingReminder } from './rating-reminder';
import { removalDecision } from './removal';
import { requestDay } from './request-day';
import type { OrderRule, RuleStage, RunMode } from './rule';
import { state } from './state';
import { trainingDate } from './training-date';
import { unit } from './unit';

export const ORDER_RULES: readonly OrderRule[] = [
  // fill (step 2): the events onEdit missed, the removal decision, then «№», «Срок» and the
  // extension and return decisions, «Внесено» once the row is an order, the day of a pending request.
  events,
  removalDecision,
  numbering,
  decisions,
  enteredAt,
  unit,
  periodic,
  requestDay,
  // check (step 1's rule problems)
  lateRequest,
  approverOnRecord,
  eventProblems,
  lateEntry,
  lateReason,
  planRequired,
  interimMissed,
  // state (step 3)
  state,
  coDeadline,
  // notify (step 4)
  notices,
  coExecutorReminders,
  interimReminders,
];

/** The rules of one stage that a run of `mode` applies, in list order. */
export function rulesFor(stage: RuleStage, mode: RunMode): OrderRule[];
export function rulesFor<R extends { stage: string; modes: readonly RunMode[] }>(
  stage: R['stage'],
  mode: RunMode,
  rules: readonly R[],
): R[];
export function rulesFor(
  stage: string,
  mode: RunMode,
  rules: readonly { stage: string; modes: readonly RunMode[] }[] = ORDER_RULES,
): unknown[] {
  return rules.filter((r) => r.stage === stage && r.modes.includes(mode));
}

/**
 * The rules over «Обращения» (jobs/appeals.ts applies them), stage by stage for the whole register,
 * each stage's rules in list order for every appeal, then the stage's register rules. A new rule is
 * one line here, at its stage.
 */
export const APPEAL_RULES: readonly AnyAppealRule[] = [
  // check: what is wrong in the row (a cell found wrong is trusted by no later rule); then, over the
  // register, which appeals repeat or duplicate which.
  appealRegistration,
  appealParties,
  appealTermDates,
  appealAnswer,
  appealDistrust,
  appealNumberUnique,
  appealKindsRule,
  // fill: a blank «Срок», then «История» — the extension and the answer, the notices «Журнал» recorded.
  appealDeadlineFill,
  appealEventLines,
  appealRestoredLines,
  // state: «Состояние», and a duplicate's line.
  appealStateRule,
  appealDuplicateLine,
  // notify (after the write): the reminder and the overdue notice, into the executor's digest.
  appealNoticesRule,
];

/** The rules over each day's «Отчёт 1» of «Обращения» (jobs/appeals-report.ts applies them). */
export const APPEAL_REPORT_RULES: readonly AppealReportRule[] = [
  // an emergency category (index over 3,00), mailed to «Получатели сводки» once a day
  appealEmergencies,
];

/**
 * The plan register's rules («Эффективный регион», seed 002; jobs/lean-register.ts applies them):
 * row rules of one tab run row by row, each row's rules in list order; a register rule once, at its
 * place. The programme's tabs first, then the self-assessment's (the menu's checks may run either).
 */
export const LEAN_RULES: readonly PlanRule[] = [
  // check: «План ЭР» — its columns, each measure's «№», «Срок», addresses, targets and facts; nobody to remind
  planColumns,
  planNumber,
  planDeadlinePhrase,
  planEmails,
  planTargets,
  planUnaddressed,
  // check: «Проекты» — the stage dates, their order, the opening year; «Обучение» — the dates
  projectColumns,
  projectDateCells,
  projectStageOrder,
  projectOpenYear,
  trainingColumns,
  trainingDate,
  // notify: the plan's deadlines, 5 working days before and on the day
  planReminders,
];

export const RATING_RULES: readonly PlanRule[] = [
  // check: «Критерии самооценки», «Самооценка»
  ratingChecks,
  // notify: the sector before 1 December
  ratingReminder,
];

export const PLAN_RULES: readonly PlanRule[] = [...LEAN_RULES, ...RATING_RULES];
