// The .xlsx as a person sees it (issue 14): the demo workbook with every generated tab is printed
// to PDF by LibreOffice (the real viewer, one conversion) and read back with pdftotext: no «###»
// (a date too wide for its column), every header of every tab whole, the page count sensible. The
// pages are kept as PNG artefacts in test-artifacts/print/ (gitignored) to be looked at.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/local/cli';
import type { WorkbookModel } from '../../src/local/model';
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

let pages: { tab: string; text: string; png: string }[] = [];
let model: WorkbookModel;

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
    return { tab, text, png: name };
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
});
