/**
 * The scorecard's colours as a reader sees them: the plan rendered to .xlsx by the file adapter,
 * opened and printed to PDF by LibreOffice (which calculates the formulas and applies the
 * conditional formats itself), the PDF turned into pictures, and the fills found in the pixels.
 * Then a figure is edited in the file, with nothing else changed, and the colour follows:
 * the rules are live, not painted.
 *
 * LibreOffice calculates every formula that has no cached result when it opens an .xlsx, and
 * the file adapter writes none. (Where a file does carry cached results, LibreOffice 7.4 keeps
 * them if the file says Microsoft Excel wrote it, as ExcelJS's files do, and recalculates
 * otherwise; `fullCalcOnLoad` makes no difference to it.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import type { Indicator, Observation, Period } from "../../src/core/model";
import { DEFAULT_RAG_RULE } from "../../src/core/rag";
import { RAG_STYLES, SCORECARD_ROWS, buildScorecard } from "../../src/core/scorecard";
import { internals, renderPlanToXlsx } from "../../src/files/render";
import { splitCsv } from "../support/csv";
import { convertWithLibreOffice, pdfPages, withLibreOffice } from "./libreoffice";
import type { Image } from "./png";

const withSoffice = withLibreOffice("scorecard-colours");

// ---------------------------------------------------------------------------------------------
// The scorecard: each indicator under its own heading row, so no two coloured cells touch and
// each coloured band in the picture is one row.

const Q1: Period = { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" };
const Q2: Period = { start: "2025-07-01", end: "2025-09-30", label: "Q2 2025/26" };

type Mark = "G" | "A" | "R";
interface Case {
  name: string;
  polarity: "higher" | "lower";
  target: number | null;
  q1: number;
  q2: number;
  expected: Mark | null;
}

const CASES: Case[] = [
  { name: "Higher green", polarity: "higher", target: 90, q1: 80, q2: 95, expected: "G" },
  { name: "Higher red", polarity: "higher", target: 90, q1: 80, q2: 50, expected: "R" },
  { name: "Higher amber", polarity: "higher", target: 90, q1: 80, q2: 82, expected: "A" },
  { name: "Lower is better, green", polarity: "lower", target: 20, q1: 25, q2: 21, expected: "G" },
  { name: "Exactly 95 percent", polarity: "higher", target: 20, q1: 18, q2: 19, expected: "G" },
  { name: "Lower is better, red", polarity: "lower", target: 10, q1: 15, q2: 20, expected: "R" },
  { name: "No target", polarity: "higher", target: null, q1: 5, q2: 6, expected: null },
  { name: "Exactly 90 percent, lower is better", polarity: "lower", target: 18, q1: 22, q2: 20, expected: "A" },
  { name: "Exactly 95 percent of an awkward target", polarity: "higher", target: 1.1, q1: 1, q2: 1.045, expected: "G" },
];

function scorecard() {
  const indicators: Indicator[] = CASES.map((c, i) => ({
    id: `T${i + 1}`,
    name: c.name,
    agency: `Agency ${i + 1}`,
    unit: "percent",
    polarity: c.polarity,
    target: c.target,
    contentArea: null,
    type: null,
    source: null,
    frequency: null,
  }));
  const observations: Observation[] = indicators.flatMap((ind, i) =>
    ([[Q1, CASES[i]!.q1], [Q2, CASES[i]!.q2]] as const).map(([period, value]) => ({
      indicator: ind.name,
      indicatorId: ind.id,
      agency: ind.agency,
      period,
      value,
      status: "ok" as const,
      unit: "percent" as const,
      numerator: null,
      denominator: null,
      target: null,
      polarity: null,
      rag: null,
      source: { file: "test.xlsx", sheet: "Return", cell: "A1" },
    })),
  );
  return buildScorecard(observations, indicators, DEFAULT_RAG_RULE, { groupBy: "agency" });
}

// ---------------------------------------------------------------------------------------------
// LibreOffice and poppler.

let work = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "scorecard-colours-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function convert(xlsx: string, to: "pdf" | "csv"): string {
  return convertWithLibreOffice(xlsx, to, join(work, `${basename(xlsx, ".xlsx")}-${to}`));
}

const pages = (pdf: string): Image[] => pdfPages(pdf);

// ---------------------------------------------------------------------------------------------
// Finding the fills in the pictures.

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

const FILLS: [Mark, [number, number, number]][] = [
  ["G", rgb(RAG_STYLES.green.fill)],
  ["A", rgb(RAG_STYLES.amber.fill)],
  ["R", rgb(RAG_STYLES.red.fill)],
];

/** The fill of a pixel row, where at least `minRun` pixels side by side are that colour. */
function rowFill(img: Image, y: number, minRun = 8): { mark: Mark; left: number } | null {
  for (const [mark, [r, g, b]] of FILLS) {
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      const [pr, pg, pb] = img.rgb(x, y);
      const close = Math.abs(pr - r) <= 4 && Math.abs(pg - g) <= 4 && Math.abs(pb - b) <= 4;
      run = close ? run + 1 : 0;
      if (run >= minRun) return { mark, left: x - minRun + 1 };
    }
  }
  return null;
}

interface Band {
  mark: Mark;
  height: number;
  left: number;
}

/** Coloured bands top to bottom, page by page. */
function colourBands(images: Image[]): Band[] {
  const bands: Band[] = [];
  for (const img of images) {
    let current: Band | null = null;
    for (let y = 0; y < img.height; y++) {
      const fill = rowFill(img, y);
      if (fill && current && current.mark === fill.mark) current.height += 1;
      else {
        if (current) bands.push(current);
        current = fill ? { mark: fill.mark, height: 1, left: fill.left } : null;
      }
    }
    if (current) bands.push(current);
  }
  return bands;
}

// ---------------------------------------------------------------------------------------------
// Reading the calculated letters back (LibreOffice's CSV holds calculated values).


function lettersFromCsv(csvFile: string, ragColumn: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of splitCsv(readFileSync(csvFile, "utf8"))) {
    const name = row[0] ?? "";
    if (CASES.some((c) => c.name === name)) out[name] = row[ragColumn] ?? "";
  }
  return out;
}

const letters = (marks: (Mark | null)[]) => Object.fromEntries(CASES.map((c, i) => [c.name, marks[i] ?? ""]));

// ---------------------------------------------------------------------------------------------

describe("the scorecard's RAG colours, rendered by LibreOffice", () => {
  const { sheet, layout } = scorecard();
  const ragColumn = layout.columns.index.rag!;
  const expected = CASES.map((c) => c.expected);
  let original = "";

  beforeAll(async () => {
    original = join(work, "scorecard.xlsx");
    writeFileSync(original, await renderPlanToXlsx({ sheets: [sheet] }));
  });

  withSoffice("each row's fill is its rating, top to bottom, one row per band, all in the RAG column", () => {
    const bands = colourBands(pages(convert(original, "pdf")));
    expect(bands.map((b) => b.mark)).toEqual(expected.filter((m): m is Mark => m !== null));
    // One band per row: the same height each, and all in one column.
    const heights = bands.map((b) => b.height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(2);
    const lefts = bands.map((b) => b.left);
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThanOrEqual(2);
  }, 240_000);

  withSoffice("the letters LibreOffice calculates match the fills (the rating never rests on colour alone)", () => {
    expect(lettersFromCsv(convert(original, "csv"), ragColumn)).toEqual(letters(expected));
  }, 240_000);

  withSoffice("editing one figure in the saved file, and nothing else, changes that row's colour", async () => {
    // Open the rendered file as a person would, and turn the first row's latest figure from
    // green (95 against 90) to red (50).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const ws = wb.getWorksheet("Scorecard")!;
    const headerRow = ws.getRow(SCORECARD_ROWS.header + 1);
    let q2Col = 0;
    headerRow.eachCell((cell, col) => {
      if (cell.value === Q2.label) q2Col = col;
    });
    let target = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === CASES[0]!.name) target = n;
    });
    expect([q2Col, target]).not.toContain(0);
    const figure = ws.findCell(target, q2Col);
    if (!figure) throw new Error("The rendered scorecard lost the figure to edit");
    expect(figure.value).toBe(95);
    figure.value = 50;
    const edited = join(work, "scorecard-edited.xlsx");
    await wb.xlsx.writeFile(edited);

    // Nothing else differs: every other cell and every rule is as rendered.
    const [before, after] = await Promise.all([original, edited].map(async (f) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(f);
      const s = book.getWorksheet("Scorecard")!;
      const values: Record<string, unknown> = {};
      s.eachRow((row) => row.eachCell((c) => (values[c.address] = c.value)));
      return { values, rules: JSON.stringify(internals(s).conditionalFormattings) };
    }));
    const changed = Object.keys({ ...before!.values, ...after!.values }).filter(
      (a) => JSON.stringify(before!.values[a]) !== JSON.stringify(after!.values[a]),
    );
    expect(changed).toEqual([figure.address]);
    expect(after!.rules).toBe(before!.rules);

    const bands = colourBands(pages(convert(edited, "pdf")));
    const now: (Mark | null)[] = ["R", ...expected.slice(1)];
    expect(bands.map((b) => b.mark)).toEqual(now.filter((m): m is Mark => m !== null));
    expect(lettersFromCsv(convert(edited, "csv"), ragColumn)).toEqual(letters(now));
  }, 240_000);
});
