// The one guard every public global passes (issue 19). On Google a page served by the web app can
// call every top-level function of the project through google.script.run («any server-side
// function», guides/html/reference/run), with any arguments it likes, as whoever the web app runs
// as. So each global of src/main.ts is made by one of the wrappers below, and scripts/build.mjs
// refuses a bundle with a global that is not: a new global cannot be added unguarded.
//   page    — doGet, doPost, myOrdersLoad, myOrdersSubmit: act, but only for a valid signed link.
//   ui      — menu items, onOpen, onInstall: act only where the spreadsheet's UI exists. «A script
//             can only interact with the UI for the current instance of an open editor»
//             (reference/base/ui): a web-app execution has none, and SpreadsheetApp.getUi() throws
//             there («Cannot call SpreadsheetApp.getUi() from this context»). The check comes first,
//             before any other service call.
//   edit    — onEdit: acts only for a real edit event, whose `range` is a Range object; the page can
//             pass only plain values (guides/html/reference/run: functions are not legal parameters).
//   trigger — dailyRun, dailyFollowUp: act only for the event of an installable trigger of this
//             handler that the running account owns: such events carry `triggerUid`
//             (guides/triggers/events), and it must name one of ScriptApp.getProjectTriggers().
//   self    — the local/live-check `api`: acts only when the person calling is the account the
//             script runs as (Session.getActiveUser() = getEffectiveUser(), reference/base/session):
//             a web app running as its deployer shows a visitor's address blank or as someone else.
// A refused call returns one short Russian line and changes nothing: no cell, mail, trigger,
// property or «Журнал» line.

export type EntryKind = 'page' | 'ui' | 'edit' | 'trigger' | 'self';

/** The property each guarded function carries; build.mjs and the tests read it. */
export const ENTRY_MARK = 'kontrolEntry';

export const REFUSED: Readonly<Record<Exclude<EntryKind, 'page'>, string>> = {
  ui: 'Отказано: это действие выполняется только из меню таблицы «Контроль поручений».',
  edit: 'Отказано: эта функция вызывается только при правке ячейки в таблице.',
  trigger: 'Отказано: ежедневная проверка запускается только своим триггером.',
  self: 'Отказано: эта функция доступна только владельцу таблицы.',
};

// biome-ignore lint/suspicious/noExplicitAny: entry points take whatever Apps Script passes.
type Fn = (...args: any[]) => any;

function mark<F extends Fn>(f: F, kind: EntryKind): F {
  Object.defineProperty(f, ENTRY_MARK, { value: kind, enumerable: false });
  return f;
}

/** Whether this execution has the spreadsheet's UI (a menu click, onOpen, a sidebar). */
export function hasUi(): boolean {
  try {
    SpreadsheetApp.getUi();
    return true;
  } catch {
    return false;
  }
}

function triggerUid(e: unknown): string {
  const uid = e !== null && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  return (typeof uid === 'string' || typeof uid === 'number') && String(uid).length <= 100 ? String(uid) : '';
}

/** Whether `e` is the event of one of the running account's installable triggers of `handler`. */
export function firedByOwnTrigger(handler: string, e: unknown): boolean {
  const uid = triggerUid(e);
  if (!uid) return false;
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === handler);
}

/** Whether `e` is an edit event made by Sheets: its range is a Range, not a plain value. */
export function isEditEvent(e: unknown): boolean {
  const range = e !== null && typeof e === 'object' ? (e as { range?: unknown }).range : undefined;
  return (
    range !== null && typeof range === 'object' && typeof (range as { getSheet?: unknown }).getSheet === 'function'
  );
}

/** Whether the caller is the account this execution runs as. */
export function callerIsRunner(): boolean {
  const active = Session.getActiveUser().getEmail().trim().toLowerCase();
  return active !== '' && active === Session.getEffectiveUser().getEmail().trim().toLowerCase();
}

/** The page's own functions: they verify the signed link themselves, before anything else. */
export function page<F extends Fn>(f: F): F {
  return mark(f, 'page');
}

/** A menu item (or onOpen/onInstall): only where the spreadsheet's UI exists. */
export function fromMenu<F extends Fn>(f: F): (...a: Parameters<F>) => ReturnType<F> | string {
  return mark((...a: Parameters<F>) => (hasUi() ? f(...a) : REFUSED.ui), 'ui');
}

/** onEdit: only for an edit event Sheets made. */
export function fromEdit<F extends Fn>(f: F): (...a: Parameters<F>) => ReturnType<F> | string {
  return mark((...a: Parameters<F>) => (isEditEvent(a[0]) ? f(...a) : REFUSED.edit), 'edit');
}

/** A trigger handler: only for the event of the running account's own trigger of `handler`. */
export function fromTrigger<F extends Fn>(handler: string, f: F): (...a: Parameters<F>) => ReturnType<F> | string {
  return mark((...a: Parameters<F>) => (firedByOwnTrigger(handler, a[0]) ? f(...a) : REFUSED.trigger), 'trigger');
}

/** An entry for the account the script runs as (the local CLI, the live check through scripts.run). */
export function fromSelf<F extends Fn>(f: F): (...a: Parameters<F>) => ReturnType<F> | string {
  return mark((...a: Parameters<F>) => (callerIsRunner() ? f(...a) : REFUSED.self), 'self');
}
