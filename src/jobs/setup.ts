// «Настроить таблицу»: creates every missing tab from its TabSpec and repairs what is missing on a
// used workbook, without ever changing a cell people wrote. Every step first looks at what is
// there (header row, validations, protections, rules) and adds only what is absent, so a second
// run makes no change. Calls are per tab and per column, never per row: validations, formats and
// protections cover whole columns («H2:H»).

import { APPEAL_COL } from '../domain/appeals';
import { columnLetter } from '../workbook/a1';
import { ORDER_COL, SETTINGS_COL, TAB } from '../workbook/schema';
import { SETTINGS_CHOICES } from '../workbook/specs/core';
import { allTabSpecs } from '../workbook/specs/index';
import { type Cell, normHeader } from '../workbook/table';
import type { ListRule, TabSpec } from '../workbook/tabspec';
import { ensureLinkSecret } from './links';
import { APPEAL_HIGHLIGHTS, highlightRows, STATE_HIGHLIGHTS } from './setup-highlights';

export { stateFormula } from './setup-highlights';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const SYSTEM_HEADER_BG = '#d9d9d9';
export const DATE_FORMAT = 'dd.MM.yyyy';

export { columnLetter };

export function systemProtectionDescription(tab: string, header: string): string {
  return `«${tab}» → «${header}»: системный столбец, его заполняет «Контроль поручений»`;
}

export function sheetProtectionDescription(tab: string): string {
  return `«${tab}» ведёт «Контроль поручений»: изменения вручную не нужны`;
}

interface TabState {
  spec: TabSpec;
  sheet: Sheet;
  created: boolean;
  /** Row 1 after repair, as normalised header text; index = column - 1. */
  header: string[];
  lastRow: number;
}

interface Changes {
  createdTabs: string[];
  addedHeaders: string[];
  seededTabs: string[];
  settingsAdded: number;
  validations: number;
  protections: number;
  highlights: boolean;
  formats: number;
}

function colOf(t: TabState, header: string): number {
  return t.header.indexOf(normHeader(header)) + 1; // 0 when absent
}

/** Creates the tab if missing and appends missing headers to the right; never moves a column. */
function ensureTab(ss: Spreadsheet, spec: TabSpec, ch: Changes): TabState {
  let sheet = ss.getSheetByName(spec.name);
  const created = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    ch.createdTabs.push(spec.name);
  }
  if (spec.generated) {
    if (created) {
      // Written whole by its own job later; until then it says what it is for.
      sheet
        .getRange(1, 1, 2, 1)
        .setValues([[spec.name], ['Здесь появится результат. Выберите нужное действие в меню «Контроль поручений».']]);
    }
    return { spec, sheet, created, header: [], lastRow: 0 };
  }
  const lastCol = created ? 0 : sheet.getLastColumn();
  const lastRow = created ? 0 : sheet.getLastRow();
  const row1: Cell[] = lastCol > 0 ? (sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[]) : [];
  const header = row1.map(normHeader);
  const blankHeader = header.every((h) => h === '');
  const missing = spec.headers.filter((h) => !header.includes(normHeader(h)));
  if (missing.length > 0) {
    // A blank row 1 gets the template from A1; otherwise new headers go right of every used column.
    const start = blankHeader ? 1 : lastCol + 1;
    const need = start + missing.length - 1;
    const maxCols = sheet.getMaxColumns();
    if (need > maxCols) sheet.insertColumnsAfter(maxCols, need - maxCols);
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map(String)]);
    if (blankHeader) header.length = 0;
    while (header.length < start - 1) header.push('');
    header.push(...missing.map(normHeader));
    if (!created) ch.addedHeaders.push(...missing.map((h) => `«${spec.name}»: «${h}»`));
  }
  return { spec, sheet, created, header, lastRow };
}

function headerLook(t: TabState, ch: Changes): void {
  const { sheet, spec } = t;
  const width = t.header.length;
  if (width === 0) return;
  const system = new Set((spec.systemHeaders ?? []).map(normHeader));
  const ours = new Set(spec.headers.map(normHeader));
  const range = sheet.getRange(1, 1, 1, width);
  const bgs = range.getBackgrounds()[0];
  const weights = range.getFontWeights()[0];
  const wantBg = bgs.map((b, i) => (system.has(t.header[i]) ? SYSTEM_HEADER_BG : b));
  const wantWeight = weights.map((w, i) => (ours.has(t.header[i]) ? 'bold' : w));
  if (wantBg.some((b, i) => String(b).toLowerCase() !== String(bgs[i]).toLowerCase())) {
    range.setBackgrounds([wantBg]);
    ch.formats++;
  }
  if (wantWeight.some((w, i) => w !== weights[i])) {
    range.setFontWeights([wantWeight]);
    ch.formats++;
  }
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    ch.formats++;
  }
  if (t.created) {
    for (const [h, px] of Object.entries(spec.widths ?? {})) {
      const c = colOf(t, h);
      if (c > 0) sheet.setColumnWidth(c, px);
    }
    // Headers such as «Просрочка, раб. дн.» wrap in their row rather than being cut off.
    range.setWrap(true);
  }
}

/** Seeds a new tab (or one with no data rows); «Настройки» also gets any parameter rows it lacks. */
function seed(t: TabState, tz: string, ch: Changes): void {
  const { spec, sheet } = t;
  if (!spec.seed) return;
  const rows = spec.seed({ timeZone: tz });
  if (rows.length === 0) return;
  const cols = spec.headers.map((h) => colOf(t, h));
  const width = t.header.length;
  if (t.lastRow <= 1) {
    const block = rows.map((r) => {
      const line: Cell[] = new Array(width).fill('');
      cols.forEach((c, j) => {
        if (c > 0 && j < r.length) line[c - 1] = r[j];
      });
      return line;
    });
    ensureRows(sheet, block.length + 1);
    sheet.getRange(2, 1, block.length, width).setValues(block);
    t.lastRow = block.length + 1;
    ch.seededTabs.push(spec.name);
    return;
  }
  if (spec.name !== TAB.settings) return;
  // A used «Настройки»: append the parameters it does not list yet (people's rows stay as they are).
  const pc = colOf(t, SETTINGS_COL.param);
  if (pc === 0) return;
  const present = new Set(
    sheet
      .getRange(2, pc, t.lastRow - 1, 1)
      .getValues()
      .map((r) => normHeader(r[0])),
  );
  const add = rows.filter((r) => !present.has(normHeader(r[0])));
  if (add.length === 0) return;
  const block = add.map((r) => {
    const line: Cell[] = new Array(width).fill('');
    cols.forEach((c, j) => {
      if (c > 0 && j < r.length) line[c - 1] = r[j];
    });
    return line;
  });
  ensureRows(sheet, t.lastRow + block.length);
  sheet.getRange(t.lastRow + 1, 1, block.length, width).setValues(block);
  t.lastRow += block.length;
  ch.settingsAdded += block.length;
}

function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

function columnRange(sheet: Sheet, col: number): Range {
  const l = columnLetter(col);
  return sheet.getRange(`${l}2:${l}`);
}

function listHelp(rule: ListRule): string {
  if (rule.fromTab) return `Выберите из списка (лист «${rule.fromTab.tab}», столбец «${rule.fromTab.header}»).`;
  return `Выберите из списка: ${(rule.values ?? []).join(', ')}.`;
}

/** Dropdowns and date checks on whole columns; a column that already has a rule keeps it. */
function validations(ss: Spreadsheet, t: TabState, byName: Map<string, TabState>, ch: Changes): void {
  const { spec, sheet } = t;
  for (const h of spec.dateHeaders ?? []) {
    const c = colOf(t, h);
    if (c === 0) continue;
    const range = columnRange(sheet, c);
    if (range.getDataValidation()) continue;
    range.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireDate()
        .setAllowInvalid(true)
        .setHelpText('Введите дату в виде ДД.ММ.ГГГГ.')
        .build(),
    );
    range.setNumberFormat(DATE_FORMAT);
    ch.validations++;
  }
  for (const rule of spec.lists ?? []) {
    const c = colOf(t, rule.header);
    if (c === 0) continue;
    let builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder | null = null;
    if (rule.values && rule.values.length > 0) {
      builder = SpreadsheetApp.newDataValidation().requireValueInList([...rule.values], true);
    } else if (rule.fromTab) {
      const src = byName.get(rule.fromTab.tab);
      const srcSheet = src ? src.sheet : ss.getSheetByName(rule.fromTab.tab);
      const sc = src ? colOf(src, rule.fromTab.header) : 0;
      if (!srcSheet || sc === 0) continue;
      builder = SpreadsheetApp.newDataValidation().requireValueInRange(columnRange(srcSheet, sc), true);
    }
    if (!builder) continue;
    const range = columnRange(sheet, c);
    if (range.getDataValidation()) continue;
    range.setDataValidation(builder.setAllowInvalid(true).setHelpText(listHelp(rule)).build());
    ch.validations++;
  }
  if (spec.name === TAB.settings) settingsChoices(t, ch);
}

/** Dropdowns on the single «Значение» cells that take a fixed choice («Рассылка включена» …). */
function settingsChoices(t: TabState, ch: Changes): void {
  const pc = colOf(t, SETTINGS_COL.param);
  const vc = colOf(t, SETTINGS_COL.value);
  if (pc === 0 || vc === 0 || t.lastRow < 2) return;
  const params = t.sheet.getRange(2, pc, t.lastRow - 1, 1).getValues();
  const want = new Map(Object.entries(SETTINGS_CHOICES).map(([k, v]) => [normHeader(k), v]));
  params.forEach((r, i) => {
    const choices = want.get(normHeader(r[0]));
    if (!choices) return;
    want.delete(normHeader(r[0])); // one dropdown per parameter, on its first row
    const cell = t.sheet.getRange(i + 2, vc);
    if (cell.getDataValidation()) return;
    cell.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...choices], true)
        .setAllowInvalid(true)
        .setHelpText(`Выберите: ${choices.join(', ')}.`)
        .build(),
    );
    ch.validations++;
  });
}

/** Warning-only protection of each system column (or of the whole tab when every column is system). */
function protections(t: TabState, ch: Changes): void {
  const { spec, sheet } = t;
  const system = spec.systemHeaders ?? [];
  if (system.length === 0) return;
  const allSystem = spec.headers.every((h) => system.some((s) => normHeader(s) === normHeader(h)));
  if (allSystem) {
    const desc = sheetProtectionDescription(spec.name);
    const has = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === desc);
    if (!has) {
      sheet.protect().setDescription(desc).setWarningOnly(true);
      ch.protections++;
    }
    return;
  }
  const existing = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  for (const h of system) {
    const c = colOf(t, h);
    const desc = systemProtectionDescription(spec.name, h);
    if (c === 0 || existing.has(desc)) continue;
    const l = columnLetter(c);
    sheet.getRange(`${l}1:${l}`).protect().setDescription(desc).setWarningOnly(true);
    ch.protections++;
  }
}

/** Runs «Настроить таблицу»; returns a Russian summary of what it changed. */
export function setupWorkbook(ss: Spreadsheet): string {
  const tz = ss.getSpreadsheetTimeZone() || 'Europe/Moscow';
  const ch: Changes = {
    createdTabs: [],
    addedHeaders: [],
    seededTabs: [],
    settingsAdded: 0,
    validations: 0,
    protections: 0,
    highlights: false,
    formats: 0,
  };
  const states = allTabSpecs().map((spec) => ensureTab(ss, spec, ch));
  const byName = new Map(states.map((s) => [s.spec.name, s]));
  for (const t of states) {
    if (t.spec.generated) continue;
    headerLook(t, ch);
    seed(t, tz, ch);
  }
  // Dropdowns that read another tab need that tab's final header, so they come after every tab exists.
  for (const t of states) {
    if (t.spec.generated) continue;
    validations(ss, t, byName, ch);
    protections(t, ch);
    const stateCol = t.spec.name === TAB.orders ? ORDER_COL.state : t.spec.name === TAB.appeals ? APPEAL_COL.state : '';
    const list = t.spec.name === TAB.orders ? STATE_HIGHLIGHTS : APPEAL_HIGHLIGHTS;
    if (stateCol && highlightRows(t.sheet, colOf(t, stateCol), t.header.length, list)) ch.highlights = true;
  }
  // The secret behind personal links to «Мои поручения» (script properties, never the sheet).
  ensureLinkSecret();
  return summarize(ch);
}

function summarize(ch: Changes): string {
  const parts: string[] = [];
  if (ch.createdTabs.length) parts.push(`созданы листы: ${ch.createdTabs.map((n) => `«${n}»`).join(', ')}`);
  if (ch.addedHeaders.length) parts.push(`добавлены столбцы: ${ch.addedHeaders.join(', ')}`);
  if (ch.seededTabs.length) parts.push(`заполнены справочники: ${ch.seededTabs.map((n) => `«${n}»`).join(', ')}`);
  if (ch.settingsAdded) parts.push(`добавлены параметры в «${TAB.settings}»: ${ch.settingsAdded}`);
  if (ch.validations) parts.push(`проверок ввода и списков: ${ch.validations}`);
  if (ch.protections) parts.push(`защищённых столбцов и листов: ${ch.protections}`);
  if (ch.highlights) parts.push(`обновлена подсветка строк «${TAB.orders}» по «Состоянию»`);
  if (parts.length === 0 && ch.formats) parts.push('восстановлено оформление заголовков');
  if (parts.length === 0) return 'Таблица уже настроена: ничего менять не потребовалось.';
  return `Таблица настроена: ${parts.join('; ')}. Заполненные людьми ячейки не изменялись.`;
}
