// The checker of people's cells (harness.ts › forbiddenChanges) must catch every change the spec
// does not allow, and let through exactly its exceptions (spec «The workbook»: a blank «№»/«Срок»
// filled; a decided extension request cleared, an approved one moving «Срок»; «Дата исполнения»
// of a returned order cleared — 000 п.11, п.15).
import { describe, expect, it } from 'vitest';
import type { CellModel } from '../../src/local/model';
import { ORDER_COL as O } from '../../src/workbook/schema';
import { changedCells, forbiddenChanges } from './harness';

type Row = Map<string, CellModel | undefined>;
const row = (r: Record<string, CellModel['v']>): Row =>
  new Map(Object.entries(r).map(([h, v]) => [h.toLowerCase(), { v }]));
const date = (iso: string) => ({ kind: 'date' as const, iso });
const base = {
  [O.number]: '5-1',
  [O.text]: 'Подготовить план',
  [O.deadline]: date('2026-03-16'),
  [O.status]: 'В процессе 50',
  [O.requestedDate]: date('2026-03-31'),
  [O.requestReason]: 'Ждём цифры',
  [O.decision]: 'Согласован',
  'Примечание отдела': 'своё',
};
const check = (before: Record<string, CellModel['v']>, after: Record<string, CellModel['v']>) =>
  forbiddenChanges('t', row(before), row(after), 'Europe/Moscow');

describe('forbiddenChanges', () => {
  it('lets an approved extension through only with «Срок» moved to the requested date', () => {
    const cleared = { [O.requestedDate]: null, [O.requestReason]: null, [O.decision]: null };
    expect(check(base, { ...base, ...cleared, [O.deadline]: date('2026-03-31') })).toEqual([]);
    expect(check(base, { ...base, ...cleared, [O.deadline]: date('2026-03-30') })).toHaveLength(1);
    // Moving «Срок» without clearing the request is not a decision applied.
    expect(check(base, { ...base, [O.deadline]: date('2026-03-31') })).toHaveLength(1);
  });

  it('a refused request may be cleared, «Срок» may not move', () => {
    const refused = { ...base, [O.decision]: 'Отклонён' };
    const cleared = { [O.requestedDate]: null, [O.requestReason]: null, [O.decision]: null };
    expect(check(refused, { ...refused, ...cleared })).toEqual([]);
    expect(check(refused, { ...refused, ...cleared, [O.deadline]: date('2026-03-31') })).toHaveLength(1);
  });

  it('an undecided request is never cleared', () => {
    const open = { ...base, [O.decision]: null };
    expect(check(open, { ...open, [O.requestReason]: null })).toHaveLength(1);
  });

  it('a blank «№» or «Срок» may be filled; a written one may not change', () => {
    expect(check({ ...base, [O.number]: null }, { ...base, [O.number]: '5-7' })).toEqual([]);
    expect(check(base, { ...base, [O.number]: '5-7' })).toHaveLength(1);
  });

  it('«Дата исполнения» is cleared only for a returned order', () => {
    const done = { ...base, [O.doneDate]: date('2026-02-27') };
    expect(
      check({ ...done, [O.status]: 'На доработке' }, { ...done, [O.status]: 'На доработке', [O.doneDate]: null }),
    ).toEqual([]);
    expect(check(done, { ...done, [O.doneDate]: null })).toHaveLength(1);
  });

  it('catches a changed extra column, a formula replaced by its value, and a lost column', () => {
    expect(check(base, { ...base, 'Примечание отдела': 'чужое' })).toHaveLength(1);
    const f = new Map([['поручение', { v: 3, formula: 'SUM(1;2)' } as CellModel]]);
    expect(forbiddenChanges('t', f, new Map([['поручение', { v: 3 }]]), 'Europe/Moscow')).toHaveLength(1);
    const { 'Примечание отдела': _, ...without } = base;
    expect(check(base, without)).toHaveLength(1);
  });

  it('ignores system columns and a date rewritten at midnight of the same day', () => {
    expect(check({ ...base, [O.state]: 'Просрочено' }, { ...base, [O.state]: 'На исполнении' })).toEqual([]);
    expect(check(base, { ...base, [O.deadline]: date('2026-03-16T00:00:00') })).toEqual([]);
  });
});

describe('changedCells', () => {
  it('reports a changed cell, not cells added beyond the old grid', () => {
    expect(changedCells('X', [['a', 'b']], [['a', 'c', 'd'], ['e']])).toHaveLength(1);
    expect(changedCells('X', [['a', 'b']], [['a', 'b', 'd'], ['e']])).toEqual([]);
  });
});
