// Every tab «Настроить таблицу» creates, in the order they appear in the workbook: the order-control
// tabs and citizens' appeals, then the lean programme's and the self-assessment's, then the service tabs.
import type { TabSpec } from '../tabspec';
import { APPEAL_TAB_SPECS } from './appeals';
import { BETWEEN_DATES_TAB_SPECS } from './between-dates';
import { CORE_TAB_SPECS, SERVICE_TAB_SPECS } from './core';
import { LEAN_TAB_SPECS } from './lean';
import { RATING_TAB_SPECS } from './rating';

export function allTabSpecs(): TabSpec[] {
  return [
    ...CORE_TAB_SPECS,
    ...APPEAL_TAB_SPECS,
    ...LEAN_TAB_SPECS,
    ...RATING_TAB_SPECS,
    ...BETWEEN_DATES_TAB_SPECS,
    ...SERVICE_TAB_SPECS,
  ];
}
