/**
 * `collate FILE... --json OUT.json [--indicators SET] [--out COLLATED.xlsx]`
 * (../shared/contract/CLI.md): validates each return and merges the accepted ones.
 *
 * Exit 0: every file accepted, no agency missing, no conflict. 1: the work is done (JSON and
 * workbook written) but a file was rejected, an agency is missing or figures conflict. 2: no file
 * could be read as a return, or an argument is unusable (a path that does not exist, an output
 * that is an input, an indicator set naming no agencies), in one plain sentence and no output.
 * A file that cannot be read is a rejected submission, not a reason to stop: the others collate.
 *
 * Section 11 audits among the files are recognised by their specification and collated into the
 * summary for challenge and the action log. `--log PREVIOUS.xlsx` names the workbook holding the
 * action log as the partnership has kept it (the last `--out`, edited since): it is read, never
 * written, and the log updated from it goes into `--out` (and the JSON) with every edit kept.
 * `--today YYYY-MM-DD` sets the day the lists of actions due are as at (by default, today).
 */
import * as path from "node:path";
import { findActionLog, type PreviousLog } from "../../core/actions";
import { anyReadable, collatedPlan, collateReturns, collateSummary, collationClean, type CollateInput, type CollateResult } from "../../core/collate";
import { InputError, isInputError } from "../../core/errors";
import type { Indicator } from "../../core/model";
import { agenciesOf, readDueDate } from "../../core/returns";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE, EXIT_INPUT_HAS_ERRORS } from "../run";
import { readIndicatorInput } from "./gap";

export interface CollateArgs {
  json: string;
  indicators?: string;
  out?: string;
  /** The workbook holding the action log as last kept: read only. */
  log?: string;
  /** YYYY-MM-DD: the day the lists of actions due are as at. */
  today?: string;
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

/** The action log as the partnership left it, from the workbook `--log` names. */
async function previousLog(file: string | undefined): Promise<PreviousLog | undefined> {
  if (file === undefined) return undefined;
  const found = findActionLog(await readWorkbookFile(file));
  if (!found) {
    throw new InputError(
      `${file} has no action log (a sheet headed "Action ID", "Action" and "Status"); give the workbook an earlier collate --out wrote, or leave out --log to start a new log.`,
      { file },
    );
  }
  return { rows: found.log.rows, base: found.base };
}

function today(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const day = readDueDate(text);
  if (day === null) throw new InputError(`--today ${text} is not a date written YYYY-MM-DD, such as 2026-01-15.`);
  return day;
}

/**
 * The JSON written: the collation as the contract has it, with the action log's actions, lists and
 * changes (its hidden copy, which only the workbook needs, left out).
 */
export function collateJson(result: CollateResult): unknown {
  const log = result.actionLog;
  return { ...result, actionLog: log ? { actions: log.actions, due: log.due, changes: log.changes } : null };
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
  const extra = [args.indicators, args.log].filter((f): f is string => f !== undefined);
  assertOutputs(args, [...paths, ...extra]);
  for (const f of [...paths, ...extra]) assertReadable(f);
  const asAt = today(args.today);
  const indicators = await expectedIndicators(args.indicators);
  const previous = await previousLog(args.log);
  const names = displayNames(paths);
  const inputs: CollateInput[] = [];
  // One at a time: parsing an .xlsx takes far more memory than the grid it gives, so only one parse is under way.
  for (const [i, f] of paths.entries()) inputs.push(await readInput(f, names[i]!));
  const result = collateReturns(inputs, { ...(indicators ? { indicators } : {}), ...(previous ? { previousLog: previous } : {}), ...(asAt ? { today: asAt } : {}) });
  if (!anyReadable(result)) {
    const first = result.submissions[0]?.reason ?? "it is not a return.";
    throw new InputError(
      paths.length === 1 ? first : `None of the ${paths.length} files could be read as a return; the first: ${first}`,
      { file: paths[0] ?? null },
    );
  }
  writeJson(args.json, collateJson(result));
  if (args.out !== undefined) writeOutput(args.out, await renderPlanToXlsx(collatedPlan(result)));
  process.stdout.write(`${collateSummary(result)} Details in ${args.json}${args.out !== undefined ? ` and ${args.out}` : ""}.\n`);
  return collationClean(result) ? EXIT_DONE : EXIT_INPUT_HAS_ERRORS;
}
