/**
 * Rating one figure against its target. The same arithmetic is written as an Excel formula in
 * formula.ts; the two are tested against each other, so keep them in step.
 *
 * Every comparison is made without dividing: "actual / target >= 0.95" is written
 * "actual >= (0.95 - EPSILON) * target". That avoids dividing by a zero actual (an actual of 0
 * is the best result where lower is better) and makes the boundary exact: 19 against a target
 * of 20 is exactly 95% and green, although 19 / 20 and 0.95 are not quite the same binary
 * number for every target (0.285 / 0.3 is 0.9499999999999998 in floating point).
 * EPSILON is a billionth of the target: no real figure is that close to a boundary without
 * being meant to sit on it.
 */
import type { Band, Polarity, Rag, Unit } from "../model";
import type { RagThresholds } from "./rule";

export const RAG_EPSILON = 1e-9;

/** True when achieving `actual` against `target` reaches `share` of it, for the polarity. */
function reaches(actual: number, target: number, polarity: "higher" | "lower", share: number): boolean {
  const s = share - RAG_EPSILON;
  return polarity === "higher" ? actual >= s * target : target >= s * actual;
}

function rateAgainstTarget(value: number, target: number, polarity: "higher" | "lower", t: RagThresholds): Rag {
  if (reaches(value, target, polarity, t.green)) return "green";
  if (reaches(value, target, polarity, t.amber)) return "amber";
  return "red";
}

/**
 * A band is good between its edges. Outside, the nearer edge is rated as a target: below the
 * band the low edge is a target where higher is better, above it the high edge is a target
 * where lower is better. Green is kept for inside the band, so the green threshold plays no
 * part; amber is reaching the amber share of the nearer edge; red is further out.
 * With the default 90%: for a band of 20 to 30, 18 and 33.3 are amber, 17.9 and 33.4 are red.
 */
function rateAgainstBand(value: number, band: Band, t: RagThresholds): Rag {
  if (value >= band.low && value <= band.high) return "green";
  if (reaches(value, band.low, "higher", t.amber) && reaches(value, band.high, "lower", t.amber)) return "amber";
  return "red";
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * The rating of a figure, or null where it cannot be rated: no figure (a suppressed or missing
 * value arrives as null), no polarity, no target or a target of 0 or less (achievement against
 * it means nothing), or a band polarity without a band.
 */
export function rateValue(
  value: number | null | undefined,
  target: number | null | undefined,
  polarity: Polarity | null | undefined,
  rule: RagThresholds,
  band?: Band | null,
): Rag | null {
  if (!isNumber(value)) return null;
  if (polarity === "band") {
    if (!band || !isNumber(band.low) || !isNumber(band.high) || band.low > band.high) return null;
    return rateAgainstBand(value, band, rule);
  }
  if (polarity !== "higher" && polarity !== "lower") return null;
  if (!isNumber(target) || target <= 0) return null;
  return rateAgainstTarget(value, target, polarity, rule);
}

/** Drop the binary noise of scaling by 100 (0.07 * 100 is 7.000000000000001). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** "≥ 90%", ">=90", "< 5", "= 12" all give the number: the sign only restates the polarity. */
const LEADING_SIGN = /^(?:>=|<=|=>|=<|≥|≤|>|<|=)\s*/;

/**
 * A target in the indicator's own units, however it was written. Percent indicators hold
 * percent units (87.5 means 87.5%), so for them "90%", 0.9 and 90 all mean 90.
 * A bare number for a percent indicator is read as a fraction when it is above 0 and at most 1,
 * because a target of 100% written as 1 is common and a target of 1% is not; pass
 * `{ fraction: true | false }` where the source settles it (a cell formatted as a percentage).
 * Blank, "n/a" and other text give null.
 */
export function normaliseTarget(
  raw: string | number | null | undefined,
  unit: Unit | null | undefined,
  options: { fraction?: boolean } = {},
): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return scaleForUnit(raw, unit, options.fraction);
  const text = raw.trim().replace(LEADING_SIGN, "").replace(/,/g, "");
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*(%?)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  // "90%" is already in percent units, whatever the unit column says.
  if (m[2] === "%") return Number.isFinite(n) ? n : null;
  return scaleForUnit(n, unit, options.fraction);
}

function scaleForUnit(n: number, unit: Unit | null | undefined, fraction: boolean | undefined): number | null {
  if (!Number.isFinite(n)) return null;
  if (unit !== "percent") return n;
  const isFraction = fraction ?? (n > 0 && n <= 1);
  return isFraction ? tidy(n * 100) : n;
}
