// The workbook contract the rules speak (spec «Workbook contract»): tab names and «Поручения»'s
// headers. A rule's patch and problem name a column by these; the workbook layer finds columns by
// them (re-exported from src/workbook/schema.ts). Users and acceptance tests depend on these strings.

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
  // Control between the dates (spec Round 3): units and their heads; plans of measures.
  units: 'Подразделения',
  measurePlans: 'Планы мероприятий',
  // Issue 19: older lines of «История» / «Ход исполнения» that would grow a cell past 40 000 characters.
  historyArchive: 'Архив истории',
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
  // Control between the dates (spec Round 3), appended so older workbooks keep their columns.
  periodicity: 'Периодичность',
  validUntil: 'Действует до',
  interimDate: 'Промежуточный срок',
  lateReason: 'Причина нарушения срока',
  /** system */
  coDeadline: 'Срок соисполнителям',
} as const;

/**
 * Columns of «Поручения» a workbook made before round 3 lacks: not required (their rules are off
 * while a column is missing), added by «Настроить таблицу».
 */
export const ORDER_OPTIONAL_HEADERS: readonly string[] = [
  ORDER_COL.periodicity,
  ORDER_COL.validUntil,
  ORDER_COL.interimDate,
  ORDER_COL.lateReason,
  ORDER_COL.coDeadline,
];

// «План ЭР» (002 План мероприятий) and «Обучение»: the plan register's rules read these columns.
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

export const TRAINING_COL = {
  name: 'ФИО',
  org: 'Организация',
  program: 'Программа',
  date: 'Дата',
  document: 'Документ (ссылка)',
} as const;

/** The years of «План ЭР»'s «Цель YYYY» / «Факт YYYY» columns (002 План мероприятий, 2025–2027). */
export const PLAN_YEARS: readonly number[] = [2025, 2026, 2027];
