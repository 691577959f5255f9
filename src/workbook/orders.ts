// Reading the order tabs: «Поручения», «Архив», «Исполнители», «Протоколы», one getValues each,
// columns by header. Every row becomes a typed record; whatever cannot be understood becomes a
// Problem (Russian message and fix) and the record marks the cell `invalid` so no rule acts on it.
import { cellToIsoDate, formatRu, type IsoDate } from '../domain/dates';
import { endsWithArchiveLine } from '../domain/history';
import type { MeasureStage } from '../domain/measure-plans';
import { type Executor, normName, type OrderRecord, type OrderTab, type Protocol, splitNames } from '../domain/order';
import { normalizePeriodicity, PERIODICITIES } from '../domain/periodic';
import { isEmail } from '../domain/settings';
import { foldText, fromList } from '../domain/text';
import { type Unit, unitIndex } from '../domain/units';
import { STATE, STATUS } from '../domain/vocabulary';
import { columnLetter } from './a1';
import { readArchiveTail } from './archive-window';
import { checkExecutorUnits, readMeasurePlans, readUnits } from './between-dates';
import { coalesceRuns } from './diff-writer';
import type { Problems } from './problems';
import { cellText, rowReader } from './row-reader';
import {
  ARCHIVE_EXTRA_COL,
  DECISION,
  EXECUTOR_COL,
  ORDER_COL,
  ORDER_HEADERS,
  ORDER_OPTIONAL_HEADERS,
  PROTOCOL_COL,
  REMOVAL,
  STATUSES,
  TAB,
  URGENCY,
} from './schema';
import { type Cell, isBlankRow, normHeader, readTable, safeCell, type Table } from './table';

/** What reading the order tabs needs of a run (the jobs' RunContext has it all; workbook never imports jobs). */
export interface ReadContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tz: string;
  today: IsoDate;
  problems: Problems;
}

export interface OrderBook {
  /** Rows of «Поручения» (blank rows skipped). */
  orders: OrderRecord[];
  /** Rows of «Архив». */
  archive: OrderRecord[];
  executors: Executor[];
  protocols: Protocol[];
  /** By normName(ФИО). */
  executorByName: Map<string, Executor>;
  /** By № as text. */
  protocolByNumber: Map<string, Protocol>;
  ordersTable: Table | null;
  archiveTable: Table | null;
  /**
   * False when «Поручения» is missing or lacks a column the daily rules cannot do without
   * (№, Поручение, Исполнитель, Срок, Статус, Дата исполнения): then nothing is sent, filled or
   * moved from it, only reported.
   */
  ordersUsable: boolean;
  /** «Подразделения» (empty when the tab is absent). */
  units: Unit[];
  /** By foldText(name). */
  unitByName: Map<string, Unit>;
  /** «Планы мероприятий» (empty when the tab is absent). */
  stages: MeasureStage[];
}

/** Columns without which no order rule can be applied safely. */
export const CORE_ORDER_HEADERS: readonly string[] = [
  ORDER_COL.number,
  ORDER_COL.text,
  ORDER_COL.executor,
  ORDER_COL.deadline,
  ORDER_COL.status,
  ORDER_COL.doneDate,
];
const EXECUTOR_REQUIRED = [EXECUTOR_COL.name, EXECUTOR_COL.email];
const PROTOCOL_REQUIRED = [PROTOCOL_COL.number, PROTOCOL_COL.date];

const norm = foldText;

/** A status as typed, matched to the list ignoring case, ё and extra spaces; null if not in the list. */
export function normalizeStatus(s: string): string | null {
  return fromList(s, STATUSES);
}
export function normalizeUrgency(s: string): string | null {
  return fromList(s, [URGENCY.urgent, URGENCY.operative]);
}
export function normalizeDecision(s: string): string | null {
  if (s === '') return '';
  const n = norm(s);
  if (n.startsWith('соглас')) return DECISION.approved;
  if (n.startsWith('отклон')) return DECISION.refused;
  return null;
}

export function normalizeRemoval(s: string): string | null {
  if (s === '') return '';
  const n = norm(s);
  if (n === norm(REMOVAL.removed) || n === 'снят' || n === 'снято с контроля') return REMOVAL.removed;
  if (n === norm(REMOVAL.notRemoved) || n === 'не снят') return REMOVAL.notRemoved;
  return null;
}

function missingColumns(t: Table, required: readonly string[], problems: Problems): string[] {
  const missing = required.filter((h) => t.col(h) < 0);
  for (const h of missing) problems.missingColumn(t.name, h);
  return missing;
}

/** «Исполнители», one read; null when the tab or «ФИО» is missing. */
export function readExecutors(ctx: Pick<ReadContext, 'ss' | 'tz' | 'problems'>): Executor[] | null {
  const t = readTable(ctx.ss, TAB.executors);
  if (!t) {
    ctx.problems.missingTab(TAB.executors);
    return null;
  }
  if (t.col(EXECUTOR_COL.name) < 0) {
    missingColumns(t, EXECUTOR_REQUIRED, ctx.problems);
    return null;
  }
  missingColumns(t, EXECUTOR_REQUIRED, ctx.problems);
  const c = (h: string) => t.col(h);
  const out: Executor[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const row = i + 2;
    const get = (h: string) => (c(h) >= 0 ? r[c(h)] : '');
    const date = (h: string): IsoDate | null => {
      const v = get(h);
      if (v === '') return null;
      const d = cellToIsoDate(v, ctx.tz);
      if (!d)
        ctx.problems.add({
          tab: t.name,
          row,
          column: h,
          value: cellText(v),
          message: 'Не удалось прочитать дату.',
          fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
        });
      return d;
    };
    const e: Executor = {
      row,
      name: cellText(get(EXECUTOR_COL.name)).replace(/\s+/g, ' '),
      position: cellText(get(EXECUTOR_COL.position)),
      unit: cellText(get(EXECUTOR_COL.unit)),
      email: cellText(get(EXECUTOR_COL.email)),
      substitute: cellText(get(EXECUTOR_COL.substitute)).replace(/\s+/g, ' '),
      absentFrom: date(EXECUTOR_COL.absentFrom),
      absentTo: date(EXECUTOR_COL.absentTo),
    };
    if (!e.name) {
      ctx.problems.add({
        tab: t.name,
        row,
        column: EXECUTOR_COL.name,
        value: '',
        message: 'Не указано ФИО исполнителя.',
        fix: 'Впишите ФИО или удалите строку.',
      });
      return;
    }
    if (c(EXECUTOR_COL.email) >= 0 && !isEmail(e.email))
      ctx.problems.add({
        tab: t.name,
        row,
        column: EXECUTOR_COL.email,
        value: e.email,
        message: e.email
          ? `«${e.email}» не похож на адрес электронной почты: письма ${e.name} не уйдут.`
          : `Нет адреса почты у ${e.name}: письма не уйдут.`,
        fix: 'Укажите адрес вида ivanov@admin.ru.',
      });
    if (e.absentFrom && e.absentTo && e.absentTo < e.absentFrom)
      ctx.problems.add({
        tab: t.name,
        row,
        column: EXECUTOR_COL.absentTo,
        value: formatRu(e.absentTo),
        message: `«Отсутствует по» раньше, чем «Отсутствует с» (${formatRu(e.absentFrom)}).`,
        fix: 'Исправьте даты отсутствия.',
      });
    out.push(e);
  });
  const seen = new Map<string, Executor>();
  for (const e of out) {
    const k = normName(e.name);
    const first = seen.get(k);
    if (first)
      ctx.problems.add({
        tab: t.name,
        row: e.row,
        column: EXECUTOR_COL.name,
        value: e.name,
        message: `ФИО «${e.name}» уже есть в строке ${first.row}; используется первая строка.`,
        fix: 'Удалите повтор или уточните ФИО (например, добавьте инициалы).',
      });
    else seen.set(k, e);
  }
  for (const e of out) {
    if (e.substitute && !seen.has(normName(e.substitute)))
      ctx.problems.add({
        tab: t.name,
        row: e.row,
        column: EXECUTOR_COL.substitute,
        value: e.substitute,
        message: `Замещающий «${e.substitute}» не найден среди исполнителей.`,
        fix: 'Выберите ФИО из столбца «ФИО» этого листа.',
      });
  }
  return out;
}

/** «Протоколы», one read; null when the tab or «№» is missing. */
export function readProtocols(ctx: Pick<ReadContext, 'ss' | 'tz' | 'problems'>): Protocol[] | null {
  const t = readTable(ctx.ss, TAB.protocols);
  if (!t) {
    ctx.problems.missingTab(TAB.protocols);
    return null;
  }
  if (t.col(PROTOCOL_COL.number) < 0) {
    missingColumns(t, PROTOCOL_REQUIRED, ctx.problems);
    return null;
  }
  missingColumns(t, PROTOCOL_REQUIRED, ctx.problems);
  return protocolsFrom(t, ctx);
}

/**
 * The protocols in a table of «Протоколы» (the whole tab, or the rows a page found by «№»): each
 * row a record, what cannot be read a problem; rows[i] is sheet row i + 2 (or t.firstRow + i).
 */
export function protocolsFrom(t: Table, ctx: Pick<ReadContext, 'tz' | 'problems'>): Protocol[] {
  const c = (h: string) => t.col(h);
  const out: Protocol[] = [];
  const seen = new Map<string, number>();
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const row = i + (t.firstRow ?? 2);
    const get = (h: string) => (c(h) >= 0 ? r[c(h)] : '');
    const number = cellText(get(PROTOCOL_COL.number));
    const rawDate = get(PROTOCOL_COL.date);
    let date: IsoDate | null = null;
    if (rawDate !== '') {
      date = cellToIsoDate(rawDate, ctx.tz);
      if (!date)
        ctx.problems.add({
          tab: t.name,
          row,
          column: PROTOCOL_COL.date,
          value: cellText(rawDate),
          message: 'Не удалось прочитать дату протокола.',
          fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
        });
    } else if (c(PROTOCOL_COL.date) >= 0)
      ctx.problems.add({
        tab: t.name,
        row,
        column: PROTOCOL_COL.date,
        value: '',
        message: `У протокола № ${number || '?'} нет даты: сроки по срочности от неё не посчитать.`,
        fix: 'Впишите дату совещания.',
      });
    if (!number) {
      ctx.problems.add({
        tab: t.name,
        row,
        column: PROTOCOL_COL.number,
        value: '',
        message: 'Не указан № протокола.',
        fix: 'Впишите номер протокола.',
      });
      return;
    }
    const prev = seen.get(number);
    if (prev) {
      ctx.problems.add({
        tab: t.name,
        row,
        column: PROTOCOL_COL.number,
        value: number,
        message: `№ протокола «${number}» уже есть в строке ${prev}.`,
        fix: 'Номера протоколов должны быть разными.',
      });
      return;
    }
    seen.set(number, row);
    out.push({
      row,
      number,
      date,
      meeting: cellText(get(PROTOCOL_COL.meeting)),
      chair: cellText(get(PROTOCOL_COL.chair)),
      link: cellText(get(PROTOCOL_COL.link)),
    });
  });
  return out;
}

/** Parses one data row of «Поручения»/«Архив»; problems go to `problems`. Pure over the row. */
export function parseOrderRow(
  t: Table,
  tab: OrderTab,
  r: Cell[],
  row: number,
  tz: string,
  problems: Problems,
): OrderRecord {
  const { invalid, get, add, date } = rowReader(t, tab, r, row, tz, problems);
  const int = (h: string): number => {
    const v = get(h);
    if (v === '') return 0;
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(',', '.'));
    if (!Number.isInteger(n) || n < 0) {
      add(h, cellText(v), 'Ожидается целое число.', 'Очистите ячейку: надстройка посчитает заново.');
      return 0;
    }
    return n;
  };
  const statusRaw = cellText(get(ORDER_COL.status));
  let status = normalizeStatus(statusRaw);
  if (status === null) {
    add(
      ORDER_COL.status,
      statusRaw,
      `Статус «${statusRaw}» не из списка.`,
      `Выберите один из статусов: ${STATUSES.join(', ')}.`,
    );
    status = statusRaw;
  }
  const urgencyRaw = cellText(get(ORDER_COL.urgency));
  let urgency = normalizeUrgency(urgencyRaw);
  if (urgency === null) {
    add(
      ORDER_COL.urgency,
      urgencyRaw,
      `Срочность «${urgencyRaw}» не из списка.`,
      'Выберите «Срочно», «Оперативно» или оставьте пустой.',
    );
    urgency = urgencyRaw;
  }
  const decisionRaw = cellText(get(ORDER_COL.decision));
  let decision = normalizeDecision(decisionRaw);
  if (decision === null) {
    add(
      ORDER_COL.decision,
      decisionRaw,
      `Решение по переносу «${decisionRaw}» не понято.`,
      'Выберите «Согласован» или «Отклонён».',
    );
    decision = '';
  }
  const removalRaw = cellText(get(ORDER_COL.removal));
  let removal = normalizeRemoval(removalRaw);
  if (removal === null) {
    add(
      ORDER_COL.removal,
      removalRaw,
      `«Снятие с контроля»: «${removalRaw}» не понято.`,
      'Выберите «Снято» или «Не снято».',
    );
    removal = '';
  }
  const periodicityRaw = cellText(get(ORDER_COL.periodicity));
  let periodicity = normalizePeriodicity(periodicityRaw);
  if (periodicity === null) {
    add(
      ORDER_COL.periodicity,
      periodicityRaw,
      `Периодичность «${periodicityRaw}» не из списка.`,
      `Выберите ${PERIODICITIES.map((p) => `«${p}»`).join(', ')} или оставьте пустой для разового поручения.`,
    );
    periodicity = '';
  }
  const overdueRaw = get(ORDER_COL.overdueDays);
  return {
    tab,
    row,
    number: cellText(get(ORDER_COL.number)),
    protocol: cellText(get(ORDER_COL.protocol)),
    text: cellText(get(ORDER_COL.text)),
    executor: cellText(get(ORDER_COL.executor)).replace(/\s+/g, ' '),
    coExecutors: splitNames(cellText(get(ORDER_COL.coExecutors))),
    urgency,
    deadline: date(ORDER_COL.deadline),
    status,
    progress: cellText(get(ORDER_COL.progress)),
    doneDate: date(ORDER_COL.doneDate),
    requestedDate: date(ORDER_COL.requestedDate),
    requestReason: cellText(get(ORDER_COL.requestReason)),
    decision,
    approvedBy: cellText(get(ORDER_COL.approvedBy)).replace(/\s+/g, ' '),
    removal,
    enteredAt: date(ORDER_COL.enteredAt),
    originalDeadline: date(ORDER_COL.originalDeadline),
    extensions: int(ORDER_COL.extensions),
    returns: int(ORDER_COL.returns),
    state: cellText(get(ORDER_COL.state)),
    overdueDays: typeof overdueRaw === 'number' ? overdueRaw : null,
    history:
      typeof get(ORDER_COL.history) === 'string'
        ? (get(ORDER_COL.history) as string)
        : cellText(get(ORDER_COL.history)),
    archivedAt: tab === TAB.archive ? date(ARCHIVE_EXTRA_COL.archivedAt) : null,
    periodicity,
    validUntil: date(ORDER_COL.validUntil),
    interimDate: date(ORDER_COL.interimDate),
    lateReason: cellText(get(ORDER_COL.lateReason)),
    coDeadline: date(ORDER_COL.coDeadline),
    invalid,
  };
}

function readOrderTab(
  ctx: ReadContext,
  tab: OrderTab,
  given?: Table | null,
): { table: Table | null; records: OrderRecord[]; missing: string[] } {
  const t = given === undefined ? readTable(ctx.ss, tab) : given;
  if (!t) {
    ctx.problems.missingTab(tab);
    return { table: null, records: [], missing: [...ORDER_HEADERS] };
  }
  const base = ORDER_HEADERS.filter((h) => !ORDER_OPTIONAL_HEADERS.includes(h));
  const required = tab === TAB.archive ? [...base, ARCHIVE_EXTRA_COL.archivedAt] : base;
  const missing = missingColumns(t, required, ctx.problems);
  const records: OrderRecord[] = [];
  const first = t.firstRow ?? 2;
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    records.push(parseOrderRow(t, tab, r, i + first, ctx.tz, ctx.problems));
  });
  return { table: t, records, missing };
}

/**
 * True when `archived` is the copy in «Архив» of `row` in «Поручения» that a run stopped between
 * appending and deleting (moveToArchive): the same «История», ending with the archive line.
 */
function halfMoved(row: OrderRecord, archived: OrderRecord): boolean {
  return (
    row.tab === TAB.orders &&
    archived.tab === TAB.archive &&
    row.history === archived.history &&
    endsWithArchiveLine(row.history)
  );
}

/** «Исполнители» by normName of ФИО; a name listed twice is its first row (the check lists the repeat). */
export function executorsByName(executors: readonly Executor[]): Map<string, Executor> {
  const out = new Map<string, Executor>();
  for (const e of executors) if (!out.has(normName(e.name))) out.set(normName(e.name), e);
  return out;
}

/**
 * Reads the four order tabs once each and checks the references between them: unknown executor
 * or co-executor, protocol № that does not exist, duplicate order №, «Готово» without
 * «Дата исполнения».
 */
export function readOrderBook(ctx: ReadContext, opts: { archiveSince?: IsoDate } = {}): OrderBook {
  // null: the tab or its key column is missing, so references to it cannot be checked.
  const executorsRead = readExecutors(ctx);
  const protocolsRead = readProtocols(ctx);
  const executors = executorsRead ?? [];
  const protocols = protocolsRead ?? [];
  const executorByName = executorsByName(executors);
  const protocolByNumber = new Map<string, Protocol>();
  for (const p of protocols) protocolByNumber.set(p.number, p);

  const o = readOrderTab(ctx, TAB.orders);
  // «Архив» whole, or only the rows archived since a day (the daily check, a period's report).
  const tail = opts.archiveSince ? readArchiveTail(ctx.ss, opts.archiveSince, ctx.tz) : undefined;
  const a = readOrderTab(ctx, TAB.archive, tail === undefined ? undefined : (tail?.table ?? null));
  const haveExecutors = executorsRead !== null;
  const haveProtocols = protocolsRead !== null;

  const seenNumbers = new Map<string, OrderRecord>();
  for (const rec of [...o.records, ...a.records]) {
    const p = ctx.problems;
    if (rec.number) {
      const first = seenNumbers.get(rec.number);
      if (first && halfMoved(first, rec)) {
        // One order whose move a stopped run left half done: judged where it still is, «Поручения»;
        // its copy in «Архив» is not a second order (moveToArchive does not append it again).
        p.drop((x) => x.tab === rec.tab && x.row === rec.row);
      } else if (first) {
        rec.invalid.push(ORDER_COL.number);
        p.add({
          tab: rec.tab,
          row: rec.row,
          column: ORDER_COL.number,
          value: rec.number,
          message: `№ «${rec.number}» уже есть: лист «${first.tab}», строка ${first.row}. Письма по этому поручению не отправляются, пока номер не станет уникальным.`,
          fix: 'Исправьте номер или очистите ячейку: надстройка присвоит свободный номер.',
        });
      } else seenNumbers.set(rec.number, rec);
    }
    if (rec.tab === TAB.archive) continue;
    // An order nobody executes is «Не заполнено» and mailed to no one: say so where the controller
    // looks (issue 25 item 6), not only in its row's colour.
    if (!rec.executor && rec.text && rec.status !== STATUS.done && !rec.invalid.includes(ORDER_COL.executor))
      ctx.problems.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.executor,
        value: '',
        message: `У поручения${rec.number ? ` № ${rec.number}` : ''} не указан исполнитель: «${STATE.incomplete}», письма по нему никому не уходят.`,
        fix: `Выберите исполнителя из списка (лист «${TAB.executors}»).`,
      });
    if (haveExecutors && rec.executor && !executorByName.has(normName(rec.executor))) {
      rec.invalid.push(ORDER_COL.executor);
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.executor,
        value: rec.executor,
        message: `Исполнитель «${rec.executor}» не найден на листе «${TAB.executors}»: письмо ему не уйдёт.`,
        fix: `Выберите ФИО из списка или добавьте человека на лист «${TAB.executors}».`,
      });
    }
    for (const co of rec.coExecutors)
      if (haveExecutors && !executorByName.has(normName(co)))
        p.add({
          tab: rec.tab,
          row: rec.row,
          column: ORDER_COL.coExecutors,
          value: co,
          message: `Соисполнитель «${co}» не найден на листе «${TAB.executors}».`,
          fix: 'Впишите ФИО точно как на листе «Исполнители», через «;».',
        });
    if (haveProtocols && rec.protocol && !protocolByNumber.has(rec.protocol)) {
      rec.invalid.push(ORDER_COL.protocol);
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.protocol,
        value: rec.protocol,
        message: `Протокола № «${rec.protocol}» нет на листе «${TAB.protocols}».`,
        fix: `Добавьте протокол на лист «${TAB.protocols}» или исправьте номер.`,
      });
    }
    // A «Дата исполнения» after today or before the protocol: not counted as executed until fixed.
    const protocolDate = rec.protocol ? (protocolByNumber.get(rec.protocol)?.date ?? null) : null;
    if (rec.doneDate && rec.doneDate > ctx.today)
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.doneDate,
        value: formatRu(rec.doneDate),
        message: `«Дата исполнения» ${formatRu(rec.doneDate)} ещё не наступила: поручение не считается исполненным, пока дата не исправлена.`,
        fix: 'Впишите дату, когда исполнитель действительно внёс запись об исполнении.',
      });
    else if (rec.doneDate && protocolDate && rec.doneDate < protocolDate)
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.doneDate,
        value: formatRu(rec.doneDate),
        message: `«Дата исполнения» ${formatRu(rec.doneDate)} раньше даты протокола ${formatRu(protocolDate)}: поручение не считается исполненным, пока дата не исправлена.`,
        fix: 'Проверьте дату исполнения и № протокола.',
      });
    // Control between the dates (spec Round 3): the new columns agree with «Срок».
    if (rec.validUntil && !rec.periodicity && !rec.invalid.includes(ORDER_COL.periodicity))
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.validUntil,
        value: formatRu(rec.validUntil),
        message: '«Действует до» указано, а «Периодичность» пуста: поручение считается разовым.',
        fix: 'Выберите «Периодичность» или очистите «Действует до».',
      });
    else if (rec.validUntil && rec.deadline && rec.validUntil < rec.deadline)
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.validUntil,
        value: formatRu(rec.validUntil),
        message: `«Действует до» ${formatRu(rec.validUntil)} раньше срока ${formatRu(rec.deadline)}: после этого исполнения поручение закроется.`,
        fix: 'Проверьте последний день периодического поручения.',
      });
    if (rec.interimDate && rec.deadline && rec.interimDate >= rec.deadline)
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.interimDate,
        value: formatRu(rec.interimDate),
        message: `«Промежуточный срок» ${formatRu(rec.interimDate)} не раньше срока поручения ${formatRu(rec.deadline)}: напоминания о нём не будет.`,
        fix: 'Укажите промежуточный срок раньше «Срок» или очистите ячейку.',
      });
    if (rec.status === 'Готово' && !rec.doneDate && !rec.invalid.includes(ORDER_COL.doneDate))
      p.add({
        tab: rec.tab,
        row: rec.row,
        column: ORDER_COL.doneDate,
        value: '',
        message:
          'Статус «Готово», но нет «Дата исполнения»: нельзя определить, исполнено ли в срок, и когда переносить в архив.',
        fix: 'Впишите дату, когда исполнитель внёс запись об исполнении.',
      });
  }
  // Control between the dates: one read each of «Подразделения» and «Планы мероприятий».
  const units = readUnits(ctx);
  checkExecutorUnits(executors, units, ctx.problems);
  const termByNumber = new Map<string, IsoDate | null>();
  for (const rec of [...a.records, ...o.records]) if (rec.number) termByNumber.set(rec.number, rec.deadline);
  // Only a whole «Архив» can tell that a № does not exist.
  const stages = readMeasurePlans(
    ctx,
    (n) => (termByNumber.has(n) ? termByNumber.get(n) : tail === undefined ? undefined : null),
    executorByName,
  );
  const ordersUsable = o.table !== null && CORE_ORDER_HEADERS.every((h) => !o.missing.includes(h));
  if (o.table && !ordersUsable)
    ctx.problems.add({
      tab: TAB.orders,
      row: 1,
      column: '',
      value: '',
      message:
        'Без обязательных столбцов надстройка не рассылает письма, не заполняет и не переносит поручения в архив.',
      fix: 'Верните недостающие заголовки (см. строки выше) или выполните «Настроить таблицу».',
    });
  return {
    orders: o.records,
    archive: a.records,
    executors,
    protocols,
    executorByName,
    protocolByNumber,
    ordersTable: o.table,
    archiveTable: a.table,
    ordersUsable,
    units,
    unitByName: unitIndex(units),
    stages,
  };
}

// Small bounds keep the number of calls the same whatever the workbook's size and however a day's
// changes happen to fall (the benchmark compares calls method by method); past them one span write
// (formulas kept) does the work.
/**
 * Above this many separate runs in one column, one span write (formulas kept) is used. A run is a
 * getRange + setValues (≈ 14 ms); the span of a day's 20 scattered decisions at 50 000 orders was
 * 72 000 cells read and written (≈ 3.6 s), so the bound sits above a day's decisions (issue 15).
 */
const MAX_RUNS_PER_COLUMN = 24;
/**
 * At most this many separate runs of rows go to «Архив» in one run (one deleteRows each); the rest
 * wait for the next run. Archiving is never urgent, and deleting whole rows keeps each row's notes,
 * formats and formulas with it — rewriting the rows that stay would not, and a run stopped between
 * such a rewrite and its delete would duplicate rows.
 */
export const MAX_ARCHIVE_RUNS = 20;

/** The indexes (sorted) that fall in the first `maxRuns` runs of adjacent indexes. */
export function firstRuns(indexes: readonly number[], maxRuns: number): number[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: number[] = [];
  let runs = 0;
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1] + 1) runs++;
    if (runs > maxRuns) break;
    out.push(sorted[k]);
  }
  return out;
}

/**
 * Writes the few people's cells the daily check may change (blank № or «Срок» filled, decided
 * requests cleared, «Дата исполнения» of a returned order cleared). Per column: the cells to clear
 * go in one RangeList.clearContent, however scattered; of the rest, each run of adjacent changed
 * rows is one setValues; past MAX_RUNS_PER_COLUMN runs the smallest gaps are joined, and a joined
 * run's other cells are written back as they were: formulas as formulas (one getFormulas over that
 * run) and text as text, so nothing else changes.
 * `changes`: header → (0-based data row index → new value). Returns the calls made.
 */
export function writePeopleCells(t: Table, changes: Map<string, Map<number, Cell>>): number {
  let calls = 0;
  for (const [header, all] of changes) {
    const c = t.col(header);
    if (c < 0 || all.size === 0) continue;
    // Clearing touches only the cells named, in one call: no span of other people's cells is rewritten.
    const byRow = new Map<number, Cell>();
    const clears: string[] = [];
    for (const [i, v] of all) {
      if (v === '' || v === null || v === undefined) clears.push(`${columnLetter(c + 1)}${i + 2}`);
      else byRow.set(i, v);
    }
    if (clears.length) {
      t.sheet.getRangeList(clears).clearContent();
      calls++;
    }
    if (byRow.size === 0) continue;
    // Runs of changed rows; past MAX_RUNS_PER_COLUMN the smallest gaps are filled, and a run with
    // gaps has its formulas read (one getFormulas over that run) so the other cells stay as they are.
    for (const run of coalesceRuns(new Map([[c, [...byRow.keys()]]]), MAX_RUNS_PER_COLUMN, 0)) {
      const range = t.sheet.getRange(run.from + 2, c + 1, run.to - run.from + 1, 1);
      let gaps = false;
      for (let i = run.from; i <= run.to && !gaps; i++) gaps = !byRow.has(i);
      const f = gaps ? range.getFormulas() : [];
      if (gaps) calls++;
      const block: Cell[][] = [];
      for (let i = run.from; i <= run.to; i++) {
        if (byRow.has(i)) block.push([safeCell(byRow.get(i) as Cell)]);
        else {
          const formula = f[i - run.from]?.[0] ?? '';
          const v = t.rows[i]?.[c] ?? '';
          block.push([formula ? formula : typeof v === 'string' && v !== '' ? `'${v}` : v]);
        }
      }
      range.setValues(block);
      calls++;
    }
  }
  return calls;
}

/**
 * Moves rows of «Поручения» (0-based data indexes) to «Архив» whole: every cell kept (columns
 * «Архив» lacks are added to its header), «Дата архивации» set. One setValues to append, then
 * deleteRows per contiguous run, bottom-up (the caller passes at most MAX_ARCHIVE_RUNS runs). A № already in «Архив» (a crash between append and
 * delete last time) is not appended again, only deleted. Returns rows moved.
 */
export function moveToArchive(
  orders: Table,
  archive: Table,
  indexes: number[],
  archivedAt: Cell,
  archivedNumbers: ReadonlySet<string>,
): number {
  if (indexes.length === 0) return 0;
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const numCol = orders.col(ORDER_COL.number);
  const header: Cell[] = [...archive.header];
  while (header.length && String(header[header.length - 1]).trim() === '') header.pop();
  const have = new Set(header.map((h) => String(h).trim().toLowerCase()));
  const added: string[] = [];
  for (const h of orders.header) {
    const k = String(h).trim().toLowerCase();
    if (k && !have.has(k)) {
      have.add(k);
      added.push(String(h).trim());
    }
  }
  if (archive.col(ARCHIVE_EXTRA_COL.archivedAt) < 0 && !have.has(ARCHIVE_EXTRA_COL.archivedAt.toLowerCase()))
    added.push(ARCHIVE_EXTRA_COL.archivedAt);
  const fullHeader = [...header, ...added];
  const width = fullHeader.length;
  const sheetA = archive.sheet;
  if (added.length) {
    const maxCols = sheetA.getMaxColumns();
    if (width > maxCols) sheetA.insertColumnsAfter(maxCols, width - maxCols);
    sheetA.getRange(1, header.length + 1, 1, added.length).setValues([added]);
  }
  const srcCol = fullHeader.map((h) => orders.header.findIndex((x) => normHeader(x) === normHeader(h)));
  const stampCol = fullHeader.findIndex((h) => normHeader(h) === normHeader(ARCHIVE_EXTRA_COL.archivedAt));
  const runs: number[][] = [];
  for (const i of sorted) {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun[lastRun.length - 1] === i - 1) lastRun.push(i);
    else runs.push([i]);
  }
  const toAppend = sorted.filter((i) => {
    const n = numCol >= 0 ? String(orders.rows[i][numCol] ?? '').trim() : '';
    return !(n && archivedNumbers.has(n));
  });
  // The rows move whole, formulas as formulas: one getFormulas over the span from the first moved
  // row to the last.
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  const f: string[][] = toAppend.length
    ? orders.sheet.getRange(from + 2, 1, to - from + 1, Math.max(orders.width, 1)).getFormulas()
    : [];
  const cellOf = (i: number, c: number): Cell => {
    const formula = f[i - from]?.[c];
    // Text stays text: «7» or «=…» written back would become a number or a formula.
    return formula ? formula : safeCell(orders.rows[i][c] ?? '');
  };
  const block: Cell[][] = toAppend.map((i) =>
    fullHeader.map((_, j) => (j === stampCol ? archivedAt : srcCol[j] >= 0 ? cellOf(i, srcCol[j]) : '')),
  );
  if (block.length) {
    const start = (archive.firstRow ?? 2) + archive.rows.length;
    const maxRows = sheetA.getMaxRows();
    const last = start + block.length - 1;
    if (last > maxRows) sheetA.insertRowsAfter(maxRows, last - maxRows);
    sheetA.getRange(start, 1, block.length, width).setValues(block);
  }
  // Delete bottom-up so earlier row numbers stay valid; keep one non-frozen row, as Sheets requires.
  const sheetO = orders.sheet;
  const maxRowsO = sheetO.getMaxRows();
  if (maxRowsO - sorted.length <= 1) sheetO.insertRowsAfter(maxRowsO, 1);
  for (let k = runs.length - 1; k >= 0; k--) sheetO.deleteRows(runs[k][0] + 2, runs[k].length);
  return sorted.length;
}
