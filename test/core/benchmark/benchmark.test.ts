/**
 * The benchmark engine on sheets written in code and on the generated sample: area matching as
 * published files force it, the neighbour list in both shapes, means and ranks that leave out
 * every figure that is not a number, London's region, and "did you mean".
 */
import { benchmark, benchmarkPlan, leftOutTotals, readNeighbourList, type BenchmarkSource } from "../../../src/core/benchmark";
import { isInputError } from "../../../src/core/errors";
import type { GridWorkbook } from "../../../src/core/grid/grid";
import { normaliseAreaName, readOpenData } from "../../../src/core/opendata";
import { CHILDREN_IN_NEED_INDICATORS, neighbourListRows, neighboursOf, openDataRows, sampleAuthorities } from "../../generators/open-data";
import { grid, type CellSpec } from "../ingest/grids";

const HEAD = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"];
const lead = (year: number): CellSpec[] => [year, "Reporting year"];
const national = (y: number, v: CellSpec): CellSpec[] => [...lead(y), "National", "E92000001", "England", "", "", "", "", "", v];
const regional = (y: number, code: string, name: string, v: CellSpec): CellSpec[] => [...lead(y), "Regional", "E92000001", "England", code, name, "", "", "", v];
const la = (y: number, region: [string, string], old: string, code: string, name: string, v: CellSpec): CellSpec[] => [
  ...lead(y),
  "Local authority",
  "E92000001",
  "England",
  ...region,
  old,
  code,
  name,
  v,
];

const NE: [string, string] = ["E12000001", "North East"];
const YH: [string, string] = ["E12000003", "Yorkshire and The Humber"];

function source(file: string, rows: CellSpec[][]): BenchmarkSource {
  const read = readOpenData(grid(file, rows), file);
  return { file, observations: read.observations, places: read.places };
}

function book(file: string, rows: CellSpec[][]): GridWorkbook {
  return { file, sheets: [grid("LA SN Groups", rows)] };
}

/** A small file: England, two regions, five authorities, two years; North Yorkshire changes code. */
const small = source("small.csv", [
  [...HEAD, "referrals_count"],
  national(2025, 1000),
  regional(2025, ...NE, 300),
  regional(2025, ...YH, 400),
  la(2025, NE, "390", "E08000037", "Gateshead", 50),
  la(2025, NE, "840", "E06000047", "County Durham", 90),
  la(2025, NE, "393", "E08000023", "South Tyneside", "c"),
  la(2025, YH, "815", "E06000065", "North Yorkshire", 70),
  la(2025, YH, "370", "E08000016", "Barnsley", 60),
  la(2024, YH, "815", "E10000023", "North Yorkshire", 65),
  la(2024, YH, "370", "E08000016", "Barnsley", 999),
]);

describe("finding the area", () => {
  it.each([
    ["Barnsley", "370"],
    ["barnsley", "370"],
    ["370", "370"],
    ["E08000016", "370"],
    ["Durham", "840"],
    ["E10000023", "815"],
  ])("%s finds %s", (typed, old) => {
    expect(benchmark([small], { area: typed, neighbours: null }).area.oldCode).toBe(old);
  });

  it("says when the match was not exact, and when an authority's code changed between years", () => {
    const durham = benchmark([small], { area: "Durham", neighbours: null });
    expect(durham.warnings.map((w) => w.code)).toContain("BENCHMARK_AREA_MATCHED");
    expect(durham.warnings.find((w) => w.code === "BENCHMARK_AREA_MATCHED")?.message).toContain("County Durham (840)");
    const ny = benchmark([small], { area: "North Yorkshire", neighbours: null });
    expect(ny.area).toEqual({ code: "E06000065", name: "North Yorkshire", region: "Yorkshire and The Humber", oldCode: "815" });
    expect(ny.warnings.map((w) => w.code)).toContain("BENCHMARK_AREA_CODE_CHANGED");
  });

  it("refuses an unknown area in one sentence, with the names that come close", () => {
    let error: unknown;
    try {
      benchmark([small], { area: "Barnsly", neighbours: null });
    } catch (e) {
      error = e;
    }
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^No local authority "Barnsly" in small\.csv\. Did you mean Barnsley \(370\)\?/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("reads the latest period the area has, and England and the region at that period", () => {
    const r = benchmark([small], { area: "Barnsley", neighbours: null });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ indicator: "referrals_count", period: { end: "2025-03-31" }, value: 60, status: "ok", england: 1000, region: 400 });
  });
});

describe("neighbours, means and ranks", () => {
  // Barnsley's neighbours: Gateshead (50), County Durham (90), South Tyneside (c), and 999, which has no figures.
  const list = readNeighbourList(
    book("sn.xlsx", [
      ["A", "B", "C"],
      ["LA num", "LA Name", "LA number", "GOInd", "GOReg", "SN1", "SNP", "SN2", "SNP", "SN3", "SNP", "SN4", "SNP"],
      [370, "Barnsley", 370, 9, "Yorkshire and the Humber", 390, "Close", 840, "Close", 393, "Close", 999, "Close"],
      [],
      ["Old SNs:"],
      [815, "North Yorkshire", 815, 9, "Yorkshire and the Humber", 370, "Close"],
    ]),
  );

  it("reads the Department's layout below its rows of column letters, including the old authorities", () => {
    expect(list.entries.map((e) => [e.oldCode, e.name, e.neighbours.map((n) => n.oldCode)])).toEqual([
      ["370", "Barnsley", ["390", "840", "393", "999"]],
      ["815", "North Yorkshire", ["370"]],
    ]);
  });

  it("takes the plain mean of the neighbours with a figure, and ranks among authorities with a figure", () => {
    const r = benchmark([small], { area: "370", neighbours: list });
    expect(r.neighbours).toEqual(["Gateshead", "County Durham", "South Tyneside", "999"]);
    expect(r.rows[0]!.neighbours).toEqual({ mean: 70, count: 2, leftOut: 1, missing: 1 });
    // 2025 figures: Durham 90, North Yorkshire 70, Barnsley 60, Gateshead 50; South Tyneside "c" left out.
    expect(r.rows[0]!.rank).toEqual({ position: 3, of: 4, leftOut: 1 });
    expect(r.warnings.map((w) => w.code)).toEqual(["BENCHMARK_NEIGHBOUR_NOT_IN_DATA"]);
  });

  it("ranks ties at the same position, 1 the highest", () => {
    const tied = source("tied.csv", [[...HEAD, "n_count"], la(2025, NE, "390", "A1", "A", 5), la(2025, NE, "391", "A2", "B", 9), la(2025, NE, "392", "A3", "C", 9)]);
    expect(benchmark([tied], { area: "B", neighbours: null }).rows[0]!.rank).toEqual({ position: 1, of: 3, leftOut: 0 });
    expect(benchmark([tied], { area: "A", neighbours: null }).rows[0]!.rank).toEqual({ position: 3, of: 3, leftOut: 0 });
  });

  it("gives no rank, and says so in its status, when the area's own figure is withheld", () => {
    const r = benchmark([small], { area: "South Tyneside", neighbours: null });
    expect(r.rows[0]).toMatchObject({ value: null, status: "suppressed", mark: "c", rank: null, rankLeftOut: 1 });
  });

  it("says where to get the list when none is given", () => {
    const r = benchmark([small], { area: "Barnsley", neighbours: null });
    expect(r.rows[0]!.neighbours).toEqual({ mean: null, count: 0, leftOut: 0, missing: 0 });
    expect(r.warnings.find((w) => w.code === "BENCHMARK_NO_NEIGHBOUR_LIST")?.message).toContain("Local Authority Interactive Tool");
  });

  it("reads a list with one column per authority and matches names spelt another way, saying so", () => {
    const byName = readNeighbourList(
      book("names.csv", [
        ["Barnsley", "Gateshead", "Durham", "South Tyneside", "North Yorkshire"],
        ["Durham", "Barnsley", "Gateshead", "Barnsley", "Barnsley"],
        ["Gateshead", "Durham", "Barnsley", "Gateshead", "Gateshead"],
      ]),
    );
    const r = benchmark([small], { area: "County Durham", neighbours: byName });
    expect(r.neighbours).toEqual(["Gateshead", "Barnsley"]);
    expect(r.warnings.map((w) => w.code)).toEqual(["BENCHMARK_LIST_MATCHED_BY_NAME"]);
    const barnsley = benchmark([small], { area: "Barnsley", neighbours: byName });
    expect(barnsley.warnings.find((w) => w.code === "BENCHMARK_NEIGHBOUR_MATCHED_BY_NAME")?.message).toContain('"Durham" as County Durham (840)');
    expect(barnsley.rows[0]!.neighbours).toEqual({ mean: 70, count: 2, leftOut: 0, missing: 0 });
  });

  it("refuses a file that is no neighbour list, in one sentence", () => {
    expect(() => readNeighbourList(book("notes.xlsx", [["Notes"], ["nothing here"]]))).toThrow(/is not a statistical-neighbour list/);
  });
});

describe("area names", () => {
  it.each([
    ["Bedford Borough", "Bedford"],
    ["Durham", "County Durham"],
    ["Bristol, City of", "Bristol"],
    ["Kingston Upon Hull, City of", "Kingston upon Hull"],
    ["Telford & Wrekin", "Telford and Wrekin"],
    ["St. Helens", "St Helens"],
    ["Herefordshire, County of", "Herefordshire"],
  ])("%s is %s", (a, b) => {
    expect(normaliseAreaName(a)).toBe(normaliseAreaName(b));
  });

  it("keeps apart names that differ in more than spelling", () => {
    expect(normaliseAreaName("City of London")).not.toBe(normaliseAreaName("London"));
    expect(normaliseAreaName("North Tyneside")).not.toBe(normaliseAreaName("South Tyneside"));
  });
});

describe("London boroughs", () => {
  const rows = openDataRows({ authorities: sampleAuthorities(), years: [2025], indicators: CHILDREN_IN_NEED_INDICATORS, breakdown: { heading: "category", values: ["Children in need"] }, seed: 3, marks: false });
  const data = source("cin.csv", rows);

  it("are compared with London, with their inner or outer part alongside", () => {
    const r = benchmark([data], { area: "Northgate", neighbours: null });
    expect(r.area).toMatchObject({ name: "Northgate", region: "London", subRegion: "Outer London" });
    const londonRow = rows.find((x) => x[2] === "Regional" && x[6] === "London")!;
    const outerRow = rows.find((x) => x[2] === "Regional" && x[6] === "Outer London")!;
    const col = rows[0]!.indexOf("cin_count");
    expect(r.rows[0]!.region).toBe(Number(londonRow[col]));
    expect(r.rows[0]!.subRegion).toBe(Number(outerRow[col]));
  });
});

describe("the generated sample", () => {
  const authorities = sampleAuthorities();
  const rows = openDataRows({ authorities, years: [2023, 2024, 2025], indicators: CHILDREN_IN_NEED_INDICATORS, breakdown: { heading: "category", values: ["Children in need"] }, seed: 11 });
  const data = source("cin.csv", rows);
  const list = readNeighbourList(book("sn.xlsx", neighbourListRows(authorities)));

  it("gives, for every indicator, the figures the rows hold, worked out again here", () => {
    const r = benchmark([data], { area: "Northshire", neighbours: list });
    const head = rows[0]!;
    const latest = rows.filter((x) => x[0] === "2025");
    const near = neighboursOf(authorities).get("951")!.map((a) => a.oldCode);
    for (const row of r.rows) {
      const col = head.indexOf(row.indicator);
      const num = (x: string[] | undefined): number | null => (x && /^-?\d/.test(x[col]!) ? Number(x[col]) : null);
      const las = latest.filter((x) => x[2] === "Local authority");
      const own = num(las.find((x) => x[7] === "951"));
      const neighbourFigures = near.map((c) => num(las.find((x) => x[7] === c))).filter((v): v is number => v !== null);
      const all = las.map(num).filter((v): v is number => v !== null);
      expect(row.value).toBe(own);
      expect(row.england).toBe(num(latest.find((x) => x[2] === "National")));
      expect(row.region).toBe(num(latest.find((x) => x[2] === "Regional" && x[6] === "North East")));
      expect(row.neighbours.count).toBe(neighbourFigures.length);
      expect(row.neighbours.mean).toBeCloseTo(neighbourFigures.reduce((a, b) => a + b, 0) / neighbourFigures.length, 6);
      expect(row.rank).toEqual(own === null ? null : { position: all.filter((v) => v > own).length + 1, of: all.length, leftOut: las.length - all.length });
    }
    expect(r.rows).toHaveLength(CHILDREN_IN_NEED_INDICATORS.length);
  });
});

describe("the Benchmark sheet", () => {
  const rows = openDataRows({ authorities: sampleAuthorities(), years: [2025], indicators: CHILDREN_IN_NEED_INDICATORS, breakdown: { heading: "category", values: ["=HYPERLINK(\"http://x\")"] }, seed: 5 });
  const result = benchmark([source("cin.csv", rows)], { area: "Airedale", neighbours: readNeighbourList(book("sn.xlsx", neighbourListRows(sampleAuthorities()))) });
  const plan = benchmarkPlan(result, ["cin.csv"]);
  const sheet = plan.sheets[0]!;
  const cells = sheet.blocks.flatMap((b) => b.values);

  it("puts the area's figure beside England, the region and the neighbours, one row per indicator, as a table", () => {
    const heading = cells.find((r) => r[0] === "Indicator")!;
    expect(heading.slice(4, 9)).toEqual(["Airedale", "Airedale: status", "England", "Yorkshire and The Humber", "Neighbours' mean"]);
    expect(cells.filter((r) => CHILDREN_IN_NEED_INDICATORS.some((i) => i.heading === r[0]))).toHaveLength(CHILDREN_IN_NEED_INDICATORS.length);
    expect(sheet.tables?.[0]?.name).toBe("BenchmarkRows");
  });

  it("says how many figures were left out of means and ranks", () => {
    const totals = leftOutTotals(result);
    expect(String(cells[2]![0])).toContain(`${totals.neighbours} neighbour figures and ${totals.authorities} authority figures were left out`);
  });

  it("writes the files' text as text, never as a formula", () => {
    expect(cells.flat().some((v) => v !== null && typeof v === "object")).toBe(false);
    expect(cells.some((r) => r[1] === 'category: =HYPERLINK("http://x")')).toBe(true);
  });
});
