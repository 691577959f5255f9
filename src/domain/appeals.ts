// Citizens' appeals («Обращения»): their vocabulary and the rules that decide their deadline,
// state, repetition and notices. Sources: Kramatorsk (003) п.113 (one month; 15 days when no further
// study is needed; the term may be extended), п.117 (executors warned 3 working days before the
// term), п.119 (an interim answer does not close an appeal), п.102/п.1048 (a repeated appeal is
// marked «ПОВТОРНО»); federal law 59-ФЗ ст. 12 (30 days); Rostov (001) гл.8 п.2.4.2 (a last day on
// a non-working day moves to the day before), as for orders.
import type { WorkCalendar } from './calendar';
import { addDays, addMonths, formatRu, type IsoDate } from './dates';
import { inReminderWindow, onWorkingDay } from './deadlines';
import { sentLine } from './history';
import type { Settings } from './settings';
import { foldText } from './text';

export const APPEAL_COL = {
  number: '№',
  registered: 'Дата регистрации',
  applicant: 'Заявитель',
  address: 'Адрес',
  channel: 'Канал',
  topic: 'Тема',
  category: 'Категория',
  needsStudy: 'Требует изучения',
  executor: 'Исполнитель',
  deadline: 'Срок',
  extendedTo: 'Продлено до',
  measures: 'Принятые меры',
  answerDate: 'Дата ответа',
  result: 'Результат',
  // system columns
  repeated: 'Повторное',
  state: 'Состояние',
  history: 'История',
} as const;

export const APPEAL_HEADERS: readonly string[] = Object.values(APPEAL_COL);
export const APPEAL_SYSTEM_HEADERS: readonly string[] = [APPEAL_COL.repeated, APPEAL_COL.state, APPEAL_COL.history];

export const APPEAL_CHANNELS: readonly string[] = ['письмо', 'электронное', 'личный приём', 'Добродел', 'телефон'];
export const APPEAL_RESULTS: readonly string[] = ['Разъяснено', 'Поддержано', 'Меры приняты', 'Не поддержано'];

export const APPEAL_STATE = {
  pending: 'На рассмотрении',
  dueSoon: 'Срок наступает',
  overdue: 'Просрочено',
  extended: 'Продлено',
  answeredOnTime: 'Отвечено в срок',
  answeredLate: 'Отвечено с нарушением срока',
} as const;
export type AppealState = (typeof APPEAL_STATE)[keyof typeof APPEAL_STATE];
export const APPEAL_STATES: readonly string[] = Object.values(APPEAL_STATE);

/** One row of «Обращения» as the workbook layer parses it. */
export interface AppealRecord {
  /** Sheet row (1-based; the header is row 1). */
  row: number;
  number: string;
  registered: IsoDate | null;
  applicant: string;
  address: string;
  /** One of APPEAL_CHANNELS or ''. */
  channel: string;
  topic: string;
  category: string;
  /** «Требует изучения»: true (Да), false (Нет), null (blank: the full term applies). */
  needsStudy: boolean | null;
  executor: string;
  deadline: IsoDate | null;
  extendedTo: IsoDate | null;
  measures: string;
  answerDate: IsoDate | null;
  /** One of APPEAL_RESULTS or ''. */
  result: string;
  repeated: boolean;
  /** «Дублирующее»: the sheet row of the first appeal this one joins (appealKinds); null otherwise. */
  duplicateOf: number | null;
  state: AppealState | '';
  history: string;
  /** Headers whose cell could not be understood: no rule relies on or overwrites these. */
  invalid: string[];
}

export type AppealSettings = Pick<
  Settings,
  'appealDays' | 'appealMonths' | 'appealShortDays' | 'appealRemindDays' | 'nonWorkingDeadline'
>;

/**
 * «Срок» of an appeal whose cell is blank: calendar days from registration — the full term
 * («Срок ответа на обращение, дней», 003 п.113 «не більше одного місяця», 59-ФЗ ст. 12 «30 дней»),
 * the shorter one when «Требует изучения» = Нет (003 п.113 «не пізніше п'ятнадцяти днів») — then
 * the non-working-day rule («Срок в нерабочий день», 001 гл.8 п.2.4.2).
 */
export function appealDeadline(
  registered: IsoDate,
  needsStudy: boolean | null,
  s: AppealSettings,
  cal: WorkCalendar,
): IsoDate {
  if (needsStudy !== false && s.appealMonths > 0) return onWorkingDay(addMonths(registered, s.appealMonths), s, cal);
  const days = needsStudy === false ? s.appealShortDays : s.appealDays;
  return onWorkingDay(addDays(registered, days), s, cal);
}

/** How the filled term was counted, for «История»: «30 дн.» or «1 мес.» from registration. */
export function appealTermText(needsStudy: boolean | null, s: AppealSettings): string {
  if (needsStudy !== false && s.appealMonths > 0) return `${s.appealMonths} мес. от регистрации`;
  return `${needsStudy === false ? s.appealShortDays : s.appealDays} дн. от регистрации`;
}

/** The term in force: «Продлено до» when set (003 п.113: an additional term), else «Срок». */
export function appealTerm(a: Pick<AppealRecord, 'deadline' | 'extendedTo'>): IsoDate | null {
  return a.extendedTo ?? a.deadline;
}

/** The day the answer is due: the term in force, or the working day before it when it is a day off. */
export function appealDue(
  a: Pick<AppealRecord, 'deadline' | 'extendedTo'>,
  s: Pick<Settings, 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): IsoDate | null {
  const t = appealTerm(a);
  return t ? onWorkingDay(t, s, cal) : null;
}

/** True when the appeal was still open at the end of `day`: no «Дата ответа» by then (003 п.119). */
export function openOn(a: Pick<AppealRecord, 'answerDate' | 'registered'>, day: IsoDate): boolean {
  if (a.registered && a.registered > day) return false;
  return !a.answerDate || a.answerDate > day;
}

/**
 * «Состояние» on `today`. Only «Дата ответа» closes an appeal: «Принятые меры» alone is an interim
 * answer and the appeal stays under control (003 п.119). Open: «Просрочено» after the due day;
 * «Срок наступает» inside the reminder window (003 п.117: 3 working days); «Продлено» while an
 * extension is in force (003 п.113); otherwise «На рассмотрении». '' when there is no term.
 */
export function appealState(
  a: Pick<AppealRecord, 'deadline' | 'extendedTo' | 'answerDate'>,
  today: IsoDate,
  s: AppealSettings,
  cal: WorkCalendar,
): AppealState | '' {
  const due = appealDue(a, s, cal);
  if (!due) return '';
  if (a.answerDate) return a.answerDate <= due ? APPEAL_STATE.answeredOnTime : APPEAL_STATE.answeredLate;
  if (today > due) return APPEAL_STATE.overdue;
  if (inReminderWindow(today, due, s.appealRemindDays, cal)) return APPEAL_STATE.dueSoon;
  if (a.extendedTo) return APPEAL_STATE.extended;
  return APPEAL_STATE.pending;
}

/** What an appeal is against the earlier ones of its applicant on its question (003 п.99, п.102). */
export interface AppealKind {
  /** «Повторное»: an earlier appeal of the same person on the same question was answered. */
  repeated: boolean;
  /** «Дублирующее»: sent again before the earlier one was answered; the row of that first appeal. */
  duplicateOf: number | null;
}

/**
 * «Повторное» / «Дублирующее» for each appeal (same order as given). The same question is the same
 * applicant and «Категория», text-folded. 003 п.99: «повторні — … з тих питань, які вже … розглянуті
 * по суті»: a repeat follows an answer; п.102: «Перед реєстрацією листи перевіряються на
 * повторність». An appeal that arrives while an earlier one on the same question is still
 * unanswered (no «Дата ответа» before its registration day) is the same appeal sent again: it is
 * «Дублирующее» and joins the first open one (its term and answer are the first's). Appeals are
 * taken in registration order (same day: sheet order); a duplicate is never a first. Without
 * applicant, category or registration date an appeal is neither.
 */
export function appealKinds(
  appeals: readonly Pick<AppealRecord, 'applicant' | 'category' | 'registered' | 'row' | 'answerDate'>[],
): AppealKind[] {
  const keyOf = (a: Pick<AppealRecord, 'applicant' | 'category'>) =>
    a.applicant.trim() && a.category.trim() ? `${foldText(a.applicant)}\u0000${foldText(a.category)}` : '';
  const out: AppealKind[] = appeals.map(() => ({ repeated: false, duplicateOf: null }));
  const order = appeals
    .map((a, i) => ({ a, i, k: keyOf(a) }))
    .filter((x) => x.k && x.a.registered)
    .sort((x, y) =>
      (x.a.registered as string) < (y.a.registered as string)
        ? -1
        : x.a.registered === y.a.registered
          ? x.a.row - y.a.row
          : 1,
    );
  const firsts = new Map<string, { row: number; answer: IsoDate | null }[]>();
  for (const { a, i, k } of order) {
    const day = a.registered as IsoDate;
    const earlier = firsts.get(k) ?? [];
    const open = earlier.find((e) => !e.answer || e.answer >= day);
    if (open) out[i] = { repeated: false, duplicateOf: open.row };
    else {
      out[i] = { repeated: earlier.length > 0, duplicateOf: null };
      earlier.push({ row: a.row, answer: a.answerDate });
      firsts.set(k, earlier);
    }
  }
  return out;
}

/** «Повторное» only (kept for callers that need the flag): see appealKinds. */
export function repeatedFlags(
  appeals: readonly Pick<AppealRecord, 'applicant' | 'category' | 'registered' | 'row' | 'answerDate'>[],
): boolean[] {
  return appealKinds(appeals).map((k) => k.repeated);
}

/** The text of «Повторное»: «Да», «Дублирующее (к № …)» or ''. */
export function repeatedCell(a: Pick<AppealRecord, 'repeated' | 'duplicateOf'>, first?: AppealRecord): string {
  if (a.duplicateOf !== null)
    return `${APPEAL_DUPLICATE} (к ${first?.number ? `№ ${first.number}` : `строке ${a.duplicateOf}`})`;
  return a.repeated ? 'Да' : '';
}

export const APPEAL_DUPLICATE = 'Дублирующее';

/**
 * A duplicate joins the first appeal (003 п.99): its term and its answer are the first's, so its
 * «Состояние» is the first's and it raises no notices of its own. The fields a duplicate takes over.
 */
export function joinedToFirst(
  dup: AppealRecord,
  first: AppealRecord,
): Pick<AppealRecord, 'deadline' | 'extendedTo' | 'answerDate'> {
  return {
    deadline: appealTerm(first) ?? dup.deadline,
    extendedTo: null,
    answerDate: dup.answerDate ?? first.answerDate,
  };
}

/** «История» line of a duplicate (written once). */
export function duplicatePhrase(first: AppealRecord): string {
  const term = appealTerm(first);
  return `${APPEAL_PHRASE.duplicate} № ${first.number || `строки ${first.row}`}${term ? ` (срок ответа — ${formatRu(term)})` : ''}`;
}

export type AppealNoticeKind = 'remind' | 'overdue';

export const appealKey = {
  remind: (n: string, term: IsoDate) => `appeal-remind:${n}:${term}`,
  overdue: (n: string, term: IsoDate) => `appeal-overdue:${n}:${term}`,
  emergency: (day: IsoDate, category: string) => `appeal-emergency:${day}:${foldText(category)}`,
};

/** A key of appealKey.remind/overdue taken apart; null for other keys. */
export function parseAppealKey(key: string): { kind: AppealNoticeKind; number: string; term: IsoDate } | null {
  const m = /^appeal-(remind|overdue):(.+):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? { kind: m[1] as AppealNoticeKind, number: m[2], term: m[3] } : null;
}

export interface AppealNotice {
  kind: AppealNoticeKind;
  appeal: AppealRecord;
  key: string;
  due: IsoDate;
}

/**
 * Notices due today for one open appeal, not yet sent (keys in «Журнал»): a reminder from
 * «Напоминать об обращении за, рабочих дней» working days before the due day (003 п.117), once per
 * term; «срок истёк» on the first run after it, once per term. A postponement («Продлено до») is a
 * new term: its reminder and its overdue notice are new. None without №, executor or term.
 */
export function appealNotices(
  a: AppealRecord,
  today: IsoDate,
  s: AppealSettings,
  cal: WorkCalendar,
  sent: (key: string) => boolean,
): AppealNotice[] {
  const term = appealTerm(a);
  if (!a.number || a.invalid.includes(APPEAL_COL.number) || !a.executor || a.invalid.includes(APPEAL_COL.executor))
    return [];
  if (!term || a.answerDate || a.duplicateOf !== null) return [];
  const due = onWorkingDay(term, s, cal);
  const out: AppealNotice[] = [];
  if (today > due) {
    const key = appealKey.overdue(a.number, term);
    if (!sent(key)) out.push({ kind: 'overdue', appeal: a, key, due });
  } else if (inReminderWindow(today, due, s.appealRemindDays, cal)) {
    const key = appealKey.remind(a.number, term);
    if (!sent(key)) out.push({ kind: 'remind', appeal: a, key, due });
  }
  return out;
}

/** «История» phrases of appeals (one line per event, as for orders). */
export const APPEAL_PHRASE = {
  remind: 'напоминание о сроке ответа отправлено',
  overdue: 'уведомление о просрочке ответа отправлено',
  filled: 'срок ответа заполнен',
  extended: 'срок продлён до',
  answered: 'дан ответ',
  duplicate: 'дублирующее: присоединено к обращению',
} as const;

/** «История» line of an appeal notice, built the same way after a send and when rebuilt from «Журнал». */
export function appealNoticeLine(
  day: IsoDate,
  kind: AppealNoticeKind,
  name: string,
  email: string,
  onBehalfOf?: string,
): string {
  return sentLine(day, APPEAL_PHRASE[kind], name, email, onBehalfOf);
}
