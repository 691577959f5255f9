// The weekly and monthly summary for the head and deputies (Kyshtym 000 п.15: weekly, monthly
// summaries to the head; Kramatorsk 003 п.199: every Monday an analysis of execution). Plain
// composition, no Apps Script calls: text from people's cells reaches the HTML only via escapeHtml.
import type { AppealDisciplineRow } from '../domain/appeals-report';
import { TAB } from '../domain/contract';
import { formatRu, type IsoDate } from '../domain/dates';
import { type ExecutionReport, formatCoefficient } from '../domain/execution-report';
import { plural } from '../domain/text';
import { appealSummaryHtml, appealSummaryText } from './appeals';
import { escapeHtml } from './html';
import type { OutMail } from './mailer';

/** How many of the most overdue orders the summary lists. */
export const SUMMARY_TOP_OVERDUE = 5;

export interface SummaryInput {
  report: ExecutionReport;
  recipients: readonly string[];
  organization: string;
  /** Link to «Отчёт: исполнение» (may be '' when unknown). */
  tabUrl: string;
  /** «Сформировано» time, ДД.ММ.ГГГГ ЧЧ:ММ. */
  generatedAt: string;
  /** Citizens' appeals due in the period, per executor (section «Обращения»; absent without appeals). */
  appeals?: { rows: readonly AppealDisciplineRow[]; total: AppealDisciplineRow };
  /** Which summary this is: the week's and the month's go out the same morning and must say which is which. */
  kind?: 'week' | 'month';
  /** The day the summary is made (the overdue list is «на» the period's end or this day). */
  today?: IsoDate;
}

const KIND_LINE: Record<'week' | 'month', string> = {
  week: 'Еженедельная сводка — за прошедшую неделю.',
  month: 'Ежемесячная сводка — за прошедший месяц.',
};

/** The overdue list's heading: how many, as of when, and how they split between this period and before. */
function overdueHeading(all: number, inPeriod: number, cut: IsoDate): string {
  const before = Math.max(0, all - inPeriod);
  return `Не исполнены, срок истёк (на ${formatRu(cut)}): ${all} — со сроком в этом периоде ${all - before}, из прошлых периодов ${before}.`;
}

export function composeSummary(input: SummaryInput): OutMail {
  const { report, organization, tabUrl } = input;
  const t = report.total;
  const org = organization.trim();
  const subject = `Исполнение поручений: ${report.period.label}${org ? ` — ${org}` : ''}`;
  const p = report.period;
  const from = formatRu(p.from);
  const to = formatRu(p.to);
  // A period with no term in it has no coefficient of its own (not 0 %): the orders overdue from
  // before are named beside it.
  const coefficient =
    t.due === 0
      ? `— (в периоде не наступил ни один срок исполнения${t.carriedOver ? `; по поручениям, просроченным раньше, — ${formatCoefficient(t.coefficient)}` : ''})`
      : formatCoefficient(t.coefficient);
  // Each figure says what it counts, so a head reads the summary without the regulation at hand.
  const lines: [string, string, string][] = [
    [
      'Коэффициент исполнительской дисциплины',
      coefficient,
      'исполнено в срок ÷ (исполнено в срок + с нарушением срока + не исполнено, срок истёк + просрочено из прошлых периодов)',
    ],
    ['Подлежало исполнению', String(t.due), `срок исполнения с ${from} по ${to}`],
    ['Исполнено в срок', String(t.onTime), 'из подлежавших'],
    ['Исполнено с нарушением срока', String(t.late), 'из подлежавших'],
    ['Не исполнено, срок истёк', String(t.overdue), `из подлежавших: не исполнено к ${to}`],
    ['На исполнении, срок не истёк', String(t.running), 'из подлежавших: срок перенесён или ещё не наступил'],
    [
      'Просрочено из прошлых периодов',
      String(t.carriedOver),
      `срок истёк до ${from}, к началу периода не исполнено (в «Подлежало» не входят)`,
    ],
    ['Переносов срока', String(t.extensions), 'у подлежавших'],
    ['Возвратов на доработку', String(t.returns), 'у подлежавших'],
  ];
  const top = report.overdue.slice(0, SUMMARY_TOP_OVERDUE);
  const more = report.overdue.length - top.length;

  const cut = input.today && input.today < p.to ? input.today : p.to;
  const scope = `Считаются поручения со сроком исполнения с ${from} по ${to} и просроченные раньше. Сводка за другой период (неделя, месяц) считает свои поручения, поэтому её цифры другие.`;
  const text: string[] = [
    ...(input.kind ? [KIND_LINE[input.kind]] : []),
    `Отчёт об исполнении поручений за период: ${p.label.replace(/\.$/, '')}.`,
    `Сформирован ${input.generatedAt}.`,
    scope,
    '',
  ];
  for (const [k, v, what] of lines) text.push(`${k}: ${v} — ${what}`);
  if (report.months?.length)
    text.push(
      `Коэффициент за период — по месяцам (Ростов, гл.7 п.2.5.1): ${report.months.map((m, i) => `${m.label.replace(/ г\.$/, '')} — ${formatCoefficient(t.monthly?.[i] ?? null)}`).join('; ')}.`,
    );
  // «По подразделениям» (001 гл.7 п.2.5.1; 003 п.117).
  const units = report.units ?? [];
  if (units.length) {
    text.push('', 'По подразделениям:');
    for (const u of units)
      text.push(
        `— ${u.executor}: коэффициент ${formatCoefficient(u.coefficient)}, подлежало ${u.due}, в срок ${u.onTime}, с нарушением ${u.late}, не исполнено ${u.overdue}, из прошлых периодов ${u.carriedOver}`,
      );
  }
  text.push('');
  if (top.length === 0) text.push('Просроченных поручений нет.');
  else {
    text.push(overdueHeading(report.overdue.length, t.overdue, cut), 'Самые давние:');
    for (const o of top)
      text.push(
        `— № ${o.number}: ${o.text} — ${o.executor}, срок ${formatRu(o.deadline)}, просрочка ${o.workingDaysOverdue} ${plural(o.workingDaysOverdue, 'рабочий день', 'рабочих дня', 'рабочих дней')}`,
      );
    if (more > 0) text.push(`…и ещё ${more}.`);
  }
  text.push('');
  if (input.appeals) text.push(...appealSummaryText(input.appeals), '');
  text.push(
    tabUrl
      ? `Полный отчёт по исполнителям: лист «${TAB.reportExecution}», ${tabUrl}`
      : `Полный отчёт по исполнителям за этот период: «${TAB.reportExecution}» из меню, период ${report.period.code}.`,
  );
  text.push('', 'Письмо сформировано автоматически («Контроль поручений»).');

  const e = escapeHtml;
  const html: string[] = [
    `<p>${input.kind ? `${e(KIND_LINE[input.kind])}<br>` : ''}Отчёт об исполнении поручений за период: <b>${e(p.label)}</b>.<br>Сформирован ${e(input.generatedAt)}.<br>${e(scope)}</p>`,
    '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">',
    ...lines.map(
      ([k, v, what]) => `<tr><td>${e(k)}</td><td align="right">${e(v)}</td><td style="color:#555">${e(what)}</td></tr>`,
    ),
    '</table>',
  ];
  if (units.length) {
    html.push('<p>По подразделениям:</p>');
    html.push('<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">');
    html.push(
      '<tr><th>Подразделение</th><th>Коэффициент</th><th>Подлежало</th><th>В срок</th><th>С нарушением</th><th>Не исполнено</th><th>Из прошлых периодов</th></tr>',
    );
    for (const u of units)
      html.push(
        `<tr><td>${e(u.executor)}</td><td align="right">${e(formatCoefficient(u.coefficient))}</td><td align="right">${u.due}</td><td align="right">${u.onTime}</td><td align="right">${u.late}</td><td align="right">${u.overdue}</td><td align="right">${u.carriedOver}</td></tr>`,
      );
    html.push('</table>');
  }
  if (top.length === 0) html.push('<p>Просроченных поручений нет.</p>');
  else {
    html.push(`<p>${e(overdueHeading(report.overdue.length, t.overdue, cut))} Самые давние:</p>`);
    html.push('<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">');
    html.push('<tr><th>№</th><th>Поручение</th><th>Исполнитель</th><th>Срок</th><th>Просрочка, раб. дн.</th></tr>');
    for (const o of top)
      html.push(
        `<tr><td>${e(o.number)}</td><td>${e(o.text)}</td><td>${e(o.executor)}</td><td>${formatRu(o.deadline)}</td><td align="right">${o.workingDaysOverdue}</td></tr>`,
      );
    html.push('</table>');
    if (more > 0) html.push(`<p>…и ещё ${more}.</p>`);
  }
  if (input.appeals) html.push(appealSummaryHtml(input.appeals));
  html.push(
    tabUrl
      ? `<p>Полный отчёт по исполнителям: <a href="${e(tabUrl)}">лист «${e(TAB.reportExecution)}»</a>.</p>`
      : `<p>Полный отчёт по исполнителям за этот период: «${e(TAB.reportExecution)}» из меню, период ${e(report.period.code)}.</p>`,
  );
  html.push('<p style="color:#666">Письмо сформировано автоматически («Контроль поручений»).</p>');

  return { to: [...input.recipients], subject, text: text.join('\n'), html: html.join('\n') };
}
