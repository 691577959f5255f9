// The «Обращения» section of an executor's daily digest (spec «Обращения»: appeals join their
// executor's daily e-mail in their own section) and the emergency mail of «Отчёт: обращения»
// (004 п.1.3, п.3.1). Pure: no Apps Script calls; every field through escapeHtml.
import type { AppealNoticeKind } from '../domain/appeals';
import type { AppealDisciplineRow } from '../domain/appeals-report';
import { formatRu, type IsoDate } from '../domain/dates';
import type { AppealEmergency } from '../domain/rules/appeal-rule';
import { escapeHtml } from './html';
import type { OutMail } from './mailer';

export interface AppealDigestItem {
  kind: AppealNoticeKind;
  number: string;
  topic: string;
  applicant: string;
  address: string;
  /** The term in force («Продлено до», else «Срок»). */
  term: IsoDate;
  /** The day actually due (the working day before a term on a day off). */
  due: IsoDate;
  extended: boolean;
  link: string;
  onBehalfOf?: string;
}

const SECTION: Record<AppealNoticeKind, string> = {
  overdue: 'Обращения: срок ответа истёк',
  remind: 'Обращения: срок ответа наступает',
};
const ORDER: AppealNoticeKind[] = ['overdue', 'remind'];

function termText(i: AppealDigestItem): string {
  const t = i.due === i.term ? formatRu(i.term) : `${formatRu(i.due)} (в таблице ${formatRu(i.term)} — нерабочий день)`;
  return i.extended ? `${t} (продлён)` : t;
}

function lines(i: AppealDigestItem): string[] {
  const out = [`Обращение № ${i.number}. ${i.topic || '(тема не указана)'}`, `  Срок ответа: ${termText(i)}`];
  const who = [i.applicant, i.address].filter(Boolean).join(', ');
  if (who) out.push(`  Заявитель: ${who}`);
  if (i.onBehalfOf) out.push(`  За отсутствующего исполнителя: ${i.onBehalfOf}`);
  out.push(`  Строка в таблице: ${i.link}`);
  return out;
}

function html(i: AppealDigestItem): string {
  const e = escapeHtml;
  const rows = [
    `<b>Обращение № ${e(i.number)}</b>. ${e(i.topic || '(тема не указана)')}`,
    `Срок ответа: <b>${e(termText(i))}</b>`,
  ];
  const who = [i.applicant, i.address].filter(Boolean).join(', ');
  if (who) rows.push(`Заявитель: ${e(who)}`);
  if (i.onBehalfOf) rows.push(`За отсутствующего исполнителя: ${e(i.onBehalfOf)}`);
  rows.push(`<a href="${e(i.link)}">Открыть строку в таблице</a>`);
  return `<li>${rows.join('<br>')}</li>`;
}

/** The digest's «Обращения» sections: text lines and HTML, in the order overdue, then due soon. */
export function appealSections(items: readonly AppealDigestItem[]): { text: string[]; html: string[] } {
  const text: string[] = [];
  const out: string[] = [];
  for (const k of ORDER) {
    const list = items.filter((i) => i.kind === k);
    if (!list.length) continue;
    text.push(`${SECTION[k]} (${list.length}):`);
    for (const i of list) text.push(...lines(i), '');
    out.push(`<h3>${escapeHtml(SECTION[k])} (${list.length})</h3><ul>${list.map(html).join('')}</ul>`);
  }
  if (items.length)
    text.push(
      'Промежуточный ответ не снимает обращение с контроля: укажите «Дата ответа», когда заявителю дан окончательный ответ.',
      '',
    );
  return { text, html: out };
}

/** The subject's part about appeals: «обращения: 2 — срок наступает, 1 просрочено». */
export function appealSubjectPart(items: readonly AppealDigestItem[]): string {
  const r = items.filter((i) => i.kind === 'remind').length;
  const o = items.filter((i) => i.kind === 'overdue').length;
  const parts: string[] = [];
  if (r) parts.push(`${r} — срок наступает`);
  if (o) parts.push(`${o} просрочено`);
  return parts.join(', ');
}

/** An emergency the rules found (domain/rules/appeal-emergency.ts), with whom to tell and the link to the report. */
export interface EmergencyInput extends Omit<AppealEmergency, 'key'> {
  to: readonly string[];
  organization: string;
  link: string;
}

/** The mail to «Получатели сводки» about a category whose index passed 3,00 (004 п.1.3, п.3.1). */
export function composeEmergency(m: EmergencyInput): OutMail {
  const idx = m.index.toFixed(2).replace('.', ',');
  const avg = m.average.toFixed(2).replace('.', ',');
  const subject = `Аварийная ситуация: «${m.category}» — индекс ${idx} за ${formatRu(m.day)}`;
  const body = [
    'Здравствуйте!',
    '',
    `По категории «${m.category}» ${formatRu(m.day)} поступило обращений: ${m.count}, в среднем за предыдущие 28 дней — ${avg} в день. Индекс категории ${idx} больше 3,00: аварийная ситуация (регламент МЦУР, п.1.3).`,
    'По регламенту (п.5.2) мероприятия по снижению негативной динамики включаются в оперативный план в течение 24 часов.',
    '',
    `Отчёт: ${m.link}`,
    '',
    `Письмо сформировано надстройкой «Контроль поручений»${m.organization ? ` (${m.organization})` : ''}.`,
  ];
  const e = escapeHtml;
  const htmlBody = [
    '<p>Здравствуйте!</p>',
    `<p>По категории <b>«${e(m.category)}»</b> ${e(formatRu(m.day))} поступило обращений: <b>${m.count}</b>, в среднем за предыдущие 28 дней — ${e(avg)} в день. Индекс категории <b>${e(idx)}</b> больше 3,00: <b>аварийная ситуация</b> (регламент МЦУР, п.1.3).</p>`,
    '<p>По регламенту (п.5.2) мероприятия по снижению негативной динамики включаются в оперативный план в течение 24 часов.</p>',
    `<p><a href="${e(m.link)}">Открыть «Отчёт: обращения»</a></p>`,
  ];
  return { to: [...m.to], subject, text: body.join('\n'), html: htmlBody.join('\n') };
}

type Discipline = { rows: readonly AppealDisciplineRow[]; total: AppealDisciplineRow };
const DISCIPLINE_HEADERS = ['Исполнитель', 'Отвечено в срок', 'Отвечено с нарушением срока', 'Просрочено, ответа нет'];

/** Section «Обращения» of the weekly/monthly summary, plain text. */
export function appealSummaryText(d: Discipline): string[] {
  const out = ['Обращения граждан со сроком ответа в этом периоде:'];
  if (d.rows.length === 0) return [...out, 'Обращений со сроком ответа в периоде нет.'];
  for (const r of [...d.rows, d.total])
    out.push(`— ${r.executor}: в срок — ${r.onTime}, с нарушением срока — ${r.late}, просрочено — ${r.overdue}`);
  return out;
}

/** Section «Обращения» of the weekly/monthly summary, HTML (every name through escapeHtml). */
export function appealSummaryHtml(d: Discipline): string {
  const e = escapeHtml;
  if (d.rows.length === 0) return '<h3>Обращения</h3><p>Обращений со сроком ответа в периоде нет.</p>';
  const row = (r: AppealDisciplineRow, b = false) => {
    const c = (v: string | number, right = false) =>
      `<td${right ? ' align="right"' : ''}>${b ? '<b>' : ''}${e(String(v))}${b ? '</b>' : ''}</td>`;
    return `<tr>${c(r.executor)}${c(r.onTime, true)}${c(r.late, true)}${c(r.overdue, true)}</tr>`;
  };
  return [
    '<h3>Обращения</h3>',
    '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">',
    `<tr>${DISCIPLINE_HEADERS.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`,
    ...d.rows.map((r) => row(r)),
    row(d.total, true),
    '</table>',
  ].join('\n');
}
