/**
 * A workbook plan rendered into an .xlsx through ExcelJS: the file adapter's way out. What the
 * plan declares is written exactly, and nothing else; the result opens in Excel without repair.
 * Plan mistakes that would make Excel repair the file (duplicate table headings, a list
 * validation longer than Excel allows, overlapping tables...) throw an Error naming the plan
 * item: they are bugs in whatever built the plan, not problems with anyone's input.
 *
 * ExcelJS gaps closed after it writes the file: `stopIfTrue` on conditional formats (ExcelJS
 * neither writes nor reads it) is patched into the worksheet XML, and charts (ExcelJS cannot
 * write them at all) are added as DrawingML chart and drawing parts by charts.ts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, parseCell, parseRange, rangeAddress, type RangeRef } from "../core/grid/address";
import type {
  PrintPlan,
  CellStyle,
  ConditionalFormatPlan,
  DataValidationPlan,
  PlanValue,
  SheetPlan,
  TablePlan,
  WorkbookPlan,
} from "../core/plan/plan";
import { normalColor, widthCharsToStored } from "../core/plan/units";
import { addCharts, chartProblem } from "./charts";
import { sheetPartPaths } from "./zip";

/** Worksheet members ExcelJS has at run time but leaves out of its typings. */
export interface WorksheetInternals {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection?: { sheet?: boolean } | null;
  tables: Record<string, { model: { name: string; tableRef: string; columns: { name: string }[] } }>;
}

export function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** Excel's limits; going past them makes Excel repair (and drop) the part. */
const LIMITS = {
  cellText: 32767,
  listSource: 255,
  promptTitle: 32,
  promptMessage: 255,
  errorTitle: 32,
  errorMessage: 225,
  /** Cells one plan range may style or format: plans name bounded ranges, never whole columns. */
  rangeCells: 1_000_000,
};

/** The font Excel's default style uses; a font written without it could render in another face. */
const BASE_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2, scheme: "minor" };

class PlanError extends Error {
  constructor(sheet: string, message: string) {
    super(`Plan for sheet "${sheet}": ${message}`);
    this.name = "PlanError";
  }
}

export async function renderPlanToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  validateWorkbook(plan);
  const wb = new ExcelJS.Workbook();
  // No cached results are written for formulas, so Excel must calculate them on opening.
  wb.calcProperties.fullCalcOnLoad = true;

  const active = activeSheetIndex(plan);
  const stopIfTrue = new Map<string, Set<number>>();
  for (const [index, sheet] of plan.sheets.entries()) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.state ?? "visible" });
    if (sheet.copyOf) copyCells(wb, sheet.name, sheet.copyOf, ws);
    await renderSheet(ws, sheet, index === active);
    const stops = (sheet.conditionalFormats ?? []).filter((cf) => cf.kind === "expression" && cf.stopIfTrue);
    if (stops.length) stopIfTrue.set(sheet.name, new Set(stops.map((cf) => cf.priority)));
  }
  const firstVisible = plan.sheets.findIndex((s) => (s.state ?? "visible") === "visible");
  wb.views = [{ x: 0, y: 0, width: 24000, height: 12000, firstSheet: firstVisible, activeTab: active, visibility: "visible" }];

  const written = Buffer.from(await wb.xlsx.writeBuffer());
  const charted = plan.sheets.some((s) => (s.charts ?? []).length > 0);
  if (!stopIfTrue.size && !charted) return written;
  const zip = await JSZip.loadAsync(written);
  const paths = await sheetPartPaths(zip);
  if (stopIfTrue.size) await patchStopIfTrue(zip, paths, stopIfTrue);
  if (charted) await addCharts(zip, paths, plan.sheets);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function validateWorkbook(plan: WorkbookPlan): void {
  if (plan.sheets.length === 0) throw new Error("Plan has no sheets: a workbook needs at least one.");
  const names = new Set<string>();
  for (const sheet of plan.sheets) {
    const n = sheet.name;
    if (!n || n.length > 31 || /[:\\/?*[\]]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === "history") {
      throw new PlanError(n, "not a valid Excel sheet name (1-31 characters, none of : \\ / ? * [ ], not History).");
    }
    if (names.has(n.toLowerCase())) throw new PlanError(n, "another sheet has the same name.");
    names.add(n.toLowerCase());
  }
  if (!plan.sheets.some((s) => (s.state ?? "visible") === "visible")) {
    throw new Error("Plan has no visible sheet: Excel needs at least one.");
  }
  if (plan.activeSheet !== undefined && !plan.sheets.some((s) => s.name === plan.activeSheet)) {
    throw new Error(`Plan's activeSheet "${plan.activeSheet}" is not one of its sheets.`);
  }
  const tables = new Set<string>();
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables ?? []) {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name) || /^[RrCc]$/.test(t.name) || /^[Rr]\d*[Cc]\d*$/.test(t.name) || t.name.length > 255) {
        throw new PlanError(sheet.name, `"${t.name}" is not a valid Excel table name.`);
      }
      if (tables.has(t.name.toLowerCase())) throw new PlanError(sheet.name, `table name "${t.name}" is used twice.`);
      tables.add(t.name.toLowerCase());
    }
    // Checked before anything is written: charts are added only after ExcelJS has written the file.
    for (const chart of sheet.charts ?? []) {
      const problem = chartProblem(chart);
      if (problem) throw new PlanError(sheet.name, problem);
    }
  }
}

/** ExcelJS's paper sizes: 8 is A3, 9 is A4 (the numbers of SpreadsheetML's paperSize). */
const PAPER: Record<PrintPlan["paper"], number> = { A3: 8, A4: 9 };

/** Page setup: paper, orientation, fit to pages, print area and the rows repeated on every page. */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup.paperSize = PAPER[print.paper] as ExcelJS.PageSetup["paperSize"];
  ws.pageSetup.orientation = print.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = print.fitWidth;
  // 0 pages down means "as many as it needs" in SpreadsheetML.
  ws.pageSetup.fitToHeight = print.fitHeight ?? 0;
  ws.pageSetup.horizontalCentered = true;
  if (print.area) ws.pageSetup.printArea = printAreaForExcelJs(print.area);
  if (print.titleRows && print.titleRows.length > 0) {
    const first = Math.min(...print.titleRows) + 1;
    const last = Math.max(...print.titleRows) + 1;
    ws.pageSetup.printTitlesRow = `${first}:${last}`;
  }
}

/**
 * ExcelJS puts a "$" before each end of the range and no more: "A$1:N$80" becomes the absolute
 * $A$1:$N$80 that Excel and LibreOffice need ("A1:N80" would give $A1:$N80, which they ignore).
 * It also splits the range at its colon, so a single cell is given as a range of one ("A$1:A$1";
 * "A1" alone would be written "$A$1:$undefined").
 */
function printAreaForExcelJs(area: string): string {
  const r = parseRange(area);
  const end = (row: number, col: number): string => cellAddress(row, col).replace(/([A-Z]+)(\d+)/, "$1$$$2");
  return `${end(r.top, r.left)}:${end(r.bottom, r.right)}`;
}

/** The plan's active sheet, or the first visible one: Excel cannot open on a hidden sheet. */
export function activeSheetIndex(plan: WorkbookPlan): number {
  const wanted = plan.activeSheet === undefined ? 0 : plan.sheets.findIndex((s) => s.name === plan.activeSheet);
  const sheet = plan.sheets[wanted];
  if (sheet && (sheet.state ?? "visible") === "visible") return wanted;
  return plan.sheets.findIndex((s) => (s.state ?? "visible") === "visible");
}

async function renderSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, selected: boolean): Promise<void> {
  const tab = sheet.tabColor === undefined ? null : color(sheet.name, sheet.tabColor);
  if (tab) ws.properties.tabColor = { argb: tab };

  for (const block of sheet.blocks) writeBlock(ws, sheet.name, block.at, block.values);
  for (const nf of sheet.numberFormats ?? []) {
    forEachCell(sheet.name, nf.range, (r, c) => {
      ws.getCell(r + 1, c + 1).numFmt = nf.format;
    });
  }
  for (const sp of sheet.styles ?? []) {
    forEachCell(sheet.name, sp.range, (r, c) => applyStyle(ws.getCell(r + 1, c + 1), sheet.name, sp.style));
  }
  for (const range of sheet.protection?.unlocked ?? []) {
    forEachCell(sheet.name, range, (r, c) => {
      // Plans set no other protection flag (such as hidden), so there is nothing to keep.
      ws.getCell(r + 1, c + 1).protection = { locked: false };
    });
  }
  // Merging after styling gives the covered cells the head cell's style, as Excel does on merge.
  const merges = (sheet.merges ?? []).map((m) => ({ ref: parseRange(m), text: m }));
  merges.forEach((m, i) => {
    for (const other of merges.slice(0, i)) {
      if (intersects(m.ref, other.ref)) throw new PlanError(sheet.name, `merged areas ${other.text} and ${m.text} overlap.`);
    }
    ws.mergeCells(m.ref.top + 1, m.ref.left + 1, m.ref.bottom + 1, m.ref.right + 1);
  });

  const tableRanges: { name: string; ref: RangeRef }[] = [];
  for (const t of sheet.tables ?? []) tableRanges.push(addTable(ws, sheet.name, t, tableRanges, merges.map((m) => m.ref)));

  for (const cf of sheet.conditionalFormats ?? []) addConditionalFormat(ws, sheet.name, cf);

  const validated: { range: string; ref: RangeRef }[] = [];
  for (const dv of sheet.dataValidations ?? []) {
    const ref = parseRange(dv.range);
    const clash = validated.find((v) => intersects(v.ref, ref));
    if (clash) throw new PlanError(sheet.name, `data validations over ${clash.range} and ${dv.range} overlap.`);
    validated.push({ range: dv.range, ref });
    internals(ws).dataValidations.add(normalRange(ref), dataValidation(sheet.name, dv));
  }

  for (const { col, width } of sheet.columnWidths ?? []) {
    if (!Number.isInteger(col) || col < 0 || !(width >= 0 && width <= 255)) {
      throw new PlanError(sheet.name, `column width ${width} for column index ${col} is out of range (0-255 characters).`);
    }
    ws.getColumn(col + 1).width = widthCharsToStored(width);
  }

  for (const { row, height } of sheet.rowHeights ?? []) {
    if (!Number.isInteger(row) || row < 0 || !(height > 0 && height <= 409)) throw new PlanError(sheet.name, `row height ${height} for row index ${row} is out of range (up to 409 points).`);
    ws.getRow(row + 1).height = height;
  }
  if (sheet.print) applyPrint(ws, sheet.print);

  const rows = sheet.freeze?.rows ?? 0;
  const columns = sheet.freeze?.columns ?? 0;
  // tabSelected is written by ExcelJS but missing from its typings. Only the active sheet's tab
  // may be selected: two selected tabs open as a group, where every edit lands on both sheets.
  if (rows > 0 || columns > 0) {
    const topLeftCell = cellAddress(rows, columns);
    const view: Partial<ExcelJS.WorksheetViewCommon & ExcelJS.WorksheetViewFrozen> & { tabSelected: boolean } = {
      state: "frozen", xSplit: columns, ySplit: rows, topLeftCell, activeCell: topLeftCell, tabSelected: selected,
    };
    ws.views = [view];
  } else {
    const view: Partial<ExcelJS.WorksheetViewNormal> & { tabSelected: boolean } = { state: "normal", tabSelected: selected };
    ws.views = [view];
  }

  if (sheet.protection?.protect) {
    // No password (nothing is lost if it is forgotten); people may still select cells, resize
    // rows and columns and filter, but not change locked cells.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
    });
  }
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function normalRange(ref: RangeRef): string {
  return rangeAddress(ref.top, ref.left, ref.bottom, ref.right);
}

function forEachCell(sheet: string, range: string, fn: (row: number, col: number) => void): void {
  const ref = parseRange(range);
  const cells = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
  if (cells > LIMITS.rangeCells) throw new PlanError(sheet, `range ${range} is too large to format cell by cell (${cells} cells).`);
  for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) fn(r, c);
}

function color(sheet: string, value: string): string {
  const c = normalColor(value);
  if (!c || !/^#[0-9A-Fa-f]{6}$/.test(value)) throw new PlanError(sheet, `"${value}" is not a colour of the form #RRGGBB.`);
  return `FF${c.slice(1)}`;
}

/**
 * A plan sheet's `copyOf`: the same cells of an earlier sheet, formulas as formulas (at the same
 * address, so their text is unchanged) and constants as they are, without formatting, as Excel's
 * copyFrom with "Formulas" makes it.
 */
function copyCells(wb: ExcelJS.Workbook, sheet: string, copy: { sheet: string; range: string }, to: ExcelJS.Worksheet): void {
  const from = wb.getWorksheet(copy.sheet);
  if (!from) throw new PlanError(sheet, `copies the sheet "${copy.sheet}", which is not one of the sheets before it.`);
  const r = parseRange(copy.range);
  for (let row = r.top + 1; row <= r.bottom + 1; row++) {
    for (let col = r.left + 1; col <= r.right + 1; col++) {
      const source = from.findCell(row, col);
      // The hidden cells of a merge read back their top-left cell's value in ExcelJS; Excel's are empty.
      if (!source || source.type === ExcelJS.ValueType.Merge || source.value === null || source.value === undefined) continue;
      const v = source.value;
      to.getCell(row, col).value = typeof v === "object" && "formula" in v && typeof v.formula === "string" ? { formula: v.formula } : v;
    }
  }
}

function writeBlock(ws: ExcelJS.Worksheet, sheet: string, at: string, values: PlanValue[][]): void {
  const start = parseCell(at);
  values.forEach((row, i) => {
    row.forEach((v, j) => {
      const r = start.row + i + 1;
      const c = start.col + j + 1;
      if (v === null || v === "") {
        // A null clears a cell an earlier block wrote, without creating cells for nothing. An
        // empty string is an empty cell too, as it is when Office.js writes "" to a cell.
        const existing = ws.findCell(r, c);
        if (existing) existing.value = null;
        return;
      }
      ws.getCell(r, c).value = excelValue(sheet, cellAddress(r - 1, c - 1), v);
    });
  });
}

/**
 * Functions newer than the file format's first version are stored with the prefix "_xlfn." (Excel
 * shows them without it); without it Excel and LibreOffice read them as unknown names (#NAME?).
 * These are the ones the add-in's plans use.
 */
const FUTURE_FUNCTIONS = /(?<![\w.])(FORMULATEXT|ISFORMULA)\(/gi;

function withFuturePrefixes(formula: string): string {
  // Not inside string literals: split on quotes, and only the even pieces are formula text.
  return formula
    .split('"')
    .map((piece, i) => (i % 2 === 0 ? piece.replace(FUTURE_FUNCTIONS, (_, name: string) => `_xlfn.${name.toUpperCase()}(`) : piece))
    .join('"');
}

/** A plan value as ExcelJS writes it. A string is always data: only { formula } becomes a formula. */
function excelValue(sheet: string, address: string, v: Exclude<PlanValue, null>): ExcelJS.CellValue {
  if (typeof v === "string") {
    if (v.length > LIMITS.cellText) throw new PlanError(sheet, `cell ${address} holds more than ${LIMITS.cellText} characters.`);
    return v;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new PlanError(sheet, `cell ${address} holds ${v}, which Excel cannot store.`);
    return v;
  }
  if (typeof v === "boolean") return v;
  const formula = v.formula.replace(/^=/, "");
  if (!formula) throw new PlanError(sheet, `cell ${address} has an empty formula.`);
  return { formula: withFuturePrefixes(formula) };
}

function applyStyle(cell: ExcelJS.Cell, sheet: string, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined || style.size !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...BASE_FONT, ...(cell.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.size !== undefined) font.size = style.size;
    if (style.fontColor !== undefined) font.color = { argb: color(sheet, style.fontColor) };
    cell.font = font;
  }
  if (style.fill !== undefined) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: color(sheet, style.fill) } };
  }
  if (style.wrap !== undefined || style.horizontal !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
    cell.alignment = alignment;
  }
}

/**
 * An Excel table over cells the blocks already wrote. ExcelJS's addTable writes its own header
 * and rows, so it is given the very values the cells hold. Excel requires text headings, unique
 * without regard to case, and at least one data row: a plan table that is only a heading row
 * gets one empty data row, as Excel itself does when a table is made from a single row.
 */
function addTable(
  ws: ExcelJS.Worksheet,
  sheet: string,
  t: TablePlan,
  others: { name: string; ref: RangeRef }[],
  merges: RangeRef[],
): { name: string; ref: RangeRef } {
  const ref = parseRange(t.range);
  if (ref.bottom === ref.top) ref.bottom = ref.top + 1;
  const clash = others.find((o) => intersects(o.ref, ref));
  if (clash) throw new PlanError(sheet, `tables ${clash.name} and ${t.name} overlap.`);
  if (merges.some((m) => intersects(m, ref))) throw new PlanError(sheet, `table ${t.name} contains merged cells, which Excel does not allow.`);

  const headers: string[] = [];
  const seen = new Set<string>();
  for (let c = ref.left; c <= ref.right; c++) {
    const address = cellAddress(ref.top, c);
    const v = ws.findCell(ref.top + 1, c + 1)?.value;
    if (typeof v !== "string" || v.trim() === "") {
      throw new PlanError(sheet, `table ${t.name} needs a text heading in ${address}.`);
    }
    if (/[\u0000-\u001f]/.test(v)) throw new PlanError(sheet, `table ${t.name} heading in ${address} contains a line break or control character.`);
    if (seen.has(v.toLowerCase())) throw new PlanError(sheet, `table ${t.name} has the heading "${v}" twice.`);
    seen.add(v.toLowerCase());
    headers.push(v);
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = ref.top + 1; r <= ref.bottom; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = ref.left; c <= ref.right; c++) row.push(ws.findCell(r + 1, c + 1)?.value ?? null);
    rows.push(row);
  }
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: cellAddress(ref.top, ref.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
  return { name: t.name, ref };
}

function addConditionalFormat(ws: ExcelJS.Worksheet, sheet: string, cf: ConditionalFormatPlan): void {
  if (!Number.isInteger(cf.priority) || cf.priority < 1) {
    throw new PlanError(sheet, `conditional format over ${cf.range} needs a priority of 1 or more.`);
  }
  const ref = normalRange(parseRange(cf.range));
  let rule: ExcelJS.ConditionalFormattingRule;
  switch (cf.kind) {
    case "expression": {
      const style: Partial<ExcelJS.Style> = {};
      if (cf.style.bold !== undefined || cf.style.fontColor !== undefined) {
        const font: Partial<ExcelJS.Font> = {};
        if (cf.style.bold !== undefined) font.bold = cf.style.bold;
        if (cf.style.fontColor !== undefined) font.color = { argb: color(sheet, cf.style.fontColor) };
        style.font = font;
      }
      if (cf.style.fill !== undefined) {
        // In a differential format Excel paints a solid fill with bgColor; fgColor is set too for other readers.
        const argb = color(sheet, cf.style.fill);
        style.fill = { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
      }
      rule = { type: "expression", priority: cf.priority, formulae: [cf.formula.replace(/^=/, "")], style };
      break;
    }
    case "colorScale": {
      const stops = cf.mid === undefined ? [cf.min, cf.max] : [cf.min, cf.mid, cf.max];
      rule = {
        type: "colorScale",
        priority: cf.priority,
        cfvo:
          cf.mid === undefined
            ? [{ type: "min" }, { type: "max" }]
            : [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
        color: stops.map((s) => ({ argb: color(sheet, s) })),
      };
      break;
    }
    case "iconSet":
      rule = {
        type: "iconSet",
        priority: cf.priority,
        iconSet: cf.iconSet,
        showValue: cf.showValue,
        cfvo: [
          { type: "percent", value: 0 },
          { type: "num", value: cf.thresholds[0] },
          { type: "num", value: cf.thresholds[1] },
        ],
      };
      break;
  }
  ws.addConditionalFormatting({ ref, rules: [rule] });
}

function dataValidation(sheet: string, dv: DataValidationPlan): ExcelJS.DataValidation {
  const out: ExcelJS.DataValidation = { type: "any" as ExcelJS.DataValidation["type"], formulae: [], allowBlank: dv.allowBlank };
  switch (dv.kind) {
    case "whole":
    case "decimal": {
      out.type = dv.kind;
      out.operator = dv.operator;
      const need = dv.operator === "between" ? [dv.min, dv.max] : dv.operator === "greaterThanOrEqual" ? [dv.min] : [dv.max];
      if (need.some((n) => typeof n !== "number" || !Number.isFinite(n))) {
        throw new PlanError(sheet, `data validation over ${dv.range} (${dv.operator}) is missing its limits.`);
      }
      if (dv.kind === "whole" && need.some((n) => !Number.isInteger(n))) {
        throw new PlanError(sheet, `data validation over ${dv.range} allows whole numbers but has a fractional limit.`);
      }
      out.formulae = need as number[];
      break;
    }
    case "list": {
      if (dv.items.length === 0) throw new PlanError(sheet, `list validation over ${dv.range} has no items.`);
      if (dv.items.some((i) => i.includes(","))) {
        throw new PlanError(sheet, `list validation over ${dv.range} has an item containing a comma, which Excel would split.`);
      }
      const source = dv.items.join(",");
      if (source.length > LIMITS.listSource) {
        throw new PlanError(sheet, `list validation over ${dv.range} is longer than Excel's ${LIMITS.listSource} characters.`);
      }
      out.type = "list";
      out.formulae = [`"${source.replace(/"/g, '""')}"`];
      break;
    }
    case "textLength":
      if (!Number.isInteger(dv.max) || dv.max < 0) throw new PlanError(sheet, `text-length validation over ${dv.range} needs a whole maximum.`);
      out.type = "textLength";
      out.operator = "lessThanOrEqual";
      out.formulae = [dv.max];
      break;
  }
  if (dv.prompt) {
    if (dv.prompt.title.length > LIMITS.promptTitle || dv.prompt.message.length > LIMITS.promptMessage) {
      throw new PlanError(sheet, `the input message of the validation over ${dv.range} is longer than Excel allows (title 32, message 255 characters).`);
    }
    out.showInputMessage = true;
    out.promptTitle = dv.prompt.title;
    out.prompt = dv.prompt.message;
  }
  // Without an error alert Excel would accept anything: a plan without one gets Excel's standard stop alert.
  out.showErrorMessage = true;
  if (dv.error) {
    if (dv.error.title.length > LIMITS.errorTitle || dv.error.message.length > LIMITS.errorMessage) {
      throw new PlanError(sheet, `the error alert of the validation over ${dv.range} is longer than Excel allows (title 32, message 225 characters).`);
    }
    out.errorStyle = dv.error.style;
    out.errorTitle = dv.error.title;
    out.error = dv.error.message;
  }
  return out;
}

/** Adds stopIfTrue="1" to the listed rules (by priority) of each sheet; ExcelJS cannot write it. */
async function patchStopIfTrue(zip: JSZip, paths: Map<string, string>, bySheet: Map<string, Set<number>>): Promise<void> {
  for (const [sheet, priorities] of bySheet) {
    const path = paths.get(sheet);
    const entry = path ? zip.file(path) : null;
    if (!path || !entry) throw new Error(`Rendered workbook lacks the worksheet part of "${sheet}".`);
    const xml = await entry.async("string");
    const patched = xml.replace(/<cfRule\b([^>]*?)(\/?)>/g, (tag, attrs: string, close: string) => {
      const p = /\bpriority="(\d+)"/.exec(attrs);
      if (!p || !priorities.has(Number(p[1])) || /\bstopIfTrue=/.test(attrs)) return tag;
      return `<cfRule${attrs} stopIfTrue="1"${close}>`;
    });
    zip.file(path, patched);
  }
}
