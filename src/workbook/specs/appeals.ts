// «Обращения» (citizens' appeals, spec «Tabs people fill in»): headers, system columns, dates and
// dropdowns. Names come from src/domain/appeals.ts.
import {
  APPEAL_CHANNELS,
  APPEAL_COL,
  APPEAL_HEADERS,
  APPEAL_RESULTS,
  APPEAL_SYSTEM_HEADERS,
} from '../../domain/appeals';
import { EXECUTOR_COL, TAB, YES_NO } from '../schema';
import type { TabSpec } from '../tabspec';

export const APPEAL_TAB_SPECS: TabSpec[] = [
  {
    name: TAB.appeals,
    headers: APPEAL_HEADERS,
    systemHeaders: APPEAL_SYSTEM_HEADERS,
    dateHeaders: [APPEAL_COL.registered, APPEAL_COL.deadline, APPEAL_COL.extendedTo, APPEAL_COL.answerDate],
    lists: [
      { header: APPEAL_COL.channel, values: APPEAL_CHANNELS },
      { header: APPEAL_COL.needsStudy, values: YES_NO },
      { header: APPEAL_COL.executor, fromTab: { tab: TAB.executors, header: EXECUTOR_COL.name } },
      { header: APPEAL_COL.result, values: APPEAL_RESULTS },
    ],
    widths: {
      [APPEAL_COL.applicant]: 200,
      [APPEAL_COL.address]: 220,
      [APPEAL_COL.topic]: 300,
      [APPEAL_COL.category]: 160,
      [APPEAL_COL.executor]: 170,
      [APPEAL_COL.measures]: 280,
      [APPEAL_COL.state]: 170,
      [APPEAL_COL.history]: 320,
    },
  },
];
