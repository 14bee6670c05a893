/**
 * The collated workbook (`collate --out`): what came in and its verdict ("Submissions"), the
 * figures collated ("Collated observations", the same table as the structured indicator
 * workbook's), what to chase ("Missing and conflicts"), and every issue of every return
 * ("Issues"). Tables have frozen headings so that a long list keeps its columns named. Every
 * cell is data: a message beginning with "=" is never written as a formula.
 */
import { actionLogSheet, actionsDueSheet, changeLines, logBaseSheet } from "../actions";
import { columnLetters } from "../grid/address";
import { observationsSheet } from "../indicator-sheets";
import type { Period } from "../model/model";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../plan/plan";
import { challengeSheet, summarySheet } from "../s11";
import { localToday } from "./collate";
import { auditConflictLine, auditDuplicateNote, duplicateNote } from "./notes";
import { periodsCollated } from "./missing";
import type { CollateResult, Conflict, MissingReturn, Submission } from "./types";

export const SUBMISSIONS_SHEET = "Submissions";
export const COLLATED_SHEET = "Collated observations";
export const CHASE_SHEET = "Missing and conflicts";
export const ISSUES_SHEET = "Issues";

export const SUBMISSION_HEADINGS = ["File", "Agency", "Period", "Status", "Errors", "Queries", "Warnings", "Reason", "Kind"] as const;

const KIND_WORDS = { return: "Return", "section-11-audit": "Section 11 audit" } as const;
export const ISSUE_HEADINGS = ["File", "Agency", "Period", "Severity", "Sheet", "Cell", "Code", "Indicator ID", "Message"] as const;

const REJECTED_FILL = "#FFC7CE";
const SEVERITY_FILLS = { error: "#FFC7CE", query: "#FFEB9C", warning: "#DDEBF7" } as const;

/** A table over a heading row and its rows; an empty body keeps one blank row, as Excel needs. */
function tableSheet(name: string, table: string, headings: readonly string[], rows: PlanValue[][], widths: number[]): SheetPlan {
  const body = rows.length ? rows : [headings.map(() => null)];
  const last = body.length + 1;
  return {
    name,
    blocks: [{ at: "A1", values: [[...headings], ...body] }],
    tables: [{ name: table, range: `A1:${columnLetters(headings.length - 1)}${last}`, style: "TableStyleMedium2" }],
    columnWidths: widths.map((width, col) => ({ col, width })),
    freeze: { rows: 1, columns: 0 },
  };
}

export function submissionsSheet(submissions: readonly Submission[]): SheetPlan {
  const rows: PlanValue[][] = submissions.map((s) => [s.file, s.agency, s.period?.label ?? null, s.status, s.errors, s.queries, s.warnings, s.reason, s.kind ? KIND_WORDS[s.kind] : null]);
  const sheet = tableSheet(SUBMISSIONS_SHEET, "Submissions", SUBMISSION_HEADINGS, rows, [36, 26, 14, 10, 8, 8, 10, 100, 18]);
  const last = Math.max(rows.length, 1) + 1;
  sheet.styles = [{ range: `H2:H${last}`, style: { wrap: true } }];
  sheet.conditionalFormats = [{ kind: "expression", range: `D2:D${last}`, formula: 'D2="rejected"', style: { fill: REJECTED_FILL }, priority: 1 }];
  return sheet;
}

export function issuesSheet(submissions: readonly Submission[]): SheetPlan {
  const rows: PlanValue[][] = submissions.flatMap((s) =>
    s.issues.map((i) => [s.file, s.agency, s.period?.label ?? null, i.kind, i.sheet, i.cell, i.code, i.indicatorId, i.message]),
  );
  const sheet = tableSheet(ISSUES_SHEET, "Issues", ISSUE_HEADINGS, rows, [36, 26, 14, 10, 12, 8, 8, 12, 100]);
  const last = Math.max(rows.length, 1) + 1;
  sheet.styles = [{ range: `I2:I${last}`, style: { wrap: true } }];
  sheet.conditionalFormats = (["error", "query", "warning"] as const).map((kind, i) => ({
    kind: "expression" as const,
    range: `D2:D${last}`,
    formula: `D2="${kind}"`,
    style: { fill: SEVERITY_FILLS[kind] },
    priority: i + 1,
  }));
  return sheet;
}

/** The collated figures, as the Observations table of the indicator workbook, under their own names. */
export function collatedObservationsSheet(result: CollateResult): SheetPlan {
  const sheet = observationsSheet(result.observations);
  return { ...sheet, name: COLLATED_SHEET, tables: (sheet.tables ?? []).map((t) => ({ ...t, name: "CollatedObservations" })) };
}

function shown(v: number | string | null): string {
  if (v === null) return "no figure";
  return typeof v === "number" ? String(v) : `"${v}"`;
}

export function conflictLine(c: Conflict): string {
  const each = c.figures.map((f, i) => `${shown(c.values[i] ?? null)} in "${f.file}" (${f.sheet}!${f.cell})`).join("; ");
  return `${c.indicatorId ?? ""} ${c.indicator}, ${c.agency ?? "no agency"}, ${c.period.label}: ${each}.`.trim();
}

function missingLines(result: CollateResult): string[] {
  if (result.expected === null) return ["Not checked: no indicator set was given, so no agency was expected."];
  if (result.missingByPeriod.length === 0) return ["None: every agency in the indicator set sent a return for each period collated."];
  const several = periodsCollated(result.submissions).length > 1;
  const label = (p: Period): string => (several ? ` for ${p.label}` : ` (${p.label})`);
  return result.missingByPeriod.map((m: MissingReturn) => (m.kind ? `${m.agency}: Section 11 audit for ${m.period.label}` : `${m.agency}${label(m.period)}`));
}

function rejectedLines(result: CollateResult): string[] {
  const rejected = result.submissions.filter((s) => s.status === "rejected");
  if (rejected.length === 0) return ["None."];
  return rejected.map((s) => {
    const reason = s.reason ?? "rejected.";
    // A file that could not be read is named by its reason already ("x.pdf" is neither...).
    if (s.agency === null && reason.startsWith(`"${s.file}"`)) return reason;
    return `"${s.file}"${s.agency ? ` (${s.agency}${s.period ? `, ${s.period.label}` : ""})` : ""}: ${reason}`;
  });
}

/** Plain lists of what to chase, each under a bold heading; lists rather than tables, for reading. */
export function chaseSheet(result: CollateResult): SheetPlan {
  const sections: [string, string[]][] = [
    ["Missing returns (nothing received)", missingLines(result)],
    ["Rejected returns (to be put right and sent again)", rejectedLines(result)],
    [
      "Conflicting figures (different figures for the same indicator, agency and period: none of them is collated)",
      result.conflicts.length ? result.conflicts.map(conflictLine) : ["None."],
    ],
    ["Figures sent more than once (counted once)", result.duplicates.length ? result.duplicates.map(duplicateNote) : ["None."]],
  ];
  if (result.auditConflicts.length) {
    sections.splice(3, 0, ["Section 11 audits that disagree (none of them is collated)", result.auditConflicts.map(auditConflictLine)]);
  }
  const repeats = new Set([...result.duplicates.map(duplicateNote), ...result.auditDuplicates.map(auditDuplicateNote)]);
  if (result.auditDuplicates.length) sections.push(["Section 11 audits sent more than once (counted once)", result.auditDuplicates.map(auditDuplicateNote)]);
  const other = result.notes.filter((n) => !repeats.has(n));
  if (other.length) sections.push(["Notes", other]);

  const values: PlanValue[][] = [];
  const bold: number[] = [];
  for (const [heading, lines] of sections) {
    if (values.length) values.push([null]);
    bold.push(values.length + 1);
    values.push([heading], ...lines.map((l) => [l]));
  }
  return {
    name: CHASE_SHEET,
    blocks: [{ at: "A1", values }],
    styles: bold.map((row) => ({ range: `A${row}`, style: { bold: true } })),
    columnWidths: [{ col: 0, width: 140 }],
  };
}

/** The partnership's name as its audits give it (the first that names one). */
function partnershipOf(result: CollateResult): string {
  return result.audits.find((a) => a.partnership.trim() !== "")?.partnership ?? "";
}

/**
 * The Section 11 sheets: the summary and challenge list where audits were accepted; the action
 * log, its lists and its hidden copy wherever there is a log.
 */
export function section11Sheets(result: CollateResult): SheetPlan[] {
  const sheets: SheetPlan[] = [];
  const log = result.actionLog;
  if (result.audits.length) sheets.push(summarySheet(result.audits, partnershipOf(result), log?.due.asAt ?? localToday()), challengeSheet(result.audits));
  if (log) sheets.push(actionLogSheet(log.actions), actionsDueSheet(log.due, changeLines(log.changes)));
  return sheets;
}

export function collatedPlan(result: CollateResult): WorkbookPlan {
  const s11 = section11Sheets(result);
  return {
    sheets: [
      submissionsSheet(result.submissions),
      collatedObservationsSheet(result),
      ...s11,
      chaseSheet(result),
      issuesSheet(result.submissions),
      ...(result.actionLog ? [logBaseSheet(result.actionLog.base)] : []),
    ],
    activeSheet: SUBMISSIONS_SHEET,
  };
}
