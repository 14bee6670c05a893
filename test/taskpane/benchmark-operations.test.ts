/**
 * The Benchmarks section's operations against the Excel test host: the settings kept on a hidden
 * sheet the add-in owns and lists in its register, read back in three syncs that touch no other
 * sheet, restored by Import's read at no extra cost, and written with the Scorecard in its one
 * write; the files' text stays text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { openDataSource, readNeighbourList, BENCHMARK_SETTINGS_SHEET } from "../../src/core/benchmark";
import type { CellValue } from "../../src/core/grid/grid";
import type { BenchmarkSettings } from "../../src/core/model";
import { REGISTER_SHEET } from "../../src/excel/ownership";
import { createExcelOperations, type ExcelDeps } from "../../src/taskpane/office/excel-operations";
import type { ScorecardSettings } from "../../src/taskpane/operations";
import { hostDeps } from "./excel-deps";
import { ExcelHost } from "../excel-host";
import { csvText, neighbourListRows, sampleAuthorities } from "../generators/open-data";
import { csvWorkbook } from "./fakes";
import { withoutCopies } from "../support/copies";

const SCORECARD_ROWS: CellValue[][] = [
  ["Partnership scorecard 2024/25", null, null, null],
  ["Indicator", "Q1 2024/25", "Q2 2024/25", "Good is"],
  ["Referrals to children's social care", 4100, 3880, "Low"],
  ["Strategy discussions within 1 working day (%)", 88, 93, "High"],
];

function workbook(): ExcelHost {
  return new ExcelHost({ file: "Partnership.xlsx", sheets: [{ name: "Scorecard", rows: { values: SCORECARD_ROWS } }, { name: "Notes", cells: { A1: "Read me first" } }] });
}

function operationsFor(host: ExcelHost) {
  const deps: ExcelDeps = hostDeps(host);
  return { operations: createExcelOperations(deps), deps };
}

const CIN = fs.readFileSync(path.resolve(__dirname, "../../assets/samples/open-data/children-in-need.csv"));
const source = openDataSource(csvWorkbook({ name: "children-in-need.csv", bytes: new Uint8Array(CIN) })).source;
const neighbours = readNeighbourList(csvWorkbook({ name: "sn.csv", bytes: new Uint8Array(Buffer.from(csvText(neighbourListRows(sampleAuthorities()).map((r) => r.map(String))))) }));

const KEPT: BenchmarkSettings = {
  area: "Northshire",
  neighbourFile: "statistical-neighbours.xlsx",
  files: ["children-in-need.csv", "=HYPERLINK(\"http://x\",\"y\").csv"],
  map: {
    links: [
      { indicator: "Referrals to children's social care", file: "children-in-need.csv", column: "referrals_count", breakdown: { category: "Children in need" } },
      { indicatorId: "SD01", indicator: "Strategy discussions within 1 working day (%)", column: "+cmd|' /C calc'!A0" },
    ],
  },
};

describe("benchmark settings kept in the workbook", () => {
  it("are written on a hidden sheet the add-in lists in its register, as text, and read back in three syncs", async () => {
    const host = workbook();
    const mine = host.snapshot({ sheets: ["Scorecard", "Notes"] }).sheets;
    const { operations } = operationsFor(host);
    const saved = await operations.saveBenchmarks(KEPT);
    expect(host.syncCount).toBe(2);
    expect(saved.summary).toBe(
      `Kept the area (Northshire), the files' names and 2 links in this workbook, on the add-in's hidden sheet “${BENCHMARK_SETTINGS_SHEET}”; they come back when the pane reads this workbook again.`,
    );
    expect(host.sheet(BENCHMARK_SETTINGS_SHEET)?.visibility).toBe("Hidden");
    expect(Object.values(host.snapshot({ sheets: [REGISTER_SHEET] }).sheets[0]?.cells ?? {}).map((c) => c.value)).toContain(BENCHMARK_SETTINGS_SHEET);
    expect(host.snapshot({ sheets: ["Scorecard", "Notes"] }).sheets).toEqual(mine);
    // The files' names and the map's text are text, never formulas.
    const cells = Object.values(host.snapshot({ sheets: [BENCHMARK_SETTINGS_SHEET] }).sheets[0]?.cells ?? {});
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining(["=HYPERLINK(\"http://x\",\"y\").csv", "+cmd|' /C calc'!A0"]));
    expect(cells.some((c) => c.formula !== undefined)).toBe(false);

    host.resetCounters();
    expect(await operations.readSavedBenchmarks()).toEqual(KEPT);
    expect(host.syncCount).toBe(3);
  });

  it("are nothing in a workbook that has none", async () => {
    const host = workbook();
    expect(await operationsFor(host).operations.readSavedBenchmarks()).toBeNull();
  });

  it("are found under another name when the analyst has a sheet called Benchmark settings", async () => {
    const host = new ExcelHost({ file: "P.xlsx", sheets: [{ name: BENCHMARK_SETTINGS_SHEET, cells: { A1: "My own notes" } }] });
    const { operations } = operationsFor(host);
    await operations.saveBenchmarks(KEPT);
    expect(host.sheetNames()).toContain(`${BENCHMARK_SETTINGS_SHEET} (add-in)`);
    expect(host.snapshot({ sheets: [BENCHMARK_SETTINGS_SHEET] }).sheets[0]?.cells).toEqual({ A1: expect.objectContaining({ value: "My own notes" }) });
    expect(await operations.readSavedBenchmarks()).toEqual(KEPT);
  });

  it("come back with Import's read, and that sheet is never read as the analyst's figures", async () => {
    const host = workbook();
    const { operations } = operationsFor(host);
    await operations.saveBenchmarks(KEPT);
    host.resetCounters();
    const { imported } = await operations.readWorkbook();
    expect(host.syncCount).toBe(3);
    expect(imported.savedBenchmarks).toEqual(KEPT);
    expect(imported.ownSheets).toEqual([BENCHMARK_SETTINGS_SHEET]);
  });
});

describe("the Scorecard with benchmarks", () => {
  it("is written with the settings sheet in one write, with England, region and neighbour columns and a chart", async () => {
    const host = workbook();
    const { operations, deps } = operationsFor(host);
    const { extraction } = await operations.readWorkbook();
    host.resetCounters();
    const settings: ScorecardSettings = {
      greenPercent: 95,
      amberPercent: 90,
      groupBy: "agency",
      additions: [],
      benchmarks: { sources: [source], area: "951", neighbours, map: { links: [KEPT.map.links[0]!] }, settings: { ...KEPT, files: ["children-in-need.csv"], map: { links: [KEPT.map.links[0]!] } } },
    };
    const result = await operations.writeScorecard(extraction.detail, settings);
    // One sync reads the register and what the add-in's sheets hold; one writes.
    expect(host.syncCount).toBe(2);
    expect(deps.loadBenchmarkJobs).not.toHaveBeenCalled();
    expect(result.benchmarks).toEqual({ linked: 1, notes: [] });
    expect(withoutCopies(host.sheetNames())).toEqual(["Scorecard", "Notes", "Scorecard (add-in)", BENCHMARK_SETTINGS_SHEET, REGISTER_SHEET]);
    const sheet = host.snapshot({ sheets: ["Scorecard (add-in)"] }).sheets[0]!;
    const cells = Object.entries(sheet.cells);
    const value = (address: string) => sheet.cells[address]?.value;
    const heads = cells.filter(([a]) => /^[A-Z]+5$/.test(a)).map(([, c]) => c.value);
    expect(heads).toEqual(expect.arrayContaining(["England", "North East", "Neighbours' mean", "Against England"]));
    const referrals = cells.find(([a, c]) => a.startsWith("A") && c.value === "Referrals to children's social care")![0].replace(/^A/, "");
    const englandCol = cells.find(([a, c]) => c.value === "England" && /^[A-Z]+5$/.test(a))![0].replace(/5$/, "");
    const england = source.observations.find((o) => o.indicator === "referrals_count" && o.area?.name === "England" && o.period.end === "2025-03-31")!.value;
    expect(value(`${englandCol}${referrals}`)).toBe(england);
    expect(sheet.charts).toEqual([expect.objectContaining({ kind: "lineMarkers", title: "Referrals to children's social care: Northshire and England" })]);
    expect(await operations.readSavedBenchmarks()).toEqual(settings.benchmarks?.settings);
  });

  it("says which links could not be used", async () => {
    const host = workbook();
    const { operations } = operationsFor(host);
    const { extraction } = await operations.readWorkbook();
    const map = { links: [{ indicator: "Strategy discussions within 1 working day (%)", column: "no_such_column" }, KEPT.map.links[0]!] };
    const settings: ScorecardSettings = {
      greenPercent: 95,
      amberPercent: 90,
      groupBy: "agency",
      additions: [],
      benchmarks: { sources: [source], area: "Northshire", neighbours: null, map, settings: { ...KEPT, map } },
    };
    const result = await operations.writeScorecard(extraction.detail, settings);
    expect(result.benchmarks?.linked).toBe(1);
    expect(result.benchmarks?.notes).toEqual([
      "The map links “Strategy discussions within 1 working day (%)” to the column no_such_column, which none of the files has; it has no comparators.",
    ]);
  });
});
