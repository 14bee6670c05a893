import type { Indicator, Observation } from "../../../src/core/model";
import { DEFAULT_RAG_RULE, RagRuleSchema, applyRag, countRag, effectiveRating } from "../../../src/core/rag";

function indicator(over: Partial<Indicator> & { name: string }): Indicator {
  return { id: null, agency: null, unit: "percent", polarity: "higher", target: null, contentArea: null, type: null, source: null, frequency: null, ...over };
}

function obs(over: Partial<Observation> & { indicator: string }): Observation {
  return {
    indicatorId: null,
    agency: "Police",
    period: { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" },
    value: null,
    status: "ok",
    unit: "percent",
    numerator: null,
    denominator: null,
    target: null,
    polarity: null,
    rag: null,
    source: { file: "f.xlsx", sheet: "S", cell: "A1" },
    ...over,
  };
}

const indicators = [
  indicator({ id: "CP01", name: "Strategy meetings within 1 day", target: 90, polarity: "higher" }),
  indicator({ id: "CP02", name: "Re-referrals within 12 months", target: 20, polarity: "lower" }),
  indicator({ id: null, name: "Caseload per social worker", unit: "count", polarity: "band", band: { low: 15, high: 20 } }),
  indicator({ id: "CP04", name: "No target yet", target: null, polarity: "higher" }),
  indicator({ id: "CP05", name: "No polarity", target: 50, polarity: null }),
];

describe("applyRag", () => {
  test("rates each observation against its indicator, matched by ID or name", () => {
    const out = applyRag(
      [
        obs({ indicator: "Strategy meetings (1 day)", indicatorId: "CP01", value: 85.5 }), // 95% of 90: green
        obs({ indicator: "re-referrals within 12 MONTHS", value: 21 }), // matched by name; 95.2%: green
        obs({ indicator: "Re-referrals within 12 months", value: 23, agency: "Health" }), // 87%: red
        obs({ indicator: "Caseload per social worker", value: 14, unit: "count" }), // 93% of the low edge: amber
        obs({ indicator: "No target yet", indicatorId: "CP04", value: 10 }),
        obs({ indicator: "No polarity", indicatorId: "CP05", value: 10 }),
        obs({ indicator: "Not in the set", value: 10 }),
      ],
      indicators,
      DEFAULT_RAG_RULE,
    );
    expect(out.map((o) => o.rag)).toEqual(["green", "green", "red", "amber", null, null, null]);
  });

  test("fills in the target and polarity each rating used", () => {
    const [o] = applyRag([obs({ indicator: "x", indicatorId: "CP01", value: 85 })], indicators, DEFAULT_RAG_RULE);
    expect(o).toMatchObject({ target: 90, polarity: "higher", rag: "amber" });
  });

  test("suppressed, missing and not-applicable figures are never rated", () => {
    const out = applyRag(
      [
        obs({ indicator: "x", indicatorId: "CP01", status: "suppressed", value: null, mark: "<5" }),
        obs({ indicator: "x", indicatorId: "CP01", status: "missing", value: null }),
        // A stray value on a non-ok status is not trusted either.
        obs({ indicator: "x", indicatorId: "CP01", status: "not_applicable", value: 99 }),
      ],
      indicators,
      DEFAULT_RAG_RULE,
    );
    expect(out.map((o) => o.rag)).toEqual([null, null, null]);
  });

  test("an observation's own target and polarity win over the indicator set's", () => {
    const [o] = applyRag([obs({ indicator: "x", indicatorId: "CP01", value: 85, target: 80 })], indicators, DEFAULT_RAG_RULE);
    expect(o).toMatchObject({ target: 80, rag: "green" });
  });

  test("a rule's override wins over both, with its target normalised to the unit", () => {
    const rule = RagRuleSchema.parse({
      overrides: [
        { indicatorId: "CP01", green: 1, amber: 0.98, target: 0.9 }, // 0.9 for a percent indicator is 90
        { indicator: "No polarity", polarity: "lower" },
        { indicator: "No target yet", target: "12%" },
      ],
    });
    const out = applyRag(
      [
        obs({ indicator: "x", indicatorId: "CP01", value: 89, target: 50 }), // 98.9% of 90, below 100%: amber
        obs({ indicator: "No polarity", indicatorId: "CP05", value: 40 }), // lower is better, 50 / 40: green
        obs({ indicator: "No target yet", value: 11 }), // 11 / 12 = 91.7%: amber
      ],
      indicators,
      rule,
    );
    expect(out.map((o) => [o.target, o.polarity, o.rag])).toEqual([
      [90, "higher", "amber"],
      [50, "lower", "green"],
      [12, "higher", "amber"],
    ]);
  });

  test("does not change its input", () => {
    const input = [obs({ indicator: "x", indicatorId: "CP01", value: 85 })];
    applyRag(input, indicators, DEFAULT_RAG_RULE);
    expect(input[0]?.rag).toBeNull();
    expect(input[0]?.target).toBeNull();
  });
});

describe("effectiveRating", () => {
  test("marks rows with thresholds of their own", () => {
    const rule = RagRuleSchema.parse({ overrides: [{ indicatorId: "CP01", green: 1 }, { indicatorId: "CP02", polarity: "higher" }] });
    expect(effectiveRating(rule, indicators[0]).ownThresholds).toBe(true);
    expect(effectiveRating(rule, indicators[1])).toMatchObject({ ownThresholds: false, polarity: "higher", green: 0.95 });
  });
});

describe("countRag", () => {
  test("counts each rating and the unrated", () => {
    expect(countRag([{ rag: "green" }, { rag: "green" }, { rag: "amber" }, { rag: "red" }, { rag: null }])).toEqual({
      green: 2,
      amber: 1,
      red: 1,
      unrated: 1,
      total: 5,
    });
    expect(countRag([])).toEqual({ green: 0, amber: 0, red: 0, unrated: 0, total: 0 });
  });
});
