// «Настроить таблицу» in the sandbox, through the real bundle (spec «Behaviour» → Настроить таблицу;
// issue 3 «Run twice, the second run changes nothing; run on a workbook people have used, it changes
// none of their cells»). The bundle is dist/Code.js (npm test builds it) or $KONTROL_CODE.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECREE_ENTRIES } from '../../src/domain/calendar';
import { defaultSettingsRows, SETTING } from '../../src/domain/settings';
import { SYSTEM_HEADER_BG } from '../../src/jobs/setup';
import { type CellValue, emptySheet, emptyWorkbook, type SheetModel, type WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { JOURNAL_HEADERS } from '../../src/workbook/journal';
import {
  MEASURE_PLAN_COL,
  ORDER_COL,
  ORDER_HEADERS,
  ORDER_OPTIONAL_HEADERS,
  ORDER_SYSTEM_HEADERS,
  STATUSES,
  TAB,
  UNIT_COL,
} from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');

function code(): string {
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  return readFileSync(CODE_PATH, 'utf8');
}

const NOW = new Date('2026-03-10T05:00:00Z'); // 08:00 in Moscow

function setup(wb: WorkbookModel) {
  const sb = createSandbox({ workbook: wb, code: code(), now: NOW });
  const summary = String(sb.api('setup', {}));
  return { sb, summary };
}

const tab = (wb: WorkbookModel, name: string) => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
};
const headerOf = (s: SheetModel) => (s.cells[0] ?? []).map((c) => c.v);
/** Column letter of a 1-based index (A…Z, AA…): «Поручения» has more than 26 columns since round 3. */
const letter = (n: number): string =>
  (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

const after = (wb: WorkbookModel) => valuesOf(wb);

function sheetWith(name: string, rows: CellValue[][]): SheetModel {
  const s = emptySheet(name);
  s.cells = rows.map((r) => r.map((v) => ({ v })));
  // A sheet is at least as wide as what is written in it («Поручения» has 27 columns since round 3).
  s.maxColumns = Math.max(s.maxColumns, ...rows.map((r) => r.length));
  return s;
}

/** Every cell value as 'Tab!R1C1' → JSON, for the cells a person wrote. */
function valuesOf(wb: WorkbookModel): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of wb.sheets)
    s.cells.forEach((r, i) => {
      r.forEach((c, j) => {
        if (c.v !== null && c.v !== '') m.set(`${s.name}!R${i + 1}C${j + 1}`, JSON.stringify(c.v));
      });
    });
  return m;
}

const d = (iso: string): CellValue => ({ kind: 'date', iso });

/** A workbook people have used: reordered columns, an extra column, «История» missing, their settings. */
function usedWorkbook(orderRows = 3): WorkbookModel {
  const wb = emptyWorkbook('Used', 'Asia/Novokuznetsk');
  wb.sheets.push(
    sheetWith(TAB.settings, [
      ['Параметр', 'Значение'],
      [SETTING.organization, 'Администрация Кыштымского городского округа'],
      [SETTING.dailyHour, 7],
      [SETTING.mailEnabled, 'Нет'],
    ]),
  );
  wb.sheets.push(
    sheetWith(TAB.executors, [
      ['ФИО', 'Эл. почта', 'Должность', 'Подразделение', 'Замещающий', 'Отсутствует с', 'Отсутствует по'],
      ['Панова Н.К.', 'panova@example.ru', 'Начальник управления', 'Оргконтроль', '', '', ''],
    ]),
  );
  // People moved «Статус» to the front, added «Комментарий главы», and have no «История».
  const header = [
    'Статус',
    'Комментарий главы',
    ...ORDER_HEADERS.filter((h) => h !== ORDER_COL.status && h !== ORDER_COL.history),
  ];
  const rows: CellValue[][] = [header];
  for (let i = 1; i <= orderRows; i++) {
    const r: CellValue[] = header.map(() => null);
    r[header.indexOf(ORDER_COL.number)] = `12-${i}`;
    r[header.indexOf(ORDER_COL.text)] = `Поручение ${i}`;
    r[header.indexOf(ORDER_COL.executor)] = 'Панова Н.К.';
    r[header.indexOf(ORDER_COL.deadline)] = d('2026-03-20');
    r[0] = i % 2 ? 'В процессе 50' : 'Готово';
    r[1] = i === 1 ? '=срочно' : 'ok';
    rows.push(r);
  }
  wb.sheets.push(sheetWith(TAB.orders, rows));
  wb.sheets.push(
    sheetWith(TAB.calendar, [
      ['Дата', 'Тип', 'Основание'],
      [d('2027-01-01'), 'Нерабочий', 'Постановление на 2027 год'],
    ]),
  );
  return wb;
}

describe('setup on a new workbook', () => {
  it('creates every core tab with its headers, frozen, and seeds «Настройки» and «Календарь»', () => {
    const wb = emptyWorkbook();
    const { summary } = setup(wb);
    expect(summary).toMatch(/^Таблица настроена: созданы листы: «Настройки»/);
    for (const name of [
      TAB.settings,
      TAB.executors,
      TAB.protocols,
      TAB.orders,
      TAB.archive,
      TAB.calendar,
      TAB.problems,
      TAB.log,
    ])
      expect(wb.sheets.map((s) => s.name)).toContain(name);
    const orders = tab(wb, TAB.orders);
    expect(headerOf(orders)).toEqual([...ORDER_HEADERS]);
    expect(orders.frozenRows).toBe(1);
    expect(headerOf(tab(wb, TAB.log))).toEqual([...JOURNAL_HEADERS]);
    const archiveHeader = headerOf(tab(wb, TAB.archive));
    expect(archiveHeader[archiveHeader.length - 1]).toBe('Дата архивации');
    // «Настройки»: the defaults of the spec's table, in the spreadsheet's zone.
    const settings = tab(wb, TAB.settings);
    const defaults = defaultSettingsRows('Europe/Moscow');
    expect(settings.cells.slice(1, defaults.length + 1).map((r) => [r[0].v, r[1].v])).toEqual(
      defaults.map((r) => [r[0], r[1] === '' ? null : r[1]]),
    );
    // «Календарь»: the 2025 and 2026 decrees (spec «Календарь»), one row per entry, as date cells.
    const cal = tab(wb, TAB.calendar);
    const calRows = cal.cells.slice(1).filter((r) => r[0]?.v !== null && r[0]?.v !== undefined);
    expect(calRows).toHaveLength(DECREE_ENTRIES.length);
    expect(calRows.map((r) => (r[0].v as { iso: string }).iso)).toContain('2026-03-09');
    expect(calRows.find((r) => (r[0].v as { iso: string }).iso === '2025-11-01')?.[1].v).toBe('Рабочий');
  });

  it('puts dropdowns, date checks and protection where the spec says, on whole columns', () => {
    const wb = emptyWorkbook();
    setup(wb);
    const orders = tab(wb, TAB.orders);
    const col = (h: string) => letter(ORDER_HEADERS.indexOf(h) + 1);
    const v = (h: string) => orders.validations.find((x) => x.range === `${col(h)}2:${col(h)}`);
    expect(v(ORDER_COL.status)?.values).toEqual([...STATUSES]);
    expect(v(ORDER_COL.status)?.allowInvalid).toBe(true);
    expect(v(ORDER_COL.status)?.helpText).toMatch(/Выберите/);
    expect(v(ORDER_COL.executor)?.sourceRange).toBe('Исполнители!A2:A');
    expect(v(ORDER_COL.decision)?.values).toEqual(['Согласован', 'Отклонён']);
    expect(v(ORDER_COL.urgency)?.values).toEqual(['Срочно', 'Оперативно']);
    for (const h of [ORDER_COL.deadline, ORDER_COL.doneDate, ORDER_COL.requestedDate])
      expect(v(h)?.kind, h).toBe('date');
    expect(orders.cells[1][ORDER_HEADERS.indexOf(ORDER_COL.deadline)].numberFormat).toBe('dd.MM.yyyy');
    // «Рассылка включена» gets Да/Нет on its value cell.
    const settings = tab(wb, TAB.settings);
    const mailRow = settings.cells.findIndex((r) => r[0]?.v === SETTING.mailEnabled) + 1;
    expect(settings.validations.find((x) => x.range === `B${mailRow}`)?.values).toEqual(['Да', 'Нет']);
    // 001 гл.7 п.2.4.15, 003 п.199: the removal decision and the mode that uses it.
    expect(v(ORDER_COL.removal)?.values).toEqual(['Снято', 'Не снято']);
    const removalRow = settings.cells.findIndex((r) => r[0]?.v === SETTING.removalMode) + 1;
    expect(settings.cells[removalRow - 1][1]?.v).toBe('по отметке исполнителя');
    expect(settings.validations.find((x) => x.range === `B${removalRow}`)?.values).toEqual([
      'по отметке исполнителя',
      'решением давшего поручение',
    ]);
    expect(ORDER_SYSTEM_HEADERS).toContain(ORDER_COL.enteredAt);
    // System columns: grey header, warning-only protection of the whole column.
    for (const h of ORDER_SYSTEM_HEADERS) {
      const i = ORDER_HEADERS.indexOf(h);
      expect(orders.cells[0][i].background, h).toBe(SYSTEM_HEADER_BG);
      const p = orders.protections.find((x) => x.range === `${letter(i + 1)}1:${letter(i + 1)}`);
      expect(p?.warningOnly, h).toBe(true);
      expect(p?.description).toContain(h);
    }
    expect(orders.cells[0][0].background ?? '#ffffff').not.toBe(SYSTEM_HEADER_BG);
    // Rows coloured by «Состояние» (column Q), one rule per state colour.
    const q = letter(ORDER_HEADERS.indexOf(ORDER_COL.state) + 1);
    expect(orders.conditionalFormats.map((r) => [r.formula, r.background])).toEqual([
      [`=$${q}2="Просрочено"`, '#f4cccc'],
      [`=$${q}2="Срок наступает"`, '#fce8b2'],
      [`=$${q}2="Исполнено в срок"`, '#d9ead3'],
      [`=$${q}2="Исполнено с нарушением срока"`, '#d9ead3'],
      [`=$${q}2="На доработке"`, '#d9d2e9'],
      [`=$${q}2="Ожидает снятия с контроля"`, '#cfe2f3'],
    ]);
  });

  it('run twice: the second run changes nothing and says so', () => {
    const wb = emptyWorkbook();
    const { sb } = setup(wb);
    const before = JSON.stringify(wb);
    const again = String(sb.api('setup', {}));
    expect(again).toBe('Таблица уже настроена: ничего менять не потребовалось.');
    expect(JSON.stringify(wb)).toBe(before);
  });
});

describe('setup on a workbook people have used', () => {
  it('changes none of their cells, keeps their columns where they are, appends what is missing', () => {
    const wb = usedWorkbook();
    const before = valuesOf(wb);
    const ordersHeaderBefore = headerOf(tab(wb, TAB.orders));
    const { summary } = setup(wb);
    expect(summary).toContain('«Поручения»: «История»');
    const after = valuesOf(wb);
    for (const [k, v] of before) expect(after.get(k), k).toBe(v);
    // Extra column kept; missing «История» appended right of the last used column.
    const header = headerOf(tab(wb, TAB.orders));
    expect(header.slice(0, ordersHeaderBefore.length)).toEqual(ordersHeaderBefore);
    expect(header.slice(ordersHeaderBefore.length)).toEqual([ORDER_COL.history]);
    // Dropdowns follow the columns where people put them.
    const orders = tab(wb, TAB.orders);
    expect(orders.validations.find((x) => x.range === 'A2:A')?.values).toEqual([...STATUSES]);
    // The executors list follows «ФИО» wherever it is; here it is still column A.
    expect(orders.validations.find((x) => x.sourceRange === 'Исполнители!A2:A')).toBeTruthy();
    // Highlight formula names «Состояние» by its current letter.
    const stateLetter = letter(header.indexOf(ORDER_COL.state) + 1);
    expect(orders.conditionalFormats[0].formula).toBe(`=$${stateLetter}2="Просрочено"`);
    // «Настройки»: people's values stay; the parameters they lacked are appended below.
    const settings = tab(wb, TAB.settings);
    const params = settings.cells.slice(1).map((r) => r[0]?.v);
    expect(params.slice(0, 3)).toEqual([SETTING.organization, SETTING.dailyHour, SETTING.mailEnabled]);
    expect(params).toContain(SETTING.controllerEmail);
    expect(new Set(params).size).toBe(params.length);
    expect(headerOf(settings)).toEqual(['Параметр', 'Значение', 'Пояснение']);
    // «Календарь» already had rows: not reseeded.
    expect(tab(wb, TAB.calendar).cells.filter((r) => r[0]?.v).length).toBe(2);
  });

  it('a second run on the used workbook changes nothing', () => {
    const wb = usedWorkbook();
    const { sb } = setup(wb);
    const before = JSON.stringify(wb);
    expect(String(sb.api('setup', {}))).toMatch(/уже настроена/);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it('after people move «Состояние», the rules follow it: replaced, not duplicated; their own rule kept', () => {
    const wb = emptyWorkbook();
    const { sb } = setup(wb);
    const orders = tab(wb, TAB.orders);
    // A person's own rule, and «Состояние» moved to a new column at the far right (header renamed away).
    orders.conditionalFormats.push({ ranges: ['A2:A'], formula: '=$A2="12-1"', background: '#ffff00' });
    const qi = ORDER_HEADERS.indexOf(ORDER_COL.state);
    orders.cells[0][qi] = { v: 'Старое состояние' };
    const more = String(sb.api('setup', {}));
    expect(more).toContain('«Поручения»: «Состояние»');
    const newLetter = letter(orders.cells[0].findIndex((c) => c.v === ORDER_COL.state) + 1);
    expect(newLetter).toBe(letter(ORDER_HEADERS.length + 1));
    const ours = orders.conditionalFormats.filter((r) => r.formula !== '=$A2="12-1"');
    expect(ours).toHaveLength(6);
    expect(ours.every((r) => r.formula?.startsWith(`=$${newLetter}2=`))).toBe(true);
    expect(orders.conditionalFormats.filter((r) => r.formula === '=$A2="12-1"')).toHaveLength(1);
    const before = JSON.stringify(wb);
    sb.api('setup', {});
    expect(JSON.stringify(wb)).toBe(before);
  });

  it('a round-2 workbook gets the columns, settings and tabs of control between the dates; nothing lost', () => {
    // Spec Round 3 «Control between the dates»: five new columns of «Поручения», five settings,
    // «Подразделения» and «Планы мероприятий» (001 гл.6 п.2.2.16; 004 п.4.1.4).
    const wb = usedWorkbook();
    const orders = tab(wb, TAB.orders);
    const keep = (orders.cells[0] ?? []).map((c) => !ORDER_OPTIONAL_HEADERS.includes(String(c.v)));
    for (const r of orders.cells) r.splice(0, r.length, ...r.filter((_, j) => keep[j]));
    const before = valuesOf(wb);
    const { summary } = setup(wb);
    for (const [k, v] of before) expect(after(wb).get(k), k).toBe(v);
    const header = headerOf(orders);
    expect(header.slice(-ORDER_OPTIONAL_HEADERS.length - 1)).toEqual([ORDER_COL.history, ...ORDER_OPTIONAL_HEADERS]);
    expect(summary).toContain('«Периодичность»');
    const col = (h: string) => letter(header.indexOf(h) + 1);
    const v = (h: string) => orders.validations.find((x) => x.range === `${col(h)}2:${col(h)}`);
    expect(v(ORDER_COL.periodicity)?.values).toEqual(['Еженедельно', 'Ежемесячно', 'Ежеквартально']);
    for (const h of [ORDER_COL.validUntil, ORDER_COL.interimDate, ORDER_COL.coDeadline])
      expect(v(h)?.kind, h).toBe('date');
    const ci = header.indexOf(ORDER_COL.coDeadline);
    expect(orders.cells[0][ci].background).toBe(SYSTEM_HEADER_BG);
    expect(orders.cells[0][header.indexOf(ORDER_COL.lateReason)].background ?? '#ffffff').not.toBe(SYSTEM_HEADER_BG);
    const params = new Map(
      tab(wb, TAB.settings)
        .cells.slice(1)
        .map((r) => [r[0]?.v, r[1]?.v]),
    );
    expect(params.get(SETTING.speedUpDays)).toBe(10);
    expect(params.get(SETTING.escalationDays)).toBe(3);
    expect(params.get(SETTING.planLongerDays)).toBe(30);
    expect(params.get(SETTING.lateReasonDays)).toBe(2);
    expect(params.get(SETTING.coExecutorDays)).toBe(4);
    expect(SETTING.escalationDays).toBe('Эскалация руководителю через, рабочих дней');
    expect(headerOf(tab(wb, TAB.units))).toEqual([UNIT_COL.unit, UNIT_COL.head, UNIT_COL.email]);
    const plans = tab(wb, TAB.measurePlans);
    expect(headerOf(plans)).toEqual(['№ поручения', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении']);
    expect(plans.validations.find((x) => x.range === 'E2:E')?.values).toEqual(['Выполнено', 'Не выполнено']);
    expect(plans.validations.find((x) => x.range === 'C2:C')?.kind).toBe('date');
    expect(MEASURE_PLAN_COL.done).toBe('Отметка о выполнении');
    const again = JSON.stringify(wb);
    setup(wb);
    expect(JSON.stringify(wb)).toBe(again);
  });

  it('makes the same number of Spreadsheet calls for 10 and 5 000 orders', () => {
    const small = usedWorkbook(10);
    const big = usedWorkbook(5000);
    const a = setup(small).sb;
    const b = setup(big).sb;
    expect(b.spreadsheetCalls()).toBe(a.spreadsheetCalls());
    a.resetCounters();
    b.resetCounters();
    a.api('setup', {});
    b.api('setup', {});
    expect(b.spreadsheetCalls()).toBe(a.spreadsheetCalls());
  });
});
