// PLACEHOLDER until issue 5 lands: tabs «План ЭР», «Проекты», «Обучение».
import type { TabSpec } from '../tabspec';

export const LEAN_TAB_SPECS: TabSpec[] = [];
