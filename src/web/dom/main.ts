// «Мои поручения» in the browser: boots from the JSON the server put in the page, renders the lists
// (../cards.ts) and sends each form's action through google.script.run (Apps Script, or the HTTP
// shim of `kontrol serve`); the answer carries the page's data as it is after the change.
import type { PageData } from '../../domain/my-orders';
import { idCounter, keepArchived, type Note, renderLists, whoLine } from '../cards';
import {
  actionOf,
  checkForm,
  type FormSnapshot,
  KINDS,
  type Kind,
  needsConfirm,
  normalDate,
  submitLabel,
} from '../form';
import { h } from '../vnode';
import { mount } from './mount';

interface PageResponse {
  ok: boolean;
  message: string;
  data?: PageData;
  token?: string;
  linkError?: { title: string; text: string };
}

interface Runner {
  withSuccessHandler(f: (r: PageResponse | null) => void): Runner;
  withFailureHandler(f: (e: Error | string | null) => void): Runner;
  myOrdersSubmit(req: unknown): void;
}
declare const google: { script: { run: Runner } };

const boot = JSON.parse(document.getElementById('boot')?.textContent || '{}') as PageResponse;
const state: {
  token: string;
  data: PageData | null;
  notes: Record<string, Note>;
  /** Messages beside fields, by card key and field name. */
  errors: Record<string, Record<string, string>>;
  /** Cards asking to confirm «Готово». */
  confirm: Record<string, boolean>;
  doneOpen: boolean;
  /** The overdue list's executor filter ('' = all). */
  filter: string;
} = {
  token: boot.token || '',
  data: boot.data || null,
  notes: {},
  errors: {},
  confirm: {},
  doneOpen: false,
  filter: '',
};
const app = document.getElementById('app') as HTMLElement;
const statusBox = document.getElementById('status') as HTMLElement;
const whoBox = document.getElementById('who') as HTMLElement;
const nextId = idCounter();

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements] as Control[];
}

function kindOf(form: HTMLFormElement): Kind | undefined {
  return KINDS.find((k) => form.hasAttribute(`data-${k}`));
}

function snapshot(form: HTMLFormElement): FormSnapshot | null {
  const kind = kindOf(form);
  if (!kind) return null;
  const values: Record<string, string> = {};
  for (const e of controls(form))
    if (e.name && e.type !== 'radio' && !(e instanceof HTMLButtonElement)) values[e.name] = e.value;
  const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
  return {
    kind,
    number: form.getAttribute(`data-${kind}`) ?? '',
    version: form.getAttribute('data-version') ?? '',
    values,
    checked: checked ? checked.value : null,
    open: !!form.querySelector('details')?.open,
  };
}

function formKey(form: HTMLFormElement): string {
  const k = kindOf(form);
  return `${k}:${form.getAttribute(`data-${k}`)}`;
}

function isDirty(form: HTMLFormElement): boolean {
  return controls(form).some((e) =>
    e instanceof HTMLSelectElement
      ? [...e.options].some((o) => o.selected !== o.defaultSelected)
      : e instanceof HTMLInputElement && e.type === 'radio'
        ? e.checked !== e.defaultChecked
        : e instanceof HTMLButtonElement
          ? false
          : e.value !== e.defaultValue,
  );
}

function showLinkError(err: { title: string; text: string }): void {
  state.data = null;
  whoBox.textContent = '';
  statusBox.textContent = '';
  app.textContent = '';
  app.appendChild(
    mount(
      h('section', { className: 'error', role: 'alert', 'data-link-error': true }, [
        h('h2', { text: err.title }),
        h('p', { text: err.text }),
      ]),
    ),
  );
}

/** Forms with something typed and not yet sent: kept across a re-render, with the version they were typed on. */
function unsaved(): Record<string, FormSnapshot> {
  const out: Record<string, FormSnapshot> = {};
  for (const form of app.querySelectorAll('form')) {
    if (!isDirty(form) && !form.querySelector('details')?.open) continue;
    const s = snapshot(form);
    if (s) out[formKey(form)] = s;
  }
  return out;
}

function restore(kept: Record<string, FormSnapshot>): void {
  for (const form of app.querySelectorAll('form')) {
    const k = kept[formKey(form)];
    if (!k) continue;
    for (const name of Object.keys(k.values)) {
      const c = form.elements.namedItem(name);
      if (c && !(c instanceof RadioNodeList)) (c as Control).value = k.values[name];
    }
    if (k.checked) {
      const r = form.querySelector<HTMLInputElement>(`input[type=radio][value="${CSS.escape(k.checked)}"]`);
      if (r) r.checked = true;
    }
    // Sent later, it is judged against the row as it was when typed: a change meanwhile is refused.
    form.setAttribute('data-version', k.version);
    const details = form.querySelector('details');
    if (details && (k.open || k.values.requestedDate || k.values.reason)) details.open = true;
  }
}

function render(keep?: boolean): void {
  const d = state.data;
  const kept = keep ? unsaved() : {};
  app.textContent = '';
  if (!d) return;
  whoBox.textContent = whoLine(d);
  const ctx = {
    notes: state.notes,
    errors: state.errors,
    confirm: state.confirm,
    doneOpen: state.doneOpen,
    filter: state.filter,
    nextId,
  };
  for (const section of renderLists(d, ctx)) app.appendChild(mount(section));
  restore(kept);
}

function say(ok: boolean, text: string): void {
  statusBox.textContent = '';
  if (text) statusBox.appendChild(mount(h('p', { className: ok ? '' : 'bad', text })));
}

/** The card of `key` again after a re-render, and its first control with a message (or its button). */
function focusCard(key: string): void {
  const [kind, number] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const card = app.querySelector<HTMLFormElement>(`[data-${kind}="${CSS.escape(number)}"]`);
  const target =
    card?.querySelector<HTMLElement>('[aria-invalid=true], fieldset[aria-describedby] input') ??
    card?.querySelector<HTMLElement>('button[type=submit]');
  target?.focus();
}

app.addEventListener('submit', (ev) => {
  const form = ev.target as HTMLFormElement;
  ev.preventDefault();
  const snap = snapshot(form);
  if (!snap || !state.data) return;
  const key = `${snap.kind}:${snap.number}`;
  // A new action: the messages of the previous one are stale now.
  state.notes = {};
  state.errors = {};
  say(true, '');
  // The card's other action (the controller's «Напомнить об ускорении»): its button asked for this submit.
  const op = pendingOp?.form === form ? pendingOp : null;
  pendingOp = null;
  if (op) snap.values.op = op.op;
  const submitter = op?.button ?? (ev as SubmitEvent).submitter;
  const errors = checkForm(snap, state.data);
  if (Object.keys(errors).length > 0) {
    state.errors[key] = errors;
    render(true);
    focusCard(key);
    return;
  }
  const confirmed = submitter instanceof HTMLButtonElement && submitter.name === 'confirm';
  if (needsConfirm(snap, state.data) && !confirmed) {
    state.confirm = { [key]: true };
    render(true);
    app.querySelector<HTMLElement>(`[data-order="${CSS.escape(snap.number)}"] button[name=confirm]`)?.focus();
    return;
  }
  state.confirm = {};
  const action = actionOf(snap);
  const button =
    (submitter instanceof HTMLButtonElement ? submitter : null) ??
    form.querySelector<HTMLButtonElement>('button[type=submit]');
  const label = button?.textContent || submitLabel(snap.kind);
  if (button) {
    button.disabled = true;
    button.textContent = action.kind === 'speedup' ? 'Отправляю…' : 'Сохраняю…';
  }
  google.script.run
    .withSuccessHandler((r) => {
      if (r?.linkError) return showLinkError(r.linkError);
      if (r?.data) state.data = keepArchived(state.data, r.data);
      state.notes = {};
      const text = r?.message || 'Сервер не дал ответа: обновите страницу и повторите.';
      state.notes[key] = { ok: !!r?.ok, text };
      say(!!r?.ok, text);
      // A saved form starts afresh; a refused one keeps everything typed (issue 25 п.7), as do the others.
      if (r?.ok) form.reset();
      // Just marked done: the list where it can be taken back is shown.
      // (A periodic order stays on the list with its next occurrence: nothing to open then.)
      if (
        r?.ok &&
        action.kind === 'order' &&
        action.status === 'Готово' &&
        !state.data?.lists.orders.some((o) => o.number === action.number)
      )
        state.doneOpen = true;
      render(true);
      focusCard(key);
    })
    .withFailureHandler((e) => {
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
      const why = e && typeof e === 'object' && e.message ? e.message : String(e);
      say(false, `Не удалось сохранить: ${why}. Проверьте связь и повторите.`);
    })
    .myOrdersSubmit({ token: state.token, action });
});

/** Typing in a field retires its message and the card's last answer: both are about what was there before. */
function clearMessages(form: HTMLFormElement, control: Element): void {
  const key = formKey(form);
  const name = control.getAttribute('name') ?? control.getAttribute('data-picker-for') ?? '';
  const box = control.closest('[data-field]');
  box?.querySelector('.field-error')?.remove();
  box?.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    c.removeAttribute('aria-describedby');
  });
  if (state.errors[key]) delete state.errors[key][name];
  form.querySelector('.note')?.remove();
  delete state.notes[key];
}

/** A card's second action (a `data-op` button): the form is submitted with `op` set. */
let pendingOp: { form: HTMLFormElement; op: string; button: HTMLButtonElement } | null = null;

app.addEventListener('click', (ev) => {
  const opButton = (ev.target as Element).closest('button[data-op]');
  const opForm = opButton?.closest('form');
  if (opButton instanceof HTMLButtonElement && opForm) {
    pendingOp = { form: opForm, op: opButton.getAttribute('data-op') ?? '', button: opButton };
    opForm.requestSubmit();
    return;
  }
  const b = (ev.target as Element).closest('button[data-cancel]');
  if (!b) return;
  // «Нет, не отмечать»: the status goes back to what it was; nothing is sent.
  const form = b.closest('form');
  state.confirm = {};
  const status = form?.querySelector('select[name=status]');
  if (status instanceof HTMLSelectElement) for (const o of status.options) o.selected = o.defaultSelected;
  render(true);
  if (form) focusCard(formKey(form));
});

// «Исполненные за 30 дней» stays as the person left it across re-renders (toggle does not bubble).
app.addEventListener(
  'toggle',
  (ev) => {
    const d = ev.target as HTMLElement;
    if (d instanceof HTMLDetailsElement && d.classList.contains('list')) state.doneOpen = d.open;
  },
  true,
);

app.addEventListener('input', (ev) => {
  const c = ev.target as Element;
  const form = c.closest('form');
  if (form) clearMessages(form, c);
});

app.addEventListener('change', (ev) => {
  const c = ev.target as HTMLInputElement;
  if (c.hasAttribute('data-filter')) {
    state.filter = c.value;
    render(true);
    app.querySelector<HTMLElement>('[data-filter]')?.focus();
    return;
  }
  const form = c.closest('form');
  if (!form) return;
  const pickerFor = c.getAttribute('data-picker-for');
  if (pickerFor) {
    // The calendar fills the text field in as ДД.ММ.ГГГГ; the text field is what is sent.
    const text = form.elements.namedItem(pickerFor);
    if (text instanceof HTMLInputElement && c.value) text.value = normalDate(c.value);
    clearMessages(form, c);
  } else if (c.hasAttribute('data-date')) c.value = normalDate(c.value);
});

if (boot.linkError) showLinkError(boot.linkError);
else {
  render();
  if (boot.message) say(boot.ok, boot.message);
}
