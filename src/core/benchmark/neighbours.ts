/**
 * The statistical-neighbour list: for each local authority, the ten authorities most like it.
 * Two shapes are read, as a workbook sheet or a CSV:
 *
 * - The Department for Education's own (its Local Authority Interactive Tool, LAIT,
 *   sn_may_2025.xlsx): a few rows of column letters and numbers, then a heading row
 *   "LA num, LA Name, LA number, GOInd, GOReg, SN1, SNP, SN2, SNP, ... SN10, SNP", then one row
 *   per authority naming its neighbours by three-digit old code (SNP says how close each is).
 *   Below the current authorities it lists some that no longer exist ("Old SNs:"); they are read
 *   too, and only matter if a file still has figures for them.
 * - One column per authority, headed by its name, with its neighbours' names below (a shape
 *   analysts' own tools use, such as data-to-insight's SEND benchmarking list).
 *
 * Names are kept as written: matching them to areas is the benchmark's job (areas.ts).
 */
import { cellAddress } from "../grid/address";
import type { Grid, GridCell, GridWorkbook } from "../grid/grid";
import { InputError } from "../errors";
import { headingKey } from "../opendata/headings";

/** An authority as the list names it: by old code, or by name, or both. */
export interface ListedArea {
  oldCode: string | null;
  name: string | null;
}

export interface NeighbourEntry extends ListedArea {
  /** Closest first, as listed. */
  neighbours: ListedArea[];
  /** Where the entry is, for warnings. */
  sheet: string;
  cell: string;
}

export interface NeighbourList {
  file: string;
  entries: NeighbourEntry[];
  /** Which shape the list was read as, in words. */
  shape: string;
}

/** Most neighbours listed for one authority: the Department lists ten; a few more are tolerated. */
const MAX_NEIGHBOURS = 15;
const HEADING_ROWS = 10;

function text(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "string" ? cell.value.trim() : String(cell.value);
}

/** A three-digit old code ("370", or the number 370), or null. */
function oldCodeOf(cell: GridCell | undefined): string | null {
  const t = text(cell);
  return /^\d{3}$/.test(t) ? t : null;
}

/** A cell naming an authority: by old code when it is three digits, else by name. */
function listedOf(cell: GridCell | undefined): ListedArea | null {
  const t = text(cell);
  if (t === "") return null;
  const oldCode = /^\d{3}$/.test(t) ? t : null;
  return { oldCode, name: oldCode ? null : t };
}

/** "SN1".."SN10" (also "SN 1", "sn_01", "Neighbour 1", "Stat neighbour 1"), never "SNP". */
function neighbourRank(key: string): number | null {
  const m = /^(?:sn|stat_?neighbour|statistical_neighbour|neighbour|nb)_?0*(\d{1,2})$/.exec(key);
  return m ? Number(m[1]) : null;
}

function readDepartmentShape(grid: Grid): NeighbourEntry[] | null {
  for (let r = 0; r < Math.min(grid.rows.length, HEADING_ROWS); r++) {
    const keys = grid.rows[r]!.map((c) => headingKey(text(c)));
    const ranks = keys.map(neighbourRank);
    if (!ranks.some((x) => x === 1)) continue;
    const codeCol = keys.findIndex((k) => /^(la_?num(ber)?|la_no|la_code|old_la_code|la)$/.test(k));
    const nameCol = keys.findIndex((k) => /^(la_name|local_authority|local_authority_name|name|la_name_.*)$/.test(k));
    if (codeCol < 0 && nameCol < 0) continue;
    const neighbourCols = ranks.map((rank, col) => ({ rank, col })).filter((x): x is { rank: number; col: number } => x.rank !== null && x.rank <= MAX_NEIGHBOURS);
    neighbourCols.sort((a, b) => a.rank - b.rank);
    const entries: NeighbourEntry[] = [];
    for (let i = r + 1; i < grid.rows.length; i++) {
      const row = grid.rows[i]!;
      const oldCode = codeCol >= 0 ? oldCodeOf(row[codeCol]) : null;
      const name = nameCol >= 0 ? text(row[nameCol]) || null : null;
      // A row without the authority's number is a note ("Old SNs:") or a blank line.
      if (oldCode === null && (codeCol >= 0 || name === null)) continue;
      const neighbours = neighbourCols.map(({ col }) => listedOf(row[col])).filter((x): x is ListedArea => x !== null);
      if (neighbours.length === 0) continue;
      entries.push({ oldCode, name, neighbours, sheet: grid.sheet, cell: cellAddress(grid.origin.row + i, grid.origin.col + Math.max(codeCol, 0)) });
    }
    return entries.length > 0 ? entries : null;
  }
  return null;
}

/** One column per authority: a heading row of names, neighbours' names below. */
function readColumnShape(grid: Grid): NeighbourEntry[] | null {
  if (grid.rows.length < 2 || grid.rows.length > MAX_NEIGHBOURS + 1) return null;
  const head = grid.rows[0]!;
  const names = head.map((c) => text(c));
  const filled = names.filter((n) => n !== "");
  // A list of authorities: mostly words, at least a handful of columns.
  if (filled.length < 5 || filled.some((n) => /^\d+(\.\d+)?$/.test(n))) return null;
  const entries: NeighbourEntry[] = [];
  names.forEach((name, col) => {
    if (name === "") return;
    const neighbours: ListedArea[] = [];
    for (let r = 1; r < grid.rows.length; r++) {
      const n = listedOf(grid.rows[r]![col]);
      if (n) neighbours.push(n);
    }
    if (neighbours.length > 0) entries.push({ oldCode: null, name, neighbours, sheet: grid.sheet, cell: cellAddress(grid.origin.row, grid.origin.col + col) });
  });
  return entries.length >= 5 ? entries : null;
}

/** The neighbour list in a workbook or CSV: the first sheet in either shape. */
export function readNeighbourList(workbook: GridWorkbook): NeighbourList {
  for (const grid of workbook.sheets) {
    if (grid.leftOut !== undefined || grid.rows.length === 0) continue;
    const department = readDepartmentShape(grid);
    if (department) return { file: workbook.file, entries: department, shape: `the Department for Education's layout (sheet "${grid.sheet}", neighbours by LA number)` };
    const columns = readColumnShape(grid);
    if (columns) return { file: workbook.file, entries: columns, shape: `one column per authority (sheet "${grid.sheet}", neighbours by name)` };
  }
  throw new InputError(
    `${workbook.file} is not a statistical-neighbour list: expected a heading row with "LA num", "LA Name" and "SN1" to "SN10" (the Department for Education's layout), or one column per authority headed by its name with its neighbours below.`,
    { file: workbook.file },
  );
}
