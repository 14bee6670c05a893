import * as adapter from "../../src/excel";
import { InputError } from "../../src/core/errors";
import type { CellValue } from "../../src/core/grid/grid";
import { createExcelOperations, type ExcelDeps } from "../../src/taskpane/office/excel-operations";
import * as jobs from "../../src/taskpane/office/jobs";
import { describeSheets } from "../../src/taskpane/office/jobs";
import { OWN_SHEETS_SHEET } from "../../src/taskpane/office/own-sheets";
import type { ScorecardSettings } from "../../src/taskpane/operations";
import { ExcelHost, type SeedSheet } from "../excel-host";

const SCORECARD_ROWS: CellValue[][] = [
  ["Partnership scorecard 2024/25", null, null, null, null],
  [null, null, null, null, null],
  ["Indicator", "Q1 2024/25", "Q2 2024/25", "Target", "Good is"],
  ["Children subject to a CP plan for 2 years or more (%)", 3.5, 4.1, 2, "Low"],
  ["Strategy discussions within 1 working day (%)", 88, 93, 95, "High"],
  ["Referrals to children's social care", 410, 388, null, null],
];

/** A circulated scorecard whose sheet is called "Scorecard", as many are, and a notes sheet. */
function analystWorkbook(extra: SeedSheet[] = []): ExcelHost {
  return new ExcelHost({
    file: "Partnership.xlsx",
    sheets: [{ name: "Scorecard", rows: { values: SCORECARD_ROWS } }, { name: "Notes", cells: { A1: "Read me first" } }, ...extra],
  });
}

const SETTINGS: ScorecardSettings = { greenPercent: 95, amberPercent: 90, groupBy: "agency", additions: [] };

function depsFor(host: ExcelHost) {
  const deps: ExcelDeps = {
    run: jest.fn((batch) => batch(host.context)) as ExcelDeps["run"],
    loadAdapter: jest.fn(async () => adapter),
    loadJobs: jest.fn(async () => jobs),
  };
  return deps;
}

describe("the Excel operations, against the Excel test host", () => {
  it("load the engine and the adapter only when first used", async () => {
    const host = analystWorkbook();
    const deps = depsFor(host);
    const operations = createExcelOperations(deps);
    expect(deps.loadAdapter).not.toHaveBeenCalled();
    expect(deps.loadJobs).not.toHaveBeenCalled();
    await operations.readWorkbook();
    expect(deps.loadAdapter).toHaveBeenCalled();
    expect(deps.loadJobs).toHaveBeenCalled();
  });

  it("read the workbook in two syncs, write nothing, and say what each sheet holds", async () => {
    const host = analystWorkbook();
    const before = host.snapshot();
    const { imported, extraction } = await createExcelOperations(depsFor(host)).readWorkbook();
    expect(host.syncCount).toBe(2);
    expect(host.snapshot()).toEqual(before);
    expect(imported.file).toBe("Partnership.xlsx");
    expect(imported.ownSheets).toEqual([]);
    expect(extraction.problem).toBeNull();
    expect(extraction.detail.indicators.map((i) => i.name)).toHaveLength(3);
    expect(extraction.detail.observations).toHaveLength(6);
    expect(extraction.detail.layouts.find((l) => l.sheet === "Scorecard")?.kind).toBe("wide");
    expect(extraction.detail.warnings.map((w) => [w.code, w.sheet])).toContainEqual(["INGEST_SHEET_SKIPPED", "Notes"]);
  });

  it("read again with corrections without going back to Excel", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { imported } = await operations.readWorkbook();
    host.resetCounters();
    // Column C (Q2) left out: its figures go.
    const corrected = await operations.extract(imported, { Scorecard: { columns: [{ col: 2, role: "ignore" }] } });
    expect(host.syncCount).toBe(0);
    expect(corrected.detail.observations).toHaveLength(3);
    const skipped = await operations.extract(imported, { Scorecard: { skip: true } });
    expect(skipped.problem).toMatch(/No sheet in Partnership\.xlsx looks like an indicator table/);
    // Layouts still come back, so the analyst can correct them.
    expect(skipped.detail.layouts.map((l) => l.sheet)).toEqual(["Notes"]);
  });

  it("write the indicator sheets beside the analyst's own Scorecard sheet, never over it, in two syncs", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    const analystsScorecard = host.snapshot({ sheets: ["Scorecard"] }).sheets;
    host.resetCounters();
    const result = await operations.writeIndicatorSheets({ data: extraction.detail, settings: SETTINGS, includeScorecard: true });
    expect(host.syncCount).toBe(2);
    expect(host.sheetNames()).toEqual(["Scorecard", "Notes", "Scorecard (add-in)", "Indicators", "Observations", OWN_SHEETS_SHEET]);
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(analystsScorecard);
    expect(host.sheet(OWN_SHEETS_SHEET)?.visibility).toBe("Hidden");
    expect(result.summary).toContain("wrote “Scorecard (add-in)” and left yours alone");
    // 4.1 against 2 (lower is better) is red; 93 of 95 is 97.9%, green; referrals have no target.
    expect(result.counts).toEqual({ red: 1, amber: 0, green: 1, notRated: 1, total: 3 });

    // Running again replaces the add-in's sheets and nothing else.
    await operations.writeIndicatorSheets({ data: extraction.detail, settings: SETTINGS, includeScorecard: true });
    expect(host.sheetNames()).toEqual(["Scorecard", "Notes", "Scorecard (add-in)", "Indicators", "Observations", OWN_SHEETS_SHEET]);
    expect(host.snapshot({ sheets: ["Scorecard"] }).sheets).toEqual(analystsScorecard);

    // Reading the workbook again leaves the add-in's sheets out, so no figure is read twice.
    const again = await operations.readWorkbook();
    expect(again.imported.ownSheets).toEqual(["Scorecard (add-in)", "Indicators", "Observations"]);
    expect(again.extraction.detail.observations).toHaveLength(6);
  });

  it("write the Scorecard alone with the analyst's thresholds and additions, and count its ratings", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    host.resetCounters();
    const settings: ScorecardSettings = {
      greenPercent: 90,
      amberPercent: 80,
      groupBy: "contentArea",
      additions: [{ indicatorId: null, indicator: "Referrals to children's social care", polarity: "lower", target: 400 }],
    };
    const result = await operations.writeScorecard(extraction.detail, settings);
    expect(host.syncCount).toBe(2);
    // 4.1 against 2 (lower is better) is red; 93 of 95 is green at 90%; 388 against 400 (lower) is green.
    expect(result.counts).toEqual({ red: 1, amber: 0, green: 2, notRated: 0, total: 3 });
    expect(host.sheetNames()).toContain("Scorecard (add-in)");
    expect(host.sheetNames()).not.toContain("Indicators");
  });

  it("refuse thresholds that make no sense, in words, before touching Excel", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    const { extraction } = await operations.readWorkbook();
    host.resetCounters();
    const bad = { ...SETTINGS, greenPercent: 80, amberPercent: 90 };
    await expect(operations.writeScorecard(extraction.detail, bad)).rejects.toThrow(
      "The scorecard's rule cannot be used: amber: the amber threshold must not be above the green threshold.",
    );
    await expect(operations.writeScorecard(extraction.detail, { ...SETTINGS, greenPercent: 0 })).rejects.toBeInstanceOf(InputError);
    expect(host.syncCount).toBe(0);
  });

  it("write the sample sheet as the add-in's own, beside an analyst's Scorecard", async () => {
    const host = analystWorkbook();
    const result = await createExcelOperations(depsFor(host)).writeSampleSheet();
    expect(result.summary).toMatch(/^Wrote the sheet “Scorecard \(add-in\)”\./);
    expect(host.sheetNames()).toContain("Scorecard (add-in)");
  });

  it("take the user to a cell, and say so plainly when the sheet is not there", async () => {
    const host = analystWorkbook();
    const operations = createExcelOperations(depsFor(host));
    await operations.selectCell("Scorecard", "C5");
    expect(host.activeSheet).toBe("Scorecard");
    expect(host.selection).toMatch(/C5/);
    await expect(operations.selectCell("Nope", "A1")).rejects.toThrow('There is no sheet named "Nope" in this workbook.');
  });

  it("say when the workbook holds only the add-in's own sheets", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "Indicators", cells: { A1: "Indicator ID" } },
        { name: OWN_SHEETS_SHEET, state: "hidden", cells: { A1: "Sheet the add-in writes", B1: "Written as", A2: "Indicators", B2: "Indicators" } },
      ],
    });
    await expect(createExcelOperations(depsFor(host)).readWorkbook()).rejects.toThrow(/only holds sheets the add-in wrote/);
  });

  it("pass Excel's errors on for the panel to describe", async () => {
    const failure = Object.assign(new Error("Protected"), { code: "AccessDenied" });
    const deps: ExcelDeps = { ...depsFor(analystWorkbook()), run: async () => Promise.reject(failure) };
    await expect(createExcelOperations(deps).writeSampleSheet()).rejects.toBe(failure);
  });
});

describe("describeSheets", () => {
  it("names sheets the way a sentence does", () => {
    expect(describeSheets([])).toBe("nothing");
    expect(describeSheets(["Scorecard"])).toBe("the sheet “Scorecard”");
    expect(describeSheets(["A", "B", "C"])).toBe("the sheets “A”, “B” and “C”");
  });
});
