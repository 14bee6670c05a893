/**
 * Running the command line in-process, as the bad-input and safety tests do: every verb that is
 * built, with the arguments the contract gives it, capturing what it prints.
 */
import { verbs } from "../../src/cli/verbs";

export { runCli, sha256File, type CliOutcome } from "../cli/run-cli";

/** The verbs that take one input file, by name, for those built today (checked when the tests run). */
export function builtVerbs(): string[] {
  return verbs.filter((v) => v.run !== undefined).map((v) => v.name);
}

/** Arguments for one verb on one input; outputs go to `outBase` plus an extension. */
export function argsFor(verb: string, input: string, outBase: string): { args: string[]; outputs: string[] } {
  switch (verb) {
    case "template":
      return { args: ["template", "--indicators", input, "--agency", "Police", "--period", "Q1 2025/26", "--out", `${outBase}.xlsx`], outputs: [`${outBase}.xlsx`] };
    case "report":
      return { args: ["report", input, "--out", `${outBase}.xlsx`, "--json", `${outBase}.json`], outputs: [`${outBase}.xlsx`, `${outBase}.json`] };
    case "benchmark":
      return { args: ["benchmark", input, "--area", "Northshire", "--json", `${outBase}.json`], outputs: [`${outBase}.json`] };
    default:
      return { args: [verb, input, "--json", `${outBase}.json`], outputs: [`${outBase}.json`] };
  }
}


/**
 * What a refusal must look like: one line, naming the file, in plain English: no stack frame,
 * no JavaScript error name, no "undefined", and not the tool's own "something went wrong"
 * (which would mean the input found a bug).
 */
export function expectPlainRefusal(err: string, fileName: string): void {
  const lines = err.trim().split("\n");
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? "";
  expect(line).toContain(fileName);
  expect(line).not.toMatch(/\bat .+:\d+:\d+/);
  expect(line).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|Error:)|undefined|\bNaN\b|\[object /);
  expect(line).not.toMatch(/Something went wrong inside the tool/);
}
