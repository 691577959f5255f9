// «История»: one line per event, «ДД.ММ.ГГГГ: что произошло». onEdit and the daily check both
// write here; the daily check also reads back the day an extension was requested.
import { cellToIsoDate, formatRu, type IsoDate } from './dates';

export function historyLine(day: IsoDate, what: string): string {
  return `${formatRu(day)}: ${what}`;
}

/** True when «История» has `line` already (case and surrounding spaces aside). */
export function hasHistoryLine(history: string, line: string): boolean {
  const l = line.trim().toLowerCase();
  return history.split('\n').some((x) => x.trim().toLowerCase() === l);
}

export function appendHistory(history: string, lines: readonly string[]): string {
  if (lines.length === 0) return history;
  const h = history.replace(/\s+$/, '');
  return h ? `${h}\n${lines.join('\n')}` : lines.join('\n');
}

/** The phrase the daily check and onEdit use for a request; found again by requestDayFromHistory. */
export function requestLine(day: IsoDate, requested: IsoDate): string {
  return historyLine(day, `запрошен перенос срока на ${formatRu(requested)}`);
}

/**
 * The day the extension to `requested` was asked for, from the latest «запрош… перенос … <date>»
 * line of «История»; null when no line mentions it.
 */
export function requestDayFromHistory(history: string, requested: IsoDate): IsoDate | null {
  const want = formatRu(requested);
  const lines = history.split('\n').reverse();
  for (const l of lines) {
    const m = /^\s*(\d{2}\.\d{2}\.\d{4})/.exec(l);
    if (!m) continue;
    if (/запрош\S*\s+перенос/i.test(l) && l.includes(want)) return cellToIsoDate(m[1], 'UTC');
  }
  return null;
}

/** «ДД.ММ.ГГГГ: решение по переносу «…» внесено» — onEdit dates the controller's decision the day it is typed. */
export function decisionTypedLine(day: IsoDate, decision: string): string {
  return historyLine(day, `решение по переносу «${decision}» внесено`);
}

/**
 * The day the current decision was typed (onEdit's line after the last request line); null when
 * onEdit did not see it (typed in another program, pasted by a script): then the run's day.
 */
export function decisionDayFromHistory(history: string, decision: string): IsoDate | null {
  let day: IsoDate | null = null;
  for (const l of history.split('\n')) {
    const m = /^\s*(\d{2}\.\d{2}\.\d{4}):\s*(.*)$/.exec(l);
    if (!m) continue;
    if (/запрош\S*\s+перенос/i.test(m[2])) day = null;
    else if (m[2].startsWith(`решение по переносу «${decision}» внесено`)) day = cellToIsoDate(m[1], 'UTC');
  }
  return day;
}

/** True when «История» records a return for rework. */
export function hasReturnLine(history: string): boolean {
  return /возвращено на доработку/i.test(history);
}

// ---- Re-runs after a cut (Apps Script stops a run at 6 minutes, anywhere). The daily check
// writes «История» before people's cells, so the line of a step-2 change already in «История»
// means the change was made and only its cells may still be missing: the functions below find
// such lines so a re-run completes the change instead of making it twice.

const RU_DATE = /^\s*(\d{2}\.\d{2}\.\d{4}):\s*/;

function lines(history: string): string[] {
  return history.split('\n').filter((l) => l.trim() !== '');
}

/** The phrase of a notice line, by kind (000 п.8, п.10, п.11). */
export const NOTICE_PHRASE: Record<'new' | 'remind' | 'overdue' | 'extension' | 'decision', string> = {
  new: 'уведомление о поручении отправлено',
  remind: 'напоминание о сроке отправлено',
  overdue: 'уведомление о просрочке отправлено',
  extension: 'запрос переноса передан контролёру',
  decision: 'исполнителю сообщено решение',
};
export type NoticeLineKind = keyof typeof NOTICE_PHRASE;

/** «История» line of a sent mail: «ДД.ММ.ГГГГ: <phrase>: Имя <адрес> (замещает …)» (orders' and appeals' notices). */
export function sentLine(day: IsoDate, phrase: string, name: string, email: string, onBehalfOf?: string): string {
  return historyLine(day, `${phrase}: ${name} <${email}>${onBehalfOf ? ` (замещает ${onBehalfOf})` : ''}`);
}

/** «История» line of a sent notice of an order. */
export function noticeLine(
  day: IsoDate,
  kind: NoticeLineKind,
  name: string,
  email: string,
  onBehalfOf?: string,
): string {
  return sentLine(day, NOTICE_PHRASE[kind], name, email, onBehalfOf);
}

/** True when «История» has the line of a `kind` notice sent on `day` to `email` (any name). */
export function hasNoticeLine(history: string, day: IsoDate, kind: NoticeLineKind, email: string): boolean {
  const start = `${formatRu(day)}: ${NOTICE_PHRASE[kind]}: `;
  const to = `<${email.trim().toLowerCase()}>`;
  return lines(history).some((l) => l.trim().startsWith(start) && l.toLowerCase().includes(to));
}

/** A notice key of «Журнал» (see notices.ts noticeKey) taken apart; null for other keys. */
export interface ParsedNoticeKey {
  kind: NoticeLineKind;
  number: string;
  /** The co-executor a `new:<№>:соисп:<ФИО>` key is for. */
  coExecutor?: string;
}
export function parseNoticeKey(key: string): ParsedNoticeKey | null {
  let m = /^new:(.+):соисп:(.+)$/.exec(key);
  if (m) return { kind: 'new', number: m[1], coExecutor: m[2] };
  m = /^(remind|overdue|ext):(.+):\d{4}-\d{2}-\d{2}$/.exec(key);
  if (m) return { kind: m[1] === 'ext' ? 'extension' : (m[1] as 'remind' | 'overdue'), number: m[2] };
  m = /^decision:(.+):[a-zA-Z]+:\d{4}-\d{2}-\d{2}$/.exec(key);
  if (m) return { kind: 'decision', number: m[1] };
  m = /^new:(.+)$/.exec(key);
  if (m) return { kind: 'new', number: m[1] };
  return null;
}

const REQUEST = /запрош\S*\s+перенос/i;
const APPROVAL = /перенос срока согласован: с \S+ на (\d{2}\.\d{2}\.\d{4})/;
const REFUSAL = /перенос срока(?: на (\d{2}\.\d{2}\.\d{4}))? отклонён/;

/**
 * True when the controller's decision on the request for `requested` is already in «История»
 * (000 п.11–12): an approval «… на <requested>» or a refusal «перенос срока на <requested>
 * отклонён», written after the last line of the request itself (a new request for the same date
 * after a decision is a new case). With `requested` null (a stopped run had cleared «Запрошенный
 * срок» but not yet «Решение по переносу»): when the last line about extensions is such a decision.
 */
export function decisionRecorded(history: string, approved: boolean, requested: IsoDate | null): boolean {
  const decision = approved ? APPROVAL : REFUSAL;
  const want = requested ? formatRu(requested) : null;
  let lastRequest = -1;
  let lastDecision = -1;
  let lastOther = -1;
  lines(history).forEach((l, i) => {
    const m = decision.exec(l);
    if (m && (want === null || m[1] === want)) lastDecision = i;
    else if (REQUEST.test(l)) {
      if (want === null || l.includes(want)) lastRequest = i;
    } else if ((approved ? REFUSAL : APPROVAL).test(l) || decision.test(l)) lastOther = i;
  });
  return lastDecision > lastRequest && (want !== null || lastDecision > lastOther);
}

/** The № the daily check assigned to a blank «№» («№ не был указан, присвоен N»), the latest; null if none. */
export function recordedNumber(history: string): string | null {
  let out: string | null = null;
  for (const l of lines(history)) {
    const m = /№ не был указан, присвоен (.+?)\s*$/.exec(l);
    if (m) out = m[1];
  }
  return out;
}

/** The «Срок» the daily check set in a blank cell («срок не был указан, установлен ДД.ММ.ГГГГ»), the latest. */
export function recordedDeadline(history: string): IsoDate | null {
  let out: IsoDate | null = null;
  for (const l of lines(history)) {
    const m = /срок не был указан, установлен (\d{2}\.\d{2}\.\d{4})/.exec(l);
    if (m) out = cellToIsoDate(m[1], 'UTC');
  }
  return out;
}

/** True when the latest return line of «История» is the one that cleared «Дата исполнения» `doneDate`. */
export function returnRecorded(history: string, doneDate: IsoDate): boolean {
  const last = lines(history)
    .filter((l) => /возвращено на доработку/i.test(l))
    .pop();
  return !!last && last.includes(`(снята дата исполнения ${formatRu(doneDate)})`);
}

export const ARCHIVE_WHAT = 'перенесено в архив';
/**
 * True when the last event of «История» (notice lines aside: a re-run may add a lost one later)
 * is the archive line: the row was being moved to «Архив» when a run stopped.
 */
export function endsWithArchiveLine(history: string): boolean {
  const phrases = Object.values(NOTICE_PHRASE);
  const last =
    lines(history)
      .map((l) => l.replace(RU_DATE, '').trim())
      .filter((l) => !phrases.some((p) => l.startsWith(`${p}:`)))
      .pop() ?? '';
  return last === ARCHIVE_WHAT;
}
