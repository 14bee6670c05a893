/**
 * The framework as a JSON file a partnership can export, edit (add an area, move a measure,
 * mark priorities, add keywords) and load back (`gap --framework`, the task pane's framework
 * editor). Loading checks the file against FrameworkSchema and against itself (every measure in
 * an area that exists, no area twice) and reports the first problem in one plain sentence that
 * names the file and says where in it the problem is.
 */
import type { z } from "zod";
import { InputError } from "../errors";
import { FrameworkSchema, type Framework } from "../model";

/** The framework as pretty-printed JSON, ready to save and edit by hand. */
export function frameworkToJson(framework: Framework): string {
  return `${JSON.stringify(framework, null, 2)}\n`;
}

/** ["areas", 2, "group"] -> "areas, item 3, group": zod's path in words a person can follow. */
export function pathInWords(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `item ${p + 1}` : String(p))).join(", ");
}

type Issue = z.core.$ZodIssue;

/** One zod issue as a plain-English clause: what is wrong, not zod's wording. */
export function issueInWords(issue: Issue): string {
  const where = issue.path.length > 0 ? `at ${pathInWords(issue.path)}` : "at the top level";
  switch (issue.code) {
    case "invalid_type":
      return (issue as { input?: unknown }).input === undefined
        ? `${where}, a required ${issue.expected} is missing`
        : `${where}, expected ${article(issue.expected)}`;
    case "invalid_value":
      return `${where}, expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "array"
        ? `${where}, there must be at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`
        : issue.origin === "string"
          ? `${where}, the text must not be empty`
          : `${where}, the value is too small`;
    case "unrecognized_keys":
      return `${where}, ${issue.keys.map((k) => `"${k}"`).join(", ")} ${issue.keys.length === 1 ? "is" : "are"} not recognised`;
    default:
      return `${where}, ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
  }
}

function article(expected: string): string {
  const words: Record<string, string> = { string: "text", number: "a number", array: "a list", object: "an object", boolean: "true or false", record: "an object" };
  return words[expected] ?? `a ${expected}`;
}

/** Problems zod cannot see: the framework must be consistent with itself. */
function consistencyProblem(framework: Framework): string | null {
  const names = new Set<string>();
  for (const [i, area] of framework.areas.entries()) {
    if (names.has(area.name)) return `at areas, item ${i + 1}, the area "${area.name}" appears twice`;
    names.add(area.name);
  }
  for (const [i, measure] of framework.catalogue.entries()) {
    if (!names.has(measure.area)) return `at catalogue, item ${i + 1}, the measure "${measure.name}" is in the area "${measure.area}", which is not one of the framework's areas`;
  }
  return null;
}

/**
 * Reads a framework from JSON text. `file` names the file in messages. Throws an InputError with
 * one sentence naming the file and the first problem.
 */
export function parseFrameworkJson(text: string, file: string): Framework {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/\.$/, "") : "it is not valid JSON";
    throw new InputError(`"${file}" is not a framework this tool can read: it is not valid JSON (${detail}).`, { file });
  }
  const parsed = FrameworkSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const problem = first === undefined ? "it does not have the framework's shape" : issueInWords(first);
    throw new InputError(`"${file}" is not a framework this tool can use: ${problem}.`, { file });
  }
  const problem = consistencyProblem(parsed.data);
  if (problem !== null) throw new InputError(`"${file}" is not a framework this tool can use: ${problem}.`, { file });
  return parsed.data;
}
