// «Мои поручения» as plain data (spec «Мои поручения»): which orders a person sees, in what order,
// with what the page shows for each, and what a page action asks of the sheet. The page renders
// `PageData.lists` by name, so another list (e.g. appeals) is one more key and one more renderer.
// Pure: the workbook layer (src/jobs/my-orders.ts) reads the rows and writes the cells.

import type { AppealAction, AppealItem } from './appeals-page';
import type { WorkCalendar } from './calendar';
import type { ControlAction, ControlItem, SearchAction, SpeedUpAction } from './control-page';
import { formatRu, type IsoDate } from './dates';
import { dueDate, extensionCutoff, isLateRequest } from './deadlines';
import { type Executor, normName, type OrderRecord, type Protocol } from './order';
import { orderState } from './order-state';
import { type BetweenDates, betweenDates, coNotesItem } from './page-between';
import { lateReasonProblem, MAX_NOTE, parseTypedDate, requestProblem } from './page-date';
import { type DoneItem, type OrderDetails, orderDetails } from './page-details';
import { type Rights, rightsOf } from './rights';

export { MAX_NOTE };

import { compareRu } from './ru-order';
import type { Settings } from './settings';
import { isAbsent } from './substitutes';

/** Statuses an executor may set from the page (spec: Список дел, В процессе 0/50/99, Готово). */
export const PAGE_STATUSES = ['Список дел', 'В процессе 0', 'В процессе 50', 'В процессе 99', 'Готово'] as const;
export const PAGE_DECISIONS = ['Согласован', 'Отклонён'] as const;
/** «Снятие с контроля» (the «решением давшего поручение» mode): the decision of the one who gave the order. */
export const PAGE_REMOVALS = ['Снято', 'Не снято'] as const;

export type Role = 'executor' | 'coexecutor' | 'substitute';

/** An open order of the person; with its protocol, co-executors and last «История» lines (page-details.ts). */
export interface OrderItem extends OrderDetails {
  /** Control between the dates (domain/page-between.ts): the occurrence, interim and co-executors' dates, the late reason. */
  between?: BetweenDates;
  number: string;
  text: string;
  /** «Срок» and the day it is due (after the non-working-day rule), ДД.ММ.ГГГГ. */
  deadline: string;
  due: string;
  state: string;
  /** «осталось 3 раб. дн.», «срок сегодня», «просрочено на 2 раб. дн.». */
  left: string;
  overdue: boolean;
  status: string;
  lastNote: string;
  /** Last day an extension may be asked without being late, ДД.ММ.ГГГГ. */
  cutoff: string;
  cutoffPassed: boolean;
  /** A request waiting for the controller: «ДД.ММ.ГГГГ» and its reason. */
  pendingRequest: { date: string; reason: string } | null;
  role: Role;
  /** For a co-executor: the responsible executor; for a substitute: the absent person. */
  responsible: string;
  onBehalfOf: string;
  /** What the person may change here (domain/rights.ts: 003 п.80, 111, 133); the page shows only that. */
  may: Rights;
  version: string;
}

export interface ExtensionItem {
  number: string;
  text: string;
  executor: string;
  deadline: string;
  requestedDate: string;
  reason: string;
  /** The request came after the cut-off (000 п.11). */
  late: boolean;
  /** Who decides by default: the protocol's «Председатель» (001 7.2.4.2). */
  decidedBy: string;
  version: string;
}

/** An order marked «Готово» that waits for the decision of the one who gave it (001 гл.7 п.2.4.15). */
export interface RemovalItem {
  number: string;
  text: string;
  executor: string;
  deadline: string;
  doneDate: string;
  lastNote: string;
  version: string;
}

export interface PageData {
  email: string;
  name: string;
  organization: string;
  today: string;
  isController: boolean;
  /** Each list is rendered by the page's renderer of the same name. */
  lists: {
    orders: OrderItem[];
    extensions: ExtensionItem[];
    /** Only in the «решением давшего поручение» mode. */
    removals: RemovalItem[];
    /** Citizens' appeals of the person (src/domain/appeals-page.ts). */
    appeals: AppealItem[];
    /** The person's orders done in the last 30 days (page-details.ts), newest first. */
    done?: DoneItem[];
    /** The controller's: everyone's overdue orders, most overdue first (control-page.ts). */
    overdue?: ControlItem[];
    /** The controller's: what the last search found. */
    found?: ControlItem[];
  };
  /** The controller's: every executor's name, for the filter. */
  executorNames?: string[];
  /** The controller's last search and how many orders matched it. */
  search?: { query: string; executor: string; total: number };
  removalMode: 'executor' | 'giver';
  /**
   * Shown once when the page opens: the controller's list was cut to its first rows (a page costs
   * what it shows: jobs/my-orders-book.ts CONTROLLER_LIST_MAX); absent otherwise.
   */
  notice?: string;
}

export interface PageEnv {
  today: IsoDate;
  settings: Pick<
    Settings,
    | 'remindDays'
    | 'nonWorkingDeadline'
    | 'extensionCutoffDays'
    | 'controllerEmail'
    | 'organization'
    | 'removalMode'
    | 'controllerLinkDays'
    | 'pageActionsPerHour'
    | 'appealDays'
    | 'appealMonths'
    | 'appealShortDays'
    | 'appealRemindDays'
    | 'speedUpDays'
    | 'mailEnabled'
  >;
  calendar: WorkCalendar;
}

/** The names a person goes by: every «Исполнители» row with their address. */
export function namesOf(email: string, executors: readonly Executor[]): Executor[] {
  const e = email.trim().toLowerCase();
  return executors.filter((x) => x.email.trim().toLowerCase() === e);
}

/** The person's role for an order, or null when it is not theirs to see. */
export function roleFor(
  o: Pick<OrderRecord, 'executor' | 'coExecutors'>,
  mine: ReadonlySet<string>,
  absentFor: ReadonlyMap<string, string>,
): { role: Role; responsible: string; onBehalfOf: string } | null {
  if (mine.has(normName(o.executor))) return { role: 'executor', responsible: '', onBehalfOf: '' };
  const co = o.coExecutors.find((c) => mine.has(normName(c)));
  if (co) return { role: 'coexecutor', responsible: o.executor, onBehalfOf: '' };
  for (const name of [o.executor, ...o.coExecutors]) {
    const absent = absentFor.get(normName(name));
    if (absent) return { role: 'substitute', responsible: o.executor, onBehalfOf: absent };
  }
  return null;
}

/** Absent colleagues the person stands in for today: normName → ФИО. */
export function absentColleagues(mine: ReadonlySet<string>, executors: readonly Executor[], today: IsoDate) {
  const out = new Map<string, string>();
  for (const e of executors)
    if (e.substitute && mine.has(normName(e.substitute)) && isAbsent(e, today) && !mine.has(normName(e.name)))
      out.set(normName(e.name), e.name);
  return out;
}

/** «осталось N раб. дн.», «срок сегодня», «просрочено на N раб. дн.» (orders and appeals alike). */
export function leftText(today: IsoDate, due: IsoDate, cal: WorkCalendar): { left: string; overdue: boolean } {
  if (today === due) return { left: 'срок сегодня', overdue: false };
  if (today > due) return { left: `просрочено на ${cal.workingDaysBetween(due, today)} раб. дн.`, overdue: true };
  return { left: `осталось ${cal.workingDaysBetween(today, due)} раб. дн.`, overdue: false };
}

function lastLine(s: string): string {
  const lines = s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

/** One order as the page shows it to a person in `role`. */
export function orderItem(
  o: OrderRecord,
  who: { role: Role; responsible: string; onBehalfOf: string },
  version: string,
  env: PageEnv,
  protocols: ReadonlyMap<string, Protocol> = new Map(),
): OrderItem | null {
  if (!o.deadline) return null;
  const { today, settings: s, calendar: cal } = env;
  const due = dueDate(o.deadline, s, cal);
  const cutoff = extensionCutoff(due, s.extensionCutoffDays, cal, o.enteredAt);
  return {
    number: o.number,
    text: o.text,
    deadline: formatRu(o.deadline),
    due: formatRu(due),
    state: orderState(o, today, s, cal),
    ...leftText(today, due, cal),
    status: o.status,
    lastNote: lastLine(o.progress),
    cutoff: formatRu(cutoff),
    cutoffPassed: today > cutoff,
    pendingRequest:
      o.requestedDate && !o.decision ? { date: formatRu(o.requestedDate), reason: o.requestReason } : null,
    role: who.role,
    responsible: who.responsible,
    onBehalfOf: who.onBehalfOf,
    may: rightsOf(who, o.executor),
    version,
    between: {
      ...betweenDates(o, today, s, cal),
      // The responsible executor sees which co-executors have noted since the order was given.
      ...(rightsOf(who, o.executor).status && o.coExecutors.length ? { coNotes: coNotesItem(o) } : {}),
    },
    ...orderDetails(o, protocols),
  };
}

/** Soonest due first; then by №. */
export function byDue(a: OrderItem, b: OrderItem): number {
  const k = (x: OrderItem) => x.due.split('.').reverse().join('-');
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : compareRu(a.number, b.number);
}

/** A pending extension request as the controller sees it; null when there is none to decide. */
export function extensionItem(
  o: OrderRecord,
  requestDay: IsoDate,
  chair: string,
  version: string,
  env: PageEnv,
): ExtensionItem | null {
  if (!o.requestedDate || o.decision || !o.deadline || o.status === 'Готово') return null;
  const due = dueDate(o.deadline, env.settings, env.calendar);
  return {
    number: o.number,
    text: o.text,
    executor: o.executor,
    deadline: formatRu(o.deadline),
    requestedDate: formatRu(o.requestedDate),
    reason: o.requestReason,
    late: isLateRequest(requestDay, due, env.settings.extensionCutoffDays, env.calendar, o.enteredAt),
    decidedBy: chair,
    version,
  };
}

/** An order awaiting removal from control, as the controller sees it; null when none is awaited. */
export function removalItem(o: OrderRecord, version: string, env: PageEnv): RemovalItem | null {
  if (env.settings.removalMode !== 'giver' || o.status !== 'Готово' || o.removal || !o.deadline) return null;
  return {
    number: o.number,
    text: o.text,
    executor: o.executor,
    deadline: formatRu(o.deadline),
    doneDate: o.doneDate ? formatRu(o.doneDate) : '',
    lastNote: lastLine(o.progress),
    version,
  };
}

// ---------------------------------------------------------------- actions

export interface OrderAction {
  kind: 'order';
  number: string;
  version: string;
  status?: string;
  progress?: string;
  requestedDate?: string;
  reason?: string;
  /** «Причина нарушения срока», asked when «Готово» is set after the term (page-between.ts). */
  lateReason?: string;
}
export interface ExtensionAction {
  kind: 'extension';
  number: string;
  version: string;
  decision: string;
  decidedBy?: string;
}
export interface RemovalAction {
  kind: 'removal';
  number: string;
  version: string;
  decision: string;
}
/** «Отменить отметку»: a «Готово» set today taken back (page-details.ts undoRefusal). */
export interface UndoAction {
  kind: 'undo';
  number: string;
  version: string;
}
export type PageAction =
  | OrderAction
  | ExtensionAction
  | RemovalAction
  | AppealAction
  | UndoAction
  | ControlAction
  | SearchAction
  | SpeedUpAction;

/** What to write for an order action, validated; `error` is a Russian message and nothing is written. */
export interface OrderChange {
  status?: string;
  note?: string;
  request?: { date: IsoDate; reason: string; late: boolean; cutoff: IsoDate };
  lateReason?: string;
}

function clean(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
}

/** A date typed on the page (domain/page-date.ts: the page checks it with the same rule). */
export function parsePageDate(s: string): IsoDate | null {
  const p = parseTypedDate(s);
  return 'iso' in p ? p.iso : null;
}

export function orderChange(
  a: OrderAction,
  o: OrderRecord,
  env: PageEnv,
): { change: OrderChange; error?: undefined } | { error: string; field?: string } {
  const change: OrderChange = {};
  const status = clean(a.status);
  if (status && status !== o.status) {
    if (!(PAGE_STATUSES as readonly string[]).includes(status))
      return { error: `Статус «${status}» нельзя выбрать на странице: допустимы ${PAGE_STATUSES.join(', ')}.` };
    change.status = status;
  }
  const note = clean(a.progress);
  if (note) {
    if (note.length > MAX_NOTE) return { error: `Запись о ходе исполнения длиннее ${MAX_NOTE} знаков: сократите её.` };
    change.note = note;
  }
  const lateReason = clean(a.lateReason);
  if (lateReason.length > MAX_NOTE)
    return { error: `Причина нарушения срока длиннее ${MAX_NOTE} знаков: сократите её.`, field: 'lateReason' };
  const due = o.deadline ? dueDate(o.deadline, env.settings, env.calendar) : null;
  const late = lateReasonProblem(
    { status, lateReason },
    { status: o.status, lateReason: o.lateReason, due: due ? formatRu(due) : '', late: !!due && env.today > due },
  );
  if (late) return { error: late, field: 'lateReason' };
  if (lateReason && lateReason !== o.lateReason.trim()) change.lateReason = lateReason;
  const rawDate = clean(a.requestedDate);
  const reason = clean(a.reason);
  const problem = requestProblem(rawDate, reason, env.today, o.deadline || null, MAX_NOTE);
  if (problem) return { error: problem.error, field: problem.field };
  if (rawDate) {
    if (!o.deadline) return { error: 'У поручения нет срока: переносить нечего.' };
    const date = parsePageDate(rawDate) as IsoDate;
    const due = dueDate(o.deadline, env.settings, env.calendar);
    const cutoff = extensionCutoff(due, env.settings.extensionCutoffDays, env.calendar, o.enteredAt);
    change.request = { date, reason, late: env.today > cutoff, cutoff };
  }
  if (!change.status && !change.note && !change.request && !change.lateReason)
    return { error: 'Ничего не изменено: выберите статус, впишите ход исполнения или запросите перенос.' };
  return { change };
}

/** The «Журнал» result text for an order change (who is in its own column). */
export function orderChangeText(c: OrderChange): string {
  const parts: string[] = [];
  if (c.status) parts.push(`статус «${c.status}»`);
  if (c.note) parts.push(`ход исполнения: ${c.note}`);
  if (c.lateReason) parts.push(`причина нарушения срока: ${c.lateReason}`);
  if (c.request)
    parts.push(
      `запрошен перенос срока на ${formatRu(c.request.date)} (${c.request.reason})${c.request.late ? ` — позже срока подачи запроса ${formatRu(c.request.cutoff)}` : ''}`,
    );
  return `${parts.join('; ')} — через страницу`;
}

/** Stable fingerprint of a row's cells (FNV-1a): a page may change a row only as it saw it. */
export function rowVersion(cells: readonly string[]): string {
  const text = cells.join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
