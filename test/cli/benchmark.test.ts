/**
 * `benchmark` end to end through the command line (../shared/contract/CLI.md): the bundled
 * samples, the contract's JSON, the sheet, exit codes and one plain line for unusable input;
 * then the Department's own children-in-need file and neighbour list for three authorities (a
 * metropolitan borough, a London borough, a county), every figure worked out again here from
 * the CSV text and the workbook read with ExcelJS, not with the product's readers.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readWorkbookFile } from "../../src/files/node";
import { csvRecords, sharedFile, withSharedFiles } from "../core/opendata/shared";
import { runCli as run, sha256File as sha256 } from "./run-cli";

const SAMPLES = path.resolve(__dirname, "../../assets/samples/open-data");
const DATA = path.join(SAMPLES, "children-in-need.csv");
const LIST = path.join(SAMPLES, "statistical-neighbours.xlsx");

interface Row {
  indicator: string;
  breakdown: Record<string, string>;
  period: { start: string; end: string; label: string };
  unit: string;
  value: number | null;
  status: string;
  england: number | null;
  region: number | null;
  neighbours: { mean: number | null; count: number; leftOut: number; missing: number };
  rank: { position: number; of: number } | null;
  source: { file: string; sheet: string; cell: string };
}
interface BenchmarkJson {
  area: { code: string | null; name: string; region: string | null; oldCode?: string | null; subRegion?: string };
  neighbours: string[];
  rows: Row[];
  warnings: { code: string; message: string; sheet: string | null; cell: string | null }[];
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-benchmark-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const readJson = (file: string): BenchmarkJson => JSON.parse(fs.readFileSync(file, "utf8")) as BenchmarkJson;

describe("sgp benchmark on the bundled samples", () => {
  it("writes the contract's JSON and a Benchmark sheet, leaving the inputs unchanged", async () => {
    const before = [sha256(DATA), sha256(LIST)];
    const json = path.join(dir, "b.json");
    const xlsx = path.join(dir, "b.xlsx");
    const { code, out, err } = await run("benchmark", DATA, "--area", "Northshire", "--neighbours", LIST, "--json", json, "--out", xlsx);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toMatch(/^Northshire \(951\), North East, 10 neighbours: 6 indicator rows at Year to 31 March 2025;/);
    expect([sha256(DATA), sha256(LIST)]).toEqual(before);

    const result = readJson(json);
    expect(result.area).toEqual({ code: "E06990001", name: "Northshire", region: "North East", oldCode: "951" });
    expect(result.neighbours).toHaveLength(10);
    expect(result.rows.map((r) => r.indicator)).toEqual(["cin_count", "cin_rate_per_10000", "referrals_count", "rereferrals_percent", "assessments_within_45_days_percent", "cpp_rate_per_10000"]);
    for (const r of result.rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["indicator", "breakdown", "period", "unit", "value", "status", "england", "region", "neighbours", "rank", "source"]));
      expect(r.breakdown).toEqual({ category: "Children in need" });
      expect(r.source.file).toBe("children-in-need.csv");
    }
    expect(result.rows.map((r) => r.unit)).toEqual(["count", "rate", "count", "percent", "percent", "rate"]);

    const sheet = (await readWorkbookFile(xlsx)).sheets.find((s) => s.sheet === "Benchmark")!;
    const cells = sheet.rows.map((row) => row.map((c) => c.value));
    const heading = cells.findIndex((row) => row[0] === "Indicator");
    expect(cells[heading]!.slice(0, 9)).toEqual(["Indicator", "Breakdown", "Period", "Unit", "Northshire", "Northshire: status", "England", "North East", "Neighbours' mean"]);
    const rate = cells.find((row) => row[0] === "cin_rate_per_10000")!;
    const fromJson = result.rows.find((r) => r.indicator === "cin_rate_per_10000")!;
    expect([rate[4], rate[6], rate[7], rate[8]]).toEqual([fromJson.value, fromJson.england, fromJson.region, fromJson.neighbours.mean]);
  });

  it("refuses an area that is not in the files, with suggestions, in one line and exit 2", async () => {
    const json = path.join(dir, "b.json");
    const { code, out, err } = await run("benchmark", DATA, "--area", "Northshir", "--json", json);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^No local authority "Northshir" in children-in-need\.csv\. Did you mean Northshire \(951\)\?/);
    expect(fs.existsSync(json)).toBe(false);
  });

  it("refuses a file that is not open data, and a neighbour list that is not one", async () => {
    const json = path.join(dir, "b.json");
    const set = path.resolve(__dirname, "../../assets/samples/indicator-set.csv");
    const notData = await run("benchmark", set, "--area", "Northshire", "--json", json);
    expect(notData.code).toBe(2);
    expect(notData.err).toMatch(/^"indicator-set\.csv" is not official statistics in the open data format/);
    const notList = await run("benchmark", DATA, "--area", "Northshire", "--neighbours", set, "--json", json);
    expect(notList.code).toBe(2);
    expect(notList.err).toMatch(/indicator-set\.csv is not a statistical-neighbour list/);
    expect(notList.err.trim().split("\n")).toHaveLength(1);
  });

  it("without a neighbour list, leaves the neighbour columns empty and says where to get one", async () => {
    const json = path.join(dir, "b.json");
    const { code } = await run("benchmark", DATA, "--area", "E06990001", "--json", json);
    expect(code).toBe(0);
    const result = readJson(json);
    expect(result.neighbours).toEqual([]);
    expect(result.rows.every((r) => r.neighbours.mean === null && r.neighbours.count === 0)).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain("BENCHMARK_NO_NEIGHBOUR_LIST");
  });

  it("never writes over an input", async () => {
    const { code, err } = await run("benchmark", DATA, "--area", "Northshire", "--json", DATA);
    expect(code).toBe(2);
    expect(err).toMatch(/is the input file itself/);
  });
});

// ---------------------------------------------------------------------------------------------
// The Department's own files, recomputed independently.

const withShared = withSharedFiles("benchmark on the shared children-in-need file");

const CIN = "cscoe-b1_children_in_need_2013_to_2025.csv";
const STANDARD = new Set(["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "category"]);

/** The LAIT list read with ExcelJS: old code -> its ten neighbours' old codes. */
async function laitNeighbours(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const out = new Map<string, string[]>();
  ws.eachRow((row, n) => {
    if (n <= 3) return; // two rows of column letters and numbers, then the headings
    const code = row.getCell(1).value;
    if (typeof code !== "number") return;
    const near = [6, 8, 10, 12, 14, 16, 18, 20, 22, 24].map((c) => String(row.getCell(c).value));
    if (!out.has(String(code))) out.set(String(code), near);
  });
  return out;
}

describe.each([
  ["Barnsley", "370", "E12000003"],
  ["Hackney", "204", "E12000007"],
  ["Kent", "886", "E12000008"],
])("sgp benchmark %s on the Department's children-in-need file and LAIT list", (name, oldCode, regionCode) => {
  withShared("gives England, the region, the neighbours' mean and the rank that the file and the list give", async () => {
    const json = path.join(dir, "b.json");
    const { code, err } = await run("benchmark", sharedFile(CIN), "--area", name, "--neighbours", sharedFile("lait-sn_may_2025.xlsx"), "--json", json);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = readJson(json);

    const { headings, records } = csvRecords(sharedFile(CIN));
    const indicators = headings.filter((h) => !STANDARD.has(h));
    const own = records.filter((r) => r.cells.old_la_code === oldCode);
    const latest = String(Math.max(...own.map((r) => Number(r.cells.time_period))));
    const year = records.filter((r) => r.cells.time_period === latest);
    const las = year.filter((r) => r.cells.geographic_level === "Local authority");
    const near = (await laitNeighbours(sharedFile("lait-sn_may_2025.xlsx"))).get(oldCode)!;
    const figure = (r: { cells: Record<string, string> } | undefined, h: string): number | null => (r && /^-?\d+(\.\d+)?$/.test(r.cells[h]!) ? Number(r.cells[h]) : null);

    expect(result.area).toMatchObject({ name, oldCode, region: year.find((r) => r.cells.region_code === regionCode)!.cells.region_name });
    expect(near).toHaveLength(10);
    expect(result.rows.map((r) => r.indicator)).toEqual(indicators);
    for (const row of result.rows) {
      const h = row.indicator;
      const mine = figure(las.find((r) => r.cells.old_la_code === oldCode), h);
      const neighbourFigures = near.map((c) => figure(las.find((r) => r.cells.old_la_code === c), h)).filter((v): v is number => v !== null);
      const all = las.map((r) => figure(r, h)).filter((v): v is number => v !== null);
      expect({ h, period: row.period.end, value: row.value }).toEqual({ h, period: `${latest}-03-31`, value: mine });
      expect({ h, england: row.england }).toEqual({ h, england: figure(year.find((r) => r.cells.geographic_level === "National"), h) });
      expect({ h, region: row.region }).toEqual({ h, region: figure(year.find((r) => r.cells.geographic_level === "Regional" && r.cells.region_code === regionCode), h) });
      expect({ h, count: row.neighbours.count, leftOut: row.neighbours.leftOut + row.neighbours.missing }).toEqual({ h, count: neighbourFigures.length, leftOut: 10 - neighbourFigures.length });
      expect(row.neighbours.mean).toBeCloseTo(neighbourFigures.reduce((a, b) => a + b, 0) / neighbourFigures.length, 6);
      expect({ h, rank: row.rank }).toEqual({ h, rank: mine === null ? null : { position: all.filter((v) => v > mine).length + 1, of: all.length, leftOut: las.length - all.length } });
    }
  });
});
