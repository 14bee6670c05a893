/**
 * The Analyst tab's steps after Import, loaded on first use (webpack's "analyst-steps" chunk) so
 * that the pane opens without them: only the Import step is on screen when it opens.
 */
export { ScorecardSection } from "./ScorecardSection";
export { BenchmarksSection } from "./BenchmarksSection";
export { GapSection } from "./GapSection";
export { ReportSection } from "./ReportSection";
