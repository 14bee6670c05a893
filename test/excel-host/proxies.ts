/**
 * Proxy objects of the Excel test host: the part of the Excel JavaScript API the adapter uses,
 * with Office.js's semantics. Setting a property or calling a method queues an operation;
 * reading a property works only after `load()` and `context.sync()` (or after setting it
 * locally), and otherwise throws PropertyNotLoaded as Office.js does. Objects got with
 * `...OrNullObject` resolve at sync time; operations on a null object are ignored, as in Excel.
 *
 * Types of properties and arguments come from @types/office-js, so adapter code written against
 * `Excel.RequestContext` runs here unchanged.
 */
import { Calculator, shiftFormula } from "./calc";
import type { HostContext } from "./context";
import { HostError, propertyNotLoaded } from "./errors";
import {
  cellAt,
  cellKey,
  cellText,
  cellValueType,
  checkSheetName,
  DEFAULT_COLUMN_WIDTH_POINTS,
  DEFAULT_ROW_HEIGHT_POINTS,
  ensureCell,
  findSheet,
  hasContent,
  keyCol,
  keyRow,
  liveSheets,
  MAX_COLS,
  MAX_ROW_HEIGHT_POINTS,
  MAX_ROWS,
  newSheet,
  parseAddress,
  rectAddress,
  rectCells,
  r1c1ToA1,
  rectsIntersect,
  sheetPrefix,
  splitSheetPrefix,
  usedRect,
  writeValue,
  type CellModel,
  type ChartModel,
  type ConditionalFormatModel,
  type DataValidationModel,
  type PageLayoutModel,
  type Rect,
  type SheetModel,
  type TableModel,
  type Visibility,
  type WorkbookModel,
} from "./model";

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  const raw = spec === undefined ? [] : typeof spec === "string" ? [spec] : Array.isArray(spec) ? spec : [spec.select ?? "", spec.expand ?? ""];
  return raw
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Where a proxy's object comes from: its own queued operation, or a navigation from its parent. */
type Source<T> =
  | { kind: "op"; payload: Record<string, unknown>; create: () => T | null }
  | { kind: "nav"; parent: HostObject<unknown>; derive: (parent: never) => T | null }
  | { kind: "fixed"; value: T };

export abstract class HostObject<T> {
  readonly _id: number;
  protected readonly ctx: HostContext;
  private readonly source: Source<T>;
  private bound: { value: T | null } | null = null;
  private nullKnown: boolean | undefined;
  private readonly props = new Map<string, unknown>();
  private readonly children = new Map<string, HostObject<unknown>>();
  protected abstract readonly kind: string;

  protected constructor(ctx: HostContext, source: Source<T>) {
    this.ctx = ctx;
    this._id = ctx.nextId();
    this.source = source;
    if (source.kind === "op") {
      ctx.enqueue({ ...source.payload, id: this._id }, () => {
        const value = source.create();
        this.bound = { value };
        ctx.onSuccess(() => {
          this.nullKnown = value === null;
        });
      });
    } else if (source.kind === "fixed") {
      this.bound = { value: source.value };
      this.nullKnown = false;
    }
  }

  /** Office.js's `context` property; the adapter never needs more than its sync(). */
  get context(): HostContext {
    return this.ctx;
  }

  /** The object this proxy stands for; only meaningful while the queue applies. */
  protected target(): T | null {
    if (this.source.kind === "nav") {
      const parent = this.source.parent.target();
      return parent === null ? null : (this.source.derive as (p: unknown) => T | null)(parent);
    }
    if (!this.bound) throw new HostError("InvalidReference", `The ${this.kind} was used before it existed.`);
    return this.bound.value;
  }

  get isNullObject(): boolean {
    if (this.source.kind === "nav") return this.source.parent.isNullObject;
    if (this.nullKnown === undefined) throw propertyNotLoaded("isNullObject", this.kind);
    return this.nullKnown;
  }

  /** Reads a loaded (or locally set) property; throws PropertyNotLoaded otherwise. Null objects read as null. */
  protected get_<V>(name: string): V {
    if (this.props.has(name)) return this.props.get(name) as V;
    if (this.source.kind !== "nav" && this.nullKnown === true) return null as V;
    throw propertyNotLoaded(name, this.kind);
  }

  /** Sets a property locally and queues the write. */
  protected set_(name: string, value: unknown, apply: (t: T) => void): void {
    this.props.set(name, value);
    this.ctx.enqueue({ o: this._id, set: name, v: value }, () => {
      const t = this.target();
      if (t !== null) apply(t);
    });
  }

  /** Queues a method call. */
  protected call_(method: string, args: unknown[], apply: (t: T) => void): void {
    this.ctx.enqueue({ o: this._id, m: method, a: args }, () => {
      const t = this.target();
      if (t !== null) apply(t);
    });
  }

  protected child<C extends HostObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c as C;
  }

  /** The value of a scalar property of the live object. */
  protected abstract readScalar(t: T, name: string): unknown;

  /** Navigation properties that `load("format/columnWidth")`-style paths may go through. */
  protected navigate(name: string): HostObject<unknown> | null {
    void name;
    return null;
  }

  /** Collections override this to load "items/..." paths. */
  protected loadItems(t: T, paths: string[]): (() => void) | null {
    void t;
    void paths;
    return null;
  }

  /** Gathers what a load asks for from the live object; returns how to deliver it after the sync. */
  protected capture(t: T | null, paths: string[]): () => void {
    if (t === null) return () => undefined;
    const commits: Array<() => void> = [];
    const items: string[] = [];
    for (const path of paths) {
      const slash = path.indexOf("/");
      const head = slash < 0 ? path : path.slice(0, slash);
      if (head === "items") {
        items.push(slash < 0 ? "" : path.slice(slash + 1));
        continue;
      }
      if (slash < 0) {
        const value = this.readScalar(t, head);
        this.ctx.countResponse(head, value);
        commits.push(() => this.props.set(head, value));
        continue;
      }
      const nav = this.navigate(head);
      if (!nav) throw new HostError("InvalidArgument", `Cannot load '${path}' on ${this.kind}.`);
      commits.push(nav.capture(nav.target(), [path.slice(slash + 1)]));
    }
    if (items.length > 0) {
      const commit = this.loadItems(t, items.filter((p) => p.length > 0));
      if (!commit) throw new HostError("InvalidArgument", `${this.kind} has no items to load.`);
      commits.push(commit);
    }
    return () => commits.forEach((c) => c());
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.ctx.enqueue({ o: this._id, load: paths }, () => {
      this.ctx.onSuccess(this.capture(this.target(), paths.length > 0 ? paths : this.defaultLoad()));
    });
    return this;
  }

  /** What an empty load() loads: the scalar properties. */
  protected defaultLoad(): string[] {
    return [];
  }

  /** Marks a property as loaded with a value known at creation (items of a loaded collection). */
  protected preload(name: string, value: unknown): void {
    this.props.set(name, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.props);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by range-like objects

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
  /**
   * The rectangles of a RangeAreas (worksheet.getRanges): formatting, protection and data
   * validation apply to every one of them. Absent for a plain range, which is `rect` alone.
   */
  areas?: Rect[];
}

function rectsOf(t: RangeTarget): Rect[] {
  return t.areas ?? [t.rect];
}

/** Every cell of a range or of each area of a RangeAreas. */
function forEachTargetCell(t: RangeTarget, fn: (row: number, col: number) => void): void {
  for (const rect of rectsOf(t)) forEachCell(rect, fn);
}

/**
 * What Office.js writes into each cell from a `values`, `formulas`, `formulasR1C1` or
 * `numberFormat` argument: a two-dimensional array the size of the range, or a single value,
 * which Excel applies to every cell of the range (as the API reference says for each of them).
 */
function inputAt(t: RangeTarget, input: unknown, what: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined || typeof input === "object") {
      throw new HostError("InvalidArgument", `The input for ${what} is neither a value nor a two-dimensional array.`);
    }
    return () => input;
  }
  const rows = check2d(t, input, what);
  return (i, j) => rows[i]?.[j];
}

const MAX_LOAD_CELLS = 5_000_000;
/** The longest address list the host lets worksheet.getRanges take (see getRanges). */
export const MAX_RANGES_ADDRESS = 8192;

function checkLive(sheet: SheetModel): void {
  if (sheet.deleted) throw new HostError("InvalidReference", `The sheet '${sheet.name}' has been deleted.`);
}

function forEachCell(rect: Rect, fn: (row: number, col: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

function grid<V>(t: RangeTarget, fn: (cell: CellModel | undefined, row: number, col: number) => V): V[][] {
  checkLive(t.sheet);
  if (rectCells(t.rect) > MAX_LOAD_CELLS) throw new HostError("InvalidOperation", "The range is too large to load.");
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(fn(cellAt(t.sheet, r, c), r, c));
    out.push(row);
  }
  return out;
}

function check2d(t: RangeTarget, input: unknown[], what: string): unknown[][] {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new HostError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  }
  return input as unknown[][];
}

/** Excel refuses changes to locked cells (and any formatting) on a protected sheet. */
function guardProtected(t: RangeTarget, what: "values" | "format" | "columns" | "rows"): void {
  const p = t.sheet.protection;
  if (!p.protected) return;
  if (what === "columns" && p.options.allowFormatColumns) return;
  if (what === "rows" && p.options.allowFormatRows) return;
  if (what === "format" && p.options.allowFormatCells) return;
  if (what === "values") {
    let locked = false;
    forEachTargetCell(t, (r, c) => {
      if (cellAt(t.sheet, r, c)?.locked ?? true) locked = true;
    });
    if (!locked) return;
  }
  throw new HostError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ('${t.sheet.name}').`);
}

function normalizeColor(color: string): string {
  const named: Record<string, string> = { white: "#FFFFFF", black: "#000000", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00" };
  const c = named[color.toLowerCase()] ?? color;
  if (!/^#[0-9A-Fa-f]{6}$/.test(c)) throw new HostError("InvalidArgument", `'${color}' is not a colour.`);
  return c.toUpperCase();
}

function uniformOrNull<V>(values: V[]): V | null {
  if (values.length === 0) return null;
  const first = values[0] as V;
  return values.every((v) => v === first) ? first : null;
}

function styleValues<V>(t: RangeTarget, pick: (cell: CellModel | undefined) => V): V | null {
  const out: V[] = [];
  forEachTargetCell(t, (r, c) => out.push(pick(cellAt(t.sheet, r, c))));
  return uniformOrNull(out);
}

function setStyle(t: RangeTarget, apply: (cell: CellModel) => void): void {
  checkLive(t.sheet);
  guardProtected(t, "format");
  forEachTargetCell(t, (r, c) => apply(ensureCell(t.sheet, r, c)));
}

/**
 * The cell as a read sees it: a formula the calculator works out carries its result, as Excel
 * recalculates before it answers. Other cells, and formulas it cannot work out, are as stored.
 */
function calculated(calc: Calculator, sheet: SheetModel, row: number, col: number, cell: CellModel | undefined): CellModel | undefined {
  if (cell?.formula === undefined) return cell;
  // Under manual calculation Excel answers with the results it last worked out, however stale.
  const frozen = calc.workbook.lastCalculated;
  const result = frozen ? (frozen.get(`${sheet.id}:${cellKey(row, col)}`) ?? null) : calc.cellResult(sheet, row, col);
  if (result === null) return cell;
  const shown: CellModel = { ...cell, value: "value" in result ? result.value : null };
  if ("error" in result) shown.error = result.error;
  else delete shown.error;
  // A seeded display text stands only for the result it was seeded with.
  if (shown.value !== cell.value || shown.error !== cell.error) delete shown.text;
  return shown;
}

/** grid() over the cells as a read sees them (see calculated). */
function calculatedGrid<V>(ctx: HostContext, t: RangeTarget, fn: (cell: CellModel | undefined) => V): V[][] {
  const calc = new Calculator(ctx.model);
  return grid(t, (cell, row, col) => fn(calculated(calc, t.sheet, row, col, cell)));
}

/** What a copy pastes into a cell (see HostRange.copyFrom). */
type Content = { formula: string } | { error: string } | { value: string | number | boolean | null };

/** Takes the content out of a cell (value, formula, error, display text), leaving its formats. */
function clearContent(cell: CellModel): void {
  cell.value = null;
  delete cell.formula;
  delete cell.error;
  delete cell.text;
  delete cell.quotePrefix;
}

/** The source of a copyFrom: one rectangle, on the destination's sheet unless it names another. */
function copySource(wb: WorkbookModel, destSheet: SheetModel, source: HostRange | HostRangeAreas | string): RangeTarget {
  if (typeof source !== "string") {
    const t = source.targetForHost();
    if (t === null) throw new HostError("InvalidArgument", "The source range is a null object.");
    if ("rects" in t) {
      if (t.rects.length !== 1) throw new HostError("InvalidArgument", "The Excel test host copies from one area only.");
      return { sheet: t.sheet, rect: t.rects[0] as Rect };
    }
    return t;
  }
  const { sheet: named, bare } = splitSheetPrefix(source);
  if (bare.includes(",")) throw new HostError("InvalidArgument", "The Excel test host copies from one area only.");
  const sheet = named === null ? destSheet : findSheet(wb, named);
  if (!sheet) throw new HostError("InvalidArgument", `The range '${source}' is on no sheet of the workbook.`);
  return { sheet, rect: parseAddress(bare) };
}

function rangeTargetFrom(sheet: SheetModel, arg: HostRange | string): RangeTarget {
  if (typeof arg === "string") {
    const { sheet: named, bare } = splitSheetPrefix(arg);
    if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
      throw new HostError("InvalidArgument", `The range '${arg}' is not on the sheet '${sheet.name}'.`);
    }
    return { sheet, rect: parseAddress(bare) };
  }
  const t = arg.targetForHost();
  if (t === null) throw new HostError("InvalidArgument", "The range is a null object.");
  return t;
}

// ---------------------------------------------------------------------------------------------
// Workbook and worksheets

export class HostWorkbook extends HostObject<WorkbookModel> {
  protected readonly kind = "Workbook";

  constructor(ctx: HostContext) {
    super(ctx, { kind: "fixed", value: ctx.model });
  }

  get name(): string {
    return this.get_("name");
  }

  get worksheets(): HostWorksheetCollection {
    return this.child("worksheets", () => new HostWorksheetCollection(this.ctx));
  }

  get application(): HostApplication {
    return this.child("application", () => new HostApplication(this.ctx));
  }

  get tables(): HostTableCollection {
    return this.child("tables", () => new HostTableCollection(this.ctx, { kind: "nav", parent: this, derive: () => ({ sheet: null }) }));
  }

  protected override readScalar(t: WorkbookModel, name: string): unknown {
    if (name === "name") return t.name;
    throw new HostError("InvalidArgument", `Workbook has no property '${name}'.`);
  }

  protected override navigate(name: string): HostObject<unknown> | null {
    return name === "worksheets" ? this.worksheets : null;
  }
}

/** Excel's Application: only its calculation mode, which a read may need to know. */
export class HostApplication extends HostObject<WorkbookModel> {
  protected readonly kind = "Application";

  constructor(ctx: HostContext) {
    super(ctx, { kind: "fixed", value: ctx.model });
  }

  get calculationMode(): Excel.Application["calculationMode"] {
    return this.get_("calculationMode");
  }

  protected override readScalar(t: WorkbookModel, name: string): unknown {
    if (name === "calculationMode") return t.calculationMode ?? "Automatic";
    throw new HostError("InvalidArgument", `Application has no property '${name}'.`);
  }
}

export class HostWorksheetCollection extends HostObject<WorkbookModel> {
  protected readonly kind = "WorksheetCollection";

  constructor(ctx: HostContext) {
    super(ctx, { kind: "fixed", value: ctx.model });
  }

  get items(): HostWorksheet[] {
    return this.get_("items");
  }

  protected override readScalar(t: WorkbookModel, name: string): unknown {
    if (name === "count") return liveSheets(t).length;
    throw new HostError("InvalidArgument", `WorksheetCollection has no property '${name}'.`);
  }

  protected override loadItems(t: WorkbookModel, paths: string[]): () => void {
    const sheets = liveSheets(t);
    const items = sheets.map((s) => new HostWorksheet(this.ctx, { kind: "fixed", value: s }));
    const commits = items.map((item, i) => item.captureForHost(sheets[i] ?? null, paths.length > 0 ? paths : ["name", "visibility", "position"]));
    return () => {
      commits.forEach((c) => c());
      this.preload("items", items);
    };
  }

  add(name?: string): HostWorksheet {
    const wb = this.ctx.model;
    return new HostWorksheet(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "add", a: [name ?? null] },
      create: () => {
        let sheetName = name;
        if (sheetName === undefined) {
          let n = liveSheets(wb).length + 1;
          while (findSheet(wb, `Sheet${n}`)) n++;
          sheetName = `Sheet${n}`;
        }
        checkSheetName(sheetName);
        if (findSheet(wb, sheetName)) throw new HostError("ItemAlreadyExists", `A sheet named '${sheetName}' already exists.`);
        const sheet = newSheet(wb, sheetName);
        wb.sheets.push(sheet);
        return sheet;
      },
    });
  }

  getItem(key: string): HostWorksheet {
    const wb = this.ctx.model;
    return new HostWorksheet(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getItem", a: [key] },
      create: () => {
        const sheet = findSheet(wb, key);
        if (!sheet) throw new HostError("ItemNotFound", `The requested resource doesn't exist (sheet '${key}').`);
        return sheet;
      },
    });
  }

  getItemOrNullObject(key: string): HostWorksheet {
    const wb = this.ctx.model;
    return new HostWorksheet(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getItemOrNullObject", a: [key] },
      create: () => findSheet(wb, key) ?? null,
    });
  }

  getActiveWorksheet(): HostWorksheet {
    const wb = this.ctx.model;
    return new HostWorksheet(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getActiveWorksheet", a: [] },
      create: () => {
        const sheet = wb.sheets.find((s) => s.id === wb.activeSheetId && !s.deleted);
        if (!sheet) throw new HostError("ItemNotFound", "There is no active sheet.");
        return sheet;
      },
    });
  }
}

function visibleSheets(wb: WorkbookModel): SheetModel[] {
  return liveSheets(wb).filter((s) => s.visibility === "Visible");
}

export class HostWorksheet extends HostObject<SheetModel> {
  protected readonly kind = "Worksheet";

  constructor(ctx: HostContext, source: Source<SheetModel>) {
    super(ctx, source);
  }

  /** Lets a collection deliver this sheet's properties together with its own `items`. */
  captureForHost(t: SheetModel | null, paths: string[]): () => void {
    return this.capture(t, paths);
  }

  targetForHost(): SheetModel | null {
    return this.target();
  }

  protected override readScalar(t: SheetModel, name: string): unknown {
    checkLive(t);
    switch (name) {
      case "name":
        return t.name;
      case "id":
        return `{sheet-${t.id}}`;
      case "visibility":
        return t.visibility;
      case "position":
        return liveSheets(this.ctx.model).indexOf(t);
      case "tabColor":
        return t.tabColor;
      default:
        throw new HostError("InvalidArgument", `Worksheet has no property '${name}'.`);
    }
  }

  protected override defaultLoad(): string[] {
    return ["name", "id", "visibility", "position", "tabColor"];
  }

  protected override navigate(name: string): HostObject<unknown> | null {
    if (name === "protection") return this.protection;
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    if (name === "pageLayout") return this.pageLayout;
    return null;
  }

  get name(): string {
    return this.get_("name");
  }
  set name(value: string) {
    this.set_("name", value, (t) => {
      checkLive(t);
      checkSheetName(value);
      const other = findSheet(this.ctx.model, value);
      if (other && other !== t) throw new HostError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      t.name = value;
    });
  }

  get id(): string {
    return this.get_("id");
  }

  get position(): number {
    return this.get_("position");
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this.get_("visibility");
  }
  set visibility(value: Excel.Worksheet["visibility"]) {
    this.set_("visibility", value, (t) => {
      checkLive(t);
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new HostError("InvalidArgument", `'${value}' is not a sheet visibility.`);
      const wb = this.ctx.model;
      if (value !== "Visible" && t.visibility === "Visible" && visibleSheets(wb).length === 1) {
        throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      t.visibility = value as Visibility;
      if (value !== "Visible" && wb.activeSheetId === t.id) wb.activeSheetId = visibleSheets(wb)[0]?.id ?? wb.activeSheetId;
    });
  }

  get tabColor(): string {
    return this.get_("tabColor");
  }
  set tabColor(value: string) {
    this.set_("tabColor", value, (t) => {
      checkLive(t);
      t.tabColor = value === "" ? "" : normalizeColor(value);
    });
  }

  delete(): void {
    this.call_("delete", [], (t) => {
      checkLive(t);
      const wb = this.ctx.model;
      // Excel refuses, by design, to delete a very hidden sheet: it must be made hidden or visible first (OfficeDev/office-js#365).
      if (t.visibility === "VeryHidden") throw new HostError("GeneralException", "There was an internal error while processing the request.");
      const remainingVisible = visibleSheets(wb).filter((s) => s !== t);
      if (remainingVisible.length === 0) throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      t.deleted = true;
      wb.sheets = wb.sheets.filter((s) => s !== t);
      wb.tables = wb.tables.filter((tb) => tb.sheetId !== t.id);
      if (wb.activeSheetId === t.id) wb.activeSheetId = remainingVisible[0]?.id ?? wb.activeSheetId;
    });
  }

  activate(): void {
    this.call_("activate", [], (t) => {
      checkLive(t);
      if (t.visibility !== "Visible") throw new HostError("InvalidOperation", `The sheet '${t.name}' is hidden and cannot be activated.`);
      this.ctx.model.activeSheetId = t.id;
    });
  }

  getRange(address?: string): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getRange", a: [address ?? null] },
      create: () => {
        const sheet = this.target();
        if (sheet === null) return null;
        checkLive(sheet);
        return address === undefined ? { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } } : rangeTargetFrom(sheet, address);
      },
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getRangeByIndexes", a: [startRow, startColumn, rowCount, columnCount] },
      create: () => {
        const sheet = this.target();
        if (sheet === null) return null;
        checkLive(sheet);
        const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
        if (rowCount < 1 || columnCount < 1 || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
          throw new HostError("InvalidArgument", "The range is outside the sheet.");
        }
        return { sheet, rect };
      },
    });
  }

  getCell(row: number, column: number): HostRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /**
   * Several rectangles of the sheet as one RangeAreas, from their addresses separated by commas
   * ("B2:B9, D4, F1:G3"). Excel refuses a long address list with InvalidArgument; where exactly is
   * not documented (reports put it near 8,192 characters), so the host refuses beyond that.
   */
  getRanges(address: string): HostRangeAreas {
    return new HostRangeAreas(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getRanges", a: [address] },
      create: () => {
        const sheet = this.target();
        if (sheet === null) return null;
        checkLive(sheet);
        if (address.length > MAX_RANGES_ADDRESS) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const rects = address
          .split(",")
          .map((a) => a.trim())
          .filter((a) => a.length > 0)
          .map((a) => rangeTargetFrom(sheet, a).rect);
        if (rects.length === 0) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        return { sheet, rects };
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getUsedRangeOrNullObject", a: [valuesOnly ?? false] },
      create: () => {
        const sheet = this.target();
        if (sheet === null) return null;
        checkLive(sheet);
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
    });
  }

  get tables(): HostTableCollection {
    return this.child("tables", () => new HostTableCollection(this.ctx, { kind: "nav", parent: this, derive: (s: SheetModel) => ({ sheet: s }) }));
  }

  get charts(): HostChartCollection {
    return this.child("charts", () => new HostChartCollection(this.ctx, { kind: "nav", parent: this, derive: (s: SheetModel) => s }));
  }

  get freezePanes(): HostFreezePanes {
    return this.child("freezePanes", () => new HostFreezePanes(this.ctx, { kind: "nav", parent: this, derive: (s: SheetModel) => s }));
  }

  get protection(): HostWorksheetProtection {
    return this.child("protection", () => new HostWorksheetProtection(this.ctx, { kind: "nav", parent: this, derive: (s: SheetModel) => s }));
  }

  get pageLayout(): HostPageLayout {
    return this.child("pageLayout", () => new HostPageLayout(this.ctx, { kind: "nav", parent: this, derive: (s: SheetModel) => s }));
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

export class HostRange extends HostObject<RangeTarget> {
  protected readonly kind = "Range";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  targetForHost(): RangeTarget | null {
    return this.target();
  }

  captureForHost(t: RangeTarget | null, paths: string[]): () => void {
    return this.capture(t, paths);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    checkLive(t.sheet);
    switch (name) {
      case "address":
        return `${sheetPrefix(t.sheet.name)}${rectAddress(t.rect)}`;
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "rowCount":
        return t.rect.bottom - t.rect.top + 1;
      case "columnCount":
        return t.rect.right - t.rect.left + 1;
      case "cellCount":
        return rectCells(t.rect);
      case "values":
        return calculatedGrid(this.ctx, t, (c) => (!c ? "" : c.error ? c.error : c.value ?? ""));
      case "text":
        return calculatedGrid(this.ctx, t, (c) => (c ? cellText(c) : ""));
      case "formulas":
        return grid(t, (c) => (!c ? "" : c.formula ?? (c.error ? c.error : c.value ?? "")));
      case "numberFormat":
        return grid(t, (c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return calculatedGrid(this.ctx, t, (c) => (c ? cellValueType(c) : "Empty"));
      default:
        throw new HostError("InvalidArgument", `Range has no property '${name}'.`);
    }
  }

  protected override defaultLoad(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "text", "formulas", "numberFormat", "valueTypes"];
  }

  protected override navigate(name: string): HostObject<unknown> | null {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    return null;
  }

  get address(): string {
    return this.get_("address");
  }
  get rowIndex(): number {
    return this.get_("rowIndex");
  }
  get columnIndex(): number {
    return this.get_("columnIndex");
  }
  get rowCount(): number {
    return this.get_("rowCount");
  }
  get columnCount(): number {
    return this.get_("columnCount");
  }
  get cellCount(): number {
    return this.get_("cellCount");
  }
  get text(): string[][] {
    return this.get_("text");
  }
  get valueTypes(): Excel.Range["valueTypes"] {
    return this.get_("valueTypes");
  }

  get values(): Excel.Range["values"] {
    return this.get_("values");
  }
  set values(input: Excel.Range["values"]) {
    this.set_("values", input, (t) => {
      checkLive(t.sheet);
      const at = inputAt(t, input, "values");
      guardProtected(t, "values");
      forEachCell(t.rect, (r, c) => {
        const v = at(r - t.rect.top, c - t.rect.left);
        // null leaves a cell as it is, as Office.js does.
        if (v !== null && v !== undefined) writeValue(ensureCell(t.sheet, r, c), v);
      });
    });
  }

  get formulas(): Excel.Range["formulas"] {
    return this.get_("formulas");
  }
  set formulas(input: Excel.Range["formulas"]) {
    // Office.js treats formulas like values for constants; "=" strings become formulas either way.
    this.set_("formulas", input, (t) => {
      checkLive(t.sheet);
      const at = inputAt(t, input, "formulas");
      guardProtected(t, "values");
      forEachCell(t.rect, (r, c) => {
        const v = at(r - t.rect.top, c - t.rect.left);
        // null leaves a cell as it is, as Office.js does.
        if (v !== null && v !== undefined) writeValue(ensureCell(t.sheet, r, c), v);
      });
    });
  }

  /**
   * Formulas in R1C1 notation: each cell's references are read relative to that cell and stored
   * in A1 notation, as Excel shows them. One R1C1 formula given for a range of many rows is the
   * same formula "filled down" the range.
   */
  get formulasR1C1(): Excel.Range["formulasR1C1"] {
    return this.get_("formulasR1C1");
  }
  set formulasR1C1(input: Excel.Range["formulasR1C1"]) {
    this.set_("formulasR1C1", input, (t) => {
      checkLive(t.sheet);
      const at = inputAt(t, input, "formulasR1C1");
      guardProtected(t, "values");
      forEachCell(t.rect, (r, c) => {
        const v = at(r - t.rect.top, c - t.rect.left);
        if (v === null || v === undefined) return;
        writeValue(ensureCell(t.sheet, r, c), typeof v === "string" && v.startsWith("=") && v.length > 1 ? r1c1ToA1(v, r, c) : v);
      });
    });
  }

  get numberFormat(): Excel.Range["numberFormat"] {
    return this.get_("numberFormat");
  }
  set numberFormat(input: Excel.Range["numberFormat"]) {
    this.set_("numberFormat", input, (t) => {
      checkLive(t.sheet);
      const at = inputAt(t, input, "numberFormat");
      guardProtected(t, "format");
      forEachCell(t.rect, (r, c) => {
        const v = at(r - t.rect.top, c - t.rect.left);
        if (v === null || v === undefined) return;
        if (typeof v !== "string") throw new HostError("InvalidArgument", "A number format must be a string.");
        ensureCell(t.sheet, r, c).numberFormat = v === "" ? "General" : v;
      });
    });
  }

  get format(): HostRangeFormat {
    return this.child("format", () => new HostRangeFormat(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }));
  }

  get dataValidation(): HostDataValidation {
    return this.child("dataValidation", () => new HostDataValidation(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }));
  }

  get conditionalFormats(): HostConditionalFormatCollection {
    return this.child(
      "conditionalFormats",
      () => new HostConditionalFormatCollection(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }),
    );
  }

  merge(across?: boolean): void {
    this.call_("merge", [across ?? false], (t) => {
      checkLive(t.sheet);
      guardProtected(t, "format");
      const rects: Rect[] = across
        ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i }))
        : [t.rect];
      for (const rect of rects) {
        if (rectCells(rect) < 2) continue;
        if (this.ctx.model.tables.some((tb) => tb.sheetId === t.sheet.id && rectsIntersect(tb.rect, rect))) {
          throw new HostError("InvalidOperation", "Cells in a table cannot be merged.");
        }
        // Excel extends a merge over merges it overlaps; replacing them is close enough and keeps areas disjoint.
        t.sheet.merges = t.sheet.merges.filter((m) => !rectsIntersect(m, rect));
        t.sheet.merges.push({ ...rect });
        // Merging keeps only the upper-left value.
        forEachCell(rect, (r, c) => {
          if (r === rect.top && c === rect.left) return;
          const cell = cellAt(t.sheet, r, c);
          if (cell) {
            cell.value = null;
            delete cell.formula;
            delete cell.error;
            delete cell.text;
          }
        });
      }
    });
  }

  unmerge(): void {
    this.call_("unmerge", [], (t) => {
      checkLive(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !rectsIntersect(m, t.rect));
    });
  }

  /** The range's last row. */
  getLastRow(): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getLastRow", a: [] },
      create: () => {
        const t = this.target();
        if (t === null) return null;
        checkLive(t.sheet);
        return { sheet: t.sheet, rect: { ...t.rect, top: t.rect.bottom } };
      },
    });
  }

  /** The cells this range shares with another (a range or an address), or a null object when none. */
  getIntersectionOrNullObject(other: HostRange | string): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getIntersectionOrNullObject", a: [typeof other === "string" ? other : `#range${other._id}`] },
      create: () => {
        const t = this.target();
        if (t === null) return null;
        checkLive(t.sheet);
        const o = typeof other === "string" ? rangeTargetFrom(t.sheet, other) : other.targetForHost();
        if (o === null || o.sheet !== t.sheet || !rectsIntersect(o.rect, t.rect)) return null;
        const rect = { top: Math.max(t.rect.top, o.rect.top), left: Math.max(t.rect.left, o.rect.left), bottom: Math.min(t.rect.bottom, o.rect.bottom), right: Math.min(t.rect.right, o.rect.right) };
        return { sheet: t.sheet, rect };
      },
    });
  }

  getMergedAreasOrNullObject(): HostRangeAreas {
    return new HostRangeAreas(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getMergedAreasOrNullObject", a: [] },
      create: () => {
        const t = this.target();
        if (t === null) return null;
        checkLive(t.sheet);
        const rects = t.sheet.merges.filter((m) => rectsIntersect(m, t.rect)).map((m) => ({ ...m }));
        return rects.length > 0 ? { sheet: t.sheet, rects } : null;
      },
    });
  }

  /**
   * Copies another range's content here (ExcelApi 1.9), as Excel's copy and paste does. The
   * source is a range (on any sheet), a RangeAreas of one area, or an address, on this sheet
   * unless it names one ("Data!A1:B4"). What lands is the source's size from this range's
   * top-left cell (so a one-cell destination grows to it), the source read whole before
   * anything is written (they may overlap).
   * - "Formulas": formulas, their relative references moved by the distance copied (see
   *   shiftFormula); constants, text and error values as they are; a blank source cell clears
   *   the content here. Number formats and styles stay as they were here.
   * - "Values": each cell's value as a read gives it (a formula's result as a constant; a
   *   formula the host cannot work out becomes a blank), formats again untouched.
   * The host refuses what it does not model: "All" (the default), "Formats" and "Link";
   * skipBlanks or transpose; a destination larger than the source (Excel repeats the source over
   * a multiple of its size).
   */
  copyFrom(sourceRange: HostRange | HostRangeAreas | string, copyType?: Excel.RangeCopyType | "All" | "Formulas" | "Values" | "Formats" | "Link", skipBlanks?: boolean, transpose?: boolean): void {
    const type = String(copyType ?? "All");
    const arg = typeof sourceRange === "string" ? sourceRange : `#range${sourceRange._id}`;
    this.call_("copyFrom", [arg, type, skipBlanks ?? false, transpose ?? false], (t) => {
      checkLive(t.sheet);
      if (type !== "Formulas" && type !== "Values") {
        throw new HostError("InvalidArgument", `The Excel test host does not support copyFrom with copyType '${type}' (only Formulas and Values).`);
      }
      if (skipBlanks) throw new HostError("InvalidArgument", "The Excel test host does not support copyFrom with skipBlanks.");
      if (transpose) throw new HostError("InvalidArgument", "The Excel test host does not support copyFrom with transpose.");
      const source = copySource(this.ctx.model, t.sheet, sourceRange);
      checkLive(source.sheet);
      const rows = source.rect.bottom - source.rect.top + 1;
      const cols = source.rect.right - source.rect.left + 1;
      const destRows = t.rect.bottom - t.rect.top + 1;
      const destCols = t.rect.right - t.rect.left + 1;
      if (destRows > rows || destCols > cols) {
        throw new HostError("InvalidArgument", "The Excel test host does not model copyFrom into a range larger than the source (Excel repeats the source over a multiple of its size).");
      }
      const rect = { top: t.rect.top, left: t.rect.left, bottom: t.rect.top + rows - 1, right: t.rect.left + cols - 1 };
      if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw new HostError("InvalidArgument", "The copied range would run off the sheet.");
      const dest: RangeTarget = { sheet: t.sheet, rect };
      guardProtected(dest, "values");
      const down = rect.top - source.rect.top;
      const across = rect.left - source.rect.left;
      const calc = type === "Values" ? new Calculator(this.ctx.model) : null;
      // What each source cell with content pastes, read before anything is written.
      const pasted: Array<{ row: number; col: number; content: Content }> = [];
      for (const [key, cell] of source.sheet.cells) {
        const row = keyRow(key);
        const col = keyCol(key);
        if (row < source.rect.top || row > source.rect.bottom || col < source.rect.left || col > source.rect.right || !hasContent(cell)) continue;
        let content: Content | null;
        if (cell.formula === undefined) content = cell.error ? { error: cell.error } : { value: cell.value };
        // A result the host cannot work out pastes as a blank.
        else if (calc) content = calc.cellResult(source.sheet, row, col);
        else content = { formula: shiftFormula(cell.formula, down, across) };
        if (content) pasted.push({ row: row + down, col: col + across, content });
      }
      for (const [key, cell] of t.sheet.cells) {
        const row = keyRow(key);
        const col = keyCol(key);
        if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) clearContent(cell);
      }
      for (const { row, col, content } of pasted) {
        const cell = ensureCell(t.sheet, row, col);
        if ("formula" in content) cell.formula = content.formula;
        else if ("error" in content) cell.error = content.error;
        else cell.value = content.value;
      }
    });
  }

  select(): void {
    this.call_("select", [], (t) => {
      checkLive(t.sheet);
      const wb = this.ctx.model;
      if (wb.activeSheetId !== t.sheet.id) throw new HostError("InvalidOperation", "Only cells on the active sheet can be selected.");
      wb.selection = `${sheetPrefix(t.sheet.name)}${rectAddress(t.rect)}`;
    });
  }
}

interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

function areasTarget(t: AreasTarget): RangeTarget {
  return { sheet: t.sheet, rect: t.rects[0] as Rect, areas: t.rects };
}

export class HostRangeAreas extends HostObject<AreasTarget> {
  protected readonly kind = "RangeAreas";

  constructor(ctx: HostContext, source: Source<AreasTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: AreasTarget, name: string): unknown {
    switch (name) {
      case "address":
        return t.rects.map((r) => `${sheetPrefix(t.sheet.name)}${rectAddress(r)}`).join(", ");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((n, r) => n + rectCells(r), 0);
      default:
        throw new HostError("InvalidArgument", `RangeAreas has no property '${name}'.`);
    }
  }

  protected override navigate(name: string): HostObject<unknown> | null {
    if (name === "areas") return this.areas;
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    return null;
  }

  targetForHost(): AreasTarget | null {
    return this.target();
  }

  get address(): string {
    return this.get_("address");
  }
  get areaCount(): number {
    return this.get_("areaCount");
  }

  /** Formatting (and cell protection) of every area at once. */
  get format(): HostRangeFormat {
    return this.child("format", () => new HostRangeFormat(this.ctx, { kind: "nav", parent: this, derive: (t: AreasTarget) => areasTarget(t) }));
  }

  /** One data-validation rule for every area at once. */
  get dataValidation(): HostDataValidation {
    return this.child("dataValidation", () => new HostDataValidation(this.ctx, { kind: "nav", parent: this, derive: (t: AreasTarget) => areasTarget(t) }));
  }

  get areas(): HostRangeCollection {
    return this.child("areas", () => new HostRangeCollection(this.ctx, { kind: "nav", parent: this, derive: (t: AreasTarget) => t }));
  }
}

export class HostRangeCollection extends HostObject<AreasTarget> {
  protected readonly kind = "RangeCollection";

  constructor(ctx: HostContext, source: Source<AreasTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: AreasTarget, name: string): unknown {
    if (name === "count") return t.rects.length;
    throw new HostError("InvalidArgument", `RangeCollection has no property '${name}'.`);
  }

  protected override loadItems(t: AreasTarget, paths: string[]): () => void {
    const items = t.rects.map((rect) => new HostRange(this.ctx, { kind: "fixed", value: { sheet: t.sheet, rect } }));
    const commits = items.map((item, i) => item.captureForHost({ sheet: t.sheet, rect: t.rects[i] as Rect }, paths.length > 0 ? paths : ["address"]));
    return () => {
      commits.forEach((c) => c());
      this.preload("items", items);
    };
  }

  get items(): HostRange[] {
    return this.get_("items");
  }
}

export class HostRangeFormat extends HostObject<RangeTarget> {
  protected readonly kind = "RangeFormat";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "columnWidth": {
        const widths: number[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) widths.push(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS);
        return uniformOrNull(widths);
      }
      case "rowHeight": {
        const heights: number[] = [];
        for (let r = t.rect.top; r <= t.rect.bottom; r++) heights.push(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_POINTS);
        return uniformOrNull(heights);
      }
      case "wrapText":
        return styleValues(t, (c) => c?.style.wrap ?? false);
      case "horizontalAlignment":
        return styleValues(t, (c) => c?.style.horizontal ?? "General");
      default:
        throw new HostError("InvalidArgument", `RangeFormat has no property '${name}'.`);
    }
  }

  protected override navigate(name: string): HostObject<unknown> | null {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    if (name === "protection") return this.protection;
    return null;
  }

  /** Width of the range's columns in points (Office.js's unit). */
  get columnWidth(): number {
    return this.get_("columnWidth");
  }
  set columnWidth(points: number) {
    this.set_("columnWidth", points, (t) => {
      checkLive(t.sheet);
      guardProtected(t, "columns");
      if (!Number.isFinite(points) || points < 0) throw new HostError("InvalidArgument", "A column width must be a number of points.");
      for (const rect of rectsOf(t)) for (let c = rect.left; c <= rect.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  /** Height of the range's rows in points (Office.js's unit); Excel's rows are at most 409 points. */
  get rowHeight(): number {
    return this.get_("rowHeight");
  }
  set rowHeight(points: number) {
    this.set_("rowHeight", points, (t) => {
      checkLive(t.sheet);
      guardProtected(t, "rows");
      if (!Number.isFinite(points) || points < 0 || points > MAX_ROW_HEIGHT_POINTS) {
        throw new HostError("InvalidArgument", `A row height must be between 0 and ${MAX_ROW_HEIGHT_POINTS} points.`);
      }
      for (const rect of rectsOf(t)) for (let r = rect.top; r <= rect.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  get wrapText(): boolean {
    return this.get_("wrapText");
  }
  set wrapText(value: boolean) {
    this.set_("wrapText", value, (t) => setStyle(t, (c) => (c.style.wrap = value)));
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this.get_("horizontalAlignment");
  }
  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this.set_("horizontalAlignment", value, (t) =>
      setStyle(t, (c) => {
        if (value === "General") delete c.style.horizontal;
        else c.style.horizontal = value;
      }),
    );
  }

  get font(): HostRangeFont {
    return this.child("font", () => new HostRangeFont(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }));
  }
  get fill(): HostRangeFill {
    return this.child("fill", () => new HostRangeFill(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }));
  }
  get protection(): HostFormatProtection {
    return this.child("protection", () => new HostFormatProtection(this.ctx, { kind: "nav", parent: this, derive: (t: RangeTarget) => t }));
  }
}

export class HostRangeFont extends HostObject<RangeTarget> {
  protected readonly kind = "RangeFont";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "bold":
        return styleValues(t, (c) => c?.style.bold ?? false);
      case "italic":
        return styleValues(t, (c) => c?.style.italic ?? false);
      case "color":
        return styleValues(t, (c) => c?.style.fontColor ?? "#000000");
      case "size":
        return styleValues(t, (c) => c?.style.size ?? 11);
      default:
        throw new HostError("InvalidArgument", `RangeFont has no property '${name}'.`);
    }
  }

  get bold(): boolean {
    return this.get_("bold");
  }
  set bold(value: boolean) {
    this.set_("bold", value, (t) => setStyle(t, (c) => (value ? (c.style.bold = true) : delete c.style.bold)));
  }
  get italic(): boolean {
    return this.get_("italic");
  }
  set italic(value: boolean) {
    this.set_("italic", value, (t) => setStyle(t, (c) => (value ? (c.style.italic = true) : delete c.style.italic)));
  }
  get color(): string {
    return this.get_("color");
  }
  set color(value: string) {
    this.set_("color", value, (t) => {
      const color = normalizeColor(value);
      setStyle(t, (c) => (c.style.fontColor = color));
    });
  }
  get size(): number {
    return this.get_("size");
  }
  set size(value: number) {
    this.set_("size", value, (t) => setStyle(t, (c) => (c.style.size = value)));
  }
}

export class HostRangeFill extends HostObject<RangeTarget> {
  protected readonly kind = "RangeFill";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    if (name === "color") return styleValues(t, (c) => c?.style.fill ?? "#FFFFFF");
    throw new HostError("InvalidArgument", `RangeFill has no property '${name}'.`);
  }

  get color(): string {
    return this.get_("color");
  }
  set color(value: string) {
    this.set_("color", value, (t) => {
      const color = normalizeColor(value);
      setStyle(t, (c) => (c.style.fill = color));
    });
  }

  clear(): void {
    this.call_("clear", [], (t) => setStyle(t, (c) => delete c.style.fill));
  }
}

export class HostFormatProtection extends HostObject<RangeTarget> {
  protected readonly kind = "FormatProtection";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    if (name === "locked") return styleValues(t, (c) => c?.locked ?? true);
    throw new HostError("InvalidArgument", `FormatProtection has no property '${name}'.`);
  }

  get locked(): boolean {
    return this.get_("locked");
  }
  set locked(value: boolean) {
    this.set_("locked", value, (t) => {
      checkLive(t.sheet);
      if (t.sheet.protection.protected) throw new HostError("AccessDenied", "Cells cannot be unlocked on a protected sheet.");
      forEachTargetCell(t, (r, c) => (ensureCell(t.sheet, r, c).locked = value));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet features: freeze panes, protection, tables, charts, conditional formats, data validation

export class HostFreezePanes extends HostObject<SheetModel> {
  protected readonly kind = "WorksheetFreezePanes";

  constructor(ctx: HostContext, source: Source<SheetModel>) {
    super(ctx, source);
  }

  protected override readScalar(_t: SheetModel, name: string): unknown {
    throw new HostError("InvalidArgument", `WorksheetFreezePanes has no property '${name}'.`);
  }

  freezeAt(frozenRange: HostRange | string): void {
    const arg = typeof frozenRange === "string" ? frozenRange : `#range${frozenRange._id}`;
    this.call_("freezeAt", [arg], (t) => {
      checkLive(t);
      const { rect } = rangeTargetFrom(t, frozenRange);
      if (rect.top !== 0 || rect.left !== 0) throw new HostError("InvalidArgument", "The frozen range must start at A1.");
      t.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  freezeRows(count?: number): void {
    this.call_("freezeRows", [count ?? 1], (t) => {
      checkLive(t);
      t.freeze = { rows: count ?? 1, columns: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this.call_("freezeColumns", [count ?? 1], (t) => {
      checkLive(t);
      t.freeze = { rows: 0, columns: count ?? 1 };
    });
  }

  unfreeze(): void {
    this.call_("unfreeze", [], (t) => {
      t.freeze = null;
    });
  }
}

/** Office.js's paper sizes (Excel.PaperType). */
const PAPER_TYPES = new Set([
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro",
  "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet", "Esheet",
  "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6",
  "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman",
]);

/** A whole number of pages: 0 (as many as it needs) up to Excel's 32,767. */
function pagesOf(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 32767) {
    throw new HostError("InvalidArgument", "A number of pages to fit to must be a whole number from 0 to 32767.");
  }
  return value;
}

/**
 * What a zoom given as a whole object sets. Office.js documents `scale` (10 to 400) as null
 * when fitting to pages and the fit values as null when a scale is used; what Excel does with
 * both, or with one fit value and not the other, is not documented, so the host refuses those
 * rather than guess.
 */
function zoomOf(value: Excel.PageLayoutZoomOptions): PageLayoutModel["zoom"] {
  if (typeof value !== "object" || value === null) throw new HostError("InvalidArgument", "The zoom must be set as a whole object.");
  const given = (v: unknown): boolean => v !== undefined && v !== null;
  const fits = [value.horizontalFitToPages, value.verticalFitToPages].filter(given).length;
  if (given(value.scale)) {
    if (fits > 0) throw new HostError("InvalidArgument", "The Excel test host does not model a zoom with both a scale and pages to fit to.");
    const scale = value.scale as number;
    if (typeof scale !== "number" || scale < 10 || scale > 400) throw new HostError("InvalidArgument", "A print scale must be from 10 to 400.");
    return { scale };
  }
  if (fits !== 2) throw new HostError("InvalidArgument", "The Excel test host models fitting to pages only with both horizontalFitToPages and verticalFitToPages given.");
  return { horizontalFitToPages: pagesOf(value.horizontalFitToPages), verticalFitToPages: pagesOf(value.verticalFitToPages) };
}

/** A range given to setPrintArea or setPrintTitleRows: one rectangle of this sheet. */
function printRect(sheet: SheetModel, arg: HostRange | string, what: string): Rect {
  if (typeof arg === "string" && arg.includes(",")) throw new HostError("InvalidArgument", `The Excel test host models a ${what} of one area only.`);
  return rangeTargetFrom(sheet, arg).rect;
}

/** A sheet's page setup (ExcelApi 1.9): paper, orientation, zoom, centring, print area and title rows. */
export class HostPageLayout extends HostObject<SheetModel> {
  protected readonly kind = "PageLayout";

  constructor(ctx: HostContext, source: Source<SheetModel>) {
    super(ctx, source);
  }

  protected override readScalar(t: SheetModel, name: string): unknown {
    checkLive(t);
    const p = t.pageLayout;
    switch (name) {
      case "paperSize":
        // A new sheet prints on the printer's default paper; the host's stand-in printer uses Letter.
        return p.paperSize ?? "Letter";
      case "orientation":
        return p.orientation;
      case "zoom":
        return "scale" in p.zoom ? { scale: p.zoom.scale, horizontalFitToPages: null, verticalFitToPages: null } : { scale: null, ...p.zoom };
      case "centerHorizontally":
        return p.centerHorizontally;
      default:
        throw new HostError("InvalidArgument", `PageLayout has no property '${name}'.`);
    }
  }

  protected override defaultLoad(): string[] {
    return ["paperSize", "orientation", "zoom", "centerHorizontally"];
  }

  get paperSize(): Excel.PageLayout["paperSize"] {
    return this.get_("paperSize");
  }
  set paperSize(value: Excel.PageLayout["paperSize"]) {
    this.set_("paperSize", value, (t) => {
      checkLive(t);
      if (!PAPER_TYPES.has(value)) throw new HostError("InvalidArgument", `'${value}' is not a paper size.`);
      t.pageLayout.paperSize = value;
    });
  }

  get orientation(): Excel.PageLayout["orientation"] {
    return this.get_("orientation");
  }
  set orientation(value: Excel.PageLayout["orientation"]) {
    this.set_("orientation", value, (t) => {
      checkLive(t);
      if (value !== "Portrait" && value !== "Landscape") throw new HostError("InvalidArgument", `'${value}' is not a page orientation.`);
      t.pageLayout.orientation = value;
    });
  }

  /** Set as a whole object only, as Office.js says (`zoom = {...}`, not `zoom.scale = ...`). */
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get_("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.set_("zoom", value, (t) => {
      checkLive(t);
      t.pageLayout.zoom = zoomOf(value);
    });
  }

  get centerHorizontally(): boolean {
    return this.get_("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.set_("centerHorizontally", value, (t) => {
      checkLive(t);
      t.pageLayout.centerHorizontally = value === true;
    });
  }

  setPrintArea(printArea: HostRange | string): void {
    const arg = typeof printArea === "string" ? printArea : `#range${printArea._id}`;
    this.call_("setPrintArea", [arg], (t) => {
      checkLive(t);
      t.pageLayout.printArea = printRect(t, printArea, "print area");
    });
  }

  /** The rows repeated at the top of each page; Office.js says the range must span entire rows. */
  setPrintTitleRows(printTitleRows: HostRange | string): void {
    const arg = typeof printTitleRows === "string" ? printTitleRows : `#range${printTitleRows._id}`;
    this.call_("setPrintTitleRows", [arg], (t) => {
      checkLive(t);
      const rect = printRect(t, printTitleRows, "set of title rows");
      if (rect.left !== 0 || rect.right !== MAX_COLS - 1) throw new HostError("InvalidArgument", "The title rows must span entire rows (\"$1:$2\").");
      t.pageLayout.titleRows = { top: rect.top, bottom: rect.bottom };
    });
  }

  getPrintAreaOrNullObject(): HostRangeAreas {
    return new HostRangeAreas(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getPrintAreaOrNullObject", a: [] },
      create: () => {
        const sheet = this.target();
        const area = sheet?.pageLayout.printArea;
        return sheet && area ? { sheet, rects: [{ ...area }] } : null;
      },
    });
  }

  getPrintTitleRowsOrNullObject(): HostRange {
    return new HostRange(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getPrintTitleRowsOrNullObject", a: [] },
      create: () => {
        const sheet = this.target();
        const rows = sheet?.pageLayout.titleRows;
        return sheet && rows ? { sheet, rect: { top: rows.top, left: 0, bottom: rows.bottom, right: MAX_COLS - 1 } } : null;
      },
    });
  }
}

export class HostWorksheetProtection extends HostObject<SheetModel> {
  protected readonly kind = "WorksheetProtection";

  constructor(ctx: HostContext, source: Source<SheetModel>) {
    super(ctx, source);
  }

  protected override readScalar(t: SheetModel, name: string): unknown {
    if (name === "protected") return t.protection.protected;
    if (name === "options") return { ...t.protection.options };
    throw new HostError("InvalidArgument", `WorksheetProtection has no property '${name}'.`);
  }

  get protected(): boolean {
    return this.get_("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.get_("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.call_("protect", [options ?? null, password === undefined ? null : "(password)"], (t) => {
      checkLive(t);
      if (t.protection.protected) throw new HostError("InvalidOperation", `The sheet '${t.name}' is already protected.`);
      t.protection = { protected: true, options: { ...(options ?? {}) }, ...(password !== undefined ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.call_("unprotect", [password === undefined ? null : "(password)"], (t) => {
      if (t.protection.password !== undefined && t.protection.password !== password) throw new HostError("InvalidArgument", "The password is incorrect.");
      t.protection = { protected: false, options: {} };
    });
  }
}

export class HostTableCollection extends HostObject<{ sheet: SheetModel | null }> {
  protected readonly kind = "TableCollection";

  constructor(ctx: HostContext, source: Source<{ sheet: SheetModel | null }>) {
    super(ctx, source);
  }

  private tablesOf(t: { sheet: SheetModel | null }): TableModel[] {
    return this.ctx.model.tables.filter((tb) => t.sheet === null || tb.sheetId === t.sheet.id);
  }

  protected override readScalar(t: { sheet: SheetModel | null }, name: string): unknown {
    if (name === "count") return this.tablesOf(t).length;
    throw new HostError("InvalidArgument", `TableCollection has no property '${name}'.`);
  }

  protected override loadItems(t: { sheet: SheetModel | null }, paths: string[]): () => void {
    const tables = this.tablesOf(t);
    const items = tables.map((tb) => new HostTable(this.ctx, { kind: "fixed", value: tb }));
    const commits = items.map((item, i) => item.captureForHost(tables[i] ?? null, paths.length > 0 ? paths : ["name", "style"]));
    return () => {
      commits.forEach((c) => c());
      this.preload("items", items);
    };
  }

  get items(): HostTable[] {
    return this.get_("items");
  }

  add(address: HostRange | string, hasHeaders: boolean): HostTable {
    const arg = typeof address === "string" ? address : `#range${address._id}`;
    return new HostTable(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "add", a: [arg, hasHeaders] },
      create: () => {
        const scope = this.target();
        if (scope === null) return null;
        const wb = this.ctx.model;
        let sheet = scope.sheet;
        if (typeof address === "string") {
          const named = splitSheetPrefix(address).sheet;
          if (named !== null) sheet = findSheet(wb, named) ?? null;
        } else {
          sheet = address.targetForHost()?.sheet ?? null;
        }
        if (sheet === null) throw new HostError("InvalidArgument", `The table range '${arg}' names no sheet.`);
        checkLive(sheet);
        // The host models tables whose first row is their header row, the only kind the adapter writes.
        if (!hasHeaders) throw new HostError("InvalidArgument", "The Excel test host only models tables with headers.");
        const { rect: given } = rangeTargetFrom(sheet, address);
        // A table made from a header row alone gets one empty data row, as Excel makes it.
        const rect = given.bottom === given.top ? { ...given, bottom: given.top + 1 } : given;
        if (sheet.protection.protected) throw new HostError("AccessDenied", "Tables cannot be added to a protected sheet.");
        if (wb.tables.some((tb) => tb.sheetId === sheet.id && rectsIntersect(tb.rect, rect))) {
          throw new HostError("InvalidOperation", "A table can't overlap another table.");
        }
        if (sheet.merges.some((m) => rectsIntersect(m, rect))) throw new HostError("InvalidOperation", "A table can't overlap merged cells.");
        // Excel fills empty headers with "ColumnN" and makes duplicates unique, writing them into the cells.
        const seen = new Set<string>();
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = ensureCell(sheet, rect.top, c);
          let header = cellText(cell);
          if (header === "") header = `Column${c - rect.left + 1}`;
          const base = header;
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${base}${n}`;
          seen.add(header.toLowerCase());
          if (header !== cellText(cell)) {
            cell.value = header;
            delete cell.formula;
            delete cell.error;
            delete cell.text;
          }
        }
        let n = wb.tables.length + 1;
        while (wb.tables.some((tb) => tb.name.toLowerCase() === `table${n}`)) n++;
        const table: TableModel = { name: `Table${n}`, sheetId: sheet.id, rect, style: "TableStyleMedium2" };
        wb.tables.push(table);
        return table;
      },
    });
  }

  getItemOrNullObject(key: string): HostTable {
    return new HostTable(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "getItemOrNullObject", a: [key] },
      create: () => {
        const scope = this.target();
        if (scope === null) return null;
        return this.tablesOf(scope).find((tb) => tb.name.toLowerCase() === key.toLowerCase()) ?? null;
      },
    });
  }
}

export class HostTable extends HostObject<TableModel> {
  protected readonly kind = "Table";

  constructor(ctx: HostContext, source: Source<TableModel>) {
    super(ctx, source);
  }

  captureForHost(t: TableModel | null, paths: string[]): () => void {
    return this.capture(t, paths);
  }

  protected override readScalar(t: TableModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "style") return t.style;
    throw new HostError("InvalidArgument", `Table has no property '${name}'.`);
  }

  get name(): string {
    return this.get_("name");
  }
  set name(value: string) {
    this.set_("name", value, (t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value)) {
        throw new HostError("InvalidArgument", `'${value}' is not a valid table name.`);
      }
      const wb = this.ctx.model;
      if (wb.tables.some((tb) => tb !== t && tb.name.toLowerCase() === value.toLowerCase())) {
        throw new HostError("ItemAlreadyExists", `A table named '${value}' already exists.`);
      }
      t.name = value;
    });
  }

  get style(): string {
    return this.get_("style");
  }
  set style(value: string) {
    this.set_("style", value, (t) => {
      t.style = value;
    });
  }
}

export class HostChartCollection extends HostObject<SheetModel> {
  protected readonly kind = "ChartCollection";

  constructor(ctx: HostContext, source: Source<SheetModel>) {
    super(ctx, source);
  }

  protected override readScalar(t: SheetModel, name: string): unknown {
    if (name === "count") return t.charts.length;
    throw new HostError("InvalidArgument", `ChartCollection has no property '${name}'.`);
  }

  add(type: Excel.ChartType | `${Excel.ChartType}`, sourceData: HostRange, seriesBy?: Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}`): HostChart {
    return new HostChart(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "add", a: [type, `#range${sourceData._id}`, seriesBy ?? "Auto"] },
      create: () => {
        const sheet = this.target();
        if (sheet === null) return null;
        checkLive(sheet);
        const source = sourceData.targetForHost();
        if (source === null) throw new HostError("InvalidArgument", "The chart's source is a null range.");
        if (sheet.protection.protected) throw new HostError("AccessDenied", "Charts cannot be added to a protected sheet.");
        const chart: ChartModel = {
          name: `Chart ${sheet.charts.length + 1}`,
          type: String(type),
          title: "",
          source: `${source.sheet === sheet ? "" : sheetPrefix(source.sheet.name)}${rectAddress(source.rect)}`,
          seriesBy: String(seriesBy ?? "Auto"),
        };
        sheet.charts.push(chart);
        return chart;
      },
    });
  }
}

export class HostChart extends HostObject<ChartModel> {
  protected readonly kind = "Chart";

  constructor(ctx: HostContext, source: Source<ChartModel>) {
    super(ctx, source);
  }

  protected override readScalar(t: ChartModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "chartType") return t.type;
    throw new HostError("InvalidArgument", `Chart has no property '${name}'.`);
  }

  get name(): string {
    return this.get_("name");
  }
  set name(value: string) {
    this.set_("name", value, (t) => {
      t.name = value;
    });
  }

  get title(): HostChartTitle {
    return this.child("title", () => new HostChartTitle(this.ctx, { kind: "nav", parent: this, derive: (t: ChartModel) => t }));
  }

  setPosition(startCell: HostRange | string, endCell?: HostRange | string): void {
    const name = (r: HostRange | string | undefined): string | null => (r === undefined ? null : typeof r === "string" ? r : `#range${r._id}`);
    this.call_("setPosition", [name(startCell), name(endCell)], (t) => {
      const address = (r: HostRange | string): string => {
        if (typeof r === "string") return rectAddress(parseAddress(r));
        const rt = r.targetForHost();
        if (rt === null) throw new HostError("InvalidArgument", "A chart position is a null range.");
        return rectAddress(rt.rect);
      };
      t.from = address(startCell);
      if (endCell !== undefined) t.to = address(endCell);
    });
  }
}

export class HostChartTitle extends HostObject<ChartModel> {
  protected readonly kind = "ChartTitle";

  constructor(ctx: HostContext, source: Source<ChartModel>) {
    super(ctx, source);
  }

  protected override readScalar(t: ChartModel, name: string): unknown {
    if (name === "text") return t.title;
    throw new HostError("InvalidArgument", `ChartTitle has no property '${name}'.`);
  }

  get text(): string {
    return this.get_("text");
  }
  set text(value: string) {
    this.set_("text", value, (t) => {
      t.title = value;
    });
  }
}

export class HostConditionalFormatCollection extends HostObject<RangeTarget> {
  protected readonly kind = "ConditionalFormatCollection";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    if (name === "count") return t.sheet.conditionalFormats.filter((cf) => rectsIntersect(cf.rect, t.rect)).length;
    throw new HostError("InvalidArgument", `ConditionalFormatCollection has no property '${name}'.`);
  }

  add(type: Excel.ConditionalFormatType | `${Excel.ConditionalFormatType}`): HostConditionalFormat {
    return new HostConditionalFormat(this.ctx, {
      kind: "op",
      payload: { o: this._id, m: "add", a: [type] },
      create: () => {
        const t = this.target();
        if (t === null) return null;
        checkLive(t.sheet);
        guardProtected(t, "format");
        if (type !== "Custom" && type !== "ColorScale" && type !== "IconSet") {
          throw new HostError("InvalidArgument", `The Excel test host does not model '${type}' conditional formats.`);
        }
        const cf: ConditionalFormatModel = {
          id: this.ctx.nextId(),
          type,
          rect: { ...t.rect },
          stopIfTrue: false,
          ...(type === "Custom" ? { custom: { formula: "" } } : {}),
          ...(type === "ColorScale" ? { colorScale: {} } : {}),
          ...(type === "IconSet" ? { iconSet: { showIconOnly: false, reverseIconOrder: false } } : {}),
        };
        // Excel puts a new rule at the top of the sheet's list (priority 0), as its UI does.
        t.sheet.conditionalFormats.unshift(cf);
        return cf;
      },
    });
  }
}

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

export class HostConditionalFormat extends HostObject<ConditionalFormatModel> {
  protected readonly kind = "ConditionalFormat";

  constructor(ctx: HostContext, source: Source<ConditionalFormatModel>) {
    super(ctx, source);
  }

  private sheetOf(cf: ConditionalFormatModel): SheetModel {
    const sheet = this.ctx.model.sheets.find((s) => s.conditionalFormats.includes(cf));
    if (!sheet) throw new HostError("InvalidReference", "The conditional format has been deleted.");
    return sheet;
  }

  protected override readScalar(t: ConditionalFormatModel, name: string): unknown {
    switch (name) {
      case "type":
        return t.type;
      case "priority":
        return this.sheetOf(t).conditionalFormats.indexOf(t);
      case "stopIfTrue":
        return t.type === "Custom" ? t.stopIfTrue : null;
      default:
        throw new HostError("InvalidArgument", `ConditionalFormat has no property '${name}'.`);
    }
  }

  get type(): string {
    return this.get_("type");
  }

  /** Index in the sheet's rule list; setting it moves the rule and renumbers the others, as Excel does. */
  get priority(): number {
    return this.get_("priority");
  }
  set priority(value: number) {
    this.set_("priority", value, (t) => {
      const list = this.sheetOf(t).conditionalFormats;
      const from = list.indexOf(t);
      list.splice(from, 1);
      const to = value < 0 ? Math.max(0, list.length + 1 + value) : Math.min(value, list.length);
      list.splice(to, 0, t);
    });
  }

  get stopIfTrue(): boolean {
    return this.get_("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.set_("stopIfTrue", value, (t) => {
      if (t.type !== "Custom") throw new HostError("InvalidArgument", "Only rule-based conditional formats have stopIfTrue.");
      t.stopIfTrue = value;
    });
  }

  get custom(): HostCustomConditionalFormat {
    return this.child("custom", () => new HostCustomConditionalFormat(this.ctx, { kind: "nav", parent: this, derive: (t: ConditionalFormatModel) => this.part(t, "Custom") }));
  }
  get colorScale(): HostColorScaleConditionalFormat {
    return this.child(
      "colorScale",
      () => new HostColorScaleConditionalFormat(this.ctx, { kind: "nav", parent: this, derive: (t: ConditionalFormatModel) => this.part(t, "ColorScale") }),
    );
  }
  get iconSet(): HostIconSetConditionalFormat {
    return this.child(
      "iconSet",
      () => new HostIconSetConditionalFormat(this.ctx, { kind: "nav", parent: this, derive: (t: ConditionalFormatModel) => this.part(t, "IconSet") }),
    );
  }

  private part(t: ConditionalFormatModel, type: ConditionalFormatModel["type"]): CfTarget {
    // Office.js throws when a rule of one type is used as another (e.g. cf.custom on a colour scale).
    if (t.type !== type) throw new HostError("InvalidOperation", `This conditional format is ${t.type}, not ${type}.`);
    return { sheet: this.sheetOf(t), cf: t };
  }
}

export class HostCustomConditionalFormat extends HostObject<CfTarget> {
  protected readonly kind = "CustomConditionalFormat";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(_t: CfTarget, name: string): unknown {
    throw new HostError("InvalidArgument", `CustomConditionalFormat has no property '${name}'.`);
  }

  get rule(): HostConditionalFormatRule {
    return this.child("rule", () => new HostConditionalFormatRule(this.ctx, { kind: "nav", parent: this, derive: (t: CfTarget) => t }));
  }
  get format(): HostConditionalRangeFormat {
    return this.child("format", () => new HostConditionalRangeFormat(this.ctx, { kind: "nav", parent: this, derive: (t: CfTarget) => t }));
  }
}

export class HostConditionalFormatRule extends HostObject<CfTarget> {
  protected readonly kind = "ConditionalFormatRule";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: CfTarget, name: string): unknown {
    if (name === "formula") return t.cf.custom?.formula ?? "";
    throw new HostError("InvalidArgument", `ConditionalFormatRule has no property '${name}'.`);
  }

  get formula(): string {
    return this.get_("formula");
  }
  set formula(value: string) {
    this.set_("formula", value, (t) => {
      if (!value.startsWith("=")) throw new HostError("InvalidArgument", "A conditional-format formula must start with '='.");
      if (t.cf.custom) t.cf.custom.formula = value;
    });
  }
}

export class HostConditionalRangeFormat extends HostObject<CfTarget> {
  protected readonly kind = "ConditionalRangeFormat";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(_t: CfTarget, name: string): unknown {
    throw new HostError("InvalidArgument", `ConditionalRangeFormat has no property '${name}'.`);
  }

  get font(): HostConditionalFont {
    return this.child("font", () => new HostConditionalFont(this.ctx, { kind: "nav", parent: this, derive: (t: CfTarget) => t }));
  }
  get fill(): HostConditionalFill {
    return this.child("fill", () => new HostConditionalFill(this.ctx, { kind: "nav", parent: this, derive: (t: CfTarget) => t }));
  }
}

export class HostConditionalFont extends HostObject<CfTarget> {
  protected readonly kind = "ConditionalRangeFont";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: CfTarget, name: string): unknown {
    if (name === "color") return t.cf.custom?.fontColor ?? null;
    if (name === "bold") return t.cf.custom?.bold ?? false;
    throw new HostError("InvalidArgument", `ConditionalRangeFont has no property '${name}'.`);
  }

  get color(): string {
    return this.get_("color");
  }
  set color(value: string) {
    this.set_("color", value, (t) => {
      if (t.cf.custom) t.cf.custom.fontColor = normalizeColor(value);
    });
  }
  get bold(): boolean {
    return this.get_("bold");
  }
  set bold(value: boolean) {
    this.set_("bold", value, (t) => {
      if (t.cf.custom) t.cf.custom.bold = value;
    });
  }
}

export class HostConditionalFill extends HostObject<CfTarget> {
  protected readonly kind = "ConditionalRangeFill";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: CfTarget, name: string): unknown {
    if (name === "color") return t.cf.custom?.fill ?? null;
    throw new HostError("InvalidArgument", `ConditionalRangeFill has no property '${name}'.`);
  }

  get color(): string {
    return this.get_("color");
  }
  set color(value: string) {
    this.set_("color", value, (t) => {
      if (t.cf.custom) t.cf.custom.fill = normalizeColor(value);
    });
  }
}

export class HostColorScaleConditionalFormat extends HostObject<CfTarget> {
  protected readonly kind = "ColorScaleConditionalFormat";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: CfTarget, name: string): unknown {
    if (name === "criteria") return t.cf.colorScale?.criteria ?? null;
    if (name === "threeColorScale") return Boolean(t.cf.colorScale?.criteria?.midpoint);
    throw new HostError("InvalidArgument", `ColorScaleConditionalFormat has no property '${name}'.`);
  }

  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this.get_("criteria");
  }
  set criteria(value: Excel.ConditionalColorScaleCriteria) {
    this.set_("criteria", value, (t) => {
      const stops = [value.minimum, value.midpoint, value.maximum].filter((c): c is Excel.ConditionalColorScaleCriterion => c !== undefined);
      for (const stop of stops) if (stop.color !== undefined) stop.color = normalizeColor(stop.color);
      if (t.cf.colorScale) t.cf.colorScale.criteria = JSON.parse(JSON.stringify(value)) as Excel.ConditionalColorScaleCriteria;
    });
  }
}

export class HostIconSetConditionalFormat extends HostObject<CfTarget> {
  protected readonly kind = "IconSetConditionalFormat";

  constructor(ctx: HostContext, source: Source<CfTarget>) {
    super(ctx, source);
  }

  protected override readScalar(t: CfTarget, name: string): unknown {
    const s = t.cf.iconSet;
    switch (name) {
      case "style":
        return s?.style ?? "ThreeTrafficLights1";
      case "criteria":
        return s?.criteria ?? [];
      case "showIconOnly":
        return s?.showIconOnly ?? false;
      case "reverseIconOrder":
        return s?.reverseIconOrder ?? false;
      default:
        throw new HostError("InvalidArgument", `IconSetConditionalFormat has no property '${name}'.`);
    }
  }

  get style(): Excel.IconSetConditionalFormat["style"] {
    return this.get_("style");
  }
  set style(value: Excel.IconSetConditionalFormat["style"]) {
    this.set_("style", value, (t) => {
      if (t.cf.iconSet) t.cf.iconSet.style = value;
    });
  }
  get criteria(): Excel.ConditionalIconCriterion[] {
    return this.get_("criteria");
  }
  set criteria(value: Excel.ConditionalIconCriterion[]) {
    this.set_("criteria", value, (t) => {
      if (t.cf.iconSet) t.cf.iconSet.criteria = JSON.parse(JSON.stringify(value)) as Excel.ConditionalIconCriterion[];
    });
  }
  get showIconOnly(): boolean {
    return this.get_("showIconOnly");
  }
  set showIconOnly(value: boolean) {
    this.set_("showIconOnly", value, (t) => {
      if (t.cf.iconSet) t.cf.iconSet.showIconOnly = value;
    });
  }
  get reverseIconOrder(): boolean {
    return this.get_("reverseIconOrder");
  }
  set reverseIconOrder(value: boolean) {
    this.set_("reverseIconOrder", value, (t) => {
      if (t.cf.iconSet) t.cf.iconSet.reverseIconOrder = value;
    });
  }
}

export class HostDataValidation extends HostObject<RangeTarget> {
  protected readonly kind = "DataValidation";

  constructor(ctx: HostContext, source: Source<RangeTarget>) {
    super(ctx, source);
  }

  /**
   * Validation is per cell in Excel; the host keeps one entry per range written (one per area of
   * a RangeAreas, as Excel lists each area of its sqref), replacing any it overlaps.
   */
  private entries(t: RangeTarget): DataValidationModel[] {
    checkLive(t.sheet);
    guardProtected(t, "format");
    return rectsOf(t).map((rect) => {
      const same = t.sheet.dataValidations.find((dv) => dv.rect.top === rect.top && dv.rect.left === rect.left && dv.rect.bottom === rect.bottom && dv.rect.right === rect.right);
      if (same) return same;
      t.sheet.dataValidations = t.sheet.dataValidations.filter((dv) => !rectsIntersect(dv.rect, rect));
      const dv: DataValidationModel = {
        rect: { ...rect },
        ignoreBlanks: true,
        prompt: { showPrompt: false, title: "", message: "" },
        // Excel's default: an invalid entry is stopped.
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      };
      t.sheet.dataValidations.push(dv);
      return dv;
    });
  }

  private existing(t: RangeTarget): DataValidationModel | undefined {
    return t.sheet.dataValidations.find((dv) => rectsIntersect(dv.rect, t.rect));
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    const dv = this.existing(t);
    switch (name) {
      case "type": {
        const rule = dv?.rule;
        if (!rule) return "None";
        if (rule.wholeNumber) return "WholeNumber";
        if (rule.decimal) return "Decimal";
        if (rule.list) return "List";
        if (rule.textLength) return "TextLength";
        if (rule.custom) return "Custom";
        return "None";
      }
      case "rule":
        return dv?.rule ?? {};
      case "prompt":
        return dv?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "errorAlert":
        return dv?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "ignoreBlanks":
        return dv?.ignoreBlanks ?? true;
      default:
        throw new HostError("InvalidArgument", `DataValidation has no property '${name}'.`);
    }
  }

  get type(): string {
    return this.get_("type");
  }

  get rule(): Excel.DataValidationRule {
    return this.get_("rule");
  }
  set rule(value: Excel.DataValidationRule) {
    this.set_("rule", value, (t) => {
      const kinds = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) throw new HostError("InvalidArgument", "A data-validation rule must have exactly one kind.");
      for (const dv of this.entries(t)) dv.rule = JSON.parse(JSON.stringify(value)) as Excel.DataValidationRule;
    });
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.get_("prompt");
  }
  set prompt(value: Excel.DataValidationPrompt) {
    this.set_("prompt", value, (t) => {
      for (const dv of this.entries(t)) dv.prompt = { ...value };
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get_("errorAlert");
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.set_("errorAlert", value, (t) => {
      for (const dv of this.entries(t)) dv.errorAlert = { ...value };
    });
  }

  get ignoreBlanks(): boolean {
    return this.get_("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.set_("ignoreBlanks", value, (t) => {
      for (const dv of this.entries(t)) dv.ignoreBlanks = value;
    });
  }

  clear(): void {
    this.call_("clear", [], (t) => {
      t.sheet.dataValidations = t.sheet.dataValidations.filter((dv) => !rectsOf(t).some((rect) => rectsIntersect(dv.rect, rect)));
    });
  }
}

