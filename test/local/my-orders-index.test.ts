// «Мои поручения» from the page's index (issue 23; workbook/page-index.ts, jobs/my-orders-index.ts):
// after the daily check builds it, a page load takes unchanged orders from it and reads only the
// rest. Whatever happened to the sheet since — a sort, an executor replaced, an order added, a row
// deleted, a cell changed by something no trigger sees — the page must show what a page reading
// every one of the person's rows shows (the reference: the same workbook without the index), and a
// submit must never act on a row that changed since the page was loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteLine } from '../../src/domain/order-events';
import { appendRows } from '../../src/local/demo/util';
import type { CellModel, WorkbookModel } from '../../src/local/model';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { EDITS_TAB, INDEX_TAB } from '../../src/workbook/page-index';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { at } from '../e2e/orders-helpers';
import { buildBook, CONTROLLER, IVANOV, order, SIDOROVA, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';

type Lists = { orders: { number: string; version: string; progress?: string }[]; done: { number: string }[] };
type Answer = { ok: boolean; message: string; data?: { lists: Lists } };

function tokenFor(sb: Sandbox, email: string): string {
  const link = String(sb.api('link', { email }));
  return decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
}

function load(sb: Sandbox, email: string): Answer {
  return sb.invoke('myOrdersLoad', [tokenFor(sb, email)], { trigger: 'webapp' }) as Answer;
}

/** The workbook after a daily check: the index built. Иванов has 10 rows (the index serves lists of INDEX_MIN_ROWS and more). */
function indexed(): { wb: WorkbookModel; sb: Sandbox } {
  const { wb } = buildBook();
  appendRows(
    wb,
    TAB.orders,
    [21, 22, 23, 24].map((k) => order(`П1-${k}`, 'Иванов И.И.', `2026-03-${k}`, { Поручение: `Поручение ${k}` })),
  );
  // П1-21: a co-executor's note older than the card's last lines (the index keeps «История» only
  // as far as the page uses it: domain/page-history.ts) — the card still shows its day.
  const o21 = wb.sheets.find((s) => s.name === TAB.orders) as { cells: CellModel[][] };
  const h = (name: string) => o21.cells[0].findIndex((c) => c?.v === name);
  const r21 = o21.cells.find((r) => r?.[h('№')]?.v === 'П1-21') as CellModel[];
  r21[h(ORDER_COL.coExecutors)] = { v: 'Кузнецов К.К.' };
  r21[h(ORDER_COL.history)] = {
    v: [
      '02.03.2026: внесено в контроль',
      noteLine('2026-03-03', 'Кузнецов К.К.'),
      ...[4, 5, 6, 7].map((day) => `0${day}.03.2026: уведомление исполнителю отправлено`),
    ].join('\n'),
  };
  const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
  sb.api('daily');
  expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([INDEX_TAB, EDITS_TAB]));
  return { wb, sb };
}

/** The page of `email` on a copy of the workbook without the index: every row of theirs read. */
function reference(wb: WorkbookModel, email: string, day = TODAY): Answer {
  const copy = JSON.parse(JSON.stringify(wb)) as WorkbookModel;
  copy.sheets = copy.sheets.filter((s) => s.name !== INDEX_TAB && s.name !== EDITS_TAB);
  const sb = createSandbox({ workbook: copy, code, now: at(day), realElapsed: false, webAppUrl: BASE });
  const token = tokenFor(sb, email);
  sb.resetCounters();
  const a = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Answer;
  referenceReads += sb.calls['Range.getValues'] ?? 0;
  return a;
}
/** Range.getValues of the reference pages so far (the same pages from the index read fewer rows). */
let referenceReads = 0;

const ordersTab = (wb: WorkbookModel) => wb.sheets.find((s) => s.name === TAB.orders) as { cells: CellModel[][] };
const col = (wb: WorkbookModel, h: string) => ordersTab(wb).cells[0].findIndex((c) => c?.v === h);
const rowOf = (wb: WorkbookModel, n: string) => ordersTab(wb).cells.findIndex((r) => r?.[col(wb, '№')]?.v === n);
function put(wb: WorkbookModel, n: string, h: string, v: CellModel['v']): string {
  const r = rowOf(wb, n);
  ordersTab(wb).cells[r][col(wb, h)] = { v };
  return `${String.fromCharCode(65 + col(wb, h))}${r + 1}`;
}
/** A person's edit: the cell changed, then the simple onEdit trigger as Sheets fires it. */
function edit(sb: Sandbox, wb: WorkbookModel, n: string, h: string, v: CellModel['v']): void {
  sb.run('onEdit', sb.editEvent(TAB.orders, put(wb, n, h, v)), { trigger: 'simple' });
}
const numbers = (a: Answer) => [
  ...(a.data?.lists.orders ?? []).map((o) => o.number),
  '|',
  ...(a.data?.lists.done ?? []).map((o) => o.number),
];

describe('«Мои поручения» from the index: never staler than the sheet', () => {
  it('right after the daily check the page equals one that reads every row, taken from the index', () => {
    const { wb, sb } = indexed();
    const page = load(sb, IVANOV);
    expect(page.ok, page.message).toBe(true);
    expect(page.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    // Own, substitute for Петров (П1-3, П1-7), co-executor (П1-4); done: П1-6.
    expect(numbers(page).sort()).toEqual([
      '|',
      'П1-1',
      'П1-2',
      'П1-21',
      'П1-22',
      'П1-23',
      'П1-24',
      'П1-3',
      'П1-4',
      'П1-6',
      'П1-7',
    ]);
    // The cards came from the index: a cell changed behind every trigger's back is not seen (the
    // limit docs/PERFORMANCE.md states; a submit on it is refused — below).
    const o21 = page.data?.lists.orders.find((o) => o.number === 'П1-21') as { between?: { coNotes?: unknown } };
    expect(o21.between?.coNotes).toEqual({
      since: '02.03.2026',
      rows: [{ name: 'Кузнецов К.К.', noted: '03.03.2026' }],
    });
    const v = page.data?.lists.orders.find((o) => o.number === 'П1-4')?.version;
    put(wb, 'П1-4', ORDER_COL.progress, 'записано другим скриптом');
    expect(load(sb, IVANOV).data?.lists.orders.find((o) => o.number === 'П1-4')?.version).toBe(v);
  });

  it('rows re-sorted (no trigger fires): the orders move with their «№», the page is the same', () => {
    const { wb, sb } = indexed();
    const cells = ordersTab(wb).cells;
    const body = cells.slice(1).filter((r) => r?.some((c) => c?.v !== null && c?.v !== undefined && c?.v !== ''));
    cells.splice(1, body.length, ...body.reverse());
    const page = load(sb, IVANOV);
    expect(page.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    // A row deleted (no trigger either): its order is gone from the page.
    cells.splice(rowOf(wb, 'П1-1'), 1);
    const after = load(sb, IVANOV);
    expect(numbers(after)).not.toContain('П1-1');
    expect(after.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
  });

  it('an executor replaced in the sheet: gone from the one, shown to the other — with or without onEdit', () => {
    const { wb, sb } = indexed();
    edit(sb, wb, 'П1-1', ORDER_COL.executor, 'Сидорова С.С.');
    expect(numbers(load(sb, IVANOV))).not.toContain('П1-1');
    expect(numbers(load(sb, SIDOROVA))).toContain('П1-1');
    // Another script writes (onEdit does not fire): the «№» is found in a row that no longer names
    // Иванов, so his rows are all read again.
    put(wb, 'П1-2', ORDER_COL.executor, 'Сидорова С.С.');
    const page = load(sb, IVANOV);
    expect(numbers(page)).not.toContain('П1-2');
    expect(page.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    // And one given to Иванов: read, since the index does not hold it for him.
    edit(sb, wb, 'П1-5', ORDER_COL.executor, 'Иванов И.И.');
    expect(numbers(load(sb, IVANOV))).toContain('П1-5');
  });

  it('an order added since the index was built is shown; a status typed moves it to the done list', () => {
    const { wb, sb } = indexed();
    const cells = ordersTab(wb).cells;
    const copy = cells[rowOf(wb, 'П1-2')].map((c) => ({ ...c }));
    copy[col(wb, '№')] = { v: 'П1-9' };
    copy[col(wb, ORDER_COL.text)] = { v: 'Новое поручение' };
    cells.push(copy);
    sb.run('onEdit', sb.editEvent(TAB.orders, `A${cells.length}:C${cells.length}`), { trigger: 'simple' });
    expect(numbers(load(sb, IVANOV))).toContain('П1-9');
    edit(sb, wb, 'П1-2', ORDER_COL.status, 'Готово');
    const page = load(sb, IVANOV);
    expect(page.data?.lists.done.map((x) => x.number)).toContain('П1-2');
    expect(page.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
  });

  it('a submit after a change is refused; the reload shows the row as it is — even a change no trigger saw', () => {
    const { wb, sb } = indexed();
    const token = tokenFor(sb, IVANOV);
    const first = load(sb, IVANOV);
    const v = first.data?.lists.orders.find((o) => o.number === 'П1-1')?.version;
    // A person types a note in the sheet: logged, so the reload reads the row.
    edit(sb, wb, 'П1-1', ORDER_COL.progress, '09.03.2026: смета готова');
    const submit = (version: string | undefined) =>
      sb.invoke(
        'myOrdersSubmit',
        [{ token, action: { kind: 'order', number: 'П1-1', version, progress: 'Подрядчик найден' } }],
        { trigger: 'webapp' },
      ) as Answer;
    const refused = submit(v);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/изменилось/);
    const fresh = refused.data?.lists.orders.find((o) => o.number === 'П1-1');
    expect(fresh?.version).not.toBe(v);
    expect(refused.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    // Another script changes П1-2 (no trigger): the index still vouches for the old cells, so the
    // page may show them — but a submit re-reads the row, is refused, and logs it: the reload is true.
    const v2 = refused.data?.lists.orders.find((o) => o.number === 'П1-2')?.version;
    put(wb, 'П1-2', ORDER_COL.progress, 'изменено другим скриптом');
    const stale = load(sb, IVANOV).data?.lists.orders.find((o) => o.number === 'П1-2');
    expect(stale?.version).toBe(v2);
    const r2 = sb.invoke(
      'myOrdersSubmit',
      [{ token, action: { kind: 'order', number: 'П1-2', version: v2, progress: 'Отчёт готов' } }],
      { trigger: 'webapp' },
    ) as Answer;
    expect(r2.ok).toBe(false);
    expect(r2.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    expect(load(sb, IVANOV).data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
    // An accepted submit writes the row and logs it: the next page shows the new note.
    const now = load(sb, IVANOV).data?.lists.orders.find((o) => o.number === 'П1-1')?.version;
    const ok = submit(now);
    expect(ok.ok, ok.message).toBe(true);
    expect(ok.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
  });

  it("the controller's lists (requests, everyone's overdue) from the index, and after a decision typed in the sheet", () => {
    const { wb, sb } = indexed();
    const before = load(sb, CONTROLLER) as Answer & { data: { lists: { extensions: { number: string }[] } } };
    expect(before.data.lists).toEqual(reference(wb, CONTROLLER).data?.lists);
    expect(before.data.lists.extensions.map((x) => x.number)).toEqual(['П1-7']);
    edit(sb, wb, 'П1-7', ORDER_COL.decision, 'Согласован');
    const after = load(sb, CONTROLLER);
    expect(after.data?.lists).toEqual(reference(wb, CONTROLLER).data?.lists);
    // Rows re-sorted: the same lists.
    const cells = ordersTab(wb).cells;
    const body = cells.slice(1).filter((r) => r?.some((c) => c?.v !== null && c?.v !== undefined && c?.v !== ''));
    cells.splice(1, body.length, ...body.reverse());
    expect(load(sb, CONTROLLER).data?.lists).toEqual(reference(wb, CONTROLLER).data?.lists);
  });

  it('a column moved: the index is not used at all', () => {
    const { wb, sb } = indexed();
    for (const r of ordersTab(wb).cells) if (r) [r[1], r[2]] = [r[2], r[1]];
    sb.resetCounters();
    const page = load(sb, IVANOV);
    expect(page.data?.lists).toEqual(reference(wb, IVANOV).data?.lists);
  });
});

describe('the index the daily check builds holds the sheet as its writes left it', () => {
  it('on the bench workbook (1 000 orders, a day of news since): every page equals the one read row by row', async () => {
    const { prepareWorkbook } = await import('../bench/harness');
    const { executorsOf, CONTROLLER_EMAIL } = await import('../bench/generate');
    const prep = await prepareWorkbook(1000, { code });
    const wb = JSON.parse(prep.snapshot) as WorkbookModel;
    expect(wb.sheets.some((s) => s.name === INDEX_TAB)).toBe(true);
    const sb = createSandbox({ workbook: wb, code, now: at('2026-06-01'), realElapsed: false, webAppUrl: BASE });
    const people = executorsOf(wb).filter((e) => e.email);
    // Every 20th executor (the day's news touched some of theirs), the median one and the controller.
    const emails = [
      ...people.filter((_, i) => i % 20 === 0).map((e) => e.email),
      prep.pageExecutor.email,
      CONTROLLER_EMAIL,
    ];
    let reads = 0;
    referenceReads = 0;
    for (const email of emails) {
      const token = tokenFor(sb, email);
      sb.resetCounters();
      const page = sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Answer;
      reads += sb.calls['Range.getValues'] ?? 0;
      expect(page.ok, `${email}: ${page.message}`).toBe(true);
      expect(page.data?.lists, email).toEqual(reference(wb, email, '2026-06-01').data?.lists);
    }
    // The index was used, not fallen back from: fewer reads in all, though each page also reads the
    // index and the log.
    expect(reads, `${reads} vs ${referenceReads}`).toBeLessThan(referenceReads);
  }, 120_000);
});
