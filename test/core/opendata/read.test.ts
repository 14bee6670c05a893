/**
 * The open-data reader on sheets written in code: recognising the layout from its headings (in
 * any case, spacing and order, and near-standard forms), areas, breakdowns, periods, units,
 * statistics marks, warnings, the ingest hook, and speed.
 */
import { ingestWorkbook } from "../../../src/core/ingest";
import { detectOpenData, periodOf, readOpenData, readYearCode } from "../../../src/core/opendata";
import { readWorkbookBuffer } from "../../../src/files";
import { csvText, manyAuthorities, openDataRows } from "../../generators/open-data";
import { grid, workbook, type CellSpec } from "../ingest/grids";

const HEAD = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"];
const ENGLAND = ["National", "E92000001", "England", "", "", "", "", ""];
const NORTH_EAST = ["Regional", "E92000001", "England", "E12000001", "North East", "", "", ""];
const GATESHEAD = ["Local authority", "E92000001", "England", "E12000001", "North East", 390, "E08000037", "Gateshead"];

function sheet(rows: CellSpec[][], origin = { row: 0, col: 0 }) {
  return grid("data", rows, [], origin);
}

describe("recognising open data", () => {
  it("reads the standard headings in any case, spacing and order", () => {
    const g = sheet([
      ["LA Name", "Time Period", "TIME_IDENTIFIER", "Geographic Level", "Old LA Code", "Children Count"],
      ["Gateshead", 2025, "Reporting year", "Local authority", 390, 412],
    ]);
    const layout = detectOpenData(g);
    expect(layout?.columns.map((c) => c.role)).toEqual(["geography", "time", "timeIdentifier", "level", "geography", "indicator"]);
    const [o] = readOpenData(g, "x.csv", layout).observations;
    expect(o).toMatchObject({ indicator: "Children Count", value: 412, unit: "count", area: { name: "Gateshead", level: "local authority", oldCode: "390", code: null } });
  });

  it("leaves a partnership's own sheet with a Year and a Region column to the layout detector", () => {
    expect(detectOpenData(sheet([["Year", "Region", "Indicator", "Value"], ["2024/25", "North East", "Referrals", 12]]))).toBeNull();
    expect(detectOpenData(sheet([["Indicator", "Q1 2025/26", "Q2 2025/26"], ["Referrals", 1, 2]]))).toBeNull();
  });

  it("finds the headings below a title", () => {
    const g = sheet([["Children in need, 2025"], [], ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "cin_count"], [2025, "Reporting year", "National", "E92000001", "England", 100]]);
    expect(detectOpenData(g)?.headingRow).toBe(2);
  });
});

describe("areas and breakdowns", () => {
  const rows: CellSpec[][] = [
    [...HEAD, "category", "characteristic", "age", "cin_count"],
    [2025, "Reporting year", ...ENGLAND, "Children in need", "Total", 0, 1000],
    [2025, "Reporting year", ...NORTH_EAST, "Children in need", "Total", 0, 100],
    [2025, "Reporting year", ...GATESHEAD, "Children in need", "Domestic abuse: child", 10, 40],
  ];
  const read = readOpenData(sheet(rows), "cin.csv");

  it("gives each row the most specific area it names, with codes", () => {
    expect(read.observations.map((o) => o.area)).toEqual([
      { code: "E92000001", name: "England", level: "national" },
      { code: "E12000001", name: "North East", level: "regional" },
      { code: "E08000037", name: "Gateshead", level: "local authority", oldCode: "390" },
    ]);
    expect(read.places.find((p) => p.area.name === "Gateshead")?.region).toEqual({ code: "E12000001", name: "North East", level: "regional" });
  });

  it("keeps every other column's value as the breakdown, numbers that say which children included", () => {
    expect(read.observations[2]!.breakdown).toEqual({ category: "Children in need", characteristic: "Domestic abuse: child", age: "10" });
    expect(read.observations.every((o) => o.indicator === "cin_count")).toBe(true);
  });

  it("never reads a code, name or time column as a figure", () => {
    const cells = read.observations.map((o) => o.source.cell.replace(/\d+$/, ""));
    expect(new Set(cells)).toEqual(new Set(["N"]));
  });

  it("works out the level when there is no geographic_level column", () => {
    const g = sheet([
      ["time_period", "time_identifier", "country_name", "region_name", "la_name", "new_la_code", "cin_count"],
      [2025, "Reporting year", "England", "", "", "", 1],
      [2025, "Reporting year", "England", "North East", "", "", 2],
      [2025, "Reporting year", "England", "North East", "Gateshead", "E08000037", 3],
    ]);
    expect(readOpenData(g, "x.csv").observations.map((o) => `${o.area?.level}:${o.area?.name}`)).toEqual(["national:England", "regional:North East", "local authority:Gateshead"]);
  });

  it("reads a national-only file with no region or authority columns", () => {
    const g = sheet([
      ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "cla_rate_per_10000"],
      [202425, "Financial year", "National", "E92000001", "England", 70.3],
    ]);
    const [o] = readOpenData(g, "x.csv").observations;
    expect(o).toMatchObject({ area: { name: "England", level: "national" }, period: { start: "2024-04-01", end: "2025-03-31" }, unit: "rate", value: 70.3 });
  });

  it("takes a National row to be England when the file has no country columns", () => {
    const g = sheet([
      ["time_period", "time_identifier", "geographic_level", "la_name", "n_count"],
      [2025, "Reporting year", "National", "", 10],
      [2025, "Reporting year", "Local authority", "Gateshead", 1],
    ]);
    expect(readOpenData(g, "x.csv").observations.map((o) => o.area)).toEqual([
      { code: null, name: "England", level: "national" },
      { code: null, name: "Gateshead", level: "local authority" },
    ]);
  });

  it("tells a three-digit la_code (old) from a nine-character one (current)", () => {
    const old = readOpenData(sheet([["time_period", "time_identifier", "la_code", "la_name", "n_count"], [2025, "Reporting year", "390", "Gateshead", 1]]), "x.csv");
    expect(old.observations[0]!.area).toMatchObject({ oldCode: "390", code: null });
    const current = readOpenData(sheet([["time_period", "time_identifier", "la_code", "la_name", "n_count"], [2025, "Reporting year", "E08000037", "Gateshead", 1]]), "x.csv");
    expect(current.observations[0]!.area).toMatchObject({ code: "E08000037" });
  });
});

describe("periods", () => {
  const p = (identifier: string, code: string | number) => {
    const y = readYearCode(code);
    const period = y ? periodOf(identifier, y) : null;
    return period && [period.start, period.end];
  };

  it.each([
    ["Financial year", "202425", ["2024-04-01", "2025-03-31"]],
    ["Academic year", 202425, ["2024-09-01", "2025-08-31"]],
    ["Reporting year", 2025, ["2024-04-01", "2025-03-31"]],
    ["Calendar year", "2025", ["2025-01-01", "2025-12-31"]],
    ["Tax year", "202425", ["2024-04-06", "2025-04-05"]],
    ["Financial year Q1", "202425", ["2024-04-01", "2024-06-30"]],
    ["Financial year Q4", "202425", ["2025-01-01", "2025-03-31"]],
    ["Calendar year Q2", "2025", ["2025-04-01", "2025-06-30"]],
    ["Academic year Q2", "202425", ["2024-12-01", "2025-02-28"]],
    ["Tax year Q3", "202425", ["2024-10-06", "2025-01-05"]],
    ["Part 1 (April to September)", "202425", ["2024-04-01", "2024-09-30"]],
    ["Part 2 (October to March)", "202425", ["2024-10-01", "2025-03-31"]],
    ["Autumn term", "202425", ["2024-09-01", "2024-12-31"]],
    ["Spring term", "202425", ["2025-01-01", "2025-03-31"]],
    ["Summer term", "202425", ["2025-04-01", "2025-08-31"]],
    ["Autumn and spring term", "202425", ["2024-09-01", "2025-03-31"]],
    ["February", "2024", ["2024-02-01", "2024-02-29"]],
    ["Week 1", "2025", ["2024-12-30", "2025-01-05"]],
    ["financial YEAR", "2024/25", ["2024-04-01", "2025-03-31"]],
  ])("%s %s", (identifier, code, expected) => {
    expect(p(identifier, code)).toEqual(expected);
  });

  it("does not guess when the year's form does not fit the identifier", () => {
    expect(p("Academic year", "2025")).toBeNull();
    expect(p("Calendar year", "202425")).toBeNull();
    expect(p("Financial year", "202526")).not.toBeNull();
    expect(readYearCode("202427")).toBeNull();
  });

  it("reads a near-standard Year column holding 2024/25 as the financial year, and says it assumed so", () => {
    const g = sheet([
      ["Year", "geographic_level", "la_name", "referrals_count"],
      ["2024/25", "Local authority", "Gateshead", 10],
    ]);
    const read = readOpenData(g, "x.csv");
    expect(read.observations[0]!.period).toMatchObject({ start: "2024-04-01", end: "2025-03-31" });
    expect(read.warnings.map((w) => w.code)).toEqual(["OPENDATA_PERIOD_ASSUMED"]);
  });

  it("leaves out, with one warning, rows whose period cannot be read", () => {
    const g = sheet([[...HEAD, "n_count"], ...[1, 2, 3].map(() => ["2025", "Academic year", ...GATESHEAD, 5])]);
    const read = readOpenData(g, "x.csv");
    expect(read.observations).toHaveLength(0);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatchObject({ code: "OPENDATA_UNPARSED_PERIOD", cell: "A2" });
    expect(read.warnings[0]!.message).toContain("3 rows");
  });
});

describe("units", () => {
  const column = (heading: string, values: CellSpec[]) =>
    readOpenData(sheet([[...HEAD, heading], ...values.map((v) => [2025, "Reporting year", ...GATESHEAD, v])]), "x.csv");

  it("multiplies a percentage column of fractions by 100, and says so once", () => {
    const read = column("cpp_subsequent_percent", [0.245, 0.5, 0.125]);
    expect(read.observations.map((o) => o.value)).toEqual([24.5, 50, 12.5]);
    expect(read.observations[0]!.unit).toBe("percent");
    expect(read.warnings.map((w) => w.code)).toEqual(["OPENDATA_PERCENT_FROM_FRACTION"]);
  });

  it("keeps a percentage column in percent units as it is", () => {
    const read = column("children_percent", [69, 23.5, 100]);
    expect(read.observations.map((o) => o.value)).toEqual([69, 23.5, 100]);
    expect(read.warnings).toEqual([]);
  });

  it("keeps small one-decimal percentages, but says they could be fractions", () => {
    const read = column("adopted_percent", [0.3, 0.8, 0.1]);
    expect(read.observations.map((o) => o.value)).toEqual([0.3, 0.8, 0.1]);
    expect(read.warnings.map((w) => w.code)).toEqual(["OPENDATA_PERCENT_SCALE_UNCLEAR"]);
  });

  it.each([
    ["cin_rate_per_10000", "rate", [412.3, 398.1]],
    ["Rate per 10,000 children", "rate", [412.3]],
    ["referrals_count", "count", [412, 398]],
    ["population_estimate", "count", [52100, 48000]],
    ["average_caseload", "other", [16.5, 17]],
    ["duration_days", "days", [210, 180]],
  ])("%s is read as %s", (heading, unit, values) => {
    expect(column(heading as string, values as CellSpec[]).observations[0]!.unit).toBe(unit);
  });

  it("reads durations written years:months as months, unit other", () => {
    const read = column("average_time_in_care", ["01:07", "00:11", "02:00"]);
    expect(read.observations.map((o) => [o.value, o.unit])).toEqual([
      [19, "other"],
      [11, "other"],
      [24, "other"],
    ]);
    expect(read.warnings.map((w) => w.code)).toEqual(["OPENDATA_DURATION_IN_MONTHS"]);
  });

  it("reads a column that could be another's denominator as an indicator of its own", () => {
    const g = sheet([
      [...HEAD, "cpp_start", "cpp_subsequent", "cpp_subsequent_percent"],
      [2025, "Reporting year", ...GATESHEAD, 200, 50, 25],
    ]);
    expect(readOpenData(g, "x.csv").observations.map((o) => o.indicator)).toEqual(["cpp_start", "cpp_subsequent", "cpp_subsequent_percent"]);
  });
});

describe("statistics marks", () => {
  const marks = ["c", "x", "z", "u", ":", "low", "k", "NA", "NaN", "Low", "~"];
  const g = sheet([[...HEAD, "n_count"], [2025, "Reporting year", ...GATESHEAD, 7], ...marks.map((m) => [2025, "Reporting year", ...GATESHEAD, m])]);
  const read = readOpenData(g, "x.csv");

  it("become statuses, with the mark kept and no value", () => {
    expect(read.observations.slice(1).map((o) => [o.mark, o.status, o.value])).toEqual([
      ["c", "suppressed", null],
      ["x", "not_available", null],
      ["z", "not_applicable", null],
      ["u", "low_reliability", null],
      [":", "not_available", null],
      ["low", "suppressed", null],
      ["k", "suppressed", null],
      ["NA", "not_available", null],
      ["NaN", "not_available", null],
      ["Low", "suppressed", null],
      ["~", "suppressed", null],
    ]);
    expect(read.warnings).toEqual([]);
  });

  it("a mark nobody knows is a warning naming its cells, once per column and mark, never a zero", () => {
    const r = readOpenData(sheet([[...HEAD, "n_count"], ...[5, "q", 6, "q", "q", "*"].map((v) => [2025, "Reporting year", ...GATESHEAD, v])]), "x.csv");
    expect(r.observations.map((o) => o.value)).toEqual([5, null, 6, null, null, null]);
    expect(r.observations[1]).toMatchObject({ status: "missing", mark: "q" });
    expect(r.warnings.map((w) => [w.code, w.cell])).toEqual([
      ["OPENDATA_UNKNOWN_MARK", "K3"],
      ["OPENDATA_UNKNOWN_MARK", "K7"],
    ]);
    expect(r.warnings[0]!.message).toContain("3 cells (K3, K5, K6)");
  });

  it("an empty indicator cell is missing, not zero", () => {
    const r = readOpenData(sheet([[...HEAD, "n_count", "m_count"], [2025, "Reporting year", ...GATESHEAD, 5, 6], [2024, "Reporting year", ...GATESHEAD, 5, null]]), "x.csv");
    expect(r.observations[3]).toMatchObject({ indicator: "m_count", value: null, status: "missing" });
    expect(r.observations[3]!.mark).toBeUndefined();
  });
});

describe("cells and ingest", () => {
  it("names each figure's cell on the sheet, wherever the sheet's data starts", () => {
    const g = sheet([[...HEAD, "n_count"], [2025, "Reporting year", ...GATESHEAD, 7]], { row: 4, col: 2 });
    expect(readOpenData(g, "x.csv").observations[0]!.source).toEqual({ file: "x.csv", sheet: "data", cell: "M6" });
  });

  it("ingest reads an open-data sheet with this reader, beside a partnership's own sheet", () => {
    const od = grid("cin", [[...HEAD, "n_count"], [2025, "Reporting year", ...ENGLAND, 70], [2025, "Reporting year", ...GATESHEAD, 7]]);
    const own = grid("Scorecard", [["Indicator", "Agency", "Q1 2025/26"], ["Referrals", "Police", 12]]);
    const result = ingestWorkbook(workbook("mixed.xlsx", od, own));
    expect(result.observations.filter((o) => o.area).map((o) => [o.area!.name, o.value])).toEqual([
      ["England", 70],
      ["Gateshead", 7],
    ]);
    expect(result.observations.filter((o) => !o.area).map((o) => [o.indicator, o.agency, o.value])).toEqual([["Referrals", "Police", 12]]);
  });

  it("ingest's duplicate check keeps areas and breakdowns apart, and still finds a true duplicate", () => {
    const rows = [
      [...HEAD, "characteristic", "n_count"],
      [2025, "Reporting year", ...ENGLAND, "Total", 70],
      [2025, "Reporting year", ...GATESHEAD, "Total", 7],
      [2025, "Reporting year", ...GATESHEAD, "Boys", 4],
    ];
    expect(ingestWorkbook(workbook("a.csv", grid("a", rows))).warnings).toEqual([]);
    const twice = ingestWorkbook(workbook("b.csv", grid("b", [...rows, [2025, "Reporting year", ...GATESHEAD, "Boys", 5]])));
    expect(twice.warnings.map((w) => [w.code, w.cell])).toEqual([["INGEST_DUPLICATE_OBSERVATION", "L5"]]);
  });
});

describe("speed", () => {
  // 148 authorities, 9 regions, Inner and Outer London and England, 25 breakdowns, 5 years: 20,000 rows.
  it("reads 20,000 rows by 20 columns well within a second of engine time per 100,000 figures", async () => {
    const rows = openDataRows({
      authorities: manyAuthorities(148),
      years: [2021, 2022, 2023, 2024, 2025],
      indicators: Array.from({ length: 9 }, (_, i) => ({ heading: `measure_${i + 1}_${["count", "percent", "rate_per_10000"][i % 3]}`, kind: (["count", "percent", "rate"] as const)[i % 3]! })),
      breakdown: { heading: "characteristic", values: Array.from({ length: 25 }, (_, i) => `Factor ${i + 1}`) },
      seed: 1,
    });
    expect(rows.length - 1).toBe(20_000);
    expect(rows[0]).toHaveLength(20);
    // The file adapter's part (CSV text to a grid) is not the engine's: done before timing.
    const book = await readWorkbookBuffer(new TextEncoder().encode(csvText(rows)), "big.csv");
    const g = book.sheets[0]!;
    readOpenData(g, "big.csv");
    const start = process.cpuUsage();
    const read = readOpenData(g, "big.csv");
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    expect(read.observations).toHaveLength(180_000);
    // Typically about 150 ms per 100,000 figures on this project's machine; the bound is the requirement.
    expect((ms / read.observations.length) * 100_000).toBeLessThan(1000);
  });
});
