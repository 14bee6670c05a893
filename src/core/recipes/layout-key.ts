/**
 * The key a reading recipe finds a sheet by: its layout, not its figures. Next quarter's workbook
 * has new figures in the same headings, often a new period in them and a new quarter in the
 * sheet's name ("Q3 2025-26" for "Q2 2025-26"), so the key is made of
 * - the shape of the sheet's name: lower case, digits as "#", a name that is a period as "{period}";
 * - the rows the detector takes as headings (found with no corrections, so that the corrections
 *   themselves never change the key), by their absolute row numbers;
 * - each heading cell's text, by its absolute column, in a normal form: lower case, spaces
 *   collapsed, any period ("Q2 2025/26", "2024/25", "Apr-25", a date) as "{period}", any other
 *   number as "#".
 * Rows and columns are part of the key because corrections name them: a sheet with a row added
 * above its table is a different layout, and its old corrections would point at the wrong rows.
 * A sheet with no heading rows found is keyed by its first three rows that hold text.
 */
import type { Grid, GridCell } from "../grid/grid";
import { detectLayouts, type SheetLayout } from "../ingest";
import { parsePeriod } from "../periods";

/** A sheet's layout key, and the heading texts it was made from (for people reading a recipe). */
export interface LayoutKey {
  key: string;
  sheet: string;
  headings: string[];
}

const KEY_VERSION = "v1";
/** Headings listed in a recipe for people to recognise the sheet by: enough to tell, not all of them. */
const HEADINGS_LISTED = 40;
/** Rows of text that stand for the headings of a sheet where none were found. */
const FALLBACK_ROWS = 3;

/** Math.imul, looked up once (see the same note in src/excel/ownership.ts). */
const imul = Math.imul;

/** A 53-bit hash as 14 hex digits (cyrb53's mixing): short, stable and the same wherever it runs. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, "0")}${(h1 >>> 0).toString(16).padStart(8, "0")}`;
}

const PERIOD = "{period}";

const squash = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** "Q2 2025-26" -> "{period}"; "Police Q2" -> "police q#"; "Scorecard" -> "scorecard". */
export function nameShape(name: string): string {
  const text = squash(name);
  if (text !== "" && parsePeriod(text) !== null) return PERIOD;
  return text.replace(/\d+/g, "#");
}

/** One heading cell in the key's normal form, or null for an empty cell. */
export function headingToken(cell: GridCell): string | null {
  const { value } = cell;
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return parsePeriod(cell) !== null ? PERIOD : "#";
  const text = squash(String(value));
  if (text === "") return null;
  if (parsePeriod(text) !== null) return PERIOD;
  return text.replace(/\d+/g, "#");
}

/** The absolute rows that hold the sheet's headings: the detector's, or else its first rows of text. */
function headingRows(grid: Grid, layouts: readonly SheetLayout[]): number[] {
  const found = [...new Set(layouts.filter((l) => l.kind !== "none").flatMap((l) => l.headerRows))].sort((a, b) => a - b);
  if (found.length > 0) return found;
  const rows: number[] = [];
  grid.rows.forEach((row, i) => {
    if (rows.length < FALLBACK_ROWS && row.some((c) => typeof c.value === "string" && c.value.trim() !== "")) rows.push(grid.origin.row + i);
  });
  return rows;
}

/**
 * The sheet's layout key. `layouts` may be handed in where the sheet was just detected with no
 * corrections (it is the same either way); otherwise the sheet is detected here.
 */
export function layoutKey(grid: Grid, layouts: readonly SheetLayout[] = grid.leftOut ? [] : detectLayouts(grid, {})): LayoutKey {
  const parts = [`sheet:${nameShape(grid.sheet)}`];
  const headings: string[] = [];
  for (const row of headingRows(grid, layouts)) {
    const cells = grid.rows[row - grid.origin.row] ?? [];
    const tokens: string[] = [];
    cells.forEach((cell, i) => {
      const token = headingToken(cell);
      if (token === null) return;
      tokens.push(`${grid.origin.col + i}=${token}`);
      if (!headings.includes(token)) headings.push(token);
    });
    parts.push(`r${row}:${tokens.join("\u001f")}`);
  }
  return { key: `${KEY_VERSION}-${hash53(parts.join("\u001e"))}`, sheet: grid.sheet, headings: headings.slice(0, HEADINGS_LISTED) };
}
