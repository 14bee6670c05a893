/**
 * Plain-English notes on what collation did beyond accepting and rejecting: figures counted once,
 * rejected returns already replaced by an accepted one (so nobody chases them), and returns from
 * agencies the indicator set does not name.
 */
import type { Period } from "../model/model";
import { labelKey } from "../returns/layout";
import type { AuditConflict, AuditDuplicate, Duplicate, Submission } from "./types";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quotedList(files: readonly string[]): string {
  const q = files.map((f) => `"${f}"`);
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

function whose(agency: string | null, period: Period): string {
  return `${agency ?? "an unnamed agency"}, ${period.label}`;
}

export function duplicateNote(d: Duplicate): string {
  const n = d.indicatorIds.length;
  const figures = n === 1 ? `the same figure for ${d.indicatorIds[0]}` : `the same ${n} figures`;
  const base = `${quotedList(d.repeatedIn)} ${d.repeatedIn.length === 1 ? "gives" : "give"} ${figures} as "${d.kept}" for ${whose(d.agency, d.period)}; ${n === 1 ? "it is" : "each is"} counted once, from "${d.kept}".`;
  if (d.commentaryDiffers.length === 0) return base;
  return `${base} The commentary differs on ${d.commentaryDiffers.join(", ")}; the commentary collated is that of "${d.kept}".`;
}

function sameReturn(a: Submission, b: Submission): boolean {
  return (
    a.kind === b.kind &&
    a.agency !== null &&
    b.agency !== null &&
    a.period !== null &&
    b.period !== null &&
    labelKey(a.agency) === labelKey(b.agency) &&
    a.period.start === b.period.start &&
    a.period.end === b.period.end
  );
}

/** A rejected return whose agency and period also came in accepted: nothing to chase. */
export function replacedNotes(submissions: readonly Submission[]): string[] {
  const notes: string[] = [];
  for (const s of submissions) {
    if (s.status !== "rejected" || s.agency === null || s.period === null) continue;
    const accepted = submissions.filter((o) => o.status === "accepted" && sameReturn(o, s)).map((o) => o.file);
    if (accepted.length) {
      notes.push(
        `"${s.file}" was rejected (${plural(s.errors, "error", "errors")}), but ${quotedList(accepted)} for ${whose(s.agency, s.period)} ${accepted.length === 1 ? "was" : "were"} accepted, and only accepted figures are collated.`,
      );
    }
  }
  return notes;
}

/** A return for an agency the set does not name: collated (it passed its own checks), but said. */
export function unexpectedAgencyNotes(submissions: readonly Submission[], expected: readonly string[] | null): string[] {
  if (expected === null) return [];
  const known = new Set(expected.map(labelKey));
  return submissions
    .filter((s) => s.agency !== null && !known.has(labelKey(s.agency)))
    .map((s) => `"${s.file}" is a return for ${s.agency}, which is not an agency of the indicator set; it is checked and, if accepted, collated all the same.`);
}

export function auditDuplicateNote(d: AuditDuplicate): string {
  return `${quotedList(d.repeatedIn)} ${d.repeatedIn.length === 1 ? "is" : "are"} the same Section 11 audit as "${d.kept}" for ${whose(d.agency, d.period)}; it is counted once, from "${d.kept}".`;
}

export function auditConflictLine(c: AuditConflict): string {
  return `Section 11 audit, ${whose(c.agency, c.period)}: ${quotedList(c.files)} differ in ${c.differences.join(", ")}; none of them is collated. Ask ${c.agency} which is right and collate again without the others.`;
}
