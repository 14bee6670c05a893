import { runCli as run, sha256File as sha256 } from "./run-cli";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultFramework, frameworkToJson } from "../../src/core/framework";

const SAMPLE = path.resolve(__dirname, "../../assets/samples/indicator-set.csv");



interface GapJson {
  areas: { name: string; group: string; indicators: number; types: Record<string, number>; sources: Record<string, number>; gaps: { kind: string; missing: string; suggestions: string[] }[] }[];
  balance: { quantity: number; quality: number; outcome: number };
  unclassified: string[];
  placements: { indicatorId: string; area: string | null; confidence: string }[];
}

describe("sgp gap", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-gap-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("measures the sample indicator set against the framework, leaving the input unchanged", async () => {
    const before = sha256(SAMPLE);
    const json = path.join(dir, "gap.json");
    const xlsx = path.join(dir, "gap.xlsx");
    const { code, out, err } = await run("gap", SAMPLE, "--json", json, "--out", xlsx);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^Placed 21 of 21 indicators/);
    expect(sha256(SAMPLE)).toBe(before);

    const result = JSON.parse(fs.readFileSync(json, "utf8")) as GapJson;
    expect(result.areas.map((a) => a.name)).toEqual(defaultFramework.areas.map((a) => a.name));
    // The sample states every row's area, type and source: 8 priority-service indicators of 21.
    const priority = result.areas[0];
    expect(priority).toMatchObject({ name: "Priority service areas", group: "practice", indicators: 8, types: { quantity: 5, quality: 1, outcome: 2 } });
    expect(priority?.sources).toEqual({ children_parents: 0, frontline_staff: 0, case_records: 1, management_information: 7 });
    expect(result.areas.reduce((n, a) => n + a.indicators, 0)).toBe(21);
    expect(result.balance.quantity + result.balance.quality + result.balance.outcome).toBeCloseTo(1, 9);
    expect(result.unclassified).toEqual([]);
    expect(result.placements.every((p) => p.confidence === "stated")).toBe(true);
    const risk = result.areas.find((a) => a.name === "Specific risk issues");
    expect(risk?.gaps.map((g) => `${g.kind}:${g.missing}`)).toContain("type:outcome");
    expect(risk?.gaps.find((g) => g.missing === "outcome")?.suggestions.length).toBeGreaterThan(0);

    const bytes = fs.readFileSync(xlsx);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("reads an ingest JSON and uses its indicators", async () => {
    const ingest = path.join(dir, "ingest.json");
    const ind = (id: string, name: string) => ({ id, name, agency: null, unit: null, polarity: null, target: null, contentArea: null, type: null, source: null, frequency: null });
    fs.writeFileSync(ingest, JSON.stringify({ observations: [], indicators: [ind("A", "% of CP/CIN cases reviewed within timescales"), ind("B", "Library books issued")], warnings: [] }));
    const json = path.join(dir, "gap.json");
    const { code } = await run("gap", ingest, "--json", json);
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, "utf8")) as GapJson;
    expect(result.placements.map((p) => [p.indicatorId, p.area, p.confidence])).toEqual([
      ["A", "Priority service areas", "catalogue"],
      ["B", null, "none"],
    ]);
    expect(result.unclassified).toEqual(["Library books issued"]);
  });

  it("uses a partnership's own framework file", async () => {
    const file = path.join(dir, "framework.json");
    const data = JSON.parse(frameworkToJson(defaultFramework)) as { areas: { name: string; priority?: boolean }[] };
    for (const a of data.areas) if (a.name === "Workforce") a.priority = true;
    fs.writeFileSync(file, JSON.stringify(data));
    const json = path.join(dir, "gap.json");
    expect((await run("gap", SAMPLE, "--json", json, "--framework", file)).code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, "utf8")) as { areas: { name: string; priority: boolean }[] };
    expect(result.areas.filter((a) => a.priority).map((a) => a.name)).toEqual(["Workforce"]);
  });

  it("refuses a bad framework file with exit 2 and one line naming the file and the problem", async () => {
    const file = path.join(dir, "framework.json");
    const data = JSON.parse(frameworkToJson(defaultFramework)) as { areas: { group: string }[] };
    if (data.areas[0]) data.areas[0].group = "frontline";
    fs.writeFileSync(file, JSON.stringify(data));
    const json = path.join(dir, "gap.json");
    const { code, err } = await run("gap", SAMPLE, "--json", json, "--framework", file);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err.trim()).toBe('"framework.json" is not a framework this tool can use: at areas, item 1, group, expected one of "practice", "organisational", "wider".');
    expect(fs.existsSync(json)).toBe(false);
  });

  it("refuses a set without an Indicator column in one line", async () => {
    const csv = path.join(dir, "set.csv");
    fs.writeFileSync(csv, "Code,Title\nA,Something\n");
    const { code, err } = await run("gap", csv, "--json", path.join(dir, "gap.json"));
    expect(code).toBe(2);
    expect(err.trim()).toMatch(/^"set\.csv" has no 'Indicator' column: the first row should hold headings such as Indicator ID, Indicator/);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  it("never writes over its input", async () => {
    const csv = path.join(dir, "set.csv");
    fs.copyFileSync(SAMPLE, csv);
    const before = sha256(csv);
    const { code, err } = await run("gap", csv, "--json", csv);
    expect(code).toBe(2);
    expect(err).toMatch(/never changes an input file/);
    expect(sha256(csv)).toBe(before);
  });
});
