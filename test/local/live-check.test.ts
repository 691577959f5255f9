// `npm run live-check` offline (issue 13 item 5, issue 24): the scenario's definition, the cell-by-cell
// comparison, the orchestration on the prepared project against a fake Google (a second sandbox
// behind the LiveApi interface that answers Google's own first-contact errors), where credentials
// are looked for, the service-account key and no-credentials paths (one line, exit 2). Runs twice in
// CI (vitest project «no-active»): with and without an active spreadsheet in scripts.run.
// Nothing here talks to Google; a live pass is never claimed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveCheckMain, NO_SCRIPT_ID, SERVICE_ACCOUNT_REFUSED, scriptIdArg } from '../../scripts/live-check';
import { SETTING } from '../../src/domain/settings';
import {
  columnLetter,
  compareGrids,
  differenceLine,
  type Grid,
  gridOfWorkbook,
  maskClock,
  serialOfIso,
  trimGrid,
} from '../../src/local/live/compare';
import { CREDENTIALS_ENV, findCredentials, NO_CREDENTIALS } from '../../src/local/live/credentials';
import { type LiveApi, liveApiFor, type ScriptFile } from '../../src/local/live/google';
import { activeLine, runLiveCheck, runScenarioInSandbox } from '../../src/local/live/run';
import {
  LIVE_HELPER_JS,
  LIVE_RESET_FUNCTION,
  LIVE_SCENARIO,
  LIVE_STEP_FUNCTION,
  liveManifest,
} from '../../src/local/live/scenario';
import { emptySheet, emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, noActiveByDefault, type Sandbox } from '../../src/local/sandbox/index';
import { EXECUTOR_COL, ORDER_COL, ORDER_HEADERS, PROTOCOL_COL, TAB } from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
// dist/Code.js (npm test builds it first); the tests that run the bundle are skipped without it.
const CODE_PATH = join(ROOT, 'dist', 'Code.js');
const CODE = existsSync(CODE_PATH) ? readFileSync(CODE_PATH, 'utf8') : '';
const MANIFEST = { timeZone: 'Europe/Moscow', runtimeVersion: 'V8', oauthScopes: ['x'] };
const CLOCK = '2026-12-01T07:00:00.000Z';
const START = { id: 'sheet-1', name: 'x', timeZone: 'Europe/Moscow' };

describe('the scenario', () => {
  const ids = LIVE_SCENARIO.map((s) => s.id);
  it('setup first; mail off before any check; March 2026 seeded; report for 2026-03; trigger on, then off', () => {
    expect(ids[0]).toBe('setup');
    const mailOff = LIVE_SCENARIO.find((s) => s.call.kind === 'setting' && s.call.param === SETTING.mailEnabled);
    expect(mailOff?.call).toMatchObject({ value: 'Нет' });
    expect(ids.indexOf('mail-off')).toBeLessThan(ids.indexOf('daily'));
    expect(ids.indexOf('orders')).toBeLessThan(ids.indexOf('daily'));
    const report = LIVE_SCENARIO.find((s) => s.id === 'report-month');
    expect(report?.call).toEqual({ kind: 'api', action: 'report-execution', params: { period: '2026-03' } });
    expect(ids.slice(-2)).toEqual(['trigger-on', 'trigger-off']);
    const dates = JSON.stringify(LIVE_SCENARIO).match(/"date":"[^"]+"/g) ?? [];
    expect(dates.length).toBeGreaterThan(10);
    for (const d of dates) expect(d).toMatch(/"date":"2026-03-\d\d"/);
  });
  it('seeds only columns the add-on defines', () => {
    const headers: Record<string, readonly string[]> = {
      [TAB.executors]: Object.values(EXECUTOR_COL),
      [TAB.protocols]: Object.values(PROTOCOL_COL),
      [TAB.orders]: ORDER_HEADERS,
    };
    for (const s of LIVE_SCENARIO)
      if (s.call.kind === 'rows')
        for (const r of s.call.rows) for (const h of Object.keys(r)) expect(headers[s.call.tab]).toContain(h);
  });
  it('the helper is plain ES2019 script text defining the step function; the manifest gains executionApi', () => {
    expect(() => new Function(`${LIVE_HELPER_JS}; return ${LIVE_STEP_FUNCTION};`)).not.toThrow();
    expect(liveManifest(MANIFEST)).toEqual({ ...MANIFEST, executionApi: { access: 'MYSELF' } });
  });
  it.runIf(CODE)('the sandbox runs as the account Google reported (an owner recorded by the add-on must match)', () => {
    const r = runScenarioInSandbox(CODE, LIVE_SCENARIO.slice(0, 1), [CLOCK], START, 'boss@example.org');
    expect(r.outcomes[0]).toMatchObject({ user: 'boss@example.org', now: CLOCK, error: '' });
    // The reset reports what Google would: an active spreadsheet unless the sandbox copies the guide.
    expect(r.reset).toMatchObject({ active: !noActiveByDefault(), id: START.id, error: '' });
  });
  it.runIf(CODE)('runs in the sandbox: no step fails, no mail, one trigger after «on», none after «off»', () => {
    const r = runScenarioInSandbox(
      CODE,
      LIVE_SCENARIO,
      LIVE_SCENARIO.map(() => CLOCK),
      START,
    );
    expect(r.outcomes.map((o) => o.error)).toEqual(LIVE_SCENARIO.map(() => ''));
    expect(r.outcomes.map((o) => o.triggers).slice(-2)).toEqual([1, 0]);
    expect(r.outcomes[ids.indexOf('report-month')].result).toContain('март 2026');
    expect(r.outcomes[ids.indexOf('daily')].result).toContain('Ежедневная проверка 01.12.2026');
    expect(gridOfWorkbook(r.workbook).get(TAB.reportExecution)?.values.length).toBeGreaterThan(3);
  });
});

describe('the comparison', () => {
  const tab = (values: (string | number | boolean)[][], formulas = values) => ({ values, formulas });
  it('dates become Sheets serials; trailing blanks are trimmed as the API does', () => {
    expect(serialOfIso('1899-12-31')).toBe(1);
    expect(serialOfIso('2026-03-06')).toBe(46087);
    expect(serialOfIso('2026-03-06T12:00:00')).toBe(46087.5);
    expect(trimGrid([['a', '', ''], ['', ''], []])).toEqual([['a']]);
    const wb = emptyWorkbook();
    wb.sheets.push({
      name: 'Л',
      cells: [
        [{ v: 'Срок' }, { v: null }],
        [{ v: { kind: 'date', iso: '2026-03-06' } }, { v: 2, formula: '1+1' }],
      ],
      maxRows: 10,
      maxColumns: 2,
      frozenRows: 0,
      columnWidths: {},
      validations: [],
      conditionalFormats: [],
      protections: [],
      charts: [],
    });
    expect(gridOfWorkbook(wb).get('Л')).toEqual({
      values: [['Срок'], [46087, 2]],
      formulas: [['Срок'], [46087, '=1+1']],
    });
  });
  it('names the cell, its column and both values, in Russian', () => {
    const g: Grid = new Map([
      [
        'Поручения',
        tab([
          ['№', 'Состояние'],
          ['7-1', 'Просрочено'],
        ]),
      ],
    ]);
    const s: Grid = new Map([
      [
        'Поручения',
        tab([
          ['№', 'Состояние'],
          ['7-1', 'На исполнении'],
        ]),
      ],
    ]);
    const d = compareGrids(g, s);
    expect(d).toHaveLength(1);
    expect(differenceLine(d[0])).toBe(
      '«Поручения»!B2 («Состояние»): Google — «Просрочено», песочница — «На исполнении».',
    );
  });
  it('a missing tab, an extra row and a blank versus a value are differences', () => {
    const g: Grid = new Map([
      ['А', tab([['x'], ['1']])],
      ['Б', tab([['y']])],
    ]);
    const s: Grid = new Map([['А', tab([['x'], ['1'], ['лишнее']])]]);
    expect(compareGrids(g, s).map(differenceLine)).toEqual([
      'Лист «Б»: в Google — лист есть, в песочнице — листа нет.',
      '«А»!A3 («x»): Google — (пусто), песочница — «лишнее».',
    ]);
  });
  it('tolerates the minutes of a run (the «Время» column, «ДД.ММ.ГГГГ ЧЧ:ММ» in text), never the date', () => {
    const head = ['Время', 'Результат'];
    const g: Grid = new Map([['Журнал', tab([head, [46357.5, 'Проверено 01.12.2026 10:01: готово']])]]);
    const near: Grid = new Map([['Журнал', tab([head, [46357.5 + 3 / 1440, 'Проверено 01.12.2026 10:00: готово']])]]);
    expect(compareGrids(g, near)).toEqual([]);
    const far: Grid = new Map([['Журнал', tab([head, [46357.5 + 1, 'Проверено 02.12.2026 10:01: готово']])]]);
    expect(compareGrids(g, far).map((d) => d.cell)).toEqual(['A2', 'B2']);
    expect(maskClock('сформирован 01.12.2026 22:10')).toBe('сформирован 01.12.2026 ЧЧ:ММ');
  });
  it('where the sandbox keeps a formula, the formula is compared (the sandbox does not compute it)', () => {
    const g: Grid = new Map([['А', tab([['h'], [4]], [['h'], ['=2*2']])]]);
    const same: Grid = new Map([['А', tab([['h'], ['']], [['h'], ['=2*2']])]]);
    const other: Grid = new Map([['А', tab([['h'], ['']], [['h'], ['=2+2']])]]);
    expect(compareGrids(g, same)).toEqual([]);
    expect(compareGrids(g, other).map(differenceLine)).toEqual(['«А»!A2 («h»): Google — «=2*2», песочница — «=2+2».']);
  });
});

/** Google's error as the client library throws it (gaxios: response.status and the JSON error body). */
function googleError(status: number, message: string, extra: Record<string, unknown> = {}) {
  const code = { 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND' }[status] ?? 'UNKNOWN';
  return Object.assign(new Error(message), {
    response: { status, data: { error: { code: status, message, status: code, ...extra } } },
  });
}

// The texts Google answers (src/local/live/errors.ts says where each is documented or reported).
const API_OFF = googleError(
  403,
  'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
);
const NOT_FOUND = googleError(404, 'Requested entity was not found.');
const CALLER = googleError(403, 'The caller does not have permission');
const SHEETS_OFF = googleError(
  403,
  'Google Sheets API has not been used in project 1234 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1234 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
  {
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: {
          service: 'sheets.googleapis.com',
          consumer: 'projects/1234',
          activationUrl: 'https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1234',
        },
      },
    ],
  },
);
const SCRIPT_API_OFF = googleError(
  403,
  'Apps Script API has not been used in project 67591736822 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/script.googleapis.com/overview?project=67591736822 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
);
const SCOPES = googleError(403, 'Request had insufficient authentication scopes.');

type FakeCall = 'containerOf' | 'pushContent' | 'deployApiExecutable' | 'run' | 'readAll' | 'removeDeployment';

/**
 * A fake Google: the user's prepared project (script-1 bound to sheet-1, left as a previous run left
 * it: an old tab, a trigger, properties, Google's «Лист1») and a second sandbox that runs what was
 * pushed, as scripts.run does: only on the deployment made (the script id is 404, google/clasp#1169),
 * with or without an active spreadsheet (`active`, default: as the sandbox's mode says).
 */
function fakeGoogle(
  opts: {
    tamper?: (wb: WorkbookModel) => void;
    fail?: { call: FakeCall; error: Error; nth?: number };
    active?: boolean;
    standalone?: boolean;
  } = {},
) {
  const wb = emptyWorkbook('Контроль поручений — проверка', 'Europe/Moscow');
  wb.id = 'sheet-1';
  wb.sheets.push(emptySheet('Лист1'), emptySheet(TAB.orders));
  wb.sheets[1].cells = [[{ v: 'от прошлого запуска' }]];
  wb.properties.script['kontrol.spreadsheetId'] = 'sheet-1';
  wb.properties.document['kontrol.dailyOwner'] = 'controller@example.com';
  let sb: Sandbox | null = null;
  let code = '';
  let deployment = '';
  const counts: Partial<Record<FakeCall, number>> = {};
  const log: string[] = [];
  const pushed: ScriptFile[] = [];
  const step = (call: FakeCall, line: string) => {
    counts[call] = (counts[call] ?? 0) + 1;
    log.push(line);
    if (opts.fail?.call === call && (opts.fail.nth ?? 1) === counts[call]) throw opts.fail.error;
  };
  const api: LiveApi = {
    async containerOf(scriptId) {
      step('containerOf', `get ${scriptId}`);
      if (scriptId !== 'script-1') throw NOT_FOUND;
      return opts.standalone ? '' : 'sheet-1';
    },
    async pushContent(_id, files) {
      step('pushContent', 'push');
      pushed.push(...files);
      code = files
        .filter((f) => f.type === 'SERVER_JS')
        .map((f) => f.source)
        .join('\n');
    },
    async deployApiExecutable() {
      step('deployApiExecutable', 'deploy');
      deployment = `AKfy-deployment-${counts.deployApiExecutable}`;
      return deployment;
    },
    async run(id, fn, params) {
      step('run', `run ${id} ${fn}`);
      if (id !== deployment) throw NOT_FOUND;
      if (!sb) {
        sb = createSandbox({
          workbook: wb,
          code,
          now: new Date(CLOCK),
          realElapsed: false,
          user: 'controller@example.com',
          noActiveSpreadsheet: opts.active === undefined ? noActiveByDefault() : !opts.active,
        });
        // A trigger left by an earlier run (the reset deletes it).
        sb.evaluate("ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create()");
      }
      return { result: sb.invoke(fn, params, { trigger: 'api' }) };
    },
    async readAll(id) {
      step('readAll', `read ${id}`);
      opts.tamper?.(wb);
      return gridOfWorkbook(wb);
    },
    async removeDeployment(_id, dep) {
      step('removeDeployment', `undeploy ${dep}`);
    },
  };
  return { api, log, pushed, wb };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

// Up to the seeded orders: enough for a tampered cell, half the time of the whole scenario.
const SHORT = LIVE_SCENARIO.slice(0, LIVE_SCENARIO.findIndex((s) => s.id === 'orders') + 1);

describe.runIf(CODE)('runLiveCheck on the prepared project, against a fake Google', () => {
  const check = (api: LiveApi, o: ReturnType<typeof io>, steps?: typeof SHORT) =>
    runLiveCheck({ api, scriptId: 'script-1', code: CODE, manifest: MANIFEST, io: o.io, ...(steps ? { steps } : {}) });

  it('same behaviour: exit 0; push, one deployment, every scripts.run on its id, reset first; the deployment removed', async () => {
    const g = fakeGoogle();
    const o = io();
    const code = await check(g.api, o);
    expect(o.err).toEqual([]);
    expect(code).toBe(0);
    expect(o.out).toContain(activeLine(!noActiveByDefault()));
    expect(o.out).toContainEqual(
      expect.stringMatching(/^Расхождений нет: 11 шагов, \d+ листов совпали ячейка в ячейку\.$/),
    );
    const dep = 'AKfy-deployment-1';
    expect(g.log).toEqual([
      'get script-1',
      'push',
      'deploy',
      `run ${dep} ${LIVE_RESET_FUNCTION}`,
      ...LIVE_SCENARIO.map(() => `run ${dep} ${LIVE_STEP_FUNCTION}`),
      'read sheet-1',
      `undeploy ${dep}`,
    ]);
    expect(g.pushed.map((f) => f.name)).toEqual(['appsscript', 'Code', 'LiveCheck']);
    expect(JSON.parse(g.pushed[0].source).executionApi).toEqual({ access: 'MYSELF' });
    // The default sheet: Google's «Лист1» stays on both sides (the reset leaves exactly it), the old tab went.
    expect(g.wb.sheets[0].name).toBe('Лист1');
    expect(g.wb.sheets.filter((s) => s.name === TAB.orders)).toHaveLength(1);
    expect(JSON.stringify(g.wb.sheets)).not.toContain('от прошлого запуска');
    expect(g.wb.triggers).toHaveLength(0);
  });
  it('Google with the other answer on the active spreadsheet: the line says which, the run still matches', async () => {
    const g = fakeGoogle({ active: noActiveByDefault() });
    const o = io();
    expect(await check(g.api, o, SHORT)).toBe(0);
    expect(o.out).toContain(activeLine(noActiveByDefault()));
  });
  it('a cell that differs: exit 1 and the Russian line naming it', async () => {
    const g = fakeGoogle({
      tamper: (wb) => {
        const s = wb.sheets.find((x) => x.name === TAB.orders);
        const c = (s?.cells[0] ?? []).findIndex((x) => x.v === ORDER_COL.state);
        if (s && c >= 0) s.cells[1][c] = { v: 'Исполнено в срок' };
      },
    });
    const o = io();
    expect(await check(g.api, o, SHORT)).toBe(1);
    expect(o.out).toContain('Расхождений между Google и песочницей: 1.');
    const col = columnLetter(ORDER_HEADERS.indexOf(ORDER_COL.state));
    expect(o.out).toContain(`«Поручения»!${col}2 («Состояние»): Google — «Исполнено в срок», песочница — (пусто).`);
    expect(g.log[g.log.length - 1]).toBe('undeploy AKfy-deployment-1');
  });
  it('a standalone script (no container): one line on how to make the prepared project, exit 2', async () => {
    const o = io();
    expect(await check(fakeGoogle({ standalone: true }).api, o)).toBe(2);
    expect(o.err).toEqual([
      'Проект script-1 не привязан к таблице: создайте его командой «npx clasp create --type sheets» (таблица и привязанный к ней скрипт) и передайте его идентификатор (README, «Проверка на настоящем Google»).',
    ]);
  });

  // Each first-contact failure: exit 2, exactly one Russian line with the fix, the deployment removed if made.
  const where = (stage: string) => `Проверка на Google прервана (${stage})`;
  it.each([
    [
      'the Apps Script API switched off for the user (403, the settings page)',
      { call: 'containerOf' as const, error: API_OFF },
      `${where('чтение проекта скрипта (projects.get)')}: Apps Script API выключен в настройках вашей учётной записи (403 «User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.»). Включите «Google Apps Script API» на странице https://script.google.com/home/usersettings и через несколько минут повторите.`,
    ],
    [
      'the Apps Script API not enabled in the Cloud project (which one, and its page)',
      { call: 'containerOf' as const, error: SCRIPT_API_OFF },
      `${where('чтение проекта скрипта (projects.get)')}: в проекте Google Cloud 67591736822 не включён Apps Script API. Включите его: https://console.developers.google.com/apis/api/script.googleapis.com/overview?project=67591736822 — и через несколько минут повторите.`,
    ],
    [
      'the Sheets API not enabled (ErrorInfo SERVICE_DISABLED)',
      { call: 'readAll' as const, error: SHEETS_OFF },
      `${where('чтение таблицы (values.batchGet)')}: в проекте Google Cloud 1234 не включён Google Sheets API. Включите его: https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=1234 — и через несколько минут повторите.`,
    ],
    [
      'entity not found: the script id is wrong',
      { call: 'containerOf' as const, error: NOT_FOUND },
      `${where('чтение проекта скрипта (projects.get)')}: 404 «Requested entity was not found.» — проект скрипта script-1 не найден. Проверьте --script-id: в редакторе скрипта «Настройки проекта → Идентификаторы → Идентификатор скрипта».`,
    ],
    [
      'entity not found at scripts.run: the deployment id',
      { call: 'run' as const, error: NOT_FOUND },
      `${where('выполнение шага через scripts.run')}: 404 «Requested entity was not found.» — scripts.run не нашёл развёртывание AKfy-deployment-1. Вызов идёт по идентификатору развёртывания для API (не скрипта, google/clasp#1169); проверьте, что в манифесте есть блок executionApi и развёртывание не удалено.`,
    ],
    [
      'permission denied at scripts.run: another Cloud project',
      { call: 'run' as const, error: CALLER },
      `${where('выполнение шага через scripts.run')}: 403 «The caller does not have permission» — проект скрипта и OAuth-клиент находятся в разных проектах Google Cloud. В редакторе скрипта откройте «Настройки проекта → Проект Google Cloud Platform → Изменить проект» и укажите номер стандартного проекта, в котором создан ваш OAuth-клиент.`,
    ],
    [
      'a sign-in without the scopes',
      { call: 'pushContent' as const, error: SCOPES },
      `${where('загрузка dist/ в проект (projects.updateContent)')}: вход выполнен без нужных областей доступа (403 «Request had insufficient authentication scopes.»). Войдите заново командой из README («Проверка на настоящем Google», шаг 4).`,
    ],
  ])('%s', async (_name, fail, line) => {
    const g = fakeGoogle({ fail });
    const o = io();
    expect(await check(g.api, o, SHORT)).toBe(2);
    expect(o.err).toEqual([line]);
    expect(o.out.some((l) => l.startsWith('Расхождений'))).toBe(false);
    expect(g.log.includes('deploy')).toBe(g.log[g.log.length - 1].startsWith('undeploy'));
  });
});

// Issue 24 item 1, on the real client (@googleapis/script through googleapis-common): the requests it
// sends, recorded by a stand-in for the authorised client. Nothing leaves the machine.
describe('the Google client (liveApiFor) sends what the Apps Script API reference asks', () => {
  it('scripts.run goes to /v1/scripts/{deploymentId}:run with devMode false; the deployment is made from a new version', async () => {
    const sent: { method: string; url: string; data: unknown }[] = [];
    const answer = (url: string): unknown => {
      if (url.endsWith('/versions')) return { versionNumber: 7 };
      if (url.endsWith('/deployments')) return { deploymentId: 'AKfy-dep' };
      if (url.endsWith(':run')) return { done: true, response: { result: 'ok' } };
      if (url.includes('/projects/script-1')) return { scriptId: 'script-1', parentId: 'sheet-1' };
      return {};
    };
    const client = {
      async request(o: { method?: string; url: string; data?: unknown }) {
        sent.push({ method: String(o.method ?? 'GET'), url: o.url, data: o.data });
        return { data: answer(o.url), status: 200, statusText: 'OK', headers: {}, config: o };
      },
    };
    const api = liveApiFor(client);
    expect(await api.containerOf('script-1')).toBe('sheet-1');
    expect(await api.deployApiExecutable('script-1')).toBe('AKfy-dep');
    expect(await api.run('AKfy-dep', 'kontrolLiveStep', [{ a: 1 }])).toEqual({ result: 'ok' });
    await api.removeDeployment('script-1', 'AKfy-dep');
    const body = (i: number) => (typeof sent[i].data === 'string' ? JSON.parse(String(sent[i].data)) : sent[i].data);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://script.googleapis.com/v1/projects/script-1',
      'POST https://script.googleapis.com/v1/projects/script-1/versions',
      'POST https://script.googleapis.com/v1/projects/script-1/deployments',
      'POST https://script.googleapis.com/v1/scripts/AKfy-dep:run',
      'DELETE https://script.googleapis.com/v1/projects/script-1/deployments/AKfy-dep',
    ]);
    expect(body(2)).toMatchObject({ versionNumber: 7, manifestFileName: 'appsscript' });
    expect(body(3)).toEqual({ function: 'kontrolLiveStep', parameters: [{ a: 1 }], devMode: false });
  });
});

describe('credentials', () => {
  const files = (m: Record<string, string>) => ({ exists: (p: string) => p in m, read: (p: string) => m[p] });
  const token = { client_id: 'c', client_secret: 's', refresh_token: 'r' };
  it('none: the one line on what to provide', () => {
    expect(findCredentials({}, '/home/u', files({}))).toEqual({ problem: NO_CREDENTIALS });
  });
  it('clasp 3 store: tokens.default (or KONTROL_CLASP_USER) as authorized_user', () => {
    const fs = files({ '/home/u/.clasprc.json': JSON.stringify({ tokens: { default: token, work: token } }) });
    expect(findCredentials({}, '/home/u', fs)).toEqual({
      source: '/home/u/.clasprc.json (default)',
      json: { type: 'authorized_user', ...token },
    });
    expect(findCredentials({ KONTROL_CLASP_USER: 'work' }, '/home/u', fs)).toMatchObject({
      source: '/home/u/.clasprc.json (work)',
    });
    expect(findCredentials({ KONTROL_CLASP_USER: 'nobody' }, '/home/u', fs)).toMatchObject({
      problem: expect.stringContaining('нет входа clasp для пользователя «nobody»'),
    });
  });
  it('the older project-local clasp format, and clasp_config_auth', () => {
    const legacy = { token: { refresh_token: 'r' }, oauth2ClientSettings: { clientId: 'c', clientSecret: 's' } };
    const fs = files({ '/p/.clasprc.json': JSON.stringify(legacy) });
    expect(findCredentials({ clasp_config_auth: '/p/.clasprc.json' }, '/home/u', fs)).toMatchObject({
      json: { type: 'authorized_user', refresh_token: 'r', client_id: 'c', client_secret: 's' },
    });
  });
  it('a key file named by KONTROL_GOOGLE_CREDENTIALS wins; a missing or foreign file is one line', () => {
    const sa = { type: 'service_account', client_email: 'a@b', private_key: 'k' };
    const fs = files({ '/k.json': JSON.stringify(sa), '/bad.json': '{"x":1}' });
    expect(findCredentials({ [CREDENTIALS_ENV]: '/k.json' }, '/home/u', fs)).toEqual({ source: '/k.json', json: sa });
    expect(findCredentials({ [CREDENTIALS_ENV]: '/none.json' }, '/home/u', fs)).toEqual({
      problem: 'Файл ключа из KONTROL_GOOGLE_CREDENTIALS не найден: /none.json.',
    });
    expect(findCredentials({ [CREDENTIALS_ENV]: '/bad.json' }, '/home/u', fs)).toMatchObject({
      problem: expect.stringContaining('не JSON-ключ Google'),
    });
  });
});

describe('no credentials', () => {
  it('liveCheckMain: exit 2, one line, nothing else, no Google client made', async () => {
    const o = io();
    let made = false;
    const code = await liveCheckMain({
      env: {},
      home: mkdtempSync(join(tmpdir(), 'kontrol-live-')),
      io: o.io,
      makeApi: async () => {
        made = true;
        throw new Error('must not be called');
      },
    });
    expect(code).toBe(2);
    expect(o.err).toEqual([NO_CREDENTIALS]);
    expect(o.out).toEqual([]);
    expect(made).toBe(false);
  });
  it('a service-account key: exit 2, one Russian line, no Google client made (scripts.run takes only a user)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-live-'));
    const key = join(dir, 'sa.json');
    writeFileSync(key, JSON.stringify({ type: 'service_account', client_email: 'robot@p.iam.gserviceaccount.com' }));
    const o = io();
    let made = false;
    const code = await liveCheckMain({
      env: { [CREDENTIALS_ENV]: key },
      argv: ['--script-id', 'script-1'],
      home: dir,
      io: o.io,
      makeApi: async () => {
        made = true;
        throw new Error('must not be called');
      },
    });
    expect(code).toBe(2);
    expect(o.err).toEqual([SERVICE_ACCOUNT_REFUSED]);
    expect(made).toBe(false);
  });
  it('no --script-id: exit 2, the one line naming the prepared project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-live-'));
    const key = join(dir, 'key.json');
    writeFileSync(key, JSON.stringify({ type: 'authorized_user', refresh_token: 'r' }));
    const o = io();
    expect(await liveCheckMain({ env: { [CREDENTIALS_ENV]: key }, home: dir, io: o.io })).toBe(2);
    expect(o.err).toEqual([NO_SCRIPT_ID]);
    expect(scriptIdArg(['--script-id=abc'])).toBe('abc');
    expect(scriptIdArg(['x', '--script-id', 'def'])).toBe('def');
  });
  it('a key the fake sign-in rejects: exit 2, one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-live-'));
    const key = join(dir, 'key.json');
    writeFileSync(key, JSON.stringify({ type: 'authorized_user', refresh_token: 'r' }));
    const o = io();
    const code = await liveCheckMain({
      env: { [CREDENTIALS_ENV]: key },
      argv: ['--script-id', 'script-1'],
      home: dir,
      io: o.io,
      makeApi: async () => {
        throw new Error('invalid_grant');
      },
    });
    expect(code).toBe(2);
    expect(o.err).toEqual([`Не удалось войти в Google с ${key}: invalid_grant.`]);
  });
  // Nothing here depends on the spreadsheet mode: once, in the default project.
  it.skipIf(noActiveByDefault())(
    'the script itself (tsx): exit code 2, stderr one Russian line, stdout empty, no stack trace',
    () => {
      const home = mkdtempSync(join(tmpdir(), 'kontrol-live-'));
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
      delete env[CREDENTIALS_ENV];
      delete env.clasp_config_auth;
      const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'live-check.ts')], {
        env,
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([NO_CREDENTIALS]);
    },
  );
});
