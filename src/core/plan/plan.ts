/**
 * A workbook plan: what to write, declared rather than done. The engine produces plans; the
 * Excel adapter (Office.js, in one batch) and the file adapter (ExcelJS, to .xlsx) render them.
 * A plan rendered by either adapter must give the same workbook (see snapshot.ts and the
 * adapter-equivalence tests).
 *
 * Addresses are A1 style, relative to the sheet ("B3:F40"). Colours are "#RRGGBB".
 * Column widths are in Excel's character units (the width Excel shows in its UI).
 */

/** A cell to write: data, or a formula we mean to write. A string is ALWAYS data, even "=1+1". */
export type PlanValue = string | number | boolean | null | { formula: string };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font colour "#RRGGBB". */
  fontColor?: string;
  /** Solid fill colour "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  /** Font size in points. */
  size?: number;
}

/** A rectangle of values written from its top-left cell. */
export interface CellBlock {
  /** Top-left cell, e.g. "A1". */
  at: string;
  values: PlanValue[][];
}

export interface NumberFormatPlan {
  range: string;
  format: string;
}

export interface StylePlan {
  range: string;
  style: CellStyle;
}

export interface TablePlan {
  /** Excel table name: letters, digits and underscores, unique in the workbook. */
  name: string;
  /** The whole table including its header row, e.g. "A3:J120". The header row's cells come from blocks. */
  range: string;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style?: string;
}

/**
 * Conditional formats. Only kinds both Excel (Office.js) and ExcelJS express natively.
 * `expression` formulas are written relative to the top-left cell of `range`, without "=".
 */
export type ConditionalFormatPlan =
  | {
      kind: "expression";
      range: string;
      formula: string;
      style: { fill?: string; fontColor?: string; bold?: boolean };
      /** Lower numbers are evaluated first. */
      priority: number;
      stopIfTrue?: boolean;
    }
  | {
      kind: "colorScale";
      range: string;
      /** Two or three colour stops at the lowest value, (optionally) the 50th percentile, and the highest value. */
      min: string;
      mid?: string;
      max: string;
      priority: number;
    }
  | {
      kind: "iconSet";
      range: string;
      /** Excel's built-in set name. */
      iconSet: "3TrafficLights1" | "3Symbols" | "3Arrows";
      /** Thresholds (numbers) for the second and third icons, as values. */
      thresholds: [number, number];
      showValue: boolean;
      priority: number;
    };

export type DataValidationPlan = {
  range: string;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error?: { title: string; message: string; style: "stop" | "warning" | "information" };
} & (
  | { kind: "whole" | "decimal"; operator: "between" | "greaterThanOrEqual" | "lessThanOrEqual"; min?: number; max?: number }
  | { kind: "list"; items: string[] }
  | { kind: "textLength"; max: number }
);

export interface ProtectionPlan {
  /** Protect the sheet (no password: nothing is lost if it is forgotten). */
  protect: boolean;
  /** Ranges left editable while the sheet is protected. */
  unlocked: string[];
}

export interface ChartPlan {
  /** Office.js's chart types. `lineMarkers`: a line per series with a marker at each point, the shape differing by series. */
  kind: "barClustered" | "columnClustered" | "columnStacked" | "pie" | "lineMarkers";
  title: string;
  /** Source range including headings, e.g. "A1:D4". Series are in columns. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface SheetPlan {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  blocks: CellBlock[];
  numberFormats?: NumberFormatPlan[];
  styles?: StylePlan[];
  merges?: string[];
  tables?: TablePlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  dataValidations?: DataValidationPlan[];
  /** Column widths in Excel character units, by zero-based column index. */
  columnWidths?: { col: number; width: number }[];
  /** Row heights in points, by zero-based row index, for rows of wrapped text (neither adapter grows rows by itself). */
  rowHeights?: { row: number; height: number }[];
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; columns: number };
  protection?: ProtectionPlan;
  charts?: ChartPlan[];
  tabColor?: string;
  /** How the sheet prints. */
  print?: PrintPlan;
  /**
   * The cells of `range` are a copy of the same cells of an earlier plan sheet: formulas as
   * formulas, constants as they are, no formatting. The workbook makes the copy itself, so nothing
   * is sent per cell. The add-in keeps such a copy of each sheet it owns, to tell later whether
   * the sheet was changed by hand without reading it back (src/excel/ownership.ts).
   */
  copyOf?: { sheet: string; range: string };
}

/** Page setup: paper, orientation, fitting, the area printed and the rows repeated on every page. */
export interface PrintPlan {
  paper: "A3" | "A4";
  orientation: "landscape" | "portrait";
  /** Pages across the width the sheet is fitted to. */
  fitWidth: number;
  /** Pages down it is fitted to; null to let it run on as long as it needs. */
  fitHeight: number | null;
  /** The range printed, e.g. "A1:N80"; the whole used range when absent. */
  area?: string;
  /** Zero-based rows repeated at the top of every page. */
  titleRows?: number[];
}

export interface WorkbookPlan {
  /**
   * Sheets the plan owns, in order. Rendering into an existing workbook replaces only these
   * sheets (by name) and never touches any other sheet.
   */
  sheets: SheetPlan[];
  /** Which sheet to show when the workbook opens (defaults to the first). */
  activeSheet?: string;
}
