/**
 * The Excel test host must fail where Excel fails, or adapter tests prove nothing: these tests pin
 * the behaviours the adapter relies on.
 */
import { ExcelHost, HostError, interpretEntry, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES, type RequestRecord, type SeedSheet } from "./index";

async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected the promise to reject");
}

function thrown(fn: () => unknown): HostError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected a HostError");
}

describe("proxies: load before read", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, before and after sync", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Data", cells: { A1: "x" } }] });
    const { context } = host;
    const range = context.workbook.worksheets.getItem("Data").getRange("A1");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test checks
    expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
    range.load("values");
    // Loaded but not synced: still not available.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test checks
    expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
    await context.sync();
    expect(range.values).toEqual([["x"]]);
    // Only what was loaded is available.
    // eslint-disable-next-line office-addins/load-object-before-read -- reading what was not loaded is what this test checks
    expect(thrown(() => range.text).code).toBe("PropertyNotLoaded");
  });

  test("loaded values are a snapshot taken at sync, not a live view", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Data", cells: { A1: 1 } }] });
    const { context } = host;
    const range = context.workbook.worksheets.getItem("Data").getRange("A1");
    range.load("values");
    await context.sync();
    range.values = [[2]];
    const again = context.workbook.worksheets.getItem("Data").getRange("A1");
    again.load("values");
    expect(host.cell("Data", "A1")?.value).toBe(1); // queued, not yet applied
    await context.sync();
    expect(again.values).toEqual([[2]]);
  });

  test("collections need items loaded; items carry the loaded properties", async () => {
    const host = new ExcelHost({ sheets: [{ name: "A" }, { name: "B", state: "veryHidden" }] });
    const { context } = host;
    const sheets = context.workbook.worksheets;
    expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
    sheets.load("items/name,items/visibility");
    await context.sync();
    expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
      ["A", "Visible"],
      ["B", "VeryHidden"],
    ]);
    expect(thrown(() => sheets.items[0]?.position).code).toBe("PropertyNotLoaded");
  });
});

describe("null objects", () => {
  test("isNullObject is known only after sync; methods on a null object do nothing", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Keep" }] });
    const { context } = host;
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    const present = context.workbook.worksheets.getItemOrNullObject("keep");
    // eslint-disable-next-line office-addins/call-sync-before-read -- reading before sync is what this test checks
    expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
    missing.delete();
    missing.getRange("A1").values = [["ignored"]];
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(host.sheetNames()).toEqual(["Keep"]);
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound", async () => {
    const host = new ExcelHost();
    const { context } = host;
    context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
    expect((await rejection(context.sync())).code).toBe("ItemNotFound");
  });

  test("the used range of an empty sheet is a null object", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Empty" }, { name: "Full", cells: { C3: 1, E9: "x" } }] });
    const { context } = host;
    const empty = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
    const full = context.workbook.worksheets.getItem("Full").getUsedRangeOrNullObject(true);
    empty.load("address");
    full.load("address");
    await context.sync();
    expect(empty.isNullObject).toBe(true);
    expect(full.isNullObject).toBe(false);
    expect(full.address).toBe("Full!C3:E9");
  });
});

describe("syncs and requests", () => {
  test("writes wait for sync; each sync is counted with its request size", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [["hello"]];
    expect(host.cell("Sheet1", "A1")).toBeUndefined();
    expect(host.syncCount).toBe(0);
    await context.sync();
    expect(host.cell("Sheet1", "A1")?.value).toBe("hello");
    const long = "x".repeat(10_000);
    ws.getRange("A2").values = [[long]];
    await context.sync();
    expect(host.syncCount).toBe(2);
    const [first, second] = host.requests;
    expect(first?.bytes).toBeLessThan(500);
    // The payload is measured: 10,000 characters of text make a request of at least 10,000 bytes.
    expect(second?.bytes).toBeGreaterThan(10_000);
    expect(second?.bytes).toBeLessThan(10_500);
    host.resetCounters();
    expect(host.syncCount).toBe(0);
  });

  test("bytes are UTF-8: non-ASCII text weighs more than its length", async () => {
    const host = new ExcelHost();
    const { context } = host;
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["é".repeat(1000)]];
    await context.sync();
    expect(host.requests[0]?.bytes).toBeGreaterThan(2000);
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [["small write queued first"]];
    const rows = 6000;
    const big = Array.from({ length: rows }, () => ["y".repeat(1000)]);
    ws.getRange(`B1:B${rows}`).values = big;
    const error = await rejection(context.sync());
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.requests[0]?.ok).toBe(false);
    expect(host.requests[0]?.bytes).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(host.cell("Sheet1", "A1")).toBeUndefined();
    expect(host.cell("Sheet1", "B1")).toBeUndefined();
    // The queue is spent: the next sync sends nothing.
    await context.sync();
    expect(host.requests[1]?.operations).toBe(0);
  });

  test("a request just under the limit succeeds", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const rows = 4000;
    context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => ["z".repeat(1000)]);
    await context.sync();
    expect(host.requests[0]?.ok).toBe(true);
    expect(host.text("Sheet1", `A${rows}`)).toHaveLength(1000);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded, shaped as the request's refusal, and delivers nothing", async () => {
    const rows = 6000;
    const host = new ExcelHost({ sheets: [{ name: "Sheet1", rows: { values: Array.from({ length: rows }, () => ["y".repeat(1000)]) } }] });
    const { context } = host;
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`);
    range.load("values");
    const error = await rejection(context.sync());
    // The same shape as Excel's (and the host's) refusal of a request: name, code, message, debugInfo.
    expect(error).toBeInstanceOf(HostError);
    expect(error.name).toBe("RichApi.Error");
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(error.debugInfo.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(error.message).toMatch(/^The response payload size has exceeded the limit \(\d+ bytes > 5242880\)\.$/);
    expect(host.requests[0]).toMatchObject({ ok: false });
    expect(host.requests[0]?.responseBytes).toBeGreaterThan(RESPONSE_LIMIT_BYTES);
    // The request itself was small: it is the answer that was too big.
    expect(host.requests[0]?.bytes).toBeLessThan(200);
    expect(() => range.values).toThrow(/is not available/);
  });

  test("a response just under the limit is delivered, and every sync records its response's size", async () => {
    const rows = 4000;
    const host = new ExcelHost({ sheets: [{ name: "Sheet1", rows: { values: Array.from({ length: rows }, () => ["z".repeat(1000)]) } }] });
    const { context } = host;
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`);
    range.load("values");
    await context.sync();
    expect(range.values[rows - 1]?.[0]).toHaveLength(1000);
    expect(host.requests[0]?.responseBytes).toBeGreaterThan(4_000_000);
    expect(host.requests[0]?.responseBytes).toBeLessThan(RESPONSE_LIMIT_BYTES);
    // A write loads nothing: its answer is empty.
    context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]];
    await context.sync();
    expect(host.requests[1]?.responseBytes).toBe(0);
  });

  test("a response limit set lower is kept, and a write in the refused batch stays done, as Excel ran it before answering", async () => {
    const host = new ExcelHost({ responseLimitBytes: 100, sheets: [{ name: "Sheet1", cells: { A1: "x".repeat(200) } }] });
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("B1").values = [["written"]];
    ws.getRange("A1").load("values");
    expect((await rejection(context.sync())).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.text("Sheet1", "B1")).toBe("written");
  });

  test("a failing operation stops the batch; what ran before it stays done, as in Excel", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const sheets = context.workbook.worksheets;
    sheets.getItem("Sheet1").getRange("A1").values = [[1]];
    sheets.add("Sheet1"); // duplicate name
    sheets.getItem("Sheet1").getRange("A2").values = [[2]];
    expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
    expect(host.cell("Sheet1", "A1")?.value).toBe(1);
    expect(host.cell("Sheet1", "A2")).toBeUndefined();
  });

  test("values must match the range's dimensions", async () => {
    const host = new ExcelHost();
    const { context } = host;
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });

  test("one value (not an array) given for values, formulas or a number format goes into every cell of the range", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    (ws.getRange("A1:B3") as unknown as { values: unknown }).values = "same";
    (ws.getRange("C1:C3") as unknown as { numberFormat: unknown }).numberFormat = "0.0";
    (ws.getRange("D1:D2") as unknown as { formulas: unknown }).formulas = "=1+1";
    await context.sync();
    expect(["A1", "B3"].map((a) => host.cell("Sheet1", a)?.value)).toEqual(["same", "same"]);
    expect(["C1", "C2", "C3"].map((a) => host.cell("Sheet1", a)?.numberFormat)).toEqual(["0.0", "0.0", "0.0"]);
    expect(host.cell("Sheet1", "D2")?.formula).toBe("=1+1");
    expect(host.cell("Sheet1", "A4")).toBeUndefined();
  });

  test("formulasR1C1 are read relative to each cell and stored in A1 notation; one formula fills a whole range", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    (ws.getRange("C2:C4") as unknown as { formulasR1C1: unknown }).formulasR1C1 = '=IF(RC[-1]="","",R[-1]C[-2]+R1C1&"R1C1 in text")';
    ws.getRange("E5").formulasR1C1 = [["=SUM(R[-4]C:R[-1]C)+LOG10(RC1)"]];
    await context.sync();
    expect(host.cell("Sheet1", "C2")?.formula).toBe('=IF(B2="","",A1+$A$1&"R1C1 in text")');
    expect(host.cell("Sheet1", "C4")?.formula).toBe('=IF(B4="","",A3+$A$1&"R1C1 in text")');
    expect(host.cell("Sheet1", "E5")?.formula).toBe("=SUM(E1:E4)+LOG10($A5)");
    ws.getRange("A1").formulasR1C1 = [["=R[-1]C"]];
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });

  test("getRanges formats, unlocks and validates every area at once, and refuses an address list over 8,192 characters", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    const areas = ws.getRanges("A1:A2, C3, Sheet1!E5:F5");
    areas.format.fill.color = "#FFF2CC";
    areas.format.protection.locked = false;
    areas.dataValidation.rule = { wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
    areas.load("address,areaCount");
    await context.sync();
    expect(areas.areaCount).toBe(3);
    expect(["A2", "C3", "F5"].map((a) => [host.cell("Sheet1", a)?.style.fill, host.cell("Sheet1", a)?.locked])).toEqual([
      ["#FFF2CC", false],
      ["#FFF2CC", false],
      ["#FFF2CC", false],
    ]);
    expect(host.cell("Sheet1", "B1")).toBeUndefined();
    expect(host.snapshot().sheets[0]?.dataValidations.map((dv) => dv.range)).toEqual(["A1:A2", "C3", "E5:F5"]);
    const long = Array.from({ length: 1600 }, (_, i) => `A${i * 2 + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    ws.getRanges(long).format.fill.color = "#FF0000";
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });
});

describe("the formula rule: strings written to values are entered as if typed", () => {
  async function enter(input: unknown): Promise<ReturnType<ExcelHost["cell"]>> {
    const host = new ExcelHost();
    const { context } = host;
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[input]];
    await context.sync();
    return host.cell("Sheet1", "A1");
  }

  test('"=" starts a formula', async () => {
    const cell = await enter("=B1*2");
    expect(cell?.formula).toBe("=B1*2");
    expect(cell?.value).toBeNull();
  });

  test("a leading apostrophe stores the rest as text", async () => {
    const cell = await enter("'=x");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe("=x");
  });

  test('"+" and "-" followed by text start formulas; followed by a number they are numbers', async () => {
    expect((await enter("-see note"))?.formula).toBe("=-see note");
    expect((await enter("+abc"))?.formula).toBe("=+abc");
    expect((await enter("-5"))?.value).toBe(-5);
  });

  test("numbers, percentages, booleans, errors and dates typed as text are converted", () => {
    expect(interpretEntry("12")).toEqual({ kind: "number", value: 12 });
    expect(interpretEntry("87.5%")).toEqual({ kind: "number", value: 0.875, format: "0%" });
    expect(interpretEntry("TRUE")).toEqual({ kind: "boolean", value: true });
    expect(interpretEntry("#N/A")).toEqual({ kind: "error", error: "#N/A" });
    expect(interpretEntry("Apr-25")).toMatchObject({ kind: "number", format: "mmm-yy" });
    expect(interpretEntry("2025-04-01")).toEqual({ kind: "number", value: 45748, format: "yyyy-mm-dd" });
    expect(interpretEntry("Police")).toEqual({ kind: "text", text: "Police", quotePrefix: false });
  });

  test("a date typed as text gets a date format and displays as a date", async () => {
    const cell = await enter("2025-04-01");
    expect(cell?.value).toBe(45748);
    expect(cell?.numberFormat).toBe("yyyy-mm-dd");
  });
});

describe("sheets", () => {
  test("add, rename, delete; the last visible sheet cannot be hidden or deleted", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Only" }] });
    const { context } = host;
    const sheets = context.workbook.worksheets;
    const only = sheets.getItem("Only");
    only.visibility = "Hidden";
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    only.delete();
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    const added = sheets.add("Spec");
    added.visibility = "VeryHidden";
    const other = sheets.add();
    other.name = "Renamed";
    await context.sync();
    expect(host.sheetNames()).toEqual(["Only", "Spec", "Renamed"]);
    expect(host.sheet("Spec")?.visibility).toBe("VeryHidden");
    only.delete();
    await context.sync();
    expect(host.sheetNames()).toEqual(["Spec", "Renamed"]);
    expect(host.activeSheet).toBe("Renamed");
  });

  test("a hidden sheet cannot be activated", async () => {
    const host = new ExcelHost({ sheets: [{ name: "A" }, { name: "B", state: "hidden" }] });
    const { context } = host;
    context.workbook.worksheets.getItem("B").activate();
    expect((await rejection(context.sync())).code).toBe("InvalidOperation");
  });
});

describe("sheet features", () => {
  test("merged areas, tables, number formats, widths and freeze panes reach the snapshot", async () => {
    const host = new ExcelHost({ sheets: [{ name: "S" }] });
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C2").values = [
      ["Name", "", "Score"],
      ["a", "b", 0.5],
    ];
    ws.getRange("C2").numberFormat = [["0.0%"]];
    ws.getRange("A4:B4").merge(false);
    ws.tables.add("A1:C2", true).name = "Scores";
    ws.getRange("B:B").format.columnWidth = 108.75;
    ws.freezePanes.freezeRows(1);
    await context.sync();
    const snap = host.snapshot().sheets[0];
    expect(snap?.merges).toEqual(["A4:B4"]);
    // Excel names an empty header "ColumnN" and writes it into the cell.
    expect(snap?.tables).toEqual([{ name: "Scores", range: "A1:C2", columns: ["Name", "Column2", "Score"] }]);
    expect(snap?.cells.C2).toEqual({ value: 0.5, numberFormat: "0.0%" });
    expect(host.text("S", "C2")).toBe("50.0%");
    expect(snap?.columnWidths).toEqual({ 1: 20 });
    expect(snap?.freeze).toEqual({ rows: 1, columns: 0 });
  });

  test("a table name that reads as a cell reference is refused, as Excel does", async () => {
    const host = new ExcelHost();
    const { context } = host;
    context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true).name = "T1";
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
  });

  test("a table cannot take a name already used in the workbook", async () => {
    const host = new ExcelHost({ sheets: [{ name: "S", tables: [{ name: "Data", range: "E1:F3" }] }] });
    const { context } = host;
    context.workbook.worksheets.getItem("S").tables.add("A1:B3", true).name = "data";
    expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
  });

  test("conditional formats keep Office.js's priority order; new rules go on top", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
    const first = range.conditionalFormats.add("Custom");
    first.custom.rule.formula = "=A1>1";
    first.custom.format.fill.color = "#ff0000";
    const second = range.conditionalFormats.add("ColorScale");
    second.colorScale.criteria = { minimum: { type: "LowestValue", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#00FF00" } };
    await context.sync();
    let snap = host.snapshot().sheets[0];
    expect(snap?.conditionalFormats.map((c) => c.kind)).toEqual(["colorScale", "expression"]);
    second.priority = 1;
    await context.sync();
    snap = host.snapshot().sheets[0];
    expect(snap?.conditionalFormats.map((c) => [c.kind, c.priority])).toEqual([
      ["expression", 1],
      ["colorScale", 2],
    ]);
    expect(snap?.conditionalFormats[0]).toMatchObject({ formula: "A1>1", style: { fill: "#FF0000" } });
  });

  test("data validation reads back in the plan's terms; Excel's standard stop alert reads as no error", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const dv = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B9").dataValidation;
    dv.rule = { wholeNumber: { operator: "Between", formula1: 0, formula2: 100 } };
    dv.prompt = { showPrompt: true, title: "T", message: "M" };
    await context.sync();
    expect(host.snapshot().sheets[0]?.dataValidations).toEqual([
      {
        range: "B2:B9",
        allowBlank: true,
        kind: "whole",
        operator: "between",
        min: 0,
        max: 100,
        prompt: { title: "T", message: "M" },
      },
    ]);
    dv.errorAlert = { showAlert: true, style: "Warning", title: "", message: "Check" };
    await context.sync();
    expect(host.snapshot().sheets[0]?.dataValidations[0]?.error).toEqual({ title: "", message: "Check", style: "warning" });
  });

  test("a protected sheet refuses writes to locked cells and accepts them in unlocked ones", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("B2").format.protection.locked = false;
    ws.protection.protect();
    await context.sync();
    ws.getRange("B2").values = [["ok"]];
    await context.sync();
    expect(host.cell("Sheet1", "B2")?.value).toBe("ok");
    ws.getRange("A1").values = [["no"]];
    expect((await rejection(context.sync())).code).toBe("AccessDenied");
    const snap = host.snapshot().sheets[0];
    expect(snap?.protected).toBe(true);
    expect(snap?.cells.B2?.locked).toBe(false);
  });

  test("row heights are kept per row, read back after a load, and refused past Excel's 409 points", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("3:4").format.rowHeight = 30;
    ws.getRanges("6:6, 9:10").format.rowHeight = 45;
    const both = ws.getRange("3:4");
    const mixed = ws.getRange("4:6");
    both.load("format/rowHeight");
    mixed.load("format/rowHeight");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading before the sync is what this test checks
    expect(thrown(() => both.format.rowHeight).code).toBe("PropertyNotLoaded");
    await context.sync();
    expect(both.format.rowHeight).toBe(30);
    // Rows of different heights read as null, as Excel reports a mixed range.
    expect(mixed.format.rowHeight).toBeNull();
    expect(host.snapshot().sheets[0]?.rowHeights).toEqual({ 2: 30, 3: 30, 5: 45, 8: 45, 9: 45 });
    ws.getRange("7:7").format.rowHeight = 410;
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    expect(host.snapshot().sheets[0]?.rowHeights[6]).toBeUndefined();
  });

  test("a protected sheet takes row heights only where it allows rows to be formatted", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Locked", protected: true }, { name: "Open" }] });
    const { context } = host;
    context.workbook.worksheets.getItem("Locked").getRange("2:2").format.rowHeight = 30;
    expect((await rejection(context.sync())).code).toBe("AccessDenied");
    const open = context.workbook.worksheets.getItem("Open");
    open.protection.protect({ allowFormatRows: true });
    open.getRange("2:2").format.rowHeight = 30;
    await context.sync();
    expect(host.snapshot({ sheets: ["Open"] }).sheets[0]?.rowHeights).toEqual({ 1: 30 });
  });

  test("page setup: paper, orientation, zoom as a whole object, centring, print area and title rows", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
    // A new sheet has no page setup of its own.
    expect(host.snapshot().sheets[0]?.print).toBeUndefined();
    layout.paperSize = "A3";
    layout.orientation = "Landscape";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    layout.setPrintArea("A1:N80");
    layout.setPrintTitleRows("$5:$6");
    await context.sync();
    // Read through new proxies, which know only what they load.
    const read = context.workbook.worksheets.getItem("Sheet1").pageLayout;
    read.load("paperSize,orientation,zoom,centerHorizontally");
    const area = read.getPrintAreaOrNullObject();
    area.load("address");
    const titles = read.getPrintTitleRowsOrNullObject();
    titles.load("address");
    expect(thrown(() => read.zoom).code).toBe("PropertyNotLoaded");
    await context.sync();
    expect([read.paperSize, read.orientation, read.centerHorizontally]).toEqual(["A3", "Landscape", true]);
    expect(read.zoom).toEqual({ scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(area.address).toBe("Sheet1!A1:N80");
    expect(titles.address).toBe("Sheet1!A5:XFD6");
    expect(host.snapshot().sheets[0]?.print).toEqual({ paper: "A3", orientation: "landscape", fitWidth: 1, fitHeight: null, area: "A1:N80", titleRows: [4, 5], centered: true });
  });

  test("a sheet with no print area or title rows gives null objects for them", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const layout = context.workbook.worksheets.getItem("Sheet1").pageLayout;
    const area = layout.getPrintAreaOrNullObject();
    const titles = layout.getPrintTitleRowsOrNullObject();
    await context.sync();
    expect([area.isNullObject, titles.isNullObject]).toEqual([true, true]);
  });

  test.each([
    ["title rows that do not span whole rows", (l: Excel.PageLayout) => l.setPrintTitleRows("A1:C2")],
    ["a paper Office.js does not know", (l: Excel.PageLayout) => (l.paperSize = "A6" as Excel.PaperType)],
    ["an orientation Office.js does not know", (l: Excel.PageLayout) => (l.orientation = "Sideways" as Excel.PageOrientation)],
    ["a scale outside 10 to 400", (l: Excel.PageLayout) => (l.zoom = { scale: 5 })],
    ["a fraction of a page to fit to", (l: Excel.PageLayout) => (l.zoom = { horizontalFitToPages: 1.5, verticalFitToPages: 0 })],
    ["one fit value without the other (not documented, so not guessed)", (l: Excel.PageLayout) => (l.zoom = { horizontalFitToPages: 1 })],
    ["a print area on another sheet", (l: Excel.PageLayout) => l.setPrintArea("Other!A1:B2")],
  ])("page setup refuses %s", async (_what, set) => {
    const host = new ExcelHost({ sheets: [{ name: "Sheet1" }, { name: "Other" }] });
    const { context } = host;
    set(context.workbook.worksheets.getItem("Sheet1").pageLayout);
    expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    expect(host.snapshot({ sheets: ["Sheet1"] }).sheets[0]?.print).toBeUndefined();
  });

  test("charts record their kind, title and source", async () => {
    const host = new ExcelHost();
    const { context } = host;
    const ws = context.workbook.worksheets.getItem("Sheet1");
    const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:C4"), "Columns");
    chart.title.text = "Trend";
    chart.setPosition("E2", "L20");
    await context.sync();
    expect(host.snapshot().sheets[0]?.charts).toEqual([{ kind: "columnClustered", title: "Trend", source: "A1:C4" }]);
  });
});

describe("Range.copyFrom", () => {
  /** A written sheet: formulas (one to another sheet), a number, text that reads as a number, text with =, an error, formats. */
  const scoreCard: SeedSheet = {
    name: "Score card",
    cells: {
      A1: { value: 5, numberFormat: "0.0", style: { bold: true } },
      A2: "x",
      A3: { formula: "=A1*2", numberFormat: "0%" },
      B1: "Police",
      B2: { error: "#N/A" },
      B3: "5",
      B4: 0.1,
      C1: { formula: "=E5-F5" },
      C2: { formula: "='Other sheet'!$A$1+$B1+C$1", style: { fill: "#FFC7CE" } },
      C3: { value: "=not a formula", locked: false },
    },
  };

  function copyHost(): ExcelHost {
    return new ExcelHost({
      sheets: [
        scoreCard,
        // What was here before: content the copy replaces (D4 where the source is blank) and formats it keeps.
        { name: "~as written 1~", cells: { A1: { value: "old", numberFormat: "0.00%" }, A4: { value: 99, style: { italic: true } } } },
        { name: "Other sheet", cells: { A1: 1 } },
      ],
    });
  }

  test("Formulas to the same address on another sheet: formula text, constants and errors as they are; no formats copied; blanks clear", async () => {
    const host = copyHost();
    const { context } = host;
    const sheets = context.workbook.worksheets;
    sheets.getItem("~as written 1~").getRange("A1").copyFrom(sheets.getItem("Score card").getRange("A1:C4"), "Formulas");
    await context.sync();
    const to = (a: string) => host.cell("~as written 1~", a);
    expect(to("A3")?.formula).toBe("=A1*2");
    expect(to("C1")?.formula).toBe("=E5-F5");
    expect(to("C2")?.formula).toBe("='Other sheet'!$A$1+$B1+C$1");
    expect(["A1", "A2", "B1", "B3", "B4", "C3"].map((a) => to(a)?.value)).toEqual([5, "x", "Police", "5", 0.1, "=not a formula"]);
    expect(to("C3")?.formula).toBeUndefined();
    expect(to("B2")?.error).toBe("#N/A");
    // Formats stay the destination's: none of the source's number formats, fonts, fills or unlocking.
    expect([to("A1")?.numberFormat, to("A3")?.numberFormat, to("A1")?.style, to("C2")?.style, to("C3")?.locked]).toEqual(["0.00%", "General", {}, {}, true]);
    // A blank in the source clears the content here, and only the content.
    expect(to("A4")?.value).toBeNull();
    expect(to("A4")?.style).toEqual({ italic: true });
    expect(host.cell("~as written 1~", "D1")).toBeUndefined();
    // The copy reads back as the source does.
    const source = sheets.getItem("Score card").getRange("A1:C4");
    const copy = sheets.getItem("~as written 1~").getRange("A1:C4");
    source.load("formulas");
    copy.load("formulas");
    await context.sync();
    expect(copy.formulas).toEqual(source.formulas);
  });

  test("Formulas to another address move relative references by the distance copied and keep the $ parts", async () => {
    const host = new ExcelHost({ sheets: [{ name: "S", cells: { A1: 1, B1: { formula: "=A1+$A$1+A$1+$A1+T!B2" } } }, { name: "T" }] });
    const { context } = host;
    const s = context.workbook.worksheets.getItem("S");
    s.getRange("D5").copyFrom("B1", "Formulas");
    context.workbook.worksheets.getItem("T").getRange("C3").copyFrom(s.getRange("B1"), "Formulas");
    await context.sync();
    expect(host.cell("S", "D5")?.formula).toBe("=C5+$A$1+C$1+$A5+T!D6");
    expect(host.cell("T", "C3")?.formula).toBe("=B3+$A$1+B$1+$A3+T!C4");
  });

  test("a source given as an address may name its sheet; source and destination may overlap", async () => {
    const host = new ExcelHost({ sheets: [{ name: "S", cells: { A1: 1, A2: 2, A3: { formula: "=A1+A2" } } }, { name: "T" }] });
    const { context } = host;
    context.workbook.worksheets.getItem("T").getRange("B1").copyFrom("S!A1:A3", "Formulas");
    context.workbook.worksheets.getItem("S").getRange("A2").copyFrom("A1:A3", "Formulas");
    await context.sync();
    expect(["B1", "B2", "B3"].map((a) => host.cell("T", a)?.value ?? host.cell("T", a)?.formula)).toEqual([1, 2, "=B1+B2"]);
    expect(["A1", "A2", "A3", "A4"].map((a) => host.cell("S", a)?.value ?? host.cell("S", a)?.formula)).toEqual([1, 1, 2, "=A2+A3"]);
  });

  test("Values pastes what a read gives as constants: a formula's result, or a blank for one the host cannot work out", async () => {
    const host = new ExcelHost({
      sheets: [{ name: "S", cells: { A1: 4, A2: { formula: "=A1*2" }, A3: { formula: "=1/0" }, A4: { formula: '=""' }, A5: { formula: "=TODAY()" }, A6: "5" } }],
    });
    const { context } = host;
    context.workbook.worksheets.getItem("S").getRange("B1").copyFrom("A1:A6", "Values");
    await context.sync();
    const at = (a: string) => host.cell("S", a);
    expect(["B1", "B2", "B4", "B5", "B6"].map((a) => at(a)?.value ?? null)).toEqual([4, 8, "", null, "5"]);
    expect(at("B3")?.error).toBe("#DIV/0!");
    expect(["B1", "B2", "B3", "B4", "B5", "B6"].map((a) => at(a)?.formula)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test.each<[string, (dest: Excel.Worksheet, source: Excel.Worksheet) => void]>([
    ["copyType All (the default)", (dest, source) => dest.getRange("A1").copyFrom(source.getRange("A1"))],
    ["copyType Formats", (dest, source) => dest.getRange("A1").copyFrom(source.getRange("A1"), "Formats")],
    ["skipBlanks", (dest, source) => dest.getRange("A1").copyFrom(source.getRange("A1"), "Formulas", true)],
    ["transpose", (dest, source) => dest.getRange("A1").copyFrom(source.getRange("A1"), "Values", false, true)],
    ["an address of several areas", (dest) => dest.getRange("A1").copyFrom("A1:A2, C1:C2", "Formulas")],
    ["a RangeAreas of several areas", (dest, source) => dest.getRange("A1").copyFrom(source.getRanges("A1:A2, C1:C2"), "Formulas")],
    ["a destination larger than the source (Excel repeats the source over a multiple of its size)", (dest, source) => dest.getRange("A1:A2").copyFrom(source.getRange("A1"), "Formulas")],
  ])("copyFrom refuses %s, which the host does not model, and changes nothing", async (_what, copy) => {
    const host = copyHost();
    const { context } = host;
    const sheets = context.workbook.worksheets;
    copy(sheets.getItem("~as written 1~"), sheets.getItem("Score card"));
    const error = await rejection(context.sync());
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(/does not (support|model)|one area only/);
    expect(host.cell("~as written 1~", "A1")?.value).toBe("old");
  });

  test("a protected destination refuses a copy onto locked cells, as it refuses other writes", async () => {
    const host = copyHost();
    const { context } = host;
    const sheets = context.workbook.worksheets;
    const dest = sheets.getItem("~as written 1~");
    dest.getRange("F1").format.protection.locked = false;
    dest.protection.protect();
    await context.sync();
    dest.getRange("F1").copyFrom(sheets.getItem("Score card").getRange("B1"), "Formulas");
    await context.sync();
    expect(host.cell("~as written 1~", "F1")?.value).toBe("Police");
    dest.getRange("A1").copyFrom(sheets.getItem("Score card").getRange("B1"), "Formulas");
    expect((await rejection(context.sync())).code).toBe("AccessDenied");
    expect(host.cell("~as written 1~", "A1")?.value).toBe("old");
  });

  test("the call is one operation of the request, measured with its arguments like any other", async () => {
    const bytes = async (source: string): Promise<RequestRecord | undefined> => {
      const host = copyHost();
      const { context } = host;
      context.workbook.worksheets.getItem("~as written 1~").getRange("A1").copyFrom(source, "Formulas");
      await context.sync();
      return host.requests[0];
    };
    const short = await bytes("'Score card'!A1:B4");
    const long = await bytes("'Score card'!A1:B4000");
    // getItem, getRange, copyFrom.
    expect(short?.operations).toBe(3);
    expect((long?.bytes ?? 0) - (short?.bytes ?? 0)).toBe(3);
  });
});
