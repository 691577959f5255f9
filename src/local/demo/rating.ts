// Demo answers of «Самооценка» (issue 6): last year's and this year's rows of a few organisations,
// with a tie this year (УО and УСЗН: 7,6 each with the source coefficients) and two organisations
// that have not answered yet, so the rating and the 1 December reminder both have something to show.
import type { IsoDate } from '../../domain/dates';
import { SELF_ASSESSMENT_COL as C, TAB } from '../../workbook/schema';
import type { WorkbookModel } from '../model';
import { appendRows, type DemoValue } from './util';

type Scores = [number, number, number, number, number, number, number, number];

function row(year: number, org: string, k: Scores, documents = ''): Record<string, DemoValue> {
  return {
    [C.year]: year,
    [C.org]: org,
    [C.k1]: k[0],
    [C.k2]: k[1],
    [C.k3]: k[2],
    [C.k4]: k[3],
    [C.k5]: k[4],
    [C.k6]: k[5],
    [C.k7]: k[6],
    [C.k8]: k[7],
    [C.documents]: documents,
  };
}

export function addDemoRating(model: WorkbookModel, today: IsoDate): void {
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  appendRows(model, TAB.selfAssessment, [
    row(last, 'Администрация ПМО', [2, 1, 1, 2, 1, 1, 1, 1]),
    row(last, 'УО', [1, 1, 0, 0, 1, 0, 1, 1]),
    row(last, 'УСЗН', [1, 0, 0, 0, 1, 0, 0, 0]),
    row(last, 'УЖС', [1, 0, 0, 0, 0, 0, 0, 0]),
    row(last, 'УКМПСТ', [0, 0, 0, 0, 1, 0, 1, 1]),
    // 3 + 0,6 + 1,5 + 1,8 + 1 + 1,2 + 1,2 = 10,3 (criterion 3 has no coefficient in the source)
    row(year, 'Администрация ПМО', [3, 2, 3, 3, 2, 2, 2, 3], 'https://example.org/lean/self-assessment/adm.pdf'),
    // 2 + 0,3 + 1 + 1,8 + 0,5 + 1,2 + 0,8 = 7,6
    row(year, 'УО', [2, 1, 1, 2, 2, 1, 2, 2], 'https://example.org/lean/self-assessment/uo.pdf'),
    // 1 + 0,9 + 1,5 + 1,8 + 0 + 1,2 + 1,2 = 7,6: shares the second place with УО
    row(year, 'УСЗН', [1, 3, 3, 3, 2, 0, 2, 3]),
    // 1 + 0,3 + 0 + 0,9 + 0,5 + 0,6 + 0,4 = 3,7
    row(year, 'Финансовое управление', [1, 1, 0, 0, 1, 1, 1, 1]),
    // 1 + 0,9 + 0,6 = 2,5
    row(year, 'КУМИ', [1, 0, 0, 0, 1, 0, 1, 0]),
  ]);
}
