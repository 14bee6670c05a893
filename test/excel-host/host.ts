/**
 * The Excel test host: an in-memory workbook behind a stand-in for the Excel JavaScript API.
 *
 *   const host = new ExcelHost({ sheets: [{ name: "Scorecard", cells: { A1: "Indicator" } }] });
 *   await readWorkbook(host.context);          // adapter code takes an Excel.RequestContext
 *   host.syncCount;                             // context.sync() calls so far
 *   host.requests;                              // bytes and operations of each sync's request, bytes of its answer
 *   host.snapshot();                            // the workbook in the snapshot's normal form
 *
 * A new host holds one empty sheet, "Sheet1", like a new Excel workbook, unless `sheets` seeds
 * others. Seeded values are stored as given (a seeded "=x" string is text, not a formula); use
 * `formula` for formulas and `error` for error values. A formula reads back its result when the
 * host's calculator (calc.ts) can work it out, and otherwise the `value` or `error` seeded with it.
 */
import type { CellValue, SheetState } from "../../src/core/grid/grid";
import type { ConditionalFormatPlan, DataValidationPlan } from "../../src/core/plan/plan";
import type { SnapshotCell, SnapshotPrint, SnapshotSheet, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { snapshotHeight, snapshotWidth, widthCharsToPoints, widthPointsToChars } from "../../src/core/plan/units";
import { HostContext, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES, type InjectedFailure, type RequestRecord } from "./context";
import { Calculator } from "./calc";
import {
  cellAt,
  cellKey,
  cellText,
  ensureCell,
  findSheet,
  keyCol,
  keyRow,
  liveSheets,
  newSheet,
  parseAddress,
  rectAddress,
  type CellModel,
  type CellStyleModel,
  type ConditionalFormatModel,
  type DataValidationModel,
  type PageLayoutModel,
  type Rect,
  type SheetModel,
  type Visibility,
  type WorkbookModel,
} from "./model";

export interface SeedCell {
  value?: CellValue;
  /** With or without the leading "=". */
  formula?: string;
  /** "#DIV/0!", "#N/A", ... */
  error?: string;
  numberFormat?: string;
  /** What Excel displays, when the host's own formatting of the value would not match it. */
  text?: string;
  style?: CellStyleModel;
  locked?: boolean;
}

export interface SeedSheet {
  name: string;
  state?: SheetState;
  /** Cells by A1 address; a bare value is a constant with the General format. */
  cells?: Record<string, SeedCell | string | number | boolean>;
  /** A rectangle of constants from `at` (default A1), for large seeds. */
  rows?: { at?: string; values: CellValue[][]; numberFormat?: string };
  merges?: string[];
  /** Widths in characters by zero-based column. */
  columnWidths?: Record<number, number>;
  /** Heights in points by zero-based row. */
  rowHeights?: Record<number, number>;
  tables?: { name: string; range: string }[];
  protected?: boolean;
}

export interface ExcelHostOptions {
  /** The workbook's name (what `workbook.name` loads). */
  file?: string;
  sheets?: SeedSheet[];
  /** Request limit in bytes; Excel's is 5 MB. */
  requestLimitBytes?: number;
  /** Response limit in bytes; Excel on the web's is 5 MB. */
  responseLimitBytes?: number;
  /** Makes one sync fail part way (see InjectedFailure), for tests of what a failed write leaves. */
  failSync?: InjectedFailure;
}

const STATE_TO_VISIBILITY: Record<SheetState, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const VISIBILITY_TO_STATE: Record<Visibility, SheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function seedCell(cell: CellModel, seed: SeedCell | string | number | boolean): void {
  if (typeof seed !== "object") {
    cell.value = seed;
    return;
  }
  if (seed.value !== undefined) cell.value = seed.value;
  if (seed.formula !== undefined) cell.formula = seed.formula.startsWith("=") ? seed.formula : `=${seed.formula}`;
  if (seed.error !== undefined) {
    cell.error = seed.error;
    cell.value = null;
  }
  if (seed.numberFormat !== undefined) cell.numberFormat = seed.numberFormat;
  if (seed.text !== undefined) cell.text = seed.text;
  if (seed.style !== undefined) cell.style = { ...seed.style };
  if (seed.locked !== undefined) cell.locked = seed.locked;
}

export class ExcelHost {
  readonly model: WorkbookModel;
  /** Pass this wherever adapter code takes an `Excel.RequestContext`. */
  readonly context: Excel.RequestContext;
  private readonly ctx: HostContext;

  constructor(options: ExcelHostOptions = {}) {
    this.model = { name: options.file ?? "Book1.xlsx", sheets: [], tables: [], activeSheetId: 0, nextId: 1, selection: null };
    const seeds = options.sheets ?? [{ name: "Sheet1" }];
    if (seeds.length === 0) throw new Error("An Excel workbook has at least one sheet.");
    for (const seed of seeds) this.seed(seed);
    const firstVisible = this.model.sheets.find((s) => s.visibility === "Visible");
    if (!firstVisible) throw new Error("An Excel workbook has at least one visible sheet.");
    this.model.activeSheetId = firstVisible.id;
    this.ctx = new HostContext(this.model, options.requestLimitBytes ?? REQUEST_LIMIT_BYTES, options.failSync ?? null, options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES);
    // The host implements the part of the API the adapter uses; the cast is where it stands in for Excel.
    this.context = this.ctx as unknown as Excel.RequestContext;
  }

  private seed(seed: SeedSheet): void {
    if (findSheet(this.model, seed.name)) throw new Error(`Seeded the sheet '${seed.name}' twice.`);
    const sheet = newSheet(this.model, seed.name);
    sheet.visibility = STATE_TO_VISIBILITY[seed.state ?? "visible"];
    this.model.sheets.push(sheet);
    if (seed.rows) {
      const at = parseAddress(seed.rows.at ?? "A1");
      seed.rows.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null) return;
          const cell = ensureCell(sheet, at.top + i, at.left + j);
          cell.value = v;
          if (seed.rows?.numberFormat) cell.numberFormat = seed.rows.numberFormat;
        }),
      );
    }
    for (const [address, cellSeed] of Object.entries(seed.cells ?? {})) {
      const { top, left } = parseAddress(address);
      seedCell(ensureCell(sheet, top, left), cellSeed);
    }
    for (const m of seed.merges ?? []) sheet.merges.push(parseAddress(m));
    for (const [col, width] of Object.entries(seed.columnWidths ?? {})) sheet.columnWidths.set(Number(col), widthCharsToPoints(width));
    for (const [row, height] of Object.entries(seed.rowHeights ?? {})) sheet.rowHeights.set(Number(row), height);
    for (const t of seed.tables ?? []) this.model.tables.push({ name: t.name, sheetId: sheet.id, rect: parseAddress(t.range), style: "TableStyleMedium2" });
    if (seed.protected) sheet.protection = { protected: true, options: {} };
  }

  /** Number of `context.sync()` calls so far. */
  get syncCount(): number {
    return this.ctx.syncCount;
  }

  /** One record per sync: request bytes, operation count, response bytes, and whether it succeeded. */
  get requests(): readonly RequestRecord[] {
    return this.ctx.requests;
  }

  /** Operations queued but not yet synced. */
  get pendingOperations(): number {
    return this.ctx.pendingOperations;
  }

  /** Makes the given sync (1-based, counted as syncCount counts) fail part way; null clears it. */
  failSync(failure: InjectedFailure | null): void {
    this.ctx.failure = failure;
  }

  /** Changes Excel's limits from the next sync on (the benchmark reads a workbook again with none, to count the syncs bytes do not force). */
  setLimits(limits: { requestBytes?: number; responseBytes?: number }): void {
    if (limits.requestBytes !== undefined) this.ctx.requestLimitBytes = limits.requestBytes;
    if (limits.responseBytes !== undefined) this.ctx.responseLimitBytes = limits.responseBytes;
  }

  /**
   * Sets Excel's calculation mode, as a person does under Formulas > Calculation Options. Going
   * to "Manual" keeps every formula's result as it is now: reads answer with those, stale or not,
   * until calculation is automatic again.
   */
  setCalculationMode(mode: "Automatic" | "Manual"): void {
    this.model.calculationMode = mode;
    if (mode === "Automatic") {
      delete this.model.lastCalculated;
      return;
    }
    const calc = new Calculator(this.model);
    const results: NonNullable<WorkbookModel["lastCalculated"]> = new Map();
    for (const sheet of liveSheets(this.model)) {
      for (const [k, cell] of sheet.cells) {
        if (cell.formula !== undefined) results.set(`${sheet.id}:${k}`, calc.cellResult(sheet, keyRow(k), keyCol(k)));
      }
    }
    this.model.lastCalculated = results;
  }

  resetCounters(): void {
    this.ctx.requests.length = 0;
  }

  sheetNames(): string[] {
    return liveSheets(this.model).map((s) => s.name);
  }

  sheet(name: string): SheetModel | undefined {
    return findSheet(this.model, name);
  }

  /** The cell's model, for tests that look at what Excel would store. */
  cell(sheet: string, address: string): CellModel | undefined {
    const s = findSheet(this.model, sheet);
    if (!s) return undefined;
    const { top, left } = parseAddress(address);
    return cellAt(s, top, left);
  }

  /** What the cell displays, as Range.text would say. */
  text(sheet: string, address: string): string {
    const c = this.cell(sheet, address);
    return c ? cellText(c) : "";
  }

  get activeSheet(): string {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId)?.name ?? "";
  }

  get selection(): string | null {
    return this.model.selection;
  }

  /**
   * The workbook (or the named sheets) in the snapshot's normal form, as documented in
   * src/core/plan/snapshot.ts and produced for .xlsx files by src/files/snapshot.ts.
   */
  snapshot(options: { sheets?: string[] } = {}): WorkbookSnapshot {
    const wanted = options.sheets?.map((s) => s.toLowerCase());
    const sheets = liveSheets(this.model).filter((s) => !wanted || wanted.includes(s.name.toLowerCase()));
    const snapshot: WorkbookSnapshot = { sheets: sheets.map((s) => this.snapshotSheet(s)) };
    const active = this.activeSheet;
    if (active) snapshot.activeSheet = active;
    return snapshot;
  }

  private snapshotSheet(sheet: SheetModel): SnapshotSheet {
    const cells: Record<string, SnapshotCell> = {};
    const keys = [...sheet.cells.keys()].sort((a, b) => keyRow(a) - keyRow(b) || keyCol(a) - keyCol(b));
    for (const key of keys) {
      const row = keyRow(key);
      const col = keyCol(key);
      // Excel shows and keeps only the top-left cell of a merged area.
      if (sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left))) continue;
      const snap = snapshotCell(sheet.cells.get(key) as CellModel);
      if (snap) cells[rectAddress({ top: row, left: col, bottom: row, right: col })] = snap;
    }
    const columnWidths: Record<number, number> = {};
    for (const [col, points] of [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0])) {
      columnWidths[col] = snapshotWidth(widthPointsToChars(points));
    }
    const rowHeights: Record<number, number> = {};
    for (const [row, points] of [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0])) rowHeights[row] = snapshotHeight(points);
    const out: SnapshotSheet = {
      name: sheet.name,
      state: VISIBILITY_TO_STATE[sheet.visibility],
      cells,
      merges: [...sheet.merges].sort(byPosition).map(rectAddress),
      tables: this.model.tables
        .filter((t) => t.sheetId === sheet.id)
        .map((t) => ({
          name: t.name,
          range: rectAddress(t.rect),
          columns: Array.from({ length: t.rect.right - t.rect.left + 1 }, (_, i) => {
            const c = sheet.cells.get(cellKey(t.rect.top, t.rect.left + i));
            return c ? cellText(c) : "";
          }),
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      // The sheet's list is in Office.js priority order already; priorities become 1, 2, 3...
      conditionalFormats: sheet.conditionalFormats.map((cf, i) => conditionalFormatToPlan(cf, i + 1)),
      dataValidations: [...sheet.dataValidations].sort((a, b) => byPosition(a.rect, b.rect)).map(dataValidationToPlan),
      columnWidths,
      rowHeights,
      freeze: sheet.freeze ? { ...sheet.freeze } : null,
      protected: sheet.protection.protected,
      charts: sheet.charts.map((c) => ({ kind: c.type.charAt(0).toLowerCase() + c.type.slice(1), title: c.title, source: c.source })),
    };
    if (sheet.tabColor) out.tabColor = sheet.tabColor;
    const print = printToSnapshot(sheet.pageLayout);
    if (print) out.print = print;
    return out;
  }
}

const PAPERS: Record<string, "A3" | "A4"> = { A3: "A3", A4: "A4" };

/** The page setup in the plan's terms, or undefined when it is still a new sheet's. */
function printToSnapshot(p: PageLayoutModel): SnapshotPrint | undefined {
  const fitted = !("scale" in p.zoom);
  if (p.paperSize === null && p.orientation === "Portrait" && !fitted && !p.centerHorizontally && !p.printArea && !p.titleRows) return undefined;
  const pages = (n: number): number | null => (n === 0 ? null : n);
  const print: SnapshotPrint = {
    paper: p.paperSize === null ? "default" : (PAPERS[p.paperSize] ?? "other"),
    orientation: p.orientation === "Landscape" ? "landscape" : "portrait",
    fitWidth: "scale" in p.zoom ? null : pages(p.zoom.horizontalFitToPages),
    fitHeight: "scale" in p.zoom ? null : pages(p.zoom.verticalFitToPages),
    centered: p.centerHorizontally,
  };
  if (p.printArea) print.area = rectAddress(p.printArea);
  const titles = p.titleRows;
  if (titles) print.titleRows = Array.from({ length: titles.bottom - titles.top + 1 }, (_, i) => titles.top + i);
  return print;
}

function byPosition(a: Rect, b: Rect): number {
  return a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right;
}

const HORIZONTAL: Record<string, string> = { Left: "left", Center: "center", Right: "right" };

function snapshotCell(cell: CellModel): SnapshotCell | null {
  const out: SnapshotCell = {
    value: cell.formula !== undefined ? null : (cell.error ?? cell.value),
    numberFormat: cell.numberFormat,
  };
  if (cell.formula !== undefined) out.formula = cell.formula.replace(/^=/, "");
  const style: NonNullable<SnapshotCell["style"]> = {};
  if (cell.style.bold) style.bold = true;
  if (cell.style.italic) style.italic = true;
  if (cell.style.fontColor) style.fontColor = cell.style.fontColor;
  if (cell.style.fill) style.fill = cell.style.fill;
  if (cell.style.wrap) style.wrap = true;
  if (cell.style.horizontal && cell.style.horizontal !== "General") {
    style.horizontal = HORIZONTAL[cell.style.horizontal] ?? cell.style.horizontal.toLowerCase();
  }
  if (cell.style.size !== undefined && cell.style.size !== 11) style.size = cell.style.size;
  if (Object.keys(style).length > 0) out.style = style;
  if (!cell.locked) out.locked = false;
  const empty = out.value === null && out.formula === undefined && out.numberFormat === "General" && !out.style && out.locked === undefined;
  return empty ? null : out;
}

const ICON_SETS: Record<string, "3TrafficLights1" | "3Symbols" | "3Arrows"> = {
  ThreeTrafficLights1: "3TrafficLights1",
  ThreeSymbols: "3Symbols",
  ThreeArrows: "3Arrows",
};

function stripEquals(formula: string | undefined): string {
  return (formula ?? "").replace(/^=/, "");
}

function conditionalFormatToPlan(cf: ConditionalFormatModel, priority: number): ConditionalFormatPlan {
  const range = rectAddress(cf.rect);
  if (cf.type === "Custom") {
    const c = cf.custom ?? { formula: "" };
    const style: { fill?: string; fontColor?: string; bold?: boolean } = {};
    if (c.fill) style.fill = c.fill;
    if (c.fontColor) style.fontColor = c.fontColor;
    if (c.bold) style.bold = true;
    return { kind: "expression", range, formula: stripEquals(c.formula), style, priority, ...(cf.stopIfTrue ? { stopIfTrue: true } : {}) };
  }
  if (cf.type === "ColorScale") {
    const criteria = cf.colorScale?.criteria;
    return {
      kind: "colorScale",
      range,
      min: criteria?.minimum.color ?? "",
      ...(criteria?.midpoint?.color ? { mid: criteria.midpoint.color } : {}),
      max: criteria?.maximum.color ?? "",
      priority,
    };
  }
  const icons = cf.iconSet;
  const threshold = (i: number): number => Number(stripEquals(icons?.criteria?.[i]?.formula));
  return {
    kind: "iconSet",
    range,
    iconSet: ICON_SETS[icons?.style ?? ""] ?? "3TrafficLights1",
    thresholds: [threshold(1), threshold(2)],
    showValue: !(icons?.showIconOnly ?? false),
    priority,
  };
}

const OPERATORS: Record<string, "between" | "greaterThanOrEqual" | "lessThanOrEqual"> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

function numberOf(formula: unknown): number | undefined {
  if (formula === undefined || formula === null) return undefined;
  return Number(String(formula).replace(/^=/, ""));
}

function dataValidationToPlan(dv: DataValidationModel): DataValidationPlan {
  const base = {
    range: rectAddress(dv.rect),
    allowBlank: dv.ignoreBlanks,
    ...(dv.prompt.showPrompt && (dv.prompt.title || dv.prompt.message) ? { prompt: { title: dv.prompt.title, message: dv.prompt.message } } : {}),
    // Excel's standard alert (shown, stop, no title or message) is what a plan without `error` gets.
    ...(dv.errorAlert.showAlert && (dv.errorAlert.title || dv.errorAlert.message || dv.errorAlert.style !== "Stop")
      ? { error: { title: dv.errorAlert.title, message: dv.errorAlert.message, style: dv.errorAlert.style.toLowerCase() as "stop" | "warning" | "information" } }
      : {}),
  };
  const rule = dv.rule ?? {};
  const basic = rule.wholeNumber ?? rule.decimal;
  if (basic) {
    const operator = OPERATORS[basic.operator] ?? "between";
    const first = numberOf(basic.formula1);
    const second = numberOf(basic.formula2);
    return {
      ...base,
      kind: rule.wholeNumber ? "whole" : "decimal",
      operator,
      ...(operator === "lessThanOrEqual" ? { max: first } : { min: first }),
      ...(operator === "between" ? { max: second } : {}),
    };
  }
  if (rule.list) return { ...base, kind: "list", items: String(rule.list.source).split(",") };
  if (rule.textLength) return { ...base, kind: "textLength", max: numberOf(rule.textLength.formula1) ?? 0 };
  throw new Error(`The data validation on ${rectAddress(dv.rect)} has no rule the plan can express.`);
}
