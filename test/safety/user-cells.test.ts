/**
 * Nothing lost: the add-in writes only to sheets it owns. Every plan it writes, rendered into a
 * workbook that already holds the user's sheets, leaves every one of those sheets exactly as it
 * was (values, formulas, errors, formats, merges, tables, widths, visibility, protection), as
 * the test host's snapshot of them shows; and reading a workbook changes nothing at all.
 */
import { readWorkbook, renderPlan } from "../../src/excel";
import { renderOwnedPlan } from "../../src/excel/ownership";
import { ExcelHost } from "../excel-host";
import { PLANS, USER_SHEETS, USER_SHEET_NAMES } from "./plans";

describe.each(PLANS)("writing $name", ({ plan }) => {
  test("leaves every cell of the user's sheets identical (renderPlan)", async () => {
    const host = new ExcelHost({ sheets: USER_SHEETS });
    const before = host.snapshot({ sheets: USER_SHEET_NAMES });
    await renderPlan(host.context, plan());
    const after = host.snapshot({ sheets: USER_SHEET_NAMES });
    expect(after.sheets).toEqual(before.sheets);
    // The plan's sheets were written beside them, and the user's tables are still there.
    for (const s of plan().sheets) expect(host.sheetNames()).toContain(s.name);
    expect(after.sheets.find((s) => s.name === "Lookups")?.tables.map((t) => t.name)).toEqual(["AgencyCodes"]);
  });

  test("leaves them identical when written twice through the ownership check, and the second write replaces only its own sheets", async () => {
    const host = new ExcelHost({ sheets: USER_SHEETS });
    const before = host.snapshot({ sheets: USER_SHEET_NAMES });
    // A fixed clock: the register notes when each write was made.
    const now = () => new Date("2025-10-01T09:30:00Z");
    await renderOwnedPlan(host.context, plan(), { now });
    const first = host.snapshot();
    const again = await renderOwnedPlan(host.context, plan(), { now });
    expect(again.replaced.sort()).toEqual(plan().sheets.map((s) => s.name).sort());
    expect(host.snapshot({ sheets: USER_SHEET_NAMES }).sheets).toEqual(before.sheets);
    expect(host.snapshot()).toEqual(first);
  });
});

test("reading the workbook changes nothing, in any sheet", async () => {
  const host = new ExcelHost({ sheets: USER_SHEETS });
  const before = host.snapshot();
  await readWorkbook(host.context);
  expect(host.snapshot()).toEqual(before);
  expect(host.pendingOperations).toBe(0);
});
