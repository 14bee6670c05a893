/**
 * Writes a WorkbookPlan into the open workbook through Office.js.
 *
 * The plan's sheets replace any sheets of the same names (case-insensitively, as Excel names
 * sheets); no other sheet is read or touched. Everything is queued and sent in one
 * `context.sync()` when it fits in Excel's 5 MB request limit; a bigger plan is split into as few
 * syncs as the bytes require (see batch.ts), never one per block or rule.
 *
 * What Excel needs is sent once: values are the only payload per cell, and a formula repeated
 * down a column goes once for the run, in R1C1 notation (r1c1.ts); number formats go as one
 * value per run of equal cells, styles, validation and unlocked cells as one call for all the
 * ranges that share them (coalesce.ts). The workbook is the same as applying the plan item by
 * item, which the file adapter does.
 *
 * Order matters to Excel and is kept across syncs:
 * 1. new sheets are added under temporary names, then the old sheets of the plan's names are
 *    deleted, then the new sheets take their names. Adding first means the workbook always keeps
 *    a visible sheet (Excel refuses to delete the last one); deleting before anything else is
 *    written frees the old sheets' table names for the new tables.
 * 2. each sheet's content: a copy of an earlier sheet's cells (made by Excel: copyFrom), values,
 *    number formats, styles, merges, column widths, row heights,
 *    page setup, freeze panes, tables, conditional formats, data validation, charts, tab colour.
 * 3. last, because Excel refuses changes to a protected sheet and cannot activate a hidden one:
 *    unlocked ranges and protection, sheet visibility, the active sheet.
 */
import { parseCell, parseRange, rangeAddress, type RangeRef } from "../core/grid/address";
import type { CellStyle, ConditionalFormatPlan, DataValidationPlan, PrintPlan, SheetPlan, StylePlan, WorkbookPlan } from "../core/plan/plan";
import { CALL_OVERHEAD_BYTES, chunkRows, DEFAULT_REQUEST_BUDGET_BYTES, jsonBytes, packSteps, rowsStep, type Step } from "./batch";
import { address, addressLists, columnsAddress, groupBy, groupingKeepsOrder, mergeRects, numberFormatPieces, rowsAddress, stylesClash } from "./coalesce";
import { checkedR1C1 } from "./r1c1";
import { formulaText, toExcelValue, type ExcelCellInput } from "./values";
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
  /**
   * Sheets of the plan's names that exist now and are very hidden (lower case), as the caller
   * read them. Excel refuses to delete a very hidden sheet, so these are made hidden first.
   */
  veryHidden?: ReadonlySet<string>;
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

  const steps: Step[] = [structureStep(context, plan, sheets, options.veryHidden ?? new Set())];
  for (const sheet of plan.sheets) {
    if (sheet.copyOf) steps.push(copyStep(sheet.copyOf, sheetOf(sheet.name), sheetOf(sheet.copyOf.sheet)));
    steps.push(...contentSteps(sheet, sheetOf(sheet.name), budget));
  }
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
  plan.sheets.forEach((sheet, i) => {
    if (sheet.copyOf && !plan.sheets.slice(0, i).some((s) => s.name === sheet.copyOf?.sheet)) {
      throw new Error(`The plan copies '${sheet.copyOf.sheet}' into '${sheet.name}', but '${sheet.copyOf.sheet}' is not one of the sheets before it.`);
    }
  });
}

/** A copy of a plan sheet's cells (formulas and constants, no formats) made by Excel: one call, whatever the size. */
function copyStep(copy: { sheet: string; range: string }, to: () => Excel.Worksheet, from: () => Excel.Worksheet): Step {
  return {
    bytes: call(4) + 2 * jsonBytes(copy.range),
    queue: () => to().getRange(copy.range).copyFrom(from().getRange(copy.range), "Formulas"),
  };
}

function structureStep(context: Excel.RequestContext, plan: WorkbookPlan, sheets: Map<string, Excel.Worksheet>, veryHidden: ReadonlySet<string>): Step {
  // Temporary names must not clash with the user's sheets; a time stamp makes a clash practically impossible.
  const stamp = Date.now().toString(36);
  return {
    bytes: call(4 * plan.sheets.length + 2 * veryHidden.size) + jsonBytes(plan.sheets.map((s) => s.name)),
    queue: () => {
      const worksheets = context.workbook.worksheets;
      plan.sheets.forEach((s, i) => sheets.set(s.name, worksheets.add(`~new${i}~${stamp}`)));
      for (const s of plan.sheets) deleteSheet(worksheets, s.name, veryHidden);
      for (const s of plan.sheets) {
        const ws = sheets.get(s.name);
        if (ws) ws.name = s.name;
      }
    },
  };
}

/**
 * Queues the deletion of a sheet by name. Deleting a sheet that does not exist is a no-op on the
 * null object, so no read is needed first; one the caller read as very hidden (`veryHidden`, lower
 * case) is made hidden first, because Excel refuses to delete a very hidden sheet.
 */
export function deleteSheet(worksheets: Excel.WorksheetCollection, name: string, veryHidden: ReadonlySet<string>): void {
  const ws = worksheets.getItemOrNullObject(name);
  if (veryHidden.has(name.toLowerCase())) ws.visibility = "Hidden";
  ws.delete();
}

/**
 * One value set on a whole range: Office.js applies a single value given for `values`,
 * `formulasR1C1` or `numberFormat` to every cell of the range (its typings only show arrays).
 */
function oneForAll(value: string): string[][] {
  return value as unknown as string[][];
}

/** A range or, for a list of several, a RangeAreas: both carry `format` and `dataValidation`. */
function rangesAt(ws: Excel.Worksheet, list: string): Excel.Range | Excel.RangeAreas {
  return list.includes(",") ? ws.getRanges(list) : ws.getRange(list);
}

/** A cell of a block as it is to be written: the value, or nothing to say (an empty cell of a new sheet, or one a run writes). */
type Cell = ExcelCellInput | undefined;

/**
 * A block's values. Every sheet a plan writes is new (renderPlan adds it), so an empty cell
 * needs no write at all unless an earlier block of the plan wrote there; a run of one formula
 * down a column goes once in R1C1 notation, and a long run of one value down a column goes once
 * as a single value for the range. What is left goes in row chunks, each cut into the columns
 * that have something to say; inside them an empty cell is "" (shorter than null, and harmless on
 * a new sheet, and a run's cells are written after it).
 */
function blockSteps(block: SheetPlan["blocks"][number], earlier: readonly RangeRef[], ws: () => Excel.Worksheet, chunkLimit: number): Step[] {
  const at = parseCell(block.at);
  const width = block.values.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0) return [];
  const rect: RangeRef = { top: at.row, left: at.col, bottom: at.row + block.values.length - 1, right: at.col + width - 1 };
  // Over an earlier block, every cell is written as before: a null clears, padding leaves alone.
  const overlaps = earlier.some((r) => r.top <= rect.bottom && rect.top <= r.bottom && r.left <= rect.right && rect.left <= r.right);
  const cells: (Cell | null)[][] = block.values.map((row) => {
    const out: (Cell | null)[] = row.map((v) => (v === null && !overlaps ? undefined : toExcelValue(v)));
    // Office.js needs a rectangle; null pads short rows and leaves those cells as they are.
    while (out.length < width) out.push(overlaps ? null : undefined);
    return out;
  });

  const runSteps: Step[] = [];
  for (let j = 0; j < width; j++) {
    const open: { run: { from: number; key: string; write: (range: Excel.Range) => void; bytes: number } | null } = { run: null };
    const close = (to: number): void => {
      const run = open.run;
      open.run = null;
      if (!run) return;
      const n = to - run.from;
      // Worth a call of its own only if it saves more than the call costs (each cell left behind is "" or nothing).
      if (n * (run.bytes - 2) < 2 * CALL_OVERHEAD_BYTES) return;
      const { from, write, bytes } = run;
      for (let i = from; i < to; i++) (cells[i] as (Cell | null)[])[j] = undefined;
      runSteps.push({ bytes: CALL_OVERHEAD_BYTES * 2 + bytes + 24, queue: () => write(ws().getRangeByIndexes(at.row + from, at.col + j, n, 1)) });
    };
    for (let i = 0; i < cells.length; i++) {
      const v = block.values[i]?.[j];
      const c = cells[i]?.[j];
      let run: typeof open.run = null;
      if (v !== null && v !== undefined && typeof v === "object") {
        const r1c1 = checkedR1C1(formulaText(v.formula), at.row + i, at.col + j);
        if (r1c1 !== null)
          run = {
            from: i,
            key: `f${r1c1}`,
            bytes: jsonBytes(r1c1),
            write: (range) => {
              range.formulasR1C1 = oneForAll(r1c1);
            },
          };
      } else if (typeof v !== "object" && c !== undefined && c !== null && c !== "") {
        // Only constants: a formula given as one value for a range would have its references shifted cell by cell.
        const value = c;
        run = {
          from: i,
          key: `v${JSON.stringify(value)}`,
          bytes: jsonBytes(value),
          write: (range) => {
            range.values = oneForAll(value as string);
          },
        };
      }
      if (run === null || open.run?.key !== run.key) {
        close(i);
        open.run = run;
      }
    }
    close(cells.length);
  }

  const valueSteps: Step[] = [];
  // Chunked by rows with nothing-to-say as "", then each chunk cut into the columns that say something.
  const flat = cells.map((row) => row.map((c) => (c === undefined ? "" : c)));
  for (const chunk of chunkRows(flat, chunkLimit)) {
    const columns = (chunk.values[0] ?? []).length;
    const says = (j: number): boolean => chunk.values.some((_, i) => (cells[chunk.row + i]?.[chunk.col + j] ?? undefined) !== undefined);
    for (let j = 0; j < columns; ) {
      if (!says(j)) {
        j++;
        continue;
      }
      const from = j;
      while (j < columns && says(j)) j++;
      const to = j;
      const values = chunk.values.map((row) => row.slice(from, to));
      valueSteps.push(
        rowsStep(values, (offset, rows) => {
          ws().getRangeByIndexes(at.row + chunk.row + offset, at.col + chunk.col + from, rows.length, to - from).values = rows;
        }),
      );
    }
  }
  return [...valueSteps, ...runSteps];
}

/** The plan's styles, one call per style for all its ranges, unless that would change which style a cell ends with. */
function styleSteps(styles: readonly StylePlan[], ws: () => Excel.Worksheet): Step[] {
  const keyOf = (s: StylePlan): string => JSON.stringify(s.style);
  const grouped = groupingKeepsOrder(styles, (s) => parseRange(s.range), keyOf, (a, b) => stylesClash(a.style, b.style));
  const groups = grouped ? groupBy(styles, keyOf) : styles.map((s, i) => ({ key: keyOf(s), first: i, items: [s] }));
  const steps: Step[] = [];
  for (const g of groups) {
    const style = (g.items[0] as StylePlan).style;
    const setters = styleSetters(style);
    for (const list of addressLists(mergeRects(g.items.map((s) => parseRange(s.range))).map(address))) {
      steps.push({
        bytes: call(1 + setters.length) + list.length + jsonBytes(style),
        queue: () => {
          const format = rangesAt(ws(), list).format;
          for (const set of setters) set(format);
        },
      });
    }
  }
  return steps;
}

/** The plan's data validations, one call per rule for all its ranges (plans never overlap validations). */
function validationSteps(validations: readonly DataValidationPlan[], ws: () => Excel.Worksheet): Step[] {
  const keyOf = (dv: DataValidationPlan): string => JSON.stringify({ ...dv, range: "" });
  const grouped = groupingKeepsOrder(validations, (dv) => parseRange(dv.range), keyOf, () => true);
  const groups = grouped ? groupBy(validations, keyOf) : validations.map((dv, i) => ({ key: keyOf(dv), first: i, items: [dv] }));
  const steps: Step[] = [];
  for (const g of groups) {
    const dv = g.items[0] as DataValidationPlan;
    const rule = validationRule(dv);
    // Each range as the plan gives it (not merged), so that Excel lists them as the file adapter does.
    for (const list of addressLists(g.items.map((v) => address(parseRange(v.range))))) {
      steps.push({ bytes: call(6) + list.length + jsonBytes({ ...dv, range: "" }) + jsonBytes(rule), queue: () => addDataValidation(rangesAt(ws(), list), dv, rule) });
    }
  }
  return steps;
}

/**
 * Neighbouring runs of equal values by zero-based index, the last value given for an index
 * winning (as the file adapter, which sets them one by one, ends with it).
 */
function runsOf(entries: readonly { index: number; value: number }[]): { first: number; last: number; value: number }[] {
  const latest = new Map<number, number>();
  for (const { index, value } of entries) latest.set(index, value);
  const indexes = [...latest.keys()].sort((a, b) => a - b);
  const runs: { first: number; last: number; value: number }[] = [];
  for (const index of indexes) {
    const value = latest.get(index) as number;
    const run = runs[runs.length - 1];
    if (run && run.last === index - 1 && run.value === value) run.last = index;
    else runs.push({ first: index, last: index, value });
  }
  return runs;
}

/** Column widths, one call for each run of neighbouring columns of the same width. */
function widthSteps(widths: readonly { col: number; width: number }[], ws: () => Excel.Worksheet): Step[] {
  return runsOf(widths.map((w) => ({ index: w.col, value: w.width }))).map(({ first, last, value }) => {
    const columns = columnsAddress(first, last);
    return {
      bytes: call(2) + 32,
      queue: () => {
        ws().getRange(columns).format.columnWidth = widthCharsToPoints(value);
      },
    };
  });
}

/**
 * Row heights in points: the runs of neighbouring rows of each height listed in one address
 * ("5:5,7:9"), so there is one call per height, not per run. A scorecard's wrapped names
 * alternate between one and two lines, and a call per run would cost the request far more
 * than the heights themselves.
 */
function heightSteps(heights: readonly { row: number; height: number }[], ws: () => Excel.Worksheet): Step[] {
  const byHeight = groupBy(runsOf(heights.map((h) => ({ index: h.row, value: h.height }))), (run) => String(run.value));
  return byHeight.flatMap((g) => {
    const height = (g.items[0] as { value: number }).value;
    return addressLists(g.items.map((run) => rowsAddress(run.first, run.last))).map((list) => ({
      bytes: call(2) + list.length + jsonBytes(height),
      queue: () => {
        rangesAt(ws(), list).format.rowHeight = height;
      },
    }));
  });
}

const PAPER = { A3: "A3", A4: "A4" } as const;
const ORIENTATION = { landscape: "Landscape", portrait: "Portrait" } as const;

/**
 * Page setup, as the file adapter writes it: paper, orientation, fitted to pages (0 pages down
 * is "as many as it needs", as in the file's fitToHeight), centred across the page, the print
 * area, and the rows repeated at the top of every page (Excel wants whole rows: "$1:$2").
 */
function printStep(print: PrintPlan, ws: () => Excel.Worksheet): Step {
  const zoom: Excel.PageLayoutZoomOptions = { horizontalFitToPages: print.fitWidth, verticalFitToPages: print.fitHeight ?? 0 };
  const titles = print.titleRows && print.titleRows.length > 0 ? `$${Math.min(...print.titleRows) + 1}:$${Math.max(...print.titleRows) + 1}` : null;
  const calls = 5 + (print.area ? 1 : 0) + (titles ? 1 : 0);
  return {
    bytes: call(calls) + jsonBytes(print) + jsonBytes(zoom) + jsonBytes(titles),
    queue: () => {
      const layout = ws().pageLayout;
      layout.paperSize = PAPER[print.paper];
      layout.orientation = ORIENTATION[print.orientation];
      // Office.js takes the zoom only as a whole object.
      layout.zoom = zoom;
      layout.centerHorizontally = true;
      if (print.area) layout.setPrintArea(print.area);
      if (titles) layout.setPrintTitleRows(titles);
    },
  };
}

function contentSteps(sheet: SheetPlan, ws: () => Excel.Worksheet, budget: number): Step[] {
  const steps: Step[] = [];
  // Chunks well under the budget let the packer fill each request closely.
  const chunkLimit = Math.max(1024, Math.floor(budget / 8));

  const written: RangeRef[] = [];
  for (const block of sheet.blocks) {
    steps.push(...blockSteps(block, written, ws, chunkLimit));
    const at = parseCell(block.at);
    const width = block.values.reduce((w, row) => Math.max(w, row.length), 0);
    if (width > 0) written.push({ top: at.row, left: at.col, bottom: at.row + block.values.length - 1, right: at.col + width - 1 });
  }

  for (const piece of numberFormatPieces(sheet.numberFormats ?? [])) {
    if ("format" in piece) {
      const { top, left, rows, columns, format } = piece;
      steps.push({
        bytes: call(2) + jsonBytes(format) + 24,
        queue: () => {
          ws().getRangeByIndexes(top, left, rows, columns).numberFormat = oneForAll(format);
        },
      });
      continue;
    }
    for (const chunk of chunkRows(piece.formats, chunkLimit)) {
      const columns = (chunk.values[0] ?? []).length;
      steps.push(
        rowsStep(chunk.values, (offset, rows) => {
          ws().getRangeByIndexes(piece.top + chunk.row + offset, piece.left + chunk.col, rows.length, columns).numberFormat = rows;
        }),
      );
    }
  }

  steps.push(...styleSteps(sheet.styles ?? [], ws));

  for (const m of sheet.merges ?? []) {
    steps.push({ bytes: call(2) + jsonBytes(m), queue: () => ws().getRange(m).merge(false) });
  }

  steps.push(...widthSteps(sheet.columnWidths ?? [], ws));
  steps.push(...heightSteps(sheet.rowHeights ?? [], ws));
  if (sheet.print) steps.push(printStep(sheet.print, ws));

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

  steps.push(...validationSteps(sheet.dataValidations ?? [], ws));

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

function addDataValidation(target: Excel.Range | Excel.RangeAreas, dv: DataValidationPlan, rule: Excel.DataValidationRule): void {
  const validation = target.dataValidation;
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
    const unlocked: RangeRef[] = protection.unlocked.map((r) => parseRange(r));
    for (const list of addressLists(mergeRects(unlocked).map(address))) {
      steps.push({
        bytes: call(3) + list.length,
        queue: () => {
          rangesAt(ws(), list).format.protection.locked = false;
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
