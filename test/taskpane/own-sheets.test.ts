/**
 * The pane's side of "the add-in writes only to sheets it owns": where each sheet goes, what the
 * pane says about it, and which sheets a read leaves out. The placement is the adapter's
 * (src/excel/ownership.ts), the one mechanism every write goes through; test/safety covers the
 * checks against the Excel test host.
 */
import type { Grid } from "../../src/core/grid/grid";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import {
  describeWrite,
  OwnershipError,
  ownSheetFor,
  placeSheets,
  planFingerprint,
  readRegister,
  REGISTER_SHEET,
  splitOwnSheets,
  type Register,
} from "../../src/excel/ownership";

const plan = (...names: string[]): WorkbookPlan => ({
  sheets: names.map((name) => ({ name, blocks: [{ at: "A1", values: [[`${name} title`]] }], tables: [{ name: `${name.replace(/\W/g, "")}Table`, range: "A1:B2" }] })),
});

const META = { job: "Test", writtenAt: "2025-10-01 09:00 UTC" };

/** What an unchanged sheet of the add-in holds: its plan's fingerprint. */
const asWritten = (p: WorkbookPlan) => (sheet: string) => planFingerprint(p.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) ?? { name: sheet, blocks: [] });

function register(...entries: [sheet: string, wanted: string, fingerprint: string][]): Register {
  return new Map(entries.map(([sheet, wanted, fingerprint]) => [sheet.toLowerCase(), { sheet, wanted, job: "Test", fingerprint, writtenAt: "" }]));
}

const grid = (sheet: string, values: (string | null)[][] = [["x"]]): Grid => ({
  sheet,
  state: "visible",
  origin: { row: 0, col: 0 },
  rows: values.map((r) => r.map((value) => ({ value, text: value ?? "", numberFormat: "General" }))),
  merges: [],
});

describe("where the add-in's sheets go", () => {
  it("under the names wanted where nothing has them, each with a register entry", () => {
    const p = placeSheets(plan("Scorecard", "Indicators"), ["Data"], new Map(), () => "", META);
    expect(p.written).toEqual(["Scorecard", "Indicators"]);
    expect(p.added).toEqual(["Scorecard", "Indicators"]);
    expect(p.renamed).toEqual([]);
    expect([...p.entries.values()].map((e) => [e.sheet, e.wanted, e.job])).toEqual([
      ["Scorecard", "Scorecard", "Test"],
      ["Indicators", "Indicators", "Test"],
    ]);
    expect(p.entries.get("scorecard")?.fingerprint).toMatch(/^[0-9a-f]{14}$/);
  });

  it("under another name, tables too, beside the user's own sheet of the name, and onto that name next time", () => {
    const first = placeSheets(plan("Scorecard"), ["scorecard"], new Map(), () => "", META);
    expect(first.written).toEqual(["Scorecard (add-in)"]);
    expect(first.plan.sheets[0]?.tables?.[0]?.name).toBe("ScorecardTable_AddIn");
    expect(describeWrite(first)).toBe(
      "Wrote the sheet “Scorecard (add-in)”. This workbook has a sheet of its own called “Scorecard”, so the add-in wrote “Scorecard (add-in)” and left yours alone. Only sheets the add-in wrote were replaced.",
    );
    const own = register(["Scorecard (add-in)", "Scorecard", first.entries.get("scorecard (add-in)")!.fingerprint]);
    const again = placeSheets(plan("Scorecard", "Indicators"), ["Scorecard", "Scorecard (add-in)", REGISTER_SHEET], own, asWritten(first.plan), META);
    expect(again.written).toEqual(["Scorecard (add-in)", "Indicators"]);
    expect(again.replaced).toEqual(["Scorecard (add-in)"]);
    expect(again.renamed).toEqual([{ wanted: "Scorecard", actual: "Scorecard (add-in)" }]);
  });

  it("forget sheets that were deleted, and keep within Excel's 31 characters", () => {
    const own = register(["Gap Analysis", "Gap Analysis", "00000000000000"]);
    const p = placeSheets(plan("Gap Analysis", "A very long sheet name of 31 ch"), ["A very long sheet name of 31 ch"], own, () => "", META);
    expect(p.written).toEqual(["Gap Analysis", "A very long sheet name (add-in)"]);
    expect(p.written.every((n) => n.length <= 31)).toBe(true);
  });

  it("ask, rather than rename, about a user's sheet others find by its name (a return's Return)", () => {
    const ask = () => placeSheets(plan("Return"), ["Return"], new Map(), () => "mine", META, { fixedNames: ["Return"] });
    expect(ask).toThrow(OwnershipError);
    expect(ask).toThrow("Sheet “Return” was not made by this add-in: replace it anyway?");
    const forced = placeSheets(plan("Return"), ["Return"], new Map(), () => "mine", META, { fixedNames: ["Return"], force: ["return"] });
    expect(forced.written).toEqual(["Return"]);
    expect(describeWrite(forced)).toBe("Wrote the sheet “Return”. “Return” was replaced as you asked; no other sheet was changed.");
    // The add-in's own Return is replaced without a question.
    const own = register(["Return", "Return", planFingerprint(plan("Return").sheets[0]!)]);
    expect(placeSheets(plan("Return"), ["Return"], own, asWritten(plan("Return")), META, { fixedNames: ["Return"] }).replaced).toEqual(["Return"]);
  });

  it("ask before replacing one of its sheets that was changed by hand", () => {
    const own = register(["Scorecard", "Scorecard", planFingerprint(plan("Scorecard").sheets[0]!)]);
    const edited = () => placeSheets(plan("Scorecard"), ["Scorecard"], own, () => "someone typed here", META);
    expect(edited).toThrow("Sheet “Scorecard” has been changed by hand since the add-in wrote it: replace it anyway?");
    expect(placeSheets(plan("Scorecard"), ["Scorecard"], own, () => "someone typed here", META, { force: ["Scorecard"] }).forced).toEqual(["Scorecard"]);
  });

  it("leave hidden sheets out of what they say was written", () => {
    const p = placeSheets({ sheets: [{ name: "Return", blocks: [] }, { name: "_spec", state: "veryHidden", blocks: [] }] }, [], new Map(), () => "", META);
    expect(p.written).toEqual(["Return"]);
    expect(p.added).toEqual(["Return", "_spec"]);
  });
});

describe("reading the workbook back", () => {
  const fp = "0123456789abcd";
  const registerGrid = grid(REGISTER_SHEET, [
    ["The sheets the add-in wrote"],
    ["Sheet", "Add-in's name for it", "Job", "Fingerprint", "Written at"],
    ["Scorecard (add-in)", "Scorecard", "Scorecard", fp, "2025-10-01 09:00 UTC"],
    ["Indicators", "Indicators", "Indicator sheets", fp, "2025-10-01 09:00 UTC"],
    ["Edited by someone", "Notes", "", "not a fingerprint", ""],
  ]);

  it("the register's rows, passing over its title, headings and any row it cannot use", () => {
    const values = registerGrid.rows.map((r) => r.map((c) => c.value));
    expect([...readRegister(values).values()].map((e) => [e.sheet, e.wanted, e.job])).toEqual([
      ["Scorecard (add-in)", "Scorecard", "Scorecard"],
      ["Indicators", "Indicators", "Indicator sheets"],
    ]);
  });

  it("leaves the register and the sheets it lists out of the user's sheets, and finds the add-in's Indicators", () => {
    const read = { file: "Book.xlsx", sheets: [grid("Scorecard"), grid("Scorecard (add-in)"), grid("Indicators"), grid("Edited by someone"), registerGrid] };
    const { own, theirs } = splitOwnSheets(read);
    expect(own.map((g) => g.sheet)).toEqual(["Scorecard (add-in)", "Indicators", REGISTER_SHEET]);
    expect(theirs.map((g) => g.sheet)).toEqual(["Scorecard", "Edited by someone"]);
    expect(ownSheetFor(read, "indicators")?.sheet).toBe("Indicators");
    expect(ownSheetFor(read, "Observations")).toBeUndefined();
  });
});
