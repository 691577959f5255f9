// «Отчёт: протокол» of a plan of measures (004 Приложение 2, Таблица 2 «Дорожная карта»): when the
// protocol's orders carry the roadmap columns, the report prints in the form's eight columns
// («Дата завершения работ» is «Срок», «Ответственный исполнитель» is «Исполнитель»).
import { cellToIsoDate, type IsoDate, isIsoDate, midnightInZone } from '../domain/dates';
import type { ProtocolReportRow } from '../domain/protocol-report';
import { isRoadmap, ROADMAP_COL, ROADMAP_REPORT_HEADERS, type RoadmapValues } from '../domain/roadmap';
import type { OrderBook } from '../workbook/orders';
import type { ReportTable } from '../workbook/report-tab';
import { type Cell, type Table, text } from '../workbook/table';

function valuesOf(t: Table | null, row: number, tz: string): RoadmapValues | null {
  if (!t) return null;
  const r = t.rows[row - 2];
  if (!r) return null;
  const get = (h: string): Cell => (t.col(h) >= 0 ? (r[t.col(h)] ?? '') : '');
  const start = get(ROADMAP_COL.start);
  const startIso = start === '' ? null : cellToIsoDate(start, tz);
  return {
    result: text(get(ROADMAP_COL.result)),
    indicator: text(get(ROADMAP_COL.indicator)),
    assessment:
      typeof get(ROADMAP_COL.assessment) === 'number'
        ? String(get(ROADMAP_COL.assessment))
        : text(get(ROADMAP_COL.assessment)),
    start: startIso ?? text(start),
  };
}

/** The roadmap table of the protocol's rows, or null when none of them carries a roadmap cell. */
export function roadmapTable(
  book: OrderBook,
  rows: readonly ProtocolReportRow[],
  heading: string,
  tz: string,
): ReportTable | null {
  const where = new Map<string, RoadmapValues | null>();
  for (const o of [...book.orders, ...book.archive])
    if (o.number && !where.has(o.number))
      where.set(o.number, valuesOf(o.tab === 'Архив' ? book.archiveTable : book.ordersTable, o.row, tz));
  const values = rows.map((r) => where.get(r.number) ?? { result: '', indicator: '', assessment: '', start: '' });
  if (!isRoadmap(values)) return null;
  const d = (x: IsoDate | null): Cell => (x ? midnightInZone(x, tz) : '');
  return {
    caption: `Таблица 2. Дорожная карта — ${heading}`,
    headers: ROADMAP_REPORT_HEADERS,
    rows: rows.map((r, i) => {
      const v = values[i];
      return [
        r.number,
        r.text,
        v.result,
        v.indicator,
        v.assessment,
        isIsoDate(v.start) ? d(v.start) : v.start,
        d(r.deadline),
        r.executor,
      ];
    }),
    formats: { 5: 'dd.MM.yyyy', 6: 'dd.MM.yyyy' },
  };
}
