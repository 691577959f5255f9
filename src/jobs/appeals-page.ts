// «Мои поручения» and citizens' appeals: the person's open appeals (one read of «Обращения») and
// the two page actions, «Принятые меры» and «Дата ответа», written to the row found by «№» (never
// by position), refused when the row changed since the page was loaded, with a line in «История».
import { APPEAL_COL, APPEAL_SYSTEM_HEADERS, type AppealRecord } from '../domain/appeals';
import {
  type AppealAction,
  type AppealItem,
  type AppealPageEnv,
  appealChange,
  appealItem,
  byAppealDue,
} from '../domain/appeals-page';
import { formatRu, midnightInZone } from '../domain/dates';
import { appendHistory, historyLine } from '../domain/history';
import { normName } from '../domain/order';
import { parseAppealRow } from '../workbook/appeals';
import { columnOf, findRowsByValue, readRowsAt } from '../workbook/find-rows';
import { Problems } from '../workbook/problems';
import { rowVersionOf } from '../workbook/row-version';
import { TAB } from '../workbook/schema';
import { type Cell, isBlankRow, makeTable, readTable, safeCell, safeText, type Table } from '../workbook/table';
import { rollOverTexts } from './rollover';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function versionOf(t: Table, row: Cell[], tz: string): string {
  return rowVersionOf(t, row, tz, APPEAL_SYSTEM_HEADERS);
}

function parse(t: Table, i: number, tz: string): AppealRecord {
  return parseAppealRow(t, t.rows[i], i + 2, tz, new Problems());
}

/**
 * The open appeals of a person: `mine` are their names (normName), `absent` the absent colleagues
 * they stand in for (normName → ФИО). Their rows of «Обращения» are found by TextFinder over
 * «Исполнитель» (workbook/find-rows.ts) and only those are read, whole (a year of appeals is
 * thousands of rows: reading the tab whole on every page load cost the workbook, not the person —
 * issue 23); each row is judged again on what it says now. The version is the one applyAppeal
 * computes from the same row.
 */
export function appealItems(
  ss: Spreadsheet,
  tz: string,
  env: AppealPageEnv,
  mine: ReadonlySet<string>,
  absent: ReadonlyMap<string, string>,
): AppealItem[] {
  if (mine.size === 0 && absent.size === 0) return [];
  const sheet = ss.getSheetByName(TAB.appeals);
  if (!sheet) return [];
  // A small tab is read whole (one call: cheaper than a search); a large one only in the person's
  // rows, as wide as readTable reads it (the data's last column), so the version is applyAppeal's.
  let header: Cell[];
  let found: Map<number, Cell[]>;
  if (sheet.getLastRow() <= SMALL_APPEALS) {
    const all = sheet.getDataRange().getValues() as Cell[][];
    header = all[0] ?? [];
    found = new Map(all.slice(1).map((r, i) => [i + 2, r]));
  } else {
    const width = sheet.getLastColumn();
    header = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
    const c = columnOf(header, APPEAL_COL.executor);
    found = c < 1 ? new Map() : readRowsAt(sheet, findRowsByValue(sheet, c, [...mine, ...absent.keys()]), width);
  }
  const ec = columnOf(header, APPEAL_COL.executor);
  if (ec < 1) return [];
  const out: AppealItem[] = [];
  // One table for the header: parseAppealRow and the version read columns from it, not rows.
  const t = makeTable(TAB.appeals, sheet, [header]);
  for (const [sheetRow, r] of found) {
    if (isBlankRow(r)) continue;
    const who = normName(String(r[ec - 1] ?? ''));
    if (!mine.has(who) && !absent.has(who)) continue;
    const a = parseAppealRow(t, r, sheetRow, tz, new Problems());
    if (!a.number) continue;
    const item = appealItem(a, versionOf(t, r, tz), env, absent.get(who) ?? '');
    if (item) out.push(item);
  }
  return out.sort(byAppealDue);
}

/** Up to this many rows «Обращения» is read whole on a page load. */
const SMALL_APPEALS = 60;

const STALE = 'Обращение изменилось с тех пор, как страница была загружена. Обновите страницу и повторите.';

/** The 0-based row of appeal № `number` (column `nc`), or the refusal when it is gone or repeated. */
function rowOfNumber(t: Table, nc: number, number: string): number | string {
  const hits: number[] = [];
  t.rows.forEach((r, i) => {
    const v = r[nc];
    const n = typeof v === 'number' && Number.isInteger(v) ? String(v) : String(v ?? '').trim();
    if (n && n === number) hits.push(i);
  });
  if (hits.length === 0) return `Обращения № ${number} больше нет на листе «${TAB.appeals}». Обновите страницу.`;
  if (hits.length > 1) return `№ ${number} повторяется на листе «${TAB.appeals}»: сообщите контролёру.`;
  return hits[0];
}

/** Applies one appeal action; returns the page's message and the «Журнал» text, or the refusal. */
export function applyAppeal(
  ss: Spreadsheet,
  tz: string,
  env: AppealPageEnv,
  mine: ReadonlySet<string>,
  absent: ReadonlyMap<string, string>,
  a: AppealAction,
  who: string,
): { message: string; journal: string } | string {
  const t = readTable(ss, TAB.appeals);
  if (!t) return `Нет листа «${TAB.appeals}».`;
  const nc = t.col(APPEAL_COL.number);
  const ec = t.col(APPEAL_COL.executor);
  if (nc < 0 || ec < 0) return `На листе «${TAB.appeals}» нет столбцов «№» и «Исполнитель».`;
  const number = String(a.number ?? '').trim();
  const i = rowOfNumber(t, nc, number);
  if (typeof i === 'string') return i;
  const whoRow = normName(String(t.rows[i][ec] ?? ''));
  if (!mine.has(whoRow) && !absent.has(whoRow)) return `Обращение № ${number} не ваше: изменить его нельзя.`;
  if (versionOf(t, t.rows[i], tz) !== String(a.version ?? '')) return STALE;
  const rec = parse(t, i, tz);
  if (rec.answerDate) return `На обращение № ${number} уже дан ответ. Обновите страницу.`;
  const c = appealChange(a, rec, env.today);
  if ('error' in c) return c.error;
  const ch = c.change;
  const writes: [string, Cell][] = [];
  const lines: string[] = [];
  if (ch.measures !== undefined) {
    writes.push([APPEAL_COL.measures, ch.measures]);
    lines.push(historyLine(env.today, `принятые меры записаны через страницу: ${who}`));
  }
  if (ch.answerDate) {
    writes.push([APPEAL_COL.answerDate, midnightInZone(ch.answerDate, tz)]);
    lines.push(historyLine(env.today, `дата ответа ${formatRu(ch.answerDate)} отмечена через страницу: ${who}`));
  }
  const hc = t.col(APPEAL_COL.history);
  if (hc >= 0) {
    // No «История» grows past 40 000 characters: the oldest lines go to «Архив истории» (issue 19).
    const [h] = rollOverTexts(ss, tz, [{ number, text: appendHistory(String(t.rows[i][hc] ?? ''), lines) }]);
    writes.unshift([APPEAL_COL.history, safeText(h.text)]);
  }
  for (const [h] of writes) {
    const col = t.col(h);
    if (col < 0) return `На листе «${TAB.appeals}» нет столбца «${h}»: изменение не сохранено.`;
  }
  for (const [h, v] of writes)
    t.sheet.getRange(i + 2, t.col(h) + 1).setValue(h === APPEAL_COL.history ? v : safeCell(v));
  const parts: string[] = [];
  if (ch.measures !== undefined) parts.push('принятые меры сохранены');
  if (ch.answerDate) parts.push(`дата ответа ${formatRu(ch.answerDate)} сохранена — обращение снимается с контроля`);
  else parts.push('промежуточный ответ не снимает обращение с контроля: укажите дату ответа, когда ответ дан');
  const msg = `Обращение № ${number}: ${parts.join('; ')}.`;
  return {
    message: msg,
    journal: `обращение: ${ch.measures !== undefined ? 'принятые меры' : ''}${ch.measures !== undefined && ch.answerDate ? ', ' : ''}${ch.answerDate ? `дата ответа ${formatRu(ch.answerDate)}` : ''} — через страницу`,
  };
}
