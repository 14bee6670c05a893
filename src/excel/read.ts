/**
 * Reads the open workbook into grids through Office.js, in two syncs whatever its size: the
 * first lists the sheets (and the workbook's name), the second loads every sheet's used range
 * (values, text, number formats, formulas, value types) and merged areas together.
 */
import { parseRange } from "../core/grid/address";
import type { CellValue, Grid, GridCell, GridWorkbook, MergeArea, SheetState } from "../core/grid/grid";

export interface ReadOptions {
  /** The name to report as the workbook's file; by default the workbook's own name. */
  file?: string;
  /** Read only these sheets (by name, case-insensitively); by default every sheet. */
  sheets?: string[];
}

const STATES: Record<string, SheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<GridWorkbook> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  if (options.file === undefined) workbook.load("name");
  await context.sync();

  const wanted = options.sheets?.map((s) => s.toLowerCase());
  const chosen = worksheets.items
    .filter((ws) => !wanted || wanted.includes(ws.name.toLowerCase()))
    .sort((a, b) => a.position - b.position);
  const reads = chosen.map((ws) => {
    // valuesOnly: a sheet formatted down to row 100,000 but filled to row 40 is 40 rows of data.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,values,text,numberFormat,formulas,valueTypes");
    // Merges are looked for over the whole sheet: a merged title may reach past the last value.
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    return { name: ws.name, state: STATES[ws.visibility] ?? "visible", used, merged };
  });
  await context.sync();

  const sheets: Grid[] = reads.map(({ name, state, used, merged }) => {
    const merges = merged.isNullObject ? [] : parseAreas(merged.address);
    if (used.isNullObject) return { sheet: name, state, origin: { row: 0, col: 0 }, rows: [], merges };
    return {
      sheet: name,
      state,
      origin: { row: used.rowIndex, col: used.columnIndex },
      rows: toCells(used.values, used.text, used.numberFormat, used.formulas, used.valueTypes),
      merges,
    };
  });
  return { file: options.file ?? workbook.name, sheets };
}

function toCells(
  values: unknown[][],
  text: string[][],
  formats: unknown[][],
  formulas: unknown[][],
  types: Excel.Range["valueTypes"],
): GridCell[][] {
  return values.map((row, r) =>
    row.map((raw, c) => {
      const type = types[r]?.[c] ?? "Empty";
      const formula = formulas[r]?.[c];
      const cell: GridCell = {
        value: type === "Empty" || type === "Error" ? null : (raw as CellValue),
        text: text[r]?.[c] ?? "",
        numberFormat: String(formats[r]?.[c] ?? "General"),
      };
      if (type === "Error") cell.error = String(raw);
      // `formulas` gives a constant's value for a cell without a formula, so a text cell holding
      // "=x" (entered behind an apostrophe) reads the same in both: that is text, not a formula.
      if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && raw === formula)) cell.formula = formula;
      return cell;
    }),
  );
}

/**
 * RangeAreas.address lists areas with their sheet, comma-separated ("Data!A1:B2, 'My, sheet'!D1:D4");
 * a quoted sheet name may itself hold commas and "!", so split only outside quotes.
 */
export function parseAreas(address: string): MergeArea[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => parseRange(p.slice(p.lastIndexOf("!") + 1)));
}
