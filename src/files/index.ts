/**
 * The file adapter (ExcelJS): .xlsx/.csv bytes into grids, plans into .xlsx bytes, and .xlsx
 * bytes into snapshots. Buffer-based throughout, so the task pane can load it lazily; reading
 * from a path is in ./node (the only module that uses the file system).
 */
export { readWorkbookBuffer, DEFAULT_MAX_CELLS, type ReadOptions } from "./read";
export { renderPlanToXlsx } from "./render";
export { snapshotXlsx } from "./snapshot";
export { formatValue, isDateFormat, isPercentFormat, serialToDate, dateToSerial } from "./number-format";
