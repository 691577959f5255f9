// Bounded growth of what the page writes (issue 19 item 5): each text field adds at most 1 000
// characters, and one address takes at most «Действий на странице в час» actions an hour. A leaked
// or scripted link can then neither fill a cell nor keep the spreadsheet's lock busy.

/** The longest text one field of a page action may add. */
export const MAX_TEXT_ADDED = 1000;

/** The first text field of the action longer than MAX_TEXT_ADDED, as a Russian refusal; null when none. */
export function overlongText(action: Readonly<Record<string, unknown>>): string | null {
  for (const v of Object.values(action))
    if (typeof v === 'string' && v.trim().length > MAX_TEXT_ADDED)
      return `Текст длиннее 1 000 знаков: сократите его и сохраните снова.`;
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
