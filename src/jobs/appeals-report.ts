// «Отчёт: обращения» (004 Приложение 1 «Отчёт 1») for every calendar day since the last working
// morning (004 п.2.2.1.1 «за предыдущие сутки»: each day has its report; after a weekend or holiday
// the working morning reports each of those days) or a chosen date, from the menu, `kontrol run
// report-appeals` and each working day's daily check; a category whose
// index passes 3,00 is marked «аварийная ситуация» and mailed at once to «Получатели сводки»
// (004 п.1.3, п.3.1), once per category and day (the key goes to «Журнал»).
import type { AppealRecord } from '../domain/appeals';
import { type AppealDayReport, appealDayReport, EMERGENCY_MARK, INDEX_WINDOW_DAYS } from '../domain/appeals-report';
import { addDays, dateTimeRuInZone, formatRu, type IsoDate, isIsoDate } from '../domain/dates';
import { APPEAL_REPORT_RULES } from '../domain/rules/index';
import { composeEmergency } from '../mail/appeals';
import { type ReportTable, writeReportTab } from '../workbook/report-tab';
import { TAB } from '../workbook/schema';
import type { Cell } from '../workbook/table';
import { readAppealRegister } from './appeals';
import { openContext, type RunContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The working day before today: the last morning «Отчёт 1» was due. */
export function previousWorkingDay(ctx: Pick<RunContext, 'today' | 'calendar'>): IsoDate {
  return ctx.calendar.addWorkingDays(ctx.today, -1);
}

/**
 * The days «Отчёт 1» reports this morning: every calendar day from the previous working day to
 * yesterday (004 п.2.2.1.1 «за предыдущие сутки» — every day has its «сутки»; the previous working
 * morning reported the day before it). On Tuesday: Monday; on Monday: Friday, Saturday, Sunday.
 */
export function reportDays(ctx: Pick<RunContext, 'today' | 'calendar'>): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = previousWorkingDay(ctx); d < ctx.today; d = addDays(d, 1)) out.push(d);
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function ru2(x: number): string {
  return x.toFixed(2).replace('.', ',');
}

function dayTables(r: AppealDayReport, withDay: boolean): ReportTable[] {
  const head: Cell[] = [];
  for (const g of r.groups) head.push(`${g.name} — ${g.count} (${signed(g.change)})`, '');
  const depth = Math.max(0, ...r.groups.map((g) => g.lines.length));
  const rows: Cell[][] = [r.groups.flatMap(() => ['Проблема', 'Принятые меры'])];
  for (let i = 0; i < depth; i++)
    rows.push(
      r.groups.flatMap((g) => {
        const l = g.lines[i];
        return l ? [`№ ${l.number}: ${l.problem}`, l.measures || '—'] : ['', ''];
      }),
    );
  const catRows: Cell[][] = r.categories.map((c) => [
    c.category,
    c.day,
    Math.round(c.average * 100) / 100,
    c.index === null ? '—' : c.index,
    c.emergency
      ? EMERGENCY_MARK
      : c.newCategory && c.day > 0
        ? `штатный режим (нет обращений за ${INDEX_WINDOW_DAYS} дней)`
        : 'штатный режим',
  ]);
  const on = withDay ? ` — ${formatRu(r.day)}` : '';
  return [
    {
      caption: `Отчёт 1 (регламент МЦУР, приложение № 1): новые, повторные, отложенные, просроченные${on}`,
      headers: head.map(String),
      rows,
      boldRows: [0],
    },
    {
      caption: `По категориям${on}`,
      headers: ['Категория', 'За сутки', `Среднее в день за ${INDEX_WINDOW_DAYS} дней`, 'Индекс', 'Режим'],
      rows: catRows,
      formats: { 2: '0.00', 3: '0.00' },
      boldRows: catRows.map((_, i) => i).filter((i) => r.categories[i].emergency),
    },
  ];
}

function daysText(days: readonly IsoDate[]): string {
  return days.length === 1 ? formatRu(days[0]) : `${formatRu(days[0])}–${formatRu(days[days.length - 1])}`;
}

/** Writes the tab, one pair of tables per day; returns its sheet id (for the link in the emergency mail). */
function writeTab(ctx: RunContext, reports: readonly AppealDayReport[]): number {
  const days = reports.map((r) => r.day);
  const emergencies = reports.flatMap((r) => r.categories.filter((c) => c.emergency).map((c) => ({ r, c })));
  const many = reports.length > 1;
  const { sheet } = writeReportTab(ctx.ss, TAB.reportAppeals, {
    title: `Отчёт: обращения — оперативная информация за ${daysText(days)}`,
    subtitle: `За ${daysText(days)} (${many ? 'каждые сутки с прошлого отчёта' : 'предыдущие сутки'}); сформирован ${dateTimeRuInZone(ctx.now, ctx.tz)}${ctx.settings.organization ? `; ${ctx.settings.organization}` : ''}`,
    tables: reports.flatMap((r) => dayTables(r, many)),
    widths: { 1: 260, 2: 220, 3: 260, 4: 220, 5: 260, 6: 220, 7: 260, 8: 220 },
    notes: [
      `Индекс категории = обращений за сутки ÷ среднее число обращений в день за ${INDEX_WINDOW_DAYS} предыдущих дней; индекс больше 3,00 — аварийная ситуация (регламент МЦУР, п.1.3). Категория без обращений за ${INDEX_WINDOW_DAYS} дней сравнивается с одним обращением в день: больше трёх за сутки — аварийная ситуация.`,
      'Отложенные — открытые обращения с заполненным «Продлено до»; просроченные — открытые после срока ответа. Промежуточный ответ («Принятые меры» без «Дата ответа») обращение не закрывает (Краматорск, п.119). Дублирующее обращение (прислано повторно до ответа) считается вместе с первым (Краматорск, п.99).',
      ...(emergencies.length
        ? [
            `Аварийная ситуация: ${emergencies.map(({ r, c }) => `«${c.category}»${many ? ` за ${formatRu(r.day)}` : ''} (индекс ${ru2(c.index as number)})`).join(', ')}.`,
          ]
        : []),
    ],
  });
  return sheet.getSheetId();
}

/** Mails each emergency the report rules found to «Получатели сводки». Returns messages sent. */
function mailEmergencies(ctx: RunContext, r: AppealDayReport, gid: number): number {
  let sent = 0;
  const to = ctx.settings.summaryRecipients;
  const has = (k: string) => ctx.journal.has(k);
  for (const e of APPEAL_REPORT_RULES.flatMap((rule) => rule.apply(r, { sent: has }))) {
    if (to.length === 0) {
      ctx.journal.add({
        action: 'Аварийная ситуация по обращениям',
        order: e.category,
        result: `письмо не отправлено: не заполнены «Получатели сводки» в «Настройках» (индекс ${ru2(e.index)} за ${formatRu(e.day)})`,
      });
      continue;
    }
    const mail = composeEmergency({
      to,
      organization: ctx.settings.organization,
      ...e,
      link: `${ctx.ss.getUrl()}#gid=${gid}`,
    });
    const meta = { action: 'Аварийная ситуация по обращениям', items: [e.category], keys: [e.key] };
    if (ctx.mailer.send(mail, meta) === 'sent') sent++;
  }
  return sent;
}

/** Builds, writes and mails the report for each of `days` (one day or several) from appeals already read. */
export function appealsReportFrom(
  ctx: RunContext,
  appeals: readonly AppealRecord[],
  days: IsoDate | readonly IsoDate[],
): string {
  const list = typeof days === 'string' ? [days] : [...days];
  if (list.length === 0) return '';
  const reports = list.map((d) => appealDayReport(appeals, d, ctx.settings, ctx.calendar));
  const gid = writeTab(ctx, reports);
  let mailed = 0;
  for (const r of reports) mailed += mailEmergencies(ctx, r, gid);
  const parts = reports.map((r) => {
    const counts = r.groups.map((g) => `${g.name.toLowerCase()} — ${g.count}`).join(', ');
    const em = r.categories.filter((c) => c.emergency);
    return `за ${formatRu(r.day)}: ${counts}${em.length ? `; аварийная ситуация: ${em.map((c) => `«${c.category}»`).join(', ')}` : ''}`;
  });
  return `«${TAB.reportAppeals}» ${parts.join('; ')}${mailed ? ` (писем об аварийной ситуации — ${mailed})` : ''}.`;
}

/** Menu «Отчёт по обращениям» and `kontrol run report-appeals [--date YYYY-MM-DD]`. */
export function reportAppeals(ss: Spreadsheet, date?: string): string {
  const ctx = openContext(ss);
  let days: IsoDate[];
  if (date) {
    if (!isIsoDate(date)) throw new Error(`Дата «${date}» не распознана: укажите её в виде ГГГГ-ММ-ДД.`);
    days = [date];
  } else days = reportDays(ctx);
  const book = readAppealRegister(ctx, null, 'check');
  if (!book.table) throw new Error(`Нет листа «${TAB.appeals}»: выполните «Настроить таблицу».`);
  const msg = appealsReportFrom(ctx, book.appeals, days);
  ctx.journal.add({ action: 'Отчёт по обращениям', result: msg });
  ctx.journal.flush();
  return msg;
}
