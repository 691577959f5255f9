// The `kontrol` command line (spec «Running it», block «On one machine»): commands, the sandbox
// clock, one-line errors with a non-zero exit, and — once dist/Code.js and the sandbox exist —
// the whole path: init --demo, run, edit (onEdit as a simple trigger), demo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type CliIo,
  changedCells,
  clockFor,
  isWorkingDay,
  main,
  problemsCount,
  typedValue,
} from '../../src/local/cli';
import { emptySheet, emptyWorkbook } from '../../src/local/model';
import { loadXlsx, saveXlsx, sideFilePath } from '../../src/local/xlsx';
import { emlPart } from '../helpers/eml';

const root = join(import.meta.dirname, '..', '..');
// npm test builds dist/Code.js before the tests run; without it these tests fail, they do not skip.

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'kontrol-cli-'));
}

async function cli(argv: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), ...extra });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

// Issue 25 item 13: README is for users first and stands alone in a clone.
describe('README', () => {
  it('users first, then the two commands; every run action in its table; no path outside the clone', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const h2 = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(h2[0]).toBe('Попробовать: две команды');
    expect(h2[h2.length - 1]).toBe('Тесты');
    expect(readme.indexOf('Что он делает')).toBeLessThan(readme.indexOf('## Попробовать'));
    for (const line of ['npm install', 'npm start', 'npm test']) expect(readme).toMatch(new RegExp(`^${line}$`, 'm'));
    expect(readme).not.toContain('../shared');
    const table = /^\| `run ACTION FILE\.xlsx` \|.*$/m.exec(readme)?.[0] ?? '';
    for (const a of ACTIONS) expect(table, a).toContain(`\`${a}\``);
  });
});

describe('kontrol: usage and one-line errors', () => {
  it.each([
    [['run', 'publish', 'x.xlsx'], 2, /Неизвестное действие «publish»/],
    [['run', 'daily', 'x.xlsx', '--force'], 2, /Неизвестный параметр --force/],
    [['init', 'x.xlsx', '--period', 'm'], 2, /Неизвестный параметр --period/],
    // --today takes ДД.ММ.ГГГГ too (issue 25 item 14); an impossible day is still refused.
    [['run', 'daily', 'x.xlsx', '--today', '31.02.2025'], 2, /Неверная дата --today 2025-02-31/],
    [['run', 'daily', 'нет-такого.xlsx', '--today', '14.03.2025'], 1, /Файл не найден/],
    [['run', 'report-appeals', 'нет-такого.xlsx', '--date', '16.03.2026'], 1, /Файл не найден/],
    // A bad --period is a command-line error (exit 2), said before the workbook is opened.
    [
      ['run', 'report-execution', 'нет-такого.xlsx', '--period', '2026-13'],
      2,
      /Неверный период --period 2026-13: месяц/,
    ],
    [
      ['run', 'report-execution', 'нет-такого.xlsx', '--period', 'март'],
      2,
      /Неверный период --period март: неизвестный формат/,
    ],
    [['run', 'daily', 'x.xlsx', '--today', '2025-02-29'], 2, /Неверная дата --today/],
    [['run', 'daily', 'x.xlsx', '--time', '8'], 2, /Неверное время --time/],
    [['run', 'report-lean', 'x.xlsx', '--quarter', '2025-5'], 2, /Неверный квартал/],
    [['run', 'daily', 'нет-такого.xlsx'], 1, /Файл не найден/],
    [['frobnicate'], 2, /Неизвестная команда/],
    [['edit', 'x.xlsx', '--sheet', 'Поручения', '--cell', 'A1:B2', '--value', '1'], 2, /Неверная ячейка/],
  ])('%j → exit %i', async (argv, code, msg) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(msg as RegExp);
    expect(r.out).toBe('');
  });

  it('reports a corrupt workbook and a missing bundle in one line', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const r1 = await cli(['run', 'daily', bad]);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/повреждён/);
    const r2 = await cli(['init', join(dir, 'new.xlsx')], { codePath: join(dir, 'нет', 'Code.js') });
    expect(r2.code).toBe(1);
    expect(r2.errLines).toHaveLength(1);
    expect(r2.err).toMatch(/npm run build/);
  });

  it('init refuses to overwrite a workbook that is not the add-on’s', async () => {
    const file = join(tmp(), 'чужая.xlsx');
    const wb = emptyWorkbook();
    wb.sheets.push({ ...emptySheet('Бюджет'), cells: [[{ v: 'Статья' }]] });
    await saveXlsx(wb, file);
    const r = await cli(['init', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/не книга «Контроль поручений»/);
    expect((await loadXlsx(file)).sheets.map((s) => s.name)).toEqual(['Бюджет']);
  });

  it('bin/kontrol.js runs the TypeScript CLI through tsx and exits non-zero on an unknown action', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'kontrol.js'), 'run', 'deploy', 'x.xlsx'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Неизвестное действие «deploy»/);
    const help = spawnSync(process.execPath, [join(root, 'bin', 'kontrol.js'), 'help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/kontrol init FILE\.xlsx \[--demo\]/);
  });
});

describe('kontrol: clock, typing, counting', () => {
  it('--today/--time are wall time in the spreadsheet zone, 08:00 by default', () => {
    const real = new Date('2030-01-01T00:00:00Z');
    expect(clockFor('Asia/Novokuznetsk', real, '2025-03-14').toISOString()).toBe('2025-03-14T01:00:00.000Z');
    expect(clockFor('Europe/Moscow', real, '2025-03-14', '17:30').toISOString()).toBe('2025-03-14T14:30:00.000Z');
    expect(clockFor('Europe/Moscow', real, undefined, '09:15').toISOString()).toBe('2030-01-01T06:15:00.000Z');
    expect(clockFor('Europe/Moscow', real)).toBe(real);
  });

  it('a typed value is parsed as in a ru_RU sheet: numbers, ДД.ММ.ГГГГ dates, apostrophe text', () => {
    expect(typedValue('14.03.2025', 2025)).toEqual({
      v: { kind: 'date', iso: '2025-03-14' },
      numberFormat: 'dd.mm.yyyy',
    });
    expect(typedValue('12,5', 2025)).toEqual({ v: 12.5 });
    expect(typedValue('42', 2025)).toEqual({ v: 42 });
    expect(typedValue("'42", 2025)).toEqual({ v: '42' });
    expect(typedValue('Готово', 2025)).toEqual({ v: 'Готово' });
    expect(typedValue('', 2025)).toEqual({ v: null });
  });

  it('counts problems below the header of «Проверка данных» and finds working days', () => {
    const wb = emptyWorkbook();
    expect(problemsCount(wb)).toBeNull();
    wb.sheets.push({
      ...emptySheet('Проверка данных'),
      cells: [[{ v: 'Лист' }, { v: 'Проблема' }], [{ v: 'Поручения' }, { v: 'Нет исполнителя' }], [], [{ v: '' }]],
    });
    expect(problemsCount(wb)).toBe(1);
    expect(isWorkingDay(wb, '2025-03-14')).toBe(true);
    expect(isWorkingDay(wb, '2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay(wb, '2025-05-02')).toBe(false); // decree 1335: 04.01 → 02.05
    expect(isWorkingDay(wb, '2025-11-01')).toBe(true); // Saturday worked
    wb.sheets.push({
      ...emptySheet('Календарь'),
      cells: [
        [{ v: 'Дата' }, { v: 'Тип' }],
        [{ v: { kind: 'date', iso: '2025-03-14' } }, { v: 'Нерабочий' }],
      ],
    });
    expect(isWorkingDay(wb, '2025-03-14')).toBe(false);
  });

  it('lists changed cells between two states', () => {
    const a = emptyWorkbook();
    a.sheets.push({ ...emptySheet('Поручения'), cells: [[{ v: 'x' }]] });
    const b = structuredClone(a);
    b.sheets[0].cells[1] = [{ v: null }, { v: 3 }];
    expect(changedCells(a, b)).toEqual(['Поручения!B2']);
  });
});

describe('kontrol end to end (dist/Code.js in the sandbox)', () => {
  it('run enable|disable --user: one daily check per spreadsheet, its owner kept in the side file', async () => {
    const file = join(tmp(), 'acc.xlsx');
    expect((await cli(['init', file, '--today', '2025-03-13'])).code).toBe(0);
    const anna = await cli(['run', 'enable', file, '--user', 'anna@admin.example', '--today', '2025-03-13']);
    expect(anna.code).toBe(0);
    expect(anna.out).toMatch(/Итог: Автоматическая проверка включена: .*от имени anna@admin\.example/);
    // The next day: Anna's check is alive (after 3 silent days another account could take it over).
    const boris = await cli(['run', 'enable', file, '--user', 'boris@admin.example', '--today', '2025-03-14']);
    expect(boris.out).toMatch(/уже ведёт anna@admin\.example с 13\.03\.2025/);
    const off = await cli(['run', 'disable', file, '--user', 'boris@admin.example']);
    expect(off.out).toMatch(/выключить её может только этот сотрудник/);
    const wb = await loadXlsx(file);
    expect(wb.triggers.map((t) => [t.handler, t.owner])).toEqual([['dailyRun', 'anna@admin.example']]);
    expect(wb.properties.document['kontrol.dailyOwner']).toBe('anna@admin.example');
    expect((await cli(['run', 'disable', file, '--user', 'anna@admin.example'])).out).toMatch(/выключена/);
    expect((await loadXlsx(file)).triggers).toEqual([]);
    expect((await cli(['run', 'daily', file, '--user', 'not-an-email'])).code).toBe(2);
  });

  it('init --demo creates the workbook and its side file; init again only re-runs setup', async () => {
    const file = join(tmp(), 'demo.xlsx');
    const r = await cli(['init', file, '--demo', '--today', '2025-03-14']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Создана книга/);
    expect(existsSync(sideFilePath(file))).toBe(true);
    const wb = await loadXlsx(file);
    for (const tab of ['Настройки', 'Исполнители', 'Протоколы', 'Поручения', 'Архив', 'Календарь'])
      expect(wb.sheets.map((s) => s.name)).toContain(tab);
    expect(wb.sheets.map((s) => s.name)).not.toContain('Лист1');
    expect(wb.timeZone).toBe('Europe/Moscow');
    const again = await cli(['init', file, '--demo']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/уже была/);
  });

  it('run daily saves in place, writes the e-mails to the outbox and prints a summary', async () => {
    const dir = tmp();
    const file = join(dir, 'k.xlsx');
    expect((await cli(['init', file, '--demo', '--today', '2025-03-13'])).code).toBe(0);
    const outbox = join(dir, 'почта');
    const r = await cli(['run', 'daily', file, '--today', '2025-03-14', '--time', '09:00', '--outbox', outbox]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Действие: daily/);
    expect(r.out).toMatch(/14\.03\.2025 09:00 \(Europe\/Moscow\)/);
    expect(r.out).toMatch(/Проверка данных: \d+ проблем/);
    expect(r.out).toMatch(/Книга сохранена/);
    const emls = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
    expect(r.out).toContain(`Писем: ${emls.length}`);
    for (const f of emls) expect(f).toMatch(/^2025-03-14_\d{4}_\d{3}_.+\.eml$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Issue 25 items 1 and 5: this run archives a row, and every row link in every letter still
    // opens its own order in the saved book — a link to this file, not to docs.google.com.
    expect(r.out).toMatch(/в архив — 1/);
    const saved = await loadXlsx(file);
    const orders = saved.sheets.find((s) => s.name === 'Поручения')!;
    const numberCol = orders.cells[0].findIndex((c) => c.v === '№');
    let links = 0;
    for (const f of emls) {
      const body = emlPart(readFileSync(join(outbox, f), 'utf8'), 'text/plain');
      expect(body).not.toContain('docs.google.com');
      // Each order's block: «№ X. …» down to its row line.
      for (const block of body.split(/\n\s*\n/)) {
        const n = /^№ ([\w-]+)\./m.exec(block)?.[1];
        const m = /\(лист «Поручения», строка (\d+)\): (\S+)/.exec(block);
        if (!n || !m) continue;
        expect(m[2]).toBe(`${pathToFileURL(file).href}#gid=${/gid=(\d+)/.exec(m[2])?.[1]}&range=A${m[1]}`);
        expect(String(orders.cells[Number(m[1]) - 1]?.[numberCol]?.v), `${f}: № ${n}`).toBe(n);
        links++;
      }
    }
    expect(links).toBeGreaterThan(2);
  });

  it('edit types a value and fires onEdit as a simple trigger: «Готово» stamps «Дата исполнения»', async () => {
    const file = join(tmp(), 'e.xlsx');
    expect((await cli(['init', file, '--today', '2025-03-10'])).code).toBe(0);
    const wb = await loadXlsx(file);
    const orders = wb.sheets.find((s) => s.name === 'Поручения')!;
    const header = orders.cells[0].map((c) => c.v);
    const col = (h: string) => header.indexOf(h);
    const row = header.map(() => ({ v: null }) as { v: unknown });
    row[col('№')] = { v: 'T-1' };
    row[col('Поручение')] = { v: 'Проверочное поручение' };
    row[col('Срок')] = { v: { kind: 'date', iso: '2025-03-20' } };
    row[col('Статус')] = { v: 'В процессе 50' };
    orders.cells[1] = row as (typeof orders.cells)[number];
    await saveXlsx(wb, file);
    const statusCell = `${String.fromCharCode(65 + col('Статус'))}2`;
    const r = await cli([
      'edit',
      file,
      '--sheet',
      'Поручения',
      '--cell',
      statusCell,
      '--value',
      'Готово',
      '--today',
      '2025-03-14',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/«Готово» \(было «В процессе 50»\)/);
    const after = (await loadXlsx(file)).sheets.find((s) => s.name === 'Поручения')!;
    expect(after.cells[1][col('Статус')].v).toBe('Готово');
    expect(after.cells[1][col('Дата исполнения')].v).toEqual({ kind: 'date', iso: '2025-03-14' });
  });

  it('demo on a Saturday says the add-on will only refresh states', async () => {
    const dir = tmp();
    const file = join(dir, 'demo.xlsx');
    const r = await cli(['demo', file, '--today', '2025-03-15']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/нерабочий день/);
    expect(r.out).toMatch(/«Поручения».*«Проверка данных».*«Журнал»/);
    expect(existsSync(file)).toBe(true);
    // The hint works as printed (issue 25 item 14): `npx kontrol …` with the day as a person writes it.
    const hint = /снова:\s+npx kontrol (.+)$/m.exec(r.out)?.[1];
    expect(hint).toMatch(/^run daily .*demo\.xlsx --today ДД\.ММ\.ГГГГ$/);
    // On a day off it names the next working day, whose check sends the demo's mail.
    const mail = /рассылка:\s+npx kontrol (.+) — ближайший рабочий день$/m.exec(r.out)?.[1];
    expect(mail).toMatch(/^run daily .*demo\.xlsx --today 17\.03\.2025$/);
    const again = await cli([...mail!.split(' ')]);
    expect(again.err).toBe('');
    expect(again.out).toContain('17.03.2025 08:00');
    expect(again.out).toMatch(/Писем: [1-9]/);
    // and `npx kontrol` resolves to this package's bin without `npm link`
    const npx = spawnSync('npx', ['--no-install', 'kontrol', 'help', 'demo'], { cwd: root, encoding: 'utf8' });
    expect(npx.stderr).toBe('');
    expect(npx.stdout).toContain('kontrol demo [FILE.xlsx]');
  });
});
