// Issue 19 through `kontrol serve` over HTTP: /__run/NAME reaches every public global, as
// google.script.run does on Google, and none but the page's own changes the workbook, the outbox,
// the triggers or the properties; the server answers only its own Host and takes /__run/ calls only
// as same-origin application/json; mail the bundle sends goes to the outbox as `kontrol run` sends it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRows } from '../../src/local/demo/util';
import { createSandbox } from '../../src/local/sandbox/index';
import { type Served, startServe } from '../../src/local/serve';
import { saveXlsx } from '../../src/local/xlsx';
import { TAB } from '../../src/workbook/schema';
import { at, orderRow } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, order, SIDOROVA, TODAY } from '../web/fixture';

// One extra global that mails, as a page feature that sends mail would.
const code = `${readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8')}
function zzMailProbe() { MailApp.sendEmail('ivanov@adm.test', 'Проба', 'Текст'); return 'отправлено'; }`;
const PAGE = ['doGet', 'doPost', 'myOrdersLoad', 'myOrdersSubmit'];

let dir: string;
let file: string;
let served: Served;
let own: string;

interface Answer {
  status: number;
  body: string;
}

function call(
  path: string,
  o: { method?: string; host?: string; origin?: string; site?: string; type?: string; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: o.host ?? own };
    if (o.origin) headers.Origin = o.origin;
    if (o.site) headers['Sec-Fetch-Site'] = o.site;
    if (o.type) headers['Content-Type'] = o.type;
    const req = request({ host: '127.0.0.1', port: served.port, path, method: o.method ?? 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body ?? '');
  });
}

const run = (name: string, args: unknown[], extra: { origin?: string; type?: string } = {}) =>
  call(`/__run/${name}`, {
    origin: extra.origin ?? `http://${own}`,
    type: extra.type ?? 'application/json',
    body: JSON.stringify(args),
  });

function outbox(): string[] {
  const d = join(dir, 'outbox');
  return existsSync(d) ? readdirSync(d, { recursive: true }).map(String).sort() : [];
}

function state(): string {
  const m = served.model();
  return JSON.stringify({ sheets: m.sheets, triggers: m.triggers, properties: m.properties, outbox: outbox() });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kontrol-serve-sec-'));
  file = join(dir, 'book.xlsx');
  const { wb } = buildBook(0, { pageTabsOnly: true });
  // An overdue order for the controller's «Напомнить об ускорении» (issue 22 item 4).
  appendRows(wb, TAB.orders, [
    order('П9-1', 'Сидорова С.С.', '2026-03-05', { Поручение: 'Сдать сведения о дорогах', Состояние: 'Просрочено' }),
  ]);
  wb.owner = CONTROLLER;
  createSandbox({ workbook: wb, code, now: at(TODAY), user: CONTROLLER }).run('menuEnableTrigger');
  await saveXlsx(wb, file);
  served = await startServe({ file, code, port: 0, now: () => at(TODAY), deployer: CONTROLLER });
  own = `127.0.0.1:${served.port}`;
}, 60_000);

afterAll(async () => {
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kontrol serve: as open as Google, and no more (issue 19)', () => {
  it('only its own Host (127.0.0.1 or localhost with its port): a foreign one gets 421', async () => {
    expect((await call('/', { method: 'GET' })).status).toBe(200);
    expect((await call('/', { method: 'GET', host: `localhost:${served.port}` })).status).toBe(200);
    expect((await call('/', { method: 'GET', host: 'evil.example' })).status).toBe(421);
    expect((await call('/', { method: 'GET', host: `evil.example:${served.port}` })).status).toBe(421);
    const r = await call('/__run/menuDailyNow', { host: 'evil.example', type: 'application/json', body: '[]' });
    expect(r.status).toBe(421);
  });

  it('/__run/ only as same-origin application/json: another Origin 403, text/plain 415, GET 405', async () => {
    const before = state();
    expect((await run('menuDailyNow', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await run('menuDailyNow', [], { origin: `http://localhost:${served.port + 1}` })).status).toBe(403);
    const site = await call('/__run/menuDailyNow', { site: 'cross-site', type: 'application/json', body: '[]' });
    expect(site.status).toBe(403);
    expect((await run('menuDailyNow', [], { type: 'text/plain' })).status).toBe(415);
    expect((await run('menuDailyNow', [], { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('/__run/menuDailyNow', { method: 'GET' })).status).toBe(405);
    const form = await call('/', { origin: 'http://evil.example', type: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
    expect(state()).toBe(before);
  });

  it('every public global over HTTP, with no link, an executor’s and the controller’s: nothing changes', async () => {
    const names = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).filter((n) => n !== 'zzMailProbe');
    expect(names.length).toBeGreaterThanOrEqual(29);
    const executor = decodeURIComponent(new URL(await served.linkFor(IVANOV)).searchParams.get('t') ?? '');
    const controller = decodeURIComponent(new URL(await served.linkFor(CONTROLLER)).searchParams.get('t') ?? '');
    await served.idle();
    const before = state();
    const mtime = statSync(file).mtimeMs;
    for (const name of names.filter((n) => !PAGE.includes(n)))
      for (const args of [[], [executor], [controller], [{ triggerUid: '1', token: controller }]]) {
        const r = await run(name, args);
        expect(r.status, name).toBe(200);
        expect(JSON.parse(r.body), name).toMatchObject({ ok: true, value: expect.stringMatching(/^Отказано/) });
      }
    for (const name of PAGE) expect((await run(name, [])).status).toBe(200);
    expect((await run('myOrdersLoad', [executor])).body).toContain('"ok":true');
    await served.idle();
    expect(state()).toBe(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  }, 120_000);

  it('mail the bundle sends goes to the outbox, as `kontrol run` sends it', async () => {
    const r = await run('zzMailProbe', []);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: 'отправлено' });
    await served.idle();
    const eml = outbox().filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    expect(readFileSync(join(dir, 'outbox', eml[0]), 'utf8')).toContain('ivanov@adm.test');
  });

  it('«Напомнить об ускорении» from the controller’s page: mails the executor, writes «История» once a day; «Срок» stays; nobody else may', async () => {
    const tokenOf = async (email: string) =>
      decodeURIComponent(new URL(await served.linkFor(email)).searchParams.get('t') ?? '');
    const controller = await tokenOf(CONTROLLER);
    const executor = await tokenOf(IVANOV);
    const answer = async (token: string, action: Record<string, unknown>) =>
      JSON.parse((await run('myOrdersSubmit', [{ token, action }])).body).value as {
        ok: boolean;
        message: string;
        data?: {
          lists: {
            overdue?: { number: string; version: string; due: string; speedUpLast?: string; speedUpMay?: boolean }[];
          };
        };
      };
    const loaded = JSON.parse((await run('myOrdersLoad', [controller])).body).value as Awaited<
      ReturnType<typeof answer>
    >;
    const card = loaded.data?.lists.overdue?.find((x) => x.number === 'П9-1');
    expect(card).toMatchObject({ speedUpLast: '', speedUpMay: true });
    const action = { kind: 'speedup', number: 'П9-1', version: card?.version };
    const mails = () => outbox().filter((f) => f.endsWith('.eml'));
    const before = mails().length;
    const row = () => orderRow(served.model(), 'П9-1');
    // Not the controller (an executor's own link; no link at all): refused, nothing written or sent.
    const refused = await answer(executor, action);
    expect(refused).toMatchObject({ ok: false, message: 'Напоминать об ускорении может только контролёр.' });
    expect((await answer('', action)).ok).toBe(false);
    await served.idle();
    expect(String(row().История ?? '')).not.toContain('напоминание об ускорении');
    expect(mails()).toHaveLength(before);
    // The controller: 10 days from 10.03 is 20.03, a Friday (001 гл.7 п.2.4.8).
    const sent = await answer(controller, action);
    expect(sent.ok, sent.message).toBe(true);
    expect(sent.message).toBe(
      `Напоминание об ускорении: № П9-1 — письмо ${SIDOROVA}, исполнить не позднее 20.03.2026. «Срок» не меняется: поручение остаётся просроченным.`,
    );
    const after = sent.data?.lists.overdue?.find((x) => x.number === 'П9-1');
    expect(after).toMatchObject({
      speedUpLast: 'Напоминание об ускорении 10.03.2026: исполнить не позднее 20.03.2026',
      speedUpMay: false,
    });
    await served.idle();
    expect(String(row().История)).toContain('10.03.2026: напоминание об ускорении: исполнить не позднее 20.03.2026');
    // «Срок» stays: the order is still in the overdue list, from its first term.
    expect(row().Срок).toBe('2026-03-05');
    expect(after).toMatchObject({ number: 'П9-1', due: '05.03.2026', overdue: true });
    const eml = mails().slice(before);
    expect(eml).toHaveLength(1);
    const text = readFileSync(join(dir, 'outbox', eml[0]), 'utf8');
    expect(text).toContain(SIDOROVA);
    // The same day again (with the card's new version): refused by the same rule as the menu's.
    const again = await answer(controller, { ...action, version: after?.version });
    expect(again).toMatchObject({
      ok: false,
      message: 'Напоминание об ускорении: Напоминание об ускорении по № П9-1 сегодня уже отправлено.',
    });
    await served.idle();
    expect(mails()).toHaveLength(before + 1);
  });
});
