// Issue 26: «the spreadsheet» for every entry point (jobs/spreadsheet.ts) and the sandbox's switch
// that copies Google's guide to bound scripts (guides/bound, «Special methods»: getActiveSpreadsheet()
// and its kin «are only available to bound scripts run from the script editor, menu items, dialogs,
// sidebars, or triggers. When a bound script is run as a web app or via the Apps Script API, these
// methods are not available.»). Each case runs in the mode it names, whatever KONTROL_NO_ACTIVE says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/local/model';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { TAB } from '../../src/workbook/schema';
import { at } from '../e2e/orders-helpers';
import { buildBook, IVANOV, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';
const PROP = 'kontrol.spreadsheetId';

function sandbox(
  wb: WorkbookModel,
  noActiveSpreadsheet: boolean,
  extra: Partial<Parameters<typeof createSandbox>[0]> = {},
) {
  return createSandbox({
    workbook: wb,
    code,
    now: at(TODAY),
    realElapsed: false,
    webAppUrl: BASE,
    noActiveSpreadsheet,
    ...extra,
  });
}

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

function journal(wb: WorkbookModel): string[] {
  const s = wb.sheets.find((x) => x.name === TAB.log);
  return (s?.cells ?? []).slice(1).map((r) => (r ?? []).map((c) => String(c?.v ?? '')).join(' | '));
}

type Load = { ok: boolean; message: string; data?: { lists: { orders: { number: string }[] } } };

describe('the sandbox switch (noActiveSpreadsheet / KONTROL_NO_ACTIVE=1)', () => {
  it('getActive() is null in a web app and an Apps Script API run, the spreadsheet in a menu or trigger run', () => {
    const { wb } = buildBook();
    const probe =
      'function __probe() { return String(SpreadsheetApp.getActive() === null) + "/" + String(SpreadsheetApp.getActiveSpreadsheet() === null); }';
    const sb2 = sandbox(wb, true, { code: `${code}\n${probe}` });
    expect(sb2.run('__probe', undefined, { trigger: 'webapp' })).toBe('true/true');
    expect(sb2.run('__probe', undefined, { trigger: 'api' })).toBe('true/true');
    expect(sb2.run('__probe', undefined, { trigger: 'menu' })).toBe('false/false');
    expect(sb2.run('__probe', undefined, { trigger: 'time' })).toBe('false/false');
  });
  it('openById opens only its own spreadsheet, and only with the spreadsheets scope in the manifest', () => {
    const { wb } = buildBook();
    wb.id = 'sheet-A';
    const probe = 'function __open(id) { return SpreadsheetApp.openById(id).getId(); }';
    const sb = sandbox(wb, true, { code: `${code}\n${probe}` });
    expect(sb.invoke('__open', ['sheet-A'], { trigger: 'webapp' })).toBe('sheet-A');
    expect(() => sb.invoke('__open', ['sheet-B'], { trigger: 'webapp' })).toThrow(
      'You do not have permission to access the requested document.',
    );
    const narrow = sandbox(wb, true, {
      code: `${code}\n${probe}`,
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(() => narrow.invoke('__open', ['sheet-A'], { trigger: 'webapp' })).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});

describe('openSpreadsheet (jobs/spreadsheet.ts)', () => {
  it('setup records the id; with no active spreadsheet the page opens the recorded one by id', () => {
    const { wb } = buildBook();
    expect(wb.properties.script[PROP]).toBe('local-sandbox-spreadsheet');
    const sb = sandbox(wb, true);
    const token = tokenFor(sb, IVANOV);
    sb.resetCounters();
    const r = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Load;
    expect(r.ok).toBe(true);
    expect(r.data?.lists.orders.map((o) => o.number)).toContain('П1-2');
    expect(sb.calls['SpreadsheetApp.openById']).toBe(1);
    // Where Google gives the active spreadsheet, no openById at all.
    const withActive = sandbox(wb, false);
    withActive.resetCounters();
    expect((withActive.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Load).ok).toBe(true);
    expect(withActive.calls['SpreadsheetApp.openById']).toBeUndefined();
  });
  it('never set up and no active spreadsheet: the page says to run «Настроить таблицу», writes nothing', () => {
    const { wb } = buildBook();
    const token = tokenFor(sandbox(wb, false), IVANOV);
    delete wb.properties.script[PROP];
    const before = JSON.stringify(wb.sheets);
    const r = sandbox(wb, true).invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Load;
    expect(r).toMatchObject({ ok: false });
    expect(r.message).toContain('выполните «Контроль поручений → Настроить таблицу»');
    expect(JSON.stringify(wb.sheets)).toBe(before);
  });
  it('no active spreadsheet and a recorded id the sandbox cannot open: the page refuses in Russian, writes nothing', () => {
    const { wb } = buildBook();
    const token = tokenFor(sandbox(wb, false), IVANOV);
    wb.properties.script[PROP] = 'someone-elses-file';
    const before = JSON.stringify(wb.sheets);
    const r = sandbox(wb, true).invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Load;
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Не удалось открыть таблицу someone-elses-file');
    expect(r.message).toContain('You do not have permission to access the requested document.');
    expect(JSON.stringify(wb.sheets)).toBe(before);
  });
  it('a copy (recorded id of another file): a «Журнал» line and a refusal, nothing else written; setup adopts it', () => {
    const { wb } = buildBook();
    const sb = sandbox(wb, false, { user: IVANOV });
    sb.run('menuEnableTrigger');
    const trigger = String(wb.triggers[0]?.id);
    wb.id = 'copy-B';
    wb.properties.script[PROP] = 'original-A';
    const orders = JSON.stringify(wb.sheets.find((s) => s.name === TAB.orders)?.cells);
    sb.run('menuCheckData');
    const alert = sb.ui.alerts.join('\n');
    expect(alert).toContain(
      'Дополнение настроено для другой таблицы (записан идентификатор original-A, открыта copy-B',
    );
    expect(journal(wb).slice(-1)[0]).toContain('Открытие таблицы');
    expect(journal(wb).slice(-1)[0]).toContain('В чужую таблицу ничего не записано');
    expect(JSON.stringify(wb.sheets.find((s) => s.name === TAB.orders)?.cells)).toBe(orders);
    // The daily trigger refuses the same way (the error is the execution's failure, its line is in «Журнал»).
    expect(() => sb.fireTrigger(trigger)).toThrow('Дополнение настроено для другой таблицы');
    sb.run('menuSetup');
    expect(wb.properties.script[PROP]).toBe('copy-B');
    expect(
      journal(wb).some((l) =>
        l.includes('Дополнение теперь работает с этой таблицей (copy-B); прежде — с original-A.'),
      ),
    ).toBe(true);
    sb.run('menuCheckData');
    expect(sb.ui.alerts.filter((x) => x.includes('другой таблицы'))).toHaveLength(1);
  });
});
