/**
 * The RAG rule as Excel formulas, so that a workbook rates itself: edit a figure, a target or
 * a threshold and the rating follows, in Excel or in LibreOffice, with no add-in present.
 * The arithmetic is rate.ts's, comparison for comparison (tests hold the two together).
 *
 * Every branch is guarded with ISNUMBER and IF (which, unlike AND, evaluates only the branch
 * taken), so that text in a figure or target cell ("<5", "n/a") gives no rating, not #VALUE!.
 * Formulas carry no leading "=", as plan formulas do not.
 */
import type { Rag } from "../model";
import { RAG_EPSILON } from "./rate";

/** Cell references, in whatever form the caller needs ("$H7" for a rule over a column, "$B$3" for a fixed cell). */
export interface RagCellRefs {
  /** The figure being rated. */
  value: string;
  target: string;
  /** Holds "higher", "lower" or "band" (Excel compares text without regard to case). */
  polarity: string;
  /** Shares of target, e.g. 0.95 and 0.9. */
  green: string;
  amber: string;
  /** Band edges; leave out where no indicator has a band, and "band" rows are then unrated. */
  bandLow?: string;
  bandHigh?: string;
}

/** The letter a formula gives for each rating; "" is no rating. */
export const RAG_LETTERS: Record<Rag, string> = { green: "G", amber: "A", red: "R" };

/** "1E-9": Excel and LibreOffice both read this spelling. */
const EPS = RAG_EPSILON.toExponential().toUpperCase();

/** share reached: "actual >= (share - eps) * target", as in rate.ts. */
function reaches(actual: string, target: string, share: string): string {
  return `${actual}>=(${share}-${EPS})*${target}`;
}

function targetBranch(r: RagCellRefs, polarity: "higher" | "lower"): string {
  const [big, small] = polarity === "higher" ? [r.value, r.target] : [r.target, r.value];
  return (
    `IF(${r.target}>0,` +
    `IF(${reaches(big, small, r.green)},"G",IF(${reaches(big, small, r.amber)},"A","R")),"")`
  );
}

function bandBranch(r: RagCellRefs, low: string, high: string): string {
  const inside = `AND(${r.value}>=${low},${r.value}<=${high})`;
  const nearly = `AND(${reaches(r.value, low, r.amber)},${reaches(high, r.value, r.amber)})`;
  return `IF(${low}<=${high},IF(${inside},"G",IF(${nearly},"A","R")),"")`;
}

/**
 * The rating as a formula giving "G", "A", "R" or "" (no rating): the RAG column's formula.
 * Where `bandLow`/`bandHigh` are given, band rows are rated too.
 */
export function ragFormula(r: RagCellRefs): string {
  const noRating = `""`;
  const band =
    r.bandLow !== undefined && r.bandHigh !== undefined
      ? `IF(AND(${r.polarity}="band",ISNUMBER(${r.bandLow}),ISNUMBER(${r.bandHigh})),${bandBranch(r, r.bandLow, r.bandHigh)},${noRating})`
      : noRating;
  const lower = `IF(AND(${r.polarity}="lower",ISNUMBER(${r.target})),${targetBranch(r, "lower")},${band})`;
  const higher = `IF(AND(${r.polarity}="higher",ISNUMBER(${r.target})),${targetBranch(r, "higher")},${lower})`;
  return `IF(ISNUMBER(${r.value}),${higher},${noRating})`;
}

/**
 * A conditional-format condition true where the rating is `rag`. It restates the whole rule
 * rather than reading the RAG column's letter, so the colour is computed from the figure,
 * target, polarity and thresholds even if someone types over a letter.
 */
export function ragConditionFormula(r: RagCellRefs, rag: Rag): string {
  return `${ragFormula(r)}="${RAG_LETTERS[rag]}"`;
}
