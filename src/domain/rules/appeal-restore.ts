// Nothing lost after a stop (spec «Idempotent»): a notice «Журнал» recorded for an appeal whose
// «История» line a stopped run did not write gets its line back — with the name it went to (the
// executor, or the substitute who stood in, 001 гл.8 п.2.1.4) when the address still resolves so.
import { APPEAL_COL, type AppealNoticeKind, type AppealRecord, appealNoticeLine } from '../appeals';
import type { IsoDate } from '../dates';
import { appendHistory, hasHistoryLine } from '../history';
import { resolveRecipient } from '../substitutes';
import type { AppealRule, RecordedAppealNotice } from './appeal-rule';

export const appealRestoredLines: AppealRule = {
  name: 'appealRestoredLines',
  stage: 'fill',
  modes: ['daily'],
  apply(a, _day, { recorded, executorByName }) {
    let history = a.history;
    const add: string[] = [];
    for (const { kind, day, email } of recorded) {
      const r = resolveRecipient(a.executor, executorByName ?? new Map(), day);
      const line =
        r.ok && r.recipient.email.toLowerCase() === email.toLowerCase()
          ? appealNoticeLine(day, kind, r.recipient.name, email, r.recipient.onBehalfOf?.name)
          : appealNoticeLine(day, kind, a.executor, email);
      if (hasHistoryLine(history, line)) continue;
      add.push(line);
      history = appendHistory(history, [line]);
    }
    return add.length ? { fix: { history: add } } : {};
  },
};

/**
 * The notices «Журнал» recorded, by the sheet row of the appeal whose «№» they name (a «№» marked
 * repeated is nobody's; of two rows with one «№», the later).
 */
export function recordedByAppeal(
  appeals: readonly Pick<AppealRecord, 'row' | 'number' | 'invalid'>[],
  recorded: Iterable<{ key: { kind: AppealNoticeKind; number: string }; day: IsoDate; email: string }>,
): Map<number, RecordedAppealNotice[]> {
  const rowOf = new Map<string, number>();
  for (const a of appeals) if (a.number && !a.invalid.includes(APPEAL_COL.number)) rowOf.set(a.number, a.row);
  const out = new Map<number, RecordedAppealNotice[]>();
  if (rowOf.size === 0) return out;
  for (const { key, day, email } of recorded) {
    const row = rowOf.get(key.number);
    if (row === undefined) continue;
    const list = out.get(row) ?? [];
    list.push({ kind: key.kind, day, email });
    out.set(row, list);
  }
  return out;
}
