// The Google side of the live check, behind a small interface so the orchestration is tested with
// a fake (test/local/live-check.test.ts). The real one uses the per-API clients (@googleapis/sheets,
// script) and google-auth-library. The project is the user's prepared one (README «Проверка на
// настоящем Google»): a spreadsheet and its bound script in their standard Cloud project. References
// (developers.google.com/apps-script/api/reference/rest/v1/…): projects.get (parentId: the
// container), projects.updateContent, projects.versions.create, projects.deployments.create/delete,
// scripts.run — «POST https://script.googleapis.com/v1/scripts/{deploymentId}:run», the path
// parameter being «The deployment ID of the API-executable deployment», and devMode false runs that
// deployment's version (true: «the most recently saved version rather than the version deployed for
// use with the Apps Script API», owner only). With the script id instead, scripts.run answers 404
// «Requested entity was not found» even in a linked project (google/clasp#1169). Sheets API
// spreadsheets.get / values.batchGet.
import { script } from '@googleapis/script';
import { sheets } from '@googleapis/sheets';
import { GoogleAuth } from 'google-auth-library';
import type { ApiCell, Grid } from './compare';
import { trimGrid } from './compare';

export interface ScriptFile {
  name: string;
  type: 'SERVER_JS' | 'JSON';
  source: string;
}

export interface RunAnswer {
  result?: unknown;
  /** The script's error, first line (ScriptError's errorMessage). */
  error?: string;
}

export interface LiveApi {
  /** projects.get: the id of the spreadsheet the script is bound to ('' for a standalone script). */
  containerOf(scriptId: string): Promise<string>;
  pushContent(scriptId: string, files: ScriptFile[]): Promise<void>;
  /** A new version and an API-executable deployment of it; returns the deployment id. */
  deployApiExecutable(scriptId: string): Promise<string>;
  /** scripts.run on the deployment (devMode false). */
  run(deploymentId: string, fn: string, parameters: unknown[]): Promise<RunAnswer>;
  readAll(spreadsheetId: string): Promise<Grid>;
  removeDeployment(scriptId: string, deploymentId: string): Promise<void>;
}

/** Scopes the check itself needs; scripts.run also needs every scope the script's manifest lists. */
export const LIVE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.projects',
  'https://www.googleapis.com/auth/script.deployments',
];

/** A Google API error as one line: status and Google's own message. */
export function apiErrorText(err: unknown): string {
  const e = err as { response?: { status?: number; data?: { error?: { message?: string } } }; message?: string };
  const status = e?.response?.status;
  const msg = e?.response?.data?.error?.message ?? e?.message ?? String(err);
  return `${status ? `HTTP ${status}: ` : ''}${String(msg).split('\n')[0]}`;
}

export async function googleLiveApi(credentials: Record<string, unknown>, manifestScopes: string[]): Promise<LiveApi> {
  const auth = new GoogleAuth({ credentials, scopes: [...new Set([...LIVE_SCOPES, ...manifestScopes])] });
  return liveApiFor(await auth.getClient());
}

/** The LiveApi over an authorised client (anything with google-auth-library's `request`; tests pass a recorder). */
export function liveApiFor(client: unknown): LiveApi {
  // The per-API clients accept any google-auth-library client.
  const opts = { auth: client as never };
  const sh = sheets({ version: 'v4', ...opts });
  const sc = script({ version: 'v1', ...opts });
  return {
    async containerOf(scriptId) {
      const r = await sc.projects.get({ scriptId });
      return String(r.data.parentId ?? '');
    },
    async pushContent(scriptId, files) {
      await sc.projects.updateContent({ scriptId, requestBody: { files } });
    },
    async deployApiExecutable(scriptId) {
      const v = await sc.projects.versions.create({
        scriptId,
        requestBody: { description: 'kontrol live-check' },
      });
      const d = await sc.projects.deployments.create({
        scriptId,
        requestBody: {
          versionNumber: v.data.versionNumber ?? undefined,
          manifestFileName: 'appsscript',
          description: 'kontrol live-check',
        },
      });
      if (!d.data.deploymentId) throw new Error('Apps Script API не вернул deploymentId');
      return d.data.deploymentId;
    },
    async run(deploymentId, fn, parameters) {
      // The client names the path parameter scriptId; the API reads it as the deployment id.
      const r = await sc.scripts.run({
        scriptId: deploymentId,
        requestBody: { function: fn, parameters, devMode: false },
      });
      const err = r.data.error;
      if (err) {
        const d = (err.details?.[0] ?? {}) as { errorMessage?: string };
        return { error: String(d.errorMessage ?? err.message ?? 'ошибка выполнения').split('\n')[0] };
      }
      return { result: (r.data.response as { result?: unknown } | undefined)?.result };
    },
    async readAll(spreadsheetId) {
      const meta = await sh.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.title' });
      const names = (meta.data.sheets ?? []).map((s) => String(s.properties?.title ?? ''));
      const ranges = names.map((n) => `'${n.replace(/'/g, "''")}'`);
      const get = async (valueRenderOption: string) =>
        (
          await sh.spreadsheets.values.batchGet({
            spreadsheetId,
            ranges,
            valueRenderOption,
            dateTimeRenderOption: 'SERIAL_NUMBER',
            majorDimension: 'ROWS',
          })
        ).data.valueRanges ?? [];
      const values = await get('UNFORMATTED_VALUE');
      const formulas = await get('FORMULA');
      const grid: Grid = new Map();
      names.forEach((n, i) => {
        grid.set(n, {
          values: trimGrid((values[i]?.values ?? []) as ApiCell[][]),
          formulas: trimGrid((formulas[i]?.values ?? []) as ApiCell[][]),
        });
      });
      return grid;
    },
    async removeDeployment(scriptId, deploymentId) {
      await sc.projects.deployments.delete({ scriptId, deploymentId });
    },
  };
}
