/**
 * Section 11 audits among the files collated. As with figures (merge.ts), nothing is lost and
 * nothing doubled: one agency's audit for a period sent twice alike is kept once; two that differ
 * are a conflict, and neither goes into the summary or the action log, since choosing one would
 * be a guess. The secretary asks the agency which is right and collates again without the other.
 */
import type { Observation } from "../model/model";
import { auditKey, ratingObservation, sameAudit, standardId, type AuditContent } from "../s11";
import type { AuditConflict, AuditDuplicate, Conflict } from "./types";

export interface CollatedAudits {
  audits: AuditContent[];
  conflicts: AuditConflict[];
  duplicates: AuditDuplicate[];
  /** A conflict in the contract's shape for each standard whose rating differs between the files. */
  ratingConflicts: Conflict[];
}

function differences(group: readonly AuditContent[]): string[] {
  const first = group[0]!;
  const out: string[] = [];
  for (const s of first.standards) {
    const others = group.map((a) => a.standards.find((x) => x.number === s.number));
    if (others.some((o) => o?.rating !== s.rating)) out.push(`the rating of standard ${s.number}`);
    else if (others.some((o) => o?.evidence !== s.evidence || o?.comments !== s.comments)) out.push(`the evidence or comments on standard ${s.number}`);
  }
  const actions = (a: AuditContent) => JSON.stringify(a.actions.map((x) => [x.number, x.standard, x.action, x.owner, x.due]));
  if (group.some((a) => actions(a) !== actions(first))) out.push("the actions");
  return out;
}

function ratingConflicts(group: readonly AuditContent[]): Conflict[] {
  const first = group[0]!;
  return first.standards
    .filter((s) => group.some((a) => a.standards.find((x) => x.number === s.number)?.rating !== s.rating))
    .map((s) => ({
      indicatorId: standardId(s.number),
      agency: first.agency,
      period: first.period,
      values: group.map((a) => a.standards.find((x) => x.number === s.number)?.rating ?? null),
      files: group.map((a) => a.file),
      indicator: `Section 11 standard ${s.number}: ${s.short}`,
      figures: group.map((a) => {
        const answer = a.standards.find((x) => x.number === s.number);
        return {
          file: a.file,
          sheet: answer?.source.sheet ?? "",
          cell: answer?.source.cell ?? "",
          value: null,
          status: answer?.rating ? ("ok" as const) : ("missing" as const),
          mark: answer?.rating ?? null,
          numerator: null,
          denominator: null,
        };
      }),
    }));
}

export function collateAudits(accepted: readonly AuditContent[]): CollatedAudits {
  const groups = new Map<string, AuditContent[]>();
  for (const a of accepted) {
    const key = auditKey(a);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const out: CollatedAudits = { audits: [], conflicts: [], duplicates: [], ratingConflicts: [] };
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.every((a) => sameAudit(a, first))) {
      out.audits.push(first);
      if (group.length > 1) out.duplicates.push({ agency: first.agency, period: first.period, kept: first.file, repeatedIn: group.slice(1).map((a) => a.file) });
      continue;
    }
    out.conflicts.push({ agency: first.agency, period: first.period, files: group.map((a) => a.file), differences: differences(group) });
    out.ratingConflicts.push(...ratingConflicts(group));
  }
  return out;
}

/** Each standard's rating as an observation, as validation gives them (see ../s11/validate.ts). */
export function ratingObservations(audits: readonly AuditContent[]): Observation[] {
  return audits.flatMap((a) => a.standards.map((s) => ratingObservation(s, a)));
}
