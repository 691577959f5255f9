// The Google side of the live check, behind a small interface so the orchestration is tested with
// a fake. The real one uses the per-API clients (@googleapis/sheets, drive, script) and
// google-auth-library. References: Apps Script API projects.create (parentId binds the project to
// the spreadsheet), projects.updateContent, projects.versions.create, projects.deployments.create,
// scripts.run (an API-executable deployment and the manifest's executionApi block; devMode runs the
// newest saved code, owner only); Sheets API spreadsheets.create / get / values.batchGet; Drive
// files.delete.
import { drive } from '@googleapis/drive';
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
  createSpreadsheet(title: string, timeZone: string, locale: string): Promise<string>;
  createBoundScript(spreadsheetId: string, title: string): Promise<string>;
  pushContent(scriptId: string, files: ScriptFile[]): Promise<void>;
  deployApiExecutable(scriptId: string): Promise<void>;
  run(scriptId: string, fn: string, parameters: unknown[]): Promise<RunAnswer>;
  readAll(spreadsheetId: string): Promise<Grid>;
  deleteFile(fileId: string): Promise<void>;
}

/** Scopes the check itself needs; scripts.run also needs every scope the script's manifest lists. */
export const LIVE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.projects',
  'https://www.googleapis.com/auth/script.deployments',
];

/** A Google API error as one Russian-friendly line: status and Google's own message. */
export function apiErrorText(err: unknown): string {
  const e = err as { response?: { status?: number; data?: { error?: { message?: string } } }; message?: string };
  const status = e?.response?.status;
  const msg = e?.response?.data?.error?.message ?? e?.message ?? String(err);
  return `${status ? `HTTP ${status}: ` : ''}${String(msg).split('\n')[0]}`;
}

export async function googleLiveApi(credentials: Record<string, unknown>, manifestScopes: string[]): Promise<LiveApi> {
  const auth = new GoogleAuth({ credentials, scopes: [...LIVE_SCOPES, ...manifestScopes] });
  const client = await auth.getClient();
  // The per-API clients accept any google-auth-library client.
  const opts = { auth: client as never };
  const sh = sheets({ version: 'v4', ...opts });
  const dr = drive({ version: 'v3', ...opts });
  const sc = script({ version: 'v1', ...opts });
  return {
    async createSpreadsheet(title, timeZone, locale) {
      const r = await sh.spreadsheets.create({ requestBody: { properties: { title, timeZone, locale } } });
      if (!r.data.spreadsheetId) throw new Error('Sheets API не вернул spreadsheetId');
      return r.data.spreadsheetId;
    },
    async createBoundScript(spreadsheetId, title) {
      const r = await sc.projects.create({ requestBody: { title, parentId: spreadsheetId } });
      if (!r.data.scriptId) throw new Error('Apps Script API не вернул scriptId');
      return r.data.scriptId;
    },
    async pushContent(scriptId, files) {
      await sc.projects.updateContent({ scriptId, requestBody: { files } });
    },
    async deployApiExecutable(scriptId) {
      const v = await sc.projects.versions.create({
        scriptId,
        requestBody: { description: 'kontrol live-check' },
      });
      await sc.projects.deployments.create({
        scriptId,
        requestBody: { versionNumber: v.data.versionNumber ?? undefined, manifestFileName: 'appsscript' },
      });
    },
    async run(scriptId, fn, parameters) {
      const r = await sc.scripts.run({ scriptId, requestBody: { function: fn, parameters, devMode: true } });
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
    async deleteFile(fileId) {
      await dr.files.delete({ fileId });
    },
  };
}
