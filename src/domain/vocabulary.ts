// The words of the order rules, owned by the domain (spec «Поручения», «Состояние»): statuses people
// choose, states the add-on decides, urgency marks, the extension decision and the removal
// decision. The workbook layer and the pages import them from here.

/** «Статус»: what the executor says (000 п.13: «Готово» is the execution record). */
export const STATUS = {
  todo: 'Список дел',
  p0: 'В процессе 0',
  p50: 'В процессе 50',
  p99: 'В процессе 99',
  done: 'Готово',
  rework: 'На доработке',
} as const;
export const STATUSES: readonly string[] = Object.values(STATUS);

/** «Состояние»: exactly one of these (spec «Поручения»). */
export const STATE = {
  incomplete: 'Не заполнено',
  running: 'На исполнении',
  dueSoon: 'Срок наступает',
  overdue: 'Просрочено',
  rework: 'На доработке',
  /** Only in the «решением давшего поручение» mode: «Готово» set, no decision yet (001 гл.7 п.2.4.15). */
  awaitingRemoval: 'Ожидает снятия с контроля',
  doneOnTime: 'Исполнено в срок',
  doneLate: 'Исполнено с нарушением срока',
  /**
   * Only in the «решением давшего поручение» mode: «Снято» on an order not executed — its control
   * cancelled by the one who gave it (001 гл.7 п.2.4.15): no notices, not counted from that day.
   */
  cancelled: 'Снято с контроля',
} as const;
export type OrderState = (typeof STATE)[keyof typeof STATE];
export const STATES: readonly string[] = Object.values(STATE);

export const URGENCY = { urgent: 'Срочно', operative: 'Оперативно' } as const;

/** «Решение по переносу». */
export const DECISION = { approved: 'Согласован', refused: 'Отклонён' } as const;

/** «Снятие с контроля»: the decision of the one who gave the order (001 гл.7 п.2.4.15; 003 п.199). */
export const REMOVAL = { removed: 'Снято', notRemoved: 'Не снято' } as const;
export const REMOVAL_VALUES: readonly string[] = Object.values(REMOVAL);

/** «Снятие с контроля» in «Настройки». */
export const REMOVAL_MODE = {
  /** Kyshtym 000 п.13–14: «Готово» closes the order. The default. */
  executor: 'по отметке исполнителя',
  /** Rostov 001 гл.7 п.2.4.15, Kramatorsk 003 п.199: only the one who gave the order removes it. */
  giver: 'решением давшего поручение',
} as const;
