// Plain records of «Поручения»/«Архив», «Исполнители» and «Протоколы», as the workbook layer
// parses them (src/workbook/orders.ts). Rules in src/domain work on these, never on cells.
import type { IsoDate } from './dates';
import { foldText } from './text';

export type OrderTab = 'Поручения' | 'Архив';

export interface OrderRecord {
  tab: OrderTab;
  /** Sheet row (1-based; the header is row 1). */
  row: number;
  number: string;
  protocol: string;
  text: string;
  /** The responsible executor (ФИО as written). */
  executor: string;
  coExecutors: string[];
  /** 'Срочно' | 'Оперативно' | '' (normalised); unknown text is kept and listed in `invalid`. */
  urgency: string;
  deadline: IsoDate | null;
  /** One of STATUSES (normalised) or '' when blank; unknown text is kept and listed in `invalid`. */
  status: string;
  progress: string;
  doneDate: IsoDate | null;
  requestedDate: IsoDate | null;
  requestReason: string;
  /** 'Согласован' | 'Отклонён' | '' (normalised). */
  decision: string;
  /** «Кем согласован перенос» as written; '' when blank (then the protocol's «Председатель»). */
  approvedBy: string;
  /** «Снятие с контроля»: 'Снято' | 'Не снято' | '' (normalised). */
  removal: string;
  /** «Внесено» (system): the day the row was first seen filled in; null until stamped. */
  enteredAt: IsoDate | null;
  originalDeadline: IsoDate | null;
  extensions: number;
  returns: number;
  state: string;
  overdueDays: number | null;
  history: string;
  /** «Дата архивации» («Архив» only). */
  archivedAt: IsoDate | null;
  /** «Периодичность»: '' | 'Еженедельно' | 'Ежемесячно' | 'Ежеквартально' (normalised; domain/periodic.ts). */
  periodicity: string;
  /** «Действует до»: the last day of a periodic order. */
  validUntil: IsoDate | null;
  /** «Промежуточный срок» (001 гл.7 п.3.3). */
  interimDate: IsoDate | null;
  /** «Причина нарушения срока» (001 гл.8 п.2.3.2; 003 п.193). */
  lateReason: string;
  /** «Срок соисполнителям» (system; 003 п.80, 111, 133). */
  coDeadline: IsoDate | null;
  /** Headers whose cell could not be understood: rules never overwrite or rely on these. */
  invalid: string[];
}

export interface Executor {
  row: number;
  name: string;
  position: string;
  unit: string;
  email: string;
  /** ФИО of the substitute while absent. */
  substitute: string;
  absentFrom: IsoDate | null;
  absentTo: IsoDate | null;
}

export interface Protocol {
  row: number;
  number: string;
  date: IsoDate | null;
  meeting: string;
  chair: string;
  link: string;
}

/** A person's name as we compare it: trimmed, spaces collapsed, case- and ё-insensitive. */
export function normName(s: string): string {
  return foldText(s);
}

/** «Соисполнители»: names separated by «;» or «,» (000 п.6: the first named is responsible, the rest co-executors). */
export function splitNames(s: string): string[] {
  return s
    .split(/[;,\n]+/)
    .map((x) => x.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** True while the order is not executed (returned ones included: 000 п.14). */
export function isOpen(status: string): boolean {
  return status !== 'Готово';
}
