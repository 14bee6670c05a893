/**
 * What the period parser hands back. A complete result is a contract Period ({start, end, label})
 * with a little more said about it; a partial result is a heading that names its months but not
 * its year ("Q1", "Apr-Jun") or a year-to-date that does not say how far it runs ("2025/26 YTD"),
 * to be completed from another heading row or the sheet's title.
 */
import type { CellValue } from "../grid/grid";

export type PeriodKind = "quarter" | "month" | "financialYear" | "calendarYear" | "yearToDate" | "range";

/** Anything that holds a period heading: text, a number, a Date, or a grid cell. */
export interface CellLike {
  value: CellValue;
  text?: string;
  numberFormat?: string;
}
export type PeriodInput = string | number | Date | CellLike | null | undefined;

export interface ParseContext {
  /**
   * The financial year (by the year it starts: 2025 for 2025/26) to complete headings that carry
   * no year, such as "Q1" or "Apr". A partial result is returned when it is absent.
   */
  fiscalYearStart?: number;
}

interface ParsedBase {
  kind: PeriodKind;
  /** The canonical label (see index.ts); for a partial result, the part that is known ("Q1"). */
  label: string;
  /** The heading as read, whitespace collapsed. */
  text: string;
  /** Footnote marks and status words removed from the heading: "*", "1", "provisional", "r". */
  annotations: string[];
  /**
   * Set when the reading rests on a convention rather than on the heading alone, e.g. "Q4 2025"
   * read as January to March 2025. Ingest may pass it on as a warning.
   */
  assumption?: string;
}

export interface CompletePeriod extends ParsedBase {
  complete: true;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  /** YYYY-MM-DD, inclusive. */
  end: string;
}

export interface PartialPeriod extends ParsedBase {
  complete: false;
  /**
   * year: the months are known but not the year ("Q1", "Apr-Jun", "YTD Q2").
   * end: a year to date whose start is known but not how far it runs ("2025/26 YTD").
   * yearAndEnd: a bare "YTD".
   */
  missing: "year" | "end" | "yearAndEnd";
  /**
   * With missing "year": the months as offsets into a financial year, 0 = April .. 11 = March;
   * `to` runs past 11 when the span crosses March ("Jan-Jun" is 9..14).
   */
  fiscalMonths?: { from: number; to: number };
  /** With missing "end": the first day, YYYY-MM-DD. */
  start?: string;
}

export type ParsedPeriod = CompletePeriod | PartialPeriod;

/** A period found inside a longer text, with where it was found (UTF-16 offsets into that text). */
export interface PeriodMatch {
  period: ParsedPeriod;
  index: number;
  length: number;
  /** The matched part of the text, as written. */
  text: string;
}
