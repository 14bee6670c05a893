/**
 * `validate RETURN.xlsx --json OUT.json` (../shared/contract/CLI.md): checks a filled return
 * against the specification it carries. Exit 0: no errors; 1: errors (the JSON lists them);
 * 2: not a return, not a spreadsheet, or damaged, in one plain sentence and no JSON.
 * A Section 11 audit is recognised by its specification and checked as an audit; its JSON has
 * the same fields, with `kind: "section-11-audit"` and the audit's answers.
 * The file is only read, never written.
 */
import { InputError } from "../../core/errors";
import { validationJson } from "../../core/returns";
import { auditValidationJson, validateFiled } from "../../core/s11";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson } from "../io";
import { EXIT_DONE, EXIT_INPUT_HAS_ERRORS } from "../run";

export interface ValidateArgs {
  json: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function runValidate(file: string, args: ValidateArgs): Promise<number> {
  assertReadable(file);
  assertNotAnInput(args.json, [file], "--json");
  const workbook = await readWorkbookFile(file);
  const filed = validateFiled(workbook);
  const result = filed.result;
  if (!result.readable) {
    const why = result.issues.find((i) => i.severity === "error");
    throw new InputError(why?.message ?? `"${workbook.file}" cannot be checked as a return.`, { file: workbook.file });
  }
  writeJson(args.json, filed.kind === "section-11-audit" ? auditValidationJson(filed.result) : validationJson(filed.result));
  const { errors, queries, warnings } = result.counts;
  const what = filed.kind === "section-11-audit" ? `${result.agency}'s Section 11 audit, ${result.period?.label}` : `${result.agency}, ${result.period?.label}`;
  process.stdout.write(
    `${what}: ${plural(errors, "error", "errors")}, ${plural(queries, "query", "queries")}, ${plural(warnings, "warning", "warnings")}; details in ${args.json}.\n`,
  );
  return result.valid ? EXIT_DONE : EXIT_INPUT_HAS_ERRORS;
}
