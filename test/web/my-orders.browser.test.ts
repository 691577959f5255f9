// «Мои поручения» in a real browser (Debian's Chromium driven by playwright-core): the page served by
// `kontrol serve` from the built bundle, each action checked in the .xlsx on disk. One browser for
// the file; screenshots at 360 and 1280 px go to test-artifacts/ (gitignored).
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkMessage } from '../../src/domain/links';
import { appendRows } from '../../src/local/demo/util';
import { createSandbox } from '../../src/local/sandbox/index';
import { type Served, startServe } from '../../src/local/serve';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { at, orderRow, rowsOf } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, order, SIDOROVA, TODAY, XSS } from './fixture';

const BELOVA = 'belova@adm.test';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');

let dir: string;
let file: string;
let served: Served;
let browser: Browser;

/** The workbook as saved on disk (slow: exceljs reads the whole file). */
async function disk() {
  await served.idle();
  return loadXlsx(file);
}

/** The workbook the server saved last (the same data; fast). */
async function saved() {
  await served.idle();
  return served.model();
}

async function open(email: string, width = 360): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height: 800 },
    isMobile: width < 500,
    hasTouch: width < 500,
    locale: 'ru-RU',
  });
  const page = await ctx.newPage();
  await page.goto(await served.linkFor(email));
  return page;
}

async function submit(page: Page, number: string, fill: (form: ReturnType<Page['locator']>) => Promise<unknown>) {
  const form = page.locator(`[data-order="${number}"]`);
  await fill(form);
  // Code run in the page is given as text: this project's TypeScript has no DOM types.
  await page.evaluate("document.getElementById('status').textContent = ''");
  await form.locator('button[type=submit]').click();
  await page.locator('#status p').waitFor();
  return (await page.locator('#status p').textContent()) ?? '';
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kontrol-page-'));
  file = join(dir, 'book.xlsx');
  mkdirSync(ARTIFACTS, { recursive: true });
  // Only the tabs the page uses: the lean and appeals tabs would only make every save slower.
  const { wb } = buildBook(0, { pageTabsOnly: true });
  // The controller's page (issue 25 п.10): the controller by name, and overdue orders of two
  // executors in two units as the daily check left them («Состояние» = «Просрочено»).
  appendRows(wb, TAB.executors, [
    { ФИО: 'Контролёва К.К.', 'Эл. почта': CONTROLLER, Подразделение: 'Орготдел' },
    { ФИО: 'Орлова О.О.', 'Эл. почта': 'orlova@adm.test', Подразделение: 'Архитектура' },
  ]);
  appendRows(wb, TAB.orders, [
    order('П0-1', 'Сидорова С.С.', '2026-03-02', { Поручение: 'Сдать сведения о дорогах', Состояние: 'Просрочено' }),
    order('П0-2', 'Орлова О.О.', '2026-03-04', { Поручение: 'Согласовать эскиз сквера', Состояние: 'Просрочено' }),
    order('П0-3', 'Сидорова С.С.', '2026-03-05', { Поручение: 'Отчёт по обращениям', Состояние: 'Просрочено' }),
  ]);
  // Control between the dates (issue 22): Белова's monthly report, past its term (06.03), with an
  // interim date, a co-executor's date and a plan of measures.
  appendRows(wb, TAB.executors, [{ ФИО: 'Белова Б.Б.', 'Эл. почта': BELOVA, Подразделение: 'Финансы' }]);
  appendRows(wb, TAB.orders, [
    order('П2-1', 'Белова Б.Б.', '2026-03-06', {
      Поручение: 'Ежемесячно представлять отчёт об исполнении бюджета',
      Соисполнители: 'Орлова О.О., Сидорова С.С.',
      Периодичность: 'Ежемесячно',
      'Действует до': { date: '2026-12-31' },
      'Промежуточный срок': { date: '2026-03-16' },
      'Срок соисполнителям': { date: '2026-03-02' },
      'Первоначальный срок': { date: '2026-03-06' },
    }),
  ]);
  appendRows(wb, TAB.measurePlans, [
    {
      '№ поручения': 'П2-1',
      Мероприятие: 'Свести данные казначейства',
      Срок: { date: '2026-03-04' },
      Ответственный: 'Белова Б.Б.',
      'Отметка о выполнении': 'Выполнено',
    },
    { '№ поручения': 'П2-1', Мероприятие: 'Согласовать отчёт с финансовым управлением', Срок: { date: '2026-03-05' } },
  ]);
  // Done and archived: within 30 days (listed) and before them (not).
  appendRows(wb, TAB.archive, [
    order('П0-8', 'Иванов И.И.', '2026-01-20', {
      Статус: 'Готово',
      'Дата исполнения': { date: '2026-02-01' },
      'Дата архивации': { date: '2026-02-09' },
    }),
    order('П0-9', 'Иванов И.И.', '2026-02-20', {
      Поручение: 'Отчёт за январь',
      Статус: 'Готово',
      'Дата исполнения': { date: '2026-02-24' },
      'Дата архивации': { date: '2026-03-03' },
    }),
  ]);
  await saveXlsx(wb, file);
  served = await startServe({ file, code, port: 0, now: () => at(TODAY) });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir: playwright refuses it in launch() and gives every launch a fresh profile.
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('«Мои поручения» in Chromium', () => {
  it('shows an executor only their orders, soonest first, a substitute’s marked; HTML in the text never runs', async () => {
    const page = await open(IVANOV);
    const numbers = await page
      .locator('[data-order]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order')));
    expect(numbers).toEqual(['П1-2', 'П1-1', 'П1-3', 'П1-4', 'П1-7']);
    await expect(page.locator('[data-order="П1-3"]').getAttribute('data-role')).resolves.toBe('substitute');
    expect(await page.locator('[data-order="П1-3"] .role').textContent()).toContain('замещаете Петров П.П.');
    expect(await page.locator('[data-order="П1-4"] .role').textContent()).toContain('соисполнитель');
    // The text is shown as text: the markup is visible, nothing ran, no element was made from it.
    expect(await page.locator('[data-order="П1-1"] .text').textContent()).toBe(
      `${XSS}Отремонтировать кровлю школы № 3`,
    );
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('[data-order="П1-1"] img').count()).toBe(0);
    expect(await page.content()).not.toContain('Чужое поручение');
    await page.screenshot({ path: join(ARTIFACTS, 'my-orders-360.png'), fullPage: true });
    await page.context().close();
  });

  it('fits 360 px without sideways scrolling; every control has a label; 1280 px looks right', async () => {
    for (const width of [360, 1280]) {
      const page = await open(IVANOV, width);
      await page.locator('[data-order="П1-1"] summary').click();
      const m = (await page.evaluate(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        unlabelled: [...document.querySelectorAll('input, select, textarea, button')]
          .filter((e) => e.tagName === 'BUTTON' ? !e.textContent.trim() : e.labels.length === 0 && !e.getAttribute('aria-label'))
          .map((e) => e.outerHTML),
        controls: document.querySelectorAll('input, select, textarea').length,
      })`)) as { scroll: number; client: number; unlabelled: string[]; controls: number };
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      expect(m.controls).toBeGreaterThan(8);
      expect(m.unlabelled).toEqual([]);
      if (width === 1280) await page.screenshot({ path: join(ARTIFACTS, 'my-orders-1280.png'), fullPage: true });
      await page.context().close();
    }
  });

  it('a refused date keeps everything typed, the section open and the message beside the field; phone dates read (issue 25 п.7–8)', async () => {
    for (const width of [360, 1280]) {
      const page = await open(IVANOV, width);
      const f = page.locator('[data-order="П1-1"]');
      await f.locator('summary').click();
      await f.locator('textarea[name=progress]').fill('Кровля вскрыта');
      await f.locator('input[name=requestedDate]').fill('31.11.2026');
      await f.locator('textarea[name=reason]').fill('Ждём подрядчика');
      await f.locator('button[type=submit]').click();
      const error = f.locator('[data-field=requestedDate] .field-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        'Не удалось прочитать дату «31.11.2026»: такого дня нет — в ноябре 2026 г. 30 дн.',
      );
      expect(await f.locator('details').getAttribute('open')).toBe('');
      expect(await f.locator('input[name=requestedDate]').inputValue()).toBe('31.11.2026');
      expect(await f.locator('textarea[name=reason]').inputValue()).toBe('Ждём подрядчика');
      expect(await f.locator('textarea[name=progress]').inputValue()).toBe('Кровля вскрыта');
      expect(await f.locator('input[name=requestedDate]').getAttribute('aria-invalid')).toBe('true');
      // Our check, not the browser's English bubble: no control carries a browser constraint.
      expect(
        await page.evaluate(
          "[...document.querySelectorAll('input, select, textarea')].filter((e) => e.required || e.pattern || e.validationMessage).length",
        ),
      ).toBe(0);
      if (width === 1280) {
        // The wide layout is looked at; the typing paths below are the phone's.
        await page.screenshot({ path: join(ARTIFACTS, 'my-orders-date-error-1280.png'), fullPage: true });
        await page.context().close();
        continue;
      }
      await f.screenshot({ path: join(ARTIFACTS, 'my-orders-date-error-360.png') });
      // The next keystroke retires the stale message. A numeric keypad has no dot: digits are read.
      await f.locator('input[name=requestedDate]').fill('');
      expect(await f.locator('.field-error').count()).toBe(0);
      await f.locator('input[name=requestedDate]').pressSequentially('09032026');
      await f.locator('input[name=requestedDate]').press('Tab');
      expect(await f.locator('input[name=requestedDate]').inputValue()).toBe('09.03.2026');
      await f.locator('button[type=submit]').click();
      expect(await error.textContent()).toBe('Новый срок 09.03.2026 должен быть позже сегодняшнего дня.');
      // A full keyboard: «18/12/26»; the native calendar fills the field in as ДД.ММ.ГГГГ.
      await f.locator('input[name=requestedDate]').fill('18/12/26');
      await f.locator('input[name=requestedDate]').press('Tab');
      expect(await f.locator('input[name=requestedDate]').inputValue()).toBe('18.12.2026');
      await f.locator('input.picker').fill('2026-04-20');
      expect(await f.locator('input[name=requestedDate]').inputValue()).toBe('20.04.2026');
      expect(await f.locator('.field-error').count()).toBe(0);
      if (width === 360) {
        const said = await submit(page, 'П1-1', async () => {});
        expect(said).toContain('запрос переноса на 20.04.2026');
        const r1 = orderRow(await saved(), 'П1-1');
        expect(r1[ORDER_COL.requestedDate]).toBe('2026-04-20');
        expect(r1[ORDER_COL.progress]).toBe('10.03.2026: Кровля вскрыта');
        // Saved: the form starts afresh.
        expect(await page.locator('[data-order="П1-1"] textarea[name=reason]').inputValue()).toBe('');
      }
      await page.context().close();
    }
  });

  it('«Готово» stamps «Дата исполнения» and writes «История» and «Журнал»; a note is appended', async () => {
    const page = await open(IVANOV);
    const f1 = page.locator('[data-order="П1-1"]');
    // The card says where the order comes from (issue 25 п.9).
    expect(await f1.locator('.facts').textContent()).toContain('№ П1 от 02.03.2026, аппаратное');
    expect(await f1.locator('.history li').last().textContent()).toContain('запрошен перенос срока на 20.04.2026');
    // «Готово» asks first; «Нет» puts the status back and sends nothing.
    await f1.locator('select[name=status]').selectOption('Готово');
    await f1.locator('button[type=submit]').click();
    await f1.locator('.confirm').waitFor();
    expect(await f1.locator('.confirm p').textContent()).toContain('Отметить № П1-1 исполненным?');
    await f1.locator('button[data-cancel]').click();
    expect(await f1.locator('.confirm').count()).toBe(0);
    expect(await f1.locator('select[name=status]').inputValue()).toBe('В процессе 0');
    expect(orderRow(await saved(), 'П1-1')[ORDER_COL.status]).toBe('В процессе 0');
    await f1.locator('select[name=status]').selectOption('Готово');
    await f1.locator('button[type=submit]').click();
    await page.evaluate("document.getElementById('status').textContent = ''");
    const t0 = performance.now();
    await f1.locator('button[name=confirm]').click();
    await page.locator('#status p').waitFor();
    const clickToSaved = performance.now() - t0;
    expect(await page.locator('#status p').textContent()).toContain('«Готово» сохранён');
    // Done orders leave the list for «Исполненные за 30 дней», shown open now; only today's mark can be undone.
    expect(await page.locator('[data-order="П1-1"]').count()).toBe(0);
    const done = page.locator('[data-list=done]');
    expect(await done.locator('details').getAttribute('open')).toBe('');
    // Newest first, «Архив» included (П0-9, archived 03.03); П0-8, done 01.02, is older than 30 days.
    expect(await done.locator('[data-undo]').evaluateAll((els) => els.map((e) => e.getAttribute('data-undo')))).toEqual(
      ['П1-1', 'П1-6', 'П0-9'],
    );
    expect(await done.locator('[data-undo="П0-9"] button').count()).toBe(0);
    expect(await done.locator('[data-undo="П1-1"] button').textContent()).toBe('Отменить отметку');
    expect(await done.locator('[data-undo="П1-6"] button').count()).toBe(0);
    expect(await done.locator('[data-undo="П1-6"] .badge').textContent()).toBe('Исполнено в срок');
    await done.screenshot({ path: join(ARTIFACTS, 'my-orders-done-360.png') });
    const noted = await submit(page, 'П1-4', (f) =>
      f.locator('textarea[name=progress]').fill('Согласовано с двумя УК из трёх'),
    );
    expect(noted).toContain('запись о ходе исполнения добавлена');
    const wb = await disk();
    const r1 = orderRow(wb, 'П1-1');
    expect(r1[ORDER_COL.status]).toBe('Готово');
    expect(r1[ORDER_COL.doneDate]).toBe(TODAY);
    expect(String(r1[ORDER_COL.history])).toContain('10.03.2026: статус «Готово» отмечен через страницу: Иванов И.И.');
    expect(orderRow(wb, 'П1-4')[ORDER_COL.progress]).toBe('10.03.2026: Согласовано с двумя УК из трёх');
    // The two entries of this test (the one before it asked for an extension on П1-1).
    const log = rowsOf(wb, TAB.log)
      .filter((r) => r.Действие === 'Мои поручения')
      .slice(-2);
    expect(log.map((r) => r['№ поручения'])).toEqual(['П1-1', 'П1-4']);
    expect(String(log[0].Результат)).toMatch(/статус «Готово» — через страницу/);
    expect(String(log[0].Получатели)).toContain(IVANOV);
    console.log(`click to saved workbook: ${clickToSaved.toFixed(0)} ms`);
    // «Отменить отметку» the same day: as clearing it in the sheet — status back, «Дата исполнения» cleared.
    await page.evaluate("document.getElementById('status').textContent = ''");
    await done.locator('[data-undo="П1-1"] button').click();
    await page.locator('#status p').waitFor();
    expect(await page.locator('#status p').textContent()).toContain('№ П1-1: отметка «Готово» отменена');
    expect(await page.locator('[data-order="П1-1"] select[name=status]').inputValue()).toBe('В процессе 99');
    const undone = orderRow(await saved(), 'П1-1');
    expect(undone[ORDER_COL.status]).toBe('В процессе 99');
    expect(undone[ORDER_COL.doneDate] ?? '').toBe('');
    // A status event as the daily check records it (it ends the «Готово» event), then who.
    expect(String(undone[ORDER_COL.history]).split('\n').slice(-2)).toEqual([
      '10.03.2026: статус «В процессе 99»',
      '10.03.2026: отметка «Готово» отменена через страницу: Иванов И.И. <ivanov@adm.test>',
    ]);
    await page.context().close();
  });

  it('control between the dates on the card: the occurrence, the dates, the plan; a late «Готово» asks for the reason (issue 22)', async () => {
    // A co-executor's note from her page: its author goes to «История» (issue 22 item 6).
    const co = await open('orlova@adm.test');
    expect(await co.locator('[data-order="П2-1"] .co-notes').count()).toBe(0);
    const said = await submit(co, 'П2-1', (f) =>
      f.locator('textarea[name=progress]').fill('Данные по кварталу переданы'),
    );
    expect(said).toContain('запись о ходе исполнения добавлена');
    await co.context().close();
    expect(
      String(orderRow(await saved(), 'П2-1')[ORDER_COL.history])
        .split('\n')
        .pop(),
    ).toBe('10.03.2026: запись о ходе исполнения добавлена через страницу: Орлова О.О. <orlova@adm.test>');
    for (const width of [1280, 360]) {
      const page = await open(BELOVA, width);
      const card = page.locator('[data-order="П2-1"]');
      expect(await card.locator('.between p').allTextContents()).toEqual([
        'Ежемесячно: отчёт за срок 06.03.2026 (до 31.12.2026)',
        'Промежуточный срок: 16.03.2026',
        'Срок соисполнителям: 02.03.2026',
        'Записи соисполнителей о ходе исполнения с 02.03.2026',
        'План мероприятий',
      ]);
      expect(await card.locator('.between li').allTextContents()).toEqual([
        'Орлова О.О. — запись 10.03.2026',
        'Сидорова С.С. — записей нет',
        'до 04.03.2026 — Свести данные казначейства (Белова Б.Б.) — выполнено',
        'до 05.03.2026 — Согласовать отчёт с финансовым управлением — срок этапа прошёл',
      ]);
      expect(await card.getByLabel('Причина нарушения срока и принятые меры').count()).toBe(1);
      const m = (await page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
      )) as { scroll: number; client: number };
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      await card.screenshot({ path: join(ARTIFACTS, `my-orders-between-${width}.png`) });
      if (width === 1280) {
        await page.context().close();
        continue;
      }
      // «Готово» without the reason: the page asks for it beside the field and sends nothing.
      await card.locator('select[name=status]').selectOption('Готово');
      await card.locator('button[type=submit]').click();
      const err = card.locator('[data-field=lateReason] .field-error');
      await err.waitFor();
      expect(await err.textContent()).toContain('укажите причину нарушения срока');
      expect(orderRow(await saved(), 'П2-1')[ORDER_COL.status]).toBe('В процессе 0');
      await card.screenshot({ path: join(ARTIFACTS, 'my-orders-between-reason-360.png') });
      await card.getByLabel('Причина нарушения срока и принятые меры').fill('Казначейство задержало выписку');
      await card.locator('button[type=submit]').click();
      // A periodic order's «Готово» reports the occurrence: it stays on the list (the question says so).
      expect(await card.locator('.confirm p').textContent()).toContain(
        'Отметить отчёт по № П2-1 за срок 06.03.2026 исполненным?',
      );
      await page.evaluate("document.getElementById('status').textContent = ''");
      await card.locator('button[name=confirm]').click();
      await page.locator('#status p').waitFor();
      expect(await page.locator('#status p').textContent()).toBe(
        '№ П2-1: отчёт за срок 06.03.2026 принят; следующий срок 06.04.2026, статус «В процессе 0»; причина нарушения срока записана.',
      );
      // Rolled over at once (rules/periodic.ts, as the daily check would): the reason is in the occurrence's line.
      const r = orderRow(await saved(), 'П2-1');
      expect(r).toMatchObject({
        [ORDER_COL.deadline]: '2026-04-06',
        [ORDER_COL.status]: 'В процессе 0',
        [ORDER_COL.doneDate]: '',
        [ORDER_COL.lateReason]: '',
      });
      expect(String(r[ORDER_COL.history]).split('\n').slice(-4)).toEqual([
        '10.03.2026: статус «Готово» отмечен через страницу: Белова Б.Б. <belova@adm.test>',
        '10.03.2026: исполнение отмечено: дата исполнения 10.03.2026',
        '10.03.2026: исполнено повторение со сроком 06.03.2026, дата исполнения 10.03.2026, причина нарушения срока: Казначейство задержало выписку; следующий срок 06.04.2026',
        '10.03.2026: статус «В процессе 0»',
      ]);
      expect(await card.locator('.between p').first().textContent()).toBe(
        'Ежемесячно: отчёт за срок 06.04.2026 (до 31.12.2026)',
      );
      expect(await card.getByLabel('Причина нарушения срока и принятые меры').count()).toBe(0);
      await card.screenshot({ path: join(ARTIFACTS, 'my-orders-between-rolled-360.png') });
      await page.context().close();
    }
  });

  it('asks for an extension before the cut-off and after it (accepted, marked late)', async () => {
    const page = await open(IVANOV);
    await page.locator('[data-order="П1-3"] summary').click();
    const before = await submit(page, 'П1-3', async (f) => {
      await f.locator('input[name=requestedDate]').fill('01.04.2026');
      await f.locator('textarea[name=reason]').fill('Ждём поставку знаков');
    });
    expect(before).toContain('передан контролёру');
    await page.locator('[data-order="П1-2"] summary').click();
    // 12.03 less 3 working days: 11.03, 10.03 and 06.03 (09.03.2026 is a holiday: 08.03 on a Sunday).
    expect(await page.locator('[data-order="П1-2"] .hint.warn').textContent()).toContain('06.03.2026');
    const after = await submit(page, 'П1-2', async (f) => {
      await f.locator('input[name=requestedDate]').fill('19.03.2026');
      await f.locator('textarea[name=reason]').fill('Не получены данные от поселений');
    });
    expect(after).toContain('позже срока подачи (не позднее 06.03.2026)');
    // П1-4 is Иванов's as a co-executor: no status and no extension there (issue 19, 003 п.80, 111, 133).
    expect(await page.locator('[data-order="П1-4"] select[name=status]').count()).toBe(0);
    expect(await page.locator('[data-order="П1-4"] summary').count()).toBe(0);
    await page.locator('[data-order="П1-7"] summary').click();
    // An impossible date is refused by the page itself, beside the field (issue 25 п.7), nothing sent.
    const f4 = page.locator('[data-order="П1-7"]');
    await f4.locator('input[name=requestedDate]').fill('31.02.2026');
    await f4.locator('textarea[name=reason]').fill('—');
    await f4.locator('button[type=submit]').click();
    await f4.locator('.field-error').waitFor();
    expect(await f4.locator('[data-field=requestedDate] .field-error').textContent()).toContain(
      'Не удалось прочитать дату «31.02.2026»',
    );
    const wb = await saved();
    const r3 = orderRow(wb, 'П1-3');
    expect(r3[ORDER_COL.requestedDate]).toBe('2026-04-01');
    expect(r3[ORDER_COL.requestReason]).toBe('Ждём поставку знаков');
    expect(String(r3[ORDER_COL.history])).toContain('10.03.2026: запрошен перенос срока на 01.04.2026');
    const late = rowsOf(wb, TAB.log).find((r) => r['№ поручения'] === 'П1-2');
    expect(String(late?.Результат)).toContain('позже срока подачи запроса 06.03.2026');
    await page.context().close();
  });

  it('the controller approves a pending extension from the page', async () => {
    const page = await open(CONTROLLER, 1280);
    const ext = page.locator('[data-extension="П1-7"]');
    expect(await ext.textContent()).toContain('Нет ответа Росреестра');
    expect(await page.locator('[data-extension="П1-2"] .badge.late').count()).toBe(1);
    await ext.getByLabel('Согласован', { exact: true }).check();
    await ext.getByLabel('Кем согласован перенос').fill('Глава А.А.');
    await ext.locator('button[type=submit]').click();
    await page.locator('#status p').waitFor();
    expect(await page.locator('#status p').textContent()).toContain('«Согласован»');
    const r7 = orderRow(await saved(), 'П1-7');
    expect(r7[ORDER_COL.decision]).toBe('Согласован');
    expect(r7['Кем согласован перенос']).toBe('Глава А.А.');
    await page.context().close();
  });

  it('the controller’s page: by name; overdue by executor and unit, a filter, a search, a new «Срок» (issue 25 п.10)', async () => {
    for (const width of [360, 1280]) {
      const page = await open(CONTROLLER, width);
      expect(await page.locator('#who').textContent()).toMatch(/^Контролёва К\.К\. · /);
      expect(await page.locator('#who').textContent()).not.toContain('@');
      const overdue = page.locator('[data-list=overdue]');
      expect(await overdue.locator('h2').textContent()).toBe('Просроченные поручения (3)');
      const counts = await overdue
        .locator('table.counts')
        .evaluateAll((ts) =>
          ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => (r.textContent ?? '').trim())),
        );
      expect(counts).toEqual([
        ['Сидорова С.С.2', 'Орлова О.О.1'],
        ['подразделение не указано2', 'Архитектура1'],
      ]);
      const numbers = () =>
        overdue.locator('[data-control]').evaluateAll((els) => els.map((e) => e.getAttribute('data-control')));
      expect(await numbers()).toEqual(['П0-1', 'П0-2', 'П0-3']);
      expect(await overdue.locator('[data-control="П0-2"] .facts').textContent()).toContain('Орлова О.О., Архитектура');
      await overdue.locator('select[data-filter]').selectOption('Орлова О.О.');
      expect(await numbers()).toEqual(['П0-2']);
      expect(await overdue.locator('h2').textContent()).toBe('Просроченные поручения (показано 1 из 3)');
      const m = (await page.evaluate(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        unlabelled: [...document.querySelectorAll('input, select, textarea')]
          .filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.outerHTML),
      })`)) as { scroll: number; client: number; unlabelled: string[] };
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      expect(m.unlabelled).toEqual([]);
      // Search by №, by words of the text, within one executor.
      const search = page.locator('form[data-search]');
      const find = async (query: string, executor = '') => {
        await search.locator('input[name=query]').fill(query);
        await search.locator('select[name=executor]').selectOption(executor);
        await page.evaluate("document.getElementById('status').textContent = ''");
        await search.locator('button[type=submit]').click();
        await page.locator('#status p').waitFor();
        return page
          .locator('[data-list=found] [data-control]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-control')));
      };
      expect(await find('П1-5')).toEqual(['П1-5']);
      expect(await page.locator('#status p').textContent()).toBe('Найдено: 1.');
      // The other searches once, on the phone.
      if (width === 360) {
        expect(await find('справку')).toEqual(['П1-8']);
        expect(await find('', 'Сидорова С.С.')).toEqual(['П1-4', 'П1-5', 'П1-8', 'П0-1', 'П0-3']);
        expect(await find('Чужое', 'Сидорова С.С.')).toEqual(['П1-5']);
        expect(await search.locator('input[name=query]').inputValue()).toBe('Чужое');
        expect(await find('нет такого')).toEqual([]);
        expect(await page.locator('[data-list=found] .empty').textContent()).toBe('Ничего не найдено.');
      }
      await page.screenshot({ path: join(ARTIFACTS, `my-orders-controller-${width}.png`), fullPage: true });
      await page.context().close();
    }
    // The controller moves П0-2's «Срок» as in the sheet: «Первоначальный срок» kept, «История» says who.
    const page = await open(CONTROLLER);
    const card = page.locator('[data-list=overdue] [data-control="П0-2"]');
    await card.locator('summary').click();
    await card.locator('input[name=deadline]').fill('01.03.2026');
    await card.locator('button[type=submit]').click();
    expect(await card.locator('[data-field=deadline] .field-error').textContent()).toBe(
      'Новый срок 01.03.2026 уже прошёл.',
    );
    await card.locator('input[name=deadline]').fill('20032026');
    await card.locator('textarea[name=note]').fill('Продлено по служебной записке');
    await card.locator('button[type=submit]').click();
    await page.locator('#status p').waitFor();
    expect(await page.locator('#status p').textContent()).toBe(
      '№ П0-2: срок изменён на 20.03.2026; запись о ходе исполнения добавлена.',
    );
    // No longer overdue: off the list though the daily check has not rewritten «Состояние» yet.
    expect(await page.locator('[data-list=overdue] h2').textContent()).toBe('Просроченные поручения (2)');
    const r = orderRow(await saved(), 'П0-2');
    expect(r[ORDER_COL.deadline]).toBe('2026-03-20');
    expect(r[ORDER_COL.originalDeadline]).toBe('2026-03-04');
    expect(r[ORDER_COL.progress]).toBe('10.03.2026: Продлено по служебной записке');
    // The term event as the daily check records it, then who; one more in «Переносов».
    expect(String(r[ORDER_COL.history]).split('\n').slice(-2)).toEqual([
      '10.03.2026: срок изменён с 04.03.2026 на 20.03.2026',
      '10.03.2026: срок изменён контролёром через страницу: Контролёва К.К. <control@adm.test>',
    ]);
    expect(r[ORDER_COL.extensions]).toBe(1);
    // «Напомнить об ускорении» on an overdue card (issue 22 item 4): sent, «Срок» stays, no second today.
    const late = page.locator('[data-list=overdue] [data-control="П0-1"]');
    await page.evaluate("document.getElementById('status').textContent = ''");
    await late.getByRole('button', { name: 'Напомнить об ускорении' }).click();
    await page.locator('#status p').waitFor();
    expect(await page.locator('#status p').textContent()).toBe(
      'Напоминание об ускорении: № П0-1 — письмо sidorova@adm.test, исполнить не позднее 20.03.2026. «Срок» не меняется: поручение остаётся просроченным.',
    );
    expect(await late.locator('.facts').textContent()).toContain(
      'Напоминание об ускорении 10.03.2026: исполнить не позднее 20.03.2026',
    );
    expect(await late.getByRole('button', { name: 'Напомнить об ускорении' }).count()).toBe(0);
    expect(orderRow(await saved(), 'П0-1')[ORDER_COL.deadline]).toBe('2026-03-02');
    await late.screenshot({ path: join(ARTIFACTS, 'my-orders-speed-up-360.png') });
    await page.context().close();
  });

  it('refuses an order changed since the page loaded, asking to reload', async () => {
    const page = await open(IVANOV);
    // Someone edits П1-2 in the workbook meanwhile (another program saves the file).
    const wb = structuredClone(await saved());
    const s = wb.sheets.find((x) => x.name === TAB.orders)!;
    const h = s.cells[0].map((c) => c.v);
    const row = s.cells.findIndex((r) => r[h.indexOf('№')]?.v === 'П1-2');
    s.cells[row][h.indexOf(ORDER_COL.progress)] = { v: 'Правка в таблице' };
    await saveXlsx(wb, file);
    const said = await submit(page, 'П1-2', (f) => f.locator('select[name=status]').selectOption('В процессе 50'));
    expect(said).toContain('Обновите страницу');
    // A refused form keeps what was chosen (issue 25 п.7).
    expect(await page.locator('[data-order="П1-2"] select[name=status]').inputValue()).toBe('В процессе 50');
    expect(orderRow(await saved(), 'П1-2')[ORDER_COL.status]).toBe('В процессе 0');
    await page.context().close();
  });

  it('two people submitting at once lose nothing', async () => {
    const a = await open(IVANOV);
    const b = await open(SIDOROVA);
    await a.locator('[data-order="П1-4"] textarea[name=progress]').fill('Иванов: график согласован');
    await b.locator('[data-order="П1-8"] select[name=status]').selectOption('В процессе 50');
    await b.locator('[data-order="П1-4"] textarea[name=progress]').fill('Сидорова: жду подписи');
    await Promise.all([
      a.locator('[data-order="П1-4"] button[type=submit]').click(),
      b.locator('[data-order="П1-8"] button[type=submit]').click(),
    ]);
    await Promise.all([a.locator('#status p').waitFor(), b.locator('#status p').waitFor()]);
    // Сидорова's note on the same order, sent right after Иванов's change: her page is stale now.
    await b.locator('[data-order="П1-4"] button[type=submit]').click();
    await b.locator('[data-order="П1-4"] .note').waitFor();
    expect(await b.locator('[data-order="П1-4"] .note').textContent()).toContain('Обновите страницу');
    const wb = await saved();
    expect(String(orderRow(wb, 'П1-4')[ORDER_COL.progress])).toContain('Иванов: график согласован');
    expect(orderRow(wb, 'П1-8')[ORDER_COL.status]).toBe('В процессе 50');
    await a.context().close();
    await b.context().close();
  });

  it('forged, altered, expired and revoked links get the Russian error page and no data', async () => {
    const good = await served.linkFor(IVANOV);
    const token = decodeURIComponent(new URL(good).searchParams.get('t') ?? '');
    const [email, expires, sig] = token.split('~');
    const secret = (await saved()).properties.script['kontrol.linkSecret'];
    const mac = (m: string) => createHmac('sha256', secret).update(m).digest('hex');
    const links: [string, string, string][] = [
      ['forged', `${email}~${expires}~${'0'.repeat(64)}`, 'Ссылка недействительна'],
      ['altered', `${SIDOROVA}~${expires}~${sig}`, 'Ссылка недействительна'],
      ['expired', `${email}~2026-03-09~${mac(linkMessage(email, '2026-03-09'))}`, 'Срок действия ссылки истёк'],
    ];
    const ctx = await browser.newContext({ viewport: { width: 360, height: 700 } });
    const page = await ctx.newPage();
    for (const [, t, title] of links) {
      await page.goto(`${served.url}?t=${encodeURIComponent(t)}`);
      expect(await page.locator('[data-link-error] h1').textContent()).toBe(title);
      expect(await page.locator('[data-order]').count()).toBe(0);
      expect(await page.content()).not.toContain('Поручение');
    }
    // Revoked: the page was open with a good link; «Отозвать ссылки» runs; the next action shows the error.
    await page.goto(good);
    expect(await page.locator('[data-order]').count()).toBeGreaterThan(0);
    const wb = structuredClone(await saved());
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), alerts: ['YES'], user: CONTROLLER });
    sb.run('menuRevokeLinks');
    await saveXlsx(wb, file);
    await page.locator('[data-order="П1-2"] select[name=status]').selectOption('В процессе 50');
    await page.locator('[data-order="П1-2"] button[type=submit]').click();
    await page.locator('[data-link-error]').waitFor();
    expect(await page.locator('[data-link-error] h2').textContent()).toBe('Ссылка недействительна');
    expect(await page.locator('[data-order]').count()).toBe(0);
    await page.goto(good);
    expect(await page.locator('[data-link-error] h1').textContent()).toBe('Ссылка недействительна');
    expect(orderRow(await saved(), 'П1-2')[ORDER_COL.status]).toBe('В процессе 0');
    await page.screenshot({ path: join(ARTIFACTS, 'my-orders-link-error-360.png') });
    await ctx.close();
  });
});

// Issue 26: Google's guide says a bound script's web app gets no active spreadsheet (guides/bound);
// the page then opens the spreadsheet «Настроить таблицу» recorded, by id. One case, same browser.
describe('«Мои поручения» where Google gives no active spreadsheet', () => {
  it('loads and saves «Готово» through the recorded id', async () => {
    const nullDir = mkdtempSync(join(tmpdir(), 'kontrol-page-null-'));
    const nullFile = join(nullDir, 'book.xlsx');
    const { wb } = buildBook(0, { pageTabsOnly: true });
    await saveXlsx(wb, nullFile);
    const nullServed = await startServe({
      file: nullFile,
      code,
      port: 0,
      now: () => at(TODAY),
      noActiveSpreadsheet: true,
    });
    try {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
      const page = await ctx.newPage();
      await page.goto(await nullServed.linkFor(IVANOV));
      expect(await page.locator('[data-order="П1-2"]').count()).toBe(1);
      const form = page.locator('[data-order="П1-2"]');
      await form.locator('select[name=status]').selectOption('Готово');
      await form.locator('button[type=submit]').click();
      // «Готово» is confirmed first (issue 25 п.9).
      await form.locator('button[name=confirm]').click();
      await page.locator('#status p').waitFor();
      expect(await page.locator('#status p').textContent()).toContain('«Готово» сохранён');
      await nullServed.idle();
      expect(orderRow(nullServed.model(), 'П1-2')[ORDER_COL.status]).toBe('Готово');
      await ctx.close();
    } finally {
      await nullServed.close();
      rmSync(nullDir, { recursive: true, force: true });
    }
  });
});
