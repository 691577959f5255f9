// «Проекты»: the dates of a project's stages (002 Приложение 2, «Этап 1 … Этап 9»): a cell that is
// not a date, stages out of order, and a missing or unreadable opening year (the quarterly report
// lists a project by the year it opened) are each a problem on their cell.
import { formatRu } from '../dates';
import { PROJECT_COL, stageOrderIssues } from '../lean-stages';
import { cellText } from '../text';
import type { PlanRowRule, ProjectRow } from './plan-rule';

const nameOf = (p: ProjectRow) => cellText(p.get(PROJECT_COL.name)) || `строка ${p.row}`;

export const projectDateCells: PlanRowRule<'projects'> = {
  name: 'projectDateCells',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'projects',
  apply: (p) => ({
    problems: p.bad.map((b) => ({
      column: b.header,
      value: b.value,
      message: `Проект «${nameOf(p)}»: не удалось прочитать дату.`,
      fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
    })),
  }),
};

export const projectStageOrder: PlanRowRule<'projects'> = {
  name: 'projectStageOrder',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'projects',
  apply: (p) => ({
    problems: stageOrderIssues(p.dates).map((s) => ({
      column: s.header,
      value: formatRu(s.value),
      message: `Проект «${nameOf(p)}»: ${s.message}`,
      fix: s.fix,
    })),
  }),
};

export const projectOpenYear: PlanRowRule<'projects'> = {
  name: 'projectOpenYear',
  stage: 'check',
  modes: ['daily', 'check'],
  tab: 'projects',
  apply(p) {
    if (p.openYear !== null || (p.openYearRaw === '' && p.dates.start[0])) return {};
    return {
      problems: [
        {
          column: PROJECT_COL.openYear,
          value: cellText(p.openYearRaw),
          message: `Проект «${nameOf(p)}»: ${p.openYearRaw === '' ? 'не указан год открытия' : 'год открытия не распознан'} — проект не попадёт в квартальный отчёт.`,
          fix: 'Укажите год четырьмя цифрами, например 2026.',
        },
      ],
    };
  },
};
