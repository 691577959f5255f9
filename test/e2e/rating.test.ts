// «Рейтинг самооценки» end to end, as a person would run it on one machine: `kontrol init`, the
// answers typed into «Самооценка», `kontrol run rating FILE --year 2026`, the tab read back from the
// .xlsx; then the commission fills in criterion 3's coefficient (`kontrol edit`) and the rating is
// run again. Seed 002: «Порядок проведения самооценки» п.4.1–4.2, «Чек-лист критериев»
// (Приложение № 1 к Порядку) and its «Подсчет результата». Needs dist/Code.js (`npm run build`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import type { CellValue, WorkbookModel } from '../../src/local/model';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KONTROL = join(ROOT, 'bin', 'kontrol.js');

function kontrol(...args: string[]): string {
  return execFileSync(process.execPath, [KONTROL, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.iso;
  return String(v);
}

function grid(model: WorkbookModel, tab: string): string[][] {
  const sheet = model.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`нет листа «${tab}»`);
  return sheet.cells.map((r) => (r ?? []).map((c) => show(c?.v)));
}

/** The main table of «Рейтинг самооценки»: [Место, Организация, Итого] per row, as numbers where numeric. */
function ranking(model: WorkbookModel): [number, string, number][] {
  const g = grid(model, 'Рейтинг самооценки');
  const h = g.findIndex((r) => r[0] === 'Место');
  expect(h).toBeGreaterThan(0);
  const col = (name: string) => g[h].indexOf(name);
  const out: [number, string, number][] = [];
  for (let i = h + 1; i < g.length && (g[i]?.[0] ?? '') !== ''; i++)
    out.push([Number(g[i][col('Место')]), g[i][col('Организация')], Number(g[i][col('Итого')])]);
  return out;
}

function answers(rows: [number | string, string, ...DemoValue[]][]): Record<string, DemoValue>[] {
  return rows.map(([year, org, ...k]) => {
    const r: Record<string, DemoValue> = { Год: year, Организация: org };
    k.forEach((v, i) => {
      r[`К${i + 1}`] = v;
    });
    return r;
  });
}

let dir = '';
let file = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontrol-rating-'));
  file = join(dir, 'rating.xlsx');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kontrol run rating (002 Приложение № 1 к Порядку, «Подсчет результата»)', () => {
  it('reads the answers, writes totals and ranks into the .xlsx; after criterion 3 gets 0,5 they change', async () => {
    kontrol('init', file, '--today', '2026-11-20');
    const model = await loadXlsx(file);
    // «Настроить таблицу» seeded the check-list: criterion 3 (Создание центров компетенций) has no coefficient.
    const criteria = grid(model, 'Критерии самооценки');
    expect(criteria[0].slice(0, 6)).toEqual([
      'Критерий',
      'Наименование',
      'Накопительный',
      'Коэффициент',
      'Балл',
      'Описание уровня',
    ]);
    const third = criteria.findIndex((r) => r[0] === '3' && r[4] === '0');
    expect(criteria[third][3]).toBe('');
    appendRows(
      model,
      'Самооценка',
      answers([
        [2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0],
        // 1×3 + 0,3×3 + 0,5×3 + 0,9×3 + 0,5×2 + 0,6×3 + 0,4×4 = 12,5 (К3 = 3 has no coefficient)
        [2026, 'Администрация', 3, 3, 3, 3, 3, 2, 3, 4],
        // 2 + 0,3 + 1 + 1,8 + 0,5 + 1,2 + 0,8 = 7,6 (К3 = 0)
        [2026, 'УО', 2, 1, 0, 2, 2, 1, 2, 2],
        // 1 + 0,9 + 1,5 + 1,8 + 0 + 1,2 + 1,2 = 7,6 (К3 = 3): a tie with УО
        [2026, 'УСЗН', 1, 3, 3, 3, 2, 0, 2, 3],
        // К1 = 4 is not a level of criterion 1: 0,3 + 1 + 1,8 + 0,5 + 0,6 + 0,4 = 4,6 (К3 = 1)
        [2026, 'ФУ', 4, 1, 1, 2, 2, 1, 1, 1],
        // К4 = 1 is not a level of criterion 4; К6 missing: 2 + 0,6 + 0,9 + 0,6 + 0 = 4,1 (К3 = 2)
        [2026, 'КУМИ', 2, 2, 2, 1, 1, '', 1, 0],
      ]),
    );
    await saveXlsx(model, file);

    kontrol('run', 'rating', file, '--year', '2026', '--today', '2026-12-02');
    const first = await loadXlsx(file);
    expect(ranking(first)).toEqual([
      [1, 'Администрация', 12.5],
      [2, 'УО', 7.6],
      [2, 'УСЗН', 7.6],
      [4, 'ФУ', 4.6],
      [5, 'КУМИ', 4.1],
    ]);
    const text = grid(first, 'Рейтинг самооценки')
      .map((r) => r.join('|'))
      .join('\n');
    expect(text).toMatch(/Внимание: критерий 3 \(коэффициент не задан\) не входит в итог/);
    expect(text).toMatch(/Балл «4» по критерию 1 у «ФУ» за 2026 год недопустим/);
    expect(text).toMatch(/Не указан балл по критерию 6 у «КУМИ»/);

    // The same problems reach «Проверка данных» through the check.
    kontrol('run', 'check', file, '--today', '2026-12-02');
    const checked = grid(await loadXlsx(file), 'Проверка данных')
      .map((r) => r.join('|'))
      .join('\n');
    expect(checked).toMatch(/Критерии самооценки\|\d+\|Коэффициент\|/);
    expect(checked).toMatch(/Самооценка\|6\|К1\|4\|/);

    // The commission approves 0,5 for criterion 3; a person types it into the tab.
    kontrol(
      'edit',
      file,
      '--sheet',
      'Критерии самооценки',
      '--cell',
      `D${third + 1}`,
      '--value',
      '0,5',
      '--today',
      '2026-12-03',
    );
    kontrol('run', 'rating', file, '--year', '2026', '--today', '2026-12-03');
    // Администрация 12,5 + 1,5 = 14; УСЗН 7,6 + 1,5 = 9,1; УО 7,6; ФУ 4,6 + 0,5 = 5,1; КУМИ 4,1 + 1 = 5,1.
    expect(ranking(await loadXlsx(file))).toEqual([
      [1, 'Администрация', 14],
      [2, 'УСЗН', 9.1],
      [3, 'УО', 7.6],
      [4, 'КУМИ', 5.1],
      [4, 'ФУ', 5.1],
    ]);
  });
});

describe('the bundle in the sandbox: api("rating")', () => {
  it('inserts one column chart of totals and its Spreadsheet calls do not grow with the organisations', async () => {
    const { createSandbox } = await import('../../src/local/sandbox/index');
    const base = join(dir, 'calls.xlsx');
    kontrol('init', base, '--today', '2027-11-20');
    const run = async (n: number) => {
      const model = await loadXlsx(base);
      const rows: [number, string, ...DemoValue[]][] = [];
      for (let i = 0; i < n; i++) rows.push([2027, `Организация ${i}`, i % 4, 1, 1, 2, 1, 1, 1, i % 5]);
      appendRows(model, 'Самооценка', answers(rows));
      // Same bundle as the CLI: KONTROL_CODE when set, else dist/Code.js.
      const code = process.env.KONTROL_CODE ? readFileSync(process.env.KONTROL_CODE, 'utf8') : undefined;
      const sb = createSandbox({ workbook: model, code, now: new Date('2027-12-02T03:00:00Z') });
      sb.resetCounters();
      sb.api('rating', { year: 2027 });
      const sheet = sb.workbook.sheets.find((s) => s.name === 'Рейтинг самооценки');
      return {
        calls: sb.spreadsheetCalls(),
        byMethod: { ...sb.calls },
        charts: sheet?.charts ?? [],
        rows: ranking(sb.workbook).length,
      };
    };
    const small = await run(10);
    const big = await run(1500);
    expect(small.rows).toBe(10);
    expect(big.rows).toBe(1500);
    expect(small.charts).toHaveLength(1);
    expect(small.charts[0].type).toBe('COLUMN');
    expect(small.charts[0].ranges).toHaveLength(2);
    // The tab grows past 1 000 rows once (writeReportTab: getMaxRows twice more, one insertRowsAfter);
    // nothing else depends on n. Measured: 80 calls for 10 organisations (78 before 626985b, which
    // centres the figure columns with one getRange().setHorizontalAlignments() for the whole tab).
    const { 'Sheet.getMaxRows': _a, 'Sheet.insertRowsAfter': _b, ...smallRest } = small.byMethod;
    const { 'Sheet.getMaxRows': _c, 'Sheet.insertRowsAfter': _d, ...bigRest } = big.byMethod;
    expect(bigRest).toEqual(smallRest);
    expect(big.calls - small.calls).toBeLessThanOrEqual(3);
    expect(small.calls).toBeLessThan(82);
  });
});
