// The Apps Script time model the benchmark projects with, from counts the sandbox gives.
//
// Google's best-practices page (developers.google.com/apps-script/guides/support/best-practices,
// «Use batch operations») times a 100 × 100 grid: about 70 s written cell by cell, about 1 s read
// and written with one batched call each. Two anchors fix two parameters:
//   per call:  70 s / 10 000 single-cell calls          ≈ 7 ms  (a round trip; the cell is noise)
//   per cell:  (1 s − 2 calls × 7 ms) / 20 000 cells    ≈ 0.05 ms (one read + one write of 10 000)
// so a call costs CALL_MS + cells × CELL_MS. A batched call is dearer than a single-cell one, but
// 10 000 cells in one call cost far less than 10 000 calls. Calls that format a whole range with
// one value (setBackground, setNumberFormat, clear…) carry no payload and are charged CALL_MS only.
// MailApp.sendEmail is not on that page; MAIL_MS is our assumption (a Gmail round trip), stated
// separately so it can be changed. The script's own JavaScript is added as measured here (the
// sandbox's wall time, which also holds the fake services' work, so it errs on the high side):
// Apps Script's V8 is not assumed to be faster than Node on this machine.

// BENCH_CALL_MS / BENCH_CELL_MS / BENCH_MAIL_MS override them, to see how much a result hangs on
// an assumption (docs/PERFORMANCE.md shows the daily check with CELL_MS = 0.0125).
const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] !== '' && process.env[name] !== undefined ? v : fallback;
};
export const CALL_MS = env('BENCH_CALL_MS', 7);
export const CELL_MS = env('BENCH_CELL_MS', 0.05);
export const MAIL_MS = env('BENCH_MAIL_MS', 250);
/**
 * A call that only builds an object from what the script passes (a Range from coordinates, a
 * finder's options): charged as a call by default. The anchor above allows a cheaper reading: its
 * loop makes an offset() and a setBackgroundColor() per cell, so the 7 ms may be the pair's. With
 * BENCH_BUILDER_MS=0 they cost nothing (docs/PERFORMANCE.md shows «Мои поручения» both ways).
 */
export const BUILDER_MS = env('BENCH_BUILDER_MS', CALL_MS);
export const BUILDERS =
  /^(Sheet\.getRange|Sheet\.getRangeList|RangeList\.getRanges|Range\.offset|Range\.createTextFinder|Sheet\.createTextFinder|TextFinder\.(matchCase|matchEntireCell|useRegularExpression|matchFormulaText|ignoreDiacritics|startFrom))$/;
/** Apps Script stops any execution at 6 minutes (guides/services/quotas). */
export const LIMIT_MS = 6 * 60 * 1000;

export interface CostInput {
  /** Spreadsheet and other service calls (everything except MailApp.sendEmail). */
  serviceCalls: number;
  /** Of serviceCalls, those that only build an object (BUILDERS), charged BUILDER_MS. */
  builderCalls?: number;
  /** Cells moved by value-array calls (getValues, setValues, setBackgrounds, …). */
  cells: number;
  mailCalls: number;
  /** Wall time of the run in the sandbox, ms (the script's own computing). */
  localMs: number;
}

export interface Projection {
  /** Service calls and cells: what batching controls. */
  sheetsMs: number;
  /** Messages: one digest per recipient, bounded by the executors, not by the rows. */
  mailMs: number;
  /** The script's own JavaScript, as measured in the sandbox. */
  scriptMs: number;
  totalMs: number;
}

export function project(c: CostInput): Projection {
  const builders = c.builderCalls ?? 0;
  const sheetsMs = Math.round((c.serviceCalls - builders) * CALL_MS + builders * BUILDER_MS + c.cells * CELL_MS);
  const mailMs = Math.round(c.mailCalls * MAIL_MS);
  const scriptMs = Math.round(c.localMs);
  return { sheetsMs, mailMs, scriptMs, totalMs: sheetsMs + mailMs + scriptMs };
}

export function projectAppsScriptMs(c: CostInput): number {
  return project(c).totalMs;
}

/** "12 % of 6 min" / "3.2× over": how far a projected run is from the limit. */
export function headroom(ms: number): string {
  const share = ms / LIMIT_MS;
  return share <= 1 ? `${(share * 100).toFixed(1)} % от 6 мин` : `в ${share.toFixed(1)} раза больше 6 мин`;
}
