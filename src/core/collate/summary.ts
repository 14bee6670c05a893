/**
 * The collation in one line, for the command line's stdout and the task pane's status:
 * "12 returns: 10 accepted, 2 rejected; 1 agency missing (Probation); 1 conflict."
 */
import { changeSummary } from "../actions";
import { periodsCollated } from "./missing";
import type { CollateResult } from "./types";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function missingText(r: CollateResult): string {
  if (r.expected === null) return "missing returns not checked (no indicator set given)";
  if (r.missingByPeriod.length === 0) return "no agency missing";
  // With one period the agency says it all; with several, say for which period each is missing.
  if (periodsCollated(r.submissions).length <= 1) return `${plural(r.missing.length, "agency", "agencies")} missing (${r.missing.join(", ")})`;
  const which = r.missingByPeriod.map((m) => `${m.agency}${m.kind ? "'s Section 11 audit" : ""} for ${m.period.label}`).join(", ");
  return `${plural(r.missingByPeriod.length, "return", "returns")} missing (${which})`;
}

export function collateSummary(r: CollateResult): string {
  const accepted = r.submissions.filter((s) => s.status === "accepted").length;
  const rejected = r.submissions.length - accepted;
  const parts = [
    `${plural(r.submissions.length, "return", "returns")}: ${accepted} accepted, ${rejected} rejected`,
    missingText(r),
    r.conflicts.length === 0 ? "no conflicts" : plural(r.conflicts.length, "conflict", "conflicts"),
  ];
  const repeated = r.duplicates.reduce((n, d) => n + d.indicatorIds.length, 0);
  if (repeated > 0) parts.push(`${plural(repeated, "figure", "figures")} sent more than once, counted once`);
  const audits = r.submissions.filter((s) => s.kind === "section-11-audit").length;
  if (audits > 0) parts.push(`${plural(audits, "Section 11 audit", "Section 11 audits")} among them, ${r.audits.length} collated`);
  if (r.auditConflicts.length > 0) parts.push(plural(r.auditConflicts.length, "audit that disagrees with another", "audits that disagree with others"));
  if (r.actionLog) {
    const due = r.actionLog.due;
    parts.push(`${changeSummary(r.actionLog.changes, r.actionLog.actions.length)}; ${due.overdue.length} overdue, ${due.dueSoon.length} due soon`);
  }
  return `${parts.join("; ")}.`;
}
