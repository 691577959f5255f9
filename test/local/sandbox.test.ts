// The local Apps Script sandbox. Each strict behaviour cites the Apps Script page it copies.
// Bundles here are tiny inline strings, so these tests do not depend on dist/Code.js.
import { describe, expect, it } from 'vitest';
import { type CellModel, emptySheet, emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, type SandboxOptions } from '../../src/local/sandbox/index';

const REF = 'https://developers.google.com/apps-script/reference';

function book(...names: string[]): WorkbookModel {
  const wb = emptyWorkbook();
  for (const n of names) wb.sheets.push(emptySheet(n));
  return wb;
}

function make(code: string, opts: Partial<SandboxOptions> = {}) {
  const workbook = opts.workbook ?? book('Лист1');
  return createSandbox({ now: new Date('2026-03-02T06:00:00Z'), realElapsed: false, ...opts, workbook, code });
}

/** A bundle whose function `f` runs `body` (with `ss` and `sh` = first sheet in scope). */
function fn(body: string): string {
  return `var __Kontrol = { api: { run: function (a, p) { return f(p); } } };
function f(e) { var ss = SpreadsheetApp.getActive(); var sh = ss.getSheets()[0]; ${body} }`;
}

describe('vm context', () => {
  it('has only what Apps Script has (guides/v8-runtime): no require, process, timers, fetch, URL, TextEncoder, Buffer', () => {
    const sb = make(`function probe() {
      return ['require','process','module','exports','setTimeout','setInterval','setImmediate','queueMicrotask','fetch','URL',
        'TextEncoder','TextDecoder','Buffer','global','structuredClone','WebAssembly']
        .filter(function (k) { return typeof globalThis[k] !== 'undefined'; });
    }`);
    expect(sb.run('probe')).toEqual([]);
    const services = sb.evaluate(
      `['SpreadsheetApp','MailApp','ScriptApp','PropertiesService','LockService','Utilities','Session','HtmlService','Logger','console','Charts']
       .filter(function (k) { return typeof globalThis[k] === 'undefined'; })`,
    );
    expect(services).toEqual([]);
  });

  it('loads the IIFE global and top-level stubs; api() calls __Kontrol.api.run', () => {
    const sb = make(`var __Kontrol = (function () { return { hello: function (e) { return 'hi ' + e.who; },
      api: { run: function (a, p) { return a + '/' + p.x; } } }; })();
      function hello(e) { return __Kontrol.hello(e); }`);
    expect(sb.run('hello', { who: 'Ann' })).toBe('hi Ann');
    expect(sb.api('daily', { x: 7 })).toBe('daily/7');
    expect(() => sb.run('nope')).toThrow('Script function not found: nope');
  });

  it('Date: new Date() and Date.now() read the sandbox clock; other Date semantics are real', () => {
    const sb = make(
      `function t() { return [new Date().toISOString(), Date.now(), new Date(0).getTime(), new Date(2026, 0, 1) instanceof Date, typeof Date()]; }`,
    );
    const [iso, now, zero, inst, str] = sb.run('t') as unknown[];
    expect(iso).toBe('2026-03-02T06:00:00.000Z');
    expect(now).toBe(Date.parse('2026-03-02T06:00:00Z'));
    expect(zero).toBe(0);
    expect(inst).toBe(true);
    expect(str).toBe('string');
    sb.setNow(new Date('2027-01-01T00:00:00Z'));
    expect(sb.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('host events and params reach the bundle as its own realm objects (instanceof Date/Array work)', () => {
    const sb = make(
      `var __Kontrol = { api: { run: function (a, p) { return [p.d instanceof Date, p.list instanceof Array]; } } };`,
    );
    expect(sb.api('x', { d: new Date(), list: [1] })).toEqual([true, true]);
  });
});

describe('Range values', () => {
  it(`getValues gives Dates (midnight in the spreadsheet's zone) and '' for empty (${REF}/spreadsheet/range#getValues())`, () => {
    const wb = book('Лист1');
    wb.timeZone = 'Asia/Yekaterinburg';
    wb.sheets[0].cells = [[{ v: { kind: 'date', iso: '2026-02-01' } }, { v: null }, { v: 5 }, { v: 'x' }, { v: true }]];
    wb.sheets[0].cells.push([{ v: { kind: 'date', iso: '2026-02-01T10:30:00' } }]);
    const sb = make(
      fn(`var v = sh.getRange(1, 1, 2, 6).getValues();
        return [v[0][0] instanceof Date, v[0][0].toISOString(), v[0][1], v[0][2], v[0][3], v[0][4], v[0][5], v[1][0].toISOString(), v[1][1]];`),
      { workbook: wb },
    );
    expect(sb.run('f')).toEqual([
      true,
      '2026-01-31T19:00:00.000Z', // 00:00 at UTC+5
      '',
      5,
      'x',
      true,
      '',
      '2026-02-01T05:30:00.000Z',
      '',
    ]);
  });

  it(`setValues throws on a size mismatch with Apps Script's message (${REF}/spreadsheet/range#setValues(Object))`, () => {
    const sb = make(
      fn(`var r = sh.getRange(1, 1, 2, 3);
      var out = [];
      try { r.setValues([[1, 2, 3]]); } catch (x) { out.push(x.message); }
      try { r.setValues([[1, 2, 3], [4, 5]]); } catch (x) { out.push(x.message); }
      try { r.setValues([[1, 2, 3, 4], [1, 2, 3, 4]]); } catch (x) { out.push(x.message, x instanceof Error, x.name); }
      return out;`),
    );
    expect(sb.run('f')).toEqual([
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
      'The number of columns in the data does not match the number of columns in the range. The data has 4 but the range has 3.',
      true,
      'Exception',
    ]);
    // Nothing was written by the failed calls.
    expect(sb.workbook.sheets[0].cells.length).toBe(0);
  });

  it(`strings are taken as typed in a ru_RU sheet: '=' formula, apostrophe text, numbers, dates (${REF}/spreadsheet/range#setValue(Object))`, () => {
    const sb = make(
      fn(`sh.getRange(1, 1, 1, 12).setValues([['=SUM(B1:C1)', "'=keep", "'007", '123', '1,5', '01.02.2026', '1.2', '-abc', 'Текст', '2026-03-04', 'TRUE', '12%']]);
      return sh.getRange(1, 1, 1, 12).getValues()[0].map(function (v) { return v instanceof Date ? 'D' + v.toISOString() : v; })
        .concat(sh.getRange(1, 1, 1, 2).getFormulas()[0]);`),
    );
    const got = sb.run('f') as unknown[];
    expect(got).toEqual([
      '', // formulas are not evaluated
      '=keep',
      '007',
      123,
      1.5,
      'D2026-01-31T21:00:00.000Z', // 01.02.2026 00:00 Moscow
      'D2026-01-31T21:00:00.000Z', // ru_RU reads '1.2' as 1 February of the current year
      '#ERROR!', // '-abc' is a formula that does not parse, as when typed
      'Текст',
      'D2026-03-03T21:00:00.000Z',
      true,
      0.12,
      '=SUM(B1:C1)',
      '',
    ]);
    const cells = sb.workbook.sheets[0].cells[0];
    expect(cells[0]).toEqual({ v: null, formula: 'SUM(B1:C1)' });
    expect(cells[1].v).toBe('=keep');
    expect(cells[5].v).toEqual({ kind: 'date', iso: '2026-02-01' });
  });

  it("Date objects written become date cells in the spreadsheet's zone", () => {
    const sb = make(
      fn(`sh.getRange('A1:B1').setValues([[new Date('2026-02-01T21:00:00Z'), new Date('2026-02-02T07:15:00Z')]]);
      return sh.getRange('A1').getValue().getTime() === new Date('2026-02-01T21:00:00Z').getTime();`),
    );
    expect(sb.run('f')).toBe(true);
    expect(sb.workbook.sheets[0].cells[0].map((c) => c.v)).toEqual([
      { kind: 'date', iso: '2026-02-02' },
      { kind: 'date', iso: '2026-02-02T10:15:00' },
    ]);
  });

  it(`getRange outside the sheet throws; insertRowsAfter first (${REF}/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer))`, () => {
    const sb = make(
      fn(`var out = [];
      try { sh.getRange(1000, 1, 2, 1); } catch (x) { out.push(x.message); }
      try { sh.getRange(1, 27); } catch (x) { out.push(x.message); }
      try { sh.getRange(0, 1); } catch (x) { out.push(x.message); }
      try { sh.getRange(1, 1, 0, 1); } catch (x) { out.push(x.message); }
      sh.insertRowsAfter(sh.getMaxRows(), 5);
      sh.getRange(1000, 1, 2, 1).setValues([['a'], ['b']]);
      out.push(sh.getMaxRows(), sh.getLastRow());
      return out;`),
    );
    expect(sb.run('f')).toEqual([
      'The coordinates of the range are outside the dimensions of the sheet.',
      'The coordinates of the range are outside the dimensions of the sheet.',
      'The starting row of the range is too small.',
      'The number of rows in the range must be at least 1.',
      1005,
      1001,
    ]);
  });

  it(`an empty sheet's data range is A1 with '' (${REF}/spreadsheet/sheet#getDataRange())`, () => {
    const sb = make(
      fn(`var r = sh.getDataRange(); return [r.getA1Notation(), r.getValues(), sh.getLastRow(), sh.getLastColumn()];`),
    );
    expect(sb.run('f')).toEqual(['A1', [['']], 0, 0]);
  });

  it('getDisplayValues shows ru_RU dates and decimals; formats and notes round-trip', () => {
    const sb = make(
      fn(`var r = sh.getRange('A1:C1');
      r.setValues([['05.03.2026', 1.5, 'x']]);
      r.setBackgrounds([['#FF0000', null, '#00ff00']]);
      sh.getRange('C1').setNote('note').setFontWeight('bold');
      return [r.getDisplayValues()[0], r.getBackgrounds()[0], r.getNotes()[0], sh.getRange('C1').getFontWeight()];`),
    );
    expect(sb.run('f')).toEqual([
      ['05.03.2026', '1,5', 'x'],
      ['#ff0000', '#ffffff', '#00ff00'],
      ['', '', 'note'],
      'bold',
    ]);
  });

  it('appendRow, deleteRows, insertColumnsAfter keep the model consistent', () => {
    const sb = make(
      fn(`sh.appendRow(['a', 1]); sh.appendRow(['b', 2]); sh.appendRow(['c', 3]);
      sh.deleteRow(2);
      sh.insertColumnsAfter(1, 2);
      return [sh.getLastRow(), sh.getMaxColumns(), sh.getDataRange().getValues()];`),
    );
    expect(sb.run('f')).toEqual([
      2,
      28,
      [
        ['a', '', '', 1],
        ['c', '', '', 3],
      ],
    ]);
  });

  it('rich text links, data validation, conditional formats, protections, charts land in the model', () => {
    const sb = make(
      fn(`var link = SpreadsheetApp.newRichTextValue().setText('Открыть').setLinkUrl('https://example.com').build();
      sh.getRange('A1').setRichTextValue(link);
      var dv = SpreadsheetApp.newDataValidation().requireValueInList(['Да', 'Нет'], true).setAllowInvalid(false).setHelpText('Да или нет').build();
      sh.getRange('B2:B10').setDataValidation(dv);
      sh.getRange('B5').clearDataValidations();
      var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2="Просрочено"').setBackground('#f4cccc').setRanges([sh.getRange('A2:F')]).build();
      sh.setConditionalFormatRules(sh.getConditionalFormatRules().concat([rule]));
      sh.protect().setDescription('Только чтение').setWarningOnly(true);
      sh.getRange('A1:F1').protect().setDescription('Шапка');
      var chart = sh.newChart().setChartType(Charts.ChartType.BAR).addRange(sh.getRange('A1:B5')).setPosition(2, 8, 0, 0).setOption('title', 'Т').build();
      sh.insertChart(chart);
      return [sh.getRange('A1').getRichTextValue().getLinkUrl(), sh.getRange('B3').getDataValidation().getCriteriaType(),
        sh.getRange('B3').getDataValidation().getCriteriaValues()[0], sh.getRange('B5').getDataValidation(),
        sh.getProtections(SpreadsheetApp.ProtectionType.SHEET).length, sh.getCharts().length];`),
    );
    expect(sb.run('f')).toEqual(['https://example.com', 'VALUE_IN_LIST', ['Да', 'Нет'], null, 1, 1]);
    const m = sb.workbook.sheets[0];
    expect(m.cells[0][0]).toMatchObject({ v: 'Открыть', link: 'https://example.com' });
    expect(m.validations.map((v) => v.range).sort()).toEqual(['B2:B4', 'B6:B10']);
    expect(m.validations[0]).toMatchObject({
      kind: 'list',
      values: ['Да', 'Нет'],
      allowInvalid: false,
      helpText: 'Да или нет',
    });
    expect(m.conditionalFormats).toEqual([
      { ranges: ['A2:F'], formula: '=$C2="Просрочено"', condition: 'CUSTOM_FORMULA', background: '#f4cccc' },
    ]);
    expect(m.protections).toEqual([
      { description: 'Только чтение', warningOnly: true },
      { range: 'A1:F1', description: 'Шапка', warningOnly: false },
    ]);
    expect(m.charts[0]).toMatchObject({
      type: 'BAR',
      ranges: ['Лист1!A1:B5'],
      title: 'Т',
      anchorRow: 2,
      anchorColumn: 8,
    });
  });

  it('insertSheet rejects a duplicate name; getSheetByName returns null for a missing tab', () => {
    const sb = make(
      fn(`var s = ss.insertSheet('Отчёт'); var out = [s.getName(), ss.getSheets().length, ss.getSheetByName('Нет')];
      try { ss.insertSheet('Отчёт'); } catch (x) { out.push(x.message); }
      return out;`),
    );
    expect(sb.run('f')).toEqual([
      'Отчёт',
      2,
      null,
      'A sheet with the name "Отчёт" already exists. Please enter another name.',
    ]);
  });

  it('getValues of a 50 000 × 25 block takes well under a second', () => {
    const wb = book('T');
    const sh = wb.sheets[0];
    sh.maxRows = 50_000;
    sh.maxColumns = 25;
    for (let r = 0; r < 50_000; r++) {
      const row: CellModel[] = [];
      for (let c = 0; c < 25; c++)
        row.push({ v: c === 3 ? { kind: 'date', iso: `2026-01-${10 + (r % 20)}` } : c % 2 ? `t${r}` : r });
      sh.cells.push(row);
    }
    const sb = make(fn('return sh.getDataRange().getValues().length;'), { workbook: wb });
    sb.run('f'); // warm-up (JIT)
    const t = performance.now();
    expect(sb.run('f')).toBe(50_000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('triggers and limits', () => {
  it('a simple trigger cannot send mail, manage triggers or show dialogs (guides/triggers#restrictions)', () => {
    const code = `function onEdit(e) { MailApp.sendEmail('a@b.ru', 's', 'b'); }
      function onOpen(e) { SpreadsheetApp.getUi().createMenu('М').addItem('Пункт', 'x').addToUi(); ScriptApp.getProjectTriggers(); }
      function alertIt(e) { SpreadsheetApp.getUi().alert('hi'); }`;
    const sb = make(code);
    expect(() => sb.run('onEdit', {}, { trigger: 'simple' })).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => sb.run('onOpen', {}, { trigger: 'simple' })).toThrow(
      'You do not have permission to call ScriptApp.getProjectTriggers',
    );
    expect(sb.ui.menus).toEqual([{ name: 'М', items: [{ caption: 'Пункт', functionName: 'x' }] }]);
    expect(() => sb.run('alertIt', {}, { trigger: 'simple' })).toThrow('You do not have permission to call Ui.alert');
    expect(sb.mails).toEqual([]);
    // The same code from a menu or an installable trigger is allowed.
    sb.run('onEdit', {}, { trigger: 'installable' });
    expect(sb.mails.length).toBe(1);
    // A time-driven trigger has no Ui.
    expect(() => sb.run('alertIt', {}, { trigger: 'time' })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('a run is stopped at 6 minutes of sandbox time (guides/services/quotas: script runtime 6 min / execution)', () => {
    const code = `function long() { var sh = SpreadsheetApp.getActive().getSheets()[0];
      for (var i = 0; i < 1000; i++) { try { sh.getRange(1, 1).getValue(); } catch (e) { if (i > 500) return 'swallowed'; } Utilities.sleep(1000); } return 'done'; }`;
    const sb = make(code);
    expect(() => sb.run('long')).toThrow('Exceeded maximum execution time');
    // 360 s of sleeps passed; the call after that threw.
    expect(sb.calls['Utilities.sleep']).toBeGreaterThanOrEqual(360);
    // callCostMs and stopAfterCalls also end a run.
    const sb2 = make(
      `function f() { var ss = SpreadsheetApp.getActive(); for (var i = 0; i < 100; i++) ss.getName(); return 'ok'; }`,
      {
        callCostMs: 4000,
      },
    );
    expect(() => sb2.run('f')).toThrow('Exceeded maximum execution time');
    expect(sb2.calls['Spreadsheet.getName']).toBe(90);
    const sb3 = make(
      `function f() { var ss = SpreadsheetApp.getActive(); for (var i = 0; i < 10; i++) ss.getName(); return 'ok'; }`,
      {
        stopAfterCalls: 5,
      },
    );
    expect(() => sb3.run('f')).toThrow('Exceeded maximum execution time');
    const sb4 = make(`function f() { var ss = SpreadsheetApp.getActive(); ss.getName(); return 'ok'; }`, {
      stopAfterCalls: 5,
    });
    expect(sb4.run('f')).toBe('ok');
    expect(sb4.run('f')).toBe('ok'); // counted per run
  });

  it('a simple trigger is stopped at 30 s (guides/triggers#restrictions)', () => {
    const sb = make(`function onEdit(e) { for (var i = 0; i < 40; i++) Utilities.sleep(1000); }`);
    expect(() => sb.run('onEdit', {}, { trigger: 'simple' })).toThrow('Exceeded maximum execution time');
    sb.run('onEdit', {}, { trigger: 'installable' });
  });

  it(`ScriptApp: time-driven and spreadsheet triggers, lookup by handler, delete (${REF}/script/script-app)`, () => {
    const sb = make(`function install() {
      var have = ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); });
      if (have.indexOf('dailyRun') < 0) ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).inTimezone('Europe/Moscow').create();
      if (have.indexOf('onEditInstalled') < 0) ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
      return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction() + ':' + t.getEventType() + ':' + (t.getEventType() === ScriptApp.EventType.CLOCK); });
    }
    function drop() { ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === 'dailyRun') ScriptApp.deleteTrigger(t); }); }`);
    expect(sb.run('install')).toEqual(['dailyRun:CLOCK:true', 'onEditInstalled:ON_EDIT:false']);
    sb.run('install');
    expect(sb.workbook.triggers.length).toBe(2);
    expect(sb.workbook.triggers[0]).toMatchObject({
      handler: 'dailyRun',
      type: 'CLOCK',
      everyDays: 1,
      atHour: 7,
      timeZone: 'Europe/Moscow',
    });
    sb.run('drop');
    expect(sb.workbook.triggers.map((t) => t.handler)).toEqual(['onEditInstalled']);
  });

  it(`LockService: tryLock fails and waitLock throws when another execution holds the lock (${REF}/lock/lock#waitLock(Integer))`, () => {
    const code = `function f() { var l = LockService.getScriptLock(); var got = l.tryLock(5000); var msg = '';
      try { l.waitLock(10000); } catch (e) { msg = e.message; } return [got, l.hasLock(), msg]; }`;
    expect(make(code, { lockHeldByOther: true }).run('f')).toEqual([
      false,
      false,
      'Lock timeout: another process was holding the lock for too long.',
    ]);
    const sb = make(code);
    expect(sb.run('f')).toEqual([true, true, '']);
    // Locks are released when the execution ends.
    expect(sb.run('f')).toEqual([true, true, '']);
  });
});

describe('MailApp', () => {
  const send = `function f(e) { var out = [];
    for (var i = 0; i < e.n; i++) { try { MailApp.sendEmail({ to: e.to, cc: e.cc, subject: 'S' + i, body: 'B', htmlBody: '<b>B</b>', name: 'Контроль' }); out.push('ok'); }
      catch (x) { out.push(x.message); } }
    return out.concat([MailApp.getRemainingDailyQuota()]); }`;

  it('decrements the quota per recipient and throws the daily-limit error (guides/services/quotas)', () => {
    const sb = make(send, { mailQuota: 5 });
    expect(sb.run('f', { n: 3, to: 'a@x.ru', cc: 'b@x.ru' })).toEqual([
      'ok',
      'ok',
      'Service invoked too many times for one day: email.',
      1,
    ]);
    expect(sb.mails.map((m) => [m.to, m.cc, m.subject, m.name])).toEqual([
      ['a@x.ru', 'b@x.ru', 'S0', 'Контроль'],
      ['a@x.ru', 'b@x.ru', 'S1', 'Контроль'],
    ]);
    expect(sb.mails[0].at.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(sb.mailCalls()).toBe(4);
  });

  it('failMailAt makes the n-th sendEmail throw; bad addresses throw «Invalid email»', () => {
    const sb = make(send, { failMailAt: (n) => n === 2 });
    expect(sb.run('f', { n: 3, to: 'a@x.ru' })).toEqual(['ok', 'Invalid email: a@x.ru', 'ok', 98]);
    expect(sb.run('f', { n: 1, to: 'not-an-address' })).toEqual(['Invalid email: not-an-address', 98]);
  });

  it('the (recipient, subject, body, options) form', () => {
    const sb = make(
      `function f() { MailApp.sendEmail('a@x.ru, b@x.ru', 'Тема', 'Текст', { replyTo: 'r@x.ru', bcc: 'c@x.ru' }); }`,
    );
    sb.run('f');
    expect(sb.mails[0]).toMatchObject({
      to: 'a@x.ru,b@x.ru',
      bcc: 'c@x.ru',
      subject: 'Тема',
      body: 'Текст',
      replyTo: 'r@x.ru',
    });
    expect(sb.mailQuota()).toBe(97);
  });
});

describe('Utilities, properties, session, ui, logs', () => {
  it(`Utilities.formatDate uses Java patterns with English names (${REF}/utilities/utilities#formatDate(Date,String,String))`, () => {
    const sb = make(`function f() { var d = new Date('2026-03-02T06:05:09Z');
      return ['yyyy-MM-dd HH:mm:ss', 'dd.MM.yy', 'd.M.yyyy H:m', 'EEE, d MMM yyyy', 'EEEE MMMM', 'Z', 'XXX', "yyyy-MM-dd'T'HH:mm:ssXXX", 'hh a', "'o''clock'"]
        .map(function (p) { return Utilities.formatDate(d, 'Europe/Moscow', p); })
        .concat([Utilities.formatDate(d, 'GMT', 'HH:mm XXX'), Utilities.formatDate(d, 'GMT+5', 'HH:mm Z')]); }`);
    expect(sb.run('f')).toEqual([
      '2026-03-02 09:05:09',
      '02.03.26',
      '2.3.2026 9:5',
      'Mon, 2 Mar 2026',
      'Monday March',
      '+0300',
      '+03:00',
      '2026-03-02T09:05:09+03:00',
      '09 AM',
      "o'clock",
      '06:05 Z',
      '11:05 +0500',
    ]);
  });

  it('Utilities.sleep advances the clock; getUuid; base64', () => {
    const sb =
      make(`function f() { var a = Date.now(); Utilities.sleep(1500); return [Date.now() - a, Utilities.getUuid().length,
      Utilities.base64Encode('Привет'), Utilities.base64Decode('AQL/')]; }`);
    expect(sb.run('f')).toEqual([1500, 36, '0J/RgNC40LLQtdGC', [1, 2, -1]]);
  });

  it(`Utilities.gzip / ungzip round-trip a Blob (${REF}/utilities/utilities#gzip(BlobSource)); bytes not gzip fail`, () => {
    const sb = make(`function f() {
      var text = 'Поручение 💡 ' + new Array(200).join('уведомление отправлено; ');
      var z = Utilities.gzip(Utilities.newBlob(text));
      var b64 = Utilities.base64Encode(z.getBytes());
      var back = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(b64), 'application/x-gzip')).getDataAsString();
      var bad = ''; try { Utilities.ungzip(Utilities.newBlob('не gzip')); } catch (e) { bad = e.message; }
      return [z.getContentType(), b64.slice(0, 4), b64.length < text.length, back === text, bad]; }`);
    expect(sb.run('f')).toEqual(['application/x-gzip', 'H4sI', true, true, 'Could not decompress gzip.']);
  });

  it('PropertiesService stores in workbook.properties', () => {
    const sb =
      make(`function f() { var p = PropertiesService.getDocumentProperties(); p.setProperty('k', 1).setProperties({ a: 'x' });
      var before = p.getProperty('k'); p.deleteProperty('k');
      return [before, p.getProperty('k'), p.getProperties(), PropertiesService.getScriptProperties().getKeys()]; }`);
    expect(sb.run('f')).toEqual(['1', null, { a: 'x' }, []]);
    expect(sb.workbook.properties.document).toEqual({ a: 'x' });
  });

  it('Session, Ui prompt/alert scripts, toasts, sidebar, logs', () => {
    const sb = make(
      `function f() { var ui = SpreadsheetApp.getUi();
        var r1 = ui.prompt('Номер протокола', ui.ButtonSet.OK_CANCEL); var r2 = ui.prompt('Ещё');
        var a = ui.alert('Удалить?', 'Точно?', ui.ButtonSet.YES_NO);
        SpreadsheetApp.getActive().toast('Готово', 'Контроль');
        ui.showSidebar(HtmlService.createHtmlOutput('<p>x</p>').setTitle('Справка'));
        Logger.log('n=%s', 5); console.warn('w');
        return [Session.getActiveUser().getEmail(), Session.getScriptTimeZone(), r1.getResponseText(), r1.getSelectedButton() === ui.Button.OK,
          r2.getSelectedButton(), a]; }`,
      { prompts: ['12'], alerts: ['NO'], user: 'boss@adm.ru' },
    );
    expect(sb.run('f')).toEqual(['boss@adm.ru', 'Europe/Moscow', '12', true, 'CLOSE', 'NO']);
    expect(sb.ui.prompts).toEqual(['Номер протокола', 'Ещё']);
    expect(sb.ui.alerts).toEqual(['Удалить?: Точно?']);
    expect(sb.ui.toasts).toEqual([{ msg: 'Готово', title: 'Контроль' }]);
    expect(sb.ui.dialogs).toEqual([{ kind: 'sidebar', title: 'Справка', html: '<p>x</p>' }]);
    expect(sb.logs).toEqual(['n=5', 'WARN: w']);
  });

  it('HtmlService templates evaluate scriptlets', () => {
    const sb =
      make(`function f() { var t = HtmlService.createTemplate('<? for (var i = 0; i < n; i++) { ?><i><?= s ?></i><? } ?><?!= raw ?>');
      t.n = 2; t.s = '<b>'; t.raw = '<hr>'; return t.evaluate().getContent(); }`);
    expect(sb.run('f')).toBe('<i>&#60;b&#62;</i><i>&#60;b&#62;</i><hr>');
  });
});

describe('call counting', () => {
  it("counts every call by 'Class.method'; spreadsheetCalls sums the Spreadsheet service; resetCounters", () => {
    const sb = make(
      fn(`var v = sh.getDataRange().getValues(); sh.getRange(1, 1, 1, 2).setValues([[1, 2]]); sh.getRange('A1').setBackground('#fff');
      MailApp.getRemainingDailyQuota(); Utilities.formatDate(new Date(), 'UTC', 'yyyy'); return v.length;`),
    );
    sb.run('f');
    expect(sb.calls).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.setBackground': 1,
      'MailApp.getRemainingDailyQuota': 1,
      'Utilities.formatDate': 1,
    });
    expect(sb.spreadsheetCalls()).toBe(8);
    expect(sb.mailCalls()).toBe(1);
    sb.resetCounters();
    expect(sb.calls).toEqual({});
    expect(sb.spreadsheetCalls()).toBe(0);
  });

  it('editEvent builds an onEdit event over the sandbox range', () => {
    const sb = make(
      `function onEdit(e) { e.range.offset(0, 1).setValue('seen ' + e.value); return e.range.getA1Notation(); }`,
      {
        workbook: book('Поручения'),
      },
    );
    const e = sb.editEvent('Поручения', 'B3', { value: 'x' });
    expect(sb.run('onEdit', e, { trigger: 'simple' })).toBe('B3');
    expect(sb.workbook.sheets[0].cells[2][2].v).toBe('seen x');
  });
});
