// The executor hears the controller's decisions (issue 25 item 2): an extension approved or refused
// (000 п.11–12), a return for rework (000 п.14), a removal decided in the «решением давшего
// поручение» mode («Снято» / «Не снято»; 001 гл.7 п.2.4.15, 003 п.199). Each decision is the line
// its rule wrote to «История»; a decision seen there within the last week and not yet told is told
// once, in the executor's daily digest, with what to do next. Pure: «История» text in, facts out.
import { addDays, cellToIsoDate, formatRu, type IsoDate } from './dates';
import { EVENT_PHRASE } from './order-events';

export type DecisionType = 'approved' | 'refused' | 'returned' | 'removed' | 'notRemoved' | 'cancelled';

export interface DecisionFact {
  type: DecisionType;
  /** The day of the «История» line. */
  day: IsoDate;
  /** The line after its date, as written (the decision in the controller's words). */
  what: string;
  /** Approved: the new «Срок». */
  newDeadline?: IsoDate;
}

/** Decisions older than this are not told (a workbook upgraded today does not mail last year's). */
export const DECISION_NOTICE_DAYS = 7;

const LINE = /^\s*(\d{2}\.\d{2}\.\d{4}):\s*(.*)$/;
const APPROVED = /^перенос срока согласован: с \S+ на (\d{2}\.\d{2}\.\d{4})/;
const REFUSED = /^перенос срока(?: на \d{2}\.\d{2}\.\d{4})? отклонён/;
const NOT_REMOVED = /^не снято с контроля, возвращено на доработку/;
const RETURNED = /^возвращено на доработку/;
const REMOVED = /^снято с контроля$/;
// 001 гл.7 п.2.4.15: the one who gave the order «доводит это решение до исполнителя в письменном виде».
const CANCELLED = new RegExp(`^${EVENT_PHRASE.cancelled}`);

function typeOf(what: string): { type: DecisionType; newDeadline?: IsoDate } | null {
  const a = APPROVED.exec(what);
  if (a) {
    const d = cellToIsoDate(a[1], 'UTC');
    return d ? { type: 'approved', newDeadline: d } : null;
  }
  if (REFUSED.test(what)) return { type: 'refused' };
  if (NOT_REMOVED.test(what)) return { type: 'notRemoved' };
  if (RETURNED.test(what)) return { type: 'returned' };
  if (REMOVED.test(what.trim())) return { type: 'removed' };
  if (CANCELLED.test(what)) return { type: 'cancelled' };
  return null;
}

/** The decisions «История» records from `today` − DECISION_NOTICE_DAYS to `today`, oldest first. */
export function recentDecisions(history: string, today: IsoDate): DecisionFact[] {
  const from = addDays(today, -DECISION_NOTICE_DAYS);
  const out: DecisionFact[] = [];
  for (const raw of history.split('\n')) {
    const m = LINE.exec(raw);
    if (!m) continue;
    const day = cellToIsoDate(m[1], 'UTC');
    if (!day || day < from || day > today) continue;
    const what = m[2].trim();
    const t = typeOf(what);
    if (t) out.push({ day, what, ...t });
  }
  return out;
}

/** «Журнал» key of a told decision: one per order, day and kind of decision. */
export function decisionKey(number: string, d: Pick<DecisionFact, 'type' | 'day'>): string {
  return `decision:${number}:${d.type}:${d.day}`;
}

/** What the executor reads about the decision, and what to do next. */
export function decisionText(d: DecisionFact): { title: string; next: string } {
  switch (d.type) {
    case 'approved':
      return {
        title: `Перенос срока согласован: новый срок ${formatRu(d.newDeadline as IsoDate)}.`,
        next: `Что сделать: исполните к ${formatRu(d.newDeadline as IsoDate)} и отметьте «Готово».`,
      };
    case 'refused':
      return {
        title: 'Перенос срока отклонён: срок не изменился.',
        next: 'Что сделать: исполните в прежний срок; если не успеваете — отметьте ход исполнения и сообщите контролёру.',
      };
    case 'returned':
    case 'notRemoved':
      return {
        title:
          d.type === 'notRemoved'
            ? 'Не снято с контроля: поручение возвращено на доработку.'
            : 'Поручение возвращено на доработку.',
        next: 'Что сделать: доработайте и снова отметьте «Готово» (возврат считается неисполнением в срок, 000 п.14).',
      };
    case 'removed':
      return { title: 'Снято с контроля: поручение завершено.', next: 'Что сделать: ничего, поручение закрыто.' };
    case 'cancelled':
      return {
        title: 'Контроль отменён решением давшего поручение: поручение снято с контроля без исполнения.',
        next: 'Что сделать: ничего, напоминаний по нему больше не будет.',
      };
  }
}
