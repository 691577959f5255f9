// A problem in people's data: one row of «Проверка данных» (spec «Проверка данных»). The rules return
// them as plain data; the workbook layer collects and writes them. None stops a run.
export interface Problem {
  tab: string;
  /** Sheet row number (1-based, header = 1); 0 when the problem is about the tab as a whole. */
  row: number;
  column: string;
  value: string;
  message: string;
  fix: string;
}

/** «Нет листа …»: the tab is gone (a rule over a register that needs it says so once). */
export function missingTabProblem(tab: string): Problem {
  return {
    tab,
    row: 0,
    column: '',
    value: '',
    message: `Нет листа «${tab}».`,
    fix: 'Выполните «Контроль поручений → Настроить таблицу».',
  };
}

/** «На листе … нет обязательного столбца …»: a column the rules read is gone. */
export function missingColumnProblem(tab: string, column: string): Problem {
  return {
    tab,
    row: 1,
    column,
    value: '',
    message: `На листе «${tab}» нет обязательного столбца «${column}».`,
    fix: `Верните заголовок «${column}» в первую строку или выполните «Настроить таблицу».`,
  };
}

/**
 * A short fingerprint of a list of problems (FNV-1a over their sorted descriptions). The row number
 * is left out: rows move up when orders above go to «Архив» after the controller's mail, and the same
 * standing problem one row higher is not news (it mailed the controller twice). Identical problems on
 * several rows still count one each.
 */
export function problemsFingerprint(list: readonly { tab: string; column: string; message: string }[]): string {
  const text = list
    .map((p) => `${p.tab}|${p.column}|${p.message}`)
    .sort()
    .join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${list.length}-${h.toString(16)}`;
}
