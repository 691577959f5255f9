// Issue 19 item 3: personal links. The format is checked before any service call; the secret comes
// from CacheService, so a flood of junk or forged tokens costs no property reads; «Отозвать ссылку…»
// revokes one person's links (a per-address generation in the signed text) and «Отозвать все
// ссылки» every link; the controller decides from the page only with a link no older than
// «Срок действия ссылок контролёра, дней» (default 7), while the menu sidebar always works.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkToken, freshEnough, issueToken, parseToken } from '../../src/domain/links';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { at, setSetting } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, SIDOROVA, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';
const mac = (m: string) => createHmac('sha256', 'secret').update(m).digest('hex');

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

type Loaded = {
  ok: boolean;
  message: string;
  linkError?: { title: string };
  data?: { lists: { extensions: { number: string; version: string }[] } };
};
const load = (sb: Sandbox, token: unknown) => sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Loaded;

describe('links (domain/links.ts)', () => {
  it('the format alone: junk is «malformed» or «missing» before any MAC', () => {
    let macs = 0;
    const counting = (m: string) => {
      macs++;
      return mac(m);
    };
    for (const junk of [
      'x',
      'a~b~c',
      `${'a'.repeat(500)}@x~2026-01-01~00`,
      'a@b~2026-01-01~zz',
      'a@b~2026-1-1~00ff00ff00ff00ff',
    ])
      expect(checkToken(junk, TODAY, counting)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkToken(undefined, TODAY, counting)).toEqual({ ok: false, reason: 'missing' });
    expect(macs).toBe(0);
    expect(parseToken(issueToken(IVANOV, TODAY, 45, mac, 3))).toMatchObject({ generation: 3, issued: TODAY });
  });

  it('a raised generation revokes that address’s links; the generation is asked only for a genuine MAC', () => {
    const t = issueToken(IVANOV, TODAY, 45, mac, 0);
    const asked: string[] = [];
    const gen = (e: string) => {
      asked.push(e);
      return e === IVANOV ? 1 : 0;
    };
    expect(checkToken(t, TODAY, mac, gen)).toEqual({ ok: false, reason: 'revoked' });
    expect(checkToken(issueToken(IVANOV, TODAY, 45, mac, 1), TODAY, mac, gen).ok).toBe(true);
    expect(checkToken(issueToken(SIDOROVA, TODAY, 45, mac, 0), TODAY, mac, gen).ok).toBe(true);
    asked.length = 0;
    expect(checkToken(`${IVANOV}~2026-04-24~${TODAY}~1~${'0'.repeat(64)}`, TODAY, mac, gen).ok).toBe(false);
    expect(asked).toEqual([]);
  });

  it('a controller’s link decides for «Срок действия ссылок контролёра» days after issue, not after', () => {
    expect(freshEnough('2026-03-03', TODAY, 7)).toBe(true);
    expect(freshEnough('2026-03-02', TODAY, 7)).toBe(false);
    expect(freshEnough(null, TODAY, 7)).toBe(false);
    expect(freshEnough('2026-03-11', TODAY, 7)).toBe(false);
  });
});

describe('links in the sandbox', () => {
  it('a junk token costs no service call; forged ones read the secret from the cache, not the properties', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    tokenFor(sb, IVANOV); // the secret exists
    sb.resetCounters();
    for (const junk of ['', 'x', 'a~b~c', '<script>', `${IVANOV}~2026-12-31~zz`])
      expect(load(sb, junk).linkError).toBeDefined();
    expect(sb.calls).toEqual({});
    const forged = (i: number) => `${IVANOV}~2026-12-31~${TODAY}~0~${i.toString(16).padStart(64, '0')}`;
    load(sb, forged(1));
    sb.resetCounters();
    for (let i = 2; i < 50; i++) expect(load(sb, forged(i)).linkError?.title).toBe('Ссылка недействительна');
    expect(Object.keys(sb.calls).filter((k) => k.startsWith('Properties'))).toEqual([]);
    expect(Object.keys(sb.calls).filter((k) => /^(Spreadsheet|Range|Sheet)/.test(k))).toEqual([]);
    expect(sb.calls['Cache.get']).toBe(48);
  });

  it('«Отозвать ссылку…» revokes one person’s links; the others keep working; a new link opens the page', () => {
    const { wb } = buildBook();
    const sb = createSandbox({
      workbook: wb,
      code,
      now: at(TODAY),
      realElapsed: false,
      webAppUrl: BASE,
      user: CONTROLLER,
      prompts: [IVANOV.toUpperCase()],
    });
    const ivanov = tokenFor(sb, IVANOV);
    const sidorova = tokenFor(sb, SIDOROVA);
    expect(load(sb, ivanov).ok).toBe(true);
    expect(String(sb.run('menuRevokeLink'))).toBe(
      `Ссылки ${IVANOV} отозваны: прежние ссылки этого сотрудника больше не открывают «Мои поручения».`,
    );
    expect(load(sb, ivanov).linkError?.title).toBe('Ссылка отозвана');
    expect(load(sb, sidorova).ok).toBe(true);
    expect(load(sb, tokenFor(sb, IVANOV)).ok).toBe(true);
    const log = JSON.stringify(wb.sheets.find((s) => s.name === 'Журнал')?.cells);
    expect(log).toContain(`личные ссылки ${IVANOV} отозваны`);
    // «Отозвать все ссылки» still revokes everyone's.
    const sb2 = createSandbox({
      workbook: wb,
      code,
      now: at(TODAY),
      realElapsed: false,
      webAppUrl: BASE,
      alerts: ['YES'],
    });
    expect(String(sb2.run('menuRevokeLinks'))).toMatch(/^Ссылки отозваны/);
    expect(load(sb2, sidorova).linkError?.title).toBe('Ссылка недействительна');
  });

  it('a controller’s link older than 7 days decides nothing («попросите новую ссылку»); a fresh one and the sidebar do', () => {
    const { wb } = buildBook();
    const old = createSandbox({ workbook: wb, code, now: at('2026-03-02'), realElapsed: false, webAppUrl: BASE });
    const stale = tokenFor(old, CONTROLLER);
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const decide = (token: string) => {
      const x = load(sb, token).data?.lists.extensions.find((e) => e.number === 'П1-7');
      expect(x).toBeDefined();
      return sb.invoke(
        'myOrdersSubmit',
        [{ token, action: { kind: 'extension', number: 'П1-7', version: x?.version, decision: 'Согласован' } }],
        { trigger: 'webapp' },
      ) as Loaded;
    };
    const refused = decide(stale);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('попросите новую ссылку');
    expect(JSON.stringify(wb.sheets.find((s) => s.name === 'Поручения')?.cells)).not.toContain('Согласован');
    setSetting(wb, 'Срок действия ссылок контролёра, дней', 8);
    expect(decide(stale).ok).toBe(true);
    // The menu's sidebar signs a link of today: it always decides.
    const side = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, user: CONTROLLER });
    expect(String(side.run('menuMyOrders'))).toBe('');
    expect(side.ui.dialogs.some((d) => d.kind === 'sidebar')).toBe(true);
  });
});
