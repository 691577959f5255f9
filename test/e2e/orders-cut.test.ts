// The daily check stopped after k service calls (Apps Script's 6-minute limit can strike between
// any two calls), then run again: for every k, «Поручения», «Архив» (every cell, «История» lines)
// and the keys of «Журнал» end as after one clean run. Spec «Daily check»: never notified twice
// (step 4), a decision applied once (000 п.11–12), a return counted once and a done order archived
// once (000 п.14), the notices' lines in «История» kept (000 п.8, п.10). «Проверка данных» too
// (spec «Bad input»; quality bar «Idempotent»): the list and the list mailed to the controller are
// those of one clean run — the problems of a row moved to «Архив» by the run (entered late, executed
// back-dated) stay listed, and a move cut half-way is one order, not a repeated «№».
import { describe, expect, it } from 'vitest';
import { cloneModel, type WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { JOURNAL_KEY_COL } from '../../src/workbook/journal';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { mailedProblemLists, problemsShown } from '../reliability/harness';
import { appendRows, d, makeBook, rowsOf } from './orders-helpers';

const DAY = '2026-03-02';

function seeded(): WorkbookModel {
  const { wb } = makeBook(DAY);
  appendRows(wb, TAB.protocols, [
    { '№': '5', Дата: d('2026-02-17') },
    { '№': '7', Дата: d('2026-02-27') },
  ]);
  appendRows(wb, TAB.orders, [
    {
      '№': '5-1',
      Протокол: '5',
      Поручение: 'новое',
      Исполнитель: 'Петров П.П.',
      Соисполнители: 'Сидорова С.С.',
      Срок: d('2026-03-20'),
      Статус: 'Список дел',
    },
    {
      '№': '5-2',
      Протокол: '5',
      Поручение: 'согласован',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-03-16'),
      Статус: 'В процессе 50',
      'Запрошенный срок': d('2026-03-31'),
      'Обоснование переноса': 'ждём цифры',
      'Решение по переносу': 'Согласован',
    },
    {
      '№': '5-3',
      Протокол: '5',
      Поручение: 'отклонён',
      Исполнитель: 'Сидорова С.С.',
      Срок: d('2026-03-13'),
      Статус: 'В процессе 0',
      'Запрошенный срок': d('2026-03-27'),
      'Обоснование переноса': 'объём',
      'Решение по переносу': 'Отклонён',
    },
    {
      '№': '5-4',
      Протокол: '5',
      Поручение: 'доработка',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-03-06'),
      Статус: 'На доработке',
      'Дата исполнения': d('2026-02-27'),
    },
    {
      '№': '5-5',
      Протокол: '5',
      Поручение: 'в архив',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-02-20'),
      Статус: 'Готово',
      'Дата исполнения': d('2026-02-18'),
    },
    { Протокол: '7', Поручение: 'без номера', Исполнитель: 'Сидорова С.С.', Срочность: 'Срочно', Статус: 'Список дел' },
    {
      '№': '5-6',
      Протокол: '5',
      Поручение: 'просрочено',
      Исполнитель: 'Петров П.П.',
      Срок: d('2026-02-26'),
      Статус: 'В процессе 0',
    },
  ]);
  return wb;
}

function daily(wb: WorkbookModel, stopAfterCalls?: number, time = '05:00:00'): { error: string | null; calls: number } {
  const sb = createSandbox({ workbook: wb, now: new Date(`${DAY}T${time}Z`), realElapsed: false, stopAfterCalls });
  let error: string | null = null;
  try {
    sb.api('daily', {}, { trigger: 'time' });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return { error, calls: sb.spreadsheetCalls() + (sb.calls['MailApp.sendEmail'] ?? 0) };
}

/** What a finished run leaves: order rows by text (История as sorted lines), the set of sent keys. */
function endState(wb: WorkbookModel) {
  const rows: Record<string, unknown>[] = [TAB.orders, TAB.archive].flatMap((t) =>
    rowsOf(wb, t).map((r) => {
      const { [ORDER_COL.history]: h, ...rest } = r;
      return {
        tab: t,
        ...rest,
        history: String(h ?? '')
          .split('\n')
          .filter(Boolean)
          .sort(),
      };
    }),
  );
  rows.sort((a, b) => String(a[ORDER_COL.text]).localeCompare(String(b[ORDER_COL.text])));
  for (const r of rows) delete r['Дата архивации'];
  const keys = [...new Set(rowsOf(wb, TAB.log).flatMap((r) => String(r[JOURNAL_KEY_COL] ?? '').split('\n')))]
    .filter((k) => k && !k.startsWith('problems:'))
    .sort();
  return { rows, keys };
}

describe('a daily check cut after k calls, then re-run', () => {
  it('for k over the run: the end state of one clean run (no decision or return twice, no line lost)', {
    timeout: 180_000,
  }, () => {
    const clean = seeded();
    const start = cloneModel(clean);
    const first = daily(clean);
    expect(first.error).toBeNull();
    const want = endState(clean);
    // The clean run did the work the cuts must not spoil.
    const row = (text: string) => want.rows.find((r) => r[ORDER_COL.text] === text);
    expect(row('согласован')?.[ORDER_COL.extensions]).toBe(1);
    expect(row('согласован')?.[ORDER_COL.originalDeadline]).toBe('2026-03-16');
    expect(row('доработка')?.[ORDER_COL.returns]).toBe(1);
    expect(row('в архив')?.tab).toBe(TAB.archive);
    expect(row('без номера')?.[ORDER_COL.number]).toBe('7-1');
    expect((row('новое')?.history as string[] | undefined)?.filter((l) => /отправлено/.test(l))).toHaveLength(2);
    expect(want.keys.length).toBeGreaterThanOrEqual(5);
    // The row gone to «Архив» keeps its problems in the list, said to be in «Архив».
    const wantProblems = problemsShown(clean);
    const wantMailed = mailedProblemLists(clean);
    const moved = wantProblems.filter((r) => /5-5 перенесено на лист «Архив»/.test(r[4] ?? '')).map((r) => r[4]);
    expect(moved.some((m) => /внесено позже срока/.test(m))).toBe(true);
    expect(moved.some((m) => /задним числом/.test(m))).toBe(true);
    expect(wantMailed).toHaveLength(1);

    // Every STRIDE-th call (a cut between any two of the run's writes is what matters; the
    // reliability suite's soak run tries every call).
    const STRIDE = 4;
    const bad: string[] = [];
    let cutRuns = 0;
    /** Cut at k, re-run: what differs from one clean run; and where the cut left «в архив». */
    const tryCut = (k: number): { done: boolean; moving: 'before' | 'both' | 'after' } => {
      const wb = cloneModel(start);
      const cut = daily(wb, k);
      if (!cut.error) return { done: true, moving: 'after' };
      cutRuns++;
      const where = (t: string) => rowsOf(wb, t).some((r) => r[ORDER_COL.text] === 'в архив');
      const moving = !where(TAB.archive) ? 'before' : where(TAB.orders) ? 'both' : 'after';
      const again = daily(wb, undefined, '06:20:00');
      if (again.error) bad.push(`k=${k}: ${again.error}`);
      const got = endState(wb);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        bad.push(`k=${k}`);
        expect(got, `k=${k}`).toEqual(want);
      }
      if (JSON.stringify(problemsShown(wb)) !== JSON.stringify(wantProblems))
        bad.push(`k=${k}: «Проверка данных» ${JSON.stringify(problemsShown(wb).slice(3))}`);
      if (JSON.stringify(mailedProblemLists(wb)) !== JSON.stringify(wantMailed))
        bad.push(`k=${k}: контролёру ${mailedProblemLists(wb).join(', ')} вместо ${wantMailed.join(', ')}`);
      return { done: false, moving };
    };
    let lastBefore = -1;
    let firstAfter = -1;
    let halfMoves = 0;
    const note = (k: number, r: ReturnType<typeof tryCut>) => {
      if (r.moving === 'both') halfMoves++;
      if (r.moving === 'before') lastBefore = k;
      else if (firstAfter < 0) firstAfter = k;
    };
    for (let k = 0; k < first.calls + STRIDE; k += STRIDE) {
      const r = tryCut(k);
      if (r.done) break;
      note(k, r);
    }
    // The move to «Архив» (appended, not yet deleted) is a window of a few calls: every one of them.
    for (let k = lastBefore + 1; k < firstAfter; k++) note(k, tryCut(k));
    expect(halfMoves, 'a cut between appending to «Архив» and deleting').toBeGreaterThan(0);
    expect(bad).toEqual([]);
    expect(cutRuns).toBeGreaterThan(first.calls / STRIDE - 2);
  });

  it('a second clean run the same day keeps «Проверка данных» and mails the controller nothing more', () => {
    const wb = seeded();
    expect(daily(wb).error).toBeNull();
    const first = problemsShown(wb);
    const mailed = mailedProblemLists(wb);
    expect(first.some((r) => /5-5 перенесено на лист «Архив»/.test(r[4] ?? ''))).toBe(true);
    expect(daily(wb, undefined, '06:20:00').error).toBeNull();
    expect(problemsShown(wb)).toEqual(first);
    expect(mailedProblemLists(wb)).toEqual(mailed);
    // «Проверить данные» the same day lists them too (it checks without filling: the same rows here).
    createSandbox({ workbook: wb, now: new Date(`${DAY}T07:00:00Z`), realElapsed: false }).api('check');
    expect(problemsShown(wb)).toEqual(first);
  });
});
