/**
 * One plan, two adapters, one workbook: a plan rendered through the Office.js adapter (into the
 * Excel test host) and through the file adapter (into an .xlsx, read back with ExcelJS) must give
 * equal snapshots, cell by cell and rule by rule.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { benchmarkSettingsSheet } from "../../src/core/benchmark";
import { defaultFramework } from "../../src/core/framework";
import { ingestWorkbook } from "../../src/core/ingest";
import { firstPlan } from "../../src/core/plan/first-plan";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { applyRag, DEFAULT_RAG_RULE } from "../../src/core/rag";
import { reportBook } from "../../src/core/report/book";
import { buildScorecard } from "../../src/core/scorecard";
import { renderPlan } from "../../src/excel";
import { copySheetName, planReadBack, registerSheet, type RegisterEntry } from "../../src/excel/ownership";
import { readWorkbookBuffer } from "../../src/files";
import { renderPlanToXlsx } from "../../src/files/render";
import { snapshotXlsx } from "../../src/files/snapshot";
import { ExcelHost } from "../excel-host";
import { PLANS, templatePlan } from "../safety/plans";

async function bothWays(plan: WorkbookPlan): Promise<{ excel: WorkbookSnapshot; file: WorkbookSnapshot }> {
  // The host starts as a new Excel workbook does, with a "Sheet1" the plan does not own.
  const host = new ExcelHost();
  await renderPlan(host.context, plan);
  const excel = host.snapshot({ sheets: plan.sheets.map((s) => s.name) });
  const file = await snapshotXlsx(await renderPlanToXlsx(plan));
  return { excel, file };
}

function expectSame(excel: WorkbookSnapshot, file: WorkbookSnapshot): void {
  expect(excel.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
  excel.sheets.forEach((sheet, i) => {
    const other = file.sheets[i]!;
    // Cell by cell first, so a difference names its cell.
    expect(Object.keys(sheet.cells).sort()).toEqual(Object.keys(other.cells).sort());
    for (const address of Object.keys(sheet.cells)) {
      expect({ sheet: sheet.name, address, cell: sheet.cells[address] }).toEqual({ sheet: other.name, address, cell: other.cells[address] });
    }
    // Then rule by rule.
    expect(sheet.conditionalFormats).toEqual(other.conditionalFormats);
    expect(sheet.dataValidations).toEqual(other.dataValidations);
    expect(sheet.tables).toEqual(other.tables);
    expect(sheet.merges).toEqual(other.merges);
    expect({ sheet: sheet.name, rowHeights: sheet.rowHeights, print: sheet.print }).toEqual({ sheet: other.name, rowHeights: other.rowHeights, print: other.print });
  });
  // And everything else the snapshot holds.
  expect(excel).toEqual(file);
}

test("the first plan renders the same through the Excel adapter and the file adapter", async () => {
  const { excel, file } = await bothWays(firstPlan());
  // Not a vacuous comparison: the plan's content is there on both sides.
  expect(Object.keys(excel.sheets[0]?.cells ?? {}).length).toBeGreaterThan(40);
  expect(excel.sheets[0]?.cells.G5?.value).toBe("=Second quarter above the national rate");
  expectSame(excel, file);
});

test("a template-like plan (protection, hidden sheets, styles, every rule kind) renders the same both ways", async () => {
  const plan: WorkbookPlan = {
    activeSheet: "Return",
    sheets: [
      {
        name: "Return",
        tabColor: "#1F4E78",
        blocks: [
          { at: "A1", values: [["Indicator ID", "Indicator", "Value", "Confirmed", "Commentary"]] },
          {
            at: "A2",
            values: [
              ["CP01", "Conferences in time", null, null, "@risk: 12 late"],
              ["CP02", "Repeat plans", 18.5, true, "-"],
              ["EH03", "Early help", { formula: "C3*2" }, false, "'quoted'"],
            ],
          },
        ],
        styles: [
          { range: "A1:E1", style: { bold: true, fill: "#1F4E78", fontColor: "#FFFFFF", horizontal: "center" } },
          { range: "E2:E4", style: { wrap: true, italic: true } },
        ],
        numberFormats: [{ range: "C2:C4", format: "0.0" }],
        tables: [{ name: "ReturnData", range: "A1:E4", style: "TableStyleLight9" }],
        conditionalFormats: [
          { kind: "colorScale", range: "C2:C4", min: "#F8696B", mid: "#FFEB84", max: "#63BE7B", priority: 1 },
          { kind: "iconSet", range: "C2:C4", iconSet: "3Arrows", thresholds: [10, 20], showValue: true, priority: 2 },
          { kind: "expression", range: "A2:E4", formula: "$D2=FALSE", style: { bold: true, fontColor: "#9C0006" }, priority: 3 },
        ],
        dataValidations: [
          { range: "C2:C4", kind: "decimal", operator: "greaterThanOrEqual", min: 0, allowBlank: true },
          { range: "D2:D4", kind: "list", items: ["TRUE", "FALSE"], allowBlank: false, prompt: { title: "Confirmed?", message: "Choose TRUE or FALSE." } },
          {
            range: "E2:E4",
            kind: "textLength",
            max: 500,
            allowBlank: true,
            error: { title: "Too long", message: "Keep commentary under 500 characters.", style: "information" },
          },
        ],
        protection: { protect: true, unlocked: ["C2:E4", "G2:G4"] },
        columnWidths: [
          { col: 1, width: 40.5 },
          { col: 4, width: 60 },
        ],
        freeze: { rows: 1, columns: 2 },
      },
      { name: "Spec", state: "veryHidden", blocks: [{ at: "A1", values: [["key", "value"], ["agency", "Police"], ["due", "2025-07-31"]] }] },
      { name: "Lists", state: "hidden", blocks: [{ at: "A1", values: [["TRUE"], ["FALSE"]] }], merges: ["C1:D2"] },
    ],
  };
  const { excel, file } = await bothWays(plan);
  expect(excel.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
    ["Return", "visible", true],
    ["Spec", "veryHidden", false],
    ["Lists", "hidden", false],
  ]);
  expectSame(excel, file);
});

test("a plan with charts of every kind renders the same both ways, charts included", async () => {
  const plan: WorkbookPlan = {
    activeSheet: "Gap Analysis",
    sheets: [
      {
        name: "Gap Analysis",
        blocks: [
          { at: "A1", values: [["Balance of types of information"]] },
          {
            at: "A3",
            values: [
              ["Type", "Share", "Indicators"],
              ["Quantity", 0.5, 10],
              ["Quality", 0.3, { formula: "C4/2" }],
              ["Outcome", 0.2, 4],
            ],
          },
        ],
        numberFormats: [{ range: "B4:B6", format: "0%" }],
        styles: [{ range: "A3:C3", style: { bold: true } }],
        charts: [
          { kind: "columnClustered", title: "Balance of quantity, quality and outcome information", source: "A3:B6", from: "E3", to: "L18" },
          { kind: "pie", title: "Shares", source: "A3:B6", from: "E20", to: "L34" },
        ],
      },
      {
        name: "Q1",
        blocks: [{ at: "B2", values: [["Agency", "On time", "Late"], ["Police", 12, 3], ["Health", 9, 1]] }],
        charts: [
          { kind: "columnStacked", title: "Returns by agency", source: "B2:D4", from: "F2", to: "M16" },
          { kind: "barClustered", title: "", source: "B2:D4", from: "F18", to: "M32" },
          { kind: "lineMarkers", title: "Returns over time", source: "B2:D4", from: "F34", to: "M48" },
        ],
      },
      { name: "Notes", blocks: [{ at: "A1", values: [["No charts"]] }] },
    ],
  };
  const { excel, file } = await bothWays(plan);
  // Not vacuous: both adapters hold the five charts.
  expect(excel.sheets.map((s) => s.charts.length)).toEqual([2, 3, 0]);
  expect(excel.sheets.map((s) => s.charts)).toEqual(file.sheets.map((s) => s.charts));
  expectSame(excel, file);
});

test("the scorecard with official benchmarks and the hidden settings sheet render the same both ways", async () => {
  const period = (y: number) => ({ start: `${y - 1}-04-01`, end: `${y}-03-31`, label: `${y - 1}/${String(y % 100).padStart(2, "0")}` });
  const indicator = { id: "CSC01", name: "Re-referrals within 12 months (%)", agency: "Children's Social Care", unit: "percent" as const, polarity: "lower" as const, target: 20, contentArea: null, type: null, source: null, frequency: null };
  const observations = [2024, 2025].map((y, i) => ({
    indicator: indicator.name, indicatorId: "CSC01", agency: indicator.agency, period: period(y), value: 21 + i, status: "ok" as const, unit: "percent" as const,
    numerator: null, denominator: null, target: null, polarity: null, rag: null, source: { file: "s.xlsx", sheet: "S", cell: "A1" },
  }));
  const published = {
    indicator: "rereferrals_percent", breakdown: {}, period: period(2025), unit: "percent" as const, value: 23.4, status: "ok" as const, england: 22.9, region: 23.4,
    neighbours: { mean: 23.1, count: 9, leftOut: 1, missing: 0 }, rank: { position: 3, of: 12, leftOut: 1 }, rankLeftOut: 1, englandStatus: "ok" as const, regionStatus: "ok" as const,
    source: { file: "cin.csv", sheet: "cin", cell: "O8" }, trend: [2023, 2024, 2025].map((y) => ({ period: period(y), value: 22 + (y % 3), england: 22.5 })),
  };
  const { sheet } = buildScorecard(observations, [indicator], DEFAULT_RAG_RULE, {
    groupBy: "agency",
    benchmarks: {
      area: { code: "E06990001", name: "Northshire", region: "North East", oldCode: "951" },
      neighbours: ["Wearmouth"],
      files: ["cin.csv"],
      indicators: [{ indicatorId: "CSC01", indicator: indicator.name, file: "cin.csv", column: "rereferrals_percent", breakdown: {}, linkedBy: "map", published }],
    },
  });
  const settings = benchmarkSettingsSheet({ area: "951", neighbourFile: null, files: ["cin.csv"], map: { links: [{ indicatorId: "CSC01", column: "rereferrals_percent", breakdown: { category: "=SUM(1)" } }] } });
  const { excel, file } = await bothWays({ sheets: [sheet, settings], activeSheet: sheet.name });
  // Not vacuous: the comparison's two rules after the three RAG rules, the chart, the hidden sheet.
  expect(excel.sheets[0]?.conditionalFormats).toHaveLength(5);
  expect(excel.sheets[0]?.charts.map((c) => c.kind)).toEqual(["lineMarkers"]);
  expect(excel.sheets[1]?.state).toBe("hidden");
  expectSame(excel, file);
});

describe("the plans the add-in writes render the same both ways, now that the Excel adapter sends shared settings once", () => {
  // Formulas filled down columns (R1C1), number formats, validation, fills and unlocked cells
  // grouped over RangeAreas: the file adapter applies the plan item by item, so equal snapshots
  // mean the grouping changed nothing.
  test.each([...PLANS, { name: "a return template of 120 rows whose units alternate row by row", plan: () => templatePlan(120) }])("$name", async ({ plan }) => {
    const { excel, file } = await bothWays(plan());
    expectSame(excel, file);
  });
});

test("row heights and page setup render the same both ways, in the plan's own terms", async () => {
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: "Wrapped names",
        blocks: [{ at: "A1", values: [["Title"], [null], [null], ["Indicator", "Value"], ["Initial child protection conferences within 15 working days of strategy discussion (%)", 81.5], ["Short", 2]] }],
        styles: [{ range: "A5:A6", style: { wrap: true } }],
        columnWidths: [{ col: 0, width: 46 }],
        // A height Excel would lay out as 26.25 points (35 pixels): both snapshots say so.
        rowHeights: [{ row: 4, height: 30 }, { row: 0, height: 26 }],
        print: { paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: null, area: "A1:B6", titleRows: [3] },
      },
      // A name with a space and a comma, quoted in the workbook's defined names.
      { name: "Contents, page 2", blocks: [{ at: "A1", values: [["x"]] }], print: { paper: "A4", orientation: "portrait", fitWidth: 1, fitHeight: 2, area: "A1", titleRows: [0, 1] } },
      { name: "Plain", blocks: [{ at: "A1", values: [["no page setup"]] }] },
    ],
  };
  const { excel, file } = await bothWays(plan);
  // Not vacuous: the heights and page setup are there, as the plan gives them (rounded to whole pixels).
  expect(excel.sheets.map((s) => s.rowHeights)).toEqual([{ 0: 26.25, 4: 30 }, {}, {}]);
  expect(excel.sheets.map((s) => s.print)).toEqual([
    { paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: null, area: "A1:B6", titleRows: [3], centered: true },
    { paper: "A4", orientation: "portrait", fitWidth: 1, fitHeight: 2, area: "A1", titleRows: [0, 1], centered: true },
    undefined,
  ]);
  expectSame(excel, file);
});

test("the report book built from the demo's scorecard renders the same both ways", async () => {
  const sample = path.join(__dirname, "..", "..", "assets", "samples", "partnership-scorecard-q2-2025-26.xlsx");
  const read = ingestWorkbook(await readWorkbookBuffer(fs.readFileSync(sample), path.basename(sample)));
  const book = reportBook(applyRag(read.observations, read.indicators, DEFAULT_RAG_RULE), read.indicators, defaultFramework, { rule: DEFAULT_RAG_RULE });
  const { excel, file } = await bothWays(book.plan);
  // Not vacuous: every page is set up to print, and long names and questions were given their lines.
  expect(excel.sheets.every((s) => s.print?.paper === "A3" && s.print.fitHeight === 1)).toBe(true);
  expect(excel.sheets.some((s) => Object.values(s.rowHeights).some((h) => h > 15))).toBe(true);
  expect(excel.sheets.reduce((n, s) => n + s.charts.length, 0)).toBeGreaterThan(2);
  expectSame(excel, file);
}, 60_000);

test("a sheet's copy as written (copyOf) and the register's live count render the same both ways, the copy holding the cells without their formats", async () => {
  const plan = firstPlan();
  const sheet = plan.sheets[0]!;
  const { fingerprint, usedRange } = planReadBack(sheet);
  const copy = { sheet: copySheetName(sheet.name), range: usedRange! };
  const entry: RegisterEntry = { sheet: sheet.name, wanted: sheet.name, job: "Test", fingerprint, writtenAt: "2026-12-03 09:00 UTC", copy };
  const withCopy: WorkbookPlan = { ...plan, sheets: [...plan.sheets, { name: copy.sheet, state: "veryHidden", blocks: [], copyOf: { sheet: sheet.name, range: copy.range } }, registerSheet([entry])] };
  const { excel, file } = await bothWays(withCopy);
  expectSame(excel, file);
  const [original, copied] = [excel.sheets[0]!, excel.sheets.find((s) => s.name === copy.sheet)!];
  expect(copied.state).toBe("veryHidden");
  const filled = (a: string): boolean => original.cells[a]?.value !== null || original.cells[a]?.formula !== undefined;
  expect(Object.keys(copied.cells).sort()).toEqual(Object.keys(original.cells).filter(filled).sort());
  expect(Object.values(copied.cells).filter((c) => c.formula !== undefined).length).toBeGreaterThan(3);
  for (const [address, cell] of Object.entries(copied.cells)) {
    expect({ address, value: cell.value, formula: cell.formula }).toEqual({ address, value: original.cells[address]?.value, formula: original.cells[address]?.formula });
    expect(cell.style).toBeUndefined();
  }
});
