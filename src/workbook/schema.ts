// The workbook contract of ../shared/spec/product.md: tab names and header texts. Users and
// acceptance tests depend on these strings; change them only with the spec.

export const TAB = {
  settings: 'Настройки',
  executors: 'Исполнители',
  protocols: 'Протоколы',
  orders: 'Поручения',
  archive: 'Архив',
  calendar: 'Календарь',
  plan: 'План ЭР',
  projects: 'Проекты',
  training: 'Обучение',
  criteria: 'Критерии самооценки',
  selfAssessment: 'Самооценка',
  appeals: 'Обращения',
  reportExecution: 'Отчёт: исполнение',
  reportProtocol: 'Отчёт: протокол',
  reportLean: 'Отчёт: бережливые проекты',
  planControl: 'Контроль плана ЭР',
  rating: 'Рейтинг самооценки',
  reportAppeals: 'Отчёт: обращения',
  problems: 'Проверка данных',
  log: 'Журнал',
} as const;

export type TabName = (typeof TAB)[keyof typeof TAB];

export const SETTINGS_COL = { param: 'Параметр', value: 'Значение' } as const;

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

export const ORDER_COL = {
  number: '№',
  protocol: 'Протокол',
  text: 'Поручение',
  executor: 'Исполнитель',
  coExecutors: 'Соисполнители',
  urgency: 'Срочность',
  deadline: 'Срок',
  status: 'Статус',
  progress: 'Ход исполнения',
  doneDate: 'Дата исполнения',
  requestedDate: 'Запрошенный срок',
  requestReason: 'Обоснование переноса',
  decision: 'Решение по переносу',
  approvedBy: 'Кем согласован перенос',
  removal: 'Снятие с контроля',
  // system columns
  enteredAt: 'Внесено',
  originalDeadline: 'Первоначальный срок',
  extensions: 'Переносов',
  returns: 'Возвратов',
  state: 'Состояние',
  overdueDays: 'Просрочка, раб. дн.',
  history: 'История',
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

export const PLAN_COL = {
  number: '№',
  measure: 'Мероприятие',
  unit: 'Единица измерения',
  target2025: 'Цель 2025',
  target2026: 'Цель 2026',
  target2027: 'Цель 2027',
  deadline: 'Срок',
  responsible: 'Ответственные',
  email: 'Эл. почта ответственного',
  fact2025: 'Факт 2025',
  fact2026: 'Факт 2026',
  fact2027: 'Факт 2027',
} as const;

export const PROJECT_COL = {
  participant: 'Участник реализации программы',
  direction: 'Направление',
  name: 'Название проекта',
  customer: 'Заказчик',
  process: 'Процесс',
  leader: 'Руководитель проекта',
  contacts: 'Телефон, почта',
  team: 'Команда',
  orgShort: 'Организация (сокращённо)',
  openYear: 'Год открытия',
  passportLink: 'Паспорт (ссылка)',
  presentationLink: 'Презентация (ссылка)',
  significance: 'Показатель значимости, балл',
  goal: 'Цель',
  currentValue: 'Текущий показатель',
  targetValue: 'Целевой показатель',
  stage1: 'Этап 1',
  stage2Start: 'Этап 2 начало',
  stage2End: 'Этап 2 окончание',
  stage3Start: 'Этап 3 начало',
  stage3End: 'Этап 3 окончание',
  stage4Start: 'Этап 4 начало',
  stage4End: 'Этап 4 окончание',
  stage5Start: 'Этап 5 начало',
  stage5End: 'Этап 5 окончание',
  stage6Start: 'Этап 6 начало',
  stage6End: 'Этап 6 окончание',
  stage7Start: 'Этап 7 начало',
  stage7End: 'Этап 7 окончание',
  stage8Start: 'Этап 8 начало',
  stage8End: 'Этап 8 окончание',
  stage9: 'Этап 9',
  stage10: 'Этап 10',
} as const;

export const STAGE_NAMES: readonly string[] = [
  'Согласование паспорта проекта',
  'Картирование текущего состояния',
  'Анализ проблем и потерь',
  'Составление карты целевого состояния',
  'Разработка плана мероприятий',
  'Защита плана мероприятий перед заказчиком',
  'Внедрение улучшений',
  'Мониторинг результатов',
  'Закрытие проекта',
  'Мониторинг стабильности достигнутых результатов',
];
export const STAGE_NONE = 'Паспорт не согласован';

export const TRAINING_COL = {
  name: 'ФИО',
  org: 'Организация',
  program: 'Программа',
  date: 'Дата',
  document: 'Документ (ссылка)',
} as const;

export const CRITERIA_COL = {
  criterion: 'Критерий',
  name: 'Наименование',
  cumulative: 'Накопительный',
  coefficient: 'Коэффициент',
  score: 'Балл',
  description: 'Описание уровня',
} as const;

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
