/**
 * The Section 11 self-audit template for one agency and period: an "Audit" sheet of the nine
 * standards (a rating from a list, the evidence, comments), an "Actions" sheet (standard, action,
 * owner, due date), an "Audit checks" sheet listing what will be checked, and the specification
 * on the very hidden "_spec" sheet.
 *
 * As with the quarterly return (../returns/template.ts): only the entry cells are unlocked, the
 * sheets are protected without a password (to prevent slips, not to keep anyone out), every
 * entry cell has a data-validation rule with a prompt, and the checks repeat what the rules
 * enforce, because paste and other tools get past data validation.
 */
import { InputError } from "../errors";
import { cellAddress, columnLetters } from "../grid/address";
import type { Period } from "../model/model";
import type { ConditionalFormatPlan, DataValidationPlan, PlanValue, SheetPlan, WorkbookPlan } from "../plan/plan";
import { serialOfDay } from "../periods/days";
import { wrappedRowHeights } from "../plan/units";
import { longDate } from "../returns/template";
import { checksSheetPlan, type ChecksSheetWords } from "../templates/checks-sheet";
import {
  ACTION_COLUMNS,
  ACTION_HEADINGS,
  ACTION_MAX,
  ACTION_ROWS,
  ACTIONS_SHEET,
  ACTIONS_TABLE,
  AUDIT_CHECKS_SHEET,
  AUDIT_KIND,
  AUDIT_SHEET,
  AUDIT_VERSIONS,
  COMMENTS_MAX,
  DATE_FORMAT,
  DETAIL_LABELS,
  EVIDENCE_MAX,
  OWNER_MAX,
  STANDARD_COLUMNS,
  STANDARD_HEADINGS,
  STANDARDS_TABLE,
  type ActionColumn,
  type StandardColumn,
} from "./layout";
import { auditRuleCatalogue } from "./rules";
import { sealAuditSpec, auditSpecSheetPlan, type AuditSpec } from "./spec";
import { RATING_STYLES, RATINGS, STANDARDS } from "./standards";

export interface AuditTemplateInput {
  partnership: string;
  agency: string;
  period: Period;
  /** YYYY-MM-DD, or null/absent when no date is set. */
  due?: string | null;
  templateVersion?: string;
}

const ENTRY_FILL = "#FFF2CC";

/** The Audit sheet's column widths, in Excel's characters. */
const STANDARD_WIDTHS: Record<StandardColumn, number> = { number: 12, name: 45, show: 45, rating: 13, evidence: 60, comments: 40 };

/** Dates a due date may take: this century, so that a slip of the year is caught as it is typed. */
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2099-12-31";

function instructions(input: AuditTemplateInput): string[] {
  return [
    "Rate your agency against each of the nine standards: choose Fully met, Partly met or Not met in the Rating column. Only the yellow cells can be changed.",
    "Give the evidence for every rating: what you have and where it can be seen (policies, figures, audits, training records). The partnership's challenge session will ask about it.",
    `For every standard rated Not met, add at least one action on the ${ACTIONS_SHEET} sheet. For one rated Partly met, add an action, or say in ${STANDARD_HEADINGS.comments} why none is needed.`,
    "Each action needs an owner (a name or a post) and a due date, such as 31/03/2026. Make it specific and measurable: say what will be done and how you will know it has worked.",
    "Do not add, remove or move rows, or change the agency or period: the audit is checked against the specification saved inside this file.",
    input.due ? `Save the file as an Excel workbook (.xlsx) and send it back by ${longDate(input.due)}.` : "Save the file as an Excel workbook (.xlsx) and send it back by the date you were given.",
  ];
}

export interface AuditLayout {
  instructionRows: string[];
  detailsRow: number;
  instructionsHeadingRow: number;
  firstInstructionRow: number;
  /** 1-based rows of the standards table's headings and of its first standard. */
  headerRow: number;
  firstStandardRow: number;
  /** 1-based rows of the Actions sheet's headings and first action. */
  actionsHeaderRow: number;
  firstActionRow: number;
}

export function auditLayout(input: AuditTemplateInput): AuditLayout {
  const instructionRows = instructions(input);
  const detailsRow = 3;
  const instructionsHeadingRow = detailsRow + Object.keys(DETAIL_LABELS).length + 1;
  const firstInstructionRow = instructionsHeadingRow + 1;
  const headerRow = firstInstructionRow + instructionRows.length + 1;
  return { instructionRows, detailsRow, instructionsHeadingRow, firstInstructionRow, headerRow, firstStandardRow: headerRow + 1, actionsHeaderRow: 6, firstActionRow: 7 };
}

export function buildAuditSpec(input: AuditTemplateInput): AuditSpec {
  const agency = input.agency.replace(/\s+/g, " ").trim();
  if (agency === "") throw new InputError("Give the agency the Section 11 audit is for.");
  const layout = auditLayout(input);
  return sealAuditSpec({
    kind: AUDIT_KIND,
    partnership: input.partnership.replace(/\s+/g, " ").trim(),
    agency,
    period: input.period,
    due: input.due ?? null,
    templateVersion: input.templateVersion ?? AUDIT_VERSIONS.current,
    ratings: [...RATINGS],
    actionRows: ACTION_ROWS,
    standards: STANDARDS.map((s, i) => ({ number: s.number, name: s.name, row: layout.firstStandardRow + i })),
  });
}

const sCol = (c: StandardColumn): string => columnLetters(STANDARD_COLUMNS.indexOf(c));
const aCol = (c: ActionColumn): string => columnLetters(ACTION_COLUMNS.indexOf(c));

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "\u2026";
}

function details(spec: AuditSpec): PlanValue[][] {
  return [
    [DETAIL_LABELS.partnership, spec.partnership || "Not named"],
    [DETAIL_LABELS.agency, spec.agency],
    [DETAIL_LABELS.period, spec.period.label],
    [DETAIL_LABELS.dates, `${longDate(spec.period.start)} to ${longDate(spec.period.end)}`],
    [DETAIL_LABELS.due, spec.due ? longDate(spec.due) : "Not set"],
    [DETAIL_LABELS.version, spec.templateVersion],
  ];
}

function auditSheetPlan(input: AuditTemplateInput, spec: AuditSpec): SheetPlan {
  const { instructionRows, detailsRow, instructionsHeadingRow, firstInstructionRow, headerRow, firstStandardRow } = auditLayout(input);
  const last = firstStandardRow + STANDARDS.length - 1;
  const range = (c: StandardColumn) => `${sCol(c)}${firstStandardRow}:${sCol(c)}${last}`;
  const table: PlanValue[][] = [
    STANDARD_COLUMNS.map((c) => STANDARD_HEADINGS[c]),
    ...STANDARDS.map((s) => [s.number, s.name, s.show, null, null, null]),
  ];
  // The evidence prompt says what to show for that standard, so each row has its own rule.
  const evidenceRules: DataValidationPlan[] = STANDARDS.map((s, i) => ({
    range: `${sCol("evidence")}${firstStandardRow + i}`,
    kind: "textLength",
    max: EVIDENCE_MAX,
    allowBlank: true,
    prompt: { title: `Evidence for standard ${s.number}`, message: truncate(s.show, 255) },
    error: { title: "Evidence too long", message: `Evidence can be up to ${EVIDENCE_MAX} characters; refer to documents rather than copying them.`, style: "stop" },
  }));
  const rating = `$${sCol("rating")}${firstStandardRow}`;
  // The lead sees the colour of each rating as it is chosen, beside its words.
  const conditionalFormats: ConditionalFormatPlan[] = RATINGS.map((r, i) => ({
    kind: "expression",
    range: range("rating"),
    formula: `${rating}="${r}"`,
    style: { fill: RATING_STYLES[r].fill, fontColor: RATING_STYLES[r].fontColor },
    priority: i + 1,
  }));
  const unlocked = [range("rating"), range("evidence"), range("comments")];
  return {
    name: AUDIT_SHEET,
    blocks: [
      { at: "A1", values: [[`${spec.partnership ? spec.partnership + ": " : ""}Section 11 self-audit for ${spec.agency}, ${spec.period.label}`]] },
      { at: `A${detailsRow}`, values: details(spec) },
      { at: `A${instructionsHeadingRow}`, values: [["How to fill in this audit"]] },
      { at: `A${firstInstructionRow}`, values: instructionRows.map((line, i) => [`${i + 1}. ${line}`]) },
      { at: `A${headerRow}`, values: table },
    ],
    numberFormats: [
      { range: range("evidence"), format: "@" },
      { range: range("comments"), format: "@" },
    ],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: `A${detailsRow}:A${detailsRow + 5}`, style: { bold: true } },
      { range: `A${instructionsHeadingRow}`, style: { bold: true } },
      { range: `A${headerRow}:${cellAddress(headerRow - 1, STANDARD_COLUMNS.length - 1)}`, style: { bold: true } },
      ...unlocked.map((r) => ({ range: r, style: { fill: ENTRY_FILL } })),
      { range: `${sCol("name")}${firstStandardRow}:${sCol("comments")}${last}`, style: { wrap: true } },
    ],
    tables: [{ name: STANDARDS_TABLE, range: `A${headerRow}:${cellAddress(last - 1, STANDARD_COLUMNS.length - 1)}`, style: "TableStyleLight9" }],
    dataValidations: [
      {
        range: range("rating"),
        kind: "list",
        items: [...RATINGS],
        allowBlank: true,
        prompt: { title: "Rating", message: "Choose Fully met, Partly met or Not met, and give the evidence in the next column." },
        error: { title: "Choose from the list", message: "The rating is one of Fully met, Partly met or Not met.", style: "stop" },
      },
      ...evidenceRules,
      {
        range: range("comments"),
        kind: "textLength",
        max: COMMENTS_MAX,
        allowBlank: true,
        prompt: { title: "Comments (optional)", message: "Anything the partnership should know, such as why a standard only partly met needs no action." },
        error: { title: "Comments too long", message: `Comments can be up to ${COMMENTS_MAX} characters.`, style: "stop" },
      },
    ],
    conditionalFormats,
    columnWidths: STANDARD_COLUMNS.map((c, col) => ({ col, width: STANDARD_WIDTHS[c] })),
    // Each standard's name and what to show wrap in their columns; the row is as tall as the longer.
    rowHeights: wrappedRowHeights(
      STANDARDS.map((s, i) => ({
        row: firstStandardRow - 1 + i,
        cells: [
          { text: s.name, width: STANDARD_WIDTHS.name },
          { text: s.show, width: STANDARD_WIDTHS.show },
        ],
      })),
    ),
    protection: { protect: true, unlocked },
  };
}

function actionsSheetPlan(input: AuditTemplateInput, spec: AuditSpec): SheetPlan {
  const { actionsHeaderRow, firstActionRow } = auditLayout(input);
  const last = firstActionRow + spec.actionRows - 1;
  const range = (c: ActionColumn) => `${aCol(c)}${firstActionRow}:${aCol(c)}${last}`;
  const unlocked = [range("standard"), range("action"), range("owner"), range("due")];
  return {
    name: ACTIONS_SHEET,
    blocks: [
      { at: "A1", values: [[`Actions from the Section 11 self-audit: ${spec.agency}, ${spec.period.label}`]] },
      {
        at: "A2",
        values: [
          ["1. One action to a row: the number of the standard it is for (1 to 9, as on the Audit sheet), what will be done, who owns it and when it is due."],
          ["2. Make each action specific and measurable, with a realistic date: the partnership's sub-committee follows each one until it is done and evidenced."],
          ["3. Leave the rows you do not need empty."],
        ],
      },
      { at: `A${actionsHeaderRow}`, values: [ACTION_COLUMNS.map((c) => ACTION_HEADINGS[c]), ...Array.from({ length: spec.actionRows }, (_, i) => [i + 1, null, null, null, null])] },
    ],
    numberFormats: [
      { range: range("action"), format: "@" },
      { range: range("owner"), format: "@" },
      { range: range("due"), format: DATE_FORMAT },
    ],
    styles: [
      { range: "A1", style: { bold: true, size: 14 } },
      { range: `A${actionsHeaderRow}:${cellAddress(actionsHeaderRow - 1, ACTION_COLUMNS.length - 1)}`, style: { bold: true } },
      ...unlocked.map((r) => ({ range: r, style: { fill: ENTRY_FILL } })),
      { range: `${aCol("action")}${firstActionRow}:${aCol("owner")}${last}`, style: { wrap: true } },
    ],
    tables: [{ name: ACTIONS_TABLE, range: `A${actionsHeaderRow}:${cellAddress(last - 1, ACTION_COLUMNS.length - 1)}`, style: "TableStyleLight9" }],
    dataValidations: [
      {
        range: range("standard"),
        kind: "whole",
        operator: "between",
        min: 1,
        max: STANDARDS.length,
        allowBlank: true,
        prompt: { title: "Standard", message: "The number of the standard the action is for, 1 to 9, as numbered on the Audit sheet." },
        error: { title: "Not a standard", message: "Give the standard's number, 1 to 9.", style: "stop" },
      },
      {
        range: range("action"),
        kind: "textLength",
        max: ACTION_MAX,
        allowBlank: true,
        prompt: { title: "Action", message: "What will be done, and how you will know it has worked." },
        error: { title: "Action too long", message: `An action can be up to ${ACTION_MAX} characters.`, style: "stop" },
      },
      {
        range: range("owner"),
        kind: "textLength",
        max: OWNER_MAX,
        allowBlank: true,
        prompt: { title: "Owner", message: "The person (or post) who will see the action done." },
        error: { title: "Owner too long", message: `Keep the owner to ${OWNER_MAX} characters: a name or a post.`, style: "stop" },
      },
      {
        // Dates are numbers to a spreadsheet, so a date rule is a number rule between two days.
        range: range("due"),
        kind: "decimal",
        operator: "between",
        min: serialOfDay(FIRST_DAY),
        max: serialOfDay(LAST_DAY),
        allowBlank: true,
        prompt: { title: "Due date", message: "The date the action will be done by, such as 31/03/2026." },
        error: { title: "Not a date", message: "Type a date, such as 31/03/2026.", style: "stop" },
      },
    ],
    columnWidths: [
      { col: 0, width: 11 },
      { col: 1, width: 13 },
      { col: 2, width: 60 },
      { col: 3, width: 30 },
      { col: 4, width: 13 },
    ],
    freeze: { rows: actionsHeaderRow, columns: 0 },
    protection: { protect: true, unlocked },
  };
}

/** The Audit checks sheet's words: what an audit is called, and where its queries are explained. */
const CHECKS: ChecksSheetWords = { sheet: AUDIT_CHECKS_SHEET, table: "AuditChecks", noun: "audit", explainIn: "Comments" };

export function auditTemplatePlan(input: AuditTemplateInput): WorkbookPlan {
  const spec = buildAuditSpec(input);
  return {
    sheets: [auditSheetPlan(input, spec), actionsSheetPlan(input, spec), checksSheetPlan(CHECKS, auditRuleCatalogue()), auditSpecSheetPlan(spec)],
    activeSheet: AUDIT_SHEET,
  };
}
