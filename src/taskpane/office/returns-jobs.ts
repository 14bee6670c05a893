/**
 * The returns side of the pane's operations: checking a filled return, its validation report,
 * and making a return template from the workbook's indicator set. Plain data in and out; loaded
 * on first use.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { InputError } from "../../core/errors";
import type { GridWorkbook } from "../../core/grid/grid";
import type { Period } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/plan";
import {
  agenciesOf,
  indicatorsForAgency,
  partnershipOfSet,
  readDueDate,
  readPeriodLabel,
  returnTemplatePlan,
  validateReturn,
  validationReportPlan,
  RETURN_SHEET,
  SPEC_SHEET,
} from "../../core/returns";
import type { ReturnCheck, TemplateChoices, TemplateRequest } from "../operations";
import { indicatorSetOf } from "./set-jobs";

/** Sheets of a template whose names the validation relies on: never written under another name. */
export const TEMPLATE_FIXED_NAMES: readonly string[] = [RETURN_SHEET, SPEC_SHEET];

export function checkReturn(read: GridWorkbook): ReturnCheck {
  const r = validateReturn(read);
  return {
    file: r.file,
    readable: r.readable,
    valid: r.valid,
    agency: r.agency,
    partnership: r.partnership,
    period: r.period?.label ?? null,
    counts: r.counts,
    issues: r.issues,
  };
}

/** The Validation report sheet for the return in this workbook. */
export function reportPlan(read: GridWorkbook): { plan: WorkbookPlan; check: ReturnCheck } {
  const r = validateReturn(read);
  const sheet = validationReportPlan(r);
  return { plan: { sheets: [sheet], activeSheet: sheet.name }, check: checkReturn(read) };
}

export function templateChoices(read: GridWorkbook): TemplateChoices {
  const set = indicatorSetOf(read);
  return {
    file: set.file,
    sheet: set.sheet,
    agencies: agenciesOf(set.indicators),
    partnership: partnershipOfSet(read, set.sheet),
    indicators: set.indicators.length,
  };
}

/** The period a label names, in full; anything partial or unreadable is refused in words. */
export function periodOfLabel(label: string): Period {
  const period = readPeriodLabel(label);
  if (!period) {
    throw new InputError(`“${label}” is not a period the add-in can read in full: write it like “Q2 2025/26”, “2025/26” or “Apr 2025”.`);
  }
  return period;
}

/** A due date written YYYY-MM-DD that is a real day, or null when none is given. */
export function dueDateOf(text: string | null): string | null {
  if (text === null || text.trim() === "") return null;
  const day = readDueDate(text);
  if (day === null) throw new InputError(`“${text}” is not a date written YYYY-MM-DD, such as 2025-07-31.`);
  return day;
}

export function templatePlan(read: GridWorkbook, request: TemplateRequest): { plan: WorkbookPlan; agency: string; period: Period; indicators: number } {
  const period = periodOfLabel(request.period);
  const due = dueDateOf(request.due);
  const set = indicatorSetOf(read);
  const chosen = indicatorsForAgency(set.indicators, request.agency);
  if (!chosen) {
    const agencies = agenciesOf(set.indicators);
    throw new InputError(
      agencies.length > 0
        ? `The indicator set has no agency “${request.agency}”; its agencies are: ${agencies.join(", ")}.`
        : "The indicator set names no agencies (its Agency column is missing or empty), so no agency's return can be made from it.",
    );
  }
  const partnership = request.partnership?.trim() || partnershipOfSet(read, set.sheet);
  const plan = returnTemplatePlan({ indicators: chosen.indicators, partnership, agency: chosen.agency, period, due });
  return { plan, agency: chosen.agency, period, indicators: chosen.indicators.length };
}
