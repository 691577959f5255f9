// One digest e-mail per recipient per run: plain text and HTML (every field through escapeHtml),
// Russian, a subject stating the counts, each order with its №, text, control date and a link to
// its row. Pure: no Apps Script calls.
import { TAB } from '../domain/contract';
import { formatRu, type IsoDate } from '../domain/dates';
import { type DecisionFact, decisionText } from '../domain/decision-notices';
import type { NoticeKind } from '../domain/notices';
import { plural } from '../domain/text';
import { type AppealDigestItem, appealSections, appealSubjectPart } from './appeals';
import { escapeHtml } from './html';
import type { OutMail } from './mailer';

export interface DigestItem {
  /**
   * True in the «решением давшего поручение» mode (001 гл.7 п.2.4.15; 003 п.199): «Готово» does not
   * close the order, the one who gave it removes it from control.
   */
  removalByGiver?: boolean;
  kind: NoticeKind;
  number: string;
  text: string;
  executor: string;
  coExecutors: readonly string[];
  /** «Срок» as in the cell. */
  deadline: IsoDate;
  /** The day it is actually due, when «Срок» falls on a non-working day (001 гл.8 п.2.4.2). */
  due?: IsoDate;
  link: string;
  /** The order's row in «Поручения» when the mail is made (after the run's archiving). */
  row?: number;
  role: 'executor' | 'coexecutor' | 'controller';
  /** ФИО of the absent executor this mail is read for by a substitute. */
  onBehalfOf?: string;
  requestedDate?: IsoDate | null;
  requestReason?: string;
  requestDay?: IsoDate;
  late?: boolean;
  overdueDays?: number | null;
  /** Last day an extension may be asked without being late (000 п.11). */
  cutoff?: IsoDate;
  /** Decision notices: the controller's decision told to the executor (issue 25 item 2). */
  decision?: DecisionFact;
  /** Set by composeDigest: an overdue order that is also new to the addressee (entered past its term). */
  bornOverdue?: boolean;
  /** An extra line under the order (an interim date, the co-executors' own date). */
  note?: string;
}

export interface DigestInput {
  to: string;
  /** The addressee's name for the greeting; '' for the controller's address. */
  name: string;
  organization: string;
  today: IsoDate;
  items: readonly DigestItem[];
  /** The recipient's personal link to «Мои поручения» ('' or absent when there is no web app). */
  pageLink?: string;
  /** Controller only: number of problems in «Проверка данных» and a link to it. */
  problems?: { count: number; link: string };
  /** The addressee's citizens' appeals due soon or overdue: their own section (src/mail/appeals.ts). */
  appeals?: readonly AppealDigestItem[];
}

const SECTION: Record<NoticeKind, string> = {
  new: 'Новые поручения',
  remind: 'Срок исполнения наступает',
  overdue: 'Срок исполнения истёк',
  extension: 'Запросы переноса срока',
  decision: 'Решения контролёра по вашим поручениям',
};
const ORDER: NoticeKind[] = ['decision', 'overdue', 'remind', 'new', 'extension'];

export function digestSubject(items: readonly DigestItem[], problems = 0): string {
  const count = (k: NoticeKind) => items.filter((i) => i.kind === k).length;
  const parts: string[] = [];
  const n = count('new');
  if (n) parts.push(`${n} ${plural(n, 'новое', 'новых', 'новых')}`);
  const r = count('remind');
  if (r) parts.push(`${r} — срок наступает`);
  const o = count('overdue');
  if (o) parts.push(`${o} ${plural(o, 'просрочено', 'просрочено', 'просрочено')}`);
  const e = count('extension');
  if (e) parts.push(`${e} ${plural(e, 'запрос', 'запроса', 'запросов')} переноса`);
  const dn = count('decision');
  if (dn)
    parts.push(
      `${dn} ${plural(dn, 'решение', 'решения', 'решений')} по ${plural(dn, 'поручению', 'поручениям', 'поручениям')}`,
    );
  if (problems) parts.push(`${problems} ${plural(problems, 'проблема', 'проблемы', 'проблем')} в данных`);
  return `Поручения: ${parts.join(', ')}`;
}

/** «06.03.2026 (в таблице 09.03.2026 — нерабочий день)»: the mail names the day the work is due. */
function deadlineText(i: DigestItem): string {
  if (!i.due || i.due === i.deadline) return formatRu(i.deadline);
  return `${formatRu(i.due)} (в таблице ${formatRu(i.deadline)} — нерабочий день)`;
}

/** What the recipient does next about this order (issue: e-mails say what to do, not only what is). */
export function nextStep(i: DigestItem, today: IsoDate, onPage: boolean): string {
  if (i.decision) return decisionText(i.decision).next;
  const where = onPage ? 'на странице «Мои поручения» (ссылка в письме)' : 'в таблице';
  if (i.role === 'controller') return `Что сделать: решите по запросу — «Согласован» или «Отклонён» — ${where}.`;
  // 003 п.80, 111, 133: co-executors hand their part to the responsible executor; «Готово» and an
  // extension are his (the page's rights say the same).
  if (i.role === 'coexecutor')
    return `Что сделать: передайте свою часть ответственному исполнителю (${i.executor}) и добавьте запись о ходе исполнения ${where}; «Готово» и перенос срока — за ним.`;
  const removal = i.removalByGiver
    ? ' После «Готово» поручение остаётся на контроле, пока его не снимет давший поручение («Не снято» — возврат на доработку).'
    : '';
  const report = `отметьте ход исполнения или «Готово» ${where}`;
  if (removal) return `${nextStep({ ...i, removalByGiver: false }, today, onPage)}${removal}`;
  if (!i.cutoff) return `Что сделать: ${report}.`;
  if (today > i.cutoff)
    return `Что сделать: ${report}. Срок подачи запроса на перенос прошёл (${formatRu(i.cutoff)}): поздний запрос примут, но отметят.`;
  return `Что сделать: ${report}; перенос срока можно запросить до ${formatRu(i.cutoff)}.`;
}

/** «лист «Поручения», строка 15»: where the order is for someone who opens the spreadsheet. */
function rowText(i: DigestItem): string {
  return i.row ? `лист «${TAB.orders}», строка ${i.row}` : `лист «${TAB.orders}»`;
}

/**
 * Row links go to those who work in the spreadsheet: the controller, and everybody while there is
 * no page. An executor with a page gets the page first and the rows once, at the end, «for those
 * who work in the spreadsheet» (issue 25 item 5).
 */
function rowsInline(i: DigestItem, onPage: boolean): boolean {
  return i.role === 'controller' || !onPage;
}

function itemLines(i: DigestItem, step: string, inline: boolean): string[] {
  const lines = [`№ ${i.number}. ${i.text}`];
  if (i.decision) lines.push(`  ${decisionText(i.decision).title} (${formatRu(i.decision.day)})`);
  lines.push(`  Срок: ${deadlineText(i)}`);
  if (i.kind === 'overdue' && i.overdueDays) lines.push(`  Просрочка: ${i.overdueDays} раб. дн.`);
  if (i.bornOverdue) lines.push(`  ${BORN_OVERDUE}`);
  if (i.role === 'coexecutor') lines.push(`  Вы соисполнитель; ответственный исполнитель: ${i.executor}`);
  else if (i.role === 'controller') lines.push(`  Исполнитель: ${i.executor}`);
  else if (i.coExecutors.length) lines.push(`  Соисполнители: ${i.coExecutors.join('; ')}`);
  if (i.onBehalfOf) lines.push(`  За отсутствующего исполнителя: ${i.onBehalfOf}`);
  if (i.note) lines.push(`  ${i.note}`);
  if (i.kind === 'extension') {
    lines.push(`  Запрошенный срок: ${i.requestedDate ? formatRu(i.requestedDate) : '—'}`);
    if (i.requestReason) lines.push(`  Обоснование: ${i.requestReason}`);
    if (i.requestDay)
      lines.push(
        `  Запрос сделан: ${formatRu(i.requestDay)}${i.late ? ' — ПОЗЖЕ установленного срока подачи запроса' : ''}`,
      );
  }
  if (step) lines.push(`  ${step}`);
  if (inline) lines.push(`  Строка в таблице (${rowText(i)}): ${i.link}`);
  return lines;
}

function itemHtml(i: DigestItem, step: string, inline: boolean): string {
  const e = escapeHtml;
  const rows: string[] = [`<b>№ ${e(i.number)}</b>. ${e(i.text)}`];
  if (i.decision) rows.push(`<b>${e(decisionText(i.decision).title)}</b> (${e(formatRu(i.decision.day))})`);
  rows.push(`Срок: <b>${e(deadlineText(i))}</b>`);
  if (i.kind === 'overdue' && i.overdueDays) rows.push(`Просрочка: ${e(String(i.overdueDays))} раб. дн.`);
  if (i.bornOverdue) rows.push(`<b>${e(BORN_OVERDUE)}</b>`);
  if (i.role === 'coexecutor') rows.push(`Вы соисполнитель; ответственный исполнитель: ${e(i.executor)}`);
  else if (i.role === 'controller') rows.push(`Исполнитель: ${e(i.executor)}`);
  else if (i.coExecutors.length) rows.push(`Соисполнители: ${e(i.coExecutors.join('; '))}`);
  if (i.onBehalfOf) rows.push(`За отсутствующего исполнителя: ${e(i.onBehalfOf)}`);
  if (i.note) rows.push(`<b>${e(i.note)}</b>`);
  if (i.kind === 'extension') {
    rows.push(`Запрошенный срок: ${e(i.requestedDate ? formatRu(i.requestedDate) : '—')}`);
    if (i.requestReason) rows.push(`Обоснование: ${e(i.requestReason)}`);
    if (i.requestDay)
      rows.push(
        `Запрос сделан: ${e(formatRu(i.requestDay))}${i.late ? ' — <b>позже установленного срока подачи запроса</b>' : ''}`,
      );
  }
  if (step) rows.push(`<i>${e(step)}</i>`);
  if (inline) rows.push(`<a href="${e(i.link)}">Открыть строку в таблице</a> (${e(rowText(i))})`);
  return `<li>${rows.join('<br>')}</li>`;
}

// True whether it was entered past its term or first mailed after it (a row typed before its term but
// noticed by no run until later): the addressee hears of it for the first time, already overdue.
const BORN_OVERDUE = 'Новое поручение: вы получаете его впервые, а срок уже истёк.';

/**
 * An order new to the addressee and already overdue (entered past its term) is one entry, under
 * «Срок исполнения истёк», saying it is new (issue 25 item 3); both notices' keys are still sent.
 */
export function mergeBornOverdue(items: readonly DigestItem[]): DigestItem[] {
  const id = (i: DigestItem) => `${i.number}|${i.role}|${i.onBehalfOf ?? ''}`;
  const overdue = new Set(items.filter((i) => i.kind === 'overdue').map(id));
  const fresh = new Set(items.filter((i) => i.kind === 'new').map(id));
  return items
    .filter((i) => !(i.kind === 'new' && overdue.has(id(i))))
    .map((i) => (i.kind === 'overdue' && fresh.has(id(i)) ? { ...i, bornOverdue: true } : i));
}

export function composeDigest(input: DigestInput): OutMail {
  const d = { ...input, items: mergeBornOverdue(input.items) };
  const problems = d.problems?.count ?? 0;
  const appeals = d.appeals ?? [];
  const appealPart = appealSubjectPart(appeals);
  const subject =
    d.items.length === 0 && !problems && appealPart
      ? `Обращения: ${appealPart}`
      : `${digestSubject(d.items, problems)}${appealPart ? `; обращения: ${appealPart}` : ''}`;
  const absent = [...new Set([...d.items, ...appeals].map((i) => i.onBehalfOf).filter((x): x is string => !!x))];
  const greeting = d.name ? `Здравствуйте, ${d.name}!` : 'Здравствуйте!';
  const text: string[] = [greeting, ''];
  const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
  if (absent.length) {
    const s = `Вы получаете это письмо как замещающий: ${absent.join(', ')} ${absent.length > 1 ? 'отсутствуют' : 'отсутствует'}.`;
    text.push(s, '');
    html.push(`<p>${escapeHtml(s)}</p>`);
  }
  if (d.pageLink) {
    const s = 'Ваши поручения, отметки о ходе исполнения и запросы переноса — на личной странице «Мои поручения»:';
    text.push(s, d.pageLink, '');
    html.push(`<p>${escapeHtml(s)} <a href="${escapeHtml(d.pageLink)}"><b>открыть «Мои поручения»</b></a></p>`);
  }
  const onPage = !!d.pageLink;
  const step = (i: DigestItem) => nextStep(i, d.today, onPage);
  for (const k of ORDER) {
    const list = d.items.filter((i) => i.kind === k);
    if (!list.length) continue;
    text.push(`${SECTION[k]} (${list.length}):`);
    for (const i of list) text.push(...itemLines(i, step(i), rowsInline(i, onPage)), '');
    html.push(
      `<h3>${escapeHtml(SECTION[k])} (${list.length})</h3><ul>${list.map((i) => itemHtml(i, step(i), rowsInline(i, onPage))).join('')}</ul>`,
    );
  }
  // The rows once, last, for an executor who also works in the spreadsheet.
  const later = [...new Map(d.items.filter((i) => !rowsInline(i, onPage)).map((i) => [i.number, i])).values()];
  if (later.length) {
    const s = 'Для тех, кто работает в самой таблице, — строки этих поручений:';
    text.push(s, ...later.map((i) => `  № ${i.number} (${rowText(i)}): ${i.link}`), '');
    html.push(
      `<p style="color:#555">${escapeHtml(s)}<br>${later.map((i) => `<a href="${escapeHtml(i.link)}">№ ${escapeHtml(i.number)}</a> (${escapeHtml(rowText(i))})`).join('<br>')}</p>`,
    );
  }
  if (appeals.length) {
    const a = appealSections(appeals);
    text.push(...a.text);
    html.push(...a.html);
  }
  if (d.problems && problems) {
    const s = `В таблице найдено проблем в данных: ${problems}. Список — на листе «Проверка данных»:`;
    text.push(s, d.problems.link, '');
    html.push(`<p>${escapeHtml(s)} <a href="${escapeHtml(d.problems.link)}">открыть</a></p>`);
  }
  const footer = `Письмо сформировано ${formatRu(d.today)} надстройкой «Контроль поручений»${d.organization ? ` (${d.organization})` : ''}. Одно письмо в день: всё, что касается вас.`;
  text.push(footer);
  html.push(`<p style="color:#666">${escapeHtml(footer)}</p>`);
  return { to: [d.to], subject, text: text.join('\n'), html: html.join('\n') };
}
