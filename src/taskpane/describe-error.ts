import { isInputError } from "../core/errors";
import type { OwnershipError } from "../excel/ownership";
import type { ReplaceQuestion } from "./operations";

/**
 * Excel's error codes (OfficeExtension.Error.code) that have a cause a person can act on. Other
 * codes fall through to Excel's own message.
 */
const EXCEL_ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell. Press Enter or Esc, then try again.",
  AccessDenied: "Excel would not let the add-in change this workbook. It may be read-only or protected.",
  ItemAlreadyExists: "The workbook already has something with a name the add-in needs.",
  RequestPayloadSizeLimitExceeded: "The change was too large for Excel to take in one go.",
  ActivityLimitReached: "Excel has reached its limit for changes in one go.",
  Unauthenticated: "Excel could not confirm your sign-in. Sign in again, then try again.",
};

function hasCode(e: unknown): e is { code: string; message: string } {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { message?: unknown }).message === "string"
  );
}

/**
 * The sentence to show when an operation fails. Input problems are already written for people;
 * Excel's errors get advice where we have some; anything else is a fault in the add-in and says so.
 */
export function describeError(e: unknown): string {
  if (isInputError(e)) return e.message;
  if (hasCode(e)) {
    const advice = EXCEL_ADVICE[e.code];
    if (advice) return advice;
    return `Excel reported a problem: ${e.message}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return `Something went wrong in the add-in: ${message}`;
}

/**
 * The question a write stopped to ask before replacing sheets (the adapter's OwnershipError), or
 * null for any other failure. Recognised by its name and shape rather than `instanceof`, because
 * importing the class would bring the Excel adapter into the bundle that opens the pane.
 */
export function replaceQuestionOf(e: unknown): ReplaceQuestion | null {
  if (!isInputError(e) || e.name !== "OwnershipError") return null;
  const conflicts = (e as Partial<Pick<OwnershipError, "conflicts">>).conflicts;
  if (!Array.isArray(conflicts)) return null;
  const sheets = conflicts.map((c) => c.sheet).filter((s): s is string => typeof s === "string" && s !== "");
  return sheets.length > 0 ? { question: e.message, sheets } : null;
}
