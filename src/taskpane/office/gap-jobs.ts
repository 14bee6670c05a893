/**
 * The gap analysis side of the pane's operations: reading an indicator set from grids, the
 * framework (built in, or loaded from a partnership's JSON), the analysis and its sheets. Plain
 * data in and out; loaded on first use, apart from the ingest engine, because the framework's
 * catalogue is large.
 */
// First, before anything that parses with Zod: see no-eval.ts.
import "./no-eval";
import { InputError } from "../../core/errors";
import { defaultFramework, parseFrameworkJson } from "../../core/framework";
import { analyseGaps, gapAnalysisPlan, gapsInWords, GAP_SHEET } from "../../core/gap";
import { indicatorsSheet } from "../../core/indicator-sheets";
import type { Framework } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/plan";
import { analystSettingsSheet } from "../../core/recipes/choices-sheet";
import type { GapRequest, GapView } from "../operations";

export { defaultFramework };
export { indicatorSetOf } from "./set-jobs";

export function parseFramework(text: string, fileName: string): Framework {
  return parseFrameworkJson(text, fileName);
}

export function analyse(request: GapRequest): GapView {
  if (request.indicators.length === 0) throw new InputError("There are no indicators to analyse: read a workbook or its indicator set first.");
  const result = analyseGaps(request.indicators, request.framework, { overrides: request.overrides });
  return { result, words: Object.fromEntries(result.areas.map((a) => [a.name, gapsInWords(a)])) };
}

/** The Gap Analysis and Placements sheets, and the Indicators sheet too when measures were added to the set. */
export function gapPlan(request: GapRequest): WorkbookPlan {
  const { result } = analyse(request);
  const sheets = gapAnalysisPlan(result, request.framework);
  if (request.writeIndicators) sheets.push(indicatorsSheet(request.indicators));
  // The analyst's choices (placements and priorities among them) go in the same write.
  if (request.keep) sheets.push(analystSettingsSheet(request.keep));
  return { sheets, activeSheet: GAP_SHEET };
}
