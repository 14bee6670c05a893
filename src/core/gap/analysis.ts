/**
 * Gap analysis of a partnership's indicator set against the content-area framework
 * (004_67d49ac43a78e918.txt, Module 1, steps 3, 4 and 6): for each content area, how many
 * indicators inform it, of which types and from which sources; which types and sources are
 * missing, with catalogue measures that would fill each gap; the balance of types over the whole
 * set; and the indicators that fit no area. The JSON is `gap --json` of ../shared/contract/CLI.md.
 *
 * The gap rule: in every area, every type and every source with no indicator is a gap. An area
 * with no indicators at all therefore has all three type gaps and all four source gaps; it is
 * also listed in `emptyAreas`, so that "nothing here" and "something missing here" can be told
 * apart. The framework asks for a balance of all three types from all four sources in each
 * area, so no absence is exempt; step 6 (priorities) decides which gaps to fill first, which is
 * why each area carries `priority`.
 */
import { InputError } from "../errors";
import type { AreaGroup, CatalogueMeasure, Framework, Indicator, InformationSource, InformationType } from "../model";
import { resolveArea } from "./area-names";
import { SOURCES, TYPES, TYPES_BY_IMPORTANCE, VOICE_SOURCES } from "./labels";
import { placeIndicators, type PlacedIndicator, type PlacementOverrides } from "./placement";

/** What is missing: a type of information, or a source. */
export type GapKind = { kind: "type"; missing: InformationType } | { kind: "source"; missing: InformationSource };

export type Gap = GapKind & {
  /** Catalogue measures that would fill the gap, best first, at most `maxSuggestions`. */
  suggestions: string[];
};

export interface AreaResult {
  name: string;
  group: AreaGroup;
  indicators: number;
  types: Record<InformationType, number>;
  sources: Record<InformationSource, number>;
  gaps: Gap[];
  /** Addition: a priority area (framework step 6), from the options or the framework's own mark. */
  priority: boolean;
  /** Addition: the area's sub-areas the set already informs. */
  subAreas: string[];
}

export interface GapResult {
  areas: AreaResult[];
  /** Shares of the placed indicators by type, to 3 decimals, summing to 1 (all 0 when none is placed). */
  balance: Record<InformationType, number>;
  /** Labels of the indicators that could not be placed in any area. */
  unclassified: string[];
  /** Addition: share of placed indicators from children, parents and carers or frontline staff. */
  voiceShare: number;
  /** Addition: areas with no indicator at all. */
  emptyAreas: string[];
  /** Addition: every indicator with its placement and how sure it is. */
  placements: PlacedIndicator[];
  /** Addition: the framework measured against. */
  framework: { name: string; version: string };
  /** Addition: counts for a one-line summary. */
  summary: { indicators: number; placed: number; unclassified: number; gaps: number };
}

export interface AnalyseOptions {
  /** The analyst's confirmed or changed placements, by indicator ID or name. */
  overrides?: PlacementOverrides;
  /** Priority content areas (framework step 6), by name; added to the framework's own marks. */
  priorities?: readonly string[];
  /** Suggestions per gap; 5 unless said. */
  maxSuggestions?: number;
}

const zeroTypes = (): Record<InformationType, number> => ({ quantity: 0, quality: 0, outcome: 0 });
const zeroSources = (): Record<InformationSource, number> => ({ children_parents: 0, frontline_staff: 0, case_records: 0, management_information: 0 });

/**
 * Rounds shares to 3 decimals so that they still sum to exactly 1: the largest-remainder method
 * on thousandths, so the balance never reads 0.333 + 0.333 + 0.333.
 */
export function roundShares<K extends string>(counts: Record<K, number>, keys: readonly K[]): Record<K, number> {
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const out = {} as Record<K, number>;
  if (total === 0) {
    for (const k of keys) out[k] = 0;
    return out;
  }
  const exact = keys.map((k) => ({ k, v: (counts[k] / total) * 1000 }));
  const floors = exact.map((e) => ({ ...e, f: Math.floor(e.v + 1e-9) }));
  let left = 1000 - floors.reduce((sum, e) => sum + e.f, 0);
  const byRemainder = [...floors].sort((a, b) => b.v - b.f - (a.v - a.f));
  for (const e of byRemainder) {
    if (left <= 0) break;
    e.f += 1;
    left -= 1;
  }
  for (const e of floors) out[e.k] = e.f / 1000;
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

interface SuggestionContext {
  area: string;
  covered: ReadonlySet<string>;
  missingTypes: ReadonlySet<InformationType>;
  missingSources: ReadonlySet<InformationSource>;
  alreadyHeld: ReadonlySet<string>;
}

/**
 * Catalogue measures that fill a gap, best first: those in sub-areas the set already informs
 * (building on what the partnership already tracks), then those that fill a second gap of the
 * area at the same time, then outcome before quality before quantity, then catalogue order.
 */
function suggest(catalogue: readonly CatalogueMeasure[], gap: GapKind, ctx: SuggestionContext, max: number): string[] {
  const importance = (t: InformationType): number => TYPES_BY_IMPORTANCE.indexOf(t);
  return catalogue
    .map((measure, index) => ({ measure, index }))
    .filter(({ measure }) => measure.area === ctx.area && !ctx.alreadyHeld.has(measure.name))
    .filter(({ measure }) => (gap.kind === "type" ? measure.type === gap.missing : measure.source === gap.missing))
    .map(({ measure, index }) => ({
      name: measure.name,
      index,
      covered: measure.subArea !== null && ctx.covered.has(measure.subArea) ? 0 : 1,
      both: gap.kind === "type" ? (ctx.missingSources.has(measure.source) ? 0 : 1) : ctx.missingTypes.has(measure.type) ? 0 : 1,
      type: importance(measure.type),
    }))
    .sort((a, b) => a.covered - b.covered || a.both - b.both || a.type - b.type || a.index - b.index)
    .slice(0, max)
    .map((s) => s.name);
}

function priorityAreas(framework: Framework, priorities: readonly string[]): Set<string> {
  const marked = new Set(framework.areas.filter((a) => a.priority === true).map((a) => a.name));
  for (const name of priorities) {
    const resolved = resolveArea(name, framework);
    if (resolved === null) throw new InputError(`The priority area "${name}" is not one of the framework's areas.`);
    marked.add(resolved.area);
  }
  return marked;
}

export function analyseGaps(indicators: readonly Indicator[], framework: Framework, options: AnalyseOptions = {}): GapResult {
  const max = options.maxSuggestions ?? 5;
  const placements = placeIndicators(indicators, framework, options.overrides);
  const priorities = priorityAreas(framework, options.priorities ?? []);
  const alreadyHeld = new Set(placements.flatMap((p) => (p.matchedMeasure !== undefined ? [p.matchedMeasure] : [])));
  const placed = placements.filter((p) => p.area !== null);

  const areas: AreaResult[] = framework.areas.map((area) => {
    const here = placed.filter((p) => p.area === area.name);
    const types = zeroTypes();
    const sources = zeroSources();
    for (const p of here) {
      if (p.type !== null) types[p.type] += 1;
      if (p.source !== null) sources[p.source] += 1;
    }
    const missingTypes = new Set(TYPES_BY_IMPORTANCE.filter((t) => types[t] === 0));
    const missingSources = new Set(SOURCES.filter((s) => sources[s] === 0));
    const covered = new Set(here.flatMap((p) => (p.subArea !== null ? [p.subArea] : [])));
    const ctx: SuggestionContext = { area: area.name, covered, missingTypes, missingSources, alreadyHeld };
    const bare: GapKind[] = [
      ...[...missingTypes].map((missing) => ({ kind: "type" as const, missing })),
      ...[...missingSources].map((missing) => ({ kind: "source" as const, missing })),
    ];
    return {
      name: area.name,
      group: area.group,
      indicators: here.length,
      types,
      sources,
      gaps: bare.map((g) => ({ ...g, suggestions: suggest(framework.catalogue, g, ctx, max) })),
      priority: priorities.has(area.name),
      subAreas: area.subAreas.filter((s) => covered.has(s)),
    };
  });

  const typeCounts = zeroTypes();
  for (const p of placed) if (p.type !== null) typeCounts[p.type] += 1;
  const voiced = placed.filter((p) => p.source !== null && VOICE_SOURCES.includes(p.source)).length;
  const unclassified = placements.filter((p) => p.area === null).map((p) => p.indicator);

  return {
    areas,
    balance: roundShares(typeCounts, TYPES),
    unclassified,
    voiceShare: placed.length === 0 ? 0 : round3(voiced / placed.length),
    emptyAreas: areas.filter((a) => a.indicators === 0).map((a) => a.name),
    placements,
    framework: { name: framework.name, version: framework.version },
    summary: {
      indicators: placements.length,
      placed: placed.length,
      unclassified: unclassified.length,
      gaps: areas.reduce((n, a) => n + a.gaps.length, 0),
    },
  };
}
