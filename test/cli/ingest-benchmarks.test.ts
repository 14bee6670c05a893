/**
 * `ingest --benchmarks` through the command line, on the bundled samples: the scorecard with
 * England, region and neighbour columns and a trend chart per linked indicator; the map given,
 * or suggested from the names (each link a warning, and exit 1: a person must check them); the
 * JSON's "benchmarks" addition; inputs never changed; bad options and a bad map refused in one
 * sentence.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { readWorkbookFile } from "../../src/files/node";
import { snapshotXlsx } from "../../src/files/snapshot";
import { runCli as run, sha256File as sha256 } from "./run-cli";

const SAMPLES = path.resolve(__dirname, "../../assets/samples");
const SCORECARD = path.join(SAMPLES, "partnership-scorecard-q2-2025-26.xlsx");
const DATA = path.join(SAMPLES, "open-data", "children-in-need.csv");
const LIST = path.join(SAMPLES, "open-data", "statistical-neighbours.xlsx");
const MAP = path.join(SAMPLES, "open-data", "benchmark-map.json");

interface Linked {
  indicatorId: string | null;
  column: string;
  linkedBy: "map" | "name";
  confidence?: string;
  published: { england: number | null; region: number | null; neighbours: { mean: number | null; count: number; leftOut: number }; trend: unknown[] };
}
interface IngestJson {
  observations: unknown[];
  indicators: unknown[];
  warnings: { code: string; message: string }[];
  benchmarks: { area: { name: string; region: string }; neighbours: string[]; files: string[]; indicators: Linked[]; map: { links: { indicatorId: string; column: string }[] } };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-ingest-benchmarks-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const readJson = (file: string): IngestJson => JSON.parse(fs.readFileSync(file, "utf8")) as IngestJson;
const args = (json: string, more: string[] = []) => ["ingest", SCORECARD, "--json", json, "--benchmarks", DATA, "--area", "Northshire", "--neighbours", LIST, ...more];

describe("ingest --benchmarks on the bundled samples", () => {
  it("with the sample map: exit 0, the three links it names, and the comparator columns and charts on the Scorecard sheet", async () => {
    const before = [SCORECARD, DATA, LIST, MAP].map(sha256);
    const json = path.join(dir, "o.json");
    const xlsx = path.join(dir, "o.xlsx");
    const { code, err } = await run(...args(json, ["--benchmark-map", MAP, "--out", xlsx]));
    expect(err).toBe("");
    expect(code).toBe(0);
    expect([SCORECARD, DATA, LIST, MAP].map(sha256)).toEqual(before);

    const result = readJson(json);
    // The contract's fields are all there; "benchmarks" is an addition.
    expect(Object.keys(result)).toEqual(["observations", "indicators", "warnings", "benchmarks"]);
    expect(result.benchmarks.area).toMatchObject({ name: "Northshire", region: "North East" });
    expect(result.benchmarks.neighbours).toHaveLength(10);
    expect(result.benchmarks.indicators.map((b) => [b.indicatorId, b.column, b.linkedBy])).toEqual([
      ["CSC01", "rereferrals_percent", "map"],
      ["CSC02", "assessments_within_45_days_percent", "map"],
      ["CSC06", "cpp_rate_per_10000", "map"],
    ]);
    expect(result.warnings.map((w) => w.code)).not.toContain("BENCHMARK_MAP_SUGGESTED");

    const sheet = (await readWorkbookFile(xlsx)).sheets.find((s) => s.sheet === "Scorecard")!;
    const cells = sheet.rows.map((row) => row.map((c) => c.value));
    const heading = cells.findIndex((row) => row[0] === "Indicator");
    const head = cells[heading]!;
    for (const h of ["Official figures for", "England", "North East", "Neighbours' mean", "Neighbours with a figure", "Neighbours left out", "Against England", "Trend"]) expect(head).toContain(h);
    for (const b of result.benchmarks.indicators) {
      const row = cells.find((r) => typeof r[0] === "string" && r[1] === b.indicatorId)!;
      expect([row[head.indexOf("England")], row[head.indexOf("North East")], row[head.indexOf("Neighbours' mean")], row[head.indexOf("Neighbours left out")]]).toEqual([
        b.published.england,
        b.published.region,
        b.published.neighbours.mean,
        b.published.neighbours.leftOut,
      ]);
    }
    const snap = await snapshotXlsx(fs.readFileSync(xlsx));
    expect(snap.sheets.find((s) => s.name === "Scorecard")?.charts.map((c) => [c.kind, c.title])).toEqual([
      ["lineMarkers", "CSC01: Northshire and England"],
      ["lineMarkers", "CSC02: Northshire and England"],
      ["lineMarkers", "CSC06: Northshire and England"],
    ]);
    // The Against England words are formulas of the sheet, not text written once.
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect((sheetXml.match(/<f>IF\(AND\(ISNUMBER\([^<]*Better than England/g) ?? []).length).toBe(3);
  });

  it("without a map: the same links made from the names, each a warning saying how sure, and exit 1 until someone checks them", async () => {
    const json = path.join(dir, "o.json");
    const { code, err } = await run(...args(json));
    expect(code).toBe(1);
    expect(err).toContain("BENCHMARK_MAP_SUGGESTED: CSC01 “Re-referrals to children's social care within 12 months (%)” was linked by its name to rereferrals_percent");
    const result = readJson(json);
    expect(result.benchmarks.indicators.map((b) => [b.indicatorId, b.linkedBy, b.confidence])).toEqual([
      ["CSC01", "name", "close"],
      ["CSC02", "name", "close"],
      ["CSC06", "name", "close"],
    ]);
    expect(result.warnings.filter((w) => w.code === "BENCHMARK_MAP_SUGGESTED")).toHaveLength(3);
    expect(result.warnings.find((w) => w.code === "BENCHMARK_MAP_UNMATCHED")?.message).toMatch(/^No published figure in children-in-need\.csv matches the name of 15 indicators/);
    // The suggested map is the committed sample map: saving the JSON's map gives the file the demo uses.
    const committed = JSON.parse(fs.readFileSync(MAP, "utf8")) as { links: unknown[] };
    expect(result.benchmarks.map.links).toEqual(committed.links);
  });

  it("says how many neighbours' figures were left out of each mean", async () => {
    const json = path.join(dir, "o.json");
    await run(...args(json, ["--benchmark-map", MAP]));
    const result = readJson(json);
    const leftOut = result.benchmarks.indicators.filter((b) => b.published.neighbours.leftOut > 0);
    expect(leftOut.length).toBeGreaterThan(0);
    const note = result.warnings.find((w) => w.code === "BENCHMARK_NEIGHBOURS_LEFT_OUT")?.message ?? "";
    for (const b of leftOut) expect(note).toContain(`${b.indicatorId} ${b.published.neighbours.leftOut}`);
  });

  it("without --neighbours, the neighbour columns are empty and a note says where the list is published", async () => {
    const json = path.join(dir, "o.json");
    const { code } = await run("ingest", SCORECARD, "--json", json, "--benchmarks", DATA, "--area", "951", "--benchmark-map", MAP);
    expect(code).toBe(0);
    const result = readJson(json);
    expect(result.benchmarks.indicators.every((b) => b.published.neighbours.mean === null && b.published.neighbours.count === 0)).toBe(true);
    expect(result.warnings.find((w) => w.code === "BENCHMARK_NO_NEIGHBOUR_LIST")?.message).toContain("LAIT");
  });
});

describe("ingest --benchmarks refuses what it cannot use, in one sentence", () => {
  it.each([
    [["--area", "Northshire"], /^--area goes with --benchmarks/],
    [["--benchmarks", DATA], /^--benchmarks needs --area/],
    [["--benchmarks", DATA, "--area", "Northshre"], /^No local authority "Northshre" in children-in-need\.csv\. Did you mean Northshire \(951\)\?/],
    [["--benchmarks", SCORECARD, "--area", "Northshire"], /is not official statistics in the open data format/],
  ])("%j", async (extra, message) => {
    const { code, err, out } = await run("ingest", SCORECARD, "--json", path.join(dir, "o.json"), ...extra);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(message);
    expect(fs.existsSync(path.join(dir, "o.json"))).toBe(false);
  });

  it("a map that is not JSON, or not a map, names the file and the problem", async () => {
    const notJson = path.join(dir, "map.json");
    fs.writeFileSync(notJson, "{ links: ");
    let r = await run(...args(path.join(dir, "o.json"), ["--benchmark-map", notJson]));
    expect([r.code, r.err.trim()]).toEqual([2, `The benchmark map ${notJson} is not valid JSON.`]);
    fs.writeFileSync(notJson, JSON.stringify({ links: [{ column: "cin_count" }] }));
    r = await run(...args(path.join(dir, "o.json"), ["--benchmark-map", notJson]));
    expect([r.code, r.err.trim()]).toEqual([2, `The benchmark map ${notJson} cannot be used: links → item 1: give the indicator's ID or its name.`]);
  });

  it("will not write over an input", async () => {
    const copy = path.join(dir, "cin.csv");
    fs.copyFileSync(DATA, copy);
    const before = sha256(copy);
    const { code, err } = await run("ingest", SCORECARD, "--json", path.join(dir, "o.json"), "--out", copy, "--benchmarks", copy, "--area", "Northshire");
    expect(code).toBe(2);
    expect(err).toMatch(/^--out .* is the input file itself/);
    expect(sha256(copy)).toBe(before);
  });
});
