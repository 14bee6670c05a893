/**
 * `gap INPUT --json OUT.json [--out OUT.xlsx] [--framework FRAMEWORK.json]`
 * (../shared/contract/CLI.md): measures an indicator set (.csv/.xlsx, or an ingest JSON) against
 * the content-area framework (the built-in one unless a partnership's own file is given) and
 * writes the analysis, and optionally the Gap Analysis and Placements sheets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../../core/errors";
import { defaultFramework } from "../../core/framework/default-framework";
import { parseFrameworkJson } from "../../core/framework/json";
import { analyseGaps, gapAnalysisPlan, GAP_SHEET, type GapResult } from "../../core/gap";
import { readIndicatorSet, readIndicatorSetJson, type IndicatorSetRead } from "../../core/indicator-set";
import type { Framework, Warning } from "../../core/model";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE } from "../run";

export interface GapArgs {
  json: string;
  out?: string;
  framework?: string;
}

function readText(file: string): string {
  assertReadable(file);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`Cannot read ${file}; check that it is not open elsewhere and that you may read it.`, { file });
  }
}

/** The built-in framework, or a partnership's own file checked against FrameworkSchema. */
export function loadFramework(file: string | undefined): Framework {
  if (file === undefined) return defaultFramework;
  return parseFrameworkJson(readText(file), path.basename(file));
}

/** An indicator set from a .csv/.xlsx (by its contents) or from an ingest JSON (by its name). */
export async function readIndicatorInput(file: string): Promise<IndicatorSetRead> {
  assertReadable(file);
  if (/\.json$/i.test(file)) return readIndicatorSetJson(readText(file), path.basename(file));
  return readIndicatorSet(await readWorkbookFile(file));
}

/** The JSON written: the contract's fields first, then the additions, and the reader's warnings. */
export function gapJson(result: GapResult, warnings: readonly Warning[]): GapResult & { warnings: Warning[] } {
  return { ...result, warnings: [...warnings] };
}

export async function runGap(input: string, args: GapArgs): Promise<number> {
  const inputs = [input, ...(args.framework !== undefined ? [args.framework] : [])];
  assertNotAnInput(args.json, inputs, "--json");
  if (args.out !== undefined) assertNotAnInput(args.out, inputs, "--out");
  const framework = loadFramework(args.framework);
  const set = await readIndicatorInput(input);
  const result = analyseGaps(set.indicators, framework);
  writeJson(args.json, gapJson(result, set.warnings));
  if (args.out !== undefined) writeOutput(args.out, await renderPlanToXlsx({ sheets: gapAnalysisPlan(result, framework), activeSheet: GAP_SHEET }));
  const s = result.summary;
  process.stdout.write(
    `Placed ${s.placed} of ${s.indicators} indicators in the framework's ${result.areas.length} areas; ` +
      `${result.emptyAreas.length} areas have none and ${s.gaps} type or source gaps were found. Wrote ${args.json}${args.out !== undefined ? ` and ${args.out}` : ""}.\n`,
  );
  return EXIT_DONE;
}
