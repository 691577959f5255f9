// «Контроль плана ЭР» for one measure (src/domain/plan-control.ts), seed 002 План мероприятий:
// 3.4 «ежеквартально, до 10 числа следующего месяца» gives four deadlines in 2026 (10.04, 10.07,
// 10.10 and 10.01.2027 for the IV quarter); 1.1's fact is counted from «Проекты».
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { measureControl, type PlanControlDay } from '../../src/domain/plan-control';
import { parseDeadlinePhrase } from '../../src/domain/plan-deadlines';
import type { PlanItem, SheetValue } from '../../src/domain/rules/plan-rule';

const day = (p: Partial<PlanControlDay> = {}): PlanControlDay => ({
  year: 2026,
  today: '2026-04-03',
  calendar: new WorkCalendar(),
  nonWorkingDeadline: 'previous',
  counted: { projects: 2, trainings: null },
  ...p,
});
function item(number: string, deadlineRaw: string, cells: Record<string, SheetValue>): PlanItem {
  return {
    row: 2,
    number,
    measure: 'Мероприятие',
    unit: 'ед.',
    responsible: 'Сектор',
    deadlineRaw,
    deadline: parseDeadlinePhrase(deadlineRaw),
    emails: [],
    badEmails: [],
    target: (y) => cells[`Цель ${y}`] ?? '',
    fact: (y) => cells[`Факт ${y}`] ?? '',
    hasTargetColumn: () => true,
    hasFactColumn: (y) => `Факт ${y}` in cells,
  };
}

describe('measureControl (002 План мероприятий)', () => {
  it('3.4: the year’s quarterly deadlines with their states, a typed fact against «не менее»', () => {
    const m = measureControl(
      item('3.4', 'ежеквартально, до 10 числа следующего месяца', { 'Цель 2026': 'не менее 1', 'Факт 2026': 1 }),
      day(),
    );
    expect(m.deadlines.map((d) => d.date)).toEqual(['2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10']);
    expect(m.deadlines[0].state).toBe('через 5 раб. дн.');
    // 10.10.2026 is a Saturday: due Friday 09.10 (001 гл.8 п.2.4.2).
    expect(m.deadlines[2].state).toContain('10.10.2026 — нерабочий день, срок 09.10.2026');
    expect([m.fact, m.from, m.outcome]).toEqual([1, '«Факт 2026»', 'выполнено']);
  });

  it('1.1 counted from «Проекты» (002 План 1.1); a target that does not read is noted', () => {
    const m = measureControl(item('1.1', 'ежегодно', { 'Цель 2026': 'много', 'Факт 2026': 9 }), day());
    expect([m.fact, m.target, m.outcome]).toEqual([2, 'много (не понята)', 'нет цели']);
    expect(m.from).toContain('«Проекты»');
    expect(m.notes).toHaveLength(1);
    const unread = measureControl(item('2.2', 'когда-нибудь', {}), day());
    expect([unread.deadlineText, unread.datesText, unread.from]).toEqual([
      'когда-нибудь (срок не понят)',
      '',
      'нет столбца «Факт 2026»',
    ]);
  });
});
