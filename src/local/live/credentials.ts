// Where `npm run live-check` finds a Google account: a key file named by KONTROL_GOOGLE_CREDENTIALS
// (authorized_user JSON; a service_account key is found and then refused by scripts/live-check.ts), else clasp's store (~/.clasprc.json, or the file named
// by clasp's own `clasp_config_auth`): clasp 3 keeps `{ tokens: { <user>: { type: 'authorized_user',
// client_id, client_secret, refresh_token, access_token, expiry_date } } }`
// (@google/clasp build/src/auth/file_credential_store.js); the older project-local
// `{ token, oauth2ClientSettings }` is read too. Nothing is written back.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CREDENTIALS_ENV = 'KONTROL_GOOGLE_CREDENTIALS';
export const CLASP_USER_ENV = 'KONTROL_CLASP_USER';

/** The one line printed when there is nothing to sign in with. */
export const NO_CREDENTIALS =
  'Нет учётных данных Google: войдите через clasp своим OAuth-клиентом (README «Проверка на настоящем Google», шаг 4; файл ~/.clasprc.json) или укажите в KONTROL_GOOGLE_CREDENTIALS путь к JSON-ключу authorized_user (ключ сервисного аккаунта не подходит: scripts.run работает только от имени пользователя).';

export interface FoundCredentials {
  /** Where they came from, for the printout (a path, never a secret). */
  source: string;
  json: Record<string, unknown>;
}

export interface CredentialsFs {
  exists(path: string): boolean;
  read(path: string): string;
}

const realFs: CredentialsFs = {
  exists: (p) => existsSync(p) && statSync(p).isFile(),
  read: (p) => readFileSync(p, 'utf8'),
};

function parse(text: string): Record<string, unknown> | null {
  try {
    const j = JSON.parse(text) as unknown;
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** clasp's stored token for `user`, as an authorized_user JSON; null when the store has none. */
export function claspCredentials(store: Record<string, unknown>, user: string): Record<string, unknown> | null {
  const tokens = store.tokens as Record<string, unknown> | undefined;
  const t = tokens?.[user];
  if (t && typeof t === 'object') return { type: 'authorized_user', ...(t as Record<string, unknown>) };
  const legacy = store.token as Record<string, unknown> | undefined;
  const client = store.oauth2ClientSettings as Record<string, unknown> | undefined;
  if (user === 'default' && legacy && client)
    return { type: 'authorized_user', ...legacy, client_id: client.clientId, client_secret: client.clientSecret };
  return null;
}

/** The credentials to use, or the one Russian line saying what to provide. */
export function findCredentials(
  env: Readonly<Record<string, string | undefined>>,
  home: string = homedir(),
  fs: CredentialsFs = realFs,
): FoundCredentials | { problem: string } {
  const keyPath = env[CREDENTIALS_ENV]?.trim();
  if (keyPath) {
    if (!fs.exists(keyPath)) return { problem: `Файл ключа из ${CREDENTIALS_ENV} не найден: ${keyPath}.` };
    const json = parse(fs.read(keyPath));
    const type = json?.type;
    if (!json || (type !== 'authorized_user' && type !== 'service_account'))
      return {
        problem: `Файл ${keyPath} из ${CREDENTIALS_ENV} — не JSON-ключ Google (нужен type «authorized_user» или «service_account»).`,
      };
    return { source: keyPath, json };
  }
  const claspPath = env.clasp_config_auth?.trim() || join(home, '.clasprc.json');
  if (!fs.exists(claspPath)) return { problem: NO_CREDENTIALS };
  const store = parse(fs.read(claspPath));
  const user = env[CLASP_USER_ENV]?.trim() || 'default';
  const json = store ? claspCredentials(store, user) : null;
  if (!json?.refresh_token)
    return {
      problem: `В ${claspPath} нет входа clasp для пользователя «${user}»: войдите через clasp (README «Проверка на настоящем Google», шаг 4) или укажите ${CREDENTIALS_ENV}.`,
    };
  return { source: `${claspPath} (${user})`, json };
}
