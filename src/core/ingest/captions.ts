/**
 * Captions: the line directly above a table that says what the table is ("Table 1: Police,
 * monthly", "Table 3: Attendance at initial child protection conferences by agency, Q2 2025/26").
 * Stacked tables are told apart by them, so a caption may name the table's agency, or, over a
 * table of agencies, the one measure the table gives for each.
 */
import { looksLikeAgency } from "./agencies";
import { tidy } from "./text";

/** The caption without its numbering: "Table 3: X", "Figure 2a - X", "3. X" all read "X". */
export function captionText(line: string): string {
  return tidy(line)
    .replace(/^(table|figure|chart|section|part)\s+[0-9A-Za-z]{1,3}\s*[:.\-\u2013\u2014]\s*/i, "")
    .replace(/^\d+(\.\d+)*[.)]\s+/, "")
    .trim();
}

/**
 * The agency a caption opens with, before a comma, colon or dash ("Police, monthly",
 * "Health: quarterly", "Youth Justice - caseload"): the table belongs to it.
 */
export function captionAgency(line: string): string | null {
  const head = captionText(line).split(/\s*(?:[,:;(]|\s[-\u2013\u2014]\s)\s*/)[0] ?? "";
  return head !== "" && looksLikeAgency(head) ? head : null;
}

/**
 * The measure a caption names for a table broken down by agency ("Attendance at initial child
 * protection conferences by agency, Q2 2025/26" names "Attendance at initial child protection
 * conferences"). Only the words before "by agency" are the measure; the period is read apart.
 */
export function captionMeasure(line: string): string | null {
  const m = /^(.+?)\s+(?:by|for each|per|across)\s+(?:(?:partner|lead|reporting)\s+)?(?:agency|agencies|partners?|organisations?|services?|providers?)\b/i.exec(captionText(line));
  const measure = m?.[1]?.trim() ?? "";
  return measure.length >= 3 ? measure : null;
}
