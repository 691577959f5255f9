// Accounts in the sandbox, each behaviour copied from the Apps Script page it cites
// (developers.google.com/apps-script/…). A tiny hand-written script stands in for the bundle, so
// these run in milliseconds and fail only when the sandbox's rule changes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySheet, emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, DEFAULT_USER, MSG_PROTECTED } from '../../src/local/sandbox/index';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';

const ANNA = 'anna@admin.example';
const BORIS = 'boris@admin.example';

const SCRIPT = `
function who() {
  return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail();
}
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('M').addItem('x', 'who').addToUi();
  return e && e.authMode;
}
function readProps() { return PropertiesService.getDocumentProperties().getProperty('k'); }
function openSheet() { return SpreadsheetApp.getActive().getName(); }
function mail() { MailApp.sendEmail('a@b.example', 's', 'b'); return 'sent'; }
function makeTrigger() {
  return ScriptApp.newTrigger('tick').timeBased().atHour(8).everyDays(1).create().getUniqueId();
}
function projectTriggers() { return ScriptApp.getProjectTriggers().length; }
function userTriggers() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length; }
function makeOpenTrigger() {
  return ScriptApp.newTrigger('tick').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create().getUniqueId();
}
function deleteMine() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function tick() {
  SpreadsheetApp.getActive().getSheetByName('Лист1').getRange('B2').setValue('tick');
  return Session.getEffectiveUser().getEmail();
}
function locks() {
  return [LockService.getDocumentLock().tryLock(10), LockService.getScriptLock().tryLock(10)].join(',');
}
function write(a1) { SpreadsheetApp.getActive().getSheetByName('Лист1').getRange(a1).setValue('x'); return 'ok'; }
function canEditFirst() {
  return SpreadsheetApp.getActive().getSheetByName('Лист1').getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].canEdit();
}
function restrict(a1) {
  var p = SpreadsheetApp.getActive().getSheetByName('Лист1').getRange(a1).protect();
  p.addEditor(Session.getEffectiveUser());
  p.removeEditors(p.getEditors());
  return p.getEditors().map(function (u) { return u.getEmail(); }).join(',');
}
`;

function workbook(): WorkbookModel {
  const wb = emptyWorkbook('Доступ', 'Europe/Moscow');
  wb.sheets.push(emptySheet('Лист1'));
  return wb;
}

function sandbox(wb = workbook(), extra: Partial<Parameters<typeof createSandbox>[0]> = {}) {
  return createSandbox({ workbook: wb, code: SCRIPT, now: new Date('2026-03-10T05:00:00Z'), ...extra });
}

describe('Session (reference/base/session)', () => {
  it('a menu run knows both users; the default account is user@example.com', () => {
    expect(sandbox().run('who')).toBe(`${DEFAULT_USER}|${DEFAULT_USER}`);
    expect(sandbox(workbook(), { user: ANNA }).run('who')).toBe(`${ANNA}|${ANNA}`);
  });

  it('getActiveUser is blank in a simple trigger (runs without the user’s authorization), unless same domain', () => {
    expect(sandbox(workbook(), { user: ANNA }).run('who', {}, { trigger: 'simple' })).toBe(`|${ANNA}`);
    expect(sandbox(workbook(), { user: ANNA, sameDomain: true }).run('who', {}, { trigger: 'simple' })).toBe(
      `${ANNA}|${ANNA}`,
    );
  });
});

describe('installable triggers per account (guides/triggers/installable «Restrictions»)', () => {
  it('a trigger belongs to its creator; another account cannot see it (getProjectTriggers, getUserTriggers)', () => {
    const wb = workbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('makeTrigger');
    sb.run('makeOpenTrigger');
    expect(wb.triggers[0].owner).toBe(ANNA);
    expect(sb.run('projectTriggers')).toBe(2);
    // Issue 24 item 6: getUserTriggers(spreadsheet) is the triggers sourced in the spreadsheet —
    // the onOpen one; the clock trigger has no source spreadsheet.
    expect(sb.run('userTriggers')).toBe(1);
    sb.setUser(BORIS);
    expect(sb.run('projectTriggers')).toBe(0);
    expect(sb.run('userTriggers')).toBe(0);
    sb.run('deleteMine'); // Boris deletes «all his» triggers: Anna's stay
    expect(wb.triggers).toHaveLength(2);
  });

  it('it always runs as its creator, whoever has the spreadsheet open', () => {
    const wb = workbook();
    const sb = sandbox(wb, { user: ANNA });
    const id = sb.run('makeTrigger') as string;
    sb.setUser(BORIS);
    expect(sb.fireTrigger(id)).toBe(ANNA);
  });

  it('getUserTriggers takes a spreadsheet (reference/script/script-app#getUserTriggers(Spreadsheet))', () => {
    const sb = sandbox();
    expect(() => sb.evaluate('ScriptApp.getUserTriggers("x")')).toThrow(/don't match the method signature/);
  });

  it('20 triggers per user per script (guides/services/quotas); another account has its own 20', () => {
    const wb = workbook();
    const sb = sandbox(wb, { user: ANNA });
    for (let i = 0; i < 20; i++) sb.run('makeTrigger');
    expect(() => sb.run('makeTrigger')).toThrow(/too many triggers/);
    sb.setUser(BORIS);
    expect(() => sb.run('makeTrigger')).not.toThrow();
    expect(wb.triggers).toHaveLength(21);
  });
});

describe('document lock vs script lock (reference/lock/lock-service)', () => {
  it('the script lock is shared by every document of the script; the document lock only by this one', () => {
    // Another spreadsheet using the same add-on is running: it holds the script lock only.
    expect(sandbox(workbook(), { lockHeldByOther: ['script'] }).run('locks')).toBe('true,false');
    // Someone else's run in this spreadsheet holds its document lock.
    expect(sandbox(workbook(), { lockHeldByOther: ['document'] }).run('locks')).toBe('false,true');
    expect(sandbox(workbook(), { lockHeldByOther: true }).run('locks')).toBe('false,false');
  });
});

describe('AuthMode (reference/script/auth-mode; workspace/add-ons/concepts/editor-auth-lifecycle)', () => {
  it('NONE (an add-on not yet used in this document): the menu may be built, nothing else', () => {
    const sb = sandbox();
    expect(sb.run('onOpen', {}, { trigger: 'simple', authMode: 'NONE' })).toBe('NONE');
    expect(sb.ui.menus).toHaveLength(1);
    expect(() => sb.run('readProps', {}, { trigger: 'simple', authMode: 'NONE' })).toThrow(/permission/);
    expect(() => sb.run('openSheet', {}, { trigger: 'simple', authMode: 'NONE' })).toThrow(/permission/);
  });

  it('LIMITED (a simple trigger): the current spreadsheet yes, services that need authorization no', () => {
    const sb = sandbox();
    expect(sb.run('onOpen', {}, { trigger: 'simple' })).toBe('LIMITED');
    expect(sb.run('openSheet', {}, { trigger: 'simple' })).toBe('Доступ');
    expect(() => sb.run('mail', {}, { trigger: 'simple' })).toThrow(/script\.send_mail/);
    expect(() => sb.run('makeTrigger', {}, { trigger: 'simple' })).toThrow(/script\.scriptapp/);
  });

  it('FULL (onInstall, menu items, installable triggers): everything the scopes allow', () => {
    const sb = sandbox();
    expect(sb.run('onOpen', {}, { trigger: 'simple', authMode: 'FULL' })).toBe('FULL');
    expect(sb.run('mail', {}, { trigger: 'simple', authMode: 'FULL' })).toBe('sent');
    expect(sb.run('mail')).toBe('sent');
  });
});

describe('protections (reference/spreadsheet/protection, range#protect())', () => {
  function restricted(to: string[], warningOnly = false) {
    const wb = workbook();
    wb.owner = ANNA;
    wb.sheets[0].protections.push({ range: 'A1:A10', description: 'система', warningOnly, editors: to });
    return wb;
  }

  it('an account that is not an editor cannot write there: Sheets’ own message', () => {
    const sb = sandbox(restricted([ANNA]), { user: BORIS });
    expect(() => sb.run('write', 'A2')).toThrow(MSG_PROTECTED);
    expect(sb.run('canEditFirst')).toBe(false);
    expect(sb.run('write', 'B2')).toBe('ok'); // outside the protected range
    expect(sb.workbook.sheets[0].cells[1]?.[0]?.v ?? null).toBeNull();
  });

  it('editors, the spreadsheet owner and warning-only protections let the write through', () => {
    expect(sandbox(restricted([BORIS]), { user: BORIS }).run('write', 'A2')).toBe('ok');
    expect(sandbox(restricted([]), { user: ANNA }).run('write', 'A2')).toBe('ok'); // the owner
    expect(sandbox(restricted([ANNA], true), { user: BORIS }).run('write', 'A2')).toBe('ok');
  });

  it('a protection whose editors were never set mirrors the spreadsheet: not enforced', () => {
    const wb = workbook();
    wb.sheets[0].protections.push({ range: 'A1:A10', description: '', warningOnly: false });
    expect(sandbox(wb, { user: BORIS }).run('write', 'A2')).toBe('ok');
  });

  it('the script keeps itself an editor when it restricts a range (removeEditors never drops the current user)', () => {
    const wb = workbook();
    const sb = sandbox(wb, { user: ANNA });
    expect(sb.run('restrict', 'C1:C5')).toBe(ANNA);
    sb.setUser(BORIS);
    expect(() => sb.run('write', 'C3')).toThrow(MSG_PROTECTED);
  });

  it('a trigger writes with its owner’s rights, not those of whoever has the sheet open', () => {
    const wb = restricted([ANNA]);
    const sb = sandbox(wb, { user: BORIS });
    wb.sheets[0].protections[0].range = 'B1:B10';
    wb.triggers.push({ id: 't1', handler: 'tick', type: 'CLOCK', atHour: 8, owner: ANNA });
    expect(sb.fireTrigger('t1')).toBe(ANNA);
    wb.triggers.push({ id: 't2', handler: 'tick', type: 'CLOCK', atHour: 8, owner: BORIS });
    expect(() => sb.fireTrigger('t2')).toThrow(MSG_PROTECTED);
  });
});

describe('what persists in <name>.kontrol.json', () => {
  it('trigger owners, protection editors and the spreadsheet owner survive a save and a load', async () => {
    const wb = workbook();
    wb.owner = ANNA;
    const sb = sandbox(wb, { user: BORIS });
    sb.run('makeTrigger');
    wb.sheets[0].protections.push({ range: 'A1:A3', description: 'x', warningOnly: false, editors: [ANNA] });
    const file = join(mkdtempSync(join(tmpdir(), 'kontrol-acc-')), 'acc.xlsx');
    await saveXlsx(wb, file);
    const back = await loadXlsx(file);
    expect(back.owner).toBe(ANNA);
    expect(back.triggers[0].owner).toBe(BORIS);
    expect(back.sheets[0].protections[0].editors).toEqual([ANNA]);
  });
});

describe('scopes of the manifest (reference/base/session «Authorization»)', () => {
  it('Session.getEffectiveUser needs userinfo.email in oauthScopes', () => {
    const sb = sandbox(workbook(), { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(() => sb.run('who')).toThrow(/userinfo\.email/);
    expect(sandbox().run('who')).toBe(`${DEFAULT_USER}|${DEFAULT_USER}`); // appsscript.json lists it
  });
});

describe('the web app’s execution context (reference/base/session, reference/lock/lock-service)', () => {
  const WEB = `${SCRIPT}
function doGet() {
  return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
    LockService.getDocumentLock() === null, SpreadsheetApp.getActive().getName()].join('|');
}
function ui() { return SpreadsheetApp.getUi(); }`;
  const web = (executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING', extra = {}) =>
    createSandbox({
      workbook: workbook(),
      code: WEB,
      user: BORIS,
      webApp: { executeAs, deployer: ANNA },
      ...extra,
    });

  it('«execute as me»: runs as the deployer; the visitor’s address is hidden unless same domain', () => {
    expect(web('USER_DEPLOYING').run('doGet', {}, { trigger: 'webapp' })).toBe(`|${ANNA}|true|Доступ`);
    expect(web('USER_DEPLOYING', { sameDomain: true }).run('doGet', {}, { trigger: 'webapp' })).toBe(
      `${BORIS}|${ANNA}|true|Доступ`,
    );
  });

  it('«execute as the user accessing»: runs as the visitor; no document lock, no Ui', () => {
    const sb = web('USER_ACCESSING');
    expect(sb.run('doGet', {}, { trigger: 'webapp' })).toBe(`${BORIS}|${BORIS}|true|Доступ`);
    expect(() => sb.run('ui', {}, { trigger: 'webapp' })).toThrow(/Cannot call SpreadsheetApp.getUi/);
  });
});
