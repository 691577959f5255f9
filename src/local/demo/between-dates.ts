// Demo of control between the dates (spec Round 3): the units and their heads (escalation, 004
// п.4.1.4), a monthly order with one occurrence already reported (001 гл.6 п.2.2.17; 003 п.45), an
// interim date tomorrow (001 гл.7 п.3.3), a late execution with its reason (001 гл.8 п.2.3.2), a
// co-executor with his own earlier date (003 п.80), a long order with its plan of measures (001 гл.6
// п.2.2.16) and an overdue order already reminded to speed up (001 гл.7 п.2.4.7–2.4.8). Runs after
// the orders' demo (its executors and protocols).
import { WorkCalendar } from '../../domain/calendar';
import { addDays, addMonths, formatRu, type IsoDate, isoWeekday } from '../../domain/dates';
import { noteLine } from '../../domain/order-events';
import { MEASURE_PLAN_COL, ORDER_COL, STATUS, TAB, UNIT_COL } from '../../workbook/schema';
import type { WorkbookModel } from '../model';
import { DEMO_EXECUTORS } from './orders';
import { appendRows, type DemoValue, recordedOnItsDay } from './util';

const d = (iso: IsoDate): DemoValue => ({ date: iso });

export function addDemoBetweenDates(model: WorkbookModel, today: IsoDate): void {
  const cal = new WorkCalendar();
  const work = (n: number) => cal.addWorkingDays(today, n);
  const E = DEMO_EXECUTORS;
  // Protocol 13 (last week's Thursday, the orders' demo).
  const p2 = addDays(addDays(today, 1 - isoWeekday(today) - 7), 3);
  const O = ORDER_COL;

  appendRows(model, TAB.units, [
    {
      [UNIT_COL.unit]: 'Управление экономического развития',
      [UNIT_COL.head]: E.petrova,
      [UNIT_COL.email]: 'petrova@example.ru',
    },
    {
      [UNIT_COL.unit]: 'Управление ЖКХ и благоустройства',
      [UNIT_COL.head]: 'Орлов Пётр Семёнович',
      [UNIT_COL.email]: 'orlov.gkh@example.ru',
    },
    {
      [UNIT_COL.unit]: 'Финансовое управление',
      [UNIT_COL.head]: E.kuznetsova,
      [UNIT_COL.email]: 'kuznetsova@example.ru',
    },
    { [UNIT_COL.unit]: 'Управление образования', [UNIT_COL.head]: E.morozova, [UNIT_COL.email]: 'morozova@example.ru' },
    {
      [UNIT_COL.unit]: 'Сектор экономического развития',
      [UNIT_COL.head]: E.nikolaev,
      [UNIT_COL.email]: 'nikolaev@example.ru',
    },
  ]);

  const previous = addMonths(work(5), -1);
  // Entered on the meeting's day, as the orders' demo (000 п.7).
  const base = { [O.protocol]: '13', [O.enteredAt]: d(p2) };
  const orders: Record<string, DemoValue>[] = [
    {
      ...base,
      [O.number]: '13-21',
      [O.text]: 'Ежемесячно представлять информацию о ходе ремонта дорог',
      [O.executor]: E.smirnov,
      [O.status]: STATUS.p0,
      [O.deadline]: d(work(5)),
      [O.originalDeadline]: d(previous),
      [O.periodicity]: 'Ежемесячно',
      [O.validUntil]: d(`${today.slice(0, 4)}-12-31`),
      [O.history]: `${formatRu(previous)}: исполнено повторение со сроком ${formatRu(previous)}, дата исполнения ${formatRu(previous)}; следующий срок ${formatRu(work(5))}`,
    },
    {
      ...base,
      [O.number]: '13-22',
      [O.text]: 'Подготовить проект программы капитального ремонта школ',
      [O.executor]: E.morozova,
      [O.coExecutors]: E.kuznetsova,
      [O.status]: STATUS.p50,
      [O.deadline]: d(work(15)),
      [O.interimDate]: d(work(1)),
      // The co-executor's note from her page, with its author in «История» (issue 22 item 6).
      [O.progress]: `${formatRu(p2)}: собраны заявки школ\n${formatRu(addDays(p2, 1))}: сметы по трём школам переданы`,
      [O.history]: noteLine(addDays(p2, 1), `${E.kuznetsova} <kuznetsova@example.ru>`),
    },
    {
      ...base,
      [O.number]: '13-23',
      [O.text]: 'Представить отчёт о расходовании субвенций',
      [O.executor]: E.kuznetsova,
      [O.status]: STATUS.done,
      [O.deadline]: d(work(-4)),
      [O.doneDate]: d(work(-2)),
      [O.lateReason]: 'Данные казначейства поступили с опозданием; впредь запрашиваем их за неделю',
    },
    {
      ...base,
      [O.number]: '13-24',
      [O.text]: 'Разработать и внедрить схему уборки территорий после паводка',
      [O.executor]: E.smirnov,
      [O.status]: STATUS.p0,
      [O.deadline]: d(addDays(today, 60)),
    },
    {
      ...base,
      [O.number]: '13-25',
      [O.text]: 'Устранить замечания прокуратуры по содержанию детских площадок',
      [O.executor]: E.smirnov,
      [O.status]: STATUS.p50,
      [O.deadline]: d(work(-4)),
      [O.history]: `${formatRu(work(-1))}: напоминание об ускорении: исполнить не позднее ${formatRu(cal.workingOnOrBefore(addDays(work(-1), 10)))}`,
    },
  ];
  appendRows(model, TAB.orders, orders.map(recordedOnItsDay));
  appendRows(model, TAB.measurePlans, [
    {
      [MEASURE_PLAN_COL.order]: '13-24',
      [MEASURE_PLAN_COL.measure]: 'Обследовать территории и составить перечень',
      [MEASURE_PLAN_COL.deadline]: d(work(3)),
      [MEASURE_PLAN_COL.responsible]: E.smirnov,
      [MEASURE_PLAN_COL.done]: 'Выполнено',
    },
    {
      [MEASURE_PLAN_COL.order]: '13-24',
      [MEASURE_PLAN_COL.measure]: 'Утвердить схему уборки',
      [MEASURE_PLAN_COL.deadline]: d(work(20)),
      [MEASURE_PLAN_COL.responsible]: E.smirnov,
    },
  ]);
}
