// The page's pure parts in Node, without a browser: a card as data (src/web/cards.ts) and a form's
// action (src/web/form.ts). The browser tests check the same page in Chromium.
import { describe, expect, it } from 'vitest';
import type { OrderItem, PageData } from '../../src/domain/my-orders';
import { idCounter, renderLists, renderOrder, whoLine } from '../../src/web/cards';
import { actionOf } from '../../src/web/form';
import { find, findAll, textOf } from '../../src/web/vnode';
import { XSS } from './fixture';

const ORDER: OrderItem = {
  number: 'П1-2',
  text: `${XSS}Подготовить отчёт`,
  deadline: '12.03.2026',
  due: '12.03.2026',
  state: 'Срок наступает',
  left: 'осталось 2 раб. дн.',
  overdue: false,
  status: 'В процессе 0',
  lastNote: '05.03.2026: начато',
  cutoff: '06.03.2026',
  cutoffPassed: true,
  pendingRequest: null,
  role: 'executor',
  responsible: '',
  onBehalfOf: '',
  version: 'v1',
};

const ctx = (notes = {}) => ({ notes, nextId: idCounter() });

describe('an order card', () => {
  it('shows № and state, the text as text, every control labelled', () => {
    const card = renderOrder(ORDER, ctx());
    expect(card.tag).toBe('form');
    expect(card.attrs['data-order']).toBe('П1-2');
    expect(card.attrs['data-version']).toBe('v1');
    expect(textOf(find(card, 'class', 'num')!)).toBe('№ П1-2');
    expect(textOf(find(card, 'class', 'badge soon')!)).toBe('Срок наступает');
    // People's text is a text child, never markup.
    expect(find(card, 'class', 'text')!.children).toEqual([`${XSS}Подготовить отчёт`]);
    const controls = findAll(card, (n) => ['input', 'select', 'textarea'].includes(n.tag));
    // The calendar beside the date has a label of its own (read by screen readers, not shown).
    const picker = find(card, 'class', 'picker-label')!;
    expect(textOf(picker)).toBe('Новый срок (ДД.ММ.ГГГГ): выбрать в календаре');
    const ids = controls.map((n) => n.attrs.id);
    const fors = findAll(card, (n) => n.tag === 'label').map((n) => n.attrs.for);
    expect(ids.length).toBe(5);
    for (const id of ids) expect(fors).toContain(id);
    expect(textOf(find(card, 'class', 'hint warn')!)).toContain('Срок подачи запроса прошёл (06.03.2026)');
  });

  it('marks the chosen status, a co-executor’s role and an overdue order', () => {
    const card = renderOrder({ ...ORDER, role: 'coexecutor', responsible: 'Сидорова С.С.', overdue: true }, ctx());
    expect(card.attrs.class).toBe('card overdue');
    expect(find(card, 'value', 'В процессе 0')!.attrs.selected).toBe('');
    expect(textOf(find(card, 'class', 'role')!)).toBe('Вы соисполнитель; ответственный исполнитель: Сидорова С.С.');
  });

  it('shows the message of the last action on its card', () => {
    const card = renderOrder(ORDER, ctx({ 'order:П1-2': { ok: false, text: 'Укажите обоснование переноса.' } }));
    const note = find(card, 'class', 'note bad')!;
    expect(note.attrs.role).toBe('alert');
    expect(textOf(note)).toBe('Укажите обоснование переноса.');
  });
});

describe('the page', () => {
  const data: PageData = {
    email: 'ivanov@adm.test',
    name: 'Иванов И.И.',
    organization: 'Администрация',
    today: '10.03.2026',
    isController: false,
    lists: { orders: [ORDER], extensions: [], removals: [], appeals: [] },
    removalMode: 'executor',
  };

  it('names the person, not the address; an executor sees only the orders list', () => {
    expect(whoLine(data)).toBe('Иванов И.И. · Администрация · сегодня 10.03.2026');
    const sections = renderLists(data, ctx());
    expect(sections.map((s) => s.attrs['data-list'])).toEqual(['orders']);
    expect(textOf(sections[0].children[0])).toBe('Поручения (1)');
  });

  it('the controller also sees the requests; an empty list says so', () => {
    const sections = renderLists({ ...data, isController: true }, ctx());
    expect(sections.map((s) => s.attrs['data-list'])).toEqual(['orders', 'extensions']);
    expect(textOf(sections[1])).toContain('Запросов, ожидающих решения, нет.');
  });
});

describe('a form’s action', () => {
  it('an order sends its fields; a decision its checked choice', () => {
    const values = { status: 'Готово', progress: 'сделано', requestedDate: '', reason: '' };
    expect(actionOf({ kind: 'order', number: 'П1-2', version: 'v1', values, checked: null })).toEqual({
      kind: 'order',
      number: 'П1-2',
      version: 'v1',
      ...values,
    });
    expect(
      actionOf({
        kind: 'extension',
        number: 'П1-7',
        version: 'v2',
        values: { decidedBy: 'Глава' },
        checked: 'Согласован',
      }),
    ).toEqual({ kind: 'extension', number: 'П1-7', version: 'v2', decision: 'Согласован', decidedBy: 'Глава' });
    expect(actionOf({ kind: 'removal', number: 'П1-6', version: 'v3', values: {}, checked: null })).toEqual({
      kind: 'removal',
      number: 'П1-6',
      version: 'v3',
      decision: '',
    });
  });
});
