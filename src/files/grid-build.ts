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
  // Numeric keys (row x 2^14 + column, Excel having 2^14 columns): a sheet can hold millions of cells.
  const mergeHeads = new Map<number, MergeArea>(parts.merges.map((m) => [m.top * 16384 + m.left, m]));
  const headed: MergeArea[] = [];
  for (const { row, col, cell } of parts.cells) {
    if (!hasContent(cell)) continue;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
    const merge = mergeHeads.size ? mergeHeads.get(row * 16384 + col) : undefined;
    if (merge) headed.push(merge);
  }
  if (bottom < 0) return null;
  // A merged heading spans its whole area on screen, so its area is part of the used range.
  for (const m of headed) {
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
  for (let i = 0; i < height; i++) {
    const r = rows[i]!;
    for (let j = 0; j < width; j++) {
      if (r[j]) continue;
      const format = parts.emptyFormat?.(box.top + i, box.left + j);
      // Empty General cells share one frozen object: a sheet can hold millions of them.
      r[j] = format && format !== "General" ? { value: null, text: "", numberFormat: format } : EMPTY_CELL;
    }
  }
  // Every slot is now filled.
  grid.rows = rows as GridCell[][];
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
