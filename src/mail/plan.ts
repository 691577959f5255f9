// The mails of the plan register (seed 002): the reminder of «План ЭР»'s deadlines to one set of
// addresses (spec daily check step 6) and the self-assessment reminder to the sector (002 Порядок
// п.4.1). Pure: the rules (domain/rules/plan-reminders.ts, rating-reminder.ts) decide what is due;
// every field from people goes through escapeHtml.
import { TAB } from '../domain/contract';
import { formatRu } from '../domain/dates';
import type { PlanReminder, RatingNotice } from '../domain/rules/plan-rule';
import { escapeHtml } from './html';
import type { OutMail } from './mailer';

/** One mail for every reminder due to the same addresses, nearest deadline first. */
export function composePlanReminders(to: string[], reminders: readonly PlanReminder[], organization: string): OutMail {
  const list = [...reminders].sort((a, b) =>
    a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : 0,
  );
  const first = list[0].deadline.date;
  const subject =
    list.length === 1
      ? `План «Эффективный регион»: ${list[0].number} — срок ${formatRu(first)}`
      : `План «Эффективный регион»: сроки мероприятий (ближайший ${formatRu(first)})`;
  const lines = list.map((r) => {
    const period = r.deadline.period ? ` ${r.deadline.period}` : '';
    const report = r.deadline.quarter
      ? ` Отчёт формируется в меню «Контроль поручений → Бережливые проекты → Квартальный отчёт», квартал ${r.deadline.quarter}.`
      : '';
    return `${r.number}. ${r.measure}${period} — срок ${formatRu(r.deadline.date)}, ${r.when}.${report}`;
  });
  const intro = 'Напоминаем о сроках плана мероприятий программы «Эффективный регион»:';
  const org = organization ? `\n\n${organization}` : '';
  const text = `${intro}\n\n${lines.map((l) => `• ${l}`).join('\n')}\n\nПисьмо отправлено автоматически (лист «${TAB.plan}»).${org}`;
  const html =
    `<p>${escapeHtml(intro)}</p><ul>` +
    lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('') +
    `</ul><p style="color:#666">Письмо отправлено автоматически (лист «${escapeHtml(TAB.plan)}»).${org ? `<br>${escapeHtml(organization)}` : ''}</p>`;
  return { to, subject, text, html };
}

/** The self-assessment reminder: who has not answered for the year yet, who has. */
export function composeRatingReminder(n: Extract<RatingNotice, { kind: 'rating' }>): OutMail {
  const { year, status, when } = n;
  const subject = `Самооценка за ${year} год: срок до ${formatRu(n.due)} (${when})`;
  const intro = `Самооценку эффективности деятельности за ${year} год органы местного самоуправления и подведомственные организации представляют в сектор экономического развития ежегодно до ${formatRu(n.due)} (Порядок проведения самооценки, п.4.1). ${when[0].toUpperCase()}${when.slice(1)}.`;
  const missingHead =
    status.known.length === 0
      ? `Участники прошлых лет не найдены (на листах «${TAB.selfAssessment}» и «${TAB.projects}»), поэтому список незаполнивших не составить.`
      : `Ещё не заполнили строку за ${year} год на листе «${TAB.selfAssessment}» (${status.missing.length}):`;
  const filledLine = status.filled.length
    ? `Уже заполнили (${status.filled.length}): ${status.filled.join(', ')}.`
    : `За ${year} год пока не заполнил никто.`;
  const outro = 'Рейтинг: меню «Контроль поручений → Бережливые проекты → Рейтинг самооценки».';
  const text = [intro, '', missingHead, ...status.missing.map((o) => `— ${o}`), '', filledLine, '', outro].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(missingHead)}</p>`,
    status.missing.length ? `<ul>${status.missing.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : '',
    `<p>${escapeHtml(filledLine)}</p>`,
    `<p>${escapeHtml(outro)}</p>`,
  ].join('\n');
  return { to: n.to ? [n.to] : [], subject, text, html };
}
