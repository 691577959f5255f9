import { foldText } from './text';
import { REMOVAL_MODE } from './vocabulary';
// «Настройки»: two columns «Параметр» | «Значение». Defaults and meanings from the spec's table;
// numbers in working days come from the seeds (000 п.10 «за сутки», п.11 «за 3 рабочих дня»,
// п.14 «5 рабочих дней», п.7 «в течение одного рабочего дня»; 003 «щопонеділка»; 001 7.2.2.18–20).
export interface Settings {
  organization: string;
  timeZone: string;
  controllerEmail: string;
  summaryRecipients: string[];
  mailEnabled: boolean;
  dailyHour: number;
  remindDays: number;
  extensionCutoffDays: number;
  keepDoneDays: number;
  entryDays: number;
  weeklyReportWeekday: number; // ISO 1 = понедельник … 7
  nonWorkingDeadline: 'previous' | 'keep';
  urgentDays: number;
  operativeDays: number;
  defaultTerm: { unit: 'month' | 'day' | 'workday'; n: number };
  /** Citizens' appeals (003 п.113, п.117; 59-ФЗ ст. 12). */
  appealDays: number;
  /**
   * «Срок ответа на обращение» written in months («1 месяц», 003 п.113 «не більше одного місяця»):
   * the term is that many calendar months from registration; 0 when it is given in days.
   */
  appealMonths: number;
  appealShortDays: number;
  appealRemindDays: number;
  /**
   * «Снятие с контроля»: 'executor' — «Готово» closes the order (000 п.13–14); 'giver' — it stays
   * under control until «Снято» (001 гл.7 п.2.4.15; 003 п.199).
   */
  removalMode: 'executor' | 'giver';
  /** Days a personal link to «Мои поручения» stays valid. */
  linkDays: number;
  // Control between the dates (spec Round 3).
  /** «Напоминание об ускорении, дней»: execution expected within this many days of the reminder (001 гл.7 п.2.4.8). */
  speedUpDays: number;
  /** «Эскалация руководителю через, рабочих дней» (004 п.4.1.4, 4.2.1). */
  escalationDays: number;
  /** «План мероприятий — для поручений дольше, дней» (001 гл.6 п.2.2.16: более 30 календарных дней). */
  planLongerDays: number;
  /** «Объяснение нарушения срока — в течение, рабочих дней» (001 гл.8 п.2.3.2; 003 п.193). */
  lateReasonDays: number;
  /** «Соисполнителям — за, рабочих дней до срока» (003 п.80, 111, 133: за чотири робочих дні). */
  coExecutorDays: number;
  /** Days a link lets the controller decide from the page (issue 19: a leaked old link decides nothing). */
  controllerLinkDays: number;
  /** Actions one address may take on the page in an hour (issue 19: bounded growth). */
  pageActionsPerHour: number;
}

export const SETTING = {
  organization: 'Организация',
  timeZone: 'Часовой пояс',
  controllerEmail: 'Эл. почта контролёра',
  summaryRecipients: 'Получатели сводки',
  mailEnabled: 'Рассылка включена',
  dailyHour: 'Час ежедневной проверки',
  remindDays: 'Напоминать за, рабочих дней',
  extensionCutoffDays: 'Запрос переноса не позднее, рабочих дней',
  keepDoneDays: 'Хранить в «Готово», рабочих дней',
  entryDays: 'Ввод поручений после совещания, рабочих дней',
  weeklyReportDay: 'День еженедельного отчёта',
  nonWorkingDeadline: 'Срок в нерабочий день',
  urgentDays: 'Срок «срочно», дней',
  operativeDays: 'Срок «оперативно», дней',
  defaultTerm: 'Срок по умолчанию',
  appealDays: 'Срок ответа на обращение, дней',
  appealShortDays: 'Срок ответа без дополнительного изучения, дней',
  appealRemindDays: 'Напоминать об обращении за, рабочих дней',
  removalMode: 'Снятие с контроля',
  linkDays: 'Срок действия ссылок, дней',
  speedUpDays: 'Напоминание об ускорении, дней',
  escalationDays: 'Эскалация руководителю через, рабочих дней',
  planLongerDays: 'План мероприятий — для поручений дольше, дней',
  lateReasonDays: 'Объяснение нарушения срока — в течение, рабочих дней',
  coExecutorDays: 'Соисполнителям — за, рабочих дней до срока',
  controllerLinkDays: 'Срок действия ссылок контролёра, дней',
  pageActionsPerHour: 'Действий на странице в час',
} as const;

export const WEEKDAYS_RU = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

/** The seeded rows of «Настройки» in order: [Параметр, Значение, Пояснение]. */
export function defaultSettingsRows(timeZone: string): [string, string | number, string][] {
  return [
    [SETTING.organization, '', 'Название администрации: в отчётах и письмах'],
    [SETTING.timeZone, timeZone, 'Часовой пояс (IANA). В Google Таблицах действует пояс самой таблицы'],
    [SETTING.controllerEmail, '', 'Специалист по контролю: запросы переноса и ежедневный список проблем'],
    [SETTING.summaryRecipients, '', 'Глава и заместители через запятую: еженедельная и ежемесячная сводка'],
    [SETTING.mailEnabled, 'Да', '«Нет» останавливает все письма (отчёты формируются)'],
    [SETTING.dailyHour, 8, 'Час ежедневной проверки (0–23) в поясе таблицы'],
    [
      SETTING.remindDays,
      1,
      'За сколько рабочих дней до срока исполнитель получает напоминание. По умолчанию 1 — «за сутки» из порядка Кыштыма (п.10): напоминание в предыдущий рабочий день',
    ],
    [
      SETTING.extensionCutoffDays,
      3,
      'Исполнитель просит перенести срок не позже чем за столько рабочих дней до срока; более поздний запрос принимается, но отмечается. По умолчанию 3 — порядок Кыштыма, п.11',
    ],
    [
      SETTING.keepDoneDays,
      5,
      'Сколько рабочих дней исполненное поручение остаётся на листе «Поручения», прежде чем уйти в «Архив» (в режиме «решением давшего поручение» — считая от «Снято»). По умолчанию 5 — порядок Кыштыма, п.14',
    ],
    [
      SETTING.entryDays,
      1,
      'За сколько рабочих дней после совещания его поручения должны быть внесены в таблицу (по столбцу «Внесено»); позже — строка в «Проверке данных». По умолчанию 1 — порядок Кыштыма, п.7',
    ],
    [SETTING.weeklyReportDay, 'понедельник', 'День еженедельного отчёта (Краматорск: каждый понедельник)'],
    [
      SETTING.nonWorkingDeadline,
      'предыдущий рабочий',
      'Если срок выпал на выходной или праздник: «предыдущий рабочий» — исполнить в рабочий день перед ним (так по умолчанию: регламент Ростова-на-Дону, гл.8 п.2.4.2); «без переноса» — срок остаётся как записан. Действует и в «Состоянии», и в отчётах',
    ],
    [SETTING.urgentDays, 3, 'Срок для «Срочно», дней от даты протокола (Ростов, 7.2.2.18)'],
    [SETTING.operativeDays, 10, 'Срок для «Оперативно», дней от даты протокола'],
    [SETTING.defaultTerm, '1 месяц', 'Срок без даты и срочности (Ростов, 7.2.2.20; Краматорск: 30 дней)'],
    [
      SETTING.removalMode,
      REMOVAL_MODE.executor,
      '«по отметке исполнителя»: статус «Готово» закрывает поручение (так по умолчанию, как в регламенте Кыштыма, п.13–14). «решением давшего поручение»: после «Готово» поручение ждёт, пока контролёр не отметит в столбце «Снятие с контроля» решение того, кто дал поручение: «Снято» закрывает его, «Не снято» возвращает на доработку (Ростов, гл.7 п.2.4.15; Краматорск, п.199)',
    ],
    [
      SETTING.appealDays,
      30,
      'Календарных дней от регистрации обращения до ответа (59-ФЗ ст. 12) или «1 месяц» (Краматорск, п.113: не более одного месяца)',
    ],
    [SETTING.appealShortDays, 15, 'Для обращения с «Требует изучения» = Нет (Краматорск, п.113: не позднее 15 дней)'],
    [SETTING.appealRemindDays, 3, 'Напоминание до срока ответа на обращение (Краматорск, п.117: за 3 рабочих дня)'],
    [SETTING.linkDays, 45, 'Сколько дней открывает «Мои поручения» личная ссылка из письма'],
    [
      SETTING.speedUpDays,
      10,
      '«Напомнить об ускорении»: исполнитель получает письмо и должен исполнить поручение не более чем за столько дней (Ростов, гл.7 п.2.4.7–2.4.8); в отчётах поручение остаётся просроченным',
    ],
    [
      SETTING.escalationDays,
      3,
      'Поручение, просроченное на столько рабочих дней, один раз направляется руководителю подразделения исполнителя (лист «Подразделения»; Одинцово, п.4.1.4, 4.2.1)',
    ],
    [
      SETTING.planLongerDays,
      30,
      'Поручению со сроком длиннее стольких календарных дней нужен план мероприятий (лист «Планы мероприятий») в течение 5 рабочих дней после внесения (Ростов, гл.6 п.2.2.16)',
    ],
    [
      SETTING.lateReasonDays,
      2,
      'Исполнено позже срока: причину («Причина нарушения срока») нужно указать в течение стольких рабочих дней после «Дата исполнения» (Ростов, гл.8 п.2.3.2; Краматорск, п.193)',
    ],
    [
      SETTING.coExecutorDays,
      4,
      'Соисполнители передают свою часть ответственному исполнителю за столько рабочих дней до срока («Срок соисполнителям»; Краматорск, п.80, 111, 133)',
    ],
    [
      SETTING.controllerLinkDays,
      7,
      'Решения контролёра на странице (переносы, снятие с контроля) принимаются только по ссылке не старше стольких дней; по более старой — «попросите новую ссылку». Пункт меню «Мои поручения» работает всегда',
    ],
    [
      SETTING.pageActionsPerHour,
      60,
      'Сколько изменений в час один адрес может сделать на странице «Мои поручения»; дальше страница просит подождать',
    ],
  ];
}

export interface SettingsIssue {
  param: string;
  value: string;
  message: string;
  fix: string;
}

const norm = foldText;

/**
 * Parses «Параметр» → «Значение» pairs. Unknown parameters are ignored; a bad value keeps the
 * default and is reported.
 */
export function parseSettings(
  pairs: readonly (readonly [string, unknown])[],
  fallbackZone: string,
): { settings: Settings; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const byKey = new Map<string, unknown>();
  for (const [k, v] of pairs) if (k) byKey.set(norm(k), v);
  const raw = (name: string): string => {
    const v = byKey.get(norm(name));
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const bad = (param: string, value: string, message: string, fix: string) =>
    issues.push({ param, value, message, fix });

  const int = (name: string, def: number, min: number, max: number): number => {
    const r = raw(name);
    if (r === '') return def;
    const n = Number(r.replace(',', '.'));
    if (!Number.isInteger(n) || n < min || n > max) {
      bad(name, r, `Значение должно быть целым числом от ${min} до ${max}.`, `Укажите число, например ${def}.`);
      return def;
    }
    return n;
  };

  const yesNo = (name: string, def: boolean): boolean => {
    const r = norm(raw(name));
    if (r === '') return def;
    if (['да', 'yes', 'true', 'истина', '1'].includes(r)) return true;
    if (['нет', 'no', 'false', 'ложь', '0'].includes(r)) return false;
    bad(name, raw(name), 'Ожидается «Да» или «Нет».', 'Выберите «Да» или «Нет».');
    return def;
  };

  const emails = (name: string): string[] =>
    raw(name)
      .split(/[,;]+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .filter((e) => {
        if (isEmail(e)) return true;
        bad(name, e, `«${e}» не похож на адрес электронной почты.`, 'Исправьте адрес (пример: ivanov@admin.ru).');
        return false;
      });

  let tz = raw(SETTING.timeZone) || fallbackZone;
  if (!isValidZone(tz)) {
    bad(SETTING.timeZone, tz, 'Неизвестный часовой пояс.', 'Укажите пояс IANA, например Europe/Moscow.');
    tz = fallbackZone;
  }

  const controller = emails(SETTING.controllerEmail);
  const weekdayRaw = norm(raw(SETTING.weeklyReportDay));
  let weekday = 1;
  if (weekdayRaw) {
    const i = WEEKDAYS_RU.findIndex((w) => w === weekdayRaw || w.slice(0, 2) === weekdayRaw.slice(0, 2));
    if (i < 0)
      bad(
        SETTING.weeklyReportDay,
        raw(SETTING.weeklyReportDay),
        'Неизвестный день недели.',
        'Напишите, например, «понедельник».',
      );
    else weekday = i + 1;
  }

  const nwRaw = norm(raw(SETTING.nonWorkingDeadline));
  let nonWorking: Settings['nonWorkingDeadline'] = 'previous';
  if (nwRaw.startsWith('без')) nonWorking = 'keep';
  else if (nwRaw && !nwRaw.startsWith('предыдущ'))
    bad(
      SETTING.nonWorkingDeadline,
      raw(SETTING.nonWorkingDeadline),
      'Ожидается «предыдущий рабочий» или «без переноса».',
      'Выберите одно из двух значений.',
    );

  const termRaw = norm(raw(SETTING.defaultTerm));
  let term: Settings['defaultTerm'] = { unit: 'month', n: 1 };
  if (termRaw) {
    const m = /^(\d+)\s*(.*)$/.exec(termRaw);
    const unit = m ? m[2] : '';
    if (m && /^мес/.test(unit)) term = { unit: 'month', n: Number(m[1]) };
    else if (m && /^раб/.test(unit)) term = { unit: 'workday', n: Number(m[1]) };
    else if (m && (/^д(ень|ня|ней)/.test(unit) || unit === '' || /^календ/.test(unit)))
      term = { unit: 'day', n: Number(m[1]) };
    else
      bad(
        SETTING.defaultTerm,
        raw(SETTING.defaultTerm),
        'Не понят срок по умолчанию.',
        'Напишите, например, «1 месяц», «30 дней» или «10 рабочих дней».',
      );
  }

  // «Срок ответа на обращение»: a number of days, or «1 месяц» (003 п.113: «не більше одного місяця»).
  function appealTerm(): { appealDays: number; appealMonths: number } {
    const r = norm(raw(SETTING.appealDays));
    const m = /^(\d+)\s*(.*)$/.exec(r);
    const unit = m ? m[2].replace(/\.$/, '') : '';
    const n = m ? Number(m[1]) : Number.NaN;
    if (m && /^мес/.test(unit) && n >= 1 && n <= 12) return { appealDays: 30 * n, appealMonths: n };
    if (m && (unit === '' || /^(д(ень|ня|ней|н)?|календ)/.test(unit)) && n >= 1 && n <= 365)
      return { appealDays: n, appealMonths: 0 };
    if (r)
      bad(
        SETTING.appealDays,
        raw(SETTING.appealDays),
        'Не понят срок ответа на обращение.',
        'Укажите число дней от 1 до 365 (например, 30) или «1 месяц».',
      );
    return { appealDays: 30, appealMonths: 0 };
  }

  const removalRaw = norm(raw(SETTING.removalMode));
  let removalMode: Settings['removalMode'] = 'executor';
  if (removalRaw.startsWith('решен') || removalRaw.startsWith('давш')) removalMode = 'giver';
  else if (removalRaw && !removalRaw.startsWith('по отметке') && !removalRaw.startsWith('исполнит'))
    bad(
      SETTING.removalMode,
      raw(SETTING.removalMode),
      `Ожидается «${REMOVAL_MODE.executor}» или «${REMOVAL_MODE.giver}».`,
      'Выберите одно из двух значений.',
    );

  return {
    settings: {
      organization: raw(SETTING.organization),
      timeZone: tz,
      controllerEmail: controller[0] ?? '',
      summaryRecipients: emails(SETTING.summaryRecipients),
      mailEnabled: yesNo(SETTING.mailEnabled, true),
      dailyHour: int(SETTING.dailyHour, 8, 0, 23),
      remindDays: int(SETTING.remindDays, 1, 0, 30),
      extensionCutoffDays: int(SETTING.extensionCutoffDays, 3, 0, 30),
      keepDoneDays: int(SETTING.keepDoneDays, 5, 0, 60),
      entryDays: int(SETTING.entryDays, 1, 0, 30),
      weeklyReportWeekday: weekday,
      nonWorkingDeadline: nonWorking,
      urgentDays: int(SETTING.urgentDays, 3, 0, 365),
      operativeDays: int(SETTING.operativeDays, 10, 0, 365),
      defaultTerm: term,
      ...appealTerm(),
      appealShortDays: int(SETTING.appealShortDays, 15, 1, 365),
      appealRemindDays: int(SETTING.appealRemindDays, 3, 0, 30),
      removalMode,
      linkDays: int(SETTING.linkDays, 45, 1, 366),
      speedUpDays: int(SETTING.speedUpDays, 10, 1, 365),
      escalationDays: int(SETTING.escalationDays, 3, 1, 60),
      planLongerDays: int(SETTING.planLongerDays, 30, 1, 3650),
      lateReasonDays: int(SETTING.lateReasonDays, 2, 0, 60),
      coExecutorDays: int(SETTING.coExecutorDays, 4, 0, 60),
      controllerLinkDays: int(SETTING.controllerLinkDays, 7, 1, 366),
      pageActionsPerHour: int(SETTING.pageActionsPerHour, 60, 1, 10_000),
    },
    issues,
  };
}

export function isEmail(s: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(s);
}

export function isValidZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
