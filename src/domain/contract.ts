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
