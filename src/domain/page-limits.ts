// Bounded growth of what the page writes (issue 19 item 5): each text field adds at most 1 000
// characters, and one address takes at most «Действий на странице в час» actions an hour. A leaked
// or scripted link can then neither fill a cell nor keep the spreadsheet's lock busy.

/** The longest text one field of a page action may add. */
export const MAX_TEXT_ADDED = 1000;

/**
 * The longest text of a field that replaces its cell instead of adding to it (an appeal's «Принятые
 * меры», edited whole): such a field cannot grow a cell by repetition, so its bound is the cell's
 * total — 5 000, room for a text written in the sheet before round 3 (the page allowed 2 000 then).
 */
export const MAX_TEXT_REPLACED = 5000;

/** Fields whose text replaces the cell's (bounded by MAX_TEXT_REPLACED). */
const REPLACING_FIELDS: ReadonlySet<string> = new Set(['measures']);

export const maxLengthOf = (field: string): number =>
  REPLACING_FIELDS.has(field) ? MAX_TEXT_REPLACED : MAX_TEXT_ADDED;

/** The first text field of the action longer than its bound, as a Russian refusal; null when none. */
export function overlongText(action: Readonly<Record<string, unknown>>): string | null {
  for (const [k, v] of Object.entries(action)) {
    const max = maxLengthOf(k);
    if (typeof v === 'string' && v.trim().length > max)
      return `Текст длиннее ${String(max).replace(/\B(?=(\d{3})+$)/g, ' ')} знаков: сократите его и сохраните снова.`;
  }
  return null;
}

/** The hour an action counts toward: «ГГГГ-ММ-ДДTЧЧ» of the instant in UTC (an hour is an hour anywhere). */
export function rateHour(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/** Whether the `count`-th action of this hour (this one included) goes beyond `limit`. */
export function overRate(count: number, limit: number): boolean {
  return count > limit;
}

export function rateRefusal(limit: number): string {
  return `Слишком много изменений за час: со страницы можно сделать не больше ${limit} в час (настройка «Действий на странице в час»). Повторите в следующем часу.`;
}
