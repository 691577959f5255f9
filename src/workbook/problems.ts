// Every problem in people's data becomes one row of «Проверка данных»; none stops a run.
export interface Problem {
  tab: string;
  /** Sheet row number (1-based, header = 1); 0 when the problem is about the tab as a whole. */
  row: number;
  column: string;
  value: string;
  message: string;
  fix: string;
}

export class Problems {
  readonly list: Problem[] = [];
  add(p: Problem): void {
    this.list.push(p);
  }
  missingTab(tab: string): void {
    this.add({
      tab,
      row: 0,
      column: '',
      value: '',
      message: `Нет листа «${tab}».`,
      fix: 'Выполните «Контроль поручений → Настроить таблицу».',
    });
  }
  missingColumn(tab: string, column: string): void {
    this.add({
      tab,
      row: 1,
      column,
      value: '',
      message: `На листе «${tab}» нет обязательного столбца «${column}».`,
      fix: `Верните заголовок «${column}» в первую строку или выполните «Настроить таблицу».`,
    });
  }
}
