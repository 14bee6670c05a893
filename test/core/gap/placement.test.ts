import { defaultFramework } from "../../../src/core/framework/default-framework";
import { InputError } from "../../../src/core/errors";
import { createPlacer, placeIndicators, STRONG_MATCH } from "../../../src/core/gap";
import { buildCatalogueIndex } from "../../../src/core/gap/catalogue-index";
import { buildKeywordIndex } from "../../../src/core/gap/keywords";
import { inferSource, inferType } from "../../../src/core/gap/wording";
import type { CatalogueMeasure } from "../../../src/core/model";
import { indicator } from "./kit";
import { REWORDINGS } from "./rewordings";

const framework = defaultFramework;
const placer = createPlacer(framework);

function measure(name: string): CatalogueMeasure {
  const found = framework.catalogue.find((m) => m.name === name);
  if (found === undefined) throw new Error(`not in the catalogue: ${name}`);
  return found;
}

describe("placing reworded catalogue measures", () => {
  it("puts at least 90% of partnership rewordings in the measure's own area and type", () => {
    expect(REWORDINGS.length).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    let right = 0;
    let exact = 0;
    for (const r of REWORDINGS) {
      const expected = measure(r.original);
      const p = placer.place(indicator(r.reworded));
      if (p.area === expected.area && p.type === expected.type) right += 1;
      else misses.push(`${r.reworded} -> ${p.area ?? "none"} / ${p.type ?? "none"} (expected ${expected.area} / ${expected.type})`);
      if (p.matchedMeasure === r.original) exact += 1;
    }
    const accuracy = right / REWORDINGS.length;
    console.log(
      `Placement of ${REWORDINGS.length} reworded catalogue measures: area and type right for ${right} (accuracy ${accuracy.toFixed(3)}); ` +
        `matched to the exact measure for ${exact}.${misses.length > 0 ? `\nMisses:\n  ${misses.join("\n  ")}` : ""}`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("treats the contract's example pair as one measure", () => {
    const index = buildCatalogueIndex(framework.catalogue);
    const [best] = index.rank("Percentage of child protection cases reviewed within required timescales");
    expect(best?.measure.name).toBe("% of CP/CIN cases reviewed within timescales");
    expect(best?.score).toBeGreaterThan(0.9);
    const p = placer.place(indicator("% of CP/CIN cases reviewed within timescales"));
    expect(p).toMatchObject({ area: "Priority service areas", subArea: "CP and CIN planning", type: "quality", source: "management_information", confidence: "catalogue", score: 1, matchScore: 1 });
  });

  it("reports a catalogue placement with its score and matched measure", () => {
    const p = placer.place(indicator("No. of CLA (snapshot at quarter end)"));
    expect(p.confidence).toBe("catalogue");
    expect(p.matchedMeasure).toBe("Number of looked after children");
    expect(p.score).toBeGreaterThanOrEqual(STRONG_MATCH);
    expect(p.score).toBeLessThan(1);
    expect(p.matchScore).toBe(p.score);
    expect(p.basis).toEqual({ area: "catalogue", type: "catalogue", source: "catalogue" });
  });
});

describe("keywords", () => {
  const keywords = buildKeywordIndex(framework);

  it("match on word boundaries only: LAC is not in 'place', TAF not in 'staff', DV not in 'DVDs'", () => {
    expect(keywords.vote("Children placed at a distance from home").some((v) => v.hits.some((h) => h.keyword === "LAC"))).toBe(false);
    expect(keywords.vote("Staff turnover rate").map((v) => v.area)).toEqual(["Workforce"]);
    expect(keywords.vote("Number of DVDs issued to schools")).toEqual([]);
    expect(keywords.vote("LAC with three placements")[0]?.area).toBe("Vulnerable groups of children");
    expect(keywords.vote("Incidents of DV reported")[0]?.area).toBe("Specific risk issues");
  });

  it("prefer the longest phrase: 'adolescent mental health' is a priority service, not parental mental health", () => {
    const votes = keywords.vote("Waiting times for adolescent mental health services");
    expect(votes.map((v) => v.area)).toEqual(["Priority service areas"]);
    expect(keywords.vote("Referrals where parental mental health is a factor")[0]?.area).toBe("Specific risk issues");
  });

  it("place an indicator the catalogue does not know, as inferred", () => {
    const p = placer.place(indicator("Number of LADO referrals"));
    expect(p).toMatchObject({ area: "Workforce", type: "quantity", source: "management_information", confidence: "inferred" });
    expect(p.matchedMeasure).toBeUndefined();
  });
});

describe("type and source from the wording", () => {
  it("reads counts as quantity", () => {
    for (const name of ["Number of contacts to the MASH", "No. of strategy discussions", "Total early help assessments", "Children in need per 10,000"]) {
      expect([name, inferType(name)]).toEqual([name, "quantity"]);
    }
  });

  it("reads what children and parents say about their lives as outcome, and about the service as quality", () => {
    expect([inferType("% of children who say they feel safe at home"), inferSource("% of children who say they feel safe at home")]).toEqual(["outcome", "children_parents"]);
    expect([inferType("Young people reporting that life is better (%)"), inferSource("Young people reporting that life is better (%)")]).toEqual(["outcome", "children_parents"]);
    expect([inferType("% of parents who felt they were treated with respect"), inferSource("% of parents who felt they were treated with respect")]).toEqual(["quality", "children_parents"]);
  });

  it("reads audits as quality from case records and staff views as frontline staff", () => {
    expect([inferType("% of case files audited as good or better"), inferSource("% of case files audited as good or better")]).toEqual(["quality", "case_records"]);
    expect([inferType("Practitioners who feel confident to challenge (%)"), inferSource("Practitioners who feel confident to challenge (%)")]).toEqual(["quality", "frontline_staff"]);
    expect(inferSource("Schools returning their Section 11 audit (%)")).toBe("management_information");
    expect(inferSource("Missing episodes reported to police")).toBe("management_information");
  });

  it("reads timeliness as the framework does: a percentage within timescales is quality, a count is quantity", () => {
    expect(inferType("Single assessments completed within 45 working days (%)")).toBe("quality");
    expect(inferType("Strategy discussions held within 24 hours")).toBe("quality");
    expect(inferType("Number of assessments completed in timescale")).toBe("quantity");
    // The rule reproduces the catalogue's own reading of every timeliness percentage it holds.
    const timeliness = framework.catalogue.filter((m) => /^(?:%|percentage)/i.test(m.name) && /within .*(?:timescale|days)/i.test(m.name));
    expect(timeliness.length).toBeGreaterThanOrEqual(6);
    for (const m of timeliness) expect([m.name, inferType(m.name)]).toEqual([m.name, m.type]);
  });

  it("reads outcomes: repeats, harm stopped, wider outcomes", () => {
    for (const name of ["Re-referrals within 12 months (%)", "Repeat MARAC cases (%)", "Cases where domestic abuse ceased at closure (%)", "Permanent exclusions of children with a social worker", "Under 18 conceptions"]) {
      expect([name, inferType(name)]).toEqual([name, "outcome"]);
    }
  });
});

describe("stated placements and unplaced indicators", () => {
  it("uses the set's own columns, resolving shortened area names", () => {
    const p = placer.place(indicator("Something the catalogue has never heard of", { contentArea: "vulnerable groups", type: "outcome", source: "frontline_staff" }));
    expect(p).toMatchObject({ area: "Vulnerable groups of children", type: "outcome", source: "frontline_staff", confidence: "stated", score: 1 });
  });

  it("fills the fields the set leaves blank from the catalogue, and says so", () => {
    const p = placer.place(indicator("% of CP/CIN cases reviewed within timescales", { contentArea: "Priority services" }));
    expect(p).toMatchObject({ area: "Priority service areas", type: "quality", source: "management_information", confidence: "catalogue", score: 1, matchScore: 1 });
    expect(p.basis).toEqual({ area: "stated", type: "catalogue", source: "catalogue" });
  });

  it("places a sub-area named as the content area in its area", () => {
    expect(placer.place(indicator("Something", { contentArea: "Looked after children" }))).toMatchObject({ area: "Vulnerable groups of children", subArea: "Looked after children" });
  });

  it("leaves an indicator that fits no area unplaced, with confidence none", () => {
    const p = placer.place(indicator("Library books issued"));
    expect(p).toMatchObject({ area: null, subArea: null, confidence: "none", score: 0 });
  });
});

describe("the analyst's overrides", () => {
  const set = [indicator("Library books issued", { id: "LIB1" }), indicator("Number of LADO referrals", { id: "W1" }), indicator("Potholes repaired")];

  it("confirm or change a placement by indicator ID or by name", () => {
    const placed = placeIndicators(set, framework, {
      LIB1: { area: "The impact of poverty and poor housing", type: "quantity", source: "management_information" },
      "number of lado REFERRALS": { type: "quality" },
    });
    expect(placed[0]).toMatchObject({ area: "The impact of poverty and poor housing", type: "quantity", confidence: "stated", confirmed: true });
    expect(placed[1]).toMatchObject({ area: "Workforce", type: "quality", confirmed: true });
    expect(placed[1]?.basis).toEqual({ area: "inferred", type: "stated", source: "inferred" });
    expect(placed[2]?.confirmed).toBeUndefined();
  });

  it("can take an indicator out of every area", () => {
    const [p] = placeIndicators([indicator("Number of LADO referrals", { id: "W1" })], framework, { W1: { area: null } });
    expect(p).toMatchObject({ area: null, confidence: "none", confirmed: true });
  });

  it("refuse an area the framework does not have, in one sentence", () => {
    expect(() => placeIndicators(set, framework, { LIB1: { area: "Libraries" } })).toThrow(InputError);
    expect(() => placeIndicators(set, framework, { LIB1: { area: "Libraries" } })).toThrow('The placement given for "Library books issued" names the area "Libraries", which is not one of the framework\'s areas.');
  });
});
