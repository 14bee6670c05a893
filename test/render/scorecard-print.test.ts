/**
 * The scorecard as a board prints it (issue 15, item 4: it printed across three pages with the
 * names cut off). The demo's scorecard, as `ingest --out` writes it from the bundled sample, is
 * opened in LibreOffice and printed to PDF: its pages are A3 landscape, every indicator's whole
 * name is in the text (a name cut off by the column beside it, or run over the row below because
 * its row was too short, is not), and the heading row is at the top of every page. A scorecard
 * long enough to run over several pages checks the heading row where it has to be repeated.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Indicator, Observation } from "../../src/core/model";
import { DEFAULT_RAG_RULE } from "../../src/core/rag";
import { buildScorecard } from "../../src/core/scorecard";
import { renderPlanToXlsx } from "../../src/files/render";
import { runCli } from "../cli/run-cli";
import { convertWithLibreOffice, pdfPageSizes, withLibreOffice } from "./libreoffice";

const it = withLibreOffice("Scorecard printing");
const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "partnership-scorecard-q2-2025-26.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-scorecard-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


/** A word LibreOffice drew on a page, where it is (points from the top left). */
interface Word {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

/** Every word of a page with its box, as pdftotext -bbox gives them. */
function pageWords(pdf: string, n: number): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: (m[5] ?? "").replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e] ?? ""),
    left: Number(m[1]),
    top: Number(m[2]),
    right: Number(m[3]),
    bottom: Number(m[4]),
  }));
}

/** Words on the same line (tops within a point), lines top to bottom, words left to right. */
function linesOf(words: readonly Word[]): Word[][] {
  const lines: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0] as Word).top - w.top) < 1) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.left - b.left));
}

/** The heading row: the line that starts "Indicator ID" and ends "RAG". */
function headingLine(lines: readonly Word[][]): Word[] | undefined {
  return lines.find((l) => l[0]?.text === "Indicator" && l[1]?.text === "ID" && l[l.length - 1]?.text === "RAG");
}

/**
 * The Indicator column, line by line: the words from the heading's left edge to where the ID
 * column starts. A name cut off by the column beside it does not read whole here.
 */
function indicatorColumn(lines: readonly Word[][], heading: readonly Word[]): { top: number; height: number; text: string }[] {
  const left = (heading[0] as Word).left - 1;
  const right = (heading[1] as Word).left;
  return lines
    .filter((l) => l !== heading)
    .map((l) => l.filter((w) => w.left >= left && w.right <= right))
    .filter((l) => l.length > 0)
    .map((l) => ({ top: (l[0] as Word).top, height: (l[0] as Word).bottom - (l[0] as Word).top, text: l.map((w) => w.text).join(" ") }));
}

/**
 * One page of the scorecard: its heading row must be above every indicator's ID, and no two
 * lines of the Indicator column may overlap (a name wrapped in a row too short for it runs
 * over the names above and below it). Returns the column's text.
 */
function scorecardPage(pdf: string, n: number, ids: RegExp): string {
  const lines = linesOf(pageWords(pdf, n));
  const heading = headingLine(lines);
  expect({ page: n, heading: heading?.map((w) => w.text).join(" ") }).toEqual({ page: n, heading: expect.stringContaining("Direction of travel") });
  const firstId = Math.min(...lines.flat().filter((w) => ids.test(w.text)).map((w) => w.top));
  expect((heading as Word[])[0]!.top).toBeLessThan(firstId);
  const column = indicatorColumn(lines, heading as Word[]);
  const overlapping = column.slice(1).filter((line, i) => line.top - column[i]!.top < column[i]!.height / 2);
  expect({ page: n, overlapping: overlapping.map((l) => l.text) }).toEqual({ page: n, overlapping: [] });
  return column.map((l) => l.text).join(" ");
}

/** A3 landscape: 420 x 297 mm, 1190.55 x 841.89 points. */
const A3_LANDSCAPE: [number, number] = [1191, 842];

/** The scorecard's pages: the first sheet's, which come first, up to the next sheet's paper. */
function scorecardPages(pdf: string): number[] {
  const sizes = pdfPageSizes(pdf);
  const first = sizes.findIndex((s) => s[0] !== A3_LANDSCAPE[0] || s[1] !== A3_LANDSCAPE[1]);
  return Array.from({ length: first < 0 ? sizes.length : first }, (_, i) => i + 1);
}

describe("the scorecard printed from LibreOffice", () => {
  it("the demo's scorecard prints on A3 landscape with every name whole and the heading row on each page", async () => {
    const out = path.join(dir, "indicators.xlsx");
    const json = path.join(dir, "obs.json");
    await runCli("ingest", SAMPLE, "--json", json, "--out", out);
    const names = [...new Set((JSON.parse(fs.readFileSync(json, "utf8")) as { observations: { indicator: string }[] }).observations.map((o) => o.indicator))];
    expect(names.length).toBeGreaterThan(15);
    // Some are longer than the Indicator column is wide: those wrap.
    expect(names.some((n) => n.length > 60)).toBe(true);

    const pdf = convertWithLibreOffice(out, "pdf", dir);
    const pages = scorecardPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // The sheet after the scorecard has no page setup of its own, so its pages are not A3 landscape: the scorecard's end where they start.
    expect(pdfPageSizes(pdf).length).toBeGreaterThan(pages.length);
    const column = pages.map((n) => scorecardPage(pdf, n, /^[A-Z]{3}\d{2}$/)).join(" ");
    expect(names.filter((n) => !column.includes(n))).toEqual([]);
  }, 300_000);

  it("a scorecard of many indicators runs on over A3 pages, one wide, with the heading row at the top of each", async () => {
    const words = ["Children", "referred", "to", "early", "help", "services", "within", "four", "weeks", "of", "a", "multi-agency", "safeguarding", "hub", "decision", "(%)"];
    const indicators: Indicator[] = Array.from({ length: 160 }, (_, i) => ({
      id: `IND${String(i + 1).padStart(3, "0")}`,
      // Names from 3 to 16 words, some well over the column's width.
      name: `${words.slice(0, 3 + (i % 14)).join(" ")} ${i + 1}`,
      agency: ["Police", "Health", "Children's Social Care", "Education"][i % 4]!,
      unit: "percent",
      polarity: "higher",
      target: 90,
      contentArea: null,
      type: null,
      source: null,
      frequency: null,
    }));
    const observations: Observation[] = indicators.map((ind, i) => ({
      indicator: ind.name, indicatorId: ind.id, agency: ind.agency, period: { start: "2025-04-01", end: "2025-06-30", label: "Q1 2025/26" }, value: 80 + (i % 15),
      status: "ok", unit: "percent", numerator: null, denominator: null, target: null, polarity: null, rag: null, source: { file: "t.xlsx", sheet: "S", cell: "A1" },
    }));
    const { sheet } = buildScorecard(observations, indicators, DEFAULT_RAG_RULE, { groupBy: "agency" });
    const file = path.join(dir, "long.xlsx");
    fs.writeFileSync(file, await renderPlanToXlsx({ sheets: [sheet] }));

    const pdf = convertWithLibreOffice(file, "pdf", path.join(dir, "long"));
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every(([w, h]) => w === A3_LANDSCAPE[0] && h === A3_LANDSCAPE[1])).toBe(true);
    // One page wide: the heading row, from Indicator to RAG, is whole at the top of every page.
    const column = sizes.map((_, i) => scorecardPage(pdf, i + 1, /^IND\d{3}$/)).join(" ");
    expect(indicators.filter((ind) => !column.includes(ind.name)).map((ind) => ind.name)).toEqual([]);
  }, 300_000);
});
