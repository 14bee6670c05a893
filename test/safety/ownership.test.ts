/**
 * Before replacing a sheet the add-in checks it is still its own and unchanged by hand; if not,
 * it writes nothing and asks (OwnershipError), and `force` answers yes.
 */
import { renderPlan } from "../../src/excel";
import {
  cellToken,
  contentFingerprint,
  FINGERPRINT_SHEET,
  OwnershipError,
  planFingerprint,
  readRegister,
  renderOwnedPlan,
} from "../../src/excel/ownership";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import { ExcelHost } from "../excel-host";
import { indicatorPlan, PLANS, templatePlan, USER_SHEETS } from "./plans";

async function refusal(p: Promise<unknown>): Promise<OwnershipError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OwnershipError) return e;
    throw e;
  }
  throw new Error("expected the write to be refused");
}

/** Types into a cell as a person would (one sync). */
async function typeInto(host: ExcelHost, sheet: string, address: string, value: string | number): Promise<void> {
  host.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await host.context.sync();
}

describe("a sheet the add-in did not make", () => {
  test("is not replaced: one sync, nothing written, and a question naming it", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "The partnership's own scorecard", B2: 7 } }, ...USER_SHEETS] });
    const before = host.snapshot();
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.message).toBe("Sheet 'Scorecard' was not made by this add-in: replace it anyway?");
    expect(err.conflicts).toEqual([{ sheet: "Scorecard", reason: "not-written-by-add-in" }]);
    expect(host.syncCount).toBe(1);
    expect(host.snapshot()).toEqual(before);
  });

  test("matches by Excel's rule (case does not matter) and reports the name as the user wrote it", async () => {
    const host = new ExcelHost({ sheets: [{ name: "OBSERVATIONS", cells: { A1: "mine" } }] });
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.conflicts).toEqual([{ sheet: "OBSERVATIONS", reason: "not-written-by-add-in" }]);
  });

  test("is replaced when the user says so (force), and is then the add-in's", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "old" } }, { name: "Indicators", cells: { A1: "mine too" } }] });
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.message).toBe("Sheets 'Scorecard' and 'Indicators' were not made by this add-in: replace them anyway?");
    // Forcing one sheet is not forcing the other.
    await expect(renderOwnedPlan(host.context, indicatorPlan(), { force: ["scorecard"] })).rejects.toThrow("Sheet 'Indicators' was not made by this add-in");
    const done = await renderOwnedPlan(host.context, indicatorPlan(), { force: true });
    expect(done.replaced.sort()).toEqual(["Indicators", "Scorecard"]);
    expect(done.added).toEqual(["Observations"]);
    expect(host.text("Scorecard", "A1")).not.toBe("old");
    await expect(renderOwnedPlan(host.context, indicatorPlan())).resolves.toMatchObject({ replaced: ["Scorecard", "Indicators", "Observations"] });
  });
});

describe("a sheet the add-in made", () => {
  test("is replaced without a question while unchanged, in one check sync more than the render", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan());
    const start = host.syncCount;
    const again = await renderOwnedPlan(host.context, indicatorPlan());
    expect(host.syncCount - start).toBe(again.totalSyncs);
    expect(again.totalSyncs).toBe(again.syncs + 1);
  });

  test("changed by hand is not replaced, and the question says so", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan());
    await typeInto(host, "Observations", "B2", "my correction");
    const before = host.snapshot();
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.message).toBe("Sheet 'Observations' has been changed by hand since the add-in wrote it: replace it anyway?");
    expect(host.snapshot()).toEqual(before);
    await renderOwnedPlan(host.context, indicatorPlan(), { force: ["Observations"] });
    expect(host.text("Observations", "B2")).not.toBe("my correction");
  });

  test("with a figure typed into an empty cell, or a cell cleared, counts as changed", async () => {
    for (const edit of [
      (h: ExcelHost) => typeInto(h, "Scorecard", "Z99", 5),
      (h: ExcelHost) => typeInto(h, "Indicators", "A2", ""),
    ]) {
      const host = new ExcelHost();
      await renderOwnedPlan(host.context, indicatorPlan());
      await edit(host);
      const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
      expect(err.conflicts.map((c) => c.reason)).toEqual(["changed-by-hand"]);
    }
  });

  test("reformatted by hand (a fill colour) is still replaced without a question: no work is lost", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan());
    host.context.workbook.worksheets.getItem("Scorecard").getRange("A1:C3").format.fill.color = "#FF0000";
    await host.context.sync();
    await expect(renderOwnedPlan(host.context, indicatorPlan())).resolves.toMatchObject({ replaced: ["Scorecard", "Indicators", "Observations"] });
  });

  test("the questions of both kinds come together", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Observations", cells: { A1: "mine" } }] });
    const full = indicatorPlan();
    await renderOwnedPlan(host.context, { sheets: full.sheets.filter((s) => s.name !== "Observations") });
    await typeInto(host, "Scorecard", "A1", "edited title");
    const err = await refusal(renderOwnedPlan(host.context, full));
    expect(err.message).toBe(
      "Sheet 'Observations' was not made by this add-in; and sheet 'Scorecard' has been changed by hand since the add-in wrote it: replace them anyway?",
    );
  });

  test("a sheet of the add-in's name that the user deleted and made again counts as changed by hand", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan());
    host.context.workbook.worksheets.getItem("Indicators").delete();
    host.context.workbook.worksheets.add("Indicators").getRange("A1").values = [["a new sheet of mine"]];
    await host.context.sync();
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.conflicts).toEqual([{ sheet: "Indicators", reason: "changed-by-hand" }]);
  });
});

describe("the register and the fingerprints", () => {
  test("the register is a very hidden sheet of text only (nothing in it reads as a figure), kept up to date", async () => {
    const host = new ExcelHost({ sheets: USER_SHEETS });
    await renderOwnedPlan(host.context, indicatorPlan());
    await renderOwnedPlan(host.context, templatePlan());
    const sheet = host.snapshot({ sheets: [FINGERPRINT_SHEET] }).sheets[0]!;
    expect(sheet.state).toBe("veryHidden");
    const values = Object.values(sheet.cells).map((c) => c.value);
    expect(values.every((v) => typeof v === "string")).toBe(true);
    const rows: unknown[][] = [];
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const row = Number(address.replace(/^[A-Z]+/, ""));
      (rows[row - 1] ??= [])[address.startsWith("A") ? 0 : 1] = cell.value;
    }
    const register = readRegister(rows.filter(Boolean));
    expect([...register.values()].map((e) => e.sheet).sort()).toEqual(["_spec", "Checks", "Indicators", "Observations", "Return", "Scorecard"].sort());
    // A sheet the user deletes is forgotten at the next write.
    host.context.workbook.worksheets.getItem("Checks").delete();
    await host.context.sync();
    await renderOwnedPlan(host.context, indicatorPlan());
    expect(host.snapshot({ sheets: [FINGERPRINT_SHEET] }).sheets[0]!.cells["A8"]).toBeUndefined();
  });

  test("a plan may not write the register itself", async () => {
    const host = new ExcelHost();
    const plan: WorkbookPlan = { sheets: [{ name: FINGERPRINT_SHEET.toUpperCase(), blocks: [] }] };
    await expect(renderOwnedPlan(host.context, plan)).rejects.toThrow(/keeps its register there/);
  });

  test.each(PLANS)("the fingerprint worked out from $name is the fingerprint of what Excel holds after writing it", async ({ plan }) => {
    const host = new ExcelHost();
    const context = host.context;
    const p = plan();
    await renderPlan(context, p);
    const used = p.sheets.map((sheet) => {
      const range = context.workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true);
      range.load("formulas,rowIndex,columnIndex");
      return range;
    });
    await context.sync();
    p.sheets.forEach((sheet, i) => {
      const range = used[i]!;
      expect(contentFingerprint(range.isNullObject ? null : range)).toBe(planFingerprint(sheet));
    });
  });

  test("fingerprints see values, positions and formulas, in one normal form", () => {
    const fp = (formulas: unknown[][], rowIndex = 0, columnIndex = 0) => contentFingerprint({ formulas, rowIndex, columnIndex });
    expect(fp([[1, "a"]])).toBe(fp([[1, "a"]]));
    expect(fp([[1, "a"]])).not.toBe(fp([[2, "a"]]));
    expect(fp([[1, "a"]])).not.toBe(fp([[1, "a"]], 1));
    expect(fp([["12"]])).not.toBe(fp([[12]]));
    expect(fp([[true]])).not.toBe(fp([["TRUE"]]));
    // Excel's own capitals and spacing in a formula, and the 15 digits it keeps, are not edits.
    expect(fp([["=sum(A1:A3)"]])).toBe(fp([["=SUM( A1:A3 )"]]));
    expect(fp([[0.1 + 0.2]])).toBe(fp([[0.3]]));
    expect(fp([["", null, 5]])).toBe(fp([[5]], 0, 2));
    expect(cellToken("")).toBeNull();
    expect(cellToken(Number.NaN)).toBeNull();
  });
});
