/**
 * Sparse cells to a dense Grid: the rectangle is the used range (the bounding box of cells with
 * a value, formula or error, widened to the merged areas those cells head), so fully empty rows
 * and columns around the data are trimmed. Shared by the .xlsx and .csv readers.
 */
import { EMPTY_CELL, type Grid, type GridCell, type MergeArea, type SheetState } from "../core/grid/grid";

export interface SparseCell {
  row: number;
  col: number;
  cell: GridCell;
}

export interface SheetParts {
  sheet: string;
  state: SheetState;
  /** Cells with content, in any order; zero-based absolute coordinates. */
  cells: SparseCell[];
  merges: MergeArea[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Number format of an empty cell inside the rectangle, where the source keeps one. */
  emptyFormat?: (row: number, col: number) => string | undefined;
}

export function hasContent(cell: GridCell): boolean {
  return cell.value !== null || cell.formula !== undefined || cell.error !== undefined;
}

/** The used-range rectangle, or null for a sheet with no content. */
export function usedRange(parts: Pick<SheetParts, "cells" | "merges">): MergeArea | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const heads = new Set<string>();
  for (const { row, col, cell } of parts.cells) {
    if (!hasContent(cell)) continue;
    heads.add(`${row},${col}`);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (bottom < 0) return null;
  // A merged heading spans its whole area on screen, so its area is part of the used range.
  for (const m of parts.merges) {
    if (!heads.has(`${m.top},${m.left}`)) continue;
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return { top, left, bottom, right };
}

export function buildGrid(parts: SheetParts, box: MergeArea | null): Grid {
  const grid: Grid = {
    sheet: parts.sheet,
    state: parts.state,
    origin: { row: box ? box.top : 0, col: box ? box.left : 0 },
    rows: [],
    merges: [],
  };
  if (parts.hiddenRows) grid.hiddenRows = [];
  if (parts.hiddenColumns) grid.hiddenColumns = [];
  if (!box) return grid;

  const width = box.right - box.left + 1;
  const height = box.bottom - box.top + 1;
  const rows: (GridCell | undefined)[][] = Array.from({ length: height }, () => new Array<GridCell | undefined>(width));
  for (const { row, col, cell } of parts.cells) {
    if (row < box.top || row > box.bottom || col < box.left || col > box.right) continue;
    rows[row - box.top]![col - box.left] = cell;
  }
  grid.rows = rows.map((r, i) => {
    const out = new Array<GridCell>(width);
    for (let j = 0; j < width; j++) {
      const cell = r[j];
      if (cell) {
        out[j] = cell;
        continue;
      }
      const format = parts.emptyFormat?.(box.top + i, box.left + j);
      // Empty General cells share one frozen object: a sheet can hold millions of them.
      out[j] = format && format !== "General" ? { value: null, text: "", numberFormat: format } : EMPTY_CELL;
    }
    return out;
  });
  // Merged areas are reported clipped to the rectangle, so that every one can be indexed in rows.
  grid.merges = parts.merges
    .filter((m) => m.bottom >= box.top && m.top <= box.bottom && m.right >= box.left && m.left <= box.right)
    .map((m) => ({
      top: Math.max(m.top, box.top),
      left: Math.max(m.left, box.left),
      bottom: Math.min(m.bottom, box.bottom),
      right: Math.min(m.right, box.right),
    }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  if (parts.hiddenRows) grid.hiddenRows = parts.hiddenRows.filter((r) => r >= box.top && r <= box.bottom).sort((a, b) => a - b);
  if (parts.hiddenColumns)
    grid.hiddenColumns = parts.hiddenColumns.filter((c) => c >= box.left && c <= box.right).sort((a, b) => a - b);
  return grid;
}
