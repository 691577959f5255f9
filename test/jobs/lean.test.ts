import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { addDays, midnightInZone } from '../../src/domain/dates';
import { parseSettings } from '../../src/domain/settings';
import type { RunContext } from '../../src/jobs/context';
import { leanReminders, validateLean } from '../../src/jobs/lean-checks';
import type { MailMeta, OutMail, SendOutcome } from '../../src/mail/mailer';
import { Problems } from '../../src/workbook/problems';
import { PLAN_COL, PROJECT_COL, TAB, TRAINING_COL } from '../../src/workbook/schema';
import { PLAN_HEADERS, PROJECT_HEADERS, TRAINING_HEADERS } from '../../src/workbook/specs/lean';
import type { Cell } from '../../src/workbook/table';

// Spec daily check step 6 («before each deadline of «План ЭР» (5 working days before, and on the
// day) remind the responsible»); seed 002 план 3.4 «ежеквартально, до 10 числа следующего месяца».
const TZ = 'Asia/Novokuznetsk';

/** A read-only spreadsheet of plain tabs that counts its calls. */
function fakeSs(tabs: Record<string, Cell[][]>) {
  const calls = { getSheetByName: 0, getValues: 0 };
  const ss = {
    getSheetByName(name: string) {
      calls.getSheetByName++;
      const values = tabs[name];
      if (!values) return null;
      return {
        getDataRange: () => ({
          getValues: () => {
            calls.getValues++;
            return values;
          },
        }),
      };
    },
  };
  return { ss, calls };
}

function row(headers: readonly string[], v: Record<string, Cell>): Cell[] {
  return headers.map((h) => v[h] ?? '');
}

interface Sent {
  day: string;
  mail: OutMail;
  meta: MailMeta;
}

function harness(tabs: Record<string, Cell[][]>, controllerEmail = '') {
  const keys = new Set<string>();
  const sent: Sent[] = [];
  let outcome: SendOutcome = 'sent';
  const { ss, calls } = fakeSs(tabs);
  const settings = parseSettings([], TZ).settings;
  settings.controllerEmail = controllerEmail;
  const ctxFor = (today: string) =>
    ({
      ss,
      tz: TZ,
      now: midnightInZone(today, TZ),
      today,
      settings,
      calendar: new WorkCalendar(),
      problems: new Problems(),
      journal: { has: (k: string) => keys.has(k) },
      mailer: {
        send(mail: OutMail, meta: MailMeta): SendOutcome {
          if (outcome !== 'sent') return outcome;
          sent.push({ day: today, mail, meta });
          for (const k of meta.keys) keys.add(k);
          return 'sent';
        },
      },
    }) as unknown as RunContext;
  return { ctxFor, sent, keys, calls, setOutcome: (o: SendOutcome) => (outcome = o) };
}

const planTab = (extra: Record<string, Cell>[] = []): Cell[][] => [
  [...PLAN_HEADERS],
  row(PLAN_HEADERS, {
    [PLAN_COL.number]: '3.4',
    [PLAN_COL.measure]: 'Отчёт о <b>бережливых</b> проектах & итоги',
    [PLAN_COL.deadline]: 'ежеквартально, до 10 числа следующего месяца',
    [PLAN_COL.email]: 'otvet@example.org',
  }),
  row(PLAN_HEADERS, {
    [PLAN_COL.number]: '2.2',
    [PLAN_COL.deadline]: 'по мере необходимости',
    [PLAN_COL.email]: 'otvet@example.org',
  }),
  row(PLAN_HEADERS, {
    [PLAN_COL.number]: '3.3',
    [PLAN_COL.deadline]: 'не позднее 1 марта',
    [PLAN_COL.email]: 'otvet@example.org',
  }),
  ...extra.map((v) => row(PLAN_HEADERS, v)),
];

function runDays(h: ReturnType<typeof harness>, from: string, to: string, timesPerDay = 2): void {
  const cal = new WorkCalendar();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!cal.isWorkingDay(d)) continue;
    for (let i = 0; i < timesPerDay; i++) leanReminders(h.ctxFor(d));
  }
}

describe('plan reminders (daily check step 6)', () => {
  it('Q1 2026 report (002 план 3.4, due 10.04.2026): mails on 03.04.2026 and 10.04.2026 only, never twice', () => {
    const h = harness({ [TAB.plan]: planTab() });
    runDays(h, '2026-03-02', '2026-04-30');
    expect(h.sent.map((s) => s.day)).toEqual(['2026-04-03', '2026-04-10']);
    expect(h.sent.map((s) => s.meta.keys)).toEqual([['plan:3.4:2026-04-10:5'], ['plan:3.4:2026-04-10:0']]);
    const [early, onDay] = h.sent;
    expect(early.mail.to).toEqual(['otvet@example.org']);
    expect(early.mail.subject).toContain('10.04.2026');
    expect(early.mail.text).toContain('за I квартал 2026 г.');
    expect(early.mail.text).toContain('через 5 раб. дн.');
    expect(early.mail.text).toContain('2026-Q1');
    expect(onDay.mail.text).toContain('срок сегодня');
    expect(early.meta.items).toEqual(['3.4']);
  });
  it('HTML is escaped: the measure text from people never becomes markup', () => {
    const h = harness({ [TAB.plan]: planTab() });
    runDays(h, '2026-04-03', '2026-04-03', 1);
    expect(h.sent[0].mail.html).toContain('&lt;b&gt;бережливых&lt;/b&gt; проектах &amp; итоги');
    expect(h.sent[0].mail.html).not.toContain('<b>');
  });
  it('a deferred mail is sent on the next working day (catch-up), then not again', () => {
    const h = harness({ [TAB.plan]: planTab() });
    h.setOutcome('deferred');
    runDays(h, '2026-04-03', '2026-04-03');
    h.setOutcome('sent');
    runDays(h, '2026-04-06', '2026-04-10');
    expect(h.sent.map((s) => `${s.day} ${s.meta.keys.join()}`)).toEqual([
      '2026-04-06 plan:3.4:2026-04-10:5',
      '2026-04-10 plan:3.4:2026-04-10:0',
    ]);
  });
  it('one mail per recipient per run, with every due item’s key', () => {
    const h = harness({
      [TAB.plan]: planTab([
        {
          [PLAN_COL.number]: '9.9',
          [PLAN_COL.deadline]: 'не позднее 10 апреля',
          [PLAN_COL.email]: 'otvet@example.org',
        },
      ]),
    });
    runDays(h, '2026-04-10', '2026-04-10');
    expect(h.sent).toHaveLength(1);
    expect([...h.sent[0].meta.keys].sort()).toEqual(['plan:3.4:2026-04-10:0', 'plan:9.9:2026-04-10:0']);
  });
  it('without «Эл. почта ответственного» the controller is reminded; with neither nobody is', () => {
    const blank = {
      [TAB.plan]: [
        [...PLAN_HEADERS],
        row(PLAN_HEADERS, { [PLAN_COL.number]: '3.2', [PLAN_COL.deadline]: 'не позднее 25 декабря' }),
      ],
    };
    const a = harness(blank, 'control@example.org');
    runDays(a, '2026-12-25', '2026-12-25');
    expect(a.sent.map((s) => s.mail.to)).toEqual([['control@example.org']]);
    const b = harness(blank);
    runDays(b, '2026-12-25', '2026-12-25');
    expect(b.sent).toHaveLength(0);
  });
  it('nothing on a day off', () => {
    const h = harness({
      [TAB.plan]: planTab([
        { [PLAN_COL.number]: '9.8', [PLAN_COL.deadline]: 'не позднее 11 апреля', [PLAN_COL.email]: 'x@example.org' },
      ]),
    });
    leanReminders(h.ctxFor('2026-04-11'));
    expect(h.sent).toHaveLength(0);
  });
  it('reads «План ЭР» with one getValues whatever its size', () => {
    const many = Array.from({ length: 900 }, (_, i) => ({
      [PLAN_COL.number]: `9.${i}`,
      [PLAN_COL.deadline]: 'ежегодно',
      [PLAN_COL.email]: 'x@example.org',
    }));
    const h = harness({ [TAB.plan]: planTab(many) });
    leanReminders(h.ctxFor('2026-04-03'));
    expect(h.calls).toEqual({ getSheetByName: 1, getValues: 1 });
  });
});

describe('validateLean: problems in «План ЭР», «Проекты», «Обучение»', () => {
  it('lists each bad input with tab, row and column, and throws nothing', () => {
    const d = (iso: string) => midnightInZone(iso, TZ);
    const tabs = {
      [TAB.plan]: planTab([
        { [PLAN_COL.number]: '4.1', [PLAN_COL.deadline]: 'до конца года', [PLAN_COL.email]: 'not-an-email' },
        {
          [PLAN_COL.number]: '3.4',
          [PLAN_COL.deadline]: 'ежегодно',
          [PLAN_COL.email]: 'a@example.org',
          [PLAN_COL.target2026]: 'много',
        },
      ]),
      [TAB.projects]: [
        [...PROJECT_HEADERS],
        row(PROJECT_HEADERS, {
          [PROJECT_COL.name]: 'Очередь',
          [PROJECT_COL.openYear]: 2026,
          [PROJECT_COL.stage1]: d('2026-02-01'),
          [PROJECT_COL.stage2Start]: '31.02.2026',
          [PROJECT_COL.stage3Start]: d('2026-04-01'),
          [PROJECT_COL.stage4Start]: d('2026-03-01'),
          [PROJECT_COL.stage5Start]: d('2026-05-01'),
          [PROJECT_COL.stage5End]: d('2026-04-20'),
        }),
        row(PROJECT_HEADERS, { [PROJECT_COL.name]: 'Без года' }),
      ],
      [TAB.training]: [
        [...TRAINING_HEADERS],
        row(TRAINING_HEADERS, { [TRAINING_COL.name]: 'Иванова', [TRAINING_COL.date]: 'вчера' }),
      ],
    };
    const h = harness(tabs);
    const ctx = h.ctxFor('2026-04-03');
    validateLean(ctx);
    const got = ctx.problems.list.map((p) => `${p.tab}|${p.row}|${p.column}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `${TAB.plan}|5|${PLAN_COL.deadline}`,
        `${TAB.plan}|5|${PLAN_COL.email}`,
        `${TAB.plan}|6|${PLAN_COL.number}`,
        `${TAB.plan}|6|Цель 2026`,
        `${TAB.projects}|2|${PROJECT_COL.stage2Start}`,
        `${TAB.projects}|2|${PROJECT_COL.stage3Start}`,
        `${TAB.projects}|2|${PROJECT_COL.stage5End}`,
        `${TAB.projects}|3|${PROJECT_COL.openYear}`,
        `${TAB.training}|2|${TRAINING_COL.date}`,
      ]),
    );
    expect(got).toHaveLength(9);
    for (const p of ctx.problems.list) {
      expect(p.message).toMatch(/[А-Яа-я]/);
      expect(p.fix).toMatch(/[А-Яа-я]/);
    }
  });
  it('a missing tab is one problem, not a crash', () => {
    const h = harness({});
    const ctx = h.ctxFor('2026-04-03');
    validateLean(ctx);
    expect(ctx.problems.list.map((p) => p.tab)).toEqual([TAB.plan, TAB.projects, TAB.training]);
  });
});
