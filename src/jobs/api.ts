// The local CLI's entry (`kontrol run ACTION`, `kontrol init`): one dispatcher over the same jobs the
// menu runs, with the same defaults, returning the job's one-line Russian summary. Apps Script never
// calls it (build.mjs makes no stub for `api`).

import { ACTIONS } from '../domain/actions';
import { Problems } from '../workbook/problems';
import { reportAppeals } from './appeals-report';
import { readSettings } from './context';
import { checkData, notifyNew, runDaily } from './daily';
import { forgetCheckedZone, guardDates } from './date-check';
import { reportLean } from './lean';
import { personalLink, todayIn, webAppUrl } from './links';
import { normalizePeriodInput, parseQuarterInput, parseYearInput, quarterOf, todayOf } from './menu';
import { planControl } from './plan-control';
import { ratingReport } from './rating';
import { reportProtocol } from './report-protocol';
import { lastMonthPeriod, reportExecution } from './reports';
import { setupWorkbook } from './setup';
import { speedUpOrder } from './speed-up';
import { openSpreadsheet } from './spreadsheet';
import { disableTrigger, enableTrigger } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type ApiParams = Readonly<Record<string, unknown>>;

export const API_ACTIONS: readonly string[] = ACTIONS;

/** The menu's name of each action, for the date self-check's message. */
const ACTION_TITLE: Readonly<Record<string, string>> = {
  setup: 'Настроить таблицу',
  daily: 'Ежедневная проверка',
  notify: 'Отправка новых поручений',
  check: 'Проверка данных',
  'report-execution': 'Отчёт об исполнении',
  'report-protocol': 'Отчёт по протоколу',
  'report-lean': 'Квартальный отчёт по бережливым проектам',
  'plan-control': 'Контроль плана «Эффективный регион»',
  rating: 'Рейтинг самооценки',
  'report-appeals': 'Отчёт по обращениям',
  'speed-up': 'Напоминание об ускорении',
};

/** The trigger switches compute no dates; turning the daily check off must work even when dates do not. */
const UNDATED_ACTIONS: readonly string[] = ['enable', 'disable'];

function param(params: ApiParams, key: string): string {
  const v = params[key];
  return v === undefined || v === null ? '' : String(v).trim();
}

function quarterParam(ss: Spreadsheet, params: ApiParams): string {
  const raw = param(params, 'quarter');
  if (!raw) return quarterOf(todayOf(ss));
  const q = parseQuarterInput(raw);
  if (!q) throw new Error(`Квартал «${raw}» не распознан: укажите его в виде 2026-Q1.`);
  return q;
}

function yearParam(ss: Spreadsheet, params: ApiParams): string {
  const raw = param(params, 'year');
  if (!raw) return todayOf(ss).slice(0, 4);
  const y = parseYearInput(raw);
  if (!y) throw new Error(`Год «${raw}» не распознан: укажите четыре цифры, например 2026.`);
  return y;
}

/** Runs one action on the active spreadsheet; unknown actions and missing parameters throw in Russian. */
export function runApi(action: string, params: ApiParams = {}): string {
  try {
    return runApiAction(action, params);
  } finally {
    forgetCheckedZone();
  }
}

function runApiAction(action: string, params: ApiParams): string {
  const ss = openSpreadsheet({ adopt: action === 'setup' });
  // Every other action computes or writes dates: none runs while our zone arithmetic disagrees with Google.
  if (API_ACTIONS.includes(action) && !UNDATED_ACTIONS.includes(action)) {
    const stop = guardDates(ss, ACTION_TITLE[action] ?? action);
    if (stop) throw new Error(stop);
  }
  switch (action) {
    case 'setup':
      return setupWorkbook(ss);
    case 'daily': {
      // The run's budget in ms (tests and the soak make it small); default SOFT_LIMIT_MS.
      const budget = Number(param(params, 'budgetMs'));
      return runDaily(ss, budget > 0 ? { softLimitMs: budget } : {});
    }
    case 'notify':
      return notifyNew(ss);
    case 'check':
      return checkData(ss);
    case 'report-execution': {
      const raw = param(params, 'period');
      return reportExecution(ss, raw ? normalizePeriodInput(raw) : lastMonthPeriod(todayOf(ss)));
    }
    case 'report-protocol': {
      const protocol = param(params, 'protocol');
      if (!protocol) throw new Error('Укажите номер протокола: --protocol N.');
      return reportProtocol(ss, protocol);
    }
    case 'report-lean':
      return reportLean(ss, quarterParam(ss, params));
    case 'plan-control':
      return planControl(ss, yearParam(ss, params));
    case 'rating':
      return ratingReport(ss, yearParam(ss, params));
    case 'enable':
      return enableTrigger(ss);
    case 'disable':
      return disableTrigger(ss);
    case 'report-appeals':
      return reportAppeals(ss, param(params, 'date') || undefined);
    case 'speed-up': {
      const order = param(params, 'order');
      if (!order) throw new Error('Укажите № поручения: --order N.');
      return speedUpOrder(ss, order);
    }
    case 'link': {
      // `kontrol serve` prints a personal link; not a `run` action (not in ACTIONS).
      const email = param(params, 'email');
      if (!email) throw new Error('Укажите адрес: email.');
      const settings = readSettings(ss, new Problems());
      return personalLink(webAppUrl(), email, todayIn(settings.timeZone), settings.linkDays);
    }
    default:
      throw new Error(`Неизвестное действие «${action}». Допустимые действия: ${API_ACTIONS.join(', ')}.`);
  }
}
