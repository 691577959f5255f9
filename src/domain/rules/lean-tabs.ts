// The plan register's tabs and the columns its rules read: a missing tab or column is one problem
// (the rules below it read nothing there). «План ЭР»: №, «Мероприятие», «Срок», «Эл. почта
// ответственного» (002 План мероприятий); «Проекты»: name, opening year and the stage dates (002
// Приложение 2); «Обучение»: «Дата» (002 План 2.1).
import { PLAN_COL, TAB, TRAINING_COL } from '../contract';
import { PROJECT_COL, STAGE_HEADERS } from '../lean-stages';
import { missingColumnProblem, missingTabProblem, type Problem } from '../problem';
import type { PlanRegisterRule, RegisterTab } from './plan-rule';

function tabProblems(tab: string, t: RegisterTab<unknown> | null, headers: readonly string[]): Problem[] {
  if (!t) return [missingTabProblem(tab)];
  return headers.filter((h) => !t.has(h)).map((h) => missingColumnProblem(tab, h));
}

export const planColumns: PlanRegisterRule = {
  name: 'planColumns',
  stage: 'check',
  modes: ['daily', 'check'],
  apply: (r) => ({
    problems: tabProblems(TAB.plan, r.plan, [PLAN_COL.number, PLAN_COL.measure, PLAN_COL.deadline, PLAN_COL.email]),
  }),
};

export const projectColumns: PlanRegisterRule = {
  name: 'projectColumns',
  stage: 'check',
  modes: ['daily', 'check'],
  apply: (r) => ({
    problems: tabProblems(TAB.projects, r.projects, [PROJECT_COL.name, PROJECT_COL.openYear, ...STAGE_HEADERS]),
  }),
};

export const trainingColumns: PlanRegisterRule = {
  name: 'trainingColumns',
  stage: 'check',
  modes: ['daily', 'check'],
  apply: (r) => ({ problems: tabProblems(TAB.training, r.training, [TRAINING_COL.date]) }),
};
