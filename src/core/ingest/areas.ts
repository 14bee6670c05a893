/**
 * Tables whose rows are areas: a growth table by borough, a workforce table by council and year,
 * official figures for England and its regions. The row labels are the places the figures
 * describe, not indicators and not agencies: each figure gets the area (with its codes), and the
 * table's other text columns ("Seniority", "Gender") are breakdowns of the figure, not its name.
 *
 * A column is an area column when most of its labels are English areas (local authorities by any
 * of their written names or codes, regions, England), or when its heading says so ("LA",
 * "LEAName", "Local authority") and half its labels are. A label naming a council as an
 * organisation ("Barnsley Council", "Kirklees MBC") is an agency, not an area.
 */
import { findArea } from "../areas";
import type { Area } from "../model/model";
import { cellText, isBlankCell, type SheetView } from "./sheet-view";
import { normaliseHeading, tidy } from "./text";

const AREA_HEADING = /^(la|las|lea|lea name|la name|local authority|local authorities|local authority name|authority|area|area name|areas|geography|region|council area|borough)$/;
const SAMPLE = 300;
const ORGANISATION = /\b(council|mbc|cc|borough council|county council|city council|metropolitan borough council)$/i;

/** The area a label names, unless it names a council as an organisation. */
export function areaOfLabel(text: string): Area | null {
  const t = tidy(text);
  if (ORGANISATION.test(t)) return null;
  return findArea(t);
}

/** Whether a column of labels names areas, from its heading and its cells over the data rows. */
export function isAreaColumn(view: SheetView, col: number, rows: number[], heading: string): boolean {
  let labels = 0;
  let areas = 0;
  const distinct = new Set<string>();
  // A table of areas names areas from its first rows on: a sample of labels decides, so that a
  // 50,000-row table of indicators is not read twice.
  for (const r of rows) {
    if (labels >= SAMPLE) break;
    const cell = view.cell(r, col);
    if (isBlankCell(cell)) continue;
    const text = tidy(cellText(cell));
    labels++;
    const area = areaOfLabel(text);
    if (area) {
      areas++;
      distinct.add(area.name);
    }
  }
  if (labels === 0 || distinct.size === 0) return false;
  const named = AREA_HEADING.test(normaliseHeading(heading));
  // Without a heading that says so, three different areas at least: two place names in a list of
  // agencies are not enough to call the rows places.
  return areas >= (named ? 0.5 : 0.7) * labels && (named || distinct.size >= 3);
}
