// Realistic, deterministic workbooks for the benchmark (issue 7): N orders across 200 executors
// and N/50 protocols, a tenth as many rows in «Архив», «Календарь», «Настройки» and some «Журнал».
// Builds the WorkbookModel directly (no xlsx round trip) so a 50 000-order book takes a second.
// The same seed always gives the same workbook, so runs on different days compare.

import { DECREE_ENTRIES } from '../../src/domain/calendar';
import { addDays, addMonths, daysBetween, formatRu, type IsoDate, isoWeekday } from '../../src/domain/dates';
import { defaultSettingsRows, SETTING } from '../../src/domain/settings';
import {
  type CellModel,
  type CellValue,
  emptySheet,
  emptyWorkbook,
  type SheetModel,
  type WorkbookModel,
} from '../../src/local/model';
import { JOURNAL_HEADERS } from '../../src/workbook/journal';
import { EDITS_TAB } from '../../src/workbook/page-index';
import {
  ARCHIVE_EXTRA_COL,
  ARCHIVE_HEADERS,
  CALENDAR_COL,
  DAY_TYPE,
  DECISION,
  EXECUTOR_COL,
  LOG_COL,
  ORDER_COL,
  ORDER_HEADERS,
  PROTOCOL_COL,
  SETTINGS_COL,
  STATE,
  STATUS,
  TAB,
  URGENCY,
} from '../../src/workbook/schema';

export const EXECUTOR_COUNT = 200;
export const ORDERS_PER_PROTOCOL = 50;
export const CONTROLLER_EMAIL = 'kontrol@adm.example.ru';
/** «Хранить в «Готово»»: the longest the setting allows (60), so a busy book keeps its done orders visible. */
export const KEEP_DONE_DAYS = 60;
/** Meetings of the generated history span this many calendar days before today (< 60 working days). */
export const HISTORY_DAYS = 75;
/** The day's news is the same at every N, so the mail (and call) counts compare across sizes. */
export const NEWS = { newOrders: EXECUTOR_COUNT, decisions: 20, returned: 20, archiveDue: 20 };
export const SUMMARY_RECIPIENTS = ['glava@adm.example.ru', 'zam1@adm.example.ru', 'zam2@adm.example.ru'];

/** A generated cell: plain value, or a date given as { date: 'YYYY-MM-DD[THH:mm:ss]' }. */
export type GenValue = string | number | boolean | null | { date: string };

// mulberry32: tiny, fast, good enough for test data, and the same on every machine.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Pick {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  one<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  /** Picks a key by weight: [[value, weight], …]. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, x) => s + x[1], 0);
    let u = this.r() * total;
    for (const [v, w] of xs) {
      u -= w;
      if (u < 0) return v;
    }
    return xs[xs.length - 1][0];
  }
}

const SURNAMES = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
];
const INITIALS = 'АБВГДЕИКЛМНОПРСТЮЯ';
const UNITS = [
  'Управление делами',
  'Финансовое управление',
  'Управление образования',
  'Отдел культуры',
  'Отдел ЖКХ',
  'Отдел строительства и архитектуры',
  'Сектор экономического развития',
  'Юридический отдел',
  'Отдел по работе с обращениями граждан',
  'Комитет по управлению имуществом',
  'Отдел ГО и ЧС',
  'Отдел по делам молодёжи',
  'Отдел сельского хозяйства',
  'Отдел транспорта и связи',
  'Отдел кадров',
  'Отдел информатизации',
  'Территориальный отдел «Северный»',
  'Территориальный отдел «Южный»',
  'Отдел социальной защиты',
  'Контрольно-ревизионный отдел',
];
const POSITIONS = [
  'начальник отдела',
  'заместитель начальника',
  'главный специалист',
  'ведущий специалист',
  'специалист 1 категории',
  'консультант',
];
const MEETINGS = ['оперативное', 'оперативное', 'аппаратное', 'коллегия', 'планёрка по ЖКХ', 'совещание по бюджету'];
const CHAIRS = ['Глава округа Соколов А.В.', 'Первый заместитель Орлова Е.П.', 'Заместитель главы Гусев И.Н.'];
const VERBS = [
  'Подготовить информацию о',
  'Обеспечить',
  'Представить предложения по',
  'Провести проверку',
  'Организовать работу по',
  'Рассмотреть вопрос о',
  'Доложить о ходе',
  'Разработать план мероприятий по',
  'Устранить замечания по',
  'Согласовать с подрядчиком',
];
const OBJECTS = [
  'ремонту дороги по ул. Ленина',
  'вывозу снега с придомовых территорий',
  'подготовке школ к учебному году',
  'благоустройству сквера у Дома культуры',
  'обращениям жителей пос. Северный',
  'исполнению бюджета за квартал',
  'освещению ул. Садовой',
  'содержанию детских площадок',
  'подготовке к отопительному сезону',
  'отлову безнадзорных животных',
  'ремонту кровли МКД по ул. Мира, 12',
  'организации праздника Дня города',
  'переселению из аварийного жилья',
  'паспортам бережливых проектов',
  'графику приёма граждан',
  'закупкам по 44-ФЗ на III квартал',
  'ликвидации несанкционированной свалки у оврага',
  'пожарной безопасности в летний период',
  'ремонту водопровода в с. Каменка',
  'работе общественного транспорта в выходные дни',
];
const NOTES = [
  'Письмо направлено подрядчику, ждём ответ.',
  'Работы начаты, выполнено около половины.',
  'Подготовлен проект ответа, на согласовании.',
  'Проведено совещание с подрядчиком, сроки подтверждены.',
  'Информация запрошена у поселений.',
  'Выезд на место 12 числа, составлен акт.',
  'Документы переданы в юридический отдел.',
  'Контракт заключён, работы по графику.',
  'Ответ заявителю направлен.',
  'Требуется дополнительное финансирование, подготовлено письмо.',
  'Выполнено, отчёт приложен.',
];
const REASONS = [
  'Подрядчик сорвал сроки поставки материалов',
  'Не поступили сведения от поселений',
  'Погодные условия не позволяют вести работы',
  'Требуется согласование с министерством',
  'Ожидается решение по финансированию',
];

export interface Executor {
  name: string;
  unit: string;
  email: string;
}

/** The 200 executors: unique ФИО with initials, units, e-mails; a few absent with a substitute. */
export function makeExecutors(p: Pick): Executor[] {
  const out: Executor[] = [];
  const seen = new Set<string>();
  while (out.length < EXECUTOR_COUNT) {
    const female = p.chance(0.55);
    const s = p.one(SURNAMES);
    const surname = female ? (s.endsWith('ий') ? `${s.slice(0, -2)}ая` : `${s}а`) : s;
    const name = `${surname} ${p.one([...INITIALS])}.${p.one([...INITIALS])}.`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      name,
      unit: UNITS[out.length % UNITS.length],
      email: `isp${String(out.length + 1).padStart(3, '0')}@adm.example.ru`,
    });
  }
  return out;
}

// ── writing rows into a SheetModel by header text ───────────────────────────────────────────────

function norm(h: unknown): string {
  return String(h ?? '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ');
}

function toCell(v: GenValue): CellModel {
  let cv: CellValue;
  if (v !== null && typeof v === 'object') cv = { kind: 'date', iso: v.date };
  else cv = v;
  return { v: cv };
}

function sheetByName(wb: WorkbookModel, name: string): SheetModel | undefined {
  return wb.sheets.find((s) => s.name === name);
}

/** The tab, created with `headers` in row 1 when absent; missing headers are appended (as setup would). */
export function ensureTab(wb: WorkbookModel, name: string, headers: readonly string[]): SheetModel {
  let sheet = sheetByName(wb, name);
  if (!sheet) {
    sheet = emptySheet(name);
    sheet.frozenRows = 1;
    wb.sheets.push(sheet);
  }
  const row0 = sheet.cells[0] ?? [];
  sheet.cells[0] = row0;
  const have = new Set(row0.map((c) => norm(c?.v)));
  for (const h of headers) if (!have.has(norm(h))) row0.push({ v: h, fontWeight: 'bold' });
  sheet.maxColumns = Math.max(sheet.maxColumns, row0.length);
  return sheet;
}

/** Index of the last non-blank row + 1 (rows after that are free). */
function usedRows(sheet: SheetModel): number {
  let last = sheet.cells.length;
  while (last > 1 && (sheet.cells[last - 1] ?? []).every((c) => c === undefined || c.v === null || c.v === '')) last--;
  return last;
}

/** Appends rows given as {header: value}; a header the tab lacks is a bug in the generator. */
export function appendRows(sheet: SheetModel, rows: readonly Record<string, GenValue>[]): void {
  const header = (sheet.cells[0] ?? []).map((c) => norm(c?.v));
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  let at = usedRows(sheet);
  sheet.cells.length = at;
  for (const r of rows) {
    const line: CellModel[] = header.map(() => ({ v: null }));
    for (const [h, v] of Object.entries(r)) {
      const i = index.get(norm(h));
      if (i === undefined) throw new Error(`bench generator: no column «${h}» on «${sheet.name}»`);
      line[i] = toCell(v);
    }
    sheet.cells[at++] = line;
  }
  if (sheet.maxRows < at + 1) sheet.maxRows = at + 100;
}

/** Column index by header in row 1, or -1. */
export function colOf(sheet: SheetModel, header: string): number {
  return (sheet.cells[0] ?? []).findIndex((c) => norm(c?.v) === norm(header));
}

// ── orders ──────────────────────────────────────────────────────────────────────────────────────

export interface GenerateOptions {
  /** Orders in «Поручения». */
  n: number;
  /** The benchmark's "today" in the spreadsheet's zone: history is generated up to the day before. */
  today: IsoDate;
  seed?: number;
  timeZone?: string;
  /** A workbook «Настроить таблицу» has already set up: its tabs and headers are kept. */
  base?: WorkbookModel;
  /**
   * Rows in «Архив» (default n / 10). Rows beyond n / 10 are earlier years' (archived 2–6 years
   * before today), drawn from their own random stream so the rest of the book does not change.
   */
  archive?: number;
}

export interface GeneratedStats {
  orders: number;
  archive: number;
  protocols: number;
  executors: number;
  journal: number;
  byStatus: Record<string, number>;
  extensionRequests: number;
  returned: number;
  blankDeadlines: number;
  badRows: number;
}

interface OrderFacts {
  protocol: string;
  protocolDate: IsoDate;
  seqInProtocol: number;
  executors: Executor[];
  deadline: IsoDate | null;
  urgency: string;
}

function deadlineFor(p: Pick, protocolDate: IsoDate, urgency: string): IsoDate {
  if (urgency === URGENCY.urgent) return addDays(protocolDate, 3);
  if (urgency === URGENCY.operative) return addDays(protocolDate, 10);
  // Terms people give: two weeks, a month (Rostov 7.2.2.20), 30 days (Kramatorsk), 2–3 months.
  const term = p.weighted<string>([
    ['d14', 3],
    ['m1', 4],
    ['d30', 2],
    ['m2', 2],
    ['m3', 1],
  ]);
  const k = Number(term.slice(1));
  let d = term[0] === 'm' ? addMonths(protocolDate, k) : addDays(protocolDate, k);
  // People mostly set deadlines on weekdays (a rule moves the rest).
  while (isoWeekday(d) >= 6) d = addDays(d, 1);
  return d;
}

/** The last Monday–Friday day before `today`. */
function lastWorkday(today: IsoDate): IsoDate {
  let d = addDays(today, -1);
  while (isoWeekday(d) >= 6) d = addDays(d, -1);
  return d;
}

function orderText(p: Pick): string {
  return `${p.one(VERBS)} ${p.one(OBJECTS)}`;
}

function historyLine(date: IsoDate, what: string): string {
  return `${formatRu(date)}: ${what}`;
}

/** Builds the cells of one order from its facts as it would look after months of use. */
function orderRow(p: Pick, f: OrderFacts, today: IsoDate, stats: GeneratedStats): Record<string, GenValue> {
  const [main, ...co] = f.executors;
  const number = `${f.protocol}-${f.seqInProtocol}`;
  const row: Record<string, GenValue> = {
    [ORDER_COL.number]: number,
    [ORDER_COL.protocol]: f.protocol,
    [ORDER_COL.text]: orderText(p),
    [ORDER_COL.executor]: main.name,
    [ORDER_COL.coExecutors]: co.map((e) => e.name).join('; '),
    [ORDER_COL.urgency]: f.urgency,
    [ORDER_COL.deadline]: f.deadline ? { date: f.deadline } : null,
  };
  const history: string[] = [historyLine(addDays(f.protocolDate, 1), 'уведомление исполнителю отправлено')];
  let status: string;
  let done: IsoDate | null = null;
  const d = f.deadline;
  if (!d) {
    status = STATUS.todo;
    stats.blankDeadlines++;
  } else {
    const past = daysBetween(d, today); // > 0: deadline passed
    if (past > 10)
      status = p.weighted([
        [STATUS.done, 85],
        [STATUS.rework, 4],
        [STATUS.p50, 5],
        [STATUS.p99, 3],
        [STATUS.todo, 3],
      ]);
    else if (past > 0)
      status = p.weighted([
        [STATUS.done, 60],
        [STATUS.rework, 5],
        [STATUS.p50, 15],
        [STATUS.p99, 15],
        [STATUS.p0, 5],
      ]);
    else
      status = p.weighted([
        [STATUS.done, 20],
        [STATUS.todo, 20],
        [STATUS.p0, 20],
        [STATUS.p50, 25],
        [STATUS.p99, 13],
        [STATUS.rework, 2],
      ]);
    if (status === STATUS.done || status === STATUS.rework) {
      // 80 % on time (000 п.13: the record is made before the deadline), the rest late.
      const onTime = p.chance(0.8);
      const start = addDays(f.protocolDate, 1);
      done = onTime ? addDays(start, p.int(0, Math.max(0, daysBetween(start, d)))) : addDays(d, p.int(1, 20));
      // Recorded by the last working day before today: the warm-up check runs on that day (harness
      // WARMUP_NOW) and would list a later «Дата исполнения» as not yet come (a weekend's, besides).
      if (daysBetween(done, lastWorkday(today)) < 0) done = lastWorkday(today);
    }
  }
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  row[ORDER_COL.status] = status;
  if (done) row[ORDER_COL.doneDate] = { date: done };
  if (status !== STATUS.todo && p.chance(0.7)) row[ORDER_COL.progress] = p.one(NOTES);
  if (status === STATUS.rework) {
    stats.returned++;
    history.push(historyLine(done ?? today, 'возвращено на доработку'));
  }
  // System columns as a previous daily check left them.
  let extensions = 0;
  let original = d;
  if (d && p.chance(0.06)) {
    extensions = 1;
    original = addDays(d, -p.int(7, 21));
    // The line the add-on writes when it applies an approval (domain/decisions.ts): its events parser
    // reads the term from it; a line of another wording made the warm-up take the new «Срок» as
    // typed over by hand (a «Срок изменён» problem and an extra count on every extended order).
    history.push(
      historyLine(addDays(original, -5), `перенос срока согласован: с ${formatRu(original)} на ${formatRu(d)}`),
    );
  }
  // Open orders ask for more time now and then (000 п.11: with a reason and a planned date).
  const open = status !== STATUS.done;
  if (d && open && daysBetween(today, d) >= 0 && p.chance(0.05)) {
    stats.extensionRequests++;
    row[ORDER_COL.requestedDate] = { date: addDays(d, p.int(7, 30)) };
    row[ORDER_COL.requestReason] = p.one(REASONS);
    const decision = p.weighted([
      [DECISION.approved, 35],
      [DECISION.refused, 15],
      ['', 50],
    ]);
    if (decision) row[ORDER_COL.decision] = decision;
    history.push(historyLine(addDays(today, -p.int(1, 5)), 'запрошен перенос срока'));
  }
  row[ORDER_COL.originalDeadline] = original ? { date: original } : null;
  row[ORDER_COL.extensions] = extensions;
  row[ORDER_COL.returns] = status === STATUS.rework ? 1 : 0;
  let state: string = STATE.incomplete;
  let overdue: GenValue = '';
  if (d) {
    if (status === STATUS.done) state = done && daysBetween(done, d) >= 0 ? STATE.doneOnTime : STATE.doneLate;
    else if (status === STATUS.rework) state = STATE.rework;
    else if (daysBetween(d, today) > 0) {
      state = STATE.overdue;
      overdue = Math.round(daysBetween(d, today) * (5 / 7));
      history.push(historyLine(addDays(d, 1), 'просрочено: уведомление отправлено'));
    } else if (daysBetween(today, d) <= 2) state = STATE.dueSoon;
    else state = STATE.running;
  }
  row[ORDER_COL.state] = state;
  row[ORDER_COL.overdueDays] = overdue;
  row[ORDER_COL.history] = history.join('\n');
  return row;
}

/** A few rows with the mistakes people make (each should become one «Проверка данных» row). */
function spoil(p: Pick, row: Record<string, GenValue>, previousNumber: string, stats: GeneratedStats): void {
  stats.badRows++;
  switch (p.int(0, 4)) {
    case 0:
      row[ORDER_COL.executor] = 'Неизвестный Н.Н.';
      break;
    case 1:
      row[ORDER_COL.deadline] = 'к концу месяца';
      break;
    case 2:
      row[ORDER_COL.number] = previousNumber;
      break;
    case 3:
      row[ORDER_COL.status] = 'в работе';
      break;
    default:
      row[ORDER_COL.protocol] = 'П-99999';
  }
}

function pickExecutors(p: Pick, executors: readonly Executor[]): Executor[] {
  // A third of executors carry most orders (heads of the busiest units).
  const pickOne = () => (p.chance(0.6) ? executors[p.int(0, 65)] : executors[p.int(0, executors.length - 1)]);
  const main = pickOne();
  const out = [main];
  if (p.chance(0.3)) {
    const k = p.int(1, 2);
    for (let i = 0; i < k; i++) {
      const e = pickOne();
      if (!out.includes(e)) out.push(e);
    }
  }
  return out;
}

/** Working days (Mon–Fri, ignoring holidays: it is only a meeting date) from `from` back `count` meetings. */
function meetingDates(today: IsoDate, count: number, spanDays: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let i = 0; i < count; i++) {
    let d = addDays(today, -1 - Math.floor(((count - 1 - i) * spanDays) / Math.max(1, count)));
    while (isoWeekday(d) >= 6) d = addDays(d, -1);
    out.push(d);
  }
  return out;
}

/**
 * Generates a used workbook: «Настройки», «Исполнители», «Протоколы», «Поручения» (n rows),
 * «Архив» (n/10), «Календарь» (the 2025–2026 decrees) and «Журнал» history up to yesterday.
 */
export function generateWorkbook(opts: GenerateOptions): {
  workbook: WorkbookModel;
  stats: GeneratedStats;
  executors: Executor[];
} {
  const seed = opts.seed ?? 7;
  const p = new Pick(rng(seed));
  const wb: WorkbookModel =
    opts.base ?? emptyWorkbook('Контроль поручений — нагрузочный тест', opts.timeZone ?? 'Europe/Moscow');
  const today = opts.today;
  const stats: GeneratedStats = {
    orders: 0,
    archive: 0,
    protocols: 0,
    executors: EXECUTOR_COUNT,
    journal: 0,
    byStatus: {},
    extensionRequests: 0,
    returned: 0,
    blankDeadlines: 0,
    badRows: 0,
  };

  // «Настройки»: rewritten as defaults + a controller and summary recipients.
  const settings = ensureTab(wb, TAB.settings, [SETTINGS_COL.param, SETTINGS_COL.value, 'Пояснение']);
  settings.cells.length = 1;
  const values: Record<string, string | number> = {
    [SETTING.organization]: 'Администрация Нагрузочного муниципального округа',
    [SETTING.controllerEmail]: CONTROLLER_EMAIL,
    [SETTING.summaryRecipients]: SUMMARY_RECIPIENTS.join(', '),
    // With the default 5 the warm-up run would move most done orders to «Архив»; 60 keeps
    // «Поручения» at N rows (the history spans fewer than 60 working days).
    [SETTING.keepDoneDays]: KEEP_DONE_DAYS,
  };
  appendRows(
    settings,
    defaultSettingsRows(wb.timeZone).map(([k, v, why]) => ({
      [SETTINGS_COL.param]: k,
      [SETTINGS_COL.value]: values[k] ?? v,
      Пояснение: why,
    })),
  );

  const executors = makeExecutors(p);
  const ex = ensureTab(wb, TAB.executors, Object.values(EXECUTOR_COL));
  ex.cells.length = 1;
  appendRows(
    ex,
    executors.map((e, i) => {
      const r: Record<string, GenValue> = {
        [EXECUTOR_COL.name]: e.name,
        [EXECUTOR_COL.position]: POSITIONS[i % POSITIONS.length],
        [EXECUTOR_COL.unit]: e.unit,
        [EXECUTOR_COL.email]: e.email,
      };
      // Five people are on leave around today: their mail goes to the substitute.
      if (i % 40 === 7) {
        r[EXECUTOR_COL.substitute] = executors[(i + 1) % executors.length].name;
        r[EXECUTOR_COL.absentFrom] = { date: addDays(today, -7) };
        r[EXECUTOR_COL.absentTo] = { date: addDays(today, 7) };
      }
      return r;
    }),
  );

  const cal = ensureTab(wb, TAB.calendar, Object.values(CALENDAR_COL));
  cal.cells.length = 1;
  appendRows(
    cal,
    DECREE_ENTRIES.map((e) => ({
      [CALENDAR_COL.date]: { date: e.date },
      [CALENDAR_COL.type]: e.type === 'off' ? DAY_TYPE.off : DAY_TYPE.work,
      [CALENDAR_COL.basis]: e.basis ?? '',
    })),
  );

  // Protocols: N/50 meetings over the last HISTORY_DAYS, oldest first (older orders are in «Архив»).
  const protocolCount = Math.max(1, Math.round(opts.n / ORDERS_PER_PROTOCOL));
  const dates = meetingDates(today, protocolCount, HISTORY_DAYS);
  const protocols = dates.map((d, i) => ({ number: `П-${i + 1}`, date: d }));
  stats.protocols = protocols.length;
  const pr = ensureTab(wb, TAB.protocols, Object.values(PROTOCOL_COL));
  pr.cells.length = 1;
  appendRows(
    pr,
    protocols.map((x) => ({
      [PROTOCOL_COL.number]: x.number,
      [PROTOCOL_COL.date]: { date: x.date },
      [PROTOCOL_COL.meeting]: p.one(MEETINGS),
      [PROTOCOL_COL.chair]: p.one(CHAIRS),
      [PROTOCOL_COL.link]: `https://docs.example.ru/protocols/${x.number}`,
    })),
  );

  // Orders: spread over the protocols in order.
  const orders: Record<string, GenValue>[] = [];
  let prevNumber = '';
  for (let i = 0; i < opts.n; i++) {
    const k = Math.min(protocols.length - 1, Math.floor((i * protocols.length) / opts.n));
    const proto = protocols[k];
    const seq = i - Math.ceil((k * opts.n) / protocols.length) + 1;
    const urgency = p.weighted([
      [URGENCY.urgent, 10],
      [URGENCY.operative, 15],
      ['', 75],
    ]);
    const blank = p.chance(0.01);
    const facts: OrderFacts = {
      protocol: proto.number,
      protocolDate: proto.date,
      seqInProtocol: seq,
      executors: pickExecutors(p, executors),
      deadline: blank ? null : deadlineFor(p, proto.date, urgency),
      urgency,
    };
    const row = orderRow(p, facts, today, stats);
    if (p.chance(0.002) && prevNumber) spoil(p, row, prevNumber, stats);
    prevNumber = String(row[ORDER_COL.number]);
    orders.push(row);
  }
  const ord = ensureTab(wb, TAB.orders, ORDER_HEADERS);
  ord.cells.length = 1;
  appendRows(ord, orders);
  stats.orders = orders.length;

  // «Архив»: a tenth as many, done long ago and moved by earlier daily checks.
  const archiveRows: Record<string, GenValue>[] = [];
  const archiveCount = Math.floor(opts.n / 10);
  const older = Math.max(0, (opts.archive ?? archiveCount) - archiveCount);
  const oldPick = new Pick(rng(seed + 1001));
  const recentPick = p;
  for (let i = 0; i < archiveCount + older; i++) {
    const isOld = i >= archiveCount;
    const p = isOld ? oldPick : recentPick;
    const pd = isOld ? addDays(today, -p.int(730, 2190)) : addDays(today, -p.int(120, 700));
    const urgency = p.weighted([
      [URGENCY.urgent, 10],
      [URGENCY.operative, 15],
      ['', 75],
    ]);
    const d = deadlineFor(p, pd, urgency);
    const onTime = p.chance(0.85);
    const done = onTime ? addDays(d, -p.int(0, 5)) : addDays(d, p.int(1, 15));
    const [main, ...co] = pickExecutors(p, executors);
    archiveRows.push({
      [ORDER_COL.number]: `А-${i + 1}`,
      [ORDER_COL.protocol]: '',
      [ORDER_COL.text]: orderText(p),
      [ORDER_COL.executor]: main.name,
      [ORDER_COL.coExecutors]: co.map((e) => e.name).join('; '),
      [ORDER_COL.urgency]: urgency,
      [ORDER_COL.deadline]: { date: d },
      [ORDER_COL.status]: STATUS.done,
      [ORDER_COL.progress]: p.one(NOTES),
      [ORDER_COL.doneDate]: { date: done },
      [ORDER_COL.originalDeadline]: { date: d },
      [ORDER_COL.extensions]: 0,
      [ORDER_COL.returns]: 0,
      [ORDER_COL.state]: onTime ? STATE.doneOnTime : STATE.doneLate,
      [ORDER_COL.overdueDays]: '',
      [ORDER_COL.history]: historyLine(addDays(pd, 1), 'уведомление исполнителю отправлено'),
      [ARCHIVE_EXTRA_COL.archivedAt]: { date: addDays(done, 7) },
    });
  }
  // The add-on appends to «Архив» as it archives: «Дата архивации» grows down the tab.
  const archivedOn = (r: Record<string, GenValue>) => (r[ARCHIVE_EXTRA_COL.archivedAt] as { date: string }).date;
  archiveRows.sort((a, b) => (archivedOn(a) < archivedOn(b) ? -1 : archivedOn(a) > archivedOn(b) ? 1 : 0));
  const arc = ensureTab(wb, TAB.archive, ARCHIVE_HEADERS);
  arc.cells.length = 1;
  appendRows(arc, archiveRows);
  stats.archive = archiveRows.length;

  // «Журнал»: what earlier runs logged (no idempotency keys: their format belongs to the daily
  // check; the runner's warm-up run writes real ones).
  const log = ensureTab(wb, TAB.log, JOURNAL_HEADERS);
  const journal: Record<string, GenValue>[] = [];
  for (let day = 60; day >= 1; day--) {
    const d = addDays(today, -day);
    if (isoWeekday(d) >= 6) continue;
    journal.push({
      [LOG_COL.time]: { date: `${d}T08:0${day % 10}:00` },
      [LOG_COL.action]: 'Ежедневная проверка',
      [LOG_COL.order]: '',
      [LOG_COL.recipients]: '',
      [LOG_COL.result]: 'выполнено',
    });
    for (let k = 0; k < 5; k++) {
      const e = executors[p.int(0, executors.length - 1)];
      journal.push({
        [LOG_COL.time]: { date: `${d}T08:1${k}:00` },
        [LOG_COL.action]: p.one(['Уведомление исполнителю', 'Напоминание', 'Просрочено']),
        [LOG_COL.order]: `П-${p.int(1, protocolCount)}-${p.int(1, ORDERS_PER_PROTOCOL)}`,
        [LOG_COL.recipients]: e.email,
        [LOG_COL.result]: 'отправлено',
      });
    }
  }
  appendRows(log, journal);
  stats.journal = journal.length;
  return { workbook: wb, stats, executors };
}

/**
 * The day of the benchmark, the same at every N: the week's meetings gave one new order to each of
 * the 200 executors (nobody told yet: every executor gets a digest), fresh extension decisions,
 * orders returned for rework, and a few long-done orders now due for «Архив». Applied after the
 * runner's warm-up daily check, so these are exactly the day's news.
 */
export function addTodaysActivity(
  wb: WorkbookModel,
  opts: { today: IsoDate; seed?: number },
): { newOrders: number; decisions: number; returned: number; archiveDue: number } {
  const p = new Pick(rng((opts.seed ?? 7) + 1));
  const executors = executorsOf(wb);
  const pr = sheetByName(wb, TAB.protocols);
  const ord = sheetByName(wb, TAB.orders);
  if (!pr || !ord || executors.length === 0) throw new Error('bench generator: run generateWorkbook first');
  let yesterday = addDays(opts.today, -1);
  while (isoWeekday(yesterday) >= 6) yesterday = addDays(yesterday, -1);

  // Existing open orders to decide on and done ones to return, picked before the new rows go in.
  const c = (h: string) => colOf(ord, h);
  const [cStatus, cReq, cReason, cDecision, cDone, cDeadline] = [
    c(ORDER_COL.status),
    c(ORDER_COL.requestedDate),
    c(ORDER_COL.requestReason),
    c(ORDER_COL.decision),
    c(ORDER_COL.doneDate),
    c(ORDER_COL.deadline),
  ];
  let decisions = 0;
  let returned = 0;
  // People type these in the sheet: onEdit logs each row's «№» for «Мои поручения»'s index.
  const edited: string[] = [];
  const cNumber = c(ORDER_COL.number);
  const last = usedRows(ord);
  for (let tries = 0; tries < 100_000 && (decisions < NEWS.decisions || returned < NEWS.returned); tries++) {
    const r = ord.cells[p.int(1, last - 1)];
    if (!r) continue;
    const status = r[cStatus]?.v;
    const dl = r[cDeadline]?.v;
    if (!dl || typeof dl !== 'object') continue;
    const open = status !== STATUS.done && status !== STATUS.rework;
    if (decisions < NEWS.decisions && open && !r[cReq]?.v && daysBetween(opts.today, dl.iso) > 3) {
      r[cReq] = { v: { kind: 'date', iso: addDays(dl.iso, p.int(7, 30)) } };
      r[cReason] = { v: p.one(REASONS) };
      r[cDecision] = { v: decisions % 3 === 2 ? DECISION.refused : DECISION.approved };
      edited.push(String(r[cNumber]?.v ?? ''));
      decisions++;
    } else if (returned < NEWS.returned && status === STATUS.done) {
      r[cStatus] = { v: STATUS.rework };
      if (!r[cDone]?.v) r[cDone] = { v: { kind: 'date', iso: addDays(opts.today, -2) } };
      edited.push(String(r[cNumber]?.v ?? ''));
      returned++;
    }
  }

  const perProtocol = ORDERS_PER_PROTOCOL;
  const meetings = Math.ceil(NEWS.newOrders / perProtocol);
  const first = usedRows(pr);
  const numbers = Array.from({ length: meetings }, (_, k) => `П-${first + k}`);
  appendRows(
    pr,
    numbers.map((number) => ({
      [PROTOCOL_COL.number]: number,
      [PROTOCOL_COL.date]: { date: yesterday },
      [PROTOCOL_COL.meeting]: 'оперативное',
      [PROTOCOL_COL.chair]: CHAIRS[0],
      [PROTOCOL_COL.link]: `https://docs.example.ru/protocols/${number}`,
    })),
  );
  const rows: Record<string, GenValue>[] = [];
  for (let i = 0; i < NEWS.newOrders; i++) {
    const number = numbers[Math.floor(i / perProtocol)];
    const seq = (i % perProtocol) + 1;
    const urgency = p.weighted([
      [URGENCY.urgent, 10],
      [URGENCY.operative, 15],
      ['', 75],
    ]);
    const co = p.chance(0.3) ? [executors[(i + 7) % executors.length].name] : [];
    rows.push({
      [ORDER_COL.number]: seq % 25 === 0 ? '' : `${number}-${seq}`, // a few left blank: the check numbers them
      [ORDER_COL.protocol]: number,
      [ORDER_COL.text]: orderText(p),
      [ORDER_COL.executor]: executors[i % executors.length].name,
      [ORDER_COL.coExecutors]: co.join('; '),
      [ORDER_COL.urgency]: urgency,
      [ORDER_COL.deadline]: urgency ? null : { date: deadlineFor(p, yesterday, urgency) },
      [ORDER_COL.status]: STATUS.todo,
    });
  }
  // Orders from other documents, entered late and long done: the daily check moves them to «Архив».
  for (let i = 0; i < NEWS.archiveDue; i++) {
    const d = addDays(opts.today, -p.int(100, 120));
    rows.push({
      [ORDER_COL.number]: `Д-${i + 1}`,
      [ORDER_COL.protocol]: '',
      [ORDER_COL.text]: orderText(p),
      [ORDER_COL.executor]: executors[p.int(0, executors.length - 1)].name,
      [ORDER_COL.deadline]: { date: d },
      [ORDER_COL.status]: STATUS.done,
      [ORDER_COL.doneDate]: { date: addDays(d, -p.int(0, 5)) },
      [ORDER_COL.progress]: p.one(NOTES),
    });
  }
  appendRows(ord, rows);
  const log = sheetByName(wb, EDITS_TAB);
  const when = Date.parse(`${opts.today}T04:00:00Z`);
  if (log)
    appendRows(
      log,
      [...edited, ...rows.map((x) => String(x[ORDER_COL.number] ?? ''))]
        .filter(Boolean)
        .map((n) => ({ Когда: when, '№': n })),
    );
  return { newOrders: NEWS.newOrders, decisions, returned, archiveDue: NEWS.archiveDue };
}

/** «Исполнители» of a workbook as the generator wrote them (the bench picks its page user from them). */
export function executorsOf(wb: WorkbookModel): Executor[] {
  const s = sheetByName(wb, TAB.executors);
  if (!s) return [];
  const [n, u, e] = [colOf(s, EXECUTOR_COL.name), colOf(s, EXECUTOR_COL.unit), colOf(s, EXECUTOR_COL.email)];
  return s.cells
    .slice(1)
    .filter((r) => r?.[n]?.v)
    .map((r) => ({ name: String(r[n].v), unit: String(r[u]?.v ?? ''), email: String(r[e]?.v ?? '') }));
}

/** Cells in the workbook's used ranges (for the 10 million cells limit of Google Sheets). */
export function usedCells(wb: WorkbookModel): number {
  let total = 0;
  for (const s of wb.sheets) {
    const rows = usedRows(s);
    let width = 0;
    for (let i = 0; i < rows; i++) width = Math.max(width, s.cells[i]?.length ?? 0);
    total += rows * width;
  }
  return total;
}
