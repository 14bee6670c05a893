import { firstPlan } from "../../src/core/plan/first-plan";
import type { SheetPlan, WorkbookPlan } from "../../src/core/plan/plan";
import { renderPlan, selectCell, type RenderProgress } from "../../src/excel";
import { InputError } from "../../src/core/errors";
import { ExcelHost, REQUEST_LIMIT_BYTES, type SeedSheet } from "../excel-host";

const USER_SHEET: SeedSheet = {
  name: "Our notes",
  cells: { A1: "Minutes", B2: { value: 0.5, numberFormat: "0%" }, C3: { formula: "=B2*2", value: 1 } },
  merges: ["A1:C1"],
  columnWidths: { 0: 30 },
  tables: [{ name: "Actions", range: "A5:B7" }],
};

describe("renderPlan: the first plan", () => {
  test("is written in exactly one sync, well under the request limit", async () => {
    const host = new ExcelHost();
    const result = await renderPlan(host.context, firstPlan());
    expect(host.syncCount).toBe(1);
    expect(result.syncs).toBe(1);
    expect(host.requests[0]?.ok).toBe(true);
    expect(host.requests[0]?.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(host.sheetNames()).toEqual(["Sheet1", "Scorecard"]);
    expect(host.activeSheet).toBe("Scorecard");
  });

  test("lands as the plan says: text stays text, formulas are formulas, rules and layout are in place", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, firstPlan());
    const sheet = host.snapshot({ sheets: ["Scorecard"] }).sheets[0]!;
    // Agency commentary that begins with "=", "-" or "+" is stored as the text it is.
    expect(sheet.cells.G5).toMatchObject({ value: "=Second quarter above the national rate" });
    expect(sheet.cells.G5?.formula).toBeUndefined();
    expect(sheet.cells.G6?.value).toBe("-3.1 points on Q4: staffing gaps in the north locality");
    expect(sheet.cells.G8?.value).toBe("+12 children awaiting appointments");
    // Only { formula } values become formulas.
    expect(sheet.cells.H4).toEqual({ value: null, formula: "E4-F4", numberFormat: "0.0" });
    expect(sheet.cells.E4).toEqual({ value: 87.5, numberFormat: "0.0" });
    expect(sheet.cells.D4?.value).toBe("Q1 2025/26");
    expect(sheet.cells.G4?.style).toEqual({ wrap: true });
    expect(sheet.merges).toEqual(["A1:H1"]);
    expect(sheet.tables).toEqual([
      {
        name: "ScorecardData",
        range: "A3:H8",
        columns: ["Indicator ID", "Indicator", "Agency", "Period", "Value (%)", "Target (%)", "Commentary", "Gap"],
      },
    ]);
    expect(sheet.conditionalFormats.map((c) => (c.kind === "expression" ? [c.formula, c.priority, c.stopIfTrue ?? false] : c.kind))).toEqual([
      ["E4<F4", 1, true],
      ["E4>=F4", 2, false],
    ]);
    expect(sheet.dataValidations).toEqual([firstPlan().sheets[0]!.dataValidations![0]]);
    expect(sheet.columnWidths).toEqual({ 0: 12, 1: 48, 2: 24, 3: 12, 4: 11, 5: 11, 6: 50, 7: 8 });
    expect(sheet.freeze).toEqual({ rows: 3, columns: 0 });
    expect(sheet.protected).toBe(false);
  });

  test("Excel gets widths in points: 7 px a character plus 5 px padding, 0.75 pt a pixel", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, firstPlan());
    expect(host.sheet("Scorecard")?.columnWidths.get(0)).toBeCloseTo((12 * 7 + 5) * 0.75, 10);
  });

  test("reports progress after each sync", async () => {
    const host = new ExcelHost();
    const seen: RenderProgress[] = [];
    await renderPlan(host.context, firstPlan(), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ done: 1, total: 1 }]);
  });
});

describe("renderPlan: other sheets", () => {
  test("never touches the user's sheets, and replaces an existing sheet of the plan's name", async () => {
    const host = new ExcelHost({
      sheets: [USER_SHEET, { name: "scorecard", cells: { Z99: "old content" }, tables: [{ name: "ScorecardData", range: "X1:Y3" }] }],
    });
    const before = host.snapshot({ sheets: ["Our notes"] }).sheets;
    await renderPlan(host.context, firstPlan());
    expect(host.syncCount).toBe(1);
    // Cell by cell, rule by rule, the user's sheet is as it was (only the active tab moved).
    expect(host.snapshot({ sheets: ["Our notes"] }).sheets).toEqual(before);
    expect(host.sheetNames()).toEqual(["Our notes", "Scorecard"]);
    const scorecard = host.snapshot({ sheets: ["Scorecard"] }).sheets[0]!;
    expect(scorecard.cells.Z99).toBeUndefined();
    // The old sheet's table name was freed before the new table took it.
    expect(scorecard.tables.map((t) => t.name)).toEqual(["ScorecardData"]);
  });

  test("re-rendering works when the plan's sheets are the only ones (Excel keeps one visible sheet)", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "old" } }] });
    await renderPlan(host.context, firstPlan());
    await renderPlan(host.context, firstPlan());
    expect(host.sheetNames()).toEqual(["Scorecard"]);
    expect(host.syncCount).toBe(2);
  });
});

describe("renderPlan: splitting by bytes", () => {
  const TEXT_CELLS = 200_000;
  const COLS = 10;

  function textRows(count: number, from = 0): string[][] {
    return Array.from({ length: count }, (_, r) => Array.from({ length: COLS }, (_, c) => `Row ${from + r} column ${c}: agency text`));
  }

  function planOf(blockCount: number): WorkbookPlan {
    const totalRows = TEXT_CELLS / COLS;
    const per = totalRows / blockCount;
    const blocks = Array.from({ length: blockCount }, (_, b) => ({ at: `A${b * per + 1}`, values: textRows(per, b * per) }));
    return { sheets: [{ name: "Big", blocks }] };
  }

  test("200,000 cells of text go in a few syncs, each under 5 MB, and all of it arrives", async () => {
    const host = new ExcelHost();
    const result = await renderPlan(host.context, planOf(1));
    expect(host.syncCount).toBe(result.syncs);
    expect(host.syncCount).toBeGreaterThan(1);
    const total = host.requests.reduce((n, r) => n + r.bytes, 0);
    // As few syncs as the bytes need: within one of the total over the adapter's 4 MB budget.
    expect(host.syncCount).toBeLessThanOrEqual(Math.ceil(total / (4 * 1024 * 1024)) + 1);
    for (const r of host.requests) {
      expect(r.ok).toBe(true);
      expect(r.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    }
    expect(host.cell("Big", "A1")?.value).toBe("Row 0 column 0: agency text");
    expect(host.cell("Big", "J20000")?.value).toBe("Row 19999 column 9: agency text");
  });

  test("the number of syncs depends on the bytes, not on the number of blocks", async () => {
    const counts: number[] = [];
    for (const blocks of [1, 100, 2000]) {
      const host = new ExcelHost();
      await renderPlan(host.context, planOf(blocks));
      counts.push(host.syncCount);
      expect(host.requests.every((r) => r.ok && r.bytes < REQUEST_LIMIT_BYTES)).toBe(true);
    }
    expect(new Set(counts).size).toBe(1);
  });

  test("hundreds of rules still go in one sync", async () => {
    const host = new ExcelHost();
    const sheet: SheetPlan = {
      name: "Rules",
      blocks: [{ at: "A1", values: [[1]] }],
      conditionalFormats: Array.from({ length: 300 }, (_, i) => ({
        kind: "expression" as const,
        range: `A${i + 1}`,
        formula: `A${i + 1}>${i}`,
        style: { fill: "#FFC7CE" },
        priority: i + 1,
      })),
      dataValidations: Array.from({ length: 300 }, (_, i) => ({ range: `B${i + 1}`, kind: "textLength" as const, max: 100, allowBlank: true })),
    };
    await renderPlan(host.context, { sheets: [sheet] });
    expect(host.syncCount).toBe(1);
    expect(host.snapshot().sheets[1]?.conditionalFormats.map((c) => c.priority)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  test("a smaller budget gives more, smaller requests", async () => {
    const host = new ExcelHost();
    const result = await renderPlan(host.context, { sheets: [{ name: "S", blocks: [{ at: "A1", values: textRows(2000) }] }] }, { requestBudgetBytes: 100_000 });
    expect(result.syncs).toBeGreaterThan(5);
    expect(host.requests.every((r) => r.bytes < 120_000)).toBe(true);
    expect(host.cell("S", "J2000")?.value).toBe("Row 1999 column 9: agency text");
  });
});

describe("renderPlan: values Excel would reinterpret", () => {
  test("strings that look like formulas, numbers, dates, booleans or errors are stored as text", async () => {
    const tricky = ["=1+1", "+44 20 7946 0000", "-", "- see note", "@risk", "12", "007", "50%", "TRUE", "#N/A", "Apr-25", "2025-04-01", "'quoted'", " 12 ", "N/A", "Police"];
    const host = new ExcelHost();
    await renderPlan(host.context, { sheets: [{ name: "T", blocks: [{ at: "A1", values: tricky.map((t) => [t]) }] }] });
    tricky.forEach((text, i) => {
      const cell = host.cell("T", `A${i + 1}`);
      expect({ text, value: cell?.value, formula: cell?.formula, error: cell?.error }).toEqual({ text, value: text, formula: undefined, error: undefined });
    });
    // Plain words go without the apostrophe.
    expect(host.cell("T", "A16")?.quotePrefix).toBeUndefined();
  });

  test("numbers, booleans and formulas are written as such; null leaves a cell empty", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, { sheets: [{ name: "T", blocks: [{ at: "B2", values: [[1.5, false, { formula: "=B2*2" }, null], [7]] }] }] });
    expect(host.cell("T", "B2")?.value).toBe(1.5);
    expect(host.cell("T", "C2")?.value).toBe(false);
    expect(host.cell("T", "D2")?.formula).toBe("=B2*2");
    expect(host.cell("T", "E2")?.value ?? null).toBeNull();
    expect(host.snapshot({ sheets: ["T"] }).sheets[0]?.cells.E2).toBeUndefined();
    expect(host.cell("T", "B3")?.value).toBe(7);
  });
});

describe("renderPlan: protection, state and the rest", () => {
  const plan: WorkbookPlan = {
    activeSheet: "Return",
    sheets: [
      {
        name: "Return",
        blocks: [{ at: "A1", values: [["Indicator", "Value"], ["CP01", null]] }],
        styles: [{ range: "A1:B1", style: { bold: true, fill: "#1F4E78", fontColor: "#FFFFFF", horizontal: "center" } }],
        protection: { protect: true, unlocked: ["B2:B20"] },
        tabColor: "#1F4E78",
        charts: [{ kind: "columnClustered", title: "Values", source: "A1:B2", from: "D2", to: "K15" }],
        conditionalFormats: [
          { kind: "iconSet", range: "B2:B20", iconSet: "3TrafficLights1", thresholds: [50, 80], showValue: false, priority: 2 },
          { kind: "colorScale", range: "B2:B20", min: "#F8696B", mid: "#FFEB84", max: "#63BE7B", priority: 1 },
        ],
        dataValidations: [
          { range: "C2:C20", kind: "list", items: ["Yes", "No"], allowBlank: false, error: { title: "Pick one", message: "Yes or No.", style: "warning" } },
          { range: "D2:D20", kind: "whole", operator: "greaterThanOrEqual", min: 0, allowBlank: true },
        ],
        rowHeights: [
          { row: 0, height: 30 },
          { row: 2, height: 45 },
          { row: 3, height: 45 },
          { row: 5, height: 30 },
        ],
        print: { paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: null, area: "A1:D20", titleRows: [0] },
      },
      { name: "Spec", state: "veryHidden", blocks: [{ at: "A1", values: [['{"version":1}']] }] },
      { name: "Lists", state: "hidden", blocks: [{ at: "A1", values: [["Yes"], ["No"]] }] },
    ],
  };

  test("protects after writing, leaves unlocked ranges editable, hides and activates as planned", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, plan);
    expect(host.syncCount).toBe(1);
    const snap = host.snapshot({ sheets: ["Return", "Spec", "Lists"] });
    expect(snap.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
      ["Return", "visible", true],
      ["Spec", "veryHidden", false],
      ["Lists", "hidden", false],
    ]);
    expect(host.sheet("Return")?.protection).toEqual({
      protected: true,
      options: { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, selectionMode: "Normal" },
    });
    expect(host.cell("Return", "B20")?.locked).toBe(false);
    expect(host.cell("Return", "A2")?.locked ?? true).toBe(true);
    expect(snap.sheets[0]?.cells.A1?.style).toEqual({ bold: true, fill: "#1F4E78", fontColor: "#FFFFFF", horizontal: "center" });
    expect(snap.sheets[0]?.charts).toEqual([{ kind: "columnClustered", title: "Values", source: "A1:B2" }]);
    expect(host.sheet("Return")?.tabColor).toBe("#1F4E78");
    expect(host.activeSheet).toBe("Return");
  });

  test("conditional formats and validations read back in the plan's terms", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, plan);
    const sheet = host.snapshot({ sheets: ["Return"] }).sheets[0]!;
    expect(sheet.conditionalFormats).toEqual([
      { kind: "colorScale", range: "B2:B20", min: "#F8696B", mid: "#FFEB84", max: "#63BE7B", priority: 1 },
      { kind: "iconSet", range: "B2:B20", iconSet: "3TrafficLights1", thresholds: [50, 80], showValue: false, priority: 2 },
    ]);
    expect(sheet.dataValidations).toEqual(plan.sheets[0]!.dataValidations);
  });

  test("row heights and page setup land as the plan says, on a sheet protected after them", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, plan);
    const sheet = host.snapshot({ sheets: ["Return"] }).sheets[0]!;
    expect(sheet.rowHeights).toEqual({ 0: 30, 2: 45, 3: 45, 5: 30 });
    // Centred across the page, as the file adapter centres it; null pages down is Excel's 0.
    expect(sheet.print).toEqual({ ...plan.sheets[0]!.print, centered: true });
    expect(host.sheet("Return")?.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet.protected).toBe(true);
  });

  test("a print plan without an area or title rows sets neither", async () => {
    const host = new ExcelHost();
    await renderPlan(host.context, { sheets: [{ name: "P", blocks: [{ at: "A1", values: [["x"]] }], print: { paper: "A4", orientation: "portrait", fitWidth: 2, fitHeight: 3 } }] });
    expect(host.snapshot({ sheets: ["P"] }).sheets[0]?.print).toEqual({ paper: "A4", orientation: "portrait", fitWidth: 2, fitHeight: 3, centered: true });
  });

  test("a plan that names a sheet twice is refused before anything is sent", async () => {
    const host = new ExcelHost();
    await expect(renderPlan(host.context, { sheets: [{ name: "A", blocks: [] }, { name: "a", blocks: [] }] })).rejects.toThrow(/twice/);
    expect(host.syncCount).toBe(0);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Cover" }, { name: "Return" }] });
    await selectCell(host.context, "Return", "D7");
    expect(host.activeSheet).toBe("Return");
    expect(host.selection).toBe("Return!D7");
  });

  test("says plainly when the sheet is missing or hidden", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Cover" }, { name: "Spec", state: "veryHidden" }] });
    await expect(selectCell(host.context, "Return", "D7")).rejects.toBeInstanceOf(InputError);
    await expect(selectCell(host.context, "Spec", "A1")).rejects.toThrow(/hidden/);
  });
});
