// Pure rules of the cell notes (spec «Bad input»: each problem is a row in «Проверка данных» «and a
// note on the cell»): our lines merged into / removed from people's notes, the previous rows of
// «Проверка данных», rows shifted by the move to «Архив» (000 п.14), the column cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates';
import { carriedProblems, insertCarried, movedOf } from '../../src/workbook/moved-problems';
import {
  hasOurNote,
  mergeNote,
  NOTE_MARKER,
  noteLine,
  parseProblemRows,
  planBlockNotes,
  planColumnNotes,
  selectNoteColumns,
  shiftProblemRows,
  stripOurNote,
} from '../../src/workbook/problem-notes';
import type { Problem } from '../../src/workbook/problems';
import { PROBLEM_HEADERS } from '../../src/workbook/problems-tab';
import { ORDER_COL, TAB } from '../../src/workbook/schema';

const problem = (row: number, column: string, message = 'Не удалось прочитать дату.', tab: string = TAB.orders) => ({
  tab,
  row,
  column,
  value: 'x',
  message,
  fix: 'Введите дату в виде ДД.ММ.ГГГГ.',
});

// People's notes: any text, including blank lines and lines that merely mention the marker words.
const peopleNote = fc
  .array(fc.oneof(fc.string(), fc.constant(''), fc.constant('Контроль поручений: моя заметка')), { maxLength: 5 })
  .map((ls) => ls.join('\n'))
  .filter((s) => !s.split('\n').some((l) => l.startsWith(NOTE_MARKER)));
const ourLines = fc.array(
  fc.string().map((m) => noteLine({ message: m, fix: 'Исправьте.' })),
  { minLength: 1, maxLength: 3 },
);

describe('note text (spec «Bad input»: a note on the cell; people’s notes kept — 000 п.9)', () => {
  it('one line per problem: marker, message, fix; newlines flattened; long text cut', () => {
    expect(noteLine({ message: 'Не удалось\nпрочитать дату.', fix: 'Введите  ДД.ММ.ГГГГ.' })).toBe(
      `${NOTE_MARKER} Не удалось прочитать дату. Введите ДД.ММ.ГГГГ.`,
    );
    const long = noteLine({ message: 'я'.repeat(2000), fix: '' });
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long.endsWith('…')).toBe(true);
  });

  it('ours goes after the person’s note and a blank line; alone when there is none', () => {
    const line = noteLine(problem(5, ORDER_COL.deadline));
    expect(mergeNote('', [line])).toBe(line);
    expect(mergeNote('позвонить Иванову', [line])).toBe(`позвонить Иванову\n\n${line}`);
  });

  it('removing ours gives back exactly the person’s note (property)', () => {
    fc.assert(
      fc.property(peopleNote, ourLines, (people, lines) => {
        const merged = mergeNote(people, lines);
        expect(hasOurNote(merged)).toBe(true);
        expect(stripOurNote(merged)).toBe(people);
        // Re-applying the same lines changes nothing, so an unchanged problem causes no write.
        expect(mergeNote(merged, lines)).toBe(merged);
        expect(mergeNote(merged, [])).toBe(people);
      }),
    );
  });

  it('text a person wrote below our lines survives their removal', () => {
    const line = noteLine(problem(5, ORDER_COL.deadline));
    expect(stripOurNote(`до ремонта\n\n${line}\nпосле ремонта`)).toBe('до ремонта\nпосле ремонта');
    expect(stripOurNote(`${line}\n\nдописал исполнитель`)).toBe('дописал исполнитель');
    expect(stripOurNote('без наших строк\n\n')).toBe('без наших строк\n\n');
  });
});

describe('previous «Проверка данных» rows', () => {
  it('reads tab, row, column under the header, stops at the blank row, skips whole-tab rows', () => {
    const grid = [
      ['Проверка данных', '', '', '', '', ''],
      ['Проверено …', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      [...PROBLEM_HEADERS],
      [TAB.orders, 7, ORDER_COL.deadline, '31.02.2026', 'm', 'f'],
      [TAB.settings, '', 'Часовой пояс', '', 'm', 'f'],
      [TAB.orders, 1, ORDER_COL.status, '', 'm', 'f'],
      [TAB.executors, '12', 'Эл. почта', '', 'm', 'f'],
      ['', '', '', '', '', ''],
      ['примечание под таблицей', 3, 'x', '', '', ''],
    ];
    expect(parseProblemRows(grid)).toEqual([
      { tab: TAB.orders, row: 7, column: ORDER_COL.deadline },
      { tab: TAB.executors, row: 12, column: 'Эл. почта' },
    ]);
    expect(parseProblemRows([['Проверка данных'], ['что-то другое']])).toEqual([]);
  });
});

describe('rows moved to «Архив» (000 п.14: done orders are archived after 5 working days)', () => {
  it('problems below deleted rows move up by the rows deleted above; a deleted row loses its row', () => {
    const ps: Problem[] = [
      problem(3, 'Срок'),
      problem(6, 'Срок'),
      problem(9, 'Статус'),
      problem(9, 'x', 'm', TAB.executors),
    ];
    const day = '2026-03-02' as IsoDate;
    const moved = (...rows: number[]) => new Map(rows.map((r) => [r, `5-${r}`]));
    expect(shiftProblemRows(ps, TAB.orders, moved(7, 4, 5), day)).toBe(true);
    expect(ps.map((p) => p.row)).toEqual([3, 4, 6, 9]);
    const gone = [problem(4, 'Срок')];
    expect(shiftProblemRows(gone, TAB.orders, moved(4), day)).toBe(true);
    expect(gone[0].row).toBe(0);
    expect(gone[0].message).toContain('«Архив»');
    // Its «№» and the day: a run the same day keeps it listed (moved-problems.ts).
    expect(gone[0].message).toMatch(/ Поручение № 5-4 перенесено на лист «Архив» 02\.03\.2026\.$/);
    expect(movedOf(gone[0].message)).toEqual({ number: '5-4', day: '02.03.2026' });
    expect(shiftProblemRows([problem(3, 'Срок')], TAB.orders, moved(8), day)).toBe(false);
    expect(shiftProblemRows([problem(9, 'Срок')], TAB.orders, moved(), day)).toBe(false);
  });
});

describe('problems of orders moved to «Архив» carried forward the same day (moved-problems.ts)', () => {
  const day = '2026-03-02' as IsoDate;
  const moved = (n: string, d = '02.03.2026') =>
    `Внесено позже срока. Поручение № ${n} перенесено на лист «Архив» ${d}.`;
  const values = [
    ['Проверка данных'],
    ['Проверено 02.03.2026 08:20: найдено проблем — 5.'],
    [],
    [...PROBLEM_HEADERS],
    [TAB.orders, 3, 'Срок', 'x', 'Не удалось прочитать дату.', 'Введите дату.'],
    [TAB.orders, '', 'Внесено', '02.03.2026', moved('5-4'), 'Вносите вовремя.'],
    [TAB.orders, '', 'Внесено', '27.02.2026', moved('5-9', '27.02.2026'), 'Вносите вовремя.'],
    [TAB.archive, '', 'Внесено', '02.03.2026', moved('5-7'), 'Вносите вовремя.'],
    [TAB.orders, '', 'Внесено', '02.03.2026', moved('5-8'), 'Вносите вовремя.'],
    [],
    ['примечание'],
  ];

  it("takes the day's moved rows the caller accepts, with their places; not another day's, tab's or order's", () => {
    const got = carriedProblems(values, day, (n) => n !== '5-8');
    expect(got).toEqual([
      {
        index: 1,
        problem: {
          tab: TAB.orders,
          row: 0,
          column: 'Внесено',
          value: '02.03.2026',
          message: moved('5-4'),
          fix: 'Вносите вовремя.',
        },
      },
    ]);
    expect(carriedProblems(values, '2026-03-03' as IsoDate, () => true)).toEqual([]);
    expect(carriedProblems([['что-то другое']], day, () => true)).toEqual([]);
  });

  it('puts them back at their places: the list of the run that moved them', () => {
    const was = [problem(3, 'a'), problem(0, 'moved-1'), problem(4, 'b'), problem(0, 'moved-2'), problem(0, 'moved-3')];
    const list = [was[0], was[2]];
    insertCarried(list, [
      { index: 4, problem: was[4] },
      { index: 1, problem: was[1] },
      { index: 3, problem: was[3] },
    ]);
    expect(list).toEqual(was);
    const short: Problem[] = [];
    insertCarried(short, [{ index: 7, problem: was[1] }]);
    expect(short).toEqual([was[1]]);
  });
});

describe('columns to sync', () => {
  it('groups by tab and header, joins problems of one cell, leaves out generated tabs and whole-tab rows', () => {
    const columns = selectNoteColumns(
      [
        problem(5, ORDER_COL.deadline),
        problem(5, ' срок ', 'Срок раньше даты протокола.'),
        problem(5, ORDER_COL.deadline), // the same text twice is one line
        problem(1, ORDER_COL.status, 'нет столбца'),
        problem(0, 'Часовой пояс', 'm', TAB.settings),
        problem(4, 'Итого', 'm', TAB.reportExecution),
      ],
      [],
    );
    expect(columns).toHaveLength(1);
    expect(columns[0].tab).toBe(TAB.orders);
    expect(columns[0].lines.get(5)).toHaveLength(2);
  });

  it('many problems on one cell: the note says how many more', () => {
    const many = Array.from({ length: 8 }, (_, i) => problem(5, ORDER_COL.deadline, `проблема ${i}`));
    const lines = selectNoteColumns(many, [])[0].lines.get(5) ?? [];
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('ещё проблем — 4');
    expect(lines.every((l) => l.startsWith(NOTE_MARKER))).toBe(true);
  });

  it('columns that had problems at the previous check are synced too, with no lines (ours go)', () => {
    const columns = selectNoteColumns(
      [problem(2, 'Сейчас')],
      [
        { tab: TAB.orders, row: 3, column: 'Было' },
        { tab: TAB.orders, row: 9, column: 'сейчас' },
        { tab: TAB.problems, row: 5, column: 'Лист' },
      ],
    );
    expect(columns.map((c) => [c.column, [...c.lines.keys()]])).toEqual([
      ['Сейчас', [2]],
      ['Было', []],
    ]);
  });
});

describe('one column’s notes', () => {
  it('writes only the span that changed; people’s notes in it are written back as they were', () => {
    const line = noteLine(problem(4, ORDER_COL.deadline));
    const old = ['', 'моя заметка', `чужая\n\n${noteLine({ message: 'старое', fix: '' })}`, '', 'ещё заметка', ''];
    // rows 2..7; problem now on row 3; row 4 was fixed.
    const plan = planColumnNotes(old, 2, new Map([[3, [line]]]));
    expect(plan).toEqual({ row: 3, notes: [`моя заметка\n\n${line}`, 'чужая'] });
    expect(planColumnNotes([`моя заметка\n\n${line}`, 'чужая'], 3, new Map([[3, [line]]]))).toBeNull();
    expect(planColumnNotes(['a', 'b'], 2, new Map())).toBeNull();
  });
});

describe('a block of columns', () => {
  it('one rectangle over what changed in any column; columns without problems are left as read', () => {
    const line = noteLine(problem(3, ORDER_COL.deadline));
    const stale = noteLine({ message: 'старое', fix: '' });
    // Columns 4..6, rows 2..5: column 5 has no problems and keeps its notes as read.
    const notes = [
      ['', 'чужая', ''],
      ['', '', ''],
      ['', 'ещё', `моя\n\n${stale}`],
      ['', '', ''],
    ];
    const plan = planBlockNotes(
      notes,
      2,
      4,
      new Map([
        [4, new Map([[3, [line]]])],
        [6, new Map()],
      ]),
    );
    expect(plan).toEqual({
      row: 3,
      col: 4,
      notes: [
        [line, '', ''],
        ['', 'ещё', 'моя'],
      ],
    });
    expect(planBlockNotes(notes, 2, 4, new Map([[5, new Map()]]))).toBeNull();
  });
});
