/**
 * Official statistics on the Scorecard sheet: the comparator columns beside each linked
 * indicator, "Against England" as a formula that allows for polarity and follows edits, its two
 * shades restating the comparison, and the trend blocks with their line charts below the table.
 */
import { cellAddress, parseRange } from "../../../src/core/grid/address";
import type { BenchmarkRow, IndicatorBenchmark, ScorecardBenchmarks } from "../../../src/core/benchmark";
import type { Indicator, Observation, Period } from "../../../src/core/model";
import type { SheetPlan } from "../../../src/core/plan/plan";
import { DEFAULT_RAG_RULE } from "../../../src/core/rag";
import { AGAINST_ENGLAND, AGAINST_STYLES, RAG_STYLES, SCORECARD_ROWS, TREND_CHART_ROWS, buildScorecard, type ScorecardLayout } from "../../../src/core/scorecard";
import { conditionalFill, planCells, sheetLookup } from "./sheet-eval";

const Q1: Period = { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" };
const Q2: Period = { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" };
const year = (y: number): Period => ({ start: `${y - 1}-04-01`, end: `${y}-03-31`, label: `Year to 31 March ${y}` });

function indicator(id: string, name: string, polarity: Indicator["polarity"], over: Partial<Indicator> = {}): Indicator {
  return { id, name, agency: "Children's Social Care", unit: "percent", polarity, target: null, contentArea: null, type: null, source: null, frequency: null, ...over };
}

const REREFERRALS = indicator("CSC01", "Re-referrals within 12 months (%)", "lower", { target: 20 });
const ASSESSMENTS = indicator("CSC02", "Assessments within 45 working days (%)", "higher", { target: 90 });
const NO_POLARITY = indicator("CSC03", "Children in need (rate per 10,000)", null, { unit: "rate" });
const UNLINKED = indicator("POL01", "Strategy discussions attended by police (%)", "higher", { agency: "Police", target: 95 });
const INDICATORS = [REREFERRALS, ASSESSMENTS, NO_POLARITY, UNLINKED];

function obs(ind: Indicator, period: Period, value: number): Observation {
  return {
    indicator: ind.name, indicatorId: ind.id, agency: ind.agency, period, value, status: "ok", unit: ind.unit ?? "other",
    numerator: null, denominator: null, target: null, polarity: null, rag: null, source: { file: "s.xlsx", sheet: "S", cell: "A1" },
  };
}

const OBSERVATIONS = [obs(REREFERRALS, Q1, 25), obs(REREFERRALS, Q2, 22), obs(ASSESSMENTS, Q1, 40), obs(ASSESSMENTS, Q2, 45), obs(NO_POLARITY, Q2, 500), obs(UNLINKED, Q2, 96)];

function published(over: Partial<BenchmarkRow>): BenchmarkRow {
  return {
    indicator: "x", breakdown: { category: "Children in need" }, period: year(2025), unit: "percent", value: 30, status: "ok",
    england: 40, region: 41, neighbours: { mean: 39.5, count: 9, leftOut: 1, missing: 0 }, rank: { position: 3, of: 12, leftOut: 0 },
    rankLeftOut: 0, englandStatus: "ok", regionStatus: "ok", source: { file: "cin.csv", sheet: "cin.csv", cell: "K2" }, ...over,
  };
}

function link(ind: Indicator, column: string, row: Partial<BenchmarkRow>): IndicatorBenchmark {
  return { indicatorId: ind.id, indicator: ind.name, file: "cin.csv", column, breakdown: { category: "Children in need" }, linkedBy: "map", published: published({ indicator: column, ...row }) };
}

const TREND = [
  { period: year(2023), value: 28, england: 41 },
  { period: year(2024), value: 31, england: 40.5 },
  { period: year(2025), value: 30, england: 40 },
];

const BENCHMARKS: ScorecardBenchmarks = {
  area: { code: "E06990001", name: "Northshire", region: "North East", oldCode: "951" },
  neighbours: ["Wearmouth", "Tynedale Vale"],
  files: ["cin.csv"],
  indicators: [
    link(REREFERRALS, "rereferrals_percent", { england: 44.1, region: 46.9, neighbours: { mean: 45.2, count: 9, leftOut: 1, missing: 0 }, trend: TREND }),
    link(ASSESSMENTS, "assessments_within_45_days_percent", { england: 48.7, region: 51.5, neighbours: { mean: 49.6, count: 8, leftOut: 2, missing: 0 }, trend: TREND }),
    link(NO_POLARITY, "cin_rate_per_10000", { unit: "rate", england: 436.2, region: 456.9, neighbours: { mean: null, count: 0, leftOut: 0, missing: 0 }, trend: TREND }),
  ],
};

function header(sheet: SheetPlan): string[] {
  return (sheet.blocks[0]?.values[SCORECARD_ROWS.header] ?? []).map((v) => String(v));
}
const colOf = (sheet: SheetPlan, heading: string) => {
  const i = header(sheet).indexOf(heading);
  if (i < 0) throw new Error(`no column ${heading}`);
  return i;
};
const rowOf = (layout: ScorecardLayout, name: string) => {
  const r = layout.rows.find((x) => x.kind === "indicator" && x.label === name);
  if (!r) throw new Error(`no row ${name}`);
  return r.row;
};

describe("the comparator columns", () => {
  const { sheet, layout } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks: BENCHMARKS });
  const cells = planCells(sheet);
  const at = (name: string, heading: string) => cells.get(cellAddress(rowOf(layout, name), colOf(sheet, heading)));

  test("come after the RAG column: the period they are for, England, the region, the neighbours, against England, the trend", () => {
    expect(header(sheet).slice(header(sheet).indexOf("RAG") + 1)).toEqual([
      "Official figures for", "England", "North East", "Neighbours' mean", "Neighbours with a figure", "Neighbours left out", "Against England", "Trend",
    ]);
  });

  test("hold each linked indicator's published figures, and nothing for an indicator not linked", () => {
    expect(["Official figures for", "England", "North East", "Neighbours' mean", "Neighbours with a figure", "Neighbours left out"].map((h) => at(REREFERRALS.name, h))).toEqual([
      "Year to 31 March 2025", 44.1, 46.9, 45.2, 9, 1,
    ]);
    expect(at(ASSESSMENTS.name, "Neighbours left out")).toBe(2);
    for (const h of ["Official figures for", "England", "Against England", "Trend"]) expect(at(UNLINKED.name, h) ?? null).toBeNull();
  });

  test("the neighbour counts are blank, not 0, where there were no neighbours to count", () => {
    expect(at(NO_POLARITY.name, "Neighbours with a figure")).toBeNull();
    expect(at(NO_POLARITY.name, "Neighbours left out")).toBeNull();
  });

  test("the figures take the row's number format", () => {
    const england = cellAddress(rowOf(layout, REREFERRALS.name), colOf(sheet, "England"));
    const p = parseRange(england);
    const format = (sheet.numberFormats ?? []).filter((f) => {
      const r = parseRange(f.range);
      return r.top <= p.top && p.top <= r.bottom && r.left <= p.left && p.left <= r.right;
    });
    expect(format.map((f) => f.format)).toEqual(["0.0"]);
  });

  test("a heading an indicator set's comparator already uses is marked official", () => {
    const withEngland = INDICATORS.map((i) => (i === UNLINKED ? { ...i, comparators: { England: 90 } } : i));
    const { sheet: s } = buildScorecard(OBSERVATIONS, withEngland, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks: BENCHMARKS });
    expect(header(s)).toContain("England");
    expect(header(s)).toContain("England (official)");
  });

  test("no comparator columns, charts or notes without benchmarks, or when nothing is linked", () => {
    for (const benchmarks of [undefined, { ...BENCHMARKS, indicators: [] }]) {
      const { sheet: s, layout: l } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks });
      expect(header(s)).not.toContain("Against England");
      expect(s.charts).toBeUndefined();
      expect(s.blocks).toHaveLength(1);
      expect(l.trend).toBeNull();
    }
  });
});

describe("Against England is worked out by the sheet", () => {
  const { sheet, layout } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks: BENCHMARKS });
  const words = (name: string, edits = {}) => sheetLookup(sheet, edits)(cellAddress(rowOf(layout, name), colOf(sheet, "Against England")));
  const cell = (name: string, heading: string) => cellAddress(rowOf(layout, name), colOf(sheet, heading));

  test("allowing for polarity: lower re-referrals than England are better, fewer timely assessments worse", () => {
    expect(words(REREFERRALS.name)).toBe(AGAINST_ENGLAND.better); // 22 against 44.1, lower is better
    expect(words(ASSESSMENTS.name)).toBe(AGAINST_ENGLAND.worse); // 45 against 48.7, higher is better
  });

  test("without a polarity it says higher or lower, never better or worse", () => {
    expect(words(NO_POLARITY.name)).toBe(AGAINST_ENGLAND.higher); // 500 against 436.2
    expect(words(NO_POLARITY.name, { [cell(NO_POLARITY.name, "Q2 2025/26")]: 400 })).toBe(AGAINST_ENGLAND.lower);
  });

  test("follows an edited figure, an edited polarity and an edited England figure", () => {
    expect(words(REREFERRALS.name, { [cell(REREFERRALS.name, "Q2 2025/26")]: 50 })).toBe(AGAINST_ENGLAND.worse);
    expect(words(REREFERRALS.name, { [cell(REREFERRALS.name, "Q2 2025/26")]: 44.1 })).toBe(AGAINST_ENGLAND.same);
    expect(words(REREFERRALS.name, { [cell(REREFERRALS.name, "Polarity")]: "higher" })).toBe(AGAINST_ENGLAND.worse);
    expect(words(ASSESSMENTS.name, { [cell(ASSESSMENTS.name, "England")]: 30 })).toBe(AGAINST_ENGLAND.better);
  });

  test("is blank where either figure is missing", () => {
    expect(words(REREFERRALS.name, { [cell(REREFERRALS.name, "Q2 2025/26")]: "c" })).toBe("");
    expect(words(REREFERRALS.name, { [cell(REREFERRALS.name, "England")]: null })).toBe("");
  });

  test("two rules after the RAG rules shade the words from the comparison itself: blue better, orange worse", () => {
    const rules = sheet.conditionalFormats ?? [];
    expect(rules.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5]);
    expect(rules.slice(3).map((r) => (r.kind === "expression" ? r.style.fill : null))).toEqual([AGAINST_STYLES.better.fill, AGAINST_STYLES.worse.fill]);
    const fills = [AGAINST_STYLES.better.fill, AGAINST_STYLES.worse.fill];
    expect(fills.some((f) => (Object.values(RAG_STYLES) as { fill: string }[]).some((s) => s.fill === f))).toBe(false);
    const fill = (name: string, edits = {}) => conditionalFill(rules.slice(3), cell(name, "Against England"), sheetLookup(sheet, edits));
    expect(fill(REREFERRALS.name)).toBe(AGAINST_STYLES.better.fill);
    expect(fill(ASSESSMENTS.name)).toBe(AGAINST_STYLES.worse.fill);
    expect(fill(NO_POLARITY.name)).toBeNull();
    // Typing over the words changes nothing: the rule restates the comparison.
    expect(fill(REREFERRALS.name, { [cell(REREFERRALS.name, "Against England")]: AGAINST_ENGLAND.worse })).toBe(AGAINST_STYLES.better.fill);
    expect(fill(REREFERRALS.name, { [cell(REREFERRALS.name, "Q2 2025/26")]: 60 })).toBe(AGAINST_STYLES.worse.fill);
  });
});

describe("the trend below the table", () => {
  const { sheet, layout } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks: BENCHMARKS });
  const cells = planCells(sheet);
  const trend = layout.trend!;

  test("starts two rows under the table, with a title and a note on what the columns mean", () => {
    expect(trend.top).toBe(layout.lastRow + 2);
    expect(cells.get(cellAddress(trend.top, 0))).toBe("How Northshire compares with England over time (official statistics)");
    const note = [1, 2, 3, 4].map((i) => String(cells.get(cellAddress(trend.top + i, 0))));
    expect(note[0]).toBe("Northshire (951, E06990001); region North East. Official statistics from cin.csv, at the latest period Northshire has.");
    expect(note[1]).toBe("Statistical neighbours (2): Wearmouth; Tynedale Vale.");
    expect(note[2]).toContain("suppressed (c), low-reliability (u) and unavailable (x) figures are never in it");
  });

  test("one block per linked indicator: its figures under Period, the area and England, and a line chart beside them", () => {
    expect(trend.blocks.map((b) => b.benchmark.indicatorId)).toEqual(["CSC01", "CSC02", "CSC03"]);
    const first = trend.blocks[0]!;
    expect([0, 1, 2].map((c) => cells.get(cellAddress(first.row + 1, c)))).toEqual(["Period", "Northshire", "England"]);
    expect([2, 3, 4].map((i) => [0, 1, 2].map((c) => cells.get(cellAddress(first.row + i, c))))).toEqual(TREND.map((p) => [p.period.label, p.value, p.england]));
    expect(sheet.charts).toEqual(
      trend.blocks.map((b) => ({
        kind: "lineMarkers",
        title: `${b.benchmark.indicatorId}: Northshire and England`,
        source: `A${b.row + 2}:C${b.row + 5}`,
        from: `D${b.row + 2}`,
        to: `I${b.row + 1 + TREND_CHART_ROWS}`,
      })),
    );
    // Charts never overlap: each block is at least as tall as its chart.
    for (let i = 1; i < trend.blocks.length; i++) expect(trend.blocks[i]!.row).toBeGreaterThan(trend.blocks[i - 1]!.row + TREND_CHART_ROWS);
  });

  test("the table's Trend column says where each chart is", () => {
    trend.blocks.forEach((b) => {
      expect(cells.get(cellAddress(rowOf(layout, b.benchmark.indicator), colOf(sheet, "Trend")))).toBe(`Chart at row ${b.row + 1}`);
    });
  });

  test("the area's name fits its column in the blocks (the ID column above is widened for it)", () => {
    const long = { ...BENCHMARKS, area: { ...BENCHMARKS.area, name: "Kingston upon Hull, City of" } };
    const { sheet: s } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks: long });
    expect(s.columnWidths?.find((w) => w.col === 1)?.width).toBeGreaterThanOrEqual("Kingston upon Hull, City of".length);
  });

  test("the how-to-read line mentions Against England only when there are benchmarks", () => {
    expect(String(cells.get(cellAddress(SCORECARD_ROWS.howTo, 0)))).toContain("Against England");
    const { sheet: plain } = buildScorecard(OBSERVATIONS, INDICATORS, DEFAULT_RAG_RULE, { groupBy: "agency" });
    expect(String(planCells(plain).get(cellAddress(SCORECARD_ROWS.howTo, 0)))).not.toContain("Against England");
  });
});
