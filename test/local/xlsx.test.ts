// The xlsx bridge keeps everything the add-on uses (spec «Running it»: the same bundle runs on a
// local .xlsx), and what xlsx cannot hold survives in the side file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptySheet, emptyWorkbook, type SheetModel, type WorkbookModel } from '../../src/local/model';
import { loadXlsx, saveXlsx, sideFilePath, WorkbookFileError, zoneFromSettings } from '../../src/local/xlsx';

const root = join(import.meta.dirname, '..', '..');
const BUNDLE = process.env.KONTROL_CODE ?? join(root, 'dist', 'Code.js');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'kontrol-xlsx-'));
}

function richWorkbook(): WorkbookModel {
  const wb = emptyWorkbook('Тестовая книга', 'Asia/Novokuznetsk');
  const settings: SheetModel = {
    ...emptySheet('Настройки'),
    cells: [
      [
        { v: 'Параметр', fontWeight: 'bold', background: '#d9d9d9' },
        { v: 'Значение', fontWeight: 'bold' },
      ],
      [{ v: 'Организация' }, { v: 'Администрация г. Кыштыма' }],
      [{ v: 'Часовой пояс' }, { v: 'Asia/Novokuznetsk' }],
    ],
    frozenRows: 1,
    columnWidths: { 1: 280, 2: 350 },
  };
  const orders: SheetModel = {
    ...emptySheet('Поручения'),
    maxRows: 1200,
    maxColumns: 20,
    frozenRows: 1,
    tabColor: '#1155cc',
    columnWidths: { 1: 70, 3: 420 },
    cells: [
      [
        { v: '№', fontWeight: 'bold' },
        { v: 'Срок', fontWeight: 'bold' },
        { v: 'Поручение' },
        { v: 'Статус' },
        { v: 'Состояние', background: '#efefef', fontColor: '#666666', note: 'Системный столбец', wrap: true },
        { v: 'Итог', horizontalAlignment: 'center' },
      ],
      [
        { v: 12.5, numberFormat: '0.00' },
        { v: { kind: 'date', iso: '2025-03-14' }, numberFormat: 'dd.mm.yyyy' },
        { v: 'Подготовить «отчёт» = проект', link: 'https://example.org/протокол?id=1' },
        { v: true },
        { v: 'Просрочено', background: '#f4cccc', fontColor: '#990000', fontWeight: 'bold' },
        { v: 7, formula: 'SUM(A2,1)-6.5+6' },
        { v: 'да', formula: 'IF(D2,"да","нет")' },
        { v: { kind: 'date', iso: '2025-03-15' }, formula: 'B2+1', numberFormat: 'dd.mm.yyyy' },
      ],
      [],
      [
        { v: null, background: '#fff2cc' },
        { v: { kind: 'date', iso: '2025-12-31T17:45:00' }, numberFormat: 'dd.mm.yyyy hh:mm' },
        { v: '=не формула, а текст' },
        { v: false },
        { v: -3 },
      ],
    ],
    frozenColumns: 2,
    sheetId: 123456,
    merges: ['J1:L1', 'A6:B7'],
    validations: [
      { range: 'H2:H', kind: 'number', criteria: 'NUMBER_BETWEEN', args: [0, 100], allowInvalid: false },
      {
        range: 'D2:D1200',
        kind: 'list',
        values: ['Список дел', 'В процессе 0', 'Готово'],
        allowInvalid: false,
        criteria: 'VALUE_IN_LIST',
        args: [true],
      },
      { range: 'E2:E1200', kind: 'list', sourceRange: 'Исполнители!A2:A', allowInvalid: true },
      { range: 'B2:B1200', kind: 'date', allowInvalid: false, helpText: 'Дата ДД.ММ.ГГГГ' },
      { range: 'A2:A1200', kind: 'number', allowInvalid: true },
      { range: 'F2:G10', kind: 'other', formula: '=ISNUMBER(F2)', allowInvalid: false },
    ],
    conditionalFormats: [
      { ranges: ['A2:S1200'], formula: '=$Q2="Просрочено"', background: '#f4cccc', fontColor: '#990000' },
      { ranges: ['Q2:Q1200', 'S2:S1200'], textEqualTo: 'Исполнено в срок', background: '#d9ead3' },
      { ranges: ['R2:R'], condition: 'NUMBER_GREATER_THAN', values: [0], fontColor: '#990000', bold: true },
    ],
    protections: [
      { range: 'N1:S1200', description: 'Системные столбцы', warningOnly: true, unprotectedRanges: ['P2:P3'] },
      { description: 'Весь лист', warningOnly: false },
    ],
    charts: [
      {
        type: 'COLUMN',
        ranges: ['A1:B10'],
        title: 'Исполнение',
        anchorRow: 2,
        anchorColumn: 8,
        options: { legend: 'bottom' },
      },
    ],
  };
  const hidden: SheetModel = { ...emptySheet('Исполнители'), hidden: true, cells: [[{ v: 'ФИО' }], [{ v: 'Иванов' }]] };
  wb.sheets.push(settings, orders, hidden);
  wb.properties.script = { lastRun: '2025-03-14' };
  wb.properties.document = { version: '3' };
  wb.triggers = [
    { id: 't1', handler: 'dailyRun', type: 'CLOCK', atHour: 8, everyDays: 1, timeZone: 'Asia/Novokuznetsk' },
  ];
  wb.id = 'local-test-id';
  return wb;
}

/** Ragged rows are the same grid: trailing empty cells and rows do not matter. */
function canonical(wb: WorkbookModel): WorkbookModel {
  const copy = structuredClone(wb);
  for (const s of copy.sheets) {
    for (const r of s.cells)
      while (r.length && r[r.length - 1].v === null && Object.keys(r[r.length - 1]).length === 1) r.pop();
    while (s.cells.length && s.cells[s.cells.length - 1].length === 0) s.cells.pop();
  }
  return copy;
}

describe('xlsx round trip', () => {
  it('keeps values, formats, notes, links, validations, conditional formats, layout and the side file', async () => {
    const dir = tmp();
    const file = join(dir, 'книга.xlsx');
    const before = richWorkbook();
    await saveXlsx(before, file);
    expect(existsSync(sideFilePath(file))).toBe(true);
    expect(sideFilePath(file)).toBe(join(dir, 'книга.kontrol.json'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const after = await loadXlsx(file);
    expect(canonical(after)).toEqual(canonical(before));
    // and a second save/load is stable
    await saveXlsx(after, file);
    expect(canonical(await loadXlsx(file))).toEqual(canonical(before));
  });

  it('without the side file keeps what xlsx itself holds, with bounded ranges', async () => {
    const dir = tmp();
    const file = join(dir, 'b.xlsx');
    await saveXlsx(richWorkbook(), file);
    rmSync(sideFilePath(file));
    const m = await loadXlsx(file);
    const orders = m.sheets.find((s) => s.name === 'Поручения')!;
    expect(orders.protections).toEqual([]);
    expect(orders.charts).toEqual([]);
    expect(m.properties.script).toEqual({});
    expect(orders.validations).toContainEqual({
      range: 'E2:E1200',
      kind: 'list',
      sourceRange: 'Исполнители!A2:A1000',
      allowInvalid: true,
    });
    expect(orders.conditionalFormats.map((c) => c.formula ?? c.textEqualTo)).toEqual([
      '=$Q2="Просрочено"',
      'Исполнено в срок',
    ]);
    expect(orders.merges?.sort()).toEqual(['A6:B7', 'J1:L1']);
    expect(orders.frozenColumns).toBe(2);
    expect(m.timeZone).toBe('Asia/Novokuznetsk');
  });

  it('keeps a workbook made by «Настроить таблицу» in the sandbox (npm test builds dist/Code.js first)', async () => {
    const { createSandbox } = await import('../../src/local/sandbox/index');
    const wb = emptyWorkbook('k');
    wb.sheets.push(emptySheet('Лист1'));
    const sb = createSandbox({
      workbook: wb,
      code: readFileSync(BUNDLE, 'utf8'),
      now: new Date('2025-03-14T05:00:00Z'),
    });
    sb.api('setup', {});
    const file = join(tmp(), 'setup.xlsx');
    await saveXlsx(wb, file);
    const back = await loadXlsx(file);
    const normal = (m: WorkbookModel) => {
      const c = canonical(m);
      for (const s of c.sheets)
        for (const r of s.cells) for (const x of r) if (x.fontWeight === 'normal') delete x.fontWeight;
      return canonical(c);
    };
    expect(normal(back)).toEqual(normal(wb));
  });

  it('gives a date cell without a number format a ДД.ММ.ГГГГ format and keeps its date', async () => {
    const file = join(tmp(), 'd.xlsx');
    const wb = emptyWorkbook();
    wb.sheets.push({ ...emptySheet('Лист1'), cells: [[{ v: { kind: 'date', iso: '2026-01-09' } }]] });
    await saveXlsx(wb, file);
    const back = await loadXlsx(file);
    expect(back.sheets[0].cells[0][0]).toEqual({ v: { kind: 'date', iso: '2026-01-09' }, numberFormat: 'dd.mm.yyyy' });
  });

  it('reads dates of a foreign xlsx by their UTC components (an xlsx date has no zone)', async () => {
    const file = join(tmp(), 'foreign.xlsx');
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('Протоколы');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 0, 31));
    ws.getCell('A1').numFmt = 'dd.mm.yyyy';
    ws.getCell('B1').value = { richText: [{ text: 'пол' }, { text: 'ужирный', font: { bold: true } }] };
    await x.xlsx.writeFile(file);
    const m = await loadXlsx(file);
    expect(m.sheets[0].cells[0][0].v).toEqual({ kind: 'date', iso: '2025-01-31' });
    expect(m.sheets[0].cells[0][1].v).toBe('полужирный');
    expect(m.timeZone).toBe('Europe/Moscow');
    expect(m.name).toBe('foreign');
    expect(m.sheets[0].maxRows).toBe(1000);
  });

  it("reads a foreign file's validations as Excel applies them: several ranges of one rule, a later rule over an earlier one", async () => {
    const file = join(tmp(), 'foreign-validations.xlsx');
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('Поручения');
    ws.getCell('A1').value = 'Статус';
    const list = (v: string) => ({
      type: 'list' as const,
      allowBlank: true,
      showErrorMessage: true,
      formulae: [`"${v}"`],
    });
    const dvs = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    dvs['A1:A10'] = list('да,нет');
    dvs['A5:A6'] = list('Готово'); // written after A1:A10: its cells are its own
    dvs['B1:C2'] = list('один');
    await x.xlsx.writeFile(file);
    // One <dataValidation> with two ranges, as Excel writes a rule given to two blocks.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)?.async('string');
    expect(xml).toContain('sqref="B1:C2"');
    zip.file(path, (xml ?? '').replace('sqref="B1:C2"', 'sqref="B1:B2 C1:C2"'));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const m = await loadXlsx(file);
    expect(m.sheets[0].validations.map((v) => [v.range, v.values?.join(',')])).toEqual([
      ['A1:A4', 'да,нет'],
      ['A7:A10', 'да,нет'],
      ['A5:A6', 'Готово'],
      ['B1:C2', 'один'],
    ]);
  });

  it('takes the zone from «Настройки» «Часовой пояс» by header, else Europe/Moscow', () => {
    const wb = emptyWorkbook();
    wb.sheets.push({
      ...emptySheet('Настройки'),
      cells: [
        [{ v: 'Примечание' }, { v: ' значение ' }, { v: 'Параметр' }],
        [{ v: '' }, { v: 'Asia/Yekaterinburg' }, { v: 'Часовой пояс ' }],
      ],
    });
    expect(zoneFromSettings(wb)).toBe('Asia/Yekaterinburg');
    wb.sheets[0].cells[1][1] = { v: 'Марс/Олимп' };
    expect(zoneFromSettings(wb)).toBeNull();
  });

  it('reports a missing, a corrupt and a locked workbook in one Russian line', async () => {
    const dir = tmp();
    await expect(loadXlsx(join(dir, 'нет.xlsx'))).rejects.toThrow(/Файл не найден/);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'это не zip');
    await expect(loadXlsx(bad)).rejects.toBeInstanceOf(WorkbookFileError);
    await expect(loadXlsx(bad)).rejects.toThrow(/повреждён/);
    const good = join(dir, 'good.xlsx');
    await saveXlsx(richWorkbook(), good);
    writeFileSync(join(dir, '~$good.xlsx'), '');
    await expect(loadXlsx(good)).rejects.toThrow(/открыта в другой программе/);
  });
});

describe('tab names Excel forbids', () => {
  it('«Отчёт: исполнение» survives save and load (Excel forbids «:» in tab names)', async () => {
    const wb = emptyWorkbook();
    const s = emptySheet('Отчёт: исполнение');
    s.cells = [[{ v: 'Исполнитель' }]];
    wb.sheets.push(s, emptySheet('A/B [x]?*'));
    const file = join(mkdtempSync(join(tmpdir(), 'kontrol-')), 'names.xlsx');
    await saveXlsx(wb, file);
    const back = await loadXlsx(file);
    expect(back.sheets.map((x) => x.name)).toEqual(['Отчёт: исполнение', 'A/B [x]?*']);
    expect(back.sheets[0].cells[0][0].v).toBe('Исполнитель');
  });
});
