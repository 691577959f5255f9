// Step 2 of the daily check for one order, as a pure patch: fill a blank «Срок» (001 гл.7
// п.2.2.16–2.2.20, 003 п.158), record «Первоначальный срок», apply the controller's decision on an
// extension (000 п.11–12), count a return for rework once (000 п.14). The workbook layer writes the
// patch; nothing here touches a cell.
import type { WorkCalendar } from './calendar';
import { formatRu, type IsoDate } from './dates';
import { defaultDeadline } from './deadlines';
import { hasReturnLine, historyLine } from './history';
import type { OrderRecord } from './order';
import type { Settings } from './settings';

export interface OrderPatch {
  number?: string;
  deadline?: IsoDate;
  originalDeadline?: IsoDate;
  extensions?: number;
  returns?: number;
  /** Clear «Запрошенный срок», «Обоснование переноса», «Решение по переносу». */
  clearRequest?: boolean;
  clearDoneDate?: boolean;
  history: string[];
}

export interface PatchIssue {
  column: string;
  value: string;
  message: string;
  fix: string;
}

export interface Step2Env {
  today: IsoDate;
  settings: Pick<Settings, 'urgentDays' | 'operativeDays' | 'defaultTerm' | 'nonWorkingDeadline'>;
  calendar: WorkCalendar;
  /** Date of the order's protocol, when known. */
  protocolDate: IsoDate | null;
  /** Only fill blanks (menu «Отправить новые поручения»): decisions wait for the daily check. */
  fillOnly?: boolean;
}

/** «<№ протокола>-<n>» with the next n not yet used; «б/п-<n>» for orders without a protocol. */
export function nextOrderNumber(protocol: string, used: ReadonlySet<string>): string {
  const prefix = protocol || 'б/п';
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function reasonText(o: OrderRecord): string {
  return o.requestReason ? ` (обоснование: ${o.requestReason})` : '';
}

/** The step-2 patch of one order; `issues` are data problems that stop a change. */
export function step2Patch(o: OrderRecord, env: Step2Env): { patch: OrderPatch; issues: PatchIssue[] } {
  const patch: OrderPatch = { history: [] };
  const issues: PatchIssue[] = [];
  const { today } = env;
  let deadline = o.deadline;

  if (!deadline && !o.invalid.includes('Срок')) {
    const from = env.protocolDate ?? today;
    deadline = defaultDeadline(from, o.urgency, env.settings, env.calendar);
    patch.deadline = deadline;
    const basis = o.urgency ? `«${o.urgency}»` : 'срок по умолчанию';
    const fromText = env.protocolDate
      ? `от даты протокола ${formatRu(env.protocolDate)}`
      : `от ${formatRu(today)} (дата протокола неизвестна)`;
    patch.history.push(
      historyLine(today, `срок не был указан, установлен ${formatRu(deadline)}: ${basis}, ${fromText}`),
    );
  }
  if (!o.originalDeadline && deadline && !o.invalid.includes('Первоначальный срок')) patch.originalDeadline = deadline;

  if (env.fillOnly) return { patch, issues };
  if (o.decision === 'Согласован') {
    if (o.requestedDate) {
      patch.deadline = o.requestedDate;
      patch.extensions = o.extensions + 1;
      patch.clearRequest = true;
      patch.history.push(
        historyLine(
          today,
          `перенос срока согласован: с ${deadline ? formatRu(deadline) : '—'} на ${formatRu(o.requestedDate)}${reasonText(o)}`,
        ),
      );
    } else if (!o.invalid.includes('Запрошенный срок'))
      issues.push({
        column: 'Запрошенный срок',
        value: '',
        message: 'Перенос согласован, но новый срок не указан: срок не изменён.',
        fix: 'Впишите «Запрошенный срок» или очистите «Решение по переносу».',
      });
  } else if (o.decision === 'Отклонён') {
    patch.clearRequest = true;
    const asked = o.requestedDate ? ` на ${formatRu(o.requestedDate)}` : '';
    patch.history.push(
      historyLine(
        today,
        `перенос срока${asked} отклонён${reasonText(o)}; срок остаётся ${deadline ? formatRu(deadline) : '—'}`,
      ),
    );
  }

  // A return counts once: the date of execution it clears marks the episode; without a date,
  // only when no return was ever recorded.
  if (o.status === 'На доработке' && !o.invalid.includes('Дата исполнения')) {
    if (o.doneDate || !hasReturnLine(o.history)) {
      patch.returns = o.returns + 1;
      if (o.doneDate) patch.clearDoneDate = true;
      const cleared = o.doneDate ? ` (снята дата исполнения ${formatRu(o.doneDate)})` : '';
      patch.history.push(historyLine(today, `возвращено на доработку${cleared}`));
    }
  }
  return { patch, issues };
}
