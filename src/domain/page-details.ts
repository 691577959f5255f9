// «Мои поручения» (issue 25 п.9): what a card says about where an order comes from and what happened
// to it (its protocol, co-executors, the last lines of «История»), the person's orders done in the
// last 30 days, and taking a «Готово» back the same day. Pure: jobs/my-orders-* read and write.
import { addDays, formatRu, type IsoDate } from './dates';
import type { OrderRecord, Protocol } from './order';
import { compareRu } from './ru-order';
import { STATUS } from './vocabulary';

/** How many «История» lines a card shows (the newest). */
export const HISTORY_LINES = 3;
/** The done list looks back this many calendar days. */
export const DONE_DAYS = 30;
/** What «Отменить отметку» sets: the order was being finished, so the last step before «Готово». */
export const UNDO_STATUS = 'В процессе 99';

export interface OrderDetails {
  /** «П1 от 02.03.2026, аппаратное»; '' when the order names no protocol. */
  protocol: string;
  coExecutors: string[];
  /** The newest «История» lines, oldest first. */
  history: string[];
}

export function protocolText(number: string, p: Pick<Protocol, 'date' | 'meeting'> | undefined): string {
  if (!number) return '';
  const date = p?.date ? ` от ${formatRu(p.date)}` : '';
  const meeting = p?.meeting ? `, ${p.meeting}` : '';
  return `№ ${number}${date}${meeting}`;
}

export function lastLines(text: string, n: number): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(Math.max(0, lines.length - n));
}

export function orderDetails(
  o: Pick<OrderRecord, 'protocol' | 'coExecutors' | 'history'>,
  protocols: ReadonlyMap<string, Protocol>,
): OrderDetails {
  return {
    protocol: protocolText(o.protocol, protocols.get(o.protocol)),
    coExecutors: [...o.coExecutors],
    history: lastLines(o.history, HISTORY_LINES),
  };
}

/** An order of the person marked «Готово» in the last DONE_DAYS days. */
export interface DoneItem extends OrderDetails {
  number: string;
  text: string;
  deadline: string;
  doneDate: string;
  /** Done on or before «Срок». */
  onTime: boolean;
  /** Removed from control already (or archived): nothing to take back. */
  removal: string;
  /** «Отменить отметку» is offered (marked today, not yet decided on). */
  mayUndo: boolean;
  /** Read from «Архив» (sent with the page's first load only; the page keeps it). */
  archived: boolean;
  version: string;
}

/** The refusal of an undo, or null when the mark may be taken back today. */
export function undoRefusal(o: Pick<OrderRecord, 'number' | 'status' | 'doneDate' | 'removal'>, today: IsoDate) {
  if (o.status !== STATUS.done) return `№ ${o.number} не отмечено «Готово»: отменять нечего. Обновите страницу.`;
  if (o.removal) return `По № ${o.number} уже решено «${o.removal}»: отметку отменяет контролёр в таблице.`;
  if (o.doneDate !== today)
    return `Отметку «Готово» можно отменить только в день, когда она сделана${o.doneDate ? ` (${formatRu(o.doneDate)})` : ''}: обратитесь к контролёру.`;
  return null;
}

export function doneItem(
  o: OrderRecord,
  version: string,
  today: IsoDate,
  protocols: ReadonlyMap<string, Protocol>,
  /** The person may set «Статус» on it (domain/rights.ts): a co-executor cannot take it back. */
  mayChangeStatus = true,
): DoneItem | null {
  if (o.status !== STATUS.done || !o.doneDate || o.doneDate < addDays(today, -DONE_DAYS)) return null;
  return {
    number: o.number,
    text: o.text,
    deadline: o.deadline ? formatRu(o.deadline) : '',
    doneDate: formatRu(o.doneDate),
    onTime: !o.deadline || o.doneDate <= o.deadline,
    removal: o.removal,
    mayUndo: mayChangeStatus && o.tab !== 'Архив' && undoRefusal(o, today) === null,
    archived: o.tab === 'Архив',
    version,
    ...orderDetails(o, protocols),
  };
}

/** Newest first, then by №. */
export function byDoneDesc(a: DoneItem, b: DoneItem): number {
  const k = (x: DoneItem) => x.doneDate.split('.').reverse().join('-');
  return k(a) > k(b) ? -1 : k(a) < k(b) ? 1 : compareRu(a.number, b.number);
}
