// The hook of domain/history-rollover.ts for the writers (issue 19 item 5): before a «История» or
// «Ход исполнения» cell is written, one past the bound gives its oldest lines to «Архив истории»
// (workbook/history-archive.ts), written first: a run stopped in between keeps every line (at worst
// the same lines twice in the archive), never loses one.
import { type MovedLine, ROLL_OVER_AT, rollOver } from '../domain/history-rollover';
import { type ArchivedLines, appendHistoryArchive } from '../workbook/history-archive';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rolls over each text that needs it; `texts[i]` is replaced in place. Returns the rows archived. */
export function rollOverTexts(
  ss: Spreadsheet,
  tz: string,
  items: { number: string; text: string }[],
): { number: string; text: string }[] {
  const batches: ArchivedLines[] = [];
  const out = items.map((it) => {
    if (it.text.length <= ROLL_OVER_AT) return it;
    const r = rollOver(it.text);
    if (!r.moved.length) return it;
    batches.push({ number: it.number, lines: r.moved as MovedLine[] });
    return { number: it.number, text: r.text };
  });
  appendHistoryArchive(ss, tz, batches);
  return out;
}

/** The daily check's orders: each «История» past the bound rolled over before it is written. */
export function rollOverHistories(ss: Spreadsheet, tz: string, orders: { number: string; history: string }[]): void {
  const long = orders.filter((o) => o.history.length > ROLL_OVER_AT);
  if (!long.length) return;
  const rolled = rollOverTexts(
    ss,
    tz,
    long.map((o) => ({ number: o.number, text: o.history })),
  );
  long.forEach((o, i) => {
    o.history = rolled[i].text;
  });
}
