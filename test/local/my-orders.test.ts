// «Мои поручения» without a browser: the signed links (domain), the web app's entry points in the
// sandbox (as strict as Apps Script), Spreadsheet calls per page action at two workbook sizes, the
// e-mails' personal links and next steps, the sidebar.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToHex, checkToken, issueToken, linkMessageV2 } from '../../src/domain/links';
import { parseEvents } from '../../src/domain/order-events';
import { CONTROLLER_LIST_MAX } from '../../src/jobs/my-orders-book';
import { appendRows } from '../../src/local/demo/util';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import type { HtmlOutputImpl } from '../../src/local/sandbox/services';
import {
  NOT_SUPPORTED,
  publicFunctions,
  runEntry,
  runServerFunction,
  servedDocument,
  webAppEvent,
} from '../../src/local/sandbox/webapp';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { at, day, orderRow, setSetting } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, order, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';

const mac = (m: string) => createHmac('sha256', 'secret').update(m).digest('hex');

describe('signed links (domain/links.ts)', () => {
  it('a link names one address and its last day; forged, altered, expired and malformed ones fail', () => {
    const t = issueToken('Ivanov@Adm.Test', '2026-03-10', 45, mac);
    expect(t.startsWith('ivanov@adm.test~2026-04-24~')).toBe(true);
    // Issue 19: the token also carries its day of issue and the address's link generation.
    expect(checkToken(t, '2026-04-24', mac)).toEqual({
      ok: true,
      email: 'ivanov@adm.test',
      expires: '2026-04-24',
      issued: '2026-03-10',
    });
    expect(checkToken(t, '2026-04-25', mac)).toEqual({ ok: false, reason: 'expired' });
    const sig = t.slice(t.lastIndexOf('~') + 1);
    expect(checkToken(`petrov@adm.test~2026-04-24~2026-03-10~0~${sig}`, TODAY, mac).ok).toBe(false);
    expect(checkToken(`ivanov@adm.test~2026-12-31~2026-03-10~0~${sig}`, TODAY, mac)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(checkToken(t, TODAY, (m) => createHmac('sha256', 'rotated').update(m).digest('hex')).ok).toBe(false);
    expect(checkToken('ivanov@adm.test', TODAY, mac)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkToken('', TODAY, mac)).toEqual({ ok: false, reason: 'missing' });
    expect(bytesToHex([-1, 0, 127, -128])).toBe('ff007f80');
  });
});

describe('the web app in the sandbox (strict as Apps Script)', () => {
  it('Utilities.computeHmacSha256Signature gives Java-signed bytes of HMAC-SHA256', () => {
    const sb = createSandbox({ workbook: buildBook().wb, code });
    const bytes = sb.evaluate("Utilities.computeHmacSha256Signature('message', 'key')") as number[];
    expect(bytes.length).toBe(32);
    expect(Math.min(...bytes)).toBeLessThan(0);
    expect(bytesToHex(bytes)).toBe(createHmac('sha256', 'key').update('message').digest('hex'));
  });

  it('ScriptApp.getService().getUrl() is null until deployed; addMetaTag takes only the allowed names', () => {
    const { wb } = buildBook();
    expect(createSandbox({ workbook: wb, code }).evaluate('ScriptApp.getService().getUrl()')).toBeNull();
    const sb = createSandbox({ workbook: wb, code, webAppUrl: BASE });
    expect(sb.evaluate('ScriptApp.getService().getUrl()')).toBe(BASE);
    expect(() => sb.evaluate("HtmlService.createHtmlOutput('x').addMetaTag('description', 'y')")).toThrow(
      /Invalid argument/,
    );
    // «Only specific meta tags are permitted: apple-mobile-web-app-capable, google-site-verification,
    // mobile-web-app-capable, and viewport.» (reference/html/html-output#addMetaTag)
    for (const name of [
      'viewport',
      'apple-mobile-web-app-capable',
      'mobile-web-app-capable',
      'google-site-verification',
    ])
      expect(sb.evaluate(`HtmlService.createHtmlOutput('x').addMetaTag('${name}', 'y').getMetaTags().length`)).toBe(1);
  });

  it('doGet must return an HtmlOutput; a web app run has no Ui and no active user', () => {
    const extra =
      "\nfunction doGet(e) { return 'text'; }\nfunction whoAmI() { return Session.getActiveUser().getEmail(); }\nfunction uiHere() { return SpreadsheetApp.getUi(); }";
    const sb = createSandbox({
      workbook: buildBook().wb,
      code: code + extra,
      user: IVANOV,
      webApp: { executeAs: 'USER_DEPLOYING', deployer: CONTROLLER },
    });
    expect(() => runEntry(sb, 'doGet', webAppEvent(new URLSearchParams('t=x')))).toThrow(NOT_SUPPORTED);
    expect(() => sb.invoke('uiHere', [], { trigger: 'webapp' })).toThrow(/Cannot call SpreadsheetApp.getUi/);
    // A menu global asks for the UI before anything else and refuses without it (src/entry/guard.ts).
    expect(sb.invoke('menuHelp', [], { trigger: 'webapp' })).toMatch(/^Отказано/);
    expect(sb.invoke('whoAmI', [], { trigger: 'webapp' })).toBe('');
    expect(sb.invoke('whoAmI', [], { trigger: 'menu' })).toBe(IVANOV);
  });

  it('google.script.run reaches public functions only; a Date result arrives as null', () => {
    const sb = createSandbox({ workbook: buildBook().wb, code });
    const names = publicFunctions(sb);
    expect(names).toContain('myOrdersSubmit');
    expect(names).not.toContain('api');
    expect(runServerFunction(sb, 'secret_', [], [...names, 'secret_'])).toMatchObject({ ok: false });
    expect(runServerFunction(sb, 'nope', [], names)).toEqual({
      ok: false,
      error: 'google.script.run.nope is not a function',
    });
    expect(runServerFunction(sb, 'myOrdersLoad', [new Date()], names)).toMatchObject({ ok: false });
    const r = runServerFunction(sb, 'myOrdersLoad', ['forged~2026-12-31~00'], names);
    expect(r).toMatchObject({ ok: true, value: { ok: false, linkError: { title: 'Ссылка недействительна' } } });
    expect(JSON.stringify(r)).not.toContain('Поручение');
  });

  it('the served page takes its title and viewport from HtmlOutput, not from tags in the HTML', () => {
    const sb = createSandbox({ workbook: buildBook().wb, code });
    const out = sb.evaluate(
      "HtmlService.createHtmlOutput('<html><head><title>x</title><meta name=\"viewport\" content=\"width=1200\"></head><body>b</body></html>').setTitle('Т').addMetaTag('viewport', 'width=device-width')",
    ) as HtmlOutputImpl;
    const html = servedDocument(out, ['f']);
    expect(html).toContain('<title>Т</title>');
    expect(html).toContain('<meta name="viewport" content="width=device-width">');
    expect(html).not.toContain('width=1200');
    expect(html).not.toContain('<title>x</title>');
  });
});

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

/** Spreadsheet calls of one page load and one «Готово» through the page. */
function callsPerAction(extraOrders: number) {
  const { wb } = buildBook(extraOrders);
  const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
  const token = tokenFor(sb, IVANOV);
  sb.resetCounters();
  const loaded = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as {
    data: { lists: { orders: { number: string; version: string }[] } };
  };
  const load = sb.spreadsheetCalls();
  const v = loaded.data.lists.orders.find((o) => o.number === 'П1-1')?.version;
  sb.resetCounters();
  const r = sb.invoke(
    'myOrdersSubmit',
    [{ token, action: { kind: 'order', number: 'П1-1', version: v, status: 'Готово', progress: 'Сделано' } }],
    { trigger: 'webapp' },
  ) as { ok: boolean; message: string };
  expect(r.ok, r.message).toBe(true);
  const submit = sb.spreadsheetCalls();
  expect(orderRow(wb, 'П1-1')[ORDER_COL.doneDate]).toBe(TODAY);
  return { load, submit, calls: { ...sb.calls } };
}

describe('Spreadsheet calls per page action', () => {
  it('do not grow with the number of orders (10 and 2 010 orders)', () => {
    const small = callsPerAction(0);
    const big = callsPerAction(2000);
    console.log(`page calls: load ${small.load}/${big.load}, «Готово» ${small.submit}/${big.submit}`);
    expect(big.load).toBe(small.load);
    expect(big.submit).toBe(small.submit);
    // Issue 23: the page finds the person's rows with a TextFinder and reads only those (a getRow
    // per hit, a getRange + getValues per run of rows), so calls follow the person's rows — here
    // Иванов's six (П1-1, П1-2, П1-4 as a co-executor, П1-6 done; П1-3 and П1-7 as Петров's substitute) — and
    // the 2 000 other orders add none (above).
    const rows = 6;
    // Fixed part: the small tabs, three searches (the person's two columns, «№» of the order changed), the
    // header, the lock, the writes and «Журнал»; then three calls per row (getRow, getRange, getValues).
    // «Протоколы» too since every card names its protocol's date and meeting (issue 25 п.9): found by
    // «№» like the orders (its header, one search, the rows of the protocols named — one here), +6.
    expect(small.submit).toBeLessThanOrEqual(56 + 3 * rows);
    expect(small.calls['TextFinder.findAll']).toBeGreaterThan(0);
  });
});

describe('e-mails carry the personal link and say what to do next', () => {
  it('the daily check mails each executor their link and, per order, the next step and the cut-off', () => {
    const { wb } = buildBook();
    setSetting(wb, 'Срок действия ссылок, дней', 10);
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    sb.api('daily');
    const mail = sb.mails.find((m) => m.to === IVANOV);
    expect(mail).toBeDefined();
    const link = /http:\/\/127\.0\.0\.1:8080\/\?t=\S+/.exec(mail?.body ?? '')?.[0] ?? '';
    const token = decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
    expect(token.split('~').slice(0, 2)).toEqual([IVANOV, '2026-03-20']);
    const secret = wb.properties.script['kontrol.linkSecret'];
    // v2 (issue 19): «адрес~окончание~выдана~поколение~подпись», the MAC over all four.
    expect(token.split('~').slice(2, 4)).toEqual([TODAY, '0']);
    expect(token.split('~')[4]).toBe(
      createHmac('sha256', secret)
        .update(linkMessageV2(IVANOV, '2026-03-20', TODAY, 0))
        .digest('hex'),
    );
    expect(mail?.body).toContain('Что сделать: отметьте ход исполнения или «Готово» на странице «Мои поручения»');
    expect(mail?.body).toContain('перенос срока можно запросить до 17.03.2026');
    expect(mail?.htmlBody).toContain('открыть «Мои поручения»');
    const controller = sb.mails.find((m) => m.to === CONTROLLER);
    expect(controller?.body).toContain('решите по запросу — «Согласован» или «Отклонён»');
  });

  it('without a web app the mail says to work in the sheet and has no page link', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false });
    sb.api('daily');
    const mail = sb.mails.find((m) => m.to === IVANOV);
    expect(mail?.body).not.toContain('?t=');
    expect(mail?.body).toContain('«Готово» в таблице');
  });
});

describe('the controller list costs what it shows (issue 23)', () => {
  it(`reads at most ${CONTROLLER_LIST_MAX} rows with a request, in the sheet's order, and says where the rest are`, () => {
    const { wb } = buildBook();
    const extra = Array.from({ length: CONTROLLER_LIST_MAX + 5 }, (_, i) =>
      order(`П1-${100 + i}`, 'Сидорова С.С.', '2026-03-30', {
        'Запрошенный срок': { date: '2026-04-30' },
        'Обоснование переноса': 'Ждём поставку',
      }),
    );
    appendRows(wb, TAB.orders, extra);
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const page = sb.invoke('myOrdersLoad', [tokenFor(sb, CONTROLLER)], { trigger: 'webapp' }) as {
      ok: boolean;
      message: string;
      data: { notice?: string; lists: { extensions: { number: string }[] } };
    };
    expect(page.ok).toBe(true);
    const shown = page.data.lists.extensions.map((x) => x.number);
    // П1-7 (Петров's pending request) comes first in the sheet; then the first new rows.
    expect(shown.length).toBe(CONTROLLER_LIST_MAX);
    expect(shown[0]).toBe('П1-7');
    expect(shown).toContain(`П1-${100 + CONTROLLER_LIST_MAX - 2}`);
    expect(shown).not.toContain(`П1-${100 + CONTROLLER_LIST_MAX - 1}`);
    expect(page.message).toBe(page.data.notice);
    expect(page.message).toContain(`(всего таких строк ${CONTROLLER_LIST_MAX + 6})`);
    expect(page.message).toContain('«Решение по переносу»');
    // An executor's page says nothing of it.
    const mine = sb.invoke('myOrdersLoad', [tokenFor(sb, IVANOV)], { trigger: 'webapp' }) as { message: string };
    expect(mine.message).toBe('');
  });
});

describe('the controller in the «решением давшего поручение» mode', () => {
  it('sees orders awaiting removal and records «Снято» (001 гл.7 п.2.4.15: the one who gave the order removes it)', () => {
    const { wb } = buildBook();
    setSetting(wb, 'Снятие с контроля', 'решением давшего поручение');
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const token = tokenFor(sb, CONTROLLER);
    const page = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as {
      data: { lists: { removals: { number: string; version: string }[] } };
    };
    const item = page.data.lists.removals.find((x) => x.number === 'П1-6');
    expect(item).toBeDefined();
    const r = sb.invoke(
      'myOrdersSubmit',
      [{ token, action: { kind: 'removal', number: 'П1-6', version: item?.version, decision: 'Снято' } }],
      { trigger: 'webapp' },
    ) as { ok: boolean; message: string };
    expect(r.ok, r.message).toBe(true);
    expect(orderRow(wb, 'П1-6')[ORDER_COL.removal]).toBe('Снято');
    // An executor's link cannot decide.
    const mine = tokenFor(sb, IVANOV);
    const refused = sb.invoke(
      'myOrdersSubmit',
      [{ token: mine, action: { kind: 'removal', number: 'П1-6', version: item?.version, decision: 'Не снято' } }],
      { trigger: 'webapp' },
    ) as { ok: boolean; message: string };
    expect(refused).toMatchObject({ ok: false, message: 'Снимать с контроля может только контролёр.' });
  });
});

describe('menu items', () => {
  it('«Мои поручения» opens the same page in a sidebar for the signed-in user', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), user: IVANOV });
    sb.run('menuMyOrders');
    const bar = sb.ui.dialogs.find((x) => x.kind === 'sidebar');
    expect(bar?.title).toBe('Мои поручения');
    expect(bar?.html).toContain('"number":"П1-2"');
    expect(bar?.html).not.toContain('Чужое поручение');
  });

  it('a periodic order’s «Готово» on the page: asks the late reason, rolls over at once; the daily check after it adds nothing (issue 22)', () => {
    const { wb } = buildBook();
    appendRows(wb, TAB.orders, [
      order('П3-1', 'Иванов И.И.', '2026-03-06', {
        Периодичность: 'Ежемесячно',
        'Первоначальный срок': { date: '2026-03-06' },
        Состояние: 'Просрочено',
      }),
    ]);
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const token = tokenFor(sb, IVANOV);
    const page = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as {
      data: { lists: { orders: { number: string; version: string }[] } };
    };
    const version = page.data.lists.orders.find((o) => o.number === 'П3-1')?.version ?? '';
    const submit = (extra: Record<string, string>) =>
      sb.invoke(
        'myOrdersSubmit',
        [{ token, action: { kind: 'order', number: 'П3-1', version, status: 'Готово', ...extra } }],
        { trigger: 'webapp' },
      ) as { ok: boolean; message: string };
    // After the term (06.03) the server refuses «Готово» without the reason, as the page does (001 гл.8 п.2.3.2).
    expect(submit({}).message).toContain('укажите причину нарушения срока');
    expect(orderRow(wb, 'П3-1')[ORDER_COL.status]).toBe('В процессе 0');
    const r = submit({ lateReason: 'Ждали данные казначейства' });
    expect(r.ok, r.message).toBe(true);
    const rolled = { ...orderRow(wb, 'П3-1') };
    expect(rolled).toMatchObject({
      [ORDER_COL.deadline]: '2026-04-06',
      [ORDER_COL.status]: 'В процессе 0',
      [ORDER_COL.doneDate]: '',
      [ORDER_COL.lateReason]: '',
    });
    expect(String(rolled[ORDER_COL.history])).toContain(
      '10.03.2026: исполнено повторение со сроком 06.03.2026, дата исполнения 10.03.2026, причина нарушения срока: Ждали данные казначейства; следующий срок 06.04.2026',
    );
    // The daily check the same evening: nothing left to roll over or to record (its notices and the
    // unit's first record, #20, aside).
    day(sb, TODAY);
    const after = orderRow(wb, 'П3-1');
    const events = (h: unknown) => parseEvents(String(h)).filter((e) => e.kind !== 'unit');
    expect(events(after[ORDER_COL.history])).toEqual(events(rolled[ORDER_COL.history]));
    expect(String(after[ORDER_COL.history])).not.toMatch(/повторение со сроком 06\.04/);
    for (const h of [ORDER_COL.deadline, ORDER_COL.status, ORDER_COL.doneDate]) expect(after[h], h).toEqual(rolled[h]);
    // The move to the next occurrence is no extension (the check fills the blank count with 0).
    expect(Number(after[ORDER_COL.extensions] || 0)).toBe(0);
  });

  it('doPost applies a plain form post (the same checks) and answers with the page', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const token = tokenFor(sb, IVANOV);
    const page = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as {
      data: { lists: { orders: { number: string; version: string }[] } };
    };
    const version = page.data.lists.orders.find((o) => o.number === 'П1-4')?.version ?? '';
    const body = new URLSearchParams({
      t: token,
      kind: 'order',
      number: 'П1-4',
      version,
      progress: 'Письмо УК отправлено',
    });
    const out = runEntry(
      sb,
      'doPost',
      webAppEvent(new URLSearchParams(), { type: 'application/x-www-form-urlencoded', body: body.toString() }),
    );
    expect(out.getContent()).toContain('запись о ходе исполнения добавлена');
    expect(orderRow(wb, 'П1-4')[ORDER_COL.progress]).toBe('10.03.2026: Письмо УК отправлено');
  });
});

describe('kontrol serve', () => {
  // The same server in the no-active mode is the browser file's case; one spawn per suite is enough.
  it.skipIf(process.env.KONTROL_NO_ACTIVE === '1')(
    'refuses a bad port or address (exit 2), serves the page from the built bundle and stops on request',
    async () => {
      const { main } = await import('../../src/local/cli');
      const { saveXlsx } = await import('../../src/local/xlsx');
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'kontrol-serve-'));
      const file = join(dir, 'book.xlsx');
      await saveXlsx(buildBook().wb, file);
      const out: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
      expect(await main(['serve', file, '--port', 'x'], io)).toBe(2);
      expect(await main(['serve', file, '--base-url', 'ftp://x'], io)).toBe(2);
      const stop = new AbortController();
      const running = main(['serve', file, '--port', '0', '--today', TODAY, '--user', IVANOV], {
        ...io,
        signal: stop.signal,
      });
      for (let i = 0; i < 200 && !out.some((l) => l.startsWith('Личная ссылка')); i++)
        await new Promise((r) => setTimeout(r, 50));
      const link = /http:\/\/127\.0\.0\.1:\d+\/\?t=\S+/.exec(out.join('\n'))?.[0] ?? '';
      const html = await (await fetch(link)).text();
      expect(html).toContain('<title>Мои поручения</title>');
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toContain('"number":"П1-2"');
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/);
      stop.abort();
      expect(await running).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    },
  );
});

describe('the date self-check on the page (issue 13 item 4)', () => {
  it('a zone our arithmetic gets wrong: the page shows and changes nothing, in Russian', () => {
    const { wb } = buildBook();
    // Moscow pinned to UTC+3 in Google's formatter: right today, wrong for 2013 (UTC+4 then).
    const sb = createSandbox({
      workbook: wb,
      code,
      now: at(TODAY),
      realElapsed: false,
      webAppUrl: BASE,
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    const token = tokenFor(sb, IVANOV);
    const loaded = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as { ok: boolean; message: string };
    expect(loaded.ok).toBe(false);
    expect(loaded.message).toContain('даты в таблице не удаётся рассчитать');
    expect(loaded).not.toHaveProperty('data');
    const before = JSON.stringify(wb);
    const r = sb.invoke(
      'myOrdersSubmit',
      [{ token, action: { kind: 'order', number: 'П1-1', version: 'x', status: 'Готово' } }],
      { trigger: 'webapp' },
    ) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Сообщите специалисту по контролю');
    expect(JSON.stringify(wb)).toBe(before);
  });
});

describe('the page’s new actions refuse what the person may not do (issue 25 п.9–10)', () => {
  it('only the controller searches or moves a «Срок»; «Готово» is taken back only the day it was set', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const run = (email: string, action: Record<string, unknown>) =>
      sb.invoke('myOrdersSubmit', [{ token: tokenFor(sb, email), action }], { trigger: 'webapp' }) as {
        ok: boolean;
        message: string;
        data?: { lists: { done?: { number: string; version: string; mayUndo: boolean }[] } };
      };
    const search = run(IVANOV, { kind: 'search', number: '', version: '', query: 'П1', executor: '' });
    expect(search).toMatchObject({ ok: false, message: 'Искать по всем поручениям может только контролёр.' });
    expect(search.data).toBeUndefined();
    const moved = run(IVANOV, { kind: 'control', number: 'П1-5', version: 'x', deadline: '01.05.2026' });
    expect(moved).toMatchObject({ ok: false, message: 'Менять срок со страницы может только контролёр.' });
    expect(orderRow(wb, 'П1-5')[ORDER_COL.deadline]).toBe('2026-03-30');
    // П1-6 was marked done on 04.03: too late to take back from the page.
    const loaded = sb.invoke('myOrdersLoad', [tokenFor(sb, IVANOV)], { trigger: 'webapp' }) as NonNullable<
      ReturnType<typeof run>
    >;
    const p16 = loaded.data?.lists.done?.find((x) => x.number === 'П1-6');
    expect(p16?.mayUndo).toBe(false);
    const undo = run(IVANOV, { kind: 'undo', number: 'П1-6', version: p16?.version });
    expect(undo.ok).toBe(false);
    expect(undo.message).toContain('можно отменить только в день, когда она сделана (04.03.2026)');
    expect(orderRow(wb, 'П1-6')[ORDER_COL.status]).toBe('Готово');
    const found = run(CONTROLLER, { kind: 'search', number: '', version: '', query: 'справку', executor: '' });
    expect(found.message).toBe('Найдено: 1.');
  });
});
