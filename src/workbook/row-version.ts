// The version of a row the «Мои поручения» page saw: people's cells only (system columns change
// with every daily check), dates as ISO days so a re-read gives the same. A page action is refused
// when the row's version changed since the page was loaded.
import { cellToIsoDate } from '../domain/dates';
import { rowVersion } from '../domain/my-orders';
import { type Cell, normHeader, type Table } from './table';

function versionText(v: Cell | undefined, tz: string): string {
  if (v instanceof Date) return cellToIsoDate(v, tz) ?? '';
  return v === undefined || v === null ? '' : String(v).trim();
}

export function rowVersionOf(t: Table, row: Cell[], tz: string, systemHeaders: readonly string[]): string {
  const system = new Set(systemHeaders.map(normHeader));
  const cells: string[] = [];
  t.header.forEach((h, c) => {
    if (!system.has(normHeader(h))) cells.push(versionText(row[c], tz));
  });
  return rowVersion(cells);
}
