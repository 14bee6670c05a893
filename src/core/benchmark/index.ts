/**
 * Benchmarking one local authority against England, its region and its statistical neighbours
 * on official statistics (`benchmark` of ../shared/contract/CLI.md). Pure: observations and
 * grids in, a result and a workbook plan out. See README.md.
 */
export { benchmark, leftOutTotals, type BenchmarkOptions, type BenchmarkResult, type BenchmarkRow, type BenchmarkSource, type TrendPoint } from "./compare";
export { readNeighbourList, type ListedArea, type NeighbourEntry, type NeighbourList } from "./neighbours";
export { AreaDirectory, areaKey, localAuthorities, matchArea, matchTyped, suggestAreas, type AreaMatch, type AreaRecord, type AreaSummary, type MatchedBy } from "./areas";
export { benchmarkPlan, benchmarkSheet, BENCHMARK_SHEET, BENCHMARK_TABLE } from "./sheet";
export { BENCHMARK_WARNING_CODES, type BenchmarkWarningCode } from "./warnings";
export { linkBenchmarks, type IndicatorBenchmark, type LinkedBenchmarks, type LinkOptions, type ScorecardBenchmarks } from "./links";
export { suggestBenchmarkMap, describeSuggestion, nameWords, type Confidence, type LinkSuggestion, type MapSuggestion } from "./suggest";
export { publishedColumns, describeBreakdown, defaultBreakdown, breakdownKey, type PublishedColumn } from "./published";
export { BENCHMARK_LINK_WARNING_CODES, BENCHMARK_NOTES, type BenchmarkLinkWarningCode } from "./link-warnings";
export { openDataSource } from "./source";
export { benchmarkSettingsSheet, readBenchmarkSettings, BENCHMARK_SETTINGS_SHEET } from "./settings-sheet";
