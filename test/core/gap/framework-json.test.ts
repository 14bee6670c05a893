import { InputError } from "../../../src/core/errors";
import { defaultFramework, frameworkToJson, parseFrameworkJson } from "../../../src/core/framework";
import { analyseGaps, createPlacer } from "../../../src/core/gap";
import type { Framework } from "../../../src/core/model";
import { indicator } from "./kit";

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** What a partnership does to the exported file in a text editor. */
function editedFrameworkText(): string {
  const data = JSON.parse(frameworkToJson(defaultFramework)) as Framework;
  data.areas.push({
    name: "Early help",
    group: "practice",
    subAreas: ["Early help assessments"],
    goodLooksLike: "Families get help as soon as problems emerge. Help is coordinated by a lead professional.",
    questions: ["How many families step down from social care to early help?"],
    keywords: ["early help assessment", "family support", "EHA", "step down"],
  });
  // Move a Module 5 measure from Partnership working to the new area.
  const caf = data.catalogue.find((m) => m.name === "Number of CAFs completed");
  if (caf === undefined) throw new Error("the default catalogue has changed");
  caf.area = "Early help";
  caf.subArea = "Early help assessments";
  data.catalogue.push({ name: "% of early help assessments where the family's situation improved", area: "Early help", subArea: "Early help assessments", type: "outcome", source: "case_records", cite: "our own" });
  data.version = "local-1";
  return JSON.stringify(data, null, 2);
}

describe("the framework as an editable JSON file", () => {
  it("round-trips unchanged", () => {
    const text = frameworkToJson(defaultFramework);
    expect(text.endsWith("\n")).toBe(true);
    expect(parseFrameworkJson(text, "framework.json")).toEqual(defaultFramework);
  });

  it("is followed by the analysis once edited: the new area appears and a moved measure is placed in its new area", () => {
    const edited = parseFrameworkJson(editedFrameworkText(), "framework.json");
    const reworded = indicator("No. of CAFs completed in the quarter", { id: "EH1" });
    expect(createPlacer(defaultFramework).place(reworded).area).toBe("Partnership working");

    const result = analyseGaps([reworded, indicator("Number of families stepped down to family support", { id: "EH2" })], edited);
    expect(result.framework).toEqual({ name: defaultFramework.name, version: "local-1" });
    expect(result.areas.map((a) => a.name)).toContain("Early help");
    expect(result.areas).toHaveLength(10);
    const placed = Object.fromEntries(result.placements.map((p) => [p.indicatorId, [p.area, p.confidence]]));
    expect(placed).toEqual({ EH1: ["Early help", "catalogue"], EH2: ["Early help", "inferred"] });
    const early = result.areas.find((a) => a.name === "Early help");
    expect(early).toMatchObject({ group: "practice", indicators: 2, types: { quantity: 2, quality: 0, outcome: 0 } });
    expect(early?.gaps.find((g) => g.missing === "outcome")?.suggestions).toEqual(["% of early help assessments where the family's situation improved"]);
    expect(result.areas.find((a) => a.name === "Partnership working")?.indicators).toBe(0);
  });

  it("names the file and the first problem, with the place in the file in words", () => {
    const data = JSON.parse(frameworkToJson(defaultFramework)) as { areas: { group: string }[] };
    const area = data.areas[2];
    if (area === undefined) throw new Error("no third area");
    area.group = "wider picture";
    const e = thrown(() => parseFrameworkJson(JSON.stringify(data), "framework.json"));
    expect(e.message).toBe('"framework.json" is not a framework this tool can use: at areas, item 3, group, expected one of "practice", "organisational", "wider".');
    expect(e.file).toBe("framework.json");
  });

  it("says when a required field is missing, when a measure's area does not exist, and when the text is not JSON", () => {
    const noAreas = JSON.parse(frameworkToJson(defaultFramework)) as Record<string, unknown>;
    delete noAreas.areas;
    expect(thrown(() => parseFrameworkJson(JSON.stringify(noAreas), "f.json")).message).toBe('"f.json" is not a framework this tool can use: at areas, a required array is missing.');

    const stray = JSON.parse(frameworkToJson(defaultFramework)) as Framework;
    const first = stray.catalogue[0];
    if (first === undefined) throw new Error("empty catalogue");
    first.area = "Priority services";
    expect(thrown(() => parseFrameworkJson(JSON.stringify(stray), "f.json")).message).toBe(
      `"f.json" is not a framework this tool can use: at catalogue, item 1, the measure "${first.name}" is in the area "Priority services", which is not one of the framework's areas.`,
    );

    expect(thrown(() => parseFrameworkJson("{ areas: [", "f.json")).message).toMatch(/^"f\.json" is not a framework this tool can read: it is not valid JSON \(.+\)\.$/);
  });
});
