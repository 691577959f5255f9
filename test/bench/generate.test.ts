// The benchmark's workbook generator: deterministic, and shaped as issue 7 asks (N orders, 200
// executors, N/50 protocols, N/10 archive rows, a mix of statuses, requests, returns, bad rows).
import { describe, expect, it } from 'vitest';
import { TAB } from '../../src/workbook/schema';
import { addTodaysActivity, colOf, generateWorkbook, rng } from './generate';

const today = '2026-06-01';

function dataRows(wb: ReturnType<typeof generateWorkbook>['workbook'], tab: string) {
  const s = wb.sheets.find((x) => x.name === tab);
  if (!s) throw new Error(`нет вкладки ${tab}`);
  return { sheet: s, rows: s.cells.slice(1) };
}

describe('bench generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateWorkbook({ n: 300, today, seed: 3 }).workbook);
    const b = JSON.stringify(generateWorkbook({ n: 300, today, seed: 3 }).workbook);
    const c = JSON.stringify(generateWorkbook({ n: 300, today, seed: 4 }).workbook);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('rng gives values in [0, 1) spread over the range', () => {
    const r = rng(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(600);
  });

  it('has N orders, 200 executors with e-mails, N/50 protocols and N/10 archive rows', () => {
    const { workbook, stats } = generateWorkbook({ n: 1000, today });
    expect(dataRows(workbook, TAB.orders).rows).toHaveLength(1000);
    const ex = dataRows(workbook, TAB.executors);
    expect(ex.rows).toHaveLength(200);
    const email = colOf(ex.sheet, 'Эл. почта');
    expect(ex.rows.every((r) => /@/.test(String(r[email].v)))).toBe(true);
    expect(new Set(ex.rows.map((r) => r[colOf(ex.sheet, 'ФИО')].v)).size).toBe(200);
    expect(dataRows(workbook, TAB.protocols).rows).toHaveLength(20);
    expect(dataRows(workbook, TAB.archive).rows).toHaveLength(100);
    expect(stats.protocols).toBe(20);
    expect(dataRows(workbook, TAB.calendar).rows.length).toBeGreaterThan(20);
    expect(dataRows(workbook, TAB.log).rows.length).toBeGreaterThan(0);
  });

  it('mixes statuses, extension requests, returned orders and a few bad rows', () => {
    const { stats } = generateWorkbook({ n: 5000, today });
    for (const s of ['Список дел', 'В процессе 0', 'В процессе 50', 'В процессе 99', 'Готово', 'На доработке'])
      expect(stats.byStatus[s] ?? 0, s).toBeGreaterThan(0);
    expect(stats.extensionRequests).toBeGreaterThan(0);
    expect(stats.returned).toBeGreaterThan(0);
    expect(stats.blankDeadlines).toBeGreaterThan(0);
    expect(stats.badRows).toBeGreaterThan(0);
    expect(stats.badRows).toBeLessThan(50);
  });

  it("today's activity adds a protocol with un-notified orders, decisions and returns", () => {
    const { workbook } = generateWorkbook({ n: 2000, today });
    const before = dataRows(workbook, TAB.orders).rows.length;
    const add = addTodaysActivity(workbook, { today });
    const { sheet, rows } = dataRows(workbook, TAB.orders);
    expect(rows.length).toBe(before + add.newOrders + add.archiveDue);
    expect(add.newOrders).toBe(200);
    expect(add.decisions).toBeGreaterThan(0);
    expect(add.returned).toBeGreaterThan(0);
    const status = colOf(sheet, 'Статус');
    expect(rows.slice(before, before + add.newOrders).every((r) => r[status].v === 'Список дел')).toBe(true);
    const executor = colOf(sheet, 'Исполнитель');
    expect(new Set(rows.slice(before, before + add.newOrders).map((r) => r[executor].v)).size).toBe(200);
  });
});
