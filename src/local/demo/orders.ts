// Demo data of the order-control cycle (seed 000): a week of a small administration relative to
// `today` — two protocols of last week's meetings (Tuesday оперативное, Thursday аппаратное), fifteen
// orders across six executors (one absent with a substitute), every status and every state, an
// extension request waiting for a decision and one approved, a returned order, and two deliberate
// data problems (an unknown executor, an impossible date) for «Проверка данных». «Журнал» records
// last week's new-order notices (000 п.8), so the first daily check does not send them again; two
// orders of protocol 13 were entered late and never sent (000 п.7: within one working day), which the
// check reports and then sends.
import { WorkCalendar } from '../../domain/calendar';
import { addDays, formatRu, type IsoDate, isoWeekday, yearOf } from '../../domain/dates';
import { noticeKey } from '../../domain/notices';
import { SETTING } from '../../domain/settings';
import { JOURNAL_HEADERS } from '../../workbook/journal';
import {
  DECISION,
  EXECUTOR_COL,
  ORDER_COL,
  PROTOCOL_COL,
  SETTINGS_COL,
  STATUS,
  TAB,
  URGENCY,
} from '../../workbook/schema';
import type { WorkbookModel } from '../model';
import { appendRows, type DemoValue, recordedOnItsDay, sheetOf } from './util';

const d = (iso: IsoDate): DemoValue => ({ date: iso });

export const DEMO_ORGANIZATION = 'Администрация Примерного муниципального округа';
export const DEMO_CONTROLLER = 'kontrol@example.ru';
export const DEMO_SUMMARY = 'glava@example.ru, zam.glavy@example.ru';

export const DEMO_EXECUTORS = {
  petrova: 'Петрова Анна Сергеевна',
  smirnov: 'Смирнов Игорь Викторович',
  kuznetsova: 'Кузнецова Ольга Николаевна',
  vasiliev: 'Васильев Денис Андреевич',
  morozova: 'Морозова Елена Петровна',
  nikolaev: 'Николаев Сергей Иванович',
} as const;
/** Not in «Исполнители»: the deliberate «unknown executor» problem. */
export const DEMO_UNKNOWN_EXECUTOR = 'Сидоров Павел Павлович';

/** Sets «Значение» of a «Параметр» row that setup seeded. */
function setSetting(model: WorkbookModel, param: string, value: string): void {
  const sheet = sheetOf(model, TAB.settings);
  const header = (sheet.cells[0] ?? []).map((c) => String(c.v ?? '').trim());
  const pc = header.indexOf(SETTINGS_COL.param);
  const vc = header.indexOf(SETTINGS_COL.value);
  if (pc < 0 || vc < 0)
    throw new Error(`Demo: «${TAB.settings}» has no «${SETTINGS_COL.param}»/«${SETTINGS_COL.value}»`);
  const row = sheet.cells.findIndex((r, i) => i > 0 && String(r[pc]?.v ?? '').trim() === param);
  if (row < 0) {
    appendRows(model, TAB.settings, [{ [SETTINGS_COL.param]: param, [SETTINGS_COL.value]: value }]);
    return;
  }
  const line = sheet.cells[row];
  while (line.length <= vc) line.push({ v: null });
  line[vc] = { ...line[vc], v: value };
}

export function addDemoOrders(model: WorkbookModel, today: IsoDate): void {
  const cal = new WorkCalendar();
  const work = (n: number) => cal.addWorkingDays(today, n);
  // Last week's Tuesday and Thursday (000 п.6: orders come from the weekly meetings' protocols).
  const lastMonday = addDays(today, 1 - isoWeekday(today) - 7);
  const p1 = addDays(lastMonday, 1);
  const p2 = addDays(lastMonday, 3);
  const E = DEMO_EXECUTORS;

  setSetting(model, SETTING.organization, DEMO_ORGANIZATION);
  setSetting(model, SETTING.controllerEmail, DEMO_CONTROLLER);
  setSetting(model, SETTING.summaryRecipients, DEMO_SUMMARY);

  appendRows(model, TAB.executors, [
    {
      [EXECUTOR_COL.name]: E.petrova,
      [EXECUTOR_COL.position]: 'Заместитель главы округа по экономике',
      [EXECUTOR_COL.unit]: 'Управление экономического развития',
      [EXECUTOR_COL.email]: 'petrova@example.ru',
    },
    {
      [EXECUTOR_COL.name]: E.smirnov,
      [EXECUTOR_COL.position]: 'Заместитель главы округа по ЖКХ',
      [EXECUTOR_COL.unit]: 'Управление ЖКХ и благоустройства',
      [EXECUTOR_COL.email]: 'smirnov@example.ru',
    },
    {
      [EXECUTOR_COL.name]: E.kuznetsova,
      [EXECUTOR_COL.position]: 'Начальник финансового управления',
      [EXECUTOR_COL.unit]: 'Финансовое управление',
      [EXECUTOR_COL.email]: 'kuznetsova@example.ru',
      // On leave this week and next: her mail goes to her deputy.
      [EXECUTOR_COL.substitute]: E.vasiliev,
      [EXECUTOR_COL.absentFrom]: d(addDays(lastMonday, 7)),
      [EXECUTOR_COL.absentTo]: d(addDays(lastMonday, 18)),
    },
    {
      [EXECUTOR_COL.name]: E.vasiliev,
      [EXECUTOR_COL.position]: 'Заместитель начальника финансового управления',
      [EXECUTOR_COL.unit]: 'Финансовое управление',
      [EXECUTOR_COL.email]: 'vasiliev@example.ru',
    },
    {
      [EXECUTOR_COL.name]: E.morozova,
      [EXECUTOR_COL.position]: 'Начальник управления образования',
      [EXECUTOR_COL.unit]: 'Управление образования',
      [EXECUTOR_COL.email]: 'morozova@example.ru',
    },
    {
      [EXECUTOR_COL.name]: E.nikolaev,
      [EXECUTOR_COL.position]: 'Начальник сектора экономического развития',
      [EXECUTOR_COL.unit]: 'Сектор экономического развития',
      [EXECUTOR_COL.email]: 'nikolaev@example.ru',
    },
  ]);

  const chair = 'Глава округа Иванов Иван Иванович';
  appendRows(model, TAB.protocols, [
    {
      [PROTOCOL_COL.number]: '12',
      [PROTOCOL_COL.date]: d(p1),
      [PROTOCOL_COL.meeting]: 'оперативное',
      [PROTOCOL_COL.chair]: chair,
      [PROTOCOL_COL.link]: 'https://example.ru/protocols/12',
    },
    {
      [PROTOCOL_COL.number]: '13',
      [PROTOCOL_COL.date]: d(p2),
      [PROTOCOL_COL.meeting]: 'аппаратное',
      [PROTOCOL_COL.chair]: chair,
      [PROTOCOL_COL.link]: 'https://example.ru/protocols/13',
    },
  ]);

  const O = ORDER_COL;
  const order = (
    n: string,
    protocol: string,
    text: string,
    executor: string,
    status: string,
    deadline: DemoValue,
    more: Record<string, DemoValue> = {},
  ): Record<string, DemoValue> => ({
    [O.number]: n,
    [O.protocol]: protocol,
    [O.text]: text,
    [O.executor]: executor,
    [O.status]: status,
    [O.deadline]: deadline,
    ...more,
  });

  const orders: Record<string, DemoValue>[] = [
    // На исполнении: far from its control date.
    order(
      '12-1',
      '12',
      'Подготовить предложения по снижению просроченной задолженности по арендной плате за муниципальное имущество',
      E.petrova,
      STATUS.p0,
      d(work(10)),
      {
        [O.progress]: 'Запрошены данные у отдела имущественных отношений',
      },
    ),
    // Просрочено: «Срочно», three days from the protocol date, long past.
    order(
      '12-2',
      '12',
      'Обеспечить вывоз снега с придомовых территорий по улицам Ленина и Мира',
      E.smirnov,
      STATUS.p50,
      d(addDays(p1, 3)),
      {
        [O.coExecutors]: E.morozova,
        [O.urgency]: URGENCY.urgent,
        [O.progress]: 'Вывезено около 60 % объёма',
      },
    ),
    // Срок наступает, and its executor is absent: the reminder goes to the substitute.
    order(
      '12-3',
      '12',
      'Представить информацию об исполнении местного бюджета за прошедший месяц',
      E.kuznetsova,
      STATUS.todo,
      d(work(1)),
    ),
    // Исполнено в срок.
    order(
      '12-4',
      '12',
      'Провести проверку готовности пищеблоков общеобразовательных организаций',
      E.morozova,
      STATUS.done,
      d(addDays(p1, 2)),
      {
        [O.doneDate]: d(addDays(p1, 1)),
        [O.progress]: 'Проверка проведена, акт направлен главе',
      },
    ),
    // Исполнено с нарушением срока.
    order(
      '12-5',
      '12',
      'Организовать обучение муниципальных служащих бережливым технологиям',
      E.nikolaev,
      STATUS.done,
      d(addDays(p1, 3)),
      {
        [O.doneDate]: d(addDays(p1, 6)),
        [O.progress]: 'Обучены 12 человек, списки — на листе «Обучение»',
      },
    ),
    // Возвращено на доработку: the daily check clears «Дата исполнения» and counts the return.
    order(
      '12-6',
      '12',
      'Подготовить график ремонта автомобильных дорог местного значения на летний период',
      E.smirnov,
      STATUS.rework,
      d(work(5)),
      {
        [O.doneDate]: d(addDays(p1, 2)),
        [O.progress]: 'График направлен. Возвращено: нет сроков по ул. Садовой',
      },
    ),
    // Extension requested, waiting for the controller's decision (000 п.11).
    order(
      '13-1',
      '13',
      'Актуализировать план мероприятий программы «Эффективный регион» на текущий год',
      E.petrova,
      STATUS.p99,
      d(work(4)),
      {
        [O.coExecutors]: E.nikolaev,
        [O.requestedDate]: d(work(12)),
        [O.requestReason]: 'Ожидаем предложения подведомственных учреждений, срок их представления — конец месяца',
      },
    ),
    // Extension approved: the daily check moves «Срок» and counts it (000 п.12).
    order(
      '13-2',
      '13',
      'Подготовить проект решения о внесении изменений в местный бюджет',
      E.vasiliev,
      STATUS.p50,
      d(work(5)),
      {
        [O.requestedDate]: d(work(9)),
        [O.requestReason]: 'Изменение объёма межбюджетных трансфертов из областного бюджета',
        [O.decision]: DECISION.approved,
      },
    ),
    order(
      '13-3',
      '13',
      'Сформировать списки детей для летнего оздоровительного отдыха',
      E.morozova,
      STATUS.todo,
      d(work(7)),
      {
        [O.urgency]: URGENCY.operative,
      },
    ),
    // Не заполнено: no executor yet.
    order(
      '13-4',
      '13',
      'Рассмотреть обращение жителей ул. Садовой о ремонте уличного освещения',
      '',
      STATUS.todo,
      d(work(6)),
    ),
    // Data problem: the executor is not in «Исполнители».
    order(
      '13-5',
      '13',
      'Подготовить отчёт о работе многофункционального центра за квартал',
      DEMO_UNKNOWN_EXECUTOR,
      STATUS.todo,
      d(work(6)),
    ),
    // Data problem: a date that does not exist.
    order(
      '13-6',
      '13',
      'Провести семинар по картированию процессов для руководителей учреждений',
      E.nikolaev,
      STATUS.p0,
      `31.02.${yearOf(today)}`,
    ),
    order(
      '13-7',
      '13',
      'Подготовить сведения о кредиторской задолженности муниципальных учреждений',
      E.kuznetsova,
      STATUS.p0,
      d(work(3)),
    ),
    // «Срочно» with no control date: the add-on fills «Срок» from the protocol date.
    order('13-8', '13', 'Организовать уборку территории набережной после паводка', E.smirnov, STATUS.todo, '', {
      [O.urgency]: URGENCY.urgent,
    }),
    // From another document (no protocol), done ahead of its date.
    order(
      'ВХ-45',
      '',
      `Подготовить ответ на запрос прокуратуры от ${formatRu(addDays(p1, -1))}`,
      E.petrova,
      STATUS.done,
      d(work(2)),
      {
        [O.doneDate]: d(today),
        [O.progress]: 'Ответ направлен',
      },
    ),
  ];
  // «Внесено» (000 п.7): typed on the meeting's day, as the specialist did last week; 13-7 and 13-8
  // were not, and the first daily check stamps them today and reports them as entered late.
  const lateEntries = new Set(['13-7', '13-8']);
  for (const o of orders) {
    const protocol = o[O.protocol];
    if (lateEntries.has(String(o[O.number]))) continue;
    o[O.enteredAt] = d(protocol === '12' ? p1 : protocol === '13' ? p2 : addDays(p1, -1));
  }
  appendRows(model, TAB.orders, orders.map(recordedOnItsDay));

  // Last week's notices, one message per executor per protocol, the working day after the meeting.
  const emails: Record<string, string> = {
    [E.petrova]: 'petrova@example.ru',
    [E.smirnov]: 'smirnov@example.ru',
    [E.kuznetsova]: 'kuznetsova@example.ru',
    [E.vasiliev]: 'vasiliev@example.ru',
    [E.morozova]: 'morozova@example.ru',
    [E.nikolaev]: 'nikolaev@example.ru',
  };
  const unsent = lateEntries;
  const log: Record<string, DemoValue>[] = [];
  for (const [protocol, day] of [
    ['12', p1],
    ['13', p2],
    ['', addDays(p1, -1)],
  ] as const) {
    const byExecutor = new Map<string, { numbers: string[]; keys: string[]; cc: string[] }>();
    for (const o of orders) {
      const n = String(o[O.number]);
      const executor = String(o[O.executor] ?? '');
      if (o[O.protocol] !== protocol || unsent.has(n) || !emails[executor]) continue;
      const entry = byExecutor.get(executor) ?? { numbers: [], keys: [], cc: [] };
      entry.numbers.push(n);
      entry.keys.push(noticeKey.new(n));
      const co = String(o[O.coExecutors] ?? '');
      if (co) {
        entry.keys.push(noticeKey.newCo(n, co));
        entry.cc.push(emails[co]);
      }
      byExecutor.set(executor, entry);
    }
    const at = `${cal.addWorkingDays(day, 1)}T09:05:00`;
    for (const [executor, e] of byExecutor)
      log.push({
        [JOURNAL_HEADERS[0]]: { date: at },
        [JOURNAL_HEADERS[1]]: 'Новые поручения',
        [JOURNAL_HEADERS[2]]: e.numbers.join(', '),
        [JOURNAL_HEADERS[3]]: [emails[executor], ...new Set(e.cc)].join(', '),
        [JOURNAL_HEADERS[4]]: 'отправлено',
        [JOURNAL_HEADERS[5]]: e.keys.join('\n'),
      });
  }
  appendRows(model, TAB.log, log);
}
