// What a card's form sends: the action the server's pageSubmit takes (domain/my-orders PageAction),
// built from the form's kind, its № and row version, and its fields. Pure: the page hands in a
// reader of its controls, the tests a plain object.
import type { PageAction } from '../domain/my-orders';

export const KINDS = ['order', 'extension', 'removal', 'appeal'] as const;
export type Kind = (typeof KINDS)[number];

export interface FormSnapshot {
  kind: Kind;
  number: string;
  version: string;
  /** Control values by name (radios excluded). */
  values: Record<string, string>;
  /** The checked radio's value, if any. */
  checked: string | null;
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
      };
    case 'appeal':
      return { kind: 'appeal', ...base, measures: get('measures'), answerDate: get('answerDate') };
    case 'extension':
      return { kind: 'extension', ...base, decision: f.checked ?? '', decidedBy: get('decidedBy') };
    case 'removal':
      return { kind: 'removal', ...base, decision: f.checked ?? '' };
  }
}

/** The submit button's label for a kind (restored after a failed send). */
export function submitLabel(kind: Kind): string {
  return kind === 'order' || kind === 'appeal' ? 'Сохранить' : 'Сохранить решение';
}
