/**
 * What the detector found on a sheet, as plain data. The Import panel shows it to the analyst,
 * who may correct it (which rows are headings, which column holds the indicator, which columns
 * are periods, which agency a sheet belongs to) and re-run extraction with the corrected layout.
 *
 * Rows and columns are zero-based and absolute (row 0 is sheet row 1, column 0 is column A), so
 * that a layout means the same thing whichever adapter read the sheet.
 */
import type { z } from "zod";
import type { ColumnRoleSchema, Period, Polarity, Unit, Warning } from "../model/model";

/**
 * What a column holds. Only value, numerator and denominator columns give observations. The
 * list is the model's ColumnRoleSchema, so that a reading recipe names exactly these roles.
 */
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const FIGURE_ROLES: readonly ColumnRole[] = ["value", "numerator", "denominator"];

export interface ColumnLayout {
  /** Zero-based absolute column. */
  col: number;
  /** The column's letters, for people ("G"). */
  letter: string;
  /** The stacked heading read top to bottom, parts joined with " / ". */
  heading: string;
  role: ColumnRole;
  /** For a figure column: the period its heading names, if any. */
  period: Period | null;
  /** For a figure column: the indicator its heading names (a matrix or periods-down sheet). */
  measure: string | null;
  /** For a figure column: the agency its heading names (agencies across the columns). */
  agency: string | null;
  /** A unit the heading (or a Unit row) states ("%", "per 10,000", "days"). */
  unit: Unit | null;
  /** What attribute rows say about a figure column (a transposed scorecard). */
  attributes: ColumnAttributes;
}

/** A figure column's ID, agency, polarity and target, from rows labelled "Ref", "Agency", "Good is", "Target". */
export interface ColumnAttributes {
  indicatorId?: string;
  agency?: string;
  polarity?: Polarity | null;
  target?: number;
}

/** Where each observation's agency comes from, nearest first; sheetAgency fills any gap. */
export type AgencySource = "column-heading" | "column" | "row-label" | "section" | "sheet" | "title" | "none";

/** The shape of the table, for people; extraction follows the columns, not this name. */
export type LayoutKind =
  /** Indicators down the rows, periods across the columns (a scorecard, a monthly return). */
  | "wide"
  /** One observation a row: indicator, (agency,) period and value columns. */
  | "long"
  /** Periods down the rows, measures across the columns. */
  | "periods-down"
  /** Row labels (agencies or indicators) by measures or agencies, the period in the title. */
  | "matrix"
  /** Nothing recognisable. */
  | "none";

export interface SheetLayout {
  sheet: string;
  /** Which table of the sheet, top to bottom from 0, where tables are stacked down a sheet. */
  table: number;
  kind: LayoutKind;
  /** Zero-based absolute rows of the heading block, top to bottom. */
  headerRows: number[];
  /** The first and last row that may hold figures (absolute, inclusive). */
  firstDataRow: number;
  lastDataRow: number;
  /** The column holding the indicator label, when the indicators run down the rows. */
  indicatorColumn: number | null;
  /** The column of reference IDs ("CP02"), when there is one. */
  idColumn: number | null;
  /** The column of agencies (a long table, or a scorecard's "Lead agency"). */
  agencyColumn: number | null;
  /** The column of areas, where the rows are places (local authorities, regions, England). */
  areaColumn?: number | null;
  /** Columns whose values break a figure down ("Seniority", "Gender"), where the rows are areas. */
  breakdownColumns?: number[];
  /**
   * What every figure of the table measures, where no column or heading names it (a table of
   * areas by years): from the table's title or the sheet's name.
   */
  tableMeasure?: string | null;
  /** The column of periods (a long table, or periods down the rows). */
  periodColumn: number | null;
  /** A second column completing the period ("Quarter" beside "Year"), when there is one. */
  periodPartColumn: number | null;
  polarityColumn: number | null;
  targetColumn: number | null;
  unitColumn: number | null;
  /** A column saying each figure's status, where a blank value is withheld or missing. */
  statusColumn: number | null;
  columns: ColumnLayout[];
  agencySource: AgencySource;
  /** The agency of the whole sheet (from its name or title), where nothing nearer names one. */
  sheetAgency: string | null;
  /** The period named by the sheet's title or name, used where no heading or column gives one. */
  titlePeriod: Period | null;
  /** The title rows' text, for people. */
  title: string | null;
  /** Rows that name a section ("Police", "Child Protection Activity"), with the agency, if any, they set. */
  sections: { row: number; label: string; agency: string | null }[];
  /** Rows that describe the figure columns (ID, agency, polarity, target, unit), not figures. */
  attributeRows: { row: number; role: ColumnRole }[];
  /** 0..1: how sure the detector is that this is an indicator table read the right way. */
  confidence: number;
  /** Why the detector decided as it did, in plain English, for the Import panel. */
  notes: string[];
  /** Doubts found while detecting (an ambiguous heading), each naming its cell. */
  warnings: Warning[];
}
