// PLACEHOLDER until issue 6 lands: tabs «Критерии самооценки», «Самооценка».
import type { TabSpec } from '../tabspec';

export const RATING_TAB_SPECS: TabSpec[] = [];
