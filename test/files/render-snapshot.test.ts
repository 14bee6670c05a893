import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WorkbookPlan } from "../../src/core/plan/plan";
import type { SnapshotSheet } from "../../src/core/plan/snapshot";
import { widthCharsToStored, widthPointsToChars, widthCharsToPoints } from "../../src/core/plan/units";
import { readWorkbookBuffer } from "../../src/files/read";
import { renderPlanToXlsx } from "../../src/files/render";
import { snapshotXlsx } from "../../src/files/snapshot";

/** A plan using every feature the file adapter renders. */
function fullPlan(): WorkbookPlan {
  return {
    activeSheet: "Scorecard",
    sheets: [
      {
        name: "Spec",
        state: "veryHidden",
        blocks: [{ at: "A1", values: [["key", "value"], ["agency", "Police"]] }],
      },
      {
        name: "Scorecard",
        tabColor: "#1f4e79",
        blocks: [
          { at: "A1", values: [["Safeguarding scorecard Q1 2025/26", null, null, null]] },
          {
            at: "A3",
            values: [
              ["Indicator ID", "Indicator", "Value", "Target", "Note"],
              ["CP02", "Repeat child protection plans", 0.175, 0.18, "=SUM(A1)"],
              ["CP03", "Visits in timescale", 0.9, 0.95, "=1+1"],
              ["CP04", "Total", { formula: "SUM(C4:C5)" }, { formula: "=D4+D5" }, true],
            ],
          },
        ],
        numberFormats: [
          { range: "C4:D6", format: "0.0%" },
          { range: "F4", format: "dd/mm/yyyy" },
        ],
        styles: [
          { range: "A1", style: { bold: true, size: 14, fontColor: "#1F4E79" } },
          { range: "A3:E3", style: { bold: true, fill: "#DDEBF7", wrap: true, horizontal: "center" } },
          { range: "B4:B6", style: { italic: true, horizontal: "left" } },
        ],
        merges: ["A1:D1"],
        tables: [{ name: "Indicators", range: "A3:E6", style: "TableStyleLight9" }],
        conditionalFormats: [
          { kind: "expression", range: "C4:C6", formula: "$C4<$D4", style: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true }, priority: 1, stopIfTrue: true },
          { kind: "expression", range: "C4:C6", formula: "$C4>=$D4", style: { fill: "#C6EFCE" }, priority: 2 },
          { kind: "colorScale", range: "D4:D6", min: "#F8696B", mid: "#FFEB84", max: "#63BE7B", priority: 3 },
          { kind: "colorScale", range: "G4:G6", min: "#FFFFFF", max: "#63BE7B", priority: 4 },
          { kind: "iconSet", range: "H4:H6", iconSet: "3TrafficLights1", thresholds: [0.5, 0.8], showValue: false, priority: 5 },
          { kind: "iconSet", range: "I4:I6", iconSet: "3Arrows", thresholds: [10, 20], showValue: true, priority: 6 },
        ],
        dataValidations: [
          {
            range: "C4:C5",
            kind: "decimal",
            operator: "between",
            min: 0,
            max: 1,
            allowBlank: true,
            prompt: { title: "Value", message: "A proportion between 0 and 1." },
            error: { title: "Not a proportion", message: "Enter a number from 0 to 1.", style: "stop" },
          },
          { range: "J4:J6", kind: "whole", operator: "greaterThanOrEqual", min: 0, allowBlank: false },
          { range: "K4:K6", kind: "whole", operator: "lessThanOrEqual", max: 100, allowBlank: true, error: { title: "Too many", message: "At most 100.", style: "warning" } },
          { range: "L4:L6", kind: "list", items: ["Yes", "No", "Not known", 'Say "maybe"'], allowBlank: true },
          { range: "M4", kind: "textLength", max: 500, allowBlank: true, error: { title: "", message: "Keep it short.", style: "information" } },
        ],
        columnWidths: [
          { col: 0, width: 12 },
          { col: 1, width: 40 },
          { col: 4, width: 8.43 },
        ],
        freeze: { rows: 3, columns: 1 },
        protection: { protect: true, unlocked: ["C4:C5", "M4"] },
        charts: [{ kind: "columnClustered", title: "Values", source: "B3:C6", from: "G10", to: "N25" }],
      },
      {
        name: "Notes sheet",
        state: "hidden",
        blocks: [{ at: "B2", values: [["Only a header"], [null]] }],
        tables: [{ name: "Lonely", range: "B2" }],
      },
    ],
  };
}

describe("render a plan, then snapshot the file", () => {
  let xlsx: Buffer;
  let scorecard: SnapshotSheet;

  beforeAll(async () => {
    xlsx = await renderPlanToXlsx(fullPlan());
    const snap = await snapshotXlsx(xlsx);
    scorecard = snap.sheets[1]!;
  });

  test("sheets keep their order, state, tab colour and the active sheet", async () => {
    const snap = await snapshotXlsx(xlsx);
    expect(snap.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Spec", "veryHidden"],
      ["Scorecard", "visible"],
      ["Notes sheet", "hidden"],
    ]);
    expect(snap.activeSheet).toBe("Scorecard");
    expect(scorecard.tabColor).toBe("#1F4E79");
    expect(snap.sheets[0]!.tabColor).toBeUndefined();
  });

  test("a string is always data, even when it looks like a formula", () => {
    expect(scorecard.cells["E4"]).toEqual({ value: "=SUM(A1)", numberFormat: "General" });
    expect(scorecard.cells["E5"]).toEqual({ value: "=1+1", numberFormat: "General" });
    expect(scorecard.cells["E4"]!.formula).toBeUndefined();
  });

  test("only { formula } values become formulas, with or without a leading =", () => {
    expect(scorecard.cells["C6"]).toEqual({ value: null, formula: "SUM(C4:C5)", numberFormat: "0.0%" });
    expect(scorecard.cells["D6"]).toMatchObject({ value: null, formula: "D4+D5" });
    expect(scorecard.cells["E6"]).toEqual({ value: true, numberFormat: "General" });
  });

  test("values, number formats, styles and locking in normal form", () => {
    expect(scorecard.cells["C4"]).toEqual({ value: 0.175, numberFormat: "0.0%", locked: false });
    expect(scorecard.cells["D4"]).toEqual({ value: 0.18, numberFormat: "0.0%" });
    expect(scorecard.cells["A1"]).toEqual({
      value: "Safeguarding scorecard Q1 2025/26",
      numberFormat: "General",
      style: { bold: true, size: 14, fontColor: "#1F4E79" },
    });
    expect(scorecard.cells["B3"]).toEqual({
      value: "Indicator",
      numberFormat: "General",
      style: { bold: true, fill: "#DDEBF7", wrap: true, horizontal: "center" },
    });
    expect(scorecard.cells["B4"]!.style).toEqual({ italic: true, horizontal: "left" });
    // An empty cell appears when it has a format or is unlocked, and not otherwise.
    expect(scorecard.cells["F4"]).toEqual({ value: null, numberFormat: "dd/mm/yyyy" });
    expect(scorecard.cells["M4"]).toEqual({ value: null, numberFormat: "General", locked: false });
    expect(scorecard.cells["F5"]).toBeUndefined();
  });

  test("cells covered by a merge are left out; merges are listed", () => {
    expect(scorecard.merges).toEqual(["A1:D1"]);
    expect(scorecard.cells["B1"]).toBeUndefined();
    expect(scorecard.cells["D1"]).toBeUndefined();
  });

  test("tables, including a header-only table given one empty data row", async () => {
    expect(scorecard.tables).toEqual([
      { name: "Indicators", range: "A3:E6", columns: ["Indicator ID", "Indicator", "Value", "Target", "Note"] },
    ]);
    const snap = await snapshotXlsx(xlsx);
    expect(snap.sheets[2]!.tables).toEqual([{ name: "Lonely", range: "B2:B3", columns: ["Only a header"] }]);
  });

  test("conditional formats come back as the plan wrote them, in priority order", () => {
    expect(scorecard.conditionalFormats).toEqual(fullPlan().sheets[1]!.conditionalFormats);
  });

  test("conditional-format priorities are renumbered 1, 2, 3... in order", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "S",
          blocks: [{ at: "A1", values: [[1], [2]] }],
          conditionalFormats: [
            { kind: "expression", range: "A1:A2", formula: "A1>1", style: { bold: true }, priority: 30, stopIfTrue: true },
            { kind: "colorScale", range: "A1:A2", min: "#FFFFFF", max: "#000000", priority: 10 },
          ],
        },
      ],
    };
    const snap = await snapshotXlsx(await renderPlanToXlsx(plan));
    expect(snap.sheets[0]!.conditionalFormats).toEqual([
      { kind: "colorScale", range: "A1:A2", min: "#FFFFFF", max: "#000000", priority: 1 },
      { kind: "expression", range: "A1:A2", formula: "A1>1", style: { bold: true }, priority: 2, stopIfTrue: true },
    ]);
  });

  test("data validations come back as the plan wrote them, one per range", () => {
    const plan = fullPlan().sheets[1]!.dataValidations!;
    expect(scorecard.dataValidations).toEqual(plan);
  });

  test("column widths are the characters Excel shows, to 0.1", () => {
    expect(scorecard.columnWidths).toEqual({ 0: 12, 1: 40, 4: 8.4 });
  });

  test("freeze panes, protection and charts", () => {
    expect(scorecard.freeze).toEqual({ rows: 3, columns: 1 });
    expect(scorecard.protected).toBe(true);
    // Written as DrawingML after ExcelJS (charts.ts; charts.test.ts has the details).
    expect(scorecard.charts).toEqual([{ kind: "columnClustered", title: "Values", source: "B3:C6" }]);
  });

  test("the file opens again in ExcelJS, and reads back as grids", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Spec", "Scorecard", "Notes sheet"]);
    expect(wb.getWorksheet("Scorecard")!.getCell("E4").type).toBe(ExcelJS.ValueType.String);

    const grids = await readWorkbookBuffer(xlsx, "scorecard.xlsx");
    const grid = grids.sheets[1]!;
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.rows[3]![2]).toEqual({ value: 0.175, text: "17.5%", numberFormat: "0.0%" });
    expect(grid.rows[5]![2]).toEqual({ value: null, text: "", numberFormat: "0.0%", formula: "=SUM(C4:C5)" });
    expect(grid.rows[3]![4]).toEqual({ value: "=SUM(A1)", text: "=SUM(A1)", numberFormat: "General" });
    expect(grids.sheets[0]!.state).toBe("veryHidden");
  });

  test("the XML is what Excel needs to open it without repair", async () => {
    const zip = await JSZip.loadAsync(xlsx);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<sheet [^>]*name="Spec"[^>]*state="veryHidden"/);
    expect(workbookXml).toMatch(/activeTab="1"/);
    expect(workbookXml).toMatch(/fullCalcOnLoad="1"/);
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    // Only the active sheet's tab is selected (two selected tabs would group the sheets).
    expect(sheetXml).toMatch(/tabSelected="1"/);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).not.toMatch(/tabSelected="1"/);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).not.toMatch(/hashValue|password/);
    expect(sheetXml).toMatch(/<pane [^>]*xSplit="1"[^>]*ySplit="3"[^>]*topLeftCell="B4"[^>]*state="frozen"/);
    expect(sheetXml.match(/stopIfTrue="1"/g)).toHaveLength(1);
    // The table's heading cells are the strings its columns are named after.
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(tableXml).toMatch(/ref="A3:E6"/);
    expect(tableXml).toMatch(/<tableColumn [^>]*name="Indicator ID"/);
    expect(tableXml).toMatch(/TableStyleLight9/);
    // Column widths are stored with Excel's padding: 12 characters is 89 pixels.
    expect(sheetXml).toContain(`width="${widthCharsToStored(12)}"`);
    expect(widthCharsToStored(12)).toBeCloseTo(12.7109375, 10);
  });
});

describe("plans Excel would have to repair are refused", () => {
  const base = (): WorkbookPlan => ({
    sheets: [{ name: "S", blocks: [{ at: "A1", values: [["A", "B"], [1, 2]] }] }],
  });

  test.each<[string, (p: WorkbookPlan) => void, RegExp]>([
    ["duplicate headings", (p) => { p.sheets[0]!.blocks[0]!.values[0] = ["A", "a"]; p.sheets[0]!.tables = [{ name: "T", range: "A1:B2" }]; }, /heading "a" twice/],
    ["a number heading", (p) => { p.sheets[0]!.blocks[0]!.values[0] = ["A", 7]; p.sheets[0]!.tables = [{ name: "T", range: "A1:B2" }]; }, /text heading in B1/],
    ["duplicate table names", (p) => { p.sheets[0]!.tables = [{ name: "T", range: "A1:A2" }, { name: "t", range: "B1:B2" }]; }, /used twice/],
    ["a table name like a cell", (p) => { p.sheets[0]!.tables = [{ name: "T1", range: "A1:B2" }]; }, /not a valid Excel table name/],
    ["overlapping tables", (p) => { p.sheets[0]!.tables = [{ name: "First", range: "A1:B2" }, { name: "Second", range: "B1:B2" }]; }, /overlap/],
    ["a comma in a list item", (p) => { p.sheets[0]!.dataValidations = [{ range: "A2", kind: "list", items: ["a,b"], allowBlank: true }]; }, /comma/],
    ["a list over 255 characters", (p) => { p.sheets[0]!.dataValidations = [{ range: "A2", kind: "list", items: Array.from({ length: 60 }, (_, i) => `Item ${i}`), allowBlank: true }]; }, /255/],
    ["overlapping validations", (p) => { p.sheets[0]!.dataValidations = [{ range: "A2:B2", kind: "textLength", max: 5, allowBlank: true }, { range: "B2", kind: "textLength", max: 5, allowBlank: true }]; }, /overlap/],
    ["no visible sheet", (p) => { p.sheets[0]!.state = "hidden"; }, /no visible sheet/],
    ["a bad sheet name", (p) => { p.sheets[0]!.name = "Q1/Q2"; }, /not a valid Excel sheet name/],
    ["a non-finite number", (p) => { p.sheets[0]!.blocks[0]!.values[1] = [NaN, 1]; }, /cannot store/],
    ["a bad colour", (p) => { p.sheets[0]!.tabColor = "red"; }, /#RRGGBB/],
  ])("%s", async (_, mutate, message) => {
    const plan = base();
    mutate(plan);
    await expect(renderPlanToXlsx(plan)).rejects.toThrow(message);
  });

  test("an active sheet that is hidden falls back to the first visible sheet", async () => {
    const plan: WorkbookPlan = {
      activeSheet: "Hidden",
      sheets: [
        { name: "Hidden", state: "hidden", blocks: [] },
        { name: "Shown", blocks: [{ at: "A1", values: [[1]] }] },
      ],
    };
    const snap = await snapshotXlsx(await renderPlanToXlsx(plan));
    expect(snap.activeSheet).toBe("Shown");
  });
});

describe("width units shared with the Office.js adapter", () => {
  test("characters to points and back", () => {
    expect(widthCharsToPoints(8.43)).toBe(48);
    expect(widthPointsToChars(48)).toBeCloseTo(8.43, 2);
    expect(widthPointsToChars(widthCharsToPoints(40))).toBe(40);
  });
});
