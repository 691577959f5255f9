// «Отчёт: обращения»: the daily report of Odintsovo's municipal management centre (004 Приложение 1,
// «Отчёт 1» — «оперативная информация по работе с обращениями за предыдущие сутки»): four groups —
// Новые, Повторные, Отложенные, Просроченные (004 п.2.1.3: «мониторинг закрытия отложенных /
// просроченных / повторных обращений») — each with its count and change against the day before,
// then the categories with the day's count, the 28-day average and the index; an index above 3,00
// is an emergency (004 п.1.3: «индекс категории больше 3,00»).
import { type AppealRecord, type AppealSettings, appealDue, openOn } from './appeals';
import type { WorkCalendar } from './calendar';
import { addDays, type IsoDate } from './dates';
import { compareRu } from './ru-order';
import { foldText } from './text';

export const APPEAL_GROUPS = ['Новые', 'Повторные', 'Отложенные (Продлено)', 'Просроченные'] as const;
export type AppealGroupName = (typeof APPEAL_GROUPS)[number];

/** Days of the average the index compares the day with (spec: «the previous 28 days»). */
export const INDEX_WINDOW_DAYS = 28;
/** 004 п.1.3: «индекс категории больше 3,00». */
export const EMERGENCY_INDEX = 3;
export const EMERGENCY_MARK = 'аварийная ситуация';
/**
 * The daily average a category with no appeal in the INDEX_WINDOW_DAYS days before is measured
 * against (004 п.1.3 gives no reading for a zero baseline). A category that appears at all appears
 * with at least one appeal a day, so one a day is the least ordinary flow: a single first appeal
 * has index 1,00 (штатный режим), three have 3,00 (not above), and a new category with more than
 * three on one day — twelve «Отопление» — is the sharp rise п.1.3 is about (index 12,00).
 */
export const ZERO_BASELINE_AVERAGE = 1;

export interface AppealLine {
  number: string;
  /** «Проблема»: Тема, Адрес. */
  problem: string;
  /** «Принятые меры». */
  measures: string;
}

export interface AppealGroup {
  name: AppealGroupName;
  count: number;
  /** count − the same count the day before. */
  change: number;
  lines: AppealLine[];
}

export interface CategoryLine {
  category: string;
  day: number;
  /** Appeals a day over the INDEX_WINDOW_DAYS days before. */
  average: number;
  /**
   * day ÷ average, rounded to 2 decimals; with no appeal in the window (average 0), day ÷
   * ZERO_BASELINE_AVERAGE. null only when the category had no appeal that day either.
   */
  index: number | null;
  /** No appeal in the INDEX_WINDOW_DAYS days before: judged against ZERO_BASELINE_AVERAGE. */
  newCategory: boolean;
  emergency: boolean;
}

export interface AppealDayReport {
  day: IsoDate;
  groups: AppealGroup[];
  categories: CategoryLine[];
}

type Row = Pick<
  AppealRecord,
  | 'number'
  | 'registered'
  | 'topic'
  | 'address'
  | 'measures'
  | 'category'
  | 'repeated'
  | 'deadline'
  | 'extendedTo'
  | 'answerDate'
> &
  Partial<Pick<AppealRecord, 'duplicateOf'>>;

/**
 * Which group an appeal is in on `day`. Новые: registered that day, first of its applicant in its
 * category; Повторные: registered that day and repeated; Отложенные: open at the end of the day with
 * «Продлено до» set (003 п.113 additional term); Просроченные: open at the end of the day and past
 * its due day. An appeal can be both Отложенное and Просроченное (the new term passed too).
 */
export function groupsOf(a: Row, day: IsoDate, s: AppealSettings, cal: WorkCalendar): AppealGroupName[] {
  const out: AppealGroupName[] = [];
  // A duplicate joins its first appeal (003 п.99): the first is counted, not the duplicate.
  if (!a.registered || isDuplicate(a)) return out;
  if (a.registered === day) out.push(a.repeated ? 'Повторные' : 'Новые');
  if (openOn(a, day)) {
    if (a.extendedTo) out.push('Отложенные (Продлено)');
    const due = appealDue(a, s, cal);
    if (due && day > due) out.push('Просроченные');
  }
  return out;
}

function isDuplicate(a: Partial<Pick<AppealRecord, 'duplicateOf'>>): boolean {
  return a.duplicateOf !== undefined && a.duplicateOf !== null;
}

function problemText(a: Row): string {
  return [a.topic.trim(), a.address.trim()].filter(Boolean).join(', ') || `обращение № ${a.number}`;
}

/** Rounded to 2 decimals, as shown («3,00»); the comparison with 3,00 uses the shown figure. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function appealDayReport(
  appeals: readonly Row[],
  day: IsoDate,
  s: AppealSettings,
  cal: WorkCalendar,
): AppealDayReport {
  const before = addDays(day, -1);
  const groups: AppealGroup[] = APPEAL_GROUPS.map((name) => ({ name, count: 0, change: 0, lines: [] }));
  const byName = new Map(groups.map((g) => [g.name, g]));
  for (const a of appeals) {
    for (const g of groupsOf(a, day, s, cal)) {
      const grp = byName.get(g) as AppealGroup;
      grp.count++;
      grp.change++;
      grp.lines.push({ number: a.number, problem: problemText(a), measures: a.measures });
    }
    for (const g of groupsOf(a, before, s, cal)) (byName.get(g) as AppealGroup).change--;
  }

  const from = addDays(day, -INDEX_WINDOW_DAYS);
  const cats = new Map<string, { name: string; day: number; window: number }>();
  for (const a of appeals) {
    if (!a.registered || !a.category.trim() || a.registered < from || a.registered > day || isDuplicate(a)) continue;
    const k = foldText(a.category);
    let c = cats.get(k);
    if (!c) {
      c = { name: a.category.trim(), day: 0, window: 0 };
      cats.set(k, c);
    }
    if (a.registered === day) c.day++;
    else c.window++;
  }
  const categories: CategoryLine[] = [...cats.values()].map((c) => {
    const average = c.window / INDEX_WINDOW_DAYS;
    const newCategory = c.window === 0;
    const index = average > 0 ? round2(c.day / average) : c.day > 0 ? round2(c.day / ZERO_BASELINE_AVERAGE) : null;
    return {
      category: c.name,
      day: c.day,
      average,
      index,
      newCategory,
      emergency: index !== null && index > EMERGENCY_INDEX,
    };
  });
  categories.sort(
    (a, b) =>
      Number(b.emergency) - Number(a.emergency) ||
      (b.index ?? -1) - (a.index ?? -1) ||
      b.day - a.day ||
      compareRu(a.category, b.category),
  );
  return { day, groups, categories };
}

export interface AppealDisciplineRow {
  executor: string;
  onTime: number;
  late: number;
  overdue: number;
}

/**
 * «Обращения» of the weekly and monthly summary (003 п.117: «довідки про стан виконавської
 * дисципліни в розрізі виконавців»): per executor, the appeals whose due day (the term in force
 * after the non-working-day rule) lies in [from, to]: answered on time, answered late, and not
 * answered with the due day before `today` (an interim answer does not count: 003 п.119). An answer
 * given after `to` counts as late or overdue as of today. Rows by executor, then «Итого».
 */
export function appealDiscipline(
  appeals: readonly (Pick<AppealRecord, 'executor' | 'deadline' | 'extendedTo' | 'answerDate'> &
    Partial<Pick<AppealRecord, 'duplicateOf'>>)[],
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  s: AppealSettings,
  cal: WorkCalendar,
): { rows: AppealDisciplineRow[]; total: AppealDisciplineRow } {
  const by = new Map<string, AppealDisciplineRow>();
  const total: AppealDisciplineRow = { executor: 'Итого', onTime: 0, late: 0, overdue: 0 };
  for (const a of appeals) {
    if (isDuplicate(a)) continue;
    const due = appealDue(a, s, cal);
    if (!due || due < from || due > to) continue;
    const key = foldText(a.executor) || '—';
    let r = by.get(key);
    if (!r) {
      r = { executor: a.executor.trim() || '(не указан)', onTime: 0, late: 0, overdue: 0 };
      by.set(key, r);
    }
    const field: keyof Omit<AppealDisciplineRow, 'executor'> | null = a.answerDate
      ? a.answerDate <= due
        ? 'onTime'
        : 'late'
      : today > due
        ? 'overdue'
        : null;
    if (!field) continue;
    r[field]++;
    total[field]++;
  }
  const rows = [...by.values()]
    .filter((r) => r.onTime + r.late + r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || b.late - a.late || compareRu(a.executor, b.executor));
  return { rows, total };
}
