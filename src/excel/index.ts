/**
 * The Excel adapter, the only code besides the task pane that touches Office.js: it reads the
 * open workbook into grids for the engine and writes the engine's workbook plans into it.
 */
export { readWorkbook, parseAreas, type ReadOptions } from "./read";
export { renderPlan, PROTECTION_OPTIONS, type RenderOptions, type RenderProgress, type RenderResult } from "./render";
export { selectCell } from "./select";
export { toExcelValue, isPlainText, formulaText } from "./values";
export { EXCEL_REQUEST_LIMIT_BYTES, DEFAULT_REQUEST_BUDGET_BYTES } from "./batch";
export { EXCEL_RESPONSE_LIMIT_BYTES, DEFAULT_RESPONSE_BUDGET_BYTES } from "./blocks";
export {
  renderOwnedPlan,
  OwnershipError,
  WriteFailedError,
  REGISTER_SHEET,
  type OwnedRenderOptions,
  type OwnedRenderResult,
  type OwnershipConflict,
} from "./ownership";
