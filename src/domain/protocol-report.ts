// «Отчёт: протокол»: the orders of one meeting, prepared before the next one (Rostov 001 гл.6
// п.2.2.7; Kramatorsk 003 п.199: every order of the meeting is in its protocol and controlled).
// «нет информации» marks an order the executor has written nothing about (Kyshtym 000 п.9: the
// executor enters short progress notes on the card).
import type { IsoDate } from './dates';
import { compareRu } from './execution-report';

export interface ProtocolOrder {
  number: string;
  protocol: string;
  text: string;
  executor: string;
  coExecutors: string;
  deadline: IsoDate | null;
  doneDate: IsoDate | null;
  progress: string;
  state: string;
}

/** An order of the protocol as shown, with «Примечание». */
export type ProtocolReportRow = Omit<ProtocolOrder, 'protocol'> & { note: string };

export const NO_INFORMATION = 'нет информации';

/** Protocol numbers compare as text, trimmed, case- and «№»-insensitive ('№ 12' = '12'). */
export function normProtocol(s: string): string {
  return s.trim().replace(/^№\s*/u, '').toLowerCase();
}

/** Orders of one protocol in order-number order ('12-2' before '12-10'). */
export function buildProtocolReport(orders: readonly ProtocolOrder[], protocol: string): ProtocolReportRow[] {
  const key = normProtocol(protocol);
  return orders
    .filter((o) => key !== '' && normProtocol(o.protocol) === key)
    .map((o) => ({
      number: o.number,
      text: o.text,
      executor: o.executor,
      coExecutors: o.coExecutors,
      deadline: o.deadline,
      doneDate: o.doneDate,
      progress: o.progress,
      state: o.state,
      note: o.progress.trim() === '' && o.doneDate === null ? NO_INFORMATION : '',
    }))
    .sort((a, b) => compareRu(a.number, b.number));
}
