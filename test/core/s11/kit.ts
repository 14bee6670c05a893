/**
 * Section 11 audits filled as an agency lead would: the template rendered to .xlsx by the file
 * adapter, opened with ExcelJS, typed into (ratings picked, evidence written, actions added with
 * owners and dates), saved, and read back through the file adapter. Shared by the audit,
 * collation, action-log and command-line tests.
 */
import ExcelJS from "exceljs";
import type { Period } from "../../../src/core/model/model";
import { ACTIONS_SHEET, AUDIT_SHEET, SPEC_SHEET } from "../../../src/core/s11/layout";
import { auditLayout, auditTemplatePlan, type AuditTemplateInput } from "../../../src/core/s11/template";
import { validateAudit, type AuditValidation } from "../../../src/core/s11/validate";
import type { AuditValidateOptions } from "../../../src/core/s11/rules";
import { readWorkbookBuffer } from "../../../src/files/read";
import { renderPlanToXlsx } from "../../../src/files/render";

export const YEAR: Period = { start: "2025-04-01", end: "2026-03-31", label: "2025/26" };
export const PARTNERSHIP = "Northshire Safeguarding Children Partnership";

export function auditInput(overrides: Partial<AuditTemplateInput> = {}): AuditTemplateInput {
  return { partnership: PARTNERSHIP, agency: "Police", period: YEAR, due: "2025-10-31", ...overrides };
}

export async function auditTemplate(overrides: Partial<AuditTemplateInput> = {}): Promise<Buffer> {
  return renderPlanToXlsx(auditTemplatePlan(auditInput(overrides)));
}

/** A day as Excel stores a typed date: ExcelJS writes a UTC-midnight Date as that day's serial. */
export function day(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export interface AuditDesk {
  wb: ExcelJS.Workbook;
  audit: ExcelJS.Worksheet;
  actions: ExcelJS.Worksheet;
  /** The Rating, Evidence or Comments cell of standard n (1 to 9). */
  standard(n: number, column: "rating" | "evidence" | "comments"): ExcelJS.Cell;
  /** Action k's (1-based) Standard no., Action, Owner or Due date cell. */
  action(k: number, column: "standard" | "action" | "owner" | "due"): ExcelJS.Cell;
  /** Types a whole action into row k. */
  addAction(k: number, standard: number | string | null, text: string | null, owner: string | null, due: Date | string | null): void;
}

const STANDARD_COLS = { rating: "D", evidence: "E", comments: "F" } as const;
const ACTION_COLS = { standard: "B", action: "C", owner: "D", due: "E" } as const;

export async function openAudit(buffer: Buffer, input: AuditTemplateInput = auditInput()): Promise<AuditDesk> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const audit = wb.getWorksheet(AUDIT_SHEET);
  const actions = wb.getWorksheet(ACTIONS_SHEET);
  if (!audit || !actions) throw new Error("the template has no Audit or Actions sheet");
  const layout = auditLayout(input);
  const desk: AuditDesk = {
    wb,
    audit,
    actions,
    standard: (n, c) => audit.getCell(`${STANDARD_COLS[c]}${layout.firstStandardRow + n - 1}`),
    action: (k, c) => actions.getCell(`${ACTION_COLS[c]}${layout.firstActionRow + k - 1}`),
    addAction(k, standard, text, owner, due) {
      desk.action(k, "standard").value = standard;
      desk.action(k, "action").value = text;
      desk.action(k, "owner").value = owner;
      desk.action(k, "due").value = due;
    },
  };
  return desk;
}

/**
 * A careful lead's audit: every standard rated and evidenced; training (5) partly met with an
 * action; safer recruitment (6) not met with two actions; the rest fully met.
 */
export function fillWell(d: AuditDesk): void {
  for (let n = 1; n <= 9; n++) {
    d.standard(n, "rating").value = "Fully met";
    d.standard(n, "evidence").value = `Evidence for standard ${n}: policy reviewed in June 2025, see the safeguarding folder.`;
  }
  d.standard(5, "rating").value = "Partly met";
  d.standard(5, "evidence").value = "78% of frontline officers have completed level 2 training (target 95%).";
  d.standard(6, "rating").value = "Not met";
  d.standard(6, "evidence").value = "Dip sample found 4 of 20 recent starters without a recorded second reference.";
  d.addAction(1, 5, "Complete level 2 training for all frontline officers and report completion monthly", "Head of Learning", day("2026-03-31"));
  d.addAction(2, 6, "Re-check references for the 4 starters and add a second-reference check to the HR starter list", "HR Business Partner", day("2025-12-31"));
  d.addAction(3, 6, "Dip sample 20 more starters and report the result to the sub-committee", "Force Safeguarding Lead", day("2026-02-28"));
}

export async function saveAudit(d: AuditDesk): Promise<Buffer> {
  return Buffer.from(await d.wb.xlsx.writeBuffer());
}

/** The template, filled well, then changed by `edit`, saved by ExcelJS. */
export async function filledAudit(edit: (d: AuditDesk) => void = () => undefined, overrides: Partial<AuditTemplateInput> = {}): Promise<Buffer> {
  const input = auditInput(overrides);
  const d = await openAudit(await renderPlanToXlsx(auditTemplatePlan(input)), input);
  fillWell(d);
  edit(d);
  return saveAudit(d);
}

export async function checkAudit(buffer: Buffer, options?: AuditValidateOptions, file = "audit.xlsx"): Promise<AuditValidation> {
  return validateAudit(await readWorkbookBuffer(buffer, file), options);
}

export function auditCodes(r: AuditValidation): string[] {
  return r.issues.map((i) => i.code);
}

export function auditSpecSheet(d: AuditDesk): ExcelJS.Worksheet {
  const ws = d.wb.getWorksheet(SPEC_SHEET);
  if (!ws) throw new Error("the audit has no spec sheet");
  return ws;
}
