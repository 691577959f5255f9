// Personal links to «Мои поручения» (spec «Мои поручения»): a link names one e-mail address and the
// last day it opens the page, signed with HMAC-SHA256 under a secret kept in the script's
// properties. Nothing here computes the MAC: the caller passes `mac(message)` (Apps Script's
// Utilities.computeHmacSha256Signature in src/jobs/links.ts), so the rule is plain and testable.
import { addDays, type IsoDate } from './dates';

export type Mac = (message: string) => string;

/** What the MAC covers: the address (lower case) and the expiry day, nothing a person could vary. */
export function linkMessage(email: string, expires: IsoDate): string {
  return `kontrol-link-v1\n${email.trim().toLowerCase()}\n${expires}`;
}

/** The token carried in the link's `t` parameter: «адрес~ГГГГ-ММ-ДД~подпись». */
export function makeToken(email: string, expires: IsoDate, mac: Mac): string {
  const e = email.trim().toLowerCase();
  return `${e}~${expires}~${mac(linkMessage(e, expires))}`;
}

/** The token of a link issued on `today` for `days` days (the last day it opens is today + days). */
export function issueToken(email: string, today: IsoDate, days: number, mac: Mac): string {
  return makeToken(email, addDays(today, days), mac);
}

export type LinkCheck =
  | { ok: true; email: string; expires: IsoDate }
  | { ok: false; reason: 'missing' | 'malformed' | 'forged' | 'expired' };

/** Compares without stopping at the first difference, so timing tells nothing about the MAC. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Verifies a token on `today`; the MAC is checked before the date, so a forged date says «forged». */
export function checkToken(token: unknown, today: IsoDate, mac: Mac): LinkCheck {
  if (typeof token !== 'string' || token.trim() === '') return { ok: false, reason: 'missing' };
  const parts = token.trim().split('~');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [email, expires, sig] = parts;
  if (!/^[^\s@~]+@[^\s@~]+$/.test(email) || !/^\d{4}-\d{2}-\d{2}$/.test(expires) || !sig)
    return { ok: false, reason: 'malformed' };
  if (!sameText(mac(linkMessage(email, expires)), sig)) return { ok: false, reason: 'forged' };
  if (today > expires) return { ok: false, reason: 'expired' };
  return { ok: true, email, expires };
}

/** The Russian page text for a link that does not open the page: what happened and what to do. */
export function linkProblemText(reason: Exclude<LinkCheck, { ok: true }>['reason']): { title: string; text: string } {
  const what = 'Откройте ссылку из последнего письма «Контроль поручений» или попросите контролёра прислать новую.';
  switch (reason) {
    case 'expired':
      return { title: 'Срок действия ссылки истёк', text: `Ссылка больше не действует. ${what}` };
    case 'missing':
      return {
        title: 'Нужна личная ссылка',
        text: `Страница «Мои поручения» открывается только по личной ссылке. ${what}`,
      };
    default:
      return {
        title: 'Ссылка недействительна',
        text: `Ссылка повреждена, изменена или отозвана. ${what}`,
      };
  }
}

/** Lower-case hex of signed bytes (Apps Script returns byte arrays of −128…127). */
export function bytesToHex(bytes: readonly number[]): string {
  let s = '';
  for (const b of bytes) s += ((b + 256) % 256).toString(16).padStart(2, '0');
  return s;
}
