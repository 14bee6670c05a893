import type { ConditionalFormatPlan, DataValidationPlan, PrintPlan } from "./plan";

/**
 * A rendered workbook reduced to what a plan controls, in one normal form. Both adapters'
 * outputs are read back into snapshots (the .xlsx by ExcelJS, the Excel test host from its
 * in-memory workbook) and compared: equal snapshots mean the plan rendered identically.
 *
 * The normal form (both snapshotters must produce exactly this; compare with toEqual):
 * - Optional keys are absent, never present with the value undefined.
 * - Colours are "#RRGGBB", upper case.
 * - Addresses are A1 without "$" or sheet name; a single cell is "B2", not "B2:B2".
 * - Sheets are in tab order.
 */
export interface SnapshotCell {
  /**
   * Data value, or null for a formula cell. Dates are serial numbers (a plan never writes a
   * Date); strings stay strings even when they start with "=". An empty string is an empty
   * cell (null), as Excel makes it when "" is written to a cell.
   */
  value: string | number | boolean | null;
  /** The formula without "=" when the cell holds one (e.g. "SUM(B2:B9)"). */
  formula?: string;
  /** "General" when the cell has no other format. */
  numberFormat: string;
  /**
   * Present only when at least one key is: keys only for what differs from Excel's default
   * cell style: bold/italic/wrap only when true; fontColor and fill (a solid fill's colour) only
   * when set; horizontal only when not "general"; size only when not 11 (points).
   */
  style?: { bold?: boolean; italic?: boolean; fontColor?: string; fill?: string; wrap?: boolean; horizontal?: string; size?: number };
  /** Present (false) only when the cell is unlocked (left editable on a protected sheet). */
  locked?: boolean;
}

export interface SnapshotSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /**
   * Cells keyed by A1 address, holding any cell with a value, a formula, a non-General
   * format, a style (as above) or locked: false. Cells covered by a merged area other than its
   * top-left cell are left out: Excel shows and keeps only the top-left cell's content.
   */
  cells: Record<string, SnapshotCell>;
  /** Merged areas ("A1:D1"), sorted by top row then left column. */
  merges: string[];
  /**
   * Tables sorted by name. `range` includes the header row; `columns` are the header names in
   * order. A plan table that is only a header row renders with one empty data row (as Excel
   * makes it), so its range here is one row taller than the plan's.
   */
  tables: { name: string; range: string; columns: string[] }[];
  /**
   * Conditional formats in the plan's own terms, sorted by priority (then by range position)
   * and then numbered 1, 2, 3... in that order: only the order of priorities means anything.
   * One entry per range. Expression formulas are without "=", relative to the range's top-left
   * cell; `style` holds only the keys set (bold only when true); `stopIfTrue` only when true.
   * Colour scales: `mid` only for three-colour scales. Icon sets: thresholds are the second and
   * third icons' numbers (type num); `showValue` always present.
   */
  conditionalFormats: ConditionalFormatPlan[];
  /**
   * Data validations in the plan's own terms, one per range as written, sorted by range
   * position (top row, then left column). Key rules:
   * - `prompt` only when the input message is shown and has a title or message;
   * - `error` only when the alert is not Excel's standard one: a plan without `error` renders
   *   with the alert shown, style stop, no title and no message, and that snapshots as absent;
   * - whole/decimal: `between` has min and max, greaterThanOrEqual only min, lessThanOrEqual
   *   only max; textLength has `max` only (operator lessThanOrEqual); list `items` unquoted.
   */
  dataValidations: DataValidationPlan[];
  /**
   * Explicit column widths by zero-based column index, in the characters Excel's UI shows,
   * rounded to 0.1. Conversions from the file's stored width and from Office.js points are in
   * units.ts (both go through whole pixels, as Excel lays columns out).
   */
  columnWidths: Record<number, number>;
  /**
   * Explicit row heights by zero-based row index, in points rounded to whole pixels
   * (snapshotHeight in units.ts). Rows at the default height are left out.
   */
  rowHeights: Record<number, number>;
  /** Frozen rows and columns; null when nothing is frozen. */
  freeze: { rows: number; columns: number } | null;
  protected: boolean;
  /**
   * Charts in the order they were added. `kind` is Office.js's chart type with a lower-case
   * first letter ("columnClustered", "pie"); `title` is "" when the chart has none; `source`
   * is the whole range the series come from, headings and categories included ("A1:D4").
   */
  charts: { kind: string; title: string; source: string }[];
  /** The tab colour, present only when the sheet has one. */
  tabColor?: string;
  /** Page setup, present only when the sheet has any (see SnapshotPrint). */
  print?: SnapshotPrint;
}

/**
 * Page setup in the plan's terms (PrintPlan), read back from what Excel or the file holds. A
 * sheet has one when anything differs from a new sheet's: a paper size, landscape, fitting to
 * pages, centring, a print area or rows repeated on every page.
 */
export interface SnapshotPrint {
  /** The plan's paper; "default" where none is set (the printer's own), "other" for any paper a plan cannot name. */
  paper: PrintPlan["paper"] | "default" | "other";
  orientation: PrintPlan["orientation"];
  /**
   * Pages across and down the sheet is fitted to; null for "as many as it needs" (0 pages in
   * Excel and in the file), and both null when the sheet is printed at a scale instead.
   */
  fitWidth: number | null;
  fitHeight: number | null;
  /** The print area ("A1:N80"), only when one is set. */
  area?: string;
  /** Zero-based rows repeated at the top of every page, each one listed, only when set. */
  titleRows?: number[];
  /** True when the sheet is centred across the page (both adapters centre every sheet they set up). */
  centered: boolean;
}

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
  /** The sheet shown when the workbook opens (always set by the snapshotters). */
  activeSheet?: string;
}
