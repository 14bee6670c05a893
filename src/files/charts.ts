/**
 * Charts in .xlsx files, which ExcelJS can neither write nor read. After ExcelJS has written a
 * workbook, `addCharts` adds each plan chart to the archive as DrawingML: a chart part
 * (xl/charts/chartN.xml), a drawing part anchoring it over the plan's cells
 * (xl/drawings/drawingN.xml), the relationships between sheet, drawing and chart, the sheet's
 * <drawing> element and the content types. `readCharts` reads them back for the snapshot.
 *
 * Series are in columns, as the Office.js adapter asks for them ("Columns"): the source's first
 * row holds the series names, its first column the categories (unless the source is one column
 * wide, which is one series without categories), and every further column is one series. The
 * chart caches the values the plan writes, so it shows before anything is calculated; a
 * formula's result is not known here, so its point is left out of the cache until Excel
 * (which calculates every formula on opening, see render.ts) refreshes it.
 *
 * Buffer-based, no Node file APIs: the task pane loads this adapter too.
 */
import JSZip from "jszip";
import { cellAddress, columnLetters, parseCell, parseRange, quoteSheetName, type RangeRef } from "../core/grid/address";
import type { ChartPlan, PlanValue, SheetPlan } from "../core/plan/plan";
import type { SnapshotSheet } from "../core/plan/snapshot";
import { findElements, parseAttributes, xmlDecode } from "./zip";

const NS = {
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
};

const REL_TYPE = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};

const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Shape = { plot: "bar"; barDir: "col" | "bar"; grouping: "clustered" | "stacked" } | { plot: "pie" } | { plot: "line" };

const SHAPES: Record<ChartPlan["kind"], Shape> = {
  columnClustered: { plot: "bar", barDir: "col", grouping: "clustered" },
  columnStacked: { plot: "bar", barDir: "col", grouping: "stacked" },
  barClustered: { plot: "bar", barDir: "bar", grouping: "clustered" },
  pie: { plot: "pie" },
  lineMarkers: { plot: "line" },
};

/**
 * A line chart's markers, one shape per series, so that its lines are told apart by shape as
 * well as colour (Excel's own automatic markers also change shape from series to series).
 */
const MARKER_SYMBOLS = ["circle", "square", "triangle", "diamond", "x"] as const;

/**
 * Line colours of a trend, series by series: the figure in dark blue, then the target (and any
 * comparator) in colours that differ in lightness as well as hue, each later line dashed, so the
 * lines are told apart in grey print and by readers who do not see colour.
 */
export const LINE_COLOURS = ["1F4E79", "C00000", "7F7F7F", "548235"] as const;

/**
 * Worksheet children that CT_Worksheet orders after <drawing>; everything else a worksheet can
 * hold (sheetData ... pageMargins, pageSetup, headerFooter, breaks, ignoredErrors...) comes
 * before it. Excel refuses a worksheet whose children are out of schema order.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** What is wrong with a chart plan, in words for a PlanError, or null when it can be written. */
export function chartProblem(chart: ChartPlan): string | null {
  const name = `chart "${chart.title}"`;
  if (!Object.prototype.hasOwnProperty.call(SHAPES, chart.kind)) return `${name} has an unknown kind "${String(chart.kind)}".`;
  if (chart.source.includes("!")) return `${name} names a sheet in its source "${chart.source}"; a chart's source is on its own sheet.`;
  let source: RangeRef;
  try {
    source = parseRange(chart.source);
  } catch {
    return `${name} has the source "${chart.source}", which is not a range.`;
  }
  if (source.bottom === source.top) return `${name} needs a heading row and at least one row of data in its source ${chart.source}.`;
  let from: { row: number; col: number };
  let to: { row: number; col: number };
  try {
    from = parseCell(chart.from);
    to = parseCell(chart.to);
  } catch {
    return `${name} is placed from "${chart.from}" to "${chart.to}", which are not both single cells.`;
  }
  if (to.row < from.row || to.col < from.col) return `${name} ends (${chart.to}) above or left of where it starts (${chart.from}).`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Adds the charts of every plan sheet to an archive ExcelJS wrote. `sheetPaths` maps sheet
 * names to worksheet parts. The plans must have passed `chartProblem`. A sheet that already has
 * a drawing (ExcelJS writes one for images) gets the charts added to it; otherwise a new
 * drawing is made.
 */
export async function addCharts(zip: JSZip, sheetPaths: Map<string, string>, sheets: SheetPlan[]): Promise<void> {
  let drawingNumber = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNumber = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const overrides: { part: string; type: string }[] = [];

  for (const sheet of sheets) {
    const charts = sheet.charts ?? [];
    if (charts.length === 0) continue;
    const sheetPath = sheetPaths.get(sheet.name);
    if (!sheetPath) throw new Error(`Rendered workbook lacks the worksheet part of "${sheet.name}".`);
    let sheetXml = await readPart(zip, sheetPath);
    const sheetRelsPath = relsPathOf(sheetPath);

    let drawingPath: string;
    let drawingXml: string;
    const existing = drawingRelId(sheetXml);
    if (existing) {
      const target = relationships(await readPart(zip, sheetRelsPath, emptyRels())).find((r) => r.id === existing)?.target;
      if (!target) throw new Error(`The drawing of sheet "${sheet.name}" has no relationship ${existing}.`);
      drawingPath = resolveTarget(sheetPath, target);
      drawingXml = await readPart(zip, drawingPath);
    } else {
      drawingPath = `xl/drawings/drawing${drawingNumber++}.xml`;
      drawingXml = `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
      overrides.push({ part: drawingPath, type: CONTENT_TYPE.drawing });
      const rels = await readPart(zip, sheetRelsPath, emptyRels());
      const id = nextRelId(rels);
      zip.file(sheetRelsPath, addRelationship(rels, id, REL_TYPE.drawing, relativeTarget(sheetPath, drawingPath)));
      sheetXml = insertDrawingElement(sheetXml, `<drawing r:id="${id}"/>`);
      zip.file(sheetPath, sheetXml);
    }

    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = await readPart(zip, drawingRelsPath, emptyRels());
    let shapeId = maxShapeId(drawingXml);
    const anchors: string[] = [];
    charts.forEach((chart, i) => {
      const chartPath = `xl/charts/chart${chartNumber++}.xml`;
      zip.file(chartPath, chartXml(sheet, chart));
      overrides.push({ part: chartPath, type: CONTENT_TYPE.chart });
      const id = nextRelId(drawingRels);
      drawingRels = addRelationship(drawingRels, id, REL_TYPE.chart, relativeTarget(drawingPath, chartPath));
      // Office.js names a sheet's charts "Chart 1", "Chart 2"... in the order they are added.
      anchors.push(anchorXml(chart, ++shapeId, `Chart ${i + 1}`, id));
    });
    zip.file(drawingRelsPath, drawingRels);
    zip.file(drawingPath, appendAnchors(drawingXml, anchors));
  }

  if (overrides.length) {
    const types = await readPart(zip, "[Content_Types].xml");
    zip.file("[Content_Types].xml", addOverrides(types, overrides));
  }
}

/** The worksheet with `element` inserted where CT_Worksheet puts <drawing> among its children. */
export function insertDrawingElement(sheetXml: string, element: string): string {
  let depth = 0;
  for (const tag of tags(sheetXml)) {
    if (tag.closing) {
      depth--;
      // The worksheet's own end tag: nothing that belongs after the drawing is there.
      if (depth === 0) return sheetXml.slice(0, tag.index) + element + sheetXml.slice(tag.index);
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(tag.local)) return sheetXml.slice(0, tag.index) + element + sheetXml.slice(tag.index);
    if (!tag.selfClosing) depth++;
  }
  throw new Error("Worksheet XML has no end tag.");
}

/** Start and end tags in document order (the XML declaration, comments and text are skipped). */
function* tags(xml: string): Generator<{ index: number; local: string; closing: boolean; selfClosing: boolean }> {
  // Attribute values may hold ">" unescaped, so attributes are matched whole.
  const re = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;
  for (const m of xml.matchAll(re)) {
    yield { index: m.index ?? 0, local: m[2] ?? "", closing: m[1] === "/", selfClosing: m[3] === "/" };
  }
}

function drawingRelId(sheetXml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?drawing\b([^>]*?)\/?>/.exec(sheetXml);
  return m ? parseAttributes(m[1] ?? "")["id"] : undefined;
}

function maxShapeId(drawingXml: string): number {
  let max = 1;
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\bid="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The drawing with the anchors added before its end tag, declaring the prefixes they use if it does not. */
function appendAnchors(drawingXml: string, anchors: string[]): string {
  const root = /<(?:([\w.-]+):)?wsDr\b([^>]*)>/.exec(drawingXml);
  const end = /<\/(?:[\w.-]+:)?wsDr>\s*$/.exec(drawingXml);
  if (!root || !end) throw new Error("Drawing XML has no wsDr root element.");
  let startTag = root[0];
  for (const [prefix, uri] of [["xdr", NS.xdr], ["a", NS.a]] as const) {
    if (!startTag.includes(`xmlns:${prefix}="${uri}"`)) {
      if (new RegExp(`xmlns:${prefix}=`).test(startTag)) throw new Error(`Drawing XML binds the prefix "${prefix}" to another namespace.`);
      startTag = startTag.replace(/\s*(\/?)>$/, ` xmlns:${prefix}="${uri}"$1>`);
    }
  }
  const head = drawingXml.slice(0, root.index) + startTag + drawingXml.slice(root.index + root[0].length, end.index);
  return head + anchors.join("") + drawingXml.slice(end.index);
}

/**
 * A two-cell anchor over the plan's cells. Office.js's setPosition(from, to) makes the chart
 * cover the `to` cell fully, so the anchor ends at the top-left corner of the cell diagonally
 * after it.
 */
function anchorXml(chart: ChartPlan, id: number, name: string, relId: string): string {
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    "<xdr:twoCellAnchor>" +
    marker("from", from.row, from.col) +
    marker("to", to.row + 1, to.col + 1) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/** The cells a sheet plan ends up holding within `ref`: later blocks overwrite earlier ones, null and "" clear. */
function planCells(sheet: SheetPlan, ref: RangeRef): Map<string, Exclude<PlanValue, null>> {
  const cells = new Map<string, Exclude<PlanValue, null>>();
  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    block.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = at.row + i;
        const c = at.col + j;
        if (r < ref.top || r > ref.bottom || c < ref.left || c > ref.right) return;
        if (v === null || v === "") cells.delete(cellAddress(r, c));
        else cells.set(cellAddress(r, c), v);
      }),
    );
  }
  return cells;
}

/** The number format the plan gives a cell: the last format range covering it, else General. */
function planFormat(sheet: SheetPlan, row: number, col: number): string {
  let format = "General";
  for (const nf of sheet.numberFormats ?? []) {
    const r = parseRange(nf.range);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) format = nf.format;
  }
  return format;
}

/**
 * A sheet name as a chart formula needs it: quoted unless a plain name that cannot be read as
 * something else (a cell such as Q1, an R1C1 reference, a boolean).
 */
export function formulaSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name) && !/^(true|false)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  return top === bottom && left === right ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
}

function cachedText(v: Exclude<PlanValue, null> | undefined): string | undefined {
  if (v === undefined || typeof v === "object") return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function strRef(formula: string, texts: (string | undefined)[]): string {
  const points = texts.map((t, i) => (t === undefined ? "" : `<c:pt idx="${i}"><c:v>${esc(t)}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${esc(formula)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(formula: string, format: string, values: (number | undefined)[]): string {
  const points = values.map((v, i) => (v === undefined ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${esc(formula)}</c:f><c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

export function chartXml(sheet: SheetPlan, chart: ChartPlan): string {
  const shape = SHAPES[chart.kind];
  const src = parseRange(chart.source);
  const cells = planCells(sheet, src);
  const prefix = `${formulaSheetName(sheet.name)}!`;
  const hasCategories = src.right > src.left;
  const firstRow = src.top + 1;
  const rows = Array.from({ length: src.bottom - firstRow + 1 }, (_, i) => firstRow + i);

  const categories = hasCategories
    ? `<c:cat>${strRef(prefix + absoluteRange(firstRow, src.left, src.bottom, src.left), rows.map((r) => cachedText(cells.get(cellAddress(r, src.left)))))}</c:cat>`
    : "";
  let axisFormat = "General";
  const series: string[] = [];
  for (let col = hasCategories ? src.left + 1 : src.left, i = 0; col <= src.right; col++, i++) {
    const format = planFormat(sheet, firstRow, col);
    if (i === 0) axisFormat = format;
    // Only numbers are plotted from the cache; text, booleans and formulas are gaps until Excel recalculates.
    const values = rows.map((r) => {
      const v = cells.get(cellAddress(r, col));
      return typeof v === "number" ? v : undefined;
    });
    series.push(
      "<c:ser>" +
        `<c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(prefix + absoluteRange(src.top, col, src.top, col), [cachedText(cells.get(cellAddress(src.top, col)))])}</c:tx>` +
        (shape.plot === "bar" ? '<c:invertIfNegative val="0"/>' : "") +
        // CT_LineSer: line colour and dash, then the marker (a shape per series), before the categories.
        (shape.plot === "line"
          ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${LINE_COLOURS[i % LINE_COLOURS.length]}"/></a:solidFill>${i > 0 ? '<a:prstDash val="dash"/>' : ""}</a:ln></c:spPr>` +
            `<c:marker><c:symbol val="${MARKER_SYMBOLS[i % MARKER_SYMBOLS.length]}"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="${LINE_COLOURS[i % LINE_COLOURS.length]}"/></a:solidFill></c:spPr></c:marker>`
          : "") +
        categories +
        `<c:val>${numRef(prefix + absoluteRange(firstRow, col, src.bottom, col), format, values)}</c:val>` +
        (shape.plot === "line" ? '<c:smooth val="0"/>' : "") +
        "</c:ser>",
    );
  }

  const catAxis = 500000001;
  const valAxis = 500000002;
  const axes = (catPos: string, valPos: string) =>
    `<c:catAx><c:axId val="${catAxis}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${valAxis}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valAxis}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${esc(axisFormat)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${catAxis}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  let plot: string;
  let legendPos: string;
  if (shape.plot === "bar") {
    // A column chart's categories run along the bottom; a bar chart's up the left side.
    const [catPos, valPos] = shape.barDir === "col" ? ["b", "l"] : ["l", "b"];
    plot =
      `<c:barChart><c:barDir val="${shape.barDir}"/><c:grouping val="${shape.grouping}"/><c:varyColors val="0"/>` +
      series.join("") +
      '<c:gapWidth val="150"/>' +
      // Stacked bars must overlap fully, or the stack is drawn side by side.
      (shape.grouping === "stacked" ? '<c:overlap val="100"/>' : "") +
      `<c:axId val="${catAxis}"/><c:axId val="${valAxis}"/></c:barChart>` +
      axes(catPos, valPos);
    legendPos = "b";
  } else if (shape.plot === "line") {
    plot =
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
      series.join("") +
      `<c:marker val="1"/><c:axId val="${catAxis}"/><c:axId val="${valAxis}"/></c:lineChart>` +
      axes("b", "l");
    legendPos = "b";
  } else {
    // A pie shows its first series, one slice per category, each slice its own colour.
    plot = `<c:pieChart><c:varyColors val="1"/>${series.join("")}<c:firstSliceAng val="0"/></c:pieChart>`;
    legendPos = "r";
  }

  // An empty title is deleted, or Excel would title a one-series chart with the series name.
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${chart.title
        .split("\n")
        .map((line) => `<a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="en-GB"/><a:t>${esc(line)}</a:t></a:r></a:p>`)
        .join("")}</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : '<c:autoTitleDeleted val="1"/>';

  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    "<c:chart>" +
    title +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/></c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

// ---------------------------------------------------------------------------------------------
// Package plumbing: parts, relationships, content types

async function readPart(zip: JSZip, path: string, fallback?: string): Promise<string> {
  const entry = zip.file(path);
  if (entry) return entry.async("string");
  if (fallback !== undefined) return fallback;
  throw new Error(`Workbook lacks the part ${path}.`);
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part it belongs to. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** `toPart` relative to the folder of `fromPart`, as Excel writes targets (../drawings/drawing1.xml). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...Array<string>(from.length - shared).fill(".."), ...to.slice(shared)].join("/");
}

function emptyRels(): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRels}"></Relationships>`;
}

function relationships(relsXml: string): { id: string; type: string; target: string }[] {
  return findElements(relsXml, "Relationship").map((r) => ({ id: r.attrs["Id"] ?? "", type: r.attrs["Type"] ?? "", target: r.attrs["Target"] ?? "" }));
}

function nextRelId(relsXml: string): string {
  const ids = new Set(relationships(relsXml).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRelationship(relsXml: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/>`;
  if (/<Relationships\b[^>]*\/>/.test(relsXml)) return relsXml.replace(/<Relationships\b([^>]*?)\s*\/>/, `<Relationships$1>${rel}</Relationships>`);
  const end = relsXml.lastIndexOf("</Relationships>");
  if (end < 0) throw new Error("Relationships part has no Relationships element.");
  return relsXml.slice(0, end) + rel + relsXml.slice(end);
}

function addOverrides(typesXml: string, overrides: { part: string; type: string }[]): string {
  const known = new Set(findElements(typesXml, "Override").map((o) => o.attrs["PartName"]));
  const added = overrides
    .filter((o) => !known.has(`/${o.part}`))
    .map((o) => `<Override PartName="/${esc(o.part)}" ContentType="${o.type}"/>`)
    .join("");
  const end = typesXml.lastIndexOf("</Types>");
  if (end < 0) throw new Error("[Content_Types].xml has no Types element.");
  return typesXml.slice(0, end) + added + typesXml.slice(end);
}

/** Text or a double-quoted attribute value as XML. */
function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// ---------------------------------------------------------------------------------------------
// Reading

type SnapshotChart = SnapshotSheet["charts"][number];

/** Elements named `local` under any namespace prefix (or none), with their inner XML. */
function elements(xml: string, local: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(`<(?:([\\w.-]+):)?${local}\\b((?:\\s+[\\w:.-]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(?:/>|>([\\s\\S]*?)</(?:\\1:)?${local}>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ attrs: parseAttributes(m[2] ?? ""), inner: m[3] ?? "" }));
}

function valOf(xml: string, local: string): string | undefined {
  return elements(xml, local)[0]?.attrs["val"];
}

/**
 * The charts drawn on a worksheet, in drawing order, as the snapshot normal form has them:
 * `kind` as Office.js names the chart type with a lower-case first letter, `title` as shown
 * ("" when there is none), and `source` the smallest range holding every series' name,
 * categories and values (A1 without "$", the sheet name only when it is another sheet).
 */
export async function readCharts(zip: JSZip, sheetPath: string, sheetName: string): Promise<SnapshotChart[]> {
  const sheetXml = await readPart(zip, sheetPath, "");
  const drawingId = drawingRelId(sheetXml);
  if (!drawingId) return [];
  const sheetRels = relationships(await readPart(zip, relsPathOf(sheetPath), emptyRels()));
  const drawingTarget = sheetRels.find((r) => r.id === drawingId)?.target;
  if (!drawingTarget) return [];
  const drawingPath = resolveTarget(sheetPath, drawingTarget);
  const drawingXml = await readPart(zip, drawingPath, "");
  const drawingRels = relationships(await readPart(zip, relsPathOf(drawingPath), emptyRels()));

  const out: SnapshotChart[] = [];
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?chart\b([^>]*?)\/?>/g)) {
    const id = parseAttributes(m[1] ?? "")["id"];
    const rel = drawingRels.find((r) => r.id === id && r.type === REL_TYPE.chart);
    if (!rel) continue;
    const chartPath = resolveTarget(drawingPath, rel.target);
    const xml = await readPart(zip, chartPath, "");
    if (xml) out.push(parseChart(xml, sheetName));
  }
  return out;
}

const GROUPING_SUFFIX: Record<string, string> = { clustered: "Clustered", standard: "Clustered", stacked: "Stacked", percentStacked: "Stacked100" };

/** Office.js's name for the chart type: ColumnClustered, BarStacked, Pie, Line... with a lower-case first letter. */
function chartKind(xml: string): string {
  const plotArea = xml.search(/<(?:[\w.-]+:)?plotArea\b/);
  const plot = plotArea < 0 ? undefined : /<(?:[\w.-]+:)?([A-Za-z0-9]+)Chart\b/.exec(xml.slice(plotArea))?.[1];
  if (!plot) return "";
  const grouping = valOf(xml, "grouping") ?? "standard";
  switch (plot) {
    case "bar":
      return `${valOf(xml, "barDir") === "bar" ? "bar" : "column"}${GROUPING_SUFFIX[grouping] ?? "Clustered"}`;
    case "line":
    case "area": {
      // Office.js calls a line chart that shows its points LineMarkers (LineMarkersStacked, ...).
      const name = plot === "line" && lineMarkersShown(xml) ? "lineMarkers" : plot;
      return grouping === "stacked" ? `${name}Stacked` : grouping === "percentStacked" ? `${name}Stacked100` : name;
    }
    case "scatter":
      return "xyscatter";
    default:
      return plot;
  }
}

/** Whether a line chart draws markers: not switched off for the chart, and some series has a symbol other than none. */
function lineMarkersShown(xml: string): boolean {
  if (/<(?:[\w.-]+:)?marker\s+val="(?:0|false)"\s*\/>/.test(xml)) return false;
  return elements(xml, "ser").some((ser) => !/<(?:[\w.-]+:)?symbol\s+val="none"/.test(ser.inner));
}

function chartTitle(xml: string): string {
  // The chart's own title comes before the plot area; axis titles are inside it.
  const chart = elements(xml, "chart")[0]?.inner ?? "";
  const plotArea = chart.search(/<(?:[\w.-]+:)?plotArea\b/);
  const title = elements(plotArea < 0 ? chart : chart.slice(0, plotArea), "title")[0];
  if (!title) return "";
  const paragraphs = elements(title.inner, "p");
  if (paragraphs.length) return paragraphs.map((p) => elements(p.inner, "t").map((t) => xmlDecode(t.inner)).join("")).join("\n");
  // A title linked to a cell shows the cell's cached text.
  return elements(title.inner, "v").map((v) => xmlDecode(v.inner)).join("");
}

/** `Sheet1!$A$1:$A$3`, `'Gap Analysis'!$B$2` or `(Sheet1!$A$1,Sheet1!$A$3)` as sheet and range. */
function parseReferences(formula: string): { sheet: string; ref: RangeRef }[] {
  const body = formula.trim().replace(/^\((.*)\)$/s, "$1");
  const out: { sheet: string; ref: RangeRef }[] = [];
  for (const m of body.matchAll(/(?:'((?:[^']|'')+)'|([^,!']+))!([$A-Za-z0-9:]+)/g)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "").trim();
    try {
      out.push({ sheet, ref: parseRange(m[3] ?? "") });
    } catch {
      // A reference that is not a range (a name, an error such as #REF!) adds nothing to the source.
    }
  }
  return out;
}

function chartSource(xml: string, sheetName: string): string {
  const refs = elements(xml, "ser").flatMap((ser) => elements(ser.inner, "f").flatMap((f) => parseReferences(xmlDecode(f.inner))));
  // A source spread over sheets cannot be one range; the chart's own sheet (else the first named) wins.
  const sheet = refs.some((r) => r.sheet === sheetName) ? sheetName : refs[0]?.sheet;
  const own = refs.filter((r) => r.sheet === sheet).map((r) => r.ref);
  const first = own[0];
  if (!first || sheet === undefined) return "";
  const box = own.reduce(
    (b, r) => ({ top: Math.min(b.top, r.top), left: Math.min(b.left, r.left), bottom: Math.max(b.bottom, r.bottom), right: Math.max(b.right, r.right) }),
    first,
  );
  const a = cellAddress(box.top, box.left);
  const b = cellAddress(box.bottom, box.right);
  return `${sheet === sheetName ? "" : `${quoteSheetName(sheet)}!`}${a === b ? a : `${a}:${b}`}`;
}

function parseChart(xml: string, sheetName: string): SnapshotChart {
  return { kind: chartKind(xml), title: chartTitle(xml), source: chartSource(xml, sheetName) };
}
