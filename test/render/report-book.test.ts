/**
 * The report book as a board member would print it: the book the command line writes from the
 * bundled sample, opened in LibreOffice and printed to PDF. One page per content area (and the
 * contents), each an A3 landscape sheet with all its text on the page, each area's trend charts
 * drawn (the figure's line, in the book's own dark blue, is found in the picture of the page), and
 * its questions for the board at the foot.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultFramework } from "../../src/core/framework";
import { runCli } from "../cli/run-cli";
import { convertWithLibreOffice, pdfPageSizes, pdfPageText, pdfPages, withLibreOffice } from "./libreoffice";

const it = withLibreOffice("Report book rendering");
const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "partnership-scorecard-q2-2025-26.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sgp-book-render-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Pixels near the figure line's colour (#1F4E79) in a picture of a page. */
function lineInk(page: { width: number; height: number; rgb(x: number, y: number): [number, number, number] }): number {
  let n = 0;
  for (let y = 0; y < page.height; y += 1) {
    for (let x = 0; x < page.width; x += 1) {
      const [r, g, b] = page.rgb(x, y);
      if (Math.abs(r - 0x1f) < 24 && Math.abs(g - 0x4e) < 24 && Math.abs(b - 0x79) < 24) n++;
    }
  }
  return n;
}


describe("the report book in LibreOffice", () => {
  it("prints one A3 landscape page per content area, each with its charts and its questions", async () => {
    const indicators = path.join(dir, "indicators.xlsx");
    const book = path.join(dir, "book.xlsx");
    const json = path.join(dir, "book.json");
    await runCli("ingest", SAMPLE, "--json", path.join(dir, "obs.json"), "--out", indicators);
    expect((await runCli("report", indicators, "--out", book, "--json", json)).code).toBe(0);
    const sheets = (JSON.parse(fs.readFileSync(json, "utf8")) as { sheets: { area: string | null; charts: number }[] }).sheets;

    const pdf = convertWithLibreOffice(book, "pdf", dir);
    const sizes = pdfPageSizes(pdf);
    expect(sizes).toHaveLength(1 + defaultFramework.areas.length);
    // A3 is 420 x 297 mm: 1190.55 x 841.89 points, wider than tall; every page.
    expect(sizes.filter(([w, h]) => w !== 1191 || h !== 842)).toEqual([]);

    const pictures = pdfPages(pdf, 40);
    expect(pictures).toHaveLength(sheets.length);
    expect(pdfPageText(pdf, 1)).toContain("Safeguarding Children Report Book");
    sheets.slice(1).forEach((sheet, i) => {
      const area = defaultFramework.areas.find((a) => a.name === sheet.area)!;
      const text = pdfPageText(pdf, i + 2);
      expect(text).toContain(area.name);
      expect(text).toContain("Questions for the board");
      // The last question is on the page too: nothing ran off its foot.
      const last = area.questions[area.questions.length - 1]!;
      expect(text).toContain(`${area.questions.length}. ${last.slice(0, 40)}`);
      const ink = lineInk(pictures[i + 1]!);
      if (sheet.charts > 0) expect(ink).toBeGreaterThan(150);
      else expect(ink).toBeLessThan(150);
    });
    expect(sheets.filter((s) => s.charts > 0).length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
