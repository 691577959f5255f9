// Helpers for the CLI walk (test/e2e/cli-walk.test.ts): the `kontrol` command line called
// in-process (the code path of bin/kontrol.js), the .eml files it writes read back, and the A1
// address of an order's cell found by header text and «№», as a person would find it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/local/cli';
import type { WorkbookModel } from '../../src/local/model';
import { columnLetter, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { emlHeader, emlPart } from '../helpers/eml';
import { header, sheetOf, val } from './orders-helpers';

const ROOT = join(import.meta.dirname, '..', '..');
export const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
  /** The workbook as the command wrote it to the file (undefined when it wrote none). */
  saved?: WorkbookModel;
}

/**
 * `kontrol …` in-process; fails the test on a non-zero exit, with what the CLI printed. The file
 * is written as always; `saved` is the model it was written from, so a walk need not read the
 * file back after every call (the next call reads it: what the file lost would show there).
 */
export async function kontrol(argv: string[]): Promise<CliResult> {
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  const out: string[] = [];
  const err: string[] = [];
  let saved: WorkbookModel | undefined;
  const save = async (model: WorkbookModel, file: string) => {
    await saveXlsx(model, file);
    saved = model;
  };
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), codePath: CODE_PATH, save });
  const r = { code, out: out.join('\n'), err: err.join('\n'), saved };
  if (code !== 0 || r.err) throw new Error(`kontrol ${argv.join(' ')} → ${code}\n${r.err}\n${r.out}`);
  return r;
}

export interface Eml {
  file: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
}

export function readEml(path: string): Eml {
  const raw = readFileSync(path, 'utf8');
  return {
    file: path,
    to: emlHeader(raw, 'To'),
    cc: emlHeader(raw, 'Cc'),
    subject: emlHeader(raw, 'Subject'),
    text: emlPart(raw, 'text/plain'),
  };
}

/** The .eml files of the outbox not yet in `seen` (marked seen), in sending order. */
export function newMails(outbox: string, seen: Set<string>): Eml[] {
  if (!existsSync(outbox)) return [];
  const fresh = readdirSync(outbox)
    .filter((f) => f.endsWith('.eml') && !seen.has(f))
    .sort();
  for (const f of fresh) seen.add(f);
  return fresh.map((f) => readEml(join(outbox, f)));
}

/** A1 address of the cell of order `number` in `column` of «Поручения». */
export function orderCell(wb: WorkbookModel, number: string, column: string): string {
  const s = sheetOf(wb, TAB.orders);
  const h = header(wb, TAB.orders);
  const c = h.indexOf(column);
  const n = h.indexOf(ORDER_COL.number);
  const r = s.cells.findIndex((row, i) => i > 0 && String(val(row?.[n])) === number);
  if (c < 0 || r < 0) throw new Error(`no cell ${column} of order ${number}`);
  return `${columnLetter(c + 1)}${r + 1}`;
}
