// For e2e tests that drive bin/kontrol.js as a child process and read the saved .xlsx back:
// the CLI call, and the tab / table / cell readers of a generated report tab.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoValue } from '../../src/local/demo/util';
import type { CellModel, SheetModel } from '../../src/local/model';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `kontrol` as a child process with this time limit: `kontrol` returns the exit, `ok` insists on 0. */
export function cli(timeout: number): { kontrol(...args: string[]): CliRun; ok(...args: string[]): string } {
  const kontrol = (...args: string[]): CliRun => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kontrol.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout,
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  const ok = (...args: string[]): string => {
    const r = kontrol(...args);
    if (r.code !== 0) throw new Error(`kontrol ${args.join(' ')} → ${r.code}: ${r.err || r.out}`);
    return r.out;
  };
  return { kontrol, ok };
}

/**
 * The same `kontrol` in this process (main() with captured output): the same code path without a
 * second Node and tsx start per call, which made these files the suite's slowest (issue 14). The
 * child process itself is covered by test/local/cli.test.ts.
 */
export function inProcess(): {
  kontrol(...args: string[]): Promise<CliRun>;
  ok(...args: string[]): Promise<string>;
} {
  const kontrol = async (...args: string[]): Promise<CliRun> => {
    const { main } = await import('../../src/local/cli');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
  };
  const ok = async (...args: string[]): Promise<string> => {
    const r = await kontrol(...args);
    if (r.code !== 0) throw new Error(`kontrol ${args.join(' ')} → ${r.code}: ${r.err || r.out}`);
    return r.out;
  };
  return { kontrol, ok };
}

export const d = (iso: string): DemoValue => ({ date: iso });
export const val = (c: CellModel | undefined) => (c?.v === null || c?.v === undefined ? '' : c.v);

export function sheet(model: { sheets: SheetModel[] }, name: string): SheetModel {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no tab «${name}»`);
  return s;
}

/** The table whose header row starts with `firstHeader` (from row `after` on): header row index and data rows up to a blank row. */
export function tableOf(
  s: SheetModel,
  firstHeader: string,
  after = 0,
): { headerRow: number; header: CellModel[]; rows: CellModel[][] } {
  const i = s.cells.findIndex((r, k) => k >= after && val(r?.[0]) === firstHeader);
  if (i < 0) throw new Error(`no table «${firstHeader}» on «${s.name}»`);
  const rows: CellModel[][] = [];
  for (let r = i + 1; r < s.cells.length; r++) {
    const row = s.cells[r] ?? [];
    if (row.every((c) => val(c) === '' && !c?.formula)) break;
    rows.push(row);
  }
  return { headerRow: i, header: s.cells[i], rows };
}
