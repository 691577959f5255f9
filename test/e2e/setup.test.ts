// End to end through the `kontrol` CLI and the real bundle: `init --demo` sets a workbook up and adds
// the demo week (issue 3 «Demo data»), `run setup` again changes nothing in the saved .xlsx, and
// `edit` fires onEdit as a person's edit would. dist/Code.js (npm test builds it) or $KONTROL_CODE.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/domain/settings';
import { main } from '../../src/local/cli';
import { DEMO_CONTROLLER, DEMO_EXECUTORS, DEMO_UNKNOWN_EXECUTOR } from '../../src/local/demo/orders';
import type { SheetModel, WorkbookModel } from '../../src/local/model';
import { loadXlsx } from '../../src/local/xlsx';
import { EXECUTOR_COL, MEASURE_PLAN_COL, ORDER_COL, STATE, STATES, STATUSES, TAB } from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');
const TODAY = '2026-03-11'; // a Wednesday; last week's meetings were on 03.03 and 05.03

async function kontrol(argv: string[]) {
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), codePath: CODE_PATH });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function table(wb: WorkbookModel, name: string): { header: string[]; rows: unknown[][]; sheet: SheetModel } {
  const sheet = wb.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const header = (sheet.cells[0] ?? []).map((c) => String(c.v ?? ''));
  const rows = sheet.cells
    .slice(1)
    .map((r) => header.map((_, i) => r[i]?.v ?? null))
    .filter((r) => r.some((v) => v !== null && v !== ''));
  return { header, rows, sheet };
}
const colValues = (t: { header: string[]; rows: unknown[][] }, h: string) => t.rows.map((r) => r[t.header.indexOf(h)]);

async function demoWorkbook(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kontrol-setup-'));
  const file = join(dir, 'demo.xlsx');
  const r = await kontrol(['init', file, '--demo', '--today', TODAY]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return file;
}

describe('kontrol init --demo: a week of a small administration', () => {
  it('has six executors (one absent with a substitute), two protocols, fifteen orders in every status and five of control between the dates', async () => {
    const wb = await loadXlsx(await demoWorkbook());
    const executors = table(wb, TAB.executors);
    expect(colValues(executors, EXECUTOR_COL.name)).toEqual(Object.values(DEMO_EXECUTORS));
    const absent = executors.rows.filter((r) => r[executors.header.indexOf(EXECUTOR_COL.substitute)]);
    expect(absent).toHaveLength(1);
    expect(absent[0][executors.header.indexOf(EXECUTOR_COL.absentFrom)]).toEqual({ kind: 'date', iso: '2026-03-09' });
    const protocols = table(wb, TAB.protocols);
    expect(protocols.rows.map((r) => r[protocols.header.indexOf('Дата')])).toEqual([
      { kind: 'date', iso: '2026-03-03' },
      { kind: 'date', iso: '2026-03-05' },
    ]);
    const orders = table(wb, TAB.orders);
    // The week's fifteen orders (demo/orders) and, since 6987ead, five of control between the dates
    // (demo/between-dates: spec «Round 3 additions»): a monthly one, one with an interim date and a
    // co-executor, one done late with its reason, a long one with its plan of measures, one reminded.
    expect(orders.rows).toHaveLength(20);
    expect(colValues(orders, ORDER_COL.number).slice(15)).toEqual(['13-21', '13-22', '13-23', '13-24', '13-25']);
    const only = (h: string) =>
      orders.rows.filter((r) => r[orders.header.indexOf(h)]).map((r) => r[orders.header.indexOf(ORDER_COL.number)]);
    expect(only(ORDER_COL.periodicity)).toEqual(['13-21']);
    expect(only(ORDER_COL.interimDate)).toEqual(['13-22']);
    expect(only(ORDER_COL.coExecutors)).toEqual(['12-2', '13-1', '13-22']);
    expect(only(ORDER_COL.lateReason)).toEqual(['13-23']);
    expect(colValues(table(wb, TAB.measurePlans), MEASURE_PLAN_COL.order)).toEqual(['13-24', '13-24']);
    expect(table(wb, TAB.units).rows).toHaveLength(5);
    expect(new Set(colValues(orders, ORDER_COL.status))).toEqual(new Set(STATUSES));
    expect(colValues(orders, ORDER_COL.executor)).toContain(DEMO_UNKNOWN_EXECUTOR);
    expect(colValues(orders, ORDER_COL.deadline)).toContain('31.02.2026');
    expect(colValues(orders, ORDER_COL.decision)).toContain('Согласован');
    expect(colValues(orders, ORDER_COL.requestedDate).filter(Boolean)).toHaveLength(2);
    const settings = table(wb, TAB.settings);
    const value = (p: string) => settings.rows.find((r) => r[0] === p)?.[1];
    expect(value(SETTING.controllerEmail)).toBe(DEMO_CONTROLLER);
    expect(String(value(SETTING.summaryRecipients))).toMatch(/@example\.ru, .*@example\.ru$/);
  });

  it('`run setup` on the saved demo workbook changes nothing', async () => {
    const file = await demoWorkbook();
    const before = await loadXlsx(file);
    const r = await kontrol(['run', 'setup', file, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Таблица уже настроена');
    const after = await loadXlsx(file);
    expect(after.sheets.map((s) => [s.name, s.cells])).toEqual(before.sheets.map((s) => [s.name, s.cells]));
  });

  it('`edit` of «Статус» to «Готово» stamps «Дата исполнения» through onEdit', async () => {
    const file = await demoWorkbook();
    const wb = await loadXlsx(file);
    const orders = table(wb, TAB.orders);
    const row = orders.rows.findIndex((r) => r[orders.header.indexOf(ORDER_COL.number)] === '12-1') + 2;
    const status = String.fromCharCode(65 + orders.header.indexOf(ORDER_COL.status));
    const r = await kontrol([
      'edit',
      file,
      '--sheet',
      TAB.orders,
      '--cell',
      `${status}${row}`,
      '--value',
      'Готово',
      '--today',
      TODAY,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const after = table(await loadXlsx(file), TAB.orders);
    expect(after.rows[row - 2][after.header.indexOf(ORDER_COL.doneDate)]).toEqual({ kind: 'date', iso: TODAY });
  });

  it('after the daily check every «Состояние» is represented and both data problems are listed', async () => {
    const file = await demoWorkbook();
    const r = await kontrol(['run', 'daily', file, '--today', TODAY, '--outbox', join(file, '..', 'outbox')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = await loadXlsx(file);
    const orders = table(wb, TAB.orders);
    const archive = table(wb, TAB.archive);
    const states = new Set([...colValues(orders, ORDER_COL.state), ...colValues(archive, ORDER_COL.state)]);
    // «Ожидает снятия с контроля» and «Снято с контроля» exist only in the «решением давшего поручение» mode; the demo keeps the default.
    for (const s of STATES.filter((x) => x !== STATE.awaitingRemoval && x !== STATE.cancelled))
      expect(states, s).toContain(s);
    const problems = JSON.stringify(table(wb, TAB.problems).sheet.cells.map((row) => row.map((c) => c.v)));
    expect(problems).toContain(DEMO_UNKNOWN_EXECUTOR);
    expect(problems).toContain('31.02.2026');
    // The demo's done orders were recorded on their day («История», as onEdit writes it): the first
    // check must not call them back-dated (000 п.13) — a false alarm a newcomer would believe.
    expect(problems).not.toContain('задним числом');
  });
});
