/**
 * The checks made on a filled Section 11 audit, as data in the same form as a return's
 * (../returns/rules.ts): one rule, one stable code, one severity, one message template. The form
 * of a rule, how the rules run and the checks of the specification every template shares are in
 * ../templates.
 *
 * Severities: "error" must be put right before the audit is accepted; "query" is accepted once
 * explained in the standard's Comments (so it is raised only while Comments is empty); "warning"
 * is worth a look. A blocking rule means the file cannot be checked further.
 *
 * Codes never change meaning and are never reused: S11-00x the file and its specification,
 * S11-01x the standards' rows, S11-02x ratings and evidence, S11-03x actions, S11-04x cells.
 *
 * Why these: a challenge session examines each rating against its evidence, so a rating needs
 * evidence; a standard not met needs something done about it, so it needs an action; and the
 * framework asks for SMART actions whose progress the sub-committee follows, so an action needs an
 * owner and a real date.
 */
import type { Details } from "../templates/layout";
import { catalogueOf, type CatalogueEntry, type CheckOptions, type Finding, type Params, type PhaseRule } from "../templates/rules";
import { agencyChanged, detailAt, otherPartnership, periodChanged, specRules, type FilePhaseContext, type SpecPhaseContext } from "../templates/spec-rules";
import type { AuditSheets, AuditSheetsRead, ActionRow, StandardRow, TextEntry } from "./read";
import type { AuditSpec, AuditStandardSpec } from "./spec";
import { ACTION_HEADINGS, ACTION_MAX, ACTIONS_SHEET, AUDIT_SHEET, AUDIT_VERSIONS, COMMENTS_MAX, EVIDENCE_MAX, OWNER_MAX, STANDARD_HEADINGS } from "./layout";
import { RATINGS, standardOf } from "./standards";

export { fillMessage, whereText } from "../templates/rules";

export type AuditValidateOptions = CheckOptions;

export type AuditFileContext = FilePhaseContext<AuditSpec>;

export interface AuditSpecContext extends SpecPhaseContext<AuditSpec> {
  sheets: AuditSheetsRead;
}

export interface MatchedAudit {
  /** Each standard of the spec with its row, in the spec's order. */
  rows: { spec: AuditStandardSpec; row: StandardRow }[];
  missing: AuditStandardSpec[];
  /** A second row for a standard already found, or a row for a number that is not a standard. */
  extra: StandardRow[];
  /** Actions with anything typed in them. */
  actions: ActionRow[];
}

export interface AuditContext {
  file: string;
  spec: AuditSpec;
  sheets: AuditSheets;
  matched: MatchedAudit;
  options: AuditValidateOptions;
}

export type AuditRule = PhaseRule<"file", AuditFileContext> | PhaseRule<"spec", AuditSpecContext> | PhaseRule<"audit", AuditContext>;

// ---------------------------------------------------------------------------------------------
// Helpers

export function standardId(n: number): string {
  return `S11-${n}`;
}

function onStandard(r: { spec: AuditStandardSpec; row: StandardRow }, column: Parameters<StandardRow["address"]>[0], params: Params = {}): Finding {
  const s = standardOf(r.spec.number);
  return {
    sheet: AUDIT_SHEET,
    cell: r.row.address(column),
    indicatorId: standardId(r.spec.number),
    params: { n: r.spec.number, name: s?.short ?? r.spec.name, ...params },
  };
}

function onAction(a: ActionRow, column: Parameters<ActionRow["address"]>[0], params: Params = {}): Finding {
  return { sheet: ACTIONS_SHEET, cell: a.address(column), indicatorId: null, params: { action: a.number ?? "without a number", ...params } };
}

function perStandard(fn: (r: MatchedAudit["rows"][number], ctx: AuditContext) => Finding | Finding[] | null): (ctx: AuditContext) => Finding[] {
  return (ctx) => ctx.matched.rows.flatMap((r) => [fn(r, ctx)].flat().filter((f): f is Finding => f !== null));
}

function perAction(fn: (a: ActionRow, ctx: AuditContext) => Finding | Finding[] | null): (ctx: AuditContext) => Finding[] {
  return (ctx) => ctx.matched.actions.flatMap((a) => [fn(a, ctx)].flat().filter((f): f is Finding => f !== null));
}

/** The actions given for a standard: rows naming it that say what will be done. */
export function actionsFor(ctx: Pick<AuditContext, "matched">, n: number): ActionRow[] {
  return ctx.matched.actions.filter((a) => a.standard === n && a.action.text !== "");
}

/** The details above the standards, where the Audit sheet could be read. */
function detailsOf(ctx: AuditSpecContext): Details | null {
  return ctx.sheets.ok ? ctx.sheets.sheets.details : null;
}

const SPEC_RULES = specRules<AuditSpec, AuditSpecContext>({ noun: "audit", copy: "answers", template: "audit template" }, AUDIT_VERSIONS, (ctx) =>
  detailAt(AUDIT_SHEET, detailsOf(ctx)?.version),
);

/**
 * Kept apart from a return's list: an audit's cells are text, so its "#VALUE!" says "the wrong
 * kind of value" where a return's says text where a number is needed, and its messages are as
 * stable as a return's, so neither list is made to serve both.
 */
const ERROR_MEANINGS: Record<string, string> = {
  "#DIV/0!": "a formula divides by zero",
  "#REF!": "a formula refers to cells that were deleted",
  "#VALUE!": "a formula uses the wrong kind of value",
  "#NAME?": "a formula uses a name Excel does not know",
  "#N/A": "a formula could not find a value",
};

/** Every text cell of the audit a person types into, for the cell-level rules. */
function textCells(ctx: AuditContext): { finding: (p: Params) => Finding; what: string; entry: TextEntry; max: number }[] {
  const out: { finding: (p: Params) => Finding; what: string; entry: TextEntry; max: number }[] = [];
  for (const r of ctx.matched.rows) {
    out.push({ finding: (p) => onStandard(r, "evidence", p), what: `the evidence for standard ${r.spec.number}`, entry: r.row.evidence, max: EVIDENCE_MAX });
    out.push({ finding: (p) => onStandard(r, "comments", p), what: `the comments on standard ${r.spec.number}`, entry: r.row.comments, max: COMMENTS_MAX });
  }
  for (const a of ctx.matched.actions) {
    out.push({ finding: (p) => onAction(a, "action", p), what: `action ${a.number ?? ""}`.trim(), entry: a.action, max: ACTION_MAX });
    out.push({ finding: (p) => onAction(a, "owner", p), what: `the owner of action ${a.number ?? ""}`.trim(), entry: a.owner, max: OWNER_MAX });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The rules

export const AUDIT_RULES: readonly AuditRule[] = [
  { code: "S11-001", ...SPEC_RULES.unreadable }, // the specification cannot be read
  {
    code: "S11-002",
    phase: "spec",
    severity: "error",
    title: "The audit belongs to another partnership",
    message: "{where}: this audit was made for {found}, not {expected}; send it to the partnership it was made for.",
    fields: ["_spec partnership", "Partnership (Audit sheet)"],
    check: (ctx) => otherPartnership(ctx, detailsOf(ctx), AUDIT_SHEET),
  },
  { code: "S11-003", ...SPEC_RULES.unknownVersion }, // a template version this tool does not know
  { code: "S11-004", ...SPEC_RULES.olderVersion }, // an older template version (a warning)
  { code: "S11-005", ...SPEC_RULES.changed }, // the specification changed: its checksum does not match
  {
    code: "S11-006",
    phase: "spec",
    severity: "error",
    blocking: true,
    title: "The Audit or Actions sheet, or its table, is missing",
    message: '"{file}" cannot be checked: {problem}; copy your answers into a new audit template.',
    fields: [`${AUDIT_SHEET} sheet`, `${ACTIONS_SHEET} sheet`],
    check: (ctx) => (ctx.sheets.ok ? [] : [{ sheet: null, cell: null, params: { file: ctx.file, problem: ctx.sheets.problem } }]),
  },
  {
    code: "S11-010",
    phase: "audit",
    severity: "error",
    title: "The agency has been changed",
    message: '{where}: the agency is {found}, but this audit is for {expected}; put back "{expected}" (each agency fills in its own audit).',
    fields: ["Agency (Audit sheet)", "_spec agency"],
    check: (ctx) => agencyChanged(ctx.sheets.details, ctx.spec, AUDIT_SHEET),
  },
  {
    code: "S11-011",
    phase: "audit",
    severity: "error",
    title: "The period has been changed",
    message: '{where}: the period is {found}, but this audit is for {expected}; put back "{expected}".',
    fields: ["Period (Audit sheet)", "_spec period"],
    check: (ctx) => periodChanged(ctx.sheets.details, ctx.spec, AUDIT_SHEET),
  },
  {
    code: "S11-012",
    phase: "audit",
    severity: "error",
    title: "A standard's row has been removed",
    message: "{where}: the row for standard {n} ({name}) is missing (the template had it in row {row}); put it back, as the audit must answer all nine standards.",
    fields: [STANDARD_HEADINGS.number, "_spec standards"],
    check: (ctx) =>
      ctx.matched.missing.map((s) => ({ sheet: AUDIT_SHEET, cell: `A${s.row}`, indicatorId: standardId(s.number), params: { n: s.number, name: standardOf(s.number)?.short ?? s.name, row: s.row } })),
  },
  {
    code: "S11-013",
    phase: "audit",
    severity: "error",
    title: "A row that is not one of the standards",
    message: "{where}: this row ({shown}) is not one of the audit's standards, or repeats one; answer each standard on its own row and clear this one.",
    fields: [STANDARD_HEADINGS.number],
    check: (ctx) => [
      ...ctx.matched.extra.map((r) => ({ sheet: AUDIT_SHEET, cell: r.address("number"), params: { shown: `standard ${r.number}` } })),
      ...ctx.sheets.strayStandardRows.map((r) => ({ sheet: AUDIT_SHEET, cell: r.address("number"), params: { shown: r.shown ? `"${r.shown}"` : "no standard number" } })),
    ],
  },
  {
    code: "S11-020",
    phase: "audit",
    severity: "error",
    title: "A standard without a rating",
    message: `{where}: standard {n} ({name}) has no rating; choose ${RATINGS.join(", ")}.`,
    fields: [STANDARD_HEADINGS.rating],
    check: perStandard((r) => (r.row.ratingText.text === "" && r.row.ratingText.error === undefined ? onStandard(r, "rating") : null)),
  },
  {
    code: "S11-021",
    phase: "audit",
    severity: "error",
    title: "A rating that is not on the scale",
    message: `{where}: the rating for standard {n} ({name}) is "{found}"; choose one of ${RATINGS.join(", ")}.`,
    fields: [STANDARD_HEADINGS.rating],
    check: perStandard((r) => (r.row.ratingText.text !== "" && r.row.rating === null ? onStandard(r, "rating", { found: r.row.ratingText.text }) : null)),
  },
  {
    code: "S11-022",
    phase: "audit",
    severity: "error",
    title: "A rating without evidence",
    message: "{where}: standard {n} ({name}) is rated {rating} but no evidence is given; say what shows it and where it can be seen.",
    fields: [STANDARD_HEADINGS.rating, STANDARD_HEADINGS.evidence],
    check: perStandard((r) => (r.row.rating !== null && r.row.evidence.text === "" && r.row.evidence.error === undefined ? onStandard(r, "evidence", { rating: r.row.rating }) : null)),
  },
  {
    code: "S11-023",
    phase: "audit",
    severity: "error",
    title: "A standard not met, with no action",
    message: `{where}: standard {n} ({name}) is rated Not met but the ${ACTIONS_SHEET} sheet has no action for it; add at least one, with its owner and due date, giving ${ACTION_HEADINGS.standard} {n}.`,
    fields: [STANDARD_HEADINGS.rating, ACTION_HEADINGS.standard, ACTION_HEADINGS.action],
    check: perStandard((r, ctx) => (r.row.rating === "Not met" && actionsFor(ctx, r.spec.number).length === 0 ? onStandard(r, "rating") : null)),
  },
  {
    code: "S11-024",
    phase: "audit",
    severity: "query",
    title: "A standard partly met, with no action and no explanation",
    message: `{where}: standard {n} ({name}) is rated Partly met with no action on the ${ACTIONS_SHEET} sheet; add an action, or say in {commentsCell} why none is needed.`,
    fields: [STANDARD_HEADINGS.rating, STANDARD_HEADINGS.comments, ACTION_HEADINGS.standard],
    check: perStandard((r, ctx) =>
      r.row.rating === "Partly met" && actionsFor(ctx, r.spec.number).length === 0 && r.row.comments.text === ""
        ? onStandard(r, "rating", { commentsCell: `${AUDIT_SHEET}!${r.row.address("comments")}` })
        : null,
    ),
  },
  {
    code: "S11-030",
    phase: "audit",
    severity: "error",
    title: "An action row without the action",
    message: "{where}: action {action} has {given} but does not say what will be done; write the action, or clear the row.",
    fields: [ACTION_HEADINGS.action, ACTION_HEADINGS.owner, ACTION_HEADINGS.due, ACTION_HEADINGS.standard],
    check: perAction((a) => {
      if (a.action.text !== "" || a.action.error !== undefined) return null;
      const given = [a.standardText.text !== "" ? "a standard" : null, a.owner.text !== "" ? "an owner" : null, a.due.kind !== "blank" ? "a due date" : null].filter((x): x is string => x !== null);
      return onAction(a, "action", { given: given.length ? given.join(" and ") : "entries" });
    }),
  },
  {
    code: "S11-031",
    phase: "audit",
    severity: "error",
    title: "An action without an owner",
    message: "{where}: action {action} has no owner; give the person or post who will see it done.",
    fields: [ACTION_HEADINGS.action, ACTION_HEADINGS.owner],
    check: perAction((a) => (a.action.text !== "" && a.owner.text === "" && a.owner.error === undefined ? onAction(a, "owner") : null)),
  },
  {
    code: "S11-032",
    phase: "audit",
    severity: "error",
    title: "An action without a due date",
    message: "{where}: action {action} has no due date; give the date it will be done by, such as 31/03/2026.",
    fields: [ACTION_HEADINGS.action, ACTION_HEADINGS.due],
    check: perAction((a) => (a.action.text !== "" && a.due.kind === "blank" ? onAction(a, "due") : null)),
  },
  {
    code: "S11-033",
    phase: "audit",
    severity: "error",
    title: "A due date that is not a date",
    message: '{where}: the due date of action {action} is "{found}", which is not a date; type a date such as 31/03/2026.',
    fields: [ACTION_HEADINGS.due],
    check: perAction((a) => (a.due.kind === "not a day" ? onAction(a, "due", { found: a.due.shown }) : null)),
  },
  {
    code: "S11-034",
    phase: "audit",
    severity: "error",
    title: "An action without a standard",
    message: `{where}: action {action} {problem}; give the number of the standard it is for, 1 to 9, as numbered on the ${AUDIT_SHEET} sheet.`,
    fields: [ACTION_HEADINGS.standard],
    check: perAction((a, ctx) => {
      if (a.action.text === "") return null;
      const known = a.standard !== null && ctx.spec.standards.some((s) => s.number === a.standard);
      if (known) return null;
      const problem = a.standardText.text === "" ? "does not say which standard it is for" : `names standard "${a.standardText.text}", which is not one of the nine`;
      return onAction(a, "standard", { problem });
    }),
  },
  {
    code: "S11-035",
    phase: "audit",
    severity: "warning",
    title: "A due date before the period audited",
    message: "{where}: action {action} is due on {due}, before the period audited began ({start}); check the year.",
    fields: [ACTION_HEADINGS.due, "_spec period"],
    check: perAction((a, ctx) => (a.due.kind === "day" && a.due.iso < ctx.spec.period.start ? onAction(a, "due", { due: a.due.iso, start: ctx.spec.period.start }) : null)),
  },
  {
    code: "S11-036",
    phase: "audit",
    severity: "error",
    title: "An action row without its number",
    message: `{where}: this action row has lost its ${ACTION_HEADINGS.number}; the partnership follows each action by its number, so copy the audit into a new template.`,
    fields: [ACTION_HEADINGS.number],
    check: perAction((a) => (a.number === null ? onAction(a, "number") : null)),
  },
  {
    code: "S11-040",
    phase: "audit",
    severity: "warning",
    title: "A formula in a text cell",
    message: '{where}: {what} is a formula ({formula}); only the text it shows ("{text}") is kept, never the formula, so type it as plain text.',
    fields: [STANDARD_HEADINGS.evidence, STANDARD_HEADINGS.comments, ACTION_HEADINGS.action, ACTION_HEADINGS.owner],
    check: (ctx) => textCells(ctx).flatMap((c) => (c.entry.formula !== undefined && c.entry.error === undefined ? [c.finding({ what: c.what, formula: c.entry.formula, text: c.entry.text })] : [])),
  },
  {
    code: "S11-041",
    phase: "audit",
    severity: "error",
    title: "An Excel error value",
    message: "{where}: {what} shows the error {found} ({meaning}); type it as plain text.",
    fields: [STANDARD_HEADINGS.rating, STANDARD_HEADINGS.evidence, STANDARD_HEADINGS.comments, ACTION_HEADINGS.action, ACTION_HEADINGS.owner, ACTION_HEADINGS.due],
    check: (ctx) => [
      ...ctx.matched.rows.flatMap((r) =>
        r.row.ratingText.error !== undefined ? [onStandard(r, "rating", { what: `the rating for standard ${r.spec.number}`, found: r.row.ratingText.error, meaning: ERROR_MEANINGS[r.row.ratingText.error] ?? "a formula has gone wrong" })] : [],
      ),
      ...textCells(ctx).flatMap((c) => (c.entry.error !== undefined ? [c.finding({ what: c.what, found: c.entry.error, meaning: ERROR_MEANINGS[c.entry.error] ?? "a formula has gone wrong" })] : [])),
      ...ctx.matched.actions.flatMap((a) =>
        a.due.kind === "error" ? [onAction(a, "due", { what: `the due date of action ${a.number ?? ""}`.trim(), found: a.due.error, meaning: ERROR_MEANINGS[a.due.error] ?? "a formula has gone wrong" })] : [],
      ),
    ],
  },
  {
    code: "S11-042",
    phase: "audit",
    severity: "warning",
    title: "Text longer than the template allows",
    message: "{where}: {what} is {length} characters long; keep it to {max}, referring to documents rather than copying them.",
    fields: [STANDARD_HEADINGS.evidence, STANDARD_HEADINGS.comments, ACTION_HEADINGS.action, ACTION_HEADINGS.owner],
    check: (ctx) => textCells(ctx).flatMap((c) => (c.entry.text.length > c.max ? [c.finding({ what: c.what, length: c.entry.text.length, max: c.max })] : [])),
  },
];

export type AuditCatalogueEntry = CatalogueEntry;

export function auditRuleCatalogue(): AuditCatalogueEntry[] {
  return catalogueOf(AUDIT_RULES);
}
