// Every problem in people's data becomes one row of «Проверка данных»; none stops a run.
import type { Problem } from '../domain/problem';

export type { Problem };

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
