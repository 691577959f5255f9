// The one-line summaries of a run, written to «Журнал» and shown to the person who ran it.
import { formatRu } from '../domain/dates';
import type { AppealRun } from './appeals';
import type { RunContext } from './context';
import type { Outcome } from './orders-step';

export function summary(what: string, ctx: RunContext, o: Outcome, extra = ''): string {
  const parts = [
    `проблем в данных — ${ctx.problems.list.length}`,
    `решений применено — ${o.decisions}`,
    `заполнено пустых «№»/«Срок» — ${o.filled}`,
    `писем по поручениям — ${o.messages}`,
  ];
  const c = ctx.mailer.counts;
  // Everything the run mailed (notices, summaries, plan and self-assessment reminders).
  if (c.sent !== o.messages) parts.push(`всего писем отправлено — ${c.sent}`);
  if (c.deferred) parts.push(`отложено писем — ${c.deferred}`);
  if (o.notSent) parts.push(`уведомлений не отправлено — ${o.notSent} (см. «Журнал»)`);
  parts.push(`в архив — ${o.archived}`);
  if (o.archiveDeferred) parts.push(`ещё ${o.archiveDeferred} — в архив при следующей проверке`);
  return `${what} ${formatRu(ctx.today)}: ${parts.join('; ')}${extra}.`;
}

/** The appeals' part of the daily check's one-line summary. */
export function appealSummary(run: AppealRun | null): string {
  if (!run || run.book.appeals.length === 0) return '';
  const parts = [`обращений — ${run.book.appeals.length}`];
  if (run.filled) parts.push(`заполнено сроков ответа — ${run.filled}`);
  if (run.entries.length) parts.push(`напоминаний и просрочек по обращениям — ${run.entries.length}`);
  return `; ${parts.join('; ')}`;
}

/** «Отправить новые поручения»'s line. */
export function notifySummary(ctx: RunContext, o: Outcome): string {
  return `Новые поручения ${formatRu(ctx.today)}: писем отправлено — ${o.messages}${o.notSent ? `, не отправлено уведомлений — ${o.notSent} (см. «Журнал»)` : ''}; заполнено пустых «№»/«Срок» — ${o.filled}.`;
}
