/**
 * Several tables stacked on one sheet (one per agency, or one per year), each with its own
 * headings and often its own title ("Police"). The sheet is cut into bands of rows, one table
 * each, so that each table's headings are read for its own columns.
 */
import type { Grid } from "../grid/grid";
import { headingRole } from "./roles";
import type { PeriodReader } from "./period-reader";
import { isDataLike } from "./headers";
import type { RowProfile } from "./profile";
import { cellText, isBlankCell, type SheetView } from "./sheet-view";
import { tidy } from "./text";

/** Rows (relative, inclusive) of each table on the sheet, top to bottom. */
export function tableBands(view: SheetView, profiles: RowProfile[], reader: PeriodReader): { top: number; bottom: number }[] {
  const starts: number[] = [];
  let seenData = false;
  for (let r = 0; r < profiles.length; r++) {
    const p = profiles[r]!;
    if (isDataLike(p)) {
      seenData = true;
      continue;
    }
    if (!seenData || !(isTableHeading(view, r, p, reader) || isCaptionedHeading(profiles, r, p))) continue;
    if (!dataFollows(profiles, r)) continue;
    starts.push(bandStart(profiles, r));
    seenData = false;
  }
  const bands: { top: number; bottom: number }[] = [];
  let top = 0;
  for (const s of starts) {
    if (s > top) bands.push({ top, bottom: s - 1 });
    top = s;
  }
  bands.push({ top, bottom: profiles.length - 1 });
  return bands;
}

/** A row of headings: no figures, and at least two periods or two column names. */
function isTableHeading(view: SheetView, row: number, p: RowProfile, reader: PeriodReader): boolean {
  if (p.filled < 2 || p.numbers > 0 || p.marks > 0) return false;
  let periods = 0;
  let roles = 0;
  for (let c = p.firstCol; c <= p.lastCol; c++) {
    const cell = view.cell(row, c);
    const text = tidy(cellText(cell));
    if (!text) continue;
    if (reader.isHeading({ text, cell })) periods++;
    else if (headingRole(text) !== null) roles++;
  }
  return periods >= 2 || roles >= 2;
}

/**
 * A row of headings that name measures the detector does not know ("Invited", "Attended"),
 * marked out as a new table by its layout: a one-cell caption directly above it, a blank row
 * above the caption, and figures directly below.
 */
function isCaptionedHeading(profiles: RowProfile[], row: number, p: RowProfile): boolean {
  if (p.filled < 2 || p.numbers > 0 || p.marks > 0 || p.years > 0 || p.texts !== p.filled) return false;
  const caption = profiles[row - 1];
  const gap = profiles[row - 2];
  const below = profiles[row + 1];
  return caption !== undefined && caption.filled === 1 && caption.texts === 1 && (gap === undefined || gap.filled === 0)
    && below !== undefined && isDataLike(below);
}

function dataFollows(profiles: RowProfile[], row: number): boolean {
  for (let r = row + 1; r < Math.min(profiles.length, row + 5); r++) if (isDataLike(profiles[r]!)) return true;
  return false;
}

/** Up from a table's heading row over its other heading rows and its title, to a blank or data row. */
function bandStart(profiles: RowProfile[], row: number): number {
  let r = row;
  while (r - 1 >= 0) {
    const p = profiles[r - 1]!;
    if (p.filled === 0 || isDataLike(p) || p.marks > 0) break;
    r--;
  }
  return r;
}

/** The rows of a band as a grid of their own, in the sheet's coordinates. */
export function bandGrid(grid: Grid, top: number, bottom: number): Grid {
  const absTop = grid.origin.row + top;
  const absBottom = grid.origin.row + bottom;
  const out: Grid = {
    sheet: grid.sheet,
    state: grid.state,
    origin: { row: absTop, col: grid.origin.col },
    rows: grid.rows.slice(top, bottom + 1),
    merges: grid.merges.filter((m) => m.top >= absTop && m.top <= absBottom),
  };
  if (grid.hiddenRows) out.hiddenRows = grid.hiddenRows;
  if (grid.hiddenColumns) out.hiddenColumns = grid.hiddenColumns;
  return out;
}

/**
 * Tables side by side on one sheet: column ranges (relative, inclusive) separated by columns that
 * are blank in every row from the first row holding two or more cells down (a sheet title above,
 * alone in its row, may run across). Each range must hold a table of its own: labels and at least
 * two figures. One range (the whole width) when the sheet holds one table across.
 */
export function sideBySide(view: SheetView, profiles: RowProfile[]): { left: number; right: number }[] {
  const whole = [{ left: 0, right: view.width - 1 }];
  const top = profiles.findIndex((p) => p.filled >= 2);
  if (top < 0 || view.width < 5) return whole;
  const rows: number[] = [];
  for (let r = top; r < profiles.length; r++) if (profiles[r]!.filled >= 2) rows.push(r);
  const blank = (c: number): boolean => rows.every((r) => isBlankCell(view.cell(r, c)) && !view.isMergeFollower(r, c));
  const ranges: { left: number; right: number }[] = [];
  let start: number | null = null;
  for (let c = 0; c <= view.width; c++) {
    const empty = c === view.width || blank(c);
    if (!empty && start === null) start = c;
    if (empty && start !== null) {
      ranges.push({ left: start, right: c - 1 });
      start = null;
    }
  }
  if (ranges.length < 2) return whole;
  const isTable = (range: { left: number; right: number }): boolean => {
    let figures = 0;
    let labels = 0;
    for (const r of rows) for (let c = range.left; c <= range.right; c++) {
      const f = view.figure(r, c);
      if (f.kind === "figure") figures++;
      else if (f.kind === "text") labels++;
    }
    return range.right > range.left && figures >= 2 && labels >= 2;
  };
  // A narrow range without a table of its own (a notes column) stays with its neighbour.
  return ranges.every(isTable) ? ranges : whole;
}

/** The columns of a range as a grid of their own, in the sheet's coordinates. */
export function columnGrid(grid: Grid, left: number, right: number): Grid {
  const absLeft = grid.origin.col + left;
  const absRight = grid.origin.col + right;
  const out: Grid = {
    sheet: grid.sheet,
    state: grid.state,
    origin: { row: grid.origin.row, col: absLeft },
    rows: grid.rows.map((row) => row.slice(left, right + 1)),
    merges: grid.merges.filter((m) => m.left >= absLeft && m.left <= absRight),
  };
  if (grid.hiddenRows) out.hiddenRows = grid.hiddenRows;
  if (grid.hiddenColumns) out.hiddenColumns = grid.hiddenColumns;
  return out;
}
