/**
 * The RAG rule as data. The default is the Barnsley Safeguarding Children Partnership's
 * performance framework (2019), section 7: green where at least 95% of target is achieved,
 * amber where at least 90%, red below 90%. A partnership with other thresholds, or with
 * indicators that need their own, writes a rule file (`--rag-rule RULE.json`) rather than
 * changing code; the rule is printed onto the scorecard so that readers see what it was.
 */
import { z } from "zod";
import { BandSchema, PolaritySchema, type Band, type Polarity } from "../model";

export const DEFAULT_RULE_NAME = "Barnsley Safeguarding Children Partnership framework, 2019";

/**
 * A threshold is a share of target: 0.95, or "95%". A bare 95 is refused rather than guessed at,
 * because 95 could as easily be a typing slip as a percentage, and a wrong threshold silently
 * recolours every indicator.
 */
const ThresholdSchema = z.preprocess(
  (raw) => {
    if (typeof raw !== "string") return raw;
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(raw);
    return m ? Number(m[1]) / 100 : raw;
  },
  z
    .number({ error: 'a threshold is a share of target, written 0.95 or "95%"' })
    .gt(0, { error: "a threshold must be above 0" })
    .lte(2, { error: 'a threshold is a share of target, written 0.95 or "95%", not 95' }),
);

/** Thresholds for one indicator, changing any of what the rating is computed from. */
export const RagOverrideSchema = z
  .object({
    /** The indicator, by its ID (matched first) ... */
    indicatorId: z.string().trim().min(1).optional(),
    /** ... or by its name as written in the indicator set (case and spacing do not matter). */
    indicator: z.string().trim().min(1).optional(),
    green: ThresholdSchema.optional(),
    amber: ThresholdSchema.optional(),
    polarity: PolaritySchema.optional(),
    /** In the indicator's units; "90%" and 0.9 both mean 90 for a percent indicator. */
    target: z.union([z.number(), z.string()]).optional(),
    band: BandSchema.optional(),
  })
  .refine((o) => o.indicatorId !== undefined || o.indicator !== undefined, {
    error: "an override names its indicator by indicatorId or indicator",
  })
  .refine((o) => o.band === undefined || o.band.low <= o.band.high, {
    error: "a band's low edge must not be above its high edge",
  });
export type RagOverride = z.infer<typeof RagOverrideSchema>;

export const RagRuleSchema = z
  .object({
    name: z.string().trim().min(1).default(DEFAULT_RULE_NAME),
    /** Green where achievement is at least this share of target (inclusive). */
    green: ThresholdSchema.default(0.95),
    /** Amber where achievement is at least this share of target (inclusive); red below. */
    amber: ThresholdSchema.default(0.9),
    overrides: z.array(RagOverrideSchema).default([]),
  })
  .superRefine((rule, ctx) => {
    // Checked on the thresholds that will actually apply, so that an override giving only
    // green: 0.85 is caught against the rule's amber of 0.90.
    if (rule.amber > rule.green) {
      ctx.addIssue({ code: "custom", message: "the amber threshold must not be above the green threshold", path: ["amber"] });
    }
    rule.overrides.forEach((o, i) => {
      if ((o.amber ?? rule.amber) > (o.green ?? rule.green)) {
        ctx.addIssue({
          code: "custom",
          message: `the override for ${o.indicatorId ?? o.indicator} has an amber threshold above its green threshold`,
          path: ["overrides", i],
        });
      }
    });
  });
export type RagRule = z.output<typeof RagRuleSchema>;
export type RagRuleInput = z.input<typeof RagRuleSchema>;

/** The two numbers a rating needs, whatever else a rule holds. */
export interface RagThresholds {
  green: number;
  amber: number;
}

export const DEFAULT_RAG_RULE: RagRule = RagRuleSchema.parse({});

/** 0.95 -> "95%", 0.925 -> "92.5%", without binary noise (0.07 -> "7%", never "7.000000000000001%"). */
export function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(12))}%`;
}

/** "Green: at least 95% of target achieved; amber: at least 90%; red: below 90% (name)". */
export function describeThresholds(t: RagThresholds): string {
  return `Green: at least ${formatShare(t.green)} of target achieved; amber: at least ${formatShare(t.amber)}; red: below ${formatShare(t.amber)}`;
}

export function describeRule(rule: RagRule): string {
  return `${describeThresholds(rule)} (${rule.name})`;
}

/**
 * The rule in full, one sentence a line, for a legend or a help panel: the thresholds, how
 * polarity and bands are read, what gets no rating, and each override.
 */
export function explainRule(rule: RagRule): string[] {
  const lines = [
    describeRule(rule) + ".",
    "Where higher is better, achievement is actual ÷ target; where lower is better, it is target ÷ actual " +
      "(21 against a target of 20 is 95.2% achieved), and an actual of 0 is green.",
    `For a band, green is inside the band; amber is at least ${formatShare(rule.amber)} of the way to it ` +
      `(the figure is at least ${formatShare(rule.amber)} of the low edge, or the high edge is at least ` +
      `${formatShare(rule.amber)} of the figure); red is further out.`,
    "There is no rating where there is no target (or a target of 0), no polarity, or no figure (suppressed or missing).",
  ];
  for (const o of rule.overrides) lines.push(describeOverride(o, rule));
  return lines;
}

function describeOverride(o: RagOverride, rule: RagRule): string {
  const who = o.indicatorId ?? o.indicator ?? "";
  const parts: string[] = [];
  if (o.green !== undefined || o.amber !== undefined) {
    parts.push(describeThresholds({ green: o.green ?? rule.green, amber: o.amber ?? rule.amber }).toLowerCase());
  }
  if (o.polarity !== undefined) parts.push(`polarity ${o.polarity}`);
  if (o.target !== undefined) parts.push(`target ${o.target}`);
  if (o.band !== undefined) parts.push(`band ${o.band.low} to ${o.band.high}`);
  return `${who}: ${parts.join("; ")}.`;
}

/** How names are compared: case, surrounding and repeated spaces do not matter. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The override for an indicator: by ID first, then by name. */
export function findOverride(rule: RagRule, who: { id: string | null; name: string }): RagOverride | undefined {
  if (who.id !== null) {
    const id = nameKey(who.id);
    const byId = rule.overrides.find((o) => o.indicatorId !== undefined && nameKey(o.indicatorId) === id);
    if (byId) return byId;
  }
  const name = nameKey(who.name);
  return rule.overrides.find((o) => o.indicator !== undefined && nameKey(o.indicator) === name);
}

/** Everything a rating of one indicator needs, after overrides. */
export interface EffectiveRating extends RagThresholds {
  polarity: Polarity | null;
  target: number | null;
  band: Band | null;
  /** True when this indicator has thresholds of its own (the scorecard then shows them per row). */
  ownThresholds: boolean;
}
