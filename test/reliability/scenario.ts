// One small administration on Monday 02.03.2026 (the first working day of March, and the weekly
// report day): every kind of daily work is due at once — a new order (000 п.8: the executor is
// e-mailed on assignment), a reminder (000 п.10: «за сутки»), an overdue order, an approved and a
// refused extension and a late request (000 п.11), a return for rework (000 п.15), an order done
// five working days ago that goes to «Архив» (000 п.14), a blank «№» and «Срок» to fill, and two
// data problems. The fault, injection and time-zone suites all start from it.

import { SETTING } from '../../src/domain/settings';
import type { WorkbookModel } from '../../src/local/model';
import {
  DECISION,
  EXECUTOR_COL as E,
  ORDER_COL as O,
  PROTOCOL_COL as P,
  SETTINGS_COL,
  STATUS,
  TAB,
  URGENCY,
} from '../../src/workbook/schema';
import { appendByHeader, headerOf, setUpWorkbook, sheet, type TestCell } from './harness';

export const TODAY = '2026-03-02';
export const NOW_WALL = `${TODAY}T08:20:00`;
/** People's own extra column in «Поручения» and «Архив» (allowed by the spec): our row identity. */
export const ID = 'Код строки';
export const CONTROLLER = 'kontrol@example.ru';
export const SUMMARY = 'glava@example.ru, zam@example.ru';

export const PEOPLE = {
  a: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru', unit: 'Отдел ЖКХ' },
  b: { name: 'Петрова Анна Сергеевна', email: 'petrova@example.ru', unit: 'Отдел экономики' },
  c: { name: 'Сидоров Олег Петрович', email: 'sidorov@example.ru', unit: 'Юридический отдел' },
  d: { name: 'Кузнецова Мария Ильинична', email: 'kuznetsova@example.ru', unit: 'Отдел культуры' },
  e: { name: 'Орлов Денис Андреевич', email: 'orlov@example.ru', unit: 'Отдел культуры' },
  f: { name: 'Волкова Елена Викторовна', email: 'volkova@example.ru', unit: 'Общий отдел' },
};
export const UNKNOWN_EXECUTOR = 'Неизвестный Никита Никитич';

export type Row = Record<string, TestCell>;

export interface ScenarioTexts {
  /** Overrides of people's text, by order code (for the injection suite). */
  orderText?: (code: string) => string;
  progress?: (code: string) => string;
  reason?: (code: string) => string;
  names?: Partial<Record<keyof typeof PEOPLE, string>>;
  units?: Partial<Record<keyof typeof PEOPLE, string>>;
  organization?: string;
  /** Overrides of «№», by order code. */
  numbers?: (code: string) => string;
  unknownExecutor?: string;
}

function setSetting(wb: WorkbookModel, param: string, value: TestCell): void {
  const s = sheet(wb, TAB.settings);
  const h = headerOf(s);
  const pc = h.indexOf(SETTINGS_COL.param);
  const vc = h.indexOf(SETTINGS_COL.value);
  const row = s.cells.find((r, i) => i > 0 && String(r[pc]?.v ?? '') === param);
  if (!row) throw new Error(`нет параметра «${param}»`);
  row[vc] = { v: value as string };
}

function addIdColumn(wb: WorkbookModel, tab: string): void {
  const s = sheet(wb, tab);
  if (headerOf(s).includes(ID)) return;
  const w = headerOf(s).length;
  s.cells[0][w] = { v: ID };
  s.maxColumns = Math.max(s.maxColumns, w + 1);
}

export function scenarioWorkbook(tz = 'Europe/Moscow', t: ScenarioTexts = {}): WorkbookModel {
  const wb = setUpWorkbook(tz);
  const name = (k: keyof typeof PEOPLE) => t.names?.[k] ?? PEOPLE[k].name;
  const text = (code: string, s: string) => t.orderText?.(code) ?? s;
  const progress = (code: string, s: string) => t.progress?.(code) ?? s;
  const reason = (code: string, s: string) => t.reason?.(code) ?? s;
  setSetting(wb, SETTING.organization, t.organization ?? 'Администрация Примерного округа');
  setSetting(wb, SETTING.controllerEmail, CONTROLLER);
  setSetting(wb, SETTING.summaryRecipients, SUMMARY);
  setSetting(wb, SETTING.timeZone, tz);

  appendByHeader(
    wb,
    TAB.executors,
    (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map((k) => ({
      [E.name]: name(k),
      [E.position]: 'начальник отдела',
      [E.unit]: t.units?.[k] ?? PEOPLE[k].unit,
      [E.email]: PEOPLE[k].email,
      // Кузнецова is on leave this week: her mail goes to Орлов (spec «Исполнители»).
      [E.substitute]: k === 'd' ? name('e') : null,
      [E.absentFrom]: k === 'd' ? { date: '2026-02-27' } : null,
      [E.absentTo]: k === 'd' ? { date: '2026-03-13' } : null,
    })),
  );
  appendByHeader(wb, TAB.protocols, [
    { [P.number]: '5', [P.date]: { date: '2026-02-17' }, [P.meeting]: 'оперативное', [P.chair]: 'Глава округа' },
    { [P.number]: '6', [P.date]: { date: '2026-02-24' }, [P.meeting]: 'аппаратное', [P.chair]: 'Глава округа' },
    { [P.number]: '7', [P.date]: { date: '2026-02-27' }, [P.meeting]: 'оперативное', [P.chair]: 'Первый заместитель' },
  ]);

  addIdColumn(wb, TAB.orders);
  addIdColumn(wb, TAB.archive);
  const order = (id: string, r: Row): Row => {
    const n = r[O.number];
    return { [ID]: id, ...r, ...(typeof n === 'string' && t.numbers ? { [O.number]: t.numbers(n) } : {}) };
  };
  const rows: Row[] = [
    order('new', {
      [O.number]: '5-1',
      [O.protocol]: '5',
      [O.text]: text('5-1', 'Подготовить план ремонта дорог на 2026 год'),
      [O.executor]: name('a'),
      [O.coExecutors]: `${name('b')}; ${name('c')}`,
      [O.deadline]: { date: '2026-03-20' },
      [O.status]: STATUS.todo,
    }),
    order('remind', {
      [O.number]: '5-2',
      [O.protocol]: '5',
      [O.text]: text('5-2', 'Представить отчёт о ходе отопительного сезона'),
      [O.executor]: name('b'),
      [O.deadline]: { date: '2026-03-03' },
      [O.status]: STATUS.p50,
      [O.progress]: progress('5-2', 'Собраны данные по трём котельным'),
    }),
    order('overdue', {
      [O.number]: '5-3',
      [O.protocol]: '5',
      [O.text]: text('5-3', 'Проверить договоры аренды муниципальных помещений'),
      [O.executor]: name('c'),
      [O.deadline]: { date: '2026-02-26' },
      [O.status]: STATUS.p0,
    }),
    order('archive', {
      [O.number]: '5-4',
      [O.protocol]: '5',
      [O.text]: text('5-4', 'Направить информацию в министерство'),
      [O.executor]: name('a'),
      [O.deadline]: { date: '2026-02-20' },
      [O.status]: STATUS.done,
      [O.doneDate]: { date: '2026-02-18' },
      [O.progress]: progress('5-4', 'Направлено письмом от 18.02.2026'),
    }),
    order('absent', {
      [O.number]: '6-1',
      [O.protocol]: '6',
      [O.text]: text('6-1', 'Подготовить программу Дня города'),
      [O.executor]: name('d'),
      [O.deadline]: { date: '2026-03-10' },
      [O.status]: STATUS.todo,
    }),
    order('approved', {
      [O.number]: '6-2',
      [O.protocol]: '6',
      [O.text]: text('6-2', 'Разработать проект бюджета на 2027 год'),
      [O.executor]: name('b'),
      [O.deadline]: { date: '2026-03-16' },
      [O.status]: STATUS.p50,
      [O.requestedDate]: { date: '2026-03-31' },
      [O.requestReason]: reason('6-2', 'Ждём контрольные цифры области'),
      [O.decision]: DECISION.approved,
    }),
    order('refused', {
      [O.number]: '6-3',
      [O.protocol]: '6',
      [O.text]: text('6-3', 'Обновить регламент приёма граждан'),
      [O.executor]: name('c'),
      [O.deadline]: { date: '2026-03-13' },
      [O.status]: STATUS.p0,
      [O.requestedDate]: { date: '2026-03-27' },
      [O.requestReason]: reason('6-3', 'Большой объём работы'),
      [O.decision]: DECISION.refused,
    }),
    order('late-request', {
      [O.number]: '6-4',
      [O.protocol]: '6',
      [O.text]: text('6-4', 'Организовать субботник'),
      [O.executor]: name('a'),
      [O.deadline]: { date: '2026-03-04' },
      [O.status]: STATUS.p0,
      [O.requestedDate]: { date: '2026-03-20' },
      [O.requestReason]: reason('6-4', 'Погодные условия'),
    }),
    order('blank-number', {
      [O.number]: null,
      [O.protocol]: '7',
      [O.text]: text('7-?', 'Устранить аварию на водоводе'),
      [O.executor]: name('e'),
      [O.urgency]: URGENCY.urgent,
      [O.deadline]: null,
      [O.status]: STATUS.todo,
    }),
    order('rework', {
      [O.number]: '7-2',
      [O.protocol]: '7',
      [O.text]: text('7-2', 'Подготовить ответ на представление прокуратуры'),
      [O.executor]: name('f'),
      [O.deadline]: { date: '2026-03-06' },
      [O.status]: STATUS.rework,
      [O.doneDate]: { date: '2026-02-27' },
      [O.progress]: progress('7-2', 'Проект ответа направлен'),
    }),
    order('done-recent', {
      [O.number]: '7-3',
      [O.protocol]: '7',
      [O.text]: text('7-3', 'Согласовать график приёма'),
      [O.executor]: name('a'),
      [O.deadline]: { date: '2026-02-27' },
      [O.status]: STATUS.done,
      // The protocol's own day: an execution before the meeting is a data problem (spec «Поручения»).
      [O.doneDate]: { date: '2026-02-27' },
    }),
    order('unknown-executor', {
      [O.number]: 'Р-1',
      [O.protocol]: null,
      [O.text]: text('Р-1', 'Провести инвентаризацию'),
      [O.executor]: t.unknownExecutor ?? UNKNOWN_EXECUTOR,
      [O.deadline]: { date: '2026-03-25' },
      [O.status]: STATUS.todo,
    }),
    order('bad-date', {
      [O.number]: '7-4',
      [O.protocol]: '7',
      [O.text]: text('7-4', 'Отчитаться о выполнении плана'),
      [O.executor]: name('b'),
      [O.deadline]: '31.02.2026',
      [O.status]: STATUS.p0,
    }),
  ];
  appendByHeader(wb, TAB.orders, rows);
  appendByHeader(wb, TAB.archive, [
    order('old-1', {
      [O.number]: '1-1',
      [O.protocol]: '1',
      [O.text]: 'Старое поручение',
      [O.executor]: name('a'),
      [O.deadline]: { date: '2026-01-20' },
      [O.status]: STATUS.done,
      [O.doneDate]: { date: '2026-01-19' },
    }),
    order('old-2', {
      [O.number]: '1-2',
      [O.protocol]: '1',
      [O.text]: 'Ещё одно старое поручение',
      [O.executor]: name('c'),
      [O.deadline]: { date: '2026-01-23' },
      [O.status]: STATUS.done,
      [O.doneDate]: { date: '2026-01-26' },
    }),
  ]);
  return wb;
}

/** Codes of the scenario's rows (values of the ID column), in «Поручения» then «Архив». */
export const ORDER_IDS = [
  'new',
  'remind',
  'overdue',
  'archive',
  'absent',
  'approved',
  'refused',
  'late-request',
  'blank-number',
  'rework',
  'done-recent',
  'unknown-executor',
  'bad-date',
];
export const ARCHIVE_IDS = ['old-1', 'old-2'];
