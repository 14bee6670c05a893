import { InputError } from "../../../src/core/errors";
import { defaultFramework } from "../../../src/core/framework/default-framework";
import { analyseGaps, roundShares, type GapResult } from "../../../src/core/gap";
import { indicator, stated } from "./kit";

const framework = defaultFramework;

/** Eight indicators whose rows state their area, type and source, and one that fits nowhere. */
const SET = [
  stated("A1", "Number of children on child protection plans", "Priority service areas", "quantity", "management_information"),
  stated("A2", "CP case files audited as good or better (%)", "priority service areas", "quality", "case_records"),
  stated("A3", "Children who say they feel safer after social work (%)", "Priority Service Areas", "outcome", "children_parents"),
  stated("B1", "Number of looked after children", "Vulnerable groups of children", "quantity", "management_information"),
  stated("B2", "Visits to looked after children where the child was seen alone (%)", "Vulnerable groups", "quality", "case_records"),
  stated("C1", "Staff confident to challenge other agencies (%)", "Partnership working", "quality", "frontline_staff"),
  stated("C2", "Number of CAFs completed", "Partnership", "quantity", "management_information"),
  stated("D1", "Staff describing morale as good (%)", "Workforce", "quality", "frontline_staff"),
  indicator("Library books issued", { id: "X1" }),
];

function area(result: GapResult, name: string) {
  const found = result.areas.find((a) => a.name === name);
  if (found === undefined) throw new Error(`no area ${name}`);
  return found;
}

const ALL_GAPS = ["type:outcome", "type:quality", "type:quantity", "source:children_parents", "source:frontline_staff", "source:case_records", "source:management_information"];

describe("gap analysis of a set that states its placements", () => {
  const result = analyseGaps(SET, framework);

  it("counts each area's indicators by type and by source, exactly", () => {
    const counts = result.areas.map((a) => [a.name, a.group, a.indicators, a.types, a.sources]);
    const none = { children_parents: 0, frontline_staff: 0, case_records: 0, management_information: 0 };
    const zero = { quantity: 0, quality: 0, outcome: 0 };
    expect(counts).toEqual([
      ["Priority service areas", "practice", 3, { quantity: 1, quality: 1, outcome: 1 }, { children_parents: 1, frontline_staff: 0, case_records: 1, management_information: 1 }],
      ["Vulnerable groups of children", "practice", 2, { quantity: 1, quality: 1, outcome: 0 }, { ...none, case_records: 1, management_information: 1 }],
      ["Specific risk issues", "practice", 0, zero, none],
      ["Partnership working", "practice", 2, { quantity: 1, quality: 1, outcome: 0 }, { ...none, frontline_staff: 1, management_information: 1 }],
      ["Workforce", "organisational", 1, { quantity: 0, quality: 1, outcome: 0 }, { ...none, frontline_staff: 1 }],
      ["Safeguarding wisdom, supervision and support", "organisational", 0, zero, none],
      ["Organisational culture", "organisational", 0, zero, none],
      ["Use of resources and evidence-based practice", "organisational", 0, zero, none],
      ["The impact of poverty and poor housing", "wider", 0, zero, none],
    ]);
  });

  it("lists every missing type and source as a gap, most important first", () => {
    const gaps = Object.fromEntries(result.areas.map((a) => [a.name, a.gaps.map((g) => `${g.kind}:${g.missing}`)]));
    expect(gaps).toEqual({
      "Priority service areas": ["source:frontline_staff"],
      "Vulnerable groups of children": ["type:outcome", "source:children_parents", "source:frontline_staff"],
      "Specific risk issues": ALL_GAPS,
      "Partnership working": ["type:outcome", "source:children_parents", "source:case_records"],
      Workforce: ["type:outcome", "type:quantity", "source:children_parents", "source:case_records", "source:management_information"],
      "Safeguarding wisdom, supervision and support": ALL_GAPS,
      "Organisational culture": ALL_GAPS,
      "Use of resources and evidence-based practice": ALL_GAPS,
      "The impact of poverty and poor housing": ALL_GAPS,
    });
  });

  it("gives the balance of types over the placed indicators: 3 quantity, 4 quality, 1 outcome of 8", () => {
    expect(result.balance).toEqual({ quantity: 0.375, quality: 0.5, outcome: 0.125 });
    expect(result.voiceShare).toBe(0.375);
  });

  it("lists the unplaced indicator and the empty areas", () => {
    expect(result.unclassified).toEqual(["Library books issued"]);
    expect(result.emptyAreas).toEqual([
      "Specific risk issues",
      "Safeguarding wisdom, supervision and support",
      "Organisational culture",
      "Use of resources and evidence-based practice",
      "The impact of poverty and poor housing",
    ]);
    expect(result.summary).toEqual({ indicators: 9, placed: 8, unclassified: 1, gaps: 1 + 3 + 7 + 3 + 5 + 7 * 4 });
    expect(result.placements.map((p) => p.confidence)).toEqual(["stated", "stated", "stated", "stated", "stated", "stated", "stated", "stated", "none"]);
  });

  it("keeps the contract's fields, in the contract's shape", () => {
    const json: unknown = JSON.parse(JSON.stringify(result));
    expect(json).toMatchObject({ areas: expect.any(Array), balance: expect.any(Object), unclassified: expect.any(Array) });
    for (const a of result.areas) {
      expect(Object.keys(a).slice(0, 6)).toEqual(["name", "group", "indicators", "types", "sources", "gaps"]);
      for (const g of a.gaps) expect(Object.keys(g)).toEqual(["kind", "missing", "suggestions"]);
    }
  });
});

describe("suggested measures", () => {
  const result = analyseGaps(SET, framework);

  it("fill the gap from the area's catalogue, at most five, best first, preferring sub-areas the set already covers", () => {
    const vulnerable = area(result, "Vulnerable groups of children");
    expect(vulnerable.subAreas).toEqual(["Looked after children"]);
    const outcome = vulnerable.gaps.find((g) => g.missing === "outcome");
    expect(outcome?.suggestions).toHaveLength(5);
    // Looked after children first; of those, the ones that also bring the missing voice of children.
    expect(outcome?.suggestions.slice(0, 3)).toEqual([
      "% of looked after children who say they feel safe in their placement, school and community",
      "% of looked after children who say they are happy",
      "% of looked after children who say they have someone to turn to when they are unhappy",
    ]);
    for (const name of outcome?.suggestions ?? []) {
      const m = framework.catalogue.find((c) => c.name === name);
      expect([name, m?.area, m?.type]).toEqual([name, "Vulnerable groups of children", "outcome"]);
    }
  });

  it("never suggest a measure the set already has", () => {
    const held = new Set(result.placements.flatMap((p) => (p.matchedMeasure ? [p.matchedMeasure] : [])));
    expect(held.has("Number of looked after children")).toBe(true);
    const suggested = result.areas.flatMap((a) => a.gaps.flatMap((g) => g.suggestions));
    for (const name of held) expect(suggested).not.toContain(name);
  });

  it("are empty where the catalogue has no example (Module 5 gives no outcome measure for culture)", () => {
    const culture = area(result, "Organisational culture").gaps.find((g) => g.missing === "outcome");
    expect(culture?.suggestions).toEqual([]);
  });
});

describe("options", () => {
  it("mark priority areas (framework step 6), and refuse an unknown one", () => {
    const result = analyseGaps(SET, framework, { priorities: ["workforce", "Risk issues"] });
    expect(result.areas.filter((a) => a.priority).map((a) => a.name)).toEqual(["Specific risk issues", "Workforce"]);
    expect(() => analyseGaps(SET, framework, { priorities: ["Libraries"] })).toThrow(InputError);
  });

  it("follow the analyst's overrides", () => {
    const result = analyseGaps(SET, framework, { overrides: { X1: { area: "Poverty", type: "outcome", source: "children_parents" } } });
    expect(result.unclassified).toEqual([]);
    const poverty = area(result, "The impact of poverty and poor housing");
    expect([poverty.indicators, poverty.types.outcome, poverty.sources.children_parents]).toEqual([1, 1, 1]);
    // 3, 4 and 2 of 9: 333.3, 444.4 and 222.2 thousandths; the spare thousandth goes to the largest remainder.
    expect(result.balance).toEqual({ quantity: 0.333, quality: 0.445, outcome: 0.222 });
  });

  it("give an all-zero balance when nothing is placed", () => {
    const result = analyseGaps([indicator("Library books issued")], framework);
    expect(result.balance).toEqual({ quantity: 0, quality: 0, outcome: 0 });
    expect(result.voiceShare).toBe(0);
    expect(result.emptyAreas).toHaveLength(9);
    for (const a of result.areas) expect(a.gaps).toHaveLength(7);
  });
});

describe("rounding shares", () => {
  it("keeps three decimals that sum to exactly 1", () => {
    const thirds = roundShares({ a: 1, b: 1, c: 1 }, ["a", "b", "c"]);
    expect(thirds.a + thirds.b + thirds.c).toBeCloseTo(1, 12);
    expect(Object.values(thirds).sort()).toEqual([0.333, 0.333, 0.334]);
    const sevenths = roundShares({ a: 1, b: 2, c: 4 }, ["a", "b", "c"]);
    expect(sevenths).toEqual({ a: 0.143, b: 0.286, c: 0.571 });
  });
});
