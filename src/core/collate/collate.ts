/**
 * Collating agency returns (../shared/contract/CLI.md, `collate`): validate each return, merge
 * the accepted ones' figures, and say which expected returns have not come in.
 *
 * The decisions, for a secretary who must never lose or double a figure:
 * - A return with any error is rejected and contributes no figures (submissions.ts).
 * - A file that is not a readable return is a rejected submission with its reason; the others
 *   still collate.
 * - The same figure from two accepted returns is kept once, with a note; different figures are a
 *   conflict, and neither is collated (merge.ts).
 * - An agency is missing only when nothing came from it for a period collated; an agency whose
 *   only return was rejected is listed as rejected, not missing (missing.ts).
 */
import { mergeFigures } from "./merge";
import { expectedAgencies, missingAgencies, missingReturns } from "./missing";
import { duplicateNote, replacedNotes, unexpectedAgencyNotes } from "./notes";
import { checkSubmission } from "./submissions";
import type { CollateInput, CollateOptions, CollateResult } from "./types";

export function collateReturns(returns: readonly CollateInput[], options: CollateOptions = {}): CollateResult {
  const checked = returns.map((r) => checkSubmission(r, options));
  const submissions = checked.map((c) => c.submission);
  const merged = mergeFigures(checked.flatMap((c) => c.observations));
  const expected = expectedAgencies(options);
  const missingByPeriod = expected ? missingReturns(expected, submissions) : [];
  return {
    submissions,
    observations: merged.observations,
    missing: expected ? missingAgencies(expected, missingByPeriod) : [],
    conflicts: merged.conflicts,
    expected,
    missingByPeriod,
    duplicates: merged.duplicates,
    notes: [...merged.duplicates.map(duplicateNote), ...replacedNotes(submissions), ...unexpectedAgencyNotes(submissions, expected)],
  };
}

/** Whether the collation is complete and clean: every file accepted, nothing missing, no conflict. */
export function collationClean(r: CollateResult): boolean {
  return r.submissions.every((s) => s.status === "accepted") && r.missingByPeriod.length === 0 && r.conflicts.length === 0;
}

/** Whether any file could be read as a return at all. */
export function anyReadable(r: CollateResult): boolean {
  return r.submissions.some((s) => s.readable);
}
