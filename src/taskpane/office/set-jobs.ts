/** Reading the workbook's indicator set, for the gap analysis and for return templates. */
import type { GridWorkbook } from "../../core/grid/grid";
import { readIndicatorSet, readIndicatorSetFromGrid } from "../../core/indicator-set";
import type { IndicatorSetResult } from "../operations";
import { isOwnSheet, ownSheetsFromGrid, OWN_SHEETS_SHEET } from "./own-sheets";

/**
 * The workbook's indicator set: the Indicators sheet the add-in wrote, where there is one, else
 * the analyst's own sheet that looks most like an indicator set.
 */
export function indicatorSetOf(read: GridWorkbook): IndicatorSetResult {
  const own = ownSheetsFromGrid(read.sheets.find((s) => s.sheet.toLowerCase() === OWN_SHEETS_SHEET.toLowerCase()));
  const ownIndicators = own.get("Indicators");
  const grid = ownIndicators === undefined ? undefined : read.sheets.find((s) => s.sheet === ownIndicators);
  const set = grid
    ? readIndicatorSetFromGrid(grid, read.file)
    : readIndicatorSet({ file: read.file, sheets: read.sheets.filter((s) => !isOwnSheet(s.sheet, own)) });
  return { file: read.file, sheet: set.sheet, indicators: set.indicators, warnings: set.warnings };
}
