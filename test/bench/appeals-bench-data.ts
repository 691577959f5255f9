// The appeals the bench adds beside the generated orders (test/bench/appeals-bench.test.ts).
import { APPEAL_CHANNELS, APPEAL_HEADERS } from '../../src/domain/appeals';
import { addDays, minDate } from '../../src/domain/dates';
import type { WorkbookModel } from '../../src/local/model';
import { EXECUTOR_COL, TAB } from '../../src/workbook/schema';
import { appendRows, colOf, ensureTab, type GenValue, rng } from './generate';
import { BENCH_TODAY } from './harness';

const CATEGORIES = [
  'ЖКХ',
  'Дороги',
  'Благоустройство',
  'Транспорт',
  'Мусор',
  'Освещение',
  'Образование',
  'Здравоохранение',
];

/** `n` appeals over the 60 days before the bench day, deterministic: a third answered, some postponed. */
export function addAppeals(wb: WorkbookModel, n: number): void {
  const r = rng(16);
  const ex = wb.sheets.find((s) => s.name === TAB.executors);
  const c = ex ? colOf(ex, EXECUTOR_COL.name) : -1;
  const names = (ex?.cells.slice(1) ?? []).map((row) => String(row?.[c]?.v ?? '')).filter(Boolean);
  const sheet = ensureTab(wb, TAB.appeals, APPEAL_HEADERS);
  const rows: Record<string, GenValue>[] = [];
  for (let i = 0; i < n; i++) {
    // Registered and answered by the warm-up day (Friday 29.05) at the latest: a date after «today»
    // is a data problem, and its notes would be load of another kind.
    const reg = addDays(BENCH_TODAY, -3 - (i % 60));
    const answered = r() < 0.33;
    const extended = !answered && r() < 0.1;
    rows.push({
      '№': `О-${i + 1}`,
      'Дата регистрации': { date: reg },
      Заявитель: `Заявитель ${Math.floor(r() * n * 0.8)}`,
      Адрес: `ул. Садовая, ${1 + Math.floor(r() * 200)}`,
      Канал: APPEAL_CHANNELS[Math.floor(r() * APPEAL_CHANNELS.length)],
      Тема: 'Проблема жителей',
      // Even days and categories: no emergency (an index above 3,00 mails once — news, not load).
      Категория: CATEGORIES[Math.floor(i / 60) % CATEGORIES.length],
      'Требует изучения': r() < 0.3 ? 'Нет' : 'Да',
      // Five executors answer appeals (the mail count, one digest per person, then compares across N).
      Исполнитель: names[i % 5] ?? '',
      'Продлено до': extended ? { date: addDays(reg, 45) } : null,
      'Принятые меры': answered ? 'Ответ дан' : '',
      // Answered by yesterday at the latest: a future «Дата ответа» is a data problem, not load.
      'Дата ответа': answered ? { date: minDate(addDays(reg, Math.floor(r() * 25)), addDays(BENCH_TODAY, -3)) } : null,
    });
  }
  appendRows(sheet, rows);
}
