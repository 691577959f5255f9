// «Контроль плана ЭР» (постановление 1134-П, 002 План мероприятий): one measure of «План ЭР» judged
// for a year — its target, its fact (typed, or counted by the add-on: 002 План 1.1 projects closed,
// 2.1 trainings held), whether the target is met, and each deadline of the year with its state
// (a day off moves it to the working day before when «Срок в нерабочий день» says so, 001 гл.8
// п.2.4.2). Pure: jobs/plan-control.ts reads the tabs and writes the report.
import type { WorkCalendar } from './calendar';
import { TAB } from './contract';
import { formatRu, type IsoDate } from './dates';
import { deadlineState, deadlinesForYear, effectiveDeadline, type PlanDeadline } from './plan-deadlines';
import { COUNTED_FACTS, type Outcome, parseFact, parseTarget, planOutcome } from './plan-facts';
import type { PlanItem } from './rules/plan-rule';
import { cellText } from './text';

/** Facts the add-on counts itself (COUNTED_FACTS); null when their tab is missing. */
export type CountedFacts = Record<'projects' | 'trainings', number | null>;

export interface PlanControlDay {
  year: number;
  today: IsoDate;
  calendar: WorkCalendar;
  nonWorkingDeadline: 'previous' | 'keep';
  counted: CountedFacts;
}

export interface MeasureControl {
  number: string;
  measure: string;
  unit: string;
  /** «Цель YYYY» as typed, «(не понята)» added when it does not read. */
  target: string;
  fact: number | null;
  /** Where the fact comes from. */
  from: string;
  outcome: Outcome;
  /** «Срок» as typed, «(срок не понят)» added when it does not read. */
  deadlineText: string;
  /** Each deadline of the year with its state, one a line; «без срока» for a measure without one. */
  datesText: string;
  responsible: string;
  deadlines: { date: IsoDate; period: string; state: string }[];
  notes: string[];
}

/** «прошёл», «сегодня», «через N раб. дн.», and the day it moved to when it falls on a day off. */
export function describeDeadline(d: PlanDeadline, day: PlanControlDay): string {
  const due = effectiveDeadline(d.date, day.calendar, day.nonWorkingDeadline);
  const state = deadlineState(due, day.today, day.calendar);
  return due === d.date ? state : `${state} (${formatRu(d.date)} — нерабочий день, срок ${formatRu(due)})`;
}

function factOf(it: PlanItem, day: PlanControlDay): { fact: number | null; from: string } {
  const { year: y } = day;
  const source = COUNTED_FACTS[it.number];
  if (source && day.counted[source] !== null)
    return {
      fact: day.counted[source],
      from:
        source === 'projects'
          ? `подсчитано по листу «${TAB.projects}» (проекты, закрытые в году: «Этап 9»)`
          : `подсчитано по листу «${TAB.training}» (программа и дата)`,
    };
  return { fact: parseFact(it.fact(y)), from: it.hasFactColumn(y) ? `«Факт ${y}»` : `нет столбца «Факт ${y}»` };
}

/** One measure for the year: its row of the report, its deadlines and the notes on what did not read. */
export function measureControl(it: PlanItem, day: PlanControlDay): MeasureControl {
  const { year: y } = day;
  const tp = parseTarget(it.target(y));
  const { fact, from } = factOf(it, day);
  const dates = it.deadline.ok ? deadlinesForYear(it.deadline.rule, y) : [];
  const deadlines = dates.map((x) => ({ date: x.date, period: x.period, state: describeDeadline(x, day) }));
  const notes: string[] = [];
  if (!tp.ok) notes.push(`${it.number}: ${tp.message}`);
  if (!it.deadline.ok) notes.push(`${it.number}: ${it.deadline.message}`);
  return {
    number: it.number,
    measure: it.measure,
    unit: it.unit,
    target: tp.ok ? cellText(it.target(y)) : `${cellText(it.target(y))} (не понята)`,
    fact,
    from,
    outcome: planOutcome(tp.ok ? tp.target : { kind: 'none' }, fact),
    deadlineText: it.deadline.ok ? it.deadlineRaw : `${it.deadlineRaw || '—'} (срок не понят)`,
    datesText: deadlines.length
      ? deadlines.map((x) => `${formatRu(x.date)} — ${x.state}`).join('\n')
      : it.deadline.ok
        ? 'без срока'
        : '',
    responsible: it.responsible,
    deadlines,
    notes,
  };
}
