/**
 * Corrections an analyst makes in the Import panel, per sheet. Each one replaces what the
 * detector would have decided, and everything that depends on it is worked out again: giving
 * new heading rows re-reads every column's heading, for instance.
 */
import type { Period } from "../model/model";
import type { ColumnRole } from "./layout";

export interface ColumnOverride {
  /** Zero-based absolute column. */
  col: number;
  role?: ColumnRole;
  /** The period of a figure column; null says the column has none. */
  period?: Period | null;
  /** The indicator a figure column measures (a matrix or periods-down sheet). */
  measure?: string | null;
  /** The agency a figure column belongs to (agencies across the columns). */
  agency?: string | null;
}

export interface LayoutOverride {
  /** Leave the sheet out altogether. */
  skip?: boolean;
  /** Zero-based absolute rows of the heading block. */
  headerRows?: number[];
  firstDataRow?: number;
  lastDataRow?: number;
  indicatorColumn?: number | null;
  idColumn?: number | null;
  agencyColumn?: number | null;
  periodColumn?: number | null;
  /** The agency of the whole sheet ("which sheet is which agency"). */
  sheetAgency?: string | null;
  /** The period of the whole sheet, for a matrix whose title does not say it. */
  titlePeriod?: Period | null;
  columns?: ColumnOverride[];
}

/** Overrides by sheet name. */
export type LayoutOverrides = Record<string, LayoutOverride>;
