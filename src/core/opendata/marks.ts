/**
 * The statistics marks official statistics put where a figure is not given, and the status each
 * one becomes. The mark itself is always kept on the observation (`mark`), so nothing is lost
 * when a reader disagrees with a status.
 *
 * Sources: the Department for Education's open data standards ("Data symbols", in its analysts'
 * guide, statistics-production/ud.qmd) and the symbols its data screener accepts
 * (dfe-published-data-qa, R/knownVariables.r: current "x", "z", "c", "low"; legacy "~", ":"),
 * which follow the Government Statistical Service's guidance on symbols in tables.
 */
import type { ObservationStatus } from "../model/model";

export interface MarkMeaning {
  status: ObservationStatus;
  /** Why, in words for the README and for people reading a warning. */
  meaning: string;
}

/** Keyed by the mark in lower case ("Low" and "low" are one mark); the mark as written is kept. */
export const MARKS: ReadonlyMap<string, MarkMeaning> = new Map<string, MarkMeaning>([
  ["c", { status: "suppressed", meaning: "confidential: withheld to protect individuals" }],
  ["x", { status: "not_available", meaning: "not available for another reason (not collected, or not published)" }],
  ["z", { status: "not_applicable", meaning: "not applicable: there is nothing to count" }],
  ["u", { status: "low_reliability", meaning: "low reliability: published, but not to be relied on (for example missing returns)" }],
  [":", { status: "not_available", meaning: "not available (the older mark for what is now x)" }],
  // "low" is a real figure above zero that rounds to zero: it exists but is not shown, so it is
  // withheld like a suppressed figure, never read as 0.
  ["low", { status: "suppressed", meaning: "a figure above zero that rounds to zero: withheld, never 0" }],
  ["~", { status: "suppressed", meaning: "a figure above zero that rounds to zero (the older mark for low)" }],
  // "k" is not in the Department's current list. Older local-authority tables used it, as "low"
  // is used now, for a small figure not shown; read that way it is withheld, never a number.
  ["k", { status: "suppressed", meaning: "a small figure not shown (an older mark, read as low)" }],
  // Analysts' own exports (R, Python, Excel) write these for a figure that could not be given.
  ["na", { status: "not_available", meaning: "not available (an analysis tool's empty value)" }],
  ["nan", { status: "not_available", meaning: "not available (a calculation that could not be made, such as 0 divided by 0)" }],
  ["n/a", { status: "not_available", meaning: "not available" }],
]);

export function markMeaning(text: string): MarkMeaning | null {
  return MARKS.get(text.trim().toLowerCase()) ?? null;
}

/**
 * Text short enough to be a mark nobody told us about ("q", "*", "..", "[c]"): in a column of
 * figures it is reported as an unknown mark rather than turning the column into a breakdown.
 */
export function looksLikeMark(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 5 && !/\d/.test(t) && !/\s/.test(t);
}
