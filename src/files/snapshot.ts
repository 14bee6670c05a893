/**
 * An .xlsx read back into the snapshot normal form (src/core/plan/snapshot.ts), so that a plan
 * rendered by this adapter can be compared with the same plan rendered by the Office.js
 * adapter. ExcelJS reads cells, styles, merges, tables, conditional formats and views; the
 * worksheet XML is read directly for what ExcelJS loses: stopIfTrue on conditional formats,
 * data-validation ranges as written (ExcelJS splits every range into single cells), and charts
 * (which ExcelJS cannot read; charts.ts reads their DrawingML parts). Row heights and page setup
 * are read from the XML too (`<row ht customHeight>`, `<pageSetup>`, `<pageSetUpPr fitToPage>`,
 * `<printOptions>`), with the print area and title rows from the workbook's defined names
 * `_xlnm.Print_Area` and `_xlnm.Print_Titles`, so that the snapshot says what Excel will read.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRange, rangeAddress } from "../core/grid/address";
import type { ConditionalFormatPlan, DataValidationPlan } from "../core/plan/plan";
import type { SnapshotCell, SnapshotPrint, SnapshotSheet, WorkbookSnapshot } from "../core/plan/snapshot";
import { normalColor, snapshotHeight, snapshotWidth, widthPixelsToChars, widthStoredToPixels } from "../core/plan/units";
import { readCharts } from "./charts";
import { internals } from "./render";
import { jsDateToSerial, withoutFuturePrefixes } from "./xlsx-read";
import { findElements, sheetPartPaths, xmlDecode } from "./zip";

export async function snapshotXlsx(data: Uint8Array): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(data);
  const paths = await sheetPartPaths(zip);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);

  const names = printNames((await zip.file("xl/workbook.xml")?.async("string")) ?? "");
  const sheets: SnapshotSheet[] = [];
  for (const ws of wb.worksheets) {
    const path = paths.get(ws.name);
    const xml = path ? ((await zip.file(path)?.async("string")) ?? "") : "";
    const charts = path ? await readCharts(zip, path, ws.name) : [];
    const sheet = snapshotSheet(ws, xml, charts);
    const print = printSetup(xml, names.get(ws.name) ?? {});
    if (print) sheet.print = print;
    sheets.push(sheet);
  }
  const snapshot: WorkbookSnapshot = { sheets };
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  const active = sheets[activeTab] ?? sheets[0];
  if (active) snapshot.activeSheet = active.name;
  return snapshot;
}

function snapshotSheet(ws: ExcelJS.Worksheet, xml: string, charts: SnapshotSheet["charts"]): SnapshotSheet {
  const state = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  const sheet: SnapshotSheet = {
    name: ws.name,
    state,
    cells: snapshotCells(ws),
    merges: merges(ws),
    tables: Object.values(internals(ws).tables ?? {})
      .map((t) => ({ name: t.model.name, range: t.model.tableRef, columns: t.model.columns.map((c) => c.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    conditionalFormats: conditionalFormats(ws, xml),
    dataValidations: dataValidations(xml),
    columnWidths: columnWidths(ws),
    rowHeights: rowHeights(xml),
    freeze: freeze(ws),
    protected: internals(ws).sheetProtection?.sheet === true,
    charts,
  };
  const tab = normalColor(ws.properties?.tabColor?.argb);
  if (tab) sheet.tabColor = tab;
  return sheet;
}

function snapshotCells(ws: ExcelJS.Worksheet): Record<string, SnapshotCell> {
  const cells: Record<string, SnapshotCell> = {};
  // includeEmpty: styled empty cells (an unlocked input cell, a filled blank) belong in the snapshot.
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      // Cells covered by a merged area (not its head) are left out: Excel shows only the head.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const snap = snapshotCell(cell);
      if (snap) cells[cell.address] = snap;
    });
  });
  return cells;
}

function snapshotCell(cell: ExcelJS.Cell): SnapshotCell | null {
  const out: SnapshotCell = { value: null, numberFormat: cell.numFmt || "General" };
  if (cell.type === ExcelJS.ValueType.Formula) {
    out.formula = withoutFuturePrefixes(cell.formula);
  } else {
    out.value = dataValue(cell.value);
  }
  const style = cellStyle(cell);
  if (style) out.style = style;
  if (cell.protection?.locked === false) out.locked = false;
  const empty = out.value === null && out.formula === undefined && out.numberFormat === "General" && !out.style && out.locked === undefined;
  return empty ? null : out;
}

function dataValue(v: ExcelJS.CellValue): SnapshotCell["value"] {
  if (v === null || v === undefined) return null;
  if (v === "") return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return jsDateToSerial(v);
  if ("error" in v) return v.error;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  return null;
}

function cellStyle(cell: ExcelJS.Cell): SnapshotCell["style"] | undefined {
  const style: NonNullable<SnapshotCell["style"]> = {};
  const font = cell.font;
  if (font?.bold) style.bold = true;
  if (font?.italic) style.italic = true;
  const fontColor = normalColor(font?.color?.argb);
  if (fontColor) style.fontColor = fontColor;
  if (font?.size !== undefined && font.size !== 11) style.size = font.size;
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = normalColor(fill.fgColor?.argb);
    if (c) style.fill = c;
  }
  const alignment = cell.alignment;
  if (alignment?.wrapText) style.wrap = true;
  // ExcelJS's typings omit "general" (Excel's default), which files can still hold.
  const horizontal: string | undefined = alignment?.horizontal;
  if (horizontal && horizontal !== "general") style.horizontal = horizontal;
  return Object.keys(style).length ? style : undefined;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  const raw = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  return Object.values(raw ?? {})
    .filter(Boolean)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((m) => rangeAddress(m.top - 1, m.left - 1, m.bottom - 1, m.right - 1));
}

function byPosition(a: string, b: string): number {
  const ra = parseRange(a);
  const rb = parseRange(b);
  return ra.top - rb.top || ra.left - rb.left || ra.bottom - rb.bottom || ra.right - rb.right;
}

function conditionalFormats(ws: ExcelJS.Worksheet, xml: string): ConditionalFormatPlan[] {
  const stops = new Set<number>();
  for (const rule of findElements(xml, "cfRule")) {
    const stop = rule.attrs["stopIfTrue"];
    if (stop === "1" || stop === "true") stops.add(Number(rule.attrs["priority"]));
  }
  const out: ConditionalFormatPlan[] = [];
  for (const cf of internals(ws).conditionalFormattings ?? []) {
    for (const rule of cf.rules) {
      // A conditional format can cover several ranges ("A1:A5 C1:C5"); the plan names one each.
      for (const range of cf.ref.split(/\s+/).filter(Boolean)) {
        const plan = ruleToPlan(range, rule, stops.has(rule.priority));
        if (plan) out.push(plan);
      }
    }
  }
  // Only the order of priorities means anything (Excel renumbers them as rules come and go),
  // so the normal form numbers them 1, 2, 3... in order.
  return out
    .sort((a, b) => a.priority - b.priority || byPosition(a.range, b.range))
    .map((cf, i) => ({ ...cf, priority: i + 1 }));
}

/** A rule in the plan's terms; kinds a plan cannot express (data bars, cell-is...) are left out. */
function ruleToPlan(range: string, rule: ExcelJS.ConditionalFormattingRule, stopIfTrue: boolean): ConditionalFormatPlan | null {
  switch (rule.type) {
    case "expression": {
      const style: { fill?: string; fontColor?: string; bold?: boolean } = {};
      const fill = rule.style?.fill;
      if (fill && fill.type === "pattern") {
        // Differential fills paint bgColor; fgColor is the fallback for files written by other tools.
        const c = normalColor(fill.bgColor?.argb) ?? normalColor(fill.fgColor?.argb);
        if (c) style.fill = c;
      }
      const fontColor = normalColor(rule.style?.font?.color?.argb);
      if (fontColor) style.fontColor = fontColor;
      if (rule.style?.font?.bold) style.bold = true;
      const plan: ConditionalFormatPlan = { kind: "expression", range, formula: String(rule.formulae?.[0] ?? ""), style, priority: rule.priority };
      if (stopIfTrue) plan.stopIfTrue = true;
      return plan;
    }
    case "colorScale": {
      const colors = (rule.color ?? []).map((c) => normalColor(c.argb) ?? "");
      if (colors.length === 3) return { kind: "colorScale", range, min: colors[0]!, mid: colors[1]!, max: colors[2]!, priority: rule.priority };
      return { kind: "colorScale", range, min: colors[0] ?? "", max: colors[1] ?? "", priority: rule.priority };
    }
    case "iconSet": {
      // A missing iconSet attribute means Excel's default set; ExcelJS calls it "3TrafficLights".
      const name = !rule.iconSet || (rule.iconSet as string) === "3TrafficLights" ? "3TrafficLights1" : rule.iconSet;
      if (name !== "3TrafficLights1" && name !== "3Symbols" && name !== "3Arrows") return null;
      const cfvo = rule.cfvo ?? [];
      return {
        kind: "iconSet",
        range,
        iconSet: name,
        thresholds: [Number(cfvo[1]?.value), Number(cfvo[2]?.value)],
        showValue: rule.showValue !== false,
        priority: rule.priority,
      };
    }
    default:
      return null;
  }
}

/** Data validations straight from the worksheet XML: one entry per range of each sqref, as written. */
function dataValidations(xml: string): DataValidationPlan[] {
  const out: DataValidationPlan[] = [];
  for (const el of findElements(xml, "dataValidation")) {
    const a = el.attrs;
    const formulae = [1, 2].map((n) => findElements(el.inner, `formula${n}`)[0]?.inner).map((f) => (f === undefined ? undefined : xmlDecode(f)));
    const base: { allowBlank: boolean; prompt?: { title: string; message: string }; error?: { title: string; message: string; style: "stop" | "warning" | "information" } } = {
      allowBlank: a["allowBlank"] === "1" || a["allowBlank"] === "true",
    };
    if (isTrue(a["showInputMessage"]) && (a["promptTitle"] || a["prompt"])) {
      base.prompt = { title: a["promptTitle"] ?? "", message: a["prompt"] ?? "" };
    }
    const style = a["errorStyle"] === "warning" || a["errorStyle"] === "information" ? a["errorStyle"] : "stop";
    // Excel's standard stop alert (no title, no message) is what a plan without `error` gets.
    if (isTrue(a["showErrorMessage"]) && (a["errorTitle"] || a["error"] || style !== "stop")) {
      base.error = { title: a["errorTitle"] ?? "", message: a["error"] ?? "", style };
    }
    const kind = validationKind(a["type"], a["operator"] ?? "between", formulae);
    if (!kind) continue;
    for (const range of (a["sqref"] ?? "").split(/\s+/).filter(Boolean)) {
      out.push({ range, ...base, ...kind } as DataValidationPlan);
    }
  }
  return out.sort((x, y) => byPosition(x.range, y.range));
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

type Kind =
  | { kind: "whole" | "decimal"; operator: "between" | "greaterThanOrEqual" | "lessThanOrEqual"; min?: number; max?: number }
  | { kind: "list"; items: string[] }
  | { kind: "textLength"; max: number };

function validationKind(type: string | undefined, operator: string, formulae: (string | undefined)[]): Kind | null {
  const num = (f: string | undefined) => (f === undefined || f.trim() === "" ? undefined : Number(f));
  switch (type) {
    case "whole":
    case "decimal": {
      const f1 = num(formulae[0]);
      const f2 = num(formulae[1]);
      if (operator === "between") {
        const k: Kind = { kind: type, operator };
        if (f1 !== undefined) k.min = f1;
        if (f2 !== undefined) k.max = f2;
        return k;
      }
      if (operator === "greaterThanOrEqual") return f1 === undefined ? { kind: type, operator } : { kind: type, operator, min: f1 };
      if (operator === "lessThanOrEqual") return f1 === undefined ? { kind: type, operator } : { kind: type, operator, max: f1 };
      return null;
    }
    case "list": {
      const f = formulae[0]?.trim();
      // Only inline lists ("a,b,c") are plan lists; a list drawn from a range is not.
      if (!f || !f.startsWith('"') || !f.endsWith('"')) return null;
      return { kind: "list", items: f.slice(1, -1).replace(/""/g, '"').split(",") };
    }
    case "textLength": {
      const max = num(formulae[0]);
      return operator === "lessThanOrEqual" && max !== undefined ? { kind: "textLength", max } : null;
    }
    default:
      return null;
  }
}

function columnWidths(ws: ExcelJS.Worksheet): Record<number, number> {
  const out: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    const stored = col?.width;
    if (typeof stored === "number") out[i] = snapshotWidth(widthPixelsToChars(widthStoredToPixels(stored)));
  });
  return out;
}

function freeze(ws: ExcelJS.Worksheet): SnapshotSheet["freeze"] {
  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (!view || view.state !== "frozen") return null;
  const rows = view.ySplit ?? 0;
  const columns = view.xSplit ?? 0;
  return rows > 0 || columns > 0 ? { rows, columns } : null;
}

/** Explicit row heights: rows whose `ht` was set (`customHeight`), not ones Excel worked out. */
function rowHeights(xml: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const row of findElements(xml, "row")) {
    const { r, ht, customHeight } = row.attrs;
    if (r !== undefined && ht !== undefined && isTrue(customHeight)) out[Number(r) - 1] = snapshotHeight(Number(ht));
  }
  return out;
}

interface PrintNames {
  /** The print area without "$" or the sheet's name. */
  area?: string;
  /** Zero-based first and last rows repeated at the top of each page. */
  titles?: { first: number; last: number };
}

/** One reference of a defined name, without its sheet and "$": "'My sheet'!$A$1:$B$2" is "A1:B2". */
function bareReference(ref: string): string {
  return ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** A defined name's references, split at the commas between them (not those inside a quoted sheet name). */
function splitReferences(text: string): string[] {
  const refs: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      refs.push(current);
      current = "";
    } else current += ch;
  }
  refs.push(current);
  return refs;
}

/** The print areas and title rows of the workbook's defined names, by sheet name. */
function printNames(workbookXml: string): Map<string, PrintNames> {
  const sheetNames = findElements(workbookXml, "sheet").map((s) => s.attrs["name"] ?? "");
  const out = new Map<string, PrintNames>();
  for (const name of findElements(workbookXml, "definedName")) {
    const sheet = sheetNames[Number(name.attrs["localSheetId"])];
    if (sheet === undefined) continue;
    const found = out.get(sheet) ?? {};
    // A reference list: "'S'!$A:$B,'S'!$1:$2" holds title columns and title rows.
    const refs = splitReferences(xmlDecode(name.inner)).map(bareReference);
    if (name.attrs["name"] === "_xlnm.Print_Area" && refs[0]) found.area = normalArea(refs[0]);
    if (name.attrs["name"] === "_xlnm.Print_Titles") {
      const rows = refs.map((r) => /^(\d+):(\d+)$/.exec(r)).find((m) => m !== null);
      if (rows) found.titles = { first: Number(rows[1]) - 1, last: Number(rows[2]) - 1 };
    }
    out.set(sheet, found);
  }
  return out;
}

/** "A1:A1" is "A1", as the snapshot writes a single cell. */
function normalArea(ref: string): string {
  const r = parseRange(ref);
  return rangeAddress(r.top, r.left, r.bottom, r.right);
}

/** SpreadsheetML's paperSize numbers for the papers a plan names. */
const PAPERS: Record<string, "A3" | "A4"> = { "8": "A3", "9": "A4" };

/** The page setup in the plan's terms, or undefined when the sheet has none beyond a new sheet's. */
function printSetup(xml: string, names: PrintNames): SnapshotPrint | undefined {
  const setup = findElements(xml, "pageSetup")[0]?.attrs ?? {};
  const fitted = isTrue(findElements(xml, "pageSetUpPr")[0]?.attrs["fitToPage"]);
  const centered = isTrue(findElements(xml, "printOptions")[0]?.attrs["horizontalCentered"]);
  const paperSize = setup["paperSize"];
  const landscape = setup["orientation"] === "landscape";
  if (!fitted && !centered && paperSize === undefined && !landscape && !names.area && !names.titles) return undefined;
  // Absent fitToWidth and fitToHeight mean one page each; 0 means as many as it needs.
  const pages = (v: string | undefined): number | null => (v === undefined ? 1 : Number(v) === 0 ? null : Number(v));
  const print: SnapshotPrint = {
    paper: paperSize === undefined ? "default" : (PAPERS[paperSize] ?? "other"),
    orientation: landscape ? "landscape" : "portrait",
    fitWidth: fitted ? pages(setup["fitToWidth"]) : null,
    fitHeight: fitted ? pages(setup["fitToHeight"]) : null,
    centered,
  };
  if (names.area) print.area = names.area;
  if (names.titles) print.titleRows = Array.from({ length: names.titles.last - names.titles.first + 1 }, (_, i) => (names.titles?.first ?? 0) + i);
  return print;
}
