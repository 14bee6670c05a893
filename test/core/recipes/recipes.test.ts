/**
 * Reading recipes: a sheet's layout key follows its headings and the shape of its name, never its
 * figures; a recipe made from corrections on this quarter's workbook reads next quarter's (same
 * layout, new figures) with the same corrections; recipes are checked on the way in and kept up
 * to date without losing layouts a workbook does not have this time.
 */
import { InputError } from "../../../src/core/errors";
import type { Grid } from "../../../src/core/grid/grid";
import { ingestWorkbook } from "../../../src/core/ingest";
import {
  countCorrections,
  headingToken,
  layoutKey,
  layoutKeys,
  matchRecipe,
  mergeRecipe,
  nameShape,
  parseRecipeText,
  recipeFrom,
  recipeUseInWords,
} from "../../../src/core/recipes";
import { grid } from "../ingest/grids";
import { CORRECTIONS, nextQuarter, sampleWorkbook } from "./kit";

const WIDE: Grid = grid("Police Q2 2025-26", [
  ["Police scorecard: Quarter 2 2025/26"],
  [],
  ["Indicator", "Q1 2025/26", "Q2 2025/26", "Target"],
  ["Strategy discussions attended (%)", 91, 94, 95],
  ["Children taken into police protection", 12, 9, null],
]);

function withRows(g: Grid, rows: Grid["rows"]): Grid {
  return { ...g, rows };
}

describe("a sheet's layout key", () => {
  it("is the same when every figure changes", () => {
    const changed = withRows(
      WIDE,
      WIDE.rows.map((row, r) => (r < 3 ? row : row.map((c) => (typeof c.value === "number" ? { ...c, value: c.value + 7, text: String(c.value + 7) } : c)))),
    );
    expect(layoutKey(changed).key).toBe(layoutKey(WIDE).key);
  });

  it("is the same next quarter: the periods in the headings and in the sheet's name move on", () => {
    const next = grid("Police Q3 2025-26", [
      ["Police scorecard: Quarter 3 2025/26"],
      [],
      ["Indicator", "Q2 2025/26", "Q3 2025/26", "Target"],
      ["Strategy discussions attended (%)", 94, 96, 95],
      ["Children taken into police protection", 9, 11, null],
    ]);
    expect(layoutKey(next).key).toBe(layoutKey(WIDE).key);
  });

  it("differs where the headings differ, where the table has moved down a row, or where the sheet is another agency's", () => {
    const renamedHeading = withRows(WIDE, WIDE.rows.map((row, r) => (r === 2 ? row.map((c, i) => (i === 3 ? { ...c, value: "Goal", text: "Goal" } : c)) : row)));
    const movedDown = grid("Police Q2 2025-26", [["Police scorecard: Quarter 2 2025/26"], [], [], ...WIDE.rows.slice(2).map((r) => r.map((c) => c.value))]);
    const otherAgency = { ...WIDE, sheet: "Health Q2 2025-26" };
    const keys = [WIDE, renamedHeading, movedDown, otherAgency].map((g) => layoutKey(g).key);
    expect(new Set(keys).size).toBe(4);
  });

  it("is written v1- and 14 hexadecimal digits, with the headings in words for people", () => {
    const key = layoutKey(WIDE);
    expect(key.key).toMatch(/^v1-[0-9a-f]{14}$/);
    expect(key.headings).toEqual(["indicator", "{period}", "target"]);
  });

  it("puts periods and other numbers in a normal form", () => {
    expect(nameShape("Q2 2025-26")).toBe("{period}");
    expect(nameShape("Police  Q2")).toBe("police q#");
    expect(headingToken({ value: "2024/25\noutturn", text: "", numberFormat: "General" })).toBe("{period}");
    expect(headingToken({ value: "Target 2025/26", text: "", numberFormat: "General" })).toBe("target #/#");
    expect(headingToken({ value: 45748, text: "Apr-25", numberFormat: "mmm-yy" })).toBe("{period}");
    expect(headingToken({ value: 12, text: "12", numberFormat: "General" })).toBe("#");
    expect(headingToken({ value: "  ", text: "", numberFormat: "General" })).toBeNull();
  });

  it("for a sheet with no table keys its first lines of text", () => {
    const notes = grid("Notes", [["Read me first"], ["Figures below 5 are suppressed."]]);
    const other = grid("Notes", [["Read me second"], ["Figures below 5 are suppressed."]]);
    expect(layoutKey(notes).key).not.toBe(layoutKey(other).key);
    expect(layoutKey(notes).headings).toEqual(["read me first", "figures below # are suppressed."]);
  });
});

describe("a reading recipe", () => {
  it("made from this quarter's corrections reads next quarter's workbook with the same corrections", async () => {
    const sample = await sampleWorkbook();
    const recipe = recipeFrom(sample, CORRECTIONS);
    expect(recipe.from).toBe("partnership-scorecard-q2-2025-26.xlsx");
    expect(recipe.sheets.map((s) => [s.sheet, s.override])).toEqual([["Scorecard", CORRECTIONS["Scorecard"]]]);

    const next = nextQuarter(sample);
    const match = matchRecipe(recipe, layoutKeys(next));
    expect(match.overrides).toEqual(CORRECTIONS);
    expect(match.use).toEqual({ corrections: 2, sheets: ["Scorecard"] });
    expect(recipeUseInWords(match.use)).toBe("2 corrections applied to “Scorecard”");

    // Read with the recipe, last year's outturn and Q1 are left out, as they were this quarter.
    const plain = ingestWorkbook(next, {});
    const corrected = ingestWorkbook(next, { layoutOverrides: match.overrides });
    const labels = (obs: typeof plain.observations) => [...new Set(obs.map((o) => o.period.label))].sort();
    expect(labels(plain.observations)).toEqual(expect.arrayContaining(["2024/25", "Q1 2024/25"]));
    expect(labels(corrected.observations)).not.toContain("2024/25");
    expect(labels(corrected.observations)).not.toContain("Q1 2024/25");
    expect(corrected.observations.length).toBeLessThan(plain.observations.length);
  });

  it("matches nothing on a workbook of another layout", async () => {
    const recipe = recipeFrom(await sampleWorkbook(), CORRECTIONS);
    const match = matchRecipe(recipe, layoutKeys({ file: "other.xlsx", sheets: [WIDE] }));
    expect(match).toEqual({ overrides: {}, use: { corrections: 0, sheets: [] } });
  });

  it("prefers, of two entries for one layout, the one made on a sheet of the same name", () => {
    const key = layoutKey(WIDE).key;
    const twin = { ...WIDE, sheet: "Police Q2 2025-26" };
    const recipe = {
      kind: "reading-recipe" as const,
      version: 1 as const,
      sheets: [
        { key, sheet: "Police Q2 2025-26", headings: [], override: { sheetAgency: "Police" } },
        { key, sheet: "Police Q1 2025-26", headings: [], override: { sheetAgency: "Constabulary" } },
      ],
    };
    expect(matchRecipe(recipe, layoutKeys({ file: "x.xlsx", sheets: [twin] })).overrides).toEqual({ "Police Q2 2025-26": { sheetAgency: "Police" } });
    expect(matchRecipe(recipe, layoutKeys({ file: "x.xlsx", sheets: [{ ...WIDE, sheet: "Police Q3 2025-26" }] })).overrides).toEqual({
      "Police Q3 2025-26": { sheetAgency: "Constabulary" },
    });
  });

  it("is checked on the way in: not JSON, or not a recipe, is one sentence", () => {
    expect(() => parseRecipeText("{", "r.json")).toThrow(new InputError("The recipe r.json is not valid JSON."));
    expect(() => parseRecipeText(JSON.stringify({ kind: "reading-recipe", version: 1, sheets: [{ key: "v1-0123456789abcd", sheet: "S", headings: [], override: { indicatorColum: 2 } }] }), "r.json")).toThrow(
      /^The recipe r\.json is not a reading recipe the add-in can use: /,
    );
    expect(() => parseRecipeText(JSON.stringify({ kind: "reading-recipe", version: 1, sheets: [{ key: "abc", sheet: "S", headings: [], override: {} }] }), "r.json")).toThrow(/layout key/);
  });

  it("reads back exactly what was written as JSON", async () => {
    const recipe = recipeFrom(await sampleWorkbook(), { ...CORRECTIONS, Cover: { skip: true } });
    expect(parseRecipeText(JSON.stringify(recipe), "r.json")).toEqual(recipe);
  });

  it("kept up to date, replaces this workbook's layouts and keeps the others", () => {
    const a = { key: "v1-aaaaaaaaaaaaaa", sheet: "A", headings: [], override: { skip: true } };
    const b = { key: "v1-bbbbbbbbbbbbbb", sheet: "B", headings: [], override: { sheetAgency: "Police" } };
    const kept = { kind: "reading-recipe" as const, version: 1 as const, from: "q1.xlsx", sheets: [a, b] };
    const b2 = { ...b, override: { sheetAgency: "Health" } };
    expect(mergeRecipe(kept, [b2], new Set([b.key]), "q2.xlsx").sheets).toEqual([a, b2]);
    // All of a sheet's corrections cleared: its entry goes.
    expect(mergeRecipe(kept, [{ ...b, override: {} }], new Set([b.key]), "q2.xlsx").sheets).toEqual([a]);
  });

  it("counts corrections as the analyst made them", () => {
    expect(countCorrections({})).toBe(0);
    expect(countCorrections({ skip: true, indicatorColumn: 2 })).toBe(1);
    expect(countCorrections({ headerRows: [2, 3], sheetAgency: null, columns: [{ col: 1, role: "ignore" }, { col: 2, role: "value" }] })).toBe(4);
  });
});
