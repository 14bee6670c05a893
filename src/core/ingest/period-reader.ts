/**
 * The detector's view of the period parser (../periods): what a heading, a cell of a period
 * column, or a title says about the period. Kept to four questions so that the detector does not
 * depend on the parser's details.
 */
import type { GridCell } from "../grid/grid";
import type { Period } from "../model/model";

export interface HeadingPart {
  text: string;
  cell: GridCell;
}

export interface PeriodReader {
  /** Whether the text or cell on its own reads as a period heading, complete or partial ("Q1", "2025/26", "Apr-25"). */
  isHeading(part: HeadingPart): boolean;
  /** The period named by a stacked heading read top to bottom, completing "Q1" from a year band or the title's year. */
  ofHeading(parts: HeadingPart[], title: string | null): Period | null;
  /** The period in one cell of a period column (with the cells of a second period column, such as Year beside Quarter). */
  ofCell(parts: HeadingPart[], title: string | null): Period | null;
  /** The period a title or a sheet name mentions. */
  inText(text: string): Period | null;
  /**
   * A heading that joins a name and a period at one end ("Referrals Q1", "Tamsford Q2 2025-26",
   * "Q2 rate"): the period's words as a heading part of their own, and the name left over. Null
   * when no period stands at either end, or nothing is left beside it.
   */
  split(part: HeadingPart): { period: HeadingPart; rest: string } | null;
}
