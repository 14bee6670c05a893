/**
 * A return survives being re-saved by other tools: ExcelJS (standing for the many libraries and
 * scripts that rewrite .xlsx files) and LibreOffice Calc, headless. The specification lives in
 * cells, so it must come back intact; a correct return must still have no errors, and a wrong
 * one the same issues in the same cells.
 */
import ExcelJS from "exceljs";
import { SPEC_SHEET } from "../../../src/core/returns/layout";
import { readReturnSpec } from "../../../src/core/returns/spec";
import { buildReturnSpec } from "../../../src/core/returns/template";
import { readWorkbookBuffer } from "../../../src/files/read";
import { check, filled, resaveWithLibreOffice, templateInput, type Desk } from "./kit";
import { withLibreOffice } from "../../render/libreoffice";

async function resaveWithExcelJS(buffer: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A correct return typed the many ways people type: a formula, "%" text, a percent-formatted fraction. */
function typedVariously(d: Desk): void {
  d.at("CP01", "value").value = { formula: "H21/I21*100", result: 92.5 } as unknown as ExcelJS.CellValue;
  d.at("CP02", "value").value = "18%";
  const cp05 = d.at("CP05", "value");
  cp05.value = 25;
  d.at("CP04", "value").value = null;
  d.at("CP04", "notAvailable").value = "Not available";
  d.at("CP04", "commentary").value = "Population estimates for 2025 are not yet published.";
  d.at("CP07", "commentary").value = "Caseloads within the band.";
}

/** A return with slips a person makes. */
function withSlips(d: Desk): void {
  d.at("CP02", "value").value = 104;
  d.at("CP03", "value").value = "about 120";
  d.at("CP05", "value").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue;
  d.ws.getCell("B4").value = "Police";
}

const slipCells = [
  ["RET008", "B4"],
  ["RET027", "G22"],
  ["RET023", "G23"],
  ["RET024", "G25"],
];

describe("re-saved by ExcelJS", () => {
  test("the specification survives and a correct return still has no issues", async () => {
    const once = await resaveWithExcelJS(await filled(typedVariously));
    const twice = await resaveWithExcelJS(once);
    const r = await check(twice);
    expect(r.issues).toEqual([]);
    expect(readReturnSpec(await readWorkbookBuffer(twice, "r.xlsx"))).toEqual(buildReturnSpec(templateInput()));
  });

  test("a return with slips keeps the same issues in the same cells", async () => {
    const r = await check(await resaveWithExcelJS(await filled(withSlips)));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual(slipCells);
  });
});

const lo = withLibreOffice("re-saved by LibreOffice headless");

describe("re-saved by LibreOffice headless", () => {
  lo("the specification survives, no longer very hidden but hidden, and a correct return has no errors", async () => {
    const resaved = await resaveWithLibreOffice(await filled(typedVariously));
    const grids = await readWorkbookBuffer(resaved, "return.xlsx");
    expect(readReturnSpec(grids)).toEqual(buildReturnSpec(templateInput()));
    // LibreOffice has no "very hidden": it saves the sheet as hidden. The spec is still in cells.
    const state = grids.sheets.find((s) => s.sheet === SPEC_SHEET)!.state;
    expect(["hidden", "veryHidden"]).toContain(state);
    const r = await check(resaved);
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.observations.find((o) => o.indicatorId === "CP01")!.value).toBe(92.5);
    expect(r.observations.find((o) => o.indicatorId === "CP02")!.value).toBe(18);
  });

  lo("a return with slips keeps the same issues in the same cells", async () => {
    const r = await check(await resaveWithLibreOffice(await filled(withSlips)));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual(slipCells);
  });

  lo("a formula saved without its result is calculated by LibreOffice, so the return then passes", async () => {
    const raw = await filled((d) => {
      d.at("CP03", "value").value = { formula: "100+20" } as unknown as ExcelJS.CellValue;
    });
    expect((await check(raw)).issues.map((i) => i.code)).toEqual(["RET052"]);
    const r = await check(await resaveWithLibreOffice(raw));
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === "CP03")!.value).toBe(120);
  });
});
