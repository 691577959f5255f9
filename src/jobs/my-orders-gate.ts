// What a page action must pass before it changes anything (issue 19), each rule a domain function
// and this file only its hooks: a controller's decision needs a fresh link (domain/links.ts
// freshEnough, setting «Срок действия ссылок контролёра, дней»); a text field adds at most 1 000
// characters and an address takes at most «Действий на странице в час» actions an hour
// (domain/page-limits.ts). The hourly count lives in the script cache (reference/cache/cache): it
// costs no property write, and pageSubmit holds the script lock, so two counts never interleave.
import type { IsoDate } from '../domain/dates';
import { freshEnough } from '../domain/links';
import type { PageAction } from '../domain/my-orders';
import { overlongText, overRate, rateHour, rateRefusal } from '../domain/page-limits';
import type { PageBook } from './my-orders-book';

const RATE_PREFIX = 'kontrol.rate.';
/** The last limit read from «Настройки», so a flood is refused before the book is read. */
const RATE_LIMIT_KEY = 'kontrol.rateLimit';

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getScriptCache();
  } catch {
    return null;
  }
}

function rateKey(email: string): string {
  return `${RATE_PREFIX}${rateHour(new Date())}.${email.toLowerCase()}`.slice(0, 250);
}

/** Before the lock and the book: refuses an address already over the last known limit this hour. */
export function rateAlreadyOver(email: string): string | null {
  const c = cache();
  if (!c) return null;
  // One round trip for both (reference/cache/cache#getAll(String)).
  const key = rateKey(email);
  const got = c.getAll([RATE_LIMIT_KEY, key]);
  const limit = Number(got[RATE_LIMIT_KEY]);
  const count = Number(got[key] ?? 0);
  return limit > 0 && count >= limit ? rateRefusal(limit) : null;
}

/** Counts this action toward the hour; a refusal when it goes beyond `limit`. */
function countAction(email: string, limit: number): string | null {
  const c = cache();
  if (!c) return null;
  const key = rateKey(email);
  const count = Number(c.get(key) ?? 0) + 1;
  c.putAll({ [key]: String(count), [RATE_LIMIT_KEY]: String(limit) }, 3600);
  return overRate(count, limit) ? rateRefusal(limit) : null;
}

/** A refusal in Russian, or null when the action may go on to applyPageAction. */
export function pageGate(book: PageBook, email: string, issued: IsoDate | null, a: PageAction): string | null {
  const { settings, today } = book.env;
  const rate = countAction(email, settings.pageActionsPerHour);
  if (rate) return rate;
  const long = overlongText(a as unknown as Record<string, unknown>);
  if (long) return long;
  if (
    (a.kind === 'extension' || a.kind === 'removal' || a.kind === 'control' || a.kind === 'speedup') &&
    !freshEnough(issued, today, settings.controllerLinkDays)
  )
    return `Решения контролёра со страницы принимаются только по ссылке не старше ${settings.controllerLinkDays} дн. (настройка «Срок действия ссылок контролёра, дней»): попросите новую ссылку или откройте «Мои поручения» из меню таблицы.`;
  return null;
}
