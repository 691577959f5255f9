// The page's index's volume (issue 23; docs/PERFORMANCE.md «The index»): the characters of
// «Индекс страницы» after the bench's warm-up daily check, at each size given —
//   npm run build && npx tsx scripts/page-index-size.ts 1000 5000 50000
// Prints, per size: every cell's characters (what Sheets stores and the daily check writes), the
// characters of the entries' JSON unpacked, how many entries are packed (gzip + base64, page-index.ts
// packEntry) and what packing every one would give, the orders held in entries and how many distinct.
import { gunzipSync, gzipSync } from 'node:zlib';
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
  const rowChars: number[] = [];
  let gz = 0;
  let held = 0;
  let packed = 0;
  let plain = 0;
  const distinct = new Set<string>();
  for (const row of sheet.cells.slice(1)) {
    const cells = (row ?? []).map(text);
    rowChars.push(cells.reduce((s, t) => s + t.length, 0));
    chars += rowChars[rowChars.length - 1];
    const stored = cells
      .slice(3)
      .filter((t) => t.startsWith('~'))
      .map((t) => t.slice(1))
      .join('');
    if (!stored) continue;
    // An entry packed by the daily check (page-index.ts packEntry) is base64 of gzip; else JSON.
    const json = stored.startsWith('[') ? stored : gunzipSync(Buffer.from(stored, 'base64')).toString('utf8');
    if (!stored.startsWith('[')) packed++;
    plain += json.length;
    gz += gzipSync(Buffer.from(json, 'utf8')).toString('base64').length;
    for (const [number] of JSON.parse(json) as [string][]) {
      held++;
      distinct.add(number);
    }
  }
  console.log(
    `N = ${n}: «${INDEX_TAB}» ${chars.toLocaleString('ru-RU')} символов в ${sheet.cells.length - 1} строках; ` +
      `JSON записей ${plain.toLocaleString('ru-RU')} (сжатых записей ${packed}; gzip + base64 всех ≈ ${gz.toLocaleString('ru-RU')}); ` +
      `поручений в записях ${held}, различных ${distinct.size}`,
  );
  // Rows 2–4 are the controller's lists (page-index-build.ts), then one row per person.
  const people = rowChars.slice(3).sort((a, b) => a - b);
  console.log(
    `  списки контролёра ${rowChars.slice(0, 3).join(' + ')} символов; запись человека: медиана ` +
      `${people[Math.floor(people.length / 2)]}, наибольшая ${people[people.length - 1]}`,
  );
}
