// The «Контроль поручений» menu (spec «Behaviour» → Menu), the wrapper every menu action runs in
// (progress toasts; any error becomes a Russian alert, never a raw stack), the prompts for a period,
// a protocol, a quarter and a year, and the help dialog.
import { dateInZone, type IsoDate } from '../domain/dates';
import { escapeHtml } from '../mail/html';
import { forgetCheckedZone, guardDates } from './date-check';
import { openSpreadsheet } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MENU_TITLE = 'Контроль поручений';

/** Menu items and the global each calls, in the spec's order; a nested array is a submenu. */
export interface MenuItem {
  caption: string;
  fn?: string;
  items?: MenuItem[];
}

export const MENU: readonly (MenuItem | null)[] = [
  { caption: 'Настроить таблицу', fn: 'menuSetup' },
  { caption: 'Отправить новые поручения исполнителям', fn: 'menuNotifyNew' },
  { caption: 'Проверить данные', fn: 'menuCheckData' },
  { caption: 'Запустить ежедневную проверку сейчас', fn: 'menuDailyNow' },
  null,
  {
    caption: 'Отчёт об исполнении',
    items: [
      { caption: 'За прошлую неделю', fn: 'menuReportLastWeek' },
      { caption: 'За прошлый месяц', fn: 'menuReportLastMonth' },
      { caption: 'За квартал', fn: 'menuReportQuarter' },
      { caption: 'За полугодие', fn: 'menuReportHalfYear' },
      { caption: 'За год', fn: 'menuReportYear' },
      { caption: 'Текущее полугодие по сегодня', fn: 'menuReportHalfYearToDate' },
      { caption: 'Текущий год по сегодня', fn: 'menuReportYearToDate' },
      { caption: 'За период…', fn: 'menuReportPeriod' },
    ],
  },
  { caption: 'Отчёт по протоколу…', fn: 'menuReportProtocol' },
  { caption: 'Напомнить об ускорении', fn: 'menuSpeedUp' },
  { caption: 'Отчёт по обращениям', fn: 'menuReportAppeals' },
  { caption: 'Мои поручения', fn: 'menuMyOrders' },
  {
    caption: 'Бережливые проекты',
    items: [
      { caption: 'Квартальный отчёт', fn: 'menuLeanQuarterly' },
      { caption: 'Контроль плана', fn: 'menuPlanControl' },
      { caption: 'Рейтинг самооценки', fn: 'menuRating' },
    ],
  },
  null,
  { caption: 'Включить автоматическую проверку', fn: 'menuEnableTrigger' },
  { caption: 'Выключить автоматическую проверку', fn: 'menuDisableTrigger' },
  { caption: 'Отозвать ссылку…', fn: 'menuRevokeLink' },
  { caption: 'Отозвать все ссылки', fn: 'menuRevokeLinks' },
  null,
  { caption: 'Справка', fn: 'menuHelp' },
];

/** Every global the menu calls (main.ts must export each). */
export function menuFunctions(): string[] {
  const out: string[] = [];
  const walk = (items: readonly (MenuItem | null)[]) => {
    for (const i of items) {
      if (!i) continue;
      if (i.fn) out.push(i.fn);
      if (i.items) walk(i.items);
    }
  };
  walk(MENU);
  return out;
}

/** onOpen: adds the menu. Works in every auth mode (a simple trigger may not read the sheet). */
export function addMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const fill = (menu: GoogleAppsScript.Base.Menu, items: readonly (MenuItem | null)[]) => {
    for (const i of items) {
      if (!i) menu.addSeparator();
      else if (i.items) menu.addSubMenu(fill(ui.createMenu(i.caption), i.items));
      else if (i.fn) menu.addItem(i.caption, i.fn);
    }
    return menu;
  };
  fill(ui.createMenu(MENU_TITLE), MENU).addToUi();
}

/** The first line of an error's message, for people. */
export function errorText(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0].trim() || 'неизвестная ошибка';
}

export function showProgress(ss: Spreadsheet, title: string, message: string): void {
  // -1 keeps the toast until the next one replaces it.
  ss.toast(message, title, -1);
}

/**
 * Runs one menu action: the job returns its summary (shown as a toast) or null when the person
 * cancelled. Any error is shown as a Russian alert and swallowed, so nobody sees a stack trace.
 * First the date self-check (date-check.ts) unless `checkDates` is false (help, the trigger
 * switches: they compute no dates, and turning the trigger off must work even when dates do not).
 */
export function runMenuAction(
  title: string,
  job: (ss: Spreadsheet) => string | null,
  opts: { checkDates?: boolean; adopt?: boolean } = {},
): string {
  let ss: Spreadsheet | null = null;
  try {
    ss = openSpreadsheet({ adopt: opts.adopt });
    if (opts.checkDates !== false) {
      const stop = guardDates(ss, title);
      if (stop) {
        const ui = SpreadsheetApp.getUi();
        ui.alert(title, stop, ui.ButtonSet.OK);
        return stop;
      }
    }
    const summary = job(ss);
    if (summary === null) return '';
    ss.toast(summary, title, 15);
    return summary;
  } catch (err) {
    if (ss) ss.toast('', title, 1);
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      title,
      `Не удалось выполнить действие: ${errorText(err)}\n\nИсправьте причину и повторите. Если ошибка повторяется, сообщите разработчику и приложите этот текст.`,
      ui.ButtonSet.OK,
    );
    return '';
  } finally {
    forgetCheckedZone();
  }
}

/** Asks for one line of text; null when cancelled. An empty answer gives `fallback` (if any). */
export function askText(title: string, prompt: string, fallback?: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const text = fallback ? `${prompt}\n\nОставьте поле пустым, чтобы взять ${fallback}.` : prompt;
  const r = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== ui.Button.OK) return null;
  const answer = r.getResponseText().trim();
  return answer || fallback || '';
}

/** «Today» in the spreadsheet's zone. */
export function todayOf(ss: Spreadsheet): IsoDate {
  return dateInZone(new Date(), ss.getSpreadsheetTimeZone() || 'Europe/Moscow');
}

/** 'YYYY-Qn' of a date. */
export function quarterOf(d: IsoDate): string {
  return `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
}

/** Accepts '2026-Q1', '2026 Q1', '2026-К1', 'Q1 2026', '1 кв. 2026'; null for anything else. */
export function parseQuarterInput(s: string): string | null {
  const t = s.trim().toUpperCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})\s*-?\s*[QК]\s*([1-4])$/.exec(t);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^[QК]?\s*([1-4])\s*(?:-?\s*[QК]|КВ\.?|КВАРТАЛ)?\s*-?\s*(\d{4})(?:\s*Г\.?)?$/.exec(t);
  if (m) return `${m[2]}-Q${m[1]}`;
  return null;
}

/** A four-digit year between 2000 and 2100; null otherwise. */
export function parseYearInput(s: string): string | null {
  const t = s.trim().replace(/\s*(г\.?|год)$/i, '');
  return /^\d{4}$/.test(t) && Number(t) >= 2000 && Number(t) <= 2100 ? t : null;
}

/**
 * A period as people may type it: the report's own codes pass as they are; «01.03.2026–15.03.2026»
 * (any dash or «..» between two ДД.ММ.ГГГГ dates) becomes '2026-03-01..2026-03-15'.
 */
export function normalizePeriodInput(s: string): string {
  const t = s.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:\.\.|[-–—]|по)\s*(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(
    t.replace(/^с\s+/i, ''),
  );
  if (!ru) return t;
  const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return `${iso(ru[1], ru[2], ru[3])}..${iso(ru[4], ru[5], ru[6])}`;
}

const HELP_SECTIONS: readonly [string, string[]][] = [
  [
    'Как устроена работа',
    [
      'Специалист по контролю в течение одного рабочего дня после совещания вносит протокол на лист «Протоколы», а поручения из него — на лист «Поручения»: текст, исполнителя (первого названного в протоколе), соисполнителей и срок. Если срок не указан, он ставится по «Срочности» или по умолчанию из «Настроек».',
      '«Отправить новые поручения исполнителям» рассылает письма сразу; иначе это сделает ежедневная проверка.',
      'Исполнитель меняет «Статус»: Список дел → В процессе 0 → В процессе 50 → В процессе 99 → Готово, и пишет кратко «Ход исполнения». При статусе «Готово» дата исполнения ставится сама.',
      'Если срок не выдержать, исполнитель не позднее чем за 3 рабочих дня до срока заполняет «Запрошенный срок» и «Обоснование переноса». Специалист выбирает «Решение по переносу»: Согласован или Отклонён.',
      'Недоработанное поручение специалист возвращает, ставя статус «На доработке»: такое поручение считается неисполненным.',
    ],
  ],
  [
    'Ежедневная проверка',
    [
      'Включите её пунктом «Включить автоматическую проверку»: проверка работает от имени включившего (письма уходят с его адреса), в таблице она одна — другим сотрудникам покажется, кто её ведёт; выключить её может только он. Каждый рабочий день в час из «Настроек» она проверяет данные, применяет решения по переносам, пересчитывает «Состояние» и просрочку, рассылает уведомления и напоминания (каждое — один раз), переносит исполненные поручения в «Архив» и пишет всё в «Журнал».',
      'Серые столбцы заполняет программа — их не нужно править вручную. Ошибки во вводе перечислены на листе «Проверка данных» с подсказкой, как исправить.',
    ],
  ],
  [
    'Отчёты',
    [
      '«Отчёт об исполнении» — исполнительская дисциплина по исполнителям за неделю, месяц, квартал, год или любой период. Период вводится так: 2026-W10, 2026-03, 2026-Q1, 2026 или 01.03.2026–15.03.2026.',
      '«Отчёт по протоколу» — все поручения одного протокола перед следующим совещанием.',
      '«Бережливые проекты» — квартальный отчёт по форме, контроль плана «Эффективный регион» и рейтинг самооценки.',
    ],
  ],
  [
    'Настройка',
    [
      '«Настроить таблицу» создаёт недостающие листы и столбцы, списки выбора и подсветку. Её можно запускать повторно: заполненные людьми ячейки она не меняет.',
      'Производственный календарь — на листе «Календарь»: добавляйте в него постановление на следующий год, как только оно опубликовано.',
    ],
  ],
];

/** The help text; `status` (who runs the daily check) opens the «Ежедневная проверка» section. */
export function helpHtml(status?: string): string {
  const sections = HELP_SECTIONS.map(([h, ps]): [string, string[]] =>
    status && h === 'Ежедневная проверка' ? [h, [status, ...ps]] : [h, ps],
  );
  const body = sections
    .map(([h, ps]) => `<h3>${escapeHtml(h)}</h3>${ps.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`)
    .join('');
  return `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.45">${body}</div>`;
}

export function showHelp(status?: string): void {
  const out = HtmlService.createHtmlOutput(helpHtml(status)).setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(out, `Справка — ${MENU_TITLE}`);
}
