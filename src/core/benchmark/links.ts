/**
 * The partnership's indicators beside official statistics, for the scorecard: each link of the
 * map (or, without one, of the map suggested from the names) resolved to the benchmark row of
 * its published column and breakdown, with the area's and England's figures over time for the
 * trend. Everything the benchmark knows (England, the region, the neighbours' mean and how many
 * had a figure or were left out, the rank) comes with it. Pure: no files, no Excel.
 */
import type { BenchmarkLink, BenchmarkMap, Indicator, Warning } from "../model/model";
import { nameKey } from "../rag/rule";
import { benchmark, type BenchmarkResult, type BenchmarkRow, type BenchmarkSource } from "./compare";
import type { BenchmarkLinkWarningCode } from "./link-warnings";
import type { NeighbourList } from "./neighbours";
import { breakdownFits, breakdownKey, defaultBreakdown, describeBreakdown, publishedColumns, sameFile, type PublishedColumn } from "./published";
import { describeSuggestion, indicatorLabel, suggestBenchmarkMap, type Confidence } from "./suggest";

/** One of the partnership's indicators with its published comparators. */
export interface IndicatorBenchmark {
  indicatorId: string | null;
  /** The partnership's name for it. */
  indicator: string;
  file: string;
  column: string;
  breakdown: Record<string, string>;
  /** How the link was made: the map said so, or the names matched (and how closely). */
  linkedBy: "map" | "name";
  confidence?: Confidence;
  /** The benchmark at the area's latest published period, with its trend. */
  published: BenchmarkRow;
}

export interface ScorecardBenchmarks {
  area: BenchmarkResult["area"];
  neighbours: string[];
  files: string[];
  indicators: IndicatorBenchmark[];
}

export interface LinkOptions {
  area: string;
  neighbours: NeighbourList | null;
  /** The partnership's map; null to suggest one from the names (every suggestion is a warning). */
  map: BenchmarkMap | null;
}

export interface LinkedBenchmarks {
  benchmarks: ScorecardBenchmarks;
  /** The map used: the one given, or the one suggested (to keep, or edit and give next time). */
  map: BenchmarkMap;
  warnings: Warning[];
}

const warn = (code: BenchmarkLinkWarningCode, message: string): Warning => ({ code, message, sheet: null, cell: null });

/** "CSC01, CSC04 and 3 more". */
function listSome(items: readonly string[], n = 6): string {
  if (items.length <= n) return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  return `${items.slice(0, n).join(", ")} and ${items.length - n} more`;
}

function findIndicator(link: BenchmarkLink, indicators: readonly Indicator[]): Indicator | undefined {
  if (link.indicatorId) {
    const id = nameKey(link.indicatorId);
    const byId = indicators.find((i) => i.id !== null && nameKey(i.id) === id);
    if (byId) return byId;
  }
  if (link.indicator) {
    const name = nameKey(link.indicator);
    return indicators.find((i) => nameKey(i.name) === name);
  }
  return undefined;
}

/** A value found, or the warning that says why it was not. */
type Found<T> = { found: T } | { warning: Warning };

/** The published column a link names, or a warning saying why there is none. */
function columnOf(link: BenchmarkLink, columns: readonly PublishedColumn[], files: readonly string[]): Found<PublishedColumn> {
  const label = indicatorLabel(link);
  if (link.file && !files.some((f) => sameFile(link.file!, f))) {
    return { warning: warn("BENCHMARK_MAP_NO_COLUMN", `The map links ${label} to ${link.column} in ${link.file}, which was not given (the files given are ${listSome([...files])}); it has no comparators.`) };
  }
  const found = columns.find((c) => (!link.file || sameFile(link.file, c.file)) && c.column === link.column)
    ?? columns.find((c) => (!link.file || sameFile(link.file, c.file)) && c.column.trim().toLowerCase() === link.column.trim().toLowerCase());
  if (!found) {
    return { warning: warn("BENCHMARK_MAP_NO_COLUMN", `The map links ${label} to the column ${link.column}, which ${link.file ? `${link.file} does not have` : "none of the files has"}; it has no comparators.`) };
  }
  return { found };
}

/** The breakdown a link means in a column, or a warning when it is not there or could be several. */
function breakdownOf(link: BenchmarkLink, column: PublishedColumn): Found<Record<string, string>> {
  const label = indicatorLabel(link);
  const fitting = column.breakdowns.filter((b) => breakdownFits(link.breakdown, b));
  if (fitting.length === 1) return { found: fitting[0]! };
  if (fitting.length === 0) {
    return { warning: warn("BENCHMARK_MAP_BREAKDOWN", `The map links ${label} to ${column.column} for ${describeBreakdown(link.breakdown)}, which ${column.file} has no figures for; it has no comparators.`) };
  }
  const chosen = defaultBreakdown(fitting);
  if (chosen) return { found: chosen };
  const some = fitting.slice(0, 3).map((b) => `{ ${describeBreakdown(b)} }`);
  return {
    warning: warn(
      "BENCHMARK_MAP_BREAKDOWN",
      `${column.column} in ${column.file} has figures for ${fitting.length} breakdowns (such as ${some.join(", ")}) and the link for ${label} does not say which; give "breakdown" in the map. It has no comparators.`,
    ),
  };
}

function rowKey(file: string, column: string, breakdown: Record<string, string>): string {
  return `${file}\u0000${column}\u0000${breakdownKey(breakdown)}`;
}

/**
 * The comparators for each linked indicator. Throws the benchmark's InputError when the area is
 * not in the files (one sentence, with the names that come close).
 */
export function linkBenchmarks(indicators: readonly Indicator[], sources: readonly BenchmarkSource[], options: LinkOptions): LinkedBenchmarks {
  const result = benchmark(sources, { area: options.area, neighbours: options.neighbours, trend: true });
  const columns = publishedColumns(sources);
  const files = sources.map((s) => s.file);
  const warnings: Warning[] = [...result.warnings];

  let map = options.map;
  const byName = new Map<string, Confidence>();
  if (!map) {
    const suggested = suggestBenchmarkMap(indicators, columns);
    map = suggested.map;
    for (const s of suggested.suggestions) {
      warnings.push(warn("BENCHMARK_MAP_SUGGESTED", describeSuggestion(s)));
      byName.set(nameKey(s.indicatorId ?? s.indicator), s.confidence);
    }
    for (const a of suggested.ambiguous) {
      warnings.push(warn("BENCHMARK_MAP_AMBIGUOUS", `${indicatorLabel(a)} fits ${listSome(a.columns)} equally well by name, so none was chosen; give a map to say which.`));
    }
    for (const n of suggested.needsBreakdown) {
      warnings.push(warn("BENCHMARK_MAP_BREAKDOWN", `${indicatorLabel(n)} fits ${n.column} in ${n.file} by name, but that column has several breakdowns and no total; give a map with the breakdown to compare it.`));
    }
    if (suggested.unmatched.length > 0) {
      const which = suggested.unmatched.map((u) => u.indicatorId ?? `“${u.indicator}”`);
      warnings.push(warn("BENCHMARK_MAP_UNMATCHED", `No published figure in ${listSome(files)} matches the name of ${which.length === 1 ? "one indicator" : `${which.length} indicators`} (${listSome(which)}), so ${which.length === 1 ? "it has" : "they have"} no comparators; give a map to link ${which.length === 1 ? "it" : "them"}.`));
    }
  }

  const rows = new Map(result.rows.map((r) => [rowKey(r.source.file, r.indicator, r.breakdown), r]));
  const linked: IndicatorBenchmark[] = [];
  const done = new Set<Indicator>();
  for (const link of map.links) {
    const ind = findIndicator(link, indicators);
    if (!ind) {
      warnings.push(warn("BENCHMARK_MAP_NO_INDICATOR", `The map links ${indicatorLabel(link)}, which is not on the scorecard; that link is not used.`));
      continue;
    }
    if (done.has(ind)) {
      warnings.push(warn("BENCHMARK_MAP_REPEATED", `The map links ${indicatorLabel({ indicatorId: ind.id, indicator: ind.name })} more than once; the first link (${linked.find((l) => l.indicator === ind.name)?.column ?? "?"}) is used.`));
      continue;
    }
    const columnFound = columnOf(link, columns, files);
    if ("warning" in columnFound) {
      warnings.push(columnFound.warning);
      continue;
    }
    const column = columnFound.found;
    const breakdownFound = breakdownOf(link, column);
    if ("warning" in breakdownFound) {
      warnings.push(breakdownFound.warning);
      continue;
    }
    const b = breakdownFound.found;
    const row = rows.get(rowKey(column.file, column.column, b));
    if (!row) {
      warnings.push(warn("BENCHMARK_MAP_NO_AREA_FIGURES", `${result.area.name} has no figures for ${column.column}${Object.keys(b).length > 0 ? ` (${describeBreakdown(b)})` : ""} in ${column.file}, so ${indicatorLabel({ indicatorId: ind.id, indicator: ind.name })} has no comparators.`));
      continue;
    }
    done.add(ind);
    const confidence = byName.get(nameKey(ind.id ?? ind.name));
    linked.push({
      indicatorId: ind.id,
      indicator: ind.name,
      file: column.file,
      column: column.column,
      breakdown: b,
      linkedBy: options.map ? "map" : "name",
      ...(confidence ? { confidence } : {}),
      published: row,
    });
  }

  const leftOut = linked.filter((l) => l.published.neighbours.leftOut > 0).map((l) => `${l.indicatorId ?? l.indicator} ${l.published.neighbours.leftOut}`);
  if (leftOut.length > 0) {
    warnings.push(warn("BENCHMARK_NEIGHBOURS_LEFT_OUT", `Neighbours' figures left out of the means because they were suppressed, of low reliability or not available: ${listSome(leftOut, 12)}.`));
  }
  return { benchmarks: { area: result.area, neighbours: result.neighbours, files, indicators: linked }, map, warnings };
}
