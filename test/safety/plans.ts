/**
 * The plans the add-in writes, built from generated data, for the safety tests: the indicator
 * workbook (scorecard, indicators, observations), the gap analysis and a return template, plus
 * user sheets of every kind Excel holds, to seed a workbook the add-in writes into.
 */
import { indicatorWorkbookPlan } from "../../src/cli/verbs/ingest";
import { defaultFramework } from "../../src/core/framework/default-framework";
import { analyseGaps, gapAnalysisPlan, GAP_SHEET } from "../../src/core/gap";
import { ingestWorkbook } from "../../src/core/ingest";
import type { Indicator, IngestResult } from "../../src/core/model/model";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import { applyRag, RagRuleSchema } from "../../src/core/rag";
import { returnTemplatePlan } from "../../src/core/returns";
import type { SeedSheet } from "../excel-host";
import { generateScorecard, scorecardWorkbook } from "../generators/scorecard";

export function ingested(indicatorsPerAgency = 6): IngestResult {
  const rows = generateScorecard({ quarters: 4, agencies: 3, indicatorsPerAgency, figure: (i, q) => ((i + q) % 7 === 3 ? "*" : 10 + i * 3 + q) }).rows;
  const detail = ingestWorkbook(scorecardWorkbook(rows));
  const rule = RagRuleSchema.parse({});
  return { observations: applyRag(detail.observations, detail.indicators, rule), indicators: detail.indicators, warnings: detail.warnings };
}

export function indicatorPlan(indicatorsPerAgency = 6): WorkbookPlan {
  return indicatorWorkbookPlan(ingested(indicatorsPerAgency), RagRuleSchema.parse({}));
}

export function gapPlan(): WorkbookPlan {
  const result = analyseGaps(ingested().indicators, defaultFramework);
  return { sheets: gapAnalysisPlan(result, defaultFramework), activeSheet: GAP_SHEET };
}

export function templatePlan(rows = 12): WorkbookPlan {
  const units = ["count", "percent", "rate", "days"] as const;
  const indicators: Indicator[] = Array.from({ length: rows }, (_, i) => ({
    id: `PO${String(i + 1).padStart(2, "0")}`,
    name: `Police measure ${i + 1}`,
    agency: "Police",
    unit: units[i % 4]!,
    polarity: i % 2 ? "lower" : "higher",
    target: 50,
    contentArea: null,
    type: null,
    source: null,
    frequency: "quarterly",
  }));
  return returnTemplatePlan({ indicators, partnership: "Northshire", agency: "Police", period: { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" } });
}

export const PLANS: { name: string; plan: () => WorkbookPlan }[] = [
  { name: "the indicator workbook", plan: () => indicatorPlan() },
  { name: "the gap analysis", plan: gapPlan },
  { name: "a return template", plan: () => templatePlan() },
];

/** The user's own sheets: values, formulas, errors, merges, a table, hidden and protected sheets, and hostile text. */
export const USER_SHEETS: SeedSheet[] = [
  {
    name: "My scorecard",
    cells: {
      A1: "Police figures I keep myself",
      B3: 12,
      C3: { formula: "=B3*2", value: 24 },
      D3: { error: "#DIV/0!" },
      E3: { value: 0.875, numberFormat: "0.0%" },
      F3: "=HYPERLINK(\"http://x\",\"y\")",
      G3: { value: "bold note", style: { bold: true, fill: "#FFFF00" } },
    },
    merges: ["A1:D1"],
    columnWidths: { 0: 30 },
    rowHeights: { 0: 30, 2: 45 },
  },
  { name: "Lookups", state: "hidden", rows: { at: "B2", values: [["Agency", "Code"], ["Police", "PO"], ["Health", "HE"]] }, tables: [{ name: "AgencyCodes", range: "B2:C4" }] },
  { name: "Locked", protected: true, cells: { A1: "Do not change", A2: 42 } },
  { name: "Spec", state: "veryHidden", cells: { A1: "+cmd", A2: "@SUM(A1)", A3: "-1+2" } },
];

export const USER_SHEET_NAMES = USER_SHEETS.map((s) => s.name);
