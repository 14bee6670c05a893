/**
 * The warnings ingest gives: one code, one meaning, and whether a person must look before the
 * reading is used (a doubt) or it is only worth knowing (a note). Codes are stable: tools match
 * on them. A doubt makes the command line exit 1; notes alone leave it at 0.
 */
import type { Warning } from "../model/model";
import { OPENDATA_WARNING_CODES } from "../opendata/warnings";

export interface WarningCode {
  meaning: string;
  /** True when the reading is in doubt until a person has looked. */
  doubt: boolean;
}

export const INGEST_WARNING_CODES = {
  INGEST_SHEET_SKIPPED: { doubt: false, meaning: "A sheet was not read: it is not an indicator table (a cover or notes sheet), or the analyst left it out." },
  INGEST_NOT_INDICATOR_TABLE: { doubt: false, meaning: "A sheet was not read because it is a list, not a table of figures: one row per child or case, a register, a code list, a change log or a data dictionary." },
  INGEST_LOW_CONFIDENCE: { doubt: true, meaning: "A sheet was read, but the evidence in its reading (figures left out, periods out of order, mixed units, clashing figures) says a person should check it." },
  INGEST_AMBIGUOUS_HEADER: { doubt: true, meaning: "A column holds figures but its heading does not say what they are (no period beside columns that have one); it is left out." },
  INGEST_UNPARSED_VALUE: { doubt: true, meaning: "A figure cell holds text that is neither a number nor a recognised mark; it is left out." },
  INGEST_UNPARSED_PERIOD: { doubt: true, meaning: "A period cell could not be read as a period; the row's figures are left out." },
  INGEST_NO_PERIOD: { doubt: true, meaning: "No heading, column or title says which period a figure is for; it is left out." },
  INGEST_NO_INDICATOR: { doubt: true, meaning: "A row has figures but no indicator label; they are left out." },
  INGEST_TARGETS_JOINED: { doubt: false, meaning: "A sheet of targets was read for its targets, which were given to the figures of the same indicator and agency on the other sheets." },
  INGEST_TARGET_UNMATCHED: { doubt: false, meaning: "A target on a sheet of targets matches no figure on the other sheets, so it is not used." },
  INGEST_MEASURE_FROM_FILE_NAME: { doubt: true, meaning: "Nothing on a sheet of areas names what its figures measure, so the file's name stands in for the measure's name." },
  INGEST_CELL_ERROR: { doubt: false, meaning: "A figure cell shows an Excel error (#DIV/0!, #N/A); it is read as missing." },
  INGEST_ZERO_DENOMINATOR: { doubt: false, meaning: "A percentage to be worked out from a numerator and a zero denominator; it is read as missing." },
  INGEST_INCOMPLETE_FRACTION: { doubt: false, meaning: "Only one of a numerator and a denominator is given, and no value; nothing is worked out." },
  INGEST_FRACTIONS_AS_PERCENT: { doubt: false, meaning: "A percentage column holds unrounded fractions from 0 to 1 with no percentage format (0.714 for 71.4%), as pasted values do; its figures are read as percentages." },
  INGEST_COPIED_FIGURE: { doubt: false, meaning: "A cell only repeats a figure from another sheet of the workbook (='Data entry'!D6) that is read there, so it is not counted twice." },
  INGEST_DUPLICATE_OBSERVATION: { doubt: true, meaning: "The same indicator, agency and period appear twice with different figures." },
} as const satisfies Record<string, WarningCode>;

export type IngestWarningCode = keyof typeof INGEST_WARNING_CODES;

/** The catalogues of the readers ingest hands sheets to: official statistics have their own. */
const extraCatalogues: readonly Readonly<Record<string, WarningCode>>[] = [OPENDATA_WARNING_CODES];

/**
 * Whether a warning leaves the reading in doubt. Other readers (official statistics) pass their
 * own catalogue; a code in no catalogue counts as a doubt, so that nothing new slips through as fine.
 */
export function isDoubt(code: string, ...catalogues: Readonly<Record<string, WarningCode>>[]): boolean {
  for (const catalogue of [INGEST_WARNING_CODES as Readonly<Record<string, WarningCode>>, ...extraCatalogues, ...catalogues]) {
    const known = catalogue[code];
    if (known) return known.doubt;
  }
  return true;
}

/** What a code means, from the catalogues, or null for a code in none. */
export function meaningOf(code: string, ...catalogues: Readonly<Record<string, WarningCode>>[]): string | null {
  for (const catalogue of [INGEST_WARNING_CODES as Readonly<Record<string, WarningCode>>, ...extraCatalogues, ...catalogues]) {
    const known = catalogue[code];
    if (known) return known.meaning;
  }
  return null;
}

/** How many cells one grouped warning lists; its count says how many there were in all. */
export const CELLS_LISTED = 20;

/** A warning standing for several of one code on one sheet: the count, and the first cells. */
export interface GroupedWarning extends Warning {
  count: number;
  cells: string[];
}

/**
 * One warning per code and sheet where there are several, with the count and the first few
 * cells, so a file with 20,000 unreadable cells gives a handful of lines a person can act on.
 * Single warnings are kept as they are. Order follows the first warning of each group.
 */
export function groupWarnings(warnings: Warning[]): (Warning | GroupedWarning)[] {
  const groups = new Map<string, Warning[]>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.sheet ?? ""}`;
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  const out: (Warning | GroupedWarning)[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    // Each table's confidence has its own reasons: kept one by one.
    if (list.length < 3 || first.code === "INGEST_LOW_CONFIDENCE") {
      out.push(...list);
      continue;
    }
    const cells = list.map((w) => w.cell).filter((c): c is string => c !== null);
    const shown = cells.slice(0, 3).join(", ");
    out.push({
      code: first.code,
      message: `${list.length} cells${first.sheet ? ` on sheet "${first.sheet}"` : ""}${shown ? ` (${shown}${cells.length > 3 ? ", …" : ""})` : ""}: ${meaningOf(first.code) ?? first.message}`,
      sheet: first.sheet,
      cell: first.cell,
      count: list.length,
      cells: cells.slice(0, CELLS_LISTED),
    });
  }
  return out;
}
