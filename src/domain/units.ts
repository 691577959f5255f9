// «Подразделения» (spec Round 3): a unit, its head and the address escalations go to (004 п.4.1.4,
// 4.2.1: an unresolved matter goes up to the head). «Исполнители»'s «Подразделение» names a row.
import { foldText } from './text';

export interface Unit {
  row: number;
  /** «Подразделение» as written. */
  name: string;
  /** «Руководитель» (ФИО). */
  head: string;
  /** «Эл. почта»: where escalations go. */
  email: string;
}

/** Units by folded name (first row wins). */
export function unitIndex(units: readonly Unit[]): Map<string, Unit> {
  const m = new Map<string, Unit>();
  for (const u of units) if (!m.has(foldText(u.name))) m.set(foldText(u.name), u);
  return m;
}
