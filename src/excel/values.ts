/**
 * How plan values are written to `Range.values` so that Excel stores exactly what the plan says.
 *
 * Excel treats a string written to `values` as if someone typed it: "=" starts a formula, and so
 * do "+" and "-" (and "@", Lotus-style) unless a number follows; strings that look like numbers,
 * percentages, dates, times, booleans or error values ("12", "50%", "Apr-25", "TRUE", "#N/A") are
 * converted. A plan string is always data (an agency's commentary may well begin with "=" or
 * "-"), so the adapter writes every string that Excel might interpret behind an apostrophe, which
 * Excel strips, storing the rest as text. The rule is deliberately broad: only plain words (a
 * string that starts with a letter, contains no digit and is not TRUE or FALSE) go without it,
 * because the apostrophe is invisible and harmless while a missed case silently changes the data.
 * Only `{ formula }` plan values are written as formulas.
 */
import type { PlanValue } from "../core/plan/plan";

export type ExcelCellInput = string | number | boolean;

/** True when Excel would store the string exactly as given if it were written without an apostrophe. */
export function isPlainText(s: string): boolean {
  return /^\p{L}/u.test(s) && !/\d/.test(s) && !/^(true|false)$/i.test(s.trim());
}

/** The formula as Excel takes it: with one leading "=". */
export function formulaText(formula: string): string {
  const bare = formula.trim().replace(/^=/, "");
  if (bare === "") throw new Error("A plan formula is empty.");
  return `=${bare}`;
}

/**
 * The value to put in a `Range.values` array for a plan value. Empty cells ("" or null) are
 * written as "", which Excel takes as "clear this cell".
 */
export function toExcelValue(value: PlanValue): ExcelCellInput {
  if (value === null) return "";
  if (typeof value === "object") return formulaText(value.formula);
  if (typeof value === "number") {
    // JSON cannot carry NaN or Infinity, and Excel has no such values: a plan holding one is a bug upstream.
    if (!Number.isFinite(value)) throw new Error(`A plan value is not a finite number (${value}).`);
    return value;
  }
  if (typeof value === "boolean") return value;
  if (value === "" || isPlainText(value)) return value;
  return `'${value}`;
}
