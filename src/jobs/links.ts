// The secret behind personal links (spec «Мои поручения»): made at setup, kept in the script's
// properties (never in the sheet, which every editor reads), rotated by «Отозвать все ссылки». The
// MAC is Apps Script's Utilities.computeHmacSha256Signature over the message of domain/links.ts.
// Issue 19: a token's format is checked before any service call; the secret is read through the
// script cache (CacheService, reference/cache/cache), so a flood of junk tokens costs no property
// reads; each address has a link generation (script property), raised by «Отозвать ссылку…» to
// revoke that person's links alone, and read only for a token whose MAC is genuine.
import { dateInZone, type IsoDate } from '../domain/dates';
import { bytesToHex, checkToken, issueToken, type LinkCheck, type Mac, parseToken } from '../domain/links';

export const LINK_SECRET_KEY = 'kontrol.linkSecret';
/** Script property of one address's link generation: `kontrol.linkGen.<address>`. */
export const LINK_GENERATION_PREFIX = 'kontrol.linkGen.';
/** The cache keeps the secret six hours, the longest CacheService allows. */
const CACHE_SECONDS = 21_600;

function newSecret(): string {
  // Two random UUIDs: 244 random bits, more than HMAC-SHA256 needs.
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getScriptCache();
  } catch {
    return null;
  }
}

/** The secret: from the cache, else from the script's properties (then cached); null when none yet. */
function readSecret(): string | null {
  const c = cache();
  const cached = c?.get(LINK_SECRET_KEY);
  if (cached) return cached;
  const s = PropertiesService.getScriptProperties().getProperty(LINK_SECRET_KEY);
  if (s) c?.put(LINK_SECRET_KEY, s, CACHE_SECONDS);
  return s;
}

/** The secret, made now when there is none yet (setup makes it; a link may be needed first). */
export function ensureLinkSecret(): string {
  const have = readSecret();
  if (have) return have;
  const s = newSecret();
  PropertiesService.getScriptProperties().setProperty(LINK_SECRET_KEY, s);
  cache()?.put(LINK_SECRET_KEY, s, CACHE_SECONDS);
  return s;
}

/** «Отозвать все ссылки»: a new secret, so every link signed so far fails verification. */
export function rotateLinkSecret(): void {
  const s = newSecret();
  PropertiesService.getScriptProperties().setProperty(LINK_SECRET_KEY, s);
  cache()?.put(LINK_SECRET_KEY, s, CACHE_SECONDS);
}

function generationKey(email: string): string {
  return `${LINK_GENERATION_PREFIX}${email.trim().toLowerCase()}`;
}

/** One address's link generation (0 until its links were first revoked). */
export function linkGeneration(email: string): number {
  const v = PropertiesService.getScriptProperties().getProperty(generationKey(email));
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 0 ? n : 0;
}

/** «Отозвать ссылку…»: every link of `email` signed so far stops opening the page; returns the new generation. */
export function revokeLinksOf(email: string): number {
  const next = linkGeneration(email) + 1;
  PropertiesService.getScriptProperties().setProperty(generationKey(email), String(next));
  return next;
}

function macWith(secret: string): Mac {
  return (message) => bytesToHex(Utilities.computeHmacSha256Signature(message, secret));
}

/** A token for `email`, valid from `today` for `days` days. */
export function signLink(email: string, today: IsoDate, days: number): string {
  return issueToken(email, today, days, macWith(ensureLinkSecret()), linkGeneration(email));
}

/**
 * Checks a token: its format first (no service call), then the MAC under the cached secret, then
 * the address's generation, then the day (`today` is asked for only then). Without a secret nothing verifies.
 */
export function verifyLink(token: unknown, today: IsoDate | (() => IsoDate)): LinkCheck {
  const parts = parseToken(token);
  if ('reason' in parts) return { ok: false, reason: parts.reason };
  const secret = readSecret();
  if (!secret) return { ok: false, reason: 'forged' };
  return checkToken(token, today, macWith(secret), linkGeneration);
}

/**
 * The web app's address, or '' when the script is not deployed as one. Apps Script gives it through
 * ScriptApp.getService().getUrl(); the local sandbox through `kontrol … --base-url`.
 */
export function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() || '';
  } catch {
    return '';
  }
}

/**
 * Personal links for one run: the secret and every generation are read once (one read of the
 * script's properties), so a digest per recipient costs one MAC. '' for everyone when there is no web app.
 */
export function linkMaker(base: string, today: IsoDate, days: number): (email: string) => string {
  if (!base) return () => '';
  const mac = macWith(ensureLinkSecret());
  const props = PropertiesService.getScriptProperties().getProperties();
  const gen = (email: string) => {
    const n = Number(props[generationKey(email)]);
    return Number.isInteger(n) && n > 0 ? n : 0;
  };
  return (email) =>
    email
      ? `${base}${base.includes('?') ? '&' : '?'}t=${encodeURIComponent(issueToken(email, today, days, mac, gen(email)))}`
      : '';
}

/** The personal link that opens «Мои поручения» for `email`; '' when there is no web app. */
export function personalLink(base: string, email: string, today: IsoDate, days: number): string {
  if (!base || !email) return '';
  return `${base}${base.includes('?') ? '&' : '?'}t=${encodeURIComponent(signLink(email, today, days))}`;
}

export function todayIn(tz: string): IsoDate {
  return dateInZone(new Date(), tz);
}
