/**
 * The shape of a return workbook, shared by the template writer and the validator: sheet names,
 * the labels of the details at the top of the Return sheet, and the headings of the ReturnData
 * table. The validator finds everything by these labels and headings rather than by fixed
 * addresses, so a row inserted by hand above or inside the table does not break it.
 */
import type { Unit } from "../model/model";
import type { TemplateVersions } from "../templates/layout";

// The spec sheet, the details' labels and labelKey are common to every template (../templates).
export { SPEC_SHEET, DETAIL_LABELS, labelKey } from "../templates/layout";

export const RETURN_SHEET = "Return";
export const CHECKS_SHEET = "Checks";
export const REPORT_SHEET = "Validation report";
export const RETURN_TABLE = "ReturnData";

/** The template this code writes. A return from another version is checked against this list. */
export const TEMPLATE_VERSIONS: TemplateVersions = {
  current: "1.0",
  /** Versions still accepted, with a warning that a newer template exists. */
  accepted: ["1.0"],
};

/** Unexplained changes larger than this are queried: percentage points for percentages, else per cent. */
export const DEFAULT_CHANGE_THRESHOLD = 10;

/** Longest commentary the template accepts: room for a paragraph, short of a report. */
export const COMMENTARY_MAX = 1000;

/** What the "Not available" column holds when a figure is not available. */
export const NOT_AVAILABLE = "Not available";

/** The ReturnData headings, in order. The validator needs the first four; the others may be absent. */
export const HEADINGS = {
  id: "Indicator ID",
  name: "Indicator",
  unit: "Unit",
  polarity: "Good is",
  target: "Target",
  previous: "Last return",
  value: "Value",
  numerator: "Numerator",
  denominator: "Denominator",
  notAvailable: "Not available",
  commentary: "Commentary",
} as const;

export type Column = keyof typeof HEADINGS;
export const COLUMN_ORDER: readonly Column[] = [
  "id",
  "name",
  "unit",
  "polarity",
  "target",
  "previous",
  "value",
  "numerator",
  "denominator",
  "notAvailable",
  "commentary",
];
export const REQUIRED_COLUMNS: readonly Column[] = ["id", "name", "value", "commentary"];

/** How a unit is shown in the Unit column. */
export const UNIT_LABELS: Record<Unit, string> = {
  count: "Number",
  percent: "%",
  rate: "Rate",
  days: "Days",
  other: "Number",
};
export const CHOICE_LABEL = "Choice";
