/**
 * Checking a filled Section 11 audit against the specification it carries, in three phases as a
 * return is checked (../returns/validate.ts): the file, the specification, then the answers. A
 * blocking finding stops the later phases. Reading never changes the workbook.
 *
 * The result has the return's shape (valid, readable, agency, period, issues, counts,
 * observations), so that the command line, collation and the task pane handle both alike, and
 * adds the audit's answers: each standard's rating, evidence and comments, and every action.
 */
import type { GridWorkbook } from "../grid/grid";
import type { Observation, Period, SourceCell, ValidationIssue } from "../model/model";
import { runPhase } from "../templates/rules";
import { checkedFile, contractJson, type CheckedFile, type ContractJson } from "../templates/validation";
import { ACTIONS_SHEET, AUDIT_KIND, AUDIT_SHEET, labelKey } from "./layout";
import { readAuditSheets, type AuditSheets, type StandardRow } from "./read";
import { AUDIT_RULES, standardId, type AuditValidateOptions, type MatchedAudit } from "./rules";
import { readAuditSpec, type AuditSpec } from "./spec";
import { RATING_RAG, standardOf, type Rating } from "./standards";

export interface AuditStandardAnswer {
  number: number;
  /** The standard as the framework names it. */
  name: string;
  short: string;
  rating: Rating | null;
  evidence: string;
  comments: string;
  /** The rating's cell. */
  source: SourceCell;
}

export interface AuditAction {
  /** The action's number on the Actions sheet. */
  number: number;
  /** The standard it is for, where one of the nine is given. */
  standard: number | null;
  action: string;
  owner: string;
  /** YYYY-MM-DD, or null where the cell holds no date. */
  due: string | null;
  source: SourceCell;
}

/** What an audit says, as read: the basis of the challenge summary and the action log. */
export interface AuditContent {
  file: string;
  partnership: string;
  agency: string;
  period: Period;
  standards: AuditStandardAnswer[];
  actions: AuditAction[];
}

export interface AuditValidation extends CheckedFile {
  kind: typeof AUDIT_KIND;
  /** Each standard's rating as an observation: the rating is its mark, its colour its RAG. */
  observations: Observation[];
  spec: AuditSpec | null;
  audit: AuditContent | null;
}

/** The sheets an audit's issues are ordered over: the standards, then the actions. */
const AUDIT_SHEETS = [AUDIT_SHEET, ACTIONS_SHEET];

function matchAudit(sheets: AuditSheets, spec: AuditSpec): MatchedAudit {
  const rows: MatchedAudit["rows"] = [];
  const extra: StandardRow[] = [];
  const seen = new Set<number>();
  for (const row of sheets.standards) {
    const s = spec.standards.find((x) => x.number === row.number);
    if (!s || seen.has(row.number)) {
      // An extra row only matters if something was typed in it.
      if (row.ratingText.text !== "" || row.evidence.text !== "" || row.comments.text !== "" || !s) extra.push(row);
      continue;
    }
    seen.add(row.number);
    rows.push({ spec: s, row });
  }
  rows.sort((a, b) => spec.standards.indexOf(a.spec) - spec.standards.indexOf(b.spec));
  return { rows, missing: spec.standards.filter((s) => !seen.has(s.number)), extra, actions: sheets.actions.filter((a) => a.used) };
}

function contentOf(file: string, spec: AuditSpec, matched: MatchedAudit): AuditContent {
  return {
    file,
    partnership: spec.partnership,
    agency: spec.agency,
    period: spec.period,
    standards: matched.rows.map(({ spec: s, row }) => ({
      number: s.number,
      name: s.name,
      short: standardOf(s.number)?.short ?? s.name,
      rating: row.rating,
      evidence: row.evidence.text,
      comments: row.comments.text,
      source: { file, sheet: AUDIT_SHEET, cell: row.address("rating") },
    })),
    actions: matched.actions
      .filter((a) => a.action.text !== "" && a.number !== null)
      .map((a) => ({
        number: a.number!,
        standard: a.standard !== null && spec.standards.some((s) => s.number === a.standard) ? a.standard : null,
        action: a.action.text,
        owner: a.owner.text,
        due: a.due.kind === "day" ? a.due.iso : null,
        source: { file, sheet: ACTIONS_SHEET, cell: a.address("action") },
      })),
  };
}

/** A rating travels as a chosen answer does in a return: status ok, no value, the answer as its mark. */
export function ratingObservation(answer: AuditStandardAnswer, audit: AuditContent): Observation {
  const obs: Observation = {
    indicator: `Section 11 standard ${answer.number}: ${answer.short}`,
    indicatorId: standardId(answer.number),
    agency: audit.agency,
    period: audit.period,
    value: null,
    status: answer.rating === null ? "missing" : "ok",
    unit: "other",
    numerator: null,
    denominator: null,
    target: null,
    polarity: null,
    rag: answer.rating === null ? null : RATING_RAG[answer.rating],
    source: answer.source,
  };
  if (answer.rating !== null) obs.mark = answer.rating;
  if (answer.evidence !== "") obs.commentary = answer.evidence;
  return obs;
}

function result(file: string, issues: ValidationIssue[], spec: AuditSpec | null, readable: boolean, audit: AuditContent | null = null): AuditValidation {
  return {
    kind: AUDIT_KIND,
    ...checkedFile(file, issues, spec, readable, AUDIT_SHEETS),
    observations: audit ? audit.standards.map((s) => ratingObservation(s, audit)) : [],
    spec,
    audit,
  };
}

export function validateAudit(workbook: GridWorkbook, options: AuditValidateOptions = {}): AuditValidation {
  const file = workbook.file;
  const specRead = readAuditSpec(workbook);
  if (specRead.status === "absent") {
    const issue: ValidationIssue = {
      code: "S11-001",
      severity: "error",
      sheet: null,
      cell: null,
      message: `"${file}" is not a Section 11 audit made from a partnership template: it carries no audit specification, so there is nothing to check it against.`,
      indicatorId: null,
    };
    return result(file, [issue], null, false);
  }
  const fileFindings = runPhase(AUDIT_RULES, "file", { file, specRead }, AUDIT_SHEET);
  if (fileFindings.blocked || specRead.status !== "ok") return result(file, fileFindings.issues, null, false);
  const spec = specRead.spec;
  const sheets = readAuditSheets(workbook);
  const specFindings = runPhase(
    AUDIT_RULES,
    "spec",
    { file, spec, specSheet: specRead.sheet, checksumOk: specRead.checksumOk, checksumCell: specRead.checksumCell, sheets, options },
    AUDIT_SHEET,
  );
  const early = [...fileFindings.issues, ...specFindings.issues];
  if (specFindings.blocked || !sheets.ok) return result(file, early, spec, false);
  const matched = matchAudit(sheets.sheets, spec);
  const found = runPhase(AUDIT_RULES, "audit", { file, spec, sheets: sheets.sheets, matched, options }, AUDIT_SHEET);
  return result(file, [...early, ...found.issues], spec, true, contentOf(file, spec, matched));
}

/** `validate --json` for an audit: the return's contract fields, `kind`, and the audit as read. */
export function auditValidationJson(r: AuditValidation): { kind: typeof AUDIT_KIND } & ContractJson & { audit: AuditContent | null } {
  return { kind: r.kind, ...contractJson(r), audit: r.audit };
}

/** Whether two audits say the same thing: every rating, evidence, comment and action. */
export function sameAudit(a: AuditContent, b: AuditContent): boolean {
  const strip = (c: AuditContent) => ({
    standards: c.standards.map((s) => [s.number, s.rating, s.evidence, s.comments]),
    actions: c.actions.map((x) => [x.number, x.standard, x.action, x.owner, x.due]),
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Agency and period as one key, for grouping audits: names compare without case or spacing. */
export function auditKey(a: Pick<AuditContent, "agency" | "period">): string {
  return `${labelKey(a.agency)}|${a.period.start}/${a.period.end}`;
}
