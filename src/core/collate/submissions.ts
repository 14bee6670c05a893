/**
 * Each file handed in becomes one submission: validated against the specification it carries,
 * accepted when it has no errors, rejected otherwise. Only an accepted return's figures go on to
 * be merged: a rejected return contributes none, not even the figures that passed, because the
 * agency will send the whole return again and half a return would be counted twice then.
 */
import type { Observation } from "../model/model";
import { validationJson } from "../returns/validate";
import { validateFiled, type AuditContent } from "../s11";
import type { CollateInput, CollateOptions, Submission } from "./types";

export interface Checked {
  submission: Submission;
  /** The figures to merge: the return's observations when accepted, none when rejected. */
  observations: Observation[];
  /** An accepted Section 11 audit's answers; null for a return or a rejected audit. */
  audit: AuditContent | null;
}

/** What both kinds of check give: enough to say why a file was rejected. */
interface Verdict {
  file: string;
  readable: boolean;
  counts: { errors: number };
  issues: { severity: string; message: string }[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first error's message, preceded by how many there are when there are several. */
function rejectionReason(v: Verdict): string {
  const first = v.issues.find((i) => i.severity === "error");
  const message = first?.message ?? `"${v.file}" could not be checked as a return.`;
  if (!v.readable || v.counts.errors <= 1) return message;
  return `${plural(v.counts.errors, "error", "errors")} to put right, the first: ${message}`;
}

function unreadableSubmission(file: string, reason: string): Checked {
  return {
    submission: {
      file,
      kind: null,
      agency: null,
      period: null,
      status: "rejected",
      errors: 1,
      warnings: 0,
      queries: 0,
      readable: false,
      reason,
      partnership: null,
      issues: [{ code: "COL001", severity: "error", kind: "error", sheet: null, cell: null, message: reason, indicatorId: null }],
    },
    observations: [],
    audit: null,
  };
}

export function checkSubmission(input: CollateInput, options: CollateOptions): Checked {
  if ("unreadable" in input) return unreadableSubmission(input.file, input.unreadable);
  // The name the caller knows the file by, so that issues, sources and submissions all agree.
  const filed = validateFiled({ ...input.workbook, file: input.file }, options.partnership === undefined ? {} : { partnership: options.partnership });
  const v = filed.result;
  const accepted = v.valid;
  return {
    submission: {
      file: input.file,
      // A file that is neither (no specification at all) was checked as a return and says so.
      kind: filed.kind === "return" && !v.readable && v.spec === null ? null : filed.kind,
      agency: v.agency,
      period: v.period,
      status: accepted ? "accepted" : "rejected",
      errors: v.counts.errors,
      warnings: v.counts.warnings,
      queries: v.counts.queries,
      readable: v.readable,
      reason: accepted ? null : rejectionReason(v),
      partnership: v.partnership,
      issues: validationJson({ ...v, spec: null }).issues,
    },
    observations: accepted && filed.kind === "return" ? v.observations : [],
    audit: accepted && filed.kind === "section-11-audit" ? filed.result.audit : null,
  };
}
