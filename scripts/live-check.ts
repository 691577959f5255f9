// npm run live-check: the add-on's scenario on real Google against the sandbox (issue 13 item 5).
// Run with tsx. Without credentials it prints one Russian line on what to provide and exits 2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCredentials } from '../src/local/live/credentials';
import { apiErrorText, googleLiveApi, type LiveApi } from '../src/local/live/google';
import { type LiveIo, runLiveCheck } from '../src/local/live/run';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface LiveCheckDeps {
  env: Readonly<Record<string, string | undefined>>;
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
  return runLiveCheck({ api, code: readFileSync(codePath, 'utf8'), manifest, io });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  liveCheckMain({
    env: process.env,
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
