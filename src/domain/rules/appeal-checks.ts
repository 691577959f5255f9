// What is wrong in one row of «Обращения» (spec «Обращения», «Проверка данных»): each found cell is a
// problem and is marked `invalid`, so no later rule acts on it or overwrites it. The checks run in
// every run that reads the register (the daily check, a non-working day, «Проверить данные»).
import { APPEAL_COL, type AppealRecord } from '../appeals';
import { formatRu } from '../dates';
import { normName } from '../order';
import { type AppealRule, invalidCell } from './appeal-rule';
import type { RowProblem } from './rule';

const ALL_RUNS = ['daily', 'refresh', 'check'] as const;

/** A list of problems that knows which columns it has marked so far (later checks of a rule skip them). */
function found(a: Pick<AppealRecord, 'invalid'>) {
  const list: RowProblem[] = [];
  return {
    list,
    marked: (column: string) => a.invalid.includes(column) || list.some((p) => p.column === column),
    add: (column: string, value: string, message: string, fix: string) => list.push({ column, value, message, fix }),
  };
}

/** «№» and «Дата регистрации»: 003 п.102 — an appeal is registered before it is considered; no future date. */
export const appealRegistration: AppealRule = {
  name: 'appealRegistration',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a, { today }) {
    const f = found(a);
    if (!a.number)
      f.add(
        APPEAL_COL.number,
        '',
        'Не указан № обращения: напоминания по нему не отправляются.',
        'Впишите регистрационный номер обращения.',
      );
    if (!a.registered && !a.invalid.includes(APPEAL_COL.registered))
      f.add(
        APPEAL_COL.registered,
        '',
        'Не указана дата регистрации: срок ответа не определить.',
        'Введите дату регистрации в виде ДД.ММ.ГГГГ.',
      );
    if (a.registered && a.registered > today)
      f.add(
        APPEAL_COL.registered,
        formatRu(a.registered),
        'Дата регистрации позже сегодняшнего дня.',
        'Проверьте дату регистрации.',
      );
    return invalidCell(a, f.list);
  },
};

/** Who wrote, about what, and who answers: a repeat is recognised by applicant and category (003 п.99, п.102). */
export const appealParties: AppealRule = {
  name: 'appealParties',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a, _day, { executorByName }) {
    const f = found(a);
    if (!a.applicant)
      f.add(
        APPEAL_COL.applicant,
        '',
        'Не указан заявитель: повторные обращения не распознать.',
        'Впишите ФИО заявителя (или название организации).',
      );
    if (!a.topic)
      f.add(APPEAL_COL.topic, '', 'Не указана тема обращения.', 'Кратко опишите проблему: она попадает в отчёт.');
    if (!a.category)
      f.add(
        APPEAL_COL.category,
        '',
        'Не указана категория: обращение не войдёт в таблицу по категориям.',
        'Впишите категорию (например, ЖКХ, Дороги, Благоустройство).',
      );
    if (!a.executor)
      f.add(
        APPEAL_COL.executor,
        '',
        'Не указан исполнитель: напоминания по обращению некому отправить.',
        'Выберите исполнителя из списка «Исполнители».',
      );
    else if (executorByName && !executorByName.has(normName(a.executor)))
      f.add(
        APPEAL_COL.executor,
        a.executor,
        `Исполнитель «${a.executor}» не найден на листе «Исполнители».`,
        'Выберите исполнителя из списка или добавьте его на лист «Исполнители».',
      );
    return invalidCell(a, f.list);
  },
};

/** «Срок» after registration, «Продлено до» after «Срок» (003 п.113: an additional term). */
export const appealTermDates: AppealRule = {
  name: 'appealTermDates',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a) {
    const f = found(a);
    if (a.registered && a.deadline && a.deadline < a.registered)
      f.add(
        APPEAL_COL.deadline,
        formatRu(a.deadline),
        `Срок ${formatRu(a.deadline)} раньше даты регистрации ${formatRu(a.registered)}.`,
        'Исправьте срок или очистите ячейку: надстройка поставит срок сама.',
      );
    if (a.extendedTo && a.deadline && a.extendedTo <= a.deadline)
      f.add(
        APPEAL_COL.extendedTo,
        formatRu(a.extendedTo),
        `«Продлено до» ${formatRu(a.extendedTo)} не позже срока ${formatRu(a.deadline)}.`,
        'Укажите новую дату позже срока или очистите ячейку.',
      );
    return invalidCell(a, f.list);
  },
};

/**
 * «Дата ответа» closes an appeal (003 п.119: an interim answer does not): not in the future, not
 * before registration, with «Принятые меры» said; a «Результат» without it leaves the appeal open.
 */
export const appealAnswer: AppealRule = {
  name: 'appealAnswer',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a, { today }) {
    const f = found(a);
    if (a.answerDate && a.answerDate > today)
      f.add(
        APPEAL_COL.answerDate,
        formatRu(a.answerDate),
        'Дата ответа позже сегодняшнего дня: обращение не считается отвеченным.',
        'Укажите дату, когда ответ был дан.',
      );
    if (a.answerDate && a.registered && a.answerDate < a.registered)
      f.add(
        APPEAL_COL.answerDate,
        formatRu(a.answerDate),
        `Дата ответа ${formatRu(a.answerDate)} раньше даты регистрации ${formatRu(a.registered)}.`,
        'Проверьте дату ответа.',
      );
    if (a.answerDate && !a.measures && !f.marked(APPEAL_COL.answerDate))
      f.add(
        APPEAL_COL.measures,
        '',
        'Дана дата ответа, но не описаны принятые меры.',
        'Кратко опишите в «Принятые меры», что сделано и что ответили заявителю.',
      );
    if (a.result && !a.answerDate)
      f.add(
        APPEAL_COL.result,
        a.result,
        'Указан результат, но нет даты ответа: обращение остаётся на контроле (Краматорск, п.119).',
        'Укажите «Дата ответа», когда заявителю дан окончательный ответ.',
      );
    return invalidCell(a, f.list);
  },
};

/** A date found wrong is trusted by no rule: an answer or an extension that is not one counts as none. */
export const appealDistrust: AppealRule = {
  name: 'appealDistrust',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a) {
    const set: { answerDate?: null; extendedTo?: null } = {};
    if (a.answerDate && a.invalid.includes(APPEAL_COL.answerDate)) set.answerDate = null;
    if (a.extendedTo && a.invalid.includes(APPEAL_COL.extendedTo)) set.extendedTo = null;
    return Object.keys(set).length ? { fix: { set } } : {};
  },
};

/** Each appeal has its own registration «№» (003 п.102): a «№» used in a row above is a problem. */
export const appealNumberUnique: AppealRule = {
  name: 'appealNumberUnique',
  stage: 'check',
  modes: ALL_RUNS,
  apply(a, _day, { firstRowOf }) {
    if (!a.number) return {};
    const first = firstRowOf(a.number);
    if (first === undefined || first === a.row) return {};
    return invalidCell(a, [
      {
        column: APPEAL_COL.number,
        value: a.number,
        message: `№ «${a.number}» уже есть в строке ${first}.`,
        fix: 'Дайте обращению его собственный регистрационный номер.',
      },
    ]);
  },
};
