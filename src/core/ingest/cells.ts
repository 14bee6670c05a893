/** What a single cell shows, as the detector reads it. */
import type { GridCell } from "../grid/grid";

/** Whether a cell shows nothing. */
export function isBlankCell(cell: GridCell): boolean {
  if (cell.error) return false;
  if (cell.value === null || cell.value === undefined) return cell.text.trim() === "";
  return typeof cell.value === "string" && cell.value.trim() === "";
}

/** The text a person reads in the cell: the displayed text, or the value when there is none. */
export function cellText(cell: GridCell): string {
  if (cell.error) return cell.error;
  if (typeof cell.value === "string") return cell.value;
  if (cell.text) return cell.text;
  return cell.value === null || cell.value === undefined ? "" : String(cell.value);
}
