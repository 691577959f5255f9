// The plan register in the daily check («Эффективный регион», seed 002): «План ЭР», «Проекты»,
// «Обучение», «Критерии самооценки», «Самооценка», each read once per run and only when a rule
// asks for it → PLAN_RULES (src/domain/rules: LEAN_RULES, RATING_RULES) → problems into «Проверка
// данных», reminders mailed (one mail per set of addresses) with their keys in «Журнал». Nothing
// here decides: the rules do.
import { LEAN_RULES, RATING_RULES, rulesFor } from '../domain/rules/index';
import type {
  PlanFacts,
  PlanNotice,
  PlanRegister,
  PlanReminder,
  PlanRowRule,
  PlanRule,
  PlanTabName,
  RegisterTab,
} from '../domain/rules/plan-rule';
import type { RuleDay, RunMode } from '../domain/rules/rule';
import { composePlanReminders, composeRatingReminder } from '../mail/plan';
import { readPlan, readProjects, readTraining, registerTab } from '../workbook/lean-read';
import { readAnswers, readCriteria } from '../workbook/rating-read';
import { TAB } from '../workbook/schema';
import { readTable, type Table } from '../workbook/table';
import type { RunContext } from './context';

type Ctx = Pick<RunContext, 'ss' | 'tz'>;

function once<T>(read: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value;
  };
}

function tabOf<R>(ctx: Ctx, name: string, rows: (t: Table, tz: string) => R[]): () => RegisterTab<R> | null {
  return once(() => {
    const t = readTable(ctx.ss, name);
    return t ? registerTab(t, rows(t, ctx.tz)) : null;
  });
}

/** The register over the run's spreadsheet: each tab read at the first rule that asks for it, then kept. */
function readRegister(ctx: Ctx): PlanRegister {
  const plan = tabOf(ctx, TAB.plan, readPlan);
  const projects = tabOf(ctx, TAB.projects, readProjects);
  const training = tabOf(ctx, TAB.training, readTraining);
  const criteria = once(() => {
    const issues: PlanRegister['criteria']['issues'][number][] = [];
    const c = readCriteria(ctx.ss, (i) => issues.push(i));
    return { rows: c.rows, fallback: c.fallback, issues };
  });
  const answers = once(() => {
    const issues: PlanRegister['answers']['issues'][number][] = [];
    return { rows: readAnswers(ctx.ss, (i) => issues.push(i)), issues };
  });
  return {
    get plan() {
      return plan();
    },
    get projects() {
      return projects();
    },
    get training() {
      return training();
    },
    get criteria() {
      return criteria();
    },
    get answers() {
      return answers();
    },
  };
}

const registers = new WeakMap<Ctx, PlanRegister>();

/** The run's plan register (read once per run: the checks and the reminders share it). */
export function planRegister(ctx: Ctx): PlanRegister {
  let r = registers.get(ctx);
  if (!r) {
    r = readRegister(ctx);
    registers.set(ctx, r);
  }
  return r;
}

const TAB_NAME: Record<PlanTabName, string> = { plan: TAB.plan, projects: TAB.projects, training: TAB.training };

/** Applies a run of row rules of one tab: row by row, each row's rules in list order. */
function applyRowRules(ctx: RunContext, rules: readonly PlanRowRule[], day: RuleDay, facts: PlanFacts): PlanNotice[] {
  const name = rules[0].tab;
  const tab = planRegister(ctx)[name] as RegisterTab<{ row: number }> | null;
  const notices: PlanNotice[] = [];
  if (!tab) return notices;
  for (const row of tab.rows)
    for (const rule of rules) {
      const r = (rule as unknown as PlanRowRule<'plan'>).apply(row as never, day, { ...facts, tab: tab as never });
      for (const p of r.problems ?? []) ctx.problems.add({ tab: TAB_NAME[name], row: row.row, ...p });
      if (r.notices) notices.push(...r.notices);
    }
  return notices;
}

/** Applies the rules of `stage` for a run of `mode`; returns the notices they found. */
export function runPlanRules(
  ctx: RunContext,
  rules: readonly PlanRule[],
  stage: PlanRule['stage'],
  mode: RunMode,
): PlanNotice[] {
  const day: RuleDay = { today: ctx.today, settings: ctx.settings, calendar: ctx.calendar, mode };
  const facts: PlanFacts = { sent: (k) => ctx.journal.has(k) };
  const list = rulesFor(stage, mode, rules);
  const notices: PlanNotice[] = [];
  for (let i = 0; i < list.length; ) {
    const rule = list[i];
    if (rule.tab === undefined) {
      const r = rule.apply(planRegister(ctx), day, facts);
      for (const p of r.problems ?? []) ctx.problems.add(p);
      if (r.notices) notices.push(...r.notices);
      i++;
      continue;
    }
    let j = i;
    while (j < list.length && list[j].tab === rule.tab) j++;
    notices.push(...applyRowRules(ctx, list.slice(i, j) as PlanRowRule[], day, facts));
    i = j;
  }
  return notices;
}

const RATING_ACTION = 'Напоминание о самооценке';

/** Mails the notices: plan reminders one mail per set of addresses; the self-assessment's to the sector. */
export function sendPlanNotices(ctx: RunContext, notices: readonly PlanNotice[]): void {
  const byRecipients = new Map<string, PlanReminder[]>();
  for (const n of notices) {
    if (n.kind === 'plan') {
      const k = [...n.to].sort().join(',');
      byRecipients.set(k, [...(byRecipients.get(k) ?? []), n]);
    } else if (n.kind === 'rating-done')
      ctx.journal.add({
        action: RATING_ACTION,
        order: `Самооценка ${n.year}`,
        result: `не требуется: все известные организации (${n.known}) заполнили самооценку за ${n.year} год`,
        keys: [n.key],
      });
    else
      ctx.mailer.send(composeRatingReminder(n), {
        action: RATING_ACTION,
        items: [`Самооценка ${n.year}`],
        keys: [n.key],
      });
  }
  for (const [k, list] of byRecipients)
    ctx.mailer.send(composePlanReminders(k.split(','), list, ctx.settings.organization), {
      action: 'Напоминание о сроке плана ЭР',
      items: list.map((r) => r.number),
      keys: list.map((r) => r.key),
    });
}

/** Daily step 1: problems in «План ЭР», «Проекты», «Обучение». */
export function validateLean(ctx: RunContext, mode: RunMode = 'daily'): void {
  runPlanRules(ctx, LEAN_RULES, 'check', mode);
}

/** Daily step 6: plan deadline reminders (idempotent), to «Эл. почта ответственного». */
export function leanReminders(ctx: RunContext): void {
  sendPlanNotices(ctx, runPlanRules(ctx, LEAN_RULES, 'notify', 'daily'));
}

/** Daily step 1: problems in «Критерии самооценки», «Самооценка» (every year). */
export function validateRating(ctx: RunContext, mode: RunMode = 'daily'): void {
  runPlanRules(ctx, RATING_RULES, 'check', mode);
}

/** Daily step 6: the self-assessment reminder to the sector before 1 December (002 Порядок п.4.1). */
export function ratingReminders(ctx: RunContext): void {
  sendPlanNotices(ctx, runPlanRules(ctx, RATING_RULES, 'notify', 'daily'));
}
