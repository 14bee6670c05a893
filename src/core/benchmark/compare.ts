/**
 * One local authority beside England, its region and its statistical neighbours, for every
 * indicator and breakdown of the files, at the latest period the authority has
 * (../shared/contract/CLI.md, `benchmark`).
 *
 * - England and the region are the files' own figures for them (never worked out from the
 *   authorities: the Department's totals include estimates for missing returns).
 * - The neighbours' figure is the plain mean of the neighbours that have a figure, with how many
 *   did (`count`); the rank is among all authorities with a figure, 1 the highest value. Which
 *   end is good is the reader's to say (polarity), so it is not assumed here.
 * - A figure that is suppressed (c), of low reliability (u), not available (x) or otherwise not
 *   a number never enters a mean or a rank; each row says how many were left out that way
 *   (`leftOut`) and how many neighbours had no row at all (`missing`).
 * - A London borough's rows name "Inner London" or "Outer London" as their region; the region
 *   compared is London, and the inner or outer part is given as `subRegion`.
 */
import { InputError } from "../errors";
import type { Observation, ObservationStatus, Period, SourceCell, Unit, Warning } from "../model/model";
import { normaliseAreaName } from "../opendata/area-names";
import type { Place } from "../opendata/read";
import { AreaDirectory, currentCode, describeArea, displayName, matchArea, matchTyped, suggestAreas, type AreaRecord, type MatchedBy } from "./areas";
import type { NeighbourEntry, NeighbourList } from "./neighbours";
import type { BenchmarkWarningCode } from "./warnings";

/** The observations and areas of one open-data file. */
export interface BenchmarkSource {
  file: string;
  observations: readonly Observation[];
  places: readonly Place[];
}

export interface BenchmarkRow {
  indicator: string;
  breakdown: Record<string, string>;
  period: Period;
  unit: Unit;
  value: number | null;
  status: ObservationStatus;
  /** Addition: the statistics mark, where the area's figure has one. */
  mark?: string;
  england: number | null;
  region: number | null;
  neighbours: {
    mean: number | null;
    count: number;
    /** Addition: neighbours whose figure was suppressed, of low reliability or not available. */
    leftOut: number;
    /** Addition: neighbours with no row at all for this period. */
    missing: number;
  };
  rank: { position: number; of: number; leftOut: number } | null;
  /** Addition: authorities whose figure was not a number, left out of the rank (also when there is no rank). */
  rankLeftOut: number;
  /** Addition: England's and the region's status when they have a row but no figure. */
  englandStatus: ObservationStatus | null;
  regionStatus: ObservationStatus | null;
  /** Addition: for a London borough, Inner or Outer London's figure. */
  subRegion?: number | null;
  /** Addition, only when asked for (`trend`): the area's and England's figures at every period, oldest first. */
  trend?: TrendPoint[];
  source: SourceCell;
}

/** One period of a trend: null where the figure is withheld or there is no row. */
export interface TrendPoint {
  period: Period;
  value: number | null;
  england: number | null;
}

export interface BenchmarkResult {
  area: { code: string | null; name: string; region: string | null; oldCode: string | null; subRegion?: string };
  neighbours: string[];
  rows: BenchmarkRow[];
  warnings: Warning[];
}

export interface BenchmarkOptions {
  /** What the user typed: a name, a nine-character code or a three-digit old code. */
  area: string;
  neighbours: NeighbourList | null;
  /** Also give each row the area's and England's figures at every period (for the scorecard's trend charts). */
  trend?: boolean;
}

interface Slot {
  period: Period;
  national: Observation | null;
  regions: Map<string, Observation>;
  authorities: Map<string, Observation>;
}

interface Series {
  file: string;
  indicator: string;
  breakdown: Record<string, string>;
  unit: Unit;
  slots: Map<string, Slot>;
}

const warn = (code: BenchmarkWarningCode, message: string, sheet: string | null = null, cell: string | null = null): Warning => ({ code, message, sheet, cell });

/** Float noise from summing is not part of a mean. */
const tidy = (v: number): number => Math.round(v * 1e9) / 1e9;

function breakdownKeyOf(cache: Map<object, string>, b: Record<string, string> | null | undefined): string {
  if (!b) return "";
  let key = cache.get(b);
  if (key === undefined) {
    key = Object.entries(b)
      .map(([k, v]) => `${k}=${v}`)
      .join("\u0001");
    cache.set(b, key);
  }
  return key;
}

/** Every figure of every file, by indicator and breakdown, then period, then area. */
function indexSeries(sources: readonly BenchmarkSource[], directory: AreaDirectory): Map<string, Series> {
  const series = new Map<string, Series>();
  const breakdownKeys = new Map<object, string>();
  for (const source of sources) {
    for (const o of source.observations) {
      if (!o.area) continue;
      const record = directory.seen(o.area, o.period.end);
      if (!record || record.level === "other") continue;
      const key = `${source.file}\u0000${o.indicator}\u0000${breakdownKeyOf(breakdownKeys, o.breakdown)}`;
      let s = series.get(key);
      if (!s) {
        s = { file: source.file, indicator: o.indicator, breakdown: o.breakdown ?? {}, unit: o.unit, slots: new Map() };
        series.set(key, s);
      }
      const periodKey = `${o.period.start}\u0000${o.period.end}`;
      let slot = s.slots.get(periodKey);
      if (!slot) {
        slot = { period: o.period, national: null, regions: new Map(), authorities: new Map() };
        s.slots.set(periodKey, slot);
      }
      if (record.level === "national") slot.national ??= o;
      else if (record.level === "regional") {
        if (!slot.regions.has(record.key)) slot.regions.set(record.key, o);
      } else if (!slot.authorities.has(record.key)) slot.authorities.set(record.key, o);
    }
  }
  return series;
}

const isFigure = (o: Observation | null | undefined): o is Observation & { value: number } => !!o && o.status === "ok" && o.value !== null;

/** The authority asked for, or an InputError with names that come close. */
function findAuthority(typed: string, directory: AreaDirectory, files: string): { record: AreaRecord; warnings: Warning[] } {
  const authorities = directory.ofLevel("local authority");
  const match = matchTyped(typed, authorities);
  if (!match) {
    const near = suggestAreas(typed, authorities).map(describeArea);
    const hint = near.length > 0 ? ` Did you mean ${near.join(", ").replace(/, ([^,]*)$/, " or $1")}?` : "";
    throw new InputError(
      `No local authority "${typed}" in ${files}.${hint} Give its name, its nine-character code (E08000016) or its three-digit number (370).`,
      { file: files },
    );
  }
  const warnings: Warning[] = [];
  if (match.by === "normalised name") {
    warnings.push(warn("BENCHMARK_AREA_MATCHED", `--area "${typed}" was matched to ${describeArea(match.record)} by its name once spelling differences ("City of", "Borough", "&", "St.") were set aside.`));
  }
  if (match.record.codes.size > 1) {
    warnings.push(
      warn(
        "BENCHMARK_AREA_CODE_CHANGED",
        `${displayName(match.record)} has had more than one code in these files (${[...match.record.codes].join(", ")}); its figures were joined by ${match.record.oldCode ? `its number ${match.record.oldCode}` : "its name"}.`,
      ),
    );
  }
  return { record: match.record, warnings };
}

const LONDON_PARTS = /^(inner|outer) london$/;

/** The region compared, and for a London borough the inner or outer part its rows name. */
function regionOf(record: AreaRecord, directory: AreaDirectory): { region: AreaRecord | null; subRegion: AreaRecord | null } {
  const given = record.region;
  if (!given) return { region: null, subRegion: null };
  const regions = directory.ofLevel("regional");
  const named = matchArea({ code: given.code, name: given.name }, regions);
  if (LONDON_PARTS.test(normaliseAreaName(given.name)) || given.code === "E13000001" || given.code === "E13000002") {
    const london = matchArea({ code: "E12000007", name: "London" }, regions);
    return { region: london?.record ?? null, subRegion: named?.record ?? null };
  }
  return { region: named?.record ?? null, subRegion: null };
}

/** The area's own entry in the neighbour list: by its number, then its name, then its name spelt another way. */
function listEntryOf(record: AreaRecord, list: NeighbourList): { entry: NeighbourEntry; by: MatchedBy } | null {
  const byCode = record.oldCode === null ? undefined : list.entries.find((e) => e.oldCode === record.oldCode);
  if (byCode) return { entry: byCode, by: "old code" };
  const names = [...record.names];
  const byName = list.entries.find((e) => e.name !== null && names.some((n) => n.toLowerCase() === e.name!.toLowerCase()));
  if (byName) return { entry: byName, by: "name" };
  const normal = new Set(names.map(normaliseAreaName));
  const loose = list.entries.find((e) => e.name !== null && normal.has(normaliseAreaName(e.name)));
  return loose ? { entry: loose, by: "normalised name" } : null;
}

/** The neighbours' records, by the list: the area's entry by number, code or name, then each neighbour. */
function neighboursOf(record: AreaRecord, list: NeighbourList | null, directory: AreaDirectory): { names: string[]; records: (AreaRecord | null)[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!list) {
    warnings.push(
      warn(
        "BENCHMARK_NO_NEIGHBOUR_LIST",
        "No statistical-neighbour list was given, so the neighbour columns are empty. The Department for Education publishes each local authority's ten statistical neighbours in its Local Authority Interactive Tool (LAIT, on GOV.UK); save that workbook and pass it with --neighbours.",
      ),
    );
    return { names: [], records: [], warnings };
  }
  const found = listEntryOf(record, list);
  if (!found) {
    warnings.push(warn("BENCHMARK_AREA_NOT_IN_NEIGHBOUR_LIST", `${describeArea(record)} is not in the neighbour list ${list.file}, so the neighbour columns are empty.`));
    return { names: [], records: [], warnings };
  }
  const entry = found.entry;
  // A list of names matched by name is exact; a list of numbers matched by name, or any loose spelling, is said.
  const listHasNumbers = list.entries.some((e) => e.oldCode !== null);
  if (found.by === "normalised name" || (found.by === "name" && listHasNumbers)) {
    warnings.push(
      warn("BENCHMARK_LIST_MATCHED_BY_NAME", `${displayName(record)} was found in the neighbour list ${list.file} by its name ("${entry.name}")${found.by === "normalised name" ? ", spelt differently" : ", not its number"}.`, entry.sheet, entry.cell),
    );
  }
  const authorities = directory.ofLevel("local authority");
  const byName: string[] = [];
  const absent: string[] = [];
  // The Department's list names neighbours by number only; its own rows give each number's name,
  // for files that carry no old codes.
  const listedName = new Map(list.entries.filter((e) => e.oldCode !== null && e.name !== null).map((e) => [e.oldCode!, e.name!]));
  const records = entry.neighbours.map((n) => {
    const m = matchArea({ oldCode: n.oldCode, name: n.name ?? (n.oldCode ? listedName.get(n.oldCode) : null) }, authorities);
    if (!m) absent.push(n.name ?? n.oldCode ?? "?");
    else if (m.by === "normalised name") byName.push(`"${n.name}" as ${describeArea(m.record)}`);
    return m?.record ?? null;
  });
  if (byName.length > 0) {
    warnings.push(warn("BENCHMARK_NEIGHBOUR_MATCHED_BY_NAME", `Neighbours found by a looser spelling of their names: ${byName.join("; ")}.`, entry.sheet, entry.cell));
  }
  if (absent.length > 0) {
    warnings.push(
      warn("BENCHMARK_NEIGHBOUR_NOT_IN_DATA", `${absent.length === 1 ? "One neighbour has" : `${absent.length} neighbours have`} no figures in the files (${absent.join(", ")}); ${absent.length === 1 ? "it counts" : "they count"} as missing in every row.`, entry.sheet, entry.cell),
    );
  }
  const names = entry.neighbours.map((n, i) => (records[i] ? displayName(records[i]!) : (n.name ?? n.oldCode ?? "?")));
  return { names, records, warnings };
}

/** The latest period at which the authority has a row of this series. */
function latestSlot(series: Series, key: string): Slot | null {
  let best: Slot | null = null;
  for (const slot of series.slots.values()) {
    if (!slot.authorities.has(key)) continue;
    if (!best || slot.period.end > best.period.end || (slot.period.end === best.period.end && slot.period.start < best.period.start)) best = slot;
  }
  return best;
}

/** The area's and England's figures at every period where either has a row, oldest first. */
function trendOf(series: Series, key: string): TrendPoint[] {
  return [...series.slots.values()]
    .filter((slot) => slot.authorities.has(key) || slot.national !== null)
    .sort((a, b) => a.period.start.localeCompare(b.period.start) || a.period.end.localeCompare(b.period.end))
    .map((slot) => {
      const own = slot.authorities.get(key);
      return { period: slot.period, value: isFigure(own) ? own.value : null, england: isFigure(slot.national) ? slot.national.value : null };
    });
}

function neighbourFigures(slot: Slot, neighbours: (AreaRecord | null)[]): BenchmarkRow["neighbours"] {
  let sum = 0;
  let count = 0;
  let leftOut = 0;
  let missing = 0;
  for (const n of neighbours) {
    const o = n ? slot.authorities.get(n.key) : undefined;
    if (!o) missing++;
    else if (isFigure(o)) {
      sum += o.value;
      count++;
    } else leftOut++;
  }
  return { mean: count > 0 ? tidy(sum / count) : null, count, leftOut, missing };
}

function rankOf(slot: Slot, own: Observation): { rank: BenchmarkRow["rank"]; leftOut: number } {
  let above = 0;
  let of = 0;
  let leftOut = 0;
  for (const o of slot.authorities.values()) {
    if (!isFigure(o)) {
      leftOut++;
      continue;
    }
    of++;
    if (isFigure(own) && o.value > own.value) above++;
  }
  return { rank: isFigure(own) ? { position: above + 1, of, leftOut } : null, leftOut };
}

/** England, region, neighbours and rank for one authority, from open-data files. */
export function benchmark(sources: readonly BenchmarkSource[], options: BenchmarkOptions): BenchmarkResult {
  const directory = new AreaDirectory();
  for (const s of sources) directory.addPlaces(s.places);
  const series = indexSeries(sources, directory);
  const files = sources.map((s) => s.file).join(", ");
  const { record, warnings } = findAuthority(options.area, directory, files);
  const { region, subRegion } = regionOf(record, directory);
  if (!region) warnings.push(warn("BENCHMARK_NO_REGION", `The files give no region figures for ${displayName(record)}${record.region ? ` (its rows name ${record.region.name})` : ""}, so the region column is empty.`));
  const neighbours = neighboursOf(record, options.neighbours, directory);
  warnings.push(...neighbours.warnings);

  const rows: BenchmarkRow[] = [];
  for (const s of series.values()) {
    const slot = latestSlot(s, record.key);
    if (!slot) continue;
    const own = slot.authorities.get(record.key)!;
    const england = slot.national;
    const regional = region ? slot.regions.get(region.key) : undefined;
    const { rank, leftOut } = rankOf(slot, own);
    const row: BenchmarkRow = {
      indicator: s.indicator,
      breakdown: s.breakdown,
      period: slot.period,
      unit: s.unit,
      value: isFigure(own) ? own.value : null,
      status: own.status,
      england: isFigure(england) ? england.value : null,
      region: isFigure(regional) ? regional.value : null,
      neighbours: neighbourFigures(slot, neighbours.records),
      rank,
      rankLeftOut: leftOut,
      englandStatus: england ? england.status : null,
      regionStatus: regional ? regional.status : null,
      source: own.source,
    };
    if (own.mark !== undefined) row.mark = own.mark;
    if (subRegion) {
      const part = slot.regions.get(subRegion.key);
      row.subRegion = isFigure(part) ? part.value : null;
    }
    if (options.trend) row.trend = trendOf(s, record.key);
    rows.push(row);
  }

  const area: BenchmarkResult["area"] = { code: currentCode(record), name: displayName(record), region: region ? displayName(region) : (record.region?.name ?? null), oldCode: record.oldCode };
  if (subRegion) area.subRegion = displayName(subRegion);
  return { area, neighbours: neighbours.names, rows, warnings };
}

/** For the sheet and the summary line: figures kept out of means and ranks, over all rows. */
export function leftOutTotals(result: BenchmarkResult): { neighbours: number; authorities: number } {
  let neighbours = 0;
  let authorities = 0;
  for (const r of result.rows) {
    neighbours += r.neighbours.leftOut;
    authorities += r.rankLeftOut;
  }
  return { neighbours, authorities };
}
