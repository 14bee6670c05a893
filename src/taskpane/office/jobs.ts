/**
 * The engine's side of the pane's operations: plain data in, plain data and workbook plans out.
 * Nothing here touches Excel; excel-operations.ts reads the workbook, hands the grids here, and
 * writes the plans that come back. This module (and the engine with it) loads on first use
 * through import(), so that the pane opens without it.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { benchmarkSettingsSheet, linkBenchmarks, readBenchmarkSettings, BENCHMARK_LINK_WARNING_CODES, BENCHMARK_SETTINGS_SHEET, type LinkedBenchmarks } from "../../core/benchmark";
import { InputError, isInputError } from "../../core/errors";
import type { GridWorkbook } from "../../core/grid/grid";
import { indicatorsSheet, observationsSheet } from "../../core/indicator-sheets";
import { detectLayouts, ingestWorkbook, type LayoutOverrides, type SheetLayout } from "../../core/ingest";
import { firstProblem, type AnalystChoices, type BenchmarkSettings, type Indicator, type IngestResult, type Observation, type ReadingRecipe } from "../../core/model";
import { firstPlan } from "../../core/plan/first-plan";
import { analystSettingsSheet, ANALYST_SETTINGS_SHEET, layoutKeys, matchRecipe, parseRecipeText, readAnalystSettings, type LayoutKey } from "../../core/recipes";
import type { SheetPlan, WorkbookPlan } from "../../core/plan/plan";
import { applyRag, rateValue, RagRuleSchema, type RagRule, type RagRuleInput } from "../../core/rag";
import { buildScorecard } from "../../core/scorecard";
import type { Extraction, ImportedWorkbook, IndicatorSheetsRequest, RagTally, RecipeReading, ScorecardResult, ScorecardSettings, WorkbookRead } from "../operations";
import { candidateNames, isRegisterSheet, ownSheetFor, REGISTER_SHEET, splitOwnSheets } from "../../excel/ownership";

export { firstPlan };

/** The benchmark settings the add-in kept in a workbook as read, or null. */
export function savedBenchmarksOf(read: GridWorkbook): BenchmarkSettings | null {
  const grid = ownSheetFor(read, BENCHMARK_SETTINGS_SHEET);
  return grid ? readBenchmarkSettings(grid) : null;
}

/** The sheets to read for the saved settings alone: the register, and every name the settings sheet can have. */
export const SAVED_BENCHMARK_SHEETS: readonly string[] = [REGISTER_SHEET, BENCHMARK_SETTINGS_SHEET, ...candidateNames(BENCHMARK_SETTINGS_SHEET)];

/** What keeping the settings did, in a sentence. */
export function keptSummary(settings: BenchmarkSettings): string {
  const links = settings.map.links.length;
  const what = [settings.area ? `the area (${settings.area})` : null, settings.files.length > 0 ? "the files' names" : null, `${links === 1 ? "one link" : `${links} links`}`].filter(Boolean);
  const list = what.length > 1 ? `${what.slice(0, -1).join(", ")} and ${what[what.length - 1]}` : (what[0] ?? "");
  return `Kept ${list} in this workbook, on the add-in's hidden sheet “${BENCHMARK_SETTINGS_SHEET}”; they come back when the pane reads this workbook again.`;
}

/** The settings sheet, as the add-in's own hidden sheet. */
export function benchmarkSettingsPlan(settings: BenchmarkSettings): WorkbookPlan {
  return { sheets: [benchmarkSettingsSheet(settings)] };
}

/** The Analyst tab's choices the add-in kept in a workbook as read, or null. */
export function savedChoicesOf(read: GridWorkbook): AnalystChoices | null {
  const grid = ownSheetFor(read, ANALYST_SETTINGS_SHEET);
  return grid ? readAnalystSettings(grid) : null;
}

/** The sheets to read for the kept choices alone: the register, and every name the settings sheet can have. */
export const SAVED_CHOICE_SHEETS: readonly string[] = [REGISTER_SHEET, ANALYST_SETTINGS_SHEET, ...candidateNames(ANALYST_SETTINGS_SHEET)];

/** The choices sheet, as the add-in's own hidden sheet. */
export function analystSettingsPlan(choices: AnalystChoices): WorkbookPlan {
  return { sheets: [analystSettingsSheet(choices)] };
}

/** The plan's extra sheet keeping the analyst's choices, when there are choices to keep. */
function keptSheets(keep: AnalystChoices | undefined): SheetPlan[] {
  return keep ? [analystSettingsSheet(keep)] : [];
}

/**
 * The workbook as read, less the add-in's own sheets, and what the engine finds in it: each sheet
 * with the corrections the recipe kept in the workbook gives its layout, where it gives any.
 */
export function importWorkbook(read: GridWorkbook): WorkbookRead {
  const { own, theirs } = splitOwnSheets(read);
  const ownSheets = own.filter((s) => !isRegisterSheet(s.sheet)).map((s) => s.sheet);
  const workbook: GridWorkbook = { file: read.file, sheets: theirs };
  if (workbook.sheets.length === 0) {
    throw new InputError("This workbook only holds sheets the add-in wrote: open the workbook with your figures, then read it.", { file: read.file });
  }
  const keys = layoutKeys(workbook);
  const savedChoices = savedChoicesOf(read);
  const imported: ImportedWorkbook = { file: read.file, workbook, ownSheets, savedBenchmarks: savedBenchmarksOf(read), savedChoices, layoutKeys: Object.fromEntries(keys) };
  const match = savedChoices?.recipe ? matchRecipe(savedChoices.recipe, keys) : null;
  const applied = match?.overrides ?? {};
  return { imported, extraction: extract(imported, applied), applied, recipe: match && match.use.corrections > 0 ? match.use : null };
}

/** A recipe file's text, read, or its first problem in words. */
export function parseRecipe(text: string, fileName: string): ReadingRecipe {
  return parseRecipeText(text, fileName);
}

/** The sheets already read, each with the corrections the recipe keeps for its layout. */
export function readWithRecipe(imported: ImportedWorkbook, recipe: ReadingRecipe): RecipeReading {
  const keys = new Map<string, LayoutKey>(Object.entries(imported.layoutKeys ?? Object.fromEntries(layoutKeys(imported.workbook))));
  const match = matchRecipe(recipe, keys);
  return { extraction: extract(imported, match.overrides), applied: match.overrides, use: match.use };
}

/**
 * What the engine finds with the analyst's corrections. Where no sheet can be read the engine
 * refuses; the layouts it detected are still returned with its reason, so that the analyst can
 * correct them instead of being stuck.
 */
export function extract(imported: ImportedWorkbook, overrides: LayoutOverrides): Extraction {
  try {
    return { detail: ingestWorkbook(imported.workbook, { layoutOverrides: overrides }), problem: null };
  } catch (e) {
    if (!isInputError(e)) throw e;
    const layouts: SheetLayout[] = [];
    for (const grid of imported.workbook.sheets) {
      const override = overrides[grid.sheet] ?? {};
      if (!override.skip) layouts.push(...detectLayouts(grid, override));
    }
    return { detail: { observations: [], indicators: [], warnings: [], layouts }, problem: e.message };
  }
}

function percentProblem(name: string, value: number): string | null {
  if (!Number.isFinite(value)) return `The ${name} threshold is not a number.`;
  if (value <= 0 || value > 200) return `The ${name} threshold is a percentage of target above 0 and at most 200, such as 95.`;
  return null;
}

/** The RAG rule the analyst chose: thresholds in percent, and polarities and targets for indicators that lacked them. */
export function ruleOf(settings: ScorecardSettings, indicators: readonly Indicator[]): RagRule {
  const problem = percentProblem("green", settings.greenPercent) ?? percentProblem("amber", settings.amberPercent);
  if (problem) throw new InputError(problem);
  const unitOf = (a: { indicatorId: string | null; indicator: string }) =>
    indicators.find((i) => (a.indicatorId !== null && i.id === a.indicatorId) || i.name === a.indicator)?.unit ?? null;
  const input: RagRuleInput = {
    green: settings.greenPercent / 100,
    amber: settings.amberPercent / 100,
    overrides: settings.additions
      .filter((a) => a.polarity !== undefined || a.target !== undefined)
      .map((a) => ({
        ...(a.indicatorId !== null ? { indicatorId: a.indicatorId } : { indicator: a.indicator }),
        ...(a.polarity !== undefined ? { polarity: a.polarity } : {}),
        // A percentage target goes with its sign, so that a target of 1% is not read as the fraction 1 (100%).
        ...(a.target !== undefined ? { target: unitOf(a) === "percent" ? `${a.target}%` : a.target } : {}),
      })),
  };
  const parsed = RagRuleSchema.safeParse(input);
  if (!parsed.success) throw new InputError(`The scorecard's rule cannot be used: ${firstProblem(parsed.error)}.`);
  return parsed.data;
}

/** The links' warnings a person must act on (a link that could not be used), in words; notes are left to the sheet. */
function benchmarkNotes(linked: LinkedBenchmarks): string[] {
  const codes: Readonly<Record<string, { doubt: boolean }>> = BENCHMARK_LINK_WARNING_CODES;
  return linked.warnings.filter((w) => codes[w.code]?.doubt === true).map((w) => w.message);
}

/** The indicators linked to official statistics, when the analyst set benchmarks up. */
function benchmarksFor(data: IngestResult, settings: ScorecardSettings): LinkedBenchmarks | null {
  const b = settings.benchmarks;
  if (!b) return null;
  if (b.sources.length === 0) throw new InputError("Benchmarks are set, but no open-data file is read: choose the files under Benchmarks again.");
  return linkBenchmarks(data.indicators, b.sources, { area: b.area, neighbours: b.neighbours, map: b.map });
}

/**
 * The Scorecard sheet and the ratings of its rows' latest figures; with benchmarks, the sheet
 * carries the comparators and `extra` holds the settings sheet that keeps them in the workbook.
 */
export function scorecardJob(
  data: IngestResult,
  settings: ScorecardSettings,
): { sheet: SheetPlan; extra: SheetPlan[]; rule: RagRule; rated: Observation[]; counts: RagTally; benchmarks?: ScorecardResult["benchmarks"] } {
  if (data.observations.length === 0) throw new InputError("There are no figures to put on a scorecard: read a workbook with figures first.");
  const rule = ruleOf(settings, data.indicators);
  const rated = applyRag(data.observations, data.indicators, rule);
  const linked = benchmarksFor(data, settings);
  const { sheet, layout } = buildScorecard(rated, data.indicators, rule, { groupBy: settings.groupBy, benchmarks: linked?.benchmarks ?? null });
  const counts: RagTally = { red: 0, amber: 0, green: 0, notRated: 0, total: 0 };
  for (const row of layout.rows) {
    const source = row.source;
    if (row.kind !== "indicator" || !source) continue;
    const latest = source.latest !== null ? source.byPeriod.get(source.latest) : undefined;
    const value = latest && latest.status === "ok" ? latest.value : null;
    const rag = rateValue(value, source.rating.target, source.rating.polarity, source.rating, source.rating.band);
    counts.total += 1;
    if (rag === null) counts.notRated += 1;
    else counts[rag] += 1;
  }
  if (!linked || !settings.benchmarks) return { sheet, extra: keptSheets(settings.keep), rule, rated, counts };
  return {
    sheet,
    extra: [benchmarkSettingsSheet(settings.benchmarks.settings), ...keptSheets(settings.keep)],
    rule,
    rated,
    counts,
    benchmarks: { linked: linked.benchmarks.indicators.length, notes: benchmarkNotes(linked) },
  };
}

/** Indicators and Observations (rated with the analyst's rule), with the Scorecard first when asked for. */
export function indicatorSheetsJob(request: IndicatorSheetsRequest): { plan: WorkbookPlan; counts: RagTally | null } {
  const { data, settings, includeScorecard } = request;
  if (data.indicators.length === 0) throw new InputError("No indicators were found to write: read a workbook with figures first, or correct how it was read.");
  if (includeScorecard) {
    const { sheet, extra, rated, counts } = scorecardJob(data, settings);
    return {
      plan: { sheets: [sheet, indicatorsSheet(data.indicators), observationsSheet(rated), ...extra], activeSheet: sheet.name },
      counts,
    };
  }
  const rated = applyRag(data.observations, data.indicators, ruleOf(settings, data.indicators));
  return { plan: { sheets: [indicatorsSheet(data.indicators), observationsSheet(rated), ...keptSheets(settings.keep)] }, counts: null };
}
