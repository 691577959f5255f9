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
    expect(fills).toHaveLength(1);
    expect(fills[0].header).toBe(ORDER_COL.doneDate);
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
    expect(fills).toEqual([]);
  });
  it('ignores other statuses and edits of other columns', () => {
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
    expect(fills.map((f) => f.header)).toEqual([ORDER_COL.doneDate]);
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
      [1, ORDER_COL.originalDeadline],
    ]);
  });
});

describe('editFills: «Внесено» when an order row is first filled in (000 п.7 is judged on it)', () => {
  const edit = (values: Partial<Record<string, Cell>>) =>
    editFills({ header: [...ORDER_HEADERS], rows: [row(values)], editedCols: [col(ORDER_COL.text)] }, TODAY, TZ);
  it('typing «Поручение» in a new row stamps today', () => {
    const fills = edit({ [ORDER_COL.text]: 'Подготовить план' });
    expect(fills.map((f) => [f.header, dateInZone(f.value as Date, TZ)])).toEqual([[ORDER_COL.enteredAt, TODAY]]);
  });
  it('a stamped row, or one a daily check has already seen («Состояние» set), is not stamped again', () => {
    expect(edit({ [ORDER_COL.text]: 'План', [ORDER_COL.enteredAt]: midnightInZone('2026-03-04', TZ) })).toEqual([]);
    expect(edit({ [ORDER_COL.text]: 'План', [ORDER_COL.state]: 'На исполнении' })).toEqual([]);
  });
});
