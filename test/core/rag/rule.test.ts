import {
  DEFAULT_RAG_RULE,
  DEFAULT_RULE_NAME,
  RagRuleSchema,
  describeRule,
  explainRule,
  findOverride,
  formatShare,
} from "../../../src/core/rag";

describe("RagRuleSchema", () => {
  test("the default is the Barnsley rule: green at 95%, amber at 90%", () => {
    expect(DEFAULT_RAG_RULE).toEqual({ name: DEFAULT_RULE_NAME, green: 0.95, amber: 0.9, overrides: [] });
    expect(DEFAULT_RULE_NAME).toBe("Barnsley Safeguarding Children Partnership framework, 2019");
  });

  test("thresholds may be written as shares or as percentages with a sign", () => {
    const rule = RagRuleSchema.parse({ green: "100%", amber: 0.85 });
    expect(rule.green).toBe(1);
    expect(rule.amber).toBe(0.85);
  });

  test("a bare 95 is refused with a message saying how to write it", () => {
    const r = RagRuleSchema.safeParse({ green: 95 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/0\.95 or \\"95%\\"/);
  });

  test("amber above green is refused, for the rule and for an override", () => {
    expect(RagRuleSchema.safeParse({ green: 0.9, amber: 0.95 }).success).toBe(false);
    const r = RagRuleSchema.safeParse({ overrides: [{ indicatorId: "CP02", green: 0.85 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/CP02.*amber threshold above its green/);
  });

  test("an override must name its indicator", () => {
    expect(RagRuleSchema.safeParse({ overrides: [{ green: 0.99 }] }).success).toBe(false);
  });

  test("an override's band must be the right way round", () => {
    expect(RagRuleSchema.safeParse({ overrides: [{ indicator: "x", band: { low: 5, high: 1 } }] }).success).toBe(false);
  });

  test("overrides carry thresholds, polarity, target and band", () => {
    const rule = RagRuleSchema.parse({
      overrides: [
        { indicatorId: "CP02", green: 1, amber: "95%" },
        { indicator: "Re-referrals within 12 months", polarity: "lower", target: "22%" },
        { indicator: "Caseload per social worker", polarity: "band", band: { low: 15, high: 20 } },
      ],
    });
    expect(rule.overrides[0]).toMatchObject({ green: 1, amber: 0.95 });
    expect(rule.overrides[1]).toMatchObject({ polarity: "lower", target: "22%" });
  });
});

describe("finding an override", () => {
  const rule = RagRuleSchema.parse({
    overrides: [
      { indicatorId: "cp02", green: 1 },
      { indicator: "Re-referrals  within 12 months", polarity: "lower" },
      { indicator: "Both", green: 0.99 },
    ],
  });

  test("by ID, without regard to case", () => {
    expect(findOverride(rule, { id: "CP02", name: "anything" })?.green).toBe(1);
  });

  test("by name, without regard to case or spacing", () => {
    expect(findOverride(rule, { id: null, name: "re-referrals within 12 months " })?.polarity).toBe("lower");
    expect(findOverride(rule, { id: "X9", name: "RE-REFERRALS WITHIN 12 MONTHS" })?.polarity).toBe("lower");
  });

  test("none for another indicator", () => {
    expect(findOverride(rule, { id: "CP03", name: "Other" })).toBeUndefined();
  });
});

describe("describing the rule", () => {
  test("the description is generated from the numbers", () => {
    expect(describeRule(DEFAULT_RAG_RULE)).toBe(
      "Green: at least 95% of target achieved; amber: at least 90%; red: below 90% (Barnsley Safeguarding Children Partnership framework, 2019)",
    );
    const other = RagRuleSchema.parse({ name: "Our partnership, 2025", green: 0.925, amber: 0.8 });
    expect(describeRule(other)).toBe("Green: at least 92.5% of target achieved; amber: at least 80%; red: below 80% (Our partnership, 2025)");
  });

  test("shares print without binary noise", () => {
    expect(formatShare(0.07)).toBe("7%");
    expect(formatShare(0.955)).toBe("95.5%");
    expect(formatShare(1)).toBe("100%");
  });

  test("the explanation covers polarity, bands, no rating and each override", () => {
    const rule = RagRuleSchema.parse({ overrides: [{ indicatorId: "CP02", green: 1 }] });
    const text = explainRule(rule).join("\n");
    expect(text).toMatch(/lower is better.*target ÷ actual/);
    expect(text).toMatch(/band, green is inside the band; amber is at least 90%/);
    expect(text).toMatch(/no rating where there is no target/);
    expect(text).toMatch(/CP02: green: at least 100% of target achieved; amber: at least 90%/i);
  });
});
