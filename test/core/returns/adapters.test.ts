/**
 * The return template renders the same through both adapters: Office.js (into the Excel test
 * host, as the task pane would) and ExcelJS (to .xlsx, as the command line does); and a return
 * in the open workbook is read and checked through the Office.js adapter.
 */
import { readWorkbook, renderPlan } from "../../../src/excel";
import { buildReturnSpec, returnTemplatePlan } from "../../../src/core/returns/template";
import { validateReturn } from "../../../src/core/returns/validate";
import { validationReportPlan } from "../../../src/core/returns/report";
import { renderPlanToXlsx } from "../../../src/files/render";
import { snapshotXlsx } from "../../../src/files/snapshot";
import { ExcelHost } from "../../excel-host";
import { check, filled, templateInput } from "./kit";

test("the template: same cells, table, validation, protection and hidden specification", async () => {
  const plan = returnTemplatePlan(templateInput());
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  const names = plan.sheets.map((s) => s.name);
  const fromHost = host.snapshot({ sheets: names });
  const fromFile = await snapshotXlsx(await renderPlanToXlsx(plan));
  expect(fromHost.sheets).toEqual(fromFile.sheets);
  expect(fromFile.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
    ["Return", "visible", true],
    ["Checks", "visible", true],
    ["_spec", "veryHidden", true],
  ]);
});

test("the validation report: the same through both adapters", async () => {
  const plan = { sheets: [validationReportPlan(await check(await filled((d) => (d.at("CP02", "value").value = 104))))] };
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  expect(host.snapshot({ sheets: ["Validation report"] }).sheets).toEqual((await snapshotXlsx(await renderPlanToXlsx(plan))).sheets);
});

test("a template written into Excel by the task pane is read back and checked there", async () => {
  const host = new ExcelHost();
  await renderPlan(host.context, returnTemplatePlan(templateInput()));
  const r = validateReturn(await readWorkbook(host.context, { file: "Book1.xlsx" }));
  expect(r.readable).toBe(true);
  expect(r.spec).toEqual(buildReturnSpec(templateInput()));
  // Nothing is filled in yet: every value is missing, and nothing else is wrong.
  expect([...new Set(r.issues.map((i) => i.code))]).toEqual(["RET020"]);
  expect(r.issues).toHaveLength(7);
});
