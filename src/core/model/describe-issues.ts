/**
 * zod's issues in plain words, for one-sentence answers about a file a person wrote
 * ("overrides → 2 → green: must be at most 1").
 */
import type { z } from "zod";

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map((p) => (typeof p === "number" ? `item ${p + 1}` : String(p))).join(" → ") + ": " : "";
  return `${where}${issue.message}`;
}

/** The first problem of a failed parse, in words (the others usually follow from it). */
export function firstProblem(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? describeIssue(first) : "it does not have the expected shape";
}
