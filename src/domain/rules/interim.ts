// Interim dates (001 гл.7 п.3.3; stages of 001 гл.6 п.2.2.16): the executor's reminder before
// each (a line in the digest), and a problem — a line in the controller's mail — when one passed
// with no progress note since the previous one, until the next interim date or the term.
import { ORDER_COL } from '../contract';
import { formatRu } from '../dates';
import { dueDate } from '../deadlines';
import { interimEvents } from '../interim';
import type { Notice } from '../notices';
import { NOTHING, type OrderRule, type RowProblem } from './rule';

export const interimReminders: OrderRule = {
  name: 'interimReminders',
  stage: 'notify',
  modes: ['daily'],
  apply(o, { today, settings: s, calendar: cal }, facts) {
    if (!o.executor || !o.deadline || o.invalid.includes(ORDER_COL.executor)) return NOTHING;
    const due = dueDate(o.deadline, s, cal);
    const notices: Notice[] = interimEvents(o, facts.stages ?? [], today, s, cal, facts.sent)
      .filter((e) => e.kind === 'remind')
      .map((e) => ({
        kind: 'remind',
        order: o,
        key: e.key,
        person: o.executor,
        role: 'executor',
        due,
        note: `Промежуточный срок: ${formatRu(e.at.date)} (${e.at.what}) — внесите запись о ходе исполнения.`,
      }));
    return { notices };
  },
};

export const interimMissed: OrderRule = {
  name: 'interimMissed',
  stage: 'check',
  modes: ['daily', 'check'],
  apply(o, { today, settings: s, calendar: cal }, facts) {
    if (!o.deadline) return NOTHING;
    // Judged afresh each run (never "sent"): listed while it is the latest interim date passed.
    const missed = interimEvents(o, facts.stages ?? [], today, s, cal, () => false).filter((e) => e.kind === 'missed');
    const last = missed[missed.length - 1];
    if (!last) return NOTHING;
    const p: RowProblem = {
      column: ORDER_COL.progress,
      value: '',
      message: `Промежуточный срок ${formatRu(last.at.date)} (${last.at.what}) прошёл, а записи о ходе исполнения${last.since ? ` после ${formatRu(last.since)}` : ''} нет.`,
      fix: 'Исполнитель добавляет запись «ДД.ММ.ГГГГ: что сделано» в «Ход исполнения» (на странице «Мои поручения» или в таблице).',
    };
    return { problems: [p] };
  },
};
