import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { parseSettings } from '../../src/domain/settings';
import type { RunContext } from '../../src/jobs/context';
import { ratingReminders, ratingReport, validateRating } from '../../src/jobs/rating';
import { Mailer } from '../../src/mail/mailer';
import { Journal } from '../../src/workbook/journal';
import { Problems } from '../../src/workbook/problems';
import { CRITERIA_COL, SELF_ASSESSMENT_COL, TAB } from '../../src/workbook/schema';
import { criteriaSeedRows } from '../../src/workbook/specs/rating';

// Seed 002: «Порядок проведения самооценки» п.4.1 (due «ежегодно до 01 декабря»), «Чек-лист
// критериев» (Приложение № 1 к Порядку) and its «Подсчет результата». The job is run against a
// minimal in-memory Spreadsheet that counts service calls (the sandbox e2e test runs the bundle).

type V = string | number | boolean | Date;

class FakeRange {
  constructor(
    readonly sh: FakeSheet,
    readonly r: number,
    readonly c: number,
    readonly nr: number,
    readonly nc: number,
  ) {}
  private count(name: string) {
    this.sh.ss.calls[name] = (this.sh.ss.calls[name] ?? 0) + 1;
    return this;
  }
  getValues(): V[][] {
    this.count('getValues');
    const out: V[][] = [];
    for (let i = 0; i < this.nr; i++) {
      const row: V[] = [];
      for (let j = 0; j < this.nc; j++) row.push(this.sh.cells[this.r - 1 + i]?.[this.c - 1 + j] ?? '');
      out.push(row);
    }
    return out;
  }
  setValues(v: V[][]) {
    this.count('setValues');
    if (v.length !== this.nr || v.some((r) => r.length !== this.nc))
      throw new Error('The number of rows or columns in the data does not match the range');
    v.forEach((row, i) => {
      const target = this.sh.cells[this.r - 1 + i] ?? [];
      this.sh.cells[this.r - 1 + i] = target;
      row.forEach((x, j) => {
        // As in Sheets, a leading apostrophe keeps the rest as text and is not stored.
        // A string starting with = would become a formula: mark it so a missing escape shows.
        target[this.c - 1 + j] =
          typeof x === 'string' && x.startsWith("'")
            ? x.slice(1)
            : typeof x === 'string' && x.startsWith('=')
              ? `#FORMULA${x}`
              : x;
      });
    });
    return this;
  }
  setFontWeight() {
    return this.count('setFontWeight');
  }
  setFontSize() {
    return this.count('setFontSize');
  }
  setBackground() {
    return this.count('setBackground');
  }
  setWrap() {
    return this.count('setWrap');
  }
  setNumberFormat() {
    return this.count('setNumberFormat');
  }
  setHorizontalAlignments(g: (string | null)[][]) {
    // As Range.setHorizontalAlignments: the grid must match the range, as setValues.
    if (g.length !== this.nr || g.some((r) => r.length !== this.nc))
      throw new Error('The number of rows or columns in the data does not match the range');
    return this.count('setHorizontalAlignments');
  }
  mergeAcross() {
    return this.count('mergeAcross');
  }
  a1(): string {
    const col = (n: number) => String.fromCharCode(64 + n);
    return `${col(this.c)}${this.r}:${col(this.c + this.nc - 1)}${this.r + this.nr - 1}`;
  }
}

interface Chart {
  type: string;
  ranges: string[];
  row: number;
  col: number;
  options: Record<string, unknown>;
}

class FakeSheet {
  cells: V[][] = [];
  charts: Chart[] = [];
  maxRows = 1000;
  maxCols = 26;
  constructor(
    readonly ss: FakeSpreadsheet,
    readonly name: string,
  ) {}
  private count(name: string) {
    this.ss.calls[name] = (this.ss.calls[name] ?? 0) + 1;
  }
  getDataRange() {
    this.count('getDataRange');
    const rows = Math.max(1, this.cells.length);
    const cols = Math.max(1, ...this.cells.map((r) => r?.length ?? 0));
    return new FakeRange(this, 1, 1, rows, cols);
  }
  getRange(r: number, c: number, nr = 1, nc = 1) {
    this.count('getRange');
    return new FakeRange(this, r, c, nr, nc);
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(_after: number, n: number) {
    this.count('insertRowsAfter');
    this.maxRows += n;
  }
  insertColumnsAfter(_after: number, n: number) {
    this.count('insertColumnsAfter');
    this.maxCols += n;
  }
  clear() {
    this.count('clear');
    this.cells = [];
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(c: Chart) {
    this.charts = this.charts.filter((x) => x !== c);
  }
  getProtections() {
    return [];
  }
  protect() {
    const p = { setDescription: () => p, setWarningOnly: () => p };
    return p;
  }
  setColumnWidth() {
    this.count('setColumnWidth');
  }
  getRangeList(a1: string[]) {
    // As Sheet.getRangeList: A1 notations of this sheet; a bad one throws.
    for (const x of a1) if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(x)) throw new Error(`Range not found: ${x}`);
    this.count('getRangeList');
    const list = {
      setHorizontalAlignment: () => {
        this.count('RangeList.setHorizontalAlignment');
        return list;
      },
    };
    return list;
  }
  setFrozenRows() {
    this.count('setFrozenRows');
  }
  newChart() {
    const m: Chart = { type: '', ranges: [], row: 0, col: 0, options: {} };
    const b = {
      setChartType(t: string) {
        m.type = t;
        return b;
      },
      addRange(r: FakeRange) {
        m.ranges.push(r.a1());
        return b;
      },
      setPosition(row: number, col: number) {
        m.row = row;
        m.col = col;
        return b;
      },
      setOption(k: string, v: unknown) {
        m.options[k] = v;
        return b;
      },
      build: () => m,
    };
    return b;
  }
  insertChart(c: Chart) {
    this.count('insertChart');
    this.charts.push(c);
  }
  /** Test helper: rows as read back, trailing blanks trimmed. */
  text(): string[][] {
    return this.cells.map((r) => (r ?? []).map((x) => (x instanceof Date ? x.toISOString() : String(x ?? ''))));
  }
}

class FakeSpreadsheet {
  calls: Record<string, number> = {};
  sheets = new Map<string, FakeSheet>();
  getSpreadsheetTimeZone() {
    return 'Asia/Novokuznetsk';
  }
  getSheetByName(n: string) {
    return this.sheets.get(n) ?? null;
  }
  insertSheet(n: string) {
    const s = new FakeSheet(this, n);
    this.sheets.set(n, s);
    return s;
  }
  put(name: string, rows: V[][]) {
    const s = this.insertSheet(name);
    s.cells = rows.map((r) => [...r]);
    return s;
  }
  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
}

const sent: { to: string; subject: string; body: string; htmlBody: string }[] = [];
const g = globalThis as Record<string, unknown>;
beforeEach(() => {
  sent.length = 0;
  g.SpreadsheetApp = { ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' } };
  g.Charts = { ChartType: { COLUMN: 'COLUMN', BAR: 'BAR' } };
  g.MailApp = { getRemainingDailyQuota: () => 100, sendEmail: (m: (typeof sent)[number]) => sent.push(m) };
});
afterEach(() => {
  delete g.SpreadsheetApp;
  delete g.Charts;
  delete g.MailApp;
});

const SA_HEADERS = Object.values(SELF_ASSESSMENT_COL);
function answers(rows: [V, V, ...V[]][]): V[][] {
  return [SA_HEADERS, ...rows.map((r) => [...r, ...new Array(SA_HEADERS.length - r.length).fill('')])];
}

/** The same five organisations as test/domain/rating.test.ts, typed as people would. */
const FIVE: [V, V, ...V[]][] = [
  [2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0],
  [2025, 'Отдел культуры', 1, 0, 0, 0, 0, 0, 0, 1],
  [2026, 'Администрация', 3, 3, 3, 3, 3, 2, 3, 4, 'https://disk/adm'], // 12,5
  [2026, 'УО', 2, 1, 0, 2, 2, 1, 2, 2], // 7,6
  ['2026', 'УСЗН', '1', '3', '3', '3', '2', '0', '2', '3'], // 7,6
  [2026, 'ФУ', 4, 1, 1, 2, 2, 1, 1, 1], // К1 = 4 invalid → 4,6
  [2026, 'КУМИ', 2, 2, 2, 1, 1, '', 1, 0], // К4 = 1 invalid, К6 missing → 4,1
  [2026, 'уо', 0, 0, 0, 0, 0, 0, 0, 0], // duplicate of УО: not counted
];

function workbook(
  answerRows: [V, V, ...V[]][] = FIVE,
  criteria: V[][] = [Object.values(CRITERIA_COL), ...criteriaSeedRows()],
) {
  const ss = new FakeSpreadsheet();
  ss.put(TAB.criteria, criteria);
  ss.put(TAB.selfAssessment, answers(answerRows));
  return ss;
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The main table of «Рейтинг самооценки» as {header: cell} objects. */
function ratingRows(ss: FakeSpreadsheet): Record<string, string>[] {
  const cells = (ss.getSheetByName(TAB.rating) as FakeSheet).text();
  const h = cells.findIndex((r) => r[0] === 'Место');
  const out: Record<string, string>[] = [];
  for (let i = h + 1; i < cells.length && cells[i][0] !== ''; i++)
    out.push(Object.fromEntries(cells[h].map((k, j) => [k, cells[i][j]])));
  return out;
}

describe('«Рейтинг самооценки» (002 Приложение № 1 к Порядку, «Подсчет результата»)', () => {
  it('writes ranks and totals worked out by hand, the coefficients used, the warnings and a column chart', () => {
    const ss = workbook();
    const problems = new Problems();
    const summary = ratingReport(ss as unknown as Ss, '2026', problems);
    expect(summary).toMatch(/организаций — 5, первое место — Администрация; предупреждений — 5/);
    const rows = ratingRows(ss);
    expect(rows.map((r) => [r.Место, r.Организация, r.Итого])).toEqual([
      ['1', 'Администрация', '12.5'],
      ['2', 'УО', '7.6'],
      ['2', 'УСЗН', '7.6'],
      ['4', 'ФУ', '4.6'],
      ['5', 'КУМИ', '4.1'],
    ]);
    // Criterion 3 has a score but no weighted value; the invalid К1 of ФУ is shown as typed.
    expect(rows[0].К3).toBe('3');
    expect(rows[0]['К3 × коэф.']).toBe('');
    expect(rows[0]['К2 × коэф.']).toBe('0.9');
    expect(rows[3].К1).toBe('4');
    expect(rows[3]['К1 × коэф.']).toBe('');
    expect(rows[3].Замечания).toMatch(/итог неполный; К1: балл 4 недопустим \(0–3\)/);
    const all = (ss.getSheetByName(TAB.rating) as FakeSheet).text().map((r) => r.join('|'));
    const coefRow3 = all.find((l) => l.startsWith('3|Центр компетенций'));
    expect(coefRow3).toMatch(/\|Нет\|\|0–3\|Нет: коэффициент не задан\|*$/);
    expect(all.some((l) => /^Внимание: критерий 3 \(коэффициент не задан\) не входит в итог/.test(l))).toBe(true);
    expect(all.some((l) => l.startsWith('Самооценка|7|К1|4|'))).toBe(true);
    expect(all.some((l) => l.startsWith('Самооценка|9|Организация|уо|'))).toBe(true);
    expect(problems.list.map((p) => `${p.tab}|${p.row}|${p.column}`)).toEqual([
      'Критерии самооценки|10|Коэффициент',
      'Самооценка|7|К1',
      'Самооценка|8|К4',
      'Самооценка|8|К6',
      'Самооценка|9|Организация',
    ]);
    const charts = (ss.getSheetByName(TAB.rating) as FakeSheet).charts;
    expect(charts).toHaveLength(1);
    // Categories: «Организация» (B), values: «Итого» (column 19 = S), header row 4 to the 5th organisation.
    expect(charts[0]).toMatchObject({ type: 'COLUMN', ranges: ['B4:B9', 'S4:S9'] });
  });

  it('uses the tab as people left it: columns reordered, criterion 3 given 0,5 as text', () => {
    // Columns in another order; the coefficient of criterion 3 typed as «0,5».
    const seed = criteriaSeedRows();
    const order = [5, 4, 3, 2, 1, 0];
    const header = Object.values(CRITERIA_COL);
    const rows = [order.map((i) => header[i]), ...seed.map((r) => order.map((i) => r[i]))];
    const third = rows.findIndex((r) => r[5] === 3 && r[1] === 0);
    rows[third][2] = '0,5';
    const ss = workbook(FIVE, rows);
    ratingReport(ss as unknown as Ss, '2026');
    // A 12,5 + 1,5 = 14; УСЗН 7,6 + 1,5 = 9,1; УО 7,6 + 0 = 7,6; ФУ 4,6 + 0,5 = 5,1; КУМИ 4,1 + 1 = 5,1.
    expect(ratingRows(ss).map((r) => [r.Место, r.Организация, r.Итого])).toEqual([
      ['1', 'Администрация', '14'],
      ['2', 'УСЗН', '9.1'],
      ['3', 'УО', '7.6'],
      ['4', 'КУМИ', '5.1'],
      ['4', 'ФУ', '5.1'],
    ]);
  });

  it('an organisation name that looks like a formula is written as text', () => {
    const ss = workbook([[2026, '=HYPERLINK("http://x";"y")', 1, 1, 1, 0, 1, 1, 1, 1]]);
    ratingReport(ss as unknown as Ss, '2026');
    expect(ratingRows(ss)[0].Организация).toBe(`=HYPERLINK("http://x";"y")`);
  });

  it('a year without rows, a missing tab and a bad year are messages, not crashes', () => {
    const ss = new FakeSpreadsheet();
    const problems = new Problems();
    expect(ratingReport(ss as unknown as Ss, '2030', problems)).toMatch(/организаций — 0/);
    expect(problems.list.map((p) => p.message).join('\n')).toMatch(
      /Нет листа «Критерии самооценки».*\n.*Нет листа «Самооценка»/,
    );
    expect((ss.getSheetByName(TAB.rating) as FakeSheet).charts).toHaveLength(0);
    expect(ratingReport(ss as unknown as Ss, '20x6')).toMatch(/не понят/);
  });

  it('the number of Spreadsheet calls does not grow with the number of organisations', () => {
    const many = (n: number): [V, V, ...V[]][] =>
      Array.from({ length: n }, (_, i) => [2026, `Организация ${i}`, i % 4, 1, 1, 2, 1, 1, 1, i % 5]);
    const small = workbook(many(5));
    ratingReport(small as unknown as Ss, '2026');
    const big = workbook(many(2000));
    ratingReport(big as unknown as Ss, '2026');
    // The only difference: the new tab grows past its 1 000 rows once (one insertRowsAfter).
    expect(big.calls).toEqual({ ...small.calls, insertRowsAfter: (small.calls.insertRowsAfter ?? 0) + 1 });
    expect(small.totalCalls()).toBeLessThan(60);
    expect(ratingRows(big)).toHaveLength(2000);
  });

  it('validateRating puts every year’s problems into «Проверка данных»', () => {
    const ss = workbook([...FIVE, [2025, 'ФУ', 0, 0, 0, 1, 0, 0, 0, 0]]);
    const ctx = context(ss, '2026-03-02');
    validateRating(ctx);
    expect(ctx.problems.list.map((p) => `${p.row}|${p.column}|${p.value}`)).toEqual([
      '10|Коэффициент|',
      '10|К4|1',
      '7|К1|4',
      '8|К4|1',
      '8|К6|',
      '9|Организация|уо',
    ]);
  });
});

function context(ss: FakeSpreadsheet, today: string, controller = 'sector@prom.ru'): RunContext {
  const { settings } = parseSettings([['Эл. почта контролёра', controller]], 'Asia/Novokuznetsk');
  const journal = Journal.open(ss as unknown as Ss, () => new Date(`${today}T02:00:00Z`));
  const timeLeftMs = () => 200_000;
  return {
    ss: ss as unknown as Ss,
    tz: 'Asia/Novokuznetsk',
    now: new Date(`${today}T02:00:00Z`),
    today,
    settings,
    calendar: new WorkCalendar(),
    problems: new Problems(),
    journal,
    mailer: new Mailer({ enabled: true, recorder: journal, timeLeftMs }),
    startedMs: 0,
    timeLeftMs,
  };
}

/** One daily run's step 6 on `today`, with the journal read afresh as a new run would. */
function dailyStep6(ss: FakeSpreadsheet, today: string, controller?: string): RunContext {
  const ctx = context(ss, today, controller);
  ratingReminders(ctx);
  ctx.journal.flush();
  return ctx;
}

describe('reminder to the sector before 1 December (002 Порядок п.4.1)', () => {
  it('10 and 5 working days before and on the day, each once, with the organisations still missing', () => {
    // Known: Администрация and Отдел культуры (2025 rows), МБУ <ЦКС> & Co (a project's organisation).
    const ss = workbook([
      [2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0],
      [2025, 'Отдел культуры', 1, 0, 0, 0, 0, 0, 0, 1],
      [2026, 'Администрация', 3, 3, 3, 3, 3, 2, 3, 4],
    ]);
    ss.put(TAB.projects, [
      ['Название проекта', 'Организация (сокращённо)'],
      ['Запись в кружки', 'МБУ <ЦКС> & Co'],
      ['Другой', 'администрация'],
    ]);
    const mailsOn = (day: string) => {
      const before = sent.length;
      dailyStep6(ss, day);
      return sent.slice(before);
    };
    expect(mailsOn('2026-11-16')).toEqual([]);
    const first = mailsOn('2026-11-17');
    expect(first).toHaveLength(1);
    expect(first[0].to).toBe('sector@prom.ru');
    expect(first[0].subject).toBe('Самооценка за 2026 год: срок до 01.12.2026 (осталось рабочих дней: 10)');
    expect(first[0].body).toMatch(
      /Ещё не заполнили строку за 2026 год на листе «Самооценка» \(2\):\n— Отдел культуры\n— МБУ <ЦКС> & Co\n/,
    );
    expect(first[0].body).toMatch(/Уже заполнили \(1\): Администрация\./);
    expect(first[0].htmlBody).toContain('<li>МБУ &lt;ЦКС&gt; &amp; Co</li>');
    expect(first[0].htmlBody).not.toContain('<ЦКС>');
    // The same day again, and the days up to the next stage: nothing.
    expect(mailsOn('2026-11-17')).toEqual([]);
    expect(mailsOn('2026-11-23')).toEqual([]);
    const second = mailsOn('2026-11-24');
    expect(second.map((m) => m.subject)).toEqual([
      'Самооценка за 2026 год: срок до 01.12.2026 (осталось рабочих дней: 5)',
    ]);
    expect(mailsOn('2026-11-30')).toEqual([]);
    const third = mailsOn('2026-12-01');
    expect(third.map((m) => m.subject)).toEqual(['Самооценка за 2026 год: срок до 01.12.2026 (срок — сегодня)']);
    expect(mailsOn('2026-12-01')).toEqual([]);
    expect(mailsOn('2026-12-02')).toEqual([]);
    const keys = (ss.getSheetByName(TAB.log) as FakeSheet).text().map((r) => r[5]);
    expect(keys.filter((k) => k.startsWith('rating:'))).toEqual(['rating:2026:10', 'rating:2026:5', 'rating:2026:0']);
  });

  it('a missed day is caught up by the next run, once', () => {
    const ss = workbook([[2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0]]);
    expect(dailyStep6(ss, '2026-11-19') && sent.map((m) => m.subject)).toEqual([
      'Самооценка за 2026 год: срок до 01.12.2026 (осталось рабочих дней: 8)',
    ]);
    dailyStep6(ss, '2026-11-20');
    expect(sent).toHaveLength(1);
  });

  it('when every known organisation has answered, no mail: the journal says why', () => {
    const ss = workbook([
      [2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0],
      [2026, 'администрация', 3, 3, 3, 3, 3, 2, 3, 4],
    ]);
    dailyStep6(ss, '2026-11-17');
    expect(sent).toEqual([]);
    const log = (ss.getSheetByName(TAB.log) as FakeSheet).text();
    expect(log[1][4]).toMatch(/не требуется: все известные организации \(1\) заполнили/);
    expect(log[1][5]).toBe('rating:2026:10');
  });

  it('without the sector’s address nothing is sent, a problem says so, and the next run tries again', () => {
    const ss = workbook([[2025, 'Администрация', 1, 1, 0, 0, 1, 0, 0, 0]]);
    const ctx = dailyStep6(ss, '2026-11-17', '');
    expect(sent).toEqual([]);
    expect(ctx.problems.list[0].message).toMatch(/некому отправить/);
    dailyStep6(ss, '2026-11-18', 'sector@prom.ru');
    expect(sent).toHaveLength(1);
  });
});
