// Citizens' appeals on «Мои поручения»: the person's open appeals (as executor, or substitute of an
// absent colleague), soonest due first, with two actions — «Принятые меры» and «Дата ответа». Only
// «Дата ответа» closes an appeal (003 п.119: an interim answer does not); the same checks as the
// sheet's «Проверка данных» refuse an answer date in the future or before registration.
import { APPEAL_COL, type AppealRecord, type AppealSettings, appealDue, appealState, appealTerm } from './appeals';
import type { WorkCalendar } from './calendar';
import { formatRu, type IsoDate } from './dates';
import { leftText } from './my-orders';
import { parseTypedDate } from './page-date';
import { compareRu } from './ru-order';

export const MAX_MEASURES = 2000;

export interface AppealItem {
  number: string;
  topic: string;
  applicant: string;
  address: string;
  category: string;
  /** The term in force and the day it is due, ДД.ММ.ГГГГ. */
  term: string;
  due: string;
  extended: boolean;
  state: string;
  left: string;
  overdue: boolean;
  measures: string;
  onBehalfOf: string;
  version: string;
}

export interface AppealAction {
  kind: 'appeal';
  number: string;
  version: string;
  measures?: string;
  answerDate?: string;
}

export interface AppealPageEnv {
  today: IsoDate;
  settings: AppealSettings;
  calendar: WorkCalendar;
}

/** One open appeal as the page shows it; null when answered or without a term. */
export function appealItem(a: AppealRecord, version: string, env: AppealPageEnv, onBehalfOf = ''): AppealItem | null {
  const term = appealTerm(a);
  const due = appealDue(a, env.settings, env.calendar);
  // A duplicate joins its first appeal (003 п.99): the executor answers the first.
  if (!term || !due || a.answerDate || a.duplicateOf !== null) return null;
  return {
    number: a.number,
    topic: a.topic,
    applicant: a.applicant,
    address: a.address,
    category: a.category,
    term: formatRu(term),
    due: formatRu(due),
    extended: !!a.extendedTo,
    state: appealState(a, env.today, env.settings, env.calendar),
    ...leftText(env.today, due, env.calendar),
    measures: a.measures,
    onBehalfOf,
    version,
  };
}

export function byAppealDue(a: AppealItem, b: AppealItem): number {
  const k = (x: AppealItem) => x.due.split('.').reverse().join('-');
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : compareRu(a.number, b.number);
}

export interface AppealChange {
  /** New «Принятые меры» (the whole text), when changed. */
  measures?: string;
  answerDate?: IsoDate;
}

/** What an action changes, or why it is refused (Russian). */
export function appealChange(
  a: AppealAction,
  r: Pick<AppealRecord, 'measures' | 'registered' | 'answerDate' | 'invalid'>,
  today: IsoDate,
): { change: AppealChange } | { error: string } {
  const measures = String(a.measures ?? '').trim();
  const rawDate = String(a.answerDate ?? '').trim();
  if (measures.length > MAX_MEASURES) return { error: `«Принятые меры» длиннее ${MAX_MEASURES} знаков.` };
  const change: AppealChange = {};
  if (measures && measures !== r.measures.trim()) change.measures = measures;
  if (rawDate) {
    const p = parseTypedDate(rawDate);
    if ('error' in p)
      return { error: p.error.replace(/^Не удалось прочитать дату/, 'Не удалось прочитать дату ответа') };
    const t = p.iso;
    if (t > today) return { error: 'Дата ответа не может быть позже сегодняшнего дня.' };
    if (r.registered && t < r.registered)
      return { error: `Дата ответа раньше даты регистрации (${formatRu(r.registered)}).` };
    if (!measures && !r.measures.trim()) return { error: 'Опишите принятые меры: без них ответ не записывается.' };
    change.answerDate = t;
  }
  if (r.invalid.includes(APPEAL_COL.measures) && !change.measures && change.answerDate)
    return { error: 'Опишите принятые меры: без них ответ не записывается.' };
  if (!change.measures && !change.answerDate)
    return { error: 'Ничего не изменено: впишите принятые меры или дату ответа.' };
  return { change };
}
