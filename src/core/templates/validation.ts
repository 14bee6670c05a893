/**
 * What checking any filled template gives, whatever it asks for: its issues in the order a person
 * works through them, the counts by severity, whether it is valid, and the contract's JSON for
 * `validate --json`. A return's result (../returns/validate.ts) adds the figures read; an audit's
 * (../s11/validate.ts) adds its kind and the answers read.
 */
import { parseCell } from "../grid/address";
import type { Observation, Period, Severity, ValidationIssue } from "../model/model";
import type { CommonSpec } from "./spec-sheet";

export interface SeverityCounts {
  errors: number;
  queries: number;
  warnings: number;
}

export function countBySeverity(issues: readonly { severity: Severity }[]): SeverityCounts {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    queries: issues.filter((i) => i.severity === "query").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

/**
 * Issues about the whole file first, in rule order; then those on each of `sheets` in turn, in
 * reading order (row by row, left to right), so that a person can work down each sheet.
 */
export function orderedIssues(issues: readonly ValidationIssue[], sheets: readonly string[]): ValidationIssue[] {
  const key = (i: ValidationIssue): [number, number, number] => {
    const rank = i.cell === null || i.sheet === null ? 0 : sheets.indexOf(i.sheet) + 1;
    if (rank === 0) return [0, -1, -1];
    const { row, col } = parseCell(i.cell!);
    return [rank, row, col];
  };
  return issues
    .map((issue, index) => ({ issue, index, key: key(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map((x) => x.issue);
}

/** What every check of a filled template says about it. */
export interface CheckedFile {
  /** No errors (queries and warnings allowed). */
  valid: boolean;
  /** False when the file could not be checked at all (no or damaged specification, a sheet missing). */
  readable: boolean;
  file: string;
  partnership: string | null;
  agency: string | null;
  period: Period | null;
  templateVersion: string | null;
  issues: ValidationIssue[];
  counts: SeverityCounts;
}

/** The issues ordered over `sheets` (the template's own, in the order it is filled in) and counted. */
export function checkedFile(file: string, issues: ValidationIssue[], spec: CommonSpec | null, readable: boolean, sheets: readonly string[]): CheckedFile {
  const sorted = orderedIssues(issues, sheets);
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
  };
}

// ---------------------------------------------------------------------------------------------
// `validate --json`

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
 * The contract's severity is "error" | "warning"; a query is not an error (the file is valid with
 * it), so it is written as severity "warning" with `kind: "query"` and `explainInCommentary: true`:
 * a reader that knows only the contract sees a warning, which is what a query is until it is
 * explained, and a reader that knows queries can tell them apart. Every issue carries `kind`
 * ("error" | "query" | "warning").
 */
export function jsonIssue(i: ValidationIssue): JsonIssue {
  return {
    code: i.code,
    severity: i.severity === "error" ? "error" : "warning",
    kind: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    message: i.message,
    indicatorId: i.indicatorId ?? null,
    ...(i.severity === "query" ? { explainInCommentary: true as const } : {}),
  };
}

/** The contract's fields of `validate --json` (../shared/contract/CLI.md), in the contract's order. */
export interface ContractJson {
  valid: boolean;
  agency: string | null;
  period: Period | null;
  issues: JsonIssue[];
  partnership: string | null;
  templateVersion: string | null;
  counts: SeverityCounts;
  observations: Observation[];
}

export function contractJson(r: CheckedFile & { observations: Observation[] }): ContractJson {
  return {
    valid: r.valid,
    agency: r.agency,
    period: r.period,
    issues: r.issues.map(jsonIssue),
    partnership: r.partnership,
    templateVersion: r.templateVersion,
    counts: r.counts,
    observations: r.observations,
  };
}
