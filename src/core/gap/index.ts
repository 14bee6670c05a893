/**
 * Gap analysis of an indicator set against the content-area framework: placement of each
 * indicator, the analysis (`gap --json`), and its sheets. The Gap panel builds on these.
 */
export { analyseGaps, roundShares, type AnalyseOptions, type AreaResult, type Gap, type GapKind, type GapResult } from "./analysis";
export {
  createPlacer,
  findOverride,
  placeIndicators,
  STRONG_MATCH,
  WEAK_MATCH,
  type Confidence,
  type PlacedIndicator,
  type Placement,
  type PlacementOverride,
  type PlacementOverrides,
  type Placer,
} from "./placement";
export { gapAnalysisPlan, gapsInWords, GAP_SHEET, PLACEMENTS_SHEET } from "./sheet";
export { resolveArea, type ResolvedArea } from "./area-names";
export { SOURCES, SOURCE_LABEL, TYPES, TYPE_LABEL, labelOf } from "./labels";
