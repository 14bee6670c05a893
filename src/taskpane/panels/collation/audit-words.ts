/**
 * The Section 11 part of a collation in words, for the Collation panel. Types only from the
 * engine, so that the pane opens without loading it.
 */
import type { CollateResult } from "../../../core/collate/types";
import { count, listSome } from "../analyst/import-summary";

/** "2 Section 11 audits collated: 3 standards to challenge (1 Not met)." or null when no audit came in. */
export function auditWords(r: CollateResult): string | null {
  const filed = r.submissions.filter((s) => s.kind === "section-11-audit").length;
  if (filed === 0) return null;
  const ratings = r.audits.flatMap((a) => a.standards.map((s) => s.rating));
  const below = ratings.filter((x) => x === "Partly met" || x === "Not met").length;
  const notMet = ratings.filter((x) => x === "Not met").length;
  const challenge = below === 0 ? "no standard rated below Fully met" : `${count(below, "standard")} to challenge (${notMet} Not met)`;
  return `${count(r.audits.length, "Section 11 audit")} collated, of ${filed} received: ${challenge}.`;
}

/** Audits from one agency and period that disagree: none of them is collated. */
export function auditConflictWords(r: CollateResult): string | null {
  if (r.auditConflicts.length === 0) return null;
  const which = r.auditConflicts.map((c) => `${c.agency} (${c.files.join(" and ")})`);
  return `${count(r.auditConflicts.length, "agency's audits disagree", "agencies' audits disagree")}, so none of them is collated: ${listSome(which)}.`;
}

/** The action log as it will be written, and its lists. */
export function actionLogWords(r: CollateResult): string | null {
  const log = r.actionLog;
  if (!log) return null;
  const kept = log.changes.keptEdits.length;
  const parts = [
    `Action log: ${count(log.actions.length, "action")}, ${log.changes.added.length} new`,
    `${log.due.overdue.length} overdue, ${log.due.dueSoon.length} due within 4 weeks`,
  ];
  if (log.due.completeWithoutEvidence.length) parts.push(`${count(log.due.completeWithoutEvidence.length, "marked complete without evidence", "marked complete without evidence")}`);
  if (kept) parts.push(`${count(kept, "edit")} made by hand kept where an audit now says otherwise`);
  return `${parts.join("; ")}. Status, evidence and notes typed into the log are always kept.`;
}
