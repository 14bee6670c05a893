/**
 * Places each indicator of a set in the content-area framework (004_67d49ac43a78e918.txt,
 * Module 1, steps 3 and 4): which area it informs, which type of information it is (quantity,
 * quality, outcome) and which source it comes from. Each field is decided by the strongest
 * evidence there is, in this order:
 *   1. stated: the set's own Content area / Type / Source columns;
 *   2. catalogue: the framework's catalogue measure the indicator rewords (catalogue-index.ts),
 *      trusted from a score of STRONG_MATCH;
 *   3. inferred: the area from the framework's keywords (keywords.ts) or, failing those, from the
 *      nearest catalogue measure (from WEAK_MATCH); the type and source from the wording
 *      (wording.ts), since a measure that is only near may be a count where this is a percentage;
 *   4. none: no area at all. Such an indicator is reported as unclassified, never dropped.
 * An analyst's confirmed or changed placement (an override) beats all of these.
 */
import { InputError } from "../errors";
import type { Framework, Indicator, InformationSource, InformationType } from "../model";
import { resolveArea } from "./area-names";
import { buildCatalogueIndex, type CatalogueIndex, type CatalogueMatch } from "./catalogue-index";
import { buildKeywordIndex, type KeywordIndex } from "./keywords";
import { plain, tokens } from "./text";
import { inferSource, inferType } from "./wording";

export type Confidence = "stated" | "catalogue" | "inferred" | "none";

export interface Placement {
  area: string | null;
  subArea: string | null;
  /** The engine's reading even when area is null, so that a panel can prefill it. */
  type: InformationType | null;
  source: InformationSource | null;
  /** The weakest basis of the three fields; "none" when there is no area. */
  confidence: Confidence;
  /**
   * How sure the area is, 0..1: 1 when stated (or set by the analyst); the similarity of the
   * matched measure when the catalogue placed it; the share of the keyword evidence for the
   * chosen area (or, with no keyword, the nearest measure's similarity) when inferred; 0 for none.
   */
  score: number;
  /** The catalogue measure the indicator rewords, when one was found. */
  matchedMeasure?: string;
  /** Its similarity to the indicator, 0..1, when there is a matched measure. */
  matchScore?: number;
  /** How each field was decided. */
  basis: { area: Confidence; type: Confidence; source: Confidence };
  /** Present when an analyst confirmed or changed this placement. */
  confirmed?: true;
}

/** An indicator of the set with its placement, flat, as the JSON and the Placements sheet show it. */
export type PlacedIndicator = {
  indicatorId: string | null;
  indicator: string;
  agency: string | null;
} & Placement;

/** An analyst's placement of one indicator. Fields left out keep the engine's placement. */
export interface PlacementOverride {
  /** An area of the framework (names resolve as the Content area column does); null: no area. */
  area?: string | null;
  subArea?: string | null;
  type?: InformationType | null;
  source?: InformationSource | null;
}

/** Overrides keyed by indicator ID or by indicator name (case and spacing do not matter). */
export type PlacementOverrides = Readonly<Record<string, PlacementOverride>>;

/** A catalogue match this good is the same measure reworded (measured on test/core/gap/rewordings.ts). */
export const STRONG_MATCH = 0.5;
/** A weaker match is a neighbour: it suggests an area when no keyword does. */
export const WEAK_MATCH = 0.3;
/** A neighbour this near suggests the sub-area of an area decided otherwise. */
export const SUBAREA_MATCH = 0.4;
/** A stated area's own nearest measure must score this share of the best measure anywhere. */
export const IN_AREA_MARGIN = 0.8;

const RANK: Record<Confidence, number> = { stated: 3, catalogue: 2, inferred: 1, none: 0 };
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function weakest(...all: Confidence[]): Confidence {
  return all.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}

export interface Placer {
  place(indicator: Indicator, override?: PlacementOverride): Placement;
}

/** Sub-area of `area` whose distinctive words the text holds (at least two-thirds of them). */
function subAreaFromWords(name: string, area: string, framework: Framework): string | null {
  const words = new Set(tokens(name));
  let best: { sub: string; cover: number } | null = null;
  for (const sub of framework.areas.find((a) => a.name === area)?.subAreas ?? []) {
    const own = tokens(sub).filter((t) => t !== "child");
    if (own.length === 0) continue;
    const cover = own.filter((t) => words.has(t)).length / own.length;
    if (cover >= 2 / 3 && (best === null || cover > best.cover)) best = { sub, cover };
  }
  return best?.sub ?? null;
}

interface AreaDecision {
  area: string | null;
  subArea: string | null;
  basis: Confidence;
  score: number;
  match: CatalogueMatch | undefined;
}

function decideArea(indicator: Indicator, framework: Framework, catalogue: CatalogueIndex, keywords: KeywordIndex): AreaDecision {
  const ranked = catalogue.rank(indicator.name);
  const best = ranked[0];
  const bestIn = (area: string): CatalogueMatch | undefined => ranked.find((m) => m.measure.area === area);
  const strong = best !== undefined && best.score >= STRONG_MATCH ? best : undefined;
  // Below STRONG_MATCH a measure is only a neighbour: good for a sub-area, not for a type.
  const subAreaOf = (area: string): string | null => {
    const near = bestIn(area);
    return subAreaFromWords(indicator.name, area, framework) ?? (near !== undefined && near.score >= SUBAREA_MATCH ? near.measure.subArea : null);
  };

  const stated = indicator.contentArea === null ? null : resolveArea(indicator.contentArea, framework, keywords);
  if (stated !== null) {
    // A measure of the stated area is only the indicator's own when it is nearly as close as the
    // best measure anywhere: a partnership may file a measure under another area than the catalogue.
    const inArea = bestIn(stated.area);
    const rivalled = inArea !== undefined && best !== undefined && inArea.score < IN_AREA_MARGIN * best.score;
    const match = inArea !== undefined && inArea.score >= STRONG_MATCH && !rivalled ? inArea : strong;
    const subArea = stated.subArea ?? (match?.measure.area === stated.area ? match.measure.subArea : rivalled ? subAreaFromWords(indicator.name, stated.area, framework) : subAreaOf(stated.area));
    return { area: stated.area, subArea, basis: "stated", score: 1, match };
  }
  if (strong !== undefined) return { area: strong.measure.area, subArea: strong.measure.subArea, basis: "catalogue", score: round3(strong.score), match: strong };

  const votes = keywords.vote(indicator.name);
  const top = votes[0];
  if (top !== undefined) {
    // Tied keyword votes go to the tied area whose catalogue holds the nearer measure.
    const tied = votes.filter((v) => v.weight === top.weight).map((v) => v.area);
    const area = tied.map((a) => ({ a, s: bestIn(a)?.score ?? 0 })).sort((x, y) => y.s - x.s)[0]?.a ?? top.area;
    const total = votes.reduce((sum, v) => sum + v.weight, 0);
    const share = total > 0 ? (votes.find((v) => v.area === area)?.weight ?? 0) / total : 0;
    return { area, subArea: subAreaOf(area), basis: "inferred", score: round3(share), match: undefined };
  }
  if (best !== undefined && best.score >= WEAK_MATCH) {
    // No keyword at all: the nearest measure's area is the best guess there is, flagged as inferred.
    return { area: best.measure.area, subArea: best.measure.subArea, basis: "inferred", score: round3(best.score), match: undefined };
  }
  return { area: null, subArea: null, basis: "none", score: 0, match: undefined };
}

function applyOverride(auto: Placement, override: PlacementOverride, framework: Framework, indicatorName: string): Placement {
  let area = auto.area;
  let subArea = auto.subArea;
  if (override.area !== undefined) {
    if (override.area === null) {
      area = null;
      subArea = null;
    } else {
      const resolved = resolveArea(override.area, framework);
      if (resolved === null) {
        throw new InputError(`The placement given for "${indicatorName}" names the area "${override.area}", which is not one of the framework's areas.`);
      }
      if (resolved.area !== auto.area) subArea = resolved.subArea;
      area = resolved.area;
    }
  }
  if (override.subArea !== undefined) subArea = override.subArea;
  const type = override.type !== undefined ? override.type : auto.type;
  const source = override.source !== undefined ? override.source : auto.source;
  const basis = {
    area: override.area !== undefined ? (area === null ? "none" : "stated") : auto.basis.area,
    type: override.type !== undefined ? "stated" : auto.basis.type,
    source: override.source !== undefined ? "stated" : auto.basis.source,
  } satisfies Placement["basis"];
  const confidence = area === null ? "none" : weakest(basis.area, basis.type, basis.source);
  const score = area === null ? 0 : basis.area === "stated" ? 1 : auto.score;
  const placement: Placement = { area, subArea, type, source, confidence, score, basis, confirmed: true };
  if (auto.matchedMeasure !== undefined) placement.matchedMeasure = auto.matchedMeasure;
  if (auto.matchScore !== undefined) placement.matchScore = auto.matchScore;
  return placement;
}

export function createPlacer(framework: Framework): Placer {
  const catalogue = buildCatalogueIndex(framework.catalogue);
  const keywords = buildKeywordIndex(framework);

  function placeAutomatically(indicator: Indicator): Placement {
    const decided = decideArea(indicator, framework, catalogue, keywords);
    const match = decided.match;
    const type = indicator.type ?? match?.measure.type ?? inferType(indicator.name);
    const source = indicator.source ?? match?.measure.source ?? inferSource(indicator.name);
    const fromMatch: Confidence = match !== undefined ? "catalogue" : "inferred";
    const basis = {
      area: decided.basis,
      type: indicator.type !== null ? "stated" : fromMatch,
      source: indicator.source !== null ? "stated" : fromMatch,
    } satisfies Placement["basis"];
    const confidence = decided.area === null ? "none" : weakest(basis.area, basis.type, basis.source);
    const placement: Placement = { area: decided.area, subArea: decided.subArea, type, source, confidence, score: decided.score, basis };
    if (match !== undefined) {
      placement.matchedMeasure = match.measure.name;
      placement.matchScore = round3(match.score);
    }
    return placement;
  }

  return {
    place(indicator, override) {
      const auto = placeAutomatically(indicator);
      return override === undefined ? auto : applyOverride(auto, override, framework, indicator.name);
    },
  };
}

const overrideKey = (text: string): string => plain(text);

type OverrideLookup = (indicator: Indicator) => PlacementOverride | undefined;

/** Finds an indicator's override by its ID first, then by its name (case and spacing ignored). */
function overrideLookup(overrides: PlacementOverrides | undefined): OverrideLookup {
  if (overrides === undefined) return () => undefined;
  const byKey = new Map(Object.entries(overrides).map(([k, v]) => [overrideKey(k), v]));
  return (indicator) => (indicator.id !== null ? byKey.get(overrideKey(indicator.id)) : undefined) ?? byKey.get(overrideKey(indicator.name));
}

/** The analyst's override for one indicator: by its ID first, then by its name. */
export function findOverride(overrides: PlacementOverrides | undefined, indicator: Indicator): PlacementOverride | undefined {
  return overrideLookup(overrides)(indicator);
}

/**
 * Building a placer indexes the whole catalogue and keyword list; the Gap panel re-runs the
 * analysis on every change of an override, so one placer is kept per framework object.
 * Frameworks are treated as values: an edited framework is a new object (parseFrameworkJson).
 */
const placers = new WeakMap<Framework, Placer>();

function placerFor(framework: Framework): Placer {
  const cached = placers.get(framework);
  if (cached !== undefined) return cached;
  const made = createPlacer(framework);
  placers.set(framework, made);
  return made;
}

/** Places every indicator, in the set's order. */
export function placeIndicators(indicators: readonly Indicator[], framework: Framework, overrides?: PlacementOverrides): PlacedIndicator[] {
  const placer = placerFor(framework);
  const overrideOf = overrideLookup(overrides);
  return indicators.map((indicator) => ({
    indicatorId: indicator.id,
    indicator: indicator.name,
    agency: indicator.agency,
    ...placer.place(indicator, overrideOf(indicator)),
  }));
}
