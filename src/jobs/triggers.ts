// «Включить/Выключить автоматическую проверку» (spec «One daily check per spreadsheet»): one
// time-driven trigger for dailyRun at «Час ежедневной проверки» in the spreadsheet's zone, owned by
// one person. An installable trigger runs as the account that made it and no other account can see
// it (guides/triggers/installable «Restrictions»), so who runs the check is recorded in the
// document's properties: a second person is told who runs it instead of getting a second trigger,
// and a scheduled run of anyone else's stray trigger does nothing. Changes take the document lock.

import { dateInZone, formatRu } from '../domain/dates';
import { Journal, lastRunAt } from '../workbook/journal';
import { Problems } from '../workbook/problems';
import { readSettings } from './context';
import { lockSpreadsheet } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_HANDLER = 'dailyRun';
/** Document property remembering the hour the trigger was made for (Trigger has no getter for it). */
export const TRIGGER_HOUR_PROP = 'kontrol.dailyTriggerHour';
/** Document properties: whose trigger runs the daily check (e-mail) and since when (ISO instant). */
export const OWNER_PROP = 'kontrol.dailyOwner';
export const OWNER_SINCE_PROP = 'kontrol.dailyOwnerSince';

const LOCK_WAIT_MS = 10_000;
const MENU_PATH = '«Контроль поручений» → «Выключить автоматическую проверку»';

export interface DailyOwner {
  email: string;
  /** ISO instant; '' when unknown. */
  since: string;
}

/** The account this run acts as (a menu run: the person who clicked; a trigger: its owner). */
export function currentAccount(): string {
  return Session.getEffectiveUser().getEmail().trim();
}

export function dailyOwner(): DailyOwner | null {
  const p = PropertiesService.getDocumentProperties();
  const email = (p.getProperty(OWNER_PROP) ?? '').trim();
  return email ? { email, since: p.getProperty(OWNER_SINCE_PROP) ?? '' } : null;
}

function sinceText(o: DailyOwner, tz: string): string {
  const d = o.since ? new Date(o.since) : null;
  return d && !Number.isNaN(d.getTime()) ? ` с ${formatRu(dateInZone(d, tz))}` : '';
}

/** One line for «Справка» and the messages: who runs the daily check, or that nobody does. */
export function ownerLine(ss: Spreadsheet): string {
  const o = dailyOwner();
  if (!o) return 'Автоматическая проверка не включена.';
  const hour = PropertiesService.getDocumentProperties().getProperty(TRIGGER_HOUR_PROP);
  const at = hour ? `, ежедневно в ${hourText(Number(hour))}–${hourText((Number(hour) + 1) % 24)}` : '';
  return `Автоматическую проверку ведёт ${o.email}${sinceText(o, ss.getSpreadsheetTimeZone() || 'Europe/Moscow')}${at}.`;
}

/**
 * This account's dailyRun triggers (others' are invisible anyway). getProjectTriggers(): «all
 * installable triggers associated with the current project and current user» — in a bound script,
 * exactly this spreadsheet's. Not getUserTriggers(ss): that lists triggers sourced in the
 * spreadsheet, and a clock trigger has no source spreadsheet (reference/script/script-app).
 */
function myDailyTriggers(_ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

function hourText(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

/** Runs `fn` under the spreadsheet's locks (jobs/lock.ts); another change in progress gets a Russian line instead. */
function underDocumentLock(fn: () => string): string {
  const locks = lockSpreadsheet(LOCK_WAIT_MS);
  if (!locks) return 'Автоматическую проверку сейчас меняет или выполняет другой запуск: повторите через минуту.';
  try {
    return fn();
  } finally {
    locks.release();
  }
}

function someoneElse(o: DailyOwner, ss: Spreadsheet): string {
  return `${o.email}${sinceText(o, ss.getSpreadsheetTimeZone() || 'Europe/Moscow')}`;
}

/** Days without a run of the recorded owner's check after which another account may take it over. */
export const STALE_OWNER_DAYS = 3;

/**
 * «с ДД.ММ.ГГГГ» when the recorded owner's check has not run for STALE_OWNER_DAYS (it runs every day,
 * non-working ones too, so a silence that long means its trigger is gone: an account deleted or
 * suspended — guides/triggers/installable: a trigger runs as its creator); null while it is alive.
 */
function staleSince(ss: Spreadsheet, owner: DailyOwner): string | null {
  const since = owner.since ? new Date(owner.since) : null;
  const last = lastRunAt(ss, 'Ежедневная проверка') ?? (since && !Number.isNaN(since.getTime()) ? since : null);
  if (!last) return null;
  if (Date.now() - last.getTime() < STALE_OWNER_DAYS * 24 * 3600 * 1000) return null;
  return `с ${formatRu(dateInZone(last, ss.getSpreadsheetTimeZone() || 'Europe/Moscow'))}`;
}

/** Installs (or moves to the configured hour) the daily trigger; returns a Russian summary. */
export function enableTrigger(ss: Spreadsheet): string {
  return underDocumentLock(() => {
    const me = currentAccount();
    const owner = dailyOwner();
    const mine = myDailyTriggers(ss);
    const stale = owner && owner.email !== me ? staleSince(ss, owner) : null;
    if (owner && owner.email !== me && !stale) {
      // A stray trigger of mine (an older version, a lost record) would mail a second time.
      for (const t of mine) ScriptApp.deleteTrigger(t);
      return `Автоматическую проверку уже ведёт ${someoneElse(owner, ss)}: она работает от имени этого сотрудника, вторая не нужна, поэтому для вас она не включена. Чтобы вести её самому, попросите ${owner.email} выключить её (${MENU_PATH}), затем включите здесь. Если проверка от его имени не выполняется ${STALE_OWNER_DAYS} дня (сотрудник ушёл, аккаунт отключён), её сможет включить любой.`;
    }
    const settings = readSettings(ss, new Problems());
    const hour = settings.dailyHour;
    const tz = ss.getSpreadsheetTimeZone() || settings.timeZone;
    const props = PropertiesService.getDocumentProperties();
    const when = `ежедневно в ${hourText(hour)}–${hourText((hour + 1) % 24)} (${tz})`;
    if (owner && mine.length === 1 && props.getProperty(TRIGGER_HOUR_PROP) === String(hour))
      return `Автоматическая проверка уже включена: ${when}, от имени ${me}.`;
    // A stale hour or duplicates left by an older version: replace them by exactly one.
    for (const t of mine) ScriptApp.deleteTrigger(t);
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(tz).create();
    const record: Record<string, string> = { [TRIGGER_HOUR_PROP]: String(hour), [OWNER_PROP]: me };
    if (!owner || stale) record[OWNER_SINCE_PROP] = new Date().toISOString();
    props.setProperties(record);
    if (owner && stale) {
      // The recorded owner's trigger no longer runs (an account gone): this one takes the check over.
      // Should that trigger ever run again, it finds this account on record and steps aside.
      const text = `Автоматическая проверка от имени ${owner.email} не выполнялась ${stale}: теперь её ведёт ${me}, ${when}. Письма уходят с этого адреса.`;
      const journal = Journal.open(ss);
      journal.add({ action: 'Включить автоматическую проверку', result: text });
      journal.flush();
      return text;
    }
    // Apps Script starts an hourly trigger at a random minute within the hour.
    return `Автоматическая проверка включена: ${when}, от имени ${me} — письма уходят с этого адреса. Час меняется в «Настройках» → «Час ежедневной проверки», затем включите проверку ещё раз.`;
  });
}

/** Removes this account's dailyRun triggers when it runs the check; returns a Russian summary. */
export function disableTrigger(ss: Spreadsheet): string {
  return underDocumentLock(() => {
    const me = currentAccount();
    const owner = dailyOwner();
    const mine = myDailyTriggers(ss);
    for (const t of mine) ScriptApp.deleteTrigger(t);
    if (owner && owner.email !== me)
      return `Автоматическую проверку ведёт ${someoneElse(owner, ss)}, и выключить её может только этот сотрудник: пусть откроет эту таблицу под своей учётной записью и выберет ${MENU_PATH}. После этого включить её сможет любой.`;
    const props = PropertiesService.getDocumentProperties();
    props.deleteProperty(TRIGGER_HOUR_PROP);
    props.deleteProperty(OWNER_PROP);
    props.deleteProperty(OWNER_SINCE_PROP);
    return mine.length > 0
      ? 'Автоматическая проверка выключена. Включить её снова может любой сотрудник.'
      : 'Автоматическая проверка и так была выключена.';
  });
}

/**
 * The scheduled run's gate: the recorded owner's trigger runs the check; anyone else's (a trigger
 * left from before the owner was recorded) writes one «Журнал» line and does nothing. A trigger
 * from before the record adopts the check for its owner.
 */
export function scheduledRunAllowed(ss: Spreadsheet): { ok: true } | { ok: false; message: string } {
  const me = currentAccount();
  const owner = dailyOwner();
  if (!owner) {
    if (me)
      PropertiesService.getDocumentProperties().setProperties({
        [OWNER_PROP]: me,
        [OWNER_SINCE_PROP]: new Date().toISOString(),
      });
    return { ok: true };
  }
  if (owner.email === me) return { ok: true };
  const message = `Ежедневная проверка от имени ${me} пропущена: её ведёт ${someoneElse(owner, ss)}. Этот лишний триггер ${me} может удалить пунктом ${MENU_PATH}.`;
  const journal = Journal.open(ss);
  journal.add({ action: 'Ежедневная проверка', result: message });
  journal.flush();
  return { ok: false, message };
}
