/**
 * A filed workbook checked by what it says it is: a Section 11 audit when it carries an audit's
 * specification, otherwise a quarterly return (whose own checks say so when it is neither).
 */
import type { GridWorkbook } from "../grid/grid";
import { validateReturn, type ReturnValidation, type ValidateOptions } from "../returns/validate";
import { isAuditWorkbook } from "./spec";
import { validateAudit, type AuditValidation } from "./validate";

export type FiledValidation = { kind: "return"; result: ReturnValidation } | { kind: "section-11-audit"; result: AuditValidation };

export function validateFiled(workbook: GridWorkbook, options: ValidateOptions = {}): FiledValidation {
  return isAuditWorkbook(workbook) ? { kind: "section-11-audit", result: validateAudit(workbook, options) } : { kind: "return", result: validateReturn(workbook, options) };
}
