// Issue 19 item 5: bounded growth. At most «Действий на странице в час» (default 60) page actions
// per address; a text field adds at most 1 000 characters; no cell the page or the daily check
// appends to passes 40 000 characters — older lines of «История» / «Ход исполнения» move to
// «Архив истории» (№, date, text) — and the daily check never fails for everyone because one cell grew.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_APPENDED_CELL,
  ROLL_OVER_AT,
  ROLLED_OVER_LINE,
  rollOver,
  splitDatedLine,
} from '../../src/domain/history-rollover';
import { overlongText } from '../../src/domain/page-limits';
import { createSandbox, type Sandbox } from '../../src/local/sandbox/index';
import { ORDER_COL } from '../../src/workbook/schema';
import { at, orderRow, rowsOf, setSetting } from '../e2e/orders-helpers';
import { buildBook, IVANOV, TODAY } from '../web/fixture';

const code = readFileSync(join(process.cwd(), 'dist/Code.js'), 'utf8');
const BASE = 'http://127.0.0.1:8080/';

/** `n` dated lines of about 100 characters, oldest first. */
function longStory(n: number, what = 'запись'): string {
  return Array.from(
    { length: n },
    (_, i) => `0${1 + (i % 9)}.02.2026: ${what} ${String(i).padStart(5, '0')} ${'—'.repeat(80)}`,
  ).join('\n');
}

function setCell(sb: Sandbox, number: string, header: string, text: string): void {
  sb.evaluate(`(function () {
    var sh = SpreadsheetApp.getActive().getSheetByName('Поручения');
    var v = sh.getDataRange().getValues();
    var c = v[0].indexOf(${JSON.stringify(header)});
    for (var r = 1; r < v.length; r++) if (v[r][0] === ${JSON.stringify(number)}) sh.getRange(r + 1, c + 1).setValue(${JSON.stringify(text)});
  })()`);
}

function page(sb: Sandbox, email: string) {
  const link = String(sb.api('link', { email }));
  const token = decodeURIComponent(new URL(link).searchParams.get('t') ?? '');
  type R = { ok: boolean; message: string; data?: { lists: { orders: { number: string; version: string }[] } } };
  const load = () => sb.invoke('myOrdersLoad', [token], { trigger: 'webapp' }) as R;
  return (number: string, fields: Record<string, string>) => {
    const version = load().data?.lists.orders.find((o) => o.number === number)?.version;
    return sb.invoke('myOrdersSubmit', [{ token, action: { kind: 'order', number, version, ...fields } }], {
      trigger: 'webapp',
    }) as R;
  };
}

describe('rolling over (domain/history-rollover.ts)', () => {
  it('keeps a short cell; moves the oldest lines of a long one, with their days, and says where they went', () => {
    expect(rollOver('01.03.2026: a')).toEqual({ text: '01.03.2026: a', moved: [] });
    const story = longStory(450);
    expect(story.length).toBeGreaterThan(ROLL_OVER_AT);
    const r = rollOver(story);
    expect(r.text.length).toBeLessThan(ROLL_OVER_AT);
    expect(r.text.split('\n')[0]).toBe(ROLLED_OVER_LINE);
    expect(r.text.endsWith(story.slice(story.lastIndexOf('\n') + 1))).toBe(true);
    expect(r.moved[0]).toEqual(splitDatedLine(story.split('\n')[0]));
    expect(r.moved[0].date).toBe('2026-02-01');
    // Nothing lost: the moved lines and the kept ones are the story.
    const back = [...r.moved.map((m) => `${m.date?.slice(8, 10)}.${m.date?.slice(5, 7)}.2026: ${m.text}`)];
    expect([...back, ...r.text.split('\n').slice(1)].join('\n')).toBe(story);
    // Rolled twice: one marker line, not two.
    expect(rollOver(`${r.text}\n${longStory(120, 'ещё')}`).text.split(ROLLED_OVER_LINE)).toHaveLength(2);
    expect(overlongText({ progress: 'я'.repeat(1001) })).toContain('длиннее 1 000 знаков');
    expect(overlongText({ progress: 'я'.repeat(1000), reason: 'x' })).toBeNull();
    // An appeal's «Принятые меры» replaces its cell (it cannot grow it by repetition): bounded by the
    // cell's total, so a text of 2 000 written before round 3 can still be edited from the page.
    expect(overlongText({ measures: 'я'.repeat(2000) })).toBeNull();
    expect(overlongText({ measures: 'я'.repeat(5001) })).toBe(
      'Текст длиннее 5 000 знаков: сократите его и сохраните снова.',
    );
  });
});

describe('bounded growth in the sandbox', () => {
  it('a 40 000-character «История» is rolled over by the daily check, which stays green for everyone', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false });
    const story = longStory(400);
    expect(story.length).toBeGreaterThanOrEqual(MAX_APPENDED_CELL);
    setCell(sb, 'П1-5', ORDER_COL.history, story);
    const r = String(sb.api('daily'));
    expect(r).toMatch(/^Ежедневная проверка 10\.03\.2026/);
    const h = String(orderRow(wb, 'П1-5')[ORDER_COL.history]);
    expect(h.length).toBeLessThanOrEqual(ROLL_OVER_AT);
    expect(h.startsWith(ROLLED_OVER_LINE)).toBe(true);
    const archived = rowsOf(wb, 'Архив истории');
    expect(archived.length).toBeGreaterThan(100);
    expect(archived[0]).toMatchObject({ '№': 'П1-5', Текст: expect.stringContaining('запись 00000') });
    // Everyone else's orders were processed as usual (the others got their states).
    expect(orderRow(wb, 'П1-1')[ORDER_COL.state]).not.toBe('');
    // Again: nothing more to roll over, nothing archived twice.
    sb.api('daily');
    expect(rowsOf(wb, 'Архив истории')).toHaveLength(archived.length);
  });

  it('a note on a full «Ход исполнения» rolls it over; a text over 1 000 characters is refused', () => {
    const { wb } = buildBook();
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    setCell(sb, 'П1-1', ORDER_COL.progress, longStory(330, 'ход'));
    const submit = page(sb, IVANOV);
    expect(submit('П1-1', { progress: 'я'.repeat(1001) }).message).toContain('длиннее 1 000 знаков');
    expect(submit('П1-1', { progress: 'Подрядчик вышел на объект' }).ok).toBe(true);
    const p = String(orderRow(wb, 'П1-1')[ORDER_COL.progress]);
    expect(p.length).toBeLessThanOrEqual(ROLL_OVER_AT);
    expect(p.endsWith('10.03.2026: Подрядчик вышел на объект')).toBe(true);
    expect(rowsOf(wb, 'Архив истории')[0]).toMatchObject({ '№': 'П1-1' });
  });

  it('at most «Действий на странице в час» actions an address; the next hour it works again', () => {
    const { wb } = buildBook();
    setSetting(wb, 'Действий на странице в час', 3);
    const sb = createSandbox({ workbook: wb, code, now: at(TODAY), realElapsed: false, webAppUrl: BASE });
    const submit = page(sb, IVANOV);
    for (let i = 1; i <= 3; i++) expect(submit('П1-2', { progress: `запись ${i}` }).ok).toBe(true);
    const before = JSON.stringify(orderRow(wb, 'П1-2'));
    const r = submit('П1-2', { progress: 'запись 4' });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('не больше 3 в час');
    expect(JSON.stringify(orderRow(wb, 'П1-2'))).toBe(before);
    sb.setNow(new Date(sb.now().getTime() + 3600_000));
    expect(submit('П1-2', { progress: 'запись 5' }).ok).toBe(true);
  });
});
