// Events of an order, written into «История» and read back (product.md «Periods never change once
// closed»): every change of «Срок» with its day — typed over (001 гл.7 п.2.4.10: a change of term is
// registered) or approved (000 п.12) —, the day an execution was recorded (000 п.13: «Поручение
// считается выполненным, если до указанного срока … внесена запись»), returns (000 п.14), «Статус»
// changes and a cancelled control (001 гл.7 п.2.4.15). One module writes the lines and parses them
// back; the report, «Состояние» and the page read an order at a day through `orderAt`.
// Orders from before these lines existed (no «исполнение отмечено» and no «статус» line) keep
// today's reading: their «Дата исполнения» and «Статус» as they are.
import type { WorkCalendar } from './calendar';
import { cellToIsoDate, formatRu, type IsoDate } from './dates';
import { historyLine } from './history';

export type TermHow = 'typed' | 'approved';

export type OrderEvent =
  /** `approver`: who approved an extension as the line records it («; согласовал: …»); absent when none. */
  | { day: IsoDate; kind: 'term'; from: IsoDate | null; to: IsoDate; how: TermHow; approver?: string }
  | { day: IsoDate; kind: 'executed'; doneDate: IsoDate }
  | { day: IsoDate; kind: 'returned' }
  | { day: IsoDate; kind: 'status'; status: string }
  | { day: IsoDate; kind: 'cancelled' }
  | { day: IsoDate; kind: 'unit'; unit: string; executor: string | null }
  /** A progress note added on the page, with its author (ФИО and address; '' when not known). */
  | { day: IsoDate; kind: 'note'; name: string; email: string };

/** «Готово»: the only status that, with a valid «Дата исполнения», means executed. */
const DONE = 'Готово';

export const EVENT_PHRASE = {
  typed: 'срок изменён',
  executed: 'исполнение отмечено: дата исполнения',
  cancelled: 'контроль отменён решением давшего поручение, поручение не исполнено',
  unit: 'исполнитель',
  note: 'запись о ходе исполнения добавлена',
} as const;

/**
 * «ДД.ММ.ГГГГ: запись о ходе исполнения добавлена через страницу: Иванов И.И. <ivanov@…>» — who added
 * a note to «Ход исполнения» (the note itself stays there): the responsible executor's page shows
 * which co-executors have noted (issue 22 item 6). `author` as jobs/my-orders-book.ts who() gives it.
 */
export function noteLine(day: IsoDate, author: string, where: 'page' | 'sheet' = 'page'): string {
  const place = where === 'page' ? 'через страницу' : 'в таблице';
  return historyLine(day, `${EVENT_PHRASE.note} ${place}${author ? `: ${author}` : ''}`);
}

/** «ДД.ММ.ГГГГ: срок изменён с … на …» — a «Срок» typed over by hand. */
export function termTypedLine(day: IsoDate, from: IsoDate | null, to: IsoDate): string {
  return historyLine(day, `${EVENT_PHRASE.typed} с ${from ? formatRu(from) : '—'} на ${formatRu(to)}`);
}

/** «ДД.ММ.ГГГГ: исполнение отмечено: дата исполнения ДД.ММ.ГГГГ» — the day an execution was recorded. */
export function executedLine(day: IsoDate, doneDate: IsoDate): string {
  return historyLine(day, `${EVENT_PHRASE.executed} ${formatRu(doneDate)}`);
}

/** «ДД.ММ.ГГГГ: статус «…»» — a change of «Статус» seen that day. */
export function statusLine(day: IsoDate, status: string): string {
  return historyLine(day, `статус «${status}»`);
}

/** The cancelled control of an order not executed (001 гл.7 п.2.4.15). */
export function cancelledLine(day: IsoDate): string {
  return historyLine(day, EVENT_PHRASE.cancelled);
}

/**
 * «ДД.ММ.ГГГГ: исполнитель ФИО, подразделение «…»» — who executes the order and the unit they belong
 * to, recorded when the add-on first sees the order and again whenever either changes («Исполнитель»
 * retyped, or the executor's «Подразделение» in «Исполнители» edited): a finished period's executor
 * and unit rows read them as they were at its end (001 гл.7 п.2.5.1 counts by unit; a period never
 * changes once closed).
 */
export function unitLine(day: IsoDate, executor: string, unit: string): string {
  const u = unit.trim();
  return historyLine(day, `${EVENT_PHRASE.unit} ${executor.trim()}, подразделение ${u ? `«${u}»` : 'не указано'}`);
}

const RU = '(\\d{2}\\.\\d{2}\\.\\d{4})';
const LINE = new RegExp(`^\\s*${RU}:\\s*(.*)$`);
const TYPED = new RegExp(`^срок изменён с (—|${RU}) на ${RU}`);
const APPROVED = new RegExp(`^перенос срока согласован: с (—|${RU}) на ${RU}`);
const APPROVER = /; согласовал: (.+?)\s*$/;
const EXECUTED = new RegExp(`^исполнение отмечено: дата исполнения ${RU}`);
const RETURNED = /возвращено на доработку/;
const STATUS = /^статус «([^»]+)»/;
// The whole rest of the line: a unit's own name may hold «» (Территориальный отдел «Северный»).
const UNIT = /^исполнитель ([^,«]+), подразделение (?:«(.*)»|не указано)\s*$/;
// Written for a few hours before the executor was recorded with it: the unit alone.
const UNIT_ONLY = /^подразделение исполнителя (?:«(.*)»|не указано)\s*$/;
// «…: ФИО <адрес>», «…: адрес» or no author at all.
const NOTE = /^запись о ходе исполнения добавлена(?: через страницу| в таблице)?(?::\s*(.*?))?\s*$/;
const AUTHOR = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/;

function iso(ru: string | undefined): IsoDate | null {
  return ru ? cellToIsoDate(ru, 'UTC') : null;
}

const ANY_EVENT =
  /срок изменён|согласован|исполнение отмечено|доработку|статус «|контроль отменён|подразделение|запись о ходе исполнения/;

/** Every event «История» records, in its order; lines that are not events are skipped. */
export function parseEvents(history: string): OrderEvent[] {
  // The daily check's rules read one order after another, several rules each: the last parse is
  // kept (a copy is returned, so no caller changes another's).
  if (history === lastParsed.history) return lastParsed.events.slice();
  const events = parseAll(history);
  lastParsed = { history, events };
  return events.slice();
}

let lastParsed: { history: string; events: OrderEvent[] } = { history: '', events: [] };

function parseAll(history: string): OrderEvent[] {
  const out: OrderEvent[] = [];
  // Most lines are notices: a «История» without any event word is parsed with one test, and a line
  // without one is skipped before its date is read.
  if (!ANY_EVENT.test(history)) return out;
  for (const raw of history.split('\n')) {
    if (!ANY_EVENT.test(raw)) continue;
    const m = LINE.exec(raw);
    if (!m) continue;
    const day = iso(m[1]);
    if (!day) continue;
    const what = m[2].trim();
    let t = TYPED.exec(what);
    if (t) {
      const to = iso(t[3]);
      if (to) out.push({ day, kind: 'term', from: iso(t[2]), to, how: 'typed' });
      continue;
    }
    t = APPROVED.exec(what);
    if (t) {
      const to = iso(t[3]);
      const by = APPROVER.exec(what)?.[1]?.trim();
      if (to) out.push({ day, kind: 'term', from: iso(t[2]), to, how: 'approved', ...(by ? { approver: by } : {}) });
      continue;
    }
    t = EXECUTED.exec(what);
    if (t) {
      const d = iso(t[1]);
      if (d) out.push({ day, kind: 'executed', doneDate: d });
      continue;
    }
    if (what.startsWith(EVENT_PHRASE.cancelled)) {
      out.push({ day, kind: 'cancelled' });
      continue;
    }
    if (RETURNED.test(what)) {
      out.push({ day, kind: 'returned' });
      continue;
    }
    t = UNIT.exec(what);
    if (t) {
      out.push({ day, kind: 'unit', unit: (t[2] ?? '').trim(), executor: t[1].trim() });
      continue;
    }
    t = UNIT_ONLY.exec(what);
    if (t) {
      out.push({ day, kind: 'unit', unit: (t[1] ?? '').trim(), executor: null });
      continue;
    }
    t = NOTE.exec(what);
    if (t) {
      const who = (t[1] ?? '').trim();
      const a = AUTHOR.exec(who);
      const email = a ? a[2] : who.includes('@') ? who : '';
      out.push({ day, kind: 'note', name: a ? a[1].trim() : email ? '' : who, email: email.toLowerCase() });
      continue;
    }
    t = STATUS.exec(what);
    if (t) out.push({ day, kind: 'status', status: t[1] });
  }
  return out;
}

/** The events of one line (parseAll: a line at a time does not evict parseEvents' last parsed «История»). */
export function lineEvents(line: string): OrderEvent[] {
  return ANY_EVENT.test(line) ? parseAll(line) : [];
}

/** True when the line is one of the events above (history-rollover keeps these in the cell longest). */
export function isEventLine(line: string): boolean {
  return lineEvents(line).length > 0;
}

/** True when «История» records executions and statuses (an order written after the upgrade). */
export function hasExecutionEvents(events: readonly OrderEvent[]): boolean {
  return events.some((e) => e.kind === 'executed' || e.kind === 'status');
}

/**
 * The date an execution counts from: «Дата исполнения» as typed, unless it was typed more than
 * 1 working day before the day it was recorded — then that day (000 п.13: the record is made when
 * the work is done; product.md «дата исполнения задним числом»).
 */
export function countedDoneDate(doneDate: IsoDate, recorded: IsoDate, cal: WorkCalendar): IsoDate {
  return isBackdated(doneDate, recorded, cal) ? recorded : doneDate;
}

/** «Дата исполнения» more than 1 working day before the day it is recorded. */
export function isBackdated(doneDate: IsoDate, recorded: IsoDate, cal: WorkCalendar): boolean {
  return doneDate < cal.addWorkingDays(recorded, -1);
}

/**
 * The date the current «Дата исполнения» counts from: its own, or the day it was recorded when it
 * was back-dated (countedDoneDate). Unrecorded yet (or an order from before the upgrade): its own.
 */
export function countedExecution(history: string, doneDate: IsoDate, cal: WorkCalendar): IsoDate {
  let rec: IsoDate | null = null;
  for (const e of parseEvents(history)) if (e.kind === 'executed' && e.doneDate === doneDate) rec = e.day;
  return rec ? countedDoneDate(doneDate, rec, cal) : doneDate;
}

/** The fields of an order `orderAt` reads (a row of «Поручения» or «Архив»). */
export interface EventOrder {
  deadline: IsoDate | null;
  doneDate: IsoDate | null;
  status: string;
  history: string;
}

/** An order as it stood at the end of a day. */
export interface OrderAt {
  /** «Срок» in force. */
  deadline: IsoDate | null;
  /** The execution counted by then (countedDoneDate), null when none or returned since. */
  done: IsoDate | null;
  /** The day the control was cancelled (001 гл.7 п.2.4.15), when it was by then. */
  cancelledOn: IsoDate | null;
  /** Term changes (typed or approved) and returns made by then. */
  extensions: number;
  returns: number;
  /** Terms changed too late to save their period (termChangedLate): each counts as not executed on time. */
  missedTerms: IsoDate[];
}

/**
 * A change of term made fewer than 2 working days before the term in force, or after it, does not
 * save the period that term fell in (001 гл.7 п.2.4.10 «не менее чем за два дня до его истечения»;
 * п.2.5.1–2.5.2: a term that expired unexecuted counts in its month). `due` is the control date of
 * the term changed (after the non-working-day rule).
 */
export function termChangedLate(changedOn: IsoDate, due: IsoDate, cal: WorkCalendar): boolean {
  return changedOn > due || cal.workingDaysBetween(changedOn, due) < 2;
}

/**
 * The order at the end of `day`, from its events. Term changes after the day are undone, latest
 * first. An execution counts when its counted date is on or before the day and no return or other
 * «Статус» came after it by then. An order without execution and status events (from before the
 * upgrade) is read as today: «Готово» with its «Дата исполнения», counted when that date is on or
 * before the day. `due` maps a term to its control date (the non-working-day rule).
 */
export function orderAt(
  o: EventOrder,
  day: IsoDate,
  cal: WorkCalendar,
  due: (term: IsoDate) => IsoDate = (t) => t,
): OrderAt {
  return orderAtPrepared(o, prepareEvents(o.history, cal, due), day);
}

type TermEvent = Extract<OrderEvent, { kind: 'term' }>;

/** An order's events with what does not depend on the day worked out once (a report reads it at many days). */
export interface PreparedEvents {
  events: OrderEvent[];
  terms: TermEvent[];
  /** Per term event: changed too late to save its period (termChangedLate). */
  late: boolean[];
  /** Per event: an execution's counted date (countedDoneDate), else null. */
  counted: (IsoDate | null)[];
  hasExec: boolean;
}

const NO_EVENTS: PreparedEvents = { events: [], terms: [], late: [], counted: [], hasExec: false };

export function prepareEvents(history: string, cal: WorkCalendar, due: (term: IsoDate) => IsoDate): PreparedEvents {
  const events = parseEvents(history);
  if (events.length === 0) return NO_EVENTS;
  const terms = events.filter((e): e is TermEvent => e.kind === 'term');
  return {
    events,
    terms,
    late: terms.map((t) => !!t.from && t.from !== t.to && termChangedLate(t.day, due(t.from), cal)),
    counted: events.map((e) => (e.kind === 'executed' ? countedDoneDate(e.doneDate, e.day, cal) : null)),
    hasExec: hasExecutionEvents(events),
  };
}

/** orderAt over events prepared once (prepareEvents). */
export function orderAtPrepared(o: Omit<EventOrder, 'history'>, p: PreparedEvents, day: IsoDate): OrderAt {
  let deadline = o.deadline;
  const { terms, events } = p;
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i];
    if (t.day <= day) break;
    deadline = t.from;
  }
  const missedTerms: IsoDate[] = [];
  let extensions = 0;
  terms.forEach((t, i) => {
    if (t.day > day) return;
    extensions++;
    if (p.late[i] && t.from && !missedTerms.includes(t.from)) missedTerms.push(t.from);
  });
  let done: IsoDate | null = null;
  let cancelledOn: IsoDate | null = null;
  let returns = 0;
  if (p.hasExec) {
    events.forEach((e, i) => {
      const c = p.counted[i];
      if (c !== null) {
        if (c <= day) done = c;
      } else if (e.day > day) return;
      else if (e.kind === 'returned') done = null;
      else if (e.kind === 'status' && e.status !== DONE) done = null;
    });
  } else if (o.status === DONE && o.doneDate && o.doneDate <= day) done = o.doneDate;
  for (const e of events) {
    if (e.day > day) continue;
    if (e.kind === 'cancelled' && !cancelledOn) cancelledOn = e.day;
    if (e.kind === 'returned') returns++;
  }
  return {
    deadline,
    done,
    cancelledOn,
    extensions,
    returns,
    missedTerms: missedTerms.filter((m) => m !== deadline),
  };
}

/**
 * The executor's unit at the end of `day` as «История» records it: the last unit line by then; when
 * the first line came later (an order from before these lines, recorded at the upgrade), that first
 * one — the earliest known. Null when no line: the caller reads «Исполнители» as it is today.
 */
export function recordedUnitAt(history: string | readonly OrderEvent[], day: IsoDate): string | null {
  return assignmentAt(history, day)?.unit ?? null;
}

/** The responsible executor at the end of `day` as «История» records it (as recordedUnitAt); null when none. */
export function recordedExecutorAt(history: string | readonly OrderEvent[], day: IsoDate): string | null {
  return assignmentAt(history, day)?.executor ?? null;
}

type UnitEvent = Extract<OrderEvent, { kind: 'unit' }>;

function assignmentAt(history: string | readonly OrderEvent[], day: IsoDate): UnitEvent | null {
  let at: UnitEvent | null = null;
  for (const e of eventsOf(history)) {
    if (e.kind !== 'unit') continue;
    if (e.day > day) return at ?? e;
    at = e;
  }
  return at;
}

/** The last executor-and-unit line; null when none (the daily check's baseline). */
export function lastRecordedAssignment(history: string | readonly OrderEvent[]): UnitEvent | null {
  let u: UnitEvent | null = null;
  for (const e of eventsOf(history)) if (e.kind === 'unit') u = e;
  return u;
}

/** The term the last event set («Срок» as the add-on last knew it); null when no term event. */
export function lastRecordedTerm(history: string | readonly OrderEvent[]): IsoDate | null {
  let t: IsoDate | null = null;
  for (const e of eventsOf(history)) if (e.kind === 'term') t = e.to;
  return t;
}

function eventsOf(history: string | readonly OrderEvent[]): readonly OrderEvent[] {
  return typeof history === 'string' ? parseEvents(history) : history;
}

/**
 * True when a change of «Статус» from the last recorded one (null: none) to `status` is an event the
 * periods need: «Готово» set, or taken back to another status. Steps of progress between are not
 * recorded (they change no figure; «Ход исполнения» tells them).
 */
export function statusEventNeeded(last: string | null, status: string): boolean {
  if (!status || status === last) return false;
  return status === DONE || last === DONE;
}

/** The «Статус» the last status event recorded; null when none. */
export function lastRecordedStatus(history: string | readonly OrderEvent[]): string | null {
  let s: string | null = null;
  for (const e of eventsOf(history)) if (e.kind === 'status') s = e.status;
  return s;
}

/** True when «История» records the execution with `doneDate` after the last return or status change. */
export function executionRecorded(history: string | readonly OrderEvent[], doneDate: IsoDate): boolean {
  let rec = false;
  for (const e of eventsOf(history)) {
    if (e.kind === 'executed') rec = e.doneDate === doneDate;
    else if (e.kind === 'returned' || (e.kind === 'status' && e.status !== DONE)) rec = false;
  }
  return rec;
}

/** The last approved extension «История» records (with its approver when the line names one); null when none. */
export function lastApproval(history: string): Extract<OrderEvent, { kind: 'term' }> | null {
  let last: Extract<OrderEvent, { kind: 'term' }> | null = null;
  for (const e of parseEvents(history)) if (e.kind === 'term' && e.how === 'approved') last = e;
  return last;
}

/**
 * The lines of «История» that record who executed the order and their unit (unitLine, and the older
 * unit-only line), in order: what a reported occurrence of a periodic order keeps of its order's
 * «История», so a finished period names the executor and unit of its end for it too.
 */
export function assignmentLines(history: string): string {
  if (!history.includes('подразделение')) return '';
  return history
    .split('\n')
    .filter((l) => lineEvents(l).some((e) => e.kind === 'unit'))
    .join('\n');
}
