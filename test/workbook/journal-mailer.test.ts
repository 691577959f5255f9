import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { bundleEntry } from '../helpers/bundle';

// A test bundle: opens «Журнал», hands it to the mailer as its recorder (as jobs/context.ts does:
// mail never writes the workbook itself), sends the messages given; `api.run` returns the outcomes.
const code = bundleEntry(
  `
  import { Journal } from './src/workbook/journal';
  import { Mailer } from './src/mail/mailer';
  export const api = {
    run(_action, p) {
      const ss = SpreadsheetApp.getActive();
      const journal = Journal.open(ss);
      const mailer = new Mailer({ enabled: p.enabled !== false, recorder: journal, timeLeftMs: () => p.timeLeft ?? 100000 });
      const out = [];
      for (const m of p.mails) {
        if (m.keys.every((k) => journal.has(k))) { out.push('already'); continue; }
        out.push(mailer.send({ to: m.to, subject: m.subject, text: 't', html: '<p>t</p>' }, { action: 'Тест', items: m.items, keys: m.keys }));
      }
      journal.flush();
      return out.join(',');
    },
  };
  `,
  join(__dirname, '../..'),
);

const mails = [
  { to: ['a@x.ru'], subject: 'A', items: ['1'], keys: ['k:a'] },
  { to: ['b@x.ru'], subject: 'B', items: ['2'], keys: ['k:b'] },
  { to: ['c@x.ru', 'd@x.ru'], subject: 'C', items: ['3'], keys: ['k:c'] },
];

function journalRows(wb: ReturnType<typeof emptyWorkbook>) {
  const s = wb.sheets.find((x) => x.name === 'Журнал');
  return (s?.cells ?? []).slice(1).map((r) => r.map((c) => c.v));
}

describe('«Журнал» and the mailer (spec «Daily check» step 4, apps-script-facts «e-mail recipients»)', () => {
  it('sends each message once, records keys at once, and a re-run sends nothing', () => {
    const wb = emptyWorkbook();
    const sb = createSandbox({ workbook: wb, code, now: new Date('2026-03-10T05:00:00Z') });
    expect(sb.api('t', { mails })).toBe('sent,sent,sent');
    expect(sb.mails.map((m) => m.subject)).toEqual(['A', 'B', 'C']);
    expect(sb.api('t', { mails })).toBe('already,already,already');
    expect(sb.mails).toHaveLength(3);
    const rows = journalRows(wb);
    expect(rows.map((r) => r[4])).toEqual(['отправлено', 'отправлено', 'отправлено']);
    expect(rows.map((r) => r[5])).toEqual(['k:a', 'k:b', 'k:c']);
  });

  it('a failing address fails one message, not the run; the next run retries only it', () => {
    const wb = emptyWorkbook();
    const sb = createSandbox({ workbook: wb, code, failMailAt: (n) => n === 2 });
    expect(sb.api('t', { mails })).toBe('sent,failed,sent');
    expect(sb.api('t', { mails })).toBe('already,sent,already');
    expect(sb.mails.map((m) => m.subject).sort()).toEqual(['A', 'B', 'C']);
  });

  it('checks the quota before sending: what does not fit waits for the next run (MailApp.getRemainingDailyQuota)', () => {
    const wb = emptyWorkbook();
    const sb = createSandbox({ workbook: wb, code, mailQuota: 2 });
    // A and B use the 2 recipients; C needs 2 more and is deferred.
    expect(sb.api('t', { mails })).toBe('sent,sent,deferred');
    const rows = journalRows(wb);
    expect(String(rows[2][4])).toMatch(/^отложено: исчерпана дневная квота/);
    expect(rows[2][5] ?? '').toBe('');
  });

  it('«Рассылка включена» = Нет sends nothing and says so', () => {
    const wb = emptyWorkbook();
    const sb = createSandbox({ workbook: wb, code });
    expect(sb.api('t', { mails, enabled: false })).toBe('skipped,skipped,skipped');
    expect(sb.mails).toHaveLength(0);
    expect(String(journalRows(wb)[0][4])).toMatch(/рассылка выключена/);
  });

  it('does not start a message when the run is near its time limit', () => {
    const wb = emptyWorkbook();
    const sb = createSandbox({ workbook: wb, code });
    expect(sb.api('t', { mails, timeLeft: 1000 })).toBe('deferred,deferred,deferred');
    expect(sb.mails).toHaveLength(0);
  });
});
