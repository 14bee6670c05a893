/**
 * The Section 11 sheets render the same through both adapters: Office.js (into the Excel test
 * host, as the task pane writes them) and ExcelJS (to .xlsx, as the command line does): the audit
 * template, the summary with its rules and formulas, the challenge list, and the action log with
 * its lists and hidden copy.
 */
import { readWorkbook, renderPlan } from "../../../src/excel";
import type { WorkbookPlan } from "../../../src/core/plan/plan";
import { collatedPlan, collateReturns } from "../../../src/core/collate";
import { auditTemplatePlan, buildAuditSpec } from "../../../src/core/s11/template";
import { validateAudit } from "../../../src/core/s11/validate";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { snapshotXlsx } from "../../../src/files/snapshot";
import { ExcelHost } from "../../excel-host";
import { auditInput, filledAudit } from "./kit";

async function bothWays(plan: WorkbookPlan): Promise<void> {
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  const names = plan.sheets.map((s) => s.name);
  expect(host.snapshot({ sheets: names }).sheets).toEqual((await snapshotXlsx(await renderPlanToXlsx(plan))).sheets);
}

test("the audit template: same cells, tables, lists, date rule, protection and hidden specification", async () => {
  await bothWays(auditTemplatePlan(auditInput()));
});

test("the collated Section 11 sheets and the action log: the same through both adapters", async () => {
  const r = collateReturns([{ file: "police.xlsx", workbook: await readWorkbookBuffer(await filledAudit(), "police.xlsx") }], { today: "2026-01-15" });
  const plan = collatedPlan(r);
  const s11 = { sheets: plan.sheets.filter((s) => ["S11 summary", "S11 challenge list", "Action log", "Actions due", "_actionlog"].includes(s.name)) };
  expect(s11.sheets).toHaveLength(5);
  await bothWays(s11);
});

test("an audit written into Excel by the task pane is read back and checked there: only the answers are missing", async () => {
  const host = new ExcelHost();
  await renderPlan(host.context, auditTemplatePlan(auditInput()));
  const r = validateAudit(await readWorkbook(host.context, { file: "Book1.xlsx" }));
  expect(r.readable).toBe(true);
  expect(r.spec).toEqual(buildAuditSpec(auditInput()));
  expect([...new Set(r.issues.map((i) => i.code))]).toEqual(["S11-020"]);
  expect(r.issues).toHaveLength(9);
});
