// The «Эффективный регион» tabs in the daily check: step 1's problems in «План ЭР», «Проекты»,
// «Обучение», and step 6's reminders of the plan's deadlines.
import { addDays, formatRu } from '../domain/dates';
import { STAGE_HEADERS, stageOrderIssues } from '../domain/lean-stages';
import {
  deadlinesBetween,
  type PlanDeadline,
  type ReminderKind,
  reminderDue,
  reminderKey,
} from '../domain/plan-deadlines';
import { COUNTED_FACTS, parseFact, parseTarget } from '../domain/plan-facts';
import { isEmail } from '../domain/settings';
import { escapeHtml } from '../mail/html';
import type { OutMail } from '../mail/mailer';
import { PLAN_COL, PROJECT_COL, TAB, TRAINING_COL } from '../workbook/schema';
import { readTable, type Table, text } from '../workbook/table';
import type { RunContext } from './context';

import { PLAN_YEARS, type PlanItem, readPlan, readProjects, readTraining } from './lean-read';

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
  validateTraining(ctx);
}

/** Problems in «Обучение»: a training without a readable date is not counted (мероприятие 2.1). */
function validateTraining(ctx: RunContext): void {
  const { ss, tz, problems } = ctx;
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
