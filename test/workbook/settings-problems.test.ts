import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptySheet, emptyWorkbook } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { bundleEntry } from '../helpers/bundle';

const code = bundleEntry(
  `
  import { readSettings } from './src/jobs/context';
  import { Problems } from './src/workbook/problems';
  export const api = {
    run() {
      const problems = new Problems();
      const s = readSettings(SpreadsheetApp.getActive(), problems);
      return JSON.stringify({ hour: s.dailyHour, problems: problems.list });
    },
  };
  `,
  join(__dirname, '../..'),
);

describe('«Настройки»: a bad value is reported at its own cell (spec «Bad input»)', () => {
  it('points at the «Значение» cell of the parameter and keeps the default', () => {
    const wb = emptyWorkbook();
    const s = emptySheet('Настройки');
    s.cells = [
      [{ v: 'Параметр' }, { v: 'Значение' }],
      [{ v: 'Организация' }, { v: 'Администрация' }],
      [{ v: 'Час ежедневной проверки' }, { v: 'утром' }],
    ];
    wb.sheets.push(s);
    const out = JSON.parse(String(createSandbox({ workbook: wb, code }).api('x')));
    expect(out.hour).toBe(8);
    expect(out.problems).toEqual([
      expect.objectContaining({ tab: 'Настройки', row: 3, column: 'Значение', value: 'утром' }),
    ]);
    expect(out.problems[0].message).toMatch(/^«Час ежедневной проверки»: Значение должно быть целым числом/);
  });
});
