// «История» read back after a run stopped half-way (Apps Script's 6-minute limit): the daily check
// writes «История» before people's cells, so a line found here means the change was made and only
// its cells may be missing. Seeds: 000 п.8 and п.10 (notices), п.11–12 (extension request and the
// controller's decision), п.14 (archive after 5 working days; return for rework).
import { describe, expect, it } from 'vitest';
import {
  decisionRecorded,
  endsWithArchiveLine,
  hasNoticeLine,
  historyLine,
  noticeLine,
  parseNoticeKey,
  recordedDeadline,
  recordedNumber,
  requestLine,
  returnRecorded,
} from '../../src/domain/history';
import { noticeKey } from '../../src/domain/notices';

const join = (...l: string[]) => l.join('\n');
const approval = (day: string, from: string, to: string) =>
  `${day}: перенос срока согласован: с ${from} на ${to} (обоснование: ждём данные)`;

describe('notice lines rebuilt from «Журнал» (000 п.8, п.10, п.11)', () => {
  it('every notice key of notices.ts parses back to its kind, № and co-executor; other keys do not', () => {
    expect(parseNoticeKey(noticeKey.new('5-1'))).toEqual({ kind: 'new', number: '5-1' });
    expect(parseNoticeKey(noticeKey.newCo('5-1', 'Петрова А.С.'))).toEqual({
      kind: 'new',
      number: '5-1',
      coExecutor: 'Петрова А.С.',
    });
    expect(parseNoticeKey(noticeKey.remind('5-2', '2026-03-03'))).toEqual({ kind: 'remind', number: '5-2' });
    expect(parseNoticeKey(noticeKey.overdue('Р:1', '2026-02-26'))).toEqual({ kind: 'overdue', number: 'Р:1' });
    expect(parseNoticeKey(noticeKey.extension('6-4', '2026-03-20'))).toEqual({ kind: 'extension', number: '6-4' });
    for (const other of ['summary:week:2026-W10', 'plan:1.2:2026-03-01:before', 'problems:3-abc', 'rating:2026:1'])
      expect(parseNoticeKey(other), other).toBeNull();
  });

  it('the line names the recipient, the substitute case says whom they replace', () => {
    expect(noticeLine('2026-03-02', 'new', 'Орлов Д.А.', 'orlov@x.ru', 'Кузнецова М.И.')).toBe(
      '02.03.2026: уведомление о поручении отправлено: Орлов Д.А. <orlov@x.ru> (замещает Кузнецова М.И.)',
    );
    expect(noticeLine('2026-03-02', 'extension', 'контролёр', 'k@x.ru')).toBe(
      '02.03.2026: запрос переноса передан контролёру: контролёр <k@x.ru>',
    );
  });

  it('a line is found by day, kind and address (a renamed executor does not make it missing)', () => {
    const h = join(
      historyLine('2026-03-01', 'срок не был указан, установлен 10.03.2026: срок по умолчанию'),
      noticeLine('2026-03-02', 'remind', 'Петрова Анна', 'Petrova@x.ru'),
    );
    expect(hasNoticeLine(h, '2026-03-02', 'remind', 'petrova@x.ru')).toBe(true);
    expect(hasNoticeLine(h, '2026-03-02', 'overdue', 'petrova@x.ru')).toBe(false);
    expect(hasNoticeLine(h, '2026-03-03', 'remind', 'petrova@x.ru')).toBe(false);
    expect(hasNoticeLine(h, '2026-03-02', 'remind', 'ivanov@x.ru')).toBe(false);
  });
});

describe('a decision already in «История» (000 п.11–12)', () => {
  it('approval to the requested date, after the request line: recorded', () => {
    const h = join(requestLine('2026-02-27', '2026-03-31'), approval('02.03.2026', '16.03.2026', '31.03.2026'));
    expect(decisionRecorded(h, true, '2026-03-31')).toBe(true);
    // Not a refusal, and not an approval of another date.
    expect(decisionRecorded(h, false, '2026-03-31')).toBe(false);
    expect(decisionRecorded(h, true, '2026-04-15')).toBe(false);
  });

  it('a new request for the same date after the decision is a new case', () => {
    const h = join(approval('02.03.2026', '16.03.2026', '31.03.2026'), requestLine('2026-03-10', '2026-03-31'));
    expect(decisionRecorded(h, true, '2026-03-31')).toBe(false);
  });

  it('refusal with and without a requested date', () => {
    const withDate =
      '02.03.2026: перенос срока на 27.03.2026 отклонён (обоснование: много работы); срок остаётся 13.03.2026';
    expect(decisionRecorded(withDate, false, '2026-03-27')).toBe(true);
    expect(decisionRecorded(withDate, false, '2026-03-28')).toBe(false);
    expect(decisionRecorded('02.03.2026: перенос срока отклонён; срок остаётся 13.03.2026', false, null)).toBe(true);
    expect(decisionRecorded('', false, null)).toBe(false);
  });

  it('«Запрошенный срок» already cleared (null): the last extension line decides', () => {
    const approved = approval('02.03.2026', '16.03.2026', '31.03.2026');
    expect(decisionRecorded(approved, true, null)).toBe(true);
    expect(decisionRecorded(approved, false, null)).toBe(false);
    // A later request, or a later decision of the other kind, means this one is not the one recorded.
    expect(decisionRecorded(join(approved, requestLine('2026-03-20', '2026-04-10')), true, null)).toBe(false);
    const refusedLater = join(approved, '25.03.2026: перенос срока на 15.04.2026 отклонён; срок остаётся 31.03.2026');
    expect(decisionRecorded(refusedLater, true, null)).toBe(false);
    expect(decisionRecorded(refusedLater, false, null)).toBe(true);
  });
});

describe('fills and returns already in «История»', () => {
  it('the latest assigned № and filled «Срок»', () => {
    const h = join(
      historyLine('2026-03-02', '№ не был указан, присвоен 7-1'),
      historyLine('2026-03-02', 'срок не был указан, установлен 04.03.2026: «Срочно», от даты протокола 27.02.2026'),
      historyLine('2026-03-05', '№ не был указан, присвоен 7-3'),
    );
    expect(recordedNumber(h)).toBe('7-3');
    expect(recordedDeadline(h)).toBe('2026-03-04');
    expect(recordedNumber('')).toBeNull();
    expect(recordedDeadline('02.03.2026: перенесено в архив')).toBeNull();
  });

  it('a return is recorded for the «Дата исполнения» its latest line cleared (000 п.14)', () => {
    const h = join(
      historyLine('2026-02-20', 'возвращено на доработку (снята дата исполнения 18.02.2026)'),
      historyLine('2026-03-02', 'возвращено на доработку (снята дата исполнения 27.02.2026)'),
    );
    expect(returnRecorded(h, '2026-02-27')).toBe(true);
    // An earlier episode's date is not the latest return.
    expect(returnRecorded(h, '2026-02-18')).toBe(false);
    expect(returnRecorded('', '2026-02-27')).toBe(false);
  });

  it('the archive line ends «История», notice lines after it aside (000 п.14)', () => {
    const moved = historyLine('2026-03-02', 'перенесено в архив');
    expect(endsWithArchiveLine(moved)).toBe(true);
    expect(endsWithArchiveLine(join(moved, noticeLine('2026-03-02', 'new', 'Иванов', 'i@x.ru')))).toBe(true);
    expect(endsWithArchiveLine(join(moved, historyLine('2026-03-05', 'возвращено на доработку')))).toBe(false);
    expect(endsWithArchiveLine('')).toBe(false);
  });
});
