/**
 * The "Validation report" sheet: the verdict, the counts by severity, and every issue with its
 * cell, for an agency lead checking a return before sending it (the task pane writes it into the
 * open workbook) or for the partnership's analyst. All cell contents are data: a message that
 * happens to begin with "=" is never written as a formula.
 */
import type { PlanValue, SheetPlan } from "../plan/plan";
import { REPORT_SHEET } from "./layout";
import type { ReturnValidation } from "./validate";

const SEVERITY_WORDS = { error: "Error", query: "Query", warning: "Warning" } as const;
const FILLS = { error: "#FFC7CE", query: "#FFEB9C", warning: "#DDEBF7" } as const;

/** What the report needs: a return's or a Section 11 audit's check alike. */
export type CheckedFile = Pick<ReturnValidation, "file" | "agency" | "period" | "readable" | "counts" | "issues">;

function verdict(r: CheckedFile): string {
  if (!r.readable) return "This file cannot be checked as a return.";
  if (r.counts.errors > 0) return `Not ready to send: ${r.counts.errors} ${r.counts.errors === 1 ? "error" : "errors"} to put right.`;
  if (r.counts.queries > 0) return `No errors, but ${r.counts.queries} ${r.counts.queries === 1 ? "query" : "queries"} to explain in Commentary before sending.`;
  return "Ready to send: no errors.";
}

export function validationReportPlan(r: CheckedFile): SheetPlan {
  const subject = r.agency && r.period ? `${r.agency}, ${r.period.label}` : r.file;
  const headerRow = 9;
  const issues = r.issues;
  const last = headerRow + issues.length;
  const blocks: { at: string; values: PlanValue[][] }[] = [
    { at: "A1", values: [[`Validation report: ${subject}`]] },
    { at: "A2", values: [[`File: ${r.file}`]] },
    { at: "A3", values: [[verdict(r)]] },
    {
      at: "A5",
      values: [
        ["Errors (must be put right)", r.counts.errors],
        ["Queries (explain in Commentary)", r.counts.queries],
        ["Warnings (worth a look)", r.counts.warnings],
      ],
    },
  ];
  const plan: SheetPlan = {
    name: REPORT_SHEET,
    blocks,
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: "A3", style: { bold: true } },
    ],
    columnWidths: [
      { col: 0, width: 30 },
      { col: 1, width: 10 },
      { col: 2, width: 10 },
      { col: 3, width: 10 },
      { col: 4, width: 12 },
      { col: 5, width: 100 },
    ],
  };
  if (issues.length === 0) {
    blocks.push({ at: `A${headerRow}`, values: [["No issues found."]] });
    return plan;
  }
  blocks.push({
    at: `A${headerRow}`,
    values: [
      ["Code", "Severity", "Sheet", "Cell", "Indicator ID", "Message"],
      ...issues.map((i) => [i.code, SEVERITY_WORDS[i.severity], i.sheet ?? "", i.cell ?? "", i.indicatorId ?? "", i.message]),
    ],
  });
  plan.tables = [{ name: "ValidationIssues", range: `A${headerRow}:F${last}`, style: "TableStyleLight1" }];
  plan.styles!.push({ range: `F${headerRow + 1}:F${last}`, style: { wrap: true } });
  plan.conditionalFormats = (["error", "query", "warning"] as const).map((s, i) => ({
    kind: "expression" as const,
    range: `B${headerRow + 1}:B${last}`,
    formula: `B${headerRow + 1}="${SEVERITY_WORDS[s]}"`,
    style: { fill: FILLS[s] },
    priority: i + 1,
  }));
  return plan;
}
