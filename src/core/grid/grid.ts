/**
 * A grid is one sheet as read: a rectangle of cells with their value, displayed text,
 * number format and formula, plus the merged areas and the sheet's state. It is the only
 * thing the engine ever reads; the Excel adapter (Office.js) and the file adapter (ExcelJS)
 * both produce it, so the engine cannot tell (and need not care) where a sheet came from.
 *
 * Everything here is plain data: no Excel, no Office, no DOM, no Node APIs.
 */
import { parseCell } from "./address";

/** A value as Excel itself reports it: dates are serial numbers, errors are separate. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** The cell's value. Dates are Excel serial numbers (1 = 1900-01-01) with a date number format. */
  value: CellValue;
  /** What the cell displays ("17.5%", "Apr-25", "#DIV/0!"). Empty string for an empty cell. */
  text: string;
  /** The number format ("General", "0.0%", "mmm-yy", "@"). */
  numberFormat: string;
  /** The formula ("=B7/C7") when the cell holds one; value is then its computed result. */
  formula?: string;
  /** An Excel error value ("#DIV/0!", "#REF!", "#N/A") when the cell holds one; value is then null. */
  error?: string;
}

/** A merged area, zero-based and inclusive, in absolute sheet coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface Grid {
  /** The sheet's name as shown on its tab. */
  sheet: string;
  state: SheetState;
  /** Absolute zero-based row and column of rows[0][0] (the top-left of the used range). */
  origin: { row: number; col: number };
  /** A dense rectangle: every row has the same length. */
  rows: GridCell[][];
  merges: MergeArea[];
  /**
   * Why the adapter left the sheet's cells out, in words that follow "because" ("it spans
   * A1:F1048576 (6.3 million cells), …"); `rows` is then empty. Ingest reports it as the reason
   * the sheet was skipped.
   */
  leftOut?: string;
  /** Absolute zero-based indexes of hidden rows and columns, where the adapter knows them. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** A workbook as read: its sheets in tab order and the name of the file (or workbook). */
export interface GridWorkbook {
  file: string;
  sheets: Grid[];
}

/**
 * Most cells either adapter reads from one workbook: far more than any indicator table, and
 * few enough to hold in memory (a stray cell at row 1,048,576 makes a sheet of millions).
 */
export const DEFAULT_MAX_CELLS = 2_000_000;

export const EMPTY_CELL: GridCell = Object.freeze({ value: null, text: "", numberFormat: "General" }) as GridCell;

/**
 * The cell at an absolute A1 address ("D6"), through the grid's origin; undefined outside the grid
 * or for anything that is not one cell's address.
 */
export function cellAtAddress(grid: Grid, address: string): GridCell | undefined {
  if (!/^[A-Z]{1,3}\d{1,7}$/.test(address)) return undefined;
  const { row, col } = parseCell(address);
  return grid.rows[row - grid.origin.row]?.[col - grid.origin.col];
}
