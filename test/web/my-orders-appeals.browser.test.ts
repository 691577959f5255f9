// Appeals on «Мои поручения» in Chromium (served by `kontrol serve` from the built bundle): the
// person's appeals as forms with «Принятые меры» and «Дата ответа», at 360 and 1280 px, labelled,
// no sideways scrolling, HTML in a topic shown as text; a save lands in the .xlsx. Screenshots go to
// test-artifacts/ (gitignored).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import { type Served, startServe } from '../../src/local/serve';
import { saveXlsx } from '../../src/local/xlsx';
import { TAB } from '../../src/workbook/schema';
import { appealOf } from '../e2e/appeals-helpers';
import { at } from '../e2e/orders-helpers';
import { buildBook, IVANOV, TODAY, XSS } from './fixture';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const d = (iso: string): DemoValue => ({ date: iso });

let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kontrol-appeals-page-'));
  const file = join(dir, 'book.xlsx');
  mkdirSync(ARTIFACTS, { recursive: true });
  const { wb } = buildBook();
  appendRows(wb, TAB.appeals, [
    {
      '№': 'О-1',
      'Дата регистрации': d('2026-02-20'),
      Заявитель: 'Кузнецова А.А.',
      Адрес: 'ул. Ленина, 1',
      Тема: `${XSS}Яма у школы`,
      Категория: 'Дороги',
      Исполнитель: 'Иванов И.И.',
      Срок: d('2026-03-12'),
    },
    {
      '№': 'О-2',
      'Дата регистрации': d('2026-02-25'),
      Заявитель: 'Орлов',
      Тема: 'Свет во дворе',
      Категория: 'ЖКХ',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-03-27'),
    },
  ]);
  await saveXlsx(wb, file);
  served = await startServe({ file, code, port: 0, now: () => at(TODAY) });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('appeals on «Мои поручения» in Chromium', () => {
  it('lists the appeals, fits 360 px with labels, saves «Принятые меры» to the workbook', async () => {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({
        viewport: { width, height: 900 },
        isMobile: width < 500,
        locale: 'ru-RU',
      });
      const page = await ctx.newPage();
      await page.goto(await served.linkFor(IVANOV));
      const numbers = await page
        .locator('[data-appeal]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-appeal')));
      expect(numbers).toEqual(['О-1', 'О-2']);
      expect(await page.locator('[data-appeal="О-1"] .text').textContent()).toBe(`${XSS}Яма у школы`);
      expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
      expect(await page.locator('[data-appeal="О-2"] .role').textContent()).toContain('замещаете Петров П.П.');
      const m = (await page.evaluate(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        unlabelled: [...document.querySelectorAll('[data-appeal] input, [data-appeal] textarea')]
          .filter((e) => e.labels.length === 0).map((e) => e.outerHTML),
      })`)) as { scroll: number; client: number; unlabelled: string[] };
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      expect(m.unlabelled).toEqual([]);
      await page.locator('[data-appeal="О-1"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `my-orders-appeals-${width}.png`), fullPage: true });
      await ctx.close();
    }
    const ctx = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'ru-RU' });
    const page = await ctx.newPage();
    await page.goto(await served.linkFor(IVANOV));
    const form = page.locator('[data-appeal="О-1"]');
    await form.locator('textarea[name=measures]').fill('Подрядчик выехал, ремонт 15.03');
    await form.locator('button[type=submit]').click();
    await page.locator('#status p').waitFor();
    expect(await page.locator('#status p').textContent()).toContain('промежуточный ответ не снимает');
    await served.idle();
    expect(appealOf(served.model(), 'О-1')[APPEAL_COL.measures]).toBe('Подрядчик выехал, ремонт 15.03');
    await ctx.close();
  }, 120_000);
});
