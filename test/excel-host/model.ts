/**
 * The in-memory workbook behind the Excel test host. Plain data plus the few rules of Excel's
 * that the adapter depends on: how a string written to `values` is interpreted (the formula
 * rule, the apostrophe, numbers/booleans/dates typed as text), how a value is displayed, and
 * what the used range is. Proxies (proxies.ts) read and change this model only while a
 * `context.sync()` applies its queue.
 */
import { HostError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Width of a column nobody has sized, in points (Excel's 8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
/** Height of a row nobody has sized, in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT_POINTS = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT_POINTS = 409;

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellStyleModel {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB", upper case as Excel reports it. */
  fontColor?: string;
  fill?: string;
  size?: number;
  wrap?: boolean;
  /** Office.js HorizontalAlignment: "General", "Left", "Center", "Right", ... */
  horizontal?: string;
}

export interface CellModel {
  /**
   * The constant, or a formula's last result as a seed gives it (null when unknown). Reads work
   * out the formulas calc.ts covers instead, as Excel recalculates before it answers.
   */
  value: string | number | boolean | null;
  /** With the leading "=". */
  formula?: string;
  /** "#DIV/0!" etc.; value is then null. */
  error?: string;
  numberFormat: string;
  /** Displayed text when a seed says what Excel would show; otherwise derived from value and format. */
  text?: string;
  /** True when the text was entered behind an apostrophe ("'=x"). */
  quotePrefix?: boolean;
  style: CellStyleModel;
  locked: boolean;
}

export interface TableModel {
  name: string;
  sheetId: number;
  rect: Rect;
  style: string;
}

export interface CustomCfModel {
  /** With the leading "=", as Office.js takes it. */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ConditionalFormatModel {
  id: number;
  type: "Custom" | "ColorScale" | "IconSet";
  rect: Rect;
  stopIfTrue: boolean;
  custom?: CustomCfModel;
  colorScale?: { criteria?: Excel.ConditionalColorScaleCriteria };
  iconSet?: { style?: string; criteria?: Excel.ConditionalIconCriterion[]; showIconOnly: boolean; reverseIconOrder: boolean };
}

export interface DataValidationModel {
  rect: Rect;
  rule?: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

export interface ChartModel {
  name: string;
  type: string;
  title: string;
  /** The source range as written, without the sheet name ("A1:D4"). */
  source: string;
  seriesBy: string;
  from?: string;
  to?: string;
}

/** A sheet's page setup, as Office.js's PageLayout holds it. */
export interface PageLayoutModel {
  /** An Excel.PaperType name; null until set (Excel then prints on the printer's default paper). */
  paperSize: string | null;
  orientation: "Portrait" | "Landscape";
  /** Printed at a percentage scale, or fitted to pages (0 pages: as many as it needs). */
  zoom: { scale: number } | { horizontalFitToPages: number; verticalFitToPages: number };
  centerHorizontally: boolean;
  printArea: Rect | null;
  /** Zero-based first and last rows repeated at the top of every page. */
  titleRows: { top: number; bottom: number } | null;
}

export function newPageLayout(): PageLayoutModel {
  return { paperSize: null, orientation: "Portrait", zoom: { scale: 100 }, centerHorizontally: false, printArea: null, titleRows: null };
}

export interface SheetModel {
  id: number;
  name: string;
  visibility: Visibility;
  tabColor: string;
  deleted: boolean;
  cells: Map<number, CellModel>;
  merges: Rect[];
  conditionalFormats: ConditionalFormatModel[];
  dataValidations: DataValidationModel[];
  /** Explicit widths, in points. */
  columnWidths: Map<number, number>;
  /** Explicit heights, in points, by zero-based row. */
  rowHeights: Map<number, number>;
  pageLayout: PageLayoutModel;
  freeze: { rows: number; columns: number } | null;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions; password?: string };
  charts: ChartModel[];
}

export interface WorkbookModel {
  name: string;
  sheets: SheetModel[];
  tables: TableModel[];
  activeSheetId: number;
  nextId: number;
  /** The cell a selectCell-style call last selected, as "Sheet!A1". */
  selection: string | null;
  /** Excel's calculation mode (Formulas > Calculation Options); absent means "Automatic". */
  calculationMode?: "Automatic" | "Manual";
  /**
   * While calculation is manual: each formula's result when it was last calculated, by
   * "sheetId:cellKey". Excel answers with these until it is told to calculate again.
   */
  lastCalculated?: Map<string, { value: string | number | boolean } | { error: string } | null>;
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export function newCell(): CellModel {
  return { value: null, numberFormat: "General", style: {}, locked: true };
}

export function newSheet(wb: WorkbookModel, name: string): SheetModel {
  return {
    id: wb.nextId++,
    name,
    visibility: "Visible",
    tabColor: "",
    deleted: false,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    dataValidations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageLayout: newPageLayout(),
    freeze: null,
    protection: { protected: false, options: {} },
    charts: [],
  };
}

/** Excel's rules for sheet names: 1-31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new HostError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  }
}

export function findSheet(wb: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => !s.deleted && s.name.toLowerCase() === lower);
}

export function liveSheets(wb: WorkbookModel): SheetModel[] {
  return wb.sheets.filter((s) => !s.deleted);
}

export function cellAt(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function ensureCell(sheet: SheetModel, row: number, col: number): CellModel {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = newCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function rectCells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

// ---------------------------------------------------------------------------------------------
// Addresses. Written apart from src/core/grid/address.ts on purpose: the stand-in for Excel must
// not share the adapter's own address code, or a bug in it would pass unseen on both sides.

/** Zero-based index of a column's letters ("A" is 0). */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Strips an optional sheet prefix ("Data!", "'My sheet'!") and returns the sheet name, if any, and the bare address. */
export function splitSheetPrefix(address: string): { sheet: string | null; bare: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, bare: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, bare: address.slice(bang + 1).trim() };
}

/** Parses "A1", "B2:D9", "$A$1", whole columns "C:C" and whole rows "3:5". */
export function parseAddress(address: string): Rect {
  const { bare } = splitSheetPrefix(address);
  const parts = bare.replace(/\$/g, "").split(":");
  if (parts.length < 1 || parts.length > 2) throw new HostError("InvalidArgument", `The address '${address}' is not valid.`);
  const first = parts[0] ?? "";
  const second = parts[1] ?? first;
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const colOnly = /^([A-Za-z]{1,3})$/;
  const rowOnly = /^(\d+)$/;
  let m1 = cell.exec(first);
  let m2 = cell.exec(second);
  let rect: Rect | null = null;
  if (m1 && m2) {
    rect = { top: Number(m1[2]) - 1, left: colIndex(m1[1]!), bottom: Number(m2[2]) - 1, right: colIndex(m2[1]!) };
  } else if ((m1 = colOnly.exec(first)) && (m2 = colOnly.exec(second))) {
    rect = { top: 0, left: colIndex(m1[1]!), bottom: MAX_ROWS - 1, right: colIndex(m2[1]!) };
  } else if ((m1 = rowOnly.exec(first)) && (m2 = rowOnly.exec(second))) {
    rect = { top: Number(m1[1]) - 1, left: 0, bottom: Number(m2[1]) - 1, right: MAX_COLS - 1 };
  }
  if (!rect) throw new HostError("InvalidArgument", `The address '${address}' is not valid.`);
  const norm: Rect = {
    top: Math.min(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    bottom: Math.max(rect.top, rect.bottom),
    right: Math.max(rect.left, rect.right),
  };
  if (norm.top < 0 || norm.left < 0 || norm.bottom >= MAX_ROWS || norm.right >= MAX_COLS) {
    throw new HostError("InvalidArgument", `The address '${address}' is outside the sheet.`);
  }
  return norm;
}

/** "A1" or "A1:D9" (no sheet). */
export function rectAddress(rect: Rect): string {
  const a = `${colLetters(rect.left)}${rect.top + 1}`;
  const b = `${colLetters(rect.right)}${rect.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Sheet names as Excel writes them in an address: quoted unless a plain identifier. */
/**
 * An R1C1 formula as Excel stores it in A1 notation for the cell at (row, col): "R[1]C" is the
 * cell below, "RC[-2]" two to the left, "R3C4" is $D$3, a bare "R" or "C" is the same row or
 * column. Text in double quotes and sheet names in single quotes are left as they are. Written
 * apart from the adapter's own A1-to-R1C1 code (src/excel/r1c1.ts) on purpose.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  const part = (at: number): { kind: "same" | "relative" | "absolute"; n: number; end: number } => {
    if (formula[at] === "[") {
      const close = formula.indexOf("]", at);
      if (close < 0) throw new HostError("InvalidArgument", `The formula ${formula} is not valid R1C1.`);
      return { kind: "relative", n: Number(formula.slice(at + 1, close)), end: close + 1 };
    }
    const digits = /^\d+/.exec(formula.slice(at));
    if (digits) return { kind: "absolute", n: Number(digits[0]), end: at + digits[0].length };
    return { kind: "same", n: 0, end: at };
  };
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      const close = formula.indexOf(ch, i + 1);
      const end = close < 0 ? formula.length : close + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const before = out.slice(-1);
    if ((ch === "R" || ch === "r") && !/[A-Za-z0-9_.]/.test(before)) {
      const r = part(i + 1);
      if (formula[r.end] === "C" || formula[r.end] === "c") {
        const c = part(r.end + 1);
        const next = formula[c.end] ?? "";
        if (!/[A-Za-z0-9_.(]/.test(next)) {
          const absRow = r.kind === "absolute" ? r.n - 1 : row + r.n;
          const absCol = c.kind === "absolute" ? c.n - 1 : col + c.n;
          if (absRow < 0 || absCol < 0 || absRow >= MAX_ROWS || absCol >= MAX_COLS) throw new HostError("InvalidArgument", `The formula ${formula} refers outside the sheet.`);
          out += `${c.kind === "absolute" ? "$" : ""}${colLetters(absCol)}${r.kind === "absolute" ? "$" : ""}${absRow + 1}`;
          i = c.end;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

// ---------------------------------------------------------------------------------------------
// Entering a value as Excel does

const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel serial number of a calendar date (1900 date system, with Excel's phantom 29 Feb 1900). */
export function dateToSerial(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days <= 60 ? days - 1 : days;
}

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export type Entry =
  | { kind: "clear" }
  | { kind: "text"; text: string; quotePrefix: boolean }
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; error: string };

/**
 * What Excel stores when a string is written to `Range.values`, the way it treats typing:
 * "=" starts a formula; so do "+" and "-" (and, as Excel's Lotus compatibility does, "@") when
 * what follows is not a number; a leading apostrophe stores the rest as text; and strings that
 * look like numbers, percentages, booleans, error values or dates are converted to them.
 */
export function interpretEntry(input: string): Entry {
  if (input === "") return { kind: "clear" };
  if (input.startsWith("'")) return { kind: "text", text: input.slice(1), quotePrefix: true };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  const trimmed = input.trim();
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
  if (number.test(trimmed)) return { kind: "number", value: Number(trimmed) };
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
  if (grouped.test(trimmed)) return { kind: "number", value: Number(trimmed.replace(/,/g, "")), format: "#,##0" };
  const percent = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(trimmed);
  if (percent) return { kind: "number", value: Number(percent[1]) / 100, format: "0%" };
  if (/^(\+|-|@)/.test(input)) return { kind: "formula", formula: input.startsWith("@") ? `=${input.slice(1)}` : `=${input}` };
  if (/^true$/i.test(trimmed)) return { kind: "boolean", value: true };
  if (/^false$/i.test(trimmed)) return { kind: "boolean", value: false };
  if (ERROR_LITERALS.has(trimmed.toUpperCase())) return { kind: "error", error: trimmed.toUpperCase() };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return { kind: "number", value: dateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])), format: "yyyy-mm-dd" };
  // en-GB day/month/year, the locale the partnerships work in.
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (dmy) return { kind: "number", value: dateToSerial(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])), format: "dd/mm/yyyy" };
  const monYear = /^([A-Za-z]{3,9})[- ](\d{2}|\d{4})$/.exec(trimmed);
  if (monYear) {
    const month = MONTHS.indexOf(monYear[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) {
      const y = Number(monYear[2]);
      return { kind: "number", value: dateToSerial(y < 100 ? 2000 + y : y, month + 1, 1), format: "mmm-yy" };
    }
  }
  return { kind: "text", text: input, quotePrefix: false };
}

/** Writes one element of a `values` array into a cell. null leaves the cell as it is, as Office.js does. */
export function writeValue(cell: CellModel, input: unknown): void {
  if (input === null || input === undefined) return;
  delete cell.formula;
  delete cell.error;
  delete cell.text;
  delete cell.quotePrefix;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new HostError("InvalidArgument", "A value is not a finite number.");
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new HostError("InvalidArgument", `Cannot write a ${typeof input} to a cell.`);
  const entry = interpretEntry(input);
  switch (entry.kind) {
    case "clear":
      cell.value = null;
      return;
    case "text":
      cell.value = entry.text;
      if (entry.quotePrefix) cell.quotePrefix = true;
      return;
    case "formula":
      cell.formula = entry.formula;
      cell.value = null;
      return;
    case "number":
      cell.value = entry.value;
      if (entry.format && cell.numberFormat === "General") cell.numberFormat = entry.format;
      return;
    case "boolean":
      cell.value = entry.value;
      return;
    case "error":
      cell.value = null;
      cell.error = entry.error;
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Displaying a value as Excel does (the common formats; a seed can state any other text)

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function formatDate(serial: number, format: string): string {
  const { year, month, day } = serialToDate(serial);
  const monthName = MONTH_NAMES[month - 1] ?? "";
  return format.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|"[^"]*"|\\./gi, (tok) => {
    if (tok.startsWith('"')) return tok.slice(1, -1);
    if (tok.startsWith("\\")) return tok.slice(1);
    switch (tok.toLowerCase()) {
      case "yyyy":
        return String(year);
      case "yy":
        return pad2(year % 100);
      case "mmmm":
        return monthName;
      case "mmm":
        return monthName.slice(0, 3);
      case "mm":
        return pad2(month);
      case "m":
        return String(month);
      case "dd":
        return pad2(day);
      default:
        return String(day);
    }
  });
}

function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  // General shows up to 11 characters; 10 significant digits is a close stand-in.
  return String(Number(n.toPrecision(10)));
}

function formatFixed(n: number, decimals: number, grouped: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [int = "0", frac] = s.split(".");
  const intPart = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  const sign = n < 0 && Number(s) !== 0 ? "-" : "";
  return `${sign}${intPart}${frac !== undefined ? `.${frac}` : ""}`;
}

export function formatNumber(n: number, format: string): string {
  const section = format.split(";")[0] ?? format;
  if (section === "General" || section === "") return formatGeneral(n);
  if (/[dmy]/i.test(section.replace(/"[^"]*"/g, ""))) return formatDate(n, section);
  const m = /^(#,##)?0(\.(0+))?(%?)$/.exec(section);
  if (m) {
    const decimals = m[3]?.length ?? 0;
    return m[4] ? `${formatFixed(n * 100, decimals, Boolean(m[1]))}%` : formatFixed(n, decimals, Boolean(m[1]));
  }
  return formatGeneral(n);
}

/** What a cell displays. */
export function cellText(cell: CellModel): string {
  if (cell.text !== undefined) return cell.text;
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return formatNumber(v, cell.numberFormat);
}

export function cellValueType(cell: CellModel): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (cell.error) return "Error";
  const v = cell.value;
  if (v === null || v === "") return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  return "Double";
}

export function hasContent(cell: CellModel): boolean {
  return cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
}

export function hasFormatting(cell: CellModel): boolean {
  return cell.numberFormat !== "General" || Object.keys(cell.style).length > 0 || !cell.locked;
}

/** The used range: the smallest rectangle holding every cell with content (and, unless valuesOnly, formatting). */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (!hasContent(cell) && (valuesOnly || !hasFormatting(cell))) continue;
    const r = keyRow(key);
    const c = keyCol(key);
    if (!rect) rect = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < rect.top) rect.top = r;
      if (r > rect.bottom) rect.bottom = r;
      if (c < rect.left) rect.left = c;
      if (c > rect.right) rect.right = c;
    }
  }
  return rect;
}
