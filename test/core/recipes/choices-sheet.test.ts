/**
 * The Analyst settings sheet through the file adapter: every choice written and read back as it
 * was, text kept as text, a long JSON carried on across cells, and a sheet someone has edited
 * read leniently (a row it cannot use is passed over, nothing else lost).
 */
import type { AnalystChoices } from "../../../src/core/model";
import { analystSettingsSheet, ANALYST_SETTINGS_SHEET, CELL_TEXT, readAnalystSettings } from "../../../src/core/recipes";
import { readWorkbookBuffer, renderPlanToXlsx } from "../../../src/files";
import { grid } from "../ingest/grids";

const CHOICES: AnalystChoices = {
  thresholds: { green: 97.5, amber: 85 },
  groupBy: "contentArea",
  ratings: [
    { indicatorId: "CSC06", indicator: "Children subject of a child protection plan (rate per 10,000)", polarity: "lower", target: 42 },
    { indicatorId: null, indicator: "=HYPERLINK(\"x\")", target: 12 },
  ],
  placements: [{ indicator: "POL01", area: "Domestic abuse", type: "quantity", source: null }],
  priorities: ["Neglect", "Early help"],
  framework: { name: "Northshire framework", file: "northshire-framework.json" },
  publishThreshold: 9,
  recipe: {
    kind: "reading-recipe",
    version: 1,
    from: "partnership-scorecard-q2-2025-26.xlsx",
    sheets: [{ key: "v1-0123456789abcd", sheet: "Scorecard", headings: ["ref", "indicator"], override: { sheetAgency: "007", columns: [{ col: 4, role: "ignore" }] } }],
  },
};

async function roundTrip(choices: AnalystChoices) {
  const plan = { sheets: [{ name: "Scorecard", blocks: [{ at: "A1", values: [["Figures"]] }] }, analystSettingsSheet(choices)] };
  const book = await readWorkbookBuffer(await renderPlanToXlsx(plan), "b.xlsx");
  return book.sheets.find((s) => s.sheet === ANALYST_SETTINGS_SHEET)!;
}

describe("the Analyst settings sheet", () => {
  it("is hidden and reads back exactly; formula-like and number-like text stays text", async () => {
    expect(analystSettingsSheet(CHOICES).state).toBe("hidden");
    const sheet = await roundTrip(CHOICES);
    expect(sheet.state).toBe("hidden");
    expect(readAnalystSettings(sheet)).toEqual(CHOICES);
    expect(sheet.rows.flat().some((c) => c.formula !== undefined)).toBe(false);
    expect(sheet.rows.flat().every((c) => c.value === null || typeof c.value === "string")).toBe(true);
  });

  it("keeps a recipe longer than a cell holds, carried on in the cells to its right", async () => {
    const columns = Array.from({ length: 2_000 }, (_, col) => ({ col, role: "ignore" as const, measure: `A measure with a long name, number ${col}` }));
    const big: AnalystChoices = { ...CHOICES, recipe: { ...CHOICES.recipe!, sheets: [{ ...CHOICES.recipe!.sheets[0]!, override: { columns } }] } };
    expect(JSON.stringify(big.recipe!.sheets[0]).length).toBeGreaterThan(2 * CELL_TEXT);
    const sheet = await roundTrip(big);
    expect(readAnalystSettings(sheet)).toEqual(big);
  });

  it("with nothing chosen holds nothing the pane can use", async () => {
    const none: AnalystChoices = { thresholds: null, groupBy: null, ratings: [], placements: [], priorities: null, framework: null, publishThreshold: null, recipe: null };
    expect(readAnalystSettings(await roundTrip(none))).toBeNull();
  });

  it("passes over rows it cannot use and keeps the rest", () => {
    const edited = grid(ANALYST_SETTINGS_SHEET, [
      ["Kept by the add-in"],
      [],
      ["What", "For", "Choice"],
      ["Green at least (% of target)", "", "ninety"],
      ["Amber at least (% of target)", "", "90"],
      ["Group scorecard rows by", "", "Agency"],
      ["Polarity and target", "CSC06", '{"indicatorId":"CSC06","indicator":"Rate","polarity":"sideways"}'],
      ["Polarity and target", "CSC07", '{"indicatorId":"CSC07","indicator":"Count","target":3}'],
      ["Placement", "POL01", "not json"],
      ["Reading correction", "Scorecard", '{"key":"v1-0123456789abcd","sheet":"Scorecard","headings":[],"override":{"skip":true}}'],
    ]);
    expect(readAnalystSettings(edited)).toEqual({
      thresholds: null,
      groupBy: "agency",
      ratings: [{ indicatorId: "CSC07", indicator: "Count", target: 3 }],
      placements: [],
      priorities: null,
      framework: null,
      publishThreshold: null,
      recipe: { kind: "reading-recipe", version: 1, from: null, sheets: [{ key: "v1-0123456789abcd", sheet: "Scorecard", headings: [], override: { skip: true } }] },
    });
  });
});
