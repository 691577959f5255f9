// The tabs of control between the dates (spec Round 3): «Подразделения» (who an overdue order is
// escalated to, 004 п.4.1.4, 4.2.1) and «Планы мероприятий» (the stages of a long order, 001 гл.6
// п.2.2.16). Header names come from schema.ts.
import { EXECUTOR_COL, MEASURE_PLAN_COL, ORDER_COL, TAB, UNIT_COL } from '../schema';
import type { TabSpec } from '../tabspec';

/** «Отметка о выполнении» of a stage. */
export const MEASURE_DONE = { done: 'Выполнено', notDone: 'Не выполнено' } as const;

export const BETWEEN_DATES_TAB_SPECS: TabSpec[] = [
  {
    name: TAB.units,
    headers: Object.values(UNIT_COL),
    lists: [{ header: UNIT_COL.head, fromTab: { tab: TAB.executors, header: EXECUTOR_COL.name } }],
    widths: { [UNIT_COL.unit]: 260, [UNIT_COL.head]: 220, [UNIT_COL.email]: 220 },
  },
  {
    name: TAB.measurePlans,
    headers: Object.values(MEASURE_PLAN_COL),
    dateHeaders: [MEASURE_PLAN_COL.deadline],
    lists: [
      { header: MEASURE_PLAN_COL.order, fromTab: { tab: TAB.orders, header: ORDER_COL.number } },
      { header: MEASURE_PLAN_COL.responsible, fromTab: { tab: TAB.executors, header: EXECUTOR_COL.name } },
      { header: MEASURE_PLAN_COL.done, values: Object.values(MEASURE_DONE) },
    ],
    widths: {
      [MEASURE_PLAN_COL.order]: 110,
      [MEASURE_PLAN_COL.measure]: 360,
      [MEASURE_PLAN_COL.deadline]: 100,
      [MEASURE_PLAN_COL.responsible]: 200,
      [MEASURE_PLAN_COL.done]: 150,
    },
  },
];
