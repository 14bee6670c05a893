/**
 * The sheet in every template listing the checks its file will meet, so that an agency lead knows
 * before sending what will be looked at: one row per rule of the catalogue, its code, kind and title.
 */
import type { SheetPlan } from "../plan/plan";
import type { CatalogueEntry } from "./rules";

export interface ChecksSheetWords {
  /** The sheet's name and its table's: "Checks" and "ReturnChecks". */
  sheet: string;
  table: string;
  /** The filled-in file: "return", "audit". */
  noun: string;
  /** Where a query is explained: "Commentary", "Comments". */
  explainIn: string;
}

export function checksSheetPlan(words: ChecksSheetWords, rules: readonly CatalogueEntry[]): SheetPlan {
  const last = 4 + rules.length;
  return {
    name: words.sheet,
    blocks: [
      { at: "A1", values: [[`Checks made on this ${words.noun}`]] },
      { at: "A2", values: [[`Errors must be put right before the ${words.noun} is sent; queries are accepted once explained in ${words.explainIn}; warnings are worth a look.`]] },
      { at: "A4", values: [["Code", "Kind", "What is checked"], ...rules.map((r) => [r.code, r.severity, r.title])] },
    ],
    styles: [{ range: "A1", style: { bold: true, size: 14 } }],
    tables: [{ name: words.table, range: `A4:C${last}`, style: "TableStyleLight1" }],
    columnWidths: [
      { col: 0, width: 10 },
      { col: 1, width: 10 },
      { col: 2, width: 90 },
    ],
    protection: { protect: true, unlocked: [] },
  };
}
