// fast-check arbitraries for random workbooks (issue 8, item 1): every people's column of
// «Поручения», «Архив», «Исполнители», «Протоколы» and «Настройки» gets plausible values mixed with
// garbage — random text, numbers, date cells, dates typed as text in many formats, formulas, very
// long text, emoji and mixed scripts, text that looks like a formula or HTML — in shuffled columns,
// with extra columns and blank rows between entries.
import fc from 'fast-check';
import { defaultSettingsRows } from '../../src/domain/settings';
import type { WorkbookModel } from '../../src/local/model';
import {
  DECISION,
  EXECUTOR_COL,
  ORDER_COL,
  ORDER_HEADERS,
  ORDER_SYSTEM_HEADERS,
  PROTOCOL_COL,
  SETTINGS_COL,
  STATUSES,
  TAB,
  URGENCY,
} from '../../src/workbook/schema';
import { setTab, setUpWorkbook, type TestCell } from './harness';
import { ID } from './scenario';

const NAMES = [
  'Иванов Иван Иванович',
  'Петрова Анна Сергеевна',
  'Сидоров Олег Петрович',
  'Ким Ён Хо',
  'Мамедов Эльчин Рафикович',
  'Жанна 🌸 Цветкова',
];
const PROTOCOL_NUMBERS = ['1', '2', '12', '12а', '3/2026'];
const ODD_TEXT = [
  'Срок 😀 сдвинут',
  'مرحبا بالعالم',
  '漢字テスト',
  'Ω≈ç√∫',
  '\u202Eобратный текст',
  'строка\nс переводом',
  '   пробелы вокруг   ',
  'ё Ё йод',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\u0000\u0007',
];
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example";"нажми")',
  '=1+1',
  '+7 900 000-00-00',
  '-пункт первый',
  '@всем',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
];
const LONG = ['а'.repeat(5000), 'Длинный текст поручения. '.repeat(400), '😀'.repeat(2500)];

const isoDate = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const DATE_TEXT_FORMATS: ((y: string, m: string, d: string) => string)[] = [
  (y, m, d) => `${d}.${m}.${y}`,
  (y, m, d) => `${Number(d)}.${Number(m)}.${y}`,
  (y, m, d) => `${d}.${m}.${y.slice(2)}`,
  (y, m, d) => `${y}-${m}-${d}`,
  (y, m, d) => `${d}/${m}/${y}`,
  (y, m, d) => `${d}.${m}.${y} г.`,
  (y, m, d) => ` ${d}.${m}.${y} `,
  (y, _m, d) => `${Number(d)} марта ${y}`,
  (y, m, d) => `${m}/${d}/${y}`,
  (y, m, d) => `${y}${m}${d}`,
  (y) => `31.02.${y}`,
  (y) => `00.00.${y}`,
  (y, m, d) => `${d}.${m}.${y} 10:30`,
];

const dateCell: fc.Arbitrary<TestCell> = isoDate.map((d) => ({ date: d }));
const dateText: fc.Arbitrary<TestCell> = fc
  .tuple(isoDate, fc.integer({ min: 0, max: DATE_TEXT_FORMATS.length - 1 }))
  .map(([d, i]) => DATE_TEXT_FORMATS[i](d.slice(0, 4), d.slice(5, 7), d.slice(8, 10)));
const formula: fc.Arbitrary<TestCell> = fc.oneof(
  fc.constant<TestCell>({ f: 'SUM(1;2)', v: 3 }),
  fc.constant<TestCell>({ f: 'TODAY()', v: { kind: 'date', iso: '2026-03-02' } }),
  fc.constant<TestCell>({ f: 'A1', v: null }),
  fc.constant<TestCell>({ f: 'CONCATENATE("Иванов";" И.И.")', v: 'Иванов И.И.' }),
  fc.constant<TestCell>({ f: '1/0', v: '#DIV/0!' }),
);

/** Anything a person could put in a cell. */
export const anyCell: fc.Arbitrary<TestCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: dateCell },
  { weight: 2, arbitrary: dateText },
  { weight: 1, arbitrary: formula },
  { weight: 1, arbitrary: fc.constantFrom(...LONG) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
);

const mix = (plausible: fc.Arbitrary<TestCell>): fc.Arbitrary<TestCell> =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyCell });

const name = fc.constantFrom(...NAMES);
const email = fc.oneof(
  fc.constantFrom('ivanov@example.ru', 'petrova@example.ru', 'ким@пример.рф', 'bad address', 'a@b', ''),
  fc.emailAddress(),
);

const ORDER_PLAUSIBLE: Record<string, fc.Arbitrary<TestCell>> = {
  [ORDER_COL.number]: fc.oneof(
    fc.constant(null),
    fc.tuple(fc.constantFrom(...PROTOCOL_NUMBERS), fc.integer({ min: 1, max: 9 })).map(([p, n]) => `${p}-${n}`),
  ),
  [ORDER_COL.protocol]: fc.oneof(fc.constant(null), fc.constantFrom(...PROTOCOL_NUMBERS), fc.constant(12)),
  [ORDER_COL.text]: fc.constantFrom('Подготовить отчёт', 'Провести совещание', 'Проверить объекты', 'Обновить сайт'),
  [ORDER_COL.executor]: fc.oneof(
    name,
    fc.constant(null),
    name.map((n) => ` ${n.toUpperCase()} `),
  ),
  [ORDER_COL.coExecutors]: fc.oneof(
    fc.constant(null),
    fc.subarray(NAMES).map((a) => a.join('; ')),
    fc.subarray(NAMES).map((a) => a.join(', ')),
  ),
  [ORDER_COL.urgency]: fc.constantFrom<TestCell>(null, URGENCY.urgent, URGENCY.operative),
  [ORDER_COL.deadline]: fc.oneof(dateCell, dateText, fc.constant(null)),
  // «Готово» weighted up so rows do move to «Архив» (000 п.14) in most runs.
  [ORDER_COL.status]: fc.oneof(
    { weight: 2, arbitrary: fc.constant<TestCell>('Готово') },
    { weight: 5, arbitrary: fc.constantFrom<TestCell>(null, ...STATUSES) },
  ),
  [ORDER_COL.progress]: fc.oneof(fc.constant(null), fc.constantFrom('В работе', 'Направлен запрос')),
  [ORDER_COL.doneDate]: fc.oneof(fc.constant(null), dateCell, dateText),
  [ORDER_COL.requestedDate]: fc.oneof(fc.constant(null), fc.constant(null), dateCell, dateText),
  [ORDER_COL.requestReason]: fc.constantFrom<TestCell>(null, null, 'Нужно больше времени'),
  [ORDER_COL.decision]: fc.constantFrom<TestCell>(null, null, DECISION.approved, DECISION.refused),
};

const PEOPLE_ORDER_HEADERS = ORDER_HEADERS.filter((h) => !ORDER_SYSTEM_HEADERS.includes(h));
const EXTRA_HEADERS = ['Примечание отдела', 'Доп. поле 😀', 'Ответственный в отделе'];

export interface GeneratedBook {
  wb: WorkbookModel;
  /** People's columns of «Поручения» left out on purpose (must be reported as missing). */
  droppedOrderColumns: string[];
  protocolNumbers: string[];
}

/** A header layout: the given headers (some dropped), extras, shuffled; header text case and spacing varied. */
function layout(required: readonly string[], droppable: readonly string[], keep: readonly string[]) {
  return fc
    .record({
      drop: fc.oneof(
        { weight: 5, arbitrary: fc.constant<string[]>([]) },
        {
          weight: droppable.length ? 1 : 0,
          arbitrary: droppable.length ? fc.subarray([...droppable], { maxLength: 1 }) : fc.constant<string[]>([]),
        },
      ),
      extras: fc.subarray(EXTRA_HEADERS, { maxLength: 2 }),
      seed: fc.integer(),
      upper: fc.boolean(),
    })
    .chain(({ drop, extras, upper }) => {
      const cols = [...required.filter((h) => !drop.includes(h)), ...keep, ...extras];
      return fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }).map((order) => ({
        order,
        drop,
        shown: order.map((h) => (upper && !keep.includes(h) ? `  ${h.toUpperCase()} ` : h)),
      }));
    });
}

function rowsFor(
  headers: readonly string[],
  plausible: Record<string, fc.Arbitrary<TestCell>>,
  n: { min: number; max: number },
  idPrefix: string | null,
) {
  const cell = (h: string): fc.Arbitrary<TestCell> => mix(plausible[h] ?? anyCell);
  return fc
    .array(fc.tuple(fc.tuple(...headers.map(cell)), fc.boolean(), fc.boolean()), { minLength: n.min, maxLength: n.max })
    .map((rows) => {
      const out: TestCell[][] = [];
      rows.forEach(([cells, blankBefore], i) => {
        if (blankBefore && i % 3 === 0) out.push(headers.map(() => null));
        out.push(headers.map((h, j) => (idPrefix && h === ID ? `${idPrefix}${i}` : cells[j])));
      });
      return out;
    });
}

export const randomBook: fc.Arbitrary<GeneratedBook> = fc
  .record({
    orders: layout(
      PEOPLE_ORDER_HEADERS,
      [ORDER_COL.executor, ORDER_COL.deadline, ORDER_COL.status],
      [...ORDER_SYSTEM_HEADERS, ID],
    ),
    executors: layout(Object.values(EXECUTOR_COL), [], []),
    protocols: layout(Object.values(PROTOCOL_COL), [], []),
    settingsMutations: fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), anyCell), { maxLength: 4 }),
    settingsShuffle: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((l) =>
    fc.record({
      l: fc.constant(l),
      orderRows: rowsFor(l.orders.order, ORDER_PLAUSIBLE, { min: 0, max: 18 }, 'o'),
      archiveRows: rowsFor(
        [...PEOPLE_ORDER_HEADERS, ID],
        { ...ORDER_PLAUSIBLE, [ORDER_COL.status]: fc.constant('Готово') },
        { min: 0, max: 4 },
        'a',
      ),
      executorRows: rowsFor(
        l.executors.order,
        {
          [EXECUTOR_COL.name]: name,
          [EXECUTOR_COL.email]: email,
          [EXECUTOR_COL.substitute]: fc.oneof(fc.constant(null), name),
          [EXECUTOR_COL.absentFrom]: fc.oneof(fc.constant(null), dateCell, dateText),
          [EXECUTOR_COL.absentTo]: fc.oneof(fc.constant(null), dateCell, dateText),
        },
        { min: 0, max: 7 },
        null,
      ),
      protocolRows: rowsFor(
        l.protocols.order,
        {
          [PROTOCOL_COL.number]: fc.constantFrom(...PROTOCOL_NUMBERS),
          [PROTOCOL_COL.date]: fc.oneof(dateCell, dateText),
        },
        { min: 0, max: 5 },
        null,
      ),
    }),
  )
  .map(({ l, orderRows, archiveRows, executorRows, protocolRows }) => {
    const wb = setUpWorkbook('Europe/Moscow');
    const settings: TestCell[][] = defaultSettingsRows('Europe/Moscow').map((r) => [...r]);
    settings[2][1] = 'kontrol@example.ru';
    for (const [i, v] of l.settingsMutations) settings[i][1] = v;
    // Shuffle the settings rows deterministically and leave a blank row among them.
    const shuffled = settings
      .map((r, i) => ({ r, k: (i * 7919 + l.settingsShuffle) % 101 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
    shuffled.splice(3, 0, [null, null, null]);
    setTab(wb, TAB.settings, [SETTINGS_COL.param, SETTINGS_COL.value, 'Пояснение'], shuffled);
    setTab(wb, TAB.executors, l.executors.shown, executorRows);
    setTab(wb, TAB.protocols, l.protocols.shown, protocolRows);
    setTab(wb, TAB.orders, l.orders.shown, orderRows);
    setTab(
      wb,
      TAB.archive,
      [...PEOPLE_ORDER_HEADERS, ...ORDER_SYSTEM_HEADERS, 'Дата архивации', ID],
      archiveRows.map((r) => [
        ...r.slice(0, PEOPLE_ORDER_HEADERS.length),
        ...ORDER_SYSTEM_HEADERS.map(() => null),
        null,
        r[r.length - 1],
      ]),
    );
    const pn = l.protocols.order.indexOf(PROTOCOL_COL.number);
    const protocolNumbers = protocolRows
      .map((r) => r[pn])
      .filter((v): v is string => typeof v === 'string' && /^[\w/а-я]+$/i.test(v));
    const summary = `книга: «Поручения» [${l.orders.shown.join(' | ')}] ${orderRows.length} строк, «Архив» ${archiveRows.length}, «Исполнители» ${executorRows.length}, «Протоколы» ${protocolRows.length}; изменения настроек ${JSON.stringify(l.settingsMutations)}; строки «Поручения»: ${JSON.stringify(orderRows, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v)).slice(0, 4000)}`;
    return { wb, droppedOrderColumns: l.orders.drop, protocolNumbers, [fc.toStringMethod]: () => summary };
  });
