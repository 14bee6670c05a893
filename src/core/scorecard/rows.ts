/**
 * The scorecard's content before it is laid out: which periods make the columns, which rows
 * there are (one per indicator and agency), how rows group, and what each row is rated against.
 */
import type { IndicatorBenchmark, ScorecardBenchmarks } from "../benchmark/links";
import type { Indicator, Observation, Period, Unit } from "../model";
import { effectiveRating, indexIndicators, nameKey, type EffectiveRating, type RagRule } from "../rag";

export type ScorecardGroupBy = "agency" | "contentArea";

export interface ScorecardRow {
  name: string;
  id: string | null;
  agency: string | null;
  contentArea: string | null;
  unit: Unit | null;
  group: string;
  /** Observations by period key (see periodKey), the first one where a source repeats a period. */
  byPeriod: Map<string, Observation>;
  /** The row's most recent period with an observation, and the one before it. */
  latest: string | null;
  previous: string | null;
  /** What the latest figure is rated against. */
  rating: EffectiveRating;
  comparators: Record<string, number>;
  /** The official statistics this indicator is compared with, where it is linked to them. */
  benchmark: IndicatorBenchmark | null;
}

export interface ScorecardGroup {
  label: string;
  rows: ScorecardRow[];
}

export interface ScorecardContent {
  /** Chronological: by start date, then end date (a quarter before the year that starts with it). */
  periods: Period[];
  groups: ScorecardGroup[];
  /** Comparator names in column order. */
  comparators: string[];
}

export function periodKey(p: Period): string {
  return `${p.start}|${p.end}`;
}

function chronological(a: Period, b: Period): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
}

export function collectPeriods(observations: readonly Observation[]): Period[] {
  const seen = new Map<string, Period>();
  for (const o of observations) if (!seen.has(periodKey(o.period))) seen.set(periodKey(o.period), o.period);
  return [...seen.values()].sort(chronological);
}

const NO_AGENCY = "Agency not given";
const NO_AREA = "Content area not given";

/** Well-known comparators first, in the order a reader expects them; any others after. */
const COMPARATOR_ORDER = ["england", "region", "statistical neighbours"];

function comparatorNames(indicators: readonly Indicator[]): string[] {
  const names: string[] = [];
  for (const ind of indicators) {
    for (const name of Object.keys(ind.comparators ?? {})) if (!names.includes(name)) names.push(name);
  }
  const rank = (n: string) => {
    const i = COMPARATOR_ORDER.indexOf(nameKey(n));
    return i === -1 ? COMPARATOR_ORDER.length : i;
  };
  // Array.prototype.sort is stable, so names of equal rank keep their order of appearance.
  return names.sort((a, b) => rank(a) - rank(b));
}

interface Draft {
  order: number;
  indicator: Indicator | undefined;
  name: string;
  id: string | null;
  agency: string | null;
  unit: Unit | null;
  observations: Observation[];
}

/** One draft row per indicator and agency, in the indicator set's order, unmatched observations after. */
function draftRows(observations: readonly Observation[], indicators: readonly Indicator[]): Draft[] {
  const index = indexIndicators(indicators);
  const position = new Map<Indicator, number>(indicators.map((ind, i) => [ind, i]));
  const drafts = new Map<string, Draft>();
  const unmatched = new Map<string, number>();
  const seen = new Set<Indicator>();
  for (const o of observations) {
    const ind = index.find({ id: o.indicatorId, name: o.indicator });
    if (ind) seen.add(ind);
    const who = ind ? `i${position.get(ind)}` : `o${nameKey(o.indicatorId ?? o.indicator)}`;
    if (!ind && !unmatched.has(who)) unmatched.set(who, indicators.length + unmatched.size);
    const agency = o.agency ?? ind?.agency ?? null;
    const key = `${who}|${agency === null ? "" : nameKey(agency)}`;
    let d = drafts.get(key);
    if (!d) {
      d = {
        order: ind ? (position.get(ind) ?? 0) : (unmatched.get(who) ?? 0),
        indicator: ind,
        name: ind?.name ?? o.indicator,
        id: ind?.id ?? o.indicatorId,
        agency,
        unit: o.unit ?? ind?.unit ?? null,
        observations: [],
      };
      drafts.set(key, d);
    }
    d.observations.push(o);
  }
  // An indicator with no figures still gets its row: a gap on the scorecard is worth seeing.
  indicators.forEach((ind, i) => {
    if (seen.has(ind)) return;
    drafts.set(`i${i}|`, { order: i, indicator: ind, name: ind.name, id: ind.id, agency: ind.agency, unit: ind.unit, observations: [] });
  });
  return [...drafts.values()].sort((a, b) => a.order - b.order || (a.agency ?? "").localeCompare(b.agency ?? ""));
}

/** Finds a row's benchmark: by the indicator's ID, then by its name. */
function benchmarkFinder(benchmarks: ScorecardBenchmarks | null | undefined): (d: { id: string | null; name: string }) => IndicatorBenchmark | null {
  if (!benchmarks) return () => null;
  const byId = new Map<string, IndicatorBenchmark>();
  const byName = new Map<string, IndicatorBenchmark>();
  for (const b of benchmarks.indicators) {
    if (b.indicatorId !== null && !byId.has(nameKey(b.indicatorId))) byId.set(nameKey(b.indicatorId), b);
    if (!byName.has(nameKey(b.indicator))) byName.set(nameKey(b.indicator), b);
  }
  return (d) => (d.id !== null ? byId.get(nameKey(d.id)) : undefined) ?? byName.get(nameKey(d.name)) ?? null;
}

function toRow(d: Draft, periods: readonly Period[], rule: RagRule, groupBy: ScorecardGroupBy, benchmarkOf: (d: Draft) => IndicatorBenchmark | null): ScorecardRow {
  const byPeriod = new Map<string, Observation>();
  for (const o of d.observations) if (!byPeriod.has(periodKey(o.period))) byPeriod.set(periodKey(o.period), o);
  const own = periods.map(periodKey).filter((k) => byPeriod.has(k));
  const latest = own[own.length - 1] ?? null;
  const previous = own[own.length - 2] ?? null;
  const latestObs = latest === null ? undefined : byPeriod.get(latest);
  const contentArea = d.indicator?.contentArea ?? null;
  return {
    name: d.name,
    id: d.id,
    agency: d.agency,
    contentArea,
    unit: d.unit,
    group: groupBy === "agency" ? (d.agency ?? NO_AGENCY) : (contentArea ?? NO_AREA),
    byPeriod,
    latest,
    previous,
    rating: effectiveRating(rule, d.indicator, latestObs),
    comparators: d.indicator?.comparators ?? {},
    benchmark: benchmarkOf(d),
  };
}

/** Groups in order of first appearance, "not given" last. */
function groupRows(rows: readonly ScorecardRow[]): ScorecardGroup[] {
  const groups = new Map<string, ScorecardRow[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }
  const last = (label: string) => (label === NO_AGENCY || label === NO_AREA ? 1 : 0);
  return [...groups.entries()].map(([label, list]) => ({ label, rows: list })).sort((a, b) => last(a.label) - last(b.label));
}

export function scorecardContent(
  observations: readonly Observation[],
  indicators: readonly Indicator[],
  rule: RagRule,
  groupBy: ScorecardGroupBy,
  benchmarks?: ScorecardBenchmarks | null,
): ScorecardContent {
  const periods = collectPeriods(observations);
  const benchmarkOf = benchmarkFinder(benchmarks);
  const rows = draftRows(observations, indicators).map((d) => toRow(d, periods, rule, groupBy, benchmarkOf));
  return { periods, groups: groupRows(rows), comparators: comparatorNames(indicators) };
}
