/**
 * Knowing that a sheet the add-in wrote is unchanged without reading it back: the register's live
 * count of cells that differ from the sheet's very hidden copy (src/excel/ownership.ts, "Copies as
 * written"). A rewrite over an unchanged 50,000-row sheet reads a few kilobytes, not 20 MB; a hand
 * edit anywhere (the first cell, the last, one in the middle, one typed outside the cells written)
 * is still caught; and whenever the count cannot be trusted the check reads the cells as before.
 */
import type { WorkbookPlan } from "../../src/core/plan/plan";
import { copySheetName, OwnershipError, REGISTER_SHEET, renderOwnedPlan, splitOwnSheets } from "../../src/excel/ownership";
import { readWorkbook } from "../../src/excel/read";
import { ExcelHost } from "../excel-host";
import { indicatorPlan } from "./plans";

const NOW = () => new Date("2026-12-03T09:30:00Z");

/** One owned sheet of `rows` rows under a heading: an id, a label, a figure and a formula on each row. */
function bigPlan(rows: number): WorkbookPlan {
  const values = [
    ["Id", "Indicator", "Figure", "Twice"],
    ...Array.from({ length: rows }, (_, i) => [`I${i + 1}`, `Measure ${i % 97}`, (i * 37) % 1000, { formula: `C${i + 2}*2` }]),
  ];
  return { sheets: [{ name: "Observations", blocks: [{ at: "A1", values }] }] };
}

async function type(host: ExcelHost, sheet: string, address: string, value: string | number): Promise<void> {
  host.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await host.context.sync();
}

/** The rewrite's outcome: replaced, or the question's reason. */
async function rewrite(host: ExcelHost, plan: WorkbookPlan): Promise<{ outcome: string; checkSyncs?: number; received: number }> {
  const from = host.requests.length;
  const received = () => host.requests.slice(from).reduce((n, r) => n + r.responseBytes, 0);
  try {
    const done = await renderOwnedPlan(host.context, plan, { now: NOW });
    return { outcome: "replaced", checkSyncs: done.checkSyncs, received: received() };
  } catch (e) {
    if (e instanceof OwnershipError) return { outcome: e.conflicts.map((c) => c.reason).join(), received: received() };
    throw e;
  }
}

describe("a 50,000-row sheet the add-in wrote", () => {
  const ROWS = 50_000;
  const plan = bigPlan(ROWS);
  const host = new ExcelHost();
  const last = `D${ROWS + 1}`;
  const middle = `C${Math.floor(ROWS / 2)}`;

  beforeAll(async () => {
    await renderOwnedPlan(host.context, plan, { now: NOW });
  });

  test("keeps a very hidden copy of its cells, made by Excel, and a live count of 0 in the register", async () => {
    const copy = host.sheet(copySheetName("Observations"));
    expect(copy?.visibility).toBe("VeryHidden");
    expect(host.cell(copySheetName("Observations"), last)?.formula).toBe(`=C${ROWS + 1}*2`);
    expect(host.cell(copySheetName("Observations"), "B2")?.value).toBe("Measure 0");
    const context = host.context;
    const register = context.workbook.worksheets.getItem(REGISTER_SHEET).getRange("G3:I3");
    register.load("values");
    await context.sync();
    expect(register.values).toEqual([[copySheetName("Observations"), `A1:D${ROWS + 1}`, 0]]);
  });

  test("unchanged, is replaced after a check of one sync that reads kilobytes, not its cells", async () => {
    const done = await rewrite(host, plan);
    expect(done).toMatchObject({ outcome: "replaced", checkSyncs: 1 });
    expect(done.received).toBeLessThan(20_000);
  });

  test.each([
    ["its first cell", "A1", "Identifier"],
    ["a cell in the middle", middle, 12345],
    ["its last cell", last, 7],
    ["a cell outside the cells written", `F${ROWS + 10}`, "a note"],
  ])("changed by hand in %s, is asked about, and replaced once the edit is undone", async (_, address, typed) => {
    const before = host.cell("Observations", address);
    const original = before?.formula ?? before?.value ?? "";
    await type(host, "Observations", address, typed);
    expect((await rewrite(host, plan)).outcome).toBe("changed-by-hand");
    await type(host, "Observations", address, original as string | number);
    expect(await rewrite(host, plan)).toMatchObject({ outcome: "replaced", checkSyncs: 1 });
  });

  test("is read in full, in answers under the limit, when the count cannot be trusted: a register formula changed by hand", async () => {
    host.context.workbook.worksheets.getItem(REGISTER_SHEET).getRange("I3").formulas = [["=0"]];
    await host.context.sync();
    const done = await rewrite(host, plan);
    // Read back in full (the cells are as written, so no question), then given its count again.
    expect(done.outcome).toBe("replaced");
    expect(done.checkSyncs).toBeGreaterThanOrEqual(2);
    expect(done.received).toBeGreaterThan(1_500_000);
    expect(host.requests.every((r) => r.responseBytes < 5 * 1024 * 1024)).toBe(true);
    expect(await rewrite(host, plan)).toMatchObject({ outcome: "replaced", checkSyncs: 1 });
  });
});

describe("the count is not trusted", () => {
  test("while Excel calculates only when asked: an edit made then is caught by reading the cells", async () => {
    const host = new ExcelHost();
    const plan = indicatorPlan();
    await renderOwnedPlan(host.context, plan, { now: NOW });
    host.setCalculationMode("Manual");
    await type(host, "Observations", "B2", "my correction");
    expect((await rewrite(host, plan)).outcome).toBe("changed-by-hand");
    host.setCalculationMode("Automatic");
    expect((await rewrite(host, plan)).outcome).toBe("changed-by-hand");
  });

  test("when the copy is gone: the count is an error, and the cells are read", async () => {
    const host = new ExcelHost();
    const plan = indicatorPlan();
    await renderOwnedPlan(host.context, plan, { now: NOW });
    const copy = host.context.workbook.worksheets.getItem(copySheetName("Scorecard"));
    copy.visibility = "Hidden";
    copy.delete();
    await host.context.sync();
    const done = await rewrite(host, plan);
    expect(done).toMatchObject({ outcome: "replaced" });
    expect(done.checkSyncs).toBeGreaterThan(1);
    expect(host.sheet(copySheetName("Scorecard"))?.visibility).toBe("VeryHidden");
  });
});

describe("the copies", () => {
  test("are left out of what the add-in reads, and are the add-in's own", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Notes", cells: { A1: "mine" } }] });
    await renderOwnedPlan(host.context, indicatorPlan(), { now: NOW });
    const book = await readWorkbook(host.context);
    expect(book.sheets.map((s) => s.sheet)).not.toContain(copySheetName("Scorecard"));
    const { theirs } = splitOwnSheets(book);
    expect(theirs.map((s) => s.sheet)).toEqual(["Notes"]);
  });

  test("of sheets no longer written go, and a sheet written again keeps its copy's name", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan(), { now: NOW });
    const copies = () => host.sheetNames().filter((n) => n.startsWith("~as written"));
    expect(copies()).toHaveLength(3);
    await renderOwnedPlan(host.context, indicatorPlan(), { now: NOW });
    expect(copies().sort()).toEqual(["Scorecard", "Indicators", "Observations"].map(copySheetName).sort());
    // The user deletes a sheet the add-in wrote; its copy goes at the next write.
    const ws = host.context.workbook.worksheets.getItem("Indicators");
    ws.delete();
    await host.context.sync();
    await renderOwnedPlan(host.context, { sheets: indicatorPlan().sheets.filter((s) => s.name === "Scorecard") }, { now: NOW });
    expect(copies().sort()).toEqual(["Scorecard", "Observations"].map(copySheetName).sort());
  });

});
