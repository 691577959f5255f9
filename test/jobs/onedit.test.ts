// onEdit's rules as a pure function of the edited rows (spec «Behaviour» → onEdit).
import { describe, expect, it } from 'vitest';
import { dateInZone, midnightInZone } from '../../src/domain/dates';
import { editFills, requestHistoryLine } from '../../src/jobs/onedit';
import { ORDER_COL, ORDER_HEADERS, STATUS } from '../../src/workbook/schema';
import type { Cell } from '../../src/workbook/table';

const TZ = 'Asia/Novokuznetsk';
const TODAY = '2026-03-10';
const col = (h: string) => ORDER_HEADERS.indexOf(h);

function row(values: Partial<Record<string, Cell>>): Cell[] {
  const r: Cell[] = ORDER_HEADERS.map(() => '');
  for (const [h, v] of Object.entries(values)) r[col(h)] = v as Cell;
  return r;
}

describe('editFills: «Готово» stamps «Дата исполнения» (000 п.13: done when the record is made before the deadline)', () => {
  it('stamps today as midnight in the spreadsheet zone when the date is blank', () => {
    const fills = editFills(
      {
        header: [...ORDER_HEADERS],
        rows: [row({ [ORDER_COL.status]: STATUS.done })],
        editedCols: [col(ORDER_COL.status)],
      },
      TODAY,
      TZ,
    );
    // With it, the day's events (product.md «Periods never change once closed»): the status and the
    // execution recorded today.
    expect(fills.map((f) => f.header)).toEqual([ORDER_COL.doneDate, ORDER_COL.history]);
    expect(fills[1].value).toBe(
      '10.03.2026: статус «Готово»\n10.03.2026: исполнение отмечено: дата исполнения 10.03.2026',
    );
    const v = fills[0].value as Date;
    expect(v.getTime()).toBe(midnightInZone(TODAY, TZ).getTime());
    expect(dateInZone(v, TZ)).toBe(TODAY);
  });
  it('keeps a date a person already wrote', () => {
    const written = midnightInZone('2026-03-05', TZ);
    const fills = editFills(
      {
        header: [...ORDER_HEADERS],
        rows: [row({ [ORDER_COL.status]: STATUS.done, [ORDER_COL.doneDate]: written })],
        editedCols: [col(ORDER_COL.status)],
      },
      TODAY,
      TZ,
    );
    // The date stays; the execution is recorded today with the date written (05.03, more than one
    // working day back: the daily check lists it as «задним числом», 000 п.13).
    expect(fills).toEqual([
      {
        row: 0,
        header: ORDER_COL.history,
        value: '10.03.2026: статус «Готово»\n10.03.2026: исполнение отмечено: дата исполнения 05.03.2026',
      },
    ]);
  });
  it('ignores other statuses and edits of other columns; «Готово» taken back is a line of «История»', () => {
    const header = [...ORDER_HEADERS];
    expect(
      editFills(
        { header, rows: [row({ [ORDER_COL.status]: STATUS.p99 })], editedCols: [col(ORDER_COL.status)] },
        TODAY,
        TZ,
      ),
    ).toEqual([]);
    expect(
      editFills(
        {
          header,
          rows: [row({ [ORDER_COL.status]: STATUS.p99, [ORDER_COL.history]: '09.03.2026: статус «Готово»' })],
          editedCols: [col(ORDER_COL.status)],
        },
        TODAY,
        TZ,
      ),
    ).toEqual([
      { row: 0, header: ORDER_COL.history, value: '09.03.2026: статус «Готово»\n10.03.2026: статус «В процессе 99»' },
    ]);
    expect(
      editFills(
        { header, rows: [row({ [ORDER_COL.status]: STATUS.done })], editedCols: [col(ORDER_COL.progress)] },
        TODAY,
        TZ,
      ),
    ).toEqual([]);
  });
  it('finds columns by header text, whatever their order and case', () => {
    const header = [...ORDER_HEADERS].reverse().map((h) => ` ${h.toUpperCase()} `);
    const r: Cell[] = header.map(() => '');
    r[header.length - 1 - col(ORDER_COL.status)] = 'готово';
    const fills = editFills({ header, rows: [r], editedCols: [header.length - 1 - col(ORDER_COL.status)] }, TODAY, TZ);
    expect(fills.map((f) => f.header)).toEqual([ORDER_COL.doneDate, ORDER_COL.history]);
  });
});

describe('editFills: the first control date goes to «Первоначальный срок»', () => {
  const header = [...ORDER_HEADERS];
  it('records a date typed into «Срок» when «Первоначальный срок» is blank', () => {
    const fills = editFills(
      { header, rows: [row({ [ORDER_COL.deadline]: '20.03.2026' })], editedCols: [col(ORDER_COL.deadline)] },
      TODAY,
      TZ,
    );
    expect(fills).toHaveLength(1);
    expect(fills[0].header).toBe(ORDER_COL.originalDeadline);
    expect(dateInZone(fills[0].value as Date, TZ)).toBe('2026-03-20');
  });
  it('keeps an earlier first date and skips a text that is no date', () => {
    const first = midnightInZone('2026-03-15', TZ);
    expect(
      editFills(
        {
          header,
          rows: [row({ [ORDER_COL.deadline]: midnightInZone('2026-03-25', TZ), [ORDER_COL.originalDeadline]: first })],
          editedCols: [col(ORDER_COL.deadline)],
        },
        TODAY,
        TZ,
      ),
    ).toEqual([]);
    expect(
      editFills(
        { header, rows: [row({ [ORDER_COL.deadline]: 'до пятницы' })], editedCols: [col(ORDER_COL.deadline)] },
        TODAY,
        TZ,
      ),
    ).toEqual([]);
  });
});

describe('editFills: an extension request is dated in «История» (000 п.11)', () => {
  const header = [...ORDER_HEADERS];
  it('appends «ДД.ММ.ГГГГ: запрошен перенос срока на …» under earlier history', () => {
    const fills = editFills(
      {
        header,
        rows: [
          row({
            [ORDER_COL.requestedDate]: midnightInZone('2026-04-01', TZ),
            [ORDER_COL.history]: '05.03.2026: уведомление отправлено',
          }),
        ],
        editedCols: [col(ORDER_COL.requestedDate)],
      },
      TODAY,
      TZ,
    );
    expect(fills).toEqual([
      {
        row: 0,
        header: ORDER_COL.history,
        value: '05.03.2026: уведомление отправлено\n10.03.2026: запрошен перенос срока на 01.04.2026',
      },
    ]);
  });
  it('does not write the same request twice on one day', () => {
    const line = requestHistoryLine(TODAY, '01.04.2026', TZ);
    expect(line).toBe('10.03.2026: запрошен перенос срока на 01.04.2026');
    expect(
      editFills(
        {
          header,
          rows: [row({ [ORDER_COL.requestedDate]: '01.04.2026', [ORDER_COL.history]: line })],
          editedCols: [col(ORDER_COL.requestedDate)],
        },
        TODAY,
        TZ,
      ),
    ).toEqual([]);
  });
});

describe('editFills: a paste over several rows and columns', () => {
  it('handles each row on its own', () => {
    const header = [...ORDER_HEADERS];
    const rows = [
      row({ [ORDER_COL.status]: STATUS.done, [ORDER_COL.deadline]: '2026-03-12' }),
      row({ [ORDER_COL.status]: STATUS.p50, [ORDER_COL.deadline]: '2026-03-13' }),
      row({ [ORDER_COL.status]: STATUS.done, [ORDER_COL.doneDate]: '09.03.2026' }),
    ];
    const edited = [col(ORDER_COL.deadline), col(ORDER_COL.status)];
    const fills = editFills({ header, rows, editedCols: edited }, TODAY, TZ);
    expect(fills.map((f) => [f.row, f.header])).toEqual([
      [0, ORDER_COL.doneDate],
      [0, ORDER_COL.originalDeadline],
      [0, ORDER_COL.history],
      [1, ORDER_COL.originalDeadline],
      [2, ORDER_COL.history],
    ]);
    // 09.03 is 1 working day before 10.03: recorded with its own date.
    expect(fills[4].value).toBe(
      '10.03.2026: статус «Готово»\n10.03.2026: исполнение отмечено: дата исполнения 09.03.2026',
    );
  });
});

describe('editFills: «Внесено» when the row becomes an order (000 п.7 is judged on it; product.md round 3)', () => {
  const edit = (values: Partial<Record<string, Cell>>) =>
    editFills({ header: [...ORDER_HEADERS], rows: [row(values)], editedCols: [col(ORDER_COL.text)] }, TODAY, TZ);
  const order = { [ORDER_COL.executor]: 'Иванов И.И.', [ORDER_COL.deadline]: '20.03.2026' };
  it('the edit that completes text, executor and a control date (or an urgency) stamps today', () => {
    const fills = edit({ [ORDER_COL.text]: 'Подготовить план', ...order });
    expect(fills.map((f) => [f.header, dateInZone(f.value as Date, TZ)])).toEqual([[ORDER_COL.enteredAt, TODAY]]);
    expect(
      edit({ [ORDER_COL.text]: 'План', [ORDER_COL.executor]: 'Иванов И.И.', [ORDER_COL.urgency]: 'срочно' }),
    ).toHaveLength(1);
  });
  it('a pre-numbered or half-filled row is not an order yet: no stamp, even with «Состояние» «Не заполнено»', () => {
    expect(edit({ [ORDER_COL.text]: 'Подготовить план' })).toEqual([]);
    expect(edit({ [ORDER_COL.number]: '12-3', [ORDER_COL.text]: 'План', [ORDER_COL.executor]: 'Иванов И.И.' })).toEqual(
      [],
    );
    const late = edit({ [ORDER_COL.text]: 'План', ...order, [ORDER_COL.state]: 'Не заполнено' });
    expect(late.map((f) => f.header)).toEqual([ORDER_COL.enteredAt]);
  });
  it('a stamped row, or one a daily check has already seen («Состояние» set), is not stamped again', () => {
    expect(
      edit({ [ORDER_COL.text]: 'План', ...order, [ORDER_COL.enteredAt]: midnightInZone('2026-03-04', TZ) }),
    ).toEqual([]);
    expect(edit({ [ORDER_COL.text]: 'План', ...order, [ORDER_COL.state]: 'На исполнении' })).toEqual([]);
  });
});

describe('editFills: the events of a finished period are dated on the day of the edit (product.md «Periods never change once closed»)', () => {
  const header = [...ORDER_HEADERS];
  it('«Срок» typed over on an order under control: «срок изменён с … на …» and one more «Переносов» (001 гл.7 п.2.4.10)', () => {
    const r = row({
      [ORDER_COL.deadline]: '27.02.2026',
      [ORDER_COL.originalDeadline]: midnightInZone('2026-01-23', TZ),
      [ORDER_COL.state]: 'Просрочено',
      [ORDER_COL.extensions]: 0,
    });
    const fills = editFills({ header, rows: [r], editedCols: [col(ORDER_COL.deadline)] }, '2026-02-03', TZ);
    expect(fills).toEqual([
      { row: 0, header: ORDER_COL.extensions, value: 1 },
      { row: 0, header: ORDER_COL.history, value: '03.02.2026: срок изменён с 23.01.2026 на 27.02.2026' },
    ]);
    // Before the order is under control (no «Состояние» yet) a corrected date is no change of term.
    const fresh = row({
      [ORDER_COL.deadline]: '27.02.2026',
      [ORDER_COL.originalDeadline]: midnightInZone('2026-01-23', TZ),
    });
    expect(editFills({ header, rows: [fresh], editedCols: [col(ORDER_COL.deadline)] }, '2026-02-03', TZ)).toEqual([]);
  });
  it('«Решение по переносу» is dated the day it is typed (onEdit watches it), once', () => {
    const r = row({
      [ORDER_COL.decision]: 'согласован',
      [ORDER_COL.history]: '10.03.2026: запрошен перенос срока на 01.04.2026',
    });
    const fills = editFills({ header, rows: [r], editedCols: [col(ORDER_COL.decision)] }, '2026-03-13', TZ);
    expect(fills).toEqual([
      {
        row: 0,
        header: ORDER_COL.history,
        value: '10.03.2026: запрошен перенос срока на 01.04.2026\n13.03.2026: решение по переносу «Согласован» внесено',
      },
    ]);
    const again = row({ [ORDER_COL.decision]: 'Согласован', [ORDER_COL.history]: String(fills[0].value) });
    expect(editFills({ header, rows: [again], editedCols: [col(ORDER_COL.decision)] }, '2026-03-14', TZ)).toEqual([]);
  });
});
