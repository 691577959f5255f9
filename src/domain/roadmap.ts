// The weekly plan of measures of Odintsovo's management centre (004 п.4.1.1, Приложение 2
// «Еженедельный План мероприятий …», Таблица 2 «Дорожная карта»): its measures are tracked as
// orders of one protocol that carry the roadmap columns. The columns are optional on «Поручения»:
// recognised when present, never required.
export const ROADMAP_COL = {
  result: 'Результат выполнения',
  indicator: 'Показатель выполнения',
  assessment: 'Оценка выполнения',
  start: 'Дата начала работ',
} as const;
export const ROADMAP_OPTIONAL_HEADERS: readonly string[] = Object.values(ROADMAP_COL);

/** Таблица 2 «Дорожная карта» of 004 Приложение 2, its eight columns in its order. */
export const ROADMAP_REPORT_HEADERS: readonly string[] = [
  '№',
  'Мероприятие',
  'Результат выполнения',
  'Показатель выполнения',
  'Оценка выполнения',
  'Дата начала работ',
  'Дата завершения работ',
  'Ответственный исполнитель',
];

export interface RoadmapValues {
  result: string;
  indicator: string;
  assessment: string;
  /** A date as ISO, or the text as typed when it is not a date. */
  start: string;
}

/** True when a protocol is a plan of measures: one of its orders has a roadmap cell filled. */
export function isRoadmap(values: readonly RoadmapValues[]): boolean {
  return values.some((v) => v.result !== '' || v.indicator !== '' || v.assessment !== '' || v.start !== '');
}
