// «Мои поручения» in the browser. Everything people wrote is put on the page with textContent, never
// as HTML. The server's data has one key per list (orders, extensions, …); each list has its renderer
// in RENDER, so a new list is one more renderer. Actions go through google.script.run (Apps Script,
// or the HTTP shim of `kontrol serve`); the answer carries the page's data as it is after the change.
(() => {
  const boot = JSON.parse(document.getElementById('boot').textContent || '{}');
  const state = { token: boot.token || '', data: boot.data || null, notes: {} };
  const app = document.getElementById('app');
  const statusBox = document.getElementById('status');
  let uid = 0;

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    if (attrs)
      for (const k of Object.keys(attrs)) {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'className') e.className = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    for (const c of children || []) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  function field(label, control, hint) {
    const id = `f${++uid}`;
    control.id = id;
    return el('div', null, [el('label', { for: id, text: label }), control, hint || null]);
  }

  function facts(pairs) {
    const dl = el('dl', { className: 'facts' });
    for (const p of pairs) {
      if (!p[1]) continue;
      dl.appendChild(el('dt', { text: p[0] }));
      dl.appendChild(el('dd', { text: p[1] }));
    }
    return dl;
  }

  function stateClass(s) {
    if (s === 'Просрочено') return 'badge overdue';
    if (s === 'Срок наступает') return 'badge soon';
    if (s === 'На доработке') return 'badge rework';
    return 'badge';
  }

  function noteFor(key) {
    const n = state.notes[key];
    if (!n) return null;
    return el('p', { className: `note ${n.ok ? 'ok' : 'bad'}`, role: n.ok ? null : 'alert', text: n.text });
  }

  const STATUSES = ['Список дел', 'В процессе 0', 'В процессе 50', 'В процессе 99', 'Готово'];

  function renderOrder(o) {
    const status = el('select', { name: 'status' });
    if (STATUSES.indexOf(o.status) < 0)
      status.appendChild(el('option', { value: '', text: o.status ? `${o.status} (не менять)` : '— не выбран —' }));
    for (const s of STATUSES) status.appendChild(el('option', { value: s, text: s, selected: s === o.status }));
    const progress = el('textarea', { name: 'progress', rows: 2, maxlength: 1000 });
    const date = el('input', {
      type: 'text',
      name: 'requestedDate',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: 'ДД.ММ.ГГГГ',
      pattern: '\\d{1,2}\\.\\d{1,2}\\.\\d{4}',
    });
    const reason = el('textarea', { name: 'reason', rows: 2, maxlength: 1000 });
    const cutoffHint = o.cutoffPassed
      ? el('p', {
          className: 'hint warn',
          text: `Срок подачи запроса прошёл (${o.cutoff}): запрос примут, но отметят как поздний.`,
        })
      : null;
    const role =
      o.role === 'substitute'
        ? el('p', { className: 'role sub', text: `Замещение: вы замещаете ${o.onBehalfOf}` })
        : o.role === 'coexecutor'
          ? el('p', { className: 'role', text: `Вы соисполнитель; ответственный исполнитель: ${o.responsible}` })
          : null;
    const deadline = o.due !== o.deadline ? `${o.due} (в таблице ${o.deadline})` : o.deadline;
    return el(
      'form',
      {
        className: `card${o.overdue ? ' overdue' : ''}`,
        'data-order': o.number,
        'data-role': o.role,
        'data-version': o.version,
        'aria-label': `Поручение № ${o.number}`,
      },
      [
        el('div', { className: 'head' }, [
          el('span', { className: 'num', text: `№ ${o.number}` }),
          el('span', { className: stateClass(o.state), text: o.state }),
        ]),
        el('p', { className: 'text', text: o.text }),
        role,
        facts([
          ['Срок', `${deadline} — ${o.left}`],
          ['Последняя запись', o.lastNote],
          ['Запрос переноса', o.cutoffPassed ? `срок подачи прошёл ${o.cutoff}` : `не позднее ${o.cutoff}`],
          [
            'Запрошен перенос',
            o.pendingRequest ? `на ${o.pendingRequest.date} (${o.pendingRequest.reason}), ждёт решения` : '',
          ],
        ]),
        field('Статус', status),
        field('Ход исполнения: новая запись', progress),
        el('details', null, [
          el('summary', { text: 'Запросить перенос срока' }),
          field('Новый срок (ДД.ММ.ГГГГ)', date, cutoffHint),
          field('Обоснование переноса', reason),
        ]),
        el('button', { type: 'submit', text: 'Сохранить' }),
        noteFor(`order:${o.number}`),
      ],
    );
  }

  function choices(values) {
    const uidBase = ++uid;
    const choice = el('div', { className: 'choice' });
    values.forEach((d, i) => {
      const id = `d${uidBase}_${i}`;
      choice.appendChild(
        el('label', { for: id }, [el('input', { type: 'radio', name: 'decision', value: d, id, required: true }), d]),
      );
    });
    return choice;
  }

  function renderRemoval(x) {
    return el(
      'form',
      { className: 'card', 'data-removal': x.number, 'data-version': x.version, 'aria-label': `Снятие № ${x.number}` },
      [
        el('div', { className: 'head' }, [el('span', { className: 'num', text: `№ ${x.number}` })]),
        el('p', { className: 'text', text: x.text }),
        facts([
          ['Исполнитель', x.executor],
          ['Срок', x.deadline],
          ['Исполнено', x.doneDate],
          ['Последняя запись', x.lastNote],
        ]),
        el('fieldset', null, [el('legend', { text: 'Снятие с контроля' }), choices(['Снято', 'Не снято'])]),
        el('button', { type: 'submit', text: 'Сохранить решение' }),
        noteFor(`removal:${x.number}`),
      ],
    );
  }

  function renderExtension(x) {
    const uidBase = ++uid;
    const choice = el('div', { className: 'choice' });
    ['Согласован', 'Отклонён'].forEach((d, i) => {
      const id = `d${uidBase}_${i}`;
      choice.appendChild(
        el('label', { for: id }, [el('input', { type: 'radio', name: 'decision', value: d, id, required: true }), d]),
      );
    });
    const by = el('input', { type: 'text', name: 'decidedBy', value: x.decidedBy, autocomplete: 'off' });
    return el(
      'form',
      {
        className: 'card',
        'data-extension': x.number,
        'data-version': x.version,
        'aria-label': `Запрос № ${x.number}`,
      },
      [
        el('div', { className: 'head' }, [
          el('span', { className: 'num', text: `№ ${x.number}` }),
          x.late ? el('span', { className: 'badge late', text: 'Поздний запрос' }) : null,
        ]),
        el('p', { className: 'text', text: x.text }),
        facts([
          ['Исполнитель', x.executor],
          ['Срок', x.deadline],
          ['Просит перенести на', x.requestedDate],
          ['Обоснование', x.reason],
        ]),
        el('fieldset', null, [el('legend', { text: 'Решение по переносу' }), choice]),
        field('Кем согласован перенос', by),
        el('button', { type: 'submit', text: 'Сохранить решение' }),
        noteFor(`extension:${x.number}`),
      ],
    );
  }

  function renderAppeal(x) {
    const measures = el('textarea', { name: 'measures', rows: 3, maxlength: 2000 });
    measures.value = x.measures || '';
    measures.defaultValue = x.measures || '';
    const answer = el('input', {
      type: 'text',
      name: 'answerDate',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: 'ДД.ММ.ГГГГ',
      pattern: '\\d{1,2}\\.\\d{1,2}\\.\\d{4}',
    });
    const term = x.due !== x.term ? `${x.due} (в таблице ${x.term})` : x.term;
    return el(
      'form',
      {
        className: `card${x.overdue ? ' overdue' : ''}`,
        'data-appeal': x.number,
        'data-version': x.version,
        'aria-label': `Обращение № ${x.number}`,
      },
      [
        el('div', { className: 'head' }, [
          el('span', { className: 'num', text: `Обращение № ${x.number}` }),
          el('span', { className: stateClass(x.state), text: x.state }),
        ]),
        el('p', { className: 'text', text: x.topic }),
        x.onBehalfOf ? el('p', { className: 'role sub', text: `Замещение: вы замещаете ${x.onBehalfOf}` }) : null,
        facts([
          ['Срок ответа', `${term}${x.extended ? ' (продлён)' : ''} — ${x.left}`],
          ['Заявитель', [x.applicant, x.address].filter(Boolean).join(', ')],
          ['Категория', x.category],
        ]),
        field('Принятые меры', measures),
        field(
          'Дата ответа (ДД.ММ.ГГГГ)',
          answer,
          el('p', {
            className: 'hint',
            text: 'Промежуточный ответ не снимает обращение с контроля: дату ставьте, когда ответ дан.',
          }),
        ),
        el('button', { type: 'submit', text: 'Сохранить' }),
        noteFor(`appeal:${x.number}`),
      ],
    );
  }

  const RENDER = {
    orders: {
      title: 'Поручения',
      empty: 'Открытых поручений нет.',
      item: renderOrder,
      show: () => true,
    },
    extensions: {
      title: 'Запросы переноса срока',
      empty: 'Запросов, ожидающих решения, нет.',
      item: renderExtension,
      show: (d) => d.isController,
    },
    appeals: {
      title: 'Обращения граждан',
      empty: 'Обращений, ждущих ответа, нет.',
      item: renderAppeal,
      show: (d) => (d.lists?.appeals || []).length > 0,
    },
    removals: {
      title: 'Ожидают снятия с контроля',
      empty: 'Поручений, ожидающих снятия с контроля, нет.',
      item: renderRemoval,
      show: (d) => d.isController && d.removalMode === 'giver',
    },
  };

  function showLinkError(err) {
    state.data = null;
    document.getElementById('who').textContent = '';
    statusBox.textContent = '';
    app.textContent = '';
    app.appendChild(
      el('section', { className: 'error', role: 'alert', 'data-link-error': true }, [
        el('h2', { text: err.title }),
        el('p', { text: err.text }),
      ]),
    );
  }

  /** Forms with something typed and not yet sent: kept across a re-render, with the version they were typed on. */
  function unsaved() {
    const out = {};
    for (const form of app.querySelectorAll('form')) {
      const dirty = [...form.elements].some((e) =>
        e.tagName === 'SELECT'
          ? [...e.options].some((o) => o.selected !== o.defaultSelected)
          : e.type === 'radio'
            ? e.checked !== e.defaultChecked
            : e.value !== e.defaultValue,
      );
      if (!dirty) continue;
      const values = {};
      for (const e of form.elements) if (e.name && e.type !== 'radio') values[e.name] = e.value;
      const checked = form.querySelector('input[type=radio]:checked');
      out[formKey(form)] = {
        values,
        checked: checked ? checked.value : null,
        version: form.getAttribute('data-version'),
      };
    }
    return out;
  }

  const KINDS = ['order', 'extension', 'removal', 'appeal'];

  function kindOf(form) {
    return KINDS.find((k) => form.hasAttribute(`data-${k}`));
  }

  function formKey(form) {
    const k = kindOf(form);
    return `${k}:${form.getAttribute(`data-${k}`)}`;
  }

  function restore(kept) {
    for (const form of app.querySelectorAll('form')) {
      const k = kept[formKey(form)];
      if (!k) continue;
      for (const name of Object.keys(k.values)) if (form.elements[name]) form.elements[name].value = k.values[name];
      if (k.checked) {
        const r = form.querySelector(`input[type=radio][value="${CSS.escape(k.checked)}"]`);
        if (r) r.checked = true;
      }
      // Sent later, it is judged against the row as it was when typed: a change meanwhile is refused.
      form.setAttribute('data-version', k.version);
      const details = form.querySelector('details');
      if (details && (k.values.requestedDate || k.values.reason)) details.open = true;
    }
  }

  function render(keep) {
    const d = state.data;
    const kept = keep ? unsaved() : {};
    app.textContent = '';
    if (!d) return;
    document.getElementById('who').textContent = [d.name || d.email, d.organization, `сегодня ${d.today}`]
      .filter(Boolean)
      .join(' · ');
    for (const key of Object.keys(RENDER)) {
      const r = RENDER[key];
      const list = d.lists?.[key] || [];
      if (!r.show(d)) continue;
      const section = el('section', { 'data-list': key }, [el('h2', { text: `${r.title} (${list.length})` })]);
      if (list.length === 0) section.appendChild(el('p', { className: 'empty', text: r.empty }));
      for (const item of list) section.appendChild(r.item(item));
      app.appendChild(section);
    }
    restore(kept);
  }

  function say(ok, text) {
    statusBox.textContent = '';
    if (text) statusBox.appendChild(el('p', { className: ok ? '' : 'bad', text }));
  }

  function collect(form) {
    const get = (n) => (form.elements[n] ? form.elements[n].value : '');
    if (form.hasAttribute('data-order'))
      return {
        kind: 'order',
        number: form.getAttribute('data-order'),
        version: form.getAttribute('data-version'),
        status: get('status'),
        progress: get('progress'),
        requestedDate: get('requestedDate'),
        reason: get('reason'),
      };
    if (form.hasAttribute('data-appeal'))
      return {
        kind: 'appeal',
        number: form.getAttribute('data-appeal'),
        version: form.getAttribute('data-version'),
        measures: get('measures'),
        answerDate: get('answerDate'),
      };
    const checked = form.querySelector('input[name=decision]:checked');
    const kind = kindOf(form);
    return {
      kind,
      number: form.getAttribute(`data-${kind}`),
      version: form.getAttribute('data-version'),
      decision: checked ? checked.value : '',
      decidedBy: get('decidedBy'),
    };
  }

  app.addEventListener('submit', (ev) => {
    const form = ev.target;
    ev.preventDefault();
    const action = collect(form);
    const key = `${action.kind}:${action.number}`;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = 'Сохраняю…';
    google.script.run
      .withSuccessHandler((r) => {
        if (r?.linkError) return showLinkError(r.linkError);
        if (r?.data) state.data = r.data;
        state.notes = {};
        state.notes[key] = { ok: !!r?.ok, text: r ? r.message : 'Нет ответа.' };
        say(!!r?.ok, r ? r.message : '');
        // The form just sent starts afresh; what is typed in the others stays.
        form.reset();
        render(true);
        const again = app.querySelector(`[data-${action.kind}="${CSS.escape(action.number)}"] button`);
        if (again) again.focus();
      })
      .withFailureHandler((e) => {
        button.disabled = false;
        button.textContent = action.kind === 'order' || action.kind === 'appeal' ? 'Сохранить' : 'Сохранить решение';
        say(false, `Не удалось сохранить: ${e?.message ? e.message : e}. Проверьте связь и повторите.`);
      })
      .myOrdersSubmit({ token: state.token, action });
  });

  if (boot.linkError) showLinkError(boot.linkError);
  else {
    render();
    if (boot.message) say(boot.ok, boot.message);
  }
})();
