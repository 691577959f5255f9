// Every problem in people's data becomes one row of «Проверка данных»; none stops a run.
import { missingColumnProblem, missingTabProblem, type Problem } from '../domain/problem';

export type { Problem };

export class Problems {
  readonly list: Problem[] = [];
  add(p: Problem): void {
    this.list.push(p);
  }
  /** Removes the problems `which` names (the list keeps its order). */
  drop(which: (p: Problem) => boolean): void {
    for (let i = this.list.length - 1; i >= 0; i--) if (which(this.list[i])) this.list.splice(i, 1);
  }
  missingTab(tab: string): void {
    this.add(missingTabProblem(tab));
  }
  missingColumn(tab: string, column: string): void {
    this.add(missingColumnProblem(tab, column));
  }
}
