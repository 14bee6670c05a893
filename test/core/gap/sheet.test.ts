import { defaultFramework } from "../../../src/core/framework/default-framework";
import { analyseGaps, gapAnalysisPlan, GAP_SHEET, gapsInWords, PLACEMENTS_SHEET } from "../../../src/core/gap";
import type { PlanValue, SheetPlan } from "../../../src/core/plan/plan";
import { renderPlanToXlsx, snapshotXlsx } from "../../../src/files";
import { indicator, stated } from "./kit";

const framework = defaultFramework;
const SET = [
  stated("A1", "Number of children on child protection plans", "Priority service areas", "quantity", "management_information"),
  stated("A2", "CP case files audited as good or better (%)", "Priority service areas", "quality", "case_records"),
  stated("D1", "Staff describing morale as good (%)", "Workforce", "quality", "frontline_staff"),
  indicator("Re-referrals within 12 months (%)", { id: "R1" }),
  indicator("Library books issued", { id: "X1" }),
];
const result = analyseGaps(SET, framework);
const [gapSheet, placementsSheet] = gapAnalysisPlan(result, framework) as [SheetPlan, SheetPlan];

/** The sheet's cells by A1 address, as the blocks write them. */
function cells(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const block of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at);
    if (m === null) throw new Error(`bad address ${block.at}`);
    const col0 = (m[1] ?? "A").charCodeAt(0) - 65;
    const row0 = Number(m[2]);
    block.values.forEach((row, r) => row.forEach((v, c) => out.set(`${String.fromCharCode(65 + col0 + c)}${row0 + r}`, v)));
  }
  return out;
}

describe("the Gap Analysis sheet", () => {
  const c = cells(gapSheet);

  it("starts with a heading and says in plain words what it shows", () => {
    expect(gapSheet.name).toBe(GAP_SHEET);
    expect(c.get("A1")).toMatch(/^Gap analysis/);
    expect(String(c.get("A2"))).toMatch(/white cells hold none/);
    expect(String(c.get("A3"))).toContain("5 indicators: 4 placed in an area, 1 not placed");
  });

  it("lays out the area-by-type and area-by-source counts with the gaps in words", () => {
    expect([c.get("A6"), c.get("C6"), c.get("D6"), c.get("F6"), c.get("H6"), c.get("I6"), c.get("L6")]).toEqual([
      "Content area", "Indicators", "Gaps (what is missing)", "Quantity", "Outcome", "Children and parents", "Management information",
    ]);
    // Row 7: Priority service areas, with A1, A2 and the re-referral measure placed by the catalogue.
    expect([c.get("A7"), c.get("C7"), c.get("F7"), c.get("G7"), c.get("H7"), c.get("K7"), c.get("L7")]).toEqual(["Priority service areas", 3, 1, 1, 1, 1, 2]);
    expect(c.get("D7")).toBe("Nothing from children and parents or frontline staff.");
    expect(c.get("D9")).toBe("No indicators: every type and every source is missing.");
    expect(c.get("A16")).toBe("All areas");
    expect(c.get("C16")).toBe(4);
  });

  it("shades the count cells as a heat map, white for none", () => {
    expect(gapSheet.conditionalFormats).toEqual([
      { kind: "colorScale", range: "F7:H15", min: "#FFFFFF", max: "#63BE7B", priority: 1 },
      { kind: "colorScale", range: "I7:L15", min: "#FFFFFF", max: "#63BE7B", priority: 2 },
    ]);
  });

  it("shows the balance as shares with a column chart, and the voice share", () => {
    expect([c.get("A19"), c.get("B19"), c.get("C19")]).toEqual(["Type", "Share", "Indicators"]);
    expect([c.get("A20"), c.get("B20"), c.get("A21"), c.get("B21"), c.get("A22"), c.get("B22")]).toEqual(["Quantity", 0.25, "Quality", 0.5, "Outcome", 0.25]);
    expect(c.get("B23")).toBe(0.25);
    expect(gapSheet.numberFormats).toContainEqual({ range: "B20:B23", format: "0.0%" });
    expect(gapSheet.charts).toEqual([{ kind: "columnClustered", title: expect.any(String), source: "A19:B22", from: "N6", to: "U22" }]);
  });

  it("lists each gap with its suggested measures as an Excel table", () => {
    const table = gapSheet.tables?.[0];
    expect(table?.name).toBe("GapSuggestions");
    const [top, bottom] = (table?.range ?? "").split(":");
    expect(c.get(top ?? "")).toBe("Area");
    expect([c.get(`B${top?.slice(1)}`), c.get(`C${top?.slice(1)}`), c.get(`D${top?.slice(1)}`)]).toEqual(["Missing", "Kind", "Suggested measure"]);
    const rows = Number(bottom?.slice(1)) - Number(top?.slice(1));
    const expected = result.areas.reduce((n, a) => n + a.gaps.reduce((m, g) => m + Math.max(1, g.suggestions.length), 0), 0);
    expect(rows).toBe(expected);
    expect(c.get(bottom ?? "")).not.toBeUndefined();
  });

  it("freezes the headings and sets widths", () => {
    expect(gapSheet.freeze).toEqual({ rows: 6, columns: 1 });
    expect(gapSheet.columnWidths?.length).toBe(12);
  });

  it("says what an area lacks in words", () => {
    const workforce = result.areas.find((a) => a.name === "Workforce");
    expect(workforce && gapsInWords(workforce)).toBe("No outcome or quantity information; nothing from children and parents, case records or management information.");
  });
});

describe("the Placements sheet", () => {
  it("lists every indicator with its placement as an Excel table", () => {
    expect(placementsSheet.name).toBe(PLACEMENTS_SHEET);
    expect(placementsSheet.tables).toEqual([{ name: "GapPlacements", range: "A4:L9", style: "TableStyleMedium2" }]);
    const c = cells(placementsSheet);
    expect([c.get("A4"), c.get("D4"), c.get("H4"), c.get("J4")]).toEqual(["Indicator ID", "Content area", "Confidence", "Matched measure"]);
    expect([c.get("A8"), c.get("D8"), c.get("H8"), c.get("J8")]).toEqual(["R1", "Priority service areas", "Inferred", null]);
    expect([c.get("A9"), c.get("D9"), c.get("H9")]).toEqual(["X1", "(not placed)", "None"]);
  });
});

describe("rendered by the file adapter", () => {
  it("gives a workbook with both sheets, both tables and the heat map", async () => {
    const data = await renderPlanToXlsx({ sheets: gapAnalysisPlan(result, framework), activeSheet: GAP_SHEET });
    const snap = await snapshotXlsx(data);
    expect(snap.sheets.map((s) => s.name)).toEqual([GAP_SHEET, PLACEMENTS_SHEET]);
    const gap = snap.sheets[0];
    expect(gap?.tables.map((t) => t.name)).toEqual(["GapSuggestions"]);
    expect(gap?.conditionalFormats.map((f) => [f.kind, f.range])).toEqual([
      ["colorScale", "F7:H15"],
      ["colorScale", "I7:L15"],
    ]);
    expect(gap?.freeze).toEqual({ rows: 6, columns: 1 });
    expect(snap.sheets[1]?.tables.map((t) => [t.name, t.columns.length])).toEqual([["GapPlacements", 12]]);
  });
});
