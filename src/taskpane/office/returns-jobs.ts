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
  validationReportPlan,
  RETURN_SHEET,
  SPEC_SHEET,
} from "../../core/returns";
import { ACTIONS_SHEET, AUDIT_SHEET, auditTemplatePlan, isAuditWorkbook, validateFiled } from "../../core/s11";
import type { AuditTemplateRequest, ReturnCheck, TemplateChoices, TemplateRequest } from "../operations";
import { indicatorSetOf } from "./set-jobs";

/** Sheets of a template whose names the validation relies on: never written under another name. */
export const TEMPLATE_FIXED_NAMES: readonly string[] = [RETURN_SHEET, SPEC_SHEET];
/** The same for a Section 11 audit. */
export const AUDIT_FIXED_NAMES: readonly string[] = [AUDIT_SHEET, ACTIONS_SHEET, SPEC_SHEET];

export function checkReturn(read: GridWorkbook): ReturnCheck {
  const filed = validateFiled(read);
  const r = filed.result;
  return {
    kind: filed.kind,
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
  const sheet = validationReportPlan(validateFiled(read).result);
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
  if (isAuditWorkbook(read)) {
    throw new InputError("This workbook already holds a Section 11 audit template: make the return in a new, empty workbook, as each is sent back as a file of its own.");
  }
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

/**
 * A Section 11 self-audit as sheets of this workbook. A workbook holds one template, since the
 * file is what the agency sends back: a workbook that already holds a return template (or a
 * return is asked for where an audit is) is refused, rather than two specifications mixed.
 */
export function auditTemplatePlanFor(read: GridWorkbook, request: AuditTemplateRequest): { plan: WorkbookPlan; agency: string; period: Period } {
  if (read.sheets.some((s) => s.sheet.toLowerCase() === RETURN_SHEET.toLowerCase()) && !isAuditWorkbook(read)) {
    throw new InputError("This workbook already holds a return template (its Return sheet): make the Section 11 audit in a new, empty workbook, as each is sent back as a file of its own.");
  }
  const period = periodOfLabel(request.period);
  const due = dueDateOf(request.due);
  const agency = request.agency.replace(/\s+/g, " ").trim();
  if (agency === "") throw new InputError("Give the agency the Section 11 audit is for.");
  return { plan: auditTemplatePlan({ partnership: request.partnership?.trim() ?? "", agency, period, due }), agency, period };
}
