// Reading «Подразделения» and «Планы мероприятий» (spec Round 3), one getValues each, columns by
// header. A tab a workbook made before round 3 lacks is not a problem (its rules are off until
// «Настроить таблицу» adds it); every unreadable cell is a row in «Проверка данных».
import { formatRu, type IsoDate } from '../domain/dates';
import type { MeasureStage } from '../domain/measure-plans';
import { type Executor, normName } from '../domain/order';
import { isEmail } from '../domain/settings';
import { foldText } from '../domain/text';
import type { Unit } from '../domain/units';
import type { Problems } from './problems';
import { cellText, rowReader } from './row-reader';
import { EXECUTOR_COL, MEASURE_PLAN_COL, TAB, UNIT_COL } from './schema';
import { MEASURE_DONE } from './specs/between-dates';
import { isBlankRow, readTable } from './table';

interface Ctx {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tz: string;
  problems: Problems;
}

/** «Подразделения»; [] when the tab is absent. */
export function readUnits(ctx: Ctx): Unit[] {
  const t = readTable(ctx.ss, TAB.units);
  if (!t) return [];
  for (const h of [UNIT_COL.unit, UNIT_COL.email])
    if (t.col(h) < 0) {
      ctx.problems.missingColumn(t.name, h);
      return [];
    }
  const out: Unit[] = [];
  const seen = new Map<string, number>();
  const first = t.firstRow ?? 2;
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const row = i + first;
    const { get, add } = rowReader(t, t.name, r, row, ctx.tz, ctx.problems);
    const u: Unit = {
      row,
      name: cellText(get(UNIT_COL.unit)).replace(/\s+/g, ' '),
      head: cellText(get(UNIT_COL.head)).replace(/\s+/g, ' '),
      email: cellText(get(UNIT_COL.email)),
    };
    if (!u.name) {
      add(
        UNIT_COL.unit,
        '',
        'Не указано название подразделения.',
        'Впишите название, как в столбце «Подразделение» листа «Исполнители», или удалите строку.',
      );
      return;
    }
    const prev = seen.get(foldText(u.name));
    if (prev) {
      add(
        UNIT_COL.unit,
        u.name,
        `Подразделение «${u.name}» уже есть в строке ${prev}; используется первая строка.`,
        'Удалите повтор.',
      );
      return;
    }
    seen.set(foldText(u.name), row);
    if (!isEmail(u.email))
      add(
        UNIT_COL.email,
        u.email,
        u.email
          ? `«${u.email}» не похож на адрес электронной почты: руководителю «${u.name}» письма о просрочках не уйдут.`
          : `Нет адреса руководителя «${u.name}»: письма о просрочках не уйдут.`,
        'Укажите адрес вида ivanov@admin.ru.',
      );
    // «Руководитель» need not be an executor: the escalation goes to the row's address.
    out.push(u);
  });
  return out;
}

/** An executor whose «Подразделение» names no row of «Подразделения» (only when the tab has rows). */
export function checkExecutorUnits(executors: readonly Executor[], units: readonly Unit[], problems: Problems): void {
  if (units.length === 0) return;
  const names = new Set(units.map((u) => foldText(u.name)));
  for (const e of executors)
    if (e.unit && !names.has(foldText(e.unit)))
      problems.add({
        tab: TAB.executors,
        row: e.row,
        column: EXECUTOR_COL.unit,
        value: e.unit,
        message: `Подразделения «${e.unit}» нет на листе «${TAB.units}»: просрочки ${e.name} некому направить.`,
        fix: `Добавьте подразделение и его руководителя на лист «${TAB.units}» или исправьте название.`,
      });
}

/**
 * «Планы мероприятий»; [] when the tab is absent. `orderDeadline(№)`: the order's «Срок», undefined
 * when no such order is in «Поручения» or «Архив».
 */
export function readMeasurePlans(
  ctx: Ctx,
  orderDeadline: (n: string) => IsoDate | null | undefined,
  executorByName: ReadonlyMap<string, Executor>,
): MeasureStage[] {
  const t = readTable(ctx.ss, TAB.measurePlans);
  if (!t) return [];
  for (const h of [MEASURE_PLAN_COL.order, MEASURE_PLAN_COL.deadline])
    if (t.col(h) < 0) {
      ctx.problems.missingColumn(t.name, h);
      return [];
    }
  const out: MeasureStage[] = [];
  const first = t.firstRow ?? 2;
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const row = i + first;
    const { get, add, date, invalid } = rowReader(t, t.name, r, row, ctx.tz, ctx.problems);
    const order = cellText(get(MEASURE_PLAN_COL.order));
    const doneRaw = cellText(get(MEASURE_PLAN_COL.done));
    let done = false;
    if (foldText(doneRaw) === foldText(MEASURE_DONE.done)) done = true;
    else if (doneRaw && foldText(doneRaw) !== foldText(MEASURE_DONE.notDone))
      add(
        MEASURE_PLAN_COL.done,
        doneRaw,
        `Отметка «${doneRaw}» не из списка.`,
        `Выберите «${MEASURE_DONE.done}» или «${MEASURE_DONE.notDone}».`,
      );
    const s: MeasureStage = {
      row,
      order,
      measure: cellText(get(MEASURE_PLAN_COL.measure)),
      deadline: date(MEASURE_PLAN_COL.deadline),
      responsible: cellText(get(MEASURE_PLAN_COL.responsible)).replace(/\s+/g, ' '),
      done,
    };
    if (!order)
      add(
        MEASURE_PLAN_COL.order,
        '',
        'Не указан № поручения, к которому относится мероприятие.',
        'Впишите № из листа «Поручения».',
      );
    const term = order ? orderDeadline(order) : undefined;
    if (order && term === undefined)
      add(
        MEASURE_PLAN_COL.order,
        order,
        `Поручения № «${order}» нет на листах «${TAB.orders}» и «${TAB.archive}».`,
        'Исправьте номер.',
      );
    if (!s.measure)
      add(MEASURE_PLAN_COL.measure, '', 'Не указано мероприятие.', 'Впишите, что будет сделано на этом этапе.');
    if (!s.deadline && !invalid.includes(MEASURE_PLAN_COL.deadline))
      add(
        MEASURE_PLAN_COL.deadline,
        '',
        'Не указан срок этапа: напоминание о нём не придёт.',
        'Впишите дату в виде ДД.ММ.ГГГГ.',
      );
    if (s.deadline && term && s.deadline > term)
      add(
        MEASURE_PLAN_COL.deadline,
        formatRu(s.deadline),
        `Срок этапа ${formatRu(s.deadline)} позже срока поручения ${formatRu(term)}.`,
        'Исправьте срок этапа или попросите перенести срок поручения.',
      );
    if (s.responsible && executorByName.size > 0 && !executorByName.has(normName(s.responsible)))
      add(
        MEASURE_PLAN_COL.responsible,
        s.responsible,
        `Ответственный «${s.responsible}» не найден на листе «${TAB.executors}».`,
        'Выберите ФИО из списка.',
      );
    out.push(s);
  });
  return out;
}
