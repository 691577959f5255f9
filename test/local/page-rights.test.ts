// Issue 19 items 4–5 on the page: rights as the regulations give them, and bounded growth.
// 003 п.80, п.111, п.133: «контроль за термінами розгляду здійснює виконавець, вказаний у резолюції
// першим …, співвиконавцям направляються копії» — the responsible executor (or the substitute of an
// absent one) sets «Статус» and asks for extensions; a co-executor adds progress notes only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rightsOf, rightsRefusal } from '../../src/domain/rights';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { ORDER_COL } from '../../src/workbook/schema';
import { at, orderRow } from '../e2e/orders-helpers';
import { buildBook, IVANOV, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';

type Resp = {
  ok: boolean;
  message: string;
  data?: { lists: { orders: { number: string; version: string; may: Record<string, boolean> }[] } };
};

function page(sb: Sandbox, email: string) {
  const link = String(sb.api('link', { email }));
  const token = decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
  const load = () => sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as Resp;
  const order = (number: string) => load().data?.lists.orders.find((o) => o.number === number);
  const submit = (number: string, fields: Record<string, string>) =>
    sb.invoke(
      'myOrdersSubmit',
      [{ token, action: { kind: 'order', number, version: order(number)?.version, ...fields } }],
      { trigger: 'webapp' },
    ) as Resp;
  return { load, order, submit };
}

describe('rights (domain/rights.ts; 003 п.80, 111, 133)', () => {
  it('the responsible executor and the substitute of an absent one: status and extension; a co-executor: notes only', () => {
    const all = { status: true, note: true, request: true };
    const notes = { status: false, note: true, request: false };
    expect(rightsOf({ role: 'executor', onBehalfOf: '' }, 'Иванов И.И.')).toEqual(all);
    expect(rightsOf({ role: 'substitute', onBehalfOf: 'Петров П.П.' }, 'Петров П.П.')).toEqual(all);
    expect(rightsOf({ role: 'substitute', onBehalfOf: 'Петров П.П.' }, 'Сидорова С.С.')).toEqual(notes);
    expect(rightsOf({ role: 'coexecutor', onBehalfOf: '' }, 'Сидорова С.С.')).toEqual(notes);
    expect(rightsRefusal(notes, { status: 'Готово' }, 'Сидорова С.С.')).toContain('Статус меняет ответственный');
    expect(rightsRefusal(notes, { request: {} }, '')).toContain('Перенос срока запрашивает ответственный');
    expect(rightsRefusal(notes, { note: 'x' }, '')).toBeNull();
  });
});

describe('rights on the page', () => {
  it('a co-executor’s «Готово» is refused and changes nothing; his note goes in; the page says what each may do', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const ivanov = page(sb, IVANOV);
    expect(ivanov.order('П1-4')?.may).toEqual({ status: false, note: true, request: false });
    expect(ivanov.order('П1-1')?.may).toEqual({ status: true, note: true, request: true });
    expect(ivanov.order('П1-3')?.may).toEqual({ status: true, note: true, request: true });
    const before = JSON.stringify(orderRow(wb, 'П1-4'));
    const r = ivanov.submit('П1-4', { status: 'Готово' });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'Статус меняет ответственный исполнитель (Сидорова С.С.): соисполнитель добавляет только записи о ходе исполнения.',
    );
    const req = ivanov.submit('П1-4', { requestedDate: '31.03.2026', reason: 'Ждём УК' });
    expect(req.message).toContain('Перенос срока запрашивает ответственный исполнитель');
    expect(JSON.stringify(orderRow(wb, 'П1-4'))).toBe(before);
    expect(ivanov.submit('П1-4', { progress: 'Согласовано с двумя УК' }).ok).toBe(true);
    expect(orderRow(wb, 'П1-4')[ORDER_COL.progress]).toBe('10.03.2026: Согласовано с двумя УК');
    // The substitute of the absent responsible executor (Петров) sets the status of П1-3.
    expect(ivanov.submit('П1-3', { status: 'В процессе 50' }).ok).toBe(true);
    expect(orderRow(wb, 'П1-3')[ORDER_COL.status]).toBe('В процессе 50');
  });
});
