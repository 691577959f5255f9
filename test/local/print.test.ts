// The .xlsx as a person sees it (issue 14): the demo workbook with every generated tab is printed
// to PDF by LibreOffice (the real viewer, one conversion) and read back with pdftotext: no «###»
// (a date too wide for its column), every header of every tab whole, the page count sensible. The
// pages are kept as PNG artefacts in test-artifacts/print/ (gitignored) to be looked at. Issue 25
// items 11–12: every figure under its own header (word boxes from pdftotext -bbox against the
// sheet's column widths), names, e-mails and «Журнал» keys whole, and the charts in the .xlsx.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/local/cli';
import type { SheetModel, WorkbookModel } from '../../src/local/model';
import { loadXlsx } from '../../src/local/xlsx';
import { TAB } from '../../src/workbook/schema';
import { GENERATED_TABS } from '../helpers/tabs';

const root = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(root, 'test-artifacts', 'print');
const TODAY = '2025-03-17';

const quiet = { out: () => {}, err: (s: string) => console.error(s) };
async function kontrol(argv: string[]) {
  expect(await main(argv, quiet), argv.join(' ')).toBe(0);
}

/** Text without any whitespace: a header wrapped over two lines still reads whole. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** A tab name as a file name part. */
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-zа-яё0-9]+/gi, '-')
    .replace(/^-|-$/g, '');

interface Word {
  t: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
let pages: { tab: string; text: string; png: string; words: Word[] }[] = [];
let model: WorkbookModel;
let xlsx: Buffer;

/** pdftotext -bbox: each word with its box (points). */
function wordsOf(html: string): Word[] {
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    x1: +m[1],
    y1: +m[2],
    x2: +m[3],
    y2: +m[4],
    t: m[5]
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
}

const cx = (w: Word) => (w.x1 + w.x2) / 2;
const bare = (s: string) => s.replace(/[.,:;()«»%]/g, '').toLowerCase();
const colPx = (s: SheetModel, c: number) => s.columnWidths[c] ?? 100;

/**
 * Every header's words and its column's figures share a sheet column on the printed page. The
 * columns' x-ranges come from the sheet's widths, scaled by two left-aligned text headers
 * (`left`, `right`: their words start where their columns start).
 */
function expectColumnsAligned(
  page: Word[],
  sheet: SheetModel,
  headerRow: number,
  opts: { left: number; right: number; rowKey: number; occurrence?: number; scaleFrom?: Word[] },
) {
  const header = sheet.cells[headerRow - 1].map((c) => (typeof c?.v === 'string' ? c.v : ''));
  const firstWord = (c: number) => header[c - 1].split(/\s+/)[0];
  const hits = page.filter((w) => w.t === firstWord(opts.left));
  const anchor = hits[opts.occurrence ?? 0];
  expect(anchor, `${sheet.name}: «${header[opts.left - 1]}»`).toBeDefined();
  const band = page.filter((w) => w.y2 <= anchor.y2 + 2 && w.y1 >= anchor.y1 - 40);
  const leftX = anchor.x1;
  const between = (a: number, b: number) => {
    let px = 0;
    for (let c = a; c < b; c++) px += colPx(sheet, c);
    return px;
  };
  let scale: number;
  if (opts.scaleFrom) scale = (opts.scaleFrom[1].x1 - opts.scaleFrom[0].x1) / between(opts.left, opts.right);
  else {
    const r = band.find((w) => w.t === firstWord(opts.right) && w.x1 > leftX);
    expect(r, `${sheet.name}: «${header[opts.right - 1]}»`).toBeDefined();
    scale = (r!.x1 - leftX) / between(opts.left, opts.right);
  }
  const start = (c: number) => leftX + scale * (c >= opts.left ? between(opts.left, c) : -between(c, opts.left));
  const inCol = (w: Word, c: number) => cx(w) >= start(c) && cx(w) < start(c + 1);
  // Headers: each word of each header lies in its own column.
  header.forEach((h, i) => {
    const c = i + 1;
    for (const word of h.split(/\s+/).filter((x) => bare(x).length > 1))
      expect(
        band.some((w) => bare(w.t) === bare(word) && inCol(w, c)),
        `${sheet.name}: «${word}» of «${h}» in column ${c}`,
      ).toBe(true);
  });
  // Figures: every number of every data row prints inside its header's column.
  let y = anchor.y2;
  let checked = 0;
  for (let r = headerRow; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const key = row?.[opts.rowKey - 1]?.v;
    if (typeof key !== 'string' || !key) break;
    const keyWord = page.find((w) => w.t === key.split(/\s+/)[0] && w.y1 > y);
    expect(keyWord, `${sheet.name}: row «${key}»`).toBeDefined();
    y = keyWord!.y1;
    const line = page.filter((w) => Math.abs(w.y1 - keyWord!.y1) < 1.5);
    row.forEach((cell, i) => {
      if (typeof cell?.v !== 'number') return;
      const pct = /%/.test(cell.numberFormat ?? '');
      const want = pct ? cell.v * 100 : cell.v;
      const found = line.filter((w) => {
        const n = Number.parseFloat(w.t.replace(',', '.').replace('%', ''));
        return Number.isFinite(n) && Math.abs(n - want) < 0.051;
      });
      expect(
        found.some((w) => inCol(w, i + 1)),
        `${sheet.name}: ${key} — ${cell.v} under «${header[i]}»`,
      ).toBe(true);
      checked++;
    });
  }
  expect(checked, sheet.name).toBeGreaterThan(5);
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontrol-print-'));
  const file = join(dir, 'demo.xlsx');
  await kontrol(['init', file, '--demo', '--today', '2025-03-13']);
  await kontrol(['run', 'daily', file, '--today', '2025-03-14']);
  await kontrol(['run', 'report-execution', file, '--today', TODAY, '--period', '2025-03']);
  await kontrol(['run', 'report-protocol', file, '--today', TODAY, '--protocol', '12']);
  await kontrol(['run', 'report-lean', file, '--today', TODAY]);
  await kontrol(['run', 'plan-control', file, '--today', TODAY]);
  await kontrol(['run', 'rating', file, '--today', TODAY]);
  model = await loadXlsx(file);
  xlsx = readFileSync(file);
  // A fresh LibreOffice profile: no state from another run, no dialogs.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  const pdf = join(dir, 'demo.pdf');
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'page')]);
  const pngs = readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  // Each page's header carries its tab's name (the bridge's print settings).
  const names = model.sheets.filter((s) => !s.hidden).map((s) => s.name);
  pages = pngs.map((png, i) => {
    const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' });
    const first = text.split('\n').find((l) => l.trim()) ?? '';
    const tab = names.find((n) => first.trim() === n) ?? '?';
    const name = `${String(i + 1).padStart(2, '0')}-${slug(tab)}.png`;
    copyFileSync(join(dir, png), join(ARTIFACTS, name));
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], {
      encoding: 'utf8',
    });
    return { tab, text, png: name, words: wordsOf(bbox) };
  });
  copyFileSync(pdf, join(ARTIFACTS, 'demo.pdf'));
}, 120_000);

describe('the demo workbook printed by LibreOffice', () => {
  it('every page is headed by its tab, no «###», a sensible number of pages', () => {
    expect(pages.filter((p) => p.tab === '?').map((p) => p.png)).toEqual([]);
    for (const p of pages) expect(p.text, p.png).not.toContain('###');
    // 17 tabs: one page each, a few two (was 71 portrait pages before print settings).
    expect(pages.length).toBeLessThanOrEqual(26);
    const execution = pages.filter((p) => p.tab === TAB.reportExecution);
    expect(execution).toHaveLength(1);
  });

  it('every header of every tab is printed whole', () => {
    const generated = new Set(GENERATED_TABS);
    for (const sheet of model.sheets.filter((s) => !s.hidden)) {
      const text = squash(
        pages
          .filter((p) => p.tab === sheet.name)
          .map((p) => p.text)
          .join('\n'),
      );
      // Header rows: row 1 of the data tabs; the bold, filled rows of the generated ones.
      const rows = generated.has(sheet.name)
        ? sheet.cells.filter((r) => r?.[0]?.fontWeight === 'bold' && r[0].background)
        : sheet.cells.slice(0, 1);
      const headers = rows.flatMap((r) => r.map((c) => (typeof c?.v === 'string' ? c.v : ''))).filter(Boolean);
      expect(headers.length, sheet.name).toBeGreaterThan(0);
      // Whole = every word of it printed in full (a cut-off header loses the end of a word); a
      // wrapped header's lines may be read in another order, so word by word.
      for (const h of headers)
        for (const word of h.split(/\s+/).filter((w) => w.length > 2))
          expect(text, `${sheet.name}: «${h}»`).toContain(squash(word));
    }
  });

  it('figures sit under their headers: «Отчёт: исполнение» (both tables) and «Рейтинг самооценки»', () => {
    const sheetOf = (n: string) => model.sheets.find((x) => x.name === n)!;
    const pageOf = (n: string) => pages.find((p) => p.tab === n)!.words;
    const exec = sheetOf(TAB.reportExecution);
    const headerRows = exec.cells
      .map((r, i) => (r?.[0]?.fontWeight === 'bold' && r[0].background ? i + 1 : 0))
      .filter(Boolean);
    const [executors, units] = headerRows;
    const words = pageOf(TAB.reportExecution);
    expectColumnsAligned(words, exec, executors, { left: 1, right: 2, rowKey: 1 });
    // The units table's «Подразделение» spans A:B; its figures use the executors' columns.
    const a = words.filter((w) => w.t === 'Исполнитель')[0];
    const b = words.filter((w) => w.t === 'Подразделение')[0];
    expectColumnsAligned(words, exec, units, { left: 1, right: 2, rowKey: 1, occurrence: 1, scaleFrom: [a, b] });
    const rating = sheetOf(TAB.rating);
    const ratingHeader = rating.cells.findIndex((r) => r?.[0]?.fontWeight === 'bold' && r[0].background) + 1;
    const last = rating.cells[ratingHeader - 1].length;
    expectColumnsAligned(pageOf(TAB.rating), rating, ratingHeader, { left: 2, right: last, rowKey: 2 });
  });

  it('names, e-mails, «Журнал» keys print whole; the lean report is «на» the day it was made', () => {
    const whole = (tab: string) =>
      squash(
        pages
          .filter((p) => p.tab === tab)
          .map((p) => p.text)
          .join(''),
      );
    const lean = model.sheets.find((x) => x.name === TAB.reportLean)!;
    const leanText = whole(TAB.reportLean);
    const cells = lean.cells.slice(4).flatMap((r) => (r ?? []).slice(8, 11).map((c) => c?.v));
    const names = cells.filter((v): v is string => typeof v === 'string' && v.length > 0);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const n of names) expect(leanText, n).toContain(squash(n));
    // 17.03.2025 is inside I quarter: the stage is as of that day, not of 31.03.
    expect(leanText).toContain(squash('этап на 17.03.2025'));
    const log = model.sheets.find((x) => x.name === TAB.log)!;
    const logText = whole(TAB.log);
    const texts = log.cells.slice(1).flatMap((r) => [r?.[1]?.v, r?.[3]?.v, r?.[5]?.v]);
    const parts = texts.flatMap((v) => (typeof v === 'string' ? v.split(/[\n,]\s*/) : [])).filter(Boolean);
    expect(parts.length).toBeGreaterThan(10);
    // pdftotext joins a word hyphenated at a line's end and drops its hyphen («2025-⏎03-13» reads
    // «202503-13»), so a long key wrapped in its cell is compared without hyphens: every character
    // of it is still printed, in order.
    const unhyphen = (s: string) => s.replace(/-/g, '');
    for (const t of parts) expect(unhyphen(logText), t).toContain(unhyphen(squash(t)));
    // Text over text: no two words of «Журнал» overlap on the page.
    const words = pages.filter((p) => p.tab === TAB.log).flatMap((p) => p.words);
    // (Glyph boxes of adjacent lines touch: half a line's height in common is text over text.)
    const over = (a1: number, a2: number, b1: number, b2: number) => Math.min(a2, b2) - Math.max(a1, b1);
    const overlaps = words.filter((w, i) =>
      words.some(
        (v, j) =>
          j > i &&
          over(w.x1, w.x2, v.x1, v.x2) > 0.5 &&
          over(w.y1, w.y2, v.y1, v.y2) > 0.5 * Math.min(w.y2 - w.y1, v.y2 - v.y1),
      ),
    );
    expect(overlaps.map((w) => w.t)).toEqual([]);
  });

  it('the report charts are in the .xlsx as charts over the report cells (as in Sheets)', async () => {
    const zip = await JSZip.loadAsync(xlsx);
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const exec = charts.find((x) => x.includes('Коэффициент исполнительской дисциплины по исполнителям'));
    expect(exec).toMatch(/<c:barDir val="bar"\/>/);
    expect(exec).toMatch(/<c:f>'Отчёт∶ исполнение'!\$A\$\d+:\$A\$\d+<\/c:f>/);
    const rating = charts.find((x) => x.includes('Итог самооценки за 2025 год'));
    expect(rating).toMatch(/<c:barDir val="col"\/>/);
    // Each chart's drawing is attached to its sheet.
    const rels = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(f));
    const drawn = await Promise.all(rels.map((f) => zip.file(f)!.async('string')));
    expect(drawn.filter((x) => x.includes('../drawings/drawing')).length).toBe(2);
  });
});
