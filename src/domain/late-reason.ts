// The explanation of a late execution (spec Round 3 «Причина нарушения срока»): 001 гл.8 п.2.3.2
// «Документы с нарушением срока исполнения докладываются только с приложенной объяснительной
// запиской исполнителя»; 003 п.193 «у разі порушення термінів … повинні бути пояснені їх причини,
// заходи …». Missing «Объяснение нарушения срока — в течение, рабочих дней» after «Дата
// исполнения» → a problem and one line to the controller.
import type { WorkCalendar } from './calendar';
import { formatRu, type IsoDate } from './dates';
import { dueDate } from './deadlines';
import type { Settings } from './settings';

type S = Pick<Settings, 'nonWorkingDeadline' | 'lateReasonDays'>;

export interface LateOrder {
  status: string;
  deadline: IsoDate | null;
  doneDate: IsoDate | null;
  lateReason: string;
  invalid: readonly string[];
}

/** True when the order was executed after its due date (001 гл.8 п.2.4.2 due date). */
export function executedLate(o: LateOrder, s: Pick<Settings, 'nonWorkingDeadline'>, cal: WorkCalendar): boolean {
  if (o.status !== 'Готово' || !o.doneDate || !o.deadline) return false;
  if (o.invalid.includes('Дата исполнения') || o.invalid.includes('Срок')) return false;
  return o.doneDate > dueDate(o.deadline, s, cal);
}

/** The last day the reason may be written: `lateReasonDays` working days after «Дата исполнения». */
export function lateReasonDeadline(doneDate: IsoDate, s: Pick<Settings, 'lateReasonDays'>, cal: WorkCalendar): IsoDate {
  return cal.addWorkingDays(doneDate, s.lateReasonDays);
}

/** Late, no reason, and the days to write it are over: the problem's text (null when none). */
export function missingLateReason(
  o: LateOrder,
  today: IsoDate,
  s: S,
  cal: WorkCalendar,
): { message: string; fix: string; doneDate: IsoDate } | null {
  if (!executedLate(o, s, cal) || o.lateReason.trim() !== '' || !o.doneDate || !o.deadline) return null;
  const last = lateReasonDeadline(o.doneDate, s, cal);
  if (today <= last) return null;
  return {
    doneDate: o.doneDate,
    message: `Исполнено ${formatRu(o.doneDate)} — позже срока ${formatRu(dueDate(o.deadline, s, cal))}, а причина нарушения срока не указана (нужно было до ${formatRu(last)}).`,
    fix: 'Исполнитель пишет в «Причина нарушения срока» причину и принятые меры (Ростов, гл.8 п.2.3.2).',
  };
}

/** A row of «Исполнено с нарушением срока» in «Отчёт: исполнение». */
export interface LateRow {
  number: string;
  executor: string;
  deadline: IsoDate;
  doneDate: IsoDate;
  /** Working days in (due, done]. */
  daysLate: number;
  reason: string;
}

export const LATE_TABLE_TITLE = 'Исполнено с нарушением срока';
export const LATE_TABLE_HEADERS: readonly string[] = [
  '№',
  'Исполнитель',
  'Срок',
  'Исполнено',
  'Просрочка, раб. дн.',
  'Причина нарушения срока',
];

/** The table's cells of a row (reason «не указана» when blank). */
export function lateRowCells(r: LateRow): string[] {
  return [
    r.number,
    r.executor,
    formatRu(r.deadline),
    formatRu(r.doneDate),
    String(r.daysLate),
    r.reason.trim() || 'не указана',
  ];
}
