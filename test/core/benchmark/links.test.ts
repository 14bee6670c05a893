/**
 * Linking the partnership's indicators to published figures: the map as data (checked by its
 * schema), the map suggested from the names when there is none (each link a warning saying how
 * sure), and each link resolved to England, the region, the neighbours and the trend, with every
 * way a link can fail said in a warning rather than guessed at.
 */
import { linkBenchmarks, nameWords, publishedColumns, readNeighbourList, suggestBenchmarkMap, type BenchmarkSource } from "../../../src/core/benchmark";
import { BenchmarkMapSchema, type Indicator } from "../../../src/core/model";
import { readOpenData } from "../../../src/core/opendata";
import { CHILDREN_IN_NEED_INDICATORS, neighbourListRows, openDataRows, sampleAuthorities } from "../../generators/open-data";
import { grid, type CellSpec } from "../ingest/grids";

function indicator(id: string | null, name: string, unit: Indicator["unit"], polarity: Indicator["polarity"] = "lower"): Indicator {
  return { id, name, agency: "Children's Social Care", unit, polarity, target: null, contentArea: null, type: null, source: null, frequency: null };
}

/** The sample scorecard's children's social care indicators, as ingest reads them. */
const SCORECARD: Indicator[] = [
  indicator("CSC01", "Re-referrals to children's social care within 12 months (%)", "percent"),
  indicator("CSC02", "Single assessments completed within 45 working days (%)", "percent", "higher"),
  indicator("CSC03", "Initial child protection conferences within 15 working days of strategy discussion (%)", "percent", "higher"),
  indicator("CSC04", "Children becoming subject of a CP plan for a second or subsequent time (%)", "percent"),
  indicator("CSC05", "Child protection plans lasting 2 years or more (number)", "count"),
  indicator("CSC06", "Children subject of a child protection plan (rate per 10,000)", "rate"),
  indicator("HLT03", "Health assessments for children looked after completed on time (%)", "percent", "higher"),
];

function sampleSource(marks = true): BenchmarkSource {
  const rows = openDataRows({
    authorities: sampleAuthorities(),
    years: [2023, 2024, 2025],
    indicators: CHILDREN_IN_NEED_INDICATORS,
    breakdown: { heading: "category", values: ["Children in need"] },
    seed: 2024,
    marks,
  });
  const read = readOpenData(grid("children-in-need.csv", rows), "children-in-need.csv");
  return { file: "children-in-need.csv", observations: read.observations, places: read.places };
}

const LIST = readNeighbourList({ file: "statistical-neighbours.xlsx", sheets: [grid("LA SN Groups", neighbourListRows(sampleAuthorities()) as CellSpec[][])] });

describe("the words of a name", () => {
  it.each([
    ["rereferrals_percent", ["rereferral"]],
    ["Re-referrals to children's social care within 12 months (%)", ["rereferral", "social", "care", "within", "12", "month"]],
    ["cpp_rate_per_10000", ["protection", "plan"]],
    ["Children subject of a child protection plan (rate per 10,000)", ["subject", "protection", "plan"]],
    ["assessments_within_45_days_percent", ["assessment", "within", "45", "day"]],
    ["cin_count", ["need"]],
  ])("%s", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe("a map suggested from the names", () => {
  const source = sampleSource();
  const columns = publishedColumns([source]);

  it("lists every published column once, with its unit and breakdowns", () => {
    expect(columns.map((c) => [c.column, c.unit, c.breakdowns])).toEqual(
      CHILDREN_IN_NEED_INDICATORS.map((i) => [i.heading, i.kind, [{ category: "Children in need" }]]),
    );
  });

  it("links the three indicators whose names have a column's words, units agreeing, and says how sure", () => {
    const s = suggestBenchmarkMap(SCORECARD, columns);
    expect(s.map.links.map((l) => [l.indicatorId, l.column, l.breakdown])).toEqual([
      ["CSC01", "rereferrals_percent", { category: "Children in need" }],
      ["CSC02", "assessments_within_45_days_percent", { category: "Children in need" }],
      ["CSC06", "cpp_rate_per_10000", { category: "Children in need" }],
    ]);
    expect(s.suggestions.map((x) => x.confidence)).toEqual(["close", "close", "close"]);
    expect(BenchmarkMapSchema.safeParse(s.map).success).toBe(true);
  });

  it("never matches across units or numbers: 15 days is not 45 days, a rate is not a percentage", () => {
    const s = suggestBenchmarkMap(SCORECARD, columns);
    // CSC03 shares "within" and "day" with the 45-day column; HLT03 shares "assessment"; CSC05 is a count.
    expect(s.unmatched.map((u) => u.indicatorId)).toEqual(["CSC03", "CSC04", "CSC05", "HLT03"]);
    const asCount = suggestBenchmarkMap([indicator("X1", "Children subject of a child protection plan", "count")], columns);
    expect(asCount.map.links).toEqual([]);
  });

  it("a name that fits two columns equally well gets neither", () => {
    const both = [
      { file: "a.csv", column: "referrals_count", unit: "count" as const, breakdowns: [{}] },
      { file: "b.csv", column: "referrals_number", unit: "count" as const, breakdowns: [{}] },
    ];
    const s = suggestBenchmarkMap([indicator("R1", "Referrals to children's social care", "count")], both);
    expect(s.map.links).toEqual([]);
    expect(s.ambiguous).toEqual([{ indicatorId: "R1", indicator: "Referrals to children's social care", columns: ["referrals_count (a.csv)", "referrals_number (b.csv)"] }]);
  });

  it("a column with several breakdowns and no total is left for the map to say; a total is taken", () => {
    const split = [{ file: "a.csv", column: "referrals_count", unit: "count" as const, breakdowns: [{ age: "Under 1" }, { age: "1 to 4" }] }];
    expect(suggestBenchmarkMap([indicator("R1", "Referrals", "count")], split).needsBreakdown).toHaveLength(1);
    const withTotal = [{ ...split[0]!, breakdowns: [...split[0]!.breakdowns, { age: "Total" }] }];
    expect(suggestBenchmarkMap([indicator("R1", "Referrals", "count")], withTotal).map.links[0]?.breakdown).toEqual({ age: "Total" });
  });

  it("an indicator reported by two agencies is suggested once", () => {
    const twice = [SCORECARD[0]!, { ...SCORECARD[0]!, agency: "Police" }];
    expect(suggestBenchmarkMap(twice, columns).map.links).toHaveLength(1);
  });
});

describe("linking to the figures", () => {
  const source = sampleSource();

  it("without a map: the suggested links, each a warning saying how sure, and the rest listed as unmatched", () => {
    const linked = linkBenchmarks(SCORECARD, [source], { area: "Northshire", neighbours: LIST, map: null });
    expect(linked.benchmarks.indicators.map((b) => [b.indicatorId, b.column, b.linkedBy, b.confidence])).toEqual([
      ["CSC01", "rereferrals_percent", "name", "close"],
      ["CSC02", "assessments_within_45_days_percent", "name", "close"],
      ["CSC06", "cpp_rate_per_10000", "name", "close"],
    ]);
    const suggested = linked.warnings.filter((w) => w.code === "BENCHMARK_MAP_SUGGESTED");
    expect(suggested).toHaveLength(3);
    expect(suggested[0]?.message).toBe(
      "CSC01 “Re-referrals to children's social care within 12 months (%)” was linked by its name to rereferrals_percent in children-in-need.csv (category: Children in need), a close match: every word of the published name (rereferral) is in yours. Check it, or give a map.",
    );
    expect(linked.warnings.find((w) => w.code === "BENCHMARK_MAP_UNMATCHED")?.message).toContain("4 indicators (CSC03, CSC04, CSC05 and HLT03)");
    expect(linked.map.links).toHaveLength(3);
  });

  it("with a map: exactly its links, none suggested, and the figures the benchmark gives", () => {
    const map = { links: [{ indicatorId: "csc06", column: "cpp_rate_per_10000" }] };
    const linked = linkBenchmarks(SCORECARD, [source], { area: "951", neighbours: LIST, map });
    expect(linked.warnings.map((w) => w.code).filter((c) => c.startsWith("BENCHMARK_MAP"))).toEqual([]);
    const [b] = linked.benchmarks.indicators;
    expect(b).toMatchObject({ indicatorId: "CSC06", file: "children-in-need.csv", column: "cpp_rate_per_10000", linkedBy: "map", breakdown: { category: "Children in need" } });
    expect(b?.confidence).toBeUndefined();
    expect(b?.published.period.end).toBe("2025-03-31");
    // England's figure is the file's own National row for the latest year.
    const england = source.observations.find((o) => o.indicator === "cpp_rate_per_10000" && o.area?.level.toLowerCase() === "national" && o.period.end === "2025-03-31");
    expect(b?.published.england).toBe(england?.value);
    expect(b!.published.neighbours.count + b!.published.neighbours.leftOut + b!.published.neighbours.missing).toBe(10);
  });

  it("gives each linked indicator the area's and England's figures at every published period, oldest first", () => {
    const linked = linkBenchmarks(SCORECARD, [source], { area: "Northshire", neighbours: null, map: { links: [{ indicatorId: "CSC01", column: "rereferrals_percent" }] } });
    const trend = linked.benchmarks.indicators[0]?.published.trend ?? [];
    expect(trend.map((p) => p.period.end)).toEqual(["2023-03-31", "2024-03-31", "2025-03-31"]);
    for (const p of trend) {
      const at = (level: string, name: string) =>
        source.observations.find((o) => o.indicator === "rereferrals_percent" && o.period.end === p.period.end && o.area?.level.toLowerCase() === level && o.area.name === name);
      const own = at("local authority", "Northshire");
      expect(p.value).toBe(own?.status === "ok" ? own.value : null);
      expect(p.england).toBe(at("national", "England")?.value ?? null);
    }
  });

  it("says how many neighbours' figures were left out of each mean", () => {
    const linked = linkBenchmarks(SCORECARD, [source], { area: "Northshire", neighbours: LIST, map: null });
    const leftOut = linked.benchmarks.indicators.filter((b) => b.published.neighbours.leftOut > 0);
    expect(leftOut.length).toBeGreaterThan(0);
    const warning = linked.warnings.find((w) => w.code === "BENCHMARK_NEIGHBOURS_LEFT_OUT");
    for (const b of leftOut) expect(warning?.message).toContain(`${b.indicatorId} ${b.published.neighbours.leftOut}`);
    const clean = linkBenchmarks(SCORECARD, [sampleSource(false)], { area: "Northshire", neighbours: LIST, map: null });
    expect(clean.warnings.map((w) => w.code)).not.toContain("BENCHMARK_NEIGHBOURS_LEFT_OUT");
  });

  it.each([
    [{ indicatorId: "ZZ99", column: "cin_count" }, "BENCHMARK_MAP_NO_INDICATOR", "ZZ99"],
    [{ indicatorId: "CSC05", column: "no_such_column" }, "BENCHMARK_MAP_NO_COLUMN", "none of the files has"],
    [{ indicatorId: "CSC05", file: "other.csv", column: "cin_count" }, "BENCHMARK_MAP_NO_COLUMN", "other.csv, which was not given"],
    [{ indicatorId: "CSC05", column: "cin_count", breakdown: { category: "Looked after" } }, "BENCHMARK_MAP_BREAKDOWN", "category: Looked after"],
  ])("a link that cannot be used is a warning, and no comparators: %j", (link, code, words) => {
    const linked = linkBenchmarks(SCORECARD, [source], { area: "Northshire", neighbours: null, map: { links: [link] } });
    expect(linked.benchmarks.indicators).toEqual([]);
    const w = linked.warnings.find((x) => x.code === code);
    expect(w?.message).toContain(words);
  });

  it("a column with several breakdowns needs the link to say which, unless one is the total", () => {
    const rows = (values: string[]) =>
      openDataRows({ authorities: sampleAuthorities(), years: [2025], indicators: CHILDREN_IN_NEED_INDICATORS.slice(0, 1), breakdown: { heading: "age", values }, seed: 1, marks: false });
    const split = readOpenData(grid("by-age.csv", rows(["Under 1", "1 to 4"])), "by-age.csv");
    const splitSource = { file: "by-age.csv", observations: split.observations, places: split.places };
    const vague = linkBenchmarks(SCORECARD, [splitSource], { area: "Northshire", neighbours: null, map: { links: [{ indicatorId: "CSC05", column: "cin_count" }] } });
    expect(vague.warnings.find((w) => w.code === "BENCHMARK_MAP_BREAKDOWN")?.message).toContain('give "breakdown" in the map');
    const exact = linkBenchmarks(SCORECARD, [splitSource], { area: "Northshire", neighbours: null, map: { links: [{ indicatorId: "CSC05", column: "cin_count", breakdown: { age: "1 to 4" } }] } });
    expect(exact.benchmarks.indicators[0]?.breakdown).toEqual({ age: "1 to 4" });
    const total = readOpenData(grid("by-age.csv", rows(["Under 1", "Total"])), "by-age.csv");
    const withTotal = linkBenchmarks(SCORECARD, [{ file: "by-age.csv", observations: total.observations, places: total.places }], {
      area: "Northshire",
      neighbours: null,
      map: { links: [{ indicatorId: "CSC05", column: "cin_count" }] },
    });
    expect(withTotal.benchmarks.indicators[0]?.breakdown).toEqual({ age: "Total" });
  });

  it("the first of two links for one indicator is used, and the second is said", () => {
    const map = { links: [{ indicatorId: "CSC06", column: "cpp_rate_per_10000" }, { indicator: "Children subject of a child protection plan (rate per 10,000)", column: "cin_rate_per_10000" }] };
    const linked = linkBenchmarks(SCORECARD, [source], { area: "Northshire", neighbours: null, map });
    expect(linked.benchmarks.indicators.map((b) => b.column)).toEqual(["cpp_rate_per_10000"]);
    expect(linked.warnings.map((w) => w.code)).toContain("BENCHMARK_MAP_REPEATED");
  });

  it("the map's schema names what is wrong", () => {
    const bad = BenchmarkMapSchema.safeParse({ links: [{ column: "cin_count" }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("give the indicator's ID or its name");
    expect(BenchmarkMapSchema.safeParse({ links: [{ indicatorId: "X", column: "" }] }).success).toBe(false);
  });
});
