/**
 * The Scorecard section's settings as typed, and how they become the settings the operations take.
 * Plain data, no engine code.
 */
import type { Indicator, Polarity, Unit } from "../../../core/model";
import type { ScorecardGroupBy } from "../../../core/scorecard/rows";
import type { RatingAddition, ScorecardSettings } from "../../operations";

export interface AdditionDraft {
  /** "" while not chosen. */
  polarity: Polarity | "";
  /** As typed; "" while not given. */
  target: string;
}

export interface ScorecardDraft {
  /** Percent of target, as typed ("95"). */
  green: string;
  amber: string;
  groupBy: ScorecardGroupBy;
  /** By indicator key (see MissingRating.key). */
  additions: Record<string, AdditionDraft>;
}

/** The Barnsley framework's thresholds, which the engine's default rule also uses. */
export const DEFAULT_SCORECARD_DRAFT: ScorecardDraft = { green: "95", amber: "90", groupBy: "agency", additions: {} };

/** An indicator (all agencies reporting it) that cannot be rated for want of a polarity or a target. */
export interface MissingRating {
  key: string;
  indicatorId: string | null;
  indicator: string;
  agencies: string[];
  unit: Unit | null;
  needsPolarity: boolean;
  needsTarget: boolean;
}

/** How a rating given is keyed: by the indicator's ID, or its name where it has none (case and spacing do not matter). */
export function ratingKey(id: string | null, name: string): string {
  return id !== null ? `id:${id.trim().toLowerCase()}` : `name:${name.trim().replace(/\s+/g, " ").toLowerCase()}`;
}

/** Indicators lacking a polarity or a target, one entry per indicator whichever agencies report it. */
export function missingRatings(indicators: readonly Indicator[]): MissingRating[] {
  const byKey = new Map<string, MissingRating>();
  for (const ind of indicators) {
    if (ind.polarity !== null && ind.target !== null) continue;
    // A band needs no target, and its edges are not asked for here.
    if (ind.polarity === "band") continue;
    const key = ratingKey(ind.id, ind.name);
    const entry = byKey.get(key) ?? {
      key,
      indicatorId: ind.id,
      indicator: ind.name,
      agencies: [],
      unit: ind.unit,
      needsPolarity: false,
      needsTarget: false,
    };
    if (ind.agency !== null && !entry.agencies.includes(ind.agency)) entry.agencies.push(ind.agency);
    if (ind.polarity === null) entry.needsPolarity = true;
    if (ind.target === null) entry.needsTarget = true;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** "95", "95%" or " 92.5 " -> the number; anything else -> NaN. */
export function readPercent(text: string): number {
  const t = text.trim().replace(/%$/, "").trim();
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
}

export interface DraftProblems {
  green?: string;
  amber?: string;
  /** By indicator key. */
  targets: Record<string, string>;
}

export function draftProblems(draft: ScorecardDraft): DraftProblems {
  const problems: DraftProblems = { targets: {} };
  const green = readPercent(draft.green);
  const amber = readPercent(draft.amber);
  const check = (value: number): string | undefined =>
    Number.isNaN(value) ? "Give a percentage of target, such as 95." : value <= 0 || value > 200 ? "Give a percentage above 0 and at most 200." : undefined;
  problems.green = check(green);
  problems.amber = check(amber);
  if (!problems.green && !problems.amber && amber > green) problems.amber = "Amber must not be above green.";
  for (const [key, a] of Object.entries(draft.additions)) {
    const t = a.target.trim().replace(/%$/, "").trim().replace(/,/g, "");
    if (t !== "" && !/^-?\d+(?:\.\d+)?$/.test(t)) problems.targets[key] = "Give the target as a number, such as 90.";
  }
  return problems;
}

/** The settings to hand the operations, or the first problem in words. */
export function settingsOf(draft: ScorecardDraft, missing: readonly MissingRating[]): { settings: ScorecardSettings } | { problem: string } {
  const problems = draftProblems(draft);
  const first = problems.green
    ? `green: ${problems.green}`
    : problems.amber
      ? `amber: ${problems.amber}`
      : Object.keys(problems.targets).length > 0
        ? "a target is not a number."
        : null;
  if (first !== null) return { problem: first };
  const additions: RatingAddition[] = [];
  for (const m of missing) {
    const a = draft.additions[m.key];
    if (!a) continue;
    const target = a.target.trim().replace(/%$/, "").trim().replace(/,/g, "");
    const addition: RatingAddition = { indicatorId: m.indicatorId, indicator: m.indicator };
    if (a.polarity !== "" && m.needsPolarity) addition.polarity = a.polarity;
    if (target !== "" && m.needsTarget) addition.target = Number(target);
    if (addition.polarity !== undefined || addition.target !== undefined) additions.push(addition);
  }
  return { settings: { greenPercent: readPercent(draft.green), amberPercent: readPercent(draft.amber), groupBy: draft.groupBy, additions } };
}
