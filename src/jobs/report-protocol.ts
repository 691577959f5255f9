// «Отчёт: протокол»: every order of one meeting protocol with its state and the roadmap of its
// dates, from «Поручения» and «Архив» read once each (jobs/reports.ts load).
import { formatRu, type IsoDate, midnightInZone } from '../domain/dates';
import type { Protocol } from '../domain/order';
import { buildProtocolReport, NO_INFORMATION, normProtocol } from '../domain/protocol-report';
import type { OrderBook } from '../workbook/orders';
import { writeReportTab } from '../workbook/report-tab';
import { PROTOCOL_REPORT_HEADERS, TAB } from '../workbook/schema';
import type { Cell } from '../workbook/table';
import { openContext } from './context';
import { endSentence, generatedAt, load, titleOf } from './reports';
import { roadmapTable } from './roadmap';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Generates «Отчёт: протокол» for protocol №. */
export function reportProtocol(ss: Spreadsheet, protocol: string): string {
  const ctx = openContext(ss);
  const wanted = normProtocol(protocol);
  if (!wanted) throw new Error('номер протокола не указан.');
  const data = load(ctx);
  const known = data.book.protocols.find((p) => normProtocol(p.number) === wanted);
  const heading = known ? protocolHeading(known) : `Протокол № ${protocol.trim().replace(/^№\s*/u, '')}`;
  const found = known !== undefined;
  const rows = buildProtocolReport(data.orders, protocol);
  if (!found && rows.length === 0)
    throw new Error(
      `протокол № ${protocol.trim()} не найден ни на листе «${TAB.protocols}», ни в поручениях. Проверьте номер.`,
    );
  const noInfo = rows.filter((r) => r.note === NO_INFORMATION).length;
  const d = (x: IsoDate | null): Cell => (x ? midnightInZone(x, ctx.tz) : '');
  const notes: string[] = [];
  if (rows.length === 0) notes.push('По этому протоколу нет поручений.');
  if (!found) notes.push(`Протокола с этим номером нет на листе «${TAB.protocols}».`);
  // A plan of measures (004 Приложение 2) prints in its «Дорожная карта» form.
  const roadmap = roadmapTable(data.book, rows, heading, ctx.tz);
  if (roadmap) {
    writeReportTab(ss, TAB.reportProtocol, {
      title: titleOf('Еженедельный план мероприятий', ctx),
      subtitle: `${endSentence(heading)} Сформировано ${generatedAt(ctx)}`,
      tables: [roadmap],
      widths: { 1: 70, 2: 320, 3: 220, 4: 170, 5: 150, 6: 110, 7: 110, 8: 200 },
      notes,
    });
  } else
    writeReportTab(ss, TAB.reportProtocol, {
      title: titleOf('Отчёт об исполнении поручений протокола', ctx),
      subtitle: `${endSentence(heading)} Сформировано ${generatedAt(ctx)}`,
      tables: [
        {
          headers: PROTOCOL_REPORT_HEADERS,
          rows: rows.map((r) => [
            r.number,
            r.text,
            r.executor,
            r.coExecutors,
            d(r.deadline),
            d(r.doneDate),
            r.progress,
            r.state,
            r.note,
          ]),
          formats: { 4: 'dd.MM.yyyy', 5: 'dd.MM.yyyy' },
        },
        ...stagesTable(data.book, rows, d),
      ],
      widths: { 1: 80, 2: 320, 3: 170, 4: 170, 5: 95, 6: 110, 7: 320, 8: 170, 9: 130 },
      notes,
    });
  const message = `«${TAB.reportProtocol}»: ${heading}; поручений ${rows.length}, без информации об исполнении ${noInfo}.`;
  ctx.journal.add({ action: 'Отчёт по протоколу', order: protocol.trim(), result: message });
  ctx.journal.flush();
  return message;
}

/** The stages of the protocol's orders in «Планы мероприятий» (001 гл.6 п.2.2.16), when there are any. */
function stagesTable(book: OrderBook, rows: readonly { number: string }[], d: (x: IsoDate | null) => Cell) {
  const numbers = new Set(rows.map((r) => r.number));
  const stages = book.stages.filter((s) => numbers.has(s.order));
  if (stages.length === 0) return [];
  return [
    {
      caption: 'Планы мероприятий',
      headers: ['№ поручения', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении'],
      rows: stages.map((s) => [s.order, s.measure, d(s.deadline), s.responsible, s.done ? 'Выполнено' : '']),
      formats: { 2: 'dd.MM.yyyy' },
    },
  ];
}

function protocolHeading(p: Protocol): string {
  let head = `Протокол № ${p.number}`;
  if (p.date) head += ` от ${formatRu(p.date)}`;
  if (p.meeting) head += ` (${p.meeting})`;
  return p.chair ? `${head}, председатель ${p.chair}` : head;
}
