/**
 * Returns filled as a person would: the template is rendered to .xlsx by the file adapter,
 * opened with ExcelJS, typed into, saved, and read back through the file adapter. Shared by the
 * returns tests.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Indicator } from "../../../src/core/model/model";
import { COLUMN_ORDER, RETURN_SHEET, SPEC_SHEET, type Column } from "../../../src/core/returns/layout";
import { returnLayout, returnTemplatePlan, type ReturnIndicatorInput, type ReturnTemplateInput } from "../../../src/core/returns/template";
import { validateReturn, type ReturnValidation, type ValidateOptions } from "../../../src/core/returns/validate";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";
import { convertWithLibreOffice } from "../../render/libreoffice";

function indicator(id: string, name: string, unit: Indicator["unit"], polarity: Indicator["polarity"], target: number | null, extra: Partial<ReturnIndicatorInput> = {}): ReturnIndicatorInput {
  return { id, name, agency: "Children's Social Care", unit, polarity, target, contentArea: null, type: null, source: null, frequency: "Quarterly", ...extra };
}

/** One indicator of every kind a return asks for. */
export const INDICATORS: ReturnIndicatorInput[] = [
  indicator("CP01", "Child protection conferences within 15 working days", "percent", "higher", 90),
  indicator("CP02", "Re-referrals within 12 months", "percent", "lower", 20),
  indicator("CP03", "Children subject of a child protection plan", "count", "lower", null),
  indicator("CP04", "Children in need per 10,000 children", "rate", null, null),
  indicator("CP05", "Average days from referral to assessment", "days", "lower", 30),
  indicator("CP06", "Multi-agency audit completed this quarter", "other", null, null, { choices: ["Yes", "No", "Partly"] }),
  indicator("CP07", "Average caseload per social worker", "other", "band", null, { band: { low: 15, high: 20 } }),
];

export const PERIOD = { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" };

export function templateInput(overrides: Partial<ReturnTemplateInput> = {}): ReturnTemplateInput {
  return {
    indicators: INDICATORS,
    partnership: "Northshire Safeguarding Children Partnership",
    agency: "Children's Social Care",
    period: PERIOD,
    due: "2025-07-31",
    previous: { CP01: 90, CP03: 118 },
    ...overrides,
  };
}

export async function templateBuffer(overrides: Partial<ReturnTemplateInput> = {}): Promise<Buffer> {
  return renderPlanToXlsx(returnTemplatePlan(templateInput(overrides)));
}

/** The column letter of a ReturnData heading, as the template lays it out. */
export function colOf(c: Column): string {
  return String.fromCharCode(65 + COLUMN_ORDER.indexOf(c));
}

/** What a test gets to type with: the sheets, and the row the template gave each indicator. */
export interface Desk {
  wb: ExcelJS.Workbook;
  ws: ExcelJS.Worksheet;
  /** The template's row of an indicator (before any row is inserted or removed). */
  rowOf(id: string): number;
  /** The cell of an indicator's column, e.g. at("CP02", "value") -> the cell G20. */
  at(id: string, c: Column): ExcelJS.Cell;
}

export async function openDesk(buffer: Buffer, input: ReturnTemplateInput = templateInput()): Promise<Desk> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(RETURN_SHEET);
  if (!ws) throw new Error("template has no Return sheet");
  const first = returnLayout(input).firstDataRow;
  const ids = input.indicators.map((i) => i.id ?? "");
  const rowOf = (id: string): number => {
    const i = ids.indexOf(id);
    if (i < 0) throw new Error(`no indicator ${id}`);
    return first + i;
  };
  return { wb, ws, rowOf, at: (id, c) => ws.getCell(`${colOf(c)}${rowOf(id)}`) };
}

/** Types the figures a careful agency lead would: every kind, all correct. */
export function fillCorrectly(d: Desk): void {
  d.at("CP01", "value").value = 92.5;
  d.at("CP01", "numerator").value = 37;
  d.at("CP01", "denominator").value = 40;
  d.at("CP02", "value").value = 18;
  d.at("CP03", "value").value = 120;
  d.at("CP04", "value").value = 350.5;
  d.at("CP05", "value").value = 25;
  d.at("CP06", "value").value = "Yes";
  d.at("CP07", "value").value = 17;
}

export async function save(d: Desk): Promise<Buffer> {
  return Buffer.from(await d.wb.xlsx.writeBuffer());
}

/** The template, filled correctly, then changed by `edit`, saved by ExcelJS. */
export async function filled(edit: (d: Desk) => void = () => undefined, overrides: Partial<ReturnTemplateInput> = {}): Promise<Buffer> {
  const input = templateInput(overrides);
  const d = await openDesk(await renderPlanToXlsx(returnTemplatePlan(input)), input);
  fillCorrectly(d);
  edit(d);
  return save(d);
}

export async function check(buffer: Buffer, options?: ValidateOptions, file = "return.xlsx"): Promise<ReturnValidation> {
  return validateReturn(await readWorkbookBuffer(buffer, file), options);
}

export function codes(r: ReturnValidation): string[] {
  return r.issues.map((i) => i.code);
}

/** The spec sheet, to edit it as someone tampering would. */
export function specSheet(d: Desk): ExcelJS.Worksheet {
  const ws = d.wb.getWorksheet(SPEC_SHEET);
  if (!ws) throw new Error("template has no spec sheet");
  return ws;
}

/** The row of the spec sheet whose A cell is `key`. */
export function specRow(ws: ExcelJS.Worksheet, key: string, nth = 0): ExcelJS.Row {
  let seen = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(`A${r}`).value === key && seen++ === nth) return ws.getRow(r);
  }
  throw new Error(`spec sheet has no row ${key}`);
}

// ---------------------------------------------------------------------------------------------
// LibreOffice

export { SOFFICE } from "../../render/libreoffice";

/**
 * Re-saves an .xlsx through LibreOffice headless (as someone opening the return in LibreOffice
 * and saving it would), with a private profile so that parallel runs do not collide.
 */
export async function resaveWithLibreOffice(buffer: Buffer, name = "return.xlsx"): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-lo-"));
  const input = path.join(dir, "in");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, name), buffer);
  try {
    return fs.readFileSync(convertWithLibreOffice(path.join(input, name), "xlsx", path.join(dir, "out")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
