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

/**
 * What a v2 MAC covers: the address, the expiry day, the day of issue and the address's link
 * generation (raised by «Отозвать ссылку…» for that person alone, issue 19).
 */
export function linkMessageV2(email: string, expires: IsoDate, issued: IsoDate, generation: number): string {
  return `kontrol-link-v2\n${email.trim().toLowerCase()}\n${expires}\n${issued}\n${generation}`;
}

/**
 * The token carried in the link's `t` parameter: «адрес~окончание~выдана~поколение~подпись». A v1
 * token («адрес~окончание~подпись», before issue 19) still opens the page as generation 0 of
 * unknown issue day.
 */
export function makeToken(email: string, expires: IsoDate, mac: Mac, issued?: IsoDate, generation = 0): string {
  const e = email.trim().toLowerCase();
  if (issued === undefined) return `${e}~${expires}~${mac(linkMessage(e, expires))}`;
  return `${e}~${expires}~${issued}~${generation}~${mac(linkMessageV2(e, expires, issued, generation))}`;
}

/** The token of a link issued on `today` for `days` days (the last day it opens is today + days). */
export function issueToken(email: string, today: IsoDate, days: number, mac: Mac, generation = 0): string {
  return makeToken(email, addDays(today, days), mac, today, generation);
}

export type LinkProblem = 'missing' | 'malformed' | 'forged' | 'expired' | 'revoked';

export type LinkCheck =
  | { ok: true; email: string; expires: IsoDate; issued: IsoDate | null }
  | { ok: false; reason: LinkProblem };

/** A token's parts as written; no MAC is checked. */
export interface TokenParts {
  email: string;
  expires: IsoDate;
  issued: IsoDate | null;
  generation: number;
  sig: string;
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The format alone (no service call, no secret): a flood of junk tokens stops here. At most 400
 * characters, an address, ISO days, a generation of up to 9 digits, a hex MAC.
 */
export function parseToken(token: unknown): TokenParts | { reason: 'missing' | 'malformed' } {
  if (typeof token !== 'string' || token.trim() === '') return { reason: 'missing' };
  const t = token.trim();
  if (t.length > 400) return { reason: 'malformed' };
  const parts = t.split('~');
  if (parts.length !== 3 && parts.length !== 5) return { reason: 'malformed' };
  const email = parts[0];
  const expires = parts[1];
  const sig = parts[parts.length - 1];
  if (!/^[^\s@~]+@[^\s@~]+$/.test(email) || !DAY.test(expires) || !/^[0-9a-f]{16,128}$/.test(sig))
    return { reason: 'malformed' };
  if (parts.length === 3)
    return { email, expires, issued: null, generation: 0, sig, message: linkMessage(email, expires) };
  const [, , issued, gen] = parts;
  if (!DAY.test(issued) || !/^\d{1,9}$/.test(gen)) return { reason: 'malformed' };
  const generation = Number(gen);
  return { email, expires, issued, generation, sig, message: linkMessageV2(email, expires, issued, generation) };
}

/** Compares without stopping at the first difference, so timing tells nothing about the MAC. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * Verifies a token on `today`: the format, then the MAC (so a forged date or generation says
 * «forged»), then the address's current generation (`generationOf`, asked only for a genuine
 * token), then the day.
 */
export function checkToken(
  token: unknown,
  today: IsoDate | (() => IsoDate),
  mac: Mac,
  generationOf: (email: string) => number = () => 0,
): LinkCheck {
  const p = parseToken(token);
  if ('reason' in p) return { ok: false, reason: p.reason };
  if (!sameText(mac(p.message), p.sig)) return { ok: false, reason: 'forged' };
  if (p.generation !== generationOf(p.email)) return { ok: false, reason: 'revoked' };
  if ((typeof today === 'function' ? today() : today) > p.expires) return { ok: false, reason: 'expired' };
  return { ok: true, email: p.email, expires: p.expires, issued: p.issued };
}

/**
 * Whether a controller's link is fresh enough for decisions: issued no more than `maxDays` days
 * before `today` (a v1 link, of unknown issue day, is not).
 */
export function freshEnough(issued: IsoDate | null, today: IsoDate, maxDays: number): boolean {
  return issued !== null && issued <= today && addDays(issued, maxDays) >= today;
}

/** The Russian page text for a link that does not open the page: what happened and what to do. */
export function linkProblemText(reason: LinkProblem): { title: string; text: string } {
  const what = 'Откройте ссылку из последнего письма «Контроль поручений» или попросите контролёра прислать новую.';
  switch (reason) {
    case 'revoked':
      return { title: 'Ссылка отозвана', text: `Эту ссылку отозвал специалист по контролю. ${what}` };
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
