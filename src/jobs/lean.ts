// The «Эффективный регион» programme (seed 002): the quarterly report of Приложение 2, the control
// of the plan of measures (постановление 1134-П), validation of «План ЭР», «Проекты», «Обучение»,
// and the plan's deadline reminders (daily check step 6). Each tab is read once per action; the
// report tabs are written whole by writeReportTab plus one block per link column.
import {
  addDays,
  cellToIsoDate,
  dateInZone,
  dateTimeRuInZone,
  formatRu,
  type IsoDate,
  midnightInZone,
} from '../domain/dates';
import {
  type BadStageCell,
  closingMonth,
  currentStage,
  inQuarterReport,
  openingYear,
  parseOpenYear,
  parseQuarter,
  readStageDates,
  STAGE_HEADERS,
  type StageDates,
  stageLabel,
  stageOrderIssues,
} from '../domain/lean-stages';
import {
  deadlineState,
  deadlinesBetween,
  deadlinesForYear,
  effectiveDeadline,
  type ParsedDeadline,
  type PlanDeadline,
  parseDeadlinePhrase,
  type ReminderKind,
  reminderDue,
  reminderKey,
} from '../domain/plan-deadlines';
import {
  COUNTED_FACTS,
  countProjectsImplemented,
  countTrainingsHeld,
  normMeasureNumber,
  parseFact,
  parseTarget,
  planOutcome,
  type TrainingRecord,
} from '../domain/plan-facts';
import { isEmail } from '../domain/settings';
import { escapeHtml } from '../mail/html';
import type { OutMail } from '../mail/mailer';
import { Problems } from '../workbook/problems';
import { writeReportTab } from '../workbook/report-tab';
import { LEAN_REPORT_HEADERS, PLAN_COL, PROJECT_COL, TAB, TRAINING_COL } from '../workbook/schema';
import { type Cell, isBlankRow, readTable, safeCell, type Table, text } from '../workbook/table';
import { type RunContext, readCalendar, readSettings } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PLAN_YEARS = [2025, 2026, 2027];

// ---------------------------------------------------------------- reading the tabs

/** «№» of a measure; a Date means a person typed «1.1» into a ru sheet, which made it 1 January. */
function measureNumber(v: Cell, tz: string): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = cellToIsoDate(v, tz);
    if (d) return `${Number(d.slice(8, 10))}.${Number(d.slice(5, 7))}`;
  }
  return normMeasureNumber(v);
}

interface PlanItem {
  row: number;
  number: string;
  measure: string;
  unit: string;
  responsible: string;
  deadlineRaw: string;
  deadline: ParsedDeadline;
  emails: string[];
  badEmails: string[];
  /** «Цель YYYY» / «Факт YYYY» cells by year, '' where the column is absent. */
  target(year: number): Cell;
  fact(year: number): Cell;
  hasTargetColumn(year: number): boolean;
  hasFactColumn(year: number): boolean;
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

function readPlan(t: Table, tz: string): PlanItem[] {
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

interface ProjectRec {
  row: number;
  get(header: string): Cell;
  dates: StageDates;
  bad: BadStageCell[];
  openYearRaw: Cell;
  openYear: number | null;
}

function readProjects(t: Table, tz: string): ProjectRec[] {
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

interface TrainingRow {
  row: number;
  record: TrainingRecord | null;
  rawDate: Cell;
}

function readTraining(t: Table, tz: string): TrainingRow[] {
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
function formulaLinks(t: Table, header: string): (string | null)[] {
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

// ---------------------------------------------------------------- quarterly report

const LINK_COLS = [4, 7]; // «Паспорт проекта (ссылка)», «Презентация (ссылка)» in LEAN_REPORT_HEADERS

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
    const missing = [PROJECT_COL.name, PROJECT_COL.openYear, ...STAGE_HEADERS].filter((h) => t.col(h) < 0);
    if (missing.length)
      notes.push(`На листе «${TAB.projects}» нет столбцов: ${missing.map((h) => `«${h}»`).join(', ')}.`);
    const passport = formulaLinks(t, PROJECT_COL.passportLink);
    const presentation = formulaLinks(t, PROJECT_COL.presentationLink);
    for (const p of readProjects(t, tz)) {
      if (p.bad.length || stageOrderIssues(p.dates).length) flawed++;
      if (!inQuarterReport(p.openYear, p.dates, q)) continue;
      const linkText = (h: string, rich: (string | null)[]) => {
        const label = text(p.get(h));
        return { label, url: validUrl(rich[p.row - 2] ?? '') ?? validUrl(label) };
      };
      const pass = linkText(PROJECT_COL.passportLink, passport);
      const pres = linkText(PROJECT_COL.presentationLink, presentation);
      const y = openingYear(p.openYear, p.dates);
      const significance = p.get(PROJECT_COL.significance);
      rows.push([
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
      ]);
      links.push([pass.url, pres.url]);
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
  // Links stay links: a URL we validated becomes =HYPERLINK("…"); any other text stays text.
  const w = tables[0];
  if (w.rowCount > 0)
    LINK_COLS.forEach((col, k) => {
      const block = rows.map((r, i) => {
        const url = links[i][k];
        return [url ? `=HYPERLINK("${url}")` : safeCell(r[col])];
      });
      sheet.getRange(w.firstDataRow, col + 1, w.rowCount, 1).setValues(block);
    });
  return `«${TAB.reportLean}» за ${q.label}: проектов — ${rows.length}.`;
}

// ---------------------------------------------------------------- plan control

function parseYear(year: string): number {
  const m = /^\s*(\d{4})\s*$/.exec(String(year ?? ''));
  const y = m ? Number(m[1]) : Number.NaN;
  if (!(y >= 2000 && y <= 2100))
    throw new Error(`Год «${year}» не распознан: укажите его четырьмя цифрами, например 2026.`);
  return y;
}

/** «Контроль плана ЭР» for a year 'YYYY'. */
export function planControl(ss: Spreadsheet, year: string): string {
  const y = parseYear(year);
  const problems = new Problems();
  const settings = readSettings(ss, problems);
  const tz = settings.timeZone;
  const calendar = readCalendar(ss, tz, problems);
  const today = dateInZone(new Date(), tz);
  const planT = readTable(ss, TAB.plan);
  const projT = readTable(ss, TAB.projects);
  const trainT = readTable(ss, TAB.training);
  const notes: string[] = [];
  const counted: Record<'projects' | 'trainings', number | null> = { projects: null, trainings: null };
  if (projT)
    // 002 План 1.1 «Реализация бережливых проектов»: closed (stage 9) in the year, by today.
    counted.projects = countProjectsImplemented(
      readProjects(projT, tz).map((p) => p.dates.start[8]),
      y,
      today,
    );
  if (trainT)
    counted.trainings = countTrainingsHeld(
      readTraining(trainT, tz)
        .map((r) => r.record)
        .filter((r): r is TrainingRecord => r !== null),
      y,
    );
  const measures: Cell[][] = [];
  const dl: { date: IsoDate; row: Cell[] }[] = [];
  if (!planT) notes.push(`Нет листа «${TAB.plan}»: выполните «Контроль поручений → Настроить таблицу».`);
  else {
    const items = readPlan(planT, tz);
    if (!items.length) notes.push(`Лист «${TAB.plan}» пуст.`);
    for (const it of items) {
      const tp = parseTarget(it.target(y));
      const target = tp.ok ? tp.target : ({ kind: 'none' } as const);
      const source = COUNTED_FACTS[it.number];
      let fact: number | null;
      let from: string;
      if (source && counted[source] !== null) {
        fact = counted[source];
        from =
          source === 'projects'
            ? `подсчитано по листу «${TAB.projects}» (проекты, закрытые в году: «Этап 9»)`
            : `подсчитано по листу «${TAB.training}» (программа и дата)`;
      } else {
        fact = parseFact(it.fact(y));
        from = it.hasFactColumn(y) ? `«Факт ${y}»` : `нет столбца «Факт ${y}»`;
      }
      const dates = it.deadline.ok ? deadlinesForYear(it.deadline.rule, y) : [];
      const states = dates.map((d) => describeDeadline(d, today, calendar, settings.nonWorkingDeadline));
      measures.push([
        it.number,
        it.measure,
        it.unit,
        tp.ok ? text(it.target(y)) : `${text(it.target(y))} (не понята)`,
        fact ?? '',
        from,
        planOutcome(target, fact),
        it.deadline.ok ? it.deadlineRaw : `${it.deadlineRaw || '—'} (срок не понят)`,
        dates.length
          ? dates.map((d, i) => `${formatRu(d.date)} — ${states[i]}`).join('\n')
          : it.deadline.ok
            ? 'без срока'
            : '',
        it.responsible,
      ]);
      dates.forEach((d, i) => {
        dl.push({
          date: d.date,
          row: [it.number, it.measure, midnightInZone(d.date, tz), d.period, states[i]],
        });
      });
      if (!tp.ok) notes.push(`${it.number}: ${tp.message}`);
      if (!it.deadline.ok) notes.push(`${it.number}: ${it.deadline.message}`);
    }
  }
  dl.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const met = measures.filter((r) => r[6] === 'выполнено').length;
  const withTarget = measures.filter((r) => r[6] !== 'нет цели').length;
  writeReportTab(ss, TAB.planControl, {
    title: `Контроль плана мероприятий «Эффективный регион» на ${y} год`,
    subtitle: `состояние на ${formatRu(today)} · сформирован ${dateTimeRuInZone(new Date(), tz)}${settings.organization ? ` · ${settings.organization}` : ''}`,
    tables: [
      {
        headers: [
          '№',
          'Мероприятие',
          'Единица измерения',
          `Цель ${y}`,
          `Факт ${y}`,
          'Откуда факт',
          'Выполнение',
          'Срок по плану',
          `Сроки ${y} и их состояние`,
          'Ответственные',
        ],
        rows: measures,
      },
      {
        caption: `Сроки в плане ${y} года`,
        headers: ['№', 'Мероприятие', 'Срок', 'За период', 'Состояние'],
        rows: dl.map((d) => d.row),
        formats: { 2: 'dd.MM.yyyy' },
      },
    ],
    widths: { 2: 360, 6: 220, 8: 240, 9: 260, 10: 260 },
    notes,
  });
  return `«${TAB.planControl}» на ${y} год: мероприятий — ${measures.length}, выполнено ${met} из ${withTarget} с целью.`;
}

function describeDeadline(
  d: PlanDeadline,
  today: IsoDate,
  cal: RunContext['calendar'],
  mode: 'previous' | 'keep',
): string {
  const due = effectiveDeadline(d.date, cal, mode);
  const state = deadlineState(due, today, cal);
  return due === d.date ? state : `${state} (${formatRu(d.date)} — нерабочий день, срок ${formatRu(due)})`;
}

// ---------------------------------------------------------------- validation

/** Daily step 1: problems in «План ЭР», «Проекты», «Обучение». */
export function validateLean(ctx: RunContext): void {
  const { ss, tz, problems } = ctx;
  const planT = readTable(ss, TAB.plan);
  if (!planT) problems.missingTab(TAB.plan);
  else validatePlan(planT, ctx);
  const projT = readTable(ss, TAB.projects);
  if (!projT) problems.missingTab(TAB.projects);
  else {
    for (const h of [PROJECT_COL.name, PROJECT_COL.openYear, ...STAGE_HEADERS])
      if (projT.col(h) < 0) problems.missingColumn(TAB.projects, h);
    for (const p of readProjects(projT, tz)) {
      const name = text(p.get(PROJECT_COL.name)) || `строка ${p.row}`;
      for (const b of p.bad)
        problems.add({
          tab: TAB.projects,
          row: p.row,
          column: b.header,
          value: b.value,
          message: `Проект «${name}»: не удалось прочитать дату.`,
          fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
        });
      for (const s of stageOrderIssues(p.dates))
        problems.add({
          tab: TAB.projects,
          row: p.row,
          column: s.header,
          value: formatRu(s.value),
          message: `Проект «${name}»: ${s.message}`,
          fix: s.fix,
        });
      if (p.openYear === null && (p.openYearRaw !== '' || !p.dates.start[0]))
        problems.add({
          tab: TAB.projects,
          row: p.row,
          column: PROJECT_COL.openYear,
          value: text(p.openYearRaw),
          message: `Проект «${name}»: ${p.openYearRaw === '' ? 'не указан год открытия' : 'год открытия не распознан'} — проект не попадёт в квартальный отчёт.`,
          fix: 'Укажите год четырьмя цифрами, например 2026.',
        });
    }
  }
  const trainT = readTable(ss, TAB.training);
  if (!trainT) problems.missingTab(TAB.training);
  else {
    if (trainT.col(TRAINING_COL.date) < 0) problems.missingColumn(TAB.training, TRAINING_COL.date);
    else
      for (const r of readTraining(trainT, tz))
        if (!r.record)
          problems.add({
            tab: TAB.training,
            row: r.row,
            column: TRAINING_COL.date,
            value: text(r.rawDate),
            message:
              r.rawDate === ''
                ? 'Не указана дата обучения — запись не войдёт в подсчёт (мероприятие 2.1).'
                : 'Не удалось прочитать дату обучения.',
            fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
          });
  }
}

function validatePlan(t: Table, ctx: RunContext): void {
  const { problems } = ctx;
  for (const h of [PLAN_COL.number, PLAN_COL.measure, PLAN_COL.deadline, PLAN_COL.email])
    if (t.col(h) < 0) problems.missingColumn(TAB.plan, h);
  const seen = new Map<string, number>();
  const add = (row: number, column: string, value: string, message: string, fix: string) =>
    problems.add({ tab: TAB.plan, row, column, value, message, fix });
  const unaddressed: string[] = [];
  for (const it of readPlan(t, ctx.tz)) {
    const hasDates = it.deadline.ok && it.deadline.rule.kind !== 'none';
    if (!it.number)
      add(
        it.row,
        PLAN_COL.number,
        '',
        'Не указан № мероприятия: без него напоминания о сроке не отправляются.',
        'Впишите номер, например 3.4.',
      );
    else if (seen.has(it.number))
      add(
        it.row,
        PLAN_COL.number,
        it.number,
        `№ ${it.number} уже есть в строке ${seen.get(it.number)}.`,
        'Дайте мероприятиям разные номера.',
      );
    else seen.set(it.number, it.row);
    if (t.col(PLAN_COL.deadline) >= 0 && !it.deadline.ok)
      add(it.row, PLAN_COL.deadline, it.deadlineRaw, it.deadline.message, it.deadline.fix);
    for (const e of it.badEmails)
      add(
        it.row,
        PLAN_COL.email,
        e,
        `«${e}» не похоже на адрес эл. почты.`,
        'Исправьте адрес; несколько адресов разделяйте запятой.',
      );
    if (hasDates && it.emails.length === 0 && it.badEmails.length === 0)
      unaddressed.push(it.number || `строка ${it.row}`);
    for (const y of PLAN_YEARS) {
      if (it.hasTargetColumn(y)) {
        const tp = parseTarget(it.target(y));
        if (!tp.ok) add(it.row, `Цель ${y}`, text(it.target(y)), tp.message, tp.fix);
      }
      const f = it.fact(y);
      if (it.hasFactColumn(y) && f !== '' && parseFact(f) === null && !COUNTED_FACTS[it.number])
        add(it.row, `Факт ${y}`, text(f), 'Факт должен быть числом.', 'Впишите число, например 2.');
    }
  }
  // One line for the tab, not one per measure: a fresh workbook has no addresses yet.
  if (unaddressed.length && !isEmail(ctx.settings.controllerEmail))
    add(
      0,
      PLAN_COL.email,
      '',
      `Некому напоминать о сроках мероприятий ${unaddressed.join(', ')}: нет ни «${PLAN_COL.email}», ни «Эл. почта контролёра».`,
      `Впишите «${PLAN_COL.email}» в строки плана или «Эл. почта контролёра» в «Настройки».`,
    );
}

// ---------------------------------------------------------------- reminders

/** How far ahead deadlines are looked up: 5 working days fit in 30 calendar days even over the New Year. */
const LOOKAHEAD_DAYS = 30;

interface DueReminder {
  item: PlanItem;
  deadline: PlanDeadline;
  kind: ReminderKind;
  key: string;
}

/** Daily step 6: plan deadline reminders (idempotent), to «Эл. почта ответственного». */
export function leanReminders(ctx: RunContext): void {
  const { today, calendar, journal } = ctx;
  // The daily check mails on working days only; the windows below already cover days off.
  if (!calendar.isWorkingDay(today)) return;
  const t = readTable(ctx.ss, TAB.plan);
  if (!t) return;
  const byRecipients = new Map<string, DueReminder[]>();
  for (const item of readPlan(t, ctx.tz)) {
    if (!item.number || !item.deadline.ok) continue;
    const to = item.emails.length
      ? item.emails
      : isEmail(ctx.settings.controllerEmail)
        ? [ctx.settings.controllerEmail]
        : [];
    if (!to.length) continue;
    for (const d of deadlinesBetween(item.deadline.rule, today, addDays(today, LOOKAHEAD_DAYS))) {
      const kind = reminderDue(d.date, today, calendar);
      if (kind === null) continue;
      const key = reminderKey(item.number, d.date, kind);
      if (journal.has(key)) continue;
      const k = [...to].sort().join(',');
      const list = byRecipients.get(k) ?? [];
      list.push({ item, deadline: d, kind, key });
      byRecipients.set(k, list);
    }
  }
  for (const [k, list] of byRecipients) {
    const mail = reminderMail(k.split(','), list, ctx);
    ctx.mailer.send(mail, {
      action: 'Напоминание о сроке плана ЭР',
      items: list.map((r) => r.item.number),
      keys: list.map((r) => r.key),
    });
  }
}

function whenText(r: DueReminder, ctx: RunContext): string {
  if (r.kind === 0)
    return r.deadline.date === ctx.today
      ? 'срок сегодня'
      : `срок ${formatRu(r.deadline.date)} — нерабочий день, сегодня последний рабочий`;
  const n = ctx.calendar.workingDaysBetween(ctx.today, ctx.calendar.workingOnOrBefore(r.deadline.date));
  return `через ${n} раб. дн.`;
}

function reminderMail(to: string[], list: DueReminder[], ctx: RunContext): OutMail {
  list.sort((a, b) => (a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : 0));
  const first = list[0].deadline.date;
  const subject =
    list.length === 1
      ? `План «Эффективный регион»: ${list[0].item.number} — срок ${formatRu(first)}`
      : `План «Эффективный регион»: сроки мероприятий (ближайший ${formatRu(first)})`;
  const lines = list.map((r) => {
    const period = r.deadline.period ? ` ${r.deadline.period}` : '';
    const report = r.deadline.quarter
      ? ` Отчёт формируется в меню «Контроль поручений → Бережливые проекты → Квартальный отчёт», квартал ${r.deadline.quarter}.`
      : '';
    return {
      text: `${r.item.number}. ${r.item.measure}${period} — срок ${formatRu(r.deadline.date)}, ${whenText(r, ctx)}.${report}`,
      r,
    };
  });
  const intro = 'Напоминаем о сроках плана мероприятий программы «Эффективный регион»:';
  const org = ctx.settings.organization ? `\n\n${ctx.settings.organization}` : '';
  const textBody = `${intro}\n\n${lines.map((l) => `• ${l.text}`).join('\n')}\n\nПисьмо отправлено автоматически (лист «${TAB.plan}»).${org}`;
  const html =
    `<p>${escapeHtml(intro)}</p><ul>` +
    lines.map((l) => `<li>${escapeHtml(l.text)}</li>`).join('') +
    `</ul><p style="color:#666">Письмо отправлено автоматически (лист «${escapeHtml(TAB.plan)}»).${org ? `<br>${escapeHtml(ctx.settings.organization)}` : ''}</p>`;
  return { to, subject, text: textBody, html };
}
