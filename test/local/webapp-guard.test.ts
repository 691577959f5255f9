// Issue 19: only the page acts from the web app. The built bundle's every public global (the
// `function name(e)` stubs Apps Script sees, so a new one cannot slip past) is called as the page
// can call it on Google (google.script.run, web-app context, executing as the deployer): with no
// link, with an executor's valid link, with the controller's, and with a forged trigger event. After
// each, the workbook («Журнал» included), the outbox, the triggers and the properties are unchanged;
// only doGet, doPost, myOrdersLoad and myOrdersSubmit may act, and only for a valid link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSED } from '../../src/entry/guard';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { publicFunctions, runServerFunction } from '../../src/local/sandbox/webapp';
import { at } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';
const PAGE = ['doGet', 'doPost', 'myOrdersLoad', 'myOrdersSubmit'];

/** The globals Apps Script sees: the top-level function declarations of dist/Code.js. */
function bundleGlobals(text: string): string[] {
  return [...text.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
}

function state(sb: Sandbox): string {
  const wb = sb.workbook;
  return JSON.stringify({ sheets: wb.sheets, triggers: wb.triggers, properties: wb.properties, mails: sb.mails });
}

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

/** The fixture with the daily check switched on by the controller (the deployer), links made. */
function deployed(visitor: { user?: string; sameDomain?: boolean }) {
  const { wb } = buildBook();
  wb.owner = CONTROLLER;
  const admin = createSandbox({ workbook: wb, code, now: at(TODAY), user: CONTROLLER, webAppUrl: BASE });
  admin.run('menuEnableTrigger');
  const tokens = { executor: tokenFor(admin, IVANOV), controller: tokenFor(admin, CONTROLLER) };
  const sb = createSandbox({
    workbook: wb,
    code,
    now: at(TODAY),
    realElapsed: false,
    webAppUrl: BASE,
    webApp: { executeAs: 'USER_DEPLOYING', deployer: CONTROLLER },
    ...visitor,
  });
  return { wb, sb, tokens };
}

describe('the web app exposes only the page (issue 19)', () => {
  it('every public global of the bundle is guarded, and the page can reach each', () => {
    const names = bundleGlobals(code);
    const { sb } = deployed({});
    expect(names).toEqual(publicFunctions(sb));
    expect(names.length).toBeGreaterThanOrEqual(29);
    for (const n of names) expect(sb.evaluate(`__Kontrol.${n}.kontrolEntry`), n).toMatch(/^(page|ui|edit|trigger)$/);
    expect(sb.evaluate('__Kontrol.api.run.kontrolEntry')).toBe('self');
    for (const p of PAGE) expect(sb.evaluate(`__Kontrol.${p}.kontrolEntry`)).toBe('page');
  });

  for (const visitor of [
    { label: 'an anonymous visitor', opts: { user: 'anonymous@visitor.test' } },
    { label: 'a colleague of the same domain (his address visible)', opts: { user: IVANOV, sameDomain: true } },
  ])
    it(`${visitor.label}: every other global changes nothing and answers a short refusal`, () => {
      const { wb, sb, tokens } = deployed(visitor.opts);
      const uid = wb.triggers.find((t) => t.handler === 'dailyRun')?.id;
      // As on Google (guides/triggers/events: 4034124084959907503), a trigger's id is no small counter.
      expect(uid).toMatch(/^\d{12,20}$/);
      const names = publicFunctions(sb);
      const argSets: unknown[][] = [
        [],
        [tokens.executor],
        [tokens.controller],
        [{ token: tokens.controller, action: { kind: 'extension', number: 'П1-7', decision: 'Согласован' } }],
        [{ triggerUid: 'forged-uid', authMode: 'FULL' }],
        [{ range: { a1: 'A1' }, value: 'Готово', source: {} }],
        [{ parameter: { t: tokens.controller } }],
      ];
      const refusals = new Set(Object.values(REFUSED));
      for (const name of names.filter((n) => !PAGE.includes(n))) {
        const before = state(sb);
        for (const args of argSets) {
          const r = runServerFunction(sb, name, args, names);
          expect(r, name).toMatchObject({ ok: true });
          expect(refusals.has(String((r as { value: unknown }).value)), `${name} → ${JSON.stringify(r)}`).toBe(true);
        }
        expect(state(sb), `${name} changed something`).toBe(before);
      }
      // The page's own functions without a valid link change nothing either; a load with one reads only.
      const before = state(sb);
      for (const name of PAGE)
        for (const args of [[], ['forged~2026-12-31~00'], [{ parameter: {} }], [{ token: 'x', action: {} }]])
          runServerFunction(sb, name, args, names);
      expect(state(sb)).toBe(before);
      const loaded = runServerFunction(sb, 'myOrdersLoad', [tokens.executor], names);
      expect(loaded).toMatchObject({ ok: true, value: { ok: true } });
      expect(state(sb)).toBe(before);
    });

  it('the guards let the real callers through: the menu, the trigger that fired, an edit', () => {
    const { wb, sb } = deployed({ user: CONTROLLER });
    const uid = wb.triggers.find((t) => t.handler === 'dailyRun')?.id as string;
    expect(String(sb.fireTrigger(uid))).toMatch(/^Ежедневная проверка 10\.03\.2026/);
    // The same handler with that uid but run by hand (no trigger of the run's account) is refused.
    expect(sb.run('dailyRun', { triggerUid: 'another' }, { trigger: 'time' })).toBe(REFUSED.trigger);
    expect(sb.run('menuHelp')).toBe(undefined);
    expect(sb.ui.dialogs[sb.ui.dialogs.length - 1]?.title).toMatch(/Справка/);
  });
});
