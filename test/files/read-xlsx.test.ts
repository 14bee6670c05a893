import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Grid, GridCell, GridWorkbook } from "../../src/core/grid/grid";
import { parseCell } from "../../src/core/grid/address";
import { readWorkbookBuffer } from "../../src/files/read";
import { expectInputError, scorecardWorkbook, toBuffer } from "./fixtures";

/** The cell at an absolute A1 address, through the grid's origin. */
function at(grid: Grid, address: string): GridCell | undefined {
  const { row, col } = parseCell(address);
  return grid.rows[row - grid.origin.row]?.[col - grid.origin.col];
}

describe("reading a scorecard workbook", () => {
  let book: GridWorkbook;
  let grid: Grid;

  beforeAll(async () => {
    book = await readWorkbookBuffer(await scorecardWorkbook(), "/data/returns/scorecard.xlsx");
    grid = book.sheets[0]!;
  });

  test("sheets in tab order with their state; the file is named without its folder", () => {
    expect(book.file).toBe("scorecard.xlsx");
    expect(book.sheets.map((s) => [s.sheet, s.state])).toEqual([
      ["Scorecard", "visible"],
      ["Lookups", "hidden"],
      ["Spec", "veryHidden"],
      ["Empty", "visible"],
    ]);
  });

  test("the rectangle is the used range: formatted empty cells beyond the data are trimmed", () => {
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows.every((r) => r.length === 6)).toBe(true);
    const lookups = book.sheets[1]!;
    expect(lookups.origin).toEqual({ row: 2, col: 2 });
    expect(lookups.rows).toHaveLength(3);
    expect(at(lookups, "C3")!.value).toBe("Police");
    expect(at(lookups, "D5")!.value).toBe(7);
    expect(at(lookups, "D3")).toEqual({ value: null, text: "", numberFormat: "General" });
    expect(book.sheets[3]!.rows).toEqual([]);
  });

  test("merged headings: listed as areas, covered cells empty", () => {
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
    expect(at(grid, "A1")!.value).toBe("Safeguarding Partnership Scorecard");
    expect(at(grid, "B1")).toMatchObject({ value: null, text: "" });
    expect(at(grid, "C2")).toMatchObject({ value: null, text: "" });
  });

  test("percentages: a number formatted as a percentage, and text with the mark", () => {
    expect(at(grid, "B4")).toEqual({ value: 0.175, text: "17.5%", numberFormat: "0.0%" });
    expect(at(grid, "D4")).toEqual({ value: "17.5%", text: "17.5%", numberFormat: "General" });
    expect(at(grid, "B5")).toEqual({ value: 1234.5, text: "1,235", numberFormat: "#,##0" });
  });

  test("dates are 1900-system serial numbers with their displayed text", () => {
    expect(at(grid, "E4")).toEqual({ value: 45748, text: "Apr-25", numberFormat: "mmm-yy" });
    expect(at(grid, "E5")).toEqual({ value: 45747, text: "31/03/2025", numberFormat: "dd/mm/yyyy" });
    // Built-in format 14 follows the UK short date.
    expect(at(grid, "E6")).toEqual({ value: 45383, text: "01/04/2024", numberFormat: "mm-dd-yy" });
  });

  test("formulas keep their cached result as the value", () => {
    expect(at(grid, "F4")).toEqual({ value: 0.00972222, text: "0.01", numberFormat: "0.00", formula: "=B4/C4" });
    // Shared formulas are translated to the cell; _xlfn. prefixes are dropped, as Excel shows them.
    expect(at(grid, "F7")).toMatchObject({ value: 0.5, formula: "=B7/C7" });
    expect(at(grid, "F6")).toMatchObject({ value: 1, formula: "=IFS(B6,1)" });
  });

  test("error values are apart from values, for plain cells and formula results", () => {
    expect(at(grid, "C5")).toEqual({ value: null, text: "#N/A", numberFormat: "General", error: "#N/A" });
    expect(at(grid, "F5")).toEqual({ value: null, text: "#DIV/0!", numberFormat: "General", formula: "=B5/0", error: "#DIV/0!" });
  });

  test("rich text is flattened, hyperlinks read as their text, booleans as booleans", () => {
    expect(at(grid, "A5")!.value).toBe("Visits in time");
    expect(at(grid, "D5")!.value).toBe("Guidance");
    expect(at(grid, "B6")).toEqual({ value: true, text: "TRUE", numberFormat: "General" });
  });

  test("hidden rows and columns inside the used range", () => {
    expect(grid.hiddenRows).toEqual([6]);
    expect(grid.hiddenColumns).toEqual([3]);
  });
});

describe("other workbooks", () => {
  test("a literal sign escaped in a number format stays a literal: 21.4 under 0.0\\% shows 21.4%, not 2,140%", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Rates");
    const formats = ["0.0\\%", "0\\%", "#,##0\\ \\c\\h\\i\\l\\d\\r\\e\\n", '"a\\b" 0', "0.0%"];
    formats.forEach((f, i) => {
      ws.getCell(i + 1, 1).value = i === 4 ? 0.214 : 21.4;
      ws.getCell(i + 1, 1).numFmt = f;
    });
    const data = await toBuffer(wb);
    // The file holds the escapes as Excel writes them.
    const styles = await (await JSZip.loadAsync(data)).file("xl/styles.xml")!.async("string");
    expect(styles).toContain('formatCode="0.0\\%"');
    const copy = Buffer.from(data);
    const rows = (await readWorkbookBuffer(data, "rates.xlsx")).sheets[0]!.rows;
    expect(rows.map((r) => r[0]!.text)).toEqual(["21.4%", "21%", "21 children", "a\\b 21", "21.4%"]);
    // The percentage format is still a percentage; the escaped ones are not.
    expect(rows.map((r) => r[0]!.value)).toEqual([21.4, 21.4, 21.4, 21.4, 0.214]);
    expect(data.equals(copy)).toBe(true);
  });

  test("a 1904 date-system workbook still gives 1900-system serials", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.getCell("A1").value = new Date(Date.UTC(2025, 3, 1));
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    const book = await readWorkbookBuffer(await toBuffer(wb), "mac.xlsx");
    expect(book.sheets[0]!.rows[0]![0]).toEqual({ value: 45748, text: "01/04/2025", numberFormat: "dd/mm/yyyy" });
  });

  test("a data validation over a whole column neither slows reading nor loses the cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Return");
    ws.getCell("A1").value = "Value";
    ws.getCell("A2").value = 12;
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("A2:B1048576", {
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
    });
    const data = await toBuffer(wb);
    const copy = Buffer.from(data);
    const started = Date.now();
    const book = await readWorkbookBuffer(data, "return.xlsx");
    // The rule is removed from an in-memory copy only: the caller's bytes are untouched.
    expect(data.equals(copy)).toBe(true);
    // Unstripped, ExcelJS takes seconds and hundreds of megabytes to expand this rule into single cells.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(book.sheets[0]!.rows.map((r) => r.map((c) => c.value))).toEqual([["Value"], [12]]);
  });

  test("SpreadsheetML written with a namespace prefix (<x:worksheet>, as some .NET tools write it)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Prefixed");
    ws.getRow(1).values = ["Agency", "Value"];
    ws.getRow(2).values = ["Police", 0.5];
    ws.getCell("B2").numFmt = "0%";
    const zip = await JSZip.loadAsync(await toBuffer(wb));
    const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    for (const path of ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
      const xml = await zip.file(path)!.async("string");
      const prefixed = xml
        .replace(/<(?![?!/])(?![\w.-]+:)/g, "<x:")
        .replace(/<\/(?![\w.-]+:)/g, "</x:")
        .replace(`xmlns="${ns}"`, `xmlns:x="${ns}"`);
      expect(prefixed).toContain("<x:");
      zip.file(path, prefixed);
    }
    const data = await zip.generateAsync({ type: "uint8array" });
    const book = await readWorkbookBuffer(data, "dotnet.xlsx");
    expect(book.sheets[0]!.sheet).toBe("Prefixed");
    expect(book.sheets[0]!.rows).toEqual([
      [
        { value: "Agency", text: "Agency", numberFormat: "General" },
        { value: "Value", text: "Value", numberFormat: "General" },
      ],
      [
        { value: "Police", text: "Police", numberFormat: "General" },
        { value: 0.5, text: "50%", numberFormat: "0%" },
      ],
    ]);
    // The prefixed cells still count against the cap.
    await expectInputError(() => readWorkbookBuffer(data, "dotnet.xlsx", { maxCells: 3 }), "dotnet.xlsx", /more than 3 cells/);
  });

  test("a macro-enabled workbook (.xlsm) reads like an .xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").getCell("B2").value = "x";
    const book = await readWorkbookBuffer(await toBuffer(wb), "tool.xlsm");
    expect(book.sheets[0]!.origin).toEqual({ row: 1, col: 1 });
  });

  test("the cell cap gives an InputError instead of exhausting memory", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Big");
    for (let r = 1; r <= 30; r++) ws.getRow(r).values = [r, r * 2, r * 3, r * 4];
    const data = await toBuffer(wb);
    await expectInputError(() => readWorkbookBuffer(data, "big.xlsx", { maxCells: 100 }), "big.xlsx", /more than 100 cells/);
    await expect(readWorkbookBuffer(data, "big.xlsx", { maxCells: 120 })).resolves.toBeDefined();
  });

  test("a huge merged area counts against the cap before ExcelJS expands it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Merged");
    ws.getCell("A1").value = "Title";
    ws.mergeCells("A1:J20");
    await expectInputError(async () => readWorkbookBuffer(await toBuffer(wb), "merged.xlsx", { maxCells: 150 }), "merged.xlsx", /too large/);
  });

  test("cells far apart make a used range larger than the cap", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sparse");
    ws.getCell("A1").value = 1;
    ws.getCell("Z1000").value = 2;
    await expectInputError(async () => readWorkbookBuffer(await toBuffer(wb), "sparse.xlsx", { maxCells: 10000 }), "sparse.xlsx", /A1:Z1000/);
  });
});
