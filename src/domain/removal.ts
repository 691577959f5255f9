// Removal from control (spec «Снятие с контроля»). Two modes, chosen in «Настройки»:
// - «по отметке исполнителя» (the default; Kyshtym 000 п.13–14): «Готово» closes the order and it
//   moves to «Архив» 5 working days after «Дата исполнения»;
// - «решением давшего поручение» (Rostov 001 гл.7 п.2.4.15: «Отменить контроль … может
//   руководитель, давший по нему поручение»; п.2.4.17: removed only after documented confirmation;
//   Kramatorsk 003 п.199: «Доручення знімаються з контролю міським головою»): «Готово» leads to
//   «Ожидает снятия с контроля»; the controller records the decision in «Снятие с контроля»:
//   «Снято» completes the order (the archive delay counts from that day), «Не снято» returns it
//   for rework (000 п.14: it then counts as not executed).
// One implementation for the sheet (daily check), and the «Мои поручения» page.
import type { WorkCalendar } from './calendar';
import { cellToIsoDate, formatRu, type IsoDate } from './dates';
import { archiveDue } from './deadlines';
import { historyLine } from './history';
import type { OrderRecord } from './order';
import { cancelledLine, parseEvents } from './order-events';
import type { Settings } from './settings';
import { REMOVAL, STATUS } from './vocabulary';

export type RemovalMode = Settings['removalMode'];

export const REMOVED_WHAT = 'снято с контроля';
const NOT_REMOVED_WHAT = 'не снято с контроля, возвращено на доработку';

type RemovalFields = Pick<OrderRecord, 'status' | 'removal'>;

/** True when the order waits for the decision of the one who gave it. */
export function awaitsRemoval(o: RemovalFields, mode: RemovalMode): boolean {
  return mode === 'giver' && o.status === STATUS.done && o.removal !== REMOVAL.removed;
}

/**
 * True when the control of an order not executed was cancelled: «Снято» without «Готово» in the
 * «решением давшего поручение» mode (001 гл.7 п.2.4.15 «Отменить контроль за исполнением документа
 * может руководитель, давший по нему поручение»).
 */
export function controlCancelled(o: RemovalFields, mode: RemovalMode | undefined): boolean {
  return mode === 'giver' && o.removal === REMOVAL.removed && o.status !== STATUS.done;
}

/** The day the cancelled control was recorded in «История» (the first), or null. */
export function cancelledOn(history: string): IsoDate | null {
  // Read through the one parser of «История» events, so the line is written and read in one place.
  return parseEvents(history).find((e) => e.kind === 'cancelled')?.day ?? null;
}

/** True when the order is completed: «Готово» (executor mode) or «Готово» and «Снято» (giver mode). */
export function isCompleted(o: RemovalFields, mode: RemovalMode): boolean {
  return o.status === STATUS.done && (mode === 'executor' || o.removal === REMOVAL.removed);
}

/** The day «Снято» was recorded in «История» (the latest), or null. */
export function removedOn(history: string): IsoDate | null {
  let day: IsoDate | null = null;
  for (const l of history.split('\n')) {
    const m = /^\s*(\d{2}\.\d{2}\.\d{4}):\s*снято с контроля\s*$/.exec(l);
    if (m) day = cellToIsoDate(m[1], 'UTC');
  }
  return day;
}

/**
 * The day the order moves to «Архив», or null while it is not completed: `keepDays` working days
 * after «Дата исполнения» (000 п.14), in the giver mode after the day of «Снято».
 */
export function archiveDay(
  o: Pick<OrderRecord, 'status' | 'removal' | 'doneDate' | 'history'>,
  mode: RemovalMode,
  keepDays: number,
  cal: WorkCalendar,
): IsoDate | null {
  if (controlCancelled(o, mode)) {
    const from = cancelledOn(o.history);
    return from ? archiveDue(from, keepDays, cal) : null;
  }
  if (!isCompleted(o, mode) || !o.doneDate) return null;
  if (mode === 'executor') return archiveDue(o.doneDate, keepDays, cal);
  const from = removedOn(o.history);
  return from ? archiveDue(from, keepDays, cal) : null;
}

/** What applying a removal decision changes on an order row; the caller writes it. */
export interface RemovalPatch {
  /** New «Статус» («На доработке» after «Не снято»). */
  status?: string;
  /** New «Снятие с контроля» ('' clears it after «Не снято»). */
  removal?: string;
  /** Clear «Дата исполнения» (after «Не снято»). */
  clearDoneDate?: boolean;
  /** New «Возвратов». */
  returns?: number;
  /** Lines to append to «История». */
  history: string[];
}

/**
 * Applies the decision in «Снятие с контроля» of an order (typed in the sheet, or `decision` given
 * by the page) on `today`. Idempotent: a decision whose line is already in «История» (a run that
 * stopped before writing the cells) only finishes the cells. Nothing happens in the executor mode
 * or while the order is not «Готово».
 */
export function removalPatch(
  o: Pick<OrderRecord, 'status' | 'removal' | 'doneDate' | 'returns' | 'history'>,
  today: IsoDate,
  mode: RemovalMode,
  decision: string = o.removal,
): RemovalPatch {
  const patch: RemovalPatch = { history: [] };
  if (mode !== 'giver' || !decision) return patch;
  if (decision === REMOVAL.removed) {
    if (o.status !== STATUS.done) {
      // Not executed: the control is cancelled (001 гл.7 п.2.4.15), recorded once with its day.
      if (o.removal !== REMOVAL.removed) patch.removal = REMOVAL.removed;
      if (!cancelledOn(o.history)) patch.history.push(cancelledLine(today));
      return patch;
    }
    if (o.removal !== REMOVAL.removed) patch.removal = REMOVAL.removed;
    if (!removedOn(o.history)) patch.history.push(historyLine(today, REMOVED_WHAT));
    return patch;
  }
  if (decision !== REMOVAL.notRemoved) return patch;
  // «Не снято»: a return for rework (000 п.14), counted once per execution record it rejects.
  const marker = o.doneDate ? ` (снята дата исполнения ${formatRu(o.doneDate)})` : '';
  const last = o.history
    .split('\n')
    .filter((l) => l.includes(NOT_REMOVED_WHAT))
    .pop();
  const recorded = !!last && (o.doneDate ? last.includes(marker) : o.status !== STATUS.done);
  if (!recorded) {
    patch.returns = o.returns + 1;
    patch.history.push(historyLine(today, `${NOT_REMOVED_WHAT}${marker}`));
  }
  patch.status = STATUS.rework;
  patch.removal = '';
  if (o.doneDate) patch.clearDoneDate = true;
  return patch;
}
