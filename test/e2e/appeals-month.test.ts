// A month of citizens' appeals through `kontrol` (March 2026, 09.03 off: decree No. 1466): each
// working morning `kontrol run daily` on the .xlsx, people's entries between runs as in a
// spreadsheet program. Repeats (003 п.102), an interim answer that does not close (003 п.119), a
// postponement (003 п.113), reminders 3 working days before (003 п.117), overdue once, and an
// emergency day (004 п.1.3: index > 3,00) mailed once to «Получатели сводки»; «Отчёт: обращения»
// (004 Приложение 1) each morning for the previous working day.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_COL } from '../../src/domain/appeals';
import { addDays } from '../../src/domain/dates';
import { appendRows, type DemoValue } from '../../src/local/demo/util';
import type { WorkbookModel } from '../../src/local/model';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { TAB } from '../../src/workbook/schema';
import { appealOf } from './appeals-helpers';
import { type Eml, kontrol, newMails } from './cli-walk-helpers';
import { PEOPLE, setSetting, sheetOf, val } from './orders-helpers';

const d = (iso: string): DemoValue => ({ date: iso });
const A = (f: Record<string, DemoValue>) => ({ Канал: 'Добродел', Адрес: 'ул. Мира, 5', ...f });

/** 28 days of history before 16.03: one «Дороги» and one «ЖКХ» a day, all answered. */
function history(): Record<string, DemoValue>[] {
  const out: Record<string, DemoValue>[] = [];
  for (let i = 1; i <= 28; i++) {
    const day = addDays('2026-03-16', -i);
    for (const c of ['Дороги', 'ЖКХ'])
      out.push(
        A({
          '№': `И-${c[0]}-${i}`,
          'Дата регистрации': d(day),
          Заявитель: `Житель ${c} ${i}`,
          Тема: 'Прошлое обращение',
          Категория: c,
          Исполнитель: 'Сидорова С.С.',
          'Принятые меры': 'Разъяснено',
          'Дата ответа': d(day),
          Результат: 'Разъяснено',
        }),
      );
  }
  return out;
}

const EDITS: Record<string, (wb: WorkbookModel) => void> = {
  '2026-03-02': (wb) =>
    appendRows(wb, TAB.appeals, [
      A({
        '№': 'О-1',
        'Дата регистрации': d('2026-03-02'),
        Заявитель: 'Кузнецова А.А.',
        Тема: 'Яма у подъезда',
        Категория: 'Дороги',
        'Требует изучения': 'Да',
        Исполнитель: 'Иванов И.И.',
      }),
      A({
        '№': 'О-2',
        'Дата регистрации': d('2026-03-02'),
        Заявитель: 'Орлов О.О.',
        Тема: 'Нет отопления',
        Категория: 'ЖКХ',
        'Требует изучения': 'Нет',
        Исполнитель: 'Петров П.П.',
      }),
      A({
        '№': 'О-3',
        'Дата регистрации': d('2026-03-03'),
        Заявитель: 'Белова Б.Б.',
        Тема: 'Протекает крыша',
        Категория: 'ЖКХ',
        'Требует изучения': 'Нет',
        Исполнитель: 'Петров П.П.',
      }),
    ]),
  '2026-03-10': (wb) =>
    appendRows(wb, TAB.appeals, [
      A({
        '№': 'О-4',
        'Дата регистрации': d('2026-03-10'),
        Заявитель: ' орлов  о.о.',
        Тема: 'Снова нет отопления',
        Категория: 'жкх',
        Исполнитель: 'Петров П.П.',
      }),
    ]),
  '2026-03-13': (wb) => set(wb, 'О-2', APPEAL_COL.extendedTo, d('2026-03-31')),
  '2026-03-17': (wb) =>
    appendRows(
      wb,
      TAB.appeals,
      [1, 2, 3, 4, 5].map((i) =>
        A({
          '№': `Д-${i}`,
          'Дата регистрации': d('2026-03-16'),
          Заявитель: `Водитель ${i}`,
          Тема: 'Провал дороги',
          Категория: 'Дороги',
          Исполнитель: 'Иванов И.И.',
        }),
      ),
    ),
  '2026-03-20': (wb) => set(wb, 'О-1', APPEAL_COL.measures, 'Промежуточный ответ: работы в плане на апрель'),
  '2026-03-24': (wb) => {
    set(wb, 'О-3', APPEAL_COL.measures, 'Крыша отремонтирована');
    set(wb, 'О-3', APPEAL_COL.answerDate, d('2026-03-24'));
  },
  '2026-03-30': (wb) => {
    set(wb, 'О-2', APPEAL_COL.measures, 'Отопление восстановлено');
    set(wb, 'О-2', APPEAL_COL.answerDate, d('2026-03-30'));
    set(wb, 'О-2', APPEAL_COL.result, 'Меры приняты');
  },
};

function set(wb: WorkbookModel, n: string, column: string, v: DemoValue): void {
  const s = sheetOf(wb, TAB.appeals);
  const h = (s.cells[0] ?? []).map((c) => String(val(c)));
  const r = s.cells.findIndex((row, i) => i > 0 && String(val(row?.[h.indexOf('№')])) === n);
  s.cells[r][h.indexOf(column)] = v !== null && typeof v === 'object' ? { v: { kind: 'date', iso: v.date } } : { v };
}

// Six mornings of the month, each a `kontrol run daily` on the file (about a second of CPU each:
// the bundle and the .xlsx are loaded and saved); people's entries of the days between are typed
// before the next run. Every notice comes on the first run inside its window, so the mails below
// are the same as with a run every working day, only on these mornings.
const MORNINGS = [2, 12, 17, 19, 27, 31].map((n) => `2026-03-${String(n).padStart(2, '0')}`);

describe('a month of appeals through kontrol (003 п.113–119; 004 п.1.3, Приложение 1)', () => {
  it('fills, repeats, reminds, tells overdue, postpones, closes only on «Дата ответа», mails an emergency once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-appeals-'));
    const file = join(dir, 'Обращения.xlsx');
    const outbox = join(dir, 'почта');
    await kontrol(['init', file, '--today', '2026-03-02', '--time', '07:00']);
    let wb = await loadXlsx(file);
    setSetting(wb, 'Получатели сводки', 'glava@adm.test, zam@adm.test');
    appendRows(wb, TAB.executors, PEOPLE);
    appendRows(wb, TAB.appeals, history());
    await saveXlsx(wb, file);

    const seen = new Set<string>();
    const mails: Record<string, Eml[]> = {};
    const states: Record<string, Record<string, string>> = {};
    const done = new Set<string>();
    for (const day of MORNINGS) {
      const due = Object.keys(EDITS).filter((k) => k <= day && !done.has(k));
      for (const k of due) {
        EDITS[k](wb);
        done.add(k);
      }
      if (due.length) await saveXlsx(wb, file);
      await kontrol(['run', 'daily', file, '--today', day, '--outbox', outbox]);
      mails[day] = newMails(outbox, seen);
      wb = await loadXlsx(file);
      states[day] = Object.fromEntries(
        ['О-1', 'О-2', 'О-3'].map((n) => [n, String(appealOf(wb, n)[APPEAL_COL.state])]),
      );
    }
    const line = (m: Eml) => `${m.to} | ${m.subject}`;
    // The weekly and monthly execution summaries of orders go to the same recipients: not ours here.
    const mailed = Object.fromEntries(
      Object.entries(mails)
        .map(
          ([day, l]) =>
            [
              day,
              l
                .map(line)
                .filter((x) => !x.includes('Исполнение поручений'))
                .sort(),
            ] as const,
        )
        .filter(([, l]) => l.length),
    );
    expect(mailed).toEqual({
      // О-2 due 17.03 (15 days, «Требует изучения» = Нет): reminded 3 working days before (from 12.03).
      '2026-03-12': ['petrov@adm.test | Обращения: 1 — срок наступает'],
      // О-3 due 18.03 reminded; О-2 postponed on 13.03 to 31.03, so not overdue. Emergency: 5 «Дороги»
      // on 16.03 against 29 in the 28 days before (1,04 a day) → index 4,83; the report is for 16.03.
      '2026-03-17': [
        'glava@adm.test, zam@adm.test | Аварийная ситуация: «Дороги» — индекс 4,83 за 16.03.2026',
        'petrov@adm.test | Обращения: 1 — срок наступает',
      ],
      '2026-03-19': ['petrov@adm.test | Обращения: 1 просрочено'],
      // О-1 due 01.04 (30 days): the interim answer of 20.03 does not close it (003 п.119); О-2's
      // new term 31.03 is reminded too. О-4 joins О-2 (a duplicate: no notice of its own).
      '2026-03-27': [
        'ivanov@adm.test | Обращения: 1 — срок наступает',
        'petrov@adm.test | Обращения: 1 — срок наступает',
      ],
    });
    expect(mails['2026-03-27'][0].text).toContain('Обращение № О-1. Яма у подъезда');

    expect(appealOf(wb, 'О-1')[APPEAL_COL.deadline]).toBe('2026-04-01');
    expect(appealOf(wb, 'О-2')[APPEAL_COL.deadline]).toBe('2026-03-17');
    // Орлов wrote again on 10.03 before О-2 was answered (30.03): «Дублирующее», joining О-2 (003 п.99;
    // round 3 «Appeals, exactly» — before it was marked a repeat).
    expect(appealOf(wb, 'О-4')[APPEAL_COL.repeated]).toBe('Дублирующее (к № О-2)');
    expect(appealOf(wb, 'О-2')[APPEAL_COL.repeated]).toBe('');
    expect(states['2026-03-17']['О-2']).toBe('Продлено');
    expect(states['2026-03-17']['О-3']).toBe('Срок наступает');
    expect(states['2026-03-19']['О-3']).toBe('Просрочено');
    expect(states['2026-03-19']['О-1']).toBe('На рассмотрении');
    expect(states['2026-03-27']['О-3']).toBe('Отвечено с нарушением срока');
    expect(states['2026-03-31']['О-2']).toBe('Отвечено в срок');
    expect(states['2026-03-31']['О-1']).toBe('Срок наступает');
    const h2 = String(appealOf(wb, 'О-2')[APPEAL_COL.history]);
    expect(h2).toContain('17.03.2026: срок продлён до 31.03.2026');
    expect(h2).toContain('31.03.2026: дан ответ 30.03.2026');

    // «Отчёт: обращения» of the last morning is for 30.03: О-2 answered, О-3 answered → no postponed.
    const report = sheetOf(wb, TAB.reportAppeals).cells.map((r) => (r ?? []).map((c) => String(val(c))));
    expect(report[0][0]).toBe('Отчёт: обращения — оперативная информация за 30.03.2026');
    const flat = report.flat();
    expect(flat).toContain('Отложенные (Продлено) — 0 (−1)');

    // The emergency day again, by date: the same «аварийная ситуация», no second mail.
    const r = await kontrol([
      'run',
      'report-appeals',
      file,
      '--date',
      '2026-03-16',
      '--today',
      '2026-03-31',
      '--outbox',
      outbox,
    ]);
    expect(r.out).toContain('аварийная ситуация: «Дороги»');
    expect(newMails(outbox, seen)).toEqual([]);
    const again = sheetOf(await loadXlsx(file), TAB.reportAppeals)
      .cells.flat()
      .map((c) => String(val(c)));
    expect(again).toContain('аварийная ситуация');
    // 15.03 had two (the history: one «Дороги», one «ЖКХ» a day).
    expect(again).toContain('Новые — 5 (+3)');
  }, 120_000);
});
