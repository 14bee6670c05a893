/**
 * What `ingest --recipe` says in its JSON about the recipe, with the same meaning as ingest's own
 * warnings: a doubt makes the command line exit 1. A recipe that fits no sheet is a doubt: the
 * workbook was read without the corrections the analyst expected, so a person must look.
 */
import type { WarningCode } from "../ingest/warnings";

export const RECIPE_WARNING_CODES = {
  RECIPE_APPLIED: { doubt: false, meaning: "A sheet was read with the corrections a reading recipe keeps for its layout." },
  RECIPE_NOT_MATCHED: { doubt: true, meaning: "No sheet of the workbook has a layout the reading recipe knows, so it was read without the recipe's corrections." },
} as const satisfies Record<string, WarningCode>;
