/** Reading the workbook's indicator set, for the gap analysis and for return templates. */
import type { GridWorkbook } from "../../core/grid/grid";
import { readIndicatorSet, readIndicatorSetFromGrid } from "../../core/indicator-set";
import { ANALYST_SETTINGS_SHEET, readAnalystSettings } from "../../core/recipes/choices-sheet";
import type { IndicatorSetResult } from "../operations";
import { ownSheetFor, splitOwnSheets } from "../../excel/ownership";

/**
 * The workbook's indicator set: the Indicators sheet the add-in wrote, where there is one, else
 * the analyst's own sheet that looks most like an indicator set; and the Analyst tab's choices
 * kept in the workbook, which came with the read.
 */
export function indicatorSetOf(read: GridWorkbook): IndicatorSetResult {
  const grid = ownSheetFor(read, "Indicators");
  const set = grid ? readIndicatorSetFromGrid(grid, read.file) : readIndicatorSet({ file: read.file, sheets: splitOwnSheets(read).theirs });
  const settings = ownSheetFor(read, ANALYST_SETTINGS_SHEET);
  return { file: read.file, sheet: set.sheet, indicators: set.indicators, warnings: set.warnings, savedChoices: settings ? readAnalystSettings(settings) : null };
}
