// npm run live-check -- --script-id ID: the add-on's scenario on the user's prepared Google project
// against the sandbox (issue 13 item 5, issue 24). Run with tsx. Without credentials, with a
// service-account key or without --script-id it prints one Russian line and exits 2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCredentials } from '../src/local/live/credentials';
import { apiErrorText, googleLiveApi, type LiveApi } from '../src/local/live/google';
import { type LiveIo, runLiveCheck } from '../src/local/live/run';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * scripts.run takes only a user's OAuth token: «Google Apps Script can be executed by Google Apps
 * Script API with only the access token obtained from OAuth2 … the access token obtained by the
 * service account cannot used» (tanaikech, «Executing Google Apps Script with Service Account»).
 */
export const SERVICE_ACCOUNT_REFUSED =
  'Ключ сервисного аккаунта не подходит: Apps Script API (scripts.run) выполняет функции только от имени пользователя. Войдите своей учётной записью через clasp (README, «Проверка на настоящем Google», шаг 4) и уберите KONTROL_GOOGLE_CREDENTIALS.';

export const NO_SCRIPT_ID =
  'Не указан проект: npm run live-check -- --script-id ИДЕНТИФИКАТОР (подготовленный проект: таблица и привязанный к ней скрипт в вашем стандартном проекте Google Cloud, README «Проверка на настоящем Google»).';

/** `--script-id ID` or `--script-id=ID` from the command line. */
export function scriptIdArg(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--script-id') return String(argv[i + 1] ?? '').trim();
    if (a.startsWith('--script-id=')) return a.slice('--script-id='.length).trim();
  }
  return '';
}

export interface LiveCheckDeps {
  env: Readonly<Record<string, string | undefined>>;
  argv?: readonly string[];
  home?: string;
  io: LiveIo;
  distDir?: string;
  /** Tests inject a fake; default: the real Google clients. */
  makeApi?: (credentials: Record<string, unknown>, manifestScopes: string[]) => Promise<LiveApi>;
}

export async function liveCheckMain(deps: LiveCheckDeps): Promise<number> {
  const { io } = deps;
  const found = findCredentials(deps.env, deps.home);
  if ('problem' in found) {
    io.err(found.problem);
    return 2;
  }
  if (found.json.type === 'service_account') {
    io.err(SERVICE_ACCOUNT_REFUSED);
    return 2;
  }
  const scriptId = scriptIdArg(deps.argv ?? []);
  if (!scriptId) {
    io.err(NO_SCRIPT_ID);
    return 2;
  }
  const dist = deps.distDir ?? join(ROOT, 'dist');
  const codePath = join(dist, 'Code.js');
  const manifestPath = join(dist, 'appsscript.json');
  if (!existsSync(codePath) || !existsSync(manifestPath)) {
    io.err(`Нет ${codePath} или appsscript.json: выполните npm run build.`);
    return 2;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const scopes = Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
  io.out(`Учётные данные: ${found.source}`);
  let api: LiveApi;
  try {
    api = await (deps.makeApi ?? googleLiveApi)(found.json, scopes);
  } catch (err) {
    io.err(`Не удалось войти в Google с ${found.source}: ${apiErrorText(err)}.`);
    return 2;
  }
  return runLiveCheck({ api, scriptId, code: readFileSync(codePath, 'utf8'), manifest, io });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  liveCheckMain({
    env: process.env,
    argv: process.argv.slice(2),
    io: { out: (s) => console.log(s), err: (s) => console.error(s) },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Never a stack trace: one line.
      console.error(
        `Проверка на Google не выполнена: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
      process.exitCode = 2;
    },
  );
}
