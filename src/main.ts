// The only file Apps Script sees. Each export becomes a top-level `function name(e)` stub in
// dist/Code.js (scripts/build.mjs), except `api`, which the local CLI calls. Every function here is
// a thin call into a module; menu actions run inside runMenuAction, so an error becomes a Russian
// alert instead of a stack trace.
import { runApi } from './jobs/api';
import { reportAppeals } from './jobs/appeals-report';
import { checkData, notifyNew, runDaily } from './jobs/daily';
import { forgetCheckedZone, guardDates } from './jobs/date-check';
import { deleteFollowUpTriggers } from './jobs/follow-up';
import { planControl, reportLean } from './jobs/lean';
import {
  addMenu,
  askText,
  normalizePeriodInput,
  parseQuarterInput,
  parseYearInput,
  quarterOf,
  runMenuAction,
  showHelp,
  showProgress,
  todayOf,
} from './jobs/menu';
import { pageLoad, pageSubmit, revokeLinks, showMyOrdersSidebar, webGet, webPost } from './jobs/my-orders';
import { type EditEvent, handleEdit } from './jobs/onedit';
import { ratingReport } from './jobs/rating';
import {
  halfYearPeriod,
  lastMonthPeriod,
  lastWeekPeriod,
  quarterPeriod,
  reportExecution,
  reportProtocol,
  yearPeriod,
} from './jobs/reports';
import { setupWorkbook } from './jobs/setup';
import { disableTrigger, enableTrigger, ownerLine, scheduledRunAllowed } from './jobs/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function onOpen(_e?: unknown): void {
  addMenu();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Simple trigger: stamps dates on «Поручения»; a failure must never bother the person typing. */
export function onEdit(e: EditEvent): void {
  try {
    handleEdit(e);
  } catch (err) {
    console.error(`onEdit: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The installable time-driven trigger's handler: only the recorded owner's trigger runs the check. */
export function dailyRun(): string {
  const ss = SpreadsheetApp.getActive();
  const gate = scheduledRunAllowed(ss);
  if (!gate.ok) return gate.message;
  // A date mismatch is recorded in «Журнал» and «Проверка данных»; the run ends without an error.
  try {
    return guardDates(ss, 'Ежедневная проверка') ?? runDaily(ss);
  } finally {
    forgetCheckedZone();
  }
}

/**
 * The one-off trigger's handler (jobs/follow-up.ts): deletes its own one-off triggers first (a
 * fired one stays listed and counts toward the 20 per user, guides/triggers/installable), then
 * finishes today's daily check from its checkpoint; with no checkpoint of today it does nothing.
 */
export function dailyFollowUp(): string {
  const ss = SpreadsheetApp.getActive();
  deleteFollowUpTriggers(ss);
  try {
    return guardDates(ss, 'Ежедневная проверка') ?? runDaily(ss, { followUp: true });
  } finally {
    forgetCheckedZone();
  }
}

/** A long action: a progress toast first, then the job. */
function long(title: string, progress: string, job: (ss: Spreadsheet) => string): string {
  return runMenuAction(title, (ss) => {
    showProgress(ss, title, progress);
    return job(ss);
  });
}

export function menuSetup(): string {
  return long('Настроить таблицу', 'Создаю недостающие листы, столбцы и списки…', setupWorkbook);
}

export function menuNotifyNew(): string {
  return long('Новые поручения', 'Отправляю уведомления исполнителям…', notifyNew);
}

export function menuCheckData(): string {
  return long('Проверка данных', 'Проверяю листы…', checkData);
}

export function menuDailyNow(): string {
  return long('Ежедневная проверка', 'Идёт ежедневная проверка: это может занять до минуты…', runDaily);
}

function executionReport(title: string, period: (ss: Spreadsheet) => string): string {
  return long(title, 'Формирую «Отчёт: исполнение»…', (ss) => reportExecution(ss, period(ss)));
}

export function menuReportLastWeek(): string {
  return executionReport('Отчёт за прошлую неделю', (ss) => lastWeekPeriod(todayOf(ss)));
}

export function menuReportLastMonth(): string {
  return executionReport('Отчёт за прошлый месяц', (ss) => lastMonthPeriod(todayOf(ss)));
}

export function menuReportQuarter(): string {
  return executionReport('Отчёт за квартал', (ss) => quarterPeriod(todayOf(ss)));
}

export function menuReportHalfYear(): string {
  return executionReport('Отчёт за полугодие', (ss) => halfYearPeriod(todayOf(ss)));
}

export function menuReportYear(): string {
  return executionReport('Отчёт за год', (ss) => yearPeriod(todayOf(ss)));
}

export function menuReportPeriod(): string {
  const title = 'Отчёт за период';
  return runMenuAction(title, (ss) => {
    const raw = askText(
      title,
      'Введите период: 2026-W10 (неделя), 2026-03 (месяц), 2026-Q1 (квартал), 2026 (год) или 01.03.2026–15.03.2026.',
    );
    if (raw === null) return null;
    if (!raw) throw new Error('период не указан.');
    showProgress(ss, title, 'Формирую «Отчёт: исполнение»…');
    return reportExecution(ss, normalizePeriodInput(raw));
  });
}

export function menuReportProtocol(): string {
  const title = 'Отчёт по протоколу';
  return runMenuAction(title, (ss) => {
    const protocol = askText(title, 'Введите № протокола (как в столбце «№» листа «Протоколы»).');
    if (protocol === null) return null;
    if (!protocol) throw new Error('номер протокола не указан.');
    showProgress(ss, title, `Формирую «Отчёт: протокол» № ${protocol}…`);
    return reportProtocol(ss, protocol);
  });
}

export function menuReportAppeals(): string {
  return long('Отчёт по обращениям', 'Формирую «Отчёт: обращения» за предыдущий рабочий день…', (ss) =>
    reportAppeals(ss),
  );
}

export function menuLeanQuarterly(): string {
  const title = 'Квартальный отчёт по бережливым проектам';
  return runMenuAction(title, (ss) => {
    const current = quarterOf(todayOf(ss));
    const raw = askText(title, 'Введите квартал в виде ГГГГ-Qn, например 2026-Q1.', current);
    if (raw === null) return null;
    const quarter = parseQuarterInput(raw);
    if (!quarter) throw new Error(`квартал «${raw}» не распознан — введите его в виде 2026-Q1.`);
    showProgress(ss, title, `Формирую отчёт за ${quarter}…`);
    return reportLean(ss, quarter);
  });
}

function yearAction(title: string, job: (ss: Spreadsheet, year: string) => string): string {
  return runMenuAction(title, (ss) => {
    const current = todayOf(ss).slice(0, 4);
    const raw = askText(title, 'Введите год, например 2026.', current);
    if (raw === null) return null;
    const year = parseYearInput(raw);
    if (!year) throw new Error(`год «${raw}» не распознан — введите четыре цифры, например 2026.`);
    showProgress(ss, title, `Формирую за ${year} год…`);
    return job(ss, year);
  });
}

export function menuPlanControl(): string {
  return yearAction('Контроль плана «Эффективный регион»', planControl);
}

export function menuRating(): string {
  return yearAction('Рейтинг самооценки', ratingReport);
}

export function menuEnableTrigger(): string {
  return runMenuAction('Автоматическая проверка', enableTrigger, { checkDates: false });
}

export function menuDisableTrigger(): string {
  return runMenuAction('Автоматическая проверка', disableTrigger, { checkDates: false });
}

/** Menu «Мои поручения»: the executor's page in a sidebar, for the signed-in user. */
export function menuMyOrders(): string {
  return runMenuAction('Мои поручения', () => showMyOrdersSidebar());
}

/** Menu «Отозвать ссылки»: every personal link sent so far stops opening the page. */
export function menuRevokeLinks(): string {
  // No dates: revoking access must work even while the date self-check stops everything else.
  return runMenuAction('Отозвать ссылки', revokeLinks, { checkDates: false });
}

/** The web app («Мои поручения» by a personal link): the page, or the Russian error page. */
export function doGet(e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput {
  return webGet(e);
}

/** The web app's form post: the same action as the page's button, answered with the page. */
export function doPost(e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput {
  return webPost(e);
}

/** Called by the page (google.script.run): the page's data now. Verifies the link first. */
export function myOrdersLoad(token: unknown): unknown {
  return pageLoad(token);
}

/** Called by the page (google.script.run): one action. Verifies the link first. */
export function myOrdersSubmit(req: unknown): unknown {
  return pageSubmit(req);
}

export function menuHelp(): void {
  runMenuAction(
    'Справка',
    (ss) => {
      showHelp(ownerLine(ss));
      return null;
    },
    { checkDates: false },
  );
}

/** For the local CLI only (no Apps Script stub): `api.run('daily', {})`. */
export const api = {
  run(action: string, params?: Readonly<Record<string, unknown>>): string {
    return runApi(action, params ?? {});
  },
};
