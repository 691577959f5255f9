// Permissions (issue 8, item 5). Spec «Running it»: the manifest sets the narrowest OAuth scopes
// that work — spreadsheets.currentonly, script.container.ui, script.send_mail, script.scriptapp —
// and a wider one creeping in fails this test. Issue 26 adds `spreadsheets`: where Google gives a
// web app or an Apps Script API run no active spreadsheet (guides/bound), the add-on opens its own
// recorded spreadsheet by id, which currentonly does not cover (README «Какие разрешения»). Spec «The workbook»: system columns are protected
// with a warning; «Tabs the add-on generates»: each is protected with a warning. Nothing talks to
// an external URL: the bundle names no service that would need another scope.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../src/local/model';
import { ARCHIVE_EXTRA_COL, ORDER_SYSTEM_HEADERS, TAB } from '../../src/workbook/schema';
import { GENERATED_TABS } from '../helpers/tabs';
import { headerOf, loadCode, ROOT, sandbox, setUpWorkbook, sheet } from './harness';
import { NOW_WALL, scenarioWorkbook } from './scenario';

const SCOPES = [
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  // Session.getEffectiveUser (who runs the daily check, spec «One daily check per spreadsheet»)
  // needs it: reference/base/session «Authorization».
  'https://www.googleapis.com/auth/userinfo.email',
];

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe('the manifest', () => {
  it('asks for exactly the five narrow scopes (src and dist)', () => {
    for (const f of [join(ROOT, 'appsscript.json'), join(ROOT, 'dist', 'appsscript.json')]) {
      if (f.includes('dist') && !existsSync(f)) continue; // dist/ exists once built; the source manifest always
      const m = JSON.parse(readFileSync(f, 'utf8')) as { oauthScopes?: string[]; runtimeVersion?: string };
      expect([...(m.oauthScopes ?? [])].sort(), f).toEqual(SCOPES);
      expect(m.runtimeVersion).toBe('V8');
    }
  });
});

describe('nothing calls an external URL or a service outside those scopes', () => {
  const code = loadCode();
  it.each([
    ['UrlFetchApp', /\bUrlFetchApp\b/],
    ['fetch(', /(^|[^\w.$])fetch\s*\(/m],
    ['XMLHttpRequest', /\bXMLHttpRequest\b/],
    ['GmailApp (gmail scope)', /\bGmailApp\b/],
    ['DriveApp (drive scope)', /\bDriveApp\b/],
    ['CalendarApp', /\bCalendarApp\b/],
    ['openByUrl (any other spreadsheet)', /\.openByUrl\s*\(/],
    ['ScriptApp.getOAuthToken', /getOAuthToken/],
  ])('the bundle never names %s', (_name, re) => {
    expect(code).not.toMatch(re);
  });

  it('openById once: jobs/spreadsheet.ts opens its own recorded spreadsheet where Google gives no active one (issue 26)', () => {
    expect(code.match(/\.openById\s*\(/g) ?? []).toHaveLength(1);
  });

  it('the sandbox gives the bundle no way out either', () => {
    const sb = sandbox(setUpWorkbook());
    for (const g of ['UrlFetchApp', 'fetch', 'XMLHttpRequest', 'require', 'process', 'GmailApp', 'DriveApp'])
      expect(sb.evaluate(`typeof ${g}`), g).toBe('undefined');
  });
});

function protectionsOf(s: SheetModel) {
  return s.protections.map((p) => ({ range: p.range ?? null, warningOnly: p.warningOnly, description: p.description }));
}

describe('protection with a warning', () => {
  const wb = setUpWorkbook();

  it.each([
    [TAB.orders, ORDER_SYSTEM_HEADERS],
    [TAB.archive, [...ORDER_SYSTEM_HEADERS, ARCHIVE_EXTRA_COL.archivedAt]],
  ])('«%s»: every system column is protected, warning only', (tab, system) => {
    const s = sheet(wb, tab);
    const h = headerOf(s);
    const prot = protectionsOf(s);
    for (const header of system) {
      const letter = columnLetter(h.indexOf(header) + 1);
      const p = prot.find((x) => x.range && new RegExp(`^${letter}1?:${letter}\\d*$`).test(x.range));
      expect(p, `${tab} → ${header} (${letter})`).toBeDefined();
      expect(p?.warningOnly).toBe(true);
    }
    // People's columns stay open: no protection covers them.
    const people = h.filter((x) => x && !system.includes(x)).map((x) => columnLetter(h.indexOf(x) + 1));
    for (const p of prot)
      if (p.range) for (const l of people) expect(p.range.startsWith(`${l}1:`), `${tab}: ${p.range}`).toBe(false);
    expect(prot.filter((p) => !p.range)).toEqual([]);
  });

  it('no tab people fill in is locked hard (every protection is warning only)', () => {
    for (const s of wb.sheets)
      for (const p of s.protections) expect(p.warningOnly, `${s.name}: ${p.description}`).toBe(true);
  });

  it('every generated tab is protected whole, warning only, after it is generated', () => {
    const w = scenarioWorkbook();
    const sb = sandbox(w, { at: NOW_WALL });
    sb.api('daily');
    sb.api('report-execution', { period: '2026-02' });
    sb.api('report-protocol', { protocol: '5' });
    sb.api('report-lean', { quarter: '2026-Q1' });
    sb.api('plan-control', { year: '2026' });
    sb.api('rating', { year: '2026' });
    sb.api('report-appeals', { date: '2026-02-27' });
    for (const tab of GENERATED_TABS) {
      const whole = protectionsOf(sheet(w, tab)).filter((p) => !p.range);
      expect(whole, tab).toHaveLength(1);
      expect(whole[0].warningOnly, tab).toBe(true);
    }
  });
});
