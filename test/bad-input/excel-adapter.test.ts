/**
 * Hostile workbooks open in Excel: the test host seeded with what a user (or another tool) can
 * put in a sheet. Reading through the Excel adapter and ingesting must give a result or an
 * InputError (the pane's plain message), never a crash, and the result must be right where
 * there is one.
 */
import { InputError } from "../../src/core/errors";
import { ingestWorkbook } from "../../src/core/ingest";
import type { IngestDetail } from "../../src/core/ingest";
import { readWorkbook } from "../../src/excel";
import { ExcelHost, type SeedSheet } from "../excel-host";

const SCORECARD: (string | number | null)[][] = [
  ["Safeguarding Children Partnership Scorecard"],
  [],
  ["Ref", "Indicator", "Good is", "Target", "Q1 2025/26", "Q2 2025/26"],
  ["Police"],
  ["PO01", "Domestic abuse incidents with children present", "Low", 1200, 1234, 1198],
  ["PO02", "Missing episodes with a return interview offered (%)", "High", 90, 88.5, "*"],
  ["Health"],
  ["HE01", "Initial health assessments within 20 working days (%)", "High", 85, 79.2, 81.4],
];

const scorecard = (name: string, extra: Partial<SeedSheet> = {}): SeedSheet => ({ name, rows: { values: SCORECARD }, ...extra });

/** Reads and ingests; an InputError is a correct answer, anything else thrown fails the test. */
async function readAndIngest(host: ExcelHost): Promise<IngestDetail | InputError> {
  const book = await readWorkbook(host.context);
  try {
    return ingestWorkbook(book);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

function figures(r: IngestDetail | InputError): string[] {
  if (r instanceof InputError) throw new Error(`expected a result, got: ${r.message}`);
  return r.observations.map((o) => `${o.source.sheet}!${o.source.cell} ${o.indicatorId} ${o.agency} ${o.period.label} ${o.status === "ok" ? o.value : o.status}`);
}

const EXPECTED = [
  "Scorecard!E5 PO01 Police Q1 2025/26 1234",
  "Scorecard!F5 PO01 Police Q2 2025/26 1198",
  "Scorecard!E6 PO02 Police Q1 2025/26 88.5",
  "Scorecard!F6 PO02 Police Q2 2025/26 suppressed",
  "Scorecard!E8 HE01 Health Q1 2025/26 79.2",
  "Scorecard!F8 HE01 Health Q2 2025/26 81.4",
];

describe("hostile workbooks read through the Excel adapter", () => {
  test("a merged area over the whole sheet (A1:XFD1048576) is clipped to the cells in use", async () => {
    const host = new ExcelHost({ sheets: [scorecard("Scorecard", { merges: ["A1:XFD1048576"] })] });
    const result = await readAndIngest(host);
    // Excel shows only A1 of a merged area: the sheet holds a title and nothing else to read.
    if (!(result instanceof InputError)) expect(result.observations).toEqual([]);
    else expect(result.message).toMatch(/No sheet in Book1\.xlsx looks like an indicator table/);
  });

  test("a merged area over the columns right of the table leaves the figures as they are", async () => {
    const host = new ExcelHost({ sheets: [scorecard("Scorecard", { merges: ["H1:XFD1048576"] })] });
    expect(figures(await readAndIngest(host))).toEqual(EXPECTED);
  });

  test("a cell of a million characters (as a title) is read and does not stop the figures being found", async () => {
    const host = new ExcelHost({ sheets: [scorecard("Scorecard", { cells: { A1: "Q1 2025/26 ".repeat(20) + "x".repeat(1_000_000) } })] });
    expect(figures(await readAndIngest(host))).toEqual(EXPECTED);
  });

  test("formulas everywhere: the figures are their results, and formula text in a label is just text", async () => {
    const host = new ExcelHost({
      sheets: [
        scorecard("Scorecard", {
          cells: {
            E5: { formula: "=1000+234", value: 1234 },
            F5: { formula: "=SUM(1198)", value: 1198 },
            E8: { formula: "=79.2*1", value: 79.2 },
            F8: { formula: '=HYPERLINK("http://example.invalid","81.4")', value: "81.4" },
            B5: { formula: '="Domestic abuse incidents with children present"', value: "Domestic abuse incidents with children present" },
          },
        }),
      ],
    });
    expect(figures(await readAndIngest(host))).toEqual(EXPECTED);
  });

  test("error values in figures are not figures; the rest is read", async () => {
    const host = new ExcelHost({
      sheets: [scorecard("Scorecard", { cells: { E5: { error: "#DIV/0!" }, F8: { formula: "=1/0", error: "#DIV/0!" }, D8: { error: "#REF!" } } })],
    });
    const got = figures(await readAndIngest(host));
    expect(got).not.toContain("Scorecard!E5 PO01 Police Q1 2025/26 1234");
    expect(got).toContain("Scorecard!F5 PO01 Police Q2 2025/26 1198");
    expect(got).toContain("Scorecard!E8 HE01 Health Q1 2025/26 79.2");
    expect(got.some((g) => g.startsWith("Scorecard!F8") && / 81\.4$/.test(g))).toBe(false);
  });

  test("hidden and very hidden sheets, and sheet names holding HTML and formula text", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "<img src=x onerror=alert(1)>", cells: { A1: "<script>alert(1)</script>" } },
        scorecard("Scorecard"),
        scorecard("=cmd|' -C calc'!A0", { state: "hidden" }),
        { name: "+SUM(1) @A1 -2", state: "veryHidden", cells: { A1: "=HYPERLINK(\"http://x\",\"y\")" } },
      ],
    });
    const result = await readAndIngest(host);
    const got = figures(result);
    for (const line of EXPECTED) expect(got).toContain(line);
    // The hostile names come back as names, character for character, never evaluated.
    expect(got.filter((g) => g.startsWith("=cmd|' -C calc'!A0!"))).toHaveLength(EXPECTED.length);
  });

  // readWorkbook measures the used ranges before it loads any cells, so one stray cell at row
  // 1,048,576 costs only its own sheet, with a reason that names it and says what to do, instead
  // of Excel refusing the whole read in words that name no sheet.
  test("a stray cell at the last row (1,048,576) beside a small table: a plain refusal naming the sheet and what to do", async () => {
    const host = new ExcelHost({ sheets: [scorecard("Scorecard", { cells: { A1048576: "end" } })] });
    const result = await readAndIngest(host);
    expect(result).toBeInstanceOf(InputError);
    expect((result as InputError).message).toBe(
      'Nothing in Book1.xlsx could be read: sheet "Scorecard" was left out because it spans A1:F1048576 (6.3 million cells), more than the 2 million cells the add-in reads; delete the stray cells far below or to the right of the table, then read it again.',
    );
    expect(host.syncCount).toBeLessThanOrEqual(3);
  });

  test("a stray cell on one sheet leaves the other sheets' figures read, and says why that sheet was not", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Notes", cells: { A1: "Read me", XFD1: "stray", A1048576: "stray" } }, scorecard("Scorecard")] });
    const result = await readAndIngest(host);
    expect(figures(result)).toEqual(EXPECTED);
    const skipped = (result as IngestDetail).warnings.find((w) => w.code === "INGEST_SHEET_SKIPPED" && w.sheet === "Notes");
    expect(skipped?.message).toBe(
      'Sheet "Notes" was skipped because it spans A1:XFD1048576 (17.2 billion cells), more than the 2 million cells the add-in reads; delete the stray cells far below or to the right of the table, then read it again.',
    );
  });
});
