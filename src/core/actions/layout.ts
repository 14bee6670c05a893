/** The action log's sheets and headings, shared by the writer and the reader. */
import type { LogField } from "./types";

export const ACTION_LOG_SHEET = "Action log";
export const ACTION_LOG_TABLE = "ActionLog";
/**
 * The log as collation last wrote it, on a very hidden sheet: what lets the next collation tell
 * a cell a person changed from one nobody touched (see merge.ts).
 */
export const LOG_BASE_SHEET = "_actionlog";
export const ACTIONS_DUE_SHEET = "Actions due";

/** Rows above the log's headings: a title, what the sheet is, and a blank. */
export const LOG_HEADER_ROW = 4;

export const LOG_HEADINGS: Record<"id" | LogField, string> = {
  id: "Action ID",
  source: "Source",
  from: "From",
  agency: "Agency",
  about: "Standard or finding",
  action: "Action",
  owner: "Owner",
  due: "Due date",
  status: "Status",
  evidence: "Evidence of completion",
  notes: "Notes",
};
/** The worked-out column: a formula of the due date and status, so it follows every edit. */
export const DUE_STATE_HEADING = "Due state (worked out)";
export const LOG_COLUMNS: readonly ("id" | LogField)[] = ["id", "source", "from", "agency", "about", "action", "owner", "due", "status", "evidence", "notes"];

/** Actions due within this many days are "due soon". */
export const DUE_SOON_DAYS = 28;
export const OVERDUE = "Overdue";
export const DUE_SOON = "Due soon";
