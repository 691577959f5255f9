// Removal from control by the one who gave the order, end to end through `kontrol` on one .xlsx
// (001 гл.7 п.2.4.15: «Отменить контроль … может руководитель, давший по нему поручение»;
// п.2.4.17; 003 п.199: «Доручення знімаються з контролю міським головою»): «Готово» →
// «Ожидает снятия с контроля» → «Не снято» (a return for rework, 000 п.14) → «Готово» → «Снято» →
// «Архив» «Хранить в «Готово», рабочих дней» (5, 000 п.14) working days after «Снято».
// Also 000 п.7 with mail off: an order typed the afternoon after the meeting is not «внесено позже
// срока» — the rule reads «Внесено», stamped by onEdit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/domain/settings';
import { loadXlsx, saveXlsx } from '../../src/local/xlsx';
import { ORDER_COL, TAB } from '../../src/workbook/schema';
import { kontrol, orderCell } from './cli-walk-helpers';
import { appendRows, d, orderRow, PEOPLE, rowsOf, setSetting } from './orders-helpers';

describe('«Снятие с контроля» = «решением давшего поручение» through kontrol', () => {
  it('Готово → Ожидает снятия → Не снято → Готово → Снято → «Архив» 5 working days after «Снято»', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontrol-removal-'));
    const file = join(dir, 'Контроль.xlsx');
    const outbox = join(dir, 'почта');
    await kontrol(['init', file, '--today', '2026-03-03', '--time', '07:00']);
    let wb = await loadXlsx(file);
    setSetting(wb, SETTING.removalMode, 'решением давшего поручение');
    setSetting(wb, SETTING.mailEnabled, 'Нет');
    appendRows(wb, TAB.executors, PEOPLE);
    // Meeting Tuesday 03.03.2026; the order's row is begun (№, executor, «Срок») and its text is typed
    // on Wednesday afternoon 04.03 — within «одного рабочего дня» (000 п.7), with mail off.
    appendRows(wb, TAB.protocols, [
      { '№': '7', Дата: d('2026-03-03'), Совещание: 'аппаратное', Председатель: 'Глава' },
    ]);
    appendRows(wb, TAB.orders, [
      { '№': '7-1', Протокол: '7', Исполнитель: 'Иванов И.И.', Срок: d('2026-03-13'), Статус: 'Список дел' },
    ]);
    await saveXlsx(wb, file);
    const edit = async (column: string, value: string, day: string) => {
      return kontrol([
        'edit',
        file,
        '--sheet',
        TAB.orders,
        '--cell',
        orderCell(wb, '7-1', column),
        '--value',
        value,
        '--today',
        day,
        '--time',
        '15:00',
      ]);
    };
    const daily = async (day: string) => {
      await kontrol(['run', 'daily', file, '--today', day, '--outbox', outbox]);
      wb = await loadXlsx(file);
    };
    const row = () => orderRow(wb, '7-1');

    await edit(ORDER_COL.text, 'Подготовить план благоустройства', '2026-03-04');
    // Thursday 05.03: the executor reports «Готово» (onEdit stamps «Дата исполнения»).
    await edit(ORDER_COL.status, 'Готово', '2026-03-05');
    await daily('2026-03-05');
    expect(row()[ORDER_COL.enteredAt]).toBe('2026-03-04');
    expect(JSON.stringify(rowsOf(wb, TAB.problems))).not.toContain('внесено позже срока');
    expect(row()[ORDER_COL.doneDate]).toBe('2026-03-05');
    expect(row()[ORDER_COL.state]).toBe('Ожидает снятия с контроля');

    // Tuesday 10.03: «Не снято» — returned for rework: status, date cleared, one return.
    await edit(ORDER_COL.removal, 'Не снято', '2026-03-10');
    await daily('2026-03-10');
    expect([row()[ORDER_COL.status], row()[ORDER_COL.doneDate], row()[ORDER_COL.removal]]).toEqual([
      'На доработке',
      '',
      '',
    ]);
    expect([row()[ORDER_COL.returns], row()[ORDER_COL.state]]).toEqual([1, 'На доработке']);
    expect(String(row()[ORDER_COL.history])).toContain(
      '10.03.2026: не снято с контроля, возвращено на доработку (снята дата исполнения 05.03.2026)',
    );

    // Wednesday 11.03: «Готово» again; Thursday 12.03: «Снято».
    await edit(ORDER_COL.status, 'Готово', '2026-03-11');
    await daily('2026-03-11');
    expect([row()[ORDER_COL.doneDate], row()[ORDER_COL.state]]).toEqual(['2026-03-11', 'Ожидает снятия с контроля']);
    await edit(ORDER_COL.removal, 'Снято', '2026-03-12');
    await daily('2026-03-12');
    expect([row()[ORDER_COL.state], row()[ORDER_COL.returns]]).toEqual(['Исполнено в срок', 1]);
    expect(String(row()[ORDER_COL.history])).toContain('12.03.2026: снято с контроля');

    // 5 working days after Thu 12.03: 13, 16, 17, 18, 19 → Thursday 19.03 (from «Дата исполнения» 11.03 it would be 18.03).
    await daily('2026-03-18');
    expect(row()[ORDER_COL.state]).toBe('Исполнено в срок');
    await daily('2026-03-19');
    expect(rowsOf(wb, TAB.orders).some((r) => r[ORDER_COL.number] === '7-1')).toBe(false);
    const archived = orderRow(wb, '7-1', TAB.archive);
    expect([archived[ORDER_COL.removal], archived['Дата архивации']]).toEqual(['Снято', '2026-03-19']);
  }, 120_000);
});
