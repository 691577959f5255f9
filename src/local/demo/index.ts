// `kontrol init --demo` and `npm start`: fills a freshly set-up workbook with sample data.
// Each feature keeps its own demo writer (./orders, ./lean, ./rating, …) and registers it in
// DEMO_WRITERS below; this file only runs them in order. Node only: never bundled into Code.js.
import type { WorkbookModel } from '../model';
import { addDemoBetweenDates } from './between-dates';
import { addDemoLean } from './lean';
import { addDemoOrders } from './orders';
import { addDemoRating } from './rating';

/** Writes one feature's sample rows into a workbook that «Настроить таблицу» has just set up. */
export type DemoWriter = (model: WorkbookModel, today: string /* YYYY-MM-DD */) => void;

/**
 * Feature demo writers, in the order they run (executors and protocols before orders, the lean
 * plan before projects, …). Feature files register here, e.g.
 *   import { addOrdersDemo } from './orders';
 *   … DEMO_WRITERS = [addOrdersDemo, addLeanDemo, addRatingDemo];
 */
export const DEMO_WRITERS: DemoWriter[] = [addDemoOrders, addDemoBetweenDates, addDemoLean, addDemoRating];

/** Adds every feature's sample data to `model`; `today` is the spreadsheet's date, YYYY-MM-DD. */
export function addDemoData(model: WorkbookModel, today: string): void {
  for (const write of DEMO_WRITERS) write(model, today);
}
