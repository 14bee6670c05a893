/**
 * The detector's questions about periods, answered by the period parser (../periods). A stacked
 * heading ("2025/26" over "Q1") and a row split over two period columns are read the same way;
 * partial headings ("Q1", "Apr") are completed from the parts around them, then from the title.
 */
import type { Period } from "../model/model";
import { findPeriodInText, parsePeriod, parseStackedPeriod, toPeriod, type ParsedPeriod } from "../periods";
import type { HeadingPart, PeriodReader } from "./period-reader";

function complete(p: ParsedPeriod | null): Period | null {
  return p && p.complete ? toPeriod(p) : null;
}

/** A period heading the parser reads completely, or whose year another heading can supply. */
function isHeading(part: HeadingPart): boolean {
  const p = parsePeriod(part.cell);
  return p !== null && (p.complete || p.missing === "year");
}

function ofParts(parts: HeadingPart[], title: string | null): Period | null {
  return complete(parseStackedPeriod(parts.map((p) => p.cell), { title }));
}

export const defaultPeriodReader: PeriodReader = {
  isHeading,
  ofHeading: ofParts,
  ofCell: ofParts,
  inText: (text) => complete(findPeriodInText(text)?.period ?? null),
};
