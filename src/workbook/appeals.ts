// Reading «Обращения»: one getValues, columns by header, every row a typed AppealRecord; whatever
// cannot be understood is a Problem (Russian message and fix) and the cell is marked `invalid`, so
// no rule acts on it and the add-on never overwrites it.
import {
  APPEAL_CHANNELS,
  APPEAL_COL,
  APPEAL_HEADERS,
  APPEAL_RESULTS,
  type AppealRecord,
  appealKinds,
} from '../domain/appeals';
import { formatRu, type IsoDate } from '../domain/dates';
import { type Executor, normName } from '../domain/order';
import { fromList } from '../domain/text';
import type { Problems } from './problems';
import { cellText, rowReader } from './row-reader';
import { TAB } from './schema';
import { type Cell, isBlankRow, readTable, type Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Columns without which no appeal rule can be applied. */
export const CORE_APPEAL_HEADERS: readonly string[] = [
  APPEAL_COL.number,
  APPEAL_COL.registered,
  APPEAL_COL.executor,
  APPEAL_COL.deadline,
  APPEAL_COL.answerDate,
];

export interface AppealBook {
  table: Table | null;
  appeals: AppealRecord[];
  /** False when the tab is missing or lacks a core column: nothing is filled, written or sent. */
  usable: boolean;
}

export function parseAppealRow(t: Table, r: Cell[], row: number, tz: string, problems: Problems): AppealRecord {
  const tab = TAB.appeals;
  const { invalid, get, add, date } = rowReader(t, tab, r, row, tz, problems);
  const listed = (h: string, list: readonly string[], what: string): string => {
    const raw = cellText(get(h));
    const v = fromList(raw, list);
    if (v === null) {
      add(h, raw, `${what} «${raw}» не из списка.`, `Выберите одно из значений: ${list.join(', ')}.`);
      return '';
    }
    return v;
  };
  const studyRaw = cellText(get(APPEAL_COL.needsStudy));
  const study = fromList(studyRaw, ['Да', 'Нет']);
  if (study === null)
    add(
      APPEAL_COL.needsStudy,
      studyRaw,
      `«Требует изучения»: ожидается «Да» или «Нет», а не «${studyRaw}».`,
      'Выберите «Да» или «Нет» (пусто — полный срок ответа).',
    );
  const historyCell = get(APPEAL_COL.history);
  return {
    row,
    number: cellText(get(APPEAL_COL.number)),
    registered: date(APPEAL_COL.registered),
    applicant: cellText(get(APPEAL_COL.applicant)).replace(/\s+/g, ' '),
    address: cellText(get(APPEAL_COL.address)),
    channel: listed(APPEAL_COL.channel, APPEAL_CHANNELS, 'Канал'),
    topic: cellText(get(APPEAL_COL.topic)),
    category: cellText(get(APPEAL_COL.category)).replace(/\s+/g, ' '),
    needsStudy: study === 'Да' ? true : study === 'Нет' ? false : null,
    executor: cellText(get(APPEAL_COL.executor)).replace(/\s+/g, ' '),
    deadline: date(APPEAL_COL.deadline),
    extendedTo: date(APPEAL_COL.extendedTo),
    measures: cellText(get(APPEAL_COL.measures)),
    answerDate: date(APPEAL_COL.answerDate),
    result: listed(APPEAL_COL.result, APPEAL_RESULTS, 'Результат'),
    repeated: false,
    duplicateOf: null,
    state: '',
    history: typeof historyCell === 'string' ? historyCell : cellText(historyCell),
    invalid,
  };
}

/** Rules between the cells of one appeal and against the other tabs. */
function crossCheck(
  a: AppealRecord,
  today: IsoDate,
  executorByName: ReadonlyMap<string, Executor> | null,
  problems: Problems,
): void {
  const tab = TAB.appeals;
  const add = (column: string, value: string, message: string, fix: string) => {
    if (!a.invalid.includes(column)) a.invalid.push(column);
    problems.add({ tab, row: a.row, column, value, message, fix });
  };
  if (!a.number)
    add(
      APPEAL_COL.number,
      '',
      'Не указан № обращения: напоминания по нему не отправляются.',
      'Впишите регистрационный номер обращения.',
    );
  if (!a.registered && !a.invalid.includes(APPEAL_COL.registered))
    add(
      APPEAL_COL.registered,
      '',
      'Не указана дата регистрации: срок ответа не определить.',
      'Введите дату регистрации в виде ДД.ММ.ГГГГ.',
    );
  if (a.registered && a.registered > today)
    add(
      APPEAL_COL.registered,
      formatRu(a.registered),
      'Дата регистрации позже сегодняшнего дня.',
      'Проверьте дату регистрации.',
    );
  if (!a.applicant)
    add(
      APPEAL_COL.applicant,
      '',
      'Не указан заявитель: повторные обращения не распознать.',
      'Впишите ФИО заявителя (или название организации).',
    );
  if (!a.topic)
    add(APPEAL_COL.topic, '', 'Не указана тема обращения.', 'Кратко опишите проблему: она попадает в отчёт.');
  if (!a.category)
    add(
      APPEAL_COL.category,
      '',
      'Не указана категория: обращение не войдёт в таблицу по категориям.',
      'Впишите категорию (например, ЖКХ, Дороги, Благоустройство).',
    );
  if (!a.executor)
    add(
      APPEAL_COL.executor,
      '',
      'Не указан исполнитель: напоминания по обращению некому отправить.',
      'Выберите исполнителя из списка «Исполнители».',
    );
  else if (executorByName && !executorByName.has(normName(a.executor)))
    add(
      APPEAL_COL.executor,
      a.executor,
      `Исполнитель «${a.executor}» не найден на листе «Исполнители».`,
      'Выберите исполнителя из списка или добавьте его на лист «Исполнители».',
    );
  if (a.registered && a.deadline && a.deadline < a.registered)
    add(
      APPEAL_COL.deadline,
      formatRu(a.deadline),
      `Срок ${formatRu(a.deadline)} раньше даты регистрации ${formatRu(a.registered)}.`,
      'Исправьте срок или очистите ячейку: надстройка поставит срок сама.',
    );
  if (a.extendedTo && a.deadline && a.extendedTo <= a.deadline)
    add(
      APPEAL_COL.extendedTo,
      formatRu(a.extendedTo),
      `«Продлено до» ${formatRu(a.extendedTo)} не позже срока ${formatRu(a.deadline)}.`,
      'Укажите новую дату позже срока или очистите ячейку.',
    );
  if (a.answerDate && a.answerDate > today)
    add(
      APPEAL_COL.answerDate,
      formatRu(a.answerDate),
      'Дата ответа позже сегодняшнего дня: обращение не считается отвеченным.',
      'Укажите дату, когда ответ был дан.',
    );
  if (a.answerDate && a.registered && a.answerDate < a.registered)
    add(
      APPEAL_COL.answerDate,
      formatRu(a.answerDate),
      `Дата ответа ${formatRu(a.answerDate)} раньше даты регистрации ${formatRu(a.registered)}.`,
      'Проверьте дату ответа.',
    );
  if (a.answerDate && !a.measures && !a.invalid.includes(APPEAL_COL.answerDate))
    add(
      APPEAL_COL.measures,
      '',
      'Дана дата ответа, но не описаны принятые меры.',
      'Кратко опишите в «Принятые меры», что сделано и что ответили заявителю.',
    );
  if (a.result && !a.answerDate)
    add(
      APPEAL_COL.result,
      a.result,
      'Указан результат, но нет даты ответа: обращение остаётся на контроле (Краматорск, п.119).',
      'Укажите «Дата ответа», когда заявителю дан окончательный ответ.',
    );
  // A date that is invalid is not trusted by any rule.
  if (a.invalid.includes(APPEAL_COL.answerDate)) a.answerDate = null;
  if (a.invalid.includes(APPEAL_COL.extendedTo)) a.extendedTo = null;
}

/**
 * Reads «Обращения» with one call and checks every row. A workbook without the tab has no appeals
 * (nothing reported: the tab comes with «Настроить таблицу»); a missing column is reported by name.
 */
export function readAppeals(
  ss: Spreadsheet,
  tz: string,
  today: IsoDate,
  executorByName: ReadonlyMap<string, Executor> | null,
  problems: Problems,
): AppealBook {
  const t = readTable(ss, TAB.appeals);
  if (!t) return { table: null, appeals: [], usable: false };
  const missing = APPEAL_HEADERS.filter((h) => t.col(h) < 0);
  for (const h of missing) problems.missingColumn(TAB.appeals, h);
  const usable = !CORE_APPEAL_HEADERS.some((h) => missing.includes(h));
  const appeals: AppealRecord[] = [];
  t.rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    appeals.push(parseAppealRow(t, r, i + 2, tz, problems));
  });
  const seen = new Map<string, number>();
  for (const a of appeals) {
    crossCheck(a, today, executorByName, problems);
    if (!a.number) continue;
    const first = seen.get(a.number);
    if (first === undefined) seen.set(a.number, a.row);
    else {
      a.invalid.push(APPEAL_COL.number);
      problems.add({
        tab: TAB.appeals,
        row: a.row,
        column: APPEAL_COL.number,
        value: a.number,
        message: `№ «${a.number}» уже есть в строке ${first}.`,
        fix: 'Дайте обращению его собственный регистрационный номер.',
      });
    }
  }
  const kinds = appealKinds(appeals);
  appeals.forEach((a, i) => {
    a.repeated = kinds[i].repeated;
    a.duplicateOf = kinds[i].duplicateOf;
  });
  return { table: t, appeals, usable };
}
