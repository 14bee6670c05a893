/**
 * `ingest FILE --json OUT.json [--out OUT.xlsx] [--rag-rule RULE.json]
 *  [--benchmarks OPEN_DATA... --area NAME_OR_CODE [--neighbours LIST] [--benchmark-map MAP.json]]`
 * (../shared/contract/CLI.md): every observation in a circulated workbook, rated against its
 * target, and optionally the structured indicator workbook with its live scorecard. With
 * --benchmarks, the indicators linked to official statistics (by the map, or else by their
 * names, each such link a warning) get England, region and neighbour columns and a trend chart
 * on the scorecard, and the JSON gets a "benchmarks" object (an addition to the contract).
 * With --recipe, each sheet whose layout the reading recipe knows is read with the analyst's
 * corrections kept for it, exactly as the task pane reads it with that recipe (also an addition:
 * a RECIPE_APPLIED note per sheet, or a RECIPE_NOT_MATCHED doubt when it fits no sheet).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BENCHMARK_LINK_WARNING_CODES, BENCHMARK_NOTES, linkBenchmarks, readNeighbourList, type BenchmarkSource, type LinkedBenchmarks, type ScorecardBenchmarks } from "../../core/benchmark";
import { InputError } from "../../core/errors";
import { indicatorsSheet, observationsSheet } from "../../core/indicator-sheets";
import { ingestWorkbook, isDoubt, type LayoutOverrides } from "../../core/ingest";
import { BenchmarkMapSchema, firstProblem, type BenchmarkMap, type IngestResult, type Period, type ReadingRecipe, type Warning } from "../../core/model";
import { countCorrections, layoutKeys, matchRecipe, parseRecipeText, RECIPE_WARNING_CODES } from "../../core/recipes";
import { readPeriodLabel } from "../../core/returns/request";
import type { WorkbookPlan } from "../../core/plan/plan";
import { applyRag, RagRuleSchema, type RagRule } from "../../core/rag";
import { scorecardPlan } from "../../core/scorecard";
import { renderPlanToXlsx } from "../../files";
import { readWorkbookFile } from "../../files/node";
import { assertNotAnInput, assertReadable, writeJson, writeOutput } from "../io";
import { EXIT_DONE, EXIT_INPUT_HAS_ERRORS } from "../run";
import { readOpenDataFile } from "./benchmark";

export interface IngestArgs {
  json: string;
  out?: string;
  ragRule?: string;
  /** The period of figures on sheets that name none. */
  period?: string;
  /** Open-data files whose figures are set beside the indicators (commander's variadic option). */
  benchmarks?: string[];
  area?: string;
  neighbours?: string;
  benchmarkMap?: string;
  /** A reading recipe (the pane's corrections, exported): the sheets whose layout it knows are read with them. */
  recipe?: string;
}

/** A RAG rule file: JSON in the shape of RagRuleSchema; anything else is one plain sentence. */
export function readRagRule(file: string | undefined): RagRule {
  if (!file) return RagRuleSchema.parse({});
  assertReadable(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new InputError(`The RAG rule file ${file} is not valid JSON.`, { file });
  }
  const parsed = RagRuleSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`The RAG rule file ${file} cannot be used: ${firstProblem(parsed.error)}.`, { file });
  return parsed.data;
}

/** A benchmark map file: JSON in the shape of BenchmarkMapSchema; anything else is one plain sentence. */
export function readBenchmarkMap(file: string | undefined): BenchmarkMap | null {
  if (file === undefined) return null;
  assertReadable(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new InputError(`The benchmark map ${file} is not valid JSON.`, { file });
  }
  const parsed = BenchmarkMapSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`The benchmark map ${file} cannot be used: ${firstProblem(parsed.error)}.`, { file });
  return parsed.data;
}

/** A reading recipe file: JSON in the shape of ReadingRecipeSchema; anything else is one plain sentence. */
export function readRecipeFile(file: string | undefined): ReadingRecipe | null {
  if (file === undefined) return null;
  assertReadable(file);
  return parseRecipeText(fs.readFileSync(file, "utf8"), path.basename(file));
}

/** The recipe's notes: each sheet it corrected, or the one doubt that it fitted none. */
function recipeWarnings(recipe: { file: string; overrides: LayoutOverrides }, workbook: string): Warning[] {
  const sheets = Object.entries(recipe.overrides);
  if (sheets.length === 0) {
    return [{ code: "RECIPE_NOT_MATCHED", message: `The recipe ${recipe.file} fits no sheet of ${workbook} (no sheet has a layout it knows), so the workbook was read without its corrections.`, sheet: null, cell: null }];
  }
  return sheets.map(([sheet, o]) => {
    const n = countCorrections(o);
    return { code: "RECIPE_APPLIED", message: `Read with the recipe ${recipe.file}: ${n === 1 ? "1 correction" : `${n} corrections`} kept for this sheet's layout.`, sheet, cell: null };
  });
}

/** --area, --neighbours and --benchmark-map mean nothing without --benchmarks, and --benchmarks needs --area. */
function checkBenchmarkOptions(args: IngestArgs): void {
  const files = args.benchmarks ?? [];
  if (files.length === 0) {
    const stray = [args.area !== undefined ? "--area" : null, args.neighbours !== undefined ? "--neighbours" : null, args.benchmarkMap !== undefined ? "--benchmark-map" : null].filter(Boolean);
    if (stray.length > 0) throw new InputError(`${stray.join(" and ")} ${stray.length === 1 ? "goes" : "go"} with --benchmarks: give the open-data files to compare with, or leave ${stray.length === 1 ? "it" : "them"} out.`);
    return;
  }
  if (args.area === undefined || args.area.trim() === "") {
    throw new InputError("--benchmarks needs --area: the local authority the scorecard is for, by name, nine-character code (E08000016) or three-digit number (370).");
  }
}

/** The benchmarks as the JSON gives them: the area, the neighbours, the map used, and each linked indicator's published figures. */
export function benchmarksJson(linked: LinkedBenchmarks): ScorecardBenchmarks & { map: BenchmarkMap } {
  return { ...linked.benchmarks, map: linked.map };
}

/** Reads the open-data files and the neighbour list, and links the indicators to them. */
export async function benchmarksFor(result: IngestResult, args: IngestArgs): Promise<{ linked: LinkedBenchmarks; warnings: Warning[] } | null> {
  const files = args.benchmarks ?? [];
  if (files.length === 0) return null;
  const map = readBenchmarkMap(args.benchmarkMap);
  const sources: BenchmarkSource[] = [];
  const warnings: Warning[] = [];
  for (const f of files) {
    const read = await readOpenDataFile(f);
    sources.push(read.source);
    warnings.push(...read.warnings);
  }
  let neighbours = null;
  if (args.neighbours !== undefined) {
    assertReadable(args.neighbours);
    neighbours = readNeighbourList(await readWorkbookFile(args.neighbours));
  }
  const linked = linkBenchmarks(result.indicators, sources, { area: args.area ?? "", neighbours, map });
  return { linked, warnings: [...warnings, ...linked.warnings] };
}

/** The workbook `--out` writes: the scorecard first (what people read), then the two tables. */
export function indicatorWorkbookPlan(result: IngestResult, rule: RagRule, benchmarks: ScorecardBenchmarks | null = null): WorkbookPlan {
  return {
    sheets: [
      ...scorecardPlan(result.observations, result.indicators, rule, { groupBy: "agency", benchmarks }),
      indicatorsSheet(result.indicators),
      observationsSheet(result.observations),
    ],
    activeSheet: "Scorecard",
  };
}

/**
 * Reads a workbook: every sheet as found, or, with a reading recipe, each sheet whose layout the
 * recipe knows with the corrections it keeps (matched as the task pane matches them).
 */
export async function ingestFile(file: string, rule: RagRule, defaultPeriod?: Period, recipe?: { recipe: ReadingRecipe; file: string }): Promise<IngestResult> {
  assertReadable(file);
  const workbook = await readWorkbookFile(file);
  const overrides = recipe ? matchRecipe(recipe.recipe, layoutKeys(workbook)).overrides : null;
  const detail = ingestWorkbook(workbook, { ...(defaultPeriod ? { defaultPeriod } : {}), ...(overrides ? { layoutOverrides: overrides } : {}) });
  const warnings = recipe && overrides ? [...recipeWarnings({ file: recipe.file, overrides }, path.basename(file)), ...detail.warnings] : detail.warnings;
  return { observations: applyRag(detail.observations, detail.indicators, rule), indicators: detail.indicators, warnings };
}

/**
 * What a person must look at before using the reading, as a few lines for stderr: the sheets read
 * with low confidence and the other doubts by code, with a count and the first cells. Empty when
 * nothing is in doubt.
 */
export function doubtSummary(file: string, warnings: IngestResult["warnings"]): string[] {
  const doubts = warnings.filter((w) => isDoubt(w.code, BENCHMARK_LINK_WARNING_CODES, BENCHMARK_NOTES, RECIPE_WARNING_CODES));
  if (doubts.length === 0) return [];
  const lines = [`${file} was read, but some of it is in doubt; look at these before using the figures:`];
  for (const w of doubts.slice(0, 12)) lines.push(`  ${w.code}${w.sheet ? ` (sheet "${w.sheet}"${w.cell ? `, ${w.cell}` : ""})` : ""}: ${w.message}`);
  if (doubts.length > 12) lines.push(`  and ${doubts.length - 12} more, listed in the JSON.`);
  return lines;
}

export async function runIngest(file: string, args: IngestArgs): Promise<number> {
  checkBenchmarkOptions(args);
  const inputs = [file, ...(args.benchmarks ?? []), ...[args.neighbours, args.benchmarkMap, args.ragRule, args.recipe].filter((f): f is string => f !== undefined)];
  assertNotAnInput(args.json, inputs, "--json");
  if (args.out) assertNotAnInput(args.out, inputs, "--out");
  const rule = readRagRule(args.ragRule);
  let period: Period | undefined;
  if (args.period !== undefined) {
    period = readPeriodLabel(args.period) ?? undefined;
    if (!period) throw new InputError(`--period "${args.period}" is not a period this tool can read; write it as "2024/25", "Q2 2025/26" or "Sep 2025".`);
  }
  const recipe = readRecipeFile(args.recipe);
  const ingested = await ingestFile(file, rule, period, recipe && args.recipe ? { recipe, file: path.basename(args.recipe) } : undefined);
  const benchmarks = await benchmarksFor(ingested, args);
  const result: IngestResult = benchmarks ? { ...ingested, warnings: [...ingested.warnings, ...benchmarks.warnings] } : ingested;
  writeJson(args.json, benchmarks ? { ...result, benchmarks: benchmarksJson(benchmarks.linked) } : result);
  if (args.out) writeOutput(args.out, await renderPlanToXlsx(indicatorWorkbookPlan(result, rule, benchmarks?.linked.benchmarks ?? null)));
  const doubts = doubtSummary(path.basename(file), result.warnings);
  if (doubts.length === 0) return EXIT_DONE;
  process.stderr.write(doubts.join("\n") + "\n");
  return EXIT_INPUT_HAS_ERRORS;
}
