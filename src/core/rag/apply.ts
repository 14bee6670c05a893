/** Rating observations: finding what each one is rated against, then rating it. */
import type { Indicator, Observation, Rag } from "../model";
import { normaliseTarget, rateValue } from "./rate";
import { findOverride, nameKey, type EffectiveRating, type RagRule } from "./rule";

/** Indicators looked up by ID and by name, as observations refer to them. */
export interface IndicatorIndex {
  find(who: { id: string | null; name: string }): Indicator | undefined;
}

export function indexIndicators(indicators: readonly Indicator[]): IndicatorIndex {
  const byId = new Map<string, Indicator>();
  const byName = new Map<string, Indicator>();
  for (const ind of indicators) {
    // The first definition wins, as a reader of the set would take it.
    if (ind.id !== null && !byId.has(nameKey(ind.id))) byId.set(nameKey(ind.id), ind);
    if (!byName.has(nameKey(ind.name))) byName.set(nameKey(ind.name), ind);
  }
  return {
    find(who) {
      const viaId = who.id !== null ? byId.get(nameKey(who.id)) : undefined;
      return viaId ?? byName.get(nameKey(who.name));
    },
  };
}

/**
 * What an indicator is rated against. The most specific source wins: the rule's override (the
 * partnership's explicit decision), then the observation's own target and polarity (written
 * beside that period's figure), then the indicator set's.
 */
export function effectiveRating(
  rule: RagRule,
  indicator: Indicator | undefined,
  observation?: Pick<Observation, "indicator" | "indicatorId" | "target" | "polarity" | "unit">,
): EffectiveRating {
  const who = observation
    ? { id: observation.indicatorId ?? indicator?.id ?? null, name: observation.indicator }
    : { id: indicator?.id ?? null, name: indicator?.name ?? "" };
  const override = findOverride(rule, who) ?? (indicator ? findOverride(rule, { id: indicator.id, name: indicator.name }) : undefined);
  const unit = observation?.unit ?? indicator?.unit ?? null;
  const overrideTarget = override?.target !== undefined ? normaliseTarget(override.target, unit) : null;
  return {
    green: override?.green ?? rule.green,
    amber: override?.amber ?? rule.amber,
    polarity: override?.polarity ?? observation?.polarity ?? indicator?.polarity ?? null,
    target: overrideTarget ?? observation?.target ?? indicator?.target ?? null,
    band: override?.band ?? indicator?.band ?? null,
    ownThresholds: override?.green !== undefined || override?.amber !== undefined,
  };
}

/**
 * The observations with `rag` filled in. Each also gets the target and polarity it was rated
 * against, so that the JSON explains its own rating ("rag is null where there is no target or
 * no polarity" stays true of what is written). Only `ok` figures are rated.
 */
export function applyRag(observations: readonly Observation[], indicators: readonly Indicator[], rule: RagRule): Observation[] {
  const index = indexIndicators(indicators);
  return observations.map((o) => {
    const eff = effectiveRating(rule, index.find({ id: o.indicatorId, name: o.indicator }), o);
    const value = o.status === "ok" ? o.value : null;
    return { ...o, target: eff.target, polarity: eff.polarity, rag: rateValue(value, eff.target, eff.polarity, eff, eff.band) };
  });
}

export interface RagCounts {
  green: number;
  amber: number;
  red: number;
  /** Observations with no rating. */
  unrated: number;
  total: number;
}

export function countRag(observations: readonly { rag: Rag | null }[]): RagCounts {
  const counts: RagCounts = { green: 0, amber: 0, red: 0, unrated: 0, total: observations.length };
  for (const o of observations) {
    if (o.rag === null) counts.unrated += 1;
    else counts[o.rag] += 1;
  }
  return counts;
}
