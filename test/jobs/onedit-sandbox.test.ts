// onEdit through the real bundle as a simple trigger (spec «Behaviour» → onEdit: no mail, stamps
// only; Apps Script guides/triggers: a simple trigger may not call services that need authorisation,
// which the sandbox enforces). The bundle is dist/Code.js (npm test builds it) or $KONTROL_CODE.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CellValue, emptyWorkbook, type SheetModel, type WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { ORDER_COL, ORDER_HEADERS, TAB } from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');
function code(): string {
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  return readFileSync(CODE_PATH, 'utf8');
}

// 10 March 2026, 23:30 in Novokuznetsk (UTC+7) is still 10 March there but 16:30 UTC.
const NOW = new Date('2026-03-10T16:30:00Z');
const TZ = 'Asia/Novokuznetsk';
const L = (h: string) => String.fromCharCode(65 + ORDER_HEADERS.indexOf(h));
const C = (h: string) => ORDER_HEADERS.indexOf(h);

function prepared(who: { user?: string; sameDomain?: boolean } = {}) {
  const wb: WorkbookModel = emptyWorkbook('Edit', TZ);
  const sb = createSandbox({ workbook: wb, code: code(), now: NOW, ...who });
  sb.api('setup', {});
  const orders = wb.sheets.find((s) => s.name === TAB.orders) as SheetModel;
  const put = (row: number, h: string, v: CellValue) => {
    while (orders.cells.length < row) orders.cells.push([]);
    const r = orders.cells[row - 1];
    while (r.length <= C(h)) r.push({ v: null });
    r[C(h)] = { ...r[C(h)], v };
  };
  const get = (row: number, h: string) => orders.cells[row - 1]?.[C(h)]?.v ?? null;
  for (let r = 2; r <= 4; r++) {
    put(r, ORDER_COL.number, `12-${r - 1}`);
    put(r, ORDER_COL.text, `Поручение ${r - 1}`);
  }
  sb.resetCounters();
  const edit = (a1: string) => sb.run('onEdit', sb.editEvent(TAB.orders, a1), { trigger: 'simple' });
  return { wb, sb, orders, put, get, edit };
}

describe('onEdit on «Поручения» (simple trigger)', () => {
  it("a note typed into «Ход исполнения» is its author's in «История» when Google names the editor (003 п.80, 111, 133)", () => {
    // Same Workspace domain: the event's `user` has the address (guides/triggers/events «user … if
    // available»); the responsible executor's page then counts the co-executor's note (co-executors.ts).
    const named = prepared({ user: 'orlova@adm.ru', sameDomain: true });
    named.put(2, ORDER_COL.progress, 'Собраны заявки школ');
    named.edit(`${L(ORDER_COL.progress)}2`);
    expect(named.get(2, ORDER_COL.history)).toBe(
      '10.03.2026: запись о ходе исполнения добавлена в таблице: orlova@adm.ru',
    );
    // Another domain or a consumer account: no address — no line (a note counts for no one, not for
    // a guess), and onEdit does not even read the row.
    const anon = prepared({ user: 'orlova@gmail.com' });
    anon.put(2, ORDER_COL.progress, 'Собраны заявки школ');
    anon.edit(`${L(ORDER_COL.progress)}2`);
    expect(anon.get(2, ORDER_COL.history)).toBeNull();
    expect(anon.sb.calls['Range.setValues'] ?? 0).toBe(0);
  });
  it('«Готово» with a blank «Дата исполнения» stamps today in the spreadsheet zone, as a date cell', () => {
    const { put, get, edit, sb } = prepared();
    put(2, ORDER_COL.status, 'Готово');
    edit(`${L(ORDER_COL.status)}2`);
    expect(get(2, ORDER_COL.doneDate)).toEqual({ kind: 'date', iso: '2026-03-10' });
    expect(sb.mails).toHaveLength(0);
    // The row has text but no executor and no term: not an order yet, so no «Внесено» (product.md
    // round 3: stamped when the row becomes an order; 000 п.7). The day's events go to «История».
    expect(get(2, ORDER_COL.enteredAt)).toBeNull();
    expect(get(2, ORDER_COL.history)).toBe(
      '10.03.2026: статус «Готово»\n10.03.2026: исполнение отмечено: дата исполнения 10.03.2026',
    );
    // Header row once, edited row once: two reads; one write per stamped cell (not adjacent).
    expect(sb.calls['Range.getValues']).toBe(2);
    expect(sb.calls['Range.setValues']).toBe(2);
    // Executor and term typed: now it is an order, stamped that day.
    put(3, ORDER_COL.executor, 'Иванов И.И.');
    put(3, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-20' });
    edit(`${L(ORDER_COL.deadline)}3`);
    expect(get(3, ORDER_COL.enteredAt)).toEqual({ kind: 'date', iso: '2026-03-10' });
  });

  it('never overwrites a «Дата исполнения» a person wrote', () => {
    const { put, get, edit } = prepared();
    put(3, ORDER_COL.doneDate, { kind: 'date', iso: '2026-03-02' });
    put(3, ORDER_COL.status, 'Готово');
    edit(`${L(ORDER_COL.status)}3`);
    expect(get(3, ORDER_COL.doneDate)).toEqual({ kind: 'date', iso: '2026-03-02' });
  });

  it('the first «Срок» is recorded in «Первоначальный срок»; a later change is not', () => {
    const { put, get, edit } = prepared();
    put(2, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-20' });
    edit(`${L(ORDER_COL.deadline)}2`);
    expect(get(2, ORDER_COL.originalDeadline)).toEqual({ kind: 'date', iso: '2026-03-20' });
    put(2, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-27' });
    edit(`${L(ORDER_COL.deadline)}2`);
    expect(get(2, ORDER_COL.originalDeadline)).toEqual({ kind: 'date', iso: '2026-03-20' });
  });

  it('an extension request is dated in «История» (000 п.11)', () => {
    const { put, get, edit } = prepared();
    put(4, ORDER_COL.requestedDate, { kind: 'date', iso: '2026-04-03' });
    edit(`${L(ORDER_COL.requestedDate)}4`);
    expect(get(4, ORDER_COL.history)).toBe('10.03.2026: запрошен перенос срока на 03.04.2026');
  });

  it('a paste over three rows handles each row', () => {
    const { put, get, edit } = prepared();
    put(2, ORDER_COL.status, 'Готово');
    put(3, ORDER_COL.status, 'В процессе 50');
    put(4, ORDER_COL.status, 'Готово');
    put(2, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-12' });
    put(3, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-13' });
    put(4, ORDER_COL.deadline, { kind: 'date', iso: '2026-03-16' });
    edit(`${L(ORDER_COL.deadline)}2:${L(ORDER_COL.status)}4`);
    expect([2, 3, 4].map((r) => get(r, ORDER_COL.doneDate))).toEqual([
      { kind: 'date', iso: '2026-03-10' },
      null,
      { kind: 'date', iso: '2026-03-10' },
    ]);
    expect([2, 3, 4].map((r) => (get(r, ORDER_COL.originalDeadline) as { iso: string }).iso)).toEqual([
      '2026-03-12',
      '2026-03-13',
      '2026-03-16',
    ]);
  });

  it('ignores the header row and other tabs', () => {
    const { wb, sb, put, get, edit } = prepared();
    put(2, ORDER_COL.status, 'Готово');
    edit(`${L(ORDER_COL.status)}1`);
    expect(get(2, ORDER_COL.doneDate)).toBeNull();
    const before = JSON.stringify(wb);
    sb.run('onEdit', sb.editEvent(TAB.executors, 'A2'), { trigger: 'simple' });
    expect(JSON.stringify(wb)).toBe(before);
  });
});
