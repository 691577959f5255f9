// Child process of timezones.test.ts: runs the scenario with the spreadsheet in the zone given as
// argv[2], at 08:20 wall time there, in whatever zone the Node process has (TZ=…), and prints one
// JSON line: every tab's cells after the daily check and the reports, and the e-mails sent.
// Usage: node --import tsx test/reliability/tz-scenario.ts Asia/Novokuznetsk
import { TAB } from '../../src/workbook/schema';
import { appendByHeader, sandbox, tryApi } from './harness';
import { NOW_WALL, scenarioWorkbook } from './scenario';

const zone = process.argv[2] ?? 'Europe/Moscow';
const wb = scenarioWorkbook(zone);
// Appeals: «Срок» filled from registration, one due soon (003 п.117), one overdue, the day's report.
appendByHeader(wb, TAB.appeals, [
  {
    '№': 'О-1',
    'Дата регистрации': { date: '2026-02-27' },
    Заявитель: 'Орлова',
    Тема: 'Яма',
    Категория: 'Дороги',
    Исполнитель: 'Иванов Иван Иванович',
  },
  {
    '№': 'О-2',
    'Дата регистрации': { date: '2026-02-02' },
    Заявитель: 'Белов',
    Тема: 'Свет',
    Категория: 'ЖКХ',
    Исполнитель: 'Иванов Иван Иванович',
  },
  {
    '№': 'О-3',
    'Дата регистрации': { date: '2026-02-10' },
    'Требует изучения': 'Нет',
    Заявитель: 'Белов',
    Тема: 'Свет',
    Категория: 'ЖКХ',
    Исполнитель: 'Иванов Иван Иванович',
  },
]);
const sb = sandbox(wb, { at: NOW_WALL });
const errors: string[] = [];
const steps: [string, Record<string, unknown>][] = [
  ['daily', {}],
  ['report-execution', { period: '2026-02' }],
  ['report-protocol', { protocol: '5' }],
  ['report-lean', { quarter: '2026-Q1' }],
  ['plan-control', { year: '2026' }],
  ['rating', { year: '2026' }],
  ['report-execution', { period: '2026-W09' }],
  ['report-appeals', { date: '2026-02-27' }],
];
for (const [action, params] of steps) {
  const e = tryApi(sb, action, params);
  if (e) errors.push(`${action}: ${e}`);
}
// The next working day too: reminders and overdue counts move with the zone's calendar date.
const next = sandbox(wb, { at: '2026-03-03T08:20:00' });
const e2 = tryApi(next, 'daily');
if (e2) errors.push(`daily 03.03: ${e2}`);

const tabs = Object.fromEntries(
  wb.sheets.map((s) => [s.name, s.cells.map((r) => (r ?? []).map((c) => (c ? [c.v, c.formula ?? null] : null)))]),
);
const mails = [...sb.mails, ...next.mails].map((m) => ({
  to: m.to,
  cc: m.cc ?? '',
  subject: m.subject,
  body: m.body,
  html: m.htmlBody ?? '',
}));
process.stdout.write(
  `${JSON.stringify({ zone, processZone: Intl.DateTimeFormat().resolvedOptions().timeZone, errors, tabs, mails })}\n`,
);
