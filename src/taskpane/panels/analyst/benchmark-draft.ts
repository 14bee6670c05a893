/**
 * The Benchmarks section's choices as the analyst makes them (the files read, the neighbour list,
 * the area as typed, each indicator's link), and how they become the map, the settings kept in
 * the workbook and the Scorecard's request. Plain data; from the engine only types and the two
 * small functions that say a breakdown in words and as a key, so that it stays in the bundle the
 * pane opens with.
 */
import type { Confidence, PublishedColumn } from "../../../core/benchmark";
import { breakdownKey, describeBreakdown } from "../../../core/benchmark/published";
import type { BenchmarkLink, BenchmarkMap, BenchmarkSettings, Indicator } from "../../../core/model";
import type { AreaChoice, NeighbourFile, OpenDataFiles, ScorecardBenchmarkRequest } from "../../operations";

export interface BenchmarkDraft {
  files: OpenDataFiles | null;
  neighbours: NeighbourFile | null;
  /** The area as typed or chosen: a name, a nine-character code or a three-digit number. */
  area: string;
  /** Each indicator's link, by indicator key (see indicatorKey); absent or null: not compared. */
  links: Record<string, BenchmarkLink | null>;
  /** Links the names suggested and nobody has changed since, with how sure. */
  suggested: Record<string, Confidence>;
  /** The settings kept in the workbook, as last read or saved. */
  kept: BenchmarkSettings | null;
  /** Whether the workbook has been looked at for kept settings (so that it is read once, not every time). */
  lookedForKept: boolean;
}

export const EMPTY_BENCHMARK_DRAFT: BenchmarkDraft = { files: null, neighbours: null, area: "", links: {}, suggested: {}, kept: null, lookedForKept: false };

/** One entry per indicator whichever agencies report it: by ID, else by name. */
export function indicatorKey(who: { id?: string | null; indicatorId?: string | null; name?: string | null; indicator?: string | null }): string {
  const id = who.id ?? who.indicatorId ?? null;
  if (id) return `id:${id.trim().toLowerCase()}`;
  return `name:${(who.name ?? who.indicator ?? "").trim().replace(/\s+/g, " ").toLowerCase()}`;
}

export function distinctIndicators(indicators: readonly Indicator[]): Indicator[] {
  const seen = new Set<string>();
  return indicators.filter((i) => {
    const key = indicatorKey(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface LinkOption {
  value: string;
  text: string;
  link: BenchmarkLink | null;
}

export const NOT_COMPARED = "";

function optionValue(file: string | null | undefined, column: string, breakdown: Record<string, string> | undefined): string {
  return `${(file ?? "").toLowerCase()}\u0001${column}\u0001${breakdownKey(breakdown)}`;
}

export function linkValue(link: BenchmarkLink | null | undefined): string {
  return link ? optionValue(link.file, link.column, link.breakdown) : NOT_COMPARED;
}

/** "rereferrals_percent (category: Children in need), children-in-need.csv". */
export function describeLink(link: Pick<BenchmarkLink, "file" | "column" | "breakdown">): string {
  const b = describeBreakdown(link.breakdown);
  return `${link.column}${b ? ` (${b})` : ""}${link.file ? `, ${link.file}` : ""}`;
}

/** Every column and breakdown of the files read, as a choice, with "Not compared" first. */
export function linkOptions(columns: readonly PublishedColumn[]): LinkOption[] {
  const options: LinkOption[] = [{ value: NOT_COMPARED, text: "Not compared", link: null }];
  for (const c of columns) {
    for (const b of c.breakdowns) {
      const link: BenchmarkLink = { file: c.file, column: c.column, ...(Object.keys(b).length > 0 ? { breakdown: b } : {}) };
      options.push({ value: optionValue(c.file, c.column, b), text: describeLink(link), link });
    }
  }
  return options;
}

/** The options for one indicator: those of the files read, and its own link if it names a file not read (kept from before). */
export function optionsFor(all: readonly LinkOption[], link: BenchmarkLink | null | undefined): LinkOption[] {
  if (!link || all.some((o) => o.value === linkValue(link))) return [...all];
  return [...all, { value: linkValue(link), text: `${describeLink(link)} (its file is not picked)`, link }];
}

/** The map: each indicator's link, in the indicator set's order, naming the indicator by ID and name. */
export function mapOf(draft: Pick<BenchmarkDraft, "links">, indicators: readonly Indicator[]): BenchmarkMap {
  const links: BenchmarkLink[] = [];
  for (const ind of distinctIndicators(indicators)) {
    const link = draft.links[indicatorKey(ind)];
    if (!link) continue;
    links.push({ ...(ind.id ? { indicatorId: ind.id } : {}), indicator: ind.name, ...(link.file ? { file: link.file } : {}), column: link.column, ...(link.breakdown ? { breakdown: link.breakdown } : {}) });
  }
  return { links };
}

/** The links a kept map gives, by indicator key (a link for an indicator not in the set is kept too, under its own key). */
export function linksOf(map: BenchmarkMap): Record<string, BenchmarkLink> {
  const out: Record<string, BenchmarkLink> = {};
  for (const l of map.links) {
    const key = indicatorKey(l);
    if (!(key in out)) out[key] = { ...(l.file ? { file: l.file } : {}), column: l.column, ...(l.breakdown ? { breakdown: l.breakdown } : {}) };
  }
  return out;
}

/** What is kept in the workbook: the area, the files' names and the map. */
export function settingsOf(draft: BenchmarkDraft, indicators: readonly Indicator[] | null): BenchmarkSettings {
  const map = indicators ? mapOf(draft, indicators) : (draft.kept?.map ?? { links: [] });
  return {
    area: draft.area.trim() || null,
    neighbourFile: draft.neighbours?.file ?? draft.kept?.neighbourFile ?? null,
    files: draft.files ? draft.files.sources.map((s) => s.file) : (draft.kept?.files ?? []),
    map,
  };
}

/** Takes the kept settings into the draft, leaving alone whatever the analyst has already chosen. */
export function restoreKept(draft: BenchmarkDraft, kept: BenchmarkSettings | null): BenchmarkDraft {
  const next: BenchmarkDraft = { ...draft, kept: kept ?? draft.kept, lookedForKept: true };
  if (!kept) return next;
  if (draft.area.trim() === "" && kept.area) next.area = kept.area;
  if (Object.keys(draft.links).length === 0) next.links = linksOf(kept.map);
  return next;
}

/** The Scorecard's request, or why there is none (null: benchmarks not set up, which is fine). */
export function scorecardRequest(draft: BenchmarkDraft, indicators: readonly Indicator[] | null): ScorecardBenchmarkRequest | null {
  if (!draft.files || draft.files.sources.length === 0 || draft.area.trim() === "" || !indicators) return null;
  const map = mapOf(draft, indicators);
  if (map.links.length === 0) return null;
  return { sources: draft.files.sources, area: draft.area.trim(), neighbours: draft.neighbours?.list ?? null, map, settings: settingsOf(draft, indicators) };
}

/** "Northshire (951, E06990001), North East": how the area box lists an authority. */
export function describeArea(a: AreaChoice): string {
  const codes = [a.oldCode, a.code].filter((c): c is string => Boolean(c));
  return `${a.name}${codes.length > 0 ? ` (${codes.join(", ")})` : ""}${a.region ? `, ${a.region}` : ""}`;
}

/** Whether an authority fits what was typed: by any word of its name, or the start of a code. */
export function areaFits(a: AreaChoice, typed: string): boolean {
  const t = typed.trim().toLowerCase();
  if (t === "") return true;
  if (a.name.toLowerCase().includes(t)) return true;
  return [a.oldCode, a.code].some((c) => c !== null && c.toLowerCase().startsWith(t));
}

/** A figure as the pane shows it: one decimal place, or a dash. */
export function figure(v: number | null | undefined): string {
  if (v === null || v === undefined) return "–";
  return Number.isInteger(v) ? v.toLocaleString("en-GB") : (Math.round(v * 10) / 10).toLocaleString("en-GB", { minimumFractionDigits: 1 });
}
