/**
 * The benchmark settings sheet through the file adapter: written and read back as they were, the
 * files' text kept as text, and a sheet someone has edited read leniently (a row it cannot use is
 * passed over, nothing else lost).
 */
import { benchmarkSettingsSheet, readBenchmarkSettings, BENCHMARK_SETTINGS_SHEET } from "../../../src/core/benchmark";
import type { BenchmarkSettings } from "../../../src/core/model";
import { readWorkbookBuffer, renderPlanToXlsx } from "../../../src/files";
import { grid } from "../ingest/grids";

const SETTINGS: BenchmarkSettings = {
  area: "951",
  neighbourFile: "sn_may_2025.xlsx",
  files: ["children-in-need.csv", "=1+1.csv"],
  map: {
    links: [
      { indicatorId: "CSC01", indicator: "Re-referrals (%)", file: "children-in-need.csv", column: "rereferrals_percent", breakdown: { category: "Children in need", "age; band": "Under 1=a" } },
      { indicator: "Referrals", column: "referrals_count" },
    ],
  },
};

async function roundTrip(settings: BenchmarkSettings) {
  // A workbook needs a visible sheet; the settings sheet is always beside the analyst's own.
  const plan = { sheets: [{ name: "Scorecard", blocks: [{ at: "A1", values: [["Figures"]] }] }, benchmarkSettingsSheet(settings)] };
  const book = await readWorkbookBuffer(await renderPlanToXlsx(plan), "b.xlsx");
  return book.sheets.find((s) => s.sheet === BENCHMARK_SETTINGS_SHEET)!;
}

describe("the benchmark settings sheet", () => {
  it("is hidden and reads back exactly, a number-like area and formula-like names staying text", async () => {
    expect(benchmarkSettingsSheet(SETTINGS).state).toBe("hidden");
    const sheet = await roundTrip(SETTINGS);
    expect(sheet.state).toBe("hidden");
    expect(readBenchmarkSettings(sheet)).toEqual(SETTINGS);
    expect(sheet.rows.flat().some((c) => c.formula !== undefined)).toBe(false);
  });

  it("with no files and no links still keeps the area", async () => {
    const only = { area: "Barnsley", neighbourFile: null, files: [], map: { links: [] } };
    expect(readBenchmarkSettings(await roundTrip(only))).toEqual(only);
  });

  it("passes over a row it cannot use and keeps the rest", () => {
    const edited = grid(BENCHMARK_SETTINGS_SHEET, [
      ["Kept by the add-in"],
      [],
      ["Area", "Northshire"],
      ["Neighbour list", ""],
      ["Open-data files", "a.csv", "b.csv"],
      [],
      ["Indicator ID", "Indicator", "File", "Published column", "Breakdown"],
      ["CSC01", "", "a.csv", "rereferrals_percent", "not json"],
      ["", "", "a.csv", "cin_count", ""],
      ["CSC02", "", "b.csv", "", ""],
      ["CSC06", "", "", "cpp_rate_per_10000", '{"category":"Children in need"}'],
    ]);
    expect(readBenchmarkSettings(edited)).toEqual({
      area: "Northshire",
      neighbourFile: null,
      files: ["a.csv", "b.csv"],
      map: { links: [{ indicatorId: "CSC06", column: "cpp_rate_per_10000", breakdown: { category: "Children in need" } }] },
    });
  });

  it("gives nothing for a sheet that holds no settings", () => {
    expect(readBenchmarkSettings(grid(BENCHMARK_SETTINGS_SHEET, [["Something else entirely"]]))).toBeNull();
  });
});
