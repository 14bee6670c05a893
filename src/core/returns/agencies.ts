/**
 * Choosing an agency's indicators from an indicator set for its return, and naming the
 * partnership the return belongs to.
 */
import type { GridWorkbook } from "../grid/grid";
import { findHeaderRow } from "../indicator-set";
import type { Indicator } from "../model/model";
import { labelKey } from "./layout";

/** The agencies of a set, as first written, in the order they first appear. */
export function agenciesOf(indicators: readonly Indicator[]): string[] {
  const seen = new Map<string, string>();
  for (const ind of indicators) {
    const name = (ind.agency ?? "").replace(/\s+/g, " ").trim();
    if (name !== "" && !seen.has(labelKey(name))) seen.set(labelKey(name), name);
  }
  return [...seen.values()];
}

/**
 * The agency's indicators, in the set's order, with the agency's name as the set writes it
 * ("police" finds "Police"); null when the set has no such agency.
 */
export function indicatorsForAgency(indicators: readonly Indicator[], agency: string): { agency: string; indicators: Indicator[] } | null {
  const key = labelKey(agency);
  const name = agenciesOf(indicators).find((a) => labelKey(a) === key);
  if (name === undefined) return null;
  return { agency: name, indicators: indicators.filter((i) => labelKey(i.agency ?? "") === key) };
}

/**
 * The partnership's name for a return made from an indicator set: the title above the set's
 * headings where the sheet has one ("Barnsley Safeguarding Children Partnership: indicators"),
 * else the set's file name without its extension. The command line has no option for it, and
 * the same set always gives the same name, so collation can recognise its own returns.
 */
export function partnershipOfSet(workbook: GridWorkbook, sheet: string | null): string {
  const grid = workbook.sheets.find((s) => s.sheet === sheet) ?? workbook.sheets[0];
  const header = grid ? findHeaderRow(grid) : null;
  if (grid && header) {
    for (let r = 0; r < header.row; r++) {
      const title = (grid.rows[r] ?? []).map((c) => (typeof c.value === "string" ? c.value.trim() : "")).find((t) => t !== "");
      if (title) return title.replace(/\s+/g, " ");
    }
  }
  const base = workbook.file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return base || workbook.file;
}
