// The workbook contract of ../shared/spec/product.md: tab names and header texts. Users and
// acceptance tests depend on these strings; change them only with the spec.

// Tab names and «Поручения»'s headers are what the rules speak of (a problem names its tab and
// column): they live in the domain (src/domain/contract.ts) and are re-exported here.
import { ORDER_COL, type TAB } from '../domain/contract';

export { ORDER_COL, ORDER_OPTIONAL_HEADERS, TAB } from '../domain/contract';

export type TabName = (typeof TAB)[keyof typeof TAB];

export const SETTINGS_COL = { param: 'Параметр', value: 'Значение' } as const;

/** «Архив истории» (issue 19): one moved line a row — the order's №, the line's day, its text. */
export const HISTORY_ARCHIVE_COL = { number: '№', date: 'Дата', text: 'Текст' } as const;

export const EXECUTOR_COL = {
  name: 'ФИО',
  position: 'Должность',
  unit: 'Подразделение',
  email: 'Эл. почта',
  substitute: 'Замещающий',
  absentFrom: 'Отсутствует с',
  absentTo: 'Отсутствует по',
} as const;

export const PROTOCOL_COL = {
  number: '№',
  date: 'Дата',
  meeting: 'Совещание',
  chair: 'Председатель',
  link: 'Ссылка',
} as const;

export const ARCHIVE_EXTRA_COL = { archivedAt: 'Дата архивации' } as const;

/** Headers of «Поручения» in their template order. */
export const ORDER_HEADERS: readonly string[] = Object.values(ORDER_COL);
/** Columns only the add-on writes (grey header, protected with a warning). */
export const ORDER_SYSTEM_HEADERS: readonly string[] = [
  ORDER_COL.enteredAt,
  ORDER_COL.originalDeadline,
  ORDER_COL.extensions,
  ORDER_COL.returns,
  ORDER_COL.state,
  ORDER_COL.overdueDays,
  ORDER_COL.history,
  ORDER_COL.coDeadline,
];
export const ARCHIVE_HEADERS: readonly string[] = [...ORDER_HEADERS, ARCHIVE_EXTRA_COL.archivedAt];

// The order vocabulary belongs to the domain (src/domain/vocabulary.ts); re-exported for the
// workbook layer.
export {
  DECISION,
  type OrderState,
  REMOVAL,
  REMOVAL_VALUES,
  STATE,
  STATES,
  STATUS,
  STATUSES,
  URGENCY,
} from '../domain/vocabulary';
export const YES_NO = ['Да', 'Нет'] as const;

export const CALENDAR_COL = { date: 'Дата', type: 'Тип', basis: 'Основание' } as const;
export const DAY_TYPE = { off: 'Нерабочий', work: 'Рабочий' } as const;

// «План ЭР»'s and «Обучение»'s headers are the plan rules' vocabulary (domain/contract).
export { PLAN_COL, TRAINING_COL } from '../domain/contract';
// «Проекты»'s headers and the stage names are the lean rules' vocabulary (domain/lean-stages).
export { PROJECT_COL, STAGE_NAMES, STAGE_NONE } from '../domain/lean-stages';

export { CRITERIA_COL } from '../domain/rating';

export const SELF_ASSESSMENT_COL = {
  year: 'Год',
  org: 'Организация',
  k1: 'К1',
  k2: 'К2',
  k3: 'К3',
  k4: 'К4',
  k5: 'К5',
  k6: 'К6',
  k7: 'К7',
  k8: 'К8',
  documents: 'Подтверждающие документы',
} as const;

export const PROBLEM_COL = {
  tab: 'Лист',
  row: 'Строка',
  column: 'Столбец',
  value: 'Значение',
  message: 'Что не так',
  fix: 'Как исправить',
} as const;

export const LOG_COL = {
  time: 'Время',
  action: 'Действие',
  order: '№ поручения',
  recipients: 'Получатели',
  result: 'Результат',
} as const;

/** Titles of the lean quarterly report (002 Приложение 2), exactly in the source's order. */
export const LEAN_REPORT_HEADERS: readonly string[] = [
  'Участник реализации программы',
  'Направление',
  'Название проекта',
  'Год открытия',
  'Паспорт проекта (ссылка)',
  'Текущий этап проекта',
  'Дата закрытия (мм.гг.)',
  'Презентация (ссылка)',
  'Руководитель проекта',
  'Телефон, почта',
  'Организация/учреждение (сокращенное название)',
  'Показатель значимости проекта, балл',
];

export const EXECUTION_REPORT_HEADERS: readonly string[] = [
  'Исполнитель',
  'Подразделение',
  'Подлежало исполнению',
  'Исполнено в срок',
  'Исполнено с нарушением срока',
  'Не исполнено, срок истёк',
  'На исполнении, срок не истёк',
  'Переносов срока',
  'Возвратов на доработку',
  'Просрочено из прошлых периодов',
  'Коэффициент исполнительской дисциплины, %',
];
export const OVERDUE_LIST_HEADERS: readonly string[] = ['№', 'Поручение', 'Исполнитель', 'Срок', 'Просрочка, раб. дн.'];
export const PROTOCOL_REPORT_HEADERS: readonly string[] = [
  '№',
  'Поручение',
  'Исполнитель',
  'Соисполнители',
  'Срок',
  'Дата исполнения',
  'Ход исполнения',
  'Состояние',
  'Примечание',
];

/** «Подразделения» (spec Round 3): a unit, its head (ФИО) and the address escalations go to (004 п.4.1.4). */
export const UNIT_COL = { unit: 'Подразделение', head: 'Руководитель', email: 'Эл. почта' } as const;

/** «Планы мероприятий» (001 гл.6 п.2.2.16): the stages of a long order, each with its own date. */
export const MEASURE_PLAN_COL = {
  order: '№ поручения',
  measure: 'Мероприятие',
  deadline: 'Срок',
  responsible: 'Ответственный',
  done: 'Отметка о выполнении',
} as const;
