/**
 * Workbooks the file-adapter tests read, built here with ExcelJS so that every feature the
 * reader claims is exercised on a real .xlsx, with no binary fixtures in the repository.
 */
import ExcelJS from "exceljs";
import { InputError } from "../../src/core/errors";

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A scorecard in the shape partnerships circulate: merged headings, percentages, dates, formulas, errors. */
export async function scorecardWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Scorecard");
  ws.getCell("A1").value = "Safeguarding Partnership Scorecard";
  ws.mergeCells("A1:F1");
  ws.getCell("B2").value = "Q1 2025/26";
  ws.mergeCells("B2:C2");
  ws.getRow(3).values = ["Indicator", "Value", "Target", "Text %", "Period", "Ratio"];

  ws.getCell("A4").value = "Repeat CP plans";
  ws.getCell("B4").value = 0.175;
  ws.getCell("B4").numFmt = "0.0%";
  ws.getCell("C4").value = 18;
  ws.getCell("D4").value = "17.5%";
  ws.getCell("E4").value = new Date(Date.UTC(2025, 3, 1));
  ws.getCell("E4").numFmt = "mmm-yy";
  ws.getCell("F4").value = { formula: "B4/C4", result: 0.00972222 };
  ws.getCell("F4").numFmt = "0.00";

  ws.getCell("A5").value = { richText: [{ text: "Visits " }, { text: "in time", font: { bold: true } }] };
  ws.getCell("B5").value = 1234.5;
  ws.getCell("B5").numFmt = "#,##0";
  ws.getCell("C5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("D5").value = { text: "Guidance", hyperlink: "https://example.org/guidance" };
  ws.getCell("E5").value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell("E5").numFmt = "dd/mm/yyyy";
  ws.getCell("F5").value = { formula: "B5/0", result: { error: "#DIV/0!" } as ExcelJS.CellErrorValue };

  ws.getCell("A6").value = "Shared";
  ws.getCell("B6").value = true;
  ws.getCell("E6").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("E6").numFmt = "mm-dd-yy";
  ws.getCell("F6").value = { formula: "_xlfn.IFS(B6,1)", result: 1 };

  // A shared formula: F7's formula is F4's translated down three rows.
  ws.getCell("F7").value = { sharedFormula: "F4", result: 0.5 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("A7").value = "Hidden row";
  ws.getRow(7).hidden = true;
  ws.getColumn(4).hidden = true;

  // Formatted but empty cells beyond the data do not widen the used range.
  ws.getCell("H20").numFmt = "0.0%";
  ws.getCell("H20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };

  const hidden = wb.addWorksheet("Lookups", { state: "hidden" });
  hidden.getCell("C3").value = "Police";
  hidden.getCell("D5").value = 7;
  const secret = wb.addWorksheet("Spec", { state: "veryHidden" });
  secret.getCell("A1").value = "template-version";
  wb.addWorksheet("Empty");
  return toBuffer(wb);
}

/** Expects `run` to throw an InputError: one sentence naming the file, no stack trace. */
export async function expectInputError(run: () => Promise<unknown>, file: string, pattern?: RegExp): Promise<InputError> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.message).toContain(`"${file}"`);
  expect(err.message).not.toMatch(/\n/);
  expect(err.message).not.toMatch(/\bat .*:\d+:\d+/);
  // One sentence: no full stop followed by a new sentence.
  expect(err.message).not.toMatch(/[.!?]\s+[A-Z]/);
  expect(err.message).toMatch(/\.$/);
  expect(err.file).toBe(file);
  if (pattern) expect(err.message).toMatch(pattern);
  return err;
}
