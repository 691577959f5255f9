// The date self-check (issue 13 item 4): our zone arithmetic (dayjs over Intl) against
// Utilities.formatDate (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String):
// "Formats date according to specification described in Java SE SimpleDateFormat class") on five
// instants. Moscow was UTC+4 from 27.03.2011 to 26.10.2014 (Federal law 107-FZ, 03.06.2011 and
// 248-FZ, 21.07.2014): zone data without that history shows 2013 at +3. The sandbox's formatDate is
// its own path (src/local/sandbox/tz.ts), and `formatDateZoneOffsets` injects the disagreement.
import { describe, expect, it } from 'vitest';
import { zoneMismatches, zoneMismatchText, zoneProbes } from '../../src/domain/zone-check';
import { createSandbox } from '../../src/local/sandbox/index';
import { ORDER_COL, STATUS, TAB } from '../../src/workbook/schema';
import { appendRows, at, d, edit, fireDaily, makeBook, orderRow, rowsOf, sheetOf, val } from '../e2e/orders-helpers';

const NOW = new Date('2026-03-11T09:00:00Z'); // 12:00 in Moscow

describe('zoneProbes: the instants and our reading of them', () => {
  it('now, the month boundary and 2013 (UTC+4) in Moscow', () => {
    const p = zoneProbes(NOW, 'Europe/Moscow');
    expect(p.map((x) => x.ours)).toEqual([
      '2026-03-11 12:00',
      '2026-03-01 00:00',
      '2026-02-28 23:59',
      '2013-06-01 00:00',
      '2013-06-01 16:00',
    ]);
    expect(p[1].instant.toISOString()).toBe('2026-02-28T21:00:00.000Z');
    // Midnight of 01.06.2013 in Moscow was 20:00 UTC the day before: UTC+4.
    expect(p[3].instant.toISOString()).toBe('2013-05-31T20:00:00.000Z');
  });
  it('a zone west of UTC: the boundary is the previous UTC day', () => {
    const p = zoneProbes(NOW, 'America/New_York');
    expect(p[1].ours).toBe('2026-03-01 00:00');
    expect(p[1].instant.toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });
  it('throws on a zone Intl does not know (the guard reports it)', () => {
    expect(() => zoneProbes(NOW, 'Mars/Olympus')).toThrow();
  });
});

describe('zoneMismatches / zoneMismatchText', () => {
  const probes = zoneProbes(NOW, 'Europe/Moscow');
  it('none when Google reads every instant as we do', () => {
    expect(zoneMismatches(probes, (i) => probes.find((p) => p.instant === i)?.ours ?? '')).toEqual([]);
  });
  it('names the instant, both readings and the zone, in Russian', () => {
    const google = (i: Date) => {
      const p = probes.find((x) => x.instant === i);
      return p === probes[3] ? '2013-06-01 01:00' : (p?.ours ?? '');
    };
    const list = zoneMismatches(probes, google);
    expect(list).toEqual([
      {
        label: '01.06.2013 00:00 (до 2014 г. Москва жила по UTC+4)',
        ours: '2013-06-01 00:00',
        google: '2013-06-01 01:00',
      },
    ]);
    expect(zoneMismatchText('Europe/Moscow', list)).toBe(
      'Расчёт дат в часовом поясе «Europe/Moscow» расходится с Google (Utilities.formatDate) — 01.06.2013 00:00 (до 2014 г. Москва жила по UTC+4): у программы 2013-06-01 00:00, у Google 2013-06-01 01:00.',
    );
  });
});

function book() {
  const f = makeBook('2026-03-10');
  appendRows(f.wb, TAB.protocols, [
    { '№': '7', Дата: d('2026-03-02'), Совещание: 'оперативное', Председатель: 'Глава' },
  ]);
  appendRows(f.wb, TAB.orders, [
    {
      '№': '7-1',
      Протокол: '7',
      Поручение: 'Отчёт о ремонте дорог',
      Исполнитель: 'Иванов И.И.',
      Срок: d('2026-03-06'),
      Статус: 'Список дел',
    },
    { Протокол: '7', Поручение: 'Без срока', Исполнитель: 'Петров П.П.', Статус: 'Список дел' },
  ]);
  return f;
}

const journal = (sb: { workbook: Parameters<typeof rowsOf>[0] }) =>
  rowsOf(sb.workbook, TAB.log).map((r) => `${r.Действие}|${r.Результат}`);

describe('the sandbox: Utilities.formatDate is an independent path with an injectable fault', () => {
  it('reads 2013 Moscow at UTC+4 by itself, at +3 with the fault', () => {
    const { sb } = book();
    const inst = 'new Date(Date.UTC(2013, 4, 31, 20, 0))';
    expect(sb.evaluate(`Utilities.formatDate(${inst}, 'Europe/Moscow', 'yyyy-MM-dd HH:mm')`)).toBe('2013-06-01 00:00');
    const faulty = createSandbox({
      workbook: sb.workbook,
      now: at('2026-03-11'),
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    expect(faulty.evaluate(`Utilities.formatDate(${inst}, 'Europe/Moscow', 'yyyy-MM-dd HH:mm')`)).toBe(
      '2013-05-31 23:00',
    );
    // Today and the month boundary agree at +3: only the 2013 instants can catch this fault.
    expect(
      faulty.evaluate(`Utilities.formatDate(new Date(Date.UTC(2026, 1, 28, 21)), 'Europe/Moscow', 'yyyy-MM-dd HH:mm')`),
    ).toBe('2026-03-01 00:00');
  });
});

describe('a run with matching dates goes on; a mismatch stops it cleanly', () => {
  it('agreement: the daily check runs; five formatDate calls, no Spreadsheet call added; nothing recorded', () => {
    const { sb, wb } = book();
    sb.setNow(at('2026-03-11'));
    sb.resetCounters();
    const r = String(sb.api('daily'));
    expect(r).toContain('Ежедневная проверка 11.03.2026');
    expect(sb.calls['Utilities.formatDate']).toBe(5);
    // The zone the check read is handed to readSettings: one read per run, as before the check.
    expect(sb.calls['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(journal(sb).some((l) => l.startsWith('Проверка расчёта дат'))).toBe(false);
    expect(orderRow(wb, '7-1')[ORDER_COL.state]).not.toBe('');
  });

  it('mismatch via api (CLI, scripts.run): throws the Russian reason; «Журнал» line, «Проверка данных» row, no date written, no mail', () => {
    const { wb } = book();
    const before = JSON.stringify(rowsOf(wb, TAB.orders));
    const sb = createSandbox({
      workbook: wb,
      now: at('2026-03-11'),
      realElapsed: false,
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    expect(() => sb.api('daily')).toThrow(
      /Ежедневная проверка: выполнение остановлено\. Расчёт дат в часовом поясе «Europe\/Moscow» расходится с Google/,
    );
    expect(JSON.stringify(rowsOf(wb, TAB.orders))).toBe(before);
    expect(sb.mails).toHaveLength(0);
    const lines = journal(sb).filter((l) => l.startsWith('Проверка расчёта дат|'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      '01.06.2013 00:00 (до 2014 г. Москва жила по UTC+4): у программы 2013-06-01 00:00, у Google 2013-05-31 23:00',
    );
    expect(lines[0]).toContain('не пересчитывались');
    // «Проверка данных» is a report tab (title, subtitle, then the table): find the row by its cells.
    const rows = sheetOf(wb, TAB.problems).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    const row = rows.find((r) => r.includes('Europe/Moscow'));
    expect(row?.[0]).toBe(TAB.settings);
    expect(row?.join('|')).toContain('расходится с Google (Utilities.formatDate)');
    expect(rows.flat().some((t) => t.startsWith('Проверено 11.03.2026 08:00: найдено проблем — 1'))).toBe(true);
  });

  it('mismatch from the menu: an alert with the reason, the job never starts; the trigger switches still work', () => {
    const { wb } = book();
    const sb = createSandbox({
      workbook: wb,
      now: at('2026-03-11'),
      realElapsed: false,
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    const r = String(sb.run('menuReportLastMonth'));
    expect(r).toContain('Отчёт за прошлый месяц: выполнение остановлено.');
    expect(sb.ui.alerts.map((a) => JSON.stringify(a)).join('\n')).toContain('выполнение остановлено');
    expect(wb.sheets.some((s) => s.name === TAB.reportExecution)).toBe(false);
    // kontrol run enable|disable (the api's trigger switches) are not stopped either.
    expect(String(sb.api('enable'))).not.toContain('выполнение остановлено');
    expect(String(sb.api('disable'))).not.toContain('выполнение остановлено');
    sb.run('menuEnableTrigger');
    expect(sb.evaluate('ScriptApp.getProjectTriggers().length')).toBe(1);
    sb.run('menuDisableTrigger');
    expect(sb.evaluate('ScriptApp.getProjectTriggers().length')).toBe(0);
  });

  it('mismatch: «Отозвать ссылки» still revokes (access control computes no dates)', () => {
    const { wb } = book();
    const sb = createSandbox({
      workbook: wb,
      now: at('2026-03-11'),
      realElapsed: false,
      alerts: ['YES'],
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    expect(String(sb.run('menuRevokeLinks'))).toContain('Ссылки отозваны');
  });

  it('mismatch in the time-driven run: returns the message, no exception', () => {
    const { wb } = book();
    const sb = createSandbox({ workbook: wb, now: at('2026-03-11'), formatDateZoneOffsets: { 'Europe/Moscow': 180 } });
    const r = String(fireDaily(sb));
    expect(r).toContain('Ежедневная проверка: выполнение остановлено.');
  });

  it('onEdit: «Готово» stamps no date while the dates disagree, and does when they agree', () => {
    const { wb } = book();
    const faulty = createSandbox({
      workbook: wb,
      now: at('2026-03-11'),
      formatDateZoneOffsets: { 'Europe/Moscow': 180 },
    });
    edit(faulty, '7-1', ORDER_COL.status, STATUS.done);
    expect(orderRow(wb, '7-1')[ORDER_COL.doneDate]).toBe('');
    expect(journal(faulty).some((l) => l.startsWith('Проверка расчёта дат'))).toBe(false);
    const fine = createSandbox({ workbook: wb, now: at('2026-03-11') });
    edit(fine, '7-1', ORDER_COL.status, STATUS.done);
    expect(orderRow(wb, '7-1')[ORDER_COL.doneDate]).toBe('2026-03-11');
  });
});
