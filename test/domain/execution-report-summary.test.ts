// The weekly/monthly summary e-mail (000 п.15; 003 п.199 «щопонеділка … аналіз виконання доручень»).
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { buildExecutionReport, type ReportOrder } from '../../src/domain/execution-report';
import { parsePeriod } from '../../src/domain/periods';
import { composeSummary, SUMMARY_TOP_OVERDUE } from '../../src/mail/summary';

const W10 = (() => {
  const r = parsePeriod('2026-W10');
  if (!r.ok) throw new Error(r.error);
  return r.period;
})();

function open(number: string, deadline: string, text = `Поручение ${number}`): ReportOrder {
  return {
    number,
    text,
    executor: 'Иванов И.И.',
    deadline,
    doneDate: null,
    returned: false,
    extensions: 0,
    returns: 0,
  };
}

// Generated on Monday 09.03.2026 (a day off by decree 1466: 08.03 fell on Sunday) — use 10.03.
// Seven open orders due 02.03…06.03 and 27.02, 26.02: the five most overdue are listed.
const ORDERS: ReportOrder[] = [
  open('1', '2026-03-02', '<script>alert("x")</script> & =HYPERLINK("http://evil")'),
  open('2', '2026-03-03'),
  open('3', '2026-03-04'),
  open('4', '2026-03-05'),
  open('5', '2026-03-06'),
  open('6', '2026-02-27'),
  open('7', '2026-02-26'),
  { ...open('8', '2026-03-05'), doneDate: '2026-03-04' },
];
const report = buildExecutionReport(ORDERS, W10, '2026-03-10', new WorkCalendar(), [
  { name: 'Иванов И.И.', unit: 'Отдел экономики' },
]);
const mail = composeSummary({
  report,
  recipients: ['head@example.org', 'deputy@example.org'],
  organization: 'Администрация',
  tabUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=42',
  generatedAt: '10.03.2026 08:05',
});

describe('summary e-mail', () => {
  it('goes to «Получатели сводки» with the period in the subject', () => {
    expect(mail.to).toEqual(['head@example.org', 'deputy@example.org']);
    expect(mail.subject).toBe('Исполнение поручений: неделя 10 (02.03.2026–08.03.2026) — Администрация');
  });
  it('states the coefficient and the counts', () => {
    // In W10: 1–5 and 8 due (6 orders): 8 on time, 1–5 overdue; carried: 6, 7 → 1/(1+5+2) = 12.5 %.
    expect(mail.text).toContain('Коэффициент исполнительской дисциплины: 12,5 %');
    expect(mail.text).toContain('Подлежало исполнению: 6');
    expect(mail.text).toContain('Исполнено в срок: 1');
    expect(mail.text).toContain('Не исполнено, срок истёк: 5');
    expect(mail.text).toContain('Просрочено из прошлых периодов: 2');
    expect(mail.html).toContain('<td align="right">12,5 %</td>');
  });
  it('lists the five most overdue, worst first, and says how many more', () => {
    expect(SUMMARY_TOP_OVERDUE).toBe(5);
    // Working days up to 10.03.2026 (09.03 off): from 26.02 → 27.02, 02–06.03, 10.03 = 7;
    // 27.02 → 6; 02.03 → 5; 03.03 → 4; 04.03 → 3; 05.03 → 2 (not listed); 06.03 → 1 (not listed).
    const listed = mail.text.split('\n').filter((l) => l.startsWith('— № '));
    expect(listed.map((l) => l.replace(/^— № (\d+):.*просрочка (\d+) .*$/, '$1:$2'))).toEqual([
      '7:7',
      '6:6',
      '1:5',
      '2:4',
      '3:3',
    ]);
    expect(listed[0]).toContain('просрочка 7 рабочих дней');
    expect(listed[4]).toContain('просрочка 3 рабочих дня');
    expect(mail.text).toContain('…и ещё 2.');
  });
  it('links to the tab', () => {
    expect(mail.text).toContain('лист «Отчёт: исполнение», https://docs.google.com/spreadsheets/d/abc/edit#gid=42');
    expect(mail.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42">');
  });
  it('escapes people’s text in the HTML', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; =HYPERLINK(&quot;http://evil&quot;)',
    );
  });
  it('says so when nothing is overdue', () => {
    const empty = buildExecutionReport([], W10, '2026-03-10', new WorkCalendar());
    const m = composeSummary({
      report: empty,
      recipients: ['a@b.ru'],
      organization: '',
      tabUrl: '',
      generatedAt: '10.03.2026 08:05',
    });
    expect(m.subject).toBe('Исполнение поручений: неделя 10 (02.03.2026–08.03.2026)');
    expect(m.text).toContain('Просроченных поручений нет.');
    expect(m.text).toContain('Коэффициент исполнительской дисциплины: —');
  });

  // Issue 25 item 4: each figure named so a head understands it without the regulation.
  it('a week with nothing due: coefficient «—», the orders overdue from before named apart', () => {
    const late = buildExecutionReport(
      [open('6', '2026-02-27'), open('7', '2026-02-26')],
      W10,
      '2026-03-10',
      new WorkCalendar(),
    );
    expect(late.total.due).toBe(0);
    expect(late.total.carriedOver).toBe(2);
    const m = composeSummary({
      report: late,
      recipients: ['a@b.ru'],
      organization: '',
      tabUrl: '',
      generatedAt: '10.03.2026 08:05',
      kind: 'week',
      today: '2026-03-10',
    });
    expect(m.text).toContain(
      'Коэффициент исполнительской дисциплины: — (в периоде не наступил ни один срок исполнения; по поручениям, просроченным раньше, — 0,0 %)',
    );
    expect(m.text).not.toMatch(/дисциплины: 0,0 %/);
    expect(m.text.split('\n')[0]).toBe('Еженедельная сводка — за прошедшую неделю.');
    expect(m.text).toContain('Подлежало исполнению: 0 — срок исполнения с 02.03.2026 по 08.03.2026');
    expect(m.text).toContain(
      'Просрочено из прошлых периодов: 2 — срок истёк до 02.03.2026, к началу периода не исполнено (в «Подлежало» не входят)',
    );
    // The list's count says what it holds, so it does not read as a contradiction of the figures.
    expect(m.text).toContain(
      'Не исполнены, срок истёк (на 08.03.2026): 2 — со сроком в этом периоде 0, из прошлых периодов 2.',
    );
    expect(m.text).toContain('Сводка за другой период (неделя, месяц) считает свои поручения');
  });

  it('the week’s and the month’s summaries of one morning say which is which', () => {
    const month = parsePeriod('2026-02');
    if (!month.ok) throw new Error(month.error);
    const m = composeSummary({
      report: buildExecutionReport(ORDERS, month.period, '2026-03-02', new WorkCalendar()),
      recipients: ['a@b.ru'],
      organization: '',
      tabUrl: '',
      generatedAt: '02.03.2026 08:00',
      kind: 'month',
      today: '2026-03-02',
    });
    expect(m.text.split('\n').slice(0, 2)).toEqual([
      'Ежемесячная сводка — за прошедший месяц.',
      'Отчёт об исполнении поручений за период: февраль 2026 г.',
    ]);
    expect(m.text).toContain('Подлежало исполнению: 2 — срок исполнения с 01.02.2026 по 28.02.2026');
    expect(m.html).toContain('<td style="color:#555">срок исполнения с 01.02.2026 по 28.02.2026</td>');
  });
});
