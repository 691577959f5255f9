// Shared helpers for the order e2e tests: a workbook made by «Настроить таблицу» in the sandbox,
// people's rows appended by header, people's edits fired through onEdit.
import { appendRows, type DemoValue, sheetOf } from '../../src/local/demo/util';
import { type CellModel, emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox, DEFAULT_USER, type Sandbox, type SandboxOptions } from '../../src/local/sandbox/index';
import { ORDER_COL, TAB } from '../../src/workbook/schema';

export const d = (iso: string): DemoValue => ({ date: iso });
/** 08:00 in Moscow on a calendar day. */
export const at = (iso: string) => new Date(`${iso}T05:00:00Z`);

export function val(c: CellModel | undefined): string | number | boolean {
  const v = c?.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.iso.slice(0, 10);
  return v;
}

export function header(wb: WorkbookModel, tab: string): string[] {
  return (sheetOf(wb, tab).cells[0] ?? []).map((c) => String(val(c)).trim());
}

/** Data rows of a tab as {header: value}, dates as ISO. */
export function rowsOf(wb: WorkbookModel, tab: string): Record<string, string | number | boolean>[] {
  const s = sheetOf(wb, tab);
  const h = header(wb, tab);
  return s.cells
    .slice(1)
    .filter((r) => r?.some((c) => val(c) !== ''))
    .map((r) => Object.fromEntries(h.map((name, i) => [name, val(r[i])])));
}

export function orderRow(wb: WorkbookModel, number: string, tab: string = TAB.orders) {
  const r = rowsOf(wb, tab).find((x) => String(x[ORDER_COL.number]) === number);
  if (!r) throw new Error(`no order ${number} on ${tab}`);
  return r;
}

function colLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function setSetting(wb: WorkbookModel, param: string, value: string | number): void {
  const s = sheetOf(wb, TAB.settings);
  const h = header(wb, TAB.settings);
  const p = h.indexOf('Параметр');
  const v = h.indexOf('Значение');
  const row = s.cells.findIndex((r, i) => i > 0 && String(val(r?.[p])) === param);
  if (row < 0) throw new Error(`no setting ${param}`);
  s.cells[row][v] = { v: value };
}

/** A person's edit of one order cell: the model changes, then onEdit fires as a simple trigger. */
export function edit(sb: Sandbox, number: string, column: string, value: DemoValue): void {
  const wb = sb.workbook;
  const s = sheetOf(wb, TAB.orders);
  const h = header(wb, TAB.orders);
  const c = h.indexOf(column);
  const n = h.indexOf(ORDER_COL.number);
  const r = s.cells.findIndex((row, i) => i > 0 && String(val(row?.[n])) === number);
  if (c < 0 || r < 0) throw new Error(`edit: no ${column} / ${number}`);
  const old = val(s.cells[r][c]);
  const cell: CellModel =
    value !== null && typeof value === 'object' ? { v: { kind: 'date', iso: value.date } } : { v: value };
  s.cells[r][c] = cell;
  const shown = value !== null && typeof value === 'object' ? value.date : String(value ?? '');
  sb.run('onEdit', sb.editEvent(TAB.orders, `${colLetter(c)}${r + 1}`, { value: shown, oldValue: String(old) }), {
    trigger: 'simple',
  });
}

export interface Fixture {
  sb: Sandbox;
  wb: WorkbookModel;
}

export const PEOPLE: Record<string, DemoValue>[] = [
  {
    ФИО: 'Иванов И.И.',
    Должность: 'заместитель главы',
    Подразделение: 'ЖКХ',
    'Эл. почта': 'ivanov@adm.test',
    Замещающий: 'Сидорова С.С.',
  },
  { ФИО: 'Петров П.П.', Должность: 'начальник отдела', Подразделение: 'Экономика', 'Эл. почта': 'petrov@adm.test' },
  {
    ФИО: 'Сидорова С.С.',
    Должность: 'начальник управления',
    Подразделение: 'Образование',
    'Эл. почта': 'sidorova@adm.test',
  },
];

export function makeBook(start: string, opts: Partial<SandboxOptions> = {}): Fixture {
  const wb = emptyWorkbook('Контроль поручений', 'Europe/Moscow');
  const sb = createSandbox({ workbook: wb, now: at(start), realElapsed: false, ...opts });
  sb.api('setup');
  setSetting(wb, 'Эл. почта контролёра', 'control@adm.test');
  appendRows(wb, TAB.executors, PEOPLE);
  sb.resetCounters();
  return { sb, wb };
}

export function day(sb: Sandbox, iso: string, action = 'daily'): string {
  sb.setNow(at(iso));
  return String(sb.api(action));
}

/**
 * The scheduled daily check as Apps Script runs it: the current account's dailyRun trigger fires
 * (made first by «Включить автоматическую проверку» when there is none). dailyRun acts only for
 * its own trigger's event (src/entry/guard.ts), so a bare `run('dailyRun')` is refused.
 */
export function fireDaily(sb: Sandbox): unknown {
  const mine = () =>
    sb.workbook.triggers.find((t) => t.handler === 'dailyRun' && (t.owner ?? DEFAULT_USER) === sb.user());
  if (!mine()) sb.run('menuEnableTrigger');
  const t = mine();
  if (!t) throw new Error('no dailyRun trigger was made');
  return sb.fireTrigger(t.id);
}

export { appendRows, sheetOf };
