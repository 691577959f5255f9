// The tabs the add-on generates (rewrites whole, or only appends to, as «Журнал»), listed here by
// the tests on their own rather than taken from src: a tab dropped from the code's lists must still
// be checked.
import { TAB } from '../../src/workbook/schema';

export const GENERATED_TABS: readonly string[] = [
  TAB.reportExecution,
  TAB.reportProtocol,
  TAB.reportLean,
  TAB.planControl,
  TAB.rating,
  TAB.reportAppeals,
  TAB.problems,
  TAB.log,
];
