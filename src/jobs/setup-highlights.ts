// Row colours by «Состояние» (conditional formatting «Настроить таблицу» installs on «Поручения» and
// «Обращения»): writing «Состояние» is the refresh, so the daily check never colours a cell itself.
import { APPEAL_STATE } from '../domain/appeals';
import { columnLetter } from '../workbook/a1';
import { STATE } from '../workbook/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Row colours of «Поручения» by «Состояние» (spec: overdue red, due soon amber, done green, returned violet). */
export const STATE_HIGHLIGHTS: readonly { state: string; background: string }[] = [
  { state: STATE.overdue, background: '#f4cccc' },
  { state: STATE.dueSoon, background: '#fce8b2' },
  { state: STATE.doneOnTime, background: '#d9ead3' },
  { state: STATE.doneLate, background: '#d9ead3' },
  { state: STATE.rework, background: '#d9d2e9' },
  { state: STATE.awaitingRemoval, background: '#cfe2f3' },
];

/** The custom formula that highlights a row whose «Состояние» (in column `letter`) is `state`. */
export function stateFormula(letter: string, state: string): string {
  return `=$${letter}2="${state}"`;
}

type Highlights = readonly { state: string; background: string }[];

/** The formulas of our rules for these states (any column letter), told apart from people's rules. */
function ourFormula(list: Highlights): RegExp {
  return new RegExp(`^=\\$[A-Z]{1,3}2="(${list.map((h) => h.state).join('|')})"$`);
}
const OUR_STATE_FORMULA = ourFormula(STATE_HIGHLIGHTS);

/** Row colours of «Обращения» by its «Состояние» (overdue red, due soon amber, answered green, postponed violet). */
export const APPEAL_HIGHLIGHTS: Highlights = [
  { state: APPEAL_STATE.overdue, background: '#f4cccc' },
  { state: APPEAL_STATE.dueSoon, background: '#fce8b2' },
  { state: APPEAL_STATE.answeredOnTime, background: '#d9ead3' },
  { state: APPEAL_STATE.answeredLate, background: '#d9ead3' },
  { state: APPEAL_STATE.extended, background: '#d9d2e9' },
];

function ruleFormula(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  const cond = rule.getBooleanCondition();
  if (!cond) return '';
  const v = cond.getCriteriaValues();
  return v.length > 0 ? String(v[0]) : '';
}

/**
 * Row highlighting of a tab by its «Состояние» (1-based column `sc`; `width` columns), with formulas
 * naming its current column letter. People's own rules are kept; ours are replaced only when they
 * differ from what they should be. Returns whether it changed the rules.
 */
export function highlightRows(sheet: Sheet, sc: number, width: number, list: Highlights): boolean {
  const OURS = list === STATE_HIGHLIGHTS ? OUR_STATE_FORMULA : ourFormula(list);
  if (sc === 0 || width === 0) return false;
  const letter = columnLetter(sc);
  const target = sheet.getRange(`A2:${columnLetter(width)}`);
  const targetA1 = target.getA1Notation();
  const want = list.map((h) => ({ formula: stateFormula(letter, h.state), background: h.background }));
  const rules = sheet.getConditionalFormatRules();
  const ours = rules.filter((r) => OURS.test(ruleFormula(r)));
  const same =
    ours.length === want.length &&
    want.every((w) =>
      ours.some((r) => {
        const bg = r.getBooleanCondition()?.getBackground() ?? '';
        const ranges = r.getRanges().map((x) => x.getA1Notation());
        return (
          ruleFormula(r) === w.formula &&
          String(bg).toLowerCase() === w.background &&
          ranges.length === 1 &&
          ranges[0] === targetA1
        );
      }),
    );
  if (same) return false;
  const kept = rules.filter((r) => !OURS.test(ruleFormula(r)));
  const added = want.map((w) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(w.formula)
      .setBackground(w.background)
      .setRanges([target])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...added]);
  return true;
}
