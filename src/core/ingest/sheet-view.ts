/**
 * A read-only view of one grid in coordinates relative to its used range, that knows which
 * cells belong to a merged area. Header detection needs the merged heading ("2025/26" over four
 * quarter columns) at every column it spans; the Excel adapter reports it only at the top-left
 * cell, the file adapter at every cell, and this view makes both look the same.
 */
import { EMPTY_CELL, type Grid, type GridCell } from "../grid/grid";
import { cellAddress } from "../grid/address";
import { readFigure, type Figure } from "./values";

const FIGURES = new WeakMap<GridCell[], (Figure | undefined)[]>();
const BLANK: Figure = { kind: "blank" };

export class SheetView {
  readonly grid: Grid;
  readonly height: number;
  readonly width: number;
  /** For each cell inside a merged area (but not its top-left), the index of the top-left. */
  private readonly mergeMaster: Map<number, number>;
  private readonly hiddenRows: Set<number>;
  private readonly hiddenCols: Set<number>;

  constructor(grid: Grid) {
    this.grid = grid;
    this.height = grid.rows.length;
    this.width = grid.rows.reduce((w, row) => Math.max(w, row.length), 0);
    this.mergeMaster = new Map();
    for (const m of grid.merges) {
      const top = m.top - grid.origin.row;
      const left = m.left - grid.origin.col;
      const bottom = Math.min(m.bottom - grid.origin.row, this.height - 1);
      const right = Math.min(m.right - grid.origin.col, this.width - 1);
      if (top < 0 || left < 0) continue;
      const master = top * this.width + left;
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          if (r !== top || c !== left) this.mergeMaster.set(r * this.width + c, master);
        }
      }
    }
    this.hiddenRows = new Set((grid.hiddenRows ?? []).map((r) => r - grid.origin.row));
    this.hiddenCols = new Set((grid.hiddenColumns ?? []).map((c) => c - grid.origin.col));
  }

  get sheet(): string {
    return this.grid.sheet;
  }

  /** The cell as stored. */
  cell(row: number, col: number): GridCell {
    return this.grid.rows[row]?.[col] ?? EMPTY_CELL;
  }

  /**
   * The cell read as a figure (see values.ts). Profiling, column statistics and extraction all
   * ask, so the answer is kept with the row (grids are read-only values once read).
   */
  figure(row: number, col: number): Figure {
    const cells = this.grid.rows[row];
    if (!cells) return BLANK;
    let cache = FIGURES.get(cells);
    if (!cache) {
      cache = [];
      FIGURES.set(cells, cache);
    }
    let f = cache[col];
    if (f === undefined) {
      f = readFigure(cells[col] ?? EMPTY_CELL);
      cache[col] = f;
    }
    return f;
  }

  /** The cell, or for a cell inside a merged area the area's top-left cell. */
  merged(row: number, col: number): GridCell {
    const master = this.mergeMaster.get(row * this.width + col);
    if (master === undefined) return this.cell(row, col);
    return this.cell(Math.floor(master / this.width), master % this.width);
  }

  /** Whether the cell lies inside a merged area other than at its top-left. */
  isMergeFollower(row: number, col: number): boolean {
    return this.mergeMaster.has(row * this.width + col);
  }

  /** The width in columns of the merged area starting at this cell (1 when not merged). */
  mergeWidth(row: number, col: number): number {
    let w = 1;
    const key = row * this.width + col;
    while (col + w < this.width && this.mergeMaster.get(row * this.width + col + w) === key) w++;
    return w;
  }

  isHiddenRow(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  isHiddenColumn(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  /** The A1 address of a relative cell, in the sheet's own coordinates. */
  address(row: number, col: number): string {
    return cellAddress(row + this.grid.origin.row, col + this.grid.origin.col);
  }
}

export { cellText, isBlankCell } from "./cells";
