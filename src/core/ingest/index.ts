/**
 * Ingest: workbooks in whatever layout a partnership circulates, read into observations.
 * detectLayout says what a sheet holds, as plain data the Import panel can show and correct;
 * extractWithLayout follows a (corrected) layout; ingestWorkbook does both for every sheet.
 */
export { detectLayout, detectLayouts } from "./detect";
export { extractWithLayout, type Extraction } from "./extract";
export { ingestWorkbook, indicatorsOf, unusableReason, type IngestDetail, type IngestOptions } from "./workbook";
export type { AgencySource, ColumnLayout, ColumnRole, LayoutKind, SheetLayout } from "./layout";
export type { ColumnOverride, LayoutOverride, LayoutOverrides } from "./overrides";
export { INGEST_WARNING_CODES, isDoubt, groupWarnings, meaningOf, type GroupedWarning, type WarningCode } from "./warnings";
export { REVIEW_BELOW } from "./confidence";
