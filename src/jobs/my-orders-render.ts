// «Мои поручения»: the HTML the web app answers with — the page (src/web/ built into
// dist/MyOrders.html) with its first data inlined, and the Russian error page for a bad link.
import { escapeHtml } from '../mail/html';
import type { PageResponse } from './my-orders-book';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const PAGE_TITLE = 'Мои поручения';
/** The page file built by scripts/build.mjs (src/web/ → dist/MyOrders.html). */
export const PAGE_FILE = 'MyOrders';

/** JSON inside <script type="application/json">: nothing in it can close the element or start markup. */
export function jsonForScript(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page with its first data in it (no second round trip on a phone). */
export function renderPage(boot: PageResponse): HtmlOutput {
  const t = HtmlService.createTemplateFromFile(PAGE_FILE);
  t.boot = jsonForScript(boot);
  return t
    .evaluate()
    .setTitle(PAGE_TITLE)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1')
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT);
}

/** The Russian error page: what happened and what to do, and no data. */
export function renderLinkError(p: { title: string; text: string }): HtmlOutput {
  const html =
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><style>' +
    'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px 16px;color:#1f2328;background:#f6f8fa}' +
    'main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}' +
    'h1{font-size:1.25rem;margin:0 0 8px;color:#b42318}</style></head><body><main role="alert" data-link-error>' +
    `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p></main></body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(`${PAGE_TITLE}: ${p.title}`)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
