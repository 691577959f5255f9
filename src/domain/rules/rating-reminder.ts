// The self-assessment is due «ежегодно до 01 декабря текущего года» (002 Порядок проведения
// самооценки п.4.1). The sector (the controller's address in «Настройки»: the spec has no separate
// sector address) is reminded 10 and 5 working days before and on the day, with the organisations
// that have no row for the year yet (known: earlier years' rows and «Проекты»' organisations). Keys
// `rating:<year>:<10|5|0>` in «Журнал» make it once; when all known have answered, «Журнал» says so.
import { TAB } from '../contract';
import { yearOf } from '../dates';
import { PROJECT_COL } from '../lean-stages';
import { answerStatus, reminderPlan, reminderStage } from '../rating';
import { SETTING } from '../settings';
import { cellText } from '../text';
import type { PlanRegisterRule } from './plan-rule';

export const ratingReminder: PlanRegisterRule = {
  name: 'ratingReminder',
  stage: 'notify',
  modes: ['daily'],
  apply(reg, { today, calendar, settings }, { sent }) {
    const year = yearOf(today);
    const plan = reminderPlan(year, calendar, settings.nonWorkingDeadline);
    const stage = reminderStage(today, plan);
    if (stage === null) return {};
    const key = `rating:${year}:${stage}`;
    if (sent(key)) return {};
    // Read only now: on most days no reminder is due and the tabs are not needed.
    const orgs = (reg.projects?.rows ?? []).map((p) => cellText(p.get(PROJECT_COL.orgShort))).filter(Boolean);
    const status = answerStatus(reg.answers.rows, year, orgs);
    if (status.known.length > 0 && status.missing.length === 0)
      return { notices: [{ kind: 'rating-done', year, key, known: status.known.length }] };
    const to = settings.controllerEmail;
    const left = calendar.workingDaysBetween(today, plan.due);
    const when = stage === 0 || left <= 0 ? 'срок — сегодня' : `осталось рабочих дней: ${left}`;
    return {
      notices: [{ kind: 'rating', year, key, to, due: plan.due, when, status }],
      problems: to
        ? []
        : [
            {
              tab: TAB.settings,
              row: 0,
              column: SETTING.controllerEmail,
              value: '',
              message: `Напоминание о самооценке за ${year} год некому отправить: не указан адрес сектора (контролёра).`,
              fix: `Впишите адрес в «${SETTING.controllerEmail}» на листе «${TAB.settings}».`,
            },
          ],
    };
  },
};
