// «Мои поручения»: the page's actions on «Поручения» — an executor's status, note or extension
// request, the controller's decision on a request or on removal from control. Each re-reads the row
// it changes (found by «№», never by position), refuses a row changed since the page loaded, applies
// the same fills onEdit makes (editFills: «Дата исполнения», the request's «История» line) and
// writes only the cells that changed.
import type { AppealAction } from '../domain/appeals-page';
import { cellToIsoDate, formatRu, midnightInZone } from '../domain/dates';
import { appendHistory, historyLine } from '../domain/history';
import {
  type ExtensionAction,
  type OrderAction,
  type OrderChange,
  orderChange,
  orderChangeText,
  PAGE_DECISIONS,
  PAGE_REMOVALS,
  type PageAction,
  type RemovalAction,
  roleFor,
  type UndoAction,
} from '../domain/my-orders';
import { recordEvents } from '../domain/order-event-rules';
import { noteLine } from '../domain/order-events';
import { UNDO_STATUS, undoRefusal } from '../domain/page-details';
import { rightsOf, rightsRefusal } from '../domain/rights';
import { logPageEdits } from '../workbook/page-index';
import { ORDER_COL, STATUS, TAB } from '../workbook/schema';
import { type Cell, makeTable, safeCell, type Table } from '../workbook/table';
import { applyAppeal } from './appeals-page';
import { type Found, findOrder, type OrdersTab, type PageBook, peopleOf, versionOf, who } from './my-orders-book';
import { applyControl } from './my-orders-control';
import { applySpeedUp } from './my-orders-speed-up';
import { editFills, occurrenceFills } from './onedit';
import { rollOverTexts } from './rollover';

export type Done = { message: string; journal: string } | string;

export const STALE = 'Поручение изменилось с тех пор, как страница была загружена. Обновите страницу и повторите.';

/** Writes the cells of the found row that differ from `next`; one getRange/setValue per changed cell. */
export function writeRow(book: PageBook, f: Found, next: Cell[]): number {
  const sheet = (book.orders as OrdersTab).sheet;
  // «История» and «Ход исполнения» never grow past 40 000 characters (issue 19): oldest lines to «Архив истории».
  const t = fullTable(book);
  const number = String(f.record.number);
  const appended = [t.col(ORDER_COL.history), t.col(ORDER_COL.progress)].filter(
    (c) => c >= 0 && typeof next[c] === 'string' && next[c] !== f.cells[c],
  );
  const rolled = rollOverTexts(
    book.ss,
    book.tz,
    appended.map((c) => ({ number, text: String(next[c]) })),
  );
  appended.forEach((c, k) => {
    next[c] = rolled[k].text;
  });
  let n = 0;
  next.forEach((v, c) => {
    const old = f.cells[c] ?? '';
    const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : old === v;
    if (same) return;
    sheet.getRange(f.row, c + 1).setValue(safeCell(v));
    n++;
  });
  // The page's index no longer vouches for this order (workbook/page-index.ts).
  if (n > 0) logPageEdits(book.ss, [number]);
  return n;
}

/** «Поручения»'s whole header as a table (columns by header) for the row an action changes. */
export function fullTable(book: PageBook): Table {
  const o = book.orders as OrdersTab;
  return makeTable(TAB.orders, o.sheet, [o.header]);
}

/** True when the row still is as the page saw it. */
export function sameVersion(book: PageBook, f: Found, version: unknown): boolean {
  const same = versionOf(book.orders as OrdersTab, f.cells, book.tz) === version;
  // A page that showed an older row: the reload after the refusal reads the row itself, whatever
  // changed it (another script, an edit no trigger saw) — the index no longer vouches for it.
  if (!same) logPageEdits(book.ss, [String(f.record.number)]);
  return same;
}

export function colOrError(t: Table, header: string): number | string {
  const c = t.col(header);
  return c >= 0 ? c : `На листе «${TAB.orders}» нет столбца «${header}»: изменение не сохранено.`;
}

/** The found row as read, padded to the table's width, for the action to change. */
export function rowCopy(t: Table, f: Found): Cell[] {
  const next = [...f.cells];
  while (next.length < t.width) next.push('');
  return next;
}

/** The row after an executor's change; a refusal when a column it needs is missing. */
function orderRowAfter(book: PageBook, email: string, f: Found, ch: OrderChange): Cell[] | string {
  const t = fullTable(book);
  const { env, tz } = book;
  const next = rowCopy(t, f);
  const edited: number[] = [];
  if (ch.status) {
    const sc = colOrError(t, ORDER_COL.status);
    if (typeof sc === 'string') return sc;
    next[sc] = ch.status;
    edited.push(sc);
  }
  if (ch.note) {
    const pc = colOrError(t, ORDER_COL.progress);
    if (typeof pc === 'string') return pc;
    const old = String(next[pc] ?? '').replace(/\s+$/, '');
    const line = historyLine(env.today, ch.note);
    next[pc] = old ? `${old}\n${line}` : line;
  }
  if (ch.lateReason) {
    const lc = colOrError(t, ORDER_COL.lateReason);
    if (typeof lc === 'string') return lc;
    next[lc] = ch.lateReason;
  }
  if (ch.request) {
    const qc = colOrError(t, ORDER_COL.requestedDate);
    if (typeof qc === 'string') return qc;
    const rc = colOrError(t, ORDER_COL.requestReason);
    if (typeof rc === 'string') return rc;
    next[qc] = midnightInZone(ch.request.date, tz);
    next[rc] = ch.request.reason;
    // A new request replaces a decided one only through the daily check; here the cell is blank or undecided.
    edited.push(qc, rc);
  }
  // A note's author in «История» (the note itself is in «Ход исполнения»): the responsible
  // executor's page shows which co-executors have noted (domain/co-executors.ts coExecutorNotes).
  const hc = t.col(ORDER_COL.history);
  if (ch.note && hc >= 0) next[hc] = appendHistory(String(next[hc] ?? ''), [noteLine(env.today, who(book, email))]);
  // The same fills onEdit makes for the same edit typed in the sheet.
  for (const fill of editFills({ header: t.header, rows: [next], editedCols: edited }, env.today, tz)) {
    const fc = t.col(fill.header);
    if (fc >= 0) next[fc] = fill.value;
  }
  // A status set on the page is also an event of «История», with who set it (the sheet's own edit
  // history shows who typed a status; the page's writes all come from one account).
  if (ch.status && hc >= 0) {
    const line = historyLine(env.today, `статус «${ch.status}» отмечен через страницу: ${who(book, email)}`);
    const old = String(next[hc] ?? '').replace(/\s+$/, '');
    // editFills recorded the status event («статус «…»»): the page's line says the same with who.
    const bare = historyLine(env.today, `статус «${ch.status}»`);
    const lines = old ? old.split('\n') : [];
    const at = lines.lastIndexOf(bare);
    if (at >= 0) lines[at] = line;
    else lines.push(line);
    next[hc] = lines.join('\n');
  }
  // A periodic order's occurrence reported: rolled over at once, as onEdit and the daily check do.
  if (ch.status === STATUS.done) {
    const env2 = { today: env.today, tz, settings: env.settings, calendar: env.calendar };
    const at = { i: 0, sheetRow: f.row, fills: [] };
    for (const fill of occurrenceFills((book.orders as OrdersTab).sheet, t.header, next, at, env2)) {
      const c = t.col(fill.header);
      if (c >= 0) next[c] = fill.value;
    }
  }
  return next;
}

function orderMessage(number: string, ch: OrderChange, rolled: { was: string; next: string } | null): string {
  const parts: string[] = [];
  if (rolled) parts.push(`отчёт за срок ${rolled.was} принят; следующий срок ${rolled.next}, статус «В процессе 0»`);
  else if (ch.status) parts.push(`статус «${ch.status}» сохранён`);
  if (ch.note) parts.push('запись о ходе исполнения добавлена');
  if (ch.lateReason) parts.push('причина нарушения срока записана');
  if (ch.request)
    parts.push(
      ch.request.late
        ? `запрос переноса на ${formatRu(ch.request.date)} принят, но подан позже срока подачи (не позднее ${formatRu(ch.request.cutoff)}): контролёр увидит его как поздний`
        : `запрос переноса на ${formatRu(ch.request.date)} передан контролёру`,
    );
  const msg = `№ ${number}: ${parts.join('; ')}.`;
  return msg.charAt(0).toUpperCase() + msg.slice(1);
}

function applyOrder(book: PageBook, email: string, a: OrderAction): Done {
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const { mine, absent } = peopleOf(book, email);
  const role = roleFor(f.record, mine, absent);
  if (!role) return `Поручение № ${a.number} не ваше: изменить его нельзя.`;
  if (!sameVersion(book, f, a.version)) return STALE;
  const c = orderChange(a, f.record, book.env);
  if ('error' in c) return c.error as string;
  // Rights (domain/rights.ts, 003 п.80, 111, 133): a co-executor adds progress notes only.
  const denied = rightsRefusal(rightsOf(role, f.record.executor), c.change, f.record.executor);
  if (denied) return denied;
  const next = orderRowAfter(book, email, f, c.change);
  if (typeof next === 'string') return next;
  writeRow(book, f, next);
  const t = fullTable(book);
  const dl = next[t.col(ORDER_COL.deadline)];
  const rolled =
    c.change.status === STATUS.done && next[t.col(ORDER_COL.status)] !== STATUS.done && f.record.deadline
      ? { was: formatRu(f.record.deadline), next: dl instanceof Date ? formatRu(cellToIsoDate(dl, book.tz) ?? '') : '' }
      : null;
  const journal = orderChangeText(c.change);
  return {
    message: orderMessage(f.record.number, c.change, rolled),
    journal: rolled ? `${journal}; отчёт за срок ${rolled.was}, следующий срок ${rolled.next}` : journal,
  };
}

function applyExtension(book: PageBook, a: ExtensionAction): Done {
  if (!book.isController) return 'Решать по запросам переноса может только контролёр.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = fullTable(book);
  if (!sameVersion(book, f, a.version)) return STALE;
  const r = f.record;
  if (!r.requestedDate || r.decision)
    return `По № ${r.number} нет запроса переноса, ожидающего решения. Обновите страницу.`;
  const decision = String(a.decision ?? '').trim();
  if (!(PAGE_DECISIONS as readonly string[]).includes(decision))
    return 'Выберите решение: «Согласован» или «Отклонён».';
  const decidedBy = String(a.decidedBy ?? '').trim();
  if (decidedBy.length > 200) return '«Кем согласован перенос» слишком длинно.';
  const dc = colOrError(t, ORDER_COL.decision);
  if (typeof dc === 'string') return dc;
  const next = rowCopy(t, f);
  next[dc] = decision;
  const bc = t.col(ORDER_COL.approvedBy);
  if (bc >= 0 && decidedBy) next[bc] = decidedBy;
  writeRow(book, f, next);
  const by = decidedBy ? ` (решение: ${decidedBy})` : '';
  return {
    message: `№ ${r.number}: перенос на ${formatRu(r.requestedDate)} — «${decision}»${by}. Срок изменится при ближайшей ежедневной проверке.`,
    journal: `решение по переносу на ${formatRu(r.requestedDate)}: «${decision}»${by} — через страницу`,
  };
}

function applyRemoval(book: PageBook, a: RemovalAction): Done {
  if (!book.isController) return 'Снимать с контроля может только контролёр.';
  if (book.env.settings.removalMode !== 'giver')
    return 'В «Настройках» поручения снимаются с контроля по отметке исполнителя: решение не нужно.';
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = fullTable(book);
  if (!sameVersion(book, f, a.version)) return STALE;
  const r = f.record;
  if (r.status !== 'Готово' || r.removal) return `№ ${r.number} не ждёт снятия с контроля. Обновите страницу.`;
  const decision = String(a.decision ?? '').trim();
  if (!(PAGE_REMOVALS as readonly string[]).includes(decision)) return 'Выберите решение: «Снято» или «Не снято».';
  const c = colOrError(t, ORDER_COL.removal);
  if (typeof c === 'string') return c;
  const next = rowCopy(t, f);
  next[c] = decision;
  writeRow(book, f, next);
  const then =
    decision === 'Снято' ? 'поручение снято с контроля' : 'поручение вернётся на доработку при ежедневной проверке';
  return {
    message: `№ ${r.number}: «${decision}» — ${then}.`,
    journal: `снятие с контроля: «${decision}» — через страницу`,
  };
}

/** «Принятые меры» / «Дата ответа» of one of the person's appeals (jobs/appeals-page.ts). */
function appealAction(book: PageBook, email: string, a: AppealAction): Done {
  const { mine, absent } = peopleOf(book, email);
  return applyAppeal(book.ss, book.tz, book.env, mine, absent, a, who(book, email));
}

/**
 * «Отменить отметку» (issue 25 п.9): a «Готово» set today taken back as a person would in the sheet —
 * «Статус» changed (to UNDO_STATUS) and «Дата исполнения» cleared, with the same onEdit fills for the
 * edited status, and one «История» line saying who did it.
 */
function applyUndo(book: PageBook, email: string, a: UndoAction): Done {
  const f = findOrder(book, String(a.number ?? ''));
  if ('error' in f) return f.error;
  const t = fullTable(book);
  const { env, tz } = book;
  const { mine, absent } = peopleOf(book, email);
  const role = roleFor(f.record, mine, absent);
  if (!role) return `Поручение № ${a.number} не ваше: изменить его нельзя.`;
  if (!sameVersion(book, f, a.version)) return STALE;
  // Undoing «Готово» is a change of «Статус»: the responsible executor's (domain/rights.ts).
  const denied = rightsRefusal(rightsOf(role, f.record.executor), { status: UNDO_STATUS }, f.record.executor);
  if (denied) return denied;
  const refusal = undoRefusal(f.record, env.today);
  if (refusal) return refusal;
  const sc = colOrError(t, ORDER_COL.status);
  if (typeof sc === 'string') return sc;
  const next = rowCopy(t, f);
  next[sc] = UNDO_STATUS;
  const dc = t.col(ORDER_COL.doneDate);
  if (dc >= 0) next[dc] = '';
  for (const fill of editFills({ header: t.header, rows: [next], editedCols: [sc] }, env.today, tz)) {
    const fc = t.col(fill.header);
    if (fc >= 0) next[fc] = fill.value;
  }
  const hc = t.col(ORDER_COL.history);
  if (hc >= 0) {
    // The status event as the daily check and onEdit record it (domain/order-event-rules.ts), then who.
    const events = recordEvents({ ...f.record, status: UNDO_STATUS, doneDate: null }, env.today).history;
    const line = historyLine(env.today, `отметка «Готово» отменена через страницу: ${who(book, email)}`);
    next[hc] = appendHistory(String(next[hc] ?? ''), [...events, line]);
  }
  writeRow(book, f, next);
  return {
    message: `№ ${f.record.number}: отметка «Готово» отменена, статус «${UNDO_STATUS}». Поручение снова в списке.`,
    journal: `отметка «Готово» отменена (статус «${UNDO_STATUS}») — через страницу`,
  };
}

/** One page action: the page's message and the «Журнал» text, or the refusal (nothing written). */
export function applyPageAction(book: PageBook, email: string, a: PageAction): Done {
  if (a.kind === 'appeal') return appealAction(book, email, a);
  if (a.kind === 'order') return applyOrder(book, email, a);
  if (a.kind === 'undo') return applyUndo(book, email, a);
  if (a.kind === 'control') return applyControl(book, email, a);
  if (a.kind === 'search') return 'Поиск ничего не меняет.';
  if (a.kind === 'speedup') return applySpeedUp(book, a);
  if (a.kind === 'extension') return applyExtension(book, a);
  return applyRemoval(book, a);
}
