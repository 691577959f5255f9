// The only file Apps Script sees. Each export becomes a top-level `function name(e)` stub in
// dist/Code.js (scripts/build.mjs), except `api`, which the local CLI calls. Every export is made by
// one guard of entry/guard.ts (page, fromMenu, fromEdit, fromTrigger, fromSelf): the web app's page
// can call any global, so only the page's own four act from there (issue 19); build.mjs refuses an
// unguarded export. The guard decides first; only then does the job open the spreadsheet. Every
// function here is a thin call into a module; menu actions run inside runMenuAction, so an error
// becomes a Russian alert instead of a stack trace.
import { fromEdit, fromMenu, fromSelf, fromTrigger, page } from './entry/guard';
import { runApi } from './jobs/api';
import { reportAppeals } from './jobs/appeals-report';
import { checkData, notifyNew, runDaily } from './jobs/daily';
import { forgetCheckedZone, guardDates } from './jobs/date-check';
import { deleteFollowUpTriggers, FOLLOW_UP_HANDLER } from './jobs/follow-up';
import { reportLean } from './jobs/lean';
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
import {
  pageLoad,
  pageSubmit,
  revokeLinks,
  revokeOnePersonsLinks,
  showMyOrdersSidebar,
  webGet,
  webPost,
} from './jobs/my-orders';
import { type EditEvent, handleEdit } from './jobs/onedit';
import { planControl } from './jobs/plan-control';
import { ratingReport } from './jobs/rating';
import { reportProtocol } from './jobs/report-protocol';
import {
  currentHalfYearPeriod,
  currentYearPeriod,
  halfYearPeriod,
  lastMonthPeriod,
  lastWeekPeriod,
  quarterPeriod,
  reportExecution,
  yearPeriod,
} from './jobs/reports';
import { setupWorkbook } from './jobs/setup';
import { speedUpSelected } from './jobs/speed-up';
import { openSpreadsheet } from './jobs/spreadsheet';
import { DAILY_HANDLER, disableTrigger, enableTrigger, ownerLine, scheduledRunAllowed } from './jobs/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const onOpen = fromMenu((_e?: unknown): void => {
  addMenu();
});

export const onInstall = fromMenu((_e?: unknown): void => {
  addMenu();
});

/** Simple trigger: stamps dates on «Поручения»; a failure must never bother the person typing. */
export const onEdit = fromEdit((e: EditEvent): void => {
  try {
    handleEdit(e);
  } catch (err) {
    console.error(`onEdit: ${err instanceof Error ? err.message : String(err)}`);
  }
});

/** The installable time-driven trigger's handler: only the recorded owner's trigger runs the check. */
export const dailyRun = fromTrigger(DAILY_HANDLER, (_e?: unknown): string => {
  const ss = openSpreadsheet();
  const gate = scheduledRunAllowed(ss);
  if (!gate.ok) return gate.message;
  // A date mismatch is recorded in «Журнал» and «Проверка данных»; the run ends without an error.
  try {
    return guardDates(ss, 'Ежедневная проверка') ?? runDaily(ss);
  } finally {
    forgetCheckedZone();
  }
});

/**
 * The one-off trigger's handler (jobs/follow-up.ts): deletes its own one-off triggers first (a
 * fired one stays listed and counts toward the 20 per user, guides/triggers/installable), then
 * finishes today's daily check from its checkpoint; with no checkpoint of today it does nothing.
 */
export const dailyFollowUp = fromTrigger(FOLLOW_UP_HANDLER, (_e?: unknown): string => {
  const ss = openSpreadsheet();
  deleteFollowUpTriggers(ss);
  try {
    return guardDates(ss, 'Ежедневная проверка') ?? runDaily(ss, { followUp: true });
  } finally {
    forgetCheckedZone();
  }
});

/** A long action: a progress toast first, then the job. */
function long(
  title: string,
  progress: string,
  job: (ss: Spreadsheet) => string,
  opts: { adopt?: boolean } = {},
): string {
  return runMenuAction(
    title,
    (ss) => {
      showProgress(ss, title, progress);
      return job(ss);
    },
    opts,
  );
}

export const menuSetup = fromMenu((): string => {
  // Setup records this spreadsheet as the add-on's own (jobs/spreadsheet.ts).
  return long('Настроить таблицу', 'Создаю недостающие листы, столбцы и списки…', setupWorkbook, { adopt: true });
});

export const menuNotifyNew = fromMenu((): string => {
  return long('Новые поручения', 'Отправляю уведомления исполнителям…', notifyNew);
});

export const menuCheckData = fromMenu((): string => {
  return long('Проверка данных', 'Проверяю листы…', checkData);
});

/** «Напомнить об ускорении» on the selected row of «Поручения» (001 гл.7 п.2.4.7–2.4.8). */
export const menuSpeedUp = fromMenu((): string => {
  return runMenuAction('Напоминание об ускорении', speedUpSelected);
});

export const menuDailyNow = fromMenu((): string => {
  return long('Ежедневная проверка', 'Идёт ежедневная проверка: это может занять до минуты…', runDaily);
});

function executionReport(title: string, period: (ss: Spreadsheet) => string): string {
  return long(title, 'Формирую «Отчёт: исполнение»…', (ss) => reportExecution(ss, period(ss)));
}

export const menuReportLastWeek = fromMenu((): string => {
  return executionReport('Отчёт за прошлую неделю', (ss) => lastWeekPeriod(todayOf(ss)));
});

export const menuReportLastMonth = fromMenu((): string => {
  return executionReport('Отчёт за прошлый месяц', (ss) => lastMonthPeriod(todayOf(ss)));
});

export const menuReportQuarter = fromMenu((): string => {
  return executionReport('Отчёт за квартал', (ss) => quarterPeriod(todayOf(ss)));
});

export const menuReportHalfYear = fromMenu((): string => {
  return executionReport('Отчёт за полугодие', (ss) => halfYearPeriod(todayOf(ss)));
});

export const menuReportYear = fromMenu((): string => {
  return executionReport('Отчёт за год', (ss) => yearPeriod(todayOf(ss)));
});

export const menuReportHalfYearToDate = fromMenu((): string => {
  return executionReport('Отчёт за текущее полугодие', (ss) => currentHalfYearPeriod(todayOf(ss)));
});

export const menuReportYearToDate = fromMenu((): string => {
  return executionReport('Отчёт за текущий год', (ss) => currentYearPeriod(todayOf(ss)));
});

export const menuReportPeriod = fromMenu((): string => {
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
});

export const menuReportProtocol = fromMenu((): string => {
  const title = 'Отчёт по протоколу';
  return runMenuAction(title, (ss) => {
    const protocol = askText(title, 'Введите № протокола (как в столбце «№» листа «Протоколы»).');
    if (protocol === null) return null;
    if (!protocol) throw new Error('номер протокола не указан.');
    showProgress(ss, title, `Формирую «Отчёт: протокол» № ${protocol}…`);
    return reportProtocol(ss, protocol);
  });
});

export const menuReportAppeals = fromMenu((): string => {
  return long('Отчёт по обращениям', 'Формирую «Отчёт: обращения» за предыдущий рабочий день…', (ss) =>
    reportAppeals(ss),
  );
});

export const menuLeanQuarterly = fromMenu((): string => {
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
});

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

export const menuPlanControl = fromMenu((): string => {
  return yearAction('Контроль плана «Эффективный регион»', planControl);
});

export const menuRating = fromMenu((): string => {
  return yearAction('Рейтинг самооценки', ratingReport);
});

export const menuEnableTrigger = fromMenu((): string => {
  return runMenuAction('Автоматическая проверка', enableTrigger, { checkDates: false });
});

export const menuDisableTrigger = fromMenu((): string => {
  return runMenuAction('Автоматическая проверка', disableTrigger, { checkDates: false });
});

/** Menu «Мои поручения»: the executor's page in a sidebar, for the signed-in user. */
export const menuMyOrders = fromMenu((): string => {
  return runMenuAction('Мои поручения', () => showMyOrdersSidebar());
});

/** Menu «Отозвать ссылку…»: one person's links stop opening the page. */
export const menuRevokeLink = fromMenu((): string => {
  // No dates: revoking access must work even while the date self-check stops everything else.
  return runMenuAction('Отозвать ссылку', revokeOnePersonsLinks, { checkDates: false });
});

/** Menu «Отозвать все ссылки»: every personal link sent so far stops opening the page. */
export const menuRevokeLinks = fromMenu((): string => {
  return runMenuAction('Отозвать все ссылки', revokeLinks, { checkDates: false });
});

/** The web app («Мои поручения» by a personal link): the page, or the Russian error page. */
export const doGet = page((e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput => {
  return webGet(e);
});

/** The web app's form post: the same action as the page's button, answered with the page. */
export const doPost = page((e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput => {
  return webPost(e);
});

/** Called by the page (google.script.run): the page's data now. Verifies the link first. */
export const myOrdersLoad = page((token: unknown): unknown => {
  return pageLoad(token);
});

/** Called by the page (google.script.run): one action. Verifies the link first. */
export const myOrdersSubmit = page((req: unknown): unknown => {
  return pageSubmit(req);
});

export const menuHelp = fromMenu((): void => {
  runMenuAction(
    'Справка',
    (ss) => {
      showHelp(ownerLine(ss));
      return null;
    },
    { checkDates: false },
  );
});

/** For the local CLI only (no Apps Script stub): `api.run('daily', {})`. */
export const api = {
  run: fromSelf((action: string, params?: Readonly<Record<string, unknown>>): string => runApi(action, params ?? {})),
};
