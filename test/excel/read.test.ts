import { readWorkbook, parseAreas } from "../../src/excel";
import { ExcelHost } from "../excel-host";

function seededScorecard(): ExcelHost {
  return new ExcelHost({
    file: "Partnership scorecard.xlsx",
    sheets: [
      {
        name: "Scorecard",
        cells: {
          B2: "Safeguarding scorecard",
          B3: "Indicator",
          C3: { value: 45748, numberFormat: "mmm-yy" },
          D3: { value: 45839, numberFormat: "mmm-yy" },
          B4: "Repeat CP plans",
          C4: { value: 0.175, numberFormat: "0.0%" },
          D4: { error: "#DIV/0!", formula: "=C9/C10" },
          B5: "Commentary",
          C5: "=not a formula",
          D5: { formula: "=C4*2", value: 0.35, numberFormat: "0.0%" },
          E5: true,
        },
        merges: ["B2:D2", "F1:H1"],
      },
      { name: "Lookups", state: "hidden", cells: { A1: "Agency", A2: "Police" } },
      { name: "Spec", state: "veryHidden", cells: { A1: '{"template":1}' } },
      { name: "Blank" },
    ],
  });
}

describe("readWorkbook", () => {
  test("reads every sheet's used range with values, text, formats, formulas, errors, merges and state", async () => {
    const host = seededScorecard();
    const wb = await readWorkbook(host.context);
    expect(wb.file).toBe("Partnership scorecard.xlsx");
    expect(wb.sheets.map((s) => [s.sheet, s.state])).toEqual([
      ["Scorecard", "visible"],
      ["Lookups", "hidden"],
      ["Spec", "veryHidden"],
      ["Blank", "visible"],
    ]);
    const score = wb.sheets[0]!;
    expect(score.origin).toEqual({ row: 1, col: 1 });
    expect(score.rows).toHaveLength(4);
    expect(score.rows.every((r) => r.length === 4)).toBe(true);
    // Merges come from the whole sheet, including one beyond the used range.
    expect(score.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 0, left: 5, bottom: 0, right: 7 },
    ]);
    const at = (row: number, col: number) => score.rows[row - score.origin.row]![col - score.origin.col]!;
    expect(at(2, 2)).toEqual({ value: 45748, text: "Apr-25", numberFormat: "mmm-yy" });
    expect(at(3, 2)).toEqual({ value: 0.175, text: "17.5%", numberFormat: "0.0%" });
    expect(at(3, 3)).toEqual({ value: null, text: "#DIV/0!", numberFormat: "General", error: "#DIV/0!", formula: "=C9/C10" });
    // Text that begins with "=" is text, not a formula.
    expect(at(4, 2)).toEqual({ value: "=not a formula", text: "=not a formula", numberFormat: "General" });
    expect(at(4, 3)).toEqual({ value: 0.35, text: "35.0%", numberFormat: "0.0%", formula: "=C4*2" });
    expect(at(4, 4)).toEqual({ value: true, text: "TRUE", numberFormat: "General" });
    expect(at(1, 4)).toEqual({ value: null, text: "", numberFormat: "General" });
    const blank = wb.sheets[3]!;
    expect(blank.rows).toEqual([]);
  });

  test("takes three syncs (the sheets, their sizes, their cells) and writes nothing", async () => {
    const host = seededScorecard();
    const before = host.snapshot();
    await readWorkbook(host.context);
    expect(host.syncCount).toBe(3);
    expect(host.snapshot()).toEqual(before);
  });

  test("measures before it loads: a sheet over the cap is left out with its extent and what to do, the rest read, in the same three syncs", async () => {
    const host = new ExcelHost({
      sheets: [
        { name: "Figures", cells: { A1: "Indicator", B1: "Q1 2025/26", A2: "Referrals", B2: 410 } },
        { name: "Stray", cells: { A1: "Indicator", F1048576: "x" }, merges: ["A1:B1"] },
        { name: "After", cells: { A1: "Notes" } },
      ],
    });
    const wb = await readWorkbook(host.context);
    expect(host.syncCount).toBe(3);
    expect(wb.sheets.map((s) => [s.sheet, s.rows.length, s.leftOut ?? null])).toEqual([
      ["Figures", 2, null],
      [
        "Stray",
        0,
        "it spans A1:F1048576 (6.3 million cells), more than the 2 million cells the add-in reads; delete the stray cells far below or to the right of the table, then read it again",
      ],
      ["After", 1, null],
    ]);
    // Nothing of the sheet left out was loaded, its merges included.
    expect(wb.sheets[1]?.merges).toEqual([]);
  });

  test("the cap counts the whole workbook: a sheet that fits alone but not after the others is left out, saying so", async () => {
    const host = new ExcelHost({ sheets: [{ name: "One", rows: { values: [[1, 2, 3, 4, 5]] } }, { name: "Two", rows: { values: [[1, 2, 3, 4]] } }, { name: "Three", cells: { A1: 1 } }] });
    const wb = await readWorkbook(host.context, { maxCells: 8 });
    expect(wb.sheets.map((s) => s.leftOut ?? "read")).toEqual([
      "read",
      "it spans A1:D1 (4 cells), and with the sheets before it that is more than the 8 cells the add-in reads at once; move it to a workbook of its own, or read it with the sheets before it left out",
      "read",
    ]);
  });

  test("a 50,000-cell workbook takes the same number of syncs", async () => {
    const rows = 2500;
    const sheet = (name: string) => ({
      name,
      rows: { values: Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `Indicator ${r}` : r * 10 + c))) },
    });
    const host = new ExcelHost({ sheets: [sheet("One"), sheet("Two")] });
    const wb = await readWorkbook(host.context);
    expect(host.syncCount).toBe(3);
    expect(wb.sheets.map((s) => s.rows.length * (s.rows[0]?.length ?? 0))).toEqual([25_000, 25_000]);
    expect(wb.sheets[1]!.rows[2499]![9]).toEqual({ value: 24999, text: "24999", numberFormat: "General" });
  });

  test("reads only the sheets asked for, with the file name given", async () => {
    const host = seededScorecard();
    const wb = await readWorkbook(host.context, { sheets: ["lookups"], file: "return.xlsx" });
    expect(wb.file).toBe("return.xlsx");
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["Lookups"]);
  });
});

describe("readWorkbook: answers under Excel on the web's 5 MB response limit", () => {
  const MB = 1024 * 1024;

  /** 30,000 rows of ten cells of agency text: about 21 MB to send back, far over one answer. */
  function wordy(rows: number, from = 0): string[][] {
    return Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => `Row ${from + r} column ${c}: agency commentary`));
  }

  test("a workbook whose answer is four times the limit is read in blocks, each answer under 4.5 MB, in as many syncs as the bytes need", async () => {
    const host = new ExcelHost({ sheets: [{ name: "Returns", rows: { values: wordy(30_000) } }, { name: "Small", cells: { A1: "Notes", B2: 7 } }] });
    const wb = await readWorkbook(host.context);
    const answers = host.requests.map((r) => r.responseBytes);
    const total = answers.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(4 * 5 * MB);
    expect(host.requests.every((r) => r.ok)).toBe(true);
    expect(Math.max(...answers)).toBeLessThan(4.5 * MB);
    // The sheets, their sizes, then one sync per budget's worth (4 MB): fixed + ceil(bytes / budget).
    expect(host.syncCount).toBeLessThanOrEqual(3 + Math.ceil(total / (4 * MB)));
    const sheet = wb.sheets[0]!;
    expect(sheet.rows).toHaveLength(30_000);
    expect(sheet.rows[29_999]![9]).toEqual({ value: "Row 29999 column 9: agency commentary", text: "Row 29999 column 9: agency commentary", numberFormat: "General" });
    expect(wb.sheets[1]!.rows[1]![1]).toMatchObject({ value: 7 });
  });

  test("read in blocks, the grids are exactly those of one read with no limit", async () => {
    const seed = { sheets: [{ name: "Data", rows: { values: wordy(3000) }, merges: ["L1:M2"] }] };
    const limited = new ExcelHost({ ...seed, responseLimitBytes: 400_000 });
    const wb = await readWorkbook(limited.context, { responseBudgetBytes: 300_000 });
    expect(limited.syncCount).toBeGreaterThan(5);
    expect(limited.requests.every((r) => r.ok && r.responseBytes <= 400_000)).toBe(true);
    const whole = await readWorkbook(new ExcelHost({ ...seed, responseLimitBytes: Number.POSITIVE_INFINITY }).context, { responseBudgetBytes: Number.POSITIVE_INFINITY });
    expect(wb).toEqual(whole);
  });

  test("when a block proves heavier than its estimate and Excel refuses the answer, it is read again in halves", async () => {
    // The last row, which the estimate is sampled from, is short; the rows above it are long.
    const values: string[][] = [...wordy(2000).map((r) => r.map((c) => c.repeat(4))), ["x"]];
    const host = new ExcelHost({ sheets: [{ name: "Data", rows: { values } }], responseLimitBytes: 500_000 });
    const wb = await readWorkbook(host.context, { responseBudgetBytes: 400_000 });
    const refused = host.requests.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.responseBytes > 500_000)).toBe(true);
    expect(wb.sheets[0]!.rows).toHaveLength(2001);
    expect(wb.sheets[0]!.rows[1999]![9]?.value).toBe("Row 1999 column 9: agency commentary".repeat(4));
  });

  test("a row too big for any answer leaves its sheet out, saying so, and the other sheets are read (its sample too big as well: the sizes are measured again without samples)", async () => {
    const huge = Array.from({ length: 10 }, () => "y".repeat(20_000));
    const host = new ExcelHost({
      sheets: [
        { name: "Figures", cells: { A1: "Indicator", B1: 410 } },
        { name: "Pasted", rows: { values: [["Notes"], huge] } },
      ],
      responseLimitBytes: 300_000,
    });
    const wb = await readWorkbook(host.context, { responseBudgetBytes: 200_000 });
    expect(wb.sheets.map((s) => [s.sheet, s.rows.length, s.leftOut ?? null])).toEqual([
      ["Figures", 1, null],
      ["Pasted", 0, "its row 2 holds more than Excel can send the add-in at once (5 MB); shorten the text in that row, or read the workbook from its file with the command line"],
    ]);
    // The sizes' sync, refused for the sample of the huge last row, then made again without samples.
    expect(host.requests.slice(1, 3).map((r) => r.ok)).toEqual([false, true]);
    expect(host.requests.filter((r) => !r.ok).every((r) => r.responseBytes > 300_000)).toBe(true);
  });
});

describe("parseAreas", () => {
  test("splits RangeAreas addresses, even with commas and quotes in sheet names", () => {
    expect(parseAreas("Data!A1:B2, 'My, ''odd'' sheet!'!D3:E4, Data!F6")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 3, bottom: 3, right: 4 },
      { top: 5, left: 5, bottom: 5, right: 5 },
    ]);
  });
});
