// «Мои поручения» for the controller (issue 25 п.10): the overdue orders of everyone (with executor
// and unit, to count by both), a search by «№» or text, and the controller's own change from the
// page — a new «Срок», as typed in the sheet. Pure: jobs/my-orders-* find the rows (TextFinder) and write.

import { formatRu, type IsoDate } from './dates';
import { dueDate } from './deadlines';
import { leftText, type PageEnv } from './my-orders';
import { type Executor, normName, type OrderRecord, type Protocol } from './order';
import { orderState } from './order-state';
import { MAX_NOTE, newDeadlineProblem, parseTypedDate } from './page-date';
import { lastLines, protocolText } from './page-details';
import { lastSpeedUp, speedUpSentToday } from './speed-up';
import { STATE } from './vocabulary';

const STATE_DONE = 'Готово';

/** At most this many orders answer one search (the page is read on a phone). */
export const SEARCH_LIMIT = 30;

export interface ControlItem {
  number: string;
  text: string;
  executor: string;
  /** The executor's «Подразделение» ('' when not given). */
  unit: string;
  deadline: string;
  due: string;
  state: string;
  left: string;
  overdue: boolean;
  status: string;
  protocol: string;
  coExecutors: string[];
  lastNote: string;
  version: string;
  /**
   * «Напомнить об ускорении» (speed-up.ts): the last reminder, «Напоминание об ускорении 10.03.2026:
   * исполнить не позднее 20.03.2026» ('' when none), and whether one may be sent now (overdue, not
   * today's). Plain fields: an answer of google.script.run may not hold one object twice.
   */
  speedUpLast?: string;
  speedUpMay?: boolean;
}

/** An order as the controller sees it in the overview or a search; null when it has no №. */
export function controlItem(
  o: OrderRecord,
  version: string,
  env: PageEnv,
  executors: readonly Executor[],
  protocols: ReadonlyMap<string, Protocol>,
): ControlItem | null {
  if (!o.number) return null;
  const due = o.deadline ? dueDate(o.deadline, env.settings, env.calendar) : null;
  const state = orderState(o, env.today, env.settings, env.calendar);
  const open = state !== STATE.doneOnTime && state !== STATE.doneLate && state !== STATE.awaitingRemoval;
  const left = due && open ? leftText(env.today, due, env.calendar) : { left: '', overdue: false };
  const who = normName(o.executor);
  return {
    number: o.number,
    text: o.text,
    executor: o.executor,
    unit: executors.find((e) => normName(e.name) === who)?.unit ?? '',
    deadline: o.deadline ? formatRu(o.deadline) : '',
    due: due ? formatRu(due) : '',
    state,
    ...left,
    status: o.status,
    protocol: protocolText(o.protocol, protocols.get(o.protocol)),
    coExecutors: [...o.coExecutors],
    lastNote: lastLines(o.progress, 1)[0] ?? '',
    version,
    ...speedUpOf(o, left.overdue, env.today),
  };
}

function speedUpOf(o: OrderRecord, overdue: boolean, today: IsoDate): { speedUpLast: string; speedUpMay: boolean } {
  const last = lastSpeedUp(o.history);
  return {
    speedUpLast: last ? `Напоминание об ускорении ${last.day}: исполнить не позднее ${last.expected}` : '',
    speedUpMay: overdue && o.status !== STATE_DONE && !speedUpSentToday(o.history, today),
  };
}

/** «Напомнить об ускорении» from the controller's page: the same rule as the menu (speed-up.ts). */
export interface SpeedUpAction {
  kind: 'speedup';
  number: string;
  version: string;
}

/** Most overdue first (earliest due), then by №. */
export function byDueAsc(a: ControlItem, b: ControlItem): number {
  const k = (x: ControlItem) => x.due.split('.').reverse().join('-');
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : a.number.localeCompare(b.number, 'ru');
}

/** A search from the page: «№» or words of the text, and/or one executor. */
export interface SearchAction {
  kind: 'search';
  number: string;
  version: string;
  query: string;
  executor: string;
}

/** The controller's change of an order from the page: a new «Срок» and/or a remark in «Ход исполнения». */
export interface ControlAction {
  kind: 'control';
  number: string;
  version: string;
  deadline?: string;
  note?: string;
}

export interface ControlChange {
  deadline?: IsoDate;
  note?: string;
}

function parsePageIso(raw: string): IsoDate {
  const p = parseTypedDate(raw);
  return 'iso' in p ? p.iso : '';
}

/** What a control action changes, or why it is refused (Russian, with the field it is about). */
export function controlChange(
  a: Pick<ControlAction, 'deadline' | 'note'>,
  o: Pick<OrderRecord, 'deadline' | 'status'>,
  today: IsoDate,
): { change: ControlChange } | { error: string; field?: string } {
  const raw = String(a.deadline ?? '').trim();
  const note = String(a.note ?? '').trim();
  const change: ControlChange = {};
  if (raw) {
    const problem = newDeadlineProblem(raw, today);
    if (problem) return { error: problem, field: 'deadline' };
    const iso = parsePageIso(raw);
    if (iso !== o.deadline) change.deadline = iso;
  }
  if (note.length > MAX_NOTE) return { error: `Запись длиннее ${MAX_NOTE} знаков: сократите её.`, field: 'note' };
  if (note) change.note = note;
  if (!change.deadline && !change.note)
    return { error: 'Ничего не изменено: впишите новый срок или запись о ходе исполнения.' };
  return { change };
}
