/**
 * A summary sheet whose cells only point at another sheet's ("='Data entry'!D6") repeats figures
 * already read there. Counting both would double them, so such a copy is dropped where the cell
 * it points at was itself read, and the reading says so. A copy of a cell that was not read (a
 * sheet left out, or an external workbook) is kept: then it is the only place the figure is.
 */
import { cellAtAddress, type GridWorkbook } from "../grid/grid";
import type { Observation, Warning } from "../model/model";

/** "='Data entry'!D6", "=Police!$C$7": a formula that is one cell of another sheet of this workbook. */
const BARE_REFERENCE = /^=?\s*(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/;

/** The sheet and cell a formula only points at, or null. */
export function pointsAt(formula: string | undefined): { sheet: string; cell: string } | null {
  if (!formula) return null;
  const m = BARE_REFERENCE.exec(formula.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  return { sheet, cell: `${m[3]!.toUpperCase()}${m[4]}` };
}

const key = (sheet: string, cell: string) => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

export function withoutCopies(observations: Observation[], workbook: GridWorkbook): { kept: Observation[]; warnings: Warning[] } {
  const read = new Set(observations.map((o) => key(o.source.sheet, o.source.cell)));
  // Only sheets with a formula that names another sheet can hold copies: the rest are passed over whole.
  const grids = new Map(workbook.sheets.filter((g) => g.rows.some((row) => row.some((c) => c?.formula?.includes("!")))).map((g) => [g.sheet, g]));
  if (grids.size === 0) return { kept: observations, warnings: [] };
  const copies = new Map<string, { cells: string[]; from: Set<string> }>();
  const kept: Observation[] = [];
  for (const o of observations) {
    const grid = grids.get(o.source.sheet);
    const cell = grid ? cellAtAddress(grid, o.source.cell) : undefined;
    const target = pointsAt(cell?.formula);
    if (target && target.sheet.toLowerCase() !== o.source.sheet.toLowerCase() && read.has(key(target.sheet, target.cell))) {
      const entry = copies.get(o.source.sheet) ?? { cells: [], from: new Set<string>() };
      entry.cells.push(o.source.cell);
      entry.from.add(target.sheet);
      copies.set(o.source.sheet, entry);
      continue;
    }
    kept.push(o);
  }
  const warnings: Warning[] = [...copies].map(([sheet, { cells, from }]) => ({
    code: "INGEST_COPIED_FIGURE",
    message: `${cells.length === 1 ? "A cell" : `${cells.length} cells`} on sheet "${sheet}" (${cells.slice(0, 3).join(", ")}${cells.length > 3 ? ", …" : ""}) only repeat figures from sheet ${[...from].map((s) => `"${s}"`).join(", ")}, where they are read; they are not counted again.`,
    sheet,
    cell: cells[0] ?? null,
  }));
  return { kept, warnings };
}
