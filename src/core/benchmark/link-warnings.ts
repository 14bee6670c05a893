/**
 * The warnings given when the partnership's indicators are linked to published figures (ingest
 * with --benchmarks, and the pane's Scorecard). Codes are stable: tools match on them. A doubt
 * makes `ingest` exit 1 (a person must look before relying on the comparison); a note does not.
 */
import type { WarningCode } from "../ingest/warnings";
import { BENCHMARK_WARNING_CODES } from "./warnings";

export const BENCHMARK_LINK_WARNING_CODES = {
  BENCHMARK_MAP_SUGGESTED: {
    doubt: true,
    meaning: "No map was given, so an indicator was linked to a published figure by the words of their names (how sure is stated); check it, or give a map.",
  },
  BENCHMARK_MAP_AMBIGUOUS: {
    doubt: true,
    meaning: "An indicator's name fits two or more published figures equally well, so none was chosen; give a map to say which.",
  },
  BENCHMARK_MAP_UNMATCHED: { doubt: false, meaning: "Indicators whose names match no published figure: they have no comparator columns." },
  BENCHMARK_MAP_NO_INDICATOR: { doubt: true, meaning: "A link in the map names an indicator the scorecard does not have; it is not used." },
  BENCHMARK_MAP_NO_COLUMN: { doubt: true, meaning: "A link in the map names a published column (or file) that is not in the files given; that indicator has no comparators." },
  BENCHMARK_MAP_BREAKDOWN: {
    doubt: true,
    meaning: "A published column has figures for several breakdowns and the link does not say which one; that indicator has no comparators.",
  },
  BENCHMARK_MAP_NO_AREA_FIGURES: { doubt: false, meaning: "The area has no figures in a linked column, so that indicator has no comparators." },
  BENCHMARK_MAP_REPEATED: { doubt: false, meaning: "The map links one indicator more than once; the first link is used." },
  BENCHMARK_NEIGHBOURS_LEFT_OUT: {
    doubt: false,
    meaning: "Some neighbours' figures were suppressed, of low reliability or not available, and were left out of the neighbours' means (counted per indicator).",
  },
} as const satisfies Record<string, WarningCode>;

export type BenchmarkLinkWarningCode = keyof typeof BENCHMARK_LINK_WARNING_CODES;

/**
 * The benchmark's own warnings, as `ingest` classes them: each says which match was used or why
 * a column is empty, which is worth knowing but leaves no figure in doubt.
 */
export const BENCHMARK_NOTES: Readonly<Record<string, WarningCode>> = Object.fromEntries(
  Object.entries(BENCHMARK_WARNING_CODES).map(([code, meaning]) => [code, { doubt: false, meaning }]),
);
