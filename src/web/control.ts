// The controller's part of «Мои поручения» (issue 25 п.10): the overdue orders counted by executor
// and by unit, a filter by executor, the search form, and a card with the controller's change
// (a new «Срок», a remark). Pure VNodes, tested in Node like cards.ts.
import type { ControlItem } from '../domain/control-page';
import type { PageData } from '../domain/my-orders';
import { h, type VNode } from './vnode';

/** Counts by a key, most first, then by name (Russian order). */
function countBy(items: readonly ControlItem[], key: (x: ControlItem) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru'));
}

export function summarize(items: readonly ControlItem[]): {
  byExecutor: [string, number][];
  byUnit: [string, number][];
} {
  return {
    byExecutor: countBy(items, (x) => x.executor || 'не указан'),
    byUnit: countBy(items, (x) => x.unit || 'подразделение не указано'),
  };
}

function countTable(caption: string, head: string, rows: [string, number][]): VNode {
  return h('table', { className: 'counts' }, [
    h('caption', { text: caption }),
    h('thead', null, [
      h('tr', null, [h('th', { scope: 'col', text: head }), h('th', { scope: 'col', text: 'Просрочено' })]),
    ]),
    h(
      'tbody',
      null,
      rows.map(([name, n]) => h('tr', null, [h('th', { scope: 'row', text: name }), h('td', { text: String(n) })])),
    ),
  ]);
}

function executorSelect(
  names: readonly string[],
  chosen: string,
  attrs: Record<string, string | boolean>,
  nextId: () => string,
  label: string,
): VNode {
  const id = nextId();
  return h('div', { className: 'field' }, [
    h('label', { for: id, text: label }),
    h('select', { ...attrs, id }, [
      h('option', { value: '', text: 'все исполнители', selected: !chosen }),
      ...names.map((n) => h('option', { value: n, text: n, selected: n === chosen })),
    ]),
  ]);
}

/** Above the overdue list: the counts and the filter by executor. */
export function overdueIntro(d: PageData, filter: string, nextId: () => string): VNode[] {
  const items = d.lists.overdue ?? [];
  if (items.length === 0) return [];
  const s = summarize(items);
  return [
    h('div', { className: 'summary' }, [
      countTable('По исполнителям', 'Исполнитель', s.byExecutor),
      countTable('По подразделениям', 'Подразделение', s.byUnit),
    ]),
    executorSelect(
      s.byExecutor.map(([n]) => n),
      filter,
      { 'data-filter': true },
      nextId,
      'Показать просроченные исполнителя',
    ),
  ];
}

/** The search form: «№» or words of the text, and/or an executor. */
export function searchForm(d: PageData, nextId: () => string, error?: string): VNode {
  const id = nextId();
  return h('form', { className: 'card search', novalidate: true, 'data-search': '', role: 'search' }, [
    h('div', { className: 'field', 'data-field': 'query' }, [
      h('label', { for: id, text: '№ или слова из текста поручения' }),
      h('input', {
        type: 'search',
        name: 'query',
        id,
        value: d.search?.query ?? '',
        autocomplete: 'off',
        'aria-invalid': error ? 'true' : null,
        'aria-describedby': error ? `${id}-error` : null,
      }),
      error ? h('p', { className: 'field-error', id: `${id}-error`, role: 'alert', text: error }) : null,
    ]),
    executorSelect(d.executorNames ?? [], d.search?.executor ?? '', { name: 'executor' }, nextId, 'Исполнитель'),
    h('button', { type: 'submit', text: 'Найти' }),
  ]);
}

/** Keeps the overdue cards of the chosen executor ('' = all). */
export function byExecutor(filter: string): (x: ControlItem) => boolean {
  return (x) => !filter || x.executor === filter;
}
