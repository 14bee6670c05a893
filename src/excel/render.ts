/**
 * Writes a WorkbookPlan into the open workbook through Office.js.
 *
 * The plan's sheets replace any sheets of the same names (case-insensitively, as Excel names
 * sheets); no other sheet is read or touched. Everything is queued and sent in one
 * `context.sync()` when it fits in Excel's 5 MB request limit; a bigger plan is split into as few
 * syncs as the bytes require (see batch.ts), never one per block or rule.
 *
 * Order matters to Excel and is kept across syncs:
 * 1. new sheets are added under temporary names, then the old sheets of the plan's names are
 *    deleted, then the new sheets take their names. Adding first means the workbook always keeps
 *    a visible sheet (Excel refuses to delete the last one); deleting before anything else is
 *    written frees the old sheets' table names for the new tables.
 * 2. each sheet's content: values, number formats, styles, merges, column widths, freeze panes,
 *    tables, conditional formats, data validation, charts, tab colour.
 * 3. last, because Excel refuses changes to a protected sheet and cannot activate a hidden one:
 *    unlocked ranges and protection, sheet visibility, the active sheet.
 */
import { columnLetters, parseCell, parseRange, rangeAddress } from "../core/grid/address";
import type { CellStyle, ConditionalFormatPlan, DataValidationPlan, SheetPlan, WorkbookPlan } from "../core/plan/plan";
import { CALL_OVERHEAD_BYTES, chunkRows, DEFAULT_REQUEST_BUDGET_BYTES, jsonBytes, packSteps, type Step } from "./batch";
import { toExcelValue, type ExcelCellInput } from "./values";
import { widthCharsToPoints } from "../core/plan/units";

export interface RenderProgress {
  /** Syncs done so far. */
  done: number;
  /** Syncs this render takes. */
  total: number;
}

export interface RenderOptions {
  /** Called after each `context.sync()`. */
  onProgress?: (progress: RenderProgress) => void;
  /** Bytes one request may carry by the adapter's estimate; 4 MB unless a test wants smaller batches. */
  requestBudgetBytes?: number;
}

export interface RenderResult {
  /** `context.sync()` calls made. */
  syncs: number;
  /** The adapter's estimate of each request's size, in bytes. */
  estimatedBytes: number[];
}

const call = (n: number): number => n * CALL_OVERHEAD_BYTES;

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const CHART_TYPES = { barClustered: "BarClustered", columnClustered: "ColumnClustered", columnStacked: "ColumnStacked", pie: "Pie", lineMarkers: "LineMarkers" } as const;
const ICON_SETS = { "3TrafficLights1": "ThreeTrafficLights1", "3Symbols": "ThreeSymbols", "3Arrows": "ThreeArrows" } as const;
const DV_OPERATORS = { between: "Between", greaterThanOrEqual: "GreaterThanOrEqualTo", lessThanOrEqual: "LessThanOrEqualTo" } as const;
const ALERT_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/**
 * What a protected sheet still lets people do: select any cell, resize columns and rows, filter
 * (the file adapter protects with the same allowances). The sheets we protect are templates
 * whose layout, rules and tables must stay as written.
 */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  selectionMode: "Normal",
};

export async function renderPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: RenderOptions = {}): Promise<RenderResult> {
  checkPlan(plan);
  const budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
  // Filled when the first batch is queued; later steps look their sheet up here.
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string) => (): Excel.Worksheet => {
    const ws = sheets.get(name);
    if (!ws) throw new Error(`The sheet '${name}' was written before it was added.`);
    return ws;
  };

  const steps: Step[] = [structureStep(context, plan, sheets)];
  for (const sheet of plan.sheets) steps.push(...contentSteps(sheet, sheetOf(sheet.name), budget));
  steps.push(...finishingSteps(plan, sheetOf));

  const batches = packSteps(steps, budget);
  const estimatedBytes = batches.map((b) => b.reduce((n, s) => n + s.bytes, 0));
  await runBatches(context, batches, 0, options.onProgress);
  return { syncs: batches.length, estimatedBytes };
}

/** One sync per batch, strictly in order; written as recursion because each sync must finish before the next batch is queued. */
async function runBatches(
  context: Excel.RequestContext,
  batches: Step[][],
  index: number,
  onProgress: RenderOptions["onProgress"],
): Promise<void> {
  const batch = batches[index];
  if (!batch) return;
  for (const step of batch) step.queue();
  await context.sync();
  onProgress?.({ done: index + 1, total: batches.length });
  await runBatches(context, batches, index + 1, onProgress);
}

function checkPlan(plan: WorkbookPlan): void {
  const seen = new Set<string>();
  for (const sheet of plan.sheets) {
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) throw new Error(`The plan names the sheet '${sheet.name}' twice.`);
    seen.add(key);
    // "History" is reserved by Excel (change tracking).
    if (sheet.name.length === 0 || sheet.name.length > 31 || /[:\\/?*[\]]/.test(sheet.name) || /^'|'$/.test(sheet.name) || key === "history") {
      throw new Error(`'${sheet.name}' is not a name Excel accepts for a sheet.`);
    }
  }
  if (plan.activeSheet !== undefined && !plan.sheets.some((s) => s.name === plan.activeSheet)) {
    throw new Error(`The plan's active sheet '${plan.activeSheet}' is not one of its sheets.`);
  }
}

function structureStep(context: Excel.RequestContext, plan: WorkbookPlan, sheets: Map<string, Excel.Worksheet>): Step {
  // Temporary names must not clash with the user's sheets; a time stamp makes a clash practically impossible.
  const stamp = Date.now().toString(36);
  return {
    bytes: call(4 * plan.sheets.length) + jsonBytes(plan.sheets.map((s) => s.name)),
    queue: () => {
      const worksheets = context.workbook.worksheets;
      plan.sheets.forEach((s, i) => sheets.set(s.name, worksheets.add(`~new${i}~${stamp}`)));
      // Deleting a sheet that does not exist is a no-op on the null object, so no read is needed first.
      for (const s of plan.sheets) worksheets.getItemOrNullObject(s.name).delete();
      for (const s of plan.sheets) {
        const ws = sheets.get(s.name);
        if (ws) ws.name = s.name;
      }
    },
  };
}

function contentSteps(sheet: SheetPlan, ws: () => Excel.Worksheet, budget: number): Step[] {
  const steps: Step[] = [];
  // Chunks well under the budget let the packer fill each request closely.
  const chunkLimit = Math.max(1024, Math.floor(budget / 8));

  for (const block of sheet.blocks) {
    const at = parseCell(block.at);
    const width = block.values.reduce((w, row) => Math.max(w, row.length), 0);
    if (width === 0) continue;
    const values: (ExcelCellInput | null)[][] = block.values.map((row) => {
      // A plan null is an empty cell ("" clears it, as the file adapter clears it).
      const out: (ExcelCellInput | null)[] = row.map(toExcelValue);
      // Office.js needs a rectangle; null pads short rows and leaves those cells as they are.
      while (out.length < width) out.push(null);
      return out;
    });
    for (const chunk of chunkRows(values, chunkLimit)) {
      steps.push({
        bytes: call(2) + chunk.bytes,
        queue: () => {
          const first = chunk.values[0] ?? [];
          ws().getRangeByIndexes(at.row + chunk.row, at.col + chunk.col, chunk.values.length, first.length).values = chunk.values;
        },
      });
    }
  }

  for (const nf of sheet.numberFormats ?? []) {
    const r = parseRange(nf.range);
    const cols = r.right - r.left + 1;
    const formats = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: cols }, () => nf.format));
    for (const chunk of chunkRows(formats, chunkLimit)) {
      steps.push({
        bytes: call(2) + chunk.bytes,
        queue: () => {
          const first = chunk.values[0] ?? [];
          ws().getRangeByIndexes(r.top + chunk.row, r.left + chunk.col, chunk.values.length, first.length).numberFormat = chunk.values;
        },
      });
    }
  }

  for (const s of sheet.styles ?? []) {
    const setters = styleSetters(s.style);
    steps.push({
      bytes: call(1 + setters.length) + jsonBytes(s),
      queue: () => {
        const format = ws().getRange(s.range).format;
        for (const set of setters) set(format);
      },
    });
  }

  for (const m of sheet.merges ?? []) {
    steps.push({ bytes: call(2) + jsonBytes(m), queue: () => ws().getRange(m).merge(false) });
  }

  for (const { col, width } of sheet.columnWidths ?? []) {
    const letters = columnLetters(col);
    steps.push({
      bytes: call(2) + 32,
      queue: () => {
        ws().getRange(`${letters}:${letters}`).format.columnWidth = widthCharsToPoints(width);
      },
    });
  }

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows, columns } = sheet.freeze;
    steps.push({
      bytes: call(2) + 32,
      queue: () => {
        const panes = ws().freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(rangeAddress(0, 0, rows - 1, columns - 1));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      },
    });
  }

  for (const t of sheet.tables ?? []) {
    steps.push({
      bytes: call(3) + jsonBytes(t),
      queue: () => {
        const table = ws().tables.add(t.range, true);
        table.name = t.name;
        if (t.style) table.style = t.style;
      },
    });
  }

  const rules = [...(sheet.conditionalFormats ?? [])].sort((a, b) => a.priority - b.priority);
  rules.forEach((rule, index) => {
    steps.push({ bytes: call(8) + jsonBytes(rule), queue: () => addConditionalFormat(ws(), rule, index) });
  });

  for (const dv of sheet.dataValidations ?? []) {
    const rule = validationRule(dv);
    steps.push({ bytes: call(6) + jsonBytes(dv) + jsonBytes(rule), queue: () => addDataValidation(ws(), dv, rule) });
  }

  for (const c of sheet.charts ?? []) {
    steps.push({
      bytes: call(5) + jsonBytes(c),
      queue: () => {
        const w = ws();
        const chart = w.charts.add(CHART_TYPES[c.kind], w.getRange(c.source), "Columns");
        chart.title.text = c.title;
        chart.setPosition(c.from, c.to);
      },
    });
  }

  if (sheet.tabColor) {
    const color = sheet.tabColor;
    steps.push({
      bytes: call(1) + 16,
      queue: () => {
        ws().tabColor = color;
      },
    });
  }
  return steps;
}

function styleSetters(style: CellStyle): Array<(f: Excel.RangeFormat) => void> {
  const setters: Array<(f: Excel.RangeFormat) => void> = [];
  const { bold, italic, fontColor, fill, wrap, horizontal, size } = style;
  if (bold !== undefined) setters.push((f) => (f.font.bold = bold));
  if (italic !== undefined) setters.push((f) => (f.font.italic = italic));
  if (fontColor !== undefined) setters.push((f) => (f.font.color = fontColor));
  if (size !== undefined) setters.push((f) => (f.font.size = size));
  if (fill !== undefined) setters.push((f) => (f.fill.color = fill));
  if (wrap !== undefined) setters.push((f) => (f.wrapText = wrap));
  if (horizontal !== undefined) setters.push((f) => (f.horizontalAlignment = HORIZONTAL[horizontal]));
  return setters;
}

/**
 * Adds one rule. Rules are added in the plan's priority order and each is moved to its index
 * (Office.js priorities are 0-based positions in the sheet's list), so the order holds whether
 * Excel puts a new rule first or last. The priority is set last: Office.js says a rule's proxy
 * must not be used after its priority changes.
 */
function addConditionalFormat(ws: Excel.Worksheet, rule: ConditionalFormatPlan, index: number): void {
  const range = ws.getRange(rule.range);
  if (rule.kind === "expression") {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${rule.formula.replace(/^=/, "")}`;
    if (rule.style.fill !== undefined) cf.custom.format.fill.color = rule.style.fill;
    if (rule.style.fontColor !== undefined) cf.custom.format.font.color = rule.style.fontColor;
    if (rule.style.bold !== undefined) cf.custom.format.font.bold = rule.style.bold;
    if (rule.stopIfTrue) cf.stopIfTrue = true;
    cf.priority = index;
    return;
  }
  if (rule.kind === "colorScale") {
    const cf = range.conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = {
      minimum: { type: "LowestValue", color: rule.min },
      ...(rule.mid !== undefined ? { midpoint: { type: "Percentile", formula: "50", color: rule.mid } } : {}),
      maximum: { type: "HighestValue", color: rule.max },
    };
    cf.priority = index;
    return;
  }
  const cf = range.conditionalFormats.add("IconSet");
  cf.iconSet.style = ICON_SETS[rule.iconSet];
  cf.iconSet.showIconOnly = !rule.showValue;
  cf.iconSet.criteria = [
    // Excel ignores the first icon's criterion (it takes everything below the second); Office.js's own samples pass {}.
    {} as Excel.ConditionalIconCriterion,
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${rule.thresholds[0]}` },
    { type: "Number", operator: "GreaterThanOrEqual", formula: `=${rule.thresholds[1]}` },
  ];
  cf.priority = index;
}

function validationRule(dv: DataValidationPlan): Excel.DataValidationRule {
  switch (dv.kind) {
    case "whole":
    case "decimal": {
      const need = (v: number | undefined, what: string): number => {
        if (v === undefined || !Number.isFinite(v)) throw new Error(`The validation on ${dv.range} needs a ${what}.`);
        return v;
      };
      const basic: Excel.BasicDataValidation =
        dv.operator === "between"
          ? { operator: "Between", formula1: need(dv.min, "minimum"), formula2: need(dv.max, "maximum") }
          : dv.operator === "greaterThanOrEqual"
            ? { operator: DV_OPERATORS.greaterThanOrEqual, formula1: need(dv.min, "minimum") }
            : { operator: DV_OPERATORS.lessThanOrEqual, formula1: need(dv.max, "maximum") };
      return dv.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "list":
      // Office.js takes a list as one comma-separated string, so an item cannot itself hold a comma.
      if (dv.items.some((item) => item.includes(","))) throw new Error(`A list item on ${dv.range} contains a comma, which Excel's list validation cannot hold.`);
      return { list: { inCellDropDown: true, source: dv.items.join(",") } };
    case "textLength":
      return { textLength: { operator: "LessThanOrEqualTo", formula1: dv.max } };
  }
}

function addDataValidation(ws: Excel.Worksheet, dv: DataValidationPlan, rule: Excel.DataValidationRule): void {
  const validation = ws.getRange(dv.range).dataValidation;
  validation.rule = rule;
  validation.ignoreBlanks = dv.allowBlank;
  if (dv.prompt) validation.prompt = { showPrompt: true, title: dv.prompt.title, message: dv.prompt.message };
  // A plan without `error` gets Excel's standard stop alert (no title, no message), as the file
  // adapter writes it: a rule that accepted anything would not validate.
  validation.errorAlert = dv.error
    ? { showAlert: true, style: ALERT_STYLES[dv.error.style], title: dv.error.title, message: dv.error.message }
    : { showAlert: true, style: "Stop", title: "", message: "" };
}

function finishingSteps(plan: WorkbookPlan, sheetOf: (name: string) => () => Excel.Worksheet): Step[] {
  const steps: Step[] = [];
  for (const sheet of plan.sheets) {
    const ws = sheetOf(sheet.name);
    const protection = sheet.protection;
    if (!protection) continue;
    for (const range of protection.unlocked) {
      steps.push({
        bytes: call(2) + jsonBytes(range),
        queue: () => {
          ws().getRange(range).format.protection.locked = false;
        },
      });
    }
    // No password: a forgotten password would lock the partnership out of its own template.
    if (protection.protect) steps.push({ bytes: call(1) + jsonBytes(PROTECTION_OPTIONS), queue: () => ws().protection.protect(PROTECTION_OPTIONS) });
  }
  for (const sheet of plan.sheets) {
    const state = sheet.state ?? "visible";
    if (state === "visible") continue;
    const ws = sheetOf(sheet.name);
    steps.push({
      bytes: call(1) + 16,
      queue: () => {
        ws().visibility = VISIBILITY[state];
      },
    });
  }
  // The plan's active sheet, or (as the file adapter does) the first visible one: Excel cannot show a hidden sheet.
  const isVisible = (s: SheetPlan): boolean => (s.state ?? "visible") === "visible";
  const wanted = plan.sheets.find((s) => s.name === plan.activeSheet);
  const activeSheet = wanted && isVisible(wanted) ? wanted : plan.sheets.find(isVisible);
  if (activeSheet) {
    const ws = sheetOf(activeSheet.name);
    steps.push({ bytes: call(1), queue: () => ws().activate() });
  }
  return steps;
}
