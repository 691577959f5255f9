// What a card's form sends: the action the server's pageSubmit takes (domain/my-orders PageAction),
// built from the form's kind, its № and row version, and its fields. Pure: the page hands in a
// reader of its controls, the tests a plain object.
import type { PageAction, PageData } from '../domain/my-orders';
import {
  lateReasonProblem,
  MAX_NOTE as MAX_TEXT,
  newDeadlineProblem,
  parseTypedDate,
  requestProblem,
  ruOfIso,
} from '../domain/page-date';

export const KINDS = ['order', 'extension', 'removal', 'appeal', 'undo', 'control', 'search'] as const;
export type Kind = (typeof KINDS)[number];

export interface FormSnapshot {
  kind: Kind;
  number: string;
  version: string;
  /** Control values by name (radios excluded). */
  values: Record<string, string>;
  /** The checked radio's value, if any. */
  checked: string | null;
  /** «Запросить перенос срока» was open. */
  open?: boolean;
}

export function actionOf(f: FormSnapshot): PageAction {
  const get = (n: string) => f.values[n] ?? '';
  const base = { number: f.number, version: f.version };
  switch (f.kind) {
    case 'order':
      return {
        kind: 'order',
        ...base,
        status: get('status'),
        progress: get('progress'),
        requestedDate: get('requestedDate'),
        reason: get('reason'),
        // Only on a card that asks for it (past its term).
        ...('lateReason' in f.values ? { lateReason: get('lateReason') } : {}),
      };
    case 'appeal':
      return { kind: 'appeal', ...base, measures: get('measures'), answerDate: get('answerDate') };
    case 'extension':
      return { kind: 'extension', ...base, decision: f.checked ?? '', decidedBy: get('decidedBy') };
    case 'removal':
      return { kind: 'removal', ...base, decision: f.checked ?? '' };
    case 'undo':
      return { kind: 'undo', ...base };
    case 'control':
      // The card's second button: «Напомнить об ускорении» (the submitter's op).
      if (get('op') === 'speedup') return { kind: 'speedup', ...base };
      return { kind: 'control', ...base, deadline: get('deadline'), note: get('note') };
    case 'search':
      return { kind: 'search', ...base, query: get('query'), executor: get('executor') };
  }
}

/** The submit button's label for a kind (restored after a failed send). */
export function submitLabel(kind: Kind): string {
  if (kind === 'undo') return 'Отменить отметку';
  if (kind === 'search') return 'Найти';
  return kind === 'order' || kind === 'appeal' ? 'Сохранить' : 'Сохранить решение';
}

/** ISO of a ДД.ММ.ГГГГ the server sent (today, a deadline); null when it is not one. */
function isoOfRu(ru: string): string | null {
  const p = parseTypedDate(ru);
  return 'iso' in p ? p.iso : null;
}

/**
 * The page's own check before sending (issue 25 п.7–8): messages by field name, in Russian, from the
 * same rules the server applies (domain/page-date.ts). Empty when the form may be sent.
 */
export function checkForm(f: FormSnapshot, d: Pick<PageData, 'today' | 'lists'>): Record<string, string> {
  const today = isoOfRu(d.today) ?? '';
  const v = (n: string) => f.values[n] ?? '';
  if (f.kind === 'order') {
    const o = d.lists.orders.find((x) => x.number === f.number);
    const p = requestProblem(v('requestedDate'), v('reason'), today, o ? isoOfRu(o.deadline) : null, MAX_TEXT);
    if (p) return { [p.field]: p.error };
    const late =
      o &&
      lateReasonProblem(
        { status: v('status'), lateReason: v('lateReason') },
        {
          status: o.status,
          lateReason: o.between?.lateReason ?? '',
          due: o.due,
          late: !!o.between?.askLateReason,
        },
      );
    if (late) return { lateReason: late };
    if (v('lateReason').trim().length > MAX_TEXT)
      return { lateReason: `Причина нарушения срока длиннее ${MAX_TEXT} знаков: сократите её.` };
    if (v('progress').trim().length > MAX_TEXT)
      return { progress: `Запись о ходе исполнения длиннее ${MAX_TEXT} знаков: сократите её.` };
    return {};
  }
  if (f.kind === 'appeal') {
    if (!v('answerDate').trim()) return {};
    const p = parseTypedDate(v('answerDate'));
    if ('error' in p)
      return { answerDate: p.error.replace(/^Не удалось прочитать дату/, 'Не удалось прочитать дату ответа') };
    if (today && p.iso > today) return { answerDate: 'Дата ответа не может быть позже сегодняшнего дня.' };
    return {};
  }
  if (f.kind === 'undo') return {};
  if (f.kind === 'search')
    return v('query').trim() || v('executor').trim()
      ? {}
      : { query: 'Введите № или слова из текста поручения, или выберите исполнителя.' };
  if (f.kind === 'control') {
    if (v('op') === 'speedup') return {};
    if (v('deadline').trim()) {
      const problem = newDeadlineProblem(v('deadline'), today);
      if (problem) return { deadline: problem };
    }
    if (v('note').trim().length > MAX_TEXT) return { note: `Запись длиннее ${MAX_TEXT} знаков: сократите её.` };
    if (!v('deadline').trim() && !v('note').trim())
      return { deadline: 'Впишите новый срок или запись о ходе исполнения.' };
    return {};
  }
  if (!f.checked)
    return {
      decision:
        f.kind === 'extension'
          ? 'Выберите решение: «Согласован» или «Отклонён».'
          : 'Выберите решение: «Снято» или «Не снято».',
    };
  return {};
}

/** A date field's text as ДД.ММ.ГГГГ once it reads as a date (what was typed stays otherwise). */
export function normalDate(typed: string): string {
  const p = parseTypedDate(typed);
  return 'iso' in p ? ruOfIso(p.iso) : typed;
}

/** «Готово» chosen on a card whose order is not done yet: asked once more before it is sent. */
export function needsConfirm(f: FormSnapshot, d: Pick<PageData, 'lists'>): boolean {
  if (f.kind !== 'order' || f.values.status !== 'Готово') return false;
  const o = d.lists.orders.find((x) => x.number === f.number);
  return !!o && o.status !== 'Готово';
}
