// Every problem in people's data becomes one row of «Проверка данных»; none stops a run.
import { missingColumnProblem, missingTabProblem, type Problem } from '../domain/problem';

export type { Problem };

export class Problems {
  readonly list: Problem[] = [];
  add(p: Problem): void {
    this.list.push(p);
  }
  missingTab(tab: string): void {
    this.add(missingTabProblem(tab));
  }
  missingColumn(tab: string, column: string): void {
    this.add(missingColumnProblem(tab, column));
  }
}
