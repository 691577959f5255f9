// What «Мои поручения» reads of an order's «История» (issue 23, the page's index): the index keeps
// only these lines, in their order, so the page shows the same from it as from the whole cell —
//   - the card's last HISTORY_LINES non-empty lines (page-details.ts orderDetails);
//   - every co-executor's note event (co-executors.ts coExecutorNotes: those since «Внесено»);
//   - every request line (history.ts requestDayFromHistory: the day of the last one for that date);
//   - every speed-up reminder (speed-up.ts lastSpeedUp, speedUpSentToday).
// Each of those reads lines one by one, so a subset holding every line it matches gives its answer.
// «История» is not part of a row's version (workbook/schema.ts ORDER_SYSTEM_HEADERS): a submit
// compares the same version whether the page saw the whole cell or these lines.
import { lineEvents } from './order-events';
import { HISTORY_LINES } from './page-details';
import { SPEED_UP_WHAT } from './speed-up';

const REQUEST = /запрош\S*\s+перенос/i;

function pageUses(line: string): boolean {
  return line.includes(SPEED_UP_WHAT) || REQUEST.test(line) || lineEvents(line).some((e) => e.kind === 'note');
}

/** «История» as far as the page uses it (the lines above, in order, joined by a line break). */
export function pageHistory(history: string): string {
  const lines = history.split('\n');
  const last = new Set<number>();
  for (let i = lines.length - 1; i >= 0 && last.size < HISTORY_LINES; i--) if (lines[i].trim()) last.add(i);
  return lines.filter((l, i) => last.has(i) || pageUses(l)).join('\n');
}
