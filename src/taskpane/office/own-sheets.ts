/**
 * Which sheets belong to the add-in. The add-in writes sheets with plain names (Scorecard,
 * Indicators, Observations, ...) into the analyst's own workbook, where a sheet of the same name
 * may well be the analyst's: a circulated scorecard is often called "Scorecard". So the add-in
 * keeps a list of the sheets it wrote on a hidden sheet of its own, and:
 * - replaces only sheets on that list when it writes again;
 * - writes under another name ("Scorecard (add-in)") where the name it wants is taken by a sheet
 *   that is not on the list, and remembers that name for next time;
 * - leaves its own sheets out when it reads the workbook, so that figures are not read twice.
 * The list is hidden rather than very hidden, so that anyone curious can unhide it and read it.
 */
import type { Grid } from "../../core/grid/grid";
import type { SheetPlan, WorkbookPlan } from "../../core/plan/plan";

export const OWN_SHEETS_SHEET = "Add-in sheets";

const HEADINGS = ["Sheet the add-in writes", "Written as"] as const;

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** The add-in's sheets: what each is called in the add-in, and the name it was written under. */
export type OwnSheets = Map<string, string>;

const key = (name: string): string => name.toLowerCase();

/** The list as read from the hidden sheet's values (the first row is the headings). */
export function ownSheetsFromValues(values: readonly (readonly unknown[])[] | null): OwnSheets {
  const own: OwnSheets = new Map();
  if (!values) return own;
  values.slice(1).forEach((row) => {
    const wanted = row[0];
    const actual = row[1];
    if (typeof wanted === "string" && wanted.trim() !== "" && typeof actual === "string" && actual.trim() !== "") {
      own.set(wanted.trim(), actual.trim());
    }
  });
  return own;
}

export function ownSheetsFromGrid(grid: Grid | undefined): OwnSheets {
  return ownSheetsFromValues(grid ? grid.rows.map((row) => row.map((c) => c.value)) : null);
}

/** Names of the add-in's sheets (and the list itself) in a set of sheet names, as written. */
export function isOwnSheet(name: string, own: OwnSheets): boolean {
  const k = key(name);
  return k === key(OWN_SHEETS_SHEET) || [...own.values()].some((actual) => key(actual) === k);
}

export interface PlacedPlan {
  /** The plan with each sheet under the name it is written as, and the list of the add-in's sheets added. */
  plan: WorkbookPlan;
  /** The names the visible sheets were written under, in the plan's order (the list itself left out). */
  written: string[];
  /** Sheets written under another name because the analyst has a sheet of the name wanted. */
  renamed: { wanted: string; actual: string }[];
}

function candidateNames(wanted: string): string[] {
  const suffix = " (add-in)";
  const base = wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd();
  const out = [`${base}${suffix}`];
  for (let n = 2; n < 100; n++) {
    const tail = ` (add-in ${n})`;
    out.push(`${wanted.slice(0, MAX_SHEET_NAME - tail.length).trimEnd()}${tail}`);
  }
  return out;
}

/**
 * Gives each of the plan's sheets the name it is written under: the add-in's earlier sheet of that
 * name if there is one (so it is replaced), else the name wanted if no sheet has it, else a new name.
 * `mustKeepName` lists sheets whose name others rely on (a return template's "Return" sheet): one of
 * those that cannot have its name is an error for the caller to report, not a rename.
 */
export function placeOwnSheets(
  plan: WorkbookPlan,
  existing: readonly string[],
  own: OwnSheets,
  mustKeepName: readonly string[] = [],
): PlacedPlan | { blocked: string } {
  const taken = new Set(existing.map(key));
  // Names of the add-in's sheets that no longer exist are forgotten.
  const next: OwnSheets = new Map([...own].filter(([, actual]) => taken.has(key(actual))));
  const used = new Set<string>();
  const renamed: { wanted: string; actual: string }[] = [];
  const sheets: SheetPlan[] = [];

  for (const sheet of plan.sheets) {
    const wanted = sheet.name;
    const earlier = next.get(wanted);
    let actual: string | undefined;
    if (earlier !== undefined && !used.has(key(earlier))) actual = earlier;
    else if (!taken.has(key(wanted)) && !used.has(key(wanted))) actual = wanted;
    else if (mustKeepName.includes(wanted)) return { blocked: wanted };
    else actual = candidateNames(wanted).find((n) => !taken.has(key(n)) && !used.has(key(n)));
    if (actual === undefined) return { blocked: wanted };
    used.add(key(actual));
    next.set(wanted, actual);
    if (key(actual) === key(wanted)) {
      sheets.push(sheet);
    } else {
      renamed.push({ wanted, actual });
      // Table names are unique across a workbook, and the analyst's sheet of the wanted name may
      // hold a table of the name this one wants; the renamed sheet's tables are renamed with it.
      sheets.push({
        ...sheet,
        name: actual,
        tables: sheet.tables?.map((t) => ({ ...t, name: `${t.name}_AddIn` })),
      });
    }
  }
  const written = sheets.filter((s) => (s.state ?? "visible") === "visible").map((s) => s.name);
  const activeWanted = plan.activeSheet;
  const activeSheet = activeWanted === undefined ? written[0] : (next.get(activeWanted) ?? activeWanted);
  return {
    plan: { sheets: [...sheets, ownSheetsSheet(next)], ...(activeSheet !== undefined ? { activeSheet } : {}) },
    written,
    renamed,
  };
}

/** The hidden sheet listing the add-in's sheets. */
export function ownSheetsSheet(own: OwnSheets): SheetPlan {
  const rows = [...own].sort(([a], [b]) => a.localeCompare(b)).map(([wanted, actual]) => [wanted, actual]);
  return {
    name: OWN_SHEETS_SHEET,
    state: "hidden",
    blocks: [{ at: "A1", values: [[...HEADINGS], ...rows] }],
    columnWidths: [
      { col: 0, width: 28 },
      { col: 1, width: 28 },
    ],
  };
}

/** "the sheet “Scorecard”" or "the sheets “A”, “B” and “C”". */
export function describeSheets(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  if (quoted.length === 0) return "nothing";
  if (quoted.length === 1) return `the sheet ${quoted[0]}`;
  return `the sheets ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** What a write did, in a sentence or two, saying where a sheet went under another name and why. */
export function describeWrite(placed: PlacedPlan): string {
  const parts = [`Wrote ${describeSheets(placed.written)}.`];
  for (const r of placed.renamed) {
    parts.push(`This workbook has a sheet of its own called “${r.wanted}”, so the add-in wrote “${r.actual}” and left yours alone.`);
  }
  parts.push("Only sheets the add-in wrote were replaced.");
  return parts.join(" ");
}
