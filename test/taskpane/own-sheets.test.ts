import type { WorkbookPlan } from "../../src/core/plan/plan";
import { describeWrite, isOwnSheet, ownSheetsFromValues, OWN_SHEETS_SHEET, placeOwnSheets } from "../../src/taskpane/office/own-sheets";

const plan = (...names: string[]): WorkbookPlan => ({
  sheets: names.map((name) => ({ name, blocks: [], tables: [{ name: `${name.replace(/\W/g, "")}Table`, range: "A1:B2" }] })),
});

function placed(...args: Parameters<typeof placeOwnSheets>) {
  const result = placeOwnSheets(...args);
  if ("blocked" in result) throw new Error(`blocked on ${result.blocked}`);
  return result;
}

describe("the add-in's own sheets", () => {
  it("are written under the names wanted where nothing has them, and listed on a hidden sheet", () => {
    const p = placed(plan("Scorecard", "Indicators"), ["Data"], new Map());
    expect(p.written).toEqual(["Scorecard", "Indicators"]);
    expect(p.renamed).toEqual([]);
    const list = p.plan.sheets[2];
    expect(list?.name).toBe(OWN_SHEETS_SHEET);
    expect(list?.state).toBe("hidden");
    expect(list?.blocks[0]?.values).toEqual([
      ["Sheet the add-in writes", "Written as"],
      ["Indicators", "Indicators"],
      ["Scorecard", "Scorecard"],
    ]);
  });

  it("go under another name, tables too, where the analyst has a sheet of the name, and keep that name next time", () => {
    const first = placed(plan("Scorecard"), ["scorecard"], new Map());
    expect(first.written).toEqual(["Scorecard (add-in)"]);
    expect(first.plan.sheets[0]?.tables?.[0]?.name).toBe("ScorecardTable_AddIn");
    expect(describeWrite(first)).toBe(
      "Wrote the sheet “Scorecard (add-in)”. This workbook has a sheet of its own called “Scorecard”, so the add-in wrote “Scorecard (add-in)” and left yours alone. Only sheets the add-in wrote were replaced.",
    );
    const own = ownSheetsFromValues(first.plan.sheets[1]?.blocks[0]?.values ?? null);
    expect(own.get("Scorecard")).toBe("Scorecard (add-in)");
    const again = placed(plan("Scorecard", "Indicators"), ["Scorecard", "Scorecard (add-in)", OWN_SHEETS_SHEET], own);
    expect(again.written).toEqual(["Scorecard (add-in)", "Indicators"]);
    expect(isOwnSheet("scorecard (ADD-IN)", own)).toBe(true);
    expect(isOwnSheet("Scorecard", own)).toBe(false);
  });

  it("forget sheets that were deleted, and keep within Excel's 31 characters", () => {
    const own = new Map([["Gap Analysis", "Gap Analysis"]]);
    const p = placed(plan("Gap Analysis", "A very long sheet name of 31 ch"), ["A very long sheet name of 31 ch"], own);
    expect(p.written).toEqual(["Gap Analysis", "A very long sheet name (add-in)"]);
    expect(p.written.every((n) => n.length <= 31)).toBe(true);
  });

  it("refuse, rather than rename, a sheet others find by its name", () => {
    expect(placeOwnSheets(plan("Return"), ["Return"], new Map(), ["Return"])).toEqual({ blocked: "Return" });
    expect(placed(plan("Return"), ["Return"], new Map([["Return", "Return"]]), ["Return"]).written).toEqual(["Return"]);
  });

  it("leave hidden sheets out of what they say was written", () => {
    const p = placed({ sheets: [{ name: "Return", blocks: [] }, { name: "_spec", state: "veryHidden", blocks: [] }] }, [], new Map());
    expect(p.written).toEqual(["Return"]);
  });
});
