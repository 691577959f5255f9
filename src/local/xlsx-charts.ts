// Charts into the .xlsx itself (issue 25 item 12). exceljs writes no charts (its Worksheet has
// images but no chart API), so after it has written the workbook the charts the sandbox recorded
// (EmbeddedChart: type, ranges, position, title) are added as DrawingML: per sheet one drawing
// (xl/drawings/drawingN.xml) anchoring one chart part (xl/charts/chartN.xml) each, with the
// relationships and content types (ECMA-376 Part 1, §21.2 charts, §20.5 SpreadsheetML drawing).
// The series refer to the sheet's cells, with the values cached, so Excel and LibreOffice draw
// the chart at once — as in Sheets, where the chart lives on the tab. The side file keeps the
// chart model for the sandbox; reading the .xlsx ignores these parts.
import JSZip from 'jszip';
import type { ChartModel, SheetModel } from './model';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** A chart's size in cells from its anchor (Sheets' default embedded chart is about 600 × 370 px). */
const SPAN_COLS = 7;
const SPAN_ROWS = 18;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

interface Area {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 'Лист'!A5:B9 or A5 → 1-based area (the sheet part is the chart's own sheet). */
function areaOf(ref: string): Area | null {
  const a1 = ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1);
  if (!m) return null;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? colNumber(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

function absRef(sheet: string, c: number, r1: number, r2: number): string {
  const col = `$${colLetters(c)}`;
  return `'${sheet.replace(/'/g, "''")}'!${col}$${r1}${r2 > r1 ? `:${col}$${r2}` : ''}`;
}

function cellText(s: SheetModel, r: number, c: number): string {
  const v = s.cells[r - 1]?.[c - 1]?.v;
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

function cellNumber(s: SheetModel, r: number, c: number): number | null {
  const v = s.cells[r - 1]?.[c - 1]?.v;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function numberFormatOf(s: SheetModel, r: number, c: number): string {
  return s.cells[r - 1]?.[c - 1]?.numberFormat ?? 'General';
}

/** The chart part: first range the categories, each next one a series; first row the header. */
export function chartXml(chart: ChartModel, sheet: SheetModel, xlsxName: string): string | null {
  const areas = chart.ranges.map(areaOf).filter((a): a is Area => a !== null);
  if (areas.length < 2) return null;
  const [cat, ...vals] = areas;
  const first = cat.r1 + 1;
  const last = cat.r2;
  if (last < first) return null;
  const n = last - first + 1;
  const catPts = Array.from(
    { length: n },
    (_, i) => `<c:pt idx="${i}"><c:v>${esc(cellText(sheet, first + i, cat.c1))}</c:v></c:pt>`,
  ).join('');
  const series = vals
    .map((v, k) => {
      const name = cellText(sheet, v.r1, v.c1);
      const fmt = numberFormatOf(sheet, first, v.c1);
      const pts = Array.from({ length: n }, (_, i) => {
        const x = cellNumber(sheet, first + i, v.c1);
        return x === null ? '' : `<c:pt idx="${i}"><c:v>${x}</c:v></c:pt>`;
      }).join('');
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${esc(absRef(xlsxName, v.c1, v.r1, v.r1))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${k === 0 ? '4472C4' : 'ED7D31'}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${esc(absRef(xlsxName, cat.c1, first, last))}</c:f><c:strCache><c:ptCount val="${n}"/>${catPts}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(absRef(xlsxName, v.c1, first, last))}</c:f><c:numCache><c:formatCode>${esc(fmt)}</c:formatCode><c:ptCount val="${n}"/>${pts}</c:numCache></c:numRef></c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const horizontal = chart.type === 'BAR';
  const legend = (chart.options?.legend as { position?: string } | undefined)?.position;
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="ru-RU" sz="1200" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';
  const fmt = esc(numberFormatOf(sheet, first, vals[0].c1));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title}` +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="60"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>' +
    // A horizontal bar chart lists its categories top-down, as the table does (Sheets does the same).
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 't' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    (legend === 'none' || vals.length === 1 ? '' : '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>') +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function anchorXml(chart: ChartModel, k: number): string {
  const col = Math.max(0, chart.anchorColumn - 1);
  const row = Math.max(0, chart.anchorRow - 1);
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${col + SPAN_COLS}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + SPAN_ROWS}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${esc(chart.title ?? `Диаграмма ${k + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rIdChart${k + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** Sheet name (as written in the .xlsx) → its part, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.replace(/^\/?xl\//, ''));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const t = id ? target.get(id) : undefined;
    if (name !== undefined && t) out.set(unesc(name), `xl/${t}`);
  }
  return out;
}

/**
 * Adds each sheet's charts to a written .xlsx. `sheets` pairs the model's sheets with the names
 * they have in the file (toXlsxSheetName). Sheets without charts are left byte for byte.
 */
export async function addCharts(xlsx: Buffer, sheets: { sheet: SheetModel; xlsxName: string }[]): Promise<Buffer> {
  const withCharts = sheets.filter((s) => s.sheet.charts.length > 0 && !s.sheet.hidden);
  if (!withCharts.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const typesPath = '[Content_Types].xml';
  let types = (await zip.file(typesPath)?.async('string')) ?? '';
  let drawingNo = 0;
  let chartNo = 0;
  for (const { sheet, xlsxName } of withCharts) {
    const part = parts.get(xlsxName);
    if (!part) continue;
    const charts = sheet.charts
      .map((c) => ({ c, xml: chartXml(c, sheet, xlsxName) }))
      .filter((x): x is { c: ChartModel; xml: string } => x.xml !== null);
    if (!charts.length) continue;
    drawingNo++;
    const drawing = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    charts.forEach(({ c, xml }, k) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, xml);
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`,
      );
      drawingRels.push(
        `<Relationship Id="rIdChart${k + 1}" Type="${REL_CHART}" Target="../charts/chart${chartNo}.xml"/>`,
      );
      anchors.push(anchorXml(c, k));
    });
    zip.file(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join('')}</Relationships>`,
    );
    types = types.replace('</Types>', `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/></Types>`);
    // The sheet's relationships: exceljs writes them only when it has some (hyperlinks).
    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const rel = `<Relationship Id="rIdKontrolDrawing" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    const oldRels = await zip.file(relsPath)?.async('string');
    zip.file(
      relsPath,
      oldRels
        ? oldRels.replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
    // <drawing> goes after headerFooter/rowBreaks/colBreaks and before legacyDrawing/tableParts/extLst.
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const tag = '<drawing r:id="rIdKontrolDrawing"/>';
    const before =
      /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
        xml,
      );
    if (!before) continue;
    zip.file(part, xml.slice(0, before.index) + tag + xml.slice(before.index));
  }
  zip.file(typesPath, types);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
