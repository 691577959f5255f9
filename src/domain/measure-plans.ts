// «Планы мероприятий» (001 гл.6 п.2.2.16): the stages of an order whose term is longer than
// «План мероприятий — для поручений дольше, дней»; each stage's «Срок» is an interim control date
// (001 гл.7 п.3.3 «сроки промежуточного контроля»).
import type { IsoDate } from './dates';

export interface MeasureStage {
  row: number;
  /** «№ поручения». */
  order: string;
  measure: string;
  deadline: IsoDate | null;
  responsible: string;
  /** «Отметка о выполнении» = «Выполнено». */
  done: boolean;
}

/** Stages by order №, each list in the tab's order. */
export function stagesByOrder(stages: readonly MeasureStage[]): Map<string, MeasureStage[]> {
  const m = new Map<string, MeasureStage[]>();
  for (const s of stages) {
    if (!s.order) continue;
    const list = m.get(s.order) ?? [];
    list.push(s);
    m.set(s.order, list);
  }
  return m;
}
