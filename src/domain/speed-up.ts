// «Напомнить об ускорении» (spec Round 3): 001 гл.7 п.2.4.7 — the reminder to speed up is sent to
// the executor; п.2.4.8 — «исполняется не более 10 дней от даты поступления напоминания. По такому
// документу, соответственно, устанавливается новый срок исполнения». The new expected date is
// written to «История» and the mail; «Срок» is not moved, so the order stays overdue in every figure
// (spec; a term changed after it passed does not save the period, 001 гл.7 п.2.4.10).
import type { WorkCalendar } from './calendar';
import { addDays, formatRu, type IsoDate } from './dates';
import { dueDate, onWorkingDay } from './deadlines';
import { historyLine } from './history';
import type { Settings } from './settings';

export const SPEED_UP_WHAT = 'напоминание об ускорении';

export const speedUpKey = (n: string, day: IsoDate) => `speedup:${n}:${day}`;

export interface SpeedUpOrder {
  number: string;
  status: string;
  deadline: IsoDate | null;
  history: string;
  invalid: readonly string[];
}

/** The expected date: `speedUpDays` calendar days from today, on a working day (001 гл.8 п.2.4.2). */
export function speedUpDate(
  today: IsoDate,
  s: Pick<Settings, 'speedUpDays' | 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): IsoDate {
  return onWorkingDay(addDays(today, s.speedUpDays), s, cal);
}

/** True when today's reminder is already in «История» (one per order per day). */
export function speedUpSentToday(history: string, today: IsoDate): boolean {
  return history.split('\n').some((l) => l.startsWith(`${formatRu(today)}: ${SPEED_UP_WHAT}`));
}

/**
 * The reminder for an order, or a Russian refusal: only an open, overdue order with a readable №,
 * once a day.
 */
export function speedUp(
  o: SpeedUpOrder,
  today: IsoDate,
  s: Pick<Settings, 'speedUpDays' | 'nonWorkingDeadline'>,
  cal: WorkCalendar,
): { ok: true; expected: IsoDate; line: string; key: string } | { ok: false; reason: string } {
  if (!o.number || o.invalid.includes('№'))
    return { ok: false, reason: 'У поручения нет № — напоминание не отправить.' };
  if (o.status === 'Готово') return { ok: false, reason: `Поручение № ${o.number} уже исполнено.` };
  if (!o.deadline || o.invalid.includes('Срок')) return { ok: false, reason: `У поручения № ${o.number} нет срока.` };
  const due = dueDate(o.deadline, s, cal);
  if (due >= today) return { ok: false, reason: `Поручение № ${o.number} не просрочено: срок ${formatRu(due)}.` };
  if (speedUpSentToday(o.history, today))
    return { ok: false, reason: `Напоминание об ускорении по № ${o.number} сегодня уже отправлено.` };
  const expected = speedUpDate(today, s, cal);
  return {
    ok: true,
    expected,
    key: speedUpKey(o.number, today),
    line: historyLine(today, `${SPEED_UP_WHAT}: исполнить не позднее ${formatRu(expected)}`),
  };
}

const SPEED_UP_LINE = new RegExp(
  `^\\s*(\\d{2}\\.\\d{2}\\.\\d{4}): ${SPEED_UP_WHAT}: исполнить не позднее (\\d{2}\\.\\d{2}\\.\\d{4})`,
);

/** The last reminder «История» records — its day and the expected date, ДД.ММ.ГГГГ; null when none. */
export function lastSpeedUp(history: string): { day: string; expected: string } | null {
  let last: { day: string; expected: string } | null = null;
  if (!history.includes(SPEED_UP_WHAT)) return null;
  for (const l of history.split('\n')) {
    const m = SPEED_UP_LINE.exec(l);
    if (m) last = { day: m[1], expected: m[2] };
  }
  return last;
}
