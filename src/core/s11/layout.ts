/**
 * The shape of a Section 11 self-audit workbook, shared by the template writer and the checks:
 * sheet names, table names, and the headings the checks find things by. As with a return, rows
 * and columns are found by heading, never by fixed address, so that a row inserted by another
 * tool moves nothing the checks rely on.
 */
import type { TemplateVersions } from "../templates/layout";

export { SPEC_SHEET, DETAIL_LABELS, labelKey } from "../templates/layout";

/** The sheet of the nine standards, and its table. */
export const AUDIT_SHEET = "Audit";
export const STANDARDS_TABLE = "AuditStandards";
/** The sheet of actions the agency commits to, and its table. */
export const ACTIONS_SHEET = "Actions";
export const ACTIONS_TABLE = "AuditActions";
/** The list of what is checked, for the lead to read before sending. */
export const AUDIT_CHECKS_SHEET = "Audit checks";

/** What the specification's "kind" says for an audit; a return's says "safeguarding-return". */
export const AUDIT_KIND = "section-11-audit";

export const AUDIT_VERSIONS: TemplateVersions = {
  current: "1.0",
  accepted: ["1.0"],
};

/** Rows for actions: three for each standard, more than any audit we have seen needs. */
export const ACTION_ROWS = 27;

/** Longest evidence: room for a few paragraphs and references to documents, short of a report. */
export const EVIDENCE_MAX = 2000;
/** Longest comment, action or owner. */
export const COMMENTS_MAX = 1000;
export const ACTION_MAX = 1000;
export const OWNER_MAX = 200;

export const STANDARD_HEADINGS = {
  number: "Standard no.",
  name: "Standard",
  show: "What to show",
  rating: "Rating",
  evidence: "Evidence",
  comments: "Comments",
} as const;
export type StandardColumn = keyof typeof STANDARD_HEADINGS;
export const STANDARD_COLUMNS: readonly StandardColumn[] = ["number", "name", "show", "rating", "evidence", "comments"];

export const ACTION_HEADINGS = {
  number: "Action no.",
  standard: "Standard no.",
  action: "Action",
  owner: "Owner",
  due: "Due date",
} as const;
export type ActionColumn = keyof typeof ACTION_HEADINGS;
export const ACTION_COLUMNS: readonly ActionColumn[] = ["number", "standard", "action", "owner", "due"];

/** How dates are shown: day first, as in England. */
export const DATE_FORMAT = "dd/mm/yyyy";
