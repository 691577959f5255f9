// What «Настроить таблицу» makes of each tab. Feature modules declare their tabs here-in shape;
// src/jobs/setup.ts creates or repairs them without touching people's cells.
import type { Cell } from './table';

export interface ListRule {
  header: string;
  /** Fixed choices. */
  values?: readonly string[];
  /** Choices taken from another tab's column (e.g. executors' ФИО). */
  fromTab?: { tab: string; header: string };
}

/** What a seed may need from the spreadsheet (its zone, for date cells and «Часовой пояс»). */
export interface SeedContext {
  timeZone: string;
}

export interface TabSpec {
  name: string;
  headers: readonly string[];
  /** Written only by the add-on: grey header, protected with a warning. */
  systemHeaders?: readonly string[];
  /** Date validation and ДД.ММ.ГГГГ format on these columns. */
  dateHeaders?: readonly string[];
  /** Dropdowns. */
  lists?: readonly ListRule[];
  /** Rows written when the tab is created (or has no data rows yet). */
  seed?: (ctx: SeedContext) => Cell[][];
  /** Pixels per header. */
  widths?: Readonly<Record<string, number>>;
  /** Generated tabs are rewritten whole and protected; setup only creates them empty. */
  generated?: boolean;
}
