/**
 * What an analyst decided, kept for next quarter: reading recipes (corrections to how each sheet
 * is read, keyed by the sheet's layout) and the Analyst tab's other choices on a hidden sheet the
 * add-in owns. Pure: grids and plain data in, plain data and sheet plans out. See README.md.
 */
export { layoutKey, nameShape, headingToken, hash53, type LayoutKey } from "./layout-key";
export { layoutKeys, recipeSheets, recipeFrom, matchRecipe, parseRecipe, parseRecipeText, type RecipeMatch } from "./recipe";
export { countCorrections, isCorrection, mergeRecipe, recipeUseOf, recipeUseInWords, type RecipeUse } from "./corrections";
export { RECIPE_WARNING_CODES } from "./warnings";
export { analystSettingsSheet, readAnalystSettings, ANALYST_SETTINGS_SHEET, CELL_TEXT } from "./choices-sheet";
