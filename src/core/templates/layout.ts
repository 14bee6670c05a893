/**
 * What every template the partnership sends out has in common, whether it asks for a quarterly
 * return's figures or a Section 11 audit's answers: the very hidden sheet its specification
 * lives on, the details at the top of its main sheet, the versions it is checked against, and
 * how labels compare.
 */

/** The very hidden sheet that carries a template's specification (see spec-sheet.ts). */
export const SPEC_SHEET = "_spec";

/** Labels of the details at the top of a template's main sheet, each with its value to its right. */
export const DETAIL_LABELS = {
  partnership: "Partnership",
  agency: "Agency",
  period: "Period",
  dates: "Dates",
  due: "Due by",
  version: "Template version",
} as const;

export type DetailKey = keyof typeof DETAIL_LABELS;

/** A detail as read from the main sheet: its text, and where it is. */
export interface DetailCell {
  text: string;
  /** The value's cell (to the right of its label), or the label's own when no value is there. */
  cell: string;
}

export type Details = Partial<Record<DetailKey, DetailCell>>;

/** The template version this code writes, and the older ones still accepted (with a warning). */
export interface TemplateVersions {
  current: string;
  accepted: readonly string[];
}

/** Headings and labels compare without regard to case, spacing or a trailing colon. */
export function labelKey(text: string): string {
  return text.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim().replace(/:$/, "").trim().toLowerCase();
}
