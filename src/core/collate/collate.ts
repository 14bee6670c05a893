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
import { actionsFromAudits, dueLists, mergeActionLog } from "../actions";
import { collateAudits, ratingObservations } from "./audits";
import { mergeFigures } from "./merge";
import { expectedAgencies, missingAgencies, missingReturns } from "./missing";
import { auditDuplicateNote, duplicateNote, replacedNotes, unexpectedAgencyNotes } from "./notes";
import { checkSubmission } from "./submissions";
import type { CollatedActionLog, CollateInput, CollateOptions, CollateResult } from "./types";
import type { AuditContent } from "../s11";

/** Today's date where the machine is, YYYY-MM-DD: the day a secretary means by "today". */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The action log after this collation, where there are audits or a log to carry forward. */
function actionLogOf(audits: readonly AuditContent[], options: CollateOptions): CollatedActionLog | null {
  if (audits.length === 0 && options.previousLog === undefined) return null;
  const merged = mergeActionLog(options.previousLog ?? null, actionsFromAudits(audits));
  return { ...merged, due: dueLists(merged.actions, options.today ?? localToday()) };
}

export function collateReturns(returns: readonly CollateInput[], options: CollateOptions = {}): CollateResult {
  const checked = returns.map((r) => checkSubmission(r, options));
  const submissions = checked.map((c) => c.submission);
  const merged = mergeFigures(checked.flatMap((c) => c.observations));
  const audits = collateAudits(checked.flatMap((c) => (c.audit ? [c.audit] : [])));
  const expected = expectedAgencies(options);
  const missingByPeriod = expected ? missingReturns(expected, submissions) : [];
  return {
    submissions,
    observations: [...merged.observations, ...ratingObservations(audits.audits)],
    missing: expected ? missingAgencies(expected, missingByPeriod) : [],
    conflicts: [...merged.conflicts, ...audits.ratingConflicts],
    expected,
    missingByPeriod,
    duplicates: merged.duplicates,
    notes: [
      ...merged.duplicates.map(duplicateNote),
      ...audits.duplicates.map(auditDuplicateNote),
      ...replacedNotes(submissions),
      ...unexpectedAgencyNotes(submissions, expected),
    ],
    audits: audits.audits,
    auditConflicts: audits.conflicts,
    auditDuplicates: audits.duplicates,
    actionLog: actionLogOf(audits.audits, options),
  };
}

/**
 * The collation with its action log merged again, into the log as it is now: the task pane
 * collates the files first and reads the workbook's log only when it writes, so that an edit
 * made in between is not lost.
 */
export function withActionLog(result: CollateResult, options: Pick<CollateOptions, "previousLog" | "today">): CollateResult {
  return { ...result, actionLog: actionLogOf(result.audits, options) };
}

/** Whether the collation is complete and clean: every file accepted, nothing missing, no conflict. */
export function collationClean(r: CollateResult): boolean {
  return (
    r.submissions.every((s) => s.status === "accepted") &&
    r.missingByPeriod.length === 0 &&
    r.conflicts.length === 0 &&
    r.auditConflicts.length === 0
  );
}

/** Whether any file could be read as a return at all. */
export function anyReadable(r: CollateResult): boolean {
  return r.submissions.some((s) => s.readable);
}
