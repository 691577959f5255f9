// «Мои поручения»: what each list's item looks like, as VNodes (vnode.ts). Pure: given the server's
// item and the page's notes, the same card every time; tested in Node (test/web/cards.test.ts).
// The server's data has one key per list (orders, extensions, …); each list has its renderer in
// RENDER, so a new list is one more renderer.
import type { AppealItem } from '../domain/appeals-page';
import type { ControlItem } from '../domain/control-page';
import type { ExtensionItem, OrderItem, PageData, RemovalItem } from '../domain/my-orders';
import type { DoneItem } from '../domain/page-details';
import { MAX_TEXT_ADDED, MAX_TEXT_REPLACED } from '../domain/page-limits';
import { byExecutor, overdueIntro, searchForm } from './control';
import { type Child, h, type VNode } from './vnode';

/** A message shown on a card after an action: the server's answer (or our own check). */
export interface Note {
  ok: boolean;
  text: string;
}

export interface RenderCtx {
  /** Messages by card key («order:П1-2»). */
  notes: Record<string, Note>;
  /** Messages beside a field, by card key and field name (the page's own check, issue 25 п.7). */
  errors?: Record<string, Record<string, string>>;
  /** A fresh element id (labels point at controls by id). */
  nextId: () => string;
  /** Cards asking «Отметить исполненным?» before «Готово» is sent (issue 25 п.9). */
  confirm?: Record<string, boolean>;
  /** «Исполненные за 30 дней» is open. */
  doneOpen?: boolean;
  /** The controller's filter of the overdue list by executor ('' = all). */
  filter?: string;
}

/** A counter of ids: `f1`, `f2`, … */
export function idCounter(prefix = 'f'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export const STATUSES = ['Список дел', 'В процессе 0', 'В процессе 50', 'В процессе 99', 'Готово'] as const;

function field(ctx: RenderCtx, label: string, control: VNode, hint?: VNode | null, error?: string): VNode {
  const id = ctx.nextId();
  control.attrs.id = id;
  let problem: VNode | null = null;
  if (error) {
    problem = h('p', { className: 'field-error', id: `${id}-error`, role: 'alert', text: error });
    control.attrs['aria-invalid'] = 'true';
    control.attrs['aria-describedby'] = `${id}-error`;
  }
  return h('div', { className: 'field', 'data-field': control.attrs.name }, [
    h('label', { for: id, text: label }),
    control,
    problem,
    hint ?? null,
  ]);
}

/** A date as the page counts it, with the sheet's own when they differ (a term on a day off moved). */
function dueText(due: string, inSheet: string): string {
  return due !== inSheet ? `${due} (в таблице ${inSheet})` : inSheet;
}

/** A card's head: its number and its state as a badge. */
function stateHead(num: string, state: string): VNode {
  return h('div', { className: 'head' }, [
    h('span', { className: 'num', text: num }),
    h('span', { className: stateClass(state), text: state }),
  ]);
}

/** The field's message for card `key`, if any. */
function errorOf(ctx: RenderCtx, key: string, name: string): string | undefined {
  return ctx.errors?.[key]?.[name];
}

function facts(pairs: [string, string | undefined | null][]): VNode {
  const children: VNode[] = [];
  for (const [k, v] of pairs) {
    if (!v) continue;
    children.push(h('dt', { text: k }), h('dd', { text: v }));
  }
  return h('dl', { className: 'facts' }, children);
}

export function stateClass(s: string): string {
  if (s === 'Просрочено') return 'badge overdue';
  if (s === 'Срок наступает') return 'badge soon';
  if (s === 'На доработке') return 'badge rework';
  return 'badge';
}

function noteFor(ctx: RenderCtx, key: string): VNode | null {
  const n = ctx.notes[key];
  if (!n) return null;
  return h('p', { className: `note ${n.ok ? 'ok' : 'bad'}`, role: n.ok ? null : 'alert', text: n.text });
}

/**
 * A date typed as text (any form page-date.ts reads: «18122026» on a numeric keypad, «18.12.26» on a
 * full keyboard) beside a native calendar that fills it in as ДД.ММ.ГГГГ. No `pattern`/`required`:
 * the page checks it itself, in Russian, instead of the browser's own bubble.
 */
function dateInput(ctx: RenderCtx, key: string, name: string, label: string, hint?: VNode | null): VNode {
  const text = h('input', {
    type: 'text',
    name,
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'ДД.ММ.ГГГГ',
    'data-date': true,
  });
  const f = field(ctx, label, text, hint, errorOf(ctx, key, name));
  const pickerId = ctx.nextId();
  const picker = h('label', { className: 'picker-label', for: pickerId }, [
    h('span', { className: 'sr-only', text: `${label}: выбрать в календаре` }),
    h('input', { type: 'date', className: 'picker', id: pickerId, 'data-picker-for': name, tabindex: -1 }),
  ]);
  // The text and the calendar side by side; the message and hint stay under both.
  const [lab, control, ...rest] = f.children;
  f.children = [lab, h('div', { className: 'date-row' }, [control, picker]), ...rest];
  return f;
}

/** The last lines of «История», newest last (the sheet's order). */
function historyOf(lines: readonly string[] | undefined): VNode | null {
  if (!lines || lines.length === 0) return null;
  return h('div', { className: 'history' }, [
    h('p', { className: 'history-title', text: 'История (последние записи)' }),
    h(
      'ul',
      null,
      lines.map((l) => h('li', { text: l })),
    ),
  ]);
}

/**
 * Control between the dates (domain/page-between.ts): the occurrence being reported, the interim
 * and co-executors' dates, one line each, and the stages of a plan of measures with their dates.
 */
function betweenOf(o: OrderItem): VNode | null {
  const b = o.between;
  if (!b) return null;
  const lines = [b.occurrence, b.interim, b.coDeadline].filter(Boolean);
  const stages = b.stages ?? [];
  const co = b.coNotes;
  if (lines.length === 0 && stages.length === 0 && !co) return null;
  return h('div', { className: 'between' }, [
    ...lines.map((l) => h('p', { text: l })),
    co
      ? h('div', { className: 'co-notes' }, [
          h('p', {
            className: 'history-title',
            text: `Записи соисполнителей о ходе исполнения${co.since ? ` с ${co.since}` : ''}`,
          }),
          h(
            'ul',
            null,
            co.rows.map((x) =>
              h('li', { className: x.noted ? 'done' : 'late' }, [
                x.name,
                x.noted ? ` — запись ${x.noted}` : ' — записей нет',
              ]),
            ),
          ),
        ])
      : null,
    stages.length
      ? h('div', { className: 'stages' }, [
          h('p', { className: 'history-title', text: 'План мероприятий' }),
          h(
            'ol',
            null,
            stages.map((x) =>
              h('li', { className: x.done ? 'done' : x.overdue ? 'late' : null }, [
                h('span', { className: 'stage-date', text: x.date ? `до ${x.date}` : 'срок не указан' }),
                ` — ${x.measure}`,
                x.responsible ? ` (${x.responsible})` : '',
                x.done ? ' — выполнено' : x.overdue ? ' — срок этапа прошёл' : '',
              ]),
            ),
          ),
        ])
      : null,
  ]);
}

/** «Причина нарушения срока»: asked on a card whose term has passed, for a «Готово» now (spec Round 3). */
function lateReasonField(o: OrderItem, ctx: RenderCtx, key: string): VNode | null {
  if (!o.between?.askLateReason || !(o.may ?? { status: true }).status) return null;
  const area = h('textarea', {
    name: 'lateReason',
    rows: 2,
    maxlength: MAX_TEXT_ADDED,
    value: o.between.lateReason || '',
  });
  const hint = h('p', {
    className: 'hint warn',
    text: `Срок (${o.due}) прошёл: отмечая «Готово», напишите, почему срок нарушен и какие меры приняты.`,
  });
  return field(ctx, 'Причина нарушения срока и принятые меры', area, hint, errorOf(ctx, key, 'lateReason'));
}

/** «Готово» is asked once more: it takes the order off the list (undone the same day only). */
function confirmBox(o: OrderItem): VNode {
  // A periodic order stays: its occurrence is reported and «Срок» moves to the next one at once.
  const text = o.between?.occurrence
    ? `Отметить отчёт по № ${o.number} за срок ${o.due} исполненным? Отчёт запишется в «Историю», срок перейдёт на следующий, поручение останется в списке.`
    : `Отметить № ${o.number} исполненным? Поручение уйдёт из списка; отменить отметку можно только сегодня — в разделе «Исполненные за 30 дней».`;
  return h('div', { className: 'confirm', role: 'group', 'aria-label': 'Подтверждение' }, [
    h('p', { text }),
    h('div', { className: 'confirm-buttons' }, [
      h('button', { type: 'submit', name: 'confirm', value: 'yes', text: 'Да, исполнено' }),
      h('button', { type: 'button', className: 'secondary', 'data-cancel': true, text: 'Нет, не отмечать' }),
    ]),
  ]);
}

export function renderOrder(o: OrderItem, ctx: RenderCtx): VNode {
  const status = h('select', { name: 'status' }, [
    (STATUSES as readonly string[]).includes(o.status)
      ? null
      : h('option', { value: '', text: o.status ? `${o.status} (не менять)` : '— не выбран —' }),
    ...STATUSES.map((s) => h('option', { value: s, text: s, selected: s === o.status })),
  ]);
  const key = `order:${o.number}`;
  const progress = h('textarea', { name: 'progress', rows: 2, maxlength: MAX_TEXT_ADDED });
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: MAX_TEXT_ADDED });
  const requestError = errorOf(ctx, key, 'requestedDate') || errorOf(ctx, key, 'reason');
  const cutoffHint = o.cutoffPassed
    ? h('p', {
        className: 'hint warn',
        text: `Срок подачи запроса прошёл (${o.cutoff}): запрос примут, но отметят как поздний.`,
      })
    : null;
  const role =
    o.role === 'substitute'
      ? h('p', { className: 'role sub', text: `Замещение: вы замещаете ${o.onBehalfOf}` })
      : o.role === 'coexecutor'
        ? h('p', { className: 'role', text: `Вы соисполнитель; ответственный исполнитель: ${o.responsible}` })
        : null;
  // Only what the person may do (domain/rights.ts): a co-executor adds progress notes only.
  const may = o.may ?? { status: true, note: true, request: true };
  const mayHint =
    may.status && may.request
      ? null
      : h('p', {
          className: 'hint',
          text: `Вы добавляете записи о ходе исполнения; статус и перенос срока — у ответственного исполнителя ${o.responsible}.`,
        });
  const deadline = dueText(o.due, o.deadline);
  return h(
    'form',
    {
      className: `card${o.overdue ? ' overdue' : ''}`,
      novalidate: true,
      'data-order': o.number,
      'data-role': o.role,
      'data-version': o.version,
      'aria-label': `Поручение № ${o.number}`,
    },
    [
      stateHead(`№ ${o.number}`, o.state),
      h('p', { className: 'text', text: o.text }),
      role,
      mayHint,
      facts([
        ['Срок', `${deadline} — ${o.left}`],
        ['Протокол', o.protocol],
        ['Соисполнители', o.role === 'coexecutor' ? '' : (o.coExecutors ?? []).join(', ')],
        ['Последняя запись', o.lastNote],
        ['Запрос переноса', o.cutoffPassed ? `срок подачи прошёл ${o.cutoff}` : `не позднее ${o.cutoff}`],
        [
          'Запрошен перенос',
          o.pendingRequest ? `на ${o.pendingRequest.date} (${o.pendingRequest.reason}), ждёт решения` : '',
        ],
      ]),
      betweenOf(o),
      historyOf(o.history),
      may.status ? field(ctx, 'Статус', status, null, errorOf(ctx, key, 'status')) : null,
      lateReasonField(o, ctx, key),
      field(ctx, 'Ход исполнения: новая запись', progress, null, errorOf(ctx, key, 'progress')),
      // Open while a message in it is about its fields (the section never closes over its error).
      may.request
        ? h('details', { open: !!requestError }, [
            h('summary', { text: 'Запросить перенос срока' }),
            dateInput(ctx, key, 'requestedDate', 'Новый срок (ДД.ММ.ГГГГ)', cutoffHint),
            field(ctx, 'Обоснование переноса', reason, null, errorOf(ctx, key, 'reason')),
          ])
        : null,
      ctx.confirm?.[key] ? confirmBox(o) : h('button', { type: 'submit', text: 'Сохранить' }),
      noteFor(ctx, `order:${o.number}`),
    ],
  );
}

function choices(ctx: RenderCtx, key: string, legend: string, values: readonly string[]): VNode {
  const error = errorOf(ctx, key, 'decision');
  const errorId = error ? ctx.nextId() : '';
  return h('fieldset', { 'data-field': 'decision', 'aria-describedby': errorId || null }, [
    h('legend', { text: legend }),
    h(
      'div',
      { className: 'choice' },
      values.map((d) => {
        const id = ctx.nextId();
        return h('label', { for: id }, [h('input', { type: 'radio', name: 'decision', value: d, id }), d]);
      }),
    ),
    error ? h('p', { className: 'field-error', id: errorId, role: 'alert', text: error }) : null,
  ]);
}

export function renderRemoval(x: RemovalItem, ctx: RenderCtx): VNode {
  return h(
    'form',
    {
      className: 'card',
      novalidate: true,
      'data-removal': x.number,
      'data-version': x.version,
      'aria-label': `Снятие № ${x.number}`,
    },
    [
      h('div', { className: 'head' }, [h('span', { className: 'num', text: `№ ${x.number}` })]),
      h('p', { className: 'text', text: x.text }),
      facts([
        ['Исполнитель', x.executor],
        ['Срок', x.deadline],
        ['Исполнено', x.doneDate],
        ['Последняя запись', x.lastNote],
      ]),
      choices(ctx, `removal:${x.number}`, 'Снятие с контроля', ['Снято', 'Не снято']),
      h('button', { type: 'submit', text: 'Сохранить решение' }),
      noteFor(ctx, `removal:${x.number}`),
    ],
  );
}

export function renderExtension(x: ExtensionItem, ctx: RenderCtx): VNode {
  const by = h('input', { type: 'text', name: 'decidedBy', value: x.decidedBy, autocomplete: 'off' });
  return h(
    'form',
    {
      className: 'card',
      novalidate: true,
      'data-extension': x.number,
      'data-version': x.version,
      'aria-label': `Запрос № ${x.number}`,
    },
    [
      h('div', { className: 'head' }, [
        h('span', { className: 'num', text: `№ ${x.number}` }),
        x.late ? h('span', { className: 'badge late', text: 'Поздний запрос' }) : null,
      ]),
      h('p', { className: 'text', text: x.text }),
      facts([
        ['Исполнитель', x.executor],
        ['Срок', x.deadline],
        ['Просит перенести на', x.requestedDate],
        ['Обоснование', x.reason],
      ]),
      choices(ctx, `extension:${x.number}`, 'Решение по переносу', ['Согласован', 'Отклонён']),
      field(ctx, 'Кем согласован перенос', by),
      h('button', { type: 'submit', text: 'Сохранить решение' }),
      noteFor(ctx, `extension:${x.number}`),
    ],
  );
}

export function renderAppeal(x: AppealItem, ctx: RenderCtx): VNode {
  const key = `appeal:${x.number}`;
  const measures = h('textarea', { name: 'measures', rows: 3, maxlength: MAX_TEXT_REPLACED, value: x.measures || '' });
  const term = dueText(x.due, x.term);
  return h(
    'form',
    {
      className: `card${x.overdue ? ' overdue' : ''}`,
      novalidate: true,
      'data-appeal': x.number,
      'data-version': x.version,
      'aria-label': `Обращение № ${x.number}`,
    },
    [
      stateHead(`Обращение № ${x.number}`, x.state),
      h('p', { className: 'text', text: x.topic }),
      x.onBehalfOf ? h('p', { className: 'role sub', text: `Замещение: вы замещаете ${x.onBehalfOf}` }) : null,
      facts([
        ['Срок ответа', `${term}${x.extended ? ' (продлён)' : ''} — ${x.left}`],
        ['Заявитель', [x.applicant, x.address].filter(Boolean).join(', ')],
        ['Категория', x.category],
      ]),
      field(ctx, 'Принятые меры', measures, null, errorOf(ctx, key, 'measures')),
      dateInput(
        ctx,
        key,
        'answerDate',
        'Дата ответа (ДД.ММ.ГГГГ)',
        h('p', {
          className: 'hint',
          text: 'Промежуточный ответ не снимает обращение с контроля: дату ставьте, когда ответ дан.',
        }),
      ),
      h('button', { type: 'submit', text: 'Сохранить' }),
      noteFor(ctx, `appeal:${x.number}`),
    ],
  );
}

/** One of the person's done orders: what, when, and «Отменить отметку» the same day. */
export function renderDone(x: DoneItem, ctx: RenderCtx): VNode {
  return h(
    'form',
    {
      className: 'card done',
      novalidate: true,
      'data-undo': x.number,
      'data-version': x.version,
      'aria-label': `Исполнено № ${x.number}`,
    },
    [
      h('div', { className: 'head' }, [
        h('span', { className: 'num', text: `№ ${x.number}` }),
        h('span', {
          className: x.onTime ? 'badge ok' : 'badge overdue',
          text: x.onTime ? 'Исполнено в срок' : 'Исполнено с опозданием',
        }),
      ]),
      h('p', { className: 'text', text: x.text }),
      facts([
        ['Исполнено', x.doneDate],
        ['Срок', x.deadline],
        ['Протокол', x.protocol],
        ['Соисполнители', x.coExecutors.join(', ')],
        ['Снятие с контроля', x.removal],
      ]),
      historyOf(x.history),
      x.mayUndo ? h('button', { type: 'submit', className: 'secondary', text: 'Отменить отметку' }) : null,
      noteFor(ctx, `undo:${x.number}`),
    ],
  );
}

/** An order as the controller sees it (overdue, or found), with the controller's change. */
export function renderControl(x: ControlItem, ctx: RenderCtx): VNode {
  const key = `control:${x.number}`;
  const note = h('textarea', { name: 'note', rows: 2, maxlength: MAX_TEXT_ADDED });
  const deadline = dueText(x.due, x.deadline);
  const error = errorOf(ctx, key, 'deadline') || errorOf(ctx, key, 'note');
  return h(
    'form',
    {
      className: `card${x.overdue ? ' overdue' : ''}`,
      novalidate: true,
      'data-control': x.number,
      'data-version': x.version,
      'aria-label': `Поручение № ${x.number}, ${x.executor}`,
    },
    [
      stateHead(`№ ${x.number}`, x.state),
      h('p', { className: 'text', text: x.text }),
      facts([
        ['Исполнитель', [x.executor, x.unit].filter(Boolean).join(', ')],
        ['Соисполнители', x.coExecutors.join(', ')],
        ['Срок', deadline ? `${deadline}${x.left ? ` — ${x.left}` : ''}` : ''],
        ['Статус', x.status],
        ['Протокол', x.protocol],
        ['Последняя запись', x.lastNote],
        ['Ускорение', x.speedUpLast],
      ]),
      // «Напомнить об ускорении» (001 гл.7 п.2.4.7–2.4.8): an overdue order, once a day; «Срок» stays.
      x.speedUpMay
        ? h('div', { className: 'speed-up' }, [
            // Not a second submit button: the card's «Сохранить» stays its only one (dom/main.ts sends it).
            h('button', {
              type: 'button',
              'data-op': 'speedup',
              className: 'secondary',
              text: 'Напомнить об ускорении',
            }),
            h('p', {
              className: 'hint',
              text: 'Исполнителю уйдёт письмо с новой ожидаемой датой; срок не меняется, поручение остаётся просроченным.',
            }),
          ])
        : null,
      h('details', { open: !!error }, [
        h('summary', { text: 'Изменить срок или записать ход исполнения' }),
        dateInput(ctx, key, 'deadline', 'Новый срок (ДД.ММ.ГГГГ)'),
        field(ctx, 'Запись в «Ход исполнения»', note, null, errorOf(ctx, key, 'note')),
        h('button', { type: 'submit', text: 'Сохранить' }),
      ]),
      noteFor(ctx, key),
    ],
  );
}

type Lists = Required<PageData['lists']>;

interface ListRender<K extends keyof Lists> {
  title: string;
  empty: string;
  item: (x: Lists[K][number], ctx: RenderCtx) => VNode;
  show: (d: PageData) => boolean;
  /** Shown folded (a <details>), open only when asked. */
  folded?: boolean;
  /** What comes between the title and the items (counts, filters, a form). */
  intro?: (d: PageData, ctx: RenderCtx) => VNode[];
  /** Items shown (the rest are counted in the title as «показано N из M»). */
  keep?: (ctx: RenderCtx) => (x: Lists[K][number]) => boolean;
  /** The empty text for this page (else `empty`). */
  emptyFor?: (d: PageData) => string;
}

export const RENDER: { [K in keyof Lists]: ListRender<K> } = {
  overdue: {
    title: 'Просроченные поручения',
    empty: 'Просроченных поручений нет.',
    item: renderControl,
    show: (d) => d.isController,
    intro: (d, ctx) => overdueIntro(d, ctx.filter ?? '', ctx.nextId),
    keep: (ctx) => byExecutor(ctx.filter ?? ''),
  },
  extensions: {
    title: 'Запросы переноса срока',
    empty: 'Запросов, ожидающих решения, нет.',
    item: renderExtension,
    show: (d) => d.isController,
  },
  removals: {
    title: 'Ожидают снятия с контроля',
    empty: 'Поручений, ожидающих снятия с контроля, нет.',
    item: renderRemoval,
    show: (d) => d.isController && d.removalMode === 'giver',
  },
  found: {
    title: 'Поиск поручений',
    empty: 'Найдите поручение по № или словам из текста; можно выбрать исполнителя.',
    emptyFor: (d) => (d.search ? 'Ничего не найдено.' : ''),
    item: renderControl,
    show: (d) => d.isController,
    intro: (d, ctx) => [searchForm(d, ctx.nextId, ctx.errors?.['search:']?.query)],
  },
  // The controller's own orders only when there are any: the controller is often no executor.
  orders: {
    title: 'Поручения',
    empty: 'Открытых поручений нет.',
    item: renderOrder,
    show: (d) => !d.isController || d.lists.orders.length > 0,
  },
  appeals: {
    title: 'Обращения граждан',
    empty: 'Обращений, ждущих ответа, нет.',
    item: renderAppeal,
    show: (d) => (d.lists?.appeals ?? []).length > 0,
  },
  done: {
    title: 'Исполненные за 30 дней',
    empty: 'За 30 дней исполненных поручений нет.',
    item: renderDone,
    show: (d) => d.lists.done !== undefined && (!d.isController || d.lists.done.length > 0),
    folded: true,
  },
};

/**
 * The page after an action: «Архив» is read on load only, so the done orders it gave are kept
 * (unless the answer lists them itself).
 */
export function keepArchived(prev: PageData | null, next: PageData): PageData {
  const kept = (prev?.lists.done ?? []).filter((x) => x.archived);
  if (kept.length === 0 || next.lists.done === undefined) return next;
  const has = new Set(next.lists.done.map((x) => x.number));
  const done = [...next.lists.done, ...kept.filter((x) => !has.has(x.number))];
  return { ...next, lists: { ...next.lists, done } };
}

/** The header line: the person's name (not the address), the organisation, today. */
export function whoLine(d: PageData): string {
  // The controller need not be in «Исполнители»: then the role, never the bare address.
  const who = d.name || (d.isController ? 'Специалист по контролю' : d.email);
  return [who, d.organization, `сегодня ${d.today}`].filter(Boolean).join(' · ');
}

/** Every list section of the page, in RENDER's order. */
export function renderLists(d: PageData, ctx: RenderCtx): VNode[] {
  const out: VNode[] = [];
  for (const key of Object.keys(RENDER) as (keyof Lists)[]) {
    const r = RENDER[key] as ListRender<typeof key>;
    if (!r.show(d)) continue;
    const all = (d.lists?.[key] ?? []) as Lists[typeof key];
    const keep = r.keep ? r.keep(ctx) : () => true;
    const list = (all as Lists[typeof key][number][]).filter((x) => keep(x as never));
    const title =
      key === 'found' && !d.search
        ? r.title
        : list.length === all.length
          ? `${r.title} (${all.length})`
          : `${r.title} (показано ${list.length} из ${all.length})`;
    const items: Child[] = r.intro ? r.intro(d, ctx) : [];
    if (list.length === 0) items.push(h('p', { className: 'empty', text: r.emptyFor?.(d) || r.empty }));
    for (const item of list) items.push(r.item(item as never, ctx));
    out.push(
      r.folded
        ? h('section', { 'data-list': key }, [
            h('details', { className: 'list', open: !!ctx.doneOpen }, [
              h('summary', null, [h('h2', { text: title })]),
              ...items,
            ]),
          ])
        : h('section', { 'data-list': key }, [h('h2', { text: title }), ...items]),
    );
  }
  return out;
}
