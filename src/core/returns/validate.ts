/**
 * Checking a filled return against the specification it carries, by running the rule catalogue
 * (rules.ts) in three phases: the file (is there a specification at all?), the specification
 * (whose, which version, intact? is the Return sheet there?), then the filled-in table. A
 * blocking finding stops the later phases, which need what it found missing.
 *
 * Reading never changes the workbook: the engine only ever sees grids.
 */
import { parseCell } from "../grid/address";
import type { GridWorkbook } from "../grid/grid";
import type { Observation, ObservationStatus, Period, ReturnSpec, Severity, ValidationIssue } from "../model/model";
import { DEFAULT_RAG_RULE, rateValue } from "../rag";
import { labelKey, RETURN_SHEET } from "./layout";
import { matchRows, readReturnSheet, type IndicatorRow } from "./read";
import {
  fillMessage,
  findingSheet,
  RULES,
  usableValue,
  whereText,
  type FileContext,
  type Finding,
  type ReturnContext,
  type SpecContext,
  type ValidateOptions,
  type ValidationRule,
} from "./rules";
import { readSpec } from "./spec";

export type { ValidateOptions } from "./rules";

export interface SeverityCounts {
  errors: number;
  queries: number;
  warnings: number;
}

export interface ReturnValidation {
  /** No errors (queries and warnings allowed). */
  valid: boolean;
  /** False when the file could not be checked at all (no or damaged specification, no Return sheet). */
  readable: boolean;
  file: string;
  partnership: string | null;
  agency: string | null;
  period: Period | null;
  templateVersion: string | null;
  issues: ValidationIssue[];
  counts: SeverityCounts;
  /** The figures as read, one per indicator row found, for collation. */
  observations: Observation[];
  spec: ReturnSpec | null;
}

type Phase = ValidationRule["phase"];
type RuleOf<P extends Phase> = Extract<ValidationRule, { phase: P }>;
type ContextOf<P extends Phase> = P extends "file" ? FileContext : P extends "spec" ? SpecContext : ReturnContext;

function rulesOf<P extends Phase>(phase: P): RuleOf<P>[] {
  return RULES.filter((r): r is RuleOf<P> => r.phase === phase);
}

function toIssue(rule: ValidationRule, f: Finding): ValidationIssue {
  const sheet = findingSheet(f);
  return {
    code: rule.code,
    severity: rule.severity,
    sheet,
    cell: f.cell,
    message: fillMessage(rule.message, { ...f.params, where: whereText(sheet, f.cell) }),
    indicatorId: f.indicatorId ?? null,
  };
}

/** Runs one phase's rules; `blocked` when a blocking rule found something. */
function runPhase<P extends Phase>(phase: P, ctx: ContextOf<P>): { issues: ValidationIssue[]; blocked: boolean } {
  const issues: ValidationIssue[] = [];
  let blocked = false;
  for (const rule of rulesOf(phase)) {
    const check = rule.check as (c: ContextOf<P>) => Finding[];
    const found = check(ctx);
    if (found.length && rule.blocking) blocked = true;
    for (const f of found) issues.push(toIssue(rule, f));
  }
  return { issues, blocked };
}

/**
 * Issues about the whole file first, in rule order; then those on the Return sheet in reading
 * order (row by row, left to right), so that a person can work down the sheet.
 */
function ordered(issues: ValidationIssue[]): ValidationIssue[] {
  const key = (i: ValidationIssue): [number, number] => {
    if (i.sheet !== RETURN_SHEET || i.cell === null) return [-1, -1];
    const { row, col } = parseCell(i.cell);
    return [row, col];
  };
  return issues
    .map((issue, index) => ({ issue, index, key: key(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.issue);
}

export function countBySeverity(issues: readonly { severity: Severity }[]): SeverityCounts {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    queries: issues.filter((i) => i.severity === "query").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

function observationOf(row: IndicatorRow, spec: ReturnSpec, file: string): Observation {
  const value = usableValue(row);
  const choices = row.spec.choices ?? [];
  const v = row.value;
  const answer = choices.length && !row.notAvailable && v.kind !== "blank"
    ? choices.find((c) => labelKey(c) === labelKey(v.kind === "text" ? v.text : v.kind === "number" ? v.shown : "")) ?? null
    : null;
  const status: ObservationStatus = value !== null || answer !== null ? "ok" : "missing";
  const whole = (e: IndicatorRow["numerator"]): number | null => (row.spec.fraction && e.kind === "number" && e.value >= 0 && Number.isInteger(e.value) ? e.value : null);
  const obs: Observation = {
    indicator: row.spec.name,
    indicatorId: row.spec.id,
    agency: spec.agency,
    period: spec.period,
    value,
    status,
    unit: row.spec.unit,
    numerator: whole(row.numerator),
    denominator: whole(row.denominator),
    target: row.spec.target,
    polarity: row.spec.polarity,
    rag: rateValue(value, row.spec.target, row.spec.polarity, spec.rag ?? DEFAULT_RAG_RULE, row.spec.band ?? null),
    source: { file, sheet: RETURN_SHEET, cell: row.address("value") },
  };
  // A chosen answer is not a number: it travels as the observation's mark.
  if (answer !== null) obs.mark = answer;
  else if (row.notAvailable) obs.mark = "Not available";
  if (row.commentary !== "") obs.commentary = row.commentary;
  return obs;
}

function result(file: string, issues: ValidationIssue[], spec: ReturnSpec | null, readable: boolean, observations: Observation[] = []): ReturnValidation {
  const sorted = ordered(issues);
  const counts = countBySeverity(sorted);
  return {
    valid: readable && counts.errors === 0,
    readable,
    file,
    partnership: spec?.partnership ?? null,
    agency: spec?.agency ?? null,
    period: spec?.period ?? null,
    templateVersion: spec?.templateVersion ?? null,
    issues: sorted,
    counts,
    observations,
    spec,
  };
}

export function validateReturn(workbook: GridWorkbook, options: ValidateOptions = {}): ReturnValidation {
  const file = workbook.file;
  const specRead = readSpec(workbook);
  const fileFindings = runPhase("file", { file, specRead });
  if (fileFindings.blocked || specRead.status !== "ok") return result(file, fileFindings.issues, null, false);

  const spec = specRead.spec;
  const sheet = readReturnSheet(workbook);
  const specFindings = runPhase("spec", {
    file,
    spec,
    specSheet: specRead.sheet,
    checksumOk: specRead.checksumOk,
    checksumCell: specRead.checksumCell,
    sheet,
    options,
  });
  const early = [...fileFindings.issues, ...specFindings.issues];
  if (specFindings.blocked || !sheet.ok) return result(file, early, spec, false);

  const matched = matchRows(sheet.sheet, spec);
  const rowFindings = runPhase("return", { file, spec, sheet: sheet.sheet, matched, options });
  const observations = [...matched.rows].sort((a, b) => a.index - b.index).map((row) => observationOf(row, spec, file));
  return result(file, [...early, ...rowFindings.issues], spec, true, observations);
}

/** An issue as `validate --json` writes it: severity per the contract, `kind` telling a query apart. */
export interface JsonIssue {
  code: string;
  severity: "error" | "warning";
  kind: Severity;
  sheet: string | null;
  cell: string | null;
  message: string;
  indicatorId: string | null;
  explainInCommentary?: true;
}

/**
 * The contract's JSON for `validate --json` (../shared/contract/CLI.md). The contract's severity
 * is "error" | "warning"; a query is not an error (the return is valid with it), so it is written
 * as severity "warning" with `kind: "query"` and `explainInCommentary: true`: a reader that knows
 * only the contract sees a warning, which is what a query is until it is explained, and a reader
 * that knows queries can tell them apart. Every issue carries `kind` ("error" | "query" | "warning").
 */
export function validationJson(r: ReturnValidation): {
  valid: boolean;
  agency: string | null;
  period: Period | null;
  issues: JsonIssue[];
  partnership: string | null;
  templateVersion: string | null;
  counts: SeverityCounts;
  observations: Observation[];
} {
  return {
    valid: r.valid,
    agency: r.agency,
    period: r.period,
    issues: r.issues.map((i) => ({
      code: i.code,
      severity: i.severity === "error" ? "error" : "warning",
      kind: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      message: i.message,
      indicatorId: i.indicatorId ?? null,
      ...(i.severity === "query" ? { explainInCommentary: true as const } : {}),
    })),
    partnership: r.partnership,
    templateVersion: r.templateVersion,
    counts: r.counts,
    observations: r.observations,
  };
}
