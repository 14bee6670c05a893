/**
 * The Section 11 summary's colours as a board member sees them: the summary rendered to .xlsx by
 * the file adapter, printed to PDF by LibreOffice (which applies the conditional formats and
 * works out the counts itself), the PDF turned into pictures and each agency's row of fills read
 * from the pixels. Then one rating is changed in the saved file, as a chair might after a
 * challenge session, and the colour and the counts follow: the rules are live, not painted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import type { Period } from "../../src/core/model";
import { RATING_STYLES, STANDARDS, type Rating } from "../../src/core/s11/standards";
import { FIRST_STANDARD_COL, SUMMARY_ROWS, summarySheet } from "../../src/core/s11/summary";
import type { AuditContent } from "../../src/core/s11/validate";
import { renderPlanToXlsx } from "../../src/files/render";
import { splitCsv } from "../support/csv";
import { convertWithLibreOffice, pdfPages, withLibreOffice } from "./libreoffice";
import type { Image } from "./png";

const withSoffice = withLibreOffice("s11-summary-colours");

const YEAR: Period = { start: "2025-04-01", end: "2026-03-31", label: "2025/26" };
type Mark = "G" | "A" | "R";
const MARK: Record<Rating, Mark> = { "Fully met": "G", "Partly met": "A", "Not met": "R" };
const F = "Fully met";
const P = "Partly met";
const N = "Not met";

/**
 * Three agencies' ratings, standards 1 to 9; the summary lists agencies alphabetically. Rows next
 * to each other differ in every standard, so that no two rows print as one band of colour
 * whichever columns a page holds (printed rows touch, with nothing between them).
 */
const RATINGS: Record<string, Rating[]> = {
  Education: [N, P, F, N, P, F, N, P, F],
  Health: [F, N, P, F, N, P, F, N, P],
  Police: [P, F, N, P, F, N, P, F, N],
};

function audit(agency: string, ratings: Rating[]): AuditContent {
  return {
    file: `${agency}.xlsx`,
    partnership: "Northshire Safeguarding Children Partnership",
    agency,
    period: YEAR,
    standards: STANDARDS.map((s, i) => ({ number: s.number, name: s.name, short: s.short, rating: ratings[i]!, evidence: "Seen.", comments: "", source: { file: `${agency}.xlsx`, sheet: "Audit", cell: `D${19 + i}` } })),
    actions: [],
  };
}

/** Adjacent cells of one colour print as one run, so an agency's row reads as its ratings with repeats collapsed. */
function collapse(marks: Mark[]): Mark[] {
  return marks.filter((m, i) => i === 0 || marks[i - 1] !== m);
}

let work = "";
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "s11-summary-colours-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const convert = (xlsx: string, to: "pdf" | "csv"): string => convertWithLibreOffice(xlsx, to, join(work, `${basename(xlsx, ".xlsx")}-${to}`));

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
const FILLS: [Mark, [number, number, number]][] = (Object.keys(MARK) as Rating[]).map((r) => [MARK[r], rgb(RATING_STYLES[r].fill)]);

function markAt(img: Image, x: number, y: number): Mark | null {
  const [pr, pg, pb] = img.rgb(x, y);
  for (const [mark, [r, g, b]] of FILLS) if (Math.abs(pr - r) <= 4 && Math.abs(pg - g) <= 4 && Math.abs(pb - b) <= 4) return mark;
  return null;
}

/** The fills along one pixel row, left to right: runs of at least `minRun` pixels of a rating's colour. */
function rowRuns(img: Image, y: number, minRun = 8): Mark[] {
  const runs: Mark[] = [];
  let current: Mark | null = null;
  let length = 0;
  const end = () => {
    if (current && length >= minRun && runs[runs.length - 1] !== current) runs.push(current);
  };
  for (let x = 0; x < img.width; x++) {
    const m = markAt(img, x, y);
    if (m === current) length++;
    else {
      end();
      current = m;
      length = 1;
    }
  }
  end();
  return runs;
}

/** Each page's coloured bands top to bottom: the sequence of fills across each band. */
function bandsByPage(images: Image[]): Mark[][][] {
  return images.map((img) => {
    const bands: Mark[][] = [];
    let previous = "";
    for (let y = 0; y < img.height; y++) {
      const runs = rowRuns(img, y);
      const key = runs.join("");
      if (key !== "" && key !== previous) bands.push(runs);
      previous = key;
    }
    return bands;
  });
}

/** Each agency's fills across every page it prints on (wide sheets print their right-hand columns on a later page). */
function fillsByAgency(pages: Mark[][][], agencies: number): Mark[][] {
  const withBands = pages.filter((p) => p.length > 0);
  for (const p of withBands) expect(p).toHaveLength(agencies);
  return Array.from({ length: agencies }, (_, i) => collapse(withBands.flatMap((p) => p[i]!)));
}


/** What LibreOffice works out: each agency's ratings in words and counts, and the counts per standard. */
function calculated(csvFile: string): { ratings: Record<string, string[]>; perAgency: Record<string, string[]>; perStandard: Record<string, string[]> } {
  const rows = splitCsv(readFileSync(csvFile, "utf8"));
  const from = FIRST_STANDARD_COL;
  const ratings: Record<string, string[]> = {};
  const perAgency: Record<string, string[]> = {};
  const perStandard: Record<string, string[]> = {};
  for (const row of rows) {
    const name = row[0] ?? "";
    if (name in RATINGS) {
      ratings[name] = row.slice(from, from + 9);
      perAgency[name] = row.slice(from + 9, from + 12);
    } else if ([F, P, N, "No rating"].includes(name)) perStandard[name] = row.slice(from, from + 9);
  }
  return { ratings, perAgency, perStandard };
}

const count = (agencyRatings: Rating[][], r: Rating, i: number): string => String(agencyRatings.filter((a) => a[i] === r).length);

describe("the Section 11 summary's colours, rendered by LibreOffice", () => {
  const agencies = Object.keys(RATINGS).sort();
  const audits = agencies.map((a) => audit(a, RATINGS[a]!));
  let original = "";

  beforeAll(async () => {
    original = join(work, "summary.xlsx");
    writeFileSync(original, await renderPlanToXlsx({ sheets: [summarySheet(audits, "Northshire Safeguarding Children Partnership", "2026-01-15")] }));
  });

  withSoffice(
    "each agency's row shows its ratings' colours, left to right, in agency order",
    () => {
      const fills = fillsByAgency(bandsByPage(pdfPages(convert(original, "pdf"))), agencies.length);
      expect(fills).toEqual(agencies.map((a) => collapse(RATINGS[a]!.map((r) => MARK[r]))));
    },
    240_000,
  );

  withSoffice(
    "the words in each cell and the counts LibreOffice works out match the ratings (nothing rests on colour alone)",
    () => {
      const got = calculated(convert(original, "csv"));
      expect(got.ratings).toEqual(RATINGS);
      expect(got.perAgency).toEqual(Object.fromEntries(agencies.map((a) => [a, [F, P, N].map((r) => String(RATINGS[a]!.filter((x) => x === r).length))])));
      const all = agencies.map((a) => RATINGS[a]!);
      expect(got.perStandard).toEqual({
        [F]: STANDARDS.map((_, i) => count(all, F, i)),
        [P]: STANDARDS.map((_, i) => count(all, P, i)),
        [N]: STANDARDS.map((_, i) => count(all, N, i)),
        "No rating": STANDARDS.map(() => "0"),
      });
    },
    240_000,
  );

  withSoffice(
    "a rating changed in the saved file, and nothing else, recolours its cell and recounts",
    async () => {
      // After the challenge session Police's standard 6 is agreed as Fully met.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(original);
      const ws = wb.getWorksheet("S11 summary")!;
      const policeRow = SUMMARY_ROWS.firstAgency + 1 + agencies.indexOf("Police");
      expect(ws.getCell(policeRow, FIRST_STANDARD_COL + 6).value).toBe(N);
      ws.getCell(policeRow, FIRST_STANDARD_COL + 6).value = F;
      const edited = join(work, "summary-edited.xlsx");
      await wb.xlsx.writeFile(edited);

      const now: Record<string, Rating[]> = { ...RATINGS, Police: RATINGS["Police"]!.map((r, i) => (i === 5 ? F : r)) };
      const fills = fillsByAgency(bandsByPage(pdfPages(convert(edited, "pdf"))), agencies.length);
      expect(fills).toEqual(agencies.map((a) => collapse(now[a]!.map((r) => MARK[r]))));
      const got = calculated(convert(edited, "csv"));
      expect(got.ratings["Police"]).toEqual(now.Police);
      expect(got.perAgency["Police"]).toEqual(["4", "3", "2"]);
      expect(got.perStandard[N]).toEqual(STANDARDS.map((_, i) => count(agencies.map((a) => now[a]!), N, i)));
    },
    240_000,
  );
});
