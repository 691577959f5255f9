import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/domain/calendar';
import { dueNotices, noticeKey } from '../../src/domain/notices';
import type { OrderRecord } from '../../src/domain/order';
import { parseSettings } from '../../src/domain/settings';
import { blankOrder } from './fixtures';

const cal = new WorkCalendar();
const s = parseSettings([], 'Europe/Moscow').settings;

const order = (p: Partial<OrderRecord> = {}): OrderRecord =>
  blankOrder({
    number: '5-1',
    protocol: '5',
    text: 'Подготовить отчёт',
    executor: 'Иванов И.И.',
    coExecutors: ['Петров П.П.'],
    deadline: '2026-03-12',
    status: 'Список дел',
    ...p,
  });
const env = (today: string, sent: string[] = []) => ({
  today,
  settings: s,
  calendar: cal,
  sent: (k: string) => sent.includes(k),
});
const kinds = (ns: ReturnType<typeof dueNotices>) => ns.map((n) => `${n.kind}:${n.role}:${n.person ?? 'контролёр'}`);

describe('notices due today (000 п.8 on assignment, п.10 reminder, п.11 extension to the specialist)', () => {
  it('a new order: the executor and each co-executor, once (000 п.6, п.8)', () => {
    expect(kinds(dueNotices(order(), env('2026-03-02')))).toEqual([
      'new:executor:Иванов И.И.',
      'new:coexecutor:Петров П.П.',
    ]);
    const sent = [noticeKey.new('5-1'), noticeKey.newCo('5-1', 'Петров П.П.')];
    expect(dueNotices(order(), env('2026-03-03', sent))).toEqual([]);
  });
  it('a reminder inside the window, not yet reminded for this control date (000 п.10)', () => {
    const sent = [noticeKey.new('5-1'), noticeKey.newCo('5-1', 'Петров П.П.')];
    expect(kinds(dueNotices(order(), env('2026-03-11', sent)))).toEqual(['remind:executor:Иванов И.И.']);
    expect(dueNotices(order(), env('2026-03-12', [...sent, 'remind:5-1:2026-03-12']))).toEqual([]);
    // A new control date (approved extension) gets its own reminder.
    expect(
      kinds(dueNotices(order({ deadline: '2026-03-20' }), env('2026-03-19', [...sent, 'remind:5-1:2026-03-12']))),
    ).toEqual(['remind:executor:Иванов И.И.']);
  });
  it('overdue once per control date, on the first run after it, even after missed runs', () => {
    const sent = [noticeKey.new('5-1'), noticeKey.newCo('5-1', 'Петров П.П.'), 'remind:5-1:2026-03-12'];
    expect(kinds(dueNotices(order(), env('2026-03-16', sent)))).toEqual(['overdue:executor:Иванов И.И.']);
    expect(dueNotices(order(), env('2026-03-17', [...sent, 'overdue:5-1:2026-03-12']))).toEqual([]);
  });
  it('an extension request goes to the controller, flagged late after the cut-off (000 п.11)', () => {
    const sent = [noticeKey.new('5-1'), noticeKey.newCo('5-1', 'Петров П.П.')];
    const o = order({ requestedDate: '2026-03-20', requestReason: 'ждём ответ министерства' });
    const onTime = dueNotices(o, { ...env('2026-03-05', sent), requestDay: '2026-03-05' });
    expect(onTime.map((n) => [n.kind, n.key, n.late])).toEqual([['extension', 'ext:5-1:2026-03-20', false]]);
    const late = dueNotices(o, { ...env('2026-03-10', sent), requestDay: '2026-03-10' });
    expect(late.find((n) => n.kind === 'extension')?.late).toBe(true);
    expect(
      dueNotices(o, { ...env('2026-03-10', [...sent, 'ext:5-1:2026-03-20']), requestDay: '2026-03-10' }).filter(
        (n) => n.kind === 'extension',
      ),
    ).toEqual([]);
  });
  it('nothing for a done order, nor for one with no executor, no date or a duplicate №', () => {
    expect(dueNotices(order({ status: 'Готово', doneDate: '2026-03-02' }), env('2026-03-16'))).toEqual([]);
    expect(dueNotices(order({ executor: '' }), env('2026-03-16'))).toEqual([]);
    expect(dueNotices(order({ deadline: null }), env('2026-03-16'))).toEqual([]);
    expect(dueNotices(order({ invalid: ['№'] }), env('2026-03-16'))).toEqual([]);
  });
  it('a returned order (counted as not executed, 000 п.14) is reminded and told overdue', () => {
    const sent = [noticeKey.new('5-1'), noticeKey.newCo('5-1', 'Петров П.П.')];
    expect(kinds(dueNotices(order({ status: 'На доработке' }), env('2026-03-13', sent)))).toEqual([
      'overdue:executor:Иванов И.И.',
    ]);
  });
  it('only the kinds asked for («Отправить новые поручения»)', () => {
    expect(kinds(dueNotices(order(), { ...env('2026-03-13'), kinds: ['new'] }))).toEqual([
      'new:executor:Иванов И.И.',
      'new:coexecutor:Петров П.П.',
    ]);
  });
});

// Issue 25 item 2: the executor hears the controller's decisions (000 п.11–12, п.14; 001 гл.7 п.2.4.15),
// once, from the line the decision's rule wrote to «История», within a week of it.
describe('decisions told to the executor', () => {
  const history = [
    '02.03.2026: перенос срока согласован: с 13.03.2026 на 20.03.2026 (обоснование: ждём данные); согласовал: Глава',
    '05.03.2026: перенос срока на 27.03.2026 отклонён (обоснование: много работы); срок остаётся 20.03.2026',
    '06.03.2026: не снято с контроля, возвращено на доработку (снята дата исполнения 05.03.2026)',
  ].join('\n');
  it('each decision of the last week once, to the executor, with its key', () => {
    const ns = dueNotices(order({ history, status: 'На доработке' }), env('2026-03-06')).filter(
      (n) => n.kind === 'decision',
    );
    expect(ns.map((n) => [n.key, n.person, n.decision?.type])).toEqual([
      ['decision:5-1:approved:2026-03-02', 'Иванов И.И.', 'approved'],
      ['decision:5-1:refused:2026-03-05', 'Иванов И.И.', 'refused'],
      ['decision:5-1:notRemoved:2026-03-06', 'Иванов И.И.', 'notRemoved'],
    ]);
    expect(ns[0].decision?.newDeadline).toBe('2026-03-20');
    const sent = ns.map((n) => n.key);
    expect(dueNotices(order({ history }), env('2026-03-06', sent)).filter((n) => n.kind === 'decision')).toEqual([]);
  });
  it('not a decision older than a week, and not to «Отправить новые поручения»', () => {
    expect(dueNotices(order({ history }), env('2026-03-16')).filter((n) => n.kind === 'decision')).toEqual([]);
    expect(
      dueNotices(order({ history }), { ...env('2026-03-06'), kinds: ['new'] }).filter((n) => n.kind === 'decision'),
    ).toEqual([]);
  });
});
