// «Отчёт: бережливые проекты» and «Контроль плана ЭР» end to end: `kontrol init` makes an .xlsx,
// we add projects as a person would, `kontrol run report-lean FILE --quarter 2026-Q1` builds the
// report through the built dist/Code.js in the sandbox, and we read the saved .xlsx back.
// Seed 002 Приложение 2 (the twelve columns), Приложение 1 «Сроки» (the stages); spec «Проекты».
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendRows } from '../../src/local/demo/util';
import type { WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { LEAN_REPORT_HEADERS, PLAN_COL, PROJECT_COL, STAGE_NONE, TAB } from '../../src/workbook/schema';
import { d, inProcess, sheet, tableOf, val } from '../helpers/report-xlsx';

const { kontrol, ok } = inProcess();

describe('kontrol run report-lean (002 Приложение 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontrol-lean-'));
  const file = join(dir, 'lean.xlsx');

  beforeAll(async () => {
    await ok('init', file, '--today', '2026-04-05');
    const model = await loadXlsx(file);
    appendRows(model, TAB.projects, [
      // Closed the day before Q1 began: not in the report.
      {
        [PROJECT_COL.name]: 'Закрыт 31.12.2025',
        [PROJECT_COL.openYear]: 2025,
        [PROJECT_COL.stage1]: d('2025-03-01'),
        [PROJECT_COL.stage9]: d('2025-12-31'),
      },
      // Closed on Q1's first day: in, at stage 9 on 31.03 (stage 10 comes on 01.04).
      {
        [PROJECT_COL.participant]: 'Администрация округа',
        [PROJECT_COL.direction]: 'Муниципальное управление',
        [PROJECT_COL.name]: 'Закрыт 01.01.2026',
        [PROJECT_COL.openYear]: 2025,
        [PROJECT_COL.stage1]: d('2025-02-01'),
        [PROJECT_COL.stage8Start]: d('2025-10-01'),
        [PROJECT_COL.stage8End]: d('2025-12-31'),
        [PROJECT_COL.stage9]: d('2026-01-01'),
        [PROJECT_COL.stage10]: d('2026-04-01'),
        [PROJECT_COL.leader]: 'Иванова М. П.',
        [PROJECT_COL.contacts]: '+7 384 42 7-19-17',
        [PROJECT_COL.orgShort]: 'Администрация ПМО',
        [PROJECT_COL.significance]: 3,
      },
      // Passport approved on Q1's last day; stage 2 starts the next day.
      {
        [PROJECT_COL.name]: 'Паспорт 31.03.2026',
        [PROJECT_COL.openYear]: 2026,
        [PROJECT_COL.stage1]: d('2026-03-31'),
        [PROJECT_COL.stage2Start]: d('2026-04-01'),
      },
      // Opened in 2026, passport not yet approved at 31.03.
      { [PROJECT_COL.name]: 'Паспорт 01.04.2026', [PROJECT_COL.openYear]: 2026, [PROJECT_COL.stage1]: d('2026-04-01') },
      // Opens next year: not in the report.
      { [PROJECT_COL.name]: 'Откроется в 2027', [PROJECT_COL.openYear]: 2027, [PROJECT_COL.stage1]: d('2027-02-01') },
      // Long-running, with a link and a formula-looking text from a person.
      {
        [PROJECT_COL.name]: 'Идёт с 2024',
        [PROJECT_COL.openYear]: 2024,
        [PROJECT_COL.stage1]: d('2024-10-01'),
        [PROJECT_COL.stage2Start]: d('2024-11-01'),
        [PROJECT_COL.stage5Start]: d('2026-02-15'),
        [PROJECT_COL.stage6Start]: d('2026-04-15'),
        [PROJECT_COL.passportLink]: 'https://example.org/lean/passport.pdf',
        [PROJECT_COL.presentationLink]: '=IMPORTXML("http://evil.example","//a")',
      },
    ]);
    await saveXlsx(model, file);
  }, 120_000);

  /** The report's header row is Приложение 2 exactly; one row per project open in 2026-Q1. */
  function assertQ1Report(model: WorkbookModel): void {
    const { header, rows } = tableOf(sheet(model, TAB.reportLean), LEAN_REPORT_HEADERS[0]);
    expect(header.map(val).filter((v) => v !== '')).toEqual([...LEAN_REPORT_HEADERS]);
    expect(header.slice(0, 12).map(val)).toEqual([...LEAN_REPORT_HEADERS]);
    const col = (h: string) => LEAN_REPORT_HEADERS.indexOf(h);
    const byName = new Map(rows.map((r) => [String(val(r[col('Название проекта')])), r]));
    expect([...byName.keys()].sort()).toEqual([
      'Закрыт 01.01.2026',
      'Идёт с 2024',
      'Паспорт 01.04.2026',
      'Паспорт 31.03.2026',
    ]);
    const stage = (n: string) => val(byName.get(n)?.[col('Текущий этап проекта')]);
    const closing = (n: string) => val(byName.get(n)?.[col('Дата закрытия (мм.гг.)')]);
    expect(stage('Закрыт 01.01.2026')).toBe('9. Закрытие проекта');
    expect(closing('Закрыт 01.01.2026')).toBe('01.26');
    expect(stage('Паспорт 31.03.2026')).toBe('1. Согласование паспорта проекта');
    expect(stage('Паспорт 01.04.2026')).toBe(STAGE_NONE);
    expect(stage('Идёт с 2024')).toBe('5. Разработка плана мероприятий');
    for (const n of ['Паспорт 31.03.2026', 'Паспорт 01.04.2026', 'Идёт с 2024']) expect(closing(n)).toBe('');
    const closed = byName.get('Закрыт 01.01.2026') ?? [];
    expect(val(closed[col('Год открытия')])).toBe(2025);
    expect(val(closed[col('Участник реализации программы')])).toBe('Администрация округа');
    expect(val(closed[col('Телефон, почта')])).toBe('+7 384 42 7-19-17');
    expect(val(closed[col('Показатель значимости проекта, балл')])).toBe(3);
    // Links stay links; a person's formula-looking text stays text.
    const running = byName.get('Идёт с 2024') ?? [];
    const passport = running[col('Паспорт проекта (ссылка)')];
    expect(passport?.formula ?? passport?.link ?? '').toContain('https://example.org/lean/passport.pdf');
    const pres = running[col('Презентация (ссылка)')];
    expect(pres?.formula).toBeUndefined();
    expect(val(pres)).toBe('=IMPORTXML("http://evil.example","//a")');
  }

  it('sandbox api(report-lean, 2026-Q1) on the .xlsx: twelve columns, rows, stages, closing dates, links', async () => {
    const workbook = await loadXlsx(file);
    const code = process.env.KONTROL_CODE ? readFileSync(process.env.KONTROL_CODE, 'utf8') : undefined;
    const sb = createSandbox({ workbook, code, now: new Date('2026-04-05T06:00:00Z') });
    const summary = sb.api('report-lean', { quarter: '2026-Q1' });
    expect(String(summary)).toContain('проектов — 4');
    assertQ1Report(sb.workbook);
  }, 120_000);

  it('kontrol run report-lean FILE --quarter 2026-Q1 saves the same report into the .xlsx', async () => {
    await ok('run', 'report-lean', file, '--quarter', '2026-Q1', '--today', '2026-04-05');
    assertQ1Report(await loadXlsx(file));
  }, 120_000);

  it('a bad quarter is refused with a Russian message', async () => {
    const r = await kontrol('run', 'report-lean', file, '--quarter', '2026-Q5', '--today', '2026-04-05');
    expect(r.code).not.toBe(0);
    expect(r.err + r.out).toMatch(/квартал/i);
  }, 120_000);

  it('plan-control for 2026: nine measures of 1134-П, 1.1 counted from «Проекты», 3.4’s four deadlines with states', async () => {
    await ok('run', 'plan-control', file, '--year', '2026', '--today', '2026-04-03');
    const model = await loadXlsx(file);
    const s = sheet(model, TAB.planControl);
    const { rows } = tableOf(s, '№');
    expect(rows.map((r) => String(val(r[0])))).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4']);
    const m11 = rows[0];
    // 002 План 1.1 «Реализация»: projects implemented (closed, «Этап 9») in 2026 by 03.04 — one,
    // «Закрыт 01.01.2026». Round 2 counted the two opened in 2026.
    expect(val(m11[4])).toBe(1);
    expect(val(m11[6])).toBe('выполнено');
    expect(val(rows[3][6])).toBe('нет цели');
    const m34 = String(val(rows[8][8]));
    expect(m34).toContain('10.04.2026 — через 5 раб. дн.');
    expect(m34).toContain('10.01.2027');
    const m33 = String(val(rows[7][8]));
    expect(m33).toMatch(/^01\.03\.2026 — прошёл/);
    expect(PLAN_COL.deadline).toBe('Срок');
  }, 120_000);
});

describe('kontrol init --demo: the lean demo', () => {
  it('four projects at different stages; the 2025-Q3 report holds the one closed last year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-lean-demo-'));
    const file = join(dir, 'demo.xlsx');
    await ok('init', file, '--demo', '--today', '2026-04-05');
    const model = await loadXlsx(file);
    const code = process.env.KONTROL_CODE ? readFileSync(process.env.KONTROL_CODE, 'utf8') : undefined;
    const sb = createSandbox({ workbook: model, code, now: new Date('2026-04-05T06:00:00Z') });
    sb.api('report-lean', { quarter: '2025-Q3' });
    const projects = sheet(model, TAB.projects)
      .cells.slice(1)
      .filter((r) => r?.some((c) => val(c) !== ''));
    expect(projects).toHaveLength(4);
    const { rows } = tableOf(sheet(model, TAB.reportLean), LEAN_REPORT_HEADERS[0]);
    const col = (h: string) => LEAN_REPORT_HEADERS.indexOf(h);
    const closed = rows.find((r) => val(r[col('Дата закрытия (мм.гг.)')]) !== '');
    expect(val(closed?.[col('Дата закрытия (мм.гг.)')])).toBe('09.25');
    expect(rows.every((r) => val(r[col('Год открытия')]) !== 2027)).toBe(true);
  }, 120_000);
});

describe('call counts do not grow with rows (spec «Quality bars»)', () => {
  it('report-lean and plan-control make the same Spreadsheet calls for 10 and 1 000 projects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-lean-calls-'));
    const file = join(dir, 'calls.xlsx');
    await ok('init', file, '--today', '2026-04-05');
    const code = process.env.KONTROL_CODE ? readFileSync(process.env.KONTROL_CODE, 'utf8') : undefined;
    const counts: number[][] = [];
    for (const n of [10, 1000]) {
      const model = await loadXlsx(file);
      appendRows(
        model,
        TAB.projects,
        Array.from({ length: n }, (_, i) => ({
          [PROJECT_COL.name]: `Проект ${i}`,
          [PROJECT_COL.openYear]: 2025 + (i % 2),
          [PROJECT_COL.stage1]: d('2025-06-01'),
          [PROJECT_COL.stage5Start]: d('2026-02-01'),
          [PROJECT_COL.passportLink]: `https://example.org/p/${i}.pdf`,
        })),
      );
      const sb = createSandbox({ workbook: model, code, now: new Date('2026-04-05T06:00:00Z') });
      sb.resetCounters();
      sb.api('report-lean', { quarter: '2026-Q1' });
      const report = sb.spreadsheetCalls();
      sb.resetCounters();
      sb.api('plan-control', { year: '2026' });
      counts.push([report, sb.spreadsheetCalls()]);
    }
    // 1 000 rows outgrow a new tab's 1 000 rows: writeReportTab adds rows once (one call).
    expect(counts[1][0] - counts[0][0]).toBeLessThanOrEqual(1);
    expect(counts[1][1]).toBe(counts[0][1]);
    expect(counts[0][0]).toBeLessThan(80);
  }, 120_000);
});
