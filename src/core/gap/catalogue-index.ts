/**
 * Finds the framework's catalogue measure an indicator is a rewording of. Each measure (and each
 * of its aliases) becomes a set of matching tokens (text.ts); an indicator is compared with every
 * one by the cosine of their IDF-weighted token sets, so that rare, telling words ("chronologies",
 * "MARAC") count for more than common ones ("percent", "child"). Small catalogues (a few hundred
 * measures) make a linear scan cheap; no index structure is needed.
 */
import type { CatalogueMeasure } from "../model";
import { tokenSet } from "./text";

export interface CatalogueMatch {
  measure: CatalogueMeasure;
  /** Position of the measure in the framework's catalogue. */
  index: number;
  /** Cosine similarity, 0..1, after the shape penalty below. */
  score: number;
  /** The wording that matched: the measure's name or one of its aliases. */
  wording: string;
}

export interface CatalogueIndex {
  /** Matches for a text, best first, optionally only among some measures. */
  rank(text: string, keep?: (measure: CatalogueMeasure) => boolean): CatalogueMatch[];
}

interface Entry {
  index: number;
  wording: string;
  tokens: Set<string>;
  /** Sum of squared weights of the entry's tokens (the squared length of its vector). */
  norm2: number;
  shape: Shape;
}

type Shape = "count" | "percent" | "unknown";

/**
 * A count and a percentage of the same thing are different measures ("Number of looked after
 * children" is not "% of looked after children ..."), and often of different types, so a match
 * across shapes is discounted by this factor rather than trusted on shared words alone.
 */
const SHAPE_MISMATCH_FACTOR = 0.75;

function shapeOf(tokens: Set<string>): Shape {
  if (tokens.has("percent")) return "percent";
  if (tokens.has("number")) return "count";
  return "unknown";
}

export function buildCatalogueIndex(catalogue: readonly CatalogueMeasure[]): CatalogueIndex {
  const raw: { index: number; wording: string; tokens: Set<string> }[] = [];
  catalogue.forEach((measure, index) => {
    raw.push({ index, wording: measure.name, tokens: tokenSet(measure.name) });
    for (const alias of measure.aliases ?? []) raw.push({ index, wording: alias.name, tokens: tokenSet(alias.name) });
  });

  const df = new Map<string, number>();
  for (const e of raw) for (const t of e.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const n = raw.length;
  // Smoothed IDF; a word the catalogue never uses weighs the most, so unknown wording lowers a score.
  const weight = (t: string): number => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const norm2 = (ts: Set<string>): number => {
    let sum = 0;
    for (const t of ts) sum += weight(t) ** 2;
    return sum;
  };

  const entries: Entry[] = raw.map((e) => ({ ...e, norm2: norm2(e.tokens), shape: shapeOf(e.tokens) }));

  function similarity(query: Set<string>, queryNorm2: number, queryShape: Shape, entry: Entry): number {
    if (queryNorm2 === 0 || entry.norm2 === 0) return 0;
    let shared = 0;
    for (const t of query) if (entry.tokens.has(t)) shared += weight(t) ** 2;
    const cosine = shared / Math.sqrt(queryNorm2 * entry.norm2);
    const mismatch = queryShape !== "unknown" && entry.shape !== "unknown" && queryShape !== entry.shape;
    return mismatch ? cosine * SHAPE_MISMATCH_FACTOR : cosine;
  }

  return {
    rank(text, keep) {
      const query = tokenSet(text);
      const qNorm2 = norm2(query);
      const qShape = shapeOf(query);
      const best = new Map<number, CatalogueMatch>();
      for (const entry of entries) {
        const measure = catalogue[entry.index];
        if (measure === undefined || (keep !== undefined && !keep(measure))) continue;
        const score = similarity(query, qNorm2, qShape, entry);
        const previous = best.get(entry.index);
        if (previous === undefined || score > previous.score) best.set(entry.index, { measure, index: entry.index, score, wording: entry.wording });
      }
      return [...best.values()].sort((a, b) => b.score - a.score || a.index - b.index);
    },
  };
}
