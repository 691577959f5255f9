// The daily check's step 6 end to end, through the built bundle in the sandbox: on «День
// еженедельного отчёта» the previous ISO week's «Отчёт: исполнение» and a summary e-mail to
// «Получатели сводки» (Kramatorsk 003 п.199 «Щопонеділка готується аналіз виконання доручень»;
// Kyshtym 000 п.15 weekly and monthly summaries); on the first working day of a month the previous
// month. Each summary goes once, whatever the number of runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SETTING } from '../../src/domain/settings';
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import type { CellModel, WorkbookModel } from '../../src/local/model';
import { createSandbox, type SentMail } from '../../src/local/sandbox/index';
import { loadXlsx } from '../../src/local/xlsx';
import { EXECUTOR_COL, ORDER_COL, SETTINGS_COL, STATUS, TAB } from '../../src/workbook/schema';
import { fireDaily } from './orders-helpers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE = process.env.KONTROL_CODE ? readFileSync(process.env.KONTROL_CODE, 'utf8') : undefined;

function ok(...args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kontrol.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (r.status !== 0) throw new Error(`kontrol ${args.join(' ')} → ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}
const d = (iso: string): DemoValue => ({ date: iso });
const val = (c: CellModel | undefined) => (c?.v === null || c?.v === undefined ? '' : c.v);

function setSetting(model: WorkbookModel, param: string, value: string): void {
  const s = model.sheets.find((x) => x.name === TAB.settings);
  if (!s) throw new Error('no «Настройки»');
  const header = s.cells[0].map(val);
  const p = header.indexOf(SETTINGS_COL.param);
  const v = header.indexOf(SETTINGS_COL.value);
  const row = s.cells.find((r) => val(r?.[p]) === param);
  if (!row) throw new Error(`no setting ${param}`);
  row[v] = { v: value };
}

const summaries = (mails: SentMail[]) => mails.filter((m) => m.subject.startsWith('Исполнение поручений'));
/** 08:00 Moscow of a date. */
const at8 = (iso: string) => new Date(`${iso}T05:00:00Z`);

describe('daily check step 6: weekly and monthly summaries (003 п.199, 000 п.15)', () => {
  let base: WorkbookModel;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-summary-'));
    const file = join(dir, 'summary.xlsx');
    ok('init', file, '--today', '2026-02-27');
    base = await loadXlsx(file);
    setSetting(base, SETTING.summaryRecipients, 'head@example.org, deputy@example.org');
    setSetting(base, SETTING.organization, 'Администрация <Кыштым>');
    appendRows(base, TAB.executors, [
      {
        [EXECUTOR_COL.name]: 'Иванов И.И.',
        [EXECUTOR_COL.unit]: 'Отдел экономики',
        [EXECUTOR_COL.email]: 'ivanov@example.org',
      },
    ]);
    appendRows(base, TAB.orders, [
      // W09 (23.02–01.03.2026): due 24.02, still open → overdue.
      {
        [ORDER_COL.number]: '1',
        [ORDER_COL.text]: '<b>Сдать</b> отчёт & план',
        [ORDER_COL.executor]: 'Иванов И.И.',
        [ORDER_COL.deadline]: d('2026-02-24'),
        [ORDER_COL.status]: STATUS.p50,
      },
      // February, on time.
      {
        [ORDER_COL.number]: '2',
        [ORDER_COL.text]: 'Подготовить справку',
        [ORDER_COL.executor]: 'Иванов И.И.',
        [ORDER_COL.deadline]: d('2026-02-10'),
        [ORDER_COL.doneDate]: d('2026-02-09'),
        [ORDER_COL.status]: STATUS.done,
        // Recorded on its day (onEdit's line): not «задним числом» (000 п.13; product.md round 3).
        [ORDER_COL.history]: '09.02.2026: исполнение отмечено: дата исполнения 09.02.2026',
      },
      // W10 (02.03–08.03): due 04.03, done 03.03 → on time.
      {
        [ORDER_COL.number]: '3',
        [ORDER_COL.text]: 'Провести совещание',
        [ORDER_COL.executor]: 'Иванов И.И.',
        [ORDER_COL.deadline]: d('2026-03-04'),
        [ORDER_COL.doneDate]: d('2026-03-03'),
        [ORDER_COL.status]: STATUS.done,
        [ORDER_COL.history]: '03.03.2026: исполнение отмечено: дата исполнения 03.03.2026',
      },
    ]);
  }, 120_000);

  it('Monday 02.03.2026, the first working day of March: the summary for 2026-W09 and for February, once each', () => {
    const workbook: WorkbookModel = structuredClone(base);
    const sb = createSandbox({ workbook, code: CODE, now: at8('2026-03-02') });
    fireDaily(sb);
    const sent = summaries(sb.mails);
    expect(sent.map((m) => m.subject).sort()).toEqual([
      'Исполнение поручений: неделя 9 (23.02.2026–01.03.2026) — Администрация <Кыштым>',
      'Исполнение поручений: февраль 2026 г. — Администрация <Кыштым>',
    ]);
    for (const m of sent)
      expect(m.to.split(',').map((x) => x.trim())).toEqual(['head@example.org', 'deputy@example.org']);
    const week = sent.find((m) => m.subject.includes('неделя 9'));
    // W09: order 1 due 24.02 open → overdue; 2 is before the week and done → 0/(0+0+1) = 0,0 %.
    expect(week?.body).toContain('Коэффициент исполнительской дисциплины: 0,0 %');
    // Working days after 24.02 to 02.03: 25, 26, 27.02 and 02.03 = 4.
    expect(week?.body).toContain(
      '— № 1: <b>Сдать</b> отчёт & план — Иванов И.И., срок 24.02.2026, просрочка 4 рабочих дня',
    );
    expect(week?.htmlBody).toContain('&lt;b&gt;Сдать&lt;/b&gt; отчёт &amp; план');
    expect(week?.htmlBody).not.toContain('<b>Сдать</b>');
    const month = sent.find((m) => m.subject.includes('февраль'));
    // One tab for both: it ends up showing February, so only February's mail links to it; the
    // week's names its period instead of a link that would open another period (issue 14).
    expect(month?.body).toMatch(/лист «Отчёт: исполнение», https:\/\/docs\.google\.com\/spreadsheets\/d\/.+#gid=\d+/);
    expect(week?.body).not.toMatch(/#gid=/);
    expect(week?.htmlBody).not.toMatch(/#gid=/);
    expect(week?.body).toContain('«Отчёт: исполнение» из меню, период 2026-W09');
    const tab = workbook.sheets.find((s) => s.name === TAB.reportExecution);
    expect(String(tab?.cells[1]?.[0]?.v)).toContain('февраль 2026');
    // February: 1 overdue, 2 on time → 1/2 = 50,0 %.
    expect(month?.body).toContain('Коэффициент исполнительской дисциплины: 50,0 %');
    // The tab holds the last report generated.
    expect(workbook.sheets.some((s) => s.name === TAB.reportExecution)).toBe(true);

    // Run again the same day and on Tuesday: nothing more (keys in «Журнал»).
    fireDaily(sb);
    sb.setNow(at8('2026-03-03'));
    fireDaily(sb);
    expect(summaries(sb.mails)).toHaveLength(2);
    const log = workbook.sheets.find((s) => s.name === TAB.log);
    const keys = (log?.cells ?? [])
      .flatMap((r) => (r ?? []).map(val))
      .filter((v) => typeof v === 'string' && v.startsWith('summary:'));
    expect(keys.sort()).toEqual(['summary:month:2026-02', 'summary:week:2026-W09']);
  }, 120_000);

  it('Monday 09.03.2026 is a day off (decree 1466): the summary for 2026-W10 goes on Tuesday 10.03', () => {
    const workbook: WorkbookModel = structuredClone(base);
    const sb = createSandbox({ workbook, code: CODE, now: at8('2026-03-02') });
    fireDaily(sb);
    sb.setNow(at8('2026-03-09'));
    fireDaily(sb);
    expect(summaries(sb.mails)).toHaveLength(2);
    sb.setNow(at8('2026-03-10'));
    fireDaily(sb);
    const sent = summaries(sb.mails);
    expect(sent).toHaveLength(3);
    expect(sent[2].subject).toBe('Исполнение поручений: неделя 10 (02.03.2026–08.03.2026) — Администрация <Кыштым>');
    // W10: order 3 on time; carried over: order 1 (due 24.02, open) → 1/(1+1) = 50,0 %.
    expect(sent[2].body).toContain('Коэффициент исполнительской дисциплины: 50,0 %');
  }, 120_000);

  it('with «Рассылка включена» = Нет the report is generated but nothing is sent, and it is not retried', () => {
    const workbook: WorkbookModel = structuredClone(base);
    setSetting(workbook, SETTING.mailEnabled, 'Нет');
    const sb = createSandbox({ workbook, code: CODE, now: at8('2026-03-02') });
    fireDaily(sb);
    fireDaily(sb);
    expect(sb.mails).toHaveLength(0);
    const report = workbook.sheets.find((s) => s.name === TAB.reportExecution);
    expect(String(val(report?.cells[1]?.[0]))).toMatch(/^Период: (неделя 9|февраль 2026 г\.)/);
    const log = workbook.sheets.find((s) => s.name === TAB.log);
    const lines = (log?.cells ?? []).map((r) => (r ?? []).map(val).join(' | ')).filter((l) => l.includes('сводка'));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toContain('письмо не отправлено: рассылка выключена');
  }, 120_000);
});
