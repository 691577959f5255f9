// The «Эффективный регион» programme (seed 002): the quarterly report of Приложение 2 («Отчёт:
// бережливые проекты»), written whole by writeReportTab plus one block per link column. The plan's
// control is jobs/plan-control.ts, the daily checks and reminders jobs/lean-checks.ts, the readers
// jobs/lean-read.ts.
import { dateInZone, dateTimeRuInZone, formatRu, type IsoDate } from '../domain/dates';
import {
  closingMonth,
  currentStage,
  inQuarterReport,
  openingYear,
  parseQuarter,
  STAGE_HEADERS,
  stageLabel,
  stageOrderIssues,
} from '../domain/lean-stages';
import { formulaLinks, type ProjectRec, readProjects, validUrl } from '../workbook/lean-read';
import { Problems } from '../workbook/problems';
import { writeReportTab } from '../workbook/report-tab';
import { LEAN_REPORT_HEADERS, PROJECT_COL, TAB } from '../workbook/schema';
import { type Cell, readTable, safeCell, type Table, text } from '../workbook/table';
import { readSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LINK_COLS = [4, 7]; // «Паспорт проекта (ссылка)», «Презентация (ссылка)» in LEAN_REPORT_HEADERS

/** Links stay links: a URL we validated becomes =HYPERLINK("…"); any other text stays text (one block per link column). */
function writeLinks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  w: { firstDataRow: number; rowCount: number },
  rows: Cell[][],
  links: (string | null)[][],
): void {
  if (w.rowCount > 0)
    LINK_COLS.forEach((col, k) => {
      const block = rows.map((r, i) => {
        const url = links[i][k];
        return [url ? `=HYPERLINK("${url}")` : safeCell(r[col])];
      });
      sheet.getRange(w.firstDataRow, col + 1, w.rowCount, 1).setValues(block);
    });
}

/** The report's note on «Проекты»' missing columns (none when all are there). */
function missingColumnsNote(t: Table): string[] {
  const missing = [PROJECT_COL.name, PROJECT_COL.openYear, ...STAGE_HEADERS].filter((h) => t.col(h) < 0);
  return missing.length ? [`На листе «${TAB.projects}» нет столбцов: ${missing.map((h) => `«${h}»`).join(', ')}.`] : [];
}

/** One project's row of the report and its two links (passport, presentation) when they are valid URLs. */
function projectRow(
  p: ProjectRec,
  asOf: IsoDate,
  passport: (string | null)[],
  presentation: (string | null)[],
): { row: Cell[]; links: (string | null)[] } {
  const linkText = (h: string, rich: (string | null)[]) => {
    const label = text(p.get(h));
    return { label, url: validUrl(rich[p.row - 2] ?? '') ?? validUrl(label) };
  };
  const pass = linkText(PROJECT_COL.passportLink, passport);
  const pres = linkText(PROJECT_COL.presentationLink, presentation);
  const y = openingYear(p.openYear, p.dates);
  const significance = p.get(PROJECT_COL.significance);
  const row: Cell[] = [
    text(p.get(PROJECT_COL.participant)),
    text(p.get(PROJECT_COL.direction)),
    text(p.get(PROJECT_COL.name)),
    y ?? '',
    pass.label,
    stageLabel(currentStage(p.dates, asOf)),
    closingMonth(p.dates),
    pres.label,
    text(p.get(PROJECT_COL.leader)),
    text(p.get(PROJECT_COL.contacts)),
    text(p.get(PROJECT_COL.orgShort)),
    typeof significance === 'number' ? significance : text(significance),
  ];
  return { row, links: [pass.url, pres.url] };
}

/** «Отчёт: бережливые проекты» for 'YYYY-Qn'; returns a Russian one-line summary. */
export function reportLean(ss: Spreadsheet, quarter: string): string {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`Квартал «${quarter}» не распознан: укажите его как ГГГГ-Qn, например 2026-Q1.`);
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  // The stage as it is today while the quarter runs, as at its last day once it has ended: a report
  // on 04.12 says «на 04.12», not a day that has not come.
  const today = dateInZone(new Date(), tz);
  const asOf = today < q.end ? today : q.end;
  const t = readTable(ss, TAB.projects);
  const notes: string[] = [];
  const rows: Cell[][] = [];
  const links: (string | null)[][] = [];
  let flawed = 0;
  if (!t) notes.push(`Нет листа «${TAB.projects}»: выполните «Контроль поручений → Настроить таблицу».`);
  else {
    notes.push(...missingColumnsNote(t));
    const passport = formulaLinks(t, PROJECT_COL.passportLink);
    const presentation = formulaLinks(t, PROJECT_COL.presentationLink);
    for (const p of readProjects(t, tz)) {
      if (p.bad.length || stageOrderIssues(p.dates).length) flawed++;
      if (!inQuarterReport(p.openYear, p.dates, q)) continue;
      const r = projectRow(p, asOf, passport, presentation);
      rows.push(r.row);
      links.push(r.links);
    }
  }
  if (flawed)
    notes.push(
      `В ${flawed} строк(ах) «${TAB.projects}» есть ошибки в датах этапов — этап мог определиться неточно; список: «Проверить данные».`,
    );
  const org = settings.organization ? ` · ${settings.organization}` : '';
  const { sheet, tables } = writeReportTab(ss, TAB.reportLean, {
    title: 'Отчёт о реализации бережливых проектов',
    subtitle: `за ${q.label} · этап на ${formatRu(asOf)} · сформирован ${dateTimeRuInZone(new Date(), tz)}${org}`,
    tables: [{ headers: LEAN_REPORT_HEADERS, rows }],
    // Names and e-mails whole: «Руководитель проекта» and «Телефон, почта» sized for them (and wrapped in print).
    widths: { 1: 200, 2: 140, 3: 260, 5: 200, 6: 260, 8: 200, 9: 220, 10: 240, 11: 150 },
    notes: rows.length ? notes : [`Нет проектов, открытых в ${q.label}`, ...notes],
  });
  writeLinks(sheet, tables[0], rows, links);
  return `«${TAB.reportLean}» за ${q.label}: проектов — ${rows.length}.`;
}
