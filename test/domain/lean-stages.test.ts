import { describe, expect, it } from 'vitest';
import { addDays, midnightInZone } from '../../src/domain/dates';
import {
  closingMonth,
  currentStage,
  emptyStageDates,
  inQuarterReport,
  parseOpenYear,
  parseQuarter,
  readStageDates,
  STAGE_COLUMNS,
  STAGE_HEADERS,
  type StageDates,
  stageLabel,
  stageOrderIssues,
} from '../../src/domain/lean-stages';
import { PROJECT_COL, STAGE_NAMES, STAGE_NONE } from '../../src/workbook/schema';

// Seed 002, Приложение 1 «Паспорт бережливого проекта», «Сроки» п.1–10 (ten dated stages; 2–8 with
// «с … по …»); spec «Проекты»: the current stage on D is the highest-numbered stage whose start is
// on or before D, «Паспорт не согласован» before stage 1.

/** Stage n starts on 2026-01-01 + 10·(n−1); stages 2–8 end the day before the next starts. */
function fullDates(): StageDates {
  const d = emptyStageDates();
  for (let i = 0; i < 10; i++) {
    d.start[i] = addDays('2026-01-01', 10 * i);
    if (i >= 1 && i <= 7) d.end[i] = addDays('2026-01-01', 10 * (i + 1) - 1);
  }
  return d;
}

describe('current stage (002 Приложение 1 «Сроки» п.1–10)', () => {
  const dates = fullDates();
  for (let n = 1; n <= 10; n++) {
    const start = dates.start[n - 1] as string;
    it(`stage ${n} boundary ${start}: the day before is stage ${n - 1}, on and after it is stage ${n}`, () => {
      expect(currentStage(dates, addDays(start, -1))).toBe(n - 1);
      expect(currentStage(dates, start)).toBe(n);
      expect(currentStage(dates, addDays(start, 1))).toBe(n);
    });
  }
  it('before stage 1 the label is «Паспорт не согласован»; stage labels read «N. Name»', () => {
    expect(stageLabel(currentStage(dates, '2025-12-31'))).toBe(STAGE_NONE);
    expect(stageLabel(5)).toBe('5. Разработка плана мероприятий');
    expect(stageLabel(10)).toBe(`10. ${STAGE_NAMES[9]}`);
  });
  it('missing stage dates are skipped: the highest dated stage on or before D wins', () => {
    const d = emptyStageDates();
    d.start[0] = '2026-02-01';
    d.start[4] = '2026-03-01'; // stages 2–4 left blank
    expect(currentStage(d, '2026-02-28')).toBe(1);
    expect(currentStage(d, '2026-03-01')).toBe(5);
    const none = emptyStageDates();
    expect(currentStage(none, '2030-01-01')).toBe(0);
    // Stage 1 blank but stage 2 dated: stage 2 from its start.
    const no1 = emptyStageDates();
    no1.start[1] = '2026-04-01';
    expect(stageLabel(currentStage(no1, '2026-03-31'))).toBe(STAGE_NONE);
    expect(currentStage(no1, '2026-04-01')).toBe(2);
  });
  it('ends do not change the stage: a stage stays current after its end until the next one starts', () => {
    const d = emptyStageDates();
    d.start[1] = '2026-01-10';
    d.end[1] = '2026-01-20';
    expect(currentStage(d, '2026-02-15')).toBe(2);
  });
});

describe('stage dates as data problems (spec «Bad input»: a stage date out of order)', () => {
  it('a correct passport has no issues', () => {
    expect(stageOrderIssues(fullDates())).toEqual([]);
  });
  it('a start after the next stage’s start is reported on that start column', () => {
    const d = fullDates();
    d.start[3] = '2026-02-15'; // stage 4 after stage 5 (2026-02-10)
    const issues = stageOrderIssues(d);
    expect(issues.map((i) => i.header)).toContain(PROJECT_COL.stage4Start);
    expect(issues[0].message).toContain('15.02.2026');
  });
  it('the comparison skips blank stages: stage 3 after stage 6 with 4–5 blank', () => {
    const d = emptyStageDates();
    d.start[2] = '2026-05-01';
    d.start[5] = '2026-04-01';
    expect(stageOrderIssues(d).map((i) => i.header)).toEqual([PROJECT_COL.stage3Start]);
  });
  it('an end before its own start is reported on the end column', () => {
    const d = emptyStageDates();
    d.start[6] = '2026-06-10';
    d.end[6] = '2026-06-01';
    const issues = stageOrderIssues(d);
    expect(issues).toHaveLength(1);
    expect(issues[0].header).toBe(PROJECT_COL.stage7End);
  });
  it('readStageDates reads Dates and ДД.ММ.ГГГГ text and returns unreadable cells apart', () => {
    const tz = 'Asia/Novokuznetsk';
    const cells: Record<string, unknown> = {
      [PROJECT_COL.stage1]: midnightInZone('2026-01-15', tz),
      [PROJECT_COL.stage2Start]: '20.01.2026',
      [PROJECT_COL.stage2End]: '31.02.2026',
      [PROJECT_COL.stage9]: 'в марте',
    };
    const { dates, bad } = readStageDates((h) => cells[h] ?? '', tz);
    expect(dates.start[0]).toBe('2026-01-15');
    expect(dates.start[1]).toBe('2026-01-20');
    expect(dates.end[1]).toBeNull();
    expect(bad.map((b) => b.header)).toEqual([PROJECT_COL.stage2End, PROJECT_COL.stage9]);
  });
  it('STAGE_HEADERS lists all 17 stage columns of the spec in order', () => {
    expect(STAGE_HEADERS).toHaveLength(17);
    expect(STAGE_COLUMNS.map((c) => c.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(STAGE_HEADERS[0]).toBe(PROJECT_COL.stage1);
    expect(STAGE_HEADERS[16]).toBe(PROJECT_COL.stage10);
  });
});

describe('«Дата закрытия (мм.гг.)» (002 Приложение 2) is «Этап 9» as ММ.ГГ', () => {
  it('formats stage 9 and is blank without it', () => {
    const d = emptyStageDates();
    expect(closingMonth(d)).toBe('');
    d.start[8] = '2026-03-31';
    expect(closingMonth(d)).toBe('03.26');
  });
});

describe('which projects belong in a quarter (spec «Отчёт: бережливые проекты»)', () => {
  const q1 = parseQuarter('2026-Q1');
  if (!q1) throw new Error('quarter');
  const closedOn = (iso: string | null, open = 2025) => {
    const d = emptyStageDates();
    d.start[8] = iso;
    return inQuarterReport(open, d, q1);
  };
  it('parses quarters tolerant of case and separators; rejects others', () => {
    expect(q1).toMatchObject({ year: 2026, q: 1, start: '2026-01-01', end: '2026-03-31' });
    expect(parseQuarter('2026q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parseQuarter('2026-К2')?.end).toBe('2026-06-30');
    for (const bad of ['2026-Q5', '2026', 'Q1-2026', '', '26-Q1']) expect(parseQuarter(bad)).toBeNull();
  });
  it('closed the day before the quarter began: out; closed on its first day: in', () => {
    expect(closedOn('2025-12-31')).toBe(false);
    expect(closedOn('2026-01-01')).toBe(true);
  });
  it('closed on the quarter’s last day or later, or not closed: in', () => {
    expect(closedOn('2026-03-31')).toBe(true);
    expect(closedOn('2026-04-01')).toBe(true);
    expect(closedOn(null)).toBe(true);
  });
  it('opened in the quarter’s year or before: in; opened the next year: out', () => {
    expect(closedOn(null, 2026)).toBe(true);
    expect(closedOn(null, 2024)).toBe(true);
    expect(closedOn(null, 2027)).toBe(false);
  });
  it('without «Год открытия» the year of «Этап 1» is used; with neither the project is left out', () => {
    const d = emptyStageDates();
    expect(inQuarterReport(null, d, q1)).toBe(false);
    d.start[0] = '2027-01-10';
    expect(inQuarterReport(null, d, q1)).toBe(false);
    d.start[0] = '2026-03-31';
    expect(inQuarterReport(null, d, q1)).toBe(true);
  });
  it('reads «Год открытия» from a number, text or a date cell', () => {
    const tz = 'Europe/Moscow';
    expect(parseOpenYear(2026, tz)).toBe(2026);
    expect(parseOpenYear(' 2025 г.', tz)).toBe(2025);
    expect(parseOpenYear(midnightInZone('2026-05-01', tz), tz)).toBe(2026);
    expect(parseOpenYear('в прошлом году', tz)).toBeNull();
    expect(parseOpenYear('', tz)).toBeNull();
  });
});
