/**
 * The page setup the add-in's printed sheets share: landscape, one page wide (a sheet is read
 * across, so its columns are never split over pages), as many pages down as it needs, and its
 * heading row at the top of every page.
 */
import type { PrintPlan } from "./plan";

/**
 * `paper` is chosen by how wide the sheet is: A4 while fitting its columns to one page keeps text
 * readable, A3 for the wide ones. `headingRow` is zero-based.
 */
export function landscapeOnePageWide(paper: PrintPlan["paper"], headingRow: number, area?: string): PrintPlan {
  return { paper, orientation: "landscape", fitWidth: 1, fitHeight: null, ...(area ? { area } : {}), titleRows: [headingRow] };
}
