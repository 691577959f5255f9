// The index keeps «История» only as far as the page uses it (domain/page-history.ts): every reader
// the page calls gives the same answer from the lines kept as from the whole cell.
import { describe, expect, it } from 'vitest';
import { coExecutorNotes } from '../../src/domain/co-executors';
import { requestDayFromHistory } from '../../src/domain/history';
import { noteLine } from '../../src/domain/order-events';
import { HISTORY_LINES, lastLines } from '../../src/domain/page-details';
import { pageHistory } from '../../src/domain/page-history';
import { lastSpeedUp, SPEED_UP_WHAT, speedUpSentToday } from '../../src/domain/speed-up';

const history = [
  '01.03.2026: внесено в контроль',
  '02.03.2026: уведомление исполнителю отправлено',
  noteLine('2026-03-03', 'Петров П.П.'),
  '04.03.2026: запрошен перенос срока на 20.03.2026',
  '05.03.2026: уведомление о сроке отправлено',
  `06.03.2026: ${SPEED_UP_WHAT}: исполнить не позднее 10.03.2026`,
  '07.03.2026: уведомление о просрочке отправлено',
  '',
  '08.03.2026: уведомление о просрочке отправлено',
  noteLine('2026-03-09', 'Сидоров С.С.'),
  '10.03.2026: уведомление о просрочке отправлено',
  '11.03.2026: уведомление о просрочке отправлено',
  '12.03.2026: уведомление о просрочке отправлено',
].join('\n');

describe('pageHistory', () => {
  const kept = pageHistory(history);

  it('is shorter: the notices the page never reads are dropped', () => {
    expect(kept.length).toBeLessThan(history.length);
    expect(kept).not.toContain('02.03.2026');
    expect(kept).not.toContain('07.03.2026');
  });

  it('gives every reader of the page the same answer as the whole cell', () => {
    expect(lastLines(kept, HISTORY_LINES)).toEqual(lastLines(history, HISTORY_LINES));
    expect(lastLines(kept, HISTORY_LINES)).toHaveLength(HISTORY_LINES);
    const o = { coExecutors: ['Петров П.П.', 'Сидоров С.С.', 'Иванов И.И.'], enteredAt: '2026-03-01' as const };
    expect(coExecutorNotes({ ...o, history: kept })).toEqual(coExecutorNotes({ ...o, history }));
    expect(coExecutorNotes({ ...o, history }).filter((x) => x.noted)).toHaveLength(2);
    expect(requestDayFromHistory(kept, '2026-03-20')).toBe(requestDayFromHistory(history, '2026-03-20'));
    expect(requestDayFromHistory(history, '2026-03-20')).toBe('2026-03-04');
    expect(lastSpeedUp(kept)).toEqual(lastSpeedUp(history));
    expect(lastSpeedUp(history)).not.toBeNull();
    expect(speedUpSentToday(kept, '2026-03-06')).toBe(true);
  });

  it('keeps a short «История» whole', () => {
    expect(pageHistory('01.03.2026: внесено в контроль\n02.03.2026: x')).toBe(
      '01.03.2026: внесено в контроль\n02.03.2026: x',
    );
    expect(pageHistory('')).toBe('');
  });
});
