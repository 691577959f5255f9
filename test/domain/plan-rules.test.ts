// The plan register's rules (src/domain/rules, LEAN_RULES and RATING_RULES), each a pure function
// over one row of «План ЭР», «Проекты», «Обучение» or over the register, checked directly with its
// passage of seed 002 (002_065c4a04b58f9fd8.txt). Dates by hand on the 2026 calendar: 10.04.2026 is
// a Friday, 03.04.2026 five working days before it; 01.12.2026 is a Tuesday, 17.11.2026 ten before.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { PLAN_COL, TAB, TRAINING_COL } from '../../src/domain/contract';
import { emptyStageDates, PROJECT_COL } from '../../src/domain/lean-stages';
import { parseDeadlinePhrase } from '../../src/domain/plan-deadlines';
import { LEAN_RULES, PLAN_RULES, RATING_RULES, rulesFor } from '../../src/domain/rules/index';
import { planColumns, trainingColumns } from '../../src/domain/rules/lean-tabs';
import { planDeadlinePhrase } from '../../src/domain/rules/plan-deadline-phrase';
import { planEmails } from '../../src/domain/rules/plan-emails';
import { planNumber } from '../../src/domain/rules/plan-number';
import { planReminders } from '../../src/domain/rules/plan-reminders';
import type {
  PlanFacts,
  PlanItem,
  PlanRegister,
  ProjectRow,
  RegisterTab,
  SheetValue,
  TrainingRow,
} from '../../src/domain/rules/plan-rule';
import { planTargets } from '../../src/domain/rules/plan-targets';
import { planUnaddressed } from '../../src/domain/rules/plan-unaddressed';
import { projectDateCells, projectOpenYear, projectStageOrder } from '../../src/domain/rules/project-dates';
import { ratingChecks } from '../../src/domain/rules/rating-checks';
import { ratingReminder } from '../../src/domain/rules/rating-reminder';
import type { RuleDay } from '../../src/domain/rules/rule';
import { trainingDate } from '../../src/domain/rules/training-date';
import { parseSettings } from '../../src/domain/settings';

const settings = parseSettings([], 'Europe/Moscow').settings;
const calendar = new WorkCalendar();
const day = (today: string, controllerEmail = ''): RuleDay => ({
  today,
  settings: { ...settings, controllerEmail },
  calendar,
  mode: 'daily',
});
const facts: PlanFacts = { sent: () => false };
const all = () => true;
const tab = <R>(rows: R[], has: (h: string) => boolean = all): RegisterTab<R> => ({ rows, has });

function item(f: Partial<PlanItem> & { cells?: Record<string, SheetValue> } = {}): PlanItem {
  const cells = f.cells ?? {};
  const deadlineRaw = f.deadlineRaw ?? 'ежеквартально, до 10 числа следующего месяца';
  return {
    row: 5,
    number: '3.4',
    measure: 'Отчёт о реализации бережливых проектов',
    unit: 'отчёт',
    responsible: 'Сектор',
    emails: ['sector@prom.ru'],
    badEmails: [],
    target: (y) => cells[`Цель ${y}`] ?? '',
    fact: (y) => cells[`Факт ${y}`] ?? '',
    hasTargetColumn: () => true,
    hasFactColumn: () => true,
    ...f,
    deadlineRaw,
    deadline: parseDeadlinePhrase(deadlineRaw),
  };
}

function project(f: Partial<ProjectRow> & { cells?: Record<string, SheetValue> } = {}): ProjectRow {
  const cells = f.cells ?? { [PROJECT_COL.name]: 'Очередь' };
  return {
    row: 2,
    get: (h) => cells[h] ?? '',
    dates: emptyStageDates(),
    bad: [],
    openYearRaw: 2026,
    openYear: 2026,
    ...f,
  };
}

function register(p: Partial<PlanRegister> = {}): PlanRegister {
  return {
    plan: tab<PlanItem>([]),
    projects: tab<ProjectRow>([]),
    training: tab<TrainingRow>([]),
    criteria: { rows: [], fallback: false, issues: [] },
    answers: { rows: [], issues: [] },
    ...p,
  };
}

describe('the plan register’s list', () => {
  it('checks «План ЭР» row by row, then «Проекты», «Обучение», then the self-assessment; reminds last', () => {
    expect(rulesFor('check', 'check', PLAN_RULES).map((r) => r.name)).toEqual([
      'planColumns',
      'planNumber',
      'planDeadlinePhrase',
      'planEmails',
      'planTargets',
      'planUnaddressed',
      'projectColumns',
      'projectDateCells',
      'projectStageOrder',
      'projectOpenYear',
      'trainingColumns',
      'trainingDate',
      'ratingChecks',
    ]);
    expect(rulesFor('notify', 'daily', LEAN_RULES).map((r) => r.name)).toEqual(['planReminders']);
    expect(rulesFor('notify', 'daily', RATING_RULES).map((r) => r.name)).toEqual(['ratingReminder']);
    expect(new Set(PLAN_RULES.map((r) => r.name)).size).toBe(PLAN_RULES.length);
  });
});

describe('«План ЭР»: each measure (002 План мероприятий)', () => {
  it('a missing tab or column is one problem each', () => {
    expect(planColumns.apply(register({ plan: null }), day('2026-04-03'), facts).problems?.map((p) => p.tab)).toEqual([
      TAB.plan,
    ]);
    const noEmail = tab<PlanItem>([], (h) => h !== PLAN_COL.email);
    expect(planColumns.apply(register({ plan: noEmail }), day('2026-04-03'), facts).problems?.[0].column).toBe(
      PLAN_COL.email,
    );
  });

  it('«№» blank or used above is a problem naming the first row', () => {
    const rows = [item({ row: 5 }), item({ row: 6 }), item({ row: 7, number: '' })];
    const t = tab(rows);
    expect(planNumber.apply(rows[0], day('2026-04-03'), { ...facts, tab: t })).toEqual({});
    expect(planNumber.apply(rows[1], day('2026-04-03'), { ...facts, tab: t }).problems?.[0].message).toBe(
      '№ 3.4 уже есть в строке 5.',
    );
    expect(planNumber.apply(rows[2], day('2026-04-03'), { ...facts, tab: t }).problems?.[0].value).toBe('');
  });

  it('«Срок» not understood, an address that is not one, a target that is no number (002: «не менее 1»)', () => {
    const bad = item({ deadlineRaw: 'когда-нибудь', badEmails: ['not-an-email'], cells: { 'Цель 2026': 'много' } });
    expect(planDeadlinePhrase.apply(bad, day('2026-04-03'), { ...facts, tab: tab([bad]) }).problems?.[0].value).toBe(
      'когда-нибудь',
    );
    expect(planEmails.apply(bad, day('2026-04-03'), { ...facts, tab: tab([bad]) }).problems?.[0].value).toBe(
      'not-an-email',
    );
    expect(
      planTargets.apply(bad, day('2026-04-03'), { ...facts, tab: tab([bad]) }).problems?.map((p) => p.column),
    ).toEqual(['Цель 2026']);
    const good = item({ cells: { 'Цель 2026': 'не менее 1', 'Факт 2026': 2 } });
    expect(planTargets.apply(good, day('2026-04-03'), { ...facts, tab: tab([good]) }).problems).toEqual([]);
    // 002 План 1.1 is counted from «Проекты»: its «Факт» cell is not read.
    const counted = item({ number: '1.1', cells: { 'Факт 2026': 'см. проекты' } });
    expect(planTargets.apply(counted, day('2026-04-03'), { ...facts, tab: tab([counted]) }).problems).toEqual([]);
  });

  it('nobody to remind: one line for the tab unless the controller has an address', () => {
    const plan = tab([item({ emails: [] }), item({ number: '3.5', emails: [] })]);
    const r = planUnaddressed.apply(register({ plan }), day('2026-04-03'), facts);
    expect(r.problems?.map((p) => `${p.tab}|${p.row}|${p.column}`)).toEqual([`${TAB.plan}|0|${PLAN_COL.email}`]);
    expect(r.problems?.[0].message).toContain('3.4, 3.5');
    expect(planUnaddressed.apply(register({ plan }), day('2026-04-03', 'c@prom.ru'), facts)).toEqual({});
  });
});

describe('planReminders: 002 План 3.4 «ежеквартально, до 10 числа следующего месяца»', () => {
  const it34 = item();
  const apply = (today: string, f: PlanFacts = facts) =>
    planReminders.apply(it34, day(today), { ...f, tab: tab([it34]) }).notices ?? [];

  it('5 working days before 10.04.2026 (03.04) and on the day, each with its key; not between', () => {
    expect(apply('2026-04-03').map((n) => n.kind === 'plan' && [n.key, n.when])).toEqual([
      ['plan:3.4:2026-04-10:5', 'через 5 раб. дн.'],
    ]);
    expect(apply('2026-04-06')).toHaveLength(1); // a missed run catches up (same key)
    expect(apply('2026-04-10').map((n) => n.key)).toEqual(['plan:3.4:2026-04-10:0']);
    expect(apply('2026-04-10', { sent: () => true })).toEqual([]);
    expect(apply('2026-04-02')).toEqual([]);
    expect(apply('2026-04-11')).toEqual([]); // a Saturday: the daily check mails on working days only
  });

  it('to the controller when the measure has no address; to nobody without either', () => {
    const none = item({ emails: [] });
    const at = (c: string) =>
      planReminders.apply(none, day('2026-04-03', c), { ...facts, tab: tab([none]) }).notices ?? [];
    expect(at('c@prom.ru').map((n) => n.kind === 'plan' && n.to)).toEqual([['c@prom.ru']]);
    expect(at('')).toEqual([]);
  });
});

describe('«Проекты» (002 Приложение 2: the stages) and «Обучение» (002 План 2.1)', () => {
  it('a cell that is not a date, stages out of order, a missing opening year', () => {
    const dates = emptyStageDates();
    dates.start[2] = '2026-04-01';
    dates.start[3] = '2026-03-01';
    const p = project({ bad: [{ header: PROJECT_COL.stage2Start, value: '31.02.2026' }], dates });
    const f = { ...facts, tab: tab([p]) };
    expect(projectDateCells.apply(p, day('2026-04-03'), f).problems?.[0].message).toBe(
      'Проект «Очередь»: не удалось прочитать дату.',
    );
    expect(projectStageOrder.apply(p, day('2026-04-03'), f).problems?.length).toBeGreaterThan(0);
    const noYear = project({ openYearRaw: '', openYear: null });
    expect(projectOpenYear.apply(noYear, day('2026-04-03'), f).problems?.[0].message).toContain(
      'не указан год открытия',
    );
    expect(projectOpenYear.apply(p, day('2026-04-03'), f)).toEqual({});
  });

  it('a training without a readable date is not counted and says so; without the column, only the column', () => {
    const r: TrainingRow = { row: 2, record: null, rawDate: 'вчера' };
    expect(trainingDate.apply(r, day('2026-04-03'), { ...facts, tab: tab([r]) }).problems?.[0].column).toBe(
      TRAINING_COL.date,
    );
    const noDate = tab([r], (h) => h !== TRAINING_COL.date);
    expect(trainingDate.apply(r, day('2026-04-03'), { ...facts, tab: noDate })).toEqual({});
    expect(trainingColumns.apply(register({ training: noDate }), day('2026-04-03'), facts).problems?.length).toBe(1);
  });
});

describe('the self-assessment (002 Порядок проведения самооценки п.4.1, чек-лист)', () => {
  const answers = {
    rows: [
      { row: 2, year: 2025, org: 'Администрация', scores: {} },
      { row: 3, year: 2025, org: 'Отдел культуры', scores: {} },
      { row: 4, year: 2026, org: 'Администрация', scores: {} },
    ],
    issues: [],
  };

  it('«ежегодно до 01 декабря»: 10 working days before (17.11.2026), with who has not answered; once', () => {
    const reg = register({ answers });
    expect(ratingReminder.apply(reg, day('2026-11-16', 's@prom.ru'), facts)).toEqual({});
    const r = ratingReminder.apply(reg, day('2026-11-17', 's@prom.ru'), facts);
    const n = r.notices?.[0];
    expect(n?.kind === 'rating' && [n.key, n.when, n.status.missing]).toEqual([
      'rating:2026:10',
      'осталось рабочих дней: 10',
      ['Отдел культуры'],
    ]);
    expect(ratingReminder.apply(reg, day('2026-11-17', 's@prom.ru'), { sent: () => true })).toEqual({});
  });

  it('all known answered: «Журнал» says so; no sector address: a problem, and the notice without one', () => {
    const done = register({ answers: { rows: answers.rows.filter((a) => a.org === 'Администрация'), issues: [] } });
    expect(ratingReminder.apply(done, day('2026-11-17', 's@prom.ru'), facts).notices?.[0].kind).toBe('rating-done');
    const r = ratingReminder.apply(register({ answers }), day('2026-11-17'), facts);
    expect(r.problems?.[0].message).toMatch(/некому отправить/);
    expect(r.notices?.[0].kind === 'rating' && r.notices[0].to).toBe('');
  });

  it('the checks: what reading found first, then the rows’ problems; the fallback check-list’s rows left out', () => {
    const issue = { tab: TAB.criteria, row: 0, column: '', value: '', message: 'Нет листа', fix: '…' };
    const reg = register({ criteria: { rows: [], fallback: true, issues: [issue] } });
    expect(ratingChecks.apply(reg, day('2026-03-02'), facts).problems).toEqual([issue]);
  });
});
