/**
 * Reading recipes: an analyst's corrections to how a workbook's sheets are read, each kept under
 * its sheet's layout key (layout-key.ts), so that next quarter's workbook of the same layout is
 * read the same way, in the pane and by `ingest --recipe`. Pure: grids and plain data in and out.
 */
import { InputError } from "../errors";
import type { GridWorkbook } from "../grid/grid";
import type { LayoutOverrides } from "../ingest";
import { firstProblem, ReadingRecipeSchema, type ReadingRecipe, type RecipeSheet } from "../model";
import { isCorrection, recipeUseOf, type RecipeUse } from "./corrections";
import { layoutKey, type LayoutKey } from "./layout-key";

/** Each sheet's layout key, by sheet name. */
export function layoutKeys(workbook: GridWorkbook): Map<string, LayoutKey> {
  return new Map(workbook.sheets.map((grid) => [grid.sheet, layoutKey(grid)]));
}

/** The recipe entries for a workbook's corrections: one per sheet corrected, under its layout key. */
export function recipeSheets(keys: ReadonlyMap<string, LayoutKey>, overrides: LayoutOverrides): RecipeSheet[] {
  const out: RecipeSheet[] = [];
  for (const [sheet, key] of keys) {
    const override = overrides[sheet];
    if (isCorrection(override)) out.push({ key: key.key, sheet, headings: key.headings, override });
  }
  return out;
}

/** A recipe of a workbook's corrections (and nothing else). */
export function recipeFrom(workbook: GridWorkbook, overrides: LayoutOverrides, keys: ReadonlyMap<string, LayoutKey> = layoutKeys(workbook)): ReadingRecipe {
  return { kind: "reading-recipe", version: 1, from: workbook.file, sheets: recipeSheets(keys, overrides) };
}

/** What a recipe gives a workbook: the corrections for each sheet whose layout it knows, and what they add up to. */
export interface RecipeMatch {
  overrides: LayoutOverrides;
  use: RecipeUse;
}

/**
 * The corrections a recipe gives each sheet of a workbook: those kept under the sheet's layout
 * key. Where a recipe holds two entries for one key (two sheets of the same layout, corrected
 * differently), the one made on a sheet of the same name wins, else the last.
 */
export function matchRecipe(recipe: ReadingRecipe, keys: ReadonlyMap<string, LayoutKey>): RecipeMatch {
  const overrides: LayoutOverrides = {};
  for (const [sheet, key] of keys) {
    const entries = recipe.sheets.filter((s) => s.key === key.key);
    const entry = entries.find((s) => s.sheet === sheet) ?? entries[entries.length - 1];
    if (entry && isCorrection(entry.override)) overrides[sheet] = entry.override;
  }
  return { overrides, use: recipeUseOf(overrides) };
}

/** A recipe as read from JSON (a file, or a workbook's settings sheet), or one sentence saying why it cannot be used. */
export function parseRecipe(raw: unknown, where: string): ReadingRecipe {
  const parsed = ReadingRecipeSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`${where} is not a reading recipe the add-in can use: ${firstProblem(parsed.error)}.`, { file: where });
  return parsed.data;
}

/** A recipe file's text, read: JSON in the shape of ReadingRecipeSchema, or one plain sentence. */
export function parseRecipeText(text: string, file: string): ReadingRecipe {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError(`The recipe ${file} is not valid JSON.`, { file });
  }
  return parseRecipe(raw, `The recipe ${file}`);
}
