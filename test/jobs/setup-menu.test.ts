// The menu (spec «Behaviour» → Menu) and what its prompts accept.
import { describe, expect, it } from 'vitest';
import {
  helpHtml,
  MENU,
  MENU_TITLE,
  menuFunctions,
  normalizePeriodInput,
  parseQuarterInput,
  parseYearInput,
  quarterOf,
} from '../../src/jobs/menu';
import { columnLetter, stateFormula } from '../../src/jobs/setup';

describe('menu «Контроль поручений»', () => {
  it('has the spec items in the spec order, with the two submenus', () => {
    expect(MENU_TITLE).toBe('Контроль поручений');
    const top = MENU.filter((i) => i !== null).map((i) => i?.caption);
    expect(top).toEqual([
      'Настроить таблицу',
      'Отправить новые поручения исполнителям',
      'Проверить данные',
      'Запустить ежедневную проверку сейчас',
      'Отчёт об исполнении',
      'Отчёт по протоколу…',
      // Spec Round 3: the controller's reminder on the selected row (001 гл.7 п.2.4.7–2.4.8).
      'Напомнить об ускорении',
      'Отчёт по обращениям',
      'Мои поручения',
      'Бережливые проекты',
      'Включить автоматическую проверку',
      'Выключить автоматическую проверку',
      'Отозвать ссылку…',
      'Отозвать все ссылки',
      'Справка',
    ]);
    const sub = (c: string) => MENU.find((i) => i?.caption === c)?.items?.map((i) => i.caption);
    expect(sub('Отчёт об исполнении')).toEqual([
      'За прошлую неделю',
      'За прошлый месяц',
      'За квартал',
      // 001 гл.7 п.2.5.4 «по итогам»: the last finished half-year and year; the current ones apart (round 3).
      'За полугодие',
      'За год',
      'Текущее полугодие по сегодня',
      'Текущий год по сегодня',
      'За период…',
    ]);
    expect(sub('Бережливые проекты')).toEqual(['Квартальный отчёт', 'Контроль плана', 'Рейтинг самооценки']);
  });
  it('calls one distinct global per item', () => {
    const fns = menuFunctions();
    expect(fns).toHaveLength(24); // + «Напомнить об ускорении», the current half-year and year (spec Round 3)
    expect(new Set(fns).size).toBe(fns.length);
    expect(fns.every((f) => /^menu[A-Z]/.test(f))).toBe(true);
  });
  it('help is Russian and escaped HTML', () => {
    const html = helpHtml();
    expect(html).toContain('Ежедневная проверка');
    expect(html).toContain('«Настроить таблицу»');
    expect(html).toContain('Список дел → В процессе 0');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('prompt answers', () => {
  it('a period typed with Russian dates becomes the report code; codes pass unchanged', () => {
    expect(normalizePeriodInput('01.03.2026–15.03.2026')).toBe('2026-03-01..2026-03-15');
    expect(normalizePeriodInput('с 1.3.2026 по 15.3.2026')).toBe('2026-03-01..2026-03-15');
    expect(normalizePeriodInput(' 2026-W10 ')).toBe('2026-W10');
    expect(normalizePeriodInput('2026-Q1')).toBe('2026-Q1');
  });
  it('a quarter in several spellings, and nothing else', () => {
    expect(parseQuarterInput('2026-Q1')).toBe('2026-Q1');
    expect(parseQuarterInput('2026 q3')).toBe('2026-Q3');
    expect(parseQuarterInput('2026-К2')).toBe('2026-Q2');
    expect(parseQuarterInput('Q4 2025')).toBe('2025-Q4');
    expect(parseQuarterInput('1 кв. 2026')).toBe('2026-Q1');
    expect(parseQuarterInput('2026-Q5')).toBeNull();
    expect(parseQuarterInput('весна')).toBeNull();
  });
  it('a year', () => {
    expect(parseYearInput('2026')).toBe('2026');
    expect(parseYearInput('2026 г.')).toBe('2026');
    expect(parseYearInput('26')).toBeNull();
    expect(parseYearInput('1899')).toBeNull();
  });
  it('the default quarter is the one today falls in', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });
});

describe('row highlighting formulas', () => {
  it('name «Состояние» by its current column letter', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(17)).toBe('Q');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(53)).toBe('BA');
    expect(stateFormula('Q', 'Просрочено')).toBe('=$Q2="Просрочено"');
  });
});

describe('«за полугодие / за год» report the last finished one (001 гл.7 п.2.5.4 «по итогам»; round 3)', () => {
  it("in July: H1 and last year; in March: last year's H2; the current ones are separate items", async () => {
    const r = await import('../../src/jobs/reports');
    // Round 2: July gave 2026-H2 (to date) and 2026.
    expect([r.halfYearPeriod('2026-07-15'), r.yearPeriod('2026-07-15')]).toEqual(['2026-H1', '2025']);
    expect([r.halfYearPeriod('2026-03-02'), r.yearPeriod('2026-03-02')]).toEqual(['2025-H2', '2025']);
    expect([r.currentHalfYearPeriod('2026-07-15'), r.currentYearPeriod('2026-07-15')]).toEqual(['2026-H2', '2026']);
  });
});
