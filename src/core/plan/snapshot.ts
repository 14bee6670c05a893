import type { ConditionalFormatPlan, DataValidationPlan } from "./plan";

/**
 * A rendered workbook reduced to what a plan controls, in one normal form. Both adapters'
 * outputs are read back into snapshots (the .xlsx by ExcelJS, the Excel test host from its
 * in-memory workbook) and compared: equal snapshots mean the plan rendered identically.
 */
export interface SnapshotCell {
  /** Data value, or null for a formula cell. */
  value: string | number | boolean | null;
  /** The formula without "=" when the cell holds one. */
  formula?: string;
  numberFormat: string;
  style?: { bold?: boolean; italic?: boolean; fontColor?: string; fill?: string; wrap?: boolean; horizontal?: string };
  /** False when the cell is left editable on a protected sheet. */
  locked?: boolean;
}

export interface SnapshotSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Non-empty cells (a value, a formula or a non-General format) keyed by A1 address. */
  cells: Record<string, SnapshotCell>;
  merges: string[];
  tables: { name: string; range: string; columns: string[] }[];
  /** Conditional formats in priority order, in the plan's own terms. */
  conditionalFormats: ConditionalFormatPlan[];
  /** Data validations, one per range, in the plan's own terms. */
  dataValidations: DataValidationPlan[];
  /** Widths rounded to 0.1 character. */
  columnWidths: Record<number, number>;
  freeze: { rows: number; columns: number } | null;
  protected: boolean;
  charts: { kind: string; title: string; source: string }[];
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
}
