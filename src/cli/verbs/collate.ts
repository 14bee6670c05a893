/**
 * `collate FILE... --json OUT.json [--indicators SET] [--out COLLATED.xlsx]`
 * (../shared/contract/CLI.md): validates each return and merges the accepted ones.
 *
 * Exit 0: every file accepted, no agency missing, no conflict. 1: the work is done (JSON and
 * workbook written) but a file was rejected, an agency is missing or figures conflict. 2: no file
 * could be read as a return, or an argument is unusable (a path that does not exist, an output
 * that is an input, an indicator set naming no agencies), in one plain sentence and no output.
 * A file that cannot be read is a rejected submission, not a reason to stop: the others collate.
 */
import * as path from "node:path";
import { anyReadable, collatedPlan, collateReturns, collateSummary, collationClean, type CollateInput } from "../../core/collate";
import { InputError, isInputError } from "../../core/errors";
import type { Indicator } from "../../core/model";
import { agenciesOf } from "../../core/returns";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE, EXIT_INPUT_HAS_ERRORS } from "../run";
import { readIndicatorInput } from "./gap";

export interface CollateArgs {
  json: string;
  indicators?: string;
  out?: string;
}

/**
 * The same file named twice (overlapping wildcards) is one submission: reading it twice would
 * only report it as a repeat of itself.
 */
export function distinctPaths(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The name each file is known by in the output: its base name, as the other verbs use, unless two
 * files share one (police/return.xlsx and health/return.xlsx), when the path as given tells them apart.
 */
export function displayNames(files: readonly string[]): string[] {
  const bases = files.map((f) => path.basename(f));
  return files.map((f, i) => (bases.filter((b) => b === bases[i]).length > 1 ? f : bases[i]!));
}

function assertOutputs(args: CollateArgs, inputs: string[]): void {
  assertNotAnInput(args.json, inputs, "--json");
  if (args.out === undefined) return;
  assertNotAnInput(args.out, inputs, "--out");
  if (path.resolve(args.out) === path.resolve(args.json)) {
    throw new InputError(`--out and --json both name ${args.out}; give each its own file, or one would overwrite the other.`, { file: args.out });
  }
}

async function expectedIndicators(file: string | undefined): Promise<Indicator[] | undefined> {
  if (file === undefined) return undefined;
  const set = await readIndicatorInput(file);
  if (agenciesOf(set.indicators).length === 0) {
    throw new InputError(`${file} names no agencies (it has no Agency column, or the column is empty), so it cannot say which returns are expected.`, { file });
  }
  return set.indicators;
}

/** A file the adapter cannot read becomes an unreadable submission; anything else is a bug and stays one. */
async function readInput(file: string, name: string): Promise<CollateInput> {
  try {
    return { file: name, workbook: await readWorkbookFile(file) };
  } catch (e) {
    if (isInputError(e)) return { file: name, unreadable: e.message };
    throw e;
  }
}

export async function runCollate(files: string[], args: CollateArgs): Promise<number> {
  const paths = distinctPaths(files);
  assertOutputs(args, [...paths, ...(args.indicators !== undefined ? [args.indicators] : [])]);
  for (const f of paths) assertReadable(f);
  const indicators = await expectedIndicators(args.indicators);
  const names = displayNames(paths);
  const inputs: CollateInput[] = [];
  // One at a time: parsing an .xlsx takes far more memory than the grid it gives, so only one parse is under way.
  for (const [i, f] of paths.entries()) inputs.push(await readInput(f, names[i]!));
  const result = collateReturns(inputs, indicators ? { indicators } : {});
  if (!anyReadable(result)) {
    const first = result.submissions[0]?.reason ?? "it is not a return.";
    throw new InputError(
      paths.length === 1 ? first : `None of the ${paths.length} files could be read as a return; the first: ${first}`,
      { file: paths[0] ?? null },
    );
  }
  writeJson(args.json, result);
  if (args.out !== undefined) writeOutput(args.out, await renderPlanToXlsx(collatedPlan(result)));
  process.stdout.write(`${collateSummary(result)} Details in ${args.json}${args.out !== undefined ? ` and ${args.out}` : ""}.\n`);
  return collationClean(result) ? EXIT_DONE : EXIT_INPUT_HAS_ERRORS;
}
