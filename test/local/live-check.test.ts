// `npm run live-check` offline (issue 13 item 5): the scenario's definition, the cell-by-cell
// comparison, the orchestration against a fake Google (a second sandbox behind the LiveApi
// interface), where credentials are looked for, and the no-credentials path (one line, exit 2).
// Nothing here talks to Google; a live pass is never claimed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveCheckMain } from '../../scripts/live-check';
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
import type { LiveApi, ScriptFile } from '../../src/local/live/google';
import { runLiveCheck, runScenarioInSandbox } from '../../src/local/live/run';
import { LIVE_HELPER_JS, LIVE_SCENARIO, LIVE_STEP_FUNCTION, liveManifest } from '../../src/local/live/scenario';
import { emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { EXECUTOR_COL, ORDER_COL, ORDER_HEADERS, PROTOCOL_COL, TAB } from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
// dist/Code.js (npm test builds it first); the tests that run the bundle are skipped without it.
const CODE_PATH = join(ROOT, 'dist', 'Code.js');
const CODE = existsSync(CODE_PATH) ? readFileSync(CODE_PATH, 'utf8') : '';
const MANIFEST = { timeZone: 'Europe/Moscow', runtimeVersion: 'V8', oauthScopes: ['x'] };
const CLOCK = '2026-12-01T07:00:00.000Z';

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
    const r = runScenarioInSandbox(CODE, LIVE_SCENARIO.slice(0, 1), [CLOCK], 'x', 'Europe/Moscow', 'boss@example.org');
    expect(r.outcomes[0]).toMatchObject({ user: 'boss@example.org', now: CLOCK, error: '' });
  });
  it.runIf(CODE)('runs in the sandbox: no step fails, no mail, one trigger after «on», none after «off»', () => {
    const r = runScenarioInSandbox(
      CODE,
      LIVE_SCENARIO,
      LIVE_SCENARIO.map(() => CLOCK),
      'x',
      'Europe/Moscow',
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

/** A fake Google: a second sandbox behind the LiveApi interface, recording what was asked of it. */
function fakeGoogle(opts: { tamper?: (wb: WorkbookModel) => void; failRunAt?: number } = {}) {
  let wb: WorkbookModel | null = null;
  let sb: Sandbox | null = null;
  let code = '';
  let runs = 0;
  const log: string[] = [];
  const pushed: ScriptFile[] = [];
  const api: LiveApi = {
    async createSpreadsheet(title, tz, locale) {
      log.push(`create ${tz} ${locale}`);
      wb = emptyWorkbook(title, tz);
      return 'sheet-1';
    },
    async createBoundScript(parent) {
      log.push(`script parent=${parent}`);
      return 'script-1';
    },
    async pushContent(_id, files) {
      pushed.push(...files);
      code = files
        .filter((f) => f.type === 'SERVER_JS')
        .map((f) => f.source)
        .join('\n');
    },
    async deployApiExecutable() {
      log.push('deploy');
    },
    async run(_id, fn, params) {
      runs++;
      if (runs === opts.failRunAt)
        throw Object.assign(new Error('x'), {
          response: { status: 404, data: { error: { message: 'Requested entity was not found.' } } },
        });
      if (!wb) throw new Error('no spreadsheet');
      sb ??= createSandbox({
        workbook: wb,
        code,
        now: new Date(CLOCK),
        realElapsed: false,
        user: 'controller@example.com',
      });
      return { result: sb.run(fn, params[0], { trigger: 'time' }) };
    },
    async readAll() {
      if (!wb) throw new Error('no spreadsheet');
      opts.tamper?.(wb);
      return gridOfWorkbook(wb);
    },
    async deleteFile(id) {
      log.push(`delete ${id}`);
    },
  };
  return { api, log, pushed };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe.runIf(CODE)('runLiveCheck against a fake Google', () => {
  it('same behaviour: exit 0, «Расхождений нет», the bound project pushed with the helper, the scratch file deleted', async () => {
    const g = fakeGoogle();
    const o = io();
    const code = await runLiveCheck({ api: g.api, code: CODE, manifest: MANIFEST, io: o.io, title: 't' });
    expect(o.err).toEqual([]);
    expect(code).toBe(0);
    expect(o.out[o.out.length - 2]).toMatch(/^Расхождений нет: 11 шагов, \d+ листов совпали ячейка в ячейку\.$/);
    expect(g.log).toEqual(['create Europe/Moscow ru_RU', 'script parent=sheet-1', 'deploy', 'delete sheet-1']);
    expect(g.pushed.map((f) => f.name)).toEqual(['appsscript', 'Code', 'LiveCheck']);
    expect(JSON.parse(g.pushed[0].source).executionApi).toEqual({ access: 'MYSELF' });
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
    // Up to the seeded orders: enough for the tampered cell, half the time of the whole scenario.
    const steps = LIVE_SCENARIO.slice(0, LIVE_SCENARIO.findIndex((s) => s.id === 'orders') + 1);
    const code = await runLiveCheck({ api: g.api, code: CODE, manifest: MANIFEST, io: o.io, title: 't', steps });
    expect(code).toBe(1);
    expect(o.out).toContain('Расхождений между Google и песочницей: 1.');
    const col = columnLetter(ORDER_HEADERS.indexOf(ORDER_COL.state));
    expect(o.out).toContain(`«Поручения»!${col}2 («Состояние»): Google — «Исполнено в срок», песочница — (пусто).`);
    expect(g.log[g.log.length - 1]).toBe('delete sheet-1');
  });
  it('scripts.run refused: exit 2, one line with the stage and the Cloud-project hint, the scratch file still deleted', async () => {
    const g = fakeGoogle({ failRunAt: 1 });
    const o = io();
    const code = await runLiveCheck({ api: g.api, code: CODE, manifest: MANIFEST, io: o.io, title: 't' });
    expect(code).toBe(2);
    expect(o.err).toHaveLength(1);
    expect(o.err[0]).toMatch(
      /^Проверка на Google прервана \(scripts\.run, шаг «Настроить таблицу»\): HTTP 404: Requested entity was not found\.\. scripts\.run требует/,
    );
    expect(g.log[g.log.length - 1]).toBe('delete sheet-1');
    expect(o.out.some((l) => l.startsWith('Расхождений'))).toBe(false);
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
  it('a key the fake sign-in rejects: exit 2, one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-live-'));
    const key = join(dir, 'key.json');
    writeFileSync(key, JSON.stringify({ type: 'authorized_user', refresh_token: 'r' }));
    const o = io();
    const code = await liveCheckMain({
      env: { [CREDENTIALS_ENV]: key },
      home: dir,
      io: o.io,
      makeApi: async () => {
        throw new Error('invalid_grant');
      },
    });
    expect(code).toBe(2);
    expect(o.err).toEqual([`Не удалось войти в Google с ${key}: invalid_grant.`]);
  });
  it('the script itself (tsx): exit code 2, stderr one Russian line, stdout empty, no stack trace', () => {
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
  });
});
