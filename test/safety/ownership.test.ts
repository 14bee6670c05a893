/**
 * The add-in writes only to sheets it owns. A user's sheet of a name it wants is left alone (the
 * add-in writes beside it); one of its own sheets is replaced only while its cells are as the
 * add-in wrote them; otherwise, and for a user's sheet of a name that cannot move (a template's
 * Return), it writes nothing and asks (OwnershipError), and `force` answers yes. One register,
 * read in the check's first sync with the sheets' sizes; then only the cells of the sheets it
 * would replace, in blocks under Excel's response limit.
 */
import { renderPlan } from "../../src/excel";
import {
  cellToken,
  contentFingerprint,
  OwnershipError,
  planFingerprint,
  planReadBack,
  readRegister,
  REGISTER_SHEET,
  renderOwnedPlan,
  type OwnedRenderOptions,
} from "../../src/excel/ownership";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import { RETURN_SHEET, SPEC_SHEET } from "../../src/core/returns";
import { ExcelHost } from "../excel-host";
import { indicatorPlan, PLANS, templatePlan, USER_SHEETS } from "./plans";

const NOW = () => new Date("2025-10-01T09:30:00Z");
/** A template's Return and specification keep their names: other tools find them by them. */
const TEMPLATE: OwnedRenderOptions = { fixedNames: [RETURN_SHEET, SPEC_SHEET], job: "Return template", now: NOW };

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

/** The register's rows as the host holds them. */
function registerRows(host: ExcelHost): unknown[][] {
  const sheet = host.snapshot({ sheets: [REGISTER_SHEET] }).sheets[0]!;
  const rows: unknown[][] = [];
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const row = Number(address.replace(/^[A-Z]+/, ""));
    (rows[row - 1] ??= [])["ABCDEFGHI".indexOf(address.charAt(0))] = cell.formula !== undefined ? `=${cell.formula}` : cell.value;
  }
  return rows.filter(Boolean);
}

describe("a user's sheet of a name the add-in wants", () => {
  test("is left alone: the add-in writes beside it, in one read and one write", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "The partnership's own scorecard", B2: 7 } }, ...USER_SHEETS] });
    const before = host.snapshot({ sheets: ["Scorecard"] });
    const done = await renderOwnedPlan(host.context, indicatorPlan());
    expect(host.syncCount).toBe(2);
    expect(done.written).toEqual(["Scorecard (add-in)", "Indicators", "Observations"]);
    expect(done.renamed).toEqual([{ wanted: "Scorecard", actual: "Scorecard (add-in)" }]);
    expect(done.summary).toContain("This workbook has a sheet of its own called “Scorecard”, so the add-in wrote “Scorecard (add-in)” and left yours alone.");
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(before.sheets);
    // Next time the add-in's goes onto its own sheet again, without a question.
    const again = await renderOwnedPlan(host.context, indicatorPlan());
    expect(again.replaced).toEqual(["Scorecard (add-in)", "Indicators", "Observations"]);
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(before.sheets);
  });

  test("that cannot move (a template's Return) is not replaced: one sync, nothing written, and a question naming it", async () => {
    const host = new ExcelHost({ sheets: [{ name: "RETURN", cells: { A1: "Our own return notes" } }, ...USER_SHEETS] });
    const before = host.snapshot();
    const err = await refusal(renderOwnedPlan(host.context, templatePlan(), TEMPLATE));
    // Matched by Excel's rule (case does not matter) and named as the user wrote it.
    expect(err.message).toBe("Sheet “RETURN” was not made by this add-in: replace it anyway?");
    expect(err.conflicts).toEqual([{ sheet: "RETURN", reason: "not-written-by-add-in" }]);
    expect(host.syncCount).toBe(1);
    expect(host.snapshot()).toEqual(before);
  });

  test("that cannot move is replaced when the user says so (force), and is then the add-in's", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Return", cells: { A1: "old" } }, { name: "_spec", cells: { A1: "mine too" } }] });
    const err = await refusal(renderOwnedPlan(host.context, templatePlan(), TEMPLATE));
    expect(err.message).toBe("Sheets “Return” and “_spec” were not made by this add-in: replace them anyway?");
    // Forcing one sheet is not forcing the other.
    await expect(renderOwnedPlan(host.context, templatePlan(), { ...TEMPLATE, force: ["return"] })).rejects.toThrow("Sheet “_spec” was not made by this add-in");
    const done = await renderOwnedPlan(host.context, templatePlan(), { ...TEMPLATE, force: ["Return", "_spec"] });
    expect(done.replaced).toEqual(["Return", "_spec"]);
    expect(done.added).toEqual(["Checks"]);
    expect(done.forced).toEqual(["Return", "_spec"]);
    expect(done.summary).toBe("Wrote the sheets “Return” and “Checks”. “Return” and “_spec” were replaced as you asked; no other sheet was changed.");
    expect(host.text("Return", "A1")).not.toBe("old");
    await expect(renderOwnedPlan(host.context, templatePlan(), TEMPLATE)).resolves.toMatchObject({ replaced: ["Return", "Checks", "_spec"], forced: [] });
  });
});

describe("a sheet the add-in made", () => {
  test("is replaced without a question while unchanged, in one read sync more than the render (the sizes and the register's counts; no cells)", async () => {
    const host = new ExcelHost();
    const first = await renderOwnedPlan(host.context, indicatorPlan());
    // Nothing to replace the first time: one read, for the sheet names, the register and the sizes.
    expect(first.checkSyncs).toBe(1);
    const start = host.syncCount;
    const again = await renderOwnedPlan(host.context, indicatorPlan());
    expect(host.syncCount - start).toBe(again.totalSyncs);
    expect(again.checkSyncs).toBe(1);
    expect(again.totalSyncs).toBe(again.syncs + 1);
    expect(again.summary).toBe("Wrote the sheets “Scorecard”, “Indicators” and “Observations”. Only sheets the add-in wrote were replaced.");
  });

  test("changed by hand is not replaced, and the question says so", async () => {
    const host = new ExcelHost();
    await renderOwnedPlan(host.context, indicatorPlan());
    await typeInto(host, "Observations", "B2", "my correction");
    const before = host.snapshot();
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.message).toBe("Sheet “Observations” has been changed by hand since the add-in wrote it: replace it anyway?");
    expect(host.snapshot()).toEqual(before);
    await renderOwnedPlan(host.context, indicatorPlan(), { force: ["Observations"] });
    expect(host.text("Observations", "B2")).not.toBe("my correction");
  });

  test("changed by hand under the name it was written beside the user's sheet, is asked about by that name", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "mine" } }] });
    await renderOwnedPlan(host.context, indicatorPlan());
    await typeInto(host, "Scorecard (add-in)", "A1", "edited title");
    const err = await refusal(renderOwnedPlan(host.context, indicatorPlan()));
    expect(err.conflicts).toEqual([{ sheet: "Scorecard (add-in)", reason: "changed-by-hand" }]);
    const done = await renderOwnedPlan(host.context, indicatorPlan(), { force: ["Scorecard (add-in)"] });
    expect(done.replaced).toEqual(["Scorecard (add-in)", "Indicators", "Observations"]);
    expect(host.text("Scorecard", "A1")).toBe("mine");
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
    const host = new ExcelHost({ sheets: [{ name: "Return", cells: { A1: "mine" } }] });
    const full = templatePlan();
    await renderOwnedPlan(host.context, { sheets: full.sheets.filter((s) => s.name !== RETURN_SHEET) }, TEMPLATE);
    // The template's sheets are protected: the user's edit is a Checks sheet of their own in its place.
    host.context.workbook.worksheets.getItem("Checks").delete();
    host.context.workbook.worksheets.add("Checks").getRange("A1").values = [["my checks"]];
    await host.context.sync();
    const err = await refusal(renderOwnedPlan(host.context, full, TEMPLATE));
    expect(err.message).toBe(
      "Sheet “Return” was not made by this add-in; and sheet “Checks” has been changed by hand since the add-in wrote it: replace them anyway?",
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

describe("the register", () => {
  test("is one hidden (not very hidden) sheet of text, a row per sheet with its job, fingerprint, time and live count, kept up to date", async () => {
    const host = new ExcelHost({ sheets: USER_SHEETS });
    await renderOwnedPlan(host.context, indicatorPlan(), { job: "Indicator sheets", now: NOW });
    await renderOwnedPlan(host.context, templatePlan(), TEMPLATE);
    const sheet = host.snapshot({ sheets: [REGISTER_SHEET] }).sheets[0]!;
    expect(sheet.state).toBe("hidden");
    expect(host.sheetNames().filter((n) => /add-in|fingerprint/i.test(n))).toEqual([REGISTER_SHEET]);
    // Text, but for the live counts: a formula in the last column of each sheet's row.
    const formulas = Object.entries(sheet.cells).filter(([, c]) => c.formula !== undefined);
    expect(formulas.map(([address]) => address.charAt(0))).toEqual(formulas.map(() => "I"));
    expect(formulas).toHaveLength(6);
    expect(Object.values(sheet.cells).every((c) => c.formula !== undefined || typeof c.value === "string")).toBe(true);
    const rows = registerRows(host);
    expect(rows[1]).toEqual(["Sheet", "Add-in's name for it", "Job", "Fingerprint", "Written at", "Size to read back", "Copy kept as", "Cells written", "Cells changed since"]);
    const register = readRegister(rows);
    expect([...register.values()].map((e) => [e.sheet, e.job, e.writtenAt])).toEqual([
      ["_spec", "Return template", "2025-10-01 09:30 UTC"],
      ["Checks", "Return template", "2025-10-01 09:30 UTC"],
      ["Indicators", "Indicator sheets", "2025-10-01 09:30 UTC"],
      ["Observations", "Indicator sheets", "2025-10-01 09:30 UTC"],
      ["Return", "Return template", "2025-10-01 09:30 UTC"],
      ["Scorecard", "Indicator sheets", "2025-10-01 09:30 UTC"],
    ]);
    expect(register.get("scorecard")?.fingerprint).toBe(planFingerprint(indicatorPlan().sheets[0]!));
    // How big each sheet is to read back, as text, so that the next check can size its blocks before reading.
    expect(register.get("observations")?.readBack).toEqual(planReadBack(indicatorPlan().sheets[2]!).readBack);
    expect(rows.find((r) => r[0] === "Observations")?.[5]).toMatch(/^\d+ rows, \d+ bytes$/);
    // A sheet the user deletes is forgotten at the next write.
    host.context.workbook.worksheets.getItem("Checks").delete();
    await host.context.sync();
    await renderOwnedPlan(host.context, indicatorPlan(), { now: NOW });
    expect([...readRegister(registerRows(host)).values()].map((e) => e.sheet)).not.toContain("Checks");
  });

  test("edited by hand to claim a user's sheet is not followed: the user's sheet is left alone", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "Scorecard", cells: { A1: "mine" } },
        { name: "Elsewhere", cells: { A1: "mine too" } },
        // A row claiming "Elsewhere" as the add-in's Scorecard, and one with no usable fingerprint.
        { name: REGISTER_SHEET, state: "hidden", cells: { A3: "Elsewhere", B3: "Scorecard", D3: "0123456789abcd", A4: "Scorecard", B4: "Scorecard", D4: "edited" } },
      ],
    });
    const before = host.snapshot({ sheets: ["Scorecard", "Elsewhere"] });
    const done = await renderOwnedPlan(host.context, indicatorPlan());
    expect(done.written[0]).toBe("Scorecard (add-in)");
    expect(host.snapshot({ sheets: ["Scorecard", "Elsewhere"] }).sheets).toEqual(before.sheets);
  });

  test("a plan may not write the register itself", async () => {
    const host = new ExcelHost();
    const plan: WorkbookPlan = { sheets: [{ name: REGISTER_SHEET.toUpperCase(), blocks: [] }] };
    await expect(renderOwnedPlan(host.context, plan)).rejects.toThrow(/keeps its register there/);
  });

  test("without Excel's limits the check takes the same one sync for a plan of any size", async () => {
    const unlimited = { requestBudgetBytes: Number.POSITIVE_INFINITY, responseBudgetBytes: Number.POSITIVE_INFINITY };
    for (const size of [2, 60]) {
      const host = new ExcelHost({ requestLimitBytes: Number.POSITIVE_INFINITY, responseLimitBytes: Number.POSITIVE_INFINITY });
      await renderOwnedPlan(host.context, indicatorPlan(size), unlimited);
      host.resetCounters();
      const again = await renderOwnedPlan(host.context, indicatorPlan(size), unlimited);
      expect([host.syncCount, again.checkSyncs, again.totalSyncs]).toEqual([2, 1, 2]);
    }
  });
});

describe("the fingerprints", () => {
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
