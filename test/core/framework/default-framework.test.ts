import {
  AREA,
  LSCB_APPENDIX_CITE,
  QA_FRAMEWORK_CITE,
  SUB,
  defaultFramework,
} from "../../../src/core/framework/default-framework";
import {
  FrameworkSchema,
  InformationSourceSchema,
  InformationTypeSchema,
  type CatalogueMeasure,
  type ContentArea,
  type InformationType,
} from "../../../src/core/model";

const framework = defaultFramework;
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

function area(name: string): ContentArea {
  const found = framework.areas.find((a) => a.name === name);
  if (found === undefined) throw new Error(`no area ${name}`);
  return found;
}

function countByType(list: readonly CatalogueMeasure[]): Record<InformationType, number> {
  const counts: Record<InformationType, number> = { quantity: 0, quality: 0, outcome: 0 };
  for (const m of list) counts[m.type] += 1;
  return counts;
}

describe("default framework (004_67d49ac43a78e918.txt with 003_535365384a188805.txt)", () => {
  it("parses with FrameworkSchema, also after a JSON round trip (it is edited as a JSON file)", () => {
    expect(() => FrameworkSchema.parse(framework)).not.toThrow();
    const roundTripped: unknown = JSON.parse(JSON.stringify(framework));
    expect(FrameworkSchema.parse(roundTripped)).toEqual(framework);
    expect(framework.cite).toBe(QA_FRAMEWORK_CITE);
  });

  it("has the contract's nine areas, in the document's three groups", () => {
    expect(framework.areas.map((a) => [a.name, a.group])).toEqual([
      ["Priority service areas", "practice"],
      ["Vulnerable groups of children", "practice"],
      ["Specific risk issues", "practice"],
      ["Partnership working", "practice"],
      ["Workforce", "organisational"],
      ["Safeguarding wisdom, supervision and support", "organisational"],
      ["Organisational culture", "organisational"],
      ["Use of resources and evidence-based practice", "organisational"],
      ["The impact of poverty and poor housing", "wider"],
    ]);
  });

  it("has the sub-areas Modules 2 to 5 use", () => {
    expect(area(AREA.priority).subAreas).toEqual(
      expect.arrayContaining(["CP and CIN planning", "Children's social care front door", "Antenatal support for vulnerable mothers"]),
    );
    expect(area(AREA.vulnerable).subAreas).toEqual(
      expect.arrayContaining([
        "Looked after children",
        "Children missing education",
        "Children who miss health appointments",
        "Children not registered with a GP",
        "Young people in the secure estate",
        "Gangs",
      ]),
    );
    expect(area(AREA.risk).subAreas).toEqual(expect.arrayContaining(["Domestic violence", "Adult mental health"]));
    expect(area(AREA.wisdom).subAreas).toEqual(["Safeguarding wisdom", "Safeguarding supervision and support"]);
    expect(area(AREA.resources).subAreas).toEqual(["Evidence-based practice", "Use of resources"]);
    expect(area(AREA.poverty).subAreas).toEqual(expect.arrayContaining(["Poverty", "Poor housing and homelessness"]));
    for (const a of framework.areas) expect(new Set(a.subAreas).size).toBe(a.subAreas.length);
    expect(framework.areas.reduce((n, a) => n + a.subAreas.length, 0)).toBe(29);
    expect(Object.values(SUB).sort()).toEqual(framework.areas.flatMap((a) => a.subAreas).sort());
  });

  it("gives every area a short summary of good, scrutiny questions and keywords", () => {
    for (const a of framework.areas) {
      const sentences = a.goodLooksLike.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect(a.questions.length).toBeGreaterThanOrEqual(5);
      for (const q of a.questions) expect(q.trim().endsWith("?")).toBe(true);
      expect(a.keywords.length).toBeGreaterThanOrEqual(10);
      expect(new Set(a.keywords.map(norm)).size).toBe(a.keywords.length);
    }
  });

  it("places the keywords the gap analysis relies on in the expected areas", () => {
    const expected: Record<string, string[]> = {
      [AREA.priority]: ["child protection", "CP plan", "conference", "referral", "assessment", "MASH", "front door"],
      [AREA.vulnerable]: ["looked after", "care leaver", "disabled", "missing", "exploitation", "CSE", "young carers"],
      [AREA.risk]: ["domestic abuse", "substance", "mental health", "neglect", "FGM"],
      [AREA.workforce]: ["caseload", "vacancy", "turnover"],
      [AREA.wisdom]: ["training", "supervision"],
      [AREA.partnership]: ["Section 11", "audit", "attendance at"],
      [AREA.poverty]: ["poverty", "housing", "homeless"],
    };
    for (const [name, words] of Object.entries(expected)) expect(area(name).keywords).toEqual(expect.arrayContaining(words));
  });

  it("places every catalogue measure in an existing area and one of its sub-areas (or none)", () => {
    for (const m of framework.catalogue) {
      const a = framework.areas.find((x) => x.name === m.area);
      expect(a).toBeDefined();
      if (m.subArea !== null) expect(a?.subAreas).toContain(m.subArea);
      expect([QA_FRAMEWORK_CITE, LSCB_APPENDIX_CITE]).toContain(m.cite);
      for (const alias of m.aliases ?? []) expect([QA_FRAMEWORK_CITE, LSCB_APPENDIX_CITE]).toContain(alias.cite);
    }
  });

  it("has no two measures with the same name (or alias) in the same area", () => {
    for (const a of framework.areas) {
      const names = framework.catalogue.filter((m) => m.area === a.name).map((m) => norm(m.name));
      expect(names.length - new Set(names).size).toBe(0);
      const own = new Set(names);
      for (const m of framework.catalogue.filter((x) => x.area === a.name)) {
        for (const alias of m.aliases ?? []) {
          if (norm(alias.name) !== norm(m.name)) expect(own.has(norm(alias.name))).toBe(false);
        }
      }
    }
  });

  it("has Module 5's measures of each type in every area, except outcome measures for organisational culture", () => {
    // Counts as found in Module 5 (bulleted alternatives that are measures in their own right split).
    const module5: Record<string, Record<InformationType, number>> = {
      [AREA.priority]: { quantity: 9, quality: 25, outcome: 13 },
      [AREA.vulnerable]: { quantity: 9, quality: 7, outcome: 9 },
      [AREA.risk]: { quantity: 12, quality: 21, outcome: 19 },
      [AREA.partnership]: { quantity: 3, quality: 9, outcome: 4 },
      [AREA.workforce]: { quantity: 7, quality: 19, outcome: 3 },
      [AREA.wisdom]: { quantity: 9, quality: 14, outcome: 2 },
      [AREA.culture]: { quantity: 7, quality: 10, outcome: 0 },
      [AREA.resources]: { quantity: 4, quality: 6, outcome: 3 },
      [AREA.poverty]: { quantity: 5, quality: 4, outcome: 11 },
    };
    const fromAppendix: Record<string, Record<InformationType, number>> = {
      [AREA.priority]: { quantity: 8, quality: 7, outcome: 0 },
      [AREA.vulnerable]: { quantity: 8, quality: 4, outcome: 7 },
      [AREA.risk]: { quantity: 8, quality: 2, outcome: 0 },
      [AREA.partnership]: { quantity: 4, quality: 6, outcome: 0 },
      [AREA.workforce]: { quantity: 1, quality: 4, outcome: 0 },
      [AREA.wisdom]: { quantity: 0, quality: 0, outcome: 0 },
      [AREA.culture]: { quantity: 0, quality: 0, outcome: 0 },
      [AREA.resources]: { quantity: 0, quality: 0, outcome: 0 },
      [AREA.poverty]: { quantity: 0, quality: 0, outcome: 6 },
    };
    for (const a of framework.areas) {
      const inArea = framework.catalogue.filter((m) => m.area === a.name);
      expect([a.name, countByType(inArea.filter((m) => m.cite === QA_FRAMEWORK_CITE))]).toEqual([a.name, module5[a.name]]);
      expect([a.name, countByType(inArea.filter((m) => m.cite === LSCB_APPENDIX_CITE))]).toEqual([a.name, fromAppendix[a.name]]);
    }
    expect(framework.catalogue.filter((m) => m.cite === QA_FRAMEWORK_CITE)).toHaveLength(244);
    expect(framework.catalogue.filter((m) => m.cite === LSCB_APPENDIX_CITE)).toHaveLength(65);
    expect(framework.catalogue).toHaveLength(309);
  });

  it("gives each of Module 5's CP/CIN, antenatal, front-door, DV and mental-health tables measures of every type", () => {
    for (const sub of [SUB.cpCin, SUB.antenatal, SUB.frontDoor, SUB.dv, SUB.amh]) {
      const counts = countByType(framework.catalogue.filter((m) => m.subArea === sub && m.cite === QA_FRAMEWORK_CITE));
      for (const t of InformationTypeSchema.options) expect([sub, t, counts[t] > 0]).toEqual([sub, t, true]);
    }
  });

  it("keeps the appendix's lists, merging obvious duplicates into one measure with an alias", () => {
    const byName = (name: string): CatalogueMeasure | undefined => framework.catalogue.find((m) => m.name === name);
    // Listed twice in 003 (Children's Services no 14 and NSDU no 2).
    const conferences = byName(
      "Percentage of initial child protection conferences which were held within 15 working days of the start of the s47 enquiries which led to the conference",
    );
    expect(conferences?.aliases).toEqual([{ name: "% of initial case Conferences held within 15 days of start S47 enquiry", cite: LSCB_APPENDIX_CITE }]);
    // A 003 indicator that is a Module 5 measure.
    const repeatPlans = byName("% of children subject to CP plan who had previously been subject to a CP plan");
    expect(repeatPlans?.cite).toBe(QA_FRAMEWORK_CITE);
    expect(repeatPlans?.aliases?.[0]?.cite).toBe(LSCB_APPENDIX_CITE);
    // Each of the four lists is represented.
    for (const name of [
      "Children privately fostered: current number", // initial list
      "Emotional and behavioural health of looked after children", // Children's Services indicators
      "Children's social worker turnover rate", // National Safeguarding Delivery Unit
      "Numbers of children added to the Child Protection List", // routine CP-plan monitoring
    ]) {
      expect(byName(name)?.cite).toBe(LSCB_APPENDIX_CITE);
    }
    expect(byName("Female genital mutilation")?.area).toBe(AREA.risk);
    expect(byName("Children who may have been trafficked")?.area).toBe(AREA.vulnerable);
    expect(byName("Children's social worker vacancy rate")?.area).toBe(AREA.workforce);
    expect(byName("Agency Attendance at Child Protection Conferences")?.area).toBe(AREA.partnership);
    const aliasCount = framework.catalogue.reduce((n, m) => n + (m.aliases?.length ?? 0), 0);
    expect(aliasCount).toBe(10);
  });

  it("has methods for all four sources", () => {
    expect(Object.keys(framework.methods).sort()).toEqual([...InformationSourceSchema.options].sort());
    for (const source of InformationSourceSchema.options) expect(framework.methods[source].length).toBeGreaterThanOrEqual(3);
  });

  it("draws measures from all four sources", () => {
    const sources = new Set(framework.catalogue.map((m) => m.source));
    expect([...sources].sort()).toEqual([...InformationSourceSchema.options].sort());
  });
});
