/**
 * The scorecard with official benchmarks as a reader sees it: the plan rendered to .xlsx by the
 * file adapter, opened by LibreOffice (which calculates "Against England" itself and applies its
 * shades), printed to PDF and turned into pictures, and saved as CSV for the calculated words and
 * the comparator figures. Then a figure is edited in the file, with nothing else changed, and
 * the words and the shade follow: the comparison is live, not written once. A re-save by
 * LibreOffice keeps a line chart for every linked indicator.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BenchmarkRow, IndicatorBenchmark, ScorecardBenchmarks } from "../../src/core/benchmark";
import type { Indicator, Observation, Period } from "../../src/core/model";
import { DEFAULT_RAG_RULE } from "../../src/core/rag";
import { AGAINST_ENGLAND, AGAINST_STYLES, SCORECARD_ROWS, buildScorecard } from "../../src/core/scorecard";
import { internals, renderPlanToXlsx } from "../../src/files/render";
import { splitCsv } from "../support/csv";
import { fillBands, rgb } from "./bands";
import { convertWithLibreOffice, pdfPages, withLibreOffice } from "./libreoffice";

const withSoffice = withLibreOffice("scorecard-benchmarks");

const Q1: Period = { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" };
const Q2: Period = { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" };
const year = (y: number): Period => ({ start: `${y - 1}-04-01`, end: `${y}-03-31`, label: `Year to 31 March ${y}` });

type Mark = "better" | "worse";
interface Case {
  name: string;
  polarity: "higher" | "lower" | null;
  latest: number;
  england: number | null;
  expected: string;
}

/** England is 40 wherever it is given; each indicator sits under its own heading row, so no two shaded cells touch. */
const CASES: Case[] = [
  { name: "Lower is better and below England", polarity: "lower", latest: 30, england: 40, expected: AGAINST_ENGLAND.better },
  { name: "Higher is better and below England", polarity: "higher", latest: 30, england: 40, expected: AGAINST_ENGLAND.worse },
  { name: "Higher is better and above England", polarity: "higher", latest: 50, england: 40, expected: AGAINST_ENGLAND.better },
  { name: "No polarity and above England", polarity: null, latest: 50, england: 40, expected: AGAINST_ENGLAND.higher },
  { name: "Lower is better and above England", polarity: "lower", latest: 50, england: 40, expected: AGAINST_ENGLAND.worse },
  { name: "England's figure suppressed", polarity: "higher", latest: 50, england: null, expected: "" },
];

const shade = (words: string): Mark | null => (words === AGAINST_ENGLAND.better ? "better" : words === AGAINST_ENGLAND.worse ? "worse" : null);

function scorecard() {
  const indicators: Indicator[] = CASES.map((c, i) => ({
    id: `B${i + 1}`, name: c.name, agency: `Agency ${i + 1}`, unit: "percent", polarity: c.polarity, target: null,
    contentArea: null, type: null, source: null, frequency: null,
  }));
  const observations: Observation[] = indicators.flatMap((ind, i) =>
    ([[Q1, 45], [Q2, CASES[i]!.latest]] as const).map(([period, value]) => ({
      indicator: ind.name, indicatorId: ind.id, agency: ind.agency, period, value, status: "ok" as const, unit: "percent" as const,
      numerator: null, denominator: null, target: null, polarity: null, rag: null, source: { file: "s.xlsx", sheet: "S", cell: "A1" },
    })),
  );
  const published = (c: Case): BenchmarkRow => ({
    indicator: "rate_percent", breakdown: {}, period: year(2025), unit: "percent", value: 41, status: "ok", england: c.england, region: 42,
    neighbours: { mean: 41.5, count: 9, leftOut: 1, missing: 0 }, rank: { position: 4, of: 12, leftOut: 1 }, rankLeftOut: 1,
    englandStatus: c.england === null ? "suppressed" : "ok", regionStatus: "ok", source: { file: "open.csv", sheet: "open.csv", cell: "K9" },
    trend: [2023, 2024, 2025].map((y, k) => ({ period: year(y), value: 38 + k, england: c.england === null ? null : 40 + k / 2 })),
  });
  const linked: IndicatorBenchmark[] = indicators.map((ind, i) => ({
    indicatorId: ind.id, indicator: ind.name, file: "open.csv", column: "rate_percent", breakdown: {}, linkedBy: "map", published: published(CASES[i]!),
  }));
  const benchmarks: ScorecardBenchmarks = {
    area: { code: "E06990001", name: "Northshire", region: "North East", oldCode: "951" },
    neighbours: ["Wearmouth", "Tynedale Vale", "Calder Moor"],
    files: ["open.csv"],
    indicators: linked,
  };
  return buildScorecard(observations, indicators, DEFAULT_RAG_RULE, { groupBy: "agency", benchmarks });
}

// ---------------------------------------------------------------------------------------------

let work = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "scorecard-benchmarks-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function convert(xlsx: string, to: "pdf" | "csv" | "xlsx"): string {
  return convertWithLibreOffice(xlsx, to, join(work, `${basename(xlsx, ".xlsx")}-${to}`));
}

/**
 * The sheet prints one A3 page wide, its benchmark columns and all, so its cells are small on the
 * page: at 120 dots an inch a shaded cell is tall enough for rows of pixels clear of its words.
 */
const DPI = 120;

const FILLS: [Mark, [number, number, number]][] = [
  ["better", rgb(AGAINST_STYLES.better.fill)],
  ["worse", rgb(AGAINST_STYLES.worse.fill)],
];

/** The scorecard's rows as LibreOffice calculated them, by indicator name, with the heading row's columns. */
function rowsFromCsv(csvFile: string): { head: string[]; rows: Map<string, string[]> } {
  const all = splitCsv(readFileSync(csvFile, "utf8"));
  const head = all[SCORECARD_ROWS.header] ?? [];
  return { head, rows: new Map(all.filter((r) => CASES.some((c) => c.name === r[0])).map((r) => [r[0]!, r])) };
}

describe("the scorecard's benchmark columns, rendered by LibreOffice", () => {
  const { sheet } = scorecard();
  let original = "";

  beforeAll(async () => {
    original = join(work, "scorecard.xlsx");
    writeFileSync(original, await renderPlanToXlsx({ sheets: [sheet] }));
  });

  withSoffice("the comparator columns and the calculated words are on the sheet, row by row", () => {
    const { head, rows } = rowsFromCsv(convert(original, "csv"));
    for (const h of ["Official figures for", "England", "North East", "Neighbours' mean", "Neighbours with a figure", "Neighbours left out", "Against England"]) expect(head).toContain(h);
    const col = (h: string) => head.indexOf(h);
    // Figures as numbers: how LibreOffice's CSV writes a formatted number is its business, not the sheet's.
    const figure = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));
    for (const c of CASES) {
      const r = rows.get(c.name)!;
      expect([c.name, r[col("Official figures for")], ...["England", "North East", "Neighbours' mean", "Neighbours with a figure", "Neighbours left out"].map((h) => figure(r[col(h)])), r[col("Against England")]]).toEqual([
        c.name, "Year to 31 March 2025", c.england, 42, 41.5, 9, 1, c.expected,
      ]);
    }
  }, 240_000);

  withSoffice("each better or worse row is shaded, blue or orange, top to bottom, one band per row, all in one column", () => {
    const bands = fillBands(pdfPages(convert(original, "pdf"), DPI), FILLS);
    expect(bands.map((b) => b.mark)).toEqual(CASES.map((c) => shade(c.expected)).filter((m): m is Mark => m !== null));
    const heights = bands.map((b) => b.height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(2);
    const lefts = bands.map((b) => b.left);
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThanOrEqual(2);
  }, 240_000);

  withSoffice("LibreOffice keeps a line chart of the area against England for every linked indicator", async () => {
    const resaved = await JSZip.loadAsync(readFileSync(convert(original, "xlsx")));
    const charts = Object.keys(resaved.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(CASES.length);
    const xml = await Promise.all(charts.map((c) => resaved.file(c)!.async("string")));
    for (const x of xml) {
      expect(x).toContain("<c:lineChart>");
      expect(x).toMatch(/Northshire and England/);
    }
  }, 240_000);

  withSoffice("editing one figure in the saved file, and nothing else, changes that row's words and shade", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const ws = wb.getWorksheet("Scorecard")!;
    let q2Col = 0;
    ws.getRow(SCORECARD_ROWS.header + 1).eachCell((cell, col) => {
      if (cell.value === Q2.label) q2Col = col;
    });
    let target = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === CASES[0]!.name) target = n;
    });
    expect([q2Col, target]).not.toContain(0);
    const figure = ws.findCell(target, q2Col)!;
    expect(figure.value).toBe(30);
    // Lower is better: 45 against England's 40 is worse.
    figure.value = 45;
    const edited = join(work, "scorecard-edited.xlsx");
    await wb.xlsx.writeFile(edited);

    const [before, after] = await Promise.all(
      [original, edited].map(async (f) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(f);
        const s = book.getWorksheet("Scorecard")!;
        const values: Record<string, unknown> = {};
        s.eachRow((row) => row.eachCell((c) => (values[c.address] = c.value)));
        return { values, rules: JSON.stringify(internals(s).conditionalFormattings) };
      }),
    );
    const changed = Object.keys({ ...before!.values, ...after!.values }).filter((a) => JSON.stringify(before!.values[a]) !== JSON.stringify(after!.values[a]));
    expect(changed).toEqual([figure.address]);
    expect(after!.rules).toBe(before!.rules);

    const now = CASES.map((c, i) => (i === 0 ? AGAINST_ENGLAND.worse : c.expected));
    const { head, rows } = rowsFromCsv(convert(edited, "csv"));
    expect(CASES.map((c) => rows.get(c.name)![head.indexOf("Against England")])).toEqual(now);
    const bands = fillBands(pdfPages(convert(edited, "pdf"), DPI), FILLS);
    expect(bands.map((b) => b.mark)).toEqual(now.map(shade).filter((m): m is Mark => m !== null));
  }, 240_000);
});
