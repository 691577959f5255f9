// The page's pure parts in Node, without a browser: a card as data (src/web/cards.ts) and a form's
// action (src/web/form.ts). The browser tests check the same page in Chromium.
import { describe, expect, it } from 'vitest';
import type { ControlItem } from '../../src/domain/control-page';
import type { OrderItem, PageData } from '../../src/domain/my-orders';
import type { DoneItem } from '../../src/domain/page-details';
import {
  idCounter,
  keepArchived,
  renderControl,
  renderDone,
  renderLists,
  renderOrder,
  whoLine,
} from '../../src/web/cards';
import { summarize } from '../../src/web/control';
import { actionOf, checkForm, needsConfirm } from '../../src/web/form';
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
  may: { status: true, note: true, request: true },
  version: 'v1',
  protocol: '№ П1 от 02.03.2026, аппаратное',
  coExecutors: ['Сидорова С.С.'],
  history: ['05.03.2026: статус «В процессе 0» отмечен через страницу: Иванов И.И.'],
};

const DONE: DoneItem = {
  number: 'П1-6',
  text: 'Сдать отчёт',
  deadline: '05.03.2026',
  doneDate: '10.03.2026',
  onTime: false,
  removal: '',
  mayUndo: true,
  archived: false,
  version: 'v9',
  protocol: '№ П1 от 02.03.2026, аппаратное',
  coExecutors: [],
  history: ['10.03.2026: статус «Готово» отмечен через страницу: Иванов И.И.'],
};

const ctx = (notes = {}) => ({ notes, nextId: idCounter() });

describe('an order card', () => {
  it('a co-executor’s card offers the progress note only (003 п.80, 111, 133), and says who reports', () => {
    const co: OrderItem = {
      ...ORDER,
      role: 'coexecutor',
      responsible: 'Сидорова С.С.',
      may: { status: false, note: true, request: false },
    };
    const card = renderOrder(co, ctx());
    expect(find(card, 'name', 'status')).toBeUndefined();
    expect(find(card, 'name', 'requestedDate')).toBeUndefined();
    expect(find(card, 'name', 'progress')).toBeDefined();
    expect(textOf(find(card, 'class', 'hint')!)).toContain(
      'статус и перенос срока — у ответственного исполнителя Сидорова С.С.',
    );
    expect(find(renderOrder(ORDER, ctx()), 'name', 'status')).toBeDefined();
  });

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

  it('names its protocol, co-executors and the last «История» lines (issue 25 п.9)', () => {
    const card = renderOrder(ORDER, ctx());
    const facts = textOf(find(card, 'class', 'facts')!);
    expect(facts).toContain('Протокол№ П1 от 02.03.2026, аппаратное');
    expect(facts).toContain('СоисполнителиСидорова С.С.');
    expect(findAll(find(card, 'class', 'history')!, (n) => n.tag === 'li').map(textOf)).toEqual(ORDER.history);
  });

  it('asks to confirm «Готово» in place of the save button', () => {
    const card = renderOrder(ORDER, { ...ctx(), confirm: { 'order:П1-2': true } });
    expect(textOf(find(card, 'class', 'confirm')!)).toContain('Отметить № П1-2 исполненным?');
    expect(find(card, 'name', 'confirm')!.attrs).toMatchObject({ type: 'submit', value: 'yes' });
    expect(find(card, 'data-cancel')!.attrs.type).toBe('button');
    expect(findAll(card, (n) => n.tag === 'button').map(textOf)).toEqual(['Да, исполнено', 'Нет, не отмечать']);
  });

  it('shows the message of the last action on its card', () => {
    const card = renderOrder(ORDER, ctx({ 'order:П1-2': { ok: false, text: 'Укажите обоснование переноса.' } }));
    const note = find(card, 'class', 'note bad')!;
    expect(note.attrs.role).toBe('alert');
    expect(textOf(note)).toBe('Укажите обоснование переноса.');
  });
});

describe('control between the dates on the card (issue 22; domain/page-between.ts)', () => {
  const LATE: OrderItem = {
    ...ORDER,
    number: '13-21',
    deadline: '09.03.2026',
    due: '09.03.2026',
    state: 'Просрочено',
    left: 'просрочено на 1 раб. дн.',
    overdue: true,
    between: {
      occurrence: 'Ежемесячно: отчёт за срок 09.03.2026 (до 31.12.2026)',
      interim: 'Промежуточный срок: 16.03.2026',
      coDeadline: 'Срок соисполнителям: 03.03.2026',
      askLateReason: true,
      lateReason: '',
      stages: [
        { measure: 'Обследовать кровлю', date: '05.03.2026', responsible: 'Иванов И.И.', done: true, overdue: false },
        { measure: 'Заключить договор', date: '06.03.2026', responsible: '', done: false, overdue: true },
        { measure: 'Принять работы', date: '', responsible: '', done: false, overdue: false },
      ],
    },
  };

  it('shows the occurrence being reported, the interim and co-executors’ dates and the plan’s stages with their dates', () => {
    const card = renderOrder(LATE, ctx());
    const box = find(card, 'class', 'between')!;
    const lines = findAll(box, (n) => n.tag === 'p').map(textOf);
    expect(lines).toEqual([
      'Ежемесячно: отчёт за срок 09.03.2026 (до 31.12.2026)',
      'Промежуточный срок: 16.03.2026',
      'Срок соисполнителям: 03.03.2026',
      'План мероприятий',
    ]);
    expect(findAll(box, (n) => n.tag === 'li').map(textOf)).toEqual([
      'до 05.03.2026 — Обследовать кровлю (Иванов И.И.) — выполнено',
      'до 06.03.2026 — Заключить договор — срок этапа прошёл',
      'срок не указан — Принять работы',
    ]);
    expect(findAll(box, (n) => n.tag === 'li').map((n) => n.attrs.class)).toEqual(['done', 'late', undefined]);
    // The responsible executor's: which co-executors have noted since the order was given.
    const co = renderOrder(
      {
        ...LATE,
        between: {
          ...LATE.between!,
          coNotes: {
            since: '02.03.2026',
            rows: [
              { name: 'Орлова О.О.', noted: '10.03.2026' },
              { name: 'Сидорова С.С.', noted: '' },
            ],
          },
        },
      },
      ctx(),
    );
    const notes = find(co, 'class', 'co-notes')!;
    expect(textOf(findAll(notes, (n) => n.tag === 'p')[0])).toBe(
      'Записи соисполнителей о ходе исполнения с 02.03.2026',
    );
    expect(findAll(notes, (n) => n.tag === 'li').map(textOf)).toEqual([
      'Орлова О.О. — запись 10.03.2026',
      'Сидорова С.С. — записей нет',
    ]);
    // A one-off order with nothing between the dates has no box.
    const plain = {
      ...ORDER,
      between: { occurrence: '', interim: '', coDeadline: '', askLateReason: false, lateReason: '' },
    };
    expect(find(renderOrder(plain, ctx()), 'class', 'between')).toBeUndefined();
  });

  it('asks «Причина нарушения срока» on a card past its term, of the responsible executor only, with what was written', () => {
    const card = renderOrder(LATE, ctx());
    const area = find(card, 'name', 'lateReason')!;
    expect(area.tag).toBe('textarea');
    const box = findAll(card, (n) => n.attrs['data-field'] === 'lateReason')[0];
    expect(textOf(box)).toContain('Причина нарушения срока и принятые меры');
    expect(textOf(box)).toContain('Срок (09.03.2026) прошёл');
    const written = renderOrder({ ...LATE, between: { ...LATE.between!, lateReason: 'Поздно пришли данные' } }, ctx());
    expect(find(written, 'name', 'lateReason')!.value).toBe('Поздно пришли данные');
    const co = { ...LATE, role: 'coexecutor' as const, may: { status: false, note: true, request: false } };
    expect(find(renderOrder(co, ctx()), 'name', 'lateReason')).toBeUndefined();
    expect(find(renderOrder(ORDER, ctx()), 'name', 'lateReason')).toBeUndefined();
  });

  it('«Готово» after the term is not sent without the reason; the reason travels with the action', () => {
    const d = { today: '10.03.2026', lists: { orders: [LATE], extensions: [], removals: [], appeals: [] } };
    const f = (values: Record<string, string>) =>
      ({ kind: 'order', number: '13-21', version: 'v1', values, checked: null }) as const;
    expect(checkForm(f({ status: 'Готово', lateReason: '  ' }), d)).toEqual({
      lateReason:
        'Срок (09.03.2026) прошёл: укажите причину нарушения срока и принятые меры — без неё отметку «Готово» не сохранить.',
    });
    expect(checkForm(f({ status: 'В процессе 50', lateReason: '' }), d)).toEqual({});
    expect(checkForm(f({ status: 'Готово', lateReason: 'Поздно пришли данные' }), d)).toEqual({});
    const had = {
      ...d,
      lists: { ...d.lists, orders: [{ ...LATE, between: { ...LATE.between!, lateReason: 'есть' } }] },
    };
    expect(checkForm(f({ status: 'Готово', lateReason: '' }), had)).toEqual({});
    expect(actionOf(f({ status: 'Готово', lateReason: 'Поздно' }))).toMatchObject({
      kind: 'order',
      lateReason: 'Поздно',
    });
    expect('lateReason' in actionOf(f({ status: 'Готово' }))).toBe(false);
  });
});

describe('a done order', () => {
  it('says when and whether on time; «Отменить отметку» only when it may be taken back', () => {
    const card = renderDone(DONE, ctx());
    expect(card.attrs['data-undo']).toBe('П1-6');
    expect(textOf(find(card, 'class', 'badge overdue')!)).toBe('Исполнено с опозданием');
    expect(findAll(card, (n) => n.tag === 'button').map(textOf)).toEqual(['Отменить отметку']);
    expect(findAll(renderDone({ ...DONE, mayUndo: false }, ctx()), (n) => n.tag === 'button')).toEqual([]);
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

  it('folds «Исполненные за 30 дней» unless it was open', () => {
    const withDone = { ...data, lists: { ...data.lists, done: [DONE] } };
    const folded = renderLists(withDone, ctx())[1];
    expect(folded.attrs['data-list']).toBe('done');
    const details = findAll(folded, (n) => n.tag === 'details')[0];
    expect(details.attrs.open).toBeUndefined();
    expect(textOf(find(details, 'class', 'num')!)).toBe('№ П1-6');
    expect(textOf(findAll(details, (n) => n.tag === 'h2')[0])).toBe('Исполненные за 30 дней (1)');
    const open = findAll(renderLists(withDone, { ...ctx(), doneOpen: true })[1], (n) => n.tag === 'details')[0];
    expect(open.attrs.open).toBe('');
  });

  it('keeps the done orders «Архив» gave on load after an action (it is read on load only)', () => {
    const old = { ...DONE, number: 'А-1', archived: true, mayUndo: false };
    const loaded = { ...data, lists: { ...data.lists, done: [DONE, old] } };
    const after = { ...data, lists: { ...data.lists, done: [] } };
    expect(keepArchived(loaded, after).lists.done?.map((x) => x.number)).toEqual(['А-1']);
    expect(keepArchived(null, after)).toBe(after);
  });

  it('the controller also sees the overdue, the requests and the search, own orders after; an empty list says so', () => {
    const sections = renderLists({ ...data, isController: true }, ctx());
    expect(sections.map((s) => s.attrs['data-list'])).toEqual(['overdue', 'extensions', 'found', 'orders']);
    expect(textOf(sections[1])).toContain('Запросов, ожидающих решения, нет.');
  });
});

describe('the page’s own check', () => {
  const d = { today: '10.03.2026', lists: { orders: [ORDER], extensions: [], removals: [], appeals: [] } };
  const order = (values: Record<string, string>) =>
    ({ kind: 'order', number: 'П1-2', version: 'v1', values, checked: null }) as const;
  it('puts each message on its field', () => {
    expect(checkForm(order({ requestedDate: '31.04.2026', reason: 'x' }), d)).toEqual({
      requestedDate: 'Не удалось прочитать дату «31.04.2026»: такого дня нет — в апреле 2026 г. 30 дн.',
    });
    expect(checkForm(order({ requestedDate: '12032026', reason: 'x' }), d)).toEqual({
      requestedDate: 'Новый срок 12.03.2026 должен быть позже текущего срока 12.03.2026.',
    });
    expect(checkForm(order({ requestedDate: '01.04.26', reason: '' }), d)).toEqual({
      reason: 'Укажите обоснование переноса.',
    });
    expect(checkForm(order({ status: 'Готово' }), d)).toEqual({});
    expect(checkForm({ kind: 'extension', number: 'П1-7', version: 'v', values: {}, checked: null }, d)).toEqual({
      decision: 'Выберите решение: «Согласован» или «Отклонён».',
    });
    expect(
      checkForm(
        { kind: 'appeal', number: 'О-1', version: 'v', values: { answerDate: '11.03.2026' }, checked: null },
        d,
      ),
    ).toEqual({ answerDate: 'Дата ответа не может быть позже сегодняшнего дня.' });
  });

  it('asks to confirm «Готово» only when it changes the status', () => {
    expect(needsConfirm(order({ status: 'Готово' }), d)).toBe(true);
    expect(needsConfirm(order({ status: 'В процессе 50' }), d)).toBe(false);
    const done = { ...d, lists: { ...d.lists, orders: [{ ...ORDER, status: 'Готово' }] } };
    expect(needsConfirm(order({ status: 'Готово' }), done)).toBe(false);
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
    expect(actionOf({ kind: 'undo', number: 'П1-6', version: 'v4', values: {}, checked: null })).toEqual({
      kind: 'undo',
      number: 'П1-6',
      version: 'v4',
    });
    expect(actionOf({ kind: 'removal', number: 'П1-6', version: 'v3', values: {}, checked: null })).toEqual({
      kind: 'removal',
      number: 'П1-6',
      version: 'v3',
      decision: '',
    });
  });
});

describe('the controller’s page (issue 25 п.10)', () => {
  const item = (number: string, executor: string, unit: string): ControlItem => ({
    number,
    text: `Поручение ${number}`,
    executor,
    unit,
    deadline: '02.03.2026',
    due: '02.03.2026',
    state: 'Просрочено',
    left: 'просрочено на 6 раб. дн.',
    overdue: true,
    status: 'В процессе 0',
    protocol: '№ П1 от 02.03.2026, аппаратное',
    coExecutors: [],
    lastNote: '',
    version: 'v',
  });
  const overdue = [
    item('1', 'Сидорова С.С.', ''),
    item('2', 'Орлова О.О.', 'Архитектура'),
    item('3', 'Сидорова С.С.', ''),
  ];
  const data: PageData = {
    email: 'control@adm.test',
    name: '',
    organization: 'Администрация',
    today: '10.03.2026',
    isController: true,
    lists: { orders: [], extensions: [], removals: [], appeals: [], done: [], overdue },
    removalMode: 'executor',
    executorNames: ['Орлова О.О.', 'Сидорова С.С.'],
  };

  it('counts the overdue by executor and by unit, most first', () => {
    expect(summarize(overdue)).toEqual({
      byExecutor: [
        ['Сидорова С.С.', 2],
        ['Орлова О.О.', 1],
      ],
      byUnit: [
        ['подразделение не указано', 2],
        ['Архитектура', 1],
      ],
    });
  });

  it('names the role, not the address, when the controller is no executor; own empty lists are left out', () => {
    expect(whoLine(data)).toBe('Специалист по контролю · Администрация · сегодня 10.03.2026');
    expect(renderLists(data, ctx()).map((s) => s.attrs['data-list'])).toEqual(['overdue', 'extensions', 'found']);
  });

  it('filters the overdue by executor and says how many are shown', () => {
    const [section] = renderLists(data, { ...ctx(), filter: 'Орлова О.О.' });
    expect(textOf(findAll(section, (n) => n.tag === 'h2')[0])).toBe('Просроченные поручения (показано 1 из 3)');
    expect(findAll(section, (n) => 'data-control' in n.attrs).map((n) => n.attrs['data-control'])).toEqual(['2']);
    expect(find(section, 'data-filter')).toBeDefined();
  });

  it('keeps the last search in its form; a search and a control card send their fields', () => {
    const searched = {
      ...data,
      search: { query: 'кровл', executor: 'Орлова О.О.', total: 0 },
      lists: { ...data.lists, found: [] },
    };
    const found = renderLists(searched, ctx())[2];
    expect(textOf(findAll(found, (n) => n.tag === 'h2')[0])).toBe('Поиск поручений (0)');
    expect(find(found, 'name', 'query')!.attrs.value).toBe('кровл');
    expect(find(found, 'value', 'Орлова О.О.')!.attrs.selected).toBe('');
    expect(textOf(find(found, 'class', 'empty')!)).toBe('Ничего не найдено.');
    const s = { kind: 'search', number: '', version: '', values: { query: ' ', executor: '' }, checked: null } as const;
    expect(checkForm(s, data)).toEqual({ query: 'Введите № или слова из текста поручения, или выберите исполнителя.' });
    expect(actionOf({ ...s, values: { query: 'П1', executor: '' } })).toEqual({
      kind: 'search',
      number: '',
      version: '',
      query: 'П1',
      executor: '',
    });
    const c = {
      kind: 'control',
      number: '2',
      version: 'v',
      values: { deadline: '09.03.2026', note: '' },
      checked: null,
    } as const;
    expect(checkForm(c, data)).toEqual({ deadline: 'Новый срок 09.03.2026 уже прошёл.' });
    expect(checkForm({ ...c, values: { deadline: '', note: '' } }, data)).toEqual({
      deadline: 'Впишите новый срок или запись о ходе исполнения.',
    });
    expect(actionOf({ ...c, values: { deadline: '20032026', note: 'x' } })).toEqual({
      kind: 'control',
      number: '2',
      version: 'v',
      deadline: '20032026',
      note: 'x',
    });
  });

  it('«Напомнить об ускорении» on an overdue card (001 гл.7 п.2.4.7–2.4.8): a second button, sent as its own action', () => {
    const may = { ...overdue[0], speedUpLast: '', speedUpMay: true };
    const card = renderControl(may, ctx());
    const button = find(card, 'data-op', 'speedup')!;
    expect(button.tag).toBe('button');
    // The card keeps one submit button («Сохранить» of the change); this one is sent with op.
    expect(button.attrs.type).toBe('button');
    expect(findAll(card, (n) => n.tag === 'button' && n.attrs.type === 'submit')).toHaveLength(1);
    expect(textOf(button)).toBe('Напомнить об ускорении');
    expect(textOf(find(card, 'class', 'speed-up')!)).toContain('срок не меняется, поручение остаётся просроченным');
    // Sent today already: the card says when and what was asked, and offers no second one.
    const sent = renderControl(
      {
        ...may,
        speedUpLast: 'Напоминание об ускорении 10.03.2026: исполнить не позднее 20.03.2026',
        speedUpMay: false,
      },
      ctx(),
    );
    expect(find(sent, 'data-op', 'speedup')).toBeUndefined();
    expect(textOf(find(sent, 'class', 'facts')!)).toContain(
      'УскорениеНапоминание об ускорении 10.03.2026: исполнить не позднее 20.03.2026',
    );
    expect(find(renderControl(overdue[0], ctx()), 'data-op', 'speedup')).toBeUndefined();
    const f = {
      kind: 'control',
      number: '1',
      version: 'v',
      values: { deadline: '', note: '', op: 'speedup' },
      checked: null,
    } as const;
    expect(checkForm(f, data)).toEqual({});
    expect(actionOf(f)).toEqual({ kind: 'speedup', number: '1', version: 'v' });
  });
});
