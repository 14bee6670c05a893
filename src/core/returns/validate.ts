/**
 * Checking a filled return against the specification it carries, by running the rule catalogue
 * (rules.ts) in three phases: the file (is there a specification at all?), the specification
 * (whose, which version, intact? is the Return sheet there?), then the filled-in table. A
 * blocking finding stops the later phases, which need what it found missing.
 *
 * Reading never changes the workbook: the engine only ever sees grids.
 */
import type { GridWorkbook } from "../grid/grid";
import type { Observation, ObservationStatus, ReturnSpec, ValidationIssue } from "../model/model";
import { DEFAULT_RAG_RULE, rateValue } from "../rag";
import { runPhase } from "../templates/rules";
import { checkedFile, contractJson, type CheckedFile, type ContractJson } from "../templates/validation";
import { labelKey, RETURN_SHEET } from "./layout";
import { matchRows, readReturnSheet, type IndicatorRow } from "./read";
import { RULES, usableValue, type ValidateOptions } from "./rules";
import { readSpec } from "./spec";

export type { ValidateOptions } from "./rules";
export { countBySeverity, type JsonIssue, type SeverityCounts } from "../templates/validation";

export interface ReturnValidation extends CheckedFile {
  /** The figures as read, one per indicator row found, for collation. */
  observations: Observation[];
  spec: ReturnSpec | null;
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
  return { ...checkedFile(file, issues, spec, readable, [RETURN_SHEET]), observations, spec };
}

export function validateReturn(workbook: GridWorkbook, options: ValidateOptions = {}): ReturnValidation {
  const file = workbook.file;
  const specRead = readSpec(workbook);
  const fileFindings = runPhase(RULES, "file", { file, specRead }, RETURN_SHEET);
  if (fileFindings.blocked || specRead.status !== "ok") return result(file, fileFindings.issues, null, false);

  const spec = specRead.spec;
  const sheet = readReturnSheet(workbook);
  const specFindings = runPhase(
    RULES,
    "spec",
    { file, spec, specSheet: specRead.sheet, checksumOk: specRead.checksumOk, checksumCell: specRead.checksumCell, sheet, options },
    RETURN_SHEET,
  );
  const early = [...fileFindings.issues, ...specFindings.issues];
  if (specFindings.blocked || !sheet.ok) return result(file, early, spec, false);

  const matched = matchRows(sheet.sheet, spec);
  const rowFindings = runPhase(RULES, "return", { file, spec, sheet: sheet.sheet, matched, options }, RETURN_SHEET);
  const observations = [...matched.rows].sort((a, b) => a.index - b.index).map((row) => observationOf(row, spec, file));
  return result(file, [...early, ...rowFindings.issues], spec, true, observations);
}

/**
 * The contract's JSON for `validate --json` (../shared/contract/CLI.md), a query written as a
 * warning with `kind: "query"` (see jsonIssue in ../templates/validation.ts).
 */
export function validationJson(r: ReturnValidation): ContractJson {
  return contractJson(r);
}
