// Who may do what to an order on the page (issue 19 item 4). The regulations put the answer and
// the watch over the term on the executor named first: «підготовку відповіді … і контроль за
// термінами розгляду здійснює виконавець, вказаний у резолюції першим …, співвиконавцям
// направляються копії» (003 п.80, п.111, п.133; 000: the first named is responsible). So the
// responsible executor — or the substitute of an absent one — sets «Статус» and asks for an
// extension; a co-executor (or the substitute of an absent co-executor) adds progress notes only:
// their part goes to the responsible executor, who reports the whole order.
import { normName } from './order';

export type PageRole = 'executor' | 'coexecutor' | 'substitute';

/** What the person may change on one order: the page shows only these controls. */
export interface Rights {
  status: boolean;
  note: boolean;
  request: boolean;
}

/** The rights of a person in `role` (a substitute stands in for `onBehalfOf`) on an order of `executor`. */
export function rightsOf(who: { role: PageRole; onBehalfOf: string }, executor: string): Rights {
  const responsible =
    who.role === 'executor' || (who.role === 'substitute' && normName(who.onBehalfOf) === normName(executor));
  return { status: responsible, note: true, request: responsible };
}

/** Why a change goes beyond the rights, in Russian; null when it does not. */
export function rightsRefusal(
  r: Rights,
  change: { status?: unknown; request?: unknown; note?: unknown; lateReason?: unknown },
  responsible: string,
): string | null {
  const who = responsible ? ` (${responsible})` : '';
  if (change.lateReason && !change.status && !r.status)
    return `Причину нарушения срока указывает ответственный исполнитель${who}: соисполнитель добавляет только записи о ходе исполнения.`;
  if (change.status && !r.status)
    return `Статус меняет ответственный исполнитель${who}: соисполнитель добавляет только записи о ходе исполнения.`;
  if (change.request && !r.request)
    return `Перенос срока запрашивает ответственный исполнитель${who}: соисполнитель добавляет только записи о ходе исполнения.`;
  if (change.note && !r.note) return 'Записи о ходе исполнения по этому поручению вам недоступны.';
  return null;
}
