/**
 * The headings of an indicator set (../shared/contract/CLI.md, "An indicator set"):
 * Indicator ID, Indicator, Agency, Unit, Polarity, Target, Content area, Type, Source, Frequency,
 * in any case and spacing, with the other names partnerships give the same columns.
 */
import type { Grid } from "../grid/grid";
import { compact } from "./values";

export type Field = "id" | "name" | "agency" | "unit" | "polarity" | "target" | "contentArea" | "type" | "source" | "frequency";

/** The contract's own heading for each field, for messages. */
export const FIELD_HEADING: Readonly<Record<Field, string>> = {
  id: "Indicator ID",
  name: "Indicator",
  agency: "Agency",
  unit: "Unit",
  polarity: "Polarity",
  target: "Target",
  contentArea: "Content area",
  type: "Type",
  source: "Source",
  frequency: "Frequency",
};

const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  id: ["Indicator ID", "ID", "Ref", "Reference", "Indicator ref", "Indicator reference", "Indicator code", "Code", "Measure ID", "Measure ref", "KPI ID", "KPI ref", "PI ref", "Indicator no", "Indicator number"],
  name: ["Indicator", "Indicator name", "Indicator title", "Indicator description", "Measure", "Measure name", "Performance indicator", "KPI", "Performance measure"],
  agency: ["Agency", "Organisation", "Organization", "Partner", "Partner agency", "Lead agency", "Service", "Provider", "Owner"],
  unit: ["Unit", "Units", "Unit of measure", "Measure unit", "Measurement"],
  polarity: ["Polarity", "Direction", "Good direction", "Desired direction", "Good is", "Better if", "Higher or lower is better", "Is higher better"],
  target: ["Target", "Target value", "Goal", "Aim"],
  contentArea: ["Content area", "Area", "Framework area", "QA area", "QAF area", "Theme", "Content area (framework)"],
  type: ["Type", "Information type", "Type of information", "Measure type", "Indicator type", "Performance information type"],
  source: ["Source", "Information source", "Source of information", "Data source", "Evidence source"],
  frequency: ["Frequency", "Reporting frequency", "How often", "Reported"],
};

const BY_HEADING: ReadonlyMap<string, Field> = new Map(
  (Object.entries(SYNONYMS) as [Field, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [compact(n), field] as const)),
);

export function fieldOfHeading(text: string): Field | undefined {
  return BY_HEADING.get(compact(text));
}

export interface HeaderRow {
  /** Zero-based row within the grid's rows. */
  row: number;
  /** Column (zero-based within the grid) of each field found; the first column wins a repeat. */
  columns: Partial<Record<Field, number>>;
}

/** How far down a sheet the headings are looked for: a title and notes fit in far fewer rows. */
const HEADER_SEARCH_ROWS = 30;

function headerAt(grid: Grid, row: number): HeaderRow {
  const columns: Partial<Record<Field, number>> = {};
  (grid.rows[row] ?? []).forEach((cell, col) => {
    const text = typeof cell.value === "string" ? cell.value : cell.text;
    const field = fieldOfHeading(text);
    if (field !== undefined && columns[field] === undefined) columns[field] = col;
  });
  return { row, columns };
}

/**
 * The header row: the first of the top rows that holds an Indicator heading and at least one
 * other heading of the set, or failing that the first holding an Indicator heading alone.
 * Null when no top row has one.
 */
export function findHeaderRow(grid: Grid): HeaderRow | null {
  let alone: HeaderRow | null = null;
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < last; row += 1) {
    const found = headerAt(grid, row);
    if (found.columns.name === undefined) continue;
    if (Object.keys(found.columns).length >= 2) return found;
    alone ??= found;
  }
  return alone;
}
