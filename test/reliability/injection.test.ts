// Injection (issue 8, item 3). Spec «Tabs the add-on generates»: text copied from people's cells
// is written so that it can never become a formula (a leading =, +, -, @); apps-script-facts
// «Spreadsheet semantics»: a string written with setValue(s) that begins with = is a formula.
// Every e-mail's HTML escapes what people typed (src/mail/html.ts). A header written as a formula
// is still found by its value, or reported as a missing column — never a crash.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/local/cli';
import type { WorkbookModel } from '../../src/local/model';
import type { SentMail } from '../../src/local/sandbox/index';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, PROJECT_COL, SELF_ASSESSMENT_COL, TAB } from '../../src/workbook/schema';
import { GENERATED_TABS } from '../helpers/tabs';
import { appendByHeader, CODE_PATH, headerOf, loadCode, sandbox, sheet, tabTexts, tryApi } from './harness';
import { NOW_WALL, scenarioWorkbook } from './scenario';

const FORMULA_LIKE = {
  orderText: '=HYPERLINK("http://evil.example";"Отчёт")',
  progress: '-выполнено наполовину',
  reason: '+ждём ответа области',
  nameA: '=Иванов Иван Иванович',
  nameB: '+Петрова Анна Сергеевна',
  nameC: '-Сидоров Олег Петрович',
  unitA: '=SUM(1;2)',
  unitB: '@отдел экономики',
  number: '+5-1',
  unknownExecutor: '@Неизвестный Н.Н.',
  project: '=IMPORTXML("http://evil.example";"//a")',
  leader: '-Руководитель проекта',
  org: '=Школа №1',
  measure: '@Мероприятие плана',
  appealTopic: '=HYPERLINK("http://evil.example";"Яма")',
  appealAddress: '+ул. Ленина, 1',
  appealMeasures: '-направлен подрядчик',
  appealCategory: '@Дороги',
};
const HTML = {
  orderText: '<script>alert("order")</script> Подготовить план',
  nameE: '<b>Орлов</b> Денис <script>steal()</script>',
  nameF: '<img src=x onerror=alert(1)>Волкова Елена',
  organization: 'Администрация <i>округа</i> <script>org()</script>',
  reason: '<img src=x onerror=alert("reason")>',
};

function injectedWorkbook(): WorkbookModel {
  const wb = scenarioWorkbook('Europe/Moscow', {
    orderText: (code) =>
      code === '5-3' || code === '5-2'
        ? FORMULA_LIKE.orderText
        : code === '5-1' || code === '7-2'
          ? HTML.orderText
          : (undefined as unknown as string),
    progress: (code) => (code === '5-2' ? FORMULA_LIKE.progress : (undefined as unknown as string)),
    reason: (code) => (code === '6-4' ? HTML.reason : FORMULA_LIKE.reason),
    names: { a: FORMULA_LIKE.nameA, b: FORMULA_LIKE.nameB, c: FORMULA_LIKE.nameC, e: HTML.nameE, f: HTML.nameF },
    units: { a: FORMULA_LIKE.unitA, b: FORMULA_LIKE.unitB },
    organization: HTML.organization,
    numbers: (n) => (n === '5-1' ? FORMULA_LIKE.number : n),
    unknownExecutor: FORMULA_LIKE.unknownExecutor,
  });
  appendByHeader(wb, TAB.projects, [
    {
      [PROJECT_COL.participant]: FORMULA_LIKE.org,
      [PROJECT_COL.name]: FORMULA_LIKE.project,
      [PROJECT_COL.leader]: FORMULA_LIKE.leader,
      [PROJECT_COL.contacts]: '+7 900 000-00-00',
      [PROJECT_COL.openYear]: 2026,
      [PROJECT_COL.stage1]: { date: '2026-02-10' },
    },
  ]);
  appendByHeader(wb, TAB.selfAssessment, [
    {
      [SELF_ASSESSMENT_COL.year]: 2026,
      [SELF_ASSESSMENT_COL.org]: FORMULA_LIKE.org,
      [SELF_ASSESSMENT_COL.k1]: 1,
      [SELF_ASSESSMENT_COL.k2]: 2,
      [SELF_ASSESSMENT_COL.k4]: 2,
      [SELF_ASSESSMENT_COL.documents]: '=HYPERLINK("http://evil.example")',
    },
  ]);
  // Appeals: registered 27.02 (the report's day), one due soon so the daily mail carries it.
  appendByHeader(wb, TAB.appeals, [
    {
      '№': 'О-1',
      'Дата регистрации': { date: '2026-02-27' },
      Заявитель: HTML.nameE,
      Адрес: FORMULA_LIKE.appealAddress,
      Тема: FORMULA_LIKE.appealTopic,
      Категория: FORMULA_LIKE.appealCategory,
      Исполнитель: FORMULA_LIKE.nameA,
      'Принятые меры': FORMULA_LIKE.appealMeasures,
    },
    {
      '№': 'О-2',
      'Дата регистрации': { date: '2026-02-02' },
      Заявитель: 'Орлова О.О.',
      Тема: HTML.orderText,
      Категория: 'ЖКХ',
      Исполнитель: FORMULA_LIKE.nameA,
    },
  ]);
  const plan = sheet(wb, TAB.plan);
  const mc = headerOf(plan).indexOf('Мероприятие');
  plan.cells[1][mc] = { v: FORMULA_LIKE.measure };
  return wb;
}

const GENERATED = GENERATED_TABS;

let wb: WorkbookModel;
let mails: SentMail[];
const errors: string[] = [];
/** Tab → texts after each generation (report-protocol is generated three times). */
const seen = new Map<string, { v: string; formula?: string; at: string }[]>();

beforeAll(() => {
  wb = injectedWorkbook();
  const sb = sandbox(wb, { at: NOW_WALL });
  const run = (action: string, params: Record<string, unknown> = {}) => {
    const e = tryApi(sb, action, params);
    if (e) errors.push(`${action}: ${e}`);
  };
  run('daily');
  run('report-execution', { period: '2026-02' });
  for (const t of [TAB.reportExecution, TAB.problems]) seen.set(`${t} (02)`, tabTexts(wb, t));
  run('report-execution', { period: '2026-03' });
  for (const p of ['5', '6', '7']) {
    run('report-protocol', { protocol: p });
    seen.set(`${TAB.reportProtocol} ${p}`, tabTexts(wb, TAB.reportProtocol));
  }
  run('report-lean', { quarter: '2026-Q1' });
  run('plan-control', { year: '2026' });
  run('rating', { year: '2026' });
  run('report-appeals', { date: '2026-02-27' });
  run('check');
  for (const t of GENERATED) seen.set(t, tabTexts(wb, t));
  mails = [...sb.mails];
});

describe('text that looks like a formula stays text in every generated tab', () => {
  it('every action finishes', () => {
    expect(errors).toEqual([]);
  });

  it.each(GENERATED)('«%s»: no formula, no #ERROR!, no cell turned into a number or date', (tab) => {
    const cells = [...seen.entries()].filter(([k]) => k.startsWith(tab)).flatMap(([, v]) => v);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.formula !== undefined).map((c) => `${c.at}: =${c.formula}`)).toEqual([]);
    expect(cells.filter((c) => /#ERROR!|#NAME\?|#REF!/.test(c.v)).map((c) => c.at)).toEqual([]);
  });

  const expectIn: [string, string[]][] = [
    [
      TAB.reportExecution,
      [
        FORMULA_LIKE.nameA,
        FORMULA_LIKE.nameB,
        FORMULA_LIKE.nameC,
        FORMULA_LIKE.unitA,
        FORMULA_LIKE.unitB,
        FORMULA_LIKE.orderText,
      ],
    ],
    [TAB.reportProtocol, [FORMULA_LIKE.orderText, FORMULA_LIKE.progress, FORMULA_LIKE.nameB, FORMULA_LIKE.number]],
    [TAB.reportLean, [FORMULA_LIKE.org, FORMULA_LIKE.project, FORMULA_LIKE.leader, '+7 900 000-00-00']],
    [TAB.planControl, [FORMULA_LIKE.measure]],
    [TAB.rating, [FORMULA_LIKE.org]],
    [TAB.problems, [FORMULA_LIKE.unknownExecutor]],
    [
      TAB.reportAppeals,
      [FORMULA_LIKE.appealTopic, FORMULA_LIKE.appealAddress, FORMULA_LIKE.appealMeasures, FORMULA_LIKE.appealCategory],
    ],
  ];
  it.each(expectIn)('«%s» shows people’s text exactly as typed', (tab, texts) => {
    const cells = [...seen.entries()].filter(([k]) => k.startsWith(tab)).flatMap(([, v]) => v);
    for (const t of texts)
      expect(
        cells.some((c) => c.v.includes(t)),
        `${tab}: ${t}`,
      ).toBe(true);
  });

  it('«Журнал» records the order «№» that starts with «+» as text', () => {
    const cells = seen.get(TAB.log) ?? [];
    expect(cells.some((c) => c.v.includes(FORMULA_LIKE.number))).toBe(true);
  });
});

describe('HTML typed by people is escaped in every e-mail', () => {
  it('no raw tag from a cell reaches an HTML body; the escaped text is there', () => {
    expect(mails.length).toBeGreaterThan(0);
    const html = mails.map((m) => m.htmlBody ?? '');
    expect(html.every((h) => h.length > 0)).toBe(true);
    for (const [i, h] of html.entries()) {
      expect(h, `письмо ${i + 1}: ${mails[i].subject}`).not.toMatch(/<script|<img|<b>Орлов|<i>округа/i);
    }
    const all = html.join('\n');
    expect(all).toContain('&lt;script&gt;');
    expect(all).toMatch(/&lt;img src=x onerror=alert\(/);
    // The plain-text part carries people's text as typed (a subject or text body is never HTML).
    expect(mails.some((m) => m.body.includes(HTML.nameE) || m.body.includes(HTML.orderText))).toBe(true);
  });
});

describe('a header written as a formula', () => {
  function withHeader(header: string, cell: { v: string | null; formula: string }) {
    const w = scenarioWorkbook();
    const s = sheet(w, TAB.orders);
    s.cells[0][headerOf(s).indexOf(header)] = cell;
    const sb = sandbox(w, { at: NOW_WALL });
    return { w, error: tryApi(sb, 'daily') };
  }

  it('with its value showing the header text is found: states are computed as usual', () => {
    const { w, error } = withHeader(ORDER_COL.deadline, { v: ORDER_COL.deadline, formula: '"Срок"' });
    expect(error).toBeNull();
    const s = sheet(w, TAB.orders);
    const h = headerOf(s);
    const overdue = s.cells.find((r) => r[h.indexOf(ORDER_COL.number)]?.v === '5-3');
    expect(overdue?.[h.indexOf(ORDER_COL.state)]?.v).toBe('Просрочено');
    expect(s.cells[0][h.indexOf(ORDER_COL.deadline)].formula).toBe('"Срок"');
  });

  it('without a value it is reported as a missing column in «Проверка данных», and nothing crashes', () => {
    const { w, error } = withHeader(ORDER_COL.status, { v: null, formula: 'CONCATENATE("Ста";"тус")' });
    expect(error).toBeNull();
    const texts = tabTexts(w, TAB.problems).map((c) => c.v);
    expect(texts.some((t) => t.includes(`«${ORDER_COL.status}»`))).toBe(true);
    // People's header cell keeps its formula (setup/daily may add a column, never rewrite this one).
    expect(sheet(w, TAB.orders).cells[0].some((c) => c?.formula === 'CONCATENATE("Ста";"тус")')).toBe(true);
  });
});

describe('through the kontrol CLI and an .xlsx file', () => {
  it('text that looks like a formula survives save, the daily check, a report and load', async () => {
    loadCode();
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-injection-'));
    const file = join(dir, 'injection.xlsx');
    await saveXlsx(injectedWorkbook(), file);
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s), codePath: CODE_PATH };
    const clock = ['--today', '2026-03-02', '--time', '08:20'];
    expect(await main(['run', 'daily', file, ...clock, '--outbox', join(dir, 'outbox')], io)).toBe(0);
    expect(await main(['run', 'report-protocol', file, '--protocol', '5', ...clock], io)).toBe(0);
    expect(err).toEqual([]);
    const after = await loadXlsx(file);
    const orders = sheet(after, TAB.orders);
    const h = headerOf(orders);
    const texts = orders.cells.map((r) => r[h.indexOf(ORDER_COL.text)]).filter((c) => c?.v === FORMULA_LIKE.orderText);
    expect(texts).toHaveLength(2);
    for (const c of texts) expect(c.formula).toBeUndefined();
    const report = tabTexts(after, TAB.reportProtocol);
    expect(report.some((c) => c.v === FORMULA_LIKE.orderText)).toBe(true);
    expect(report.filter((c) => c.formula !== undefined)).toEqual([]);
  });
});
