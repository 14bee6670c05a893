/** The "Validation report" sheet: the verdict, counts by severity, and a table of the issues. */
import { validationReportPlan } from "../../../src/core/returns/report";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { check, filled } from "./kit";

async function rendered(plan: ReturnType<typeof validationReportPlan>) {
  const wb = await readWorkbookBuffer(await renderPlanToXlsx({ sheets: [plan] }), "report.xlsx");
  const grid = wb.sheets[0]!;
  return grid.rows.map((r) => r.map((c) => c.value));
}

describe("the validation report sheet", () => {
  test("counts each severity and lists every issue with its cell", async () => {
    const result = await check(
      await filled((d) => {
        d.at("CP02", "value").value = 104; // error
        d.at("CP03", "value").value = 150; // query: up 27% on last return
        d.at("CP02", "commentary").value = { formula: 'HYPERLINK("x","y")', result: "y" } as never; // warning
      }),
    );
    const plan = validationReportPlan(result);
    expect(plan.name).toBe("Validation report");
    expect(plan.tables).toEqual([expect.objectContaining({ name: "ValidationIssues", range: "A9:F12" })]);
    const rows = await rendered(plan);
    expect(rows[0]![0]).toBe("Validation report: Children's Social Care, Q1 2025/26");
    expect(rows[2]![0]).toBe("Not ready to send: 1 error to put right.");
    expect(rows.slice(4, 7).map((r) => r.slice(0, 2))).toEqual([
      ["Errors (must be put right)", 1],
      ["Queries (explain in Commentary)", 1],
      ["Warnings (worth a look)", 1],
    ]);
    expect(rows[8]!.slice(0, 6)).toEqual(["Code", "Severity", "Sheet", "Cell", "Indicator ID", "Message"]);
    expect(rows.slice(9, 12).map((r) => r.slice(0, 5))).toEqual([
      ["RET027", "Error", "Return", "G22", "CP02"],
      ["RET050", "Warning", "Return", "K22", "CP02"],
      ["RET041", "Query", "Return", "G23", "CP03"],
    ]);
    expect(String(rows[9]![5])).toContain("a percentage must be between 0 and 100");
  });

  test("a clean return says it is ready to send and lists nothing", async () => {
    const rows = await rendered(validationReportPlan(await check(await filled())));
    expect(rows.flat()).toContain("Ready to send: no errors.");
    expect(rows.flat()).toContain("No issues found.");
  });
});
