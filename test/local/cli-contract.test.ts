// The command-line contract of the spec's «On one machine» block: exit codes 0 / 1 / 2 with one
// line each; a failed action leaves the workbook byte for byte as it was; `run`/`edit` refuse a
// foreign workbook (only `run setup --force` converts one) and a read-only file; help lists the
// options and period formats; output piped into a reader that goes away ends quietly; mail leaves
// only after the save, waits in the outbox queue when not delivered and never goes twice.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../src/local/cli';
import { emptySheet, emptyWorkbook } from '../../src/local/model';
import { saveXlsx, sideFilePath } from '../../src/local/xlsx';

const root = join(import.meta.dirname, '..', '..');
const DAY = ['--today', '2025-03-14', '--time', '09:00'];

async function cli(argv: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), ...extra });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

/** The workbook and its side file, byte for byte, with the workbook's mode. */
function snapshot(file: string) {
  const side = sideFilePath(file);
  return {
    xlsx: readFileSync(file).toString('base64'),
    side: existsSync(side) ? readFileSync(side, 'utf8') : null,
    mode: statSync(file).mode,
  };
}

const emls = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : []);
const queued = (outbox: string) => (existsSync(join(outbox, 'queue')) ? readdirSync(join(outbox, 'queue')) : []);

// One demo workbook for the file (init is the slow part); each test works on its own copy.
let base = '';
beforeAll(async () => {
  base = join(mkdtempSync(join(tmpdir(), 'kontrol-contract-')), 'base.xlsx');
  const r = await cli(['init', base, '--demo', '--today', '2025-03-13']);
  expect(r.code, r.err).toBe(0);
});

function copy(): { dir: string; file: string; outbox: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kontrol-contract-'));
  const file = join(dir, 'k.xlsx');
  copyFileSync(base, file);
  copyFileSync(sideFilePath(base), sideFilePath(file));
  return { dir, file, outbox: join(dir, 'outbox') };
}

describe('exit codes and help', () => {
  it.each([
    [['run', 'daily', 'x.xlsx', '--period', '2025-03'], 2, /Неизвестный параметр --period для «kontrol run daily»/],
    [['run', 'report-execution', 'x.xlsx', '--year', '2025'], 2, /Неизвестный параметр --year/],
    [['run', 'daily'], 2, /Укажите файл/],
    [['run', 'daily', 'x.txt'], 2, /Ожидается файл \.xlsx/],
    [['send'], 2, /Укажите файл/],
    [['run', 'daily', 'x.xlsx', '--user', 'кто-то'], 2, /Неверный адрес --user/],
    [['init', 'x.xlsx', '--user', 'a@b.c'], 2, /Неизвестный параметр --user/],
    [['help', 'publish'], 2, /Нет справки о «publish»/],
    [[], 2, /Коды выхода/],
  ])('%j → exit %i, one line', async (argv, code, msg) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(code);
    if ((argv as string[]).length) expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(msg as RegExp);
    expect(r.out).toBe('');
  });

  it('kontrol --help lists every command, action and option with the accepted period formats', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['init', 'run', 'edit', 'send', 'demo']) expect(r.out).toContain(`kontrol ${c} `);
    for (const a of ['daily', 'report-execution', 'rating', 'plan-control']) expect(r.out).toContain(a);
    for (const o of ['--today YYYY-MM-DD', '--period P', '--quarter YYYY-Qn', '--smtp URL', '--force'])
      expect(r.out).toContain(o);
    for (const f of ['2026-W10', '2026-03', '2026-Q1', '2026-H1', '2026-03-01..2026-03-15']) expect(r.out).toContain(f);
    expect(r.out).toMatch(/0 — сделано; 1 — действие не выполнено, книга осталась как была; 2 — ошибка/);
  });

  it('kontrol help ACTION and kontrol run ACTION --help give that action’s options', async () => {
    const r = await cli(['help', 'report-execution']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kontrol run report-execution FILE.xlsx');
    expect(r.out).toContain('--period P');
    expect(r.out).toContain('2026-W10');
    expect(r.out).not.toContain('--year');
    const h = await cli(['run', 'rating', 'x.xlsx', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--year YYYY');
    expect((await cli(['help', 'send'])).out).toContain('--smtp URL');
  });

  it('output into a reader that has gone ends quietly (EPIPE), exit 0', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'kontrol.js'), '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // like `| head -0`: the reader is gone before the first line
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('a workbook that must not change', () => {
  it('run and edit refuse a foreign workbook (exit 1, no side file); run setup --force converts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-contract-'));
    const file = join(dir, 'бюджет.xlsx');
    const wb = emptyWorkbook();
    wb.sheets.push({ ...emptySheet('Поручения'), cells: [[{ v: 'Статья' }, { v: 'Сумма' }]] });
    wb.sheets.push({ ...emptySheet('Настройки'), cells: [[{ v: 'Ключ' }]] });
    await saveXlsx(wb, file);
    const { rmSync } = await import('node:fs');
    rmSync(sideFilePath(file)); // a file from elsewhere has no side file
    const before = snapshot(file);
    for (const argv of [
      ['run', 'daily', file, ...DAY],
      ['run', 'setup', file],
      ['edit', file, '--sheet', 'Поручения', '--cell', 'A2', '--value', 'x'],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.errLines).toHaveLength(1);
      expect(r.err).toMatch(/не книга «Контроль поручений».*--force/);
      expect(snapshot(file)).toEqual(before);
      expect(existsSync(sideFilePath(file))).toBe(false);
      expect(existsSync(join(dir, 'outbox'))).toBe(false);
    }
    const forced = await cli(['run', 'setup', file, '--force', ...DAY]);
    expect(forced.code, forced.err).toBe(0);
    expect((await cli(['run', 'check', file, ...DAY])).code).toBe(0);
  });

  it('a read-only workbook is refused, never replaced, its mode kept', async () => {
    const { file } = copy();
    chmodSync(file, 0o444);
    const before = snapshot(file);
    for (const argv of [
      ['run', 'daily', file, ...DAY],
      ['edit', file, '--sheet', 'Поручения', '--cell', 'A2', '--value', 'x'],
      ['init', file],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.errLines).toHaveLength(1);
      expect(r.err).toMatch(/только для чтения/);
      expect(snapshot(file)).toEqual(before);
    }
  });

  it('a save keeps the mode a person gave the file', async () => {
    const { file, outbox } = copy();
    chmodSync(file, 0o640);
    expect((await cli(['run', 'check', file, ...DAY, '--outbox', outbox])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('a failed action exits 1 with one line, no «книга сохранена», the file byte for byte as it was', async () => {
    const { file, outbox } = copy();
    const before = snapshot(file);
    const r = await cli(['run', 'report-protocol', file, ...DAY, '--outbox', outbox]);
    expect(r.code).toBe(1);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(/Действие report-protocol не выполнено: Укажите номер протокола.*книга не изменена/);
    expect(r.err).not.toMatch(/сохранена/);
    expect(r.out).toBe('');
    expect(snapshot(file)).toEqual(before);
    expect(emls(outbox)).toEqual([]);
  });

  it('a read-only outbox gives a clear Russian line before anything changes', async () => {
    const { file, outbox } = copy();
    mkdirSync(outbox);
    chmodSync(outbox, 0o555);
    const before = snapshot(file);
    const r = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox]);
    expect(r.code).toBe(1);
    expect(r.errLines).toEqual([expect.stringMatching(/^kontrol: Папка для писем .* только для чтения/)]);
    expect(r.err).not.toMatch(/EACCES|внутренняя/);
    expect(snapshot(file)).toEqual(before);
  });
});

describe('mail after the save', () => {
  it('a failed save sends nothing and changes nothing; the rerun sends each mail once', async () => {
    const { file, outbox } = copy();
    const before = snapshot(file);
    const failing = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox], {
      save: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    });
    expect(failing.code).toBe(1);
    expect(failing.errLines).toEqual([
      'kontrol: Не удалось сохранить книгу ' + file + ': нет места на диске; письма не отправлены',
    ]);
    expect(snapshot(file)).toEqual(before);
    expect(emls(outbox)).toEqual([]);
    expect(queued(outbox)).toEqual([]);
    const ok = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox]);
    expect(ok.code, ok.err).toBe(0);
    const sent = emls(outbox).length;
    expect(sent).toBeGreaterThan(0);
    expect(ok.out).toContain(`Писем: ${sent}`);
    const again = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox]);
    expect(again.code).toBe(0);
    expect(emls(outbox)).toHaveLength(sent);
  });

  describe('through SMTP', () => {
    const received: string[] = [];
    let server: SMTPServer;
    let url = '';
    let down = false;
    /** Refuse only the n-th message offered (1-based, counted from when it is set). */
    let refuseNth = 0;
    let offered = 0;
    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onMailFrom(_a, _s, cb) {
          offered++;
          cb();
        },
        onRcptTo(_a, _s, cb) {
          const refuse = down || (refuseNth > 0 && offered === refuseNth);
          cb(refuse ? Object.assign(new Error('Сервер недоступен'), { responseCode: 451 }) : undefined);
        },
        onData(stream, session, cb) {
          stream.resume();
          stream.on('end', () => {
            received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
            cb();
          });
        },
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    it('what the server refuses waits in the queue, goes with `send`, and never twice', async () => {
      const { file, outbox } = copy();
      down = true;
      const r = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox, '--smtp', url]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/Писем отправлено через .*: 0/);
      const waiting = queued(outbox).filter((f) => f.endsWith('.json')).length;
      expect(waiting).toBeGreaterThan(0);
      expect(r.out).toContain(`Ждут в очереди`);
      expect(received).toEqual([]);
      // Still down: `send` says so with exit 1 and keeps them.
      const stillDown = await cli(['send', file, '--outbox', outbox, '--smtp', url]);
      expect(stillDown.code).toBe(1);
      expect(queued(outbox)).toHaveLength(waiting);
      down = false;
      const s = await cli(['send', file, '--outbox', outbox, '--smtp', url]);
      expect(s.code, s.err).toBe(0);
      expect(received).toHaveLength(waiting);
      expect(queued(outbox)).toEqual([]);
      // Nothing twice: another send and the next day's run do not repeat them.
      expect((await cli(['send', file, '--outbox', outbox, '--smtp', url])).out).toMatch(/: 0/);
      expect(received).toHaveLength(waiting);
      const next = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox, '--smtp', url]);
      expect(next.code).toBe(0);
      expect(received).toHaveLength(waiting);
    });

    it('at every point of a run: the server refusing the k-th message leaves only it queued, sent once later', async () => {
      const { file, outbox } = copy();
      // How many this run sends, on a copy.
      const probe = copy();
      const n0 = received.length;
      expect((await cli(['run', 'daily', probe.file, ...DAY, '--outbox', probe.outbox, '--smtp', url])).code).toBe(0);
      const total = received.length - n0;
      expect(total).toBeGreaterThan(1);
      // Every k under SOAK=1; in CI the first, a middle and the last message.
      const all = Array.from({ length: total }, (_, i) => i + 1);
      const ks = process.env.SOAK ? all : [...new Set([1, Math.ceil(total / 2), total])];
      for (const k of ks) {
        const c = k === 1 ? { file, outbox } : copy();
        const before = received.length;
        offered = 0;
        refuseNth = k;
        const r = await cli(['run', 'daily', c.file, ...DAY, '--outbox', c.outbox, '--smtp', url]);
        refuseNth = 0;
        expect(r.code, `k=${k}`).toBe(0);
        expect(received.length - before, `k=${k}`).toBe(total - 1);
        expect(
          queued(c.outbox).filter((f) => f.endsWith('.json')),
          `k=${k}`,
        ).toHaveLength(1);
        const s = await cli(['send', c.file, '--outbox', c.outbox, '--smtp', url]);
        expect(s.code, `k=${k}`).toBe(0);
        expect(received.length - before, `k=${k}`).toBe(total);
        expect(queued(c.outbox), `k=${k}`).toEqual([]);
      }
    });

    it('a failed save sends nothing by SMTP either', async () => {
      const { file, outbox } = copy();
      const n = received.length;
      const r = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox, '--smtp', url], {
        save: async () => {
          throw new Error('disk gone');
        },
      });
      expect(r.code).toBe(1);
      expect(received).toHaveLength(n);
      expect(queued(outbox)).toEqual([]);
      const ok = await cli(['run', 'daily', file, ...DAY, '--outbox', outbox, '--smtp', url]);
      expect(ok.code).toBe(0);
      expect(received.length).toBeGreaterThan(n);
    });
  });
});
