// Reading the «Эффективный регион» tabs (seed 002): «План ЭР», «Проекты», «Обучение», each row as a
// plain record the plan register's rules take (domain/rules/plan-rule.ts); and the links people put in them.
import { cellToIsoDate } from '../domain/dates';
import { parseOpenYear, readStageDates } from '../domain/lean-stages';
import { parseDeadlinePhrase } from '../domain/plan-deadlines';
import { normMeasureNumber } from '../domain/plan-facts';
import type { PlanItem, ProjectRow, RegisterTab, TrainingRow } from '../domain/rules/plan-rule';
import { isEmail } from '../domain/settings';
import { PLAN_COL, PROJECT_COL, TRAINING_COL } from './schema';
import { type Cell, isBlankRow, type Table, text } from './table';

export type { PlanItem, TrainingRow };
/** A project's row (the rules' ProjectRow). */
export type ProjectRec = ProjectRow;

// ---------------------------------------------------------------- reading the tabs

/** «№» of a measure; a Date means a person typed «1.1» into a ru sheet, which made it 1 January. */
function measureNumber(v: Cell, tz: string): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = cellToIsoDate(v, tz);
    if (d) return `${Number(d.slice(8, 10))}.${Number(d.slice(5, 7))}`;
  }
  return normMeasureNumber(v);
}

function cellOf(t: Table, r: Cell[], header: string): Cell {
  const c = t.col(header);
  return c >= 0 ? (r[c] ?? '') : '';
}

function splitEmails(s: string): string[] {
  return s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function readPlan(t: Table, tz: string): PlanItem[] {
  const items: PlanItem[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const get = (h: string) => cellOf(t, r, h);
    const emails = splitEmails(text(get(PLAN_COL.email)));
    const deadlineRaw = text(get(PLAN_COL.deadline));
    items.push({
      row: i + 2,
      number: measureNumber(get(PLAN_COL.number), tz),
      measure: text(get(PLAN_COL.measure)),
      unit: text(get(PLAN_COL.unit)),
      responsible: text(get(PLAN_COL.responsible)),
      deadlineRaw,
      deadline: parseDeadlinePhrase(deadlineRaw),
      emails: emails.filter(isEmail),
      badEmails: emails.filter((e) => !isEmail(e)),
      target: (y) => get(`Цель ${y}`),
      fact: (y) => get(`Факт ${y}`),
      hasTargetColumn: (y) => t.col(`Цель ${y}`) >= 0,
      hasFactColumn: (y) => t.col(`Факт ${y}`) >= 0,
    });
  });
  return items;
}

export function readProjects(t: Table, tz: string): ProjectRec[] {
  const out: ProjectRec[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const get = (h: string) => cellOf(t, r, h);
    const { dates, bad } = readStageDates(get, tz);
    const openYearRaw = get(PROJECT_COL.openYear);
    out.push({ row: i + 2, get, dates, bad, openYearRaw, openYear: parseOpenYear(openYearRaw, tz) });
  });
  return out;
}

export function readTraining(t: Table, tz: string): TrainingRow[] {
  const out: TrainingRow[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const rawDate = cellOf(t, r, TRAINING_COL.date);
    const d = rawDate === '' ? null : cellToIsoDate(rawDate, tz);
    out.push({
      row: i + 2,
      rawDate,
      record: d ? { program: text(cellOf(t, r, TRAINING_COL.program)), date: d } : null,
    });
  });
  return out;
}

// ---------------------------------------------------------------- links

const URL_RE = /^https?:\/\/[^\s"'<>\\]+$/i;

/** A link we can write as a formula: http(s), no quotes or spaces, sane length. */
export function validUrl(s: string): string | null {
  const t = s.trim();
  return t.length <= 1500 && URL_RE.test(t) ? t : null;
}

/**
 * URLs of =HYPERLINK("…") formulas people put in a link column of «Проекты» (getValues gives only
 * their label): one getFormulas per column, parsed here, so the call count does not grow with rows.
 * A rich-text link with a label is not read: RichTextValue.getLinkUrl would be one call per cell.
 */
export function formulaLinks(t: Table, header: string): (string | null)[] {
  const c = t.col(header);
  const n = t.rows.length;
  if (c < 0 || n === 0) return [];
  try {
    return t.sheet
      .getRange(2, c + 1, n, 1)
      .getFormulas()
      .map((r) => {
        const m = /^=\s*HYPERLINK\s*\(\s*"([^"]+)"/i.exec(String(r[0] ?? ''));
        return m ? m[1] : null;
      });
  } catch (_e) {
    return [];
  }
}

/** A tab of the plan register: its rows and which headers it has. */
export function registerTab<R>(t: Table, rows: readonly R[]): RegisterTab<R> {
  return { rows, has: (h) => t.col(h) >= 0 };
}
