/**
 * The Safeguarding Children Report Book (004_67d49ac43a78e918.txt, Module 1, section three): for
 * each content area a page a board reads, rather than a table it skims: why the area matters and
 * what good looks like, the area's figures against their targets and against England, the region
 * and statistical neighbours where those were loaded, a trend chart of each indicator against its
 * target, boxes for the story behind the figures and the actions (the analyst writes them; a
 * rebuilt book keeps them), and the questions the board should ask (Module 3). A contents sheet
 * comes first with the overall RAG counts and a link to every page.
 *
 * Pages follow the framework's order, priority areas first, and print one to a sheet of A3
 * landscape. Pure: indicators, figures and the framework in, a workbook plan out.
 */
import { cellAddress, rangeAddress } from "../grid/address";
import type { ContentArea, Framework, Indicator, Observation, Unit } from "../model";
import type { CellStyle, ChartPlan, ConditionalFormatPlan, NumberFormatPlan, PlanValue, SheetPlan, StylePlan, WorkbookPlan } from "../plan/plan";
import { LINE_HEIGHT_POINTS, wrappedLines, wrappedRowHeights } from "../plan/units";
import { applyRag, countRag, type RagRule } from "../rag";
import { placeIndicators } from "../gap";
import { scorecardContent, type ScorecardRow } from "../scorecard/rows";
import { RAG_STYLES } from "../scorecard/scorecard";
import { DEFAULT_THRESHOLD, SUPPRESSED_MARK, suppressTable, type Suppressed, type SuppressionReason } from "./suppress";

export const CONTENTS_SHEET = "Contents";

/** What the analyst wrote on a page of an earlier book, kept when the book is built again. */
export interface KeptWriting {
  story: string;
  actions: string;
}

export interface ReportOptions {
  rule: RagRule;
  /** Title of the book; defaults to "Safeguarding Children Report Book". */
  title?: string;
  /** What the analyst wrote in an earlier book, by content area name. */
  kept?: ReadonlyMap<string, KeptWriting>;
  /** Prepare a copy to publish: withhold small numbers. */
  publish?: { threshold?: number };
}

export interface ReportSheet {
  name: string;
  /** The content area the sheet is about; null for the contents sheet. */
  area: string | null;
  charts: number;
}

export interface SuppressedCell {
  sheet: string;
  cell: string;
  reason: SuppressionReason;
}

export interface ReportBook {
  plan: WorkbookPlan;
  sheets: ReportSheet[];
  suppressed: SuppressedCell[];
}

/** Where each part of a content-area page is: the story and actions boxes are found here when the book is read back. */
export const PAGE = {
  width: 14,
  title: 0,
  subtitle: 1,
  goodHeading: 3,
  goodBox: { top: 4, bottom: 6 },
  figuresHeading: 8,
  header: 9,
  firstFigure: 10,
} as const;

/** Labels of the boxes the analyst writes in: how a rebuilt book finds them again. */
export const STORY_LABEL = "The story behind the figures";
export const ACTIONS_LABEL = "Actions";
export const QUESTIONS_LABEL = "Questions for the board";

const CHART_DATA_COL = PAGE.width + 2;
/** The page's fourteen columns, in Excel's characters: the Indicator column, then the figures. */
const PAGE_COLUMN_WIDTHS = [44, 20, 8, 13, 10, 13, 10, 10, 10, 10, 10, 10, 10, 10];
/** Text merged across the page wraps in the width of all its columns. */
const PAGE_WIDTH_CHARS = PAGE_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const CHART_ROWS = 14;
const CHART_COLS = 7;
const BOX_ROWS = 5;

const HEADING: CellStyle = { bold: true, size: 12 };
const TABLE_HEADER: CellStyle = { bold: true, fill: "#D9E1F2", wrap: true };
const BOX: CellStyle = { fill: "#FFF2CC", wrap: true };

const FORMATS: Record<Unit, string> = { percent: "0.0", rate: "0.0", days: "0.0", count: "#,##0", other: "0.0##" };
const UNIT_WORDS: Record<Unit, string> = { percent: "%", rate: "rate", days: "days", count: "number", other: "" };
const GROUP_WORDS: Record<ContentArea["group"], string> = { practice: "Practice", organisational: "Organisational", wider: "Wider context" };

/** A sheet name Excel accepts (31 characters, none of : \ / ? * [ ]), numbered so pages sort in order. */
export function pageName(index: number, area: string): string {
  const clean = area.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  const prefix = `${index + 1} `;
  const room = 31 - prefix.length;
  return prefix + (clean.length <= room ? clean : `${clean.slice(0, room - 1).trimEnd()}\u2026`);
}

/** The framework's areas in the book's order: priorities first, then as the framework lists them. */
function orderedAreas(framework: Framework): ContentArea[] {
  return [...framework.areas.filter((a) => a.priority), ...framework.areas.filter((a) => !a.priority)];
}

function rowsByArea(observations: readonly Observation[], indicators: readonly Indicator[], framework: Framework, rule: RagRule): Map<string, ScorecardRow[]> {
  // Indicators that came only with figures (no set) are placed too: the book is about all of them.
  const known = new Set(indicators.map((i) => `${i.id ?? ""}|${i.name}`));
  const all = [...indicators];
  for (const o of observations) {
    const k = `${o.indicatorId ?? ""}|${o.indicator}`;
    if (known.has(k)) continue;
    known.add(k);
    all.push({ id: o.indicatorId, name: o.indicator, agency: o.agency, unit: o.unit, polarity: o.polarity, target: o.target, contentArea: null, type: null, source: null, frequency: null });
  }
  const placed = placeIndicators(all, framework);
  const areaOf = new Map<string, string>();
  placed.forEach((p, i) => {
    const ind = all[i]!;
    if (p.area) areaOf.set(`${ind.id ?? ""}|${ind.name}`, p.area);
  });
  const withAreas = all.map((ind) => ({ ...ind, contentArea: ind.contentArea ?? areaOf.get(`${ind.id ?? ""}|${ind.name}`) ?? null }));
  const content = scorecardContent(observations, withAreas, rule, "contentArea");
  const out = new Map<string, ScorecardRow[]>();
  for (const g of content.groups) for (const r of g.rows) if (r.contentArea) out.set(r.contentArea, [...(out.get(r.contentArea) ?? []), r]);
  return out;
}

/** Columns of the figures table, zero-based. */
const COL = { latest: 4, previous: 6, change: 7, target: 8, rag: 9 } as const;

/** The comparators a page can show, and how each is found among an indicator's comparators. */
const COMPARATORS = [
  { label: "England", match: /^england/i },
  { label: "Region", match: /^region/i },
  { label: "Neighbours", match: /neighbour/i },
] as const;

function comparatorOf(row: ScorecardRow, match: RegExp): number | null {
  const hit = Object.entries(row.comparators).find(([k]) => match.test(k));
  return hit ? hit[1] : null;
}

interface PageCells {
  rowHeights: { row: number; height: number }[];
  blocks: SheetPlan["blocks"];
  styles: StylePlan[];
  merges: string[];
  numberFormats: NumberFormatPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
}

function put(cells: PageCells, row: number, col: number, values: PlanValue[][]): void {
  cells.blocks.push({ at: cellAddress(row, col), values });
}

function box(cells: PageCells, top: number, rows: number, text: string, style: CellStyle): void {
  put(cells, top, 0, [[text]]);
  const range = rangeAddress(top, 0, top + rows - 1, PAGE.width - 1);
  cells.merges.push(range);
  cells.styles.push({ range, style });
}

function ragWord(row: ScorecardRow): string {
  const latest = row.latest === null ? undefined : row.byPeriod.get(row.latest);
  const rag = latest?.rag ?? null;
  return rag === null ? "" : rag === "green" ? "Green" : rag === "amber" ? "Amber" : "Red";
}

/** A figure as the book shows it: the number, the mark that stands in for it, or a withheld mark. */
function shown(o: Observation | undefined): PlanValue {
  if (!o) return null;
  if (o.status === "ok" && o.value !== null) return o.value;
  return o.mark ?? "";
}

/** How long a period is, in classes a trend keeps apart: a month, a quarter, a year, or other. */
function lengthClass(o: Observation): string {
  const days = (Date.parse(o.period.end) - Date.parse(o.period.start)) / 86_400_000 + 1;
  return days <= 31 ? "month" : days <= 92 ? "quarter" : days <= 366 ? "year" : "other";
}

/**
 * The figures a trend line draws: those of the series' commonest period length, in time order. A
 * year's outturn beside quarters is a different measure of time, and a line through both would mislead.
 */
function trendOf(observations: Observation[]): Observation[] {
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(lengthClass(o), (counts.get(lengthClass(o)) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return observations.filter((o) => lengthClass(o) === main).sort((a, b) => a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end));
}

/** A percentage worked from a numerator or denominator from 1 to the threshold. */
function hasSmallPart(o: Observation, threshold: number): boolean {
  return [o.numerator, o.denominator].some((n) => n !== null && n >= 1 && n <= threshold);
}

interface FigureRow {
  row: ScorecardRow;
  latest: Observation | undefined;
  previous: Observation | undefined;
}

/** The page of one content area, and the cells a published copy withholds on it. */
function areaPage(index: number, total: number, area: ContentArea, rows: ScorecardRow[], options: ReportOptions): { sheet: SheetPlan; charts: number; suppressed: Suppressed[]; name: string } {
  const name = pageName(index, area.name);
  const cells: PageCells = { rowHeights: [], blocks: [], styles: [], merges: [], numberFormats: [], conditionalFormats: [], charts: [] };
  put(cells, PAGE.title, 0, [[area.name]]);
  cells.styles.push({ range: cellAddress(PAGE.title, 0), style: { bold: true, size: 18 } });
  put(cells, PAGE.subtitle, 0, [[`Content area ${index + 1} of ${total} \u00b7 ${GROUP_WORDS[area.group]}${area.priority ? " \u00b7 a priority for the partnership" : ""}`]]);
  cells.styles.push({ range: cellAddress(PAGE.subtitle, 0), style: { italic: true } });
  put(cells, PAGE.goodHeading, 0, [["What good looks like"]]);
  cells.styles.push({ range: cellAddress(PAGE.goodHeading, 0), style: HEADING });
  box(cells, PAGE.goodBox.top, PAGE.goodBox.bottom - PAGE.goodBox.top + 1, area.goodLooksLike, { wrap: true });
  // The merged box is three rows, which share the lines its text wraps onto across the page.
  const goodRows = PAGE.goodBox.bottom - PAGE.goodBox.top + 1;
  const goodLines = wrappedLines(area.goodLooksLike, PAGE_WIDTH_CHARS);
  for (let row = PAGE.goodBox.top; row <= PAGE.goodBox.bottom; row++) cells.rowHeights.push({ row, height: Math.max(LINE_HEIGHT_POINTS, Math.ceil((goodLines * LINE_HEIGHT_POINTS) / goodRows)) });

  put(cells, PAGE.figuresHeading, 0, [["The figures"]]);
  cells.styles.push({ range: cellAddress(PAGE.figuresHeading, 0), style: HEADING });
  // The comparators appear where benchmarks were loaded for any of the area's indicators.
  const comparators = COMPARATORS.filter((c) => rows.some((row) => comparatorOf(row, c.match) !== null));
  const headers = ["Indicator", "Agency", "Unit", "Latest period", "Latest", "Previous period", "Previous", "Change", "Target", "RAG", ...comparators.map((c) => c.label)];
  put(cells, PAGE.header, 0, [headers]);
  cells.styles.push({ range: rangeAddress(PAGE.header, 0, PAGE.header, headers.length - 1), style: TABLE_HEADER });
  // Headings over numbers sit to the right, as the numbers do; period labels are centred.
  for (const col of [COL.latest, COL.previous, COL.change, COL.target, ...comparators.map((_, i) => COL.rag + 1 + i)]) cells.styles.push({ range: cellAddress(PAGE.header, col), style: { ...TABLE_HEADER, horizontal: "right" } });
  cells.rowHeights.push({ row: PAGE.header, height: 30 });

  const figures: FigureRow[] = rows.map((row) => ({
    row,
    latest: row.latest === null ? undefined : row.byPeriod.get(row.latest),
    previous: row.previous === null ? undefined : row.byPeriod.get(row.previous),
  }));
  let r = PAGE.firstFigure;
  const figureTop = r;
  if (figures.length === 0) {
    put(cells, r, 0, [["No indicator is placed in this area yet: the gap analysis suggests measures to add."]]);
    cells.styles.push({ range: cellAddress(r, 0), style: { italic: true } });
    r++;
  }
  for (const f of figures) {
    const latest = shown(f.latest);
    const previous = shown(f.previous);
    const [l, p] = [cellAddress(r, COL.latest), cellAddress(r, COL.previous)];
    const change: PlanValue = typeof latest === "number" && typeof previous === "number" ? { formula: `IF(AND(ISNUMBER(${l}),ISNUMBER(${p})),${l}-${p},"")` } : "";
    put(cells, r, 0, [[
      f.row.name,
      f.row.agency ?? "",
      f.row.unit ? UNIT_WORDS[f.row.unit] : "",
      f.latest?.period.label ?? "no figure yet",
      latest,
      f.previous?.period.label ?? "",
      previous,
      change,
      f.row.rating.target ?? f.latest?.target ?? null,
      ragWord(f.row),
      ...comparators.map((c) => comparatorOf(f.row, c.match)),
    ]]);
    const format = f.row.unit ? FORMATS[f.row.unit] : FORMATS.other;
    cells.numberFormats.push({ range: cellAddress(r, COL.latest), format }, { range: rangeAddress(r, COL.previous, r, COL.target), format });
    if (comparators.length) cells.numberFormats.push({ range: rangeAddress(r, COL.rag + 1, r, COL.rag + comparators.length), format });
    cells.styles.push({ range: cellAddress(r, COL.previous - 1), style: { horizontal: "center" } }, { range: cellAddress(r, 3), style: { horizontal: "center" } });
    r++;
  }
  // A long name wraps over as many lines as it needs in its column.
  cells.rowHeights.push(...wrappedRowHeights(figures.map((f, i) => ({ row: PAGE.firstFigure + i, cells: [{ text: f.row.name, width: PAGE_COLUMN_WIDTHS[0]! }] }))));
  const figureBottom = Math.max(figureTop, r - 1);
  cells.styles.push({ range: rangeAddress(figureTop, 0, figureBottom, 0), style: { wrap: true } });
  // The rating in words, coloured by rule so the word stays the meaning (never colour alone).
  const ragRange = rangeAddress(figureTop, COL.rag, figureBottom, COL.rag);
  (["red", "amber", "green"] as const).forEach((rag, i) => {
    const word = rag === "green" ? "Green" : rag === "amber" ? "Amber" : "Red";
    cells.conditionalFormats.push({ kind: "expression", range: ragRange, formula: `${cellAddress(figureTop, COL.rag)}="${word}"`, style: { fill: RAG_STYLES[rag].fill, fontColor: RAG_STYLES[rag].fontColor, bold: true }, priority: i + 1 });
  });

  // Trends: one line chart per indicator with figures over at least two periods, the target as a second line.
  r = figureBottom + 2;
  const trendTop = r;
  put(cells, r, 0, [["Trends"]]);
  cells.styles.push({ range: cellAddress(r, 0), style: HEADING });
  r++;
  const suppressed: Suppressed[] = [];
  const threshold = options.publish ? (options.publish.threshold ?? DEFAULT_THRESHOLD) : null;
  let charts = 0;
  let dataCol = CHART_DATA_COL;
  const charted = figures.filter((f) => trendOf([...f.row.byPeriod.values()]).filter((o) => o.status === "ok").length >= 2).slice(0, 6);
  charted.forEach((f, k) => {
    const series = trendOf([...f.row.byPeriod.values()]);
    const target = f.row.rating.target;
    const values: PlanValue[][] = [["Period", f.row.name.length > 40 ? `${f.row.name.slice(0, 39)}\u2026` : f.row.name, ...(target !== null ? ["Target"] : [])]];
    for (const o of series) values.push([o.period.label, o.status === "ok" ? o.value : null, ...(target !== null ? [target] : [])]);
    if (threshold !== null) {
      series.forEach((o, j) => {
        if (o.status !== "ok" || o.value === null) return;
        const small = f.row.unit === "count" ? suppressTable({ values: [[o.value]] }, threshold).length > 0 : false;
        if (!small && !hasSmallPart(o, threshold)) return;
        // The chart's figure is withheld too: a chart would show what the table hides.
        values[j + 1]![1] = null;
        suppressed.push({ row: trendTop + 2 + j, col: dataCol + 1, reason: small ? "small number" : "secondary" });
      });
    }
    put(cells, trendTop + 1, dataCol, values);
    const width = values[0]!.length;
    const slot = { row: r + Math.floor(k / 2) * CHART_ROWS, col: (k % 2) * CHART_COLS };
    cells.charts.push({
      kind: "lineMarkers",
      title: f.row.name,
      source: rangeAddress(trendTop + 1, dataCol, trendTop + values.length, dataCol + width - 1),
      from: cellAddress(slot.row, slot.col),
      to: cellAddress(slot.row + CHART_ROWS - 1, slot.col + CHART_COLS - 1),
    });
    charts++;
    dataCol += width + 1;
  });
  if (charted.length === 0) {
    put(cells, r, 0, [["No indicator here has figures for two periods or more yet, so there is no trend to draw."]]);
    cells.styles.push({ range: cellAddress(r, 0), style: { italic: true } });
    r++;
  } else r += Math.ceil(charted.length / 2) * CHART_ROWS;

  // The analyst's boxes, then the questions.
  r++;
  const kept = options.kept?.get(area.name);
  put(cells, r, 0, [[STORY_LABEL]]);
  cells.styles.push({ range: cellAddress(r, 0), style: HEADING });
  box(cells, r + 1, BOX_ROWS, kept?.story ?? "", BOX);
  r += BOX_ROWS + 2;
  put(cells, r, 0, [[ACTIONS_LABEL]]);
  cells.styles.push({ range: cellAddress(r, 0), style: HEADING });
  box(cells, r + 1, BOX_ROWS, kept?.actions ?? "", BOX);
  r += BOX_ROWS + 2;
  put(cells, r, 0, [[QUESTIONS_LABEL]]);
  cells.styles.push({ range: cellAddress(r, 0), style: HEADING });
  r++;
  const questionsTop = r;
  const questions = area.questions.map((q, i) => `${i + 1}. ${q}`);
  questions.forEach((text) => {
    put(cells, r, 0, [[text]]);
    const range = rangeAddress(r, 0, r, PAGE.width - 1);
    cells.merges.push(range);
    cells.styles.push({ range, style: { wrap: true } });
    r++;
  });
  cells.rowHeights.push(...wrappedRowHeights(questions.map((text, i) => ({ row: questionsTop + i, cells: [{ text, width: PAGE_WIDTH_CHARS }] }))));
  const last = r - 1;

  // The figures table in a copy to publish: small counts withheld, and a percentage withheld when
  // its numerator or denominator would be (it would give the small count away).
  if (threshold !== null) {
    figures.forEach((f, i) => {
      const row = figureTop + i;
      [f.latest, f.previous].forEach((o, k) => {
        if (!o || o.status !== "ok" || o.value === null) return;
        const col = k === 0 ? COL.latest : COL.previous;
        if (f.row.unit === "count" && suppressTable({ values: [[o.value]] }, threshold).length > 0) suppressed.push({ row, col, reason: "small number" });
        else if (hasSmallPart(o, threshold)) suppressed.push({ row, col, reason: "secondary" });
      });
    });
    for (const s of suppressed) if (s.row >= figureTop && s.row <= figureBottom) put(cells, s.row, s.col, [[SUPPRESSED_MARK]]);
  }

  const sheet: SheetPlan = {
    name,
    blocks: cells.blocks,
    styles: cells.styles,
    merges: cells.merges,
    numberFormats: cells.numberFormats,
    conditionalFormats: cells.conditionalFormats,
    charts: cells.charts,
    rowHeights: cells.rowHeights,
    columnWidths: PAGE_COLUMN_WIDTHS.map((width, col) => ({ col, width })),
    print: { paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: 1, area: rangeAddress(0, 0, last, PAGE.width - 1), titleRows: [0, 1] },
  };
  return { sheet, charts, suppressed, name };
}

/** The contents: every page with a link, how many indicators it has, and the RAG counts overall and per page. */
function contentsPage(title: string, pages: { name: string; area: ContentArea; rows: ScorecardRow[] }[]): SheetPlan {
  const latestOf = (rows: ScorecardRow[]) => rows.map((r) => (r.latest === null ? undefined : r.byPeriod.get(r.latest))).filter((o): o is Observation => o !== undefined);
  const overall = countRag(pages.flatMap((p) => latestOf(p.rows)));
  const blocks: SheetPlan["blocks"] = [
    { at: "A1", values: [[title]] },
    { at: "A2", values: [[`Ratings of the latest figures: ${overall.green} green, ${overall.amber} amber, ${overall.red} red, ${overall.unrated} without a rating.`]] },
    { at: "A4", values: [["Page", "Content area", "Priority", "Indicators", "Green", "Amber", "Red", "No rating"]] },
  ];
  pages.forEach((p, i) => {
    const c = countRag(latestOf(p.rows));
    blocks.push({
      at: cellAddress(4 + i, 0),
      values: [[{ formula: `HYPERLINK("#'${p.name.replace(/'/g, "''")}'!A1","${p.name.replace(/"/g, '""')}")` }, p.area.name, p.area.priority ? "Yes" : "", p.rows.length, c.green, c.amber, c.red, c.unrated]],
    });
  });
  const last = 4 + pages.length - 1;
  return {
    name: CONTENTS_SHEET,
    blocks,
    styles: [
      { range: "A1", style: { bold: true, size: 18 } },
      { range: "A4:C4", style: TABLE_HEADER },
      { range: "D4:H4", style: { ...TABLE_HEADER, horizontal: "right" } },
      { range: rangeAddress(4, 0, Math.max(4, last), 0), style: { fontColor: "#0563C1" } },
    ],
    columnWidths: [{ col: 0, width: 34 }, { col: 1, width: 46 }, { col: 2, width: 9 }, ...[3, 4, 5, 6, 7].map((col) => ({ col, width: 11 }))],
    print: { paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: 1, area: rangeAddress(0, 0, Math.max(4, last), 7), titleRows: [3] },
  };
}

/** The report book for these figures and this framework. */
export function reportBook(observations: readonly Observation[], indicators: readonly Indicator[], framework: Framework, options: ReportOptions): ReportBook {
  const rated = applyRag(observations, indicators, options.rule);
  const byArea = rowsByArea(rated, indicators, framework, options.rule);
  const areas = orderedAreas(framework);
  const pages = areas.map((area) => ({ area, rows: byArea.get(area.name) ?? [] }));
  const built = pages.map((p, i) => ({ ...p, ...areaPage(i, areas.length, p.area, p.rows, options) }));
  const title = options.title ?? "Safeguarding Children Report Book";
  const contents = contentsPage(title, built.map((b) => ({ name: b.name, area: b.area, rows: b.rows })));
  const suppressed: SuppressedCell[] = built.flatMap((b) => b.suppressed.map((s) => ({ sheet: b.name, cell: cellAddress(s.row, s.col), reason: s.reason })));
  return {
    plan: { sheets: [contents, ...built.map((b) => b.sheet)], activeSheet: CONTENTS_SHEET },
    sheets: [{ name: CONTENTS_SHEET, area: null, charts: 0 }, ...built.map((b) => ({ name: b.name, area: b.area.name, charts: b.charts }))],
    suppressed,
  };
}

/** Read back what the analyst wrote on each page of a book (its story and actions boxes), by area. */
export function keptWriting(pages: readonly { area: string; cells: readonly (readonly PlanValue[])[] }[]): Map<string, KeptWriting> {
  const out = new Map<string, KeptWriting>();
  for (const page of pages) {
    const textBelow = (label: string): string => {
      const at = page.cells.findIndex((row) => row[0] === label);
      const below = at < 0 ? undefined : page.cells[at + 1]?.[0];
      return typeof below === "string" ? below : "";
    };
    out.set(page.area, { story: textBelow(STORY_LABEL), actions: textBelow(ACTIONS_LABEL) });
  }
  return out;
}

