/**
 * The structured indicator workbook that `ingest --out` and the Import panel write: an
 * `Indicators` table (one row per indicator, with the headings of an indicator set, so the
 * workbook can be read back as one) and an `Observations` table (one row per indicator,
 * agency and period, with the cell each figure came from). Both are Excel tables with number
 * formats, frozen headings and widths. The sheets are the add-in's own: rendering replaces
 * only them.
 */
import { columnLetters } from "../grid/address";
import type { Grid, GridCell } from "../grid/grid";
import { ObservationStatusSchema, PolaritySchema, RagSchema, UnitSchema, type Indicator, type Observation, type Unit } from "../model/model";
import { dateToExcelSerial, excelSerialToDate } from "../periods";
import type { NumberFormatPlan, PlanValue, SheetPlan } from "../plan/plan";

export const INDICATORS_SHEET = "Indicators";
export const OBSERVATIONS_SHEET = "Observations";

/** The indicator set headings of ../shared/contract/CLI.md, in its order. */
export const INDICATOR_HEADINGS = ["Indicator ID", "Indicator", "Agency", "Unit", "Polarity", "Target", "Content area", "Type", "Source", "Frequency"] as const;

export const OBSERVATION_HEADINGS = [
  "Indicator ID",
  "Indicator",
  "Agency",
  "Period",
  "Start",
  "End",
  "Value",
  "Status",
  "Mark",
  "Unit",
  "Numerator",
  "Denominator",
  "Target",
  "Polarity",
  "RAG",
  "Source file",
  "Source sheet",
  "Source cell",
] as const;

/** How a figure of each unit is shown. Percentages are in percent units (87.5 means 87.5 %). */
export function valueFormat(unit: Unit | null): string {
  switch (unit) {
    case "count":
      return "#,##0";
    case "percent":
      return '0.0"%"';
    case "rate":
    case "days":
    case "other":
      return "#,##0.0";
    default:
      return "General";
  }
}

const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Excel serial for an ISO date, so Start/End are real dates that sort and filter. A date Excel
 * cannot hold (before 1900) stays as its ISO text rather than being lost.
 */
function isoToSerial(iso: string): number | string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return dateToExcelSerial(new Date(Date.UTC(y, m - 1, d))) ?? iso;
}

/** Sorted so that rows of one indicator and agency are together and periods run in time. */
export function observationOrder(a: Observation, b: Observation): number {
  return (
    (a.agency ?? "").localeCompare(b.agency ?? "") ||
    (a.indicatorId ?? "").localeCompare(b.indicatorId ?? "") ||
    a.indicator.localeCompare(b.indicator) ||
    a.period.start.localeCompare(b.period.start) ||
    a.period.end.localeCompare(b.period.end)
  );
}

/**
 * Number formats for a column where each row's unit decides its format: one range per run of
 * rows with the same format, so a sorted sheet needs a handful of ranges, not one per row.
 */
export function formatRuns(col: number, firstRow: number, formats: string[]): NumberFormatPlan[] {
  const out: NumberFormatPlan[] = [];
  const letter = columnLetters(col);
  let start = 0;
  for (let i = 1; i <= formats.length; i++) {
    if (i === formats.length || formats[i] !== formats[start]) {
      const f = formats[start]!;
      if (f !== "General") out.push({ range: `${letter}${firstRow + start}:${letter}${firstRow + i - 1}`, format: f });
      start = i;
    }
  }
  return out;
}

function tableRange(columns: number, rows: number): string {
  // A table needs at least one body row: an empty one keeps a valid table when there is no data.
  return `A1:${columnLetters(columns - 1)}${Math.max(rows, 1) + 1}`;
}

export function indicatorsSheet(indicators: readonly Indicator[]): SheetPlan {
  const rows: PlanValue[][] = indicators.map((i) => [i.id, i.name, i.agency, i.unit, i.polarity, i.target, i.contentArea, i.type, i.source, i.frequency]);
  const body = rows.length ? rows : [INDICATOR_HEADINGS.map(() => null)];
  return {
    name: INDICATORS_SHEET,
    blocks: [{ at: "A1", values: [[...INDICATOR_HEADINGS], ...body] }],
    tables: [{ name: "Indicators", range: tableRange(INDICATOR_HEADINGS.length, rows.length), style: "TableStyleMedium2" }],
    numberFormats: formatRuns(5, 2, indicators.map((i) => valueFormat(i.unit))),
    columnWidths: [12, 60, 24, 10, 10, 10, 30, 10, 24, 12].map((width, col) => ({ col, width })),
    freeze: { rows: 1, columns: 0 },
  };
}

export function observationsSheet(observations: readonly Observation[]): SheetPlan {
  const sorted = [...observations].sort(observationOrder);
  const rows: PlanValue[][] = sorted.map((o) => [
    o.indicatorId,
    o.indicator,
    o.agency,
    o.period.label,
    isoToSerial(o.period.start),
    isoToSerial(o.period.end),
    o.value,
    o.status,
    o.mark ?? null,
    o.unit,
    o.numerator,
    o.denominator,
    o.target,
    o.polarity,
    o.rag,
    o.source.file,
    o.source.sheet,
    o.source.cell,
  ]);
  const body = rows.length ? rows : [OBSERVATION_HEADINGS.map(() => null)];
  const last = Math.max(rows.length, 1) + 1;
  const valueFormats = sorted.map((o) => valueFormat(o.unit));
  return {
    name: OBSERVATIONS_SHEET,
    blocks: [{ at: "A1", values: [[...OBSERVATION_HEADINGS], ...body] }],
    tables: [{ name: "Observations", range: tableRange(OBSERVATION_HEADINGS.length, rows.length), style: "TableStyleMedium2" }],
    numberFormats: [
      { range: `E2:F${last}`, format: DATE_FORMAT },
      ...formatRuns(6, 2, valueFormats),
      ...formatRuns(12, 2, valueFormats),
    ],
    columnWidths: [12, 60, 24, 14, 12, 12, 10, 12, 8, 10, 11, 12, 10, 10, 8, 30, 20, 11].map((width, col) => ({ col, width })),
    freeze: { rows: 1, columns: 0 },
  };
}

/**
 * The observations of an indicator workbook, read back from its Observations sheet (the inverse of
 * observationsSheet): how the report book and other later steps take up the analyst's workbook,
 * with any figure the analyst corrected by hand. Null when the grid is not such a sheet.
 */
export function readObservationsSheet(grid: Grid): Observation[] | null {
  const head = grid.rows[0]?.map((c) => (typeof c.value === "string" ? c.value.trim() : ""));
  if (!head || OBSERVATION_HEADINGS.some((h, i) => head[i] !== h)) return null;
  const text = (c: GridCell | undefined): string | null => (c && c.value !== null && c.value !== "" ? String(c.value) : null);
  const num = (c: GridCell | undefined): number | null => (c && typeof c.value === "number" ? c.value : null);
  const date = (c: GridCell | undefined): string | null => {
    if (!c) return null;
    if (typeof c.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) return c.value;
    if (typeof c.value !== "number") return null;
    const d = excelSerialToDate(c.value);
    return d ? d.toISOString().slice(0, 10) : null;
  };
  const out: Observation[] = [];
  for (const row of grid.rows.slice(1)) {
    const indicator = text(row[1]);
    const start = date(row[4]);
    const end = date(row[5]);
    if (!indicator || !start || !end) continue;
    const status = ObservationStatusSchema.safeParse(text(row[7]) ?? "ok");
    const unit = UnitSchema.safeParse(text(row[9]) ?? "count");
    const polarity = PolaritySchema.safeParse(text(row[13]));
    const rag = RagSchema.safeParse(text(row[14]));
    const o: Observation = {
      indicator,
      indicatorId: text(row[0]),
      agency: text(row[2]),
      period: { start, end, label: text(row[3]) ?? `${start} to ${end}` },
      value: status.success && status.data !== "ok" ? null : num(row[6]),
      status: status.success ? status.data : "ok",
      unit: unit.success ? unit.data : "count",
      numerator: num(row[10]),
      denominator: num(row[11]),
      target: num(row[12]),
      polarity: polarity.success ? polarity.data : null,
      rag: rag.success ? rag.data : null,
      source: { file: text(row[15]) ?? "", sheet: text(row[16]) ?? "", cell: text(row[17]) ?? "" },
    };
    const mark = text(row[8]);
    if (mark !== null) o.mark = mark;
    out.push(o);
  }
  return out;
}
