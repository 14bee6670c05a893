/**
 * The Scorecard sheet: indicators down the side in group heading rows, periods across, then
 * the latest figure, what it is rated against, the direction of travel and the RAG rating.
 *
 * The sheet rates itself. The thresholds are cells near the top, the RAG column is a formula
 * over the row's figure, target and polarity and those cells, and the colours are three
 * conditional-format rules (green, amber, red) over the whole RAG column. Edit a threshold, a
 * figure or a target and the letters and colours follow, in Excel or LibreOffice, with or
 * without the add-in. Nothing is painted: a painted fill would go stale at the first edit.
 *
 * It is a plain range, not an Excel table: a table cannot hold group heading rows, and the
 * scorecard is the page a board reads and prints, where headings (Police, Health, ...) carry
 * the structure. The figures themselves are also written as Excel tables elsewhere (the
 * indicators and observations sheets), which is where sorting and filtering belong.
 */
import type { ScorecardBenchmarks } from "../benchmark/links";
import { cellAddress, columnLetters, rangeAddress } from "../grid/address";
import type { Indicator, Observation, Unit } from "../model";
import type { CellStyle, ConditionalFormatPlan, NumberFormatPlan, PlanValue, PrintPlan, SheetPlan, StylePlan } from "../plan/plan";
import { landscapeOnePageWide } from "../plan/print";
import { wrappedRowHeights } from "../plan/units";
import { ragConditionFormula, ragFormula, type RagCellRefs, type RagRule } from "../rag";
import { AGAINST_STYLES, againstEnglandCondition, againstEnglandFormula, trendPointer, trendSection, type TrendBlock, type TrendSection } from "./benchmarks";
import { directionFormula } from "./direction";
import { periodKey, scorecardContent, type ScorecardContent, type ScorecardGroupBy, type ScorecardRow } from "./rows";

export interface ScorecardOptions {
  groupBy: ScorecardGroupBy;
  /** Defaults to "Safeguarding partnership scorecard". */
  title?: string;
  /** Defaults to "Scorecard". */
  sheetName?: string;
  /** Official statistics to set beside the indicators linked to them (columns, and trend charts below the table). */
  benchmarks?: ScorecardBenchmarks | null;
}

/** Excel's own "good / neutral / bad" styles: each passes contrast for its text on its fill. */
export const RAG_STYLES = {
  green: { fill: "#C6EFCE", fontColor: "#006100" },
  amber: { fill: "#FFEB9C", fontColor: "#9C5700" },
  red: { fill: "#FFC7CE", fontColor: "#9C0006" },
} as const;

/** Where things are, zero-based. The rows above the header are the legend and the rule. */
export const SCORECARD_ROWS = { title: 0, rule: 1, thresholds: 2, howTo: 3, header: 4, firstData: 5 } as const;
/** The threshold cells the formulas read: B3 (green) and D3 (amber). */
export const THRESHOLD_CELLS = {
  green: { row: SCORECARD_ROWS.thresholds, col: 1 },
  amber: { row: SCORECARD_ROWS.thresholds, col: 3 },
} as const;

const FORMATS: Record<Unit, string | null> = {
  percent: "0.0",
  rate: "0.0",
  days: "0.0",
  count: "#,##0",
  other: null,
};
const UNIT_LABELS: Record<Unit, string> = { percent: "%", count: "Number", rate: "Rate", days: "Days", other: "" };
const SHARE_FORMAT = "0.0%";

/** Not wrapped: columns are made wide enough for their headings instead, so the heading row stays one line. */
const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2" };
const GROUP_STYLE: CellStyle = { bold: true, fill: "#EDEDED" };
/** The cells a reader is invited to edit. */
const INPUT_STYLE: CellStyle = { bold: true, fill: "#FFF2CC" };

type ColumnKey =
  | "indicator" | "id" | "other" | "unit" | "latest" | "target" | "bandLow" | "bandHigh"
  | "polarity" | "previous" | "direction" | "rag" | "green" | "amber"
  | "officialPeriod" | "england" | "region" | "neighbourMean" | "neighbourCount" | "neighbourLeftOut" | "againstEngland" | "trend";

interface Column {
  key: ColumnKey | { period: string } | { comparator: string };
  header: string;
  width: number;
}

/** Column index by name; band, per-row threshold and comparator columns appear only when needed. */
export interface ScorecardColumns {
  all: Column[];
  index: Partial<Record<ColumnKey, number>>;
  periods: Map<string, number>;
  comparators: Map<string, number>;
}

export interface ScorecardLayoutRow {
  /** Zero-based sheet row. */
  row: number;
  kind: "group" | "indicator";
  label: string;
  /** For an indicator row, the row it was built from. */
  source?: ScorecardRow;
}

export interface ScorecardLayout {
  columns: ScorecardColumns;
  rows: ScorecardLayoutRow[];
  /** Zero-based last row of the body (the header row when there are no rows). */
  lastRow: number;
  /** The trend charts below the table, where indicators are linked to official statistics. */
  trend: TrendSection | null;
}

/**
 * The official-statistics columns, after everything else: which period they are for, England,
 * the region, the neighbours (mean, how many had a figure, how many were left out), the words
 * against England, and where the trend chart is. A heading that a comparator of the indicator
 * set already uses ("England") is marked as official, so no two columns share a heading.
 */
function benchmarkColumns(content: ScorecardContent, benchmarks: ScorecardBenchmarks): Column[] {
  const taken = new Set(content.comparators.map((c) => c.trim().toLowerCase()));
  const header = (h: string) => (taken.has(h.toLowerCase()) ? `${h} (official)` : h);
  return [
    { key: "officialPeriod", header: "Official figures for", width: 21 },
    { key: "england", header: header("England"), width: 10 },
    { key: "region", header: header(benchmarks.area.region ?? "Region"), width: 10 },
    { key: "neighbourMean", header: header("Neighbours' mean"), width: 11 },
    { key: "neighbourCount", header: "Neighbours with a figure", width: 11 },
    { key: "neighbourLeftOut", header: "Neighbours left out", width: 11 },
    { key: "againstEngland", header: "Against England", width: 20 },
    { key: "trend", header: "Trend", width: 16 },
  ];
}

function buildColumns(content: ScorecardContent, groupBy: ScorecardGroupBy, benchmarks: ScorecardBenchmarks | null): ScorecardColumns {
  const rows = content.groups.flatMap((g) => g.rows);
  const hasBand = rows.some((r) => r.rating.polarity === "band");
  const hasOwnThresholds = rows.some((r) => r.rating.ownThresholds);
  const linked = benchmarks !== null && rows.some((r) => r.benchmark !== null);
  const planned: Column[] = [
    { key: "indicator", header: "Indicator", width: 46 },
    // Wide enough for the area's name too, which heads this column in the trend blocks below the table.
    { key: "id", header: "ID", width: linked && benchmarks ? Math.max(9, Math.ceil(benchmarks.area.name.length * 1.1) + 1) : 9 },
    { key: "other", header: groupBy === "agency" ? "Content area" : "Agency", width: 22 },
    { key: "unit", header: "Unit", width: 8 },
    ...content.periods.map((p) => ({ key: { period: periodKey(p) }, header: p.label, width: 10 })),
    { key: "latest", header: "Latest", width: 9 },
    { key: "target", header: "Target", width: 9 },
    ...(hasBand ? [{ key: "bandLow" as const, header: "Band low", width: 9 }, { key: "bandHigh" as const, header: "Band high", width: 9 }] : []),
    { key: "polarity", header: "Polarity", width: 10 },
    { key: "previous", header: "Previous", width: 9 },
    { key: "direction", header: "Direction of travel", width: 16 },
    { key: "rag", header: "RAG", width: 6 },
    ...(hasOwnThresholds
      ? [{ key: "green" as const, header: "Green at least", width: 10 }, { key: "amber" as const, header: "Amber at least", width: 10 }]
      : []),
    ...content.comparators.map((c) => ({ key: { comparator: c }, header: c, width: 11 })),
    ...(linked && benchmarks ? benchmarkColumns(content, benchmarks) : []),
  ];
  // Wide enough for the heading: bold text needs a little more than its length in Excel's units.
  const all = planned.map((c) => ({ ...c, width: Math.max(c.width, Math.ceil(c.header.length * 1.1) + 1) }));
  const index: Partial<Record<ColumnKey, number>> = {};
  const periods = new Map<string, number>();
  const comparators = new Map<string, number>();
  all.forEach((c, i) => {
    if (typeof c.key === "string") index[c.key] = i;
    else if ("period" in c.key) periods.set(c.key.period, i);
    else comparators.set(c.key.comparator, i);
  });
  return { all, index, periods, comparators };
}

function col(columns: ScorecardColumns, key: ColumnKey): number {
  const i = columns.index[key];
  if (i === undefined) throw new Error(`The scorecard has no ${key} column`);
  return i;
}

/** "$H7": column fixed, row relative, so one formula reads right on every row of a rule's range. */
function rowRef(columns: ScorecardColumns, key: ColumnKey, row: number): string {
  return `$${columnLetters(col(columns, key))}${row + 1}`;
}

function absolute(at: { row: number; col: number }): string {
  return `$${columnLetters(at.col)}$${at.row + 1}`;
}

/** The cells the RAG formula reads on one row. */
export function ragRefsForRow(columns: ScorecardColumns, row: number): RagCellRefs {
  const has = (k: ColumnKey) => columns.index[k] !== undefined;
  return {
    value: rowRef(columns, "latest", row),
    target: rowRef(columns, "target", row),
    polarity: rowRef(columns, "polarity", row),
    green: has("green") ? rowRef(columns, "green", row) : absolute(THRESHOLD_CELLS.green),
    amber: has("amber") ? rowRef(columns, "amber", row) : absolute(THRESHOLD_CELLS.amber),
    ...(has("bandLow") ? { bandLow: rowRef(columns, "bandLow", row), bandHigh: rowRef(columns, "bandHigh", row) } : {}),
  };
}

/** A period figure as written: the number, or the mark that stands in for it. */
function periodCell(o: Observation): PlanValue {
  if (o.status === "ok" && o.value !== null) return o.value;
  if (o.mark !== undefined && o.mark !== "") return o.mark;
  return STATUS_WORDS[o.status];
}

/** What stands in the cell for a figure that is not there, where the source gave no mark. */
const STATUS_WORDS: Record<Observation["status"], string> = {
  ok: "",
  suppressed: "Suppressed",
  not_applicable: "n/a",
  missing: "Missing",
  low_reliability: "Low reliability",
  not_available: "Not available",
};

/** Latest and Previous point at the period cells, so an edited figure flows through to the rating. */
function pointAt(columns: ScorecardColumns, period: string | null, row: number): PlanValue {
  if (period === null) return null;
  const c = columns.periods.get(period);
  if (c === undefined) return null;
  const ref = cellAddress(row, c);
  return { formula: `IF(${ref}="","",${ref})` };
}

function indicatorValues(columns: ScorecardColumns, r: ScorecardRow, row: number, groupBy: ScorecardGroupBy, trendBlocks: ReadonlyMap<object, TrendBlock>): PlanValue[] {
  const values: PlanValue[] = columns.all.map(() => null);
  const put = (key: ColumnKey, v: PlanValue) => {
    const i = columns.index[key];
    if (i !== undefined) values[i] = v;
  };
  put("indicator", r.name);
  put("id", r.id);
  // The column beside the name shows whichever of agency and content area is not the grouping.
  put("other", groupBy === "agency" ? r.contentArea : r.agency);
  put("unit", r.unit === null ? null : UNIT_LABELS[r.unit]);
  for (const [key, o] of r.byPeriod) {
    const c = columns.periods.get(key);
    if (c !== undefined) values[c] = periodCell(o);
  }
  put("latest", pointAt(columns, r.latest, row));
  put("previous", pointAt(columns, r.previous, row));
  put("target", r.rating.target);
  if (r.rating.band) {
    put("bandLow", r.rating.band.low);
    put("bandHigh", r.rating.band.high);
  }
  put("polarity", r.rating.polarity);
  // Rows without thresholds of their own follow the sheet's, so editing those re-rates them.
  put("green", r.rating.ownThresholds ? r.rating.green : { formula: absolute(THRESHOLD_CELLS.green) });
  put("amber", r.rating.ownThresholds ? r.rating.amber : { formula: absolute(THRESHOLD_CELLS.amber) });
  const refs = ragRefsForRow(columns, row);
  put("direction", {
    formula: directionFormula({ latest: refs.value, previous: rowRef(columns, "previous", row), polarity: refs.polarity, bandLow: refs.bandLow, bandHigh: refs.bandHigh }),
  });
  put("rag", { formula: ragFormula(refs) });
  for (const [name, c] of columns.comparators) values[c] = r.comparators[name] ?? null;
  const b = r.benchmark?.published;
  if (b && columns.index.againstEngland !== undefined) {
    put("officialPeriod", b.period.label);
    put("england", b.england);
    put("region", b.region);
    put("neighbourMean", b.neighbours.mean);
    // With no neighbour list there are no neighbours to count: blank, not a misleading 0.
    const listed = b.neighbours.count + b.neighbours.leftOut + b.neighbours.missing;
    put("neighbourCount", listed > 0 ? b.neighbours.count : null);
    put("neighbourLeftOut", listed > 0 ? b.neighbours.leftOut : null);
    put("againstEngland", { formula: againstEnglandFormula(againstRefs(columns, row)) });
    put("trend", trendPointer(r.benchmark ? trendBlocks.get(r.benchmark) : undefined));
  }
  return values;
}

/** The cells "Against England" reads on one row. */
function againstRefs(columns: ScorecardColumns, row: number) {
  return { latest: rowRef(columns, "latest", row), england: rowRef(columns, "england", row), polarity: rowRef(columns, "polarity", row) };
}

/** Two rules over the whole "Against England" column, after the RAG rules: blue where better, orange where worse. */
export function againstEnglandFormats(columns: ScorecardColumns, top: number, bottom: number): ConditionalFormatPlan[] {
  const c = col(columns, "againstEngland");
  const range = rangeAddress(top, c, bottom, c);
  const refs = againstRefs(columns, top);
  return (["better", "worse"] as const).map((which, i) => ({
    kind: "expression" as const,
    range,
    formula: againstEnglandCondition(refs, which),
    style: { ...AGAINST_STYLES[which], bold: true },
    priority: 4 + i,
    stopIfTrue: true,
  }));
}

function layoutRows(content: ScorecardContent): ScorecardLayoutRow[] {
  const rows: ScorecardLayoutRow[] = [];
  let row = SCORECARD_ROWS.firstData;
  for (const g of content.groups) {
    rows.push({ row: row++, kind: "group", label: g.label });
    for (const r of g.rows) rows.push({ row: row++, kind: "indicator", label: r.name, source: r });
  }
  return rows;
}

/** A formula string for the legend: the rule's sentence, reading the live threshold cells. */
function ruleSentenceFormula(rule: RagRule): string {
  const pct = (at: { row: number; col: number }) => `ROUND(${absolute(at)}*100,2)&"%`;
  const name = rule.name.replace(/"/g, '""');
  return (
    `"Green (G): at least "&${pct(THRESHOLD_CELLS.green)} of target achieved; ` +
    `amber (A): at least "&${pct(THRESHOLD_CELLS.amber)}; red (R): below "&${pct(THRESHOLD_CELLS.amber)} (${name})."`
  );
}

/** Short enough to read on screen above the table; the full rule is in explainRule for the help panel. */
const HOW_TO_READ =
  "RAG: G green, A amber, R red, blank no rating (no target, polarity or figure). Lower is better: achievement " +
  "is target ÷ actual. Band: green inside. ▲ Improving / ▼ Worsening allow for polarity. Edit a threshold, " +
  "figure or target to re-rate.";

const HOW_TO_READ_BENCHMARKS =
  "Against England: the latest figure beside England's published one, allowing for polarity; trend charts are below the table.";

/** Each linked indicator once, in the table's order (an indicator reported by two agencies has one chart). */
function linkedInOrder(content: ScorecardContent) {
  const seen = new Set<object>();
  const out = [];
  for (const g of content.groups) {
    for (const r of g.rows) {
      if (r.benchmark && !seen.has(r.benchmark)) {
        seen.add(r.benchmark);
        out.push(r.benchmark);
      }
    }
  }
  return out;
}

function legendBlocks(rule: RagRule, title: string, width: number): PlanValue[][] {
  const row = (cells: PlanValue[]) => [...cells, ...Array<PlanValue>(Math.max(0, width - cells.length)).fill(null)];
  return [
    row([title]),
    row([{ formula: ruleSentenceFormula(rule) }]),
    row(["Green: at least this share of target achieved", rule.green, "Amber: at least", rule.amber]),
    row([HOW_TO_READ]),
  ];
}

/** One number format per run of rows sharing a unit; heading rows hold no figures and join any run. */
function numberFormats(layout: ScorecardLayout, ranges: { left: number; right: number }[]): NumberFormatPlan[] {
  const out: NumberFormatPlan[] = [];
  let run: { top: number; bottom: number; format: string | null } | null = null;
  const flush = () => {
    if (run?.format) for (const r of ranges) out.push({ range: rangeAddress(run.top, r.left, run.bottom, r.right), format: run.format });
  };
  for (const r of layout.rows) {
    const format = r.kind === "group" ? undefined : r.source?.unit ? FORMATS[r.source.unit] : null;
    if (run && (format === undefined || format === run.format)) run.bottom = r.row;
    else {
      flush();
      run = { top: r.row, bottom: r.row, format: format ?? null };
    }
  }
  flush();
  return out;
}

/**
 * Three rules, green then amber then red, each over the whole RAG column whatever the number
 * of rows: written relative to the column's first row, Excel and LibreOffice move the row
 * references down the range themselves.
 */
export function ragConditionalFormats(columns: ScorecardColumns, top: number, bottom: number): ConditionalFormatPlan[] {
  const rag = col(columns, "rag");
  const range = rangeAddress(top, rag, bottom, rag);
  const refs = ragRefsForRow(columns, top);
  return (["green", "amber", "red"] as const).map((r, i) => ({
    kind: "expression" as const,
    range,
    formula: ragConditionFormula(refs, r),
    style: { ...RAG_STYLES[r], bold: true },
    priority: i + 1,
    stopIfTrue: true,
  }));
}

function styles(layout: ScorecardLayout, lastCol: number): StylePlan[] {
  const { thresholds, header, title } = SCORECARD_ROWS;
  const out: StylePlan[] = [
    { range: cellAddress(title, 0), style: { bold: true, size: 14 } },
    { range: rangeAddress(thresholds, 0, thresholds, 3), style: { bold: true } },
    { range: cellAddress(THRESHOLD_CELLS.green.row, THRESHOLD_CELLS.green.col), style: INPUT_STYLE },
    { range: cellAddress(THRESHOLD_CELLS.amber.row, THRESHOLD_CELLS.amber.col), style: INPUT_STYLE },
    { range: rangeAddress(header, 0, header, lastCol), style: HEADER_STYLE },
  ];
  for (const r of layout.rows) if (r.kind === "group") out.push({ range: rangeAddress(r.row, 0, r.row, lastCol), style: GROUP_STYLE });
  if (layout.rows.length > 0) {
    const rag = col(layout.columns, "rag");
    out.push({ range: rangeAddress(SCORECARD_ROWS.firstData, rag, layout.lastRow, rag), style: { horizontal: "center" } });
    // A long name wraps in its column (rowHeights gives it the lines) rather than being cut off by the ID beside it.
    const indicator = col(layout.columns, "indicator");
    out.push({ range: rangeAddress(SCORECARD_ROWS.firstData, indicator, layout.lastRow, indicator), style: { wrap: true } });
  }
  return out;
}

/** Heights for the indicator rows whose names wrap onto more than one line of their column. */
function nameRowHeights(layout: ScorecardLayout): { row: number; height: number }[] {
  const width = layout.columns.all[col(layout.columns, "indicator")]?.width ?? 0;
  return wrappedRowHeights(layout.rows.filter((r) => r.kind === "indicator").map((r) => ({ row: r.row, cells: [{ text: r.label, width }] })));
}

/**
 * The board prints the scorecard: one sheet of A3 landscape wide, as many pages down as it
 * needs, the column headings at the top of every page. The area is the table from its title
 * down, and the trend blocks under it where benchmarks added them.
 */
function printPlan(layout: ScorecardLayout): PrintPlan {
  const bottom = Math.max(layout.lastRow, layout.trend?.bottom ?? 0);
  return landscapeOnePageWide("A3", SCORECARD_ROWS.header, rangeAddress(0, 0, bottom, layout.columns.all.length - 1));
}

function shareFormats(layout: ScorecardLayout): NumberFormatPlan[] {
  const { green, amber } = THRESHOLD_CELLS;
  const out: NumberFormatPlan[] = [
    { range: cellAddress(green.row, green.col), format: SHARE_FORMAT },
    { range: cellAddress(amber.row, amber.col), format: SHARE_FORMAT },
  ];
  const g = layout.columns.index.green;
  const a = layout.columns.index.amber;
  if (g !== undefined && a !== undefined && layout.rows.length > 0) {
    out.push({ range: rangeAddress(SCORECARD_ROWS.firstData, g, layout.lastRow, a), format: SHARE_FORMAT });
  }
  return out;
}

/** The figures' columns: periods through the RAG column, and the comparators. */
function figureRanges(columns: ScorecardColumns): { left: number; right: number }[] {
  const ranges: { left: number; right: number }[] = [{ left: col(columns, "unit") + 1, right: col(columns, "rag") }];
  const comparators = [...columns.comparators.values()];
  if (comparators.length > 0) ranges.push({ left: Math.min(...comparators), right: Math.max(...comparators) });
  const england = columns.index.england;
  const mean = columns.index.neighbourMean;
  if (england !== undefined && mean !== undefined) ranges.push({ left: england, right: mean });
  return ranges;
}

function scorecardTitle(content: ScorecardContent, options: ScorecardOptions): string {
  const title = options.title ?? "Safeguarding partnership scorecard";
  const by = options.groupBy === "agency" ? "by agency" : "by content area";
  const first = content.periods[0];
  const last = content.periods[content.periods.length - 1];
  const span = first && last ? (first === last ? `, ${first.label}` : `, ${first.label} to ${last.label}`) : "";
  return `${title}: ${by}${span}`;
}

/** The Scorecard sheet and where everything on it is. */
export function buildScorecard(
  observations: readonly Observation[],
  indicators: readonly Indicator[],
  rule: RagRule,
  options: ScorecardOptions,
): { sheet: SheetPlan; layout: ScorecardLayout } {
  const benchmarks = options.benchmarks ?? null;
  const content = scorecardContent(observations, indicators, rule, options.groupBy, benchmarks);
  const columns = buildColumns(content, options.groupBy, benchmarks);
  const rows = layoutRows(content);
  const lastRow = rows[rows.length - 1]?.row ?? SCORECARD_ROWS.header;
  const trend = benchmarks && columns.index.againstEngland !== undefined ? trendSection(benchmarks, linkedInOrder(content), lastRow + 2) : null;
  const layout: ScorecardLayout = { columns, rows, lastRow, trend };
  const width = columns.all.length;
  const lastCol = width - 1;
  const trendBlocks = new Map<object, TrendBlock>((trend?.blocks ?? []).map((b) => [b.benchmark, b]));

  const body: PlanValue[][] = rows.map((r) =>
    r.kind === "group" || !r.source
      ? [r.label, ...Array<PlanValue>(width - 1).fill(null)]
      : indicatorValues(columns, r.source, r.row, options.groupBy, trendBlocks),
  );
  const polarityCol = col(columns, "polarity");
  const legend = legendBlocks(rule, scorecardTitle(content, options), width);
  if (trend) legend[SCORECARD_ROWS.howTo]![0] = `${HOW_TO_READ} ${HOW_TO_READ_BENCHMARKS}`;
  const sheet: SheetPlan = {
    name: options.sheetName ?? "Scorecard",
    blocks: [{ at: "A1", values: [...legend, columns.all.map((c) => c.header), ...body] }, ...(trend?.values ?? [])],
    numberFormats: [...shareFormats(layout), ...numberFormats(layout, figureRanges(columns)), ...(trend?.numberFormats ?? [])],
    styles: [...styles(layout, lastCol), ...(trend?.styles ?? [])],
    conditionalFormats:
      rows.length > 0
        ? [
            ...ragConditionalFormats(columns, SCORECARD_ROWS.firstData, lastRow),
            ...(columns.index.againstEngland !== undefined ? againstEnglandFormats(columns, SCORECARD_ROWS.firstData, lastRow) : []),
          ]
        : [],
    dataValidations:
      rows.length > 0
        ? [{
            kind: "list",
            range: rangeAddress(SCORECARD_ROWS.firstData, polarityCol, lastRow, polarityCol),
            items: columns.index.bandLow !== undefined ? ["higher", "lower", "band"] : ["higher", "lower"],
            allowBlank: true,
            error: { title: "Polarity", message: "Polarity is higher (higher is better), lower (lower is better) or band.", style: "stop" },
          }]
        : [],
    columnWidths: columns.all.map((c, i) => ({ col: i, width: c.width })),
    rowHeights: nameRowHeights(layout),
    freeze: { rows: SCORECARD_ROWS.header + 1, columns: 1 },
    print: printPlan(layout),
  };
  if (trend && trend.charts.length > 0) sheet.charts = trend.charts;
  return { sheet, layout };
}

/** The scorecard as the sheets of a workbook plan (one sheet, "Scorecard"). */
export function scorecardPlan(
  observations: readonly Observation[],
  indicators: readonly Indicator[],
  rule: RagRule,
  options: ScorecardOptions,
): SheetPlan[] {
  return [buildScorecard(observations, indicators, rule, options).sheet];
}
