/**
 * Counting and merging an analyst's corrections: plain data, no engine code, so that the task
 * pane can say what a recipe did and keep one up to date in the bundle it opens with.
 */
import type { LayoutOverride, LayoutOverrides } from "../ingest/overrides";
import type { ReadingRecipe, RecipeSheet } from "../model/model";

/** What a recipe did to a workbook: the corrections applied, and the sheets they were applied to. */
export interface RecipeUse {
  corrections: number;
  sheets: string[];
}

/**
 * How many corrections an override makes, as the analyst made them: leaving the sheet out is
 * one (nothing else about it matters then); each other thing set is one, and so is each column.
 */
export function countCorrections(override: LayoutOverride): number {
  if (override.skip === true) return 1;
  const { skip: _skip, columns, ...rest } = override;
  return Object.values(rest).filter((v) => v !== undefined).length + (columns?.length ?? 0);
}

/** Whether an override changes anything at all. */
export function isCorrection(override: LayoutOverride | undefined): override is LayoutOverride {
  return override !== undefined && countCorrections(override) > 0;
}

/** What overrides by sheet do, in all. */
export function recipeUseOf(overrides: LayoutOverrides): RecipeUse {
  const sheets = Object.keys(overrides).filter((s) => isCorrection(overrides[s]));
  return { corrections: sheets.reduce((n, s) => n + countCorrections(overrides[s] ?? {}), 0), sheets };
}

/**
 * A recipe kept up to date: the entries for the layouts of the workbook just read are replaced by
 * its corrections as they stand now (an entry whose corrections were all cleared goes); entries
 * for layouts this workbook does not have (a sheet that comes only some quarters) are kept.
 */
export function mergeRecipe(kept: ReadingRecipe | null, fresh: readonly RecipeSheet[], keysRead: ReadonlySet<string>, from: string | null): ReadingRecipe {
  const others = (kept?.sheets ?? []).filter((s) => !keysRead.has(s.key));
  return { kind: "reading-recipe", version: 1, from, sheets: [...others, ...fresh.filter((s) => isCorrection(s.override))] };
}

/** "2 corrections applied to “Scorecard”": what a recipe did, for the pane and the command line. */
export function recipeUseInWords(use: RecipeUse): string {
  const n = use.corrections;
  const sheets = use.sheets.map((s) => `“${s}”`);
  const list = sheets.length <= 1 ? (sheets[0] ?? "") : `${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]}`;
  return `${n === 1 ? "1 correction" : `${n} corrections`} applied to ${list}`;
}
