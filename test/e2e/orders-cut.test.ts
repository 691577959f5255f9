// The daily check stopped after k service calls (Apps Script's 6-minute limit can strike between
// any two calls), then run again: for every k, «Поручения», «Архив» (every cell, «История» lines)
// and the keys of «Журнал» end as after one clean run. Spec «Daily check»: never notified twice
// (step 4), a decision applied once (000 п.11–12), a return counted once and a done order archived
// once (000 п.14), the notices' lines in «История» kept (000 п.8, п.10).
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { JOURNAL_KEY_COL } from '../../src/workbook/journal';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
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
    const start = structuredClone(clean);
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

    // Every STRIDE-th call (a cut between any two of the run's writes is what matters; the
    // reliability suite's soak run tries every call).
    const STRIDE = 4;
    const bad: string[] = [];
    let cutRuns = 0;
    for (let k = 0; k < first.calls + STRIDE; k += STRIDE) {
      const wb = structuredClone(start);
      const cut = daily(wb, k);
      if (!cut.error) break;
      cutRuns++;
      const again = daily(wb, undefined, '06:20:00');
      if (again.error) bad.push(`k=${k}: ${again.error}`);
      const got = endState(wb);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        bad.push(`k=${k}`);
        expect(got, `k=${k}`).toEqual(want);
      }
    }
    expect(bad).toEqual([]);
    expect(cutRuns).toBeGreaterThan(first.calls / STRIDE - 2);
  });
});
