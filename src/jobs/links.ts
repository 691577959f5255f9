// The secret behind personal links (spec «Мои поручения»): made at setup, kept in the script's
// properties (never in the sheet, which every editor reads), rotated by «Отозвать ссылки». The MAC
// is Apps Script's Utilities.computeHmacSha256Signature over the message of domain/links.ts.
import { dateInZone, type IsoDate } from '../domain/dates';
import { bytesToHex, checkToken, issueToken, type LinkCheck, type Mac } from '../domain/links';

export const LINK_SECRET_KEY = 'kontrol.linkSecret';

function newSecret(): string {
  // Two random UUIDs: 244 random bits, more than HMAC-SHA256 needs.
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
}

/** The secret, made now when there is none yet (setup makes it; a link may be needed first). */
export function ensureLinkSecret(): string {
  const props = PropertiesService.getScriptProperties();
  const have = props.getProperty(LINK_SECRET_KEY);
  if (have) return have;
  const s = newSecret();
  props.setProperty(LINK_SECRET_KEY, s);
  return s;
}

/** «Отозвать ссылки»: a new secret, so every link signed so far fails verification. */
export function rotateLinkSecret(): void {
  PropertiesService.getScriptProperties().setProperty(LINK_SECRET_KEY, newSecret());
}

function macWith(secret: string): Mac {
  return (message) => bytesToHex(Utilities.computeHmacSha256Signature(message, secret));
}

/** A token for `email`, valid from `today` for `days` days. */
export function signLink(email: string, today: IsoDate, days: number): string {
  return issueToken(email, today, days, macWith(ensureLinkSecret()));
}

/** Checks a token against the current secret; without a secret nothing verifies. */
export function verifyLink(token: unknown, today: IsoDate): LinkCheck {
  const secret = PropertiesService.getScriptProperties().getProperty(LINK_SECRET_KEY);
  if (!secret)
    return typeof token === 'string' && token ? { ok: false, reason: 'forged' } : { ok: false, reason: 'missing' };
  return checkToken(token, today, macWith(secret));
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
 * Personal links for one run: the secret is read once, so a digest per recipient costs one MAC
 * (no property read each). '' for everyone when there is no web app.
 */
export function linkMaker(base: string, today: IsoDate, days: number): (email: string) => string {
  if (!base) return () => '';
  const mac = macWith(ensureLinkSecret());
  return (email) =>
    email ? `${base}${base.includes('?') ? '&' : '?'}t=${encodeURIComponent(issueToken(email, today, days, mac))}` : '';
}

/** The personal link that opens «Мои поручения» for `email`; '' when there is no web app. */
export function personalLink(base: string, email: string, today: IsoDate, days: number): string {
  if (!base || !email) return '';
  return `${base}${base.includes('?') ? '&' : '?'}t=${encodeURIComponent(signLink(email, today, days))}`;
}

export function todayIn(tz: string): IsoDate {
  return dateInZone(new Date(), tz);
}
