// Step 2 of the daily check for one order, as a pure patch: fill a blank «Срок» (001 гл.7
// п.2.2.16–2.2.20, 003 п.158), record «Первоначальный срок», apply the controller's decision on an
// extension (000 п.11–12), count a return for rework once (000 п.14). The workbook layer writes the
// patch; nothing here touches a cell.
import type { WorkCalendar } from './calendar';
import { formatRu, type IsoDate } from './dates';
import { defaultDeadline, dueDate } from './deadlines';
import {
  decisionDayFromHistory,
  decisionRecorded,
  hasReturnLine,
  historyLine,
  recordedDeadline,
  recordedNumber,
  returnRecorded,
} from './history';
import type { OrderRecord } from './order';
import { termChangedLate } from './order-events';
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
  /**
   * Who took an extension decision: «Кем согласован перенос», else the protocol's «Председатель»
   * (001 гл.7 п.2.4.2: the term is changed by the one who set it). '' when unknown.
   */
  approver?: string;
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

/**
 * The № for a blank «№» and the «История» line to record it. A № already recorded as assigned
 * (a run stopped after writing «История» and before the cell) is assigned again, without a second
 * line, when it is still free.
 */
export function assignNumber(
  o: Pick<OrderRecord, 'protocol' | 'history'>,
  used: ReadonlySet<string>,
  today: IsoDate,
): { number: string; line: string | null } {
  const recorded = recordedNumber(o.history);
  if (recorded && !used.has(recorded)) return { number: recorded, line: null };
  const number = nextOrderNumber(o.protocol, used);
  return { number, line: historyLine(today, `№ не был указан, присвоен ${number}`) };
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
    const filled = defaultDeadline(from, o.urgency, env.settings, env.calendar);
    deadline = filled;
    patch.deadline = filled;
    // Recorded already (a run stopped before the cell was written): the cell only, no second line.
    if (recordedDeadline(o.history) !== filled) {
      const basis = o.urgency ? `«${o.urgency}»` : 'срок по умолчанию';
      const fromText = env.protocolDate
        ? `от даты протокола ${formatRu(env.protocolDate)}`
        : `от ${formatRu(today)} (дата протокола неизвестна)`;
      patch.history.push(
        historyLine(today, `срок не был указан, установлен ${formatRu(filled)}: ${basis}, ${fromText}`),
      );
    }
  }
  if (!o.originalDeadline && deadline && !o.invalid.includes('Первоначальный срок')) patch.originalDeadline = deadline;

  if (env.fillOnly) return { patch, issues };
  // A decision whose line is in «История» was applied by a run that stopped before clearing the
  // request: only its cells are finished (an approval's «Срок» too), nothing is counted again.
  if (o.decision === 'Согласован' && decisionRecorded(o.history, true, o.requestedDate)) {
    if (o.requestedDate && deadline !== o.requestedDate) patch.deadline = o.requestedDate;
    patch.clearRequest = true;
  } else if (o.decision === 'Отклонён' && decisionRecorded(o.history, false, o.requestedDate)) {
    patch.clearRequest = true;
  } else if (o.decision === 'Согласован') {
    if (o.requestedDate) {
      // The decision's day is the day it was typed (onEdit's line), else today.
      const on = decisionDayFromHistory(o.history, 'Согласован') ?? today;
      // 001 гл.7 п.2.4.10: a change of term reaches the control department «не менее чем за два
      // дня до его истечения»; a later one does not save the period of the term it changes.
      const due = deadline ? dueDate(deadline, env.settings, env.calendar) : null;
      if (due && deadline !== o.requestedDate && termChangedLate(on, due, env.calendar))
        issues.push({
          column: 'Решение по переносу',
          value: 'Согласован',
          message: `Перенос согласован ${formatRu(on)} — ${on > due ? 'после контрольной даты' : 'менее чем за 2 рабочих дня до контрольной даты'} ${formatRu(due)}: изменение срока доводится не менее чем за два дня до его истечения (Ростов, гл.7 п.2.4.10). В отчёте за период срока ${formatRu(due)} поручение учитывается как не исполненное в срок.`,
          fix: 'Впредь согласовывайте перенос заранее; это сообщение исчезнет при следующей проверке.',
        });
      // Nobody on record for the approval (001 гл.7 п.2.4.2) is the check rule approverOnRecord's
      // problem, read from the line below: it stays listed until someone is named, a re-run included.
      patch.deadline = o.requestedDate;
      patch.extensions = o.extensions + 1;
      patch.clearRequest = true;
      patch.history.push(
        historyLine(
          on,
          `перенос срока согласован: с ${deadline ? formatRu(deadline) : '—'} на ${formatRu(o.requestedDate)}${reasonText(o)}${env.approver ? `; согласовал: ${env.approver}` : ''}`,
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
    if (o.doneDate && returnRecorded(o.history, o.doneDate)) patch.clearDoneDate = true;
    else if (o.doneDate || !hasReturnLine(o.history)) {
      patch.returns = o.returns + 1;
      if (o.doneDate) patch.clearDoneDate = true;
      const cleared = o.doneDate ? ` (снята дата исполнения ${formatRu(o.doneDate)})` : '';
      patch.history.push(historyLine(today, `возвращено на доработку${cleared}`));
    }
  }
  return { patch, issues };
}
