import { isInputError } from "../core/errors";

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
