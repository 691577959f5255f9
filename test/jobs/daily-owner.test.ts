// Spec «One daily check per spreadsheet», through the real bundle in a sandbox with several
// accounts. Apps Script facts relied on: installable triggers run as their creator and no other
// account can see them (guides/triggers/installable «Restrictions»); getProjectTriggers() lists
// only the user's, and getUserTriggers(spreadsheet) not the clock ones (reference/script/script-app); the document lock covers one spreadsheet,
// the script lock every document of the script (reference/lock/lock-service); a non-editor's write
// to a protected range is refused (reference/spreadsheet/protection).
import { describe, expect, it } from 'vitest';
import { OWNER_PROP, OWNER_SINCE_PROP } from '../../src/jobs/triggers';
import type { WorkbookModel } from '../../src/local/model';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { headerOf, journalRows, sandbox, setUpWorkbook, sheet } from '../reliability/harness';
import { NOW_WALL, scenarioWorkbook } from '../reliability/scenario';

const ANNA = 'anna@admin.example';
const BORIS = 'boris@admin.example';

function lastToast(sb: ReturnType<typeof sandbox>): string {
  const t = sb.ui.toasts.filter((x) => x.msg);
  return t[t.length - 1]?.msg ?? '';
}

function daily(wb: WorkbookModel) {
  return wb.triggers.filter((t) => t.handler === 'dailyRun');
}

describe('one daily check per spreadsheet', () => {
  it('the first account to enable it owns it; the owner and the date are in the document and in «Справка»', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    expect(daily(wb)).toHaveLength(1);
    expect(daily(wb)[0].owner).toBe(ANNA);
    expect(wb.properties.document[OWNER_PROP]).toBe(ANNA);
    expect(wb.properties.document[OWNER_SINCE_PROP]).toMatch(/^2026-03-02T/);
    expect(lastToast(sb)).toContain(`от имени ${ANNA}`);
    sb.setUser(BORIS);
    sb.run('menuHelp');
    expect(sb.ui.dialogs[0].html).toContain(`Автоматическую проверку ведёт ${ANNA} с 02.03.2026`);
  });

  it('a second account is told who runs it and gets no trigger', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    sb.setUser(BORIS);
    sb.run('menuEnableTrigger');
    expect(daily(wb)).toHaveLength(1);
    expect(daily(wb)[0].owner).toBe(ANNA);
    expect(lastToast(sb)).toContain(`уже ведёт ${ANNA} с 02.03.2026`);
    expect(wb.properties.document[OWNER_PROP]).toBe(ANNA);
  });

  it('«Выключить» by someone else names the owner and how they turn it off; the trigger stays', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    sb.setUser(BORIS);
    sb.run('menuDisableTrigger');
    expect(daily(wb)).toHaveLength(1);
    const msg = lastToast(sb);
    expect(msg).toContain(`ведёт ${ANNA}`);
    expect(msg).toContain('«Выключить автоматическую проверку»');
    expect(msg).not.toContain('выключена');
  });

  it('after the owner turns it off anyone may take over', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    sb.run('menuDisableTrigger');
    expect(daily(wb)).toHaveLength(0);
    expect(wb.properties.document[OWNER_PROP]).toBeUndefined();
    sb.setUser(BORIS);
    sb.run('menuEnableTrigger');
    expect(daily(wb).map((t) => t.owner)).toEqual([BORIS]);
    expect(wb.properties.document[OWNER_PROP]).toBe(BORIS);
    sb.run('menuHelp');
    expect(sb.ui.dialogs[0].html).toContain(`ведёт ${BORIS}`);
  });

  // Issue 25 item 15: the owner leaves and their account goes — its trigger stops (a trigger runs as
  // its creator, guides/triggers/installable); after STALE_OWNER_DAYS without a run another takes over.
  it('an owner whose check has not run for 3 days: another account takes it over; the old trigger steps aside', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    const annas = daily(wb)[0].id;
    expect(String(sb.fireTrigger(annas))).toMatch(/^Ежедневная проверка 02\.03\.2026/);
    sb.setUser(BORIS);
    sb.setNow(new Date('2026-03-04T05:20:00Z')); // two days later: still Anna's
    sb.run('menuEnableTrigger');
    expect(lastToast(sb)).toContain(`уже ведёт ${ANNA}`);
    expect(wb.properties.document[OWNER_PROP]).toBe(ANNA);
    sb.setNow(new Date('2026-03-06T05:20:00Z')); // no run since 02.03
    sb.run('menuEnableTrigger');
    expect(lastToast(sb)).toContain(`от имени ${ANNA} не выполнялась с 02.03.2026: теперь её ведёт ${BORIS}`);
    expect(wb.properties.document[OWNER_PROP]).toBe(BORIS);
    expect(
      daily(wb)
        .map((t) => t.owner)
        .sort(),
    ).toEqual([ANNA, BORIS].sort());
    const before = sb.mails.length;
    expect(String(sb.fireTrigger(annas))).toContain(`от имени ${ANNA} пропущена`);
    expect(sb.mails.length).toBe(before);
    expect(journalRows(wb).some((r) => r.result.includes(`теперь её ведёт ${BORIS}`))).toBe(true);
  });

  it('a trigger left from before the record: it adopts the check, or steps aside for the recorded owner', () => {
    const wb = setUpWorkbook();
    wb.triggers.push({ id: 'old', handler: 'dailyRun', type: 'CLOCK', atHour: 8, everyDays: 1, owner: ANNA });
    const sb = sandbox(wb, { user: BORIS });
    // Boris cannot see Anna's old trigger and enables his own: now Boris is on record.
    sb.run('menuEnableTrigger');
    expect(daily(wb)).toHaveLength(2);
    expect(wb.properties.document[OWNER_PROP]).toBe(BORIS);
    const before = sb.mails.length;
    expect(String(sb.fireTrigger('old'))).toContain(`от имени ${ANNA} пропущена`);
    expect(sb.mails.length).toBe(before);
    expect(journalRows(wb).some((r) => r.result.includes(`её ведёт ${BORIS}`))).toBe(true);
    // Without a record, the first scheduled run adopts the check for its owner.
    const wb2 = setUpWorkbook();
    wb2.triggers.push({ id: 'old', handler: 'dailyRun', type: 'CLOCK', atHour: 8, everyDays: 1, owner: ANNA });
    const sb2 = sandbox(wb2, { user: BORIS });
    expect(String(sb2.fireTrigger('old'))).toContain('Ежедневная проверка');
    expect(wb2.properties.document[OWNER_PROP]).toBe(ANNA);
  });

  it('the owner’s trigger runs the check whoever has the spreadsheet open', () => {
    const wb = setUpWorkbook();
    const sb = sandbox(wb, { user: ANNA });
    sb.run('menuEnableTrigger');
    sb.setUser(BORIS);
    expect(String(sb.fireTrigger(daily(wb)[0].id))).toMatch(/^Ежедневная проверка 02\.03\.2026/);
  });
});

describe('runs take the document lock', () => {
  it('a page action holding the script lock (a web app has no document lock) makes this one skip', () => {
    // reference/lock/lock-service: getDocumentLock() is null in a web app, so the page can only take
    // the script lock; in the bound script (the supported deployment) it guards this spreadsheet.
    const sb = sandbox(setUpWorkbook(), { lockHeldByOther: ['script'] });
    expect(String(sb.api('daily'))).toContain('уже выполняется другой запуск');
  });

  it('free locks: the run goes', () => {
    const result = String(sandbox(setUpWorkbook()).api('daily'));
    expect(result).toMatch(/^Ежедневная проверка \d\d\.\d\d\.\d{4}:/);
    expect(result).not.toContain('другой запуск');
  });

  it('another run in this spreadsheet (the document lock) makes this one skip', () => {
    const sb = sandbox(setUpWorkbook(), { lockHeldByOther: ['document'] });
    expect(String(sb.api('daily'))).toContain('уже выполняется другой запуск');
    const sb2 = sandbox(setUpWorkbook(), { lockHeldByOther: ['document'] });
    sb2.run('menuEnableTrigger');
    expect(lastToast(sb2)).toContain('другой запуск');
  });
});

describe('a write refused by a protection', () => {
  /** «Состояние» restricted to Anna (the owner); the check runs as Boris. */
  function restricted() {
    const wb = scenarioWorkbook();
    wb.owner = ANNA;
    const orders = sheet(wb, TAB.orders);
    const col = headerOf(orders).indexOf(ORDER_COL.state) + 1;
    const p = orders.protections.find((x) => x.range?.startsWith(String.fromCharCode(64 + col)));
    if (!p) throw new Error('setup protects «Состояние»');
    p.warningOnly = false;
    p.editors = [ANNA];
    return { wb, range: String(p.range) };
  }

  // Issue 24 item 7: Sheets may report the refusal at the next flush rather than at the call; then it
  // escapes at the SpreadsheetApp.flush() that ends the run (withLock) — the run must still end with
  // its line in «Журнал», not fail without one.
  it('reported late, at the flush: the run still ends, with the «Журнал» line naming the range', () => {
    const { wb, range } = restricted();
    const sb = sandbox(wb, { user: BORIS, at: NOW_WALL, protectionErrorAt: 'flush' });
    expect(String(sb.api('daily'))).toMatch(/^Ежедневная проверка/);
    const blocked = journalRows(wb).find((r) => r.result.includes('защищено'));
    expect(blocked?.action).toBe('Ежедневная проверка');
    expect(blocked?.result).toContain(`«${TAB.orders}»!${range}`);
    expect(blocked?.result).toContain(BORIS);
  });

  it("the sandbox option itself: the refused write is dropped, SpreadsheetApp.flush() throws Sheets' message", () => {
    const { wb } = restricted();
    const sb = sandbox(wb, { user: BORIS, protectionErrorAt: 'flush' });
    const orders = sheet(wb, TAB.orders);
    const col = headerOf(orders).indexOf(ORDER_COL.state) + 1;
    const addr = `${String.fromCharCode(64 + col)}2`;
    const before = orders.cells[1]?.[col - 1]?.v ?? null;
    const code = `(function () {
      SpreadsheetApp.getActive().getSheetByName('${TAB.orders}').getRange('${addr}').setValue('x');
      try { SpreadsheetApp.flush(); return 'no error'; } catch (e) { return e.message; }
    })()`;
    expect(sb.evaluate(code)).toMatch(/protected cell or object/);
    expect(orders.cells[1]?.[col - 1]?.v ?? null).toEqual(before);
  });

  it('becomes a «Журнал» line naming the range, and the rest of the run goes on', () => {
    const wb = scenarioWorkbook();
    wb.owner = ANNA;
    const orders = sheet(wb, TAB.orders);
    const col = headerOf(orders).indexOf(ORDER_COL.state) + 1;
    const letter = String.fromCharCode(64 + col);
    const p = orders.protections.find((x) => x.range?.startsWith(letter));
    expect(p, 'setup protects «Состояние»').toBeDefined();
    if (!p) return;
    // Anna, the owner, restricted the column to herself; the check runs as Boris.
    p.warningOnly = false;
    p.editors = [ANNA];
    const sb = sandbox(wb, { user: BORIS, at: NOW_WALL });
    const result = String(sb.api('daily'));
    expect(result).toMatch(/^Ежедневная проверка/);
    const rows = journalRows(wb);
    const blocked = rows.find((r) => r.action === 'Поручения');
    expect(blocked?.result).toContain(`«${TAB.orders}»!${p.range}`);
    expect(blocked?.result).toContain(BORIS);
    expect(rows.some((r) => r.action === 'Ежедневная проверка')).toBe(true);
  });
});
