// dist/Code.js is what Apps Script runs: loaded as a plain script in a bare V8 context (no require,
// no process, no module system, as in Apps Script's V8 runtime: guides/v8-runtime), every global
// the triggers and the menu name must be a top-level function. `npm test` builds it first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { menuFunctions } from '../../src/jobs/menu';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'dist', 'Code.js');

function loadBundle(): Record<string, unknown> {
  if (!existsSync(BUNDLE))
    throw new Error('dist/Code.js не найден: выполните npm run build (npm test собирает его сам)');
  const ctx = vm.createContext({});
  vm.runInContext(readFileSync(BUNDLE, 'utf8'), ctx, { filename: 'Code.js' });
  return ctx as Record<string, unknown>;
}

const TRIGGER_GLOBALS = ['onOpen', 'onEdit', 'onInstall', 'dailyRun'];

describe('dist/Code.js in a bare vm context', () => {
  it('defines the trigger handlers as top-level functions', () => {
    const g = loadBundle();
    for (const name of TRIGGER_GLOBALS) expect(typeof g[name], name).toBe('function');
  });

  it('defines every function the menu calls', () => {
    const g = loadBundle();
    const fns = menuFunctions();
    // The count itself is checked against the spec's menu in setup-menu.test.ts; here every one of
    // them (distinct) must be a global of the bundle.
    expect(fns.length).toBeGreaterThan(16);
    expect(new Set(fns).size).toBe(fns.length);
    for (const name of fns) expect(typeof g[name], name).toBe('function');
  });

  it('keeps api off the top level (no stub), but reachable for the local CLI', () => {
    const g = loadBundle();
    expect(g.api).toBeUndefined();
    const k = g.__Kontrol as { api?: { run?: unknown } } | undefined;
    expect(typeof k?.api?.run).toBe('function');
  });

  it('needs nothing Apps Script lacks at load time and has no ES module syntax', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    // es2019: no private members (this.#x, «#x = …» declarations) or static class fields survive.
    expect(code).not.toMatch(/\.#[a-zA-Z_$]/);
    expect(code).not.toMatch(/^\s*(static\s+)?#[a-zA-Z_$][\w$]*\s*[=;(]/m);
    expect(code).not.toMatch(/^\s*static\s+[a-zA-Z_$][\w$]*\s*=/m);
  });

  it('calls into the bundle: onOpen builds the «Контроль поручений» menu with fake services', () => {
    const g = loadBundle();
    const added: string[] = [];
    const menu = (title: string) => {
      const m = {
        addItem: (caption: string, fn: string) => {
          added.push(`${title} / ${caption} → ${fn}`);
          return m;
        },
        addSeparator: () => m,
        addSubMenu: () => m,
        addToUi: () => added.push(`menu ${title}`),
      };
      return m;
    };
    (g as Record<string, unknown>).SpreadsheetApp = { getUi: () => ({ createMenu: menu }) };
    (g.onOpen as (e: unknown) => void)({});
    expect(added).toContain('menu Контроль поручений');
    expect(added).toContain('Контроль поручений / Настроить таблицу → menuSetup');
    expect(added).toContain('Отчёт об исполнении / За период… → menuReportPeriod');
    expect(added).toContain('Бережливые проекты / Рейтинг самооценки → menuRating');
  });
});
