// The workbook «Мои поручения» is tested on: «Настроить таблицу» in the sandbox, then people's rows.
// Today is Tuesday 10.03.2026. Иванов sees П1-1, П1-2 (cut-off passed), П1-3 (as the substitute of
// the absent Петров, who also has a pending request on П1-7) and П1-4 (as a co-executor); never
// П1-5 (Сидорова's) or П1-6 (done). The controller is control@adm.test.
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import { emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { TAB } from '../../src/workbook/schema';
import { at, setSetting } from '../e2e/orders-helpers';

export const TODAY = '2026-03-10';
export const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
export const CONTROLLER = 'control@adm.test';
export const IVANOV = 'ivanov@adm.test';
export const SIDOROVA = 'sidorova@adm.test';

const d = (iso: string): DemoValue => ({ date: iso });

export function order(n: string, executor: string, deadline: string, extra: Record<string, DemoValue> = {}) {
  return {
    '№': n,
    Протокол: 'П1',
    Поручение: `Поручение ${n}`,
    Исполнитель: executor,
    Срок: d(deadline),
    Статус: 'В процессе 0',
    // Entered on the meeting's day, as the demo's are: a first write from the page must not make an
    // old order look entered today (the extension cut-off is never before «Внесено»).
    Внесено: d('2026-03-02'),
    ...extra,
  };
}

/** Tabs the page reads or writes; the browser tests drop the rest, so each save (exceljs) is quicker. */
export const PAGE_TABS: readonly string[] = [
  TAB.settings,
  TAB.executors,
  TAB.protocols,
  TAB.orders,
  TAB.archive,
  TAB.calendar,
  TAB.problems,
  TAB.log,
  TAB.measurePlans,
];

/** The fixture workbook; `extraOrders` more orders of Сидорова (for the call-count sizes). */
export function buildBook(extraOrders = 0, opts: { pageTabsOnly?: boolean } = {}): { wb: WorkbookModel; sb: Sandbox } {
  const wb = emptyWorkbook('Контроль поручений', 'Europe/Moscow');
  const sb = createSandbox({ workbook: wb, now: at(TODAY), realElapsed: false });
  sb.api('setup');
  setSetting(wb, 'Эл. почта контролёра', CONTROLLER);
  appendRows(wb, TAB.executors, [
    { ФИО: 'Иванов И.И.', 'Эл. почта': IVANOV, Подразделение: 'ЖКХ' },
    {
      ФИО: 'Петров П.П.',
      'Эл. почта': 'petrov@adm.test',
      Замещающий: 'Иванов И.И.',
      'Отсутствует с': d('2026-03-01'),
      'Отсутствует по': d('2026-03-31'),
    },
    { ФИО: 'Сидорова С.С.', 'Эл. почта': SIDOROVA },
  ]);
  appendRows(wb, TAB.protocols, [
    { '№': 'П1', Дата: d('2026-03-02'), Совещание: 'аппаратное', Председатель: 'Глава А.А.' },
  ]);
  appendRows(wb, TAB.orders, [
    order('П1-1', 'Иванов И.И.', '2026-03-20', { Поручение: `${XSS}Отремонтировать кровлю школы № 3` }),
    order('П1-2', 'Иванов И.И.', '2026-03-12', { Поручение: 'Подготовить отчёт о готовности к паводку' }),
    order('П1-3', 'Петров П.П.', '2026-03-25', { Поручение: 'Провести инвентаризацию дорожных знаков' }),
    order('П1-4', 'Сидорова С.С.', '2026-03-27', {
      Соисполнители: 'Иванов И.И.',
      Поручение: 'Согласовать график вывоза снега с управляющими компаниями',
    }),
    order('П1-5', 'Сидорова С.С.', '2026-03-30', { Поручение: 'Чужое поручение Сидоровой' }),
    order('П1-6', 'Иванов И.И.', '2026-03-05', { Статус: 'Готово', 'Дата исполнения': d('2026-03-04') }),
    order('П1-7', 'Петров П.П.', '2026-03-31', {
      Поручение: 'Обновить реестр муниципального имущества',
      'Запрошенный срок': d('2026-04-15'),
      'Обоснование переноса': 'Нет ответа Росреестра',
      История: '09.03.2026: запрошен перенос срока на 15.04.2026',
    }),
    order('П1-8', 'Сидорова С.С.', '2026-03-31', { Поручение: 'Подготовить справку для главы' }),
    ...Array.from({ length: extraOrders }, (_, i) => order(`Х-${i + 1}`, 'Сидорова С.С.', '2026-04-30')),
  ]);
  if (opts.pageTabsOnly) wb.sheets = wb.sheets.filter((x) => PAGE_TABS.includes(x.name));
  return { wb, sb };
}
