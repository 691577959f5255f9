// A problem in people's data: one row of «Проверка данных» (spec «Проверка данных»). The rules return
// them as plain data; the workbook layer collects and writes them. None stops a run.
export interface Problem {
  tab: string;
  /** Sheet row number (1-based, header = 1); 0 when the problem is about the tab as a whole. */
  row: number;
  column: string;
  value: string;
  message: string;
  fix: string;
}
