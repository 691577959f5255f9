// The page's index's volume (issue 23; docs/PERFORMANCE.md «The index»): the characters of
// «Индекс страницы» after the bench's warm-up daily check, at each size given —
//   npm run build && npx tsx scripts/page-index-size.ts 1000 5000 50000
// Prints, per size: every cell's characters (what Sheets stores and the daily check writes), the
// orders held in entries and how many distinct ones, and what gzip + base64 of each entry's JSON
// would be (node's zlib: an estimate for Utilities.gzip, which the add-on does not use).
import { gzipSync } from 'node:zlib';
import type { WorkbookModel } from '../src/local/model';
import { INDEX_TAB } from '../src/workbook/page-index';
import { prepareWorkbook } from '../test/bench/harness';

const text = (c: unknown): string => {
  const v = (c as { v?: unknown } | null)?.v;
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
};

for (const n of process.argv.slice(2).map(Number)) {
  const prep = await prepareWorkbook(n);
  const wb = JSON.parse(prep.snapshot) as WorkbookModel;
  const sheet = wb.sheets.find((s) => s.name === INDEX_TAB);
  if (!sheet) throw new Error(`N = ${n}: нет листа «${INDEX_TAB}»`);
  let chars = 0;
  let gz = 0;
  let held = 0;
  const distinct = new Set<string>();
  for (const row of sheet.cells.slice(1)) {
    const cells = (row ?? []).map(text);
    chars += cells.reduce((s, t) => s + t.length, 0);
    const json = cells
      .slice(3)
      .filter((t) => t.startsWith('~'))
      .map((t) => t.slice(1))
      .join('');
    if (!json) continue;
    gz += gzipSync(Buffer.from(json, 'utf8')).toString('base64').length;
    for (const [number] of JSON.parse(json) as [string][]) {
      held++;
      distinct.add(number);
    }
  }
  console.log(
    `N = ${n}: «${INDEX_TAB}» ${chars.toLocaleString('ru-RU')} символов в ${sheet.cells.length - 1} строках; ` +
      `поручений в записях ${held}, различных ${distinct.size}; gzip + base64 ≈ ${gz.toLocaleString('ru-RU')}`,
  );
}
