/** Builds grids by hand for the indicator-set tests: what an adapter would read from a sheet. */
import type { CellValue, Grid, GridCell, GridWorkbook } from "../../../src/core/grid/grid";

/** A cell: a plain value, or a value with its number format (e.g. 0.9 shown as "90%"). */
export type KitCell = CellValue | { value: CellValue; format: string; text?: string };

function cell(c: KitCell): GridCell {
  if (c !== null && typeof c === "object") return { value: c.value, text: c.text ?? String(c.value ?? ""), numberFormat: c.format };
  return { value: c, text: c === null ? "" : String(c), numberFormat: "General" };
}

export function grid(sheet: string, rows: KitCell[][], origin = { row: 0, col: 0 }): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    sheet,
    state: "visible",
    origin,
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i] ?? null))),
    merges: [],
  };
}

export function workbook(file: string, ...sheets: Grid[]): GridWorkbook {
  return { file, sheets };
}
